#include "migration/readers/case_xref_reader.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace casefile::migration {
namespace {

using ::testing::IsEmpty;

TEST(ReadCaseXref, ReadsRows) {
  LegacyFile f = ReadCaseXref("case_xref.csv",
                              "case_key,legacy_ref,ref_kind\n"
                              "HFD-PVP-000123,22/45871/12,CRIME\n"
                              "HFD-PVP-000123, HPVP/2012/0457 ,PAPER_FILE\n");
  EXPECT_EQ(f.format, LegacyFormat::kCaseXref);
  EXPECT_THAT(f.problems, IsEmpty());
  ASSERT_EQ(f.xrefs.size(), 2u);
  EXPECT_EQ(f.xrefs[0].locator, "case_xref.csv#row=1");
  EXPECT_EQ(f.xrefs[0].case_key, "HFD-PVP-000123");
  EXPECT_EQ(f.xrefs[0].legacy_ref, "22/45871/12");
  EXPECT_EQ(f.xrefs[0].ref_kind, "CRIME");
  EXPECT_EQ(f.xrefs[1].legacy_ref, "HPVP/2012/0457");
  EXPECT_EQ(f.xrefs[1].ref_kind, "PAPER_FILE");
}

TEST(ReadCaseXref, EmptyKeyOrRefIsAProblem) {
  LegacyFile f = ReadCaseXref("x.csv", "case_key,legacy_ref,ref_kind\n,R,CRIME\nK,,CRIME\nK,R,\n");
  ASSERT_EQ(f.problems.size(), 2u);
  EXPECT_EQ(f.problems[0].locator, "x.csv#row=1");
  EXPECT_EQ(f.problems[0].reason, "case_key is empty");
  EXPECT_EQ(f.problems[1].locator, "x.csv#row=2");
  EXPECT_EQ(f.problems[1].reason, "legacy_ref is empty");
  ASSERT_EQ(f.xrefs.size(), 1u);
  EXPECT_EQ(f.xrefs[0].locator, "x.csv#row=3");
  EXPECT_EQ(f.xrefs[0].ref_kind, "");
}

}  // namespace
}  // namespace casefile::migration
