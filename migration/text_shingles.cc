#include "migration/text_shingles.h"

#include <algorithm>

#include "absl/strings/ascii.h"

namespace casefile::migration {

std::string FoldText(absl::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char ch : text) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (absl::ascii_isalnum(c)) {
      out.push_back(static_cast<char>(absl::ascii_tolower(c)));
    } else if (c >= 0xC0 || (c >= 0x80 && !out.empty() && static_cast<unsigned char>(out.back()) >= 0x80)) {
      out.push_back(ch);  // non-ASCII letters (Zoë): keep their bytes
    }
  }
  return out;
}

namespace {

std::vector<uint32_t> ShinglesOfFolded(absl::string_view folded) {
  std::vector<uint32_t> out;
  if (folded.size() < 4) {
    if (!folded.empty()) out.push_back(static_cast<uint32_t>(std::hash<std::string>()(std::string(folded))));
    return out;
  }
  out.reserve(folded.size() - 3);
  for (size_t i = 0; i + 4 <= folded.size(); ++i) {
    uint32_t h = 2166136261u;  // FNV-1a over 4 bytes
    for (size_t k = i; k < i + 4; ++k) h = (h ^ static_cast<unsigned char>(folded[k])) * 16777619u;
    out.push_back(h);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace

std::vector<uint32_t> Shingles(absl::string_view text) { return ShinglesOfFolded(FoldText(text)); }

ShingledText PrepareText(absl::string_view text) {
  ShingledText t;
  t.folded = FoldText(text);
  t.shingles = ShinglesOfFolded(t.folded);
  return t;
}

double CopySimilarity(const ShingledText& a, const ShingledText& b) {
  const ShingledText& shorter = a.folded.size() <= b.folded.size() ? a : b;
  const ShingledText& longer = a.folded.size() <= b.folded.size() ? b : a;
  if (shorter.folded.size() * 10 >= longer.folded.size() * 9) return Containment(a.shingles, b.shingles);
  const size_t window = std::min(longer.folded.size(), shorter.folded.size() + shorter.folded.size() / 8 + 8);
  absl::string_view text(longer.folded);
  double head = Containment(shorter.shingles, ShinglesOfFolded(text.substr(0, window)));
  double tail = Containment(shorter.shingles, ShinglesOfFolded(text.substr(text.size() - window)));
  return std::max(head, tail);
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
