// See csv_parser.h.
#include "migration/readers/csv_parser.h"

#include <algorithm>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace casefile::migration {
namespace {

// The first position from `pos` holding a comma, line feed or quote (or one
// at most 15 bytes before `n`), 16 bytes at a time.
size_t SkipPlain(const char* data, size_t pos, size_t n) {
#if defined(__SSE2__)
  const __m128i comma = _mm_set1_epi8(',');
  const __m128i newline = _mm_set1_epi8('\n');
  const __m128i quote = _mm_set1_epi8('"');
  while (pos + 16 <= n) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + pos));
    const __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, comma), _mm_cmpeq_epi8(v, newline)),
                                      _mm_cmpeq_epi8(v, quote));
    const int mask = _mm_movemask_epi8(hit);
    if (mask != 0) return pos + __builtin_ctz(mask);
    pos += 16;
  }
#endif
  return pos;
}

// How far the lenient rescan of a broken row may read. A transcribed page
// is far shorter.
constexpr size_t kMaxBrokenRowBytes = 16 * 1024;

bool IsBlank(std::string_view s) {
  return s.find_first_not_of(" \t\r") == std::string_view::npos;
}

}  // namespace

CsvParser::CsvParser(std::string text) : text_(std::move(text)) { row_.fields.reserve(16); }

const CsvRow* CsvParser::Next() {
  while (pos_ < text_.size()) {
    const size_t start = pos_;
    row_.error = Scan(pos_, row_.fields, unescape_);
    if (!row_.error.empty()) {
      pos_ = EndOfBrokenRow(start);
      row_.raw = RawRow(start, pos_);
      row_.number = next_number_++;
      return &row_;
    }
    bool empty = true;
    for (std::string_view f : row_.fields) empty = empty && IsBlank(f);
    if (empty) continue;
    row_.raw = RawRow(start, pos_);
    if (!unescape_.empty()) {
      raw_copy_.assign(row_.raw);
      row_.raw = raw_copy_;
    }
    Unescape();
    row_.number = next_number_++;
    return &row_;
  }
  return nullptr;
}

std::string_view CsvParser::Scan(size_t& pos, std::vector<std::string_view>& fields,
                                 std::vector<size_t>& doubled_quotes) const {
  const size_t n = text_.size();
  const char* const data = text_.data();
  fields.clear();
  doubled_quotes.clear();
  while (true) {
    if (pos < n && data[pos] == '"') {
      const size_t field_start = pos + 1;
      size_t read = field_start;
      bool doubled = false;
      while (true) {
        const void* q = std::memchr(data + read, '"', n - read);
        if (q == nullptr) return "a quoted field is never closed";
        read = static_cast<const char*>(q) - data + 1;
        if (read < n && data[read] == '"') {
          doubled = true;
          ++read;
          continue;
        }
        break;
      }
      if (doubled) doubled_quotes.push_back(fields.size());
      fields.emplace_back(data + field_start, read - 1 - field_start);
      pos = read;
      if (pos < n && data[pos] != ',' && data[pos] != '\n') {
        return "text after the closing quote of a field";
      }
    } else {
      const size_t field_start = pos;
      pos = SkipPlain(data, pos, n);
      while (pos < n && data[pos] != ',' && data[pos] != '\n') {
        if (data[pos] == '"') return "a quote inside an unquoted field";
        ++pos;
      }
      fields.emplace_back(data + field_start, pos - field_start);
    }
    if (pos >= n || data[pos++] == '\n') return {};
    // A comma: another field follows (possibly empty, at the line end).
  }
}

std::string_view CsvParser::RawRow(size_t start, size_t end) const {
  std::string_view raw(text_.data() + start, end - start);
  if (!raw.empty() && raw.back() == '\n') raw.remove_suffix(1);
  return raw;
}

void CsvParser::Unescape() {
  // Done only for a row that is sound and taken, so that the bytes of a
  // broken row stay as they were for the recovery scans.
  char* const data = text_.data();
  for (size_t index : unescape_) {
    std::string_view raw = row_.fields[index];
    char* const out = data + (raw.data() - data);
    size_t w = 0;
    size_t r = 0;
    while (r < raw.size()) {
      // Move the run up to and including the next quote; skip its double.
      const void* q = std::memchr(raw.data() + r, '"', raw.size() - r);
      const size_t end = q == nullptr ? raw.size() : static_cast<const char*>(q) - raw.data() + 1;
      std::memmove(out + w, raw.data() + r, end - r);
      w += end - r;
      r = end + (q == nullptr ? 0 : 1);
    }
    row_.fields[index] = std::string_view(out, w);
  }
}

size_t CsvParser::EndOfBrokenRow(size_t start) const {
  const size_t n = text_.size();
  const char* const data = text_.data();
  const void* nl = std::memchr(data + start, '\n', n - start);
  const size_t next_line = nl == nullptr ? n : static_cast<const char*>(nl) - data + 1;
  // If the next non-blank line reads as a sound row of the expected width,
  // the broken row was the one line: a quote opened and never closed there
  // must not swallow the rows after it.
  if (expected_fields_ > 0) {
    size_t trial = next_line;
    while (trial < n && data[trial] == '\n') ++trial;
    std::vector<std::string_view> fields;
    std::vector<size_t> doubled;
    if (trial >= n || (Scan(trial, fields, doubled).empty() && fields.size() == expected_fields_)) {
      return next_line;
    }
  }
  // Otherwise read on leniently: inside quotes, a quote ends the field only
  // when a comma, line end or the end of the text follows it. The rescan is
  // bounded, or a file of broken rows would cost time quadratic in its size.
  const size_t limit = std::min(n, start + kMaxBrokenRowBytes);
  size_t i = start;
  bool at_field_start = true;
  bool in_quotes = false;
  while (i < limit) {
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
    if (c == '\n') return i + 1;
    if (c == '"' && at_field_start) in_quotes = true;
    at_field_start = c == ',';
    ++i;
  }
  // A quote never closed (or a row too long to be one): the broken row is
  // the line it started on.
  return i >= n && !in_quotes ? n : next_line;
}

}  // namespace casefile::migration
