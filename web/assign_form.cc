#include "web/assign_form.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "web/case_file_page.h"
#include "web/entry_form.h"
#include "web/form_html.h"
#include "web/html_escape.h"
#include "web/site_pages.h"

namespace casefile::web {
namespace {

std::string AssignForm(const std::string& csrf, const std::string& case_id, const std::vector<FieldError>& errors,
                       const AssignDraft& d) {
  return absl::StrCat("<form class=\"stack\" method=\"post\" action=\"/cases/", HtmlEscape(case_id),
                      "/assign\" novalidate>", Hidden("csrf", csrf), Hidden("request_id", d.request_id),
                      Hidden("seen_version", d.seen_version),
                      TextInput(errors, "assign-owner", "Owner", d.owner,
                                "The user id of the investigator it is to be with"),
                      TextInput(errors, "assign-team", "Team", d.team, "Like cait; leave it as it is to keep the team"),
                      TextInput(errors, "assign-reason", "Why is it assigned?", d.reason),
                      "<p><button type=\"submit\" id=\"assign\">Assign</button></p></form>");
}

}  // namespace

AssignDraft AssignDraftFromForm(absl::FunctionRef<std::string(const std::string&)> param) {
  return AssignDraft{param("assign-owner"), param("assign-team"), param("assign-reason"), param("request_id"),
                     param("seen_version")};
}

AssignDraft AssignDraftFor(const v1::Case& c, std::string request_id) {
  return AssignDraft{c.owner(), c.team(), "", std::move(request_id), absl::StrCat(c.version())};
}

std::vector<FieldError> DraftToAssignment(const AssignDraft& d, const std::string& case_id,
                                          v1::AssignCaseRequest& request) {
  std::vector<FieldError> errors;
  request.Clear();
  request.set_name(absl::StrCat("cases/", case_id));
  request.set_owner(Trimmed(d.owner));
  request.set_team(Trimmed(d.team));
  request.set_reason(Trimmed(d.reason));
  request.set_request_id(d.request_id);
  if (request.owner().empty() && request.team().empty())
    errors.push_back({"assign-owner", "Enter who the case is to be with, or its team"});
  if (request.reason().empty()) errors.push_back({"assign-reason", "Enter why the case is assigned"});
  int64_t seen = 0;
  if (absl::SimpleAtoi(d.seen_version, &seen) && seen >= 0) request.set_expected_version(seen);
  return errors;
}

FieldError AssignErrorOf(const std::string& message) {
  for (const char* field : {"owner", "team", "reason"}) {
    if (absl::StartsWith(message, absl::StrCat(field, ":"))) return {absl::StrCat("assign-", field), message};
  }
  return {"", message};
}

std::string AssignFormHtml(const std::string& csrf, const std::string& case_id, const AssignDraft& d) {
  return absl::StrCat("<details class=\"assign no-print\"><summary>Assign this case</summary>",
                      AssignForm(csrf, case_id, {}, d), "</details>");
}

std::string AssignFormPage(const std::string& nav, const std::string& csrf, const v1::Case& c,
                           const std::vector<FieldError>& errors, const AssignDraft& d, const std::string& notice,
                           const std::vector<v1::Entry>& written_meanwhile) {
  const std::string id = CaseIdOf(c.name());
  return SitePage(
      absl::StrCat(errors.empty() ? "" : "Error: ", "Assign ", id, " — casefile"),
      absl::StrCat(nav, ErrorSummary(errors), "<h1>Assign case ", HtmlEscape(id), "</h1><p>", HtmlEscape(c.title()),
                   "<br>Now with ", OwnerAndTeamHtml(c), "</p>",
                   notice.empty() ? "" : absl::StrCat("<p class=\"notice\" id=\"notice\">", HtmlEscape(notice), "</p>"),
                   WrittenMeanwhileHtml(written_meanwhile), AssignForm(csrf, id, errors, d), "<p><a href=\"/cases/", HtmlEscape(id),
                   "\">Back to the case</a></p>"));
}

std::string CaseAssignedPage(const std::string& nav, const v1::Case& c) {
  const std::string id = CaseIdOf(c.name());
  return SitePage(absl::StrCat(id, " assigned — casefile"),
                  absl::StrCat(nav, "<div class=\"panel\" id=\"assigned\"><h1>Case ", HtmlEscape(id),
                               " is assigned</h1><p>", HtmlEscape(c.title()), "<br>Now with ", OwnerAndTeamHtml(c),
                               "</p></div><p><a href=\"/cases/", HtmlEscape(id), "\">Show the case file</a></p>"));
}

}  // namespace casefile::web
