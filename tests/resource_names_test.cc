#include "core/resource_names.h"

#include <string>

#include "gtest/gtest.h"

namespace casefile {
namespace {

const absl::Status kBadCaseId =
    absl::InvalidArgumentError("name: case id must be 1-63 letters, digits or '-'");

TEST(ResourceNamesTest, CaseIds) {
  EXPECT_TRUE(ValidateCaseId("CF-000001", "name").ok());
  EXPECT_TRUE(ValidateCaseId("a", "name").ok());
  EXPECT_TRUE(ValidateCaseId(std::string(63, 'x'), "name").ok());
  EXPECT_EQ(ValidateCaseId("", "name"), kBadCaseId);
  EXPECT_EQ(ValidateCaseId(std::string(64, 'x'), "name"), kBadCaseId);
  for (const char* bad : {"a_b", "a/b", "a b", "a.b", "Zoë", "a\n"}) {
    EXPECT_EQ(ValidateCaseId(bad, "name"), kBadCaseId) << bad;
  }
  EXPECT_EQ(ValidateCaseId(std::string("a\0b", 3), "name"), kBadCaseId);
  EXPECT_EQ(ValidateCaseId("a_b", "case_id"),
            absl::InvalidArgumentError("case_id: case id must be 1-63 letters, digits or '-'"));
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
