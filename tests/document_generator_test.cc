// generate-legacy's scanned documents (tools/legacy_generator/document_writer.h):
// the files its truth says are kept are what the importer keeps (a type it
// keeps, whole, a PDF's line readable by pdftotext), and the ones it says are
// rejected are refused, or named by a manifest row that must be.
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>

#include "core/documents/media_type.h"
#include "gtest/gtest.h"
#include "migration/document_completeness.h"
#include "migration/document_text.h"
#include "migration/legacy_reader.h"
#include "tools/legacy_generator/legacy_generator.h"
#include "tools/legacy_generator/minimal_files.h"

namespace casefile {
namespace {

namespace fs = std::filesystem;

std::string ReadBytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

absl::StatusOr<std::string> TypeOf(const std::string& bytes) {
  ContentProbe probe;
  probe.Add(bytes);
  probe.Finish();
  return DecideMediaType(probe, false);
}

TEST(DocumentGenerator, MinimalFilesAreWholeFilesOfTheirType) {
  const std::string pdf = legacy_generator::MinimalPdf("Strategy discussion minutes");
  EXPECT_EQ(*TypeOf(pdf), kPdf);
  EXPECT_EQ(migration::WhyIncompleteTail(pdf, kPdf), "");
  const std::string png = legacy_generator::MinimalPng(24, 16, 12345);
  EXPECT_EQ(*TypeOf(png), kPng);
  EXPECT_EQ(migration::WhyIncompleteTail(png, kPng), "");
  const std::string big = legacy_generator::MinimalPng(300, 300, 7);  // more than one stored block
  EXPECT_GT(big.size(), 90000u);
  EXPECT_EQ(migration::WhyIncompleteTail(big, kPng), "");
}

TEST(DocumentGenerator, TruthSaysWhatTheImporterMakesOfEachDocument) {
  const fs::path dir = fs::temp_directory_path() / ("document_generator_test_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  legacy_generator::GeneratorOptions options;
  options.cases = 60;
  options.seed = 11;
  options.documents_per_case = 3;
  auto summary = legacy_generator::GenerateLegacyFolder(options, dir);
  ASSERT_TRUE(summary.ok()) << summary.status();
  const std::string manifest_bytes = ReadBytes(dir / "documents/manifest.csv");
  migration::LegacyFile manifest = migration::ReadLegacyFile("documents/manifest.csv", manifest_bytes);
  ASSERT_EQ(manifest.format, migration::LegacyFormat::kDocumentManifest);
  std::map<std::string, std::string> problem_of_row;
  for (const migration::ReadProblem& p : manifest.problems) problem_of_row[p.locator] = p.reason;

  static const std::regex kDocument(
      R"re(^  "([^"]+)": \{"case": "([^"]+)", "event": "([^"]*)", "content": "([^"]+)", "outcome": "(attach|reject)"\},?$)re");
  std::istringstream truth(ReadBytes(dir / "truth.json"));
  std::string line;
  int kept = 0, rejected = 0, rows_rejected = 0, pdfs_read = 0;
  std::smatch m;
  while (std::getline(truth, line)) {
    if (!std::regex_match(line, m, kDocument)) continue;
    const std::string locator = m[1];
    const bool reject = m[5] == "reject";
    if (locator.find("#row=") != std::string::npos) {
      ASSERT_TRUE(reject) << line;
      // A bad day is the reader's; a missing file or an unknown reference the import's.
      if (m[4].str().ends_with("/badday")) {
        EXPECT_EQ(problem_of_row[locator], "date '31/02/2011' is not a date (day/month/year)") << line;
      } else {
        EXPECT_FALSE(problem_of_row.contains(locator)) << line;
      }
      ++rows_rejected;
      continue;
    }
    const std::string bytes = ReadBytes(dir / locator);
    ASSERT_FALSE(bytes.empty()) << locator;
    auto type = TypeOf(bytes);
    const std::string why = type.ok() ? migration::WhyIncompleteTail(bytes, *type) : std::string(type.status().message());
    if (reject) {
      EXPECT_TRUE(!type.ok() || !why.empty()) << locator;
      ++rejected;
      continue;
    }
    ASSERT_TRUE(type.ok()) << locator << ": " << type.status();
    EXPECT_EQ(why, "") << locator;
    if (*type == kPdf && pdfs_read < 3) {
      auto text = migration::ExtractDocumentText((dir / locator).string(), kPdf);
      ASSERT_TRUE(text.ok());
      EXPECT_NE(text->find("PVP paper file"), std::string::npos) << locator << ": " << *text;
      ++pdfs_read;
    }
    ++kept;
  }
  EXPECT_GE(kept, 180);
  EXPECT_GT(rejected, 0);
  EXPECT_GT(rows_rejected, 0);
  EXPECT_EQ(pdfs_read, 3);
  EXPECT_EQ(summary->documents, kept + rejected);  // the bad rows name files never written
  fs::remove_all(dir);
}

}  // namespace
}  // namespace casefile
