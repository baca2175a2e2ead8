// Reads the data rows of a legacy CSV file by column name: binds the header
// row to the columns a reader wants (names matched ignoring case and
// surrounding whitespace, in any order, extra columns ignored) and hands
// each sound row to the reader. Everything unreadable becomes a ReadProblem
// that keeps what was read in `raw`:
//   - a required column missing from the header: one problem for the file
//     naming the column(s) and keeping its first 64 KiB; no rows are read;
//   - broken quoting: "<path>#row=N", the reason from CsvParser, the row;
//   - a row with more or fewer fields than the header: "<path>#row=N";
//   - a row of more bytes than ReaderOptions::max_record_bytes:
//     "<path>#row=N", its size and its first 4 KiB only.
//
// Thread-safe: pure function (the callback runs on the calling thread).
#ifndef CASEFILE_MIGRATION_READERS_CSV_RECORDS_H_
#define CASEFILE_MIGRATION_READERS_CSV_RECORDS_H_

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/functional/function_ref.h"
#include "migration/legacy_record.h"
#include "migration/readers/reader_options.h"

namespace casefile::migration {

struct CsvColumn {
  std::string_view name;
  bool required = false;
};

// One sound data row, seen through the reader's column list.
class CsvRecord {
 public:
  int row = 0;          // data row number, from 1
  std::string locator;  // "<path>#row=N"; the callback may move it out

  // The field of the reader's `column` (an index into its column list), as
  // read; empty when the file has no such column.
  std::string_view operator[](size_t column) const {
    const int at = (*field_of_column_)[column];
    return at < 0 ? std::string_view() : (*fields_)[at];
  }
  // The row exactly as written (see CsvRow::raw), for a problem the reader
  // finds in it.
  std::string_view raw() const { return raw_; }

 private:
  friend void ReadCsvRecords(std::string_view, std::string, std::span<const CsvColumn>,
                             const ReaderOptions&, std::vector<ReadProblem>&,
                             absl::FunctionRef<void(CsvRecord&)>);
  const std::vector<int>* field_of_column_ = nullptr;
  const std::vector<std::string_view>* fields_ = nullptr;
  std::string_view raw_;
};

// `text` is decoded (UTF-8, LF) CSV whose first row is the header.
void ReadCsvRecords(std::string_view path, std::string text, std::span<const CsvColumn> columns,
                    const ReaderOptions& options, std::vector<ReadProblem>& problems,
                    absl::FunctionRef<void(CsvRecord&)> on_row);

// The header row of decoded CSV text: its fields, trimmed. Empty when the
// text has no sound first row.
std::vector<std::string> ReadCsvHeader(std::string_view text);

// How many of `columns` the header names.
int CountMatchingColumns(std::span<const std::string> header, std::span<const CsvColumn> columns);

// An upper bound on the data rows of `text` (its line count), to reserve.
size_t EstimateRows(std::string_view text);

// The `<path>#row=N` locator.
std::string RowLocator(std::string_view path, int row);

}  // namespace casefile::migration

#endif  // CASEFILE_MIGRATION_READERS_CSV_RECORDS_H_
