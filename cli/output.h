// Human-readable and JSON renderings of cases and entries for the CLI. The
// human-readable ones print every stored string through TerminalSafe
// (cli/terminal_safe.h); JSON escapes control characters itself.
//
// Thread-safe: pure functions.
#ifndef CASEFILE_CLI_OUTPUT_H_
#define CASEFILE_CLI_OUTPUT_H_

#include <string>

#include "absl/strings/string_view.h"
#include "casefile/v1/case.pb.h"
#include "google/protobuf/message.h"

namespace casefile::cli {

// The protobuf JSON mapping, one object per line.
std::string ToJson(const google::protobuf::Message& message);
// `text` with `indent` before each of its lines.
std::string Indented(const std::string& text, absl::string_view indent);
// "cases/CF-000001  v3  Ellie WATSON (03/04/2008)  refs: 22/45871/12"
// "dc4471, team cait": who a restricted case is kept to.
std::string RestrictionText(const v1::CaseRestriction& r);
std::string CaseLine(const v1::Case& c);
// A case header block: name, title, refs, subjects, version, creator.
std::string CaseBlock(const v1::Case& c);
// "#3  2012-11-12 14:30  visit  DC 4471 Hughes" then the text, indented;
// with `sources`, every legacy source with its locator and text as read.
std::string EntryBlock(const v1::Entry& e, bool sources);
// "visit" for ENTRY_KIND_VISIT.
std::string KindName(v1::EntryKind kind);

}  // namespace casefile::cli

#endif  // CASEFILE_CLI_OUTPUT_H_
