#include "cli/command.h"

#include <chrono>
#include <cstdio>
#include <random>
#include <thread>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/time.h"
#include "cli/terminal_safe.h"
#include "google/protobuf/util/time_util.h"

namespace casefile::cli {

int ReportRpcError(const grpc::Status& status) {
  static const char* const kCodes[] = {
      "OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED", "NOT_FOUND",
      "ALREADY_EXISTS", "PERMISSION_DENIED", "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION",
      "ABORTED", "OUT_OF_RANGE", "UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE", "DATA_LOSS",
      "UNAUTHENTICATED"};
  int code = status.error_code();
  std::fprintf(stderr, "error: %s: %s\n", code >= 0 && code <= 16 ? kCodes[code] : "UNKNOWN",
               TerminalSafe(status.error_message()).c_str());
  return kExitServerError;
}

int ReportUsageError(const absl::Status& status, const std::string& command) {
  std::fprintf(stderr, "error: %s\nsee: casefile %s --help\n", TerminalSafe(status.message()).c_str(),
               command.c_str());
  return kExitUsage;
}

std::string CaseNameArg(const std::string& arg) {
  return absl::StartsWith(arg, "cases/") ? arg : "cases/" + arg;
}

std::string NewRequestId() {
  std::random_device device;
  std::mt19937_64 rng((uint64_t{device()} << 32) ^ device() ^
                      std::chrono::steady_clock::now().time_since_epoch().count());
  return absl::StrFormat("cli-%016x%016x", rng(), rng());
}

grpc::Status WithRetries(const std::function<grpc::Status()>& call) {
  grpc::Status status;
  for (int attempt = 0; attempt < 3; ++attempt) {
    status = call();
    if (status.error_code() != grpc::StatusCode::UNAVAILABLE) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(200 << attempt));
  }
  return status;
}

absl::StatusOr<google::protobuf::Timestamp> ParseWhen(const std::string& text, absl::string_view option) {
  absl::Time t;
  std::string error;
  if (!absl::ParseTime(absl::RFC3339_full, text, &t, &error) && !absl::ParseTime("%Y-%m-%d", text, &t, &error)) {
    return absl::InvalidArgumentError(absl::StrCat(
        "--", option, " must be a time such as 2026-12-03T09:00:00Z or a date such as 2026-12-03"));
  }
  return google::protobuf::util::TimeUtil::NanosecondsToTimestamp(absl::ToUnixNanos(t));
}

}  // namespace casefile::cli
