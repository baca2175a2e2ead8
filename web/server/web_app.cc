#include "web/server/web_app.h"
#include "web/server/web_responses.h"

#include <algorithm>
#include <optional>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "casefile/v1/attention.grpc.pb.h"
#include "casefile/v1/case_service.grpc.pb.h"
#include "casefile/v1/document_service.grpc.pb.h"
#include "casefile/v1/person.grpc.pb.h"
#include "casefile/v1/session.grpc.pb.h"
#include "core/time/partial_time.h"
#include "core/time/partial_time_proto.h"
#include "core/time/words_and_date.h"
#include "web/assign_form.h"
#include "web/case_file_page.h"
#include "web/chronology_view_form.h"
#include "web/cookies.h"
#include "web/document_appendix.h"
#include "web/document_html.h"
#include "web/html_escape.h"
#include "web/page_style.h"
#include "web/person_file_page.h"
#include "web/site_pages.h"
#include "web/supervision_form.h"
#include "web/words.h"

namespace casefile::web {
namespace {

// A person id as casefiled makes them: letters and digits.
bool PlausiblePersonId(absl::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  return std::all_of(id.begin(), id.end(), [](char c) { return absl::ascii_isalnum(c); });
}

// A GetCaseFile stream that outlives its handler (the page is sent while it
// is read); one never read to the end is cancelled.
struct CaseFileReading {
  explicit CaseFileReading(std::unique_ptr<grpc::ClientContext> c) : context(std::move(c)) {}
  CaseFileReading(const CaseFileReading&) = delete;
  CaseFileReading& operator=(const CaseFileReading&) = delete;
  ~CaseFileReading() {
    if (finished) return;
    context->TryCancel();
    reader->Finish();
  }
  grpc::Status Finish() {
    finished = true;
    return reader->Finish();
  }
  std::unique_ptr<grpc::ClientContext> context;
  std::unique_ptr<grpc::ClientReader<v1::GetCaseFileResponse>> reader;
  bool finished = false;
};

}  // namespace

WebApp::WebApp(std::shared_ptr<grpc::Channel> channel, std::string service_token, bool behind_proxy)
    : channel_(std::move(channel)), service_token_(std::move(service_token)), behind_proxy_(behind_proxy) {}

std::string WebApp::ClientAddress(const httplib::Request& req) const {
  const bool from_loopback = req.remote_addr == "::1" || absl::StartsWith(req.remote_addr, "127.");
  if (!behind_proxy_ || !from_loopback) return req.remote_addr;
  // The proxy sets the header to the address it saw (not appending what the
  // browser sent); an address is at most 45 characters of hex digits, dots
  // and colons, anything else is not relayed.
  const std::string forwarded = std::string(absl::StripAsciiWhitespace(req.get_header_value("X-Forwarded-For")));
  const bool address = !forwarded.empty() && forwarded.size() <= 45 &&
                       std::all_of(forwarded.begin(), forwarded.end(),
                                   [](char c) { return absl::ascii_isxdigit(c) || c == '.' || c == ':'; });
  return address ? forwarded : req.remote_addr;
}

std::unique_ptr<grpc::ClientContext> WebApp::Context(const std::string& token) const {
  auto context = std::make_unique<grpc::ClientContext>();
  if (!token.empty()) context->AddMetadata("authorization", absl::StrCat("Bearer ", token));
  context->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(60));
  return context;
}

WebApp::Signed WebApp::SessionOf(const httplib::Request& req) {
  Signed s;
  s.token = CookieValue(req.get_header_value("Cookie"), kSessionCookie);
  if (s.token.empty()) return s;
  absl::MutexLock lock(&mu_);
  auto it = known_.find(s.token);
  if (it != known_.end()) s = it->second;
  return s;
}

std::string WebApp::Nav(const Signed& s) const {
  return NavHtml(s.display_name.empty() ? "signed in" : s.display_name, form_tokens_.TokenFor(s.token), s.MayWrite(),
                 s.MaySupervise(),  // supervisors read their teams' reports
                 s.MayOperate());
}

bool WebApp::CsrfOk(const httplib::Request& req, const Signed& s) const {
  return form_tokens_.Matches(s.token, req.get_param_value("csrf"));
}

