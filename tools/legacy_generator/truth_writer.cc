#include "tools/legacy_generator/truth_writer.h"

#include <fstream>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "tools/legacy_generator/absl_view.h"

namespace casefile::legacy_generator {
namespace {

constexpr char kTruthFile[] = "truth.json";
constexpr char kNominalsPart[] = ".truth-nominals.part";
constexpr char kCasesPart[] = ".truth-cases.part";
constexpr char kDocumentsPart[] = ".truth-documents.part";

void AppendJsonString(std::string& out, std::string_view s) {
  out.push_back('"');
  for (char c : s) {
    if (c == '"' || c == '\\') {
      out.push_back('\\');
      out.push_back(c);
    } else if (static_cast<unsigned char>(c) < 0x20) {
      out += absl::StrFormat("\\u%04x", c);
    } else {
      out.push_back(c);
    }
  }
  out.push_back('"');
}

absl::Status AppendFile(const std::filesystem::path& from, std::ofstream& to) {
  std::ifstream in(from, std::ios::binary);
  to << in.rdbuf();
  if (!to) return absl::UnavailableError(absl::StrCat("cannot append ", from.string()));
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<TruthWriter> TruthWriter::Open(const std::filesystem::path& folder) {
  absl::StatusOr<FileSink> records = FileSink::Open(folder / kTruthFile, FileStyle{});
  if (!records.ok()) return records.status();
  absl::StatusOr<FileSink> nominals = FileSink::Open(folder / kNominalsPart, FileStyle{});
  if (!nominals.ok()) return nominals.status();
  absl::StatusOr<FileSink> cases = FileSink::Open(folder / kCasesPart, FileStyle{});
  if (!cases.ok()) return cases.status();
  absl::StatusOr<FileSink> documents = FileSink::Open(folder / kDocumentsPart, FileStyle{});
  if (!documents.ok()) return documents.status();
  records->Write("{\n \"records\": {");
  return TruthWriter(folder, Section{std::move(*records), true, ""}, Section{std::move(*nominals), true, ""},
                     Section{std::move(*cases), true, ""}, Section{std::move(*documents), true, ""});
}

TruthWriter::TruthWriter(std::filesystem::path folder, Section records, Section nominals, Section cases,
                         Section documents)
    : folder_(std::move(folder)),
      records_(std::move(records)),
      nominals_(std::move(nominals)),
      cases_(std::move(cases)),
      documents_(std::move(documents)) {}

void TruthWriter::Document(std::string_view locator, std::string_view case_key, int event_number,
                           std::string_view content, bool rejected) {
  BeginEntry(documents_);
  std::string& line = documents_.line;
  AppendJsonString(line, locator);
  line += ": {\"case\": ";
  AppendJsonString(line, case_key);
  line += ", \"event\": ";
  AppendJsonString(line, event_number > 0 ? absl::StrCat(Av(case_key), "/e", event_number) : "");
  line += ", \"content\": ";
  AppendJsonString(line, content);
  line += rejected ? ", \"outcome\": \"reject\"}" : ", \"outcome\": \"attach\"}";
  documents_.sink.Write(line);
}

void TruthWriter::BeginEntry(Section& section) {
  section.line.assign(section.empty ? "\n  " : ",\n  ");
  section.empty = false;
}

void TruthWriter::Record(std::string_view locator, std::string_view case_key, int event_number) {
  BeginEntry(records_);
  std::string& line = records_.line;
  AppendJsonString(line, locator);
  line += ": {\"case\": ";
  AppendJsonString(line, case_key);
  line += ", \"event\": ";
  AppendJsonString(line, absl::StrCat(Av(case_key), "/e", event_number));
  line += "}";
  records_.sink.Write(line);
}

void TruthWriter::Nominal(std::string_view locator, std::string_view case_key,
                          std::string_view role) {
  BeginEntry(nominals_);
  AppendJsonString(nominals_.line, locator);
  nominals_.line += ": ";
  AppendJsonString(nominals_.line, absl::StrCat(Av(case_key), "/", Av(role)));
  nominals_.sink.Write(nominals_.line);
}

void TruthWriter::Case(std::string_view case_key, const std::vector<std::string>& refs) {
  BeginEntry(cases_);
  std::string& line = cases_.line;
  AppendJsonString(line, case_key);
  line += ": {\"refs\": [";
  for (size_t i = 0; i < refs.size(); ++i) {
    if (i > 0) line += ", ";
    AppendJsonString(line, refs[i]);
  }
  line += "]}";
  cases_.sink.Write(line);
}

absl::Status TruthWriter::Finish() {
  records_.sink.Write("\n },\n \"nominals\": {");
  nominals_.sink.Write("\n },\n \"cases\": {");
  cases_.sink.Write("\n },\n \"documents\": {");
  documents_.sink.Write("\n }\n}\n");
  for (Section* section : {&records_, &nominals_, &cases_, &documents_}) {
    if (absl::Status s = section->sink.Close(); !s.ok()) return s;
  }
  {
    std::ofstream out(folder_ / kTruthFile, std::ios::binary | std::ios::app);
    for (const char* part : {kNominalsPart, kCasesPart, kDocumentsPart}) {
      if (absl::Status s = AppendFile(folder_ / part, out); !s.ok()) return s;
    }
  }
  std::error_code ignored;
  std::filesystem::remove(folder_ / kNominalsPart, ignored);
  std::filesystem::remove(folder_ / kCasesPart, ignored);
  std::filesystem::remove(folder_ / kDocumentsPart, ignored);
  return absl::OkStatus();
}

}  // namespace casefile::legacy_generator
