#include "storage/entry_time_index.h"

#include <algorithm>
#include <optional>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "storage/keys.h"
#include "storage/proto_wire.h"

namespace casefile::storage {
namespace {

constexpr size_t kRowBytes = 24;  // <be64 time><be64 chain><be64 n> after the case's prefix

// The row of `key` (and `value`), when `key` is a row of the case whose
// prefix is `prefix`.
std::optional<EntryTimeRow> DecodeRow(absl::string_view prefix, absl::string_view key, absl::string_view value) {
  if (!absl::StartsWith(key, prefix) || key.size() != prefix.size() + kRowBytes) return std::nullopt;
  absl::string_view rest = key.substr(prefix.size());
  EntryTimeRow row;
  row.place.time = static_cast<int64_t>(*keys::DecodeBe64(rest.substr(0, 8)) ^ (uint64_t{1} << 63));
  row.place.chain = *keys::DecodeBe64(rest.substr(8, 8));
  row.number = *keys::DecodeBe64(rest.substr(16, 8));
  uint64_t kind = 0;
  if (wire_internal::ReadVarint(value, kind)) row.kind = static_cast<int>(kind);
  return row;
}

// The part of a row's key its chain's rows share.
absl::string_view ChainPart(absl::string_view key) { return key.substr(0, key.size() - 8); }

}  // namespace

absl::Status PutEntryTimeRow(LmdbTxn& txn, absl::string_view case_id, const EntryPlace& place, uint64_t number,
                             int kind) {
  std::string value;
  AppendVarint(value, static_cast<uint64_t>(kind));
  return txn.Put(keys::EntryInTime(case_id, place.time, place.chain, number), value);
}

std::string KeyAfterChain(absl::string_view first_key) {
  return absl::StrCat(ChainPart(first_key), std::string(8, '\xff'), absl::string_view("\0", 1));
}

absl::Status VisitChainsInTime(
    const LmdbTxn& txn, absl::string_view case_id, const TimeRange& range, uint64_t last, bool newest_first,
    absl::FunctionRef<absl::StatusOr<bool>(absl::Span<const EntryTimeRow> chain, absl::string_view first_key)> visit) {
  const std::string prefix = keys::EntryInTimePrefix(case_id);
  const std::string from = range.from.empty() ? prefix : range.from;
  // Past the case's last row: its prefix with '\1' for its last '\0'.
  const std::string until =
      range.until.empty() ? absl::StrCat(absl::string_view(prefix).substr(0, prefix.size() - 1), "\x01") : range.until;
  auto cursor = txn.OpenCursor();
  if (!cursor.ok()) return cursor.status();
  std::vector<EntryTimeRow> chain;
  std::string chain_key;  // the key of the chain's first row, once it is known
  std::string chain_part;
  // Hands the chain gathered so far to `visit`; false: stop.
  auto flush = [&]() -> absl::StatusOr<bool> {
    if (chain.empty()) return true;
    if (newest_first) std::reverse(chain.begin(), chain.end());
    auto go_on = visit(chain, chain_key);
    chain.clear();
    return go_on;
  };
  absl::StatusOr<bool> at = newest_first ? cursor->Seek(until) : cursor->Seek(from);
  if (newest_first) at = at.ok() && *at ? cursor->Prev() : cursor->Last();
  for (; at.ok() && *at; at = newest_first ? cursor->Prev() : cursor->Next()) {
    const absl::string_view key = cursor->key();
    if (newest_first ? key < from : key >= until) break;
    std::optional<EntryTimeRow> row = DecodeRow(prefix, key, cursor->value());
    if (!row.has_value()) break;  // another case's rows (or another table)
    if (row->number > last) continue;
    if (ChainPart(key) != chain_part) {
      auto go_on = flush();
      if (!go_on.ok()) return go_on.status();
      if (!*go_on) return absl::OkStatus();
      chain_part = std::string(ChainPart(key));
    }
    // Going forward the first row seen is the chain's first; going back, the last seen.
    if (newest_first || chain.empty()) chain_key = std::string(key);
    chain.push_back(*row);
  }
  if (!at.ok()) return at.status();
  return flush().status();
}

}  // namespace casefile::storage