void WebApp::Fail(const grpc::Status& status, const Signed& s, httplib::Response& res) {
  switch (status.error_code()) {
    case grpc::StatusCode::UNAUTHENTICATED: {
      // The session ended (timeout, sign-out elsewhere, restart): forget it here too.
      absl::MutexLock lock(&mu_);
      known_.erase(s.token);
    }
      res.set_header("Set-Cookie", ClearCookie(kSessionCookie));
      res.set_redirect("/signin", 303);
      return;
    case grpc::StatusCode::NOT_FOUND:
      // The very page for a case never created and for one kept from the reader.
      res.status = 404;
      res.set_content(MessagePage(Nav(s), "Not found", "There is nothing here that you may see."), kHtml);
      return;
    case grpc::StatusCode::PERMISSION_DENIED:
      res.status = 403;
      res.set_content(MessagePage(Nav(s), "Not allowed", status.error_message()), kHtml);
      return;
    case grpc::StatusCode::INVALID_ARGUMENT:
      // A link edited by hand (a page token, a filter): casefiled names what is wrong.
      res.status = 400;
      res.set_content(MessagePage(Nav(s), "This link is not right", status.error_message()), kHtml);
      return;
    default:
      res.status = 502;
      res.set_content(MessagePage(Nav(s), "casefiled did not answer", status.error_message()), kHtml);
  }
}

