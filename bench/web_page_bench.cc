// web_page_bench: how long casefile-web takes to serve the page of a
// 2,000-entry case file, against GetCaseFile for the same case, in one run
// (issue 11: the page within 1.5× GetCaseFile).
//
// Starts casefiled and casefile-web (plain HTTP on loopback, as GetCaseFile
// is timed without TLS), appends the entries through AppendEntry, then times
// in turns: reading the whole case file over gRPC (one stream, every entry
// received), and POSTing the purpose form to casefile-web until the whole
// page is received (casefile-web reads the same stream and renders it).
// Prints the medians and their ratio.
#include <arpa/inet.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <regex>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/strings/str_cat.h"
#include "bench/support/bench_entries.h"
#include "bench/support/child_server.h"
#include "bench/support/temp_dir.h"
#include "casefile/v1/case_service.grpc.pb.h"
#include "web/case_file_page.h"

ABSL_FLAG(int, entries, 2000, "Entries in the case.");
ABSL_FLAG(int, entry_bytes, 600, "Bytes of text per entry.");
ABSL_FLAG(int, repeats, 30, "Times each read is timed.");
ABSL_FLAG(std::string, casefiled, CASEFILED_PATH, "casefiled binary.");
ABSL_FLAG(std::string, casefile_web, CASEFILE_WEB_PATH, "casefile-web binary.");

