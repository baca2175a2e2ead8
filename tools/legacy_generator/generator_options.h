// GeneratorOptions: what the synthetic legacy-folder generator should write,
// and GenerationSummary: what it wrote.
//
// Thread-safety: plain value type.
#ifndef CASEFILE_TOOLS_LEGACY_GENERATOR_GENERATOR_OPTIONS_H_
#define CASEFILE_TOOLS_LEGACY_GENERATOR_GENERATOR_OPTIONS_H_

#include <cstdint>
#include <functional>

namespace casefile::legacy_generator {

// The kinds of mess a real import folder has. Each can be turned off so a test
// can isolate one difficulty; all are on by default.
struct Variations {
  // Typing errors in paper pages and (fewer) in pasted crime-export text.
  bool typos = true;
  // ALL-CAPS paper pages; SURNAMES in capitals in pasted crime-export text.
  bool capitals = true;
  // Varied date/time forms (12/11/12, 12.11.2012, 12th November 2012, 1430hrs
  // ...). Off: every date is dd/mm/yyyy HH:MM.
  bool date_forms = true;
  // Undated and month-only paper pages, empty crime occurred_at.
  bool imprecise_dates = true;
  // The same paper page keyed twice, repeated export rows, "- Copy.docx" logs.
  bool duplicates = true;
  // Re-flowed lines, "UPDATE - " style prefixes, curly quotes, text cut short.
  bool paste_noise = true;
  // Windows-1252 files, UTF-8 byte-order marks, CRLF line ends.
  bool encodings = true;
  // Investigation logs as .docx (paragraph and two-column table forms) as
  // well as .txt. Off: every log is .txt.
  bool docx_logs = true;
  // Nominal index noise: nicknames, typos, day/month swapped, yyyymmdd dates,
  // empty fields.
  bool nominal_noise = true;
  // Different people who look alike: siblings sharing surname and address,
  // twins sharing a date of birth too.
  bool lookalikes = true;
  // Deduplication traps: weekly welfare checks worded identically on
  // different days; two different calls on the same day.
  bool dedup_traps = true;
  // Leave some legacy references out of case_xref.csv (never all of a case's).
  bool incomplete_xref = true;

  // Every variation off: a clean folder, every date dd/mm/yyyy, all UTF-8.
  static Variations None() {
    return {.typos = false,
            .capitals = false,
            .date_forms = false,
            .imprecise_dates = false,
            .duplicates = false,
            .paste_noise = false,
            .encodings = false,
            .docx_logs = false,
            .nominal_noise = false,
            .lookalikes = false,
            .dedup_traps = false,
            .incomplete_xref = false};
  }
};

// What a generation run wrote.
struct GenerationSummary {
  int64_t cases = 0;
  int64_t paper_rows = 0;
  int64_t log_entries = 0;  // copies ("- Copy.docx") included
  int64_t crime_rows = 0;
  int64_t nominal_rows = 0;
  int64_t xref_rows = 0;
  int64_t files = 0;  // legacy files; truth.json not counted
  int64_t documents = 0;  // scanned documents written under documents/ (bad ones included)

  // Chronology records: paper rows, log entries and crime-export rows.
  int64_t records() const { return paper_rows + log_entries + crime_rows; }
};

struct GeneratorOptions {
  // Number of cases to generate. Ignored when target_records > 0.
  int64_t cases = 4;
  // When > 0: keep adding cases until at least this many records (paper rows,
  // log entries and crime-export rows) have been written.
  int64_t target_records = 0;
  // The same seed and options always give the same folder, byte for byte.
  uint64_t seed = 1;
  Variations variations;
  // A crime export file is closed at the first case boundary after it holds
  // this many rows, and the next chronology_export_NN.csv begins.
  int64_t export_rows_per_file = 50000;
  // Scanned documents per case (documents/, document_writer.h); 0: none.
  int documents_per_case = 0;
  // When set, called with the counts so far every progress_every_cases cases
  // and once at the end.
  std::function<void(const GenerationSummary&)> progress;
  int64_t progress_every_cases = 1000;
};

}  // namespace casefile::legacy_generator

#endif  // CASEFILE_TOOLS_LEGACY_GENERATOR_GENERATOR_OPTIONS_H_