void WebApp::Register(httplib::Server& server) {
  server.set_post_routing_handler([](const httplib::Request&, httplib::Response& res) {
    // Nothing of a case file is kept by the browser or a proxy: after sign-out
    // the back button has nothing to show.
    res.set_header("Cache-Control", "no-store");
    res.set_header("Pragma", "no-cache");
    // A route may set its own policy and framing (a document's page and content).
    if (!res.has_header("Content-Security-Policy")) res.set_header("Content-Security-Policy", kContentSecurityPolicy);
    res.set_header("X-Content-Type-Options", "nosniff");
    if (!res.has_header("X-Frame-Options")) res.set_header("X-Frame-Options", "DENY");
    res.set_header("Referrer-Policy", "no-referrer");
  });
  server.Get("/style.css", [](const httplib::Request& req, httplib::Response& res) {
    const std::string id = req.get_param_value("case");
    res.set_content(PageStyle(id.empty() ? "casefile" : absl::StrCat("Case ", id)), "text/css; charset=utf-8");
  });
  server.Get("/signin", [this](const httplib::Request& req, httplib::Response& res) { SignInForm(req, res, "", 200); });
  server.Post("/signin", [this](const httplib::Request& req, httplib::Response& res) { SignIn(req, res); });
  server.Post("/signout", [this](const httplib::Request& req, httplib::Response& res) { SignOut(req, res); });
  server.Get("/", [this](const httplib::Request& req, httplib::Response& res) { Home(req, res); });
  server.Get("/search", [this](const httplib::Request& req, httplib::Response& res) { Search(req, res); });
  // Before /cases/{id}: routes match in the order they are added.
  server.Get("/cases/new", [this](const httplib::Request& req, httplib::Response& res) { NewCaseForm(req, res); });
  server.Get(R"(/cases/([^/]+))", [this](const httplib::Request& req, httplib::Response& res) { CasePurpose(req, res); });
  server.Post(R"(/cases/([^/]+))", [this](const httplib::Request& req, httplib::Response& res) { CaseFile(req, res); });
  server.Post("/cases", [this](const httplib::Request& req, httplib::Response& res) { OpenCase(req, res); });
  server.Post(R"(/cases/([^/]+)/assign)",
              [this](const httplib::Request& req, httplib::Response& res) { AssignCase(req, res); });
  server.Post(R"(/cases/([^/]+)/entries/new)",
              [this](const httplib::Request& req, httplib::Response& res) { NewEntryForm(req, res); });
  server.Post(R"(/cases/([^/]+)/entries)",
              [this](const httplib::Request& req, httplib::Response& res) { WriteEntry(req, res, ""); });
  server.Get(R"(/cases/([^/]+)/entries/([0-9]{1,18})/correct)",
             [this](const httplib::Request& req, httplib::Response& res) { CorrectionForm(req, res); });
  server.Post(R"(/cases/([^/]+)/entries/([0-9]{1,18})/correct)",
              [this](const httplib::Request& req, httplib::Response& res) { WriteEntry(req, res, req.matches[2]); });
  for (const auto& [word, action] : {std::pair{"restrict", CaseAction::kRestrict}, std::pair{"review", CaseAction::kReview}}) {
    server.Post(absl::StrCat(R"(/cases/([^/]+)/)", word, "/new"),
                [this, action](const httplib::Request& req, httplib::Response& res) { CaseActionForm(req, res, action); });
    server.Post(absl::StrCat(R"(/cases/([^/]+)/)", word),
                [this, action](const httplib::Request& req, httplib::Response& res) { WriteCaseAction(req, res, action); });
  }
  // Supervision (supervision_routes.cc): the form from the case page (POST,
  // with its purpose) or from an entry's or a waiting request's link (GET).
  for (const auto* route : {R"(/cases/([^/]+)/supervision/new)"}) {
    server.Get(route, [this](const httplib::Request& req, httplib::Response& res) { SupervisionForm(req, res); });
    server.Post(route, [this](const httplib::Request& req, httplib::Response& res) { SupervisionForm(req, res); });
  }
  server.Post(R"(/cases/([^/]+)/supervision)",
              [this](const httplib::Request& req, httplib::Response& res) { WriteSupervisionStep(req, res); });
  server.Get("/tasking", [this](const httplib::Request& req, httplib::Response& res) { Tasking(req, res); });
  server.Post("/tasking/held", [this](const httplib::Request& req, httplib::Response& res) { TaskingHeld(req, res); });
  server.Get(R"(/cases/([^/]+)/entries/([0-9]{1,18})/attach)",
             [this](const httplib::Request& req, httplib::Response& res) { AttachForm(req, res); });
  server.Post(R"(/cases/([^/]+)/entries/([0-9]{1,18})/attach)",
              [this](const httplib::Request& req, httplib::Response& res) { AttachDocument(req, res); });
  server.Get(R"(/cases/([^/]+)/entries/([0-9]{1,18})/documents/([0-9]{1,18}))",
             [this](const httplib::Request& req, httplib::Response& res) { DocumentView(req, res); });
  server.Get(R"(/cases/([^/]+)/entries/([0-9]{1,18})/documents/([0-9]{1,18})/download)",
             [this](const httplib::Request& req, httplib::Response& res) { DocumentContent(req, res, false); });
  server.Get(R"(/cases/([^/]+)/entries/([0-9]{1,18})/documents/([0-9]{1,18})/content)",
             [this](const httplib::Request& req, httplib::Response& res) { DocumentContent(req, res, true); });
  server.Get("/attention", [this](const httplib::Request& req, httplib::Response& res) { Attention(req, res); });
  server.Get("/report", [this](const httplib::Request& req, httplib::Response& res) {
    Report(req, res, ReportFormat::kPage);
  });
  server.Get("/report.csv", [this](const httplib::Request& req, httplib::Response& res) {
    Report(req, res, ReportFormat::kCsv);
  });
  server.Get("/report.html", [this](const httplib::Request& req, httplib::Response& res) {
    Report(req, res, ReportFormat::kFile);
  });
  server.Get("/report/cases", [this](const httplib::Request& req, httplib::Response& res) { ReportCases(req, res); });
  server.Get("/review", [this](const httplib::Request& req, httplib::Response& res) { ReviewQueue(req, res); });
  server.Get(R"(/review/([^/]+))", [this](const httplib::Request& req, httplib::Response& res) { ReviewItem(req, res); });
  server.Post(R"(/review/([^/]+))",
              [this](const httplib::Request& req, httplib::Response& res) { DecideReviewItem(req, res); });
  server.Get("/imports", [this](const httplib::Request& req, httplib::Response& res) { Imports(req, res); });
  server.Get(R"(/imports/([^/]+))", [this](const httplib::Request& req, httplib::Response& res) { ImportReport(req, res); });
  server.Get(R"(/imports/([^/]+)/rejected)",
             [this](const httplib::Request& req, httplib::Response& res) { RejectedRecords(req, res); });
  server.Get(R"(/persons/([^/]+))",
             [this](const httplib::Request& req, httplib::Response& res) { PersonPurpose(req, res); });
  server.Post(R"(/persons/([^/]+))",
              [this](const httplib::Request& req, httplib::Response& res) { PersonFile(req, res); });
  server.set_error_handler([this](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;
    res.set_content(MessagePage("", res.status == 404 ? "Not found" : "Error",
                                res.status == 404 ? "There is nothing here that you may see." : "The request was not understood."),
                    kHtml);
  });
}

