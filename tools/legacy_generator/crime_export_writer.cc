#include "tools/legacy_generator/crime_export_writer.h"

#include <algorithm>
#include <array>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "tools/legacy_generator/absl_view.h"
#include "tools/legacy_generator/csv_row.h"
#include "tools/legacy_generator/date_forms.h"
#include "tools/legacy_generator/text_noise.h"

namespace casefile::legacy_generator {
namespace {

constexpr std::array<std::string_view, 6> kPrefixes = {
    "UPDATE - ",    "UPDATE \u2013 ", "Further to previous: ",
    "OIC update. ", "Log entry: ",    "Update: "};

std::vector<std::string> Surnames(const SyntheticCase& c) {
  std::vector<std::string> surnames;
  for (const Person& p : c.people) surnames.push_back(p.surname);
  return surnames;
}

// The text as it landed in the crime system after a copy and paste.
std::string PastedText(const TrueEvent& e, const std::vector<std::string>& surnames,
                       const Variations& v, Random& random) {
  std::string text = e.text;
  if (v.capitals && random.Chance(0.4)) text = CapitaliseWords(text, surnames);
  if (v.paste_noise && random.Chance(0.25))
    text = absl::StrCat(Av(random.Pick<std::string_view>(kPrefixes)), text);
  if (v.paste_noise && random.Chance(0.2)) text = CurlyQuotes(text);
  if (v.typos && random.Chance(0.3)) text = AddTypos(text, random.Between(1, 3), random);
  if (v.paste_noise && random.Chance(0.3)) {
    text = Reflow(text, random.Between(40, 90), random.Chance(0.4) ? "  \n" : "\n");
  }
  // A cut-short copy of a wording the case repeats would match none of them.
  if (v.paste_noise && !e.shared_wording && random.Chance(0.06)) text = CutShort(text, random);
  return text;
}

struct ExportRow {
  absl::CivilSecond entered;
  const TrueEvent* event;
};

}  // namespace

CrimeExportWriter::CrimeExportWriter(int64_t rows_per_file, Random random)
    : rows_per_file_(rows_per_file), random_(random) {}

absl::Status CrimeExportWriter::StartFile(RecordSink& sink) {
  relative_ = absl::StrFormat("crime/chronology_export_%02d.csv", ++file_number_);
  absl::StatusOr<FileSink> file =
      FileSink::Open(sink.folder / relative_, PickFileStyle(sink.variations.encodings, random_));
  if (!file.ok()) return file.status();
  file_.emplace(std::move(*file));
  file_->Write("record_ref,record_type,entry_no,entered_at,entered_by,occurred_at,text\n");
  rows_in_file_ = 0;
  ++sink.counts.files;
  return absl::OkStatus();
}

absl::Status CrimeExportWriter::AppendCase(const SyntheticCase& c, RecordSink& sink,
                                           Random& random) {
  if (file_.has_value() && rows_in_file_ >= rows_per_file_) {
    if (absl::Status s = Close(); !s.ok()) return s;
  }
  const std::vector<std::string> surnames = Surnames(c);
  const Variations& v = sink.variations;
  for (size_t ref = 0; ref < c.crime_refs.size(); ++ref) {
    std::vector<ExportRow> rows;
    for (const TrueEvent& e : c.events) {
      if (!e.in_crime || e.crime_ref != ref) continue;
      // Typed into the crime system between ten minutes and a day and a half
      // after the event.
      rows.push_back(
          {absl::CivilSecond(e.when) + 60 * random.Between(10, 36 * 60) + random.Between(0, 59),
           &e});
    }
    if (rows.empty()) continue;
    if (!file_.has_value()) {
      if (absl::Status s = StartFile(sink); !s.ok()) return s;
    }
    std::stable_sort(rows.begin(), rows.end(),
                     [](const ExportRow& a, const ExportRow& b) { return a.entered < b.entered; });
    const LegacyReference& legacy = c.crime_refs[ref];
    const std::string_view type = legacy.kind == RefKind::kCrime ? "CRIME" : "NON-CRIME";
    buffer_.clear();
    for (size_t i = 0; i < rows.size(); ++i) {
      const TrueEvent& e = *rows[i].event;
      const bool undated = v.imprecise_dates && !e.shared_wording && random.Chance(0.12);
      const std::string entry_no = absl::StrCat(i + 1);
      const std::string entered = IsoSecond(rows[i].entered);
      const std::string occurred = undated ? "" : IsoMinute(e.when);
      const std::string text = PastedText(e, surnames, v, random);
      const int copies = v.duplicates && random.Chance(0.02) ? 2 : 1;
      for (int k = 0; k < copies; ++k) {
        AppendCsvRow(buffer_,
                     {legacy.ref, type, entry_no, entered, c.officer.EnteredBy(), occurred, text});
        sink.truth->Record(absl::StrCat(relative_, "#row=", ++rows_in_file_), c.key, e.number);
        ++sink.counts.crime_rows;
      }
    }
    file_->Write(buffer_);
  }
  return absl::OkStatus();
}

absl::Status CrimeExportWriter::Close() {
  if (!file_.has_value()) return absl::OkStatus();
  absl::Status closed = file_->Close();
  file_.reset();
  return closed;
}

}  // namespace casefile::legacy_generator
