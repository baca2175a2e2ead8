// End-to-end tests of casefiled's transport security: TLS with a certificate
// made by openssl, a client that does not trust it, the CLI's --ca, and the
// refusal to listen beyond loopback in plain text.
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "tests/support/casefiled_fixture.h"

namespace casefile::testing {
namespace {

// Client credentials that trust `root_pem` and present no certificate.
std::shared_ptr<grpc::ChannelCredentials> TrustingOnly(const std::string& root_pem) {
  grpc::SslCredentialsOptions ssl;
  ssl.pem_root_certs = root_pem;
  return grpc::SslCredentials(ssl);
}

namespace fs = std::filesystem;

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// The exit code of `command` run by the shell.
int Shell(const std::string& command) {
  const int status = std::system(command.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// SetUp makes the server's certificate; each test starts casefiled with the
// transport it tries.
class TlsE2eTest : public CasefiledTest {
 protected:
  void SetUp() override {
    cert_ = dir_.path() + "/server.pem";
    key_ = dir_.path() + "/server.key";
    // A self-signed certificate for 127.0.0.1, as scripts/quickstart makes.
    ASSERT_EQ(Shell(absl::StrCat("openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=localhost "
                               "-addext subjectAltName=IP:127.0.0.1,DNS:localhost -keyout '",
                               key_, "' -out '", cert_, "' 2>/dev/null")),
              0);
    fs::permissions(key_, fs::perms::owner_read | fs::perms::owner_write);
  }
  std::string StartFlags() const { return absl::StrCat("--tls_cert=", cert_, " --tls_key=", key_); }
  std::string cert_, key_;
};

TEST_F(TlsE2eTest, ServesTlsToClientsThatTrustItsCertificateOnly) {
  ASSERT_EQ(StartServer({"--tls_cert=" + cert_, "--tls_key=" + key_}), absl::OkStatus());
  const std::string address = server_->address();

  auto trusted = grpc::CreateChannel(address, TrustingOnly(ReadFile(cert_)));
  v1::ListCasesResponse cases;
  grpc::Status ok = v1::CaseService::NewStub(trusted)->ListCases(Context(kInvestigatorToken).get(),
                                                                  {}, &cases);
  EXPECT_TRUE(ok.ok()) << ok.error_message();
  // Over TLS the token still says who is calling.
  grpc::Status no_token = v1::CaseService::NewStub(trusted)->ListCases(Context("").get(), {}, &cases);
  EXPECT_EQ(no_token.error_code(), grpc::StatusCode::UNAUTHENTICATED);

  // A client that does not trust the certificate, or speaks plain text, gets nothing.
  auto untrusted = grpc::CreateChannel(address, grpc::SslCredentials({}));
  auto plain = grpc::CreateChannel(address, grpc::InsecureChannelCredentials());
  for (const auto& channel : {untrusted, plain}) {
    auto context = Context(kInvestigatorToken);
    context->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
    grpc::Status refused = v1::CaseService::NewStub(channel)->ListCases(context.get(), {}, &cases);
    EXPECT_EQ(refused.error_code(), grpc::StatusCode::UNAVAILABLE) << refused.error_message();
  }

  // The CLI connects with --ca (or CASEFILE_CA).
  const std::string cli = absl::StrCat(CASEFILE_CLI_PATH, " --server ", address, " --token ", kInvestigatorToken);
  EXPECT_EQ(Shell(absl::StrCat(cli, " --ca '", cert_, "' cases >/dev/null 2>&1")), 0);
  EXPECT_EQ(Shell(absl::StrCat("CASEFILE_CA='", cert_, "' ", cli, " cases >/dev/null 2>&1")), 0);
  EXPECT_NE(Shell(absl::StrCat(cli, " cases >/dev/null 2>&1")), 0);  // plain text to a TLS server
  // Credentials that could not work are usage errors (exit 2), never a crash.
  EXPECT_EQ(Shell(absl::StrCat(CASEFILE_CLI_PATH, " --server ", address, " --ca '", cert_,
                               "' --token \"$(printf 'a\\nb')\" cases >/dev/null 2>&1")),
            2);
  EXPECT_EQ(Shell(absl::StrCat(cli, " --ca '", cert_, "' --cert '", cert_, "' cases >/dev/null 2>&1")), 2);
  EXPECT_FALSE(absl::StrContains(server_->Log(), ReadFile(key_).substr(40, 40)));
}

// Mutual TLS: a client certificate signed by --client_ca names its caller
// through a "cert:<common name>" line of the tokens file; no token needed.
TEST_F(TlsE2eTest, AClientCertificateNamesItsCaller) {
  auto make_cert = [&](const std::string& name) {
    ASSERT_EQ(Shell(absl::StrCat("openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=", name, " -keyout '",
                                 dir_.path(), "/", name, ".key' -out '", dir_.path(), "/", name, ".pem' 2>/dev/null")),
              0);
  };
  make_cert("edt-station-1");
  make_cert("stranger");
  const std::string tokens = dir_.path() + "/mtls-tokens";
  std::ofstream(tokens) << kInvestigatorToken << " inv1 investigator Investigator One\n"
                        << "cert:edt-station-1 edt1 out_of_hours EDT Station One\n";
  fs::permissions(tokens, fs::perms::owner_read | fs::perms::owner_write);
  // The client CA: here the station's own (self-signed) certificate.
  ASSERT_EQ(StartServer({"--tls_cert=" + cert_, "--tls_key=" + key_,
                         "--client_ca=" + dir_.path() + "/edt-station-1.pem", "--tokens_file=" + tokens}),
            absl::OkStatus());
  auto channel_as = [&](const std::string& name) {
    grpc::SslCredentialsOptions ssl;
    ssl.pem_root_certs = ReadFile(cert_);
    ssl.pem_cert_chain = ReadFile(dir_.path() + "/" + name + ".pem");
    ssl.pem_private_key = ReadFile(dir_.path() + "/" + name + ".key");
    return grpc::CreateChannel(server_->address(), grpc::SslCredentials(ssl));
  };
  v1::ListCasesResponse cases;
  // Out-of-hours may read but not create: the certificate gave that role.
  auto station = v1::CaseService::NewStub(channel_as("edt-station-1"));
  grpc::Status read = station->ListCases(Context("").get(), {}, &cases);
  EXPECT_TRUE(read.ok()) << read.error_message();
  v1::CreateCaseRequest create;
  create.mutable_case_()->set_title("Ellie WATSON");
  v1::Case made;
  EXPECT_EQ(station->CreateCase(Context("").get(), create, &made).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  // A certificate the CA did not sign does not get through the handshake.
  auto context = Context("");
  context->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
  EXPECT_EQ(v1::CaseService::NewStub(channel_as("stranger"))->ListCases(context.get(), {}, &cases).error_code(),
            grpc::StatusCode::UNAVAILABLE);
  // Token callers need no certificate; "cert:..." is never a bearer token.
  auto token_only = grpc::CreateChannel(server_->address(), TrustingOnly(ReadFile(cert_)));
  EXPECT_TRUE(v1::CaseService::NewStub(token_only)
                  ->ListCases(Context(kInvestigatorToken).get(), {}, &cases)
                  .ok());
  EXPECT_EQ(v1::CaseService::NewStub(token_only)
                ->ListCases(Context("cert:edt-station-1").get(), {}, &cases)
                .error_code(),
            grpc::StatusCode::UNAUTHENTICATED);
  // The CLI presents the certificate with --cert/--key.
  const std::string cli = absl::StrCat(CASEFILE_CLI_PATH, " --server ", server_->address(), " --ca '", cert_,
                                       "' --cert '", dir_.path(), "/edt-station-1.pem' --key '", dir_.path(),
                                       "/edt-station-1.key' cases >/dev/null 2>&1");
  EXPECT_EQ(Shell(cli), 0);
}

TEST_F(TlsE2eTest, RefusesPlainTextBeyondLoopbackUnlessToldExplicitly) {
  const std::string tokens = dir_.path() + "/tokens";
  std::ofstream(tokens) << kInvestigatorToken << " inv1 investigator Investigator One\n";
  fs::permissions(tokens, fs::perms::owner_read | fs::perms::owner_write);
  const std::string base = absl::StrCat(CASEFILED_PATH, " --data_dir='", dir_.path(), "/data' --tokens_file='", tokens,
                                        "' --listen=0.0.0.0:0");
  const std::string log = dir_.path() + "/refused.log";
  EXPECT_EQ(Shell(absl::StrCat(base, " >'", log, "' 2>&1")), 1);
  EXPECT_TRUE(absl::StrContains(ReadFile(log), "--listen=0.0.0.0:0 is beyond loopback: give --tls_cert and --tls_key"))
      << ReadFile(log);

  // Only one of the two files, or a key others can read, is refused by name.
  EXPECT_EQ(Shell(absl::StrCat(base, " --tls_cert='", cert_, "' >'", log, "' 2>&1")), 1);
  EXPECT_TRUE(absl::StrContains(ReadFile(log), "--tls_cert and --tls_key: give both, or neither")) << ReadFile(log);
  fs::permissions(key_, fs::perms::group_read, fs::perm_options::add);
  EXPECT_EQ(Shell(absl::StrCat(base, " ", StartFlags(), " >'", log, "' 2>&1")), 1);
  EXPECT_TRUE(absl::StrContains(ReadFile(log), "is open to other users; run 'chmod 600")) << ReadFile(log);
  fs::permissions(key_, fs::perms::group_read, fs::perm_options::remove);

  // With TLS, or when told explicitly, it serves beyond loopback.
  for (const std::vector<std::string>& flags :
       {std::vector<std::string>{"--listen=0.0.0.0:0", "--tls_cert=" + cert_, "--tls_key=" + key_},
        std::vector<std::string>{"--listen=0.0.0.0:0", "--allow_insecure_non_loopback"}}) {
    const std::string dir = dir_.path() + "/serving-" + std::to_string(flags.size());
    fs::create_directories(dir);
    auto server = CasefiledProcess::Start(dir, flags);
    ASSERT_TRUE(server.ok()) << server.status();
    EXPECT_EQ((*server)->Terminate(), 0);
  }
}

}  // namespace
}  // namespace casefile::testing