void WebApp::SignInForm(const httplib::Request& req, httplib::Response& res, const std::string& error, int code,
                        const std::string& kept_html) {
  // The sign-in form's CSRF token is bound to a random cookie of its own.
  const std::string binding = RandomHex32();
  res.set_header("Set-Cookie", SetCookie(kSignInCookie, binding));
  res.status = code;
  res.set_content(SignInPage(form_tokens_.TokenFor(absl::StrCat("signin:", binding)), error, kept_html), kHtml);
}

void WebApp::SignIn(const httplib::Request& req, httplib::Response& res) {
  // A form whose writer was signed out travels through every answer here.
  const std::optional<KeptForm> kept_form = KeptFormFromSignIn(req.params);
  const std::string kept = kept_form.has_value() ? KeptFormHiddenFields(*kept_form) : "";
  const std::string binding = CookieValue(req.get_header_value("Cookie"), kSignInCookie);
  if (binding.empty() || !form_tokens_.Matches(absl::StrCat("signin:", binding), req.get_param_value("csrf")))
    return SignInForm(req, res, "The form had expired; please sign in again.", 403, kept);
  v1::SignInRequest request;
  request.set_user(req.get_param_value("user"));
  request.set_password(req.get_param_value("password"));
  // Only casefile-web's own service token may relay the browser's address.
  if (!service_token_.empty()) request.set_client_address(ClientAddress(req));
  v1::Session session;
  grpc::Status status = v1::SessionService::NewStub(channel_)->SignIn(Context(service_token_).get(), request, &session);
  if (!status.ok()) {
    const int code = status.error_code() == grpc::StatusCode::UNAUTHENTICATED      ? 401
                     : status.error_code() == grpc::StatusCode::RESOURCE_EXHAUSTED ? 429
                                                                                   : 502;
    return SignInForm(req, res, status.error_message(), code, kept);
  }
  Signed signed_in{session.token(), session.display_name(), {session.teams().begin(), session.teams().end()},
                   session.role(), session.user()};
  {
    absl::MutexLock lock(&mu_);
    known_[session.token()] = signed_in;
  }
  res.set_header("Set-Cookie", SetCookie(kSessionCookie, session.token()));
  if (!kept_form.has_value()) return res.set_redirect("/", 303);
  ShowKeptForm(signed_in, *kept_form, res);
}

void WebApp::KeepThroughSignIn(const httplib::Request& req, httplib::Response& res, const Signed& s,
                               const std::string& why) {
  {
    absl::MutexLock lock(&mu_);
    known_.erase(s.token);
  }
  SignInForm(req, res, why, 401, KeptFormHiddenFields(KeptFormOf(req.path, req.params)));
  res.set_header("Set-Cookie", ClearCookie(kSessionCookie));
}

bool WebApp::SignedForm(const httplib::Request& req, httplib::Response& res, Signed& s) {
  s = SessionOf(req);
  if (s.token.empty()) {
    res.set_redirect("/signin", 303);
    return false;
  }
  if (CsrfOk(req, s)) return true;
  res.status = 403;
  res.set_content(MessagePage(Nav(s), "Refused", "The form had expired; reload the page and try again."), kHtml);
  return false;
}

