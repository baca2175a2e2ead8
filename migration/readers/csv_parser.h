// An RFC 4180 CSV parser over decoded (UTF-8, LF) text: fields separated by
// commas; a field in double quotes may hold commas, line breaks and doubled
// quotes ("" for one "). Fields come back as views into the parser's own copy
// of the text; a quoted field with doubled quotes is unescaped in place, so
// reading allocates nothing per row.
//
// Rows that are empty (or hold only whitespace) are skipped and not counted.
// A row with broken quoting (a quote inside an unquoted field, text after a
// closing quote, or a quote never closed) is returned with `error` set and its
// fields unreliable. To find where a broken row ends, the parser rescans it
// leniently: inside quotes, a quote closes the field only when a comma, line
// end or the end of the text follows it. A quote never closed breaks only the
// line it opened on; reading resumes at the next line.
//
// Thread-compatible: one thread at a time.
#ifndef CASEFILE_MIGRATION_READERS_CSV_PARSER_H_
#define CASEFILE_MIGRATION_READERS_CSV_PARSER_H_

#include <string>
#include <string_view>
#include <vector>

namespace casefile::migration {

struct CsvRow {
  int number = 0;  // 0 for the first (header) row, then data rows from 1
  std::vector<std::string_view> fields;
  std::string_view error;  // empty, or why the row's quoting is broken
};

class CsvParser {
 public:
  explicit CsvParser(std::string text);
  CsvParser(const CsvParser&) = delete;
  CsvParser& operator=(const CsvParser&) = delete;

  // The next row, valid until the next call; nullptr at the end of the text.
  // The fields' views stay valid for the parser's lifetime.
  const CsvRow* Next();

 private:
  // Parses one row strictly from pos_; returns false on broken quoting.
  bool ParseStrict();
  // Finds the end of a broken row that starts at `start`.
  void SkipBrokenRow(size_t start);

  std::string text_;
  size_t pos_ = 0;
  int next_number_ = 0;
  CsvRow row_;
  std::vector<size_t> unescape_;  // fields of the current row holding ""
};

}  // namespace casefile::migration

#endif  // CASEFILE_MIGRATION_READERS_CSV_PARSER_H_
