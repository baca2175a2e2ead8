// See csv_parser.h.
#include "migration/readers/csv_parser.h"

#include <cstring>

namespace casefile::migration {
namespace {

bool IsBlank(std::string_view s) {
  return s.find_first_not_of(" \t\r") == std::string_view::npos;
}

}  // namespace

CsvParser::CsvParser(std::string text) : text_(std::move(text)) { row_.fields.reserve(16); }

const CsvRow* CsvParser::Next() {
  while (pos_ < text_.size()) {
    const size_t start = pos_;
    row_.fields.clear();
    row_.error = {};
    if (!ParseStrict()) {
      SkipBrokenRow(start);
      row_.number = next_number_++;
      return &row_;
    }
    bool empty = true;
    for (std::string_view f : row_.fields) empty = empty && IsBlank(f);
    if (empty) continue;
    row_.number = next_number_++;
    return &row_;
  }
  return nullptr;
}

bool CsvParser::ParseStrict() {
  const size_t n = text_.size();
  char* const data = text_.data();
  unescape_.clear();
  while (true) {
    if (pos_ < n && data[pos_] == '"') {
      const size_t field_start = pos_ + 1;
      size_t read = field_start;
      bool doubled = false;
      while (true) {
        const void* q = std::memchr(data + read, '"', n - read);
        if (q == nullptr) {
          row_.error = "a quoted field is never closed";
          return false;
        }
        read = static_cast<const char*>(q) - data + 1;
        if (read < n && data[read] == '"') {
          doubled = true;
          ++read;
          continue;
        }
        break;
      }
      if (doubled) unescape_.push_back(row_.fields.size());
      row_.fields.emplace_back(data + field_start, read - 1 - field_start);
      pos_ = read;
      if (pos_ < n && data[pos_] != ',' && data[pos_] != '\n') {
        row_.error = "text after the closing quote of a field";
        return false;
      }
    } else {
      const size_t field_start = pos_;
      while (pos_ < n && data[pos_] != ',' && data[pos_] != '\n') {
        if (data[pos_] == '"') {
          row_.error = "a quote inside an unquoted field";
          return false;
        }
        ++pos_;
      }
      row_.fields.emplace_back(data + field_start, pos_ - field_start);
    }
    if (pos_ >= n || data[pos_++] == '\n') break;
    // A comma: another field follows (possibly empty, at the line end).
  }
  // The row is sound: now turn each "" into " in place. Done only now so
  // that a broken row's bytes stay as they were for the lenient rescan.
  for (size_t index : unescape_) {
    std::string_view raw = row_.fields[index];
    char* out = data + (raw.data() - data);
    size_t w = 0;
    for (size_t r = 0; r < raw.size(); ++r, ++w) {
      out[w] = raw[r];
      if (raw[r] == '"') ++r;  // skip the second of the pair
    }
    row_.fields[index] = std::string_view(out, w);
  }
  return true;
}

void CsvParser::SkipBrokenRow(size_t start) {
  const size_t n = text_.size();
  const char* data = text_.data();
  size_t i = start;
  bool at_field_start = true;
  bool in_quotes = false;
  while (i < n) {
    const char c = data[i];
    if (in_quotes) {
      if (c == '"') {
        if (i + 1 < n && data[i + 1] == '"') {
          i += 2;
          continue;
        }
        if (i + 1 == n || data[i + 1] == ',' || data[i + 1] == '\n') in_quotes = false;
      }
      ++i;
      continue;
    }
    if (c == '\n') {
      pos_ = i + 1;
      return;
    }
    if (c == '"' && at_field_start) {
      in_quotes = true;
    }
    at_field_start = c == ',';
    ++i;
  }
  if (!in_quotes) {
    pos_ = n;
    return;
  }
  // Never closed: the broken row is the line it opened on.
  const void* nl = std::memchr(data + start, '\n', n - start);
  pos_ = nl == nullptr ? n : static_cast<const char*>(nl) - data + 1;
}

}  // namespace casefile::migration