void WebApp::SignOut(const httplib::Request& req, httplib::Response& res) {
  Signed s;
  if (!SignedForm(req, res, s)) return;
  v1::SignOutResponse response;
  // Whatever casefiled answers (a session already ended), the browser forgets it.
  v1::SessionService::NewStub(channel_)->SignOut(Context(s.token).get(), v1::SignOutRequest(), &response);
  {
    absl::MutexLock lock(&mu_);
    known_.erase(s.token);
  }
  res.set_header("Set-Cookie", ClearCookie(kSessionCookie));
  res.set_redirect("/signin", 303);
}

void WebApp::Search(const httplib::Request& req, httplib::Response& res) {
  Signed s = SessionOf(req);
  if (s.token.empty()) return res.set_redirect("/signin", 303);
  const std::string query(absl::StripAsciiWhitespace(req.get_param_value("q")));
  std::vector<SearchHit> hits;
  auto add = [&hits](SearchHit hit) {
    for (const SearchHit& h : hits)
      if (h.case_id == hit.case_id) return;
    hits.push_back(std::move(hit));
  };
  auto cases = v1::CaseService::NewStub(channel_);
  // A case reference ("CF-000001" or "cases/CF-000001").
  std::string id = query.rfind("cases/", 0) == 0 ? query.substr(6) : query;
  if (PlausibleCaseId(id)) {
    v1::GetCaseRequest get;
    get.set_name(absl::StrCat("cases/", id));
    v1::Case c;
    grpc::Status status = cases->GetCase(Context(s.token).get(), get, &c);
    if (status.error_code() == grpc::StatusCode::UNAUTHENTICATED) return Fail(status, s, res);
    if (status.ok()) add({CaseIdOf(c.name()), c.title(), "case reference"});
  }
  // A legacy reference (crime number, paper file).
  if (!query.empty()) {
    v1::ListCasesRequest list;
    list.set_legacy_ref(query);
    v1::ListCasesResponse listed;
    if (cases->ListCases(Context(s.token).get(), list, &listed).ok())
      for (const v1::Case& c : listed.cases()) add({CaseIdOf(c.name()), c.title(), absl::StrCat("legacy reference ", query)});
  }
  // A name with typing slips, nicknames or sound-alikes (SearchPersons
  // matches fuzzily), a date of birth ("01/02/2010", "Feb 2010"), or both;
  // a whole date alone finds everyone born that day. Two dates: no person
  // search, the words may still be a reference.
  auto split = SplitWordsAndDate(query);
  if (split.ok()) {
    const std::string name = absl::StrJoin(split->words, " ");
    const bool whole_date = split->date.has_value() && split->date->precision == TimePrecision::kDay;
    v1::SearchPersonsRequest search;
    search.set_query(name);
    if (split->date.has_value()) *search.mutable_date_of_birth() = ToProto(*split->date);
    search.set_page_size(20);
    v1::SearchPersonsResponse found;
    if ((!name.empty() || whole_date) &&
        v1::PersonService::NewStub(channel_)->SearchPersons(Context(s.token).get(), search, &found).ok()) {
      for (const v1::PersonMatch& m : found.results()) {
        const v1::Person& p = m.person();
        std::string why = absl::StrCat(p.forename(), " ", p.surname());
        if (p.date_of_birth().precision() != v1::PartialTime::PRECISION_UNSPECIFIED)
          absl::StrAppend(&why, " born ", TimeText(p.date_of_birth()));
        for (const std::string& case_name : p.cases()) {
          v1::GetCaseRequest get;
          get.set_name(case_name);
          v1::Case c;
          if (cases->GetCase(Context(s.token).get(), get, &c).ok()) add({CaseIdOf(c.name()), c.title(), why});
        }
      }
    }
    // Then the other cases ListCases finds for the subject: a subject named
    // by the words as written, not (yet) a person of the index.
    if (!name.empty() || whole_date) {
      v1::ListCasesRequest list;
      list.set_subject(name);
      if (split->date.has_value()) *list.mutable_subject_date_of_birth() = ToProto(*split->date);
      v1::ListCasesResponse listed;
      if (cases->ListCases(Context(s.token).get(), list, &listed).ok())
        for (const v1::Case& c : listed.cases()) add({CaseIdOf(c.name()), c.title(), "subject of the case"});
    }
  }
  res.set_content(SearchResultsPage(Nav(s), query, hits), kHtml);
}

