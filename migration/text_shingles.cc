#include "migration/text_shingles.h"

#include <algorithm>

#include "absl/strings/ascii.h"

namespace casefile::migration {

std::string FoldText(absl::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if (absl::ascii_isalnum(c)) out.push_back(static_cast<char>(absl::ascii_tolower(c)));
      ++i;
      continue;
    }
    // One UTF-8 sequence. Typographic punctuation and spaces fold away like
    // their ASCII forms, so that a pasted copy with curly quotes or an
    // ellipsis matches: U+0080-U+00BF (no-break space, guillemets) is C2 xx,
    // U+2000-U+207F (curly quotes, dashes, the ellipsis) is E2 80 xx / E2 81 xx.
    // Other non-ASCII letters (Zoë) keep their bytes; a stray continuation
    // byte goes.
    const size_t length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    absl::string_view sequence = text.substr(i, length);
    i += sequence.size();
    const bool punctuation =
        c == 0xC2 || (c == 0xE2 && sequence.size() > 1 && (sequence[1] == '\x80' || sequence[1] == '\x81'));
    if (length > 1 && !punctuation) out.append(sequence.data(), sequence.size());
  }
  return out;
}

namespace {

// The hash of the 4 characters at each position (FNV-1a), in text order.
std::vector<uint32_t> ShingleSequence(absl::string_view folded) {
  std::vector<uint32_t> out;
  if (folded.size() < 4) {
    if (!folded.empty()) out.push_back(static_cast<uint32_t>(std::hash<std::string>()(std::string(folded))));
    return out;
  }
  out.reserve(folded.size() - 3);
  for (size_t i = 0; i + 4 <= folded.size(); ++i) {
    uint32_t h = 2166136261u;
    for (size_t k = i; k < i + 4; ++k) h = (h ^ static_cast<unsigned char>(folded[k])) * 16777619u;
    out.push_back(h);
  }
  return out;
}

std::vector<uint32_t> SortedDistinct(std::vector<uint32_t> v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
  return v;
}

// Share of `set` (sorted, distinct) found among sequence[first, first+count).
double WindowContainment(const std::vector<uint32_t>& set, const std::vector<uint32_t>& sequence,
                         size_t first, size_t count) {
  if (set.empty() || count == 0) return 0;
  thread_local std::vector<char> seen;
  seen.assign(set.size(), 0);
  size_t common = 0;
  for (size_t i = first; i < first + count; ++i) {
    auto it = std::lower_bound(set.begin(), set.end(), sequence[i]);
    if (it == set.end() || *it != sequence[i]) continue;
    char& mark = seen[it - set.begin()];
    if (!mark) mark = 1, ++common;
  }
  return static_cast<double>(common) / std::min(set.size(), count);
}

}  // namespace

std::vector<uint32_t> Shingles(absl::string_view text) { return SortedDistinct(ShingleSequence(FoldText(text))); }

ShingledText PrepareText(absl::string_view text) {
  ShingledText t;
  t.folded = FoldText(text);
  t.sequence = ShingleSequence(t.folded);
  t.shingles = SortedDistinct(t.sequence);
  return t;
}

double CopySimilarity(const ShingledText& a, const ShingledText& b) {
  const ShingledText& shorter = a.folded.size() <= b.folded.size() ? a : b;
  const ShingledText& longer = a.folded.size() <= b.folded.size() ? b : a;
  const double whole = Containment(a.shingles, b.shingles);
  if (shorter.folded.size() * 10 >= longer.folded.size() * 9) return whole;
  // A window holds no more of the shorter text than the whole does, so a
  // low overall containment settles it without looking at windows.
  if (whole < 0.5) return whole;
  // Windows of the shorter's length (plus slack for typos) at each end.
  const size_t window = std::min(longer.sequence.size(),
                                 shorter.sequence.size() + shorter.sequence.size() / 8 + 8);
  return std::max(WindowContainment(shorter.shingles, longer.sequence, 0, window),
                  WindowContainment(shorter.shingles, longer.sequence, longer.sequence.size() - window, window));
}

double Containment(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b) {
  if (a.empty() || b.empty()) return 0;
  size_t common = 0;
  for (auto i = a.begin(), j = b.begin(); i != a.end() && j != b.end();) {
    if (*i < *j) {
      ++i;
    } else if (*j < *i) {
      ++j;
    } else {
      ++common, ++i, ++j;
    }
  }
  return static_cast<double>(common) / std::min(a.size(), b.size());
}

}  // namespace casefile::migration
