// web_page_bench: what casefile-web costs against the gRPC calls it makes,
// in one run (issue 19's targets):
//   (a) the case page of a 2,000-entry case (its newest 500 entries, and the
//       whole file for print) against GetCaseFile of the whole case (page
//       within 1.5x);
//   (b) logging an entry through the browser (POST of the "add an entry"
//       form, until the page that answers it is read) against AppendEntry
//       over gRPC (median within 2x);
//   (c) a 20,000-entry case opening on its newest page, against GetCaseFile
//       of the whole case, and GetCaseFile's newest page alone.
//
// Starts casefiled and casefile-web (plain HTTP on loopback, as GetCaseFile
// is timed without TLS), writes the cases through AppendEntry (many calls in
// flight), then times the peers in turns and prints their medians and
// ratios.
#include <arpa/inet.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <functional>
#include <regex>
#include <string>
#include <thread>
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
ABSL_FLAG(int, large_entries, 20000, "Entries in the large case (0: no large case).");
ABSL_FLAG(int, writes, 100, "Entries logged through each of the browser and gRPC.");
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

// Appends `count` entries to `case_name` with 16 calls in flight; false on a refusal.
bool Fill(v1::CaseService::Stub& stub, const std::string& case_name, int count, int seed_base) {
  std::atomic<int> next{1}, failed{0};
  std::vector<std::thread> writers;
  for (int w = 0; w < 16; ++w) {
    writers.emplace_back([&] {
      for (int i = next++; i <= count; i = next++) {
        v1::AppendEntryRequest append;
        append.set_parent(case_name);
        *append.mutable_entry() = NewEntry(seed_base + i, absl::GetFlag(FLAGS_entry_bytes));
        append.set_request_id(absl::StrCat("fill-", seed_base + i));
        v1::Entry written;
        if (!stub.AppendEntry(Context().get(), append, &written).ok()) ++failed;
      }
    });
  }
  for (std::thread& t : writers) t.join();
  return failed == 0;
}

// An HTTP/1.1 POST of a form to casefile-web (a new connection, closed after).
std::string Post(int port, const std::string& path, const std::string& body) {
  return Exchange(port, absl::StrCat("POST ", path, " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nCookie: cf_session=",
                                     kBenchToken, "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ",
                                     body.size(), "\r\n\r\n", body));
}

bool Served(const std::string& page) {
  return page.rfind("HTTP/1.1 200", 0) == 0 && page.find("</body></html>") != std::string::npos;
}

// Entries of a whole GetCaseFile of `request` (-1 when refused).
int ReadAll(v1::CaseService::Stub& stub, const v1::GetCaseFileRequest& request) {
  auto context = Context();
  auto reader = stub.GetCaseFile(context.get(), request);
  v1::GetCaseFileResponse chunk;
  int entries = 0;
  while (reader->Read(&chunk)) entries += chunk.entries_size();
  return reader->Finish().ok() ? entries : -1;
}