void WebApp::CasePurpose(const httplib::Request& req, httplib::Response& res) {
  Signed s = SessionOf(req);
  if (s.token.empty()) return res.set_redirect("/signin", 303);
  const std::string id = req.matches[1];
  if (!PlausibleCaseId(id)) return Fail(grpc::Status(grpc::StatusCode::NOT_FOUND, ""), s, res);
  PurposeForm(s, absl::StrCat("cases/", id), "", 200, res);
}

void WebApp::PurposeForm(const Signed& s, const std::string& case_name, const std::string& error, int code,
                         httplib::Response& res) {
  v1::GetCaseRequest get;
  get.set_name(case_name);
  v1::Case c;
  grpc::Status status = v1::CaseService::NewStub(channel_)->GetCase(Context(s.token).get(), get, &c);
  if (!status.ok()) return Fail(status, s, res);
  res.status = code;
  res.set_content(PurposePage(Nav(s), c, form_tokens_.TokenFor(s.token), error), kHtml);
}

void WebApp::CaseFile(const httplib::Request& req, httplib::Response& res) {
  Signed s;
  if (!SignedForm(req, res, s)) return;
  const std::string id = req.matches[1];
  if (!PlausibleCaseId(id)) return Fail(grpc::Status(grpc::StatusCode::NOT_FOUND, ""), s, res);
  v1::GetCaseFileRequest request;
  request.set_name(absl::StrCat("cases/", id));
  // casefiled decides whether the purpose will do (and records it).
  request.set_purpose(std::string(absl::StripAsciiWhitespace(req.get_param_value("purpose"))));
  // The view asked for: a filter, a page (the newest first), or the whole
  // file; casefiled filters and pages in time order, so the newest page of a
  // long case reads no more than its own entries.
  const ViewFields view_fields = ViewFieldsFromForm([&](const char* name) { return req.get_param_value(name); });
  std::string view_error;
  ChronologyView view = ViewFromFields(view_fields, view_error);
  AskForView(view_fields, view, request);
  auto reading = std::make_shared<CaseFileReading>(Context(s.token));
  reading->reader = v1::CaseService::NewStub(channel_)->GetCaseFile(reading->context.get(), request);
  // Nothing comes before the look is recorded: the first message, or the refusal.
  auto first = std::make_shared<v1::GetCaseFileResponse>();
  if (!reading->reader->Read(first.get())) {
    grpc::Status status = reading->Finish();
    if (status.error_code() == grpc::StatusCode::INVALID_ARGUMENT) {
      // Refused (most often: no purpose given): the form again, with casefiled's words.
      return PurposeForm(s, request.name(), status.error_message(), 400, res);
    }
    return Fail(status.ok() ? grpc::Status(grpc::StatusCode::INTERNAL, "no case file") : status, s, res);
  }
  v1::Case header = first->case_();
  LinkSubjects(s, header);
  CaseFilePageOptions options;
  options.document.stylesheet_href = absl::StrCat(kStylesheetPath, "?case=", id);
  // Writing starts here, carrying the purpose just given (to show the writer
  // what others add meanwhile).
  options.top_html = Nav(s);
  if (s.MayWrite()) {
    options.top_html += CaseWritingButtons(id, form_tokens_.TokenFor(s.token), request.purpose());
    options.top_html += CaseStateButtons(header, form_tokens_.TokenFor(s.token), request.purpose());
  }
  if (s.MayAssign(header))
    options.header_html = AssignFormHtml(form_tokens_.TokenFor(s.token), id, AssignDraftFor(header, RandomHex32()));
  options.reader = s.display_name;
  options.purpose = request.purpose();
  // Each entry lists its documents (read with the same purpose, recorded as ListDocuments).
  auto documents = std::make_shared<const DocumentsByEntry>(CaseDocuments(s, id, request.purpose()));
  options.entry_extra_html = [documents, links = DocumentLinks{id, request.purpose(), s.MayWrite()}](const v1::Entry& e) {
    return EntryDocumentsHtml(e.number(), *documents, links);
  };
  // The whole file with its documents: they follow the chronology (each read recorded with the purpose).
  const bool with_documents = view_fields.whole == kWholeWithDocuments;
  options.body_left_open = with_documents;
  const std::string hidden = absl::StrCat("<input type=\"hidden\" name=\"csrf\" value=\"",
                                          HtmlEscape(form_tokens_.TokenFor(s.token)),
                                          "\"><input type=\"hidden\" name=\"purpose\" value=\"",
                                          HtmlEscape(request.purpose()), "\">");
  options.view_html = ViewFormHtml(id, hidden, view_fields, view_error, ViewPeople(header));
  options.view.page_size = view.page_size;
  options.view.page = first->page();
  options.view.total = first->total_size();
  options.view.page_link = [id, hidden, view_fields](int page, const std::string& label) {
    return PageButtonHtml(id, hidden, view_fields, page, label);
  };
  auto page = std::make_shared<CaseFilePageStream>(header, std::move(options), s.MayWrite() ? id : "");
  // The page goes out as the stream arrives: each chunk's entries rendered
  // and written at once (in writes of at least 64 KiB, but never held past
  // the chunk), never the whole page joined.
  auto appendix = [this, token = s.token, purpose = request.purpose(), documents,
                   with_documents](const std::vector<int64_t>& shown, httplib::DataSink& sink) {
    if (!with_documents) return true;
    const grpc::Status status = WriteDocumentAppendix(
        *v1::DocumentService::NewStub(channel_), [this, &token] { return Context(token); },
        DocumentsOfEntries(*documents, shown), purpose,
        [&sink](absl::string_view html) { return sink.write(html.data(), html.size()); });
    if (status.error_code() == grpc::StatusCode::CANCELLED) return false;  // the browser went
    const std::string end = absl::StrCat(
        status.ok() ? "" : absl::StrCat("<p class=\"error\" role=\"alert\">The documents could not all be read: ",
                                        HtmlEscape(status.error_message()), "</p>"),
        kHtmlDocumentEnd);
    return sink.write(end.data(), end.size());
  };
  res.set_chunked_content_provider(kHtml, [reading, first, page, appendix](size_t, httplib::DataSink& sink) {
    std::string out = page->Head();
    std::vector<int64_t> shown;  // the entries on the page, whose documents may follow
    v1::GetCaseFileResponse& chunk = *first;
    do {
      for (const v1::Entry& e : chunk.entries()) {
        shown.push_back(e.number());
        out += page->Add(e);
        if (out.size() >= (64 << 10)) {
          if (!sink.write(out.data(), out.size())) return false;
          out.clear();
        }
      }
      if (!out.empty() && !sink.write(out.data(), out.size())) return false;
      out.clear();
    } while (reading->reader->Read(&chunk));
    const grpc::Status status = reading->Finish();
    out = page->Tail(status.ok() ? "" : status.error_message());
    if (!sink.write(out.data(), out.size()) || !appendix(shown, sink)) return false;
    sink.done();
    return true;
  });
}

