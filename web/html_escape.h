// Escaping every string that comes from the store before it goes into a page.
//
// Case text is imported from legacy systems: it may hold markup, script,
// quotes, control characters and bytes that are not UTF-8. HtmlEscape makes
// any of them inert text in element content and in double- or single-quoted
// attribute values; nothing else of a page is built from stored strings.
//
// Thread-safe: pure functions.
#ifndef CASEFILE_WEB_HTML_ESCAPE_H_
#define CASEFILE_WEB_HTML_ESCAPE_H_

#include <string>

#include "absl/strings/string_view.h"

namespace casefile::web {

// `&`, `<`, `>`, `"` and `'` as character references; a byte sequence that is
// not valid UTF-8, and a control character other than tab, newline and
// carriage return (C0, DEL, C1), as U+FFFD, so the page is always valid UTF-8
// and a browser never guesses at an encoding.
std::string HtmlEscape(absl::string_view text);
void AppendHtmlEscaped(std::string& out, absl::string_view text);

// A CSS string literal ("..." with every character outside [A-Za-z0-9 -_./]
// as a hexadecimal escape) for putting a stored string into a stylesheet,
// e.g. the case reference in a page's running header. Never closes a <style>.
std::string CssString(absl::string_view text);

// A query parameter's value: every byte but RFC 3986's unreserved characters
// percent-encoded (then HtmlEscape it into an attribute like any URL).
std::string QueryValue(absl::string_view value);

}  // namespace casefile::web

#endif  // CASEFILE_WEB_HTML_ESCAPE_H_
