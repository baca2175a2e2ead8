// Transport security of casefiled: the server credentials for its flags, and
// the rule that a listener beyond loopback needs TLS (tokens and case files
// must not cross a network in clear).
//
// Thread-safe: pure functions.
#ifndef CASEFILE_SERVICES_TRANSPORT_SECURITY_H_
#define CASEFILE_SERVICES_TRANSPORT_SECURITY_H_

#include <memory>
#include <string>

#include <grpcpp/security/server_credentials.h>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace casefile {

struct TransportOptions {
  std::string listen;            // "127.0.0.1:50051", "[::1]:0", "0.0.0.0:50051"
  std::string tls_cert_file;     // PEM certificate chain; empty: no TLS
  std::string tls_key_file;      // PEM private key, readable by its owner only
  // PEM CA of client certificates (mutual TLS): a client that presents a
  // certificate must present one it signed; the certificate's common name
  // then names the caller. Clients with a bearer token need none.
  std::string client_ca_file;
  bool allow_insecure_non_loopback = false;
};

// True for 127.0.0.0/8, [::1] and localhost.
bool IsLoopbackAddress(absl::string_view listen);

// TLS credentials from the certificate and key, or insecure ones on
// loopback. FailedPrecondition for plain text beyond loopback (unless
// allowed), InvalidArgument naming the flag for a missing or unreadable file,
// a key others can read, or only one of the two given. Never logs a key.
absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> ServerCredentialsFor(const TransportOptions& options);

}  // namespace casefile

#endif  // CASEFILE_SERVICES_TRANSPORT_SECURITY_H_
