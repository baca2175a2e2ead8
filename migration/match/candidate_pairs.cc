#include "migration/match/candidate_pairs.h"

#include <algorithm>
#include <utility>

namespace casefile::migration {
namespace {

// Stable LSD radix sort by a 64-bit key, a byte a pass (256 buckets keep the
// scatter cache-friendly), skipping bytes that are the same everywhere.
// `less` orders like a stable sort by key would (used for small inputs).
template <typename T, typename KeyOf, typename Less>
void RadixSort(std::vector<T>& items, KeyOf key_of, Less less) {
  if (items.size() < 2048) {  // eight passes over 256 counters cost more
    std::sort(items.begin(), items.end(), less);
    return;
  }
  std::vector<T> buffer(items.size());
  for (int shift = 0; shift < 64; shift += 8) {
    size_t count[256] = {};
    for (const T& item : items) ++count[(key_of(item) >> shift) & 0xFF];
    if (std::find(std::begin(count), std::end(count), items.size()) !=
        std::end(count)) {
      continue;  // one bucket holds everything: this byte sorts nothing
    }
    size_t position = 0;
    for (size_t& c : count) position += std::exchange(c, position);
    for (const T& item : items) buffer[count[(key_of(item) >> shift) & 0xFF]++] = item;
    items.swap(buffer);
  }
}

}  // namespace

uint64_t BlockingKey(std::initializer_list<std::string_view> parts) {
  uint64_t hash = 14695981039346656037ull;
  for (std::string_view part : parts) {
    for (char c : part) {
      hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    }
    hash = (hash ^ 0xFF) * 1099511628211ull;  // ("ab","c") != ("a","bc")
  }
  return hash;
}

BlockingStats ForEachCandidatePair(std::vector<KeyedRecord> entries,
                                   int max_block_size,
                                   absl::FunctionRef<void(int, int)> visit) {
  // Blocks are runs of one key after sorting. Keys are sorted as 32-bit
  // hashes (half the passes over half the bytes): two keys that collide
  // merely share a block, which costs a few comparisons, never a pair.
  struct Entry {
    uint32_t key;
    int32_t record;
  };
  std::vector<Entry> sorted(entries.size());
  for (size_t i = 0; i < entries.size(); ++i) {
    sorted[i] = {static_cast<uint32_t>((entries[i].key * 0x9E3779B97F4A7C15ull) >> 32),
                 entries[i].record};
  }
  entries = {};
  // Records ascend within a run: the sort is stable and the input is put in
  // record order first if need be.
  const auto by_record = [](const Entry& x, const Entry& y) { return x.record < y.record; };
  if (!std::is_sorted(sorted.begin(), sorted.end(), by_record)) {
    std::stable_sort(sorted.begin(), sorted.end(), by_record);
  }
  RadixSort(
      sorted, [](const Entry& e) { return uint64_t{e.key}; },
      [](const Entry& x, const Entry& y) {
        return x.key != y.key ? x.key < y.key : x.record < y.record;
      });

  // Every pair of every usable block (two records or more, at most the cap),
  // as (a << 32 | b); a pair sharing several keys appears several times.
  BlockingStats stats;
  std::vector<uint64_t> pairs;
  for (size_t begin = 0; begin < sorted.size();) {
    size_t end = begin + 1;
    while (end < sorted.size() && sorted[end].key == sorted[begin].key) ++end;
    // A record listed twice under one key counts once.
    const size_t records =
        end - begin -
        std::count_if(sorted.begin() + begin + 1, sorted.begin() + end,
                      [&, i = begin](const Entry& e) mutable {
                        return e.record == sorted[i++].record;
                      });
    if (records >= 2) {
      ++stats.blocks;
      if (records > static_cast<size_t>(max_block_size)) {
        ++stats.skipped_blocks;
      } else {
        for (size_t x = begin; x < end; ++x) {
          for (size_t y = x + 1; y < end; ++y) {
            const uint64_t a = sorted[x].record;
            const uint64_t b = sorted[y].record;
            if (a != b) pairs.push_back(a << 32 | b);
          }
        }
      }
    }
    begin = end;
  }
  RadixSort(
      pairs, [](uint64_t p) { return p; }, [](uint64_t x, uint64_t y) { return x < y; });
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  stats.pairs = static_cast<int64_t>(pairs.size());
  for (uint64_t p : pairs) {
    visit(static_cast<int>(p >> 32), static_cast<int>(p & 0xFFFFFFFF));
  }
  return stats;
}

}  // namespace casefile::migration