void WebApp::LinkSubjects(const Signed& s, v1::Case& c) {
  auto stub = v1::PersonService::NewStub(channel_);
  for (v1::Subject& subject : *c.mutable_subjects()) {
    if (!subject.person().empty() || subject.forename().empty() || subject.surname().empty() ||
        subject.date_of_birth().precision() != v1::PartialTime::PRECISION_DAY)
      continue;
    v1::SearchPersonsRequest request;
    request.set_query(absl::StrCat(subject.forename(), " ", subject.surname()));
    *request.mutable_date_of_birth() = subject.date_of_birth();
    v1::SearchPersonsResponse found;
    if (!stub->SearchPersons(Context(s.token).get(), request, &found).ok()) continue;  // the column stays empty
    std::string person;
    for (const v1::PersonMatch& m : found.results()) {
      const v1::Person& p = m.person();
      const v1::PartialTime& a = p.date_of_birth();
      const v1::PartialTime& b = subject.date_of_birth();
      if (std::find(p.cases().begin(), p.cases().end(), c.name()) == p.cases().end() ||
          !absl::EqualsIgnoreCase(p.forename(), subject.forename()) ||
          !absl::EqualsIgnoreCase(p.surname(), subject.surname()) || a.precision() != b.precision() ||
          a.year() != b.year() || a.month() != b.month() || a.day() != b.day())
        continue;
      if (!person.empty()) {  // two would do: link neither
        person.clear();
        break;
      }
      person = p.name();
    }
    subject.set_person(person);
  }
}

