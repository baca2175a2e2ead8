#include "core/chronology/case_file_view.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "core/chronology/entry_time_order.h"
#include "core/input/input_rules.h"
#include "core/persons/child_links.h"
#include "core/time/partial_time.h"
#include "core/time/partial_time_proto.h"
#include "storage/keys.h"

namespace casefile {
namespace {

using Chain = absl::Span<const storage::EntryTimeRow>;

bool Known(const v1::PartialTime& t) { return t.precision() != v1::PartialTime::PRECISION_UNSPECIFIED; }

// The kind of the entry the chain starts from.
int ChainKind(Chain chain) {
  for (const storage::EntryTimeRow& row : chain)
    if (row.number == row.place.chain) return row.kind;
  return chain.front().kind;
}

bool NamesPerson(const v1::Entry& entry, absl::string_view person) {
  for (const v1::Subject& s : entry.subjects())
    if (s.person() == person) return true;
  for (const v1::ChildRef* child : ChildrenOf(entry))
    if (child->person() == person) return true;
  return false;
}

// Whether `view`'s filters keep `chain` (the time range is the index's).
absl::StatusOr<bool> Keeps(const storage::LmdbTxn& txn, const CaseFileView& view, Chain chain) {
  if (!view.kinds.empty() && std::find(view.kinds.begin(), view.kinds.end(), ChainKind(chain)) == view.kinds.end())
    return false;
  if (view.person.empty()) return true;
  for (const storage::EntryTimeRow& row : chain) {
    auto entry = storage::LoadBareEntry(txn, view.case_id, row.number);
    if (!entry.ok()) return entry.status();
    if (entry->has_value() && NamesPerson(**entry, view.person)) return true;
  }
  return false;
}

}  // namespace

absl::Status ValidateCaseFileView(const v1::GetCaseFileRequest& request) {
  if (!v1::GetCaseFileRequest::Order_IsValid(request.order()))
    return absl::InvalidArgumentError("order: not an order of GetCaseFileRequest");
  if (request.order() != v1::GetCaseFileRequest::ORDER_OCCURRED) {
    if (!request.kinds().empty() || Known(request.occurred_from()) || Known(request.occurred_to()) ||
        !request.person().empty() || request.page_size() != 0 || request.page() != 0)
      return absl::InvalidArgumentError(
          "order: kinds, occurred_from, occurred_to, person, page_size and page need ORDER_OCCURRED");
    return absl::OkStatus();
  }
  for (int i = 0; i < request.kinds_size(); ++i) {
    if (!v1::EntryKind_IsValid(request.kinds(i)) || request.kinds(i) == v1::ENTRY_KIND_UNSPECIFIED)
      return absl::InvalidArgumentError(absl::StrCat("kinds[", i, "]: not a kind of entry"));
  }
  if (auto s = ValidatePartialTime(request.occurred_from(), "occurred_from"); !s.ok()) return s;
  if (auto s = ValidatePartialTime(request.occurred_to(), "occurred_to"); !s.ok()) return s;
  if (!request.person().empty()) {
    const absl::string_view id = absl::string_view(request.person()).substr(std::min<size_t>(8, request.person().size()));
    if (!absl::StartsWith(request.person(), "persons/") || id.empty() || id.size() > 64 ||
        !std::all_of(id.begin(), id.end(), [](char c) { return absl::ascii_isalnum(c); }))
      return absl::InvalidArgumentError("person: not a person name (persons/{person})");
  }
  if (request.page_size() < 0 || request.page_size() > kMaxCaseFilePageSize)
    return absl::InvalidArgumentError(absl::StrCat("page_size: must be 0 to ", kMaxCaseFilePageSize));
  if (request.page() < 0) return absl::InvalidArgumentError("page: must not be negative");
  return absl::OkStatus();
}

absl::StatusOr<CaseFileView> PlanCaseFileView(const storage::LmdbTxn& txn, const v1::GetCaseFileRequest& request,
                                              absl::string_view case_id, uint64_t last) {
  CaseFileView view;
  view.case_id = std::string(case_id);
  view.last = last;
  view.kinds.assign(request.kinds().begin(), request.kinds().end());
  view.person = request.person();
  if (Known(request.occurred_from()))
    view.range.from = storage::keys::EntryInTimeFrom(case_id, TimeOrder(request.occurred_from()));
  if (Known(request.occurred_to()))
    view.range.until = storage::keys::EntryInTimeFrom(case_id, SortKey(NextSpan(FromProto(request.occurred_to()))));
  if (request.page_size() == 0) return view;
  // Back from the newest, the first key of every page_size-th chain kept:
  // starts[k] is where page k begins (and page k+1 ends).
  const int size = request.page_size();
  std::vector<std::string> starts;
  int total = 0;
  absl::Status walked = storage::VisitChainsInTime(
      txn, case_id, view.range, last, /*newest_first=*/true,
      [&](Chain chain, absl::string_view first_key) -> absl::StatusOr<bool> {
        auto kept = Keeps(txn, view, chain);
        if (!kept.ok()) return kept.status();
        if (*kept && ++total % size == 0) starts.emplace_back(first_key);
        return true;
      });
  if (!walked.ok()) return walked;
  const int pages = std::max(1, (total + size - 1) / size);
  view.total_size = total;
  view.page = std::min(request.page(), pages - 1);
  const size_t page = static_cast<size_t>(view.page);
  if (page > 0) view.range.until = starts[page - 1];
  if (page < starts.size()) view.range.from = starts[page];
  return view;
}

absl::StatusOr<std::string> ReadCaseFileView(const storage::LmdbTxn& txn, CaseFileView& view, size_t max_bytes,
                                             int field_number, std::string message) {
  if (view.done) return message;
  auto chunk = storage::LoadEncodedEntriesInTime(txn, view.case_id, view.range, view.last, max_bytes, field_number,
                                                 std::move(message),
                                                 [&](Chain chain) { return Keeps(txn, view, chain); });
  if (!chunk.ok()) return chunk.status();
  view.done = chunk->done;
  view.range.from = std::move(chunk->next_from);
  return std::move(chunk->message);
}

}  // namespace casefile
