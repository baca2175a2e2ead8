#include "services/case_file_opening.h"

#include <utility>

#include "casefile/v1/case_service.pb.h"
#include "services/grpc_status.h"
#include "storage/proto_wire.h"

namespace casefile {

void CaseFileOpening::Opened(absl::StatusOr<v1::Case> opened) {
  absl::MutexLock lock(&mu_);
  opened_ = std::move(opened);
  StartIfBothDone();
}

void CaseFileOpening::Read(absl::StatusOr<storage::EncodedEntryChunk> first) {
  absl::MutexLock lock(&mu_);
  first_ = std::move(first);
  StartIfBothDone();
}

void CaseFileOpening::ReadView(absl::StatusOr<CaseChronology::CaseFileViewStart> first, Replan replan) {
  absl::MutexLock lock(&mu_);
  view_first_ = std::move(first);
  replan_ = std::move(replan);
  StartIfBothDone();
}

void CaseFileOpening::StartIfBothDone() {
  if (!opened_.has_value() || (!first_.has_value() && !view_first_.has_value())) return;
  const absl::StatusOr<v1::Case>& c = *opened_;
  if (!c.ok()) return reactor_->Fail(ToGrpcStatus(c.status()));
  EntryStreamReactor::Plan plan;
  plan.case_id = c->name().substr(sizeof("cases/") - 1);
  plan.last = static_cast<uint64_t>(c->version());
  plan.entries_field = v1::GetCaseFileResponse::kEntriesFieldNumber;
  storage::AppendLengthDelimited(plan.header, v1::GetCaseFileResponse::kCaseFieldNumber, c->SerializeAsString());
  if (view_first_.has_value()) {
    // Planned before the access record committed: used when no write came in
    // between (the version it saw), else planned again at that version.
    absl::StatusOr<CaseChronology::CaseFileViewStart>& start = *view_first_;
    if (!start.ok() || start->view.last != plan.last) start = replan_(plan.last);
    if (!start.ok()) return reactor_->Fail(ToGrpcStatus(start.status()));
    using Response = v1::GetCaseFileResponse;
    if (start->view.total_size != 0) {
      storage::AppendVarint(plan.header, uint64_t{Response::kTotalSizeFieldNumber} << 3);
      storage::AppendVarint(plan.header, static_cast<uint64_t>(start->view.total_size));
    }
    if (start->view.page != 0) {
      storage::AppendVarint(plan.header, uint64_t{Response::kPageFieldNumber} << 3);
      storage::AppendVarint(plan.header, static_cast<uint64_t>(start->view.page));
    }
    plan.header += start->first;
    plan.view = std::move(start->view);
    return reactor_->Begin(std::move(plan));
  }
  // Entries read early go out with the header when they stop at or before
  // the version the access record saw; otherwise the stream reads them again.
  if (first_->ok() && (*first_)->next > 1 && (*first_)->next - 1 <= plan.last) {
    plan.header += (*first_)->message;
    plan.first = (*first_)->next;
  }
  reactor_->Begin(std::move(plan));
}

}  // namespace casefile
