#include "core/chronology/subject_links.h"

#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "casefile/storage/v1/records.pb.h"
#include "google/protobuf/util/message_differencer.h"
#include "storage/keys.h"
#include "storage/prefix_scan.h"

namespace casefile {
namespace {

using google::protobuf::util::MessageDifferencer;
using storage::v1::StoredPersonRecord;

// The subject as written, without what the person index set.
v1::Subject AsWritten(const v1::Subject& s) {
  v1::Subject out = s;
  out.clear_person();
  return out;
}

std::string WrittenName(const v1::Subject& s) {
  return s.display_name().empty() ? absl::StrCat(s.forename(), " ", s.surname()) : s.display_name();
}

std::string Listed(const Subjects& subjects) {
  if (subjects.empty()) return "none";
  std::vector<std::string> names;
  for (const v1::Subject& s : subjects) names.push_back(WrittenName(s));
  return absl::StrJoin(names, "; ");
}

// Whether `r` is the record LinkSubjects made of `s` (the linker completes
// what the writer left out from the name as written).
bool RecordOf(const StoredPersonRecord& r, const v1::Subject& s) {
  return r.as_written() == WrittenName(s) && (s.forename().empty() || r.forename() == s.forename()) &&
         (s.surname().empty() || r.surname() == s.surname()) &&
         (s.date_of_birth().precision() == v1::PartialTime::PRECISION_UNSPECIFIED ||
          MessageDifferencer::Equals(r.date_of_birth(), s.date_of_birth()));
}

// The case's live subject records: those made at its creation and by its corrections.
absl::StatusOr<std::vector<StoredPersonRecord>> LiveSubjectRecords(const storage::LmdbTxn& txn,
                                                                    absl::string_view case_name) {
  std::vector<StoredPersonRecord> out;
  for (const std::string& place : {absl::StrCat(case_name, "#subject="), absl::StrCat(case_name, "/entries/")}) {
    absl::Status s = storage::ScanPrefix(
        txn, storage::keys::PersonRecord(place), [&](absl::string_view, absl::string_view value) -> absl::Status {
          StoredPersonRecord r;
          if (!r.ParseFromArray(value.data(), static_cast<int>(value.size())))
            return absl::DataLossError("corrupt person record");
          if (absl::StrContains(r.locator(), "#subject=")) out.push_back(std::move(r));
          return absl::OkStatus();
        });
    if (!s.ok()) return s;
  }
  return out;
}

}  // namespace

absl::Status LinkSubjects(storage::LmdbTxn& txn, const PersonLinker* persons, absl::string_view case_name,
                          absl::string_view named_by, Subjects& subjects, absl::Span<const int> which) {
  if (persons == nullptr || which.empty()) return absl::OkStatus();
  std::vector<StoredPersonRecord> records;
  for (int i : which) {
    const v1::Subject& subject = subjects[i];
    StoredPersonRecord& r = records.emplace_back();
    r.set_locator(absl::StrCat(named_by, "#subject=", i + 1));
    r.set_forename(subject.forename());
    r.set_surname(subject.surname());
    *r.mutable_date_of_birth() = subject.date_of_birth();
    r.set_as_written(WrittenName(subject));
    r.set_case_(std::string(case_name));
  }
  auto linked = persons->Link(txn, records);
  if (!linked.ok()) return linked.status();
  if (linked->size() != records.size()) return absl::InternalError("the person linker answered for other records");
  for (size_t k = 0; k < records.size(); ++k) subjects[which[k]].set_person((*linked)[k]);
  return absl::OkStatus();
}

absl::StatusOr<SubjectChange> CompareSubjects(const storage::LmdbTxn& txn, absl::string_view case_name,
                                              const Subjects& before, Subjects& after) {
  auto records = LiveSubjectRecords(txn, case_name);
  if (!records.ok()) return records.status();
  SubjectChange change;
  std::vector<bool> kept(before.size(), false);
  std::vector<bool> held(records->size(), false);
  for (int j = 0; j < after.size(); ++j) {
    const v1::Subject wanted = AsWritten(after[j]);
    int found = -1;
    for (int i = 0; i < before.size() && found < 0; ++i) {
      if (!kept[i] && MessageDifferencer::Equals(AsWritten(before[i]), wanted)) found = i;
    }
    if (found < 0) {
      change.link.push_back(j);
      continue;
    }
    kept[found] = true;
    after[j].set_person(before[found].person());
    for (size_t r = 0; r < records->size(); ++r) {
      if (!held[r] && RecordOf((*records)[r], after[j])) {
        held[r] = true;
        break;
      }
    }
  }
  for (size_t r = 0; r < records->size(); ++r) {
    if (!held[r]) change.unlink.push_back((*records)[r].locator());
  }
  change.changed = before.size() != after.size();
  for (int i = 0; i < after.size() && !change.changed; ++i) {
    change.changed = !MessageDifferencer::Equals(AsWritten(before[i]), AsWritten(after[i]));
  }
  change.text = absl::StrCat("Subjects corrected: ", Listed(after), ".\nBefore: ", Listed(before), ".");
  return change;
}

}  // namespace casefile
