#include "web/review_pages.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "web/html_escape.h"
#include "web/site_pages.h"
#include "web/words.h"

namespace casefile::web {
namespace {

constexpr char kMerge[] = "merge";
constexpr char kSeparate[] = "separate";

std::string ItemLink(const v1::ReviewItem& item) {
  const std::string id = ReviewItemId(item.name());
  return absl::StrCat("<a href=\"/review/", HtmlEscape(id), "\">", HtmlEscape(id), "</a>");
}

std::string KindWords(const v1::ReviewItem& item) {
  return item.kind() == v1::ReviewItem::KIND_PERSON ? "two person records" : "two event records";
}

std::string CaseLink(const std::string& name) {
  const std::string id = CaseIdOf(name);
  if (id.empty()) return "none (a person record names no case)";
  return absl::StrCat("<a href=\"/cases/", HtmlEscape(id), "\">", HtmlEscape(id), "</a>");
}

std::string ImportLink(const std::string& name) {
  if (name.rfind("imports/", 0) != 0) return HtmlEscape(name);
  const std::string id = name.substr(8);
  return absl::StrCat("<a href=\"/imports/", HtmlEscape(id), "\">", HtmlEscape(id), "</a>");
}

// The two records, field by field, in two columns.
std::string Sides(const v1::ReviewItem& item) {
  const v1::ReviewSide& a = item.left();
  const v1::ReviewSide& b = item.right();
  auto row = [](const std::string& field, const std::string& left, const std::string& right) {
    return absl::StrCat("<tr><th scope=\"row\">", field, "</th><td>", left, "</td><td>", right, "</td></tr>");
  };
  auto when = [](const v1::ReviewSide& s) {
    return absl::StrCat(HtmlEscape(TimeText(s.occurred())), " <span class=\"muted\">(", PrecisionWord(s.occurred()),
                        ")</span>");
  };
  auto text = [](const v1::ReviewSide& s) {
    return absl::StrCat("<div class=\"text\">", HtmlEscape(s.text()), "</div>");
  };
  return absl::StrCat(
      "<table class=\"sides\" id=\"sides\"><caption>Both records as read</caption><thead><tr><td></td>"
      "<th scope=\"col\">First record</th><th scope=\"col\">Second record</th></tr></thead><tbody>",
      row("Read from", HtmlEscape(a.locator()), HtmlEscape(b.locator())),
      row("Record id", HtmlEscape(a.record()), HtmlEscape(b.record())),
      row("Import", ImportLink(a.import()), ImportLink(b.import())),
      row(item.kind() == v1::ReviewItem::KIND_PERSON ? "Date" : "When it happened", when(a), when(b)),
      row(item.kind() == v1::ReviewItem::KIND_PERSON ? "Person" : "Text", text(a), text(b)), "</tbody></table>");
}

std::string Details(const v1::ReviewItem& item) {
  return absl::StrCat(
      "<dl class=\"details\"><dt>What</dt><dd>", KindWords(item), " that may be the same</dd><dt>Score</dt><dd>",
      absl::StrFormat("%.2f", item.score()),
      " <span class=\"muted\">(higher is stronger evidence that they are the same)</span></dd>"
      "<dt>Why</dt><dd id=\"evidence\">",
      HtmlEscape(item.reason()), "</dd><dt>Case</dt><dd>", CaseLink(item.case_()), "</dd><dt>Decision</dt><dd>",
      HtmlEscape(ReviewDecisionText(item)), "</dd></dl>");
}

std::string DecidedPanel(const v1::ReviewItem& item) {
  const bool merged = item.decision() == v1::ReviewItem::DECISION_MERGE;
  return absl::StrCat("<div class=\"panel\" id=\"decided\"><p>Decided: ", HtmlEscape(ReviewDecisionText(item)),
                      ".</p><p>",
                      merged ? "The two records are one from now on."
                             : "The two records stay apart, now and in every later import.",
                      " Importing them again does not ask again: the decision is kept.</p></div>");
}

std::string JustDecided(const v1::ReviewItem& item, const std::string& after) {
  return absl::StrCat("<div class=\"notice\" id=\"just-decided\" role=\"status\"><p>Item ", ItemLink(item), ": ",
                      HtmlEscape(ReviewDecisionText(item)), ". ", after, "</p></div>");
}

}  // namespace

ReviewDraft ReviewDraftFromParams(absl::FunctionRef<std::string(const std::string&)> param) {
  ReviewDraft d{param("decision"), param("request_id"), param("seen")};
  if (d.decision != kMerge && d.decision != kSeparate) d.decision.clear();
  return d;
}

std::vector<FieldError> CheckReviewDraft(const ReviewDraft& draft) {
  if (!draft.decision.empty()) return {};
  return {{"decision", "Choose whether the two records are the same (merge) or different (keep apart)"}};
}

std::string ReviewItemId(const std::string& name) {
  return name.rfind("reviewItems/", 0) == 0 ? name.substr(12) : name;
}

std::string ReviewDecisionText(const v1::ReviewItem& item) {
  switch (item.decision()) {
    case v1::ReviewItem::DECISION_MERGE:
      return absl::StrCat("merged by ", item.decided_by(), " on ", UkTimeText(item.decide_time()));
    case v1::ReviewItem::DECISION_SEPARATE:
      return absl::StrCat("kept apart by ", item.decided_by(), " on ", UkTimeText(item.decide_time()));
    default:
      return "open";
  }
}

std::string ReviewItemPage(const ReviewItemPageContext& c, const ReviewDraft& draft) {
  const v1::ReviewItem& item = c.item;
  const std::string id = ReviewItemId(item.name());
  std::string body = absl::StrCat(c.nav, ErrorSummary(c.errors), "<h1>Review item ", HtmlEscape(id), "</h1>");
  if (c.just_decided.has_value()) absl::StrAppend(&body, JustDecided(*c.just_decided, "This is the next item waiting."));
  if (!c.notice.empty())
    absl::StrAppend(&body, "<div class=\"notice\" id=\"review-notice\" role=\"alert\"><p>", HtmlEscape(c.notice),
                    "</p></div>");
  absl::StrAppend(&body, Details(item), Sides(item));
  if (item.decision() != v1::ReviewItem::DECISION_UNSPECIFIED) {
    absl::StrAppend(&body, DecidedPanel(item));
  } else {
    absl::StrAppend(
        &body, "<form class=\"stack\" method=\"post\" action=\"/review/", HtmlEscape(id), "\">", Hidden("csrf", c.csrf),
        Hidden("request_id", draft.request_id), Hidden("seen", "open"),
        Radios(c.errors, "decision", "Are they the same?",
               {{kMerge, "The same: merge them"},
                {kSeparate, "Different: keep them apart (now and in every later import)"}},
               draft.decision),
        "<p><button type=\"submit\" id=\"save-decision\">Save the decision</button></p></form>");
  }
  absl::StrAppend(&body, "<p><a href=\"/review\" id=\"back-to-queue\">The review queue</a></p>");
  return SitePage(absl::StrCat("Review item ", id, " — casefile"), body);
}

std::string ReviewQueuePage(const std::string& nav, const ReviewQueuePageData& data) {
  std::string body = absl::StrCat(nav, "<h1>Review queue</h1>");
  if (data.just_decided.has_value()) absl::StrAppend(&body, JustDecided(*data.just_decided, "Nothing else waits."));
  absl::StrAppend(&body, "<p>Uncertain matches an import sent to review, the strongest evidence first. ",
                  data.show_decided ? "Decided items are shown too. <a href=\"/review\" id=\"open-only\">Only those "
                                      "waiting</a>"
                                    : "<a href=\"/review?all=1\" id=\"show-decided\">Show decided items too</a>",
                  "</p>");
  if (data.page.review_items().empty()) {
    absl::StrAppend(&body, "<p id=\"queue-empty\">Nothing waits for review.</p>");
  } else {
    absl::StrAppend(&body, "<table class=\"cases\" id=\"review-items\"><thead><tr><th scope=\"col\">Item</th>"
                           "<th scope=\"col\">What</th><th scope=\"col\">Score</th><th scope=\"col\">Why</th>"
                           "<th scope=\"col\">Case</th><th scope=\"col\">Decision</th></tr></thead><tbody>");
    for (const v1::ReviewItem& item : data.page.review_items())
      absl::StrAppend(&body, "<tr><td>", ItemLink(item), "</td><td>", KindWords(item), "</td><td>",
                      absl::StrFormat("%.2f", item.score()), "</td><td>", HtmlEscape(item.reason()), "</td><td>",
                      CaseIdOf(item.case_()).empty() ? "" : CaseLink(item.case_()), "</td><td>",
                      HtmlEscape(ReviewDecisionText(item)), "</td></tr>");
    absl::StrAppend(&body, "</tbody></table>");
  }
  if (!data.page.next_page_token().empty())
    absl::StrAppend(&body, "<nav class=\"pager\" aria-label=\"Pages\"><a href=\"/review?", data.show_decided ? "all=1&amp;" : "",
                    "page=", HtmlEscape(QueryValue(data.page.next_page_token())), "\" id=\"next-page\">Next page</a></nav>");
  return SitePage("Review queue — casefile", body);
}

}  // namespace casefile::web
