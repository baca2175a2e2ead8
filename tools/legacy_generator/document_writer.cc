#include "tools/legacy_generator/document_writer.h"

#include <fstream>
#include <system_error>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_replace.h"
#include "tools/legacy_generator/absl_view.h"
#include "tools/legacy_generator/csv_row.h"
#include "tools/legacy_generator/minimal_files.h"

namespace casefile::legacy_generator {
namespace {

constexpr char kLeaflet[] = "leaflet";

std::string DocumentText(const SyntheticCase& c, int n, std::string_view kind) {
  return absl::StrCat("Hereford PVP paper file ", c.key, " document ", n, " ", Av(kind));
}

// A folder name for a reference: '/' cannot be in one ('_' for a paper file's, '-' for a crime reference's).
std::string FolderOf(const LegacyReference& ref) {
  return absl::StrReplaceAll(ref.ref, {{"/", ref.kind == RefKind::kPaperFile ? "_" : "-"}});
}

}  // namespace

absl::StatusOr<DocumentWriter> DocumentWriter::Open(RecordSink& sink) {
  std::error_code error;
  std::filesystem::create_directories(sink.folder / "documents" / "scans", error);
  if (error) return absl::UnavailableError(absl::StrCat("cannot create documents/: ", error.message()));
  absl::StatusOr<FileSink> manifest = FileSink::Open(sink.folder / "documents" / "manifest.csv", FileStyle{});
  if (!manifest.ok()) return manifest.status();
  manifest->Write("file,reference,date,kind\n");
  ++sink.counts.files;
  return DocumentWriter(*std::move(manifest));
}

absl::Status DocumentWriter::WriteFile(RecordSink& sink, const std::string& path, const std::string& bytes) {
  std::ofstream out(sink.folder / path, std::ios::binary);
  out << bytes;
  if (!out) return absl::UnavailableError(absl::StrCat("cannot write ", path));
  ++sink.counts.files;
  ++sink.counts.documents;
  return absl::OkStatus();
}

absl::Status DocumentWriter::AddCase(const SyntheticCase& c, const LegacyReference& ref, int per_case,
                                     RecordSink& sink, Random& random) {
  const bool by_folder = c.key.back() % 2 == 1;
  const std::string folder = absl::StrCat("documents/", FolderOf(ref));
  if (by_folder) {
    std::error_code error;
    std::filesystem::create_directories(sink.folder / folder, error);
    if (error) return absl::UnavailableError(absl::StrCat("cannot create ", folder, ": ", error.message()));
  }
  std::vector<const TrueEvent*> dated;
  for (const TrueEvent& e : c.events) {
    if (e.in_paper && !e.doc_type.empty()) dated.push_back(&e);
  }
  // Writes one document: its file and, for the manifest layout, its row.
  auto add = [&](const std::string& name, const std::string& bytes, const std::string& content,
                 const TrueEvent* event, bool bad) -> absl::Status {
    if (by_folder) {
      const std::string path = absl::StrCat(folder, "/", name);
      sink.truth->Document(path, c.key, 0, content, bad);
      return WriteFile(sink, path, bytes);
    }
    const std::string file = absl::StrCat("scans/", c.key, "-", name);
    std::string date, kind;
    if (event != nullptr) {
      const absl::CivilDay day(event->when);
      date = absl::StrFormat("%02d/%02d/%04d", day.day(), day.month(), day.year());
      kind = event->doc_type;
    }
    std::string row;
    AppendCsvRow(row, {file, random.Chance(0.3) ? c.key : ref.ref, date, kind});
    manifest_.Write(row);
    ++rows_;
    sink.truth->Document(absl::StrCat("documents/", file), c.key, event != nullptr ? event->number : 0, content, bad);
    return WriteFile(sink, absl::StrCat("documents/", file), bytes);
  };

  std::string first_bytes, first_content;
  for (int n = 1; n <= per_case; ++n) {
    const TrueEvent* event = dated.empty() ? nullptr : dated[random.Below(dated.size())];
    const std::string kind = event != nullptr ? event->doc_type : "Case note";
    const bool image = random.Chance(0.25);
    const std::string bytes = image ? MinimalPng(24, 16, static_cast<uint32_t>(random.Next()))
                                    : MinimalPdf(DocumentText(c, n, kind));
    const std::string content = absl::StrCat(c.key, "/d", n);
    if (auto s = add(absl::StrCat("scan-", n, image ? ".png" : ".pdf"), bytes, content, event, false); !s.ok())
      return s;
    if (n == 1) first_bytes = bytes, first_content = content;
  }
  // Repeats: a second copy of a document of the case; a leaflet several cases hold.
  if (per_case > 0 && random.Chance(0.1)) {
    if (auto s = add("scan-1 copy.pdf", first_bytes, first_content, nullptr, false); !s.ok()) return s;
  }
  if (random.Chance(0.05)) {
    if (auto s = add("leaflet.pdf", MinimalPdf("What happens after a referral: a leaflet for families"), kLeaflet,
                     nullptr, false);
        !s.ok())
      return s;
  }
  // Bad on purpose: the importer must reject each, naming it.
  if (random.Chance(0.04)) {
    std::string bytes;
    switch (random.Below(3)) {
      case 0: bytes = std::string("GIF89a\x01\x00\x01\x00\x80\x00\x00;", 14); break;  // a type casefile does not keep
      case 1: bytes = MinimalPdf(DocumentText(c, 0, "cut short")).substr(0, 200); break;
      default: bytes = "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"; break;
    }
    if (auto s = add("bad.pdf", bytes, absl::StrCat(c.key, "/bad"), nullptr, true); !s.ok()) return s;
  }
  if (!by_folder && random.Chance(0.03)) {
    static constexpr const char* kBadRows[][3] = {
        {"missing", "", "01/02/2011"}, {"unknown", "NO/SUCH/REF", "01/02/2011"}, {"badday", "", "31/02/2011"}};
    const auto& bad = kBadRows[random.Below(3)];
    std::string row;
    AppendCsvRow(row, {absl::StrCat("scans/", c.key, "-", bad[0], ".pdf"), bad[1][0] != '\0' ? bad[1] : ref.ref, bad[2],
                       "Referral"});
    manifest_.Write(row);
    ++rows_;
    sink.truth->Document(absl::StrCat("documents/manifest.csv#row=", rows_), c.key, 0, absl::StrCat(c.key, "/", bad[0]),
                         true);
  }
  return absl::OkStatus();
}

absl::Status DocumentWriter::Close() { return manifest_.Close(); }

}  // namespace casefile::legacy_generator
