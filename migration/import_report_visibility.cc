#include "migration/import_report_visibility.h"

namespace casefile::migration {
namespace {

// Keeps the elements of `field` for which `keep` is true; stops at an error.
template <typename T, typename Keep>
absl::Status KeepOnly(google::protobuf::RepeatedPtrField<T>& field, Keep keep) {
  google::protobuf::RepeatedPtrField<T> kept;
  for (T& element : field) {
    absl::StatusOr<bool> k = keep(element);
    if (!k.ok()) return k.status();
    if (*k) *kept.Add() = std::move(element);
  }
  field.Swap(&kept);
  return absl::OkStatus();
}

// A dry run names no case: a line without one is kept.
absl::StatusOr<bool> KnowsOrNone(CaseVisibility& cases, const std::string& name) {
  if (name.empty()) return true;
  return cases.Knows(name);
}

}  // namespace

absl::Status HideUnknownCases(CaseVisibility& cases, v1::Import& report) {
  if (auto s = KeepOnly(*report.mutable_cases(),
                        [&](const std::string& name) { return KnowsOrNone(cases, name); });
      !s.ok())
    return s;
  if (auto s = KeepOnly(*report.mutable_unlisted_refs(),
                        [&](const v1::CaseResolution& r) { return KnowsOrNone(cases, r.case_()); });
      !s.ok())
    return s;
  if (auto s = KeepOnly(*report.mutable_changed_records(),
                        [&](const v1::ChangedRecord& r) { return KnowsOrNone(cases, r.case_()); });
      !s.ok())
    return s;
  return KeepOnly(*report.mutable_ref_conflicts(), [&](const v1::RefConflict& r) -> absl::StatusOr<bool> {
    for (const std::string& name : r.cases()) {
      auto knows = KnowsOrNone(cases, name);
      if (!knows.ok() || !*knows) return knows;
    }
    return true;
  });
}

}  // namespace casefile::migration
