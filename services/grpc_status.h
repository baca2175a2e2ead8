// The one place where absl::Status becomes grpc::Status. The canonical codes
// share their numbers, so the mapping keeps code and message as they are.
//
// Thread-safe: pure function.
#ifndef CASEFILE_SERVICES_GRPC_STATUS_H_
#define CASEFILE_SERVICES_GRPC_STATUS_H_

#include <grpcpp/support/status.h>

#include "absl/status/status.h"

namespace casefile {

inline grpc::Status ToGrpcStatus(const absl::Status& status) {
  if (status.ok()) return grpc::Status::OK;
  return grpc::Status(static_cast<grpc::StatusCode>(status.code()), std::string(status.message()));
}

}  // namespace casefile

#endif  // CASEFILE_SERVICES_GRPC_STATUS_H_
