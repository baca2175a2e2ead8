// Builds the records of an investigation log (LEGACY_FORMATS.md §3) from its
// lines in reading order, whether they came from a .txt file or from the
// paragraphs and tables of a .docx:
//
//   INVESTIGATION LOG                      <- optional title
//   Officer: DC 4471 HUGHES                <- header lines, keys ignoring case
//   Reference: 22/45871/12, HPVP/2012/0457
//   Subject: Ellie WATSON (03/04/2008)
//                                          <- header ends at a blank line
//   12/11/2012 0915                           after it, a line that begins with
//   Received referral from CSC ...            a date, or an entries table
//   13/11/2012 14:00 - Visited home ...
//
// An entry starts at each line that begins with a date (and usually a time;
// a month-only date such as "Nov 2012" counts only when nothing but a
// separator follows it, so that prose like "May 2012 saw ..." stays text).
// Its text runs after an optional " - ", ":" or dash on the same line and
// over the following lines up to the next entry, joined with "\n" as read;
// blank lines at its start and end are dropped. A table whose header row
// names a Date/Time (or Date and Time) column and an Entry column holds one
// entry per row; a row with an empty date cell continues the entry above.
// Other tables are read as lines, cell by cell.
//
// A line also starts an entry when it begins with a clearly date-shaped but
// half-legible date ("?/11/2012", "12/11/2O12", "31/02/2012 1400",
// "Jul 2010 11:10", "Tuesday 12th Nov 2012"; see DateShapedPrefixLength):
// the date is read as far as it can be and the event says so in date_note,
// with the date as written in occurred_as_written.
//
// Every entry takes the next number: its locator is "<path>#entry=N". An
// entry of more bytes than ReaderOptions::max_record_bytes becomes a
// ReadProblem with that locator, keeping its first 4 KiB, instead of an
// event. Lines that belong to no entry (and are not header lines) are
// reported in one ReadProblem for the file keeping those lines (64 KiB at
// most), as is a log without entries (keeping its start), and one with more
// than 100 references or subjects (the rest are not read: each entry
// carries them all).
//
// Thread-compatible: one builder per file.
#ifndef CASEFILE_MIGRATION_READERS_INVESTIGATION_LOG_H_
#define CASEFILE_MIGRATION_READERS_INVESTIGATION_LOG_H_

#include <string>
#include <string_view>
#include <vector>

#include "migration/legacy_record.h"
#include "migration/readers/reader_options.h"

namespace casefile::migration {

class InvestigationLogBuilder {
 public:
  explicit InvestigationLogBuilder(std::string_view path, const ReaderOptions& options = {});

  // REQUIRES: `line` holds no '\n'.
  void AddLine(std::string_view line);
  // Each '\n'-separated line of `text`, in order.
  void AddLines(std::string_view text);
  // Rows of cells, each cell's paragraphs joined with '\n'.
  void AddTable(const std::vector<std::vector<std::string>>& rows);
  LegacyFile Finish();

 private:
  enum class Phase { kTitle, kHeader, kBody };

  bool AddHeaderLine(std::string_view line);
  // `date` as written; `first_line` the whole line (for raw content);
  // `first_text` the entry's text on it.
  void StartEntry(std::string_view date, std::string_view first_line, std::string_view first_text);
  void AppendToEntry(std::string_view line, bool raw = true);
  void FinishEntry();
  bool AddEntriesTable(const std::vector<std::vector<std::string>>& rows);

  const ReaderOptions options_;
  LegacyFile file_;
  Phase phase_ = Phase::kTitle;
  std::vector<std::string> refs_;
  std::vector<LegacySubject> subjects_;
  int header_lines_ = 0;
  int entries_ = 0;
  int lines_outside_entries_ = 0;
  int header_items_dropped_ = 0;
  // Raw content for the file's problems, each capped at 64 KiB: the lines
  // outside entries, the header items not read, and every line.
  std::string outside_raw_;
  std::string dropped_raw_;
  std::string file_raw_;
  // The entry being read.
  bool in_entry_ = false;
  bool table_entry_ = false;  // a row of an entries table
  std::string entry_date_;    // as written
  std::string entry_text_;    // kept up to the size limit
  std::string entry_raw_;     // its lines as read, first 4 KiB
  size_t entry_bytes_ = 0;    // its size as read, all of it
  int pending_blank_lines_ = 0;
};

// True when decoded text opens (after any blank lines) with the title
// INVESTIGATION LOG, in any case.
bool IsTextInvestigationLog(std::string_view text);

// Reads a .txt investigation log; `text` is the decoded file.
LegacyFile ReadTextInvestigationLog(std::string_view path, std::string_view text,
                                    const ReaderOptions& options = {});

}  // namespace casefile::migration

#endif  // CASEFILE_MIGRATION_READERS_INVESTIGATION_LOG_H_
