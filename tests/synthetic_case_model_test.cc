// Tests of the synthetic case model: the deduplication traps and lookalike
// people the generator promises are really in the cases it builds.
#include <map>
#include <set>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "tools/legacy_generator/case_model.h"
#include "tools/legacy_generator/generator_options.h"
#include "tools/legacy_generator/reference_allocator.h"

namespace casefile::legacy_generator {
namespace {

constexpr int kCases = 200;

std::vector<SyntheticCase> BuildCases(const Variations& variations) {
  ReferenceAllocator refs;
  const Officer officer{.rank = "DC", .collar = 4471, .surname = "TEAGUE"};
  std::vector<SyntheticCase> cases;
  for (int i = 1; i <= kCases; ++i) {
    Random random(99, i);
    cases.push_back(BuildCase(i, officer, variations, refs, random));
  }
  return cases;
}

TEST(SyntheticCaseModel, CasesAreWellFormed) {
  std::set<std::string> all_refs;
  for (const SyntheticCase& c : BuildCases(Variations{})) {
    EXPECT_EQ(c.key.size(), std::string("HFD-PVP-000001").size());
    const std::vector<LegacyReference> refs = c.AllRefs();
    EXPECT_GE(refs.size(), 1u);
    EXPECT_LE(refs.size(), 3u);
    for (const LegacyReference& r : refs) EXPECT_TRUE(all_refs.insert(r.ref).second) << r.ref;
    ASSERT_GE(c.people.size(), 3u);
    EXPECT_EQ(c.child().role, "child");
    EXPECT_EQ(c.mother().role, "mother");
    EXPECT_EQ(c.adult().role, "adult");
    EXPECT_LT(c.mother().date_of_birth, c.child().date_of_birth);
    ASSERT_FALSE(c.events.empty());
    for (size_t i = 0; i < c.events.size(); ++i) {
      const TrueEvent& e = c.events[i];
      EXPECT_EQ(e.number, static_cast<int>(i) + 1);
      if (i > 0) {
        EXPECT_LT(c.events[i - 1].when, e.when) << c.key;
      }
      EXPECT_TRUE(e.in_log || e.in_crime || e.in_paper);
      EXPECT_LT(e.crime_ref, c.crime_refs.size());
      EXPECT_FALSE(e.in_paper && c.paper_ref.empty());
    }
  }
}

TEST(SyntheticCaseModel, OnlyWeeklyChecksShareAWording) {
  int cases_with_weekly_checks = 0;
  for (const SyntheticCase& c : BuildCases(Variations{})) {
    std::map<std::string, std::vector<const TrueEvent*>> by_text;
    for (const TrueEvent& e : c.events) by_text[e.text].push_back(&e);
    for (const auto& [text, events] : by_text) {
      if (events.size() == 1) {
        EXPECT_FALSE(events[0]->shared_wording) << c.key << ": " << text;
        continue;
      }
      // Identical words, different days: different events a week apart.
      ++cases_with_weekly_checks;
      EXPECT_GE(events.size(), 3u);
      for (size_t i = 0; i < events.size(); ++i) {
        EXPECT_TRUE(events[i]->shared_wording);
        if (i > 0) {
          EXPECT_EQ(absl::CivilDay(events[i]->when) - absl::CivilDay(events[i - 1]->when), 7);
        }
      }
    }
  }
  EXPECT_GT(cases_with_weekly_checks, kCases / 3);
}

TEST(SyntheticCaseModel, SomeDaysHoldTwoDifferentCalls) {
  int days_with_two_calls = 0;
  for (const SyntheticCase& c : BuildCases(Variations{})) {
    for (size_t i = 1; i < c.events.size(); ++i) {
      const TrueEvent& a = c.events[i - 1];
      const TrueEvent& b = c.events[i];
      if (absl::CivilDay(a.when) == absl::CivilDay(b.when) &&
          a.text.starts_with("Telephone call") && b.text.starts_with("Telephone call")) {
        EXPECT_NE(a.text, b.text);
        ++days_with_two_calls;
      }
    }
  }
  EXPECT_GT(days_with_two_calls, kCases / 4);
}

TEST(SyntheticCaseModel, LookalikesShareSurnameAndAddressButAreOtherChildren) {
  int siblings = 0, twins = 0;
  for (const SyntheticCase& c : BuildCases(Variations{})) {
    std::set<std::string> forenames;
    for (const Person& p : c.people) {
      if (p.role == "child" || p.role == "sibling" || p.role == "twin") {
        EXPECT_TRUE(forenames.insert(p.forename).second) << c.key << " " << p.forename;
      }
      if (p.role != "sibling" && p.role != "twin") continue;
      EXPECT_EQ(p.surname, c.child().surname);
      EXPECT_EQ(p.address.line_1, c.child().address.line_1);
      EXPECT_EQ(p.address.postcode, c.child().address.postcode);
      if (p.role == "twin") {
        ++twins;
        EXPECT_EQ(p.date_of_birth, c.child().date_of_birth);
      } else {
        ++siblings;
        EXPECT_NE(p.date_of_birth, c.child().date_of_birth);
      }
    }
  }
  EXPECT_GT(siblings, kCases / 5);
  EXPECT_GT(twins, kCases / 20);
}

TEST(SyntheticCaseModel, TrapsAndLookalikesCanBeTurnedOff) {
  Variations plain;
  plain.dedup_traps = false;
  plain.lookalikes = false;
  for (const SyntheticCase& c : BuildCases(plain)) {
    EXPECT_EQ(c.people.size(), 3u);
    for (const TrueEvent& e : c.events) EXPECT_FALSE(e.shared_wording);
  }
}

TEST(SyntheticCaseModel, SameStreamBuildsTheSameCase) {
  ReferenceAllocator refs_a, refs_b;
  const Officer officer{.rank = "DS", .collar = 1234, .surname = "VINE"};
  Random a(5, 17), b(5, 17);
  const SyntheticCase x = BuildCase(17, officer, Variations{}, refs_a, a);
  const SyntheticCase y = BuildCase(17, officer, Variations{}, refs_b, b);
  ASSERT_EQ(x.events.size(), y.events.size());
  for (size_t i = 0; i < x.events.size(); ++i) {
    EXPECT_EQ(x.events[i].text, y.events[i].text);
    EXPECT_EQ(x.events[i].when, y.events[i].when);
  }
  EXPECT_EQ(x.paper_ref, y.paper_ref);
}

}  // namespace
}  // namespace casefile::legacy_generator
