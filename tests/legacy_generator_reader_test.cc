// The legacy readers against the synthetic generator: every file of a
// generated folder is recognised and read without a problem, and every
// locator in truth.json comes out of the readers exactly once (and no other).
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>
#include <string>

#include "gtest/gtest.h"
#include "migration/legacy_reader.h"
#include "tools/legacy_generator/legacy_generator.h"

namespace casefile::migration {
namespace {

namespace fs = std::filesystem;

class ScratchFolder {
 public:
  ScratchFolder() {
    std::string pattern = ::testing::TempDir() + "legacy-generator-reader-XXXXXX";
    if (mkdtemp(pattern.data()) == nullptr) ADD_FAILURE() << "mkdtemp " << pattern;
    path_ = pattern;
  }
  ~ScratchFolder() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

std::string ReadBytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// The locators of truth.json's "records" and "nominals" sections: every line
// `  "<locator>": ...` outside "cases" (whose keys are case keys).
std::map<std::string, int> TruthLocators(const fs::path& folder) {
  static const std::regex kEntry(R"re(^  "([^"]+#(row|entry)=\d+)": .*)re");
  std::map<std::string, int> locators;
  std::istringstream in(ReadBytes(folder / "truth.json"));
  std::smatch m;
  for (std::string line; std::getline(in, line);) {
    if (std::regex_match(line, m, kEntry)) ++locators[m[1]];
  }
  return locators;
}

void ExpectReadersReproduceTruth(const legacy_generator::GeneratorOptions& options) {
  ScratchFolder folder;
  ASSERT_TRUE(legacy_generator::GenerateLegacyFolder(options, folder.path()).ok());
  std::map<std::string, int> read;
  int files = 0;
  for (const auto& entry : fs::recursive_directory_iterator(folder.path())) {
    const std::string relative = fs::relative(entry.path(), folder.path()).string();
    if (!entry.is_regular_file() || relative == "truth.json") continue;
    ++files;
    const LegacyFile file = ReadLegacyFile(relative, ReadBytes(entry.path()));
    EXPECT_NE(file.format, LegacyFormat::kUnrecognised) << relative;
    for (const ReadProblem& p : file.problems) {
      ADD_FAILURE() << "problem at " << p.locator << ": " << p.reason;
    }
    for (const LegacyEvent& e : file.events) ++read[e.locator];
    for (const NominalRecord& n : file.nominals) ++read[n.locator];
  }
  EXPECT_GT(files, 10);
  const std::map<std::string, int> truth = TruthLocators(folder.path());
  EXPECT_GT(truth.size(), 100u);
  for (const auto& [locator, count] : truth) {
    EXPECT_EQ(count, 1) << "truth.json names twice: " << locator;
    EXPECT_EQ(read.count(locator) ? read.at(locator) : 0, 1) << "read: " << locator;
  }
  for (const auto& [locator, count] : read) {
    EXPECT_TRUE(truth.count(locator)) << "read but not in truth.json: " << locator;
  }
}

TEST(LegacyGeneratorReader, ReadsEveryRecordOfAGeneratedFolderOnce) {
  legacy_generator::GeneratorOptions options;
  options.cases = 80;
  options.seed = 2024;
  ExpectReadersReproduceTruth(options);
}

TEST(LegacyGeneratorReader, ReadsOtherSeedsToo) {
  for (uint64_t seed : {1, 2, 3}) {
    SCOPED_TRACE(seed);
    legacy_generator::GeneratorOptions options;
    options.cases = 40;
    options.seed = seed;
    ExpectReadersReproduceTruth(options);
  }
}

}  // namespace
}  // namespace casefile::migration
