// See csv_records.h.
#include "migration/readers/csv_records.h"

#include <algorithm>
#include <cstring>

#include "migration/readers/ascii.h"
#include "migration/readers/csv_parser.h"

namespace casefile::migration {
namespace {

// A header is short; this bounds the copy made just to look at it.
constexpr size_t kMaxHeaderBytes = 64 * 1024;

std::string Quoted(std::string_view name) {
  std::string out = "'";
  out.append(name);
  out.push_back('\'');
  return out;
}

}  // namespace

std::string RowLocator(std::string_view path, int row) {
  std::string locator;
  locator.reserve(path.size() + 16);
  locator.append(path).append("#row=").append(std::to_string(row));
  return locator;
}

size_t EstimateRows(std::string_view text) {
  size_t lines = 1;
  for (const char* p = text.data(), *end = p + text.size();
       (p = static_cast<const char*>(std::memchr(p, '\n', end - p))) != nullptr; ++p) {
    ++lines;
  }
  return lines;
}

std::vector<std::string> ReadCsvHeader(std::string_view text) {
  CsvParser parser(std::string(text.substr(0, kMaxHeaderBytes)));
  std::vector<std::string> header;
  const CsvRow* row = parser.Next();
  if (row == nullptr || !row->error.empty()) return header;
  for (std::string_view f : row->fields) header.emplace_back(TrimAscii(f));
  return header;
}

int CountMatchingColumns(std::span<const std::string> header, std::span<const CsvColumn> columns) {
  return static_cast<int>(std::count_if(columns.begin(), columns.end(), [&](const CsvColumn& c) {
    return std::any_of(header.begin(), header.end(),
                       [&](const std::string& h) { return EqualsIgnoreCase(h, c.name); });
  }));
}

void ReadCsvRecords(std::string_view path, std::string text, std::span<const CsvColumn> columns,
                    const ReaderOptions& options, std::vector<ReadProblem>& problems,
                    absl::FunctionRef<void(CsvRecord&)> on_row) {
  // Nothing of a file whose header cannot be used is read: its problem keeps
  // the start of the file.
  const std::string file_raw(Utf8Prefix(text, kFileRawBytes));
  CsvParser parser(std::move(text));
  const CsvRow* header = parser.Next();
  if (header == nullptr) {
    problems.push_back({std::string(path), "the file is empty", file_raw});
    return;
  }
  if (!header->error.empty()) {
    problems.push_back({std::string(path), "header row: " + std::string(header->error), file_raw});
    return;
  }
  // Where each wanted column sits in a row; -1 when the header lacks it.
  std::vector<int> field_of_column(columns.size(), -1);
  std::vector<std::string> header_names;
  for (std::string_view f : header->fields) header_names.emplace_back(TrimAscii(f));
  std::string missing;
  for (size_t c = 0; c < columns.size(); ++c) {
    for (size_t f = 0; f < header_names.size(); ++f) {
      if (EqualsIgnoreCase(header_names[f], columns[c].name)) {
        field_of_column[c] = static_cast<int>(f);
        break;
      }
    }
    if (field_of_column[c] < 0 && columns[c].required) {
      if (!missing.empty()) missing.append(", ");
      missing.append(Quoted(columns[c].name));
    }
  }
  if (!missing.empty()) {
    problems.push_back({std::string(path), "missing required column " + missing, file_raw});
    return;
  }

  const size_t width = header_names.size();
  parser.set_expected_fields(width);
  CsvRecord record;
  record.field_of_column_ = &field_of_column;
  while (const CsvRow* row = parser.Next()) {
    record.row = row->number;
    record.locator = RowLocator(path, row->number);
    // The size first: a record over the limit keeps only its first 4 KiB,
    // whatever else is wrong with it.
    if (row->raw.size() > options.max_record_bytes) {
      problems.push_back(OversizedRecord(std::move(record.locator), row->raw.size(),
                                         options.max_record_bytes, row->raw));
      continue;
    }
    if (!row->error.empty()) {
      problems.push_back({std::move(record.locator), "broken quoting: " + std::string(row->error),
                          std::string(row->raw)});
      continue;
    }
    if (row->fields.size() < width) {
      problems.push_back({std::move(record.locator),
                          "missing column " + Quoted(header_names[row->fields.size()]) + ": row has " +
                              std::to_string(row->fields.size()) + " fields, the header has " +
                              std::to_string(width),
                          std::string(row->raw)});
      continue;
    }
    if (row->fields.size() > width) {
      problems.push_back({std::move(record.locator),
                          "row has " + std::to_string(row->fields.size()) +
                              " fields, the header has " + std::to_string(width),
                          std::string(row->raw)});
      continue;
    }
    record.fields_ = &row->fields;
    record.raw_ = row->raw;
    on_row(record);
  }
}

}  // namespace casefile::migration
