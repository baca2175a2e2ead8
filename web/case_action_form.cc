#include "web/case_action_form.h"

#include <algorithm>
#include <tuple>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "web/entry_form.h"
#include "web/html_escape.h"
#include "web/site_pages.h"

namespace casefile::web {
namespace {

bool Restricting(const CaseActionDraft& d) { return d.action == CaseAction::kRestrict; }

// "/cases/X/restrict" or "/cases/X/review", with "/new" for the form.
std::string ActionPath(const std::string& case_id, CaseAction action) {
  return absl::StrCat("/cases/", case_id, action == CaseAction::kRestrict ? "/restrict" : "/review");
}

// Who the case is kept to, in words (escaped).
std::string RestrictionWords(const v1::Case& c) {
  if (!c.has_restriction()) return "Not restricted: everyone who reads cases may know of it.";
  std::vector<std::string> named;
  for (const std::string& t : c.restriction().teams()) named.push_back(absl::StrCat("team ", HtmlEscape(t)));
  for (const std::string& u : c.restriction().users()) named.push_back(absl::StrCat("user ", HtmlEscape(u)));
  return absl::StrCat("Kept to ", absl::StrJoin(named, ", "), ".");
}

std::string ReviewWords(const v1::Case& c) {
  std::string out = absl::StrCat("Next review due ", HtmlEscape(c.next_review_date()), ".");
  if (c.has_last_review()) {
    absl::StrAppend(&out, " Last reviewed by ", HtmlEscape(c.last_review().reviewer()), ": ",
                    c.last_review().decision() == v1::RetentionReview::DECISION_DISPOSE ? "dispose" : "retain", ".");
  }
  return out;
}

std::string RestrictFields(const CaseActionContext& c, const CaseActionDraft& d) {
  std::string out = "<fieldset class=\"checkboxes\" aria-describedby=\"teams-hint\"><legend>Keep it to these teams"
                    "</legend><p class=\"hint\" id=\"teams-hint\">Only the teams ticked and the users named below may "
                    "know of the case (admins apart). You must stay among them.</p>";
  for (size_t i = 0; i < c.offered_teams.size(); ++i) {
    const std::string& team = c.offered_teams[i];
    const bool ticked = std::find(d.teams.begin(), d.teams.end(), team) != d.teams.end();
    // The id by position (a team's name need not make a good id); the name by team.
    const std::string id = i == 0 ? "teams" : absl::StrCat("teams-", i + 1);
    absl::StrAppend(&out, "<div class=\"radio\"><input type=\"checkbox\" id=\"", id, "\" name=\"team-",
                    HtmlEscape(team), "\" value=\"1\"", ticked ? " checked" : "", "><label for=\"", id, "\">",
                    HtmlEscape(team), "</label></div>");
  }
  return out + absl::StrCat("</fieldset>", TextInput(c.errors, "users", "And these users (optional)", d.users,
                                                     "User ids, separated by commas, like dc4471"));
}

std::string ReviewFields(const CaseActionContext& c, const CaseActionDraft& d) {
  return absl::StrCat(
      Radios(c.errors, "decision", "What is decided?",
             {{"retain", "Retain the case until its next review"},
              {"dispose", "Dispose of it (an admin then erases it)"}},
             d.decision),
      DateInput(c.errors, "next", "Next review date (to retain)", "The day, after today, like 3 12 2027.", d.next,
                false));
}

}  // namespace

std::vector<std::string> OfferedTeams(const std::vector<std::string>& writers_teams, const v1::Case& c) {
  std::vector<std::string> offered = writers_teams;
  for (const std::string& t : c.restriction().teams()) {
    if (std::find(offered.begin(), offered.end(), t) == offered.end()) offered.push_back(t);
  }
  return offered;
}

CaseActionDraft CaseActionDraftFromForm(CaseAction action, absl::FunctionRef<std::string(const std::string&)> param,
                                        const std::vector<std::string>& offered) {
  CaseActionDraft d;
  d.action = action;
  for (const std::string& team : offered) {
    if (!param(absl::StrCat("team-", team)).empty()) d.teams.push_back(team);
  }
  d.users = param("users");
  d.decision = param("decision");
  d.next = {param("next-day"), param("next-month"), param("next-year"), ""};
  d.reason = param("reason");
  d.request_id = param("request_id");
  d.seen_version = param("seen_version");
  d.purpose = param("purpose");
  return d;
}

CaseActionDraft NewCaseActionDraft(CaseAction action, const v1::Case& c) {
  CaseActionDraft d;
  d.action = action;
  d.teams.assign(c.restriction().teams().begin(), c.restriction().teams().end());
  d.users = absl::StrJoin(c.restriction().users(), ", ");
  d.seen_version = absl::StrCat(c.version());
  return d;
}

std::vector<FieldError> DraftToRestriction(const CaseActionDraft& d, const std::string& case_id,
                                           v1::SetCaseRestrictionRequest& request) {
  std::vector<FieldError> errors;
  request.Clear();
  request.set_name(absl::StrCat("cases/", case_id));
  v1::CaseRestriction& r = *request.mutable_restriction();
  for (const std::string& team : d.teams) r.add_teams(team);
  for (absl::string_view user : absl::StrSplit(d.users, absl::ByAnyChar(", "), absl::SkipWhitespace()))
    r.add_users(std::string(user));
  if (r.teams().empty() && r.users().empty())
    errors.push_back({"teams", "Tick a team or name a user to keep the case to"});
  request.set_reason(Trimmed(d.reason));
  if (request.reason().empty()) errors.push_back({"reason", "Enter why the case is restricted"});
  return errors;
}

std::vector<FieldError> DraftToReview(const CaseActionDraft& d, const std::string& case_id,
                                      v1::ReviewCaseRequest& request) {
  std::vector<FieldError> errors;
  request.Clear();
  request.set_name(absl::StrCat("cases/", case_id));
  if (d.decision == "retain") {
    request.set_decision(v1::RetentionReview::DECISION_RETAIN);
    v1::PartialTime next;
    errors = ReadDateParts(d.next, "next", "Enter the next review date", next);
    if (errors.empty() && next.precision() != v1::PartialTime::PRECISION_DAY)
      errors.push_back({"next-day", "Enter the day of the next review"});
    if (errors.empty())
      request.set_next_review_date(absl::StrFormat("%04d-%02d-%02d", next.year(), next.month(), next.day()));
  } else if (d.decision == "dispose") {
    request.set_decision(v1::RetentionReview::DECISION_DISPOSE);
  } else {
    errors.push_back({"decision", "Choose whether the case is retained or disposed of"});
  }
  request.set_reason(Trimmed(d.reason));
  if (request.reason().empty()) errors.push_back({"reason", "Enter why"});
  request.set_request_id(d.request_id);
  return errors;
}

FieldError CaseActionServerError(CaseAction action, const std::string& message) {
  static const std::pair<const char*, const char*> kFields[] = {
      {"reason", "reason"}, {"decision", "decision"}, {"next_review_date", "next-day"}, {"restriction.users", "users"},
      {"restriction.teams", "teams"}, {"restriction", "users"}};
  for (const auto& [prefix, field] : kFields) {
    if (message.rfind(prefix, 0) == 0) return {field, message};
  }
  return {action == CaseAction::kRestrict ? "teams" : "", message};
}

std::string CaseActionPage(const CaseActionContext& c, const CaseActionDraft& d) {
  const std::string heading = Restricting(d) ? absl::StrCat("Restrict ", c.case_id)
                                             : absl::StrCat("Review ", c.case_id, " for retention");
  std::string body = absl::StrCat(c.nav, ErrorSummary(c.errors), "<h1>", HtmlEscape(heading), "</h1><p class=\"muted\">",
                                  HtmlEscape(c.case_header.title()), "</p><p id=\"now\">",
                                  Restricting(d) ? RestrictionWords(c.case_header) : ReviewWords(c.case_header), "</p>");
  if (!c.notice.empty()) absl::StrAppend(&body, "<p class=\"notice\" id=\"notice\">", HtmlEscape(c.notice), "</p>");
  body += WrittenMeanwhileHtml(c.written_meanwhile);
  absl::StrAppend(&body, "<form class=\"stack\" method=\"post\" action=\"", HtmlEscape(ActionPath(c.case_id, d.action)),
                  "\" novalidate>", Hidden("csrf", c.csrf), Hidden("request_id", d.request_id),
                  Hidden("seen_version", d.seen_version), Hidden("purpose", d.purpose),
                  Restricting(d) ? RestrictFields(c, d) : ReviewFields(c, d),
                  TextArea(c.errors, "reason", Restricting(d) ? "Why is it restricted?" : "Why?", d.reason, 3),
                  "<p><button type=\"submit\" id=\"save-action\">",
                  Restricting(d) ? "Restrict the case" : "Record the review", "</button></p></form>");
  return SitePage(absl::StrCat(c.errors.empty() ? "" : "Error: ", heading, " — casefile"), body);
}

std::string CaseActionDonePage(const std::string& nav, const std::string& csrf, const std::string& purpose,
                               CaseAction action, const v1::Case& after) {
  const std::string id = CaseIdOf(after.name());
  const std::string heading = action == CaseAction::kRestrict ? absl::StrCat(id, " is restricted")
                                                              : absl::StrCat("The review of ", id, " is recorded");
  return SitePage(
      absl::StrCat(heading, " — casefile"),
      absl::StrCat(nav, "<div class=\"panel\" id=\"done\"><h1>", HtmlEscape(heading), "</h1><p>",
                   action == CaseAction::kRestrict ? RestrictionWords(after) : ReviewWords(after),
                   "</p></div><form method=\"post\" action=\"/cases/", HtmlEscape(id), "\">", Hidden("csrf", csrf),
                   Hidden("purpose", purpose),
                   "<button type=\"submit\" id=\"back-to-case\">Back to the case file</button></form>"));
}

std::string CaseWritingButtons(const std::string& case_id, const std::string& csrf, const std::string& purpose) {
  std::string out = "<div class=\"actions no-print\">";
  const std::string hidden = absl::StrCat(Hidden("csrf", csrf), Hidden("purpose", purpose));
  for (const auto& [path, id, label] :
       {std::tuple{absl::StrCat("/cases/", case_id, "/entries/new"), "add-entry-start", "Add an entry"},
        std::tuple{ActionPath(case_id, CaseAction::kRestrict) + "/new", "restrict-start", "Restrict this case"},
        std::tuple{ActionPath(case_id, CaseAction::kReview) + "/new", "review-start", "Review for retention"}}) {
    absl::StrAppend(&out, "<form method=\"post\" action=\"", HtmlEscape(path), "\">", hidden, "<button type=\"submit\" id=\"",
                    id, "\">", label, "</button></form>");
  }
  return out + "</div>";
}

}  // namespace casefile::web
