#include "web/chronology_view_form.h"

#include <algorithm>
#include <optional>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "core/time/partial_time.h"
#include "core/time/partial_time_proto.h"
#include "web/form_html.h"
#include "web/html_escape.h"
#include "web/words.h"

namespace casefile::web {
namespace {

// "2012", "Nov 2012", "12/11/2012" (and the other forms of ParsePartialTime).
std::optional<PartialTime> ReadWhen(const std::string& text) {
  const std::string t(absl::StripAsciiWhitespace(text));
  int year = 0;
  if (t.size() == 4 && absl::SimpleAtoi(t, &year)) return PartialTime{TimePrecision::kYear, year};
  auto parsed = ParsePartialTime(t);
  if (!parsed.ok() || parsed->precision == TimePrecision::kUnknown) return std::nullopt;
  return *parsed;
}

bool PlausiblePersonName(const std::string& name) {
  if (name.rfind("persons/", 0) != 0 || name.size() == 8 || name.size() > 8 + 64) return false;
  return std::all_of(name.begin() + 8, name.end(), [](char c) { return absl::ascii_isalnum(c); });
}

std::string Field(const std::string& name, const std::string& value) { return Hidden(name, value); }

// The current filter as hidden fields (for page buttons).
std::string FilterFields(const ViewFields& f) {
  return absl::StrCat(Field("kind", f.kind), Field("from", f.from), Field("to", f.to), Field("person", f.person));
}

// "Person": anyone, or one of `people` (and the one asked for, kept even if
// the case no longer names them).
std::string PersonSelect(std::vector<ViewPerson> people, const std::string& chosen) {
  if (PlausiblePersonName(chosen) &&
      std::none_of(people.begin(), people.end(), [&](const ViewPerson& p) { return p.name == chosen; }))
    people.push_back({chosen, chosen});
  if (people.empty()) return "";
  std::string options = "<option value=\"\">anyone</option>";
  for (const ViewPerson& p : people)
    absl::StrAppend(&options, "<option value=\"", HtmlEscape(p.name), "\"", p.name == chosen ? " selected" : "", ">",
                    HtmlEscape(p.label), "</option>");
  return absl::StrCat("<label for=\"view-person\">Person</label><select id=\"view-person\" name=\"person\">", options,
                      "</select>");
}

}  // namespace

ViewFields ViewFieldsFromForm(absl::FunctionRef<std::string(const char*)> param) {
  return {param("kind"), param("from"), param("to"), param("page"), param("whole"), param("person")};
}

ChronologyView ViewFromFields(const ViewFields& f, std::string& error) {
  ChronologyView view;
  error.clear();
  if (!f.kind.empty()) {
    for (int k = 1; k <= v1::EntryKind_MAX; ++k) {
      if (v1::EntryKind_IsValid(k) && KindWord(static_cast<v1::EntryKind>(k)) == f.kind)
        view.kinds.push_back(static_cast<v1::EntryKind>(k));
    }
    if (view.kinds.empty()) error = "Kind: not a kind of entry";
  }
  if (!absl::StripAsciiWhitespace(f.from).empty()) {
    if (auto from = ReadWhen(f.from)) view.from = SortKey(*from);
    else error = "From: give a year (2012), a month (Nov 2012) or a day (12/11/2012)";
  }
  if (!absl::StripAsciiWhitespace(f.to).empty()) {
    // Up to the end of the span given: "2012" takes in all of 2012.
    if (auto to = ReadWhen(f.to)) view.to = SortKey(NextSpan(*to)) - 1;
    else error = "To: give a year (2012), a month (Nov 2012) or a day (12/11/2012)";
  }
  if (!f.person.empty() && !PlausiblePersonName(f.person)) error = "Person: not one of the people of the case";
  if (f.whole.empty()) {
    view.page_size = kChronologyPageSize;
    if (!absl::SimpleAtoi(f.page, &view.page) || view.page < 0) view.page = 0;
  }
  return view;
}

void AskForView(const ViewFields& f, const ChronologyView& view, v1::GetCaseFileRequest& request) {
  request.set_order(v1::GetCaseFileRequest::ORDER_OCCURRED);
  for (v1::EntryKind kind : view.kinds) request.add_kinds(kind);
  if (view.from.has_value()) *request.mutable_occurred_from() = ToProto(*ReadWhen(f.from));
  if (view.to.has_value()) *request.mutable_occurred_to() = ToProto(*ReadWhen(f.to));
  if (PlausiblePersonName(f.person)) request.set_person(f.person);
  request.set_page_size(view.page_size);
  request.set_page(view.page_size > 0 ? view.page : 0);
}

std::vector<ViewPerson> ViewPeople(const v1::Case& c) {
  std::vector<ViewPerson> people;
  auto add = [&people](const std::string& person, const std::string& shown) {
    if (!PlausiblePersonName(person)) return;
    const bool seen = std::any_of(people.begin(), people.end(), [&](const ViewPerson& p) { return p.name == person; });
    if (!seen) people.push_back({person, shown});
  };
  for (const v1::Subject& s : c.subjects())
    add(s.person(), s.display_name().empty() ? s.forename() + " " + s.surname() : s.display_name());
  for (const v1::ChildRef& child : c.children_named()) add(child.person(), child.name());
  return people;
}

std::string ViewFormHtml(const std::string& case_id, const std::string& hidden, const ViewFields& f,
                         const std::string& error, const std::vector<ViewPerson>& people) {
  std::string kinds = "<option value=\"\">every kind</option>";
  for (int k = 1; k <= v1::EntryKind_MAX; ++k) {
    if (!v1::EntryKind_IsValid(k)) continue;
    const std::string& word = KindWord(static_cast<v1::EntryKind>(k));
    absl::StrAppend(&kinds, "<option value=\"", HtmlEscape(word), "\"", word == f.kind ? " selected" : "", ">",
                    HtmlEscape(word), "</option>");
  }
  return absl::StrCat(
      "<form class=\"view no-print\" method=\"post\" action=\"/cases/", HtmlEscape(case_id), "\" aria-label=\"Filter the "
      "chronology\">", hidden,
      error.empty() ? "" : absl::StrCat("<p class=\"error\" role=\"alert\">", HtmlEscape(error), "</p>"),
      "<label for=\"view-kind\">Kind</label><select id=\"view-kind\" name=\"kind\">", kinds, "</select>"
      "<label for=\"view-from\">Happened from</label><input type=\"text\" id=\"view-from\" name=\"from\" size=\"10\" value=\"",
      HtmlEscape(f.from), "\"><label for=\"view-to\">to</label><input type=\"text\" id=\"view-to\" name=\"to\" size=\"10\" "
      "value=\"", HtmlEscape(f.to), "\">", PersonSelect(people, f.person),
      "<button type=\"submit\" id=\"view-show\">Show</button>"
      "<button type=\"submit\" name=\"whole\" value=\"1\" id=\"view-whole\">The whole file (to print)</button>"
      "<button type=\"submit\" name=\"whole\" value=\"", kWholeWithDocuments,
      "\" id=\"view-whole-documents\">The whole file with its documents (to print)</button></form>\n");
}

std::string PageButtonHtml(const std::string& case_id, const std::string& hidden, const ViewFields& f, int page,
                           const std::string& label) {
  return absl::StrCat("<form method=\"post\" action=\"/cases/", HtmlEscape(case_id), "\">", hidden, FilterFields(f),
                      Field("page", absl::StrCat(page)), "<button type=\"submit\">", HtmlEscape(label), "</button></form>");
}

}  // namespace casefile::web
