#include "core/persons/child_links.h"

#include <string>
#include <vector>

#include "absl/functional/function_ref.h"
#include "absl/strings/str_cat.h"
#include "casefile/storage/v1/records.pb.h"
#include "core/access/need_to_know.h"
#include "core/input/resource_names.h"
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

}  // namespace

std::vector<const v1::ChildRef*> ChildrenOf(const v1::Entry& entry) {
  std::vector<const v1::ChildRef*> children;
  switch (entry.record_case()) {
    case v1::Entry::kStrategyDiscussion:
      for (const auto& c : entry.strategy_discussion().children()) children.push_back(&c);
      break;
    case v1::Entry::kReferral:
      for (const auto& impact : entry.referral().child_impacts()) children.push_back(&impact.child());
      break;
    case v1::Entry::kSection47Enquiry:
      for (const auto& c : entry.section47_enquiry().children()) children.push_back(&c);
      break;
    case v1::Entry::kMissingEpisode: children.push_back(&entry.missing_episode().child()); break;
    case v1::Entry::kCustody: children.push_back(&entry.custody().child()); break;
    case v1::Entry::kAssessment: children.push_back(&entry.assessment().child()); break;
    default: break;
  }
  return children;
}

std::string ChildRecordLocator(absl::string_view entry_name, int k) {
  return absl::StrCat(entry_name, "#child=", k);
}

absl::Status LinkChildrenToPersons(storage::LmdbTxn& txn, const Caller& caller, const PersonLinker* persons,
                                   v1::Entry& entry) {
  CaseVisibility cases(txn, caller);
  const PersonFilter visible = KnownCasesOnly(cases);
  auto entry_name = ParseEntryName(entry.name(), "entry.name");
  if (!entry_name.ok()) return entry_name.status();
  std::vector<storage::v1::StoredPersonRecord> records;
  std::vector<v1::ChildRef*> named;  // the children of `records`, in order
  int k = 0;
  absl::Status checked = ForEachChild(entry, [&](v1::ChildRef& child, const std::string& path) -> absl::Status {
    ++k;
    if (!child.person().empty()) {
      auto person = GetPerson(txn, child.person(), visible);
      if (absl::IsNotFound(person.status()))
        return absl::InvalidArgumentError(absl::StrCat(path, ".person: ", child.person(), " not found"));
      if (absl::IsInvalidArgument(person.status()))
        return absl::InvalidArgumentError(
            absl::StrCat(path, ".person: expected persons/{person}, e.g. persons/P0123456789abcdef"));
      return person.status();
    }
    storage::v1::StoredPersonRecord& r = records.emplace_back();
    r.set_locator(ChildRecordLocator(entry.name(), k));
    r.set_as_written(child.name());  // the linker reads forename and surname from it
    *r.mutable_date_of_birth() = child.date_of_birth();
    r.set_case_(CaseName(entry_name->case_id));
    named.push_back(&child);
    return absl::OkStatus();
  });
  if (!checked.ok()) return checked;
  if (persons == nullptr || records.empty()) return absl::OkStatus();
  auto linked = persons->Link(txn, records);
  if (!linked.ok()) return linked.status();
  if (linked->size() != named.size()) return absl::InternalError("the person linker answered for other records");
  for (size_t i = 0; i < named.size(); ++i) named[i]->set_person((*linked)[i]);
  return absl::OkStatus();
}

}  // namespace casefile
