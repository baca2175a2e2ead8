#include "web/import_pages.h"

#include <algorithm>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "web/html_escape.h"
#include "web/site_pages.h"
#include "web/words.h"

namespace casefile::web {
namespace {

std::string ImportId(const std::string& name) { return name.rfind("imports/", 0) == 0 ? name.substr(8) : name; }

std::string CaseLink(const std::string& name) {
  const std::string id = CaseIdOf(name);
  if (id.empty()) return HtmlEscape(name);
  return absl::StrCat("<a href=\"/cases/", HtmlEscape(id), "\">", HtmlEscape(id), "</a>");
}

// A part of the report: its heading with how many, and a table.
std::string Part(const std::string& id, const std::string& heading, int64_t count, const std::vector<std::string>& columns,
                 const std::vector<std::string>& rows, const std::string& more_html = "") {
  if (count == 0 && rows.empty()) return "";
  std::string out = absl::StrCat("<section aria-labelledby=\"", id, "\"><h2 id=\"", id, "\">", heading, " (", count,
                                 ")</h2>", more_html, "<table class=\"cases\"><thead><tr>");
  for (const std::string& c : columns) absl::StrAppend(&out, "<th scope=\"col\">", c, "</th>");
  return absl::StrCat(out, "</tr></thead><tbody>", absl::StrJoin(rows, ""), "</tbody></table></section>");
}

std::string Row(const std::vector<std::string>& cells) {
  return absl::StrCat("<tr><td>", absl::StrJoin(cells, "</td><td>"), "</td></tr>");
}

std::string Counts(const v1::Import& r) {
  const v1::ImportCounts& c = r.counts();
  auto line = [](const std::string& what, int64_t n, const std::string& more = "") {
    return absl::StrCat("<dt>", what, "</dt><dd>", n, more, "</dd>");
  };
  return absl::StrCat(
      "<dl class=\"details\" id=\"counts\">", line("Files", c.files(), absl::StrCat(" (", c.files_unrecognised(), " not recognised)")),
      line("Records read", c.records_read()),
      line("Already imported before (skipped)", c.records_already_imported()),
      line("Same place, different content (imported)", c.records_changed()),
      line("Of cases erased since (not imported again)", c.records_erased_before()),
      line("New chronology entries", c.new_entries()),
      line("Duplicates merged", c.exact_duplicates_merged() + c.near_duplicates_merged(),
           absl::StrCat(" (", c.exact_duplicates_merged(), " exact, ", c.near_duplicates_merged(), " near)")),
      line("Sent to review", c.sent_to_review(), c.sent_to_review() > 0 ? " (<a href=\"/review\">the review queue</a>)" : ""),
      line("Rejected", c.rejected()), line("Dates read only in part", c.dates_partly_read()),
      line("Nominal records", c.nominal_records()), line("Persons in the index", c.persons()), "</dl>");
}

// The text as read: folded under its first line when long.
std::string RawText(const std::string& raw) {
  const bool long_text = raw.size() > kFoldedChars || std::count(raw.begin(), raw.end(), '\n') >= kFoldedLines;
  const std::string text = absl::StrCat("<div class=\"text\">", HtmlEscape(raw), "</div>");
  if (!long_text) return text;
  std::string first = raw.substr(0, std::min(raw.find('\n'), size_t{80}));
  return absl::StrCat("<details><summary>", HtmlEscape(first), "… (", raw.size(), " bytes: show all)</summary>", text,
                      "</details>");
}

}  // namespace

std::string ImportsPage(const std::string& nav, const v1::ListImportsResponse& imports) {
  std::string body = absl::StrCat(nav, "<h1>Imports</h1>");
  if (imports.imports().empty()) {
    absl::StrAppend(&body, "<p id=\"no-imports\">No import has been made yet.</p>");
  } else {
    absl::StrAppend(&body, "<table class=\"cases\" id=\"imports\"><thead><tr><th scope=\"col\">Import</th>"
                           "<th scope=\"col\">Label</th><th scope=\"col\">By</th><th scope=\"col\">When</th>"
                           "<th scope=\"col\">Records read</th><th scope=\"col\">New entries</th>"
                           "<th scope=\"col\">Sent to review</th><th scope=\"col\">Rejected</th></tr></thead><tbody>");
    for (const v1::Import& i : imports.imports()) {
      const std::string id = HtmlEscape(ImportId(i.name()));
      const v1::ImportCounts& c = i.counts();
      absl::StrAppend(&body, Row({absl::StrCat("<a href=\"/imports/", id, "\">", id, "</a>"), HtmlEscape(i.label()),
                                  HtmlEscape(i.operator_()), UkTimeText(i.create_time()), absl::StrCat(c.records_read()),
                                  absl::StrCat(c.new_entries()), absl::StrCat(c.sent_to_review()),
                                  c.rejected() == 0 ? "0"
                                                    : absl::StrCat("<a href=\"/imports/", id, "/rejected\">",
                                                                   c.rejected(), "</a>")}));
    }
    absl::StrAppend(&body, "</tbody></table>");
  }
  if (!imports.next_page_token().empty())
    absl::StrAppend(&body, "<nav class=\"pager\" aria-label=\"Pages\"><a href=\"/imports?page=",
                    HtmlEscape(QueryValue(imports.next_page_token())), "\" id=\"next-page\">Older imports</a></nav>");
  return SitePage("Imports — casefile", body);
}

std::string ImportReportPage(const std::string& nav, const v1::Import& r) {
  const std::string id = HtmlEscape(ImportId(r.name()));
  const v1::ImportCounts& c = r.counts();
  std::string body = absl::StrCat(
      nav, "<h1>Import ", id, r.label().empty() ? "" : absl::StrCat(": ", HtmlEscape(r.label())), "</h1>",
      "<dl class=\"details\"><dt>State</dt><dd id=\"import-state\">complete: every case it read was written (a report "
      "is stored only then)</dd><dt>By</dt><dd>",
      HtmlEscape(r.operator_()), "</dd><dt>Started</dt><dd>", UkTimeText(r.create_time()),
      "</dd><dt>Cases written to</dt><dd>", r.cases_size(), "</dd></dl>", Counts(r));
  std::vector<std::string> rows;
  for (const v1::Rejection& x : r.rejections()) rows.push_back(Row({HtmlEscape(x.locator()), HtmlEscape(x.reason())}));
  absl::StrAppend(&body, Part("rejected", "Not imported", c.rejected(), {"Where", "Why"}, rows,
                              c.rejected() == 0 ? ""
                                                : absl::StrCat("<p><a href=\"/imports/", id,
                                                               "/rejected\" id=\"rejected-records\">Every rejected record "
                                                               "with its text as read</a></p>")));
  rows.clear();
  for (const v1::PartlyReadDate& x : r.partly_read_dates())
    rows.push_back(Row({HtmlEscape(x.locator()), HtmlEscape(x.as_written()), HtmlEscape(x.note())}));
  absl::StrAppend(&body, Part("partly-read", "Dates read only in part", c.dates_partly_read(),
                              {"Where", "As written", "What could be read"}, rows));
  rows.clear();
  for (const v1::ChangedRecord& x : r.changed_records())
    rows.push_back(Row({HtmlEscape(x.locator()), HtmlEscape(x.record()), CaseLink(x.case_()),
                        HtmlEscape(x.previous_record()), HtmlEscape(ImportId(x.previous_import()))}));
  absl::StrAppend(&body, Part("changed", "Same place, different content", c.records_changed(),
                              {"Where", "Record", "Case", "Read before", "By import"}, rows));
  rows.clear();
  for (const v1::CaseResolution& x : r.unlisted_refs())
    rows.push_back(Row({HtmlEscape(x.legacy_ref()), CaseLink(x.case_()), HtmlEscape(x.how())}));
  absl::StrAppend(&body, Part("unlisted", "References missing from the case cross-reference", r.unlisted_refs_size(),
                              {"Reference", "Case", "How"}, rows));
  rows.clear();
  for (const v1::RefConflict& x : r.ref_conflicts()) {
    std::vector<std::string> refs;
    for (int i = 0; i < x.legacy_refs_size(); ++i)
      refs.push_back(absl::StrCat(HtmlEscape(x.legacy_refs(i)), i < x.cases_size() ? absl::StrCat(" (", CaseLink(x.cases(i)), ")") : ""));
    rows.push_back(Row({absl::StrJoin(refs, ", "), CaseLink(x.filed_under()), absl::StrCat(x.records()),
                        HtmlEscape(x.example_locator())}));
  }
  absl::StrAppend(&body, Part("conflicts", "Records naming references of different cases", r.ref_conflicts_size(),
                              {"References", "Filed under", "Records", "For example"}, rows));
  rows.clear();
  for (const std::string& name : r.cases()) rows.push_back(Row({CaseLink(name)}));
  absl::StrAppend(&body, Part("cases", "Cases written to", r.cases_size(), {"Case"}, rows),
                  "<p><a href=\"/imports\">Every import</a></p>");
  return SitePage(absl::StrCat("Import ", ImportId(r.name()), " — casefile"), body);
}

std::string RejectedRecordsPage(const std::string& nav, const std::string& import_id,
                                const v1::ListRejectedRecordsResponse& page, bool later_page) {
  const std::string id = HtmlEscape(import_id);
  std::string body = absl::StrCat(nav, "<h1>Rejected records of import ", id, "</h1><p>Each record as read, kept in "
                                  "the store: nothing read is dropped. <a href=\"/imports/", id, "\">The import's "
                                  "report</a></p>");
  if (page.rejections().empty()) {
    absl::StrAppend(&body, "<p id=\"none-rejected\">No record was rejected.</p>");
  } else {
    absl::StrAppend(&body, "<ol class=\"rejections\" id=\"rejections\">");
    for (const v1::Rejection& x : page.rejections())
      absl::StrAppend(&body, "<li><p><strong>", HtmlEscape(x.locator()), "</strong>: ", HtmlEscape(x.reason()), "</p>",
                      RawText(x.raw()), "</li>");
    absl::StrAppend(&body, "</ol>");
  }
  if (later_page || !page.next_page_token().empty()) {
    absl::StrAppend(&body, "<nav class=\"pager\" aria-label=\"Pages\">");
    if (later_page) absl::StrAppend(&body, "<a href=\"/imports/", id, "/rejected\" id=\"first-page\">First page</a> ");
    if (!page.next_page_token().empty())
      absl::StrAppend(&body, "<a href=\"/imports/", id, "/rejected?page=", HtmlEscape(QueryValue(page.next_page_token())),
                      "\" id=\"next-page\">Next page</a>");
    absl::StrAppend(&body, "</nav>");
  }
  return SitePage(absl::StrCat("Rejected records of ", import_id, " — casefile"), body);
}

}  // namespace casefile::web
