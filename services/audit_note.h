// AuditNote: how a handler tells the refusal interceptor (refusal_log.h) who
// a refused call was about when the authenticator cannot know it (a failed
// sign-in names a user but proves nothing): server-side trailing metadata
// that the interceptor reads into the refusal's audit record and takes off
// before the status is sent. A client cannot set it (trailing metadata only
// flows from the server).
//
// Thread-compatible: one call's context.
#ifndef CASEFILE_SERVICES_AUDIT_NOTE_H_
#define CASEFILE_SERVICES_AUDIT_NOTE_H_

#include <string>

#include <grpcpp/server_context.h>

#include "absl/strings/string_view.h"

namespace casefile {

inline constexpr char kAuditNoteUser[] = "casefile-audit-user";
inline constexpr char kAuditNotePeer[] = "casefile-audit-peer";

inline void AddAuditNote(grpc::ServerContext& context, absl::string_view user, absl::string_view peer) {
  context.AddTrailingMetadata(kAuditNoteUser, std::string(user));
  context.AddTrailingMetadata(kAuditNotePeer, std::string(peer));
}

}  // namespace casefile

#endif  // CASEFILE_SERVICES_AUDIT_NOTE_H_
