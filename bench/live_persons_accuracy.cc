// live_persons_accuracy: issue 18's live targets. Cases name the children of
// a generated population as they are created (CaseChronology::CreateCase on a
// store, directly, with migration::LivePersonLinker: the live path casefiled
// runs, without gRPC), then each child is searched for by a noisy name and
// the date of birth (SearchPersons, core/persons/person_search.h) and scored
// against the truth kept on the side (which child each subject is):
//  - the right person (one holding the child) among the first three results
//    (target >= 98%);
//  - wrong automatic links: subjects linked to a person that holds another
//    child (target <= 0.1% of subjects);
//  - missed links: a child named again whose later subject is not in the
//    person of its first (and how many of them one open review item joins);
//  - review items raised, and the time of each CreateCase.
//
// The population: families of one to five children sharing a surname (twins
// share the date of birth as well; siblings are one to five years apart),
// names from tools/legacy_generator/vocabulary.h (--names generator: 50
// surnames, 60 forenames) or from Febrl's original records (--names febrl:
// about 4,000 surnames and 900 forenames with their frequencies), born over
// the last 18 years. Each family's children are the subjects of one case (siblings in one
// case: the linker must never merge them). A share of the children
// (--named_again) is named a second time, later, alone in another case: with
// a typing slip in the forename or the surname (legacy_generator AddTypos), a
// nickname, or as first written. A subject carries no address (v1::Subject
// has none), so two different children with one name and one date of birth
// cannot be told apart: the report counts such pairs.
//
//   live_persons_accuracy --children 2000
#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/civil_time.h"
#include "absl/time/clock.h"
#include "bench/support/febrl.h"
#include "bench/support/live_cases.h"
#include "bench/support/paging.h"
#include "bench/support/pair_scores.h"
#include "bench/support/temp_dir.h"
#include "core/chronology/case_chronology.h"
#include "core/persons/person_search.h"
#include "core/time/partial_time.h"
#include "core/time/partial_time_proto.h"
#include "migration/live_person_linker.h"
#include "migration/review_queue.h"
#include "tools/legacy_generator/random.h"
#include "tools/legacy_generator/text_noise.h"
#include "tools/legacy_generator/vocabulary.h"

ABSL_FLAG(int, children, 50000, "Children of the population, each named in a case.");
ABSL_FLAG(double, named_again, 0.25, "Share of the children named a second time, in another case, with noise.");
ABSL_FLAG(double, twins, 0.03, "Chance that a family's next child is a twin of the one before.");
ABSL_FLAG(uint64_t, seed, 1, "Population and noise seed.");
ABSL_FLAG(int, explain, 0, "Print up to this many searches that missed the child, and wrong links (those between children alike left out).");
ABSL_FLAG(std::string, names, "generator",
          "Where the population's names come from: generator (tools/legacy_generator/vocabulary.h) or febrl (the "
          "forenames and surnames of Febrl's original records in --febrl_dir, as often as they occur there).");
ABSL_FLAG(std::string, febrl_dir, "/work/shared/data/febrl", "Folder with the Febrl dataset*.csv files (--names febrl).");
ABSL_FLAG(std::string, work_dir, "", "Folder for the store (default: a new one under $TMPDIR, removed after).");

