// Synthetic chronology entries for the benchmarks: deterministic English-ish
// text of a chosen size, the entry a client sends, and the entry as the
// service stores it (so the storage peers and the canned-bytes peer move the
// same bytes the real service does).
//
// Thread-safe: pure functions.
#ifndef CASEFILE_BENCH_SUPPORT_BENCH_ENTRIES_H_
#define CASEFILE_BENCH_SUPPORT_BENCH_ENTRIES_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "casefile/v1/case.pb.h"

namespace casefile::bench {

// Who the benchmark clients are (the token file and stored entries agree).
inline constexpr char kBenchToken[] = "bench-investigator-token-01";
inline constexpr char kBenchUser[] = "bench";
inline constexpr char kBenchDisplayName[] = "Bench Investigator";

// About `bytes` bytes of words, different for each `seed`.
std::string EntryText(uint64_t seed, size_t bytes);

// The entry a client appends: kind, occur time and text.
v1::Entry NewEntry(uint64_t seed, size_t text_bytes);

// NewEntry(seed) as the service stores it as entry `number` of `case_id`.
v1::Entry StoredEntry(absl::string_view case_id, uint64_t number, uint64_t seed,
                      size_t text_bytes);

// A case file response stream as EntryStreamReactor sends it: the serialized
// header Case in the first message, then entries 1..`entries` (StoredEntry of
// seed n for entry n) appended as `repeated Entry` until each message passes
// `chunk_bytes`. Byte for byte the same size as the real one within a few
// bytes per entry (varint widths), whatever order the entries were written in.
std::vector<std::string> CannedCaseFile(absl::string_view case_id, uint64_t entries,
                                        size_t text_bytes, size_t chunk_bytes);

}  // namespace casefile::bench

#endif  // CASEFILE_BENCH_SUPPORT_BENCH_ENTRIES_H_
