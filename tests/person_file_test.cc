// Which entries are a person's records (core/person_file: IsRecordAbout).
#include "core/person_file/person_file.h"

#include "gtest/gtest.h"
#include "tests/support/safeguarding_examples.h"

namespace casefile::testing {
namespace {

constexpr char kEllie[] = "persons/P00000000000000e1";

v1::Entry ForPerson(v1::Entry e, const std::string& person) {
  e.mutable_missing_episode()->mutable_child()->set_person(person);
  return e;
}

TEST(PersonFileTest, ARecordNamingThePersonIsTheirs) {
  EXPECT_TRUE(IsRecordAbout(ForPerson(MissingEpisodeExample(3), kEllie), kEllie));
  v1::Entry referral = ReferralExample(true);
  referral.mutable_referral()->mutable_child_impacts(0)->mutable_child()->set_person(kEllie);
  EXPECT_TRUE(IsRecordAbout(referral, kEllie));
}

TEST(PersonFileTest, ARecordOfAnotherPersonOrByNameOnlyIsNot) {
  EXPECT_FALSE(IsRecordAbout(ForPerson(MissingEpisodeExample(3), "persons/P00000000000000b2"), kEllie));
  EXPECT_FALSE(IsRecordAbout(MissingEpisodeExample(3), kEllie));  // by name and date of birth only
}

TEST(PersonFileTest, ASupersededRecordIsLeftToItsCorrection) {
  v1::Entry e = ForPerson(MissingEpisodeExample(3), kEllie);
  e.set_superseded_by("cases/CF-1/entries/9");
  EXPECT_FALSE(IsRecordAbout(e, kEllie));
}

TEST(PersonFileTest, ImportedEntriesOfSafeguardingKindsAreIncluded) {
  v1::Entry imported;
  imported.set_kind(v1::ENTRY_KIND_MISSING_EPISODE);
  imported.add_sources()->set_locator("paper/HPVP_2026_0458.csv#row=2");
  EXPECT_TRUE(IsRecordAbout(imported, kEllie));
  imported.set_kind(v1::ENTRY_KIND_NOTE);
  EXPECT_FALSE(IsRecordAbout(imported, kEllie));
  v1::Entry live;  // a live missing-episode entry always carries its record
  live.set_kind(v1::ENTRY_KIND_MISSING_EPISODE);
  EXPECT_FALSE(IsRecordAbout(live, kEllie));
}

}  // namespace
}  // namespace casefile::testing
