#include "services/transport_security.h"

#include <sys/stat.h>

#include <fstream>
#include <sstream>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"

namespace casefile {
namespace {

absl::StatusOr<std::string> ReadPem(const std::string& path, absl::string_view flag, bool secret) {
  struct stat st;
  if (stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode))
    return absl::InvalidArgumentError(absl::StrCat("--", flag, ": no file ", path));
  if (secret && (st.st_mode & 077) != 0)
    return absl::InvalidArgumentError(absl::StrCat("--", flag, ": ", path,
                                                   " is open to other users; run 'chmod 600 ", path, "'"));
  std::ifstream in(path, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  if (!in || !absl::StrContains(bytes.str(), "-----BEGIN "))
    return absl::InvalidArgumentError(absl::StrCat("--", flag, ": ", path, " is not a PEM file"));
  return bytes.str();
}

}  // namespace

bool IsLoopbackAddress(absl::string_view listen) {
  absl::string_view host = listen;
  if (absl::ConsumePrefix(&host, "[")) {
    host = host.substr(0, host.find(']'));
    return host == "::1";
  }
  host = host.substr(0, host.rfind(':'));
  return host == "localhost" || absl::StartsWith(host, "127.");
}

absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> ServerCredentialsFor(const TransportOptions& options) {
  const bool tls = !options.tls_cert_file.empty() || !options.tls_key_file.empty();
  if (!tls && !options.client_ca_file.empty())
    return absl::InvalidArgumentError("--client_ca: needs --tls_cert and --tls_key");
  if (!tls) {
    if (!IsLoopbackAddress(options.listen) && !options.allow_insecure_non_loopback)
      return absl::FailedPreconditionError(absl::StrCat(
          "--listen=", options.listen,
          " is beyond loopback: give --tls_cert and --tls_key (tokens and case files must not cross a network "
          "in clear), or --allow_insecure_non_loopback if something else encrypts the link"));
    return grpc::InsecureServerCredentials();
  }
  if (options.tls_cert_file.empty() || options.tls_key_file.empty())
    return absl::InvalidArgumentError("--tls_cert and --tls_key: give both, or neither");
  auto cert = ReadPem(options.tls_cert_file, "tls_cert", false);
  if (!cert.ok()) return cert.status();
  auto key = ReadPem(options.tls_key_file, "tls_key", true);
  if (!key.ok()) return key.status();
  grpc::SslServerCredentialsOptions ssl;
  ssl.pem_key_cert_pairs.push_back({*std::move(key), *std::move(cert)});
  if (!options.client_ca_file.empty()) {
    auto ca = ReadPem(options.client_ca_file, "client_ca", false);
    if (!ca.ok()) return ca.status();
    ssl.pem_root_certs = *std::move(ca);
    ssl.client_certificate_request = GRPC_SSL_REQUEST_CLIENT_CERTIFICATE_AND_VERIFY;
  }
  return grpc::SslServerCredentials(ssl);
}

}  // namespace casefile
