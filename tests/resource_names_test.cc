#include "core/input/resource_names.h"

#include <string>

#include "gtest/gtest.h"

namespace casefile {
namespace {

const absl::Status kBadCaseId = absl::InvalidArgumentError(
    "name: case id must be 1-63 upper-case letters, digits or '-', starting with a letter");

TEST(ResourceNamesTest, CaseIds) {
  // Generated, chosen and imported ids.
  for (const char* good : {"CF-000001", "A", "PVP-2012-7", "HFD-PVP-000123", "LEG-22-45871-12",
                           "LEG-X--Y-", "X1"}) {
    EXPECT_TRUE(ValidateCaseId(good, "name").ok()) << good;
  }
  EXPECT_TRUE(ValidateCaseId(std::string(63, 'X'), "name").ok());
  EXPECT_EQ(ValidateCaseId("", "name"), kBadCaseId);
  EXPECT_EQ(ValidateCaseId(std::string(64, 'X'), "name"), kBadCaseId);
  for (const char* bad : {"A_B", "A/B", "A B", "A.B", "ZOË", "A\n", "-", "-A", "1A", "../A"}) {
    EXPECT_EQ(ValidateCaseId(bad, "name"), kBadCaseId) << bad;
  }
  EXPECT_EQ(ValidateCaseId(std::string("A\0B", 3), "name"), kBadCaseId);
  EXPECT_EQ(ValidateCaseId("A_B", "case_id"),
            absl::InvalidArgumentError("case_id: case id must be 1-63 upper-case letters, digits "
                                       "or '-', starting with a letter"));
  // One spelling per case: lower case is refused, with the canonical one.
  EXPECT_EQ(ValidateCaseId("cf-000001", "name"),
            absl::InvalidArgumentError("name: case id must be 1-63 upper-case letters, digits or "
                                       "'-', starting with a letter (did you mean CF-000001?)"));
  EXPECT_EQ(ValidateCaseId("a_b", "name"), kBadCaseId);
}

TEST(ResourceNamesTest, ParseCaseName) {
  EXPECT_EQ(*ParseCaseName("cases/CF-000001", "name"), "CF-000001");
  const absl::Status expected = absl::InvalidArgumentError("parent: expected cases/{case}");
  for (const char* bad : {"CF-000001", "case/CF-1", "Cases/CF-1", "/cases/CF-1", ""}) {
    EXPECT_EQ(ParseCaseName(bad, "parent").status(), expected) << bad;
  }
  EXPECT_EQ(ParseCaseName("cases/", "name").status(), kBadCaseId);
  EXPECT_EQ(ParseCaseName("cases/A/entries/1", "name").status(), kBadCaseId);
}

TEST(ResourceNamesTest, ParseEntryName) {
  auto name = ParseEntryName("cases/CF-000001/entries/12", "name");
  ASSERT_TRUE(name.ok()) << name.status();
  EXPECT_EQ(name->case_id, "CF-000001");
  EXPECT_EQ(name->number, 12u);
  EXPECT_EQ(ParseEntryName("cases/A/entries/18446744073709551615", "name")->number,
            18446744073709551615u);

  const absl::Status expected =
      absl::InvalidArgumentError("name: expected cases/{case}/entries/{number}");
  for (const char* bad : {"cases/A", "cases/A/entries/", "cases/A/entries/0", "cases/A/entries/x",
                          "cases/A/entries/-1", "cases/A/entries/1/entries/2",
                          "cases/A/entries/18446744073709551616"}) {
    EXPECT_EQ(ParseEntryName(bad, "name").status(), expected) << bad;
  }
  EXPECT_EQ(ParseEntryName("case/A/entries/1", "name").status(),
            absl::InvalidArgumentError("name: expected cases/{case}"));
  EXPECT_EQ(ParseEntryName("cases/A_B/entries/1", "name").status(), kBadCaseId);
  EXPECT_EQ(ParseEntryName("cases/-/entries/1", "name").status(), kBadCaseId);
}

// Names are canonical: one spelling per entry, so that stored links
// (supersedes) always equal the entry's own name.
TEST(ResourceNamesTest, EntryNumbersMustBeCanonical) {
  const absl::Status expected =
      absl::InvalidArgumentError("name: expected cases/{case}/entries/{number}");
  for (const char* bad : {"cases/A/entries/01", "cases/A/entries/+1", "cases/A/entries/ 1",
                          "cases/A/entries/1 "}) {
    EXPECT_EQ(ParseEntryName(bad, "name").status(), expected) << "'" << bad << "'";
  }
}

TEST(ResourceNamesTest, Formatting) {
  EXPECT_EQ(CaseName("CF-000001"), "cases/CF-000001");
  EXPECT_EQ(EntryResourceName("CF-000001", 7), "cases/CF-000001/entries/7");
  auto parsed = ParseEntryName(EntryResourceName("X-1", 4000000000), "name");
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed->case_id, "X-1");
  EXPECT_EQ(parsed->number, 4000000000u);
}

}  // namespace
}  // namespace casefile
