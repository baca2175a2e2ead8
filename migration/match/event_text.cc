#include "migration/match/event_text.h"

#include <algorithm>
#include <array>
#include <cstring>

#include "core/names/text_fold.h"

namespace casefile::migration {
namespace {

// The lower-case form of each ASCII letter and digit; 0 for everything else.
constexpr std::array<char, 256> kWordChars = [] {
  std::array<char, 256> table = {};
  for (int c = '0'; c <= '9'; ++c) table[c] = static_cast<char>(c);
  for (int c = 'a'; c <= 'z'; ++c) table[c] = static_cast<char>(c);
  for (int c = 'A'; c <= 'Z'; ++c) table[c] = static_cast<char>(c + 32);
  return table;
}();

// Openings that a copy into the crime system adds ("UPDATE - ", "Further to
// previous: ", "OIC update. ", "Log entry: "), as normalised words.
constexpr std::array<std::string_view, 6> kPrefixes = {
    "further to previous ", "oic update ", "log entry ", "update ", "entry ", "note "};

// Endings that mark a text cut short.
constexpr std::array<std::string_view, 2> kCutMarkers = {" continued in log",
                                                        " continued"};

// A 64-bit hash taking eight bytes a step (the same on every machine).
uint64_t Hash(std::string_view s) {
  uint64_t hash = 0x9E3779B97F4A7C15ull ^ s.size();
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t word;
    std::memcpy(&word, s.data() + i, 8);
    hash = (hash ^ word) * 0xff51afd7ed558ccdull;
    hash ^= hash >> 32;
  }
  uint64_t tail = 0;
  std::memcpy(&tail, s.data() + i, s.size() - i);
  hash = (hash ^ tail) * 0xc4ceb9fe1a85ec53ull;
  return hash ^ (hash >> 29);
}

// Whether the raw text ends mid-sentence or with a mark of a cut.
bool EndsAbruptly(std::string_view utf8) {
  while (!utf8.empty() && static_cast<unsigned char>(utf8.back()) <= ' ') {
    utf8.remove_suffix(1);
  }
  if (utf8.empty()) return false;
  for (std::string_view mark : {"...", "\xE2\x80\xA6", "]"}) {  // ..., …, [continued]
    if (utf8.size() >= mark.size() &&
        utf8.substr(utf8.size() - mark.size()) == mark) {
      return true;
    }
  }
  // Sentence ends, possibly inside quotes or brackets: . ! ? " ' ) ” ’
  for (std::string_view end : {".", "!", "?", "\"", "'", ")", "\xE2\x80\x9D", "\xE2\x80\x99"}) {
    if (utf8.substr(utf8.size() - std::min(utf8.size(), end.size())) == end) {
      return false;
    }
  }
  return true;
}

// Sorts values spread evenly over [0, 2^31) and drops duplicates: a counting
// sort on the top bits into about one bucket per value, then insertion sort
// (a few hundred values: much cheaper than a comparison or a radix sort).
void SortUniqueUniform(std::vector<uint32_t>& values) {
  const size_t n = values.size();
  if (n > 1) {
    int bits = 1;  // at most 1024 buckets: longer texts get fuller buckets
    while ((size_t{1} << bits) < n && bits < 10) ++bits;
    const int shift = 31 - bits;
    const size_t buckets = size_t{1} << bits;
    uint32_t count[1025];
    std::fill(count, count + buckets + 1, 0);
    for (uint32_t v : values) ++count[(v >> shift) + 1];
    for (size_t b = 1; b <= buckets; ++b) count[b] += count[b - 1];
    uint32_t stack_sorted[1024];  // texts up to ~2 KB need no heap
    std::vector<uint32_t> heap_sorted;
    uint32_t* sorted = stack_sorted;
    if (n > 1024) {
      heap_sorted.resize(n);
      sorted = heap_sorted.data();
    }
    for (uint32_t v : values) sorted[count[v >> shift]++] = v;
    for (size_t i = 1; i < n; ++i) {  // nearly sorted: short moves
      const uint32_t v = sorted[i];
      size_t j = i;
      for (; j > 0 && sorted[j - 1] > v; --j) sorted[j] = sorted[j - 1];
      sorted[j] = v;
    }
    std::copy(sorted, sorted + n, values.begin());
  }
  values.erase(std::unique(values.begin(), values.end()), values.end());
}

}  // namespace

