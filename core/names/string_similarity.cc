#include "core/names/string_similarity.h"

#include <algorithm>
#include <cstdlib>
#include <vector>

namespace casefile {
namespace {

// Matching flags live on the stack for the short strings (names, postcodes)
// this is called with millions of times; longer strings use the heap.
constexpr size_t kStackLimit = 64;

double Jaro(std::string_view a, std::string_view b, bool* a_flags,
            bool* b_flags) {
  const int la = static_cast<int>(a.size());
  const int lb = static_cast<int>(b.size());
  const int window = std::max(0, std::max(la, lb) / 2 - 1);
  int matches = 0;
  for (int i = 0; i < la; ++i) {
    const int lo = std::max(0, i - window);
    const int hi = std::min(lb - 1, i + window);
    for (int j = lo; j <= hi; ++j) {
      if (!b_flags[j] && a[i] == b[j]) {
        a_flags[i] = b_flags[j] = true;
        ++matches;
        break;
      }
    }
  }
  if (matches == 0) return 0.0;
  int half_transpositions = 0;
  for (int i = 0, j = 0; i < la; ++i) {
    if (!a_flags[i]) continue;
    while (!b_flags[j]) ++j;
    if (a[i] != b[j]) ++half_transpositions;
    ++j;
  }
  const double m = matches;
  return (m / la + m / lb + (m - half_transpositions / 2.0) / m) / 3.0;
}

}  // namespace

double JaroWinkler(std::string_view a, std::string_view b) {
  if (a == b) return 1.0;
  if (a.empty() || b.empty()) return 0.0;
  double jaro;
  if (a.size() <= kStackLimit && b.size() <= kStackLimit) {
    bool a_flags[kStackLimit] = {};
    bool b_flags[kStackLimit] = {};
    jaro = Jaro(a, b, a_flags, b_flags);
  } else {
    std::vector<char> a_flags(a.size()), b_flags(b.size());
    jaro = Jaro(a, b, reinterpret_cast<bool*>(a_flags.data()),
                reinterpret_cast<bool*>(b_flags.data()));
  }
  int prefix = 0;
  const size_t max_prefix = std::min<size_t>({4, a.size(), b.size()});
  while (prefix < static_cast<int>(max_prefix) && a[prefix] == b[prefix]) {
    ++prefix;
  }
  return jaro + prefix * 0.1 * (1.0 - jaro);
}

double JaroWinklerAbove(std::string_view a, std::string_view b, double floor) {
  if (a == b) return 1.0;
  if (a.empty() || b.empty()) return 0.0;
  // Jaro can match at most the characters the strings share (as multisets),
  // and transpositions only lower it.
  int count[256] = {};
  for (char c : a) ++count[static_cast<unsigned char>(c)];
  int shared = 0;
  for (char c : b) {
    if (count[static_cast<unsigned char>(c)]-- > 0) ++shared;
  }
  if (shared == 0) return 0.0;
  const double m = shared;
  const double jaro_bound = (m / a.size() + m / b.size() + 1.0) / 3.0;
  int prefix = 0;
  const size_t max_prefix = std::min<size_t>({4, a.size(), b.size()});
  while (prefix < static_cast<int>(max_prefix) && a[prefix] == b[prefix]) {
    ++prefix;
  }
  const double bound = jaro_bound + prefix * 0.1 * (1.0 - jaro_bound);
  if (bound < floor) return bound;
  return JaroWinkler(a, b);
}

int BoundedEditDistance(std::string_view a, std::string_view b, int limit) {
  const int la = static_cast<int>(a.size());
  const int lb = static_cast<int>(b.size());
  if (std::abs(la - lb) > limit) return limit + 1;
  if (la == 0 || lb == 0) return std::max(la, lb);
  // Three rolling rows of the OSA table (two back for transpositions), and
  // only the band |i - j| <= limit: cells outside it exceed the limit.
  const int kOut = limit + 1;
  int stack_rows[3 * (kStackLimit + 1)];
  std::vector<int> heap_rows;
  int* two_back = stack_rows;
  if (b.size() > kStackLimit) {
    heap_rows.resize(3 * (lb + 1));
    two_back = heap_rows.data();
  }
  int* prev = two_back + (lb + 1);
  int* cur = prev + (lb + 1);
  for (int j = 0; j <= lb; ++j) prev[j] = std::min(j, kOut);
  std::fill(two_back, two_back + lb + 1, kOut);
  for (int i = 1; i <= la; ++i) {
    const int lo = std::max(1, i - limit);
    const int hi = std::min(lb, i + limit);
    cur[0] = std::min(i, kOut);
    if (lo > 1) cur[lo - 1] = kOut;
    int row_min = lo == 1 ? cur[0] : kOut;
    for (int j = lo; j <= hi; ++j) {
      const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      int d = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d = std::min(d, two_back[j - 2] + 1);
      }
      cur[j] = std::min(d, kOut);
      row_min = std::min(row_min, cur[j]);
    }
    if (hi < lb) cur[hi + 1] = kOut;
    if (row_min > limit) return kOut;
    int* recycled = two_back;
    two_back = prev;
    prev = cur;
    cur = recycled;
  }
  return prev[lb];
}

}  // namespace casefile