namespace casefile::bench {
namespace {

using legacy_generator::Random;
namespace vocabulary = legacy_generator::vocabulary;

constexpr double kTop3Target = 0.98;
constexpr double kWrongLinkTarget = 0.001;

struct Child {
  std::string forename;
  std::string surname;
  absl::CivilDay born;
  int family = 0;
};

// What a subject can tell of a child: two children alike in it are one to
// every matcher (a subject has no address).
std::string Identity(const Child& c) {
  return absl::StrCat(c.forename, "|", c.surname, "|", absl::FormatCivilTime(c.born));
}

// How a name is written: as it is, or with one kind of noise.
enum Noise { kAsWritten, kForenameTypo, kSurnameTypo, kNickname, kNoiseKinds };
constexpr const char* kNoiseNames[] = {"as written", "forename typo", "surname typo", "nickname"};

struct Naming {
  int child = 0;
  Noise noise = kAsWritten;
  std::string forename;
  std::string surname;
};

Naming Write(const std::vector<Child>& children, int child, Noise noise, Random& random) {
  const Child& c = children[child];
  Naming n{child, noise, c.forename, c.surname};
  if (noise == kNickname) {
    const std::string_view nick = vocabulary::NicknameFor(c.forename);
    if (nick.empty()) {
      n.noise = kForenameTypo;  // no nickname for this name: a slip instead
    } else {
      n.forename = std::string(nick);
    }
  }
  if (n.noise == kForenameTypo) n.forename = legacy_generator::AddTypos(c.forename, 1, random);
  if (n.noise == kSurnameTypo) n.surname = legacy_generator::AddTypos(c.surname, 1, random);
  return n;
}

// A noise kind for a later naming (kAsWritten allowed) or a search (always noisy).
Noise DrawNoise(Random& random, bool allow_as_written) {
  const int r = random.Between(0, 99);
  if (allow_as_written && r < 15) return kAsWritten;
  if (r < 50) return kForenameTypo;
  if (r < 85) return kSurnameTypo;
  return kNickname;
}

v1::PartialTime DayOf(absl::CivilDay d) {
  return ToProto(PartialTime{TimePrecision::kDay, static_cast<int>(d.year()), d.month(), d.day()});
}

// The names a population draws from, each as often as it should be drawn.
struct NamePool {
  std::vector<std::string> surnames;
  std::vector<std::string> girls, boys;  // forenames (Febrl's are one list: both)
};

NamePool GeneratorNames() {
  NamePool pool;
  for (std::string_view s : vocabulary::Surnames()) pool.surnames.emplace_back(s);
  for (std::string_view f : vocabulary::GirlsNames()) pool.girls.emplace_back(f);
  for (std::string_view f : vocabulary::BoysNames()) pool.boys.emplace_back(f);
  return pool;
}

// Febrl writes names in lower case: "michaela" becomes "Michaela".
std::string Capitalised(std::string name) {
  if (!name.empty()) name[0] = absl::ascii_toupper(static_cast<unsigned char>(name[0]));
  return name;
}

absl::StatusOr<NamePool> FebrlNames(const std::string& dir) {
  NamePool pool;
  for (const FebrlSet& set : FebrlSets()) {
    absl::StatusOr<std::vector<FebrlRecord>> records = ReadFebrlSet(dir, set);
    if (!records.ok()) return records.status();
    for (const FebrlRecord& r : *records) {
      if (!r.original) continue;
      if (!r.surname.empty()) pool.surnames.push_back(Capitalised(r.surname));
      if (!r.forename.empty()) pool.girls.push_back(Capitalised(r.forename));
    }
  }
  pool.boys = pool.girls;
  return pool;
}

// The population: families until `count` children.
std::vector<Child> Population(int count, const NamePool& names, Random& random) {
  std::vector<Child> children;
  const absl::CivilDay first_day(2008, 12, 1), last_day(2026, 11, 30);
  const std::vector<int> size_weights = {42, 33, 16, 6, 3};  // families of 1..5 children, per cent
  for (int family = 0; static_cast<int>(children.size()) < count; ++family) {
    int size = 1;
    for (int r = random.Between(0, 99), acc = 0; size <= 5; ++size) {
      acc += size_weights[size - 1];
      if (r < acc) break;
    }
    const std::string& surname = random.Pick(names.surnames);
    absl::CivilDay born = first_day + random.Below(last_day - first_day + 1);
    absl::flat_hash_set<std::string> used;
    for (int k = 0; k < size && static_cast<int>(children.size()) < count; ++k) {
      if (k > 0 && !random.Chance(absl::GetFlag(FLAGS_twins))) {
        born += random.Between(365, 5 * 365);
        if (born > last_day) break;
      }
      std::string forename;
      do {
        forename = random.Chance(0.5) ? random.Pick(names.girls) : random.Pick(names.boys);
      } while (!used.insert(forename).second);
      children.push_back({forename, surname, born, family});
    }
  }
  return children;
}

v1::CreateCaseRequest CaseNaming(const std::vector<Child>& children, const std::vector<Naming>& subjects, int number) {
  v1::CreateCaseRequest request;
  request.mutable_case_()->set_title(absl::StrCat("live persons accuracy case ", number));
  for (const Naming& n : subjects) {
    v1::Subject* s = request.mutable_case_()->add_subjects();
    s->set_forename(n.forename);
    s->set_surname(n.surname);
    const absl::CivilDay born = children[n.child].born;
    *s->mutable_date_of_birth() = DayOf(born);
    s->set_display_name(absl::StrFormat("%s %s (%02d/%02d/%04d)", n.forename, legacy_generator::ToUpperText(n.surname),
                                        born.day(), born.month(), born.year()));
  }
  return request;
}

std::string Percent(double share) { return absl::StrFormat("%.2f%%", 100 * share); }

int Run() {
  const int count = absl::GetFlag(FLAGS_children);
  if (count < 1) return std::fprintf(stderr, "--children must be at least 1\n"), 1;
  absl::StatusOr<NamePool> names = GeneratorNames();
  if (absl::GetFlag(FLAGS_names) == "febrl") {
    names = FebrlNames(absl::GetFlag(FLAGS_febrl_dir));
  } else if (absl::GetFlag(FLAGS_names) != "generator") {
    return std::fprintf(stderr, "--names must be generator or febrl\n"), 1;
  }
  if (!names.ok()) return std::fprintf(stderr, "%s\n", names.status().ToString().c_str()), 1;
  absl::flat_hash_set<std::string> forenames(names->girls.begin(), names->girls.end());
  forenames.insert(names->boys.begin(), names->boys.end());
  std::printf("names: %s, %zu surnames and %zu forenames drawn from\n", absl::GetFlag(FLAGS_names).c_str(),
              absl::flat_hash_set<std::string>(names->surnames.begin(), names->surnames.end()).size(),
              forenames.size());
  Random random(absl::GetFlag(FLAGS_seed));
  const std::vector<Child> children = Population(count, *names, random);

  // The cases in the order they are created: each family's at a random
  // moment, each later naming at a random moment after its family's.
  struct Planned {
    double at;
    std::vector<Naming> subjects;
  };
  std::vector<Planned> plan;
  int named_again = 0;
  for (int first = 0; first < count;) {
    int last = first + 1;
    while (last < count && children[last].family == children[first].family) ++last;
    Planned family{random.Below(1'000'000) / 1e6, {}};
    for (int c = first; c < last; ++c) {
      family.subjects.push_back(Write(children, c, kAsWritten, random));
      if (random.Chance(absl::GetFlag(FLAGS_named_again))) {
        ++named_again;
        const double at = family.at + (1 - family.at) * (random.Below(1'000'000) + 1) / 1e6;
        plan.push_back({at, {Write(children, c, DrawNoise(random, true), random)}});
      }
    }
    plan.push_back(std::move(family));
    first = last;
  }
  std::stable_sort(plan.begin(), plan.end(), [](const Planned& a, const Planned& b) { return a.at < b.at; });

  std::string base = absl::GetFlag(FLAGS_work_dir);
  TempDir dir(base);
  if (dir.path().empty()) return std::fprintf(stderr, "cannot make a scratch folder\n"), 1;
  auto store = OpenLiveStore(dir.path());
  if (!store.ok()) return std::fprintf(stderr, "%s\n", store.status().ToString().c_str()), 1;
  ChangeFeed feed;
  migration::LivePersonLinker linker;
  const Clock clock = [] { return absl::Now(); };
  CaseChronology chronology(store->get(), &feed, clock, &linker);
  const Caller investigator{"inv1", "DC 1 Bench", Role::kInvestigator};

  // Each subject: its naming, the person it was linked to, its record locator.
  struct Subject {
    Naming naming;
    std::string person;
  };
  std::vector<Subject> subjects;
  absl::flat_hash_map<std::string, int64_t> subject_of_locator;
  std::vector<double> create_ms, create_ms_last_tenth;
  const absl::Time start = absl::Now();
  for (size_t k = 0; k < plan.size(); ++k) {
    TimedCase t = TimedCreateCase(chronology, investigator, CaseNaming(children, plan[k].subjects, k + 1));
    if (!t.made.ok()) return std::fprintf(stderr, "CreateCase: %s\n", t.made.status().ToString().c_str()), 1;
    create_ms.push_back(t.ms);
    if (k >= plan.size() - plan.size() / 10) create_ms_last_tenth.push_back(t.ms);
    for (int i = 0; i < t.made->subjects_size(); ++i) {
      subject_of_locator[absl::StrCat(t.made->name(), "#subject=", i + 1)] = subjects.size();
      subjects.push_back({plan[k].subjects[i], t.made->subjects(i).person()});
    }
    if ((k + 1) % std::max<size_t>(1, plan.size() / 10) == 0) {
      std::fprintf(stderr, "  %zu/%zu cases created, %.0f s, median CreateCase so far %.2f ms\n", k + 1, plan.size(),
                   absl::ToDoubleSeconds(absl::Now() - start), Percentile(create_ms, 0.5));
    }
  }
  const double create_seconds = absl::ToDoubleSeconds(absl::Now() - start);

  // Persons and the children they hold.
  absl::flat_hash_map<std::string, int64_t> person_id;
  absl::flat_hash_map<std::string, absl::flat_hash_set<int>> children_of_person;
  std::vector<absl::flat_hash_set<std::string>> persons_of_child(count);
  std::vector<std::string> truth;
  std::vector<int64_t> cluster;
  for (const Subject& s : subjects) {
    children_of_person[s.person].insert(s.naming.child);
    persons_of_child[s.naming.child].insert(s.person);
    truth.push_back(absl::StrCat(s.naming.child));
    cluster.push_back(person_id.try_emplace(s.person, person_id.size()).first->second);
  }
  // Wrong links, and those of them between children no subject can tell
  // apart (same forename, surname and date of birth).
  int64_t wrong_links = 0, wrong_links_alike = 0;
  int explain = absl::GetFlag(FLAGS_explain);
  for (const Subject& s : subjects) {
    if (children_of_person[s.person].size() < 2) continue;
    ++wrong_links;
    bool alike = true;
    for (int other : children_of_person[s.person]) alike = alike && Identity(children[other]) == Identity(children[s.naming.child]);
    if (alike) ++wrong_links_alike;
    if (alike || explain-- <= 0) continue;
    const Child& c = children[s.naming.child];
    std::printf("WRONG LINK  %s %s (%s) written \"%s %s\" (%s) is in %s with other children:", c.forename.c_str(),
                c.surname.c_str(), absl::FormatCivilTime(c.born).c_str(), s.naming.forename.c_str(),
                s.naming.surname.c_str(), kNoiseNames[s.naming.noise], s.person.c_str());
    for (int other : children_of_person[s.person]) {
      if (other == s.naming.child) continue;
      std::printf("  [%s %s %s]", children[other].forename.c_str(), children[other].surname.c_str(),
                  absl::FormatCivilTime(children[other].born).c_str());
    }
    std::printf("\n");
  }
  explain = absl::GetFlag(FLAGS_explain);

  // Open person review items, by the operator's queue.
  migration::ReviewQueue queue(store->get(), clock);
  const Caller operator_caller{"op1", "Bench Operator", Role::kOperator};
  ReviewTally review;
  v1::ListReviewItemsRequest items;
  items.set_page_size(1000);
  absl::Status listed = ForEachPage<v1::ListReviewItemsRequest, v1::ListReviewItemsResponse>(
      items,
      [&](const v1::ListReviewItemsRequest& request, v1::ListReviewItemsResponse& page) {
        auto answer = queue.List(operator_caller, request);
        if (answer.ok()) page = *std::move(answer);
        return answer.status();
      },
      [&](const v1::ListReviewItemsResponse& page) {
        for (const v1::ReviewItem& item : page.review_items()) {
          TallyReviewItem(item, subject_of_locator, truth, cluster, review);
        }
      });
  if (!listed.ok()) return std::fprintf(stderr, "review items: %s\n", listed.ToString().c_str()), 1;
  const ReviewedClusters& reviewed = review.reviewed;
  const int64_t review_items = review.items, review_items_true = review.joining_one_entity;
  const PairScores scores = ScorePairs(truth, cluster, reviewed);

  // Missed links: a later naming not in the person of the child's first.
  std::vector<int> first_subject(count, -1);
  int64_t later = 0, missed = 0, missed_reviewed = 0;
  int64_t later_by[kNoiseKinds] = {}, missed_by[kNoiseKinds] = {};
  for (size_t i = 0; i < subjects.size(); ++i) {
    const int child = subjects[i].naming.child;
    if (first_subject[child] < 0) {
      first_subject[child] = i;
      continue;
    }
    ++later;
    ++later_by[subjects[i].naming.noise];
    const int64_t a = cluster[first_subject[child]], b = cluster[i];
    if (a == b) continue;
    ++missed;
    ++missed_by[subjects[i].naming.noise];
    missed_reviewed += reviewed.contains(std::minmax(a, b));
  }
  // Pairs of different children no subject can tell apart (same forename,
  // surname and date of birth).
  absl::flat_hash_map<std::string, int64_t> same;
  for (const Child& c : children) ++same[Identity(c)];
  int64_t indistinguishable = 0;
  for (const auto& [key, k] : same) indistinguishable += k * (k - 1) / 2;

  // Search each child by a noisy name and its date of birth.
  auto read = (*store)->BeginRead();
  if (!read.ok()) return std::fprintf(stderr, "%s\n", read.status().ToString().c_str()), 1;
  const PersonFilter everyone = [](v1::Person&) -> absl::StatusOr<bool> { return true; };
  int64_t top1 = 0, top3 = 0, searched_by[kNoiseKinds] = {}, top3_by[kNoiseKinds] = {};
  std::vector<double> search_ms;
  for (int c = 0; c < count; ++c) {
    const Naming q = Write(children, c, DrawNoise(random, false), random);
    v1::SearchPersonsRequest request;
    request.set_query(absl::StrCat(q.forename, " ", q.surname));
    *request.mutable_date_of_birth() = DayOf(children[c].born);
    request.set_page_size(3);
    const absl::Time t0 = absl::Now();
    auto found = SearchPersons((*read)->txn(), request, everyone);
    search_ms.push_back(absl::ToDoubleMilliseconds(absl::Now() - t0));
    if (!found.ok()) return std::fprintf(stderr, "SearchPersons: %s\n", found.status().ToString().c_str()), 1;
    ++searched_by[q.noise];
    bool right = false;
    for (size_t r = 0; r < found->size() && r < 3 && !right; ++r) {
      if (!persons_of_child[c].contains((*found)[r].person().name())) continue;
      right = true;
      top1 += r == 0;
      ++top3;
      ++top3_by[q.noise];
    }
    if (!right && explain-- > 0) {
      std::printf("SEARCH MISSED  \"%s\" %s for %s %s (%s):", request.query().c_str(),
                  absl::FormatCivilTime(children[c].born).c_str(), children[c].forename.c_str(),
                  children[c].surname.c_str(), kNoiseNames[q.noise]);
      for (const v1::PersonMatch& m : *found) {
        std::printf("  [%s %s %.2f]", m.person().forename().c_str(), m.person().surname().c_str(), m.score());
      }
      std::printf("\n");
    }
  }

  const int64_t n_subjects = subjects.size();
  std::printf("live persons accuracy: %d children (seed %llu), %zu cases naming %lld subjects (%d named again), "
              "%zu persons made\n",
              count, static_cast<unsigned long long>(absl::GetFlag(FLAGS_seed)), plan.size(),
              static_cast<long long>(n_subjects), named_again, person_id.size());
  std::printf("\n  %-56s %12s %10s  %s\n", "measure", "value", "target", "verdict");
  auto row = [](const std::string& what, const std::string& value, const std::string& target, const char* verdict) {
    std::printf("  %-56s %12s %10s  %s\n", what.c_str(), value.c_str(), target.c_str(), verdict);
  };
  const double top3_share = double(top3) / count, wrong_share = double(wrong_links) / n_subjects;
  row("right person among the first three results", Percent(top3_share), ">= 98%",
      top3_share >= kTop3Target ? "met" : "MISSED");
  row("wrong automatic links (subjects)", absl::StrCat(Percent(wrong_share), " (", wrong_links, ")"), "<= 0.1%",
      wrong_share <= kWrongLinkTarget ? "met" : "MISSED");
  row("  of them between children alike (same name and birth)", absl::StrCat(wrong_links_alike), "-",
      absl::StrFormat("without them: %s", Percent(double(wrong_links - wrong_links_alike) / n_subjects)).c_str());
  row("right person first", Percent(double(top1) / count), "-", "reported");
  row("missed links (later namings apart from the first)",
      absl::StrCat(Percent(later ? double(missed) / later : 0), " (", missed, "/", later, ")"), "-", "reported");
  row("  of them joined by an open review item", absl::StrCat(missed_reviewed), "-", "reported");
  row("review items raised (person, open)",
      absl::StrCat(review_items, " = ", Percent(n_subjects ? double(review_items) / n_subjects : 0)), "-",
      "reported (share of subjects)");
  row("  of them joining one child", absl::StrCat(review_items_true), "-", "reported");
  row("pairwise precision / recall / recall with review",
      absl::StrFormat("%.4f/%.4f/%.4f", scores.Precision(), scores.Recall(), scores.RecallWithReview()), "-",
      "reported");
  row("pairs of children no subject tells apart", absl::StrCat(indistinguishable), "-",
      "same name and date of birth, no address");
  std::printf("\n  by noise            later namings  missed    searches  right in first three\n");
  for (int k = 0; k < kNoiseKinds; ++k) {
    std::printf("  %-18s %14lld %7lld %11lld  %s\n", kNoiseNames[k], static_cast<long long>(later_by[k]),
                static_cast<long long>(missed_by[k]), static_cast<long long>(searched_by[k]),
                searched_by[k] ? Percent(double(top3_by[k]) / searched_by[k]).c_str() : "-");
  }
  std::printf("\n  time                                   median      p90      p99     mean\n");
  auto times = [](const char* what, const std::vector<double>& ms) {
    double sum = 0;
    for (double m : ms) sum += m;
    std::printf("  %-36s %7.2f ms %6.2f ms %6.2f ms %6.2f ms\n", what, Percentile(ms, 0.5), Percentile(ms, 0.9),
                Percentile(ms, 0.99), ms.empty() ? 0 : sum / ms.size());
  };
  times("CreateCase (all)", create_ms);
  times("CreateCase (last tenth of the run)", create_ms_last_tenth);
  times("SearchPersons (noisy name + dob)", search_ms);
  std::printf("  %.1f s to create the cases: %.2f ms per case, %.2f ms per subject\n", create_seconds,
              1000 * create_seconds / plan.size(), 1000 * create_seconds / n_subjects);
  return 0;
}

}  // namespace
}  // namespace casefile::bench

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage(
      "Creates cases naming the children of a generated population through CaseChronology with the live person "
      "linker, then searches each child by a noisy name and date of birth; scores issue 18's live targets. See "
      "bench/README.md.");
  absl::ParseCommandLine(argc, argv);
  return casefile::bench::Run();
}