std::string NormaliseEventText(std::string_view utf8) {
  std::string out(utf8.size(), ' ');
  size_t size = 0;
  bool in_word = false;
  for (char c : utf8) {
    if (static_cast<unsigned char>(c) >= 0x80) {
      // Not plain ASCII after all (rare): fold it first and start again.
      return NormaliseEventText(FoldToAscii(utf8));
    }
    const char w = kWordChars[static_cast<unsigned char>(c)];
    if (w != 0) {
      if (!in_word && size > 0) out[size++] = ' ';
      out[size++] = w;
    }
    in_word = w != 0;
  }
  out.resize(size);
  // Drop prefixes (repeatedly: "UPDATE - Log entry: ..."), but never the
  // whole text.
  for (bool dropped = true; dropped;) {
    dropped = false;
    for (std::string_view prefix : kPrefixes) {
      if (out.size() > prefix.size() && out.compare(0, prefix.size(), prefix) == 0) {
        out.erase(0, prefix.size());
        dropped = true;
      }
    }
  }
  for (std::string_view marker : kCutMarkers) {
    if (out.size() > marker.size() &&
        out.compare(out.size() - marker.size(), marker.size(), marker) == 0) {
      out.resize(out.size() - marker.size());
      break;
    }
  }
  return out;
}

EventTextFeatures ExtractEventTextFeatures(std::string_view utf8) {
  EventTextFeatures f;
  const std::string text = NormaliseEventText(utf8);
  f.text_hash = Hash(text);
  f.length = static_cast<int>(text.size());
  f.opening = text.substr(0, kOpeningChars);
  f.closing = text.substr(text.size() - std::min<size_t>(text.size(), kOpeningChars));
  f.ends_abruptly = EndsAbruptly(utf8);
  int words = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == ' ') {
      if (++words == kHeadWords) {
        f.head_hash = Hash(std::string_view(text).substr(0, i)) | 1;
        break;
      }
    }
  }
  // Four ASCII characters fit a uint32 exactly; a shorter text is one shingle.
  // Each shingle is kept as a hash (multiplying by an odd constant maps the
  // four characters one to one, and spreads them evenly). Content-defined
  // sampling keeps the hashes below 2^31: the same ones in every copy of a
  // passage, and half the work. The same pass collects the numbers.
  constexpr uint32_t kMix = 0x9E3779B1u;
  f.shingles.resize(text.size());
  size_t kept = 0;
  uint32_t window = 0;
  bool in_number = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    window = window << 8 | static_cast<unsigned char>(c);
    const uint32_t hash = window * kMix;
    f.shingles[kept] = hash;
    kept += i >= 3 && hash >> 31 == 0;
    const bool digit = static_cast<unsigned char>(c - '0') < 10;
    if (digit) {
      if (!in_number && !f.numbers.empty()) f.numbers.push_back(' ');
      f.numbers.push_back(c);
    }
    in_number = digit;
  }
  if (!text.empty() && text.size() < 4) f.shingles[kept++] = (window * kMix) >> 1;
  f.shingles.resize(kept);
  SortUniqueUniform(f.shingles);
  return f;
}

int SharedShingles(const EventTextFeatures& a, const EventTextFeatures& b) {
  int shared = 0;
  auto x = a.shingles.begin(), y = b.shingles.begin();
  while (x != a.shingles.end() && y != b.shingles.end()) {
    if (*x == *y) {
      ++shared;
      ++x;
      ++y;
    } else if (*x < *y) {
      ++x;
    } else {
      ++y;
    }
  }
  return shared;
}

}  // namespace casefile::migration
