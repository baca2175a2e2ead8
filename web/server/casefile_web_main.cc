// casefile-web: the case file in a browser for out-of-hours staff. A gRPC
// client of casefiled (which enforces every rule of access, purpose and
// audit); serves server-rendered pages with no script over TLS.
#include <httplib.h>

#include <csignal>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <thread>

#include <grpcpp/grpcpp.h>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/strings/numbers.h"
#include "absl/strings/strip.h"
#include "web/server/web_app.h"
#include "web/server/web_responses.h"

ABSL_FLAG(std::string, listen, "127.0.0.1:8443", "host:port to serve on; port 0 picks a free one.");
ABSL_FLAG(std::string, port_file, "", "Write the bound port here once serving.");
ABSL_FLAG(std::string, casefiled, "127.0.0.1:50051", "casefiled's address.");
ABSL_FLAG(std::string, casefiled_ca, "",
          "PEM CA that signed casefiled's certificate (TLS to casefiled); empty: plain text (loopback only).");
ABSL_FLAG(std::string, service_token_file, "",
          "File holding casefile-web's own token (a user in casefiled's --trusted_frontend_users), used only to "
          "relay the browser's address with sign-in. Readable by its owner only.");
ABSL_FLAG(std::string, tls_cert, "", "PEM certificate (chain) to serve HTTPS with.");
ABSL_FLAG(std::string, tls_key, "", "PEM private key of --tls_cert.");
ABSL_FLAG(bool, allow_plain_http_on_loopback, false,
          "Serve plain HTTP instead of HTTPS; only on a loopback address (development, tests).");
ABSL_FLAG(bool, behind_proxy, false,
          "Serve plain HTTP on a loopback address to a reverse proxy on this machine (nginx: scripts/web-proxy, "
          "BUILD.md \"Deployment\"), which terminates TLS, holds slow clients and sets X-Forwarded-For to the "
          "browser's address; that address is relayed with sign-ins.");
ABSL_FLAG(int64_t, document_max_mb, casefile::web::kMaxUploadBytes >> 20,
          "The largest document the attach form takes, in MiB: give casefiled's --document_max_mb (and "
          "scripts/web-proxy's --document-max-mb), so that the form's hint says the limit that holds.");

