// Reads every file of the sample import folder (tests/data/legacy/sample)
// and checks the readers against its truth.json: every locator listed under
// "records" and "nominals" is produced exactly once, nothing else is
// produced, and no file has a problem (truth.json itself, not an import
// file, is unrecognised).
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "gmock/gmock.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"
#include "migration/legacy_reader.h"

namespace casefile::migration {
namespace {

namespace fs = std::filesystem;

const fs::path kSamples = fs::path(CASEFILE_SOURCE_DIR) / "tests/data/legacy/sample";

std::string ReadAll(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(LegacySamples, EveryTruthLocatorExactlyOnceAndNoProblems) {
  google::protobuf::Struct truth;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(ReadAll(kSamples / "truth.json"), &truth).ok());
  std::map<std::string, int> expected;  // locator → times produced
  for (const char* section : {"records", "nominals"}) {
    ASSERT_TRUE(truth.fields().contains(section)) << section;
    for (const auto& [locator, value] : truth.fields().at(section).struct_value().fields()) {
      expected[locator] = 0;
    }
  }
  ASSERT_EQ(expected.size(), 167u + 19u);

  std::map<std::string, int> unexpected;
  std::map<LegacyFormat, int> files_by_format;
  int files = 0;
  for (const fs::directory_entry& entry : fs::recursive_directory_iterator(kSamples)) {
    if (!entry.is_regular_file()) continue;
    const std::string relative = fs::relative(entry.path(), kSamples).generic_string();
    LegacyFile f = ReadLegacyFile(relative, ReadAll(entry.path()));
    ++files;
    ++files_by_format[f.format];
    if (relative == "truth.json") {
      EXPECT_EQ(f.format, LegacyFormat::kUnrecognised);
      EXPECT_EQ(f.problems.size(), 1u);
      continue;
    }
    for (const ReadProblem& p : f.problems) ADD_FAILURE() << p.locator << ": " << p.reason;
    auto count = [&](const std::string& locator) {
      auto it = expected.find(locator);
      if (it == expected.end()) {
        ++unexpected[locator];
      } else {
        ++it->second;
      }
    };
    for (const LegacyEvent& e : f.events) count(e.locator);
    for (const NominalRecord& n : f.nominals) count(n.locator);
  }
  for (const auto& [locator, times] : expected) EXPECT_EQ(times, 1) << locator;
  EXPECT_THAT(unexpected, testing::IsEmpty());
  EXPECT_EQ(files, 11);
  EXPECT_EQ(files_by_format[LegacyFormat::kCaseXref], 1);
  EXPECT_EQ(files_by_format[LegacyFormat::kPaperFile], 3);
  EXPECT_EQ(files_by_format[LegacyFormat::kInvestigationLog], 4);
  EXPECT_EQ(files_by_format[LegacyFormat::kCrimeExport], 1);
  EXPECT_EQ(files_by_format[LegacyFormat::kNominalIndex], 1);
  EXPECT_EQ(files_by_format[LegacyFormat::kUnrecognised], 1);
}

TEST(LegacySamples, CaseXrefRows) {
  LegacyFile f = ReadLegacyFile("case_xref.csv", ReadAll(kSamples / "case_xref.csv"));
  ASSERT_EQ(f.xrefs.size(), 8u);
  EXPECT_EQ(f.xrefs[7].locator, "case_xref.csv#row=8");
  EXPECT_EQ(f.xrefs[7].case_key, "HFD-PVP-000004");
  EXPECT_EQ(f.xrefs[7].legacy_ref, "HPVP/2013/6561");
  EXPECT_EQ(f.xrefs[7].ref_kind, "PAPER_FILE");
}

}  // namespace
}  // namespace casefile::migration
