// truth.json of a legacy import folder (the shared sample, or one written by
// generate-legacy): which case and event each event record belongs to, and
// which person each nominal row describes. The accuracy benchmarks score
// against it; the product never reads it.
//
// Thread-compatible: plain values.
#ifndef CASEFILE_BENCH_SUPPORT_LEGACY_TRUTH_H_
#define CASEFILE_BENCH_SUPPORT_LEGACY_TRUTH_H_

#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"

namespace casefile::bench {

struct LegacyTruth {
  struct Record {
    std::string case_key;
    std::string event;
  };
  absl::flat_hash_map<std::string, Record> records;        // "records": locator → case, event
  absl::flat_hash_map<std::string, std::string> nominals;  // "nominals": locator → person
  // "documents": a scanned document's path (or a bad manifest row) → where it lands.
  struct Document {
    std::string case_key;
    std::string event;    // "" when no day and kind is given
    std::string content;  // the same for the same bytes
    bool rejected = false;
  };
  absl::flat_hash_map<std::string, Document> documents;
};

// Read with a small scanner for the subset of JSON truth.json uses (objects,
// arrays, strings), quick on the ~100 MB of a million-record folder.
// InvalidArgument naming the file when it is missing or not in that shape.
absl::StatusOr<LegacyTruth> ReadLegacyTruth(const std::string& path);

}  // namespace casefile::bench

#endif  // CASEFILE_BENCH_SUPPORT_LEGACY_TRUTH_H_
