// WebApp: the routes of casefile-web. Each page is a few gRPC calls to
// casefiled made with the signed-in person's session token, so that every
// rule of access, purpose, need to know and audit is casefiled's; this
// front end adds only the browser's defences (cookies, CSRF tokens, no-store,
// Content-Security-Policy) and the HTML.
//
// Thread-safe: httplib calls the handlers from its worker threads.
#ifndef CASEFILE_WEB_SERVER_WEB_APP_H_
#define CASEFILE_WEB_SERVER_WEB_APP_H_

#include <httplib.h>

#include <memory>
#include <string>

#include <grpcpp/grpcpp.h>

#include "absl/container/flat_hash_map.h"
#include "absl/synchronization/mutex.h"
#include "casefile/v1/case.pb.h"
#include "web/case_action_form.h"
#include "web/document_html.h"
#include "web/entry_form.h"
#include "web/form_token.h"
#include "web/kept_form.h"
#include "web/review_pages.h"
#include "web/server/web_responses.h"
#include "web/site_pages.h"
#include "web/supervision_form.h"

namespace casefile::web {

class WebApp {
 public:
  // `service_token`: casefile-web's own token (a user casefiled lists in
  // --trusted_frontend_users), used only to relay the browser's address with
  // SignIn; empty: SignIn is sent without an address.
  // `behind_proxy`: requests come through a reverse proxy on this machine
  // (nginx, BUILD.md "Deployment"), which sets X-Forwarded-For to the
  // browser's address; that address is relayed, and only from a loopback peer.
  WebApp(std::shared_ptr<grpc::Channel> channel, std::string service_token, bool behind_proxy = false);

  // Adds the routes and the headers every response carries.
  void Register(httplib::Server& server);

  // The largest document the attach form offers to take (casefile-web's
  // --document_max_mb, casefiled's own); before Register.
  void set_document_max_bytes(int64_t bytes) { document_max_bytes_ = bytes; }

 private:
  struct Signed {
    std::string token;         // the casefiled session token ("" when not signed in)
    std::string display_name;  // as SignIn gave it, while this process knows it
    std::vector<std::string> teams;
    std::string role;  // as SignIn gave it; "" when this process does not know
    std::string user;  // the user id, as SignIn gave it; "" when this process does not know
    // Whether to offer writing (casefiled decides; this only hides what would
    // be refused): investigators and admins, or a role not known here.
    bool MayWrite() const { return role.empty() || role == "investigator" || role == "admin" || role == "supervisor"; }
    // Whether to offer supervision (approvals, tasking): supervisors and admins.
    bool MaySupervise() const { return role == "supervisor" || role == "admin"; }
    // Whether to offer the review queue and the imports: operators and admins.
    bool MayOperate() const { return role == "operator" || role == "admin"; }
    // Whether to offer assigning `c`: admins, and writers of its team (or
    // whose teams are not known here).
    bool MayAssign(const v1::Case& c) const;
  };
  Signed SessionOf(const httplib::Request& req);
  // The browser's address: the peer's, or behind the proxy the one it forwards.
  std::string ClientAddress(const httplib::Request& req) const;
  std::string Nav(const Signed& s) const;
  std::unique_ptr<grpc::ClientContext> Context(const std::string& token) const;
  // Maps a failed call to a page: UNAUTHENTICATED to the sign-in page,
  // NOT_FOUND to a plain not found, others to a message.
  void Fail(const grpc::Status& status, const Signed& s, httplib::Response& res);
  bool CsrfOk(const httplib::Request& req, const Signed& s) const;
  // A form POST's session (into `s`) and CSRF token: false once it has
  // answered (to sign-in without a session, 403 for an expired form).
  bool SignedForm(const httplib::Request& req, httplib::Response& res, Signed& s);