void WebApp::Attention(const httplib::Request& req, httplib::Response& res) {
  Signed s = SessionOf(req);
  if (s.token.empty()) return res.set_redirect("/signin", 303);
  std::vector<AttentionSection> sections;
  grpc::Status status = AttentionSections(s, sections);
  if (!status.ok()) return Fail(status, s, res);
  res.set_content(AttentionPage(Nav(s), sections), kHtml);
}

grpc::Status WebApp::AttentionSections(const Signed& s, std::vector<AttentionSection>& sections) {
  auto stub = v1::AttentionService::NewStub(channel_);
  std::vector<std::string> teams = s.teams;
  if (teams.empty()) teams.push_back("");  // no team known: every item the user may see
  for (int list = 1; v1::AttentionList_IsValid(list); ++list) {
    AttentionSection section;
    section.list_name = EnumWord(v1::AttentionList_Name(static_cast<v1::AttentionList>(list)), "ATTENTION_LIST_");
    for (const std::string& team : teams) {
      v1::ListAttentionItemsRequest request;
      request.set_list(static_cast<v1::AttentionList>(list));
      request.set_team(team);
      request.set_page_size(200);
      v1::ListAttentionItemsResponse response;
      grpc::Status status = stub->ListAttentionItems(Context(s.token).get(), request, &response);
      if (!status.ok()) return status;
      for (v1::AttentionItem& item : *response.mutable_items()) {
        const bool seen = std::any_of(section.items.begin(), section.items.end(), [&](const v1::AttentionItem& i) {
          return i.entry() == item.entry() && i.action() == item.action();
        });
        if (!seen) section.items.push_back(std::move(item));
      }
    }
    sections.push_back(std::move(section));
  }
  return grpc::Status::OK;
}

void WebApp::PersonPurpose(const httplib::Request& req, httplib::Response& res) {
  Signed s = SessionOf(req);
  if (s.token.empty()) return res.set_redirect("/signin", 303);
  const std::string id = req.matches[1];
  if (!PlausiblePersonId(id)) return Fail(grpc::Status(grpc::StatusCode::NOT_FOUND, ""), s, res);
  PersonPurposeForm(s, absl::StrCat("persons/", id), "", 200, res);
}

void WebApp::PersonPurposeForm(const Signed& s, const std::string& person_name, const std::string& error, int code,
                               httplib::Response& res) {
  v1::GetPersonRequest get;
  get.set_name(person_name);
  v1::Person p;
  grpc::Status status = v1::PersonService::NewStub(channel_)->GetPerson(Context(s.token).get(), get, &p);
  if (!status.ok()) return Fail(status, s, res);
  res.status = code;
  res.set_content(PersonPurposePage(Nav(s), p, form_tokens_.TokenFor(s.token), error), kHtml);
}

void WebApp::PersonFile(const httplib::Request& req, httplib::Response& res) {
  Signed s;
  if (!SignedForm(req, res, s)) return;
  const std::string id = req.matches[1];
  if (!PlausiblePersonId(id)) return Fail(grpc::Status(grpc::StatusCode::NOT_FOUND, ""), s, res);
  v1::GetPersonFileRequest request;
  request.set_name(absl::StrCat("persons/", id));
  // casefiled decides whether the purpose will do (and records it).
  request.set_purpose(std::string(absl::StripAsciiWhitespace(req.get_param_value("purpose"))));
  v1::PersonFile file;
  grpc::Status status = v1::PersonService::NewStub(channel_)->GetPersonFile(Context(s.token).get(), request, &file);
  if (status.error_code() == grpc::StatusCode::INVALID_ARGUMENT)
    return PersonPurposeForm(s, request.name(), status.error_message(), 400, res);
  if (!status.ok()) return Fail(status, s, res);
  res.set_content(PersonFilePage(Nav(s), file, s.display_name, request.purpose()), kHtml);
}

}  // namespace casefile::web