namespace {

bool IsLoopback(const std::string& host) {
  return host == "localhost" || host == "::1" || host == "[::1]" || host.rfind("127.", 0) == 0;
}

int Fail(const std::string& message) {
  std::fprintf(stderr, "casefile-web: %s\n", message.c_str());
  return 2;
}

std::string ReadSecretFile(const std::string& path, std::string& error) {
  std::ifstream in(path);
  if (!in) {
    error = "--service_token_file " + path + ": cannot be read";
    return "";
  }
  std::stringstream text;
  text << in.rdbuf();
  return std::string(absl::StripAsciiWhitespace(text.str()));
}

httplib::Server* g_server = nullptr;

}  // namespace

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage("casefile-web --tls_cert=server.pem --tls_key=server.key [--casefiled=host:port]");
  absl::ParseCommandLine(argc, argv);

  const std::string listen = absl::GetFlag(FLAGS_listen);
  const size_t colon = listen.rfind(':');
  int port = 0;
  if (colon == std::string::npos || !absl::SimpleAtoi(listen.substr(colon + 1), &port))
    return Fail("--listen '" + listen + "' is not host:port");
  std::string host = listen.substr(0, colon);
  const bool tls = !absl::GetFlag(FLAGS_tls_cert).empty() || !absl::GetFlag(FLAGS_tls_key).empty();
  if (tls && (absl::GetFlag(FLAGS_tls_cert).empty() || absl::GetFlag(FLAGS_tls_key).empty()))
    return Fail("--tls_cert and --tls_key go together");
  const bool behind_proxy = absl::GetFlag(FLAGS_behind_proxy);
  if (!tls && !behind_proxy && !absl::GetFlag(FLAGS_allow_plain_http_on_loopback))
    return Fail(
        "give --behind_proxy (plain HTTP on loopback to nginx), --tls_cert and --tls_key (HTTPS), or "
        "--allow_plain_http_on_loopback for development");
  if (!tls && !IsLoopback(host)) return Fail("plain HTTP is served on a loopback address only, not '" + host + "'");

  std::shared_ptr<grpc::ChannelCredentials> credentials = grpc::InsecureChannelCredentials();
  if (!absl::GetFlag(FLAGS_casefiled_ca).empty()) {
    std::ifstream in(absl::GetFlag(FLAGS_casefiled_ca));
    if (!in) return Fail("--casefiled_ca " + absl::GetFlag(FLAGS_casefiled_ca) + ": cannot be read");
    std::stringstream pem;
    pem << in.rdbuf();
    grpc::SslCredentialsOptions options;
    options.pem_root_certs = pem.str();
    credentials = grpc::SslCredentials(options);
  }
  grpc::ChannelArguments channel_args;
  channel_args.SetMaxReceiveMessageSize(-1);
  auto channel = grpc::CreateCustomChannel(absl::GetFlag(FLAGS_casefiled), credentials, channel_args);

  std::string service_token;
  if (!absl::GetFlag(FLAGS_service_token_file).empty()) {
    std::string error;
    service_token = ReadSecretFile(absl::GetFlag(FLAGS_service_token_file), error);
    if (!error.empty()) return Fail(error);
  }

  std::unique_ptr<httplib::Server> server;
  if (tls) {
    auto https = std::make_unique<httplib::SSLServer>(absl::GetFlag(FLAGS_tls_cert).c_str(),
                                                      absl::GetFlag(FLAGS_tls_key).c_str());
    if (!https->is_valid()) return Fail("--tls_cert/--tls_key could not be loaded");
    server = std::move(https);
  } else {
    server = std::make_unique<httplib::Server>();
  }
  // Forms, and the attach form's document (nginx lets only that route's bodies
  // past 1 MB; BUILD.md "Deployment").
  const int64_t document_max_mb = absl::GetFlag(FLAGS_document_max_mb);
  if (document_max_mb < 1 || document_max_mb > (int64_t{1} << 20)) return Fail("--document_max_mb must be 1 or more");
  server->set_payload_max_length(static_cast<size_t>(document_max_mb << 20) + (1 << 20));
  casefile::web::WebApp app(channel, service_token, behind_proxy);
  app.set_document_max_bytes(document_max_mb << 20);
  app.Register(*server);

  if (host.size() > 2 && host.front() == '[') host = host.substr(1, host.size() - 2);
  const int bound = port == 0 ? server->bind_to_any_port(host) : (server->bind_to_port(host, port) ? port : -1);
  if (bound <= 0) return Fail("cannot listen on " + listen);
  if (!absl::GetFlag(FLAGS_port_file).empty()) {
    const std::string tmp = absl::GetFlag(FLAGS_port_file) + ".tmp";
    { std::ofstream(tmp) << bound << "\n"; }
    std::rename(tmp.c_str(), absl::GetFlag(FLAGS_port_file).c_str());
  }
  std::fprintf(stderr, "casefile-web: serving %s on %s:%d, casefiled at %s\n",
               tls ? "HTTPS" : behind_proxy ? "plain HTTP to the proxy (loopback)" : "plain HTTP (loopback)",
               host.c_str(), bound, absl::GetFlag(FLAGS_casefiled).c_str());
  g_server = server.get();
  // SIGTERM and SIGINT stop the server; a thread waits for them so the
  // handler does no more than sigwait allows.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  std::thread stopper([&] {
    int signal = 0;
    sigwait(&signals, &signal);
    g_server->stop();
  });
  stopper.detach();
  server->listen_after_bind();
  return 0;
}
