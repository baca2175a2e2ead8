// TerminalSafe: how the CLI prints, in text mode, any string it did not write
// itself (titles, entry text, locators, names, file names, reasons, labels,
// server error messages): nothing in it may reach the terminal as a control
// character or escape sequence, whatever a legacy file or a client stored.
//
// Kept as they are: printable UTF-8 (any script, emoji, "£", curly quotes),
// the space and the tab. Shown visibly instead:
//   - C0 controls other than tab and newline, and DEL: "\x1b", "\x0d", "\x7f";
//   - C1 controls U+0080–U+009F (the 8-bit CSI U+009B among them): "\u009b";
//   - a byte that is not part of valid UTF-8 (a stray Windows-1252 byte, an
//     overlong form, a UTF-16 surrogate, past U+10FFFF): "\xNN" for the byte.
// A newline is kept by TerminalSafeText (entry text, a source's text) and
// shown as "\n" by TerminalSafe (one-line fields). A backslash is printed as
// it is: the escapes show that something was there, they are not a format to
// parse back (--json is).
//
// Thread-safe: pure functions.
#ifndef CASEFILE_CLI_TERMINAL_SAFE_H_
#define CASEFILE_CLI_TERMINAL_SAFE_H_

#include <string>

#include "absl/strings/string_view.h"

namespace casefile::cli {

// For a field printed on one line: a newline is shown as "\n".
std::string TerminalSafe(absl::string_view s);
// For text printed over several lines: newlines are kept.
std::string TerminalSafeText(absl::string_view s);

}  // namespace casefile::cli

#endif  // CASEFILE_CLI_TERMINAL_SAFE_H_
