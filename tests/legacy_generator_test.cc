// Tests of the synthetic legacy-folder generator: the folder is the same for
// the same seed, truth.json covers exactly the records and nominal rows
// written, every record of one event carries a compatible time, the asked-for
// variations are all there (and absent when turned off), and .docx logs are
// sound zips.
#include "tools/legacy_generator/legacy_generator.h"

#include <stdlib.h>
#include <zip.h>

#include <array>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "core/time/partial_time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "migration/readers/csv_parser.h"
#include "migration/readers/text_decoding.h"
#include "pugixml.hpp"

namespace casefile::legacy_generator {
namespace {

namespace fs = std::filesystem;
using ::testing::Contains;
using ::testing::IsEmpty;
// The readers the generated files must satisfy.
using migration::CsvParser;
using migration::CsvRow;
using migration::DecodeLegacyText;
using migration::IsValidUtf8;

class ScratchFolder {
 public:
  ScratchFolder() {
    std::string pattern = ::testing::TempDir() + "legacy-generator-XXXXXX";
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

// Relative path → bytes, for every file of the folder.
std::map<std::string, std::string> ReadTree(const fs::path& folder) {
  std::map<std::string, std::string> tree;
  for (const auto& entry : fs::recursive_directory_iterator(folder)) {
    if (entry.is_regular_file()) {
      tree[fs::relative(entry.path(), folder).string()] = ReadBytes(entry.path());
    }
  }
  return tree;
}

GeneratorOptions Options(int64_t cases, uint64_t seed) {
  GeneratorOptions options;
  options.cases = cases;
  options.seed = seed;
  return options;
}

GenerationSummary Generate(const GeneratorOptions& options, const fs::path& out) {
  absl::StatusOr<GenerationSummary> summary = GenerateLegacyFolder(options, out);
  EXPECT_TRUE(summary.ok()) << summary.status();
  return summary.value_or(GenerationSummary{});
}

struct Truth {
  std::map<std::string, std::string> record_events;  // locator → "<case>/e<n>"
  std::map<std::string, std::string> nominals;       // locator → "<case>/<role>"
  std::map<std::string, std::vector<std::string>> cases;
  // locator → {case, event, content, outcome}
  std::map<std::string, std::array<std::string, 4>> documents;
};

// truth.json as TruthWriter lays it out: one entry per line, sections in
// order. The test checks that layout too: an entry it cannot read fails.
Truth ReadTruth(const fs::path& folder) {
  static const std::regex kRecord(
      R"re(^  "([^"]+)": \{"case": "([^"]+)", "event": "([^"]+)"\},?$)re");
  static const std::regex kNominal(R"re(^  "([^"]+)": "([^"]+)",?$)re");
  static const std::regex kCase(R"re(^  "([^"]+)": \{"refs": \[(.*)\]\},?$)re");
  static const std::regex kRef(R"re("([^"]+)")re");
  static const std::regex kDocument(
      R"re(^  "([^"]+)": \{"case": "([^"]+)", "event": "([^"]*)", "content": "([^"]+)", "outcome": "(attach|reject)"\},?$)re");
  Truth truth;
  std::istringstream in(ReadBytes(folder / "truth.json"));
  std::string line;
  std::string section;
  std::smatch m;
  while (std::getline(in, line)) {
    if (line == " \"records\": {" || line == "{" || line == " }," || line == " }" || line == "}") {
      if (line == " \"records\": {") section = "records";
      continue;
    }
    if (line == " \"nominals\": {" || line == " \"cases\": {" || line == " \"documents\": {") {
      section = line.substr(2, line.find('"', 2) - 2);
      continue;
    }
    if (section == "records" && std::regex_match(line, m, kRecord)) {
      EXPECT_EQ(m[3].str().rfind(m[2].str() + "/e", 0), 0u) << line;
      EXPECT_TRUE(truth.record_events.emplace(m[1], m[3]).second) << "twice: " << line;
    } else if (section == "nominals" && std::regex_match(line, m, kNominal)) {
      EXPECT_TRUE(truth.nominals.emplace(m[1], m[2]).second) << "twice: " << line;
    } else if (section == "cases" && std::regex_match(line, m, kCase)) {
      std::vector<std::string> refs;
      const std::string list = m[2];
      for (std::sregex_iterator it(list.begin(), list.end(), kRef), end; it != end; ++it) {
        refs.push_back((*it)[1]);
      }
      truth.cases[m[1]] = refs;
    } else if (section == "documents" && std::regex_match(line, m, kDocument)) {
      EXPECT_TRUE(truth.documents.emplace(m[1], std::array<std::string, 4>{m[2], m[3], m[4], m[5]}).second)
          << "twice: " << line;
    } else {
      ADD_FAILURE() << "unreadable truth.json line in section '" << section << "': " << line;
    }
  }
  return truth;
}

// The lines of an investigation log: text lines, or for a .docx each body
// paragraph and, for a table, each row's first cell.
std::vector<std::string> LogLines(const fs::path& path) {
  std::vector<std::string> lines;
  if (path.extension() == ".txt") {
    std::istringstream in(DecodeLegacyText(ReadBytes(path)).text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
  }
  int error = 0;
  zip_t* zip = zip_open(path.c_str(), ZIP_RDONLY, &error);
  if (zip == nullptr) {
    ADD_FAILURE() << path << " is not a zip";
    return lines;
  }
  zip_stat_t stat;
  std::string xml;
  if (zip_stat(zip, "word/document.xml", 0, &stat) == 0) {
    xml.resize(stat.size);
    zip_file_t* file = zip_fopen(zip, "word/document.xml", 0);
    EXPECT_EQ(zip_fread(file, xml.data(), xml.size()), static_cast<zip_int64_t>(xml.size()));
    zip_fclose(file);
  }
  EXPECT_GE(zip_name_locate(zip, "[Content_Types].xml", 0), 0) << path;
  EXPECT_GE(zip_name_locate(zip, "_rels/.rels", 0), 0) << path;
  zip_discard(zip);
  pugi::xml_document doc;
  EXPECT_TRUE(doc.load_buffer(xml.data(), xml.size())) << path << " word/document.xml";
  auto text_of = [](pugi::xml_node node) {
    std::string text;
    for (pugi::xpath_node t : node.select_nodes(".//w:t")) text += t.node().text().get();
    return text;
  };
  for (pugi::xml_node child : doc.child("w:document").child("w:body").children()) {
    if (std::string_view(child.name()) == "w:p") lines.push_back(text_of(child));
    if (std::string_view(child.name()) == "w:tbl") {
      for (pugi::xml_node row : child.children("w:tr")) lines.push_back(text_of(row.child("w:tc")));
    }
  }
  return lines;
}

// Every record the folder holds, found without the generator's help, with
// the time each recorded for its event.
struct Scan {
  std::map<std::string, PartialTime> records;  // locator → recorded time
  std::vector<std::string> nominal_locators;
  std::vector<std::vector<std::string>> xref_rows;
};

PartialTime ParsedOrUnknown(std::string_view text) {
  absl::StatusOr<PartialTime> t = ParsePartialTime(text);
  EXPECT_TRUE(t.ok()) << "'" << text << "': " << t.status();
  return t.value_or(PartialTime{});
}

Scan ScanFolder(const fs::path& folder) {
  Scan scan;
  for (const auto& entry : fs::recursive_directory_iterator(folder)) {
    if (!entry.is_regular_file()) continue;
    const std::string relative = fs::relative(entry.path(), folder).string();
    const std::string top = relative.substr(0, relative.find('/'));
    if (top == "logs") {
      int entry_number = 0;
      for (const std::string& line : LogLines(entry.path())) {
        absl::StatusOr<PartialTimePrefix> prefix = ParsePartialTimePrefix(line);
        if (prefix.ok()) {
          scan.records[relative + "#entry=" + std::to_string(++entry_number)] = prefix->time;
        }
      }
      continue;
    }
    if (entry.path().extension() != ".csv") continue;
    CsvParser parser(DecodeLegacyText(ReadBytes(entry.path())).text);
    while (const CsvRow* row = parser.Next()) {
      EXPECT_THAT(row->error, IsEmpty()) << relative << " row " << row->number;
      if (row->number == 0) continue;
      const std::string locator = relative + "#row=" + std::to_string(row->number);
      if (top == "paper") {
        scan.records[locator] = ParsedOrUnknown(row->fields.at(3));
      } else if (top == "crime") {
        scan.records[locator] = ParsedOrUnknown(row->fields.at(5));
      } else if (top == "nominals") {
        scan.nominal_locators.push_back(locator);
      } else {
        scan.xref_rows.push_back({row->fields.begin(), row->fields.end()});
      }
    }
  }
  return scan;
}

TEST(LegacyGenerator, SameSeedGivesTheSameBytes) {
  ScratchFolder a, b, c;
  Generate(Options(30, 42), a.path());
  Generate(Options(30, 42), b.path());
  Generate(Options(30, 43), c.path());
  const std::map<std::string, std::string> tree = ReadTree(a.path());
  EXPECT_GT(tree.size(), 30u);
  EXPECT_TRUE(tree == ReadTree(b.path()));
  EXPECT_FALSE(tree == ReadTree(c.path()));
}

TEST(LegacyGenerator, TruthCoversEveryRecordAndNominalRowExactlyOnce) {
  ScratchFolder folder;
  const GenerationSummary summary = Generate(Options(60, 7), folder.path());
  const Truth truth = ReadTruth(folder.path());
  const Scan scan = ScanFolder(folder.path());

  std::set<std::string> truth_records, scanned_records;
  for (const auto& [locator, event] : truth.record_events) truth_records.insert(locator);
  for (const auto& [locator, time] : scan.records) scanned_records.insert(locator);
  EXPECT_EQ(truth_records, scanned_records);
  EXPECT_EQ(static_cast<int64_t>(truth_records.size()), summary.records());

  std::set<std::string> truth_nominals,
      scanned_nominals(scan.nominal_locators.begin(), scan.nominal_locators.end());
  for (const auto& [locator, person] : truth.nominals) truth_nominals.insert(locator);
  EXPECT_EQ(truth_nominals, scanned_nominals);
  EXPECT_EQ(static_cast<int64_t>(truth_nominals.size()), summary.nominal_rows);

  ASSERT_EQ(truth.cases.size(), 60u);
  EXPECT_EQ(truth.cases.begin()->first, "HFD-PVP-000001");
  size_t all_refs = 0;
  for (const auto& [key, refs] : truth.cases) {
    EXPECT_GE(refs.size(), 1u);
    EXPECT_LE(refs.size(), 3u);
    all_refs += refs.size();
  }
  // case_xref.csv is incomplete on purpose but never wrong, and every case
  // keeps at least one of its references in it.
  std::set<std::string> cases_in_xref;
  for (const std::vector<std::string>& row : scan.xref_rows) {
    ASSERT_EQ(row.size(), 3u);
    ASSERT_TRUE(truth.cases.count(row[0])) << row[0];
    EXPECT_THAT(truth.cases.at(row[0]), Contains(row[1]));
    EXPECT_THAT((std::vector<std::string>{"CRIME", "NON_CRIME", "PAPER_FILE"}), Contains(row[2]));
    cases_in_xref.insert(row[0]);
  }
  EXPECT_EQ(cases_in_xref.size(), truth.cases.size());
  EXPECT_LT(scan.xref_rows.size(), all_refs);
}

TEST(LegacyGenerator, RecordsOfOneEventRecordCompatibleTimes) {
  ScratchFolder folder;
  Generate(Options(40, 11), folder.path());
  const Truth truth = ReadTruth(folder.path());
  const Scan scan = ScanFolder(folder.path());
  std::map<std::string, std::vector<std::pair<std::string, PartialTime>>> by_event;
  for (const auto& [locator, time] : scan.records) {
    ASSERT_TRUE(truth.record_events.count(locator)) << locator;
    by_event[truth.record_events.at(locator)].push_back({locator, time});
  }
  for (const auto& [event, records] : by_event) {
    for (const auto& [locator_a, a] : records) {
      for (const auto& [locator_b, b] : records) {
        EXPECT_TRUE(CompatibleTimes(a, b))
            << event << ": " << locator_a << " (" << FormatPartialTime(a) << ") vs " << locator_b
            << " (" << FormatPartialTime(b) << ")";
      }
    }
  }
}

bool AnyFile(const std::map<std::string, std::string>& tree,
             const std::function<bool(const std::string& path, const std::string& bytes)>& test) {
  for (const auto& [path, bytes] : tree) {
    if (test(path, bytes)) return true;
  }
  return false;
}

using Rows = std::vector<std::vector<std::string>>;

// The data rows of every CSV file whose path starts with `prefix`, file by file.
std::vector<Rows> CsvFiles(const std::map<std::string, std::string>& tree,
                           const std::string& prefix) {
  std::vector<Rows> files;
  for (const auto& [path, bytes] : tree) {
    if (!path.starts_with(prefix) || !path.ends_with(".csv")) continue;
    CsvParser parser(DecodeLegacyText(bytes).text);
    Rows rows;
    while (const CsvRow* row = parser.Next()) {
      if (row->number > 0) rows.push_back({row->fields.begin(), row->fields.end()});
    }
    files.push_back(std::move(rows));
  }
  return files;
}

// True when some row's field `column` matches `pattern` as a whole.
bool AnyField(const std::vector<Rows>& files, size_t column, const std::string& pattern) {
  const std::regex re(pattern);
  for (const Rows& rows : files) {
    for (const std::vector<std::string>& row : rows) {
      if (std::regex_match(row.at(column), re)) return true;
    }
  }
  return false;
}

// True when some row has the same first `width` fields as the row before it.
bool AnyRepeat(const std::vector<Rows>& files, size_t width) {
  for (const Rows& rows : files) {
    for (size_t i = 1; i < rows.size(); ++i) {
      if (std::equal(rows[i].begin(), rows[i].begin() + width, rows[i - 1].begin())) return true;
    }
  }
  return false;
}

TEST(LegacyGenerator, EveryVariationIsPresent) {
  ScratchFolder folder;
  Generate(Options(120, 3), folder.path());
  const std::map<std::string, std::string> tree = ReadTree(folder.path());
  const Truth truth = ReadTruth(folder.path());

  // Encodings and line ends.
  EXPECT_TRUE(AnyFile(tree, [](const std::string& p, const std::string& b) {
    return p.ends_with(".csv") && !IsValidUtf8(b);
  })) << "no Windows-1252 file";
  EXPECT_TRUE(AnyFile(tree, [](const std::string&, const std::string& b) {
    return b.starts_with("\xEF\xBB\xBF");
  })) << "no UTF-8 BOM";
  EXPECT_TRUE(AnyFile(tree, [](const std::string&, const std::string& b) {
    return b.find("\r\n") != std::string::npos;
  })) << "no CRLF";
  // Names that need more than ASCII, and a pound sign.
  const std::regex accented("Zoë|Siân|José|Chloë|Seán|Renée|Núñez");
  EXPECT_TRUE(AnyFile(tree, [&](const std::string&, const std::string& b) {
    return std::regex_search(DecodeLegacyText(b).text, accented);
  }));
  EXPECT_TRUE(AnyFile(tree, [](const std::string&, const std::string& b) {
    return DecodeLegacyText(b).text.find("£") != std::string::npos;
  }));

  // Log forms, and logs saved twice.
  EXPECT_TRUE(AnyFile(tree, [](const std::string& p, const std::string&) {
    return p.starts_with("logs/") && p.ends_with(".txt");
  }));
  EXPECT_TRUE(AnyFile(tree, [&](const std::string& p, const std::string& b) {
    return p.ends_with(" - Copy.docx") &&
           b == tree.at(p.substr(0, p.size() - std::string(" - Copy.docx").size()) + ".docx");
  })) << "no log saved twice";
  size_t table_logs = 0, paragraph_logs = 0;
  for (const auto& [path, bytes] : tree) {
    if (!path.ends_with(".docx")) continue;
    const std::vector<std::string> lines = LogLines(folder.path() / path);
    (std::find(lines.begin(), lines.end(), "Date/Time") != lines.end() ? table_logs
                                                                       : paragraph_logs)++;
  }
  EXPECT_GT(table_logs, 0u);
  EXPECT_GT(paragraph_logs, 0u);

  // Paper files: date and time forms, undated pages, ALL CAPS, keyed twice.
  const std::vector<Rows> paper = CsvFiles(tree, "paper/");
  EXPECT_TRUE(AnyField(paper, 3, R"(\d\d/\d\d/\d{4}( .*)?)"));
  EXPECT_TRUE(AnyField(paper, 3, R"(\d\d/\d\d/\d\d( .*)?)"));
  EXPECT_TRUE(AnyField(paper, 3, R"(\d\d\.\d\d\.\d{4}( .*)?)"));
  EXPECT_TRUE(AnyField(paper, 3, R"(\d{1,2} [A-Z][a-z]{2} \d{4}( .*)?)"));
  EXPECT_TRUE(AnyField(paper, 3, R"(\d{1,2}(st|nd|rd|th) [A-Z][a-z]+ \d{4}( .*)?)"));
  EXPECT_TRUE(AnyField(paper, 3, R"([A-Z][a-z]{2} \d{4})")) << "month only";
  EXPECT_TRUE(AnyField(paper, 3, "")) << "undated";
  EXPECT_TRUE(AnyField(paper, 3, "unknown"));
  EXPECT_TRUE(AnyField(paper, 3, R"(.* \d\d:\d\d)"));
  EXPECT_TRUE(AnyField(paper, 3, R"(.* \d{4})"));
  EXPECT_TRUE(AnyField(paper, 3, R"(.* \d{4}hrs)"));
  EXPECT_TRUE(AnyField(paper, 6, R"([^a-z]{40,})")) << "ALL-CAPS page";
  EXPECT_TRUE(AnyField(paper, 5, R"(.*[A-Z][a-z]+ [A-Z'-]{3,} \(\d\d/\d\d/\d{4}\).*)"));
  EXPECT_TRUE(AnyField(paper, 5, R"([^(]*)")) << "subjects without a date of birth";
  EXPECT_TRUE(AnyRepeat(paper, 2)) << "page keyed twice";

  // Crime exports: prefixes, capitals, curly quotes, re-flowed lines, cut
  // short, empty occurred_at, a repeated row, NON-CRIME records.
  const std::vector<Rows> crime = CsvFiles(tree, "crime/");
  EXPECT_TRUE(AnyField(crime, 6, "UPDATE (-|\u2013) .*"));
  EXPECT_TRUE(AnyField(crime, 6, "(Further to previous: |OIC update. |Log entry: ).*"));
  EXPECT_TRUE(AnyField(crime, 6, ".*\u2019.*"));
  EXPECT_TRUE(AnyField(crime, 6, R"(.*[A-Z][a-z]+ [A-Z]{4,}\b.*)")) << "SURNAME in capitals";
  EXPECT_TRUE(AnyField(crime, 6, R"([^\n]*  \n[\s\S]*)")) << "re-flowed with trailing spaces";
  EXPECT_TRUE(AnyField(crime, 6, R"([\s\S]* \[continued in log\])"));
  EXPECT_TRUE(AnyField(crime, 5, ""));
  EXPECT_TRUE(AnyField(crime, 1, "NON-CRIME"));
  EXPECT_TRUE(AnyRepeat(crime, 7)) << "repeated row";

  // Nominal index: yyyymmdd and empty dates of birth, empty fields, nicknames
  // and lookalike people.
  const std::vector<Rows> nominals = CsvFiles(tree, "nominals/");
  EXPECT_TRUE(AnyField(nominals, 3, R"((19|20)\d{6})"));
  EXPECT_TRUE(AnyField(nominals, 3, R"(\d\d/\d\d/\d{4})"));
  EXPECT_TRUE(AnyField(nominals, 3, ""));
  EXPECT_TRUE(AnyField(nominals, 7, ""));
  EXPECT_TRUE(AnyField(nominals, 1,
                       "Becky|Jess|Vicky|Millie|Lottie|Hattie|Beth|Liv|Tom|Billy|"
                       "Ben|Alex|Ollie|Sam|Debbie|Jen|Kim|Steph|Sue|Kate|Maggie|"
                       "Trish|Tony|Chris|Danny|Mike|Nick|Rich|Rob|Joe|Jim|Steve"));
  std::set<std::string> roles;
  for (const auto& [locator, person] : truth.nominals) roles.insert(person.substr(15));
  EXPECT_EQ(roles, (std::set<std::string>{"adult", "child", "mother", "sibling", "twin"}));
}

TEST(LegacyGenerator, CleanFolderHasNoVariations) {
  ScratchFolder folder;
  GeneratorOptions options = Options(40, 1);
  options.variations = Variations::None();
  Generate(options, folder.path());
  const std::map<std::string, std::string> tree = ReadTree(folder.path());
  for (const auto& [path, bytes] : tree) {
    EXPECT_TRUE(IsValidUtf8(bytes)) << path;
    EXPECT_FALSE(bytes.starts_with("\xEF\xBB\xBF")) << path;
    EXPECT_EQ(bytes.find('\r'), std::string::npos) << path;
    EXPECT_FALSE(path.ends_with(".docx")) << path;
  }
  const Truth truth = ReadTruth(folder.path());
  const Scan scan = ScanFolder(folder.path());
  size_t all_refs = 0;
  for (const auto& [key, refs] : truth.cases) all_refs += refs.size();
  EXPECT_EQ(scan.xref_rows.size(), all_refs);
  for (const auto& [locator, time] : scan.records) {
    EXPECT_GE(time.precision, TimePrecision::kDay) << locator;
  }
  for (const auto& [locator, person] : truth.nominals) {
    EXPECT_FALSE(person.ends_with("/twin") || person.ends_with("/sibling")) << person;
  }
}

TEST(LegacyGenerator, TargetRecordsStreamsIntoSplitExports) {
  ScratchFolder folder;
  GeneratorOptions options;
  options.target_records = 6000;
  options.export_rows_per_file = 800;
  options.progress_every_cases = 10;
  std::vector<GenerationSummary> progress;
  options.progress = [&](const GenerationSummary& s) { progress.push_back(s); };
  const GenerationSummary summary = Generate(options, folder.path());
  EXPECT_GE(summary.records(), 6000);
  // Stops at the first case that reaches the target.
  EXPECT_LT(summary.records(), 6000 + 400);
  ASSERT_FALSE(progress.empty());
  EXPECT_EQ(progress.back().records(), summary.records());
  EXPECT_EQ(progress.back().cases, summary.cases);

  int exports = 0;
  for (const auto& entry : fs::directory_iterator(folder.path() / "crime")) {
    ++exports;
    CsvParser parser(DecodeLegacyText(ReadBytes(entry.path())).text);
    int rows = 0;
    while (const CsvRow* row = parser.Next()) rows = row->number;
    // A file is closed at the first case boundary past the limit.
    EXPECT_LT(rows, 800 + 200) << entry.path();
  }
  EXPECT_GE(exports, 2);
  EXPECT_TRUE(fs::exists(folder.path() / "crime/chronology_export_02.csv"));
  EXPECT_EQ(ReadTruth(folder.path()).record_events.size(), static_cast<size_t>(summary.records()));
  // The part files of truth.json are gone.
  for (const auto& entry : fs::directory_iterator(folder.path())) {
    EXPECT_FALSE(entry.path().filename().string().starts_with(".")) << entry.path();
  }
}

TEST(LegacyGenerator, RefusesAFolderThatIsNotEmpty) {
  ScratchFolder folder;
  std::ofstream(folder.path() / "keep.txt") << "x";
  absl::StatusOr<GenerationSummary> summary = GenerateLegacyFolder({}, folder.path());
  EXPECT_EQ(summary.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_TRUE(fs::exists(folder.path() / "keep.txt"));
}

TEST(LegacyGenerator, RejectsNegativeCounts) {
  ScratchFolder folder;
  GeneratorOptions options;
  options.cases = -1;
  EXPECT_EQ(GenerateLegacyFolder(options, folder.path() / "out").status().code(),
            absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace casefile::legacy_generator