  // `kept_html`: hidden fields of an unsent form carried through sign-in.
  void SignInForm(const httplib::Request& req, httplib::Response& res, const std::string& error, int code,
                  const std::string& kept_html = "");
  void SignIn(const httplib::Request& req, httplib::Response& res);
  // A write whose session has ended (none here, or casefiled says so): the
  // sign-in page, carrying the form as it was sent (web/kept_form.h).
  void KeepThroughSignIn(const httplib::Request& req, httplib::Response& res, const Signed& s,
                         const std::string& why = "Your session has ended; sign in again.");
  // After signing in again (kept_forms.cc): the kept form shown back as
  // typed, ready to send; nothing is written without the writer.
  void ShowKeptForm(const Signed& s, const KeptForm& form, httplib::Response& res);
  void SignOut(const httplib::Request& req, httplib::Response& res);
  void Search(const httplib::Request& req, httplib::Response& res);
  void CasePurpose(const httplib::Request& req, httplib::Response& res);
  // The purpose form for `case_name` ("cases/{case}"), with `error` (casefiled's
  // refusal of the last purpose) when not empty, answered with `code`.
  void PurposeForm(const Signed& s, const std::string& case_name, const std::string& error, int code,
                   httplib::Response& res);
  void CaseFile(const httplib::Request& req, httplib::Response& res);
  // Fills the `person` of each subject of `c` that has none with the person
  // of the index that the reader may know, is linked to this case, and has
  // exactly the subject's name and date of birth (SearchPersons), so that the
  // case page's Person column links to the person page. Until live writes
  // resolve subjects (issue 18 part 1), casefiled leaves `person` empty.
  void LinkSubjects(const Signed& s, v1::Case& c);
  void Attention(const httplib::Request& req, httplib::Response& res);
  // The attention lists for the user's teams, each item once (/attention, /).
  grpc::Status AttentionSections(const Signed& s, std::vector<AttentionSection>& sections);
  // GET / (home_route.cc): the user's cases, their teams', attention, search.
  void Home(const httplib::Request& req, httplib::Response& res);
  // POST /cases/{id}/assign (case_assigning.cc): AssignCase from the case
  // page's form; a refusal shows the form again as typed.
  void AssignCase(const httplib::Request& req, httplib::Response& res);
  // Writing (entry_writing.cc): POST /cases/{id}/entries/new shows the form,
  // POST /cases/{id}/entries writes the entry; EntryForm draws the form with
  // `draft` as typed.
  void NewEntryForm(const httplib::Request& req, httplib::Response& res);
  // POST /cases/{id}/entries, and /cases/{id}/entries/{n}/correct for a
  // correction (`correcting` the n of the path, else "").
  void WriteEntry(const httplib::Request& req, httplib::Response& res, const std::string& correcting);
  // GET /cases/new: the "open a case" form; POST /cases: CreateCase.
  void NewCaseForm(const httplib::Request& req, httplib::Response& res);
  void OpenCase(const httplib::Request& req, httplib::Response& res);
  // GET /cases/{id}/entries/{n}/correct: the correction form, with the entry as it stands.
  void CorrectionForm(const httplib::Request& req, httplib::Response& res);
  void EntryForm(const Signed& s, const std::string& case_id, const EntryDraft& draft, EntryFormContext context,
                 int code, httplib::Response& res);
  // Entries of the case after `version` (read with the writer's `purpose`):
  // what someone else wrote while a write's form was open (ABORTED).
  grpc::Status EntriesAfter(const Signed& s, const std::string& case_id, int64_t version, const std::string& purpose,
                            std::vector<v1::Entry>& out);
  // Restrict and review (case_actions.cc): POST /cases/{id}/restrict/new and
  // /review/new show the form, POST /cases/{id}/restrict and /review write.
  void CaseActionForm(const httplib::Request& req, httplib::Response& res, CaseAction action);
  void WriteCaseAction(const httplib::Request& req, httplib::Response& res, CaseAction action);
  // The case as it stands (GetCase) and what both forms show with it.
  grpc::Status CaseActionContextOf(const Signed& s, const std::string& case_id, CaseActionContext& context);
  // Supervision (supervision_routes.cc): GET or POST
  // /cases/{id}/supervision/new?step=ask|decide|close|reopen[&entry=N] shows
  // the form, POST /cases/{id}/supervision writes the step.
  void SupervisionForm(const httplib::Request& req, httplib::Response& res);
  void WriteSupervisionStep(const httplib::Request& req, httplib::Response& res);
  // The supervision form for `draft` under the case as it stands (its version
  // as seen when the draft has none), `notice` above it when not empty.
  void SupervisionFormWithCase(const Signed& s, const std::string& case_id, SupervisionDraft draft,
                               const std::string& notice, httplib::Response& res);
  // GET /tasking?team=T[&since=YYYY-MM-DD][&quiet=N] (tasking_route.cc): the
  // team's agenda; POST /tasking/held marks the meeting held.
  void Tasking(const httplib::Request& req, httplib::Response& res);
  void TaskingHeld(const httplib::Request& req, httplib::Response& res);
  // GET /persons/{id}: the purpose form; POST: the person's file.
  void PersonPurpose(const httplib::Request& req, httplib::Response& res);
  void PersonPurposeForm(const Signed& s, const std::string& person_name, const std::string& error, int code,
                         httplib::Response& res);
  void PersonFile(const httplib::Request& req, httplib::Response& res);
  // Documents (document_routes.cc): GET /cases/{id}/entries/{n}/attach the
  // form, POST it (multipart) to AttachDocument; GET
  // /cases/{id}/entries/{n}/documents/{k} the purpose form or, with
  // ?purpose=, the document's page; .../download and .../content its bytes
  // (attachment; inline only for the page's sandboxed frame).
  void AttachForm(const httplib::Request& req, httplib::Response& res);
  void AttachDocument(const httplib::Request& req, httplib::Response& res);
  void DocumentView(const httplib::Request& req, httplib::Response& res);
  void DocumentContent(const httplib::Request& req, httplib::Response& res, bool inline_view);
  // The case's documents (ListDocuments with the reader's purpose); none when refused.
  DocumentsByEntry CaseDocuments(const Signed& s, const std::string& case_id, const std::string& purpose);
  // The inspection report (report_route.cc): GET /report as a page (the
  // form alone until a period is given), /report.csv, /report.html (one
  // printable file); GET /report/cases, the cases behind a figure.
  enum class ReportFormat { kPage, kCsv, kFile };
  void Report(const httplib::Request& req, httplib::Response& res, ReportFormat format);
  void ReportCases(const httplib::Request& req, httplib::Response& res);
  // The review queue (review_routes.cc): GET /review lists the items waiting
  // (?all=1 decided too), GET /review/{item} shows one with its decision
  // form, POST /review/{item} decides it and moves on to the next item.
  void ReviewQueue(const httplib::Request& req, httplib::Response& res);
  void ReviewItem(const httplib::Request& req, httplib::Response& res);
  void DecideReviewItem(const httplib::Request& req, httplib::Response& res);
  // The item's page for `draft` as the item stands now (GetReviewItem).
  void ReviewItemWithDraft(const Signed& s, const std::string& item_id, ReviewItemPageContext context,
                           const ReviewDraft& draft, int code, httplib::Response& res);
  // Imports (import_routes.cc): GET /imports, /imports/{id} (the report),
  // /imports/{id}/rejected (its rejected records, ?page=).
  void Imports(const httplib::Request& req, httplib::Response& res);
  void ImportReport(const httplib::Request& req, httplib::Response& res);
  void RejectedRecords(const httplib::Request& req, httplib::Response& res);

  std::shared_ptr<grpc::Channel> channel_;
  std::string service_token_;
  bool behind_proxy_;
  int64_t document_max_bytes_ = kMaxUploadBytes;
  FormTokens form_tokens_;
  absl::Mutex mu_;
  // Display name and teams per session token, for the page header and the
  // attention lists; forgotten at sign-out (and lost on restart: the pages
  // then show the user id-less header, casefiled still decides everything).
  absl::flat_hash_map<std::string, Signed> known_ ABSL_GUARDED_BY(mu_);
};

}  // namespace casefile::web

#endif  // CASEFILE_WEB_SERVER_WEB_APP_H_
