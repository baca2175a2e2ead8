// An RFC 4180 CSV parser over decoded (UTF-8, LF) text: fields separated by
// commas; a field in double quotes may hold commas, line breaks and doubled
// quotes ("" for one "). Fields come back as views into the parser's own copy
// of the text; a quoted field with doubled quotes is unescaped in place, so
// reading allocates nothing per row (except a copy of the raw row for a row
// with doubled quotes). Linear in the size of the text, however long a field.
//
// Rows that are empty (or hold only whitespace) are skipped and not counted.
// A row with broken quoting (a quote inside an unquoted field, text after a
// closing quote, or a quote never closed) is returned with `error` set and its
// fields unreliable. Where a broken row ends is a guess, made so that one bad
// row costs as few good rows as possible:
//   1. if the next non-blank line reads as a sound row with the expected
//      number of fields (see set_expected_fields), the broken row was its one
//      line — the usual case of a stray or unclosed quote;
//   2. otherwise the row is rescanned leniently: inside quotes, a quote ends
//      the field only when a comma, line end or the end of the text follows
//      (a multi-line field with unescaped quotes in it);
//   3. a quote still open at the end of the text (or after 16 KiB) breaks
//      only its own line.
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
  // The row exactly as it stands in the text (quotes and all), without its
  // final line feed; for a broken row, the text taken as the row. Valid
  // until the next call of Next().
  std::string_view raw;
};

class CsvParser {
 public:
  explicit CsvParser(std::string text);
  CsvParser(const CsvParser&) = delete;
  CsvParser& operator=(const CsvParser&) = delete;

  // The next row, valid until the next call; nullptr at the end of the text.
  // The fields' views stay valid for the parser's lifetime.
  const CsvRow* Next();

  // How many fields a sound row has (the header's); 0 when unknown.
  void set_expected_fields(size_t n) { expected_fields_ = n; }

 private:
  // Reads one row strictly from `pos` without changing the text: its raw
  // fields, and which of them hold doubled quotes. Returns why the row is
  // broken, or empty.
  std::string_view Scan(size_t& pos, std::vector<std::string_view>& fields,
                        std::vector<size_t>& doubled_quotes) const;
  // The text from `start` to `end` without a final line feed.
  std::string_view RawRow(size_t start, size_t end) const;
  // Turns "" into " in the current row's fields, in place.
  void Unescape();
  // Where the broken row that starts at `start` ends (see above).
  size_t EndOfBrokenRow(size_t start) const;

  std::string text_;
  size_t pos_ = 0;
  int next_number_ = 0;
  size_t expected_fields_ = 0;
  CsvRow row_;
  std::vector<size_t> unescape_;  // fields of the current row holding ""
  // The current row as read, when unescaping its fields in place changes
  // the text under it (a row with "" only).
  std::string raw_copy_;
};

}  // namespace casefile::migration

#endif  // CASEFILE_MIGRATION_READERS_CSV_PARSER_H_
