#include "core/retention/retention.h"

#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "core/input/input_rules.h"
#include "core/time/uk_instant.h"
#include "storage/case_tables.h"
#include "storage/keys.h"
#include "storage/prefix_scan.h"

namespace casefile {
namespace {

absl::Status Invalid(absl::string_view field, absl::string_view what) {
  return absl::InvalidArgumentError(absl::StrCat(field, ": ", what));
}

}  // namespace

absl::CivilDay UkDay(absl::Time t) { return absl::ToCivilDay(t, UkTimeZone()); }

absl::StatusOr<absl::CivilDay> ParseReviewDate(absl::string_view text, absl::string_view field) {
  int y = 0, m = 0, d = 0;
  const bool shaped = text.size() == 10 && text[4] == '-' && text[7] == '-' &&
                      absl::SimpleAtoi(text.substr(0, 4), &y) && absl::SimpleAtoi(text.substr(5, 2), &m) &&
                      absl::SimpleAtoi(text.substr(8, 2), &d) && y >= 1900 && y <= 9999;
  const absl::CivilDay day(y, m, d);
  if (!shaped || day.month() != m || day.day() != d)
    return Invalid(field, absl::StrCat("'", text.substr(0, 40), "' is not a date (YYYY-MM-DD)"));
  return day;
}

std::string FormatReviewDate(absl::CivilDay day) {
  return absl::StrFormat("%04d-%02d-%02d", day.year(), day.month(), day.day());
}

absl::Status ValidateReason(absl::string_view reason, absl::string_view what_to_give) {
  if (reason.find_first_not_of(" \t") == absl::string_view::npos)
    return Invalid("reason", absl::StrCat("is required: ", what_to_give));
  if (reason.size() > kMaxReasonBytes)
    return Invalid("reason", absl::StrCat("is longer than ", kMaxReasonBytes, " bytes"));
  return ValidateTextChars(reason, "reason");
}

absl::Status ValidateReview(const v1::ReviewCaseRequest& request, absl::CivilDay today) {
  if (request.decision() != v1::RetentionReview::DECISION_RETAIN &&
      request.decision() != v1::RetentionReview::DECISION_DISPOSE)
    return Invalid("decision", "is required: DECISION_RETAIN or DECISION_DISPOSE");
  if (auto s = ValidateReason(request.reason(), "say why the case is kept or disposed of"); !s.ok()) return s;
  if (auto s = ValidateRequestId(request.request_id(), "request_id"); !s.ok()) return s;
  if (request.decision() == v1::RetentionReview::DECISION_DISPOSE) {
    if (!request.next_review_date().empty())
      return Invalid("next_review_date", "must be empty when the decision is to dispose");
    return absl::OkStatus();
  }
  if (request.next_review_date().empty())
    return Invalid("next_review_date", "is required to retain the case (YYYY-MM-DD)");
  auto next = ParseReviewDate(request.next_review_date(), "next_review_date");
  if (!next.ok()) return next.status();
  if (*next <= today)
    return Invalid("next_review_date", absl::StrCat("must be after today (", FormatReviewDate(today), ")"));
  return absl::OkStatus();
}

v1::Entry ReviewEntry(const v1::RetentionReview& review) {
  v1::Entry entry;
  entry.set_kind(v1::ENTRY_KIND_REVIEW);
  if (review.decision() == v1::RetentionReview::DECISION_RETAIN) {
    entry.set_text(absl::StrCat("Retention review: retain; next review by ", review.next_review_date(),
                                ".\nReason: ", review.reason()));
  } else {
    entry.set_text(absl::StrCat("Retention review: dispose of this case (to be erased by an admin).\nReason: ",
                                review.reason()));
  }
  return entry;
}

absl::Status StartRetention(storage::LmdbTxn& txn, absl::string_view case_id, v1::Case& c,
                            absl::Time created) {
  c.set_next_review_date(FormatReviewDate(UkDay(created) + kFirstReviewAfterDays));
  return txn.Put(storage::keys::ReviewDue(c.next_review_date(), case_id), "");
}

absl::Status MoveReviewDate(storage::LmdbTxn& txn, absl::string_view case_id, v1::Case& c,
                            const std::string& next) {
  if (auto s = EndRetention(txn, case_id, c); !s.ok()) return s;
  c.set_next_review_date(next);
  return txn.Put(storage::keys::ReviewDue(next, case_id), "");
}

absl::Status EndRetention(storage::LmdbTxn& txn, absl::string_view case_id, const v1::Case& c) {
  if (c.next_review_date().empty()) return absl::OkStatus();
  absl::Status s = txn.Delete(storage::keys::ReviewDue(c.next_review_date(), case_id));
  return absl::IsNotFound(s) ? absl::OkStatus() : s;
}

absl::Status GiveOlderCasesAReviewDate(storage::Store& store) {
  return store.RunOnce("retention_indexed", [](storage::LmdbTxn& txn) -> absl::Status {
    std::vector<v1::Case> undated;
    absl::Status scan = storage::ScanPrefix(txn, storage::keys::CasePrefix(),
                                            [&](absl::string_view, absl::string_view value) {
                                              v1::Case c;
                                              if (!c.ParseFromArray(value.data(), static_cast<int>(value.size())))
                                                return absl::DataLossError("corrupt case");
                                              if (c.next_review_date().empty()) undated.push_back(std::move(c));
                                              return absl::OkStatus();
                                            });
    if (!scan.ok()) return scan;
    for (v1::Case& c : undated) {
      const std::string id = c.name().substr(sizeof("cases/") - 1);
      const absl::Time created = absl::FromUnixSeconds(c.create_time().seconds());
      if (auto s = StartRetention(txn, id, c, created); !s.ok()) return s;
      if (auto s = storage::SaveCase(txn, id, c); !s.ok()) return s;
    }
    return absl::OkStatus();
  });
}

}  // namespace casefile
