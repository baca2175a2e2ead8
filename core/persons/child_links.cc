#include "core/persons/child_links.h"

#include <string>
#include <vector>

#include "absl/functional/function_ref.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "core/access/need_to_know.h"
#include "core/persons/person_directory.h"
#include "core/persons/person_search.h"

namespace casefile {
namespace {

using ChildVisitor = absl::FunctionRef<absl::Status(v1::ChildRef& child, const std::string& path)>;

absl::Status EachChild(google::protobuf::RepeatedPtrField<v1::ChildRef>& children, absl::string_view path,
                       ChildVisitor visit) {
  for (int i = 0; i < children.size(); ++i) {
    if (auto s = visit(children[i], absl::StrCat(path, "[", i, "]")); !s.ok()) return s;
  }
  return absl::OkStatus();
}

absl::Status ForEachChild(v1::Entry& entry, ChildVisitor visit) {
  switch (entry.record_case()) {
    case v1::Entry::kStrategyDiscussion:
      return EachChild(*entry.mutable_strategy_discussion()->mutable_children(),
                       "entry.strategy_discussion.children", visit);
    case v1::Entry::kReferral: {
      auto& impacts = *entry.mutable_referral()->mutable_child_impacts();
      for (int i = 0; i < impacts.size(); ++i) {
        if (auto s = visit(*impacts[i].mutable_child(), absl::StrCat("entry.referral.child_impacts[", i, "].child"));
            !s.ok())
          return s;
      }
      return absl::OkStatus();
    }
    case v1::Entry::kSection47Enquiry:
      return EachChild(*entry.mutable_section47_enquiry()->mutable_children(),
                       "entry.section47_enquiry.children", visit);
    case v1::Entry::kMissingEpisode:
      return visit(*entry.mutable_missing_episode()->mutable_child(), "entry.missing_episode.child");
    case v1::Entry::kCustody: return visit(*entry.mutable_custody()->mutable_child(), "entry.custody.child");
    case v1::Entry::kAssessment:
      return visit(*entry.mutable_assessment()->mutable_child(), "entry.assessment.child");
    default: return absl::OkStatus();
  }
}

// Lower-case words joined by single spaces: "Ellie  WATSON" → "ellie watson".
std::string Folded(absl::string_view name) {
  std::vector<std::string> words = absl::StrSplit(absl::AsciiStrToLower(name), ' ', absl::SkipWhitespace());
  return absl::StrJoin(words, " ");
}

bool SameDay(const v1::PartialTime& a, const v1::PartialTime& b) {
  return a.precision() == v1::PartialTime::PRECISION_DAY && b.precision() == v1::PartialTime::PRECISION_DAY &&
         a.year() == b.year() && a.month() == b.month() && a.day() == b.day();
}

// The one person the caller may know of with exactly this name and date of
// birth, or "" when none or more than one has them.
absl::StatusOr<std::string> TheOnePersonNamed(const storage::LmdbTxn& txn, const PersonFilter& visible,
                                              const v1::ChildRef& child) {
  v1::SearchPersonsRequest request;
  request.set_query(child.name());
  *request.mutable_date_of_birth() = child.date_of_birth();
  request.set_page_size(200);
  auto matches = SearchPersons(txn, request, visible);
  if (absl::IsInvalidArgument(matches.status())) return std::string();  // a name search cannot take
  if (!matches.ok()) return matches.status();
  const std::string wanted = Folded(child.name());
  std::string found;
  for (const v1::PersonMatch& match : *matches) {
    const v1::Person& p = match.person();
    if (Folded(absl::StrCat(p.forename(), " ", p.surname())) != wanted ||
        !SameDay(p.date_of_birth(), child.date_of_birth()))
      continue;
    if (!found.empty()) return std::string();
    found = p.name();
  }
  return found;
}

}  // namespace

absl::Status LinkChildrenToPersons(const storage::LmdbTxn& txn, const Caller& caller, v1::Entry& entry) {
  CaseVisibility cases(txn, caller);
  const PersonFilter visible = KnownCasesOnly(cases);
  return ForEachChild(entry, [&](v1::ChildRef& child, const std::string& path) -> absl::Status {
    if (!child.person().empty()) {
      auto person = GetPerson(txn, child.person(), visible);
      if (absl::IsNotFound(person.status()))
        return absl::InvalidArgumentError(absl::StrCat(path, ".person: ", child.person(), " not found"));
      if (absl::IsInvalidArgument(person.status()))
        return absl::InvalidArgumentError(
            absl::StrCat(path, ".person: expected persons/{person}, e.g. persons/P0123456789abcdef"));
      return person.status();
    }
    if (child.date_of_birth().precision() != v1::PartialTime::PRECISION_DAY) return absl::OkStatus();
    auto person = TheOnePersonNamed(txn, visible, child);
    if (!person.ok()) return person.status();
    child.set_person(*person);
    return absl::OkStatus();
  });
}

}  // namespace casefile
