// live_persons_bench: what linking a new case's subjects to the person index
// costs (issue 18: CreateCase with two subjects at 100,000 persons at most
// 2x CreateCase with none, medians of the same run).
//
// It fills a store directly (no gRPC) with --persons persons of a generated
// population (one person record each, as a nominal index row makes), then
// times CaseChronology::CreateCase — a durable group commit each — taking
// turns between a case with no subjects and a case naming two children of
// the population (one with a typing slip), so that both see the same disk.
#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "bench/support/live_cases.h"
#include "bench/support/temp_dir.h"
#include "casefile/storage/v1/records.pb.h"
#include "core/chronology/case_chronology.h"
#include "core/persons/person_tables.h"
#include "core/time/partial_time_proto.h"
#include "migration/live_person_linker.h"
#include "migration/person_consolidation.h"
#include "storage/keys.h"
#include "storage/store.h"
#include "tools/legacy_generator/vocabulary.h"

ABSL_FLAG(int, persons, 100000, "Persons in the store.");
ABSL_FLAG(int, repeats, 300, "CreateCase calls timed of each kind.");

namespace casefile {
namespace {

// Second surnames of double-barrelled names.
constexpr const char* kFamilyNames[] = {"WATSON", "PAYNE",  "HUGHES", "EVANS",  "BEVAN",  "TRANTER", "BISHOP",
                                        "JONES",  "DAVIES", "PRICE",  "MORGAN", "LEWIS",  "PARRY",   "POWELL",
                                        "GRIFFITHS", "HARRIS", "PHILLIPS", "JAMES", "ROBERTS", "WILLIAMS"};

// A 64-bit mix of i and a salt (splitmix64): the population is the same in
// every run without a random generator's state.
uint64_t Mix(uint64_t i, uint64_t salt) {
  uint64_t z = i * 0x9E3779B97F4A7C15ULL + salt;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

template <typename List>
std::string Pick(const List& list, uint64_t h) {
  return std::string(list[h % list.size()]);
}

// Person i of the population: a child's forename and a surname from the
// legacy generator's lists (as a county's children are named: many share
// each name), with a number of the family's after the surname for one in
// three so that surnames spread as widely as a county's do, and a date of
// birth spread over 2000–2024.
storage::v1::StoredPersonRecord Population(int i) {
  namespace vocabulary = legacy_generator::vocabulary;
  storage::v1::StoredPersonRecord r;
  r.set_locator(absl::StrCat("bench/nominals.csv#row=", i + 1));
  r.set_forename(Mix(i, 1) % 2 ? Pick(vocabulary::GirlsNames(), Mix(i, 2)) : Pick(vocabulary::BoysNames(), Mix(i, 2)));
  std::string surname = absl::AsciiStrToUpper(Pick(vocabulary::Surnames(), Mix(i, 3)));
  if (Mix(i, 4) % 3 == 0) absl::StrAppend(&surname, "-", kFamilyNames[Mix(i, 5) % std::size(kFamilyNames)]);
  r.set_surname(surname);
  const absl::CivilDay born = absl::CivilDay(2000, 1, 1) + static_cast<int>(Mix(i, 6) % (25 * 365));
  *r.mutable_date_of_birth() = ToProto(PartialTime{TimePrecision::kDay, static_cast<int>(born.year()),
                                                   born.month(), born.day()});
  r.set_as_written(absl::StrCat(r.forename(), " ", r.surname()));
  return r;
}

absl::Status Fill(storage::Store& store, int persons) {
  constexpr int kPerWrite = 2000;
  for (int first = 0; first < persons; first += kPerWrite) {
    absl::Status s = store.writer().Run([&](storage::LmdbTxn& txn) -> absl::Status {
      for (int i = first; i < std::min(persons, first + kPerWrite); ++i) {
        const storage::v1::StoredPersonRecord r = Population(i);
        if (auto s = txn.Put(storage::keys::PersonRecord(r.locator()), r.SerializeAsString()); !s.ok()) return s;
        const storage::v1::StoredPersonRecord* one[] = {&r};
        if (auto s = PutPerson(txn, migration::ConsolidatePerson(one)); !s.ok()) return s;
      }
      return absl::OkStatus();
    });
    if (!s.ok()) return s;
  }
  return absl::OkStatus();
}

// One CreateCase, waited for; its latency in milliseconds (negative: refused)
// and the case made.
double TimedCreate(CaseChronology& chronology, const Caller& caller, v1::CreateCaseRequest request,
                   v1::Case* made_case = nullptr) {
  bench::TimedCase t = bench::TimedCreateCase(chronology, caller, std::move(request));
  if (!t.made.ok()) {
    std::fprintf(stderr, "CreateCase: %s\n", t.made.status().ToString().c_str());
    return -1;
  }
  if (made_case != nullptr) *made_case = *std::move(t.made);
  return t.ms;
}

int Run() {
  const int persons = absl::GetFlag(FLAGS_persons);
  const int repeats = absl::GetFlag(FLAGS_repeats);
  bench::TempDir dir;
  auto store = bench::OpenLiveStore(dir.path());
  if (!store.ok()) return std::fprintf(stderr, "%s\n", store.status().ToString().c_str()), 1;
  const absl::Time fill_start = absl::Now();
  if (absl::Status s = Fill(**store, persons); !s.ok()) return std::fprintf(stderr, "%s\n", s.ToString().c_str()), 1;
  std::printf("filled %d persons in %.1f s\n", persons, absl::ToDoubleSeconds(absl::Now() - fill_start));

  ChangeFeed feed;
  migration::LivePersonLinker linker;
  CaseChronology chronology(store->get(), &feed, [] { return absl::Now(); }, &linker);
  const Caller caller{"inv1", "DC 1 Bench", Role::kInvestigator};
  std::vector<double> none, two;
  int linked = 0;  // subjects linked to the population's person they name
  for (int k = 0; k < repeats; ++k) {
    v1::CreateCaseRequest plain;
    plain.mutable_case_()->set_title(absl::StrCat("bench case ", 2 * k));
    const double a = TimedCreate(chronology, caller, plain);
    v1::CreateCaseRequest named;
    named.mutable_case_()->set_title(absl::StrCat("bench case ", 2 * k + 1));
    std::string expected[2];
    for (int j = 0; j < 2; ++j) {
      const storage::v1::StoredPersonRecord child = Population((k * 7919 + j * 104729) % persons);
      const storage::v1::StoredPersonRecord* one[] = {&child};
      expected[j] = migration::ConsolidatePerson(one).name();
      v1::Subject* s = named.mutable_case_()->add_subjects();
      s->set_forename(child.forename());
      // The second child's surname with a typing slip (its last letter doubled).
      s->set_surname(j == 0 ? child.surname() : child.surname() + child.surname().back());
      *s->mutable_date_of_birth() = child.date_of_birth();
      s->set_display_name(absl::StrCat(s->forename(), " ", s->surname()));
    }
    v1::Case made;
    const double b = TimedCreate(chronology, caller, named, &made);
    if (a < 0 || b < 0) return 1;
    for (int j = 0; j < 2; ++j) {
      if (made.subjects(j).person() == expected[j]) {
        ++linked;
      } else {
        std::printf("  not linked: %s (%s) became %s\n", made.subjects(j).display_name().c_str(),
                    FormatPartialTime(FromProto(made.subjects(j).date_of_birth())).c_str(),
                    made.subjects(j).person().c_str());
      }
    }
    none.push_back(a);
    two.push_back(b);
  }
  const double m0 = bench::Percentile(none, 0.5), m2 = bench::Percentile(two, 0.5);
  std::printf("CreateCase median, %d calls each, %d persons in the store:\n", repeats, persons);
  std::printf("  no subjects   %.3f ms\n  two subjects  %.3f ms\n  ratio         %.2fx (target <= 2x)\n", m0, m2,
              m2 / m0);
  std::printf("subjects linked to the person they name: %d of %d (the second of each case with a typing slip)\n",
              linked, 2 * repeats);
  return 0;
}

}  // namespace
}  // namespace casefile

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  return casefile::Run();
}
