// CaseFileView: a case file read in time order (GetCaseFileRequest.order
// ORDER_OCCURRED) — the stretch of the case's time index to send, the
// filters that keep a chain of corrections (kinds, a person), and, for a
// page counted back from the newest, where it begins and ends. A page is
// found by walking the index back from the newest end (keys only unless a
// person is asked for), so the newest page of a 20,000-entry case reads
// its own entries and no others.
//
// Thread-safety: a value; the functions are as the transaction passed in.
#ifndef CASEFILE_CORE_CHRONOLOGY_CASE_FILE_VIEW_H_
#define CASEFILE_CORE_CHRONOLOGY_CASE_FILE_VIEW_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "casefile/v1/case_service.pb.h"
#include "storage/case_tables.h"
#include "storage/entry_time_index.h"
#include "storage/lmdb.h"

namespace casefile {

// The most chains a page may ask for.
inline constexpr int kMaxCaseFilePageSize = 100000;

struct CaseFileView {
  std::string case_id;
  uint64_t last = 0;        // the case's version when the view was planned
  storage::TimeRange range;  // what is still to send; `from` moves on as chunks are read
  bool done = false;        // all of it sent
  std::vector<int> kinds;   // EntryKind of a chain's first entry; empty: any
  std::string person;       // "persons/P": a chain with an entry naming P; empty: any
  int32_t total_size = 0;   // paged: chains matching in the whole case
  int32_t page = 0;         // paged: the page planned
};

// OK, or INVALID_ARGUMENT naming the field: the filters and page fields are
// for ORDER_OCCURRED only, kinds known, times valid, person a person name,
// page and page_size within bounds.
absl::Status ValidateCaseFileView(const v1::GetCaseFileRequest& request);

// The view `request` asks for of case `case_id` at version `last`.
// REQUIRES: ValidateCaseFileView(request) is OK and order is ORDER_OCCURRED.
absl::StatusOr<CaseFileView> PlanCaseFileView(const storage::LmdbTxn& txn, const v1::GetCaseFileRequest& request,
                                              absl::string_view case_id, uint64_t last);

// The next chunk of `view` appended to `message` as its repeated Entry field
// `field_number` (about `max_bytes`); moves `view` on.
absl::StatusOr<std::string> ReadCaseFileView(const storage::LmdbTxn& txn, CaseFileView& view, size_t max_bytes,
                                             int field_number, std::string message);

}  // namespace casefile

#endif  // CASEFILE_CORE_CHRONOLOGY_CASE_FILE_VIEW_H_