namespace casefile::bench {
namespace {

using Clock = std::chrono::steady_clock;

double Millis(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

std::unique_ptr<grpc::ClientContext> Context() {
  auto context = std::make_unique<grpc::ClientContext>();
  context->AddMetadata("authorization", absl::StrCat("Bearer ", kBenchToken));
  return context;
}

// The whole HTTP response to `request` (sent on a new connection that the
// server closes after answering), read with a large buffer as a browser does.
std::string Exchange(int port, const std::string& request) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  std::string response;
  if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 &&
      ::send(fd, request.data(), request.size(), 0) == static_cast<ssize_t>(request.size())) {
    std::vector<char> buffer(1 << 20);
    ssize_t n;
    while ((n = ::recv(fd, buffer.data(), buffer.size(), 0)) > 0) response.append(buffer.data(), n);
  }
  ::close(fd);
  return response;
}

int Run() {
  TempDir dir;
  if (dir.path().empty()) return std::fprintf(stderr, "cannot make a temporary directory\n"), 1;
  const std::string tokens = dir.path() + "/tokens";
  std::ofstream(tokens) << kBenchToken << " " << kBenchUser << " investigator " << kBenchDisplayName << "\n";
  ::chmod(tokens.c_str(), 0600);
  auto casefiled = ChildServer::Start("casefiled", dir.path(),
                                      {absl::GetFlag(FLAGS_casefiled), "--data_dir=" + dir.path() + "/data",
                                       "--tokens_file=" + tokens, "--listen=127.0.0.1:0"});
  if (!casefiled.ok()) return std::fprintf(stderr, "%s\n", casefiled.status().ToString().c_str()), 1;
  auto stub = v1::CaseService::NewStub((*casefiled)->channel());

  v1::CreateCaseRequest create;
  create.mutable_case_()->set_title("Bench CHILD (01/02/2010)");
  v1::Case c;
  grpc::Status status = stub->CreateCase(Context().get(), create, &c);
  if (!status.ok()) return std::fprintf(stderr, "CreateCase: %s\n", status.error_message().c_str()), 1;
  const int entries = absl::GetFlag(FLAGS_entries);
  for (int i = 1; i <= entries; ++i) {
    v1::AppendEntryRequest append;
    append.set_parent(c.name());
    *append.mutable_entry() = NewEntry(i, absl::GetFlag(FLAGS_entry_bytes));
    append.set_request_id(absl::StrCat("bench-", i));
    v1::Entry written;
    status = stub->AppendEntry(Context().get(), append, &written);
    if (!status.ok()) return std::fprintf(stderr, "AppendEntry: %s\n", status.error_message().c_str()), 1;
  }
  const std::string id = c.name().substr(6);

  // The web server reaches casefiled as a browser's session would: the bench
  // token is a bearer token like a session token.
  std::string casefiled_port;
  std::ifstream(dir.path() + "/casefiled.port") >> casefiled_port;
  auto web = ChildServer::Start("casefile-web", dir.path(),
                                {absl::GetFlag(FLAGS_casefile_web), "--listen=127.0.0.1:0",
                                 "--allow_plain_http_on_loopback", "--casefiled=127.0.0.1:" + casefiled_port});
  if (!web.ok()) return std::fprintf(stderr, "%s\n", web.status().ToString().c_str()), 1;
  std::string web_port;
  std::ifstream(dir.path() + "/casefile-web.port") >> web_port;
  httplib::Client http("127.0.0.1", std::stoi(web_port));
  http.set_read_timeout(120, 0);
  const httplib::Headers cookie = {{"Cookie", absl::StrCat("cf_session=", kBenchToken)}};
  auto form = http.Get(("/cases/" + id).c_str(), cookie);
  std::smatch csrf;
  if (!form || form->status != 200 ||
      !std::regex_search(form->body, csrf, std::regex("name=\"csrf\" value=\"([0-9a-f]+)\"")))
    return std::fprintf(stderr, "casefile-web did not give the purpose form\n"), 1;
  const std::string body = absl::StrCat("csrf=", csrf[1].str(), "&purpose=bench");
  const std::string request_bytes =
      absl::StrCat("POST /cases/", id, " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nCookie: cf_session=",
                   kBenchToken, "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ", body.size(),
                   "\r\n\r\n", body);

  v1::GetCaseFileRequest request;
  request.set_name(c.name());
  request.set_purpose("bench");
  std::vector<double> grpc_ms, web_ms;
  size_t page_bytes = 0, grpc_entries = 0;
  for (int r = 0; r < absl::GetFlag(FLAGS_repeats); ++r) {
    Clock::time_point start = Clock::now();
    auto context = Context();
    auto reader = stub->GetCaseFile(context.get(), request);
    v1::GetCaseFileResponse chunk;
    grpc_entries = 0;
    while (reader->Read(&chunk)) grpc_entries += chunk.entries_size();
    if (!reader->Finish().ok() || grpc_entries != static_cast<size_t>(entries))
      return std::fprintf(stderr, "GetCaseFile failed\n"), 1;
    grpc_ms.push_back(Millis(Clock::now() - start));

    start = Clock::now();
    const std::string page = Exchange(std::stoi(web_port), request_bytes);
    web_ms.push_back(Millis(Clock::now() - start));
    if (page.rfind("HTTP/1.1 200", 0) != 0 || page.find("</body></html>") == std::string::npos)
      return std::fprintf(stderr, "casefile-web did not serve the page\n"), 1;
    page_bytes = page.size();
  }
  // The renderer alone, on the entries as received (where the page's time goes).
  std::vector<double> render_ms;
  {
    auto context = Context();
    auto reader = stub->GetCaseFile(context.get(), request);
    v1::GetCaseFileResponse chunk;
    v1::Case header;
    std::vector<v1::Entry> all;
    while (reader->Read(&chunk)) {
      if (chunk.has_case_()) header = chunk.case_();
      for (v1::Entry& e : *chunk.mutable_entries()) all.push_back(std::move(e));
    }
    reader->Finish();
    for (int r = 0; r < absl::GetFlag(FLAGS_repeats); ++r) {
      const Clock::time_point start = Clock::now();
      std::string html = web::CaseFilePage(header, all, {});
      render_ms.push_back(Millis(Clock::now() - start));
    }
  }
  const double g = Median(grpc_ms), w = Median(web_ms);
  std::printf("rendering alone (web::CaseFilePage):       median %.1f ms\n", Median(render_ms));
  std::printf("case of %d entries (%d bytes of text each), %d reads each\n", entries, absl::GetFlag(FLAGS_entry_bytes),
              absl::GetFlag(FLAGS_repeats));
  std::printf("GetCaseFile (gRPC, all entries received):  median %.1f ms\n", g);
  std::printf("casefile-web page (%zu bytes, HTTP/1.1):  median %.1f ms\n", page_bytes, w);
  std::printf("ratio page / GetCaseFile: %.2f (target <= 1.5)\n", w / g);
  return 0;
}

}  // namespace
}  // namespace casefile::bench

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  return casefile::bench::Run();
}
