// The subjects of a case are persons of the index: each is a person record
// of the case ("cases/{case}#subject=N" when the case was created,
// "cases/{case}/entries/{n}#subject=N" when the entry n corrected the
// subjects), linked through the PersonLinker (core/persons/person_linker.h)
// in the write's transaction, and names its person (`Subject.person`).
// A case's subjects are set when it is created and changed only by
// CorrectSubjects, which relinks what it changed.
//
// Thread-safety: as the transaction passed in.
#ifndef CASEFILE_CORE_CHRONOLOGY_SUBJECT_LINKS_H_
#define CASEFILE_CORE_CHRONOLOGY_SUBJECT_LINKS_H_

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "casefile/v1/case.pb.h"
#include "core/persons/person_linker.h"
#include "storage/lmdb.h"

namespace casefile {

using Subjects = google::protobuf::RepeatedPtrField<v1::Subject>;

// Links `subjects[i]` for each i of `which` as the person record
// "<named_by>#subject=<i+1>" of `case_name` (named_by: the case when it is
// created, the correcting entry later) and sets its person. Nothing is
// linked without `persons` (tests of the chronology alone).
absl::Status LinkSubjects(storage::LmdbTxn& txn, const PersonLinker* persons, absl::string_view case_name,
                          absl::string_view named_by, Subjects& subjects, absl::Span<const int> which);

// What correcting a case's subjects from `before` to `after` changes. A
// subject of `after` written exactly as one of `before` (display name,
// forename, surname, date of birth) is kept with its person and its person
// record, so that the operators' decisions about it still hold; the others
// are new. The live subject records of the case that no kept subject holds
// are to be unlinked.
struct SubjectChange {
  std::vector<std::string> unlink;  // locators of the records of subjects gone or changed
  std::vector<int> link;            // positions in `after` of the new subjects
  std::string text;                 // the chronology entry's text
  bool changed = false;             // false: `after` is `before` as written, in order
};
// Fills the person of the kept subjects of `after`.
absl::StatusOr<SubjectChange> CompareSubjects(const storage::LmdbTxn& txn, absl::string_view case_name,
                                              const Subjects& before, Subjects& after);

}  // namespace casefile

#endif  // CASEFILE_CORE_CHRONOLOGY_SUBJECT_LINKS_H_
