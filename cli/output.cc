#include "cli/output.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "cli/record_output.h"
#include "cli/terminal_safe.h"
#include "core/time/partial_time.h"
#include "core/time/partial_time_proto.h"
#include "google/protobuf/util/json_util.h"
#include "google/protobuf/util/time_util.h"

namespace casefile::cli {

std::string Indented(const std::string& text, absl::string_view indent) {
  return absl::StrCat(indent, absl::StrReplaceAll(text, {{"\n", absl::StrCat("\n", indent)}}));
}

namespace {

std::string SubjectList(const google::protobuf::RepeatedPtrField<v1::Subject>& subjects) {
  std::vector<std::string> names;
  for (const v1::Subject& s : subjects) {
    names.push_back(TerminalSafe(!s.display_name().empty() ? s.display_name()
                                                           : absl::StrCat(s.forename(), " ", s.surname())));
  }
  return absl::StrJoin(names, "; ");
}

}  // namespace

std::string ToJson(const google::protobuf::Message& message) {
  std::string json;
  google::protobuf::util::JsonPrintOptions options;
  options.preserve_proto_field_names = false;
  (void)google::protobuf::util::MessageToJsonString(message, &json, options);
  return json;
}

std::string KindName(v1::EntryKind kind) {
  std::string name = v1::EntryKind_Name(kind);
  if (name.rfind("ENTRY_KIND_", 0) == 0) name = name.substr(11);
  return absl::AsciiStrToLower(absl::StrReplaceAll(name, {{"_", " "}}));
}

std::string RestrictionText(const v1::CaseRestriction& r) {
  std::vector<std::string> named;
  for (const std::string& user : r.users()) named.push_back(TerminalSafe(user));
  for (const std::string& team : r.teams()) named.push_back(absl::StrCat("team ", TerminalSafe(team)));
  return absl::StrJoin(named, ", ");
}

std::string CaseLine(const v1::Case& c) {
  std::string line = absl::StrCat(TerminalSafe(c.name()), "  v", c.version(), "  ", TerminalSafe(c.title()));
  if (!c.legacy_refs().empty()) absl::StrAppend(&line, "  refs: ", TerminalSafe(absl::StrJoin(c.legacy_refs(), ", ")));
  if (!c.owner().empty()) absl::StrAppend(&line, "  owner ", TerminalSafe(c.owner()));
  if (!c.team().empty()) absl::StrAppend(&line, "  team ", TerminalSafe(c.team()));
  if (c.has_restriction()) absl::StrAppend(&line, "  [restricted]");
  if (!c.next_review_date().empty()) absl::StrAppend(&line, "  review due ", TerminalSafe(c.next_review_date()));
  return line;
}

std::string CaseBlock(const v1::Case& c) {
  std::string out = absl::StrCat(TerminalSafe(c.name()), "  ", TerminalSafe(c.title()), "\n");
  if (!c.legacy_refs().empty())
    absl::StrAppend(&out, "  refs:     ", TerminalSafe(absl::StrJoin(c.legacy_refs(), ", ")), "\n");
  if (!c.subjects().empty()) absl::StrAppend(&out, "  subjects: ", SubjectList(c.subjects()), "\n");
  if (!c.owner().empty() || !c.team().empty())
    absl::StrAppend(&out, "  owner:    ", c.owner().empty() ? "(none)" : TerminalSafe(c.owner()), "   team: ",
                    c.team().empty() ? "(none)" : TerminalSafe(c.team()), "\n");
  if (c.has_restriction()) absl::StrAppend(&out, "  restricted to: ", RestrictionText(c.restriction()), "\n");
  if (c.state() == v1::CASE_STATE_CLOSED || c.state() == v1::CASE_STATE_REOPENED)
    absl::StrAppend(&out, "  state:    ", c.state() == v1::CASE_STATE_CLOSED ? "closed" : "reopened", "\n");
  if (!c.closure_approval().empty())
    absl::StrAppend(&out, "  closure approved in ", TerminalSafe(c.closure_approval()), "\n");
  if (c.has_last_review()) {
    const v1::RetentionReview& r = c.last_review();
    absl::StrAppend(&out, "  reviewed: ",
                    r.decision() == v1::RetentionReview::DECISION_RETAIN ? "retain" : "dispose", " by ",
                    TerminalSafe(r.reviewer()), " at ", google::protobuf::util::TimeUtil::ToString(r.review_time()),
                    ": ", TerminalSafe(r.reason()), "\n");
  }
  if (!c.next_review_date().empty())
    absl::StrAppend(&out, "  next review due: ", TerminalSafe(c.next_review_date()), "\n");
  absl::StrAppend(&out, "  entries:  ", c.version(), "   opened by ", TerminalSafe(c.creator()), " at ",
                  google::protobuf::util::TimeUtil::ToString(c.create_time()), "\n");
  if (c.has_update_time())
    absl::StrAppend(&out, "  last written at ", google::protobuf::util::TimeUtil::ToString(c.update_time()), "\n");
  return out;
}

std::string EntryBlock(const v1::Entry& e, bool sources) {
  std::string out = absl::StrCat("#", e.number(), "  ", FormatPartialTime(FromProto(e.occur_time())),
                                 "  ", KindName(e.kind()), "  by ",
                                 TerminalSafe(e.author_display_name().empty() ? e.author() : e.author_display_name()));
  if (!e.supersedes().empty())
    absl::StrAppend(&out, "  [corrects ", TerminalSafe(e.supersedes()), ": ", TerminalSafe(e.correction_reason()), "]");
  if (!e.superseded_by().empty()) absl::StrAppend(&out, "  [superseded by ", TerminalSafe(e.superseded_by()), "]");
  absl::StrAppend(&out, "\n", Indented(TerminalSafeText(e.text()), "    "), "\n", RecordBlock(e));
  if (!e.subjects().empty()) absl::StrAppend(&out, "    subjects: ", SubjectList(e.subjects()), "\n");
  if (sources) {
    for (const v1::Source& s : e.sources()) {
      absl::StrAppend(&out, "    source ", TerminalSafe(s.locator()), s.legacy_ref().empty() ? "" : "  ",
                      TerminalSafe(s.legacy_ref()), "  ", FormatPartialTime(FromProto(s.occurred())), "  ",
                      TerminalSafe(s.author()), "\n");
      // Two batches can hold the same locator: the import tells them apart,
      // and the record id is what `casefile separate` takes.
      absl::StrAppend(&out, "      from ", s.import().empty() ? "(unknown import)" : TerminalSafe(s.import()),
                      s.import_label().empty() ? "" : absl::StrCat(" \"", TerminalSafe(s.import_label()), "\""));
      if (!s.record().empty() && s.record() != s.locator()) absl::StrAppend(&out, "  record ", TerminalSafe(s.record()));
      if (!s.date_note().empty())
        absl::StrAppend(&out, "\n      date as written '", TerminalSafe(s.occurred_as_written()), "': ", TerminalSafe(s.date_note()));
      if (s.text_is_entry_text()) {
        absl::StrAppend(&out, "\n      | (word for word the entry's text above)\n");
      } else {
        absl::StrAppend(&out, "\n", Indented(TerminalSafeText(s.text()), "      | "), "\n");
      }
    }
  } else if (e.sources_size() > 1) {
    absl::StrAppend(&out, "    (merged from ", e.sources_size(), " legacy records; --sources shows them)\n");
  }
  return out;
}

}  // namespace casefile::cli
