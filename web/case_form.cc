#include "web/case_form.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "core/time/partial_time.h"
#include "core/time/partial_time_proto.h"
#include "web/html_escape.h"
#include "web/site_pages.h"

namespace casefile::web {
namespace {

std::string SubjectId(int row, const char* part) { return absl::StrCat("subject-", row + 1, "-", part); }

bool RowUsed(const SubjectDraft& s) {
  return !Trimmed(s.forename).empty() || !Trimmed(s.surname).empty() || !Trimmed(s.born.day).empty() ||
         !Trimmed(s.born.month).empty() || !Trimmed(s.born.year).empty();
}

}  // namespace

CaseDraft CaseDraftFromForm(absl::FunctionRef<std::string(const std::string&)> param,
                            const std::vector<std::string>& offered) {
  CaseDraft d;
  d.title = param("title");
  d.refs = param("refs");
  d.request_id = param("request_id");
  for (int i = 0; i < kSubjectRows; ++i) {
    SubjectDraft& s = d.subjects[i];
    s.forename = param(SubjectId(i, "forename"));
    s.surname = param(SubjectId(i, "surname"));
    s.born = {param(SubjectId(i, "born-day")), param(SubjectId(i, "born-month")), param(SubjectId(i, "born-year")), ""};
  }
  for (size_t i = 0; i < offered.size(); ++i) {
    if (!param(absl::StrCat("team-", i)).empty()) d.teams.push_back(offered[i]);
  }
  return d;
}

std::vector<FieldError> DraftToCase(const CaseDraft& d, v1::CreateCaseRequest& request) {
  std::vector<FieldError> errors;
  request.Clear();
  v1::Case& c = *request.mutable_case_();
  c.set_title(Trimmed(d.title));
  if (c.title().empty()) errors.push_back({"title", "Enter what the case is about, like the child's name"});
  for (absl::string_view ref : absl::StrSplit(d.refs, ',', absl::SkipWhitespace())) {
    c.add_legacy_refs(std::string(absl::StripAsciiWhitespace(ref)));
  }
  for (int i = 0; i < kSubjectRows; ++i) {
    const SubjectDraft& s = d.subjects[i];
    if (!RowUsed(s)) continue;
    v1::Subject& subject = *c.add_subjects();
    subject.set_forename(Trimmed(s.forename));
    subject.set_surname(Trimmed(s.surname));
    if (subject.surname().empty()) errors.push_back({SubjectId(i, "surname"), "Enter the surname of this person"});
    std::vector<FieldError> born = ReadDateParts(s.born, SubjectId(i, "born"), "", *subject.mutable_date_of_birth());
    errors.insert(errors.end(), born.begin(), born.end());
    std::string display = Trimmed(absl::StrCat(subject.forename(), " ", subject.surname()));
    if (born.empty() && subject.date_of_birth().precision() != v1::PartialTime::PRECISION_UNSPECIFIED)
      absl::StrAppend(&display, " (", FormatPartialTime(FromProto(subject.date_of_birth())), ")");
    subject.set_display_name(display);
  }
  if (!d.teams.empty()) {
    for (const std::string& team : d.teams) c.mutable_restriction()->add_teams(team);
  }
  request.set_request_id(d.request_id);
  return errors;
}

std::string CaseFormPage(const std::string& nav, const std::string& csrf, const std::vector<FieldError>& errors,
                         const CaseDraft& d, const std::vector<std::string>& offered) {
  std::string body = absl::StrCat(nav, ErrorSummary(errors), "<h1>Open a case</h1>",
                                  "<form class=\"stack\" method=\"post\" action=\"/cases\" novalidate>", Hidden("csrf", csrf),
                                  Hidden("request_id", d.request_id),
                                  TextInput(errors, "title", "What is the case about?", d.title,
                                            "Usually the child's name, like Ellie WATSON"),
                                  TextInput(errors, "refs", "Legacy references (optional)", d.refs,
                                            "Crime or non-crime numbers, separated by commas"));
  for (int i = 0; i < kSubjectRows; ++i) {
    const SubjectDraft& s = d.subjects[i];
    absl::StrAppend(&body, "<fieldset class=\"subject\"><legend>Person ", i + 1, i == 0 ? "" : " (optional)", "</legend>",
                    TextInput(errors, SubjectId(i, "forename"), "Forename", s.forename),
                    TextInput(errors, SubjectId(i, "surname"), "Surname", s.surname),
                    DateInput(errors, SubjectId(i, "born"), "Date of birth (optional)",
                              "For example, 3 4 2008; or a month and year, or a year, if that is all that is known.",
                              s.born, false),
                    "</fieldset>");
  }
  if (!offered.empty()) {
    absl::StrAppend(&body, "<fieldset class=\"checkboxes\" aria-describedby=\"teams-hint\"><legend>Need to know"
                           "</legend><p class=\"hint\" id=\"teams-hint\">Tick a team to keep the case to it; with none "
                           "ticked, every investigator may know of it.</p>");
    for (size_t i = 0; i < offered.size(); ++i) {
      const bool ticked = std::find(d.teams.begin(), d.teams.end(), offered[i]) != d.teams.end();
      absl::StrAppend(&body, "<div class=\"radio\"><input type=\"checkbox\" id=\"team-", i, "\" name=\"team-", i,
                      "\" value=\"1\"", ticked ? " checked" : "", "><label for=\"team-", i, "\">", HtmlEscape(offered[i]),
                      "</label></div>");
    }
    absl::StrAppend(&body, "</fieldset>");
  }
  absl::StrAppend(&body, "<p><button type=\"submit\" id=\"open-case\">Open the case</button></p></form>");
  return SitePage(absl::StrCat(errors.empty() ? "" : "Error: ", "Open a case — casefile"), body);
}

std::string CaseOpenedPage(const std::string& nav, const std::string& csrf, const v1::Case& c) {
  const std::string id = CaseIdOf(c.name());
  return SitePage(absl::StrCat(id, " opened — casefile"),
                  absl::StrCat(nav, "<div class=\"panel\" id=\"opened\"><h1>Case ", HtmlEscape(id), " is open</h1><p>",
                               HtmlEscape(c.title()), "</p></div><div class=\"actions\"><form method=\"post\" action=\"/cases/",
                               HtmlEscape(id), "/entries/new\">", Hidden("csrf", csrf),
                               Hidden("purpose", "opened the case"),
                               "<button type=\"submit\" id=\"first-entry\">Add the first entry</button></form>"
                               "<p><a href=\"/cases/", HtmlEscape(id), "\">Show the case file</a></p></div>"));
}

}  // namespace casefile::web
