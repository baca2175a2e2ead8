#include "web/case_file_page.h"

#include <algorithm>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "core/time/partial_time.h"
#include "core/time/partial_time_proto.h"
#include "google/protobuf/util/time_util.h"
#include "web/document_html.h"
#include "web/html_escape.h"
#include "web/record_html.h"
#include "web/timeline_svg.h"
#include "web/words.h"

namespace casefile::web {
namespace {

std::string EscapedList(const google::protobuf::RepeatedPtrField<std::string>& items) {
  std::vector<std::string> escaped;
  for (const std::string& s : items) escaped.push_back(HtmlEscape(s));
  return absl::StrJoin(escaped, ", ");
}

}  // namespace

std::string OwnerAndTeamHtml(const v1::Case& c) {
  return absl::StrCat(c.owner().empty() ? "no owner" : absl::StrCat("owner <strong>", HtmlEscape(c.owner()), "</strong>"),
                      " · ", c.team().empty() ? "no team" : absl::StrCat("team <strong>", HtmlEscape(c.team()), "</strong>"));
}

namespace {

std::string Header(const v1::Case& c, const CaseFilePageOptions& options) {
  std::string out = absl::StrCat("<header class=\"case\"><p class=\"marking\">OFFICIAL-SENSITIVE</p><h1>",
                                 HtmlEscape(c.title()), "</h1><p>Case <strong>", HtmlEscape(CaseReference(c)),
                                 "</strong>");
  if (!c.legacy_refs().empty()) absl::StrAppend(&out, " · legacy references ", EscapedList(c.legacy_refs()));
  absl::StrAppend(&out, "<br><span class=\"muted\">", c.version(), " entries · opened by ", HtmlEscape(c.creator()),
                  " at ", google::protobuf::util::TimeUtil::ToString(c.create_time()), "</span>");
  if (!c.owner().empty() || !c.team().empty()) absl::StrAppend(&out, "<br>With ", OwnerAndTeamHtml(c));
  if (c.has_restriction()) {
    std::vector<std::string> named;
    if (!c.restriction().users().empty()) named.push_back("users " + EscapedList(c.restriction().users()));
    if (!c.restriction().teams().empty()) named.push_back("teams " + EscapedList(c.restriction().teams()));
    absl::StrAppend(&out, "<br><strong>Restricted</strong> to ", absl::StrJoin(named, " and "));
  }
  absl::StrAppend(&out, "</p>");
  if (!options.reader.empty() || !options.purpose.empty())
    absl::StrAppend(&out, "<p class=\"muted\">Read", options.reader.empty() ? "" : " by ", HtmlEscape(options.reader),
                    " for: ", HtmlEscape(options.purpose), "</p>");
  absl::StrAppend(&out, "</header>\n");
  return out;
}

// The subject's person as a link to the person page (casefile-web's
// /persons/{id}; a relative link, so in a saved file it leads nowhere).
std::string PersonCell(const std::string& person) {
  if (person.rfind("persons/", 0) != 0 || person.size() == 8) return HtmlEscape(person);
  return absl::StrCat("<a class=\"person\" href=\"/", HtmlEscape(person), "\">", HtmlEscape(person), "</a>");
}

std::string People(const v1::Case& c) {
  if (c.subjects().empty()) return "<section><h2>People</h2><p>No one is named on the case.</p></section>\n";
  std::string out = "<section><h2>People</h2><table class=\"people\"><tr><th>Name</th><th>Date of birth</th><th>Person</th></tr>";
  for (const v1::Subject& s : c.subjects()) {
    const std::string name = s.display_name().empty() ? absl::StrCat(s.forename(), " ", s.surname()) : s.display_name();
    absl::StrAppend(&out, "<tr><td>", HtmlEscape(name), "</td><td>", TimeText(s.date_of_birth()),
                    " <span class=\"precision\">(", PrecisionWord(s.date_of_birth()), ")</span></td><td>",
                    PersonCell(s.person()), "</td></tr>");
  }
  absl::StrAppend(&out, "</table></section>\n");
  return out;
}

// Multi-line stored text kept as written (white-space: pre-wrap).
void AppendTextBlock(std::string& out, absl::string_view text) {
  out.append("<div class=\"text\">");
  AppendHtmlEscaped(out, text);
  out.append("</div>");
}

std::string SourceHtml(const v1::Source& s) {
  std::string out = absl::StrCat("<div class=\"source\"><div>", HtmlEscape(s.record_type().empty() ? "record" : s.record_type()),
                                 " <span class=\"ref\">", HtmlEscape(s.locator()), "</span>");
  if (!s.legacy_ref().empty()) absl::StrAppend(&out, " · ", HtmlEscape(s.legacy_ref()));
  if (s.occurred().precision() != v1::PartialTime::PRECISION_UNSPECIFIED || !s.occurred_as_written().empty())
    absl::StrAppend(&out, " · occurred ", TimeText(s.occurred()));
  if (!s.author().empty()) absl::StrAppend(&out, " · by ", HtmlEscape(s.author()));
  if (s.entered().precision() != v1::PartialTime::PRECISION_UNSPECIFIED)
    absl::StrAppend(&out, " · entered ", TimeText(s.entered()));
  absl::StrAppend(&out, "</div><div class=\"muted\">from ", s.import().empty() ? "(unknown import)" : HtmlEscape(s.import()));
  if (!s.import_label().empty()) absl::StrAppend(&out, " “", HtmlEscape(s.import_label()), "”");
  if (!s.record().empty() && s.record() != s.locator()) absl::StrAppend(&out, " · record ", HtmlEscape(s.record()));
  absl::StrAppend(&out, "</div>");
  if (!s.date_note().empty())
    absl::StrAppend(&out, "<div class=\"muted\">date as written “", HtmlEscape(s.occurred_as_written()), "”: ",
                    HtmlEscape(s.date_note()), "</div>");
  // A case file sends such a text once, in the entry (Source.text_is_entry_text).
  if (s.text_is_entry_text()) {
    out.append("<div class=\"muted\">(word for word the entry's text)</div>");
  } else {
    AppendTextBlock(out, s.text());
  }
  out.append("</div>");
  return out;
}

// `<a href="#entry-N">#N</a>` for the entry named `name` (".../entries/N").
std::string EntryLink(absl::string_view name) {
  const size_t slash = name.rfind('/');
  const std::string number = HtmlEscape(slash == absl::string_view::npos ? name : name.substr(slash + 1));
  return absl::StrCat("<a href=\"#entry-", number, "\">#", number, "</a>");
}

// `time_text` is TimeText(e.occur_time()), which the caller also needs.
// `correct_case`: the case id when entries get a "Correct" link (casefile-web).
// `extra_html`: trusted HTML of what goes with the entry (its documents), or unset.
// `purpose`: the reader's, carried by the "Ask for approval" link so the way
// back to the case keeps it.
void AppendEntryHtml(std::string& out, const v1::Entry& e, absl::string_view time_text,
                     absl::string_view correct_case, const std::string& purpose,
                     const std::function<std::string(const v1::Entry&)>& extra_html) {
  absl::StrAppend(&out, "<article class=\"entry", e.superseded_by().empty() ? "" : " superseded",
                  e.supersedes().empty() ? "" : " correction", "\" id=\"entry-", e.number(),
                  "\"><div class=\"entry-head\">#", e.number(), " ", time_text, " <span class=\"precision\">(",
                  PrecisionWord(e.occur_time()), ")</span> <span class=\"kind ", KindClass(e.kind()), "\">",
                  KindWord(e.kind()), "</span> <span class=\"precision\">by ");
  AppendHtmlEscaped(out, e.author_display_name().empty() ? e.author() : e.author_display_name());
  out.append("</span>");
  if (!correct_case.empty() && e.superseded_by().empty()) {
    absl::StrAppend(&out, " <a class=\"correct no-print\" href=\"/cases/", HtmlEscape(correct_case), "/entries/",
                    e.number(), "/correct\" aria-label=\"Correct entry ", e.number(), "\">Correct</a>");
    if (e.record_case() == v1::Entry::kStrategyDiscussion || e.record_case() == v1::Entry::kReferral ||
        e.record_case() == v1::Entry::kSection47Enquiry)
      absl::StrAppend(&out, " <a class=\"correct no-print\" href=\"/cases/", HtmlEscape(correct_case),
                      "/supervision/new?step=ask&amp;entry=", e.number(),
                      purpose.empty() ? "" : absl::StrCat("&amp;purpose=", HtmlEscape(QueryEscape(purpose))),
                      "\" aria-label=\"Ask for approval of entry ",
                      e.number(), "\">Ask for approval</a>");
  }
  out.append("</div>");
  if (!e.supersedes().empty())
    absl::StrAppend(&out, "<div class=\"muted\">corrects ", EntryLink(e.supersedes()), ": ",
                    HtmlEscape(e.correction_reason()), "</div>");
  if (!e.superseded_by().empty())
    absl::StrAppend(&out, "<div class=\"muted\">corrected by ", EntryLink(e.superseded_by()), "</div>");
  AppendTextBlock(out, e.text());
  if (e.record_case() != v1::Entry::RECORD_NOT_SET) out.append(RecordHtml(e));
  if (!e.subjects().empty()) {
    std::vector<std::string> names;
    for (const v1::Subject& s : e.subjects()) names.push_back(HtmlEscape(s.display_name()));
    absl::StrAppend(&out, "<div class=\"muted\">about ", absl::StrJoin(names, "; "), "</div>");
  }
  if (!e.legacy_refs().empty()) absl::StrAppend(&out, "<div class=\"muted\">refs ", EscapedList(e.legacy_refs()), "</div>");
  if (!e.sources().empty()) {
    absl::StrAppend(&out, "<div class=\"sources\"><div class=\"muted\">", e.sources_size(),
                    e.sources_size() == 1 ? " legacy record" : " legacy records", ":</div>");
    for (const v1::Source& s : e.sources()) absl::StrAppend(&out, SourceHtml(s));
    absl::StrAppend(&out, "</div>");
  }
  if (extra_html) out.append(extra_html(e));
  out.append("</article>");
}

// Where a page lies among `total` chains and the pager that says so (empty
// html: one page, no pager). Pages count back from the newest; the oldest
// may be short.
struct Pager {
  size_t begin = 0, end = 0;
  std::string html;
};
Pager PagerOf(const ChronologyView& view, size_t total) {
  if (view.page_size <= 0 || total <= static_cast<size_t>(view.page_size)) return {0, total, ""};
  const size_t size = static_cast<size_t>(view.page_size);
  const int pages = static_cast<int>((total + size - 1) / size);
  const int page = std::clamp(view.page, 0, pages - 1);
  Pager pager;
  pager.end = total - static_cast<size_t>(page) * size;
  pager.begin = pager.end > size ? pager.end - size : 0;
  pager.html = absl::StrCat("<nav class=\"pager no-print\" aria-label=\"Pages of the chronology\"><p>Entries ",
                            pager.begin + 1, " to ", pager.end, " of ", total, " in time order (page ", page + 1,
                            " of ", pages, ", counting from the newest).</p>");
  if (view.page_link) {
    absl::StrAppend(&pager.html, "<div class=\"actions\">");
    if (page + 1 < pages) absl::StrAppend(&pager.html, view.page_link(page + 1, "Earlier entries"));
    if (page > 0) absl::StrAppend(&pager.html, view.page_link(page - 1, "Later entries"));
    absl::StrAppend(&pager.html, "</div>");
  }
  absl::StrAppend(&pager.html, "</nav>\n");
  return pager;
}

// The chronology's closing words when it shows no entry.
std::string NoneShown(bool case_has_entries) {
  return case_has_entries ? "<p id=\"none-shown\">No entry is of that kind and time.</p>"
                          : "<p>The chronology has no entries.</p>";
}

}  // namespace

CaseFilePageStream::CaseFilePageStream(const v1::Case& c, CaseFilePageOptions options, std::string correct_case)
    : case_(c), options_(std::move(options)), correct_case_(std::move(correct_case)) {
  options_.document.running_header = absl::StrCat("Case ", CaseReference(case_));
  if (options_.view.total.has_value()) pager_ = PagerOf(options_.view, static_cast<size_t>(*options_.view.total)).html;
}

std::string CaseFilePageStream::Head() {
  return absl::StrCat(HtmlDocumentHead(absl::StrCat(CaseReference(case_), " ", case_.title()), options_.document),
                      options_.top_html, Header(case_, options_), options_.header_html, People(case_),
                      "<p class=\"no-print\"><a href=\"#timeline\">The timeline of these entries</a> follows the "
                      "chronology.</p>\n<section class=\"chronology\"><h2>Chronology</h2>\n",
                      options_.view_html, pager_);
}

std::string CaseFilePageStream::Add(const v1::Entry& e) {
  std::string out;
  // A correction joins the group of the entry it corrects, which came just before.
  const bool joins = !last_in_group_.empty() && e.supersedes() == last_in_group_;
  if (!joins) absl::StrAppend(&out, last_in_group_.empty() ? "" : "</div>\n", "<div class=\"entry-group\">");
  last_in_group_ = e.name();
  std::string time_text = TimeText(e.occur_time());
  AppendEntryHtml(out, e, time_text, correct_case_, options_.purpose, options_.entry_extra_html);
  marks_.push_back(MarkOf(e, std::move(time_text)));
  ++shown_;
  return out;
}

std::string CaseFilePageStream::Tail(const std::string& error) {
  std::string out = last_in_group_.empty() ? "" : "</div>\n";
  if (!error.empty())
    absl::StrAppend(&out, "<p class=\"error\" role=\"alert\">The case file could not be read whole: ",
                    HtmlEscape(error), "</p>");
  if (shown_ == 0) absl::StrAppend(&out, NoneShown(case_.version() > 0));
  absl::StrAppend(&out, pager_, "</section>\n<section id=\"timeline\"><h2>Timeline</h2>", TimelineSvg(marks_),
                  "</section>\n", options_.body_left_open ? "" : kHtmlDocumentEnd);
  return out;
}

std::string CaseReference(const v1::Case& c) {
  absl::string_view name = c.name();
  if (name.substr(0, 6) == "cases/") name.remove_prefix(6);
  return std::string(name);
}

void CaseFilePageBuilder::Add(const v1::Entry& e) {
  Rendered r{e.name(), e.supersedes(), e.superseded_by(), SortKey(FromProto(e.occur_time())), e.number(), e.kind(), {}};
  r.html.reserve(e.text().size() + 600);
  std::string time_text = TimeText(e.occur_time());
  AppendEntryHtml(r.html, e, time_text, correct_case_, "", entry_extra_html_);
  rendered_.push_back(std::move(r));
  marks_.push_back(MarkOf(e, std::move(time_text)));
}

std::vector<std::string> CaseFilePageBuilder::Finish(const v1::Case& c, CaseFilePageOptions options) {
  options.document.running_header = absl::StrCat("Case ", CaseReference(c));
  std::vector<std::string> parts;
  parts.push_back(HtmlDocumentHead(absl::StrCat(CaseReference(c), " ", c.title()), options.document));
  absl::StrAppend(&parts.back(), options.top_html, Header(c, options), options.header_html, People(c), "<section><h2>Timeline</h2>",
                  TimelineSvg(marks_), "</section>\n<section class=\"chronology\"><h2>Chronology</h2>\n",
                  options.view_html);
  // The chronology: entries that correct nothing in time order, each followed
  // (beside it) by the chain of corrections made to it.
  absl::flat_hash_map<absl::string_view, size_t> by_name;
  for (size_t i = 0; i < rendered_.size(); ++i) by_name[rendered_[i].name] = i;
  std::vector<size_t> roots;
  for (size_t i = 0; i < rendered_.size(); ++i)
    if (rendered_[i].supersedes.empty() || !by_name.contains(rendered_[i].supersedes)) roots.push_back(i);
  const ChronologyView& view = options.view;
  std::erase_if(roots, [&](size_t i) {
    const Rendered& r = rendered_[i];
    if (!view.kinds.empty() && std::find(view.kinds.begin(), view.kinds.end(), r.kind) == view.kinds.end()) return true;
    return (view.from.has_value() && r.sort_key < *view.from) || (view.to.has_value() && r.sort_key > *view.to);
  });
  std::stable_sort(roots.begin(), roots.end(), [this](size_t a, size_t b) {
    const Rendered &ra = rendered_[a], &rb = rendered_[b];
    return ra.sort_key != rb.sort_key ? ra.sort_key < rb.sort_key : ra.number < rb.number;
  });
  const size_t shown_total = roots.size();
  const Pager pager = PagerOf(view, shown_total);
  if (!pager.html.empty())
    roots = std::vector<size_t>(roots.begin() + static_cast<std::ptrdiff_t>(pager.begin),
                                roots.begin() + static_cast<std::ptrdiff_t>(pager.end));
  parts.push_back(pager.html);
  for (size_t root : roots) {
    parts.push_back("<div class=\"entry-group\">");
    size_t at = root;
    parts.push_back(std::move(rendered_[at].html));
    for (size_t hops = 0; hops < rendered_.size() && !rendered_[at].superseded_by.empty(); ++hops) {
      auto next = by_name.find(rendered_[at].superseded_by);
      if (next == by_name.end()) break;
      at = next->second;
      parts.push_back(std::move(rendered_[at].html));
    }
    parts.push_back("</div>\n");
  }
  parts.push_back(absl::StrCat(rendered_.empty() || shown_total == 0 ? NoneShown(!rendered_.empty()) : "",
                               pager.html, "</section>\n", options.body_left_open ? "" : kHtmlDocumentEnd));
  rendered_.clear();
  marks_.clear();
  return parts;
}

std::string CaseFilePage(const v1::Case& c, const std::vector<v1::Entry>& entries, CaseFilePageOptions options) {
  CaseFilePageBuilder builder("", options.entry_extra_html);
  for (const v1::Entry& e : entries) builder.Add(e);
  std::vector<std::string> parts = builder.Finish(c, std::move(options));
  size_t size = 0;
  for (const std::string& p : parts) size += p.size();
  std::string out;
  out.reserve(size);
  for (const std::string& p : parts) out.append(p);
  return out;
}

}  // namespace casefile::web