double TimeMs(const std::function<bool()>& run, bool& ok) {
  const Clock::time_point start = Clock::now();
  ok = run() && ok;
  return Millis(Clock::now() - start);
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

  auto create = [&](const std::string& title) {
    v1::CreateCaseRequest request;
    request.mutable_case_()->set_title(title);
    v1::Case c;
    grpc::Status status = stub->CreateCase(Context().get(), request, &c);
    if (!status.ok()) std::fprintf(stderr, "CreateCase: %s\n", status.error_message().c_str());
    return c;
  };
  const int entries = absl::GetFlag(FLAGS_entries), large_entries = absl::GetFlag(FLAGS_large_entries);
  const v1::Case c = create("Bench CHILD (01/02/2010)");
  const v1::Case large = create("Bench LARGE (01/02/2010)");
  const v1::Case written = create("Bench WRITTEN (01/02/2010)");
  Clock::time_point filling = Clock::now();
  if (c.name().empty() || !Fill(*stub, c.name(), entries, 0) || !Fill(*stub, large.name(), large_entries, 1000000))
    return std::fprintf(stderr, "AppendEntry failed\n"), 1;
  std::printf("cases written (%d + %d entries, 16 AppendEntry calls in flight) in %.1f s\n", entries, large_entries,
              Millis(Clock::now() - filling) / 1000);
  const std::string id = c.name().substr(6), large_id = large.name().substr(6), written_id = written.name().substr(6);

  // The web server reaches casefiled as a browser's session would: the bench
  // token is a bearer token like a session token.
  std::string casefiled_port;
  std::ifstream(dir.path() + "/casefiled.port") >> casefiled_port;
  auto web = ChildServer::Start("casefile-web", dir.path(),
                                {absl::GetFlag(FLAGS_casefile_web), "--listen=127.0.0.1:0",
                                 "--allow_plain_http_on_loopback", "--casefiled=127.0.0.1:" + casefiled_port});
  if (!web.ok()) return std::fprintf(stderr, "%s\n", web.status().ToString().c_str()), 1;
  std::string web_port_text;
  std::ifstream(dir.path() + "/casefile-web.port") >> web_port_text;
  const int web_port = std::stoi(web_port_text);
  httplib::Client http("127.0.0.1", web_port);
  http.set_read_timeout(120, 0);
  const httplib::Headers cookie = {{"Cookie", absl::StrCat("cf_session=", kBenchToken)}};
  auto form = http.Get(("/cases/" + id).c_str(), cookie);
  std::smatch csrf;
  if (!form || form->status != 200 ||
      !std::regex_search(form->body, csrf, std::regex("name=\"csrf\" value=\"([0-9a-f]+)\"")))
    return std::fprintf(stderr, "casefile-web did not give the purpose form\n"), 1;
  const std::string purpose_form = absl::StrCat("csrf=", csrf[1].str(), "&purpose=bench");

  auto whole_case = [&](const v1::Case& of) {
    v1::GetCaseFileRequest request;
    request.set_name(of.name());
    request.set_purpose("bench");
    return request;
  };
  const v1::GetCaseFileRequest recorded = whole_case(c);
  v1::GetCaseFileRequest in_time = recorded;
  in_time.set_order(v1::GetCaseFileRequest::ORDER_OCCURRED);
  const int repeats = absl::GetFlag(FLAGS_repeats);
  bool ok = true;
  size_t page_bytes = 0, whole_bytes = 0;
  std::vector<double> grpc_ms, time_order_ms, page_ms, whole_ms;
  for (int r = 0; r < repeats; ++r) {
    grpc_ms.push_back(TimeMs([&] { return ReadAll(*stub, recorded) == entries; }, ok));
    time_order_ms.push_back(TimeMs([&] { return ReadAll(*stub, in_time) == entries; }, ok));
    page_ms.push_back(TimeMs([&] {
      const std::string page = Post(web_port, "/cases/" + id, purpose_form);
      page_bytes = page.size();
      return Served(page);
    }, ok));
    whole_ms.push_back(TimeMs([&] {
      const std::string page = Post(web_port, "/cases/" + id, purpose_form + "&whole=1");
      whole_bytes = page.size();
      return Served(page);
    }, ok));
  }
  if (!ok) return std::fprintf(stderr, "a read of the %d-entry case failed\n", entries), 1;
  // The renderer alone, on the entries as received (where the page's time goes).
  std::vector<double> render_ms;
  {
    auto context = Context();
    auto reader = stub->GetCaseFile(context.get(), in_time);
    v1::GetCaseFileResponse chunk;
    v1::Case header;
    std::vector<v1::Entry> all;
    while (reader->Read(&chunk)) {
      if (chunk.has_case_()) header = chunk.case_();
      for (v1::Entry& e : *chunk.mutable_entries()) all.push_back(std::move(e));
    }
    reader->Finish();
    for (int r = 0; r < repeats; ++r) {
      const Clock::time_point start = Clock::now();
      std::string html = web::CaseFilePage(header, all, {});
      render_ms.push_back(Millis(Clock::now() - start));
    }
  }

  // (b) Logging an entry: the browser's form POST against AppendEntry.
  std::vector<double> append_ms, post_ms;
  for (int i = 0; i < absl::GetFlag(FLAGS_writes); ++i) {
    append_ms.push_back(TimeMs([&] {
      v1::AppendEntryRequest append;
      append.set_parent(written.name());
      append.mutable_entry()->set_kind(v1::ENTRY_KIND_NOTE);
      append.mutable_entry()->mutable_occur_time()->set_precision(v1::PartialTime::PRECISION_DAY);
      append.mutable_entry()->mutable_occur_time()->set_year(2026);
      append.mutable_entry()->mutable_occur_time()->set_month(12);
      append.mutable_entry()->mutable_occur_time()->set_day(7);
      append.mutable_entry()->set_text(EntryText(i, 600));
      append.set_request_id(absl::StrCat("grpc-", i));
      v1::Entry made;
      return stub->AppendEntry(Context().get(), append, &made).ok();
    }, ok));
    post_ms.push_back(TimeMs([&] {
      const std::string body =
          absl::StrCat("csrf=", csrf[1].str(), "&purpose=bench&kind=note&when-day=7&when-month=12&when-year=2026&text=",
                       httplib::detail::encode_query_param(EntryText(i, 600)), "&request_id=web-", i);
      const std::string answer = Post(web_port, "/cases/" + written_id + "/entries", body);
      return Served(answer);
    }, ok));
  }
  if (!ok) return std::fprintf(stderr, "logging an entry failed\n"), 1;

  // (c) The large case: its newest page, against GetCaseFile of all of it.
  std::vector<double> large_grpc_ms, large_newest_grpc_ms, large_page_ms;
  if (large_entries > 0) {
    const v1::GetCaseFileRequest large_whole = whole_case(large);
    v1::GetCaseFileRequest large_newest = large_whole;
    large_newest.set_order(v1::GetCaseFileRequest::ORDER_OCCURRED);
    large_newest.set_page_size(500);
    for (int r = 0; r < repeats; ++r) {
      large_grpc_ms.push_back(TimeMs([&] { return ReadAll(*stub, large_whole) == large_entries; }, ok));
      large_newest_grpc_ms.push_back(TimeMs([&] { return ReadAll(*stub, large_newest) == 500; }, ok));
      large_page_ms.push_back(TimeMs([&] { return Served(Post(web_port, "/cases/" + large_id, purpose_form)); }, ok));
    }
    if (!ok) return std::fprintf(stderr, "a read of the large case failed\n"), 1;
  }

  const double g = Median(grpc_ms), p = Median(page_ms), w = Median(whole_ms);
  std::printf("case of %d entries (%d bytes of text each), %d reads each, medians\n", entries,
              absl::GetFlag(FLAGS_entry_bytes), repeats);
  std::printf("  GetCaseFile, entry number order (gRPC, all entries received)  %7.2f ms\n", g);
  std::printf("  GetCaseFile, time order                                       %7.2f ms  (x%.2f)\n", Median(time_order_ms),
              Median(time_order_ms) / g);
  std::printf("  casefile-web page, newest 500 (%zu bytes)                 %7.2f ms  (x%.2f, target <= 1.5)\n", page_bytes,
              p, p / g);
  std::printf("  casefile-web page, whole file (%zu bytes)                 %7.2f ms  (x%.2f)\n", whole_bytes, w, w / g);
  std::printf("  renderer alone (web::CaseFilePage, all entries)                %7.2f ms\n", Median(render_ms));
  const double a = Median(append_ms), b = Median(post_ms);
  std::printf("logging an entry, %d each, medians\n", absl::GetFlag(FLAGS_writes));
  std::printf("  AppendEntry (gRPC)                                            %7.2f ms\n", a);
  std::printf("  casefile-web POST of the form, answer page read               %7.2f ms  (x%.2f, target <= 2)\n", b, b / a);
  if (large_entries > 0) {
    const double lg = Median(large_grpc_ms), ln = Median(large_newest_grpc_ms), lp = Median(large_page_ms);
    std::printf("case of %d entries, %d reads each, medians\n", large_entries, repeats);
    std::printf("  GetCaseFile of the whole case (gRPC)                          %7.2f ms\n", lg);
    std::printf("  GetCaseFile of its newest 500 (time order, page_size 500)     %7.2f ms  (x%.3f)\n", ln, ln / lg);
    std::printf("  casefile-web page, newest 500                                 %7.2f ms  (x%.3f)\n", lp, lp / lg);
  }
  return 0;
}

}  // namespace
}  // namespace casefile::bench

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  return casefile::bench::Run();
}
