// The true story behind one synthetic case: its key and legacy references, the
// people in it, and the chronology of events that really happened. The record
// writers render these into legacy records; truth.json says which record
// describes which event and which nominal row is which person.
//
// Thread-safety: plain value types; BuildCase is pure given its Random.
#ifndef CASEFILE_TOOLS_LEGACY_GENERATOR_CASE_MODEL_H_
#define CASEFILE_TOOLS_LEGACY_GENERATOR_CASE_MODEL_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/time/civil_time.h"
#include "tools/legacy_generator/generator_options.h"
#include "tools/legacy_generator/random.h"
#include "tools/legacy_generator/reference_allocator.h"

namespace casefile::legacy_generator {

enum class RefKind { kCrime, kNonCrime, kPaperFile };

// "CRIME", "NON_CRIME", "PAPER_FILE" as case_xref.csv spells them.
std::string_view XrefKindName(RefKind kind);

struct LegacyReference {
  std::string ref;  // "22/45871/12" or "HPVP/2012/0457"
  RefKind kind = RefKind::kCrime;
};

struct Address {
  std::string line_1;  // "17 Wyebank Close"
  std::string town;
  std::string postcode;
};

struct Person {
  std::string role;  // "child", "mother", "adult", "sibling", "twin"
  std::string forename;
  std::string surname;  // as a registrar would write it: "O'Dowd"
  absl::CivilDay date_of_birth;
  bool male = false;
  Address address;
};

struct Officer {
  std::string rank;     // "DC", "PC", "DS"
  int collar = 0;       // 4 digits
  std::string surname;  // capitals: "TEAGUE"

  std::string Display() const;    // "DC 4471 TEAGUE"
  std::string Folder() const;     // "Teague_4471"
  std::string EnteredBy() const;  // "Teague"
};

struct TrueEvent {
  int number = 0;  // "e<number>" in truth.json; chronological from 1
  absl::CivilMinute when;
  std::string text;  // the officer's own wording, UTF-8
  // Another event of the case has exactly this text (weekly welfare checks):
  // its records always keep at least the day, or nobody could tell them apart.
  bool shared_wording = false;
  std::string doc_type;  // the paper-file form it would be written on
  size_t crime_ref = 0;  // index into SyntheticCase::crime_refs
  bool in_log = false;
  bool in_crime = false;
  bool in_paper = false;
};

struct SyntheticCase {
  std::string key;                          // "HFD-PVP-000123"
  std::vector<LegacyReference> crime_refs;  // one or two, CRIME or NON_CRIME
  std::string paper_ref;                    // "" when there is no paper file
  Officer officer;
  std::string social_worker;
  std::vector<Person> people;     // [0] child, [1] mother, [2] adult, then lookalikes
  std::vector<TrueEvent> events;  // in time order
  bool has_log = true;

  // Every legacy reference: crime/non-crime refs first, then the paper file.
  std::vector<LegacyReference> AllRefs() const;
  const Person& child() const { return people[0]; }
  const Person& mother() const { return people[1]; }
  const Person& adult() const { return people[2]; }
};

// "Forename SURNAME (dd/mm/yyyy)" as paper files and log headers name people;
// without the date of birth when !with_dob.
std::string SubjectLabel(const Person& person, bool with_dob);

// Builds case number `index` (from 1). Draws only from `random`, except for
// references, which `refs` keeps unique across the folder.
SyntheticCase BuildCase(int64_t index, const Officer& officer, const Variations& variations,
                        ReferenceAllocator& refs, Random& random);

}  // namespace casefile::legacy_generator

#endif  // CASEFILE_TOOLS_LEGACY_GENERATOR_CASE_MODEL_H_
