#include "web/record_html.h"

#include "absl/strings/str_cat.h"
#include "core/safeguarding/dash_questions.h"
#include "web/html_escape.h"
#include "web/words.h"

namespace casefile::web {
namespace {

bool Dated(const v1::PartialTime& t) { return t.precision() != v1::PartialTime::PRECISION_UNSPECIFIED; }

std::string Agency(v1::Agency a) { return EnumWord(v1::Agency_Name(a), "AGENCY_"); }

// Escaped: "Ellie WATSON (born 2008-04-03) persons/P-1".
std::string Child(const v1::ChildRef& c) {
  std::string out = HtmlEscape(c.name().empty() ? c.person() : c.name());
  if (Dated(c.date_of_birth())) absl::StrAppend(&out, " (born ", TimeText(c.date_of_birth()), ")");
  if (!c.person().empty() && !c.name().empty()) absl::StrAppend(&out, " <span class=\"ref\">", HtmlEscape(c.person()), "</span>");
  return out;
}

// Builds one record: a heading and rows whose values are already HTML.
class RecordBuilder {
 public:
  explicit RecordBuilder(const std::string& heading_html) {
    absl::StrAppend(&out_, "<div class=\"record\"><p class=\"record-head\">", heading_html, "</p><dl>");
  }
  void Row(absl::string_view label, const std::string& value_html) {
    if (!value_html.empty()) absl::StrAppend(&out_, "<dt>", label, "</dt><dd>", value_html, "</dd>");
  }
  void Text(absl::string_view label, const std::string& stored) { Row(label, HtmlEscape(stored)); }
  void Time(absl::string_view label, const v1::PartialTime& t) {
    if (Dated(t)) Row(label, TimeText(t));
  }
  std::string Done() { return absl::StrCat(out_, "</dl></div>"); }

 private:
  std::string out_;
};

std::string StrategyDiscussion(const v1::StrategyDiscussion& sd) {
  RecordBuilder r(absl::StrCat("Strategy discussion, ", TimeText(sd.held_time()), ", by ",
                               EnumWord(v1::StrategyDiscussion::Format_Name(sd.format()), "FORMAT_")));
  for (const v1::Attendee& a : sd.attendees())
    r.Row("attendee", absl::StrCat(HtmlEscape(a.name()), " (", Agency(a.agency()), a.role().empty() ? "" : ", ",
                                   HtmlEscape(a.role()), ")"));
  for (const v1::AgencyAbsence& a : sd.absent_agencies()) r.Text(absl::StrCat("absent: ", Agency(a.agency())), a.reason());
  r.Text("information shared", sd.information_shared());
  for (const std::string& d : sd.decisions()) r.Text("decision", d);
  r.Row("section 47 threshold",
        EnumWord(v1::StrategyDiscussion::Section47Threshold_Name(sd.section47_threshold()), "SECTION47_THRESHOLD_"));
  for (int i = 0; i < sd.actions_size(); ++i) {
    const v1::SafeguardingAction& a = sd.actions(i);
    r.Row(absl::StrCat("action ", i + 1), absl::StrCat(HtmlEscape(a.owner()), ": ", HtmlEscape(a.description()),
                                                      " (due ", TimeText(a.due()), ")"));
  }
  for (const v1::ChildRef& c : sd.children()) r.Row("child", Child(c));
  return r.Done();
}

std::string Referral(const v1::Referral& ref) {
  RecordBuilder r(absl::StrCat("Referral to ", Agency(ref.to_agency()), ", risk ",
                               EnumWord(v1::RiskGrade_Name(ref.risk_grade()), "RISK_GRADE_"),
                               ref.significant_harm_suspected() ? ", <strong>significant harm suspected</strong>" : "",
                               ref.domestic_abuse() ? ", domestic abuse" : ""));
  r.Time("referred", ref.referred_time());
  r.Text("reason", ref.reason());
  for (const v1::ChildImpact& c : ref.child_impacts()) r.Row(absl::StrCat("impact on ", Child(c.child())), HtmlEscape(c.impact()));
  return r.Done();
}

std::string Feedback(const v1::ReferralFeedback& f) {
  RecordBuilder r(absl::StrCat("CSC feedback on ", HtmlEscape(f.referral())));
  r.Time("received", f.received_time());
  r.Text("outcome", f.outcome());
  r.Text("feedback", f.feedback());
  return r.Done();
}

std::string Missing(const v1::MissingEpisode& m) {
  RecordBuilder r(absl::StrCat("Missing episode: ", Child(m.child())));
  r.Text("missing from", m.missing_from());
  r.Time("reported", m.reported_time());
  r.Time("returned", m.returned_time());
  r.Text("found", m.found_where());
  r.Time("return interview", m.return_interview_time());
  r.Text("updates", m.updates());
  return r.Done();
}

std::string Custody(const v1::Custody& c) {
  RecordBuilder r(absl::StrCat("Custody: ", Child(c.child())));
  r.Time("arrived", c.arrival_time());
  r.Time("appropriate adult requested", c.appropriate_adult_requested_time());
  r.Row("appropriate adult arrived",
        Dated(c.appropriate_adult_arrived_time()) ? TimeText(c.appropriate_adult_arrived_time()) : "not yet");
  r.Text("charge", c.charge());
  if (c.decision() != v1::Custody::DECISION_UNSPECIFIED)
    r.Row("decision", EnumWord(v1::Custody::Decision_Name(c.decision()), "DECISION_"));
  r.Text("accommodated at", c.accommodated_at());
  r.Text("updates", c.updates());
  return r.Done();
}

void DashReview(RecordBuilder& r, const v1::DashReview& review) {
  r.Row("reviewed", absl::StrCat("by ", HtmlEscape(review.reviewer()), ", ", TimeText(review.reviewed_time()),
                                 ", agreed grade ", EnumWord(v1::RiskGrade_Name(review.agreed_grade()), "RISK_GRADE_")));
  if (!review.comment().empty()) r.Text("review comment", review.comment());
}

std::string Dash(const v1::DashRiskAssessment& d) {
  RecordBuilder r(absl::StrCat("DASH risk assessment, ", TimeText(d.assessed_time()), ", by ", HtmlEscape(d.officer()),
                               ": ", EnumWord(v1::RiskGrade_Name(d.grade()), "RISK_GRADE_"), " risk"));
  std::string yes, not_known;
  for (const DashQuestion& q : DashQuestions()) {
    auto a = d.answers().find(q.id);
    if (a == d.answers().end()) continue;
    const std::string item = absl::StrCat("<li>", HtmlEscape(q.text), "</li>");
    if (a->second == v1::DASH_ANSWER_YES) yes += item;
    if (a->second == v1::DASH_ANSWER_NOT_KNOWN) not_known += item;
  }
  if (!yes.empty()) r.Row("yes to", absl::StrCat("<ul>", yes, "</ul>"));
  if (!not_known.empty()) r.Row("not known", absl::StrCat("<ul>", not_known, "</ul>"));
  if (d.has_review()) DashReview(r, d.review());
  return r.Done();
}

}  // namespace

std::string RecordHtml(const v1::Entry& e) {
  switch (e.record_case()) {
    case v1::Entry::kStrategyDiscussion: return StrategyDiscussion(e.strategy_discussion());
    case v1::Entry::kReferral: return Referral(e.referral());
    case v1::Entry::kReferralFeedback: return Feedback(e.referral_feedback());
    case v1::Entry::kMissingEpisode: return Missing(e.missing_episode());
    case v1::Entry::kCustody: return Custody(e.custody());
    case v1::Entry::kSection47Enquiry: {
      RecordBuilder r(absl::StrCat("Section 47 enquiry begun ", TimeText(e.section47_enquiry().started_time())));
      for (const v1::ChildRef& c : e.section47_enquiry().children()) r.Row("child", Child(c));
      return r.Done();
    }
    case v1::Entry::kAssessment: {
      RecordBuilder r(absl::StrCat("Assessment of ", Child(e.assessment().child()), ", ",
                                   TimeText(e.assessment().assessed_time())));
      r.Text("summary", e.assessment().summary());
      return r.Done();
    }
    case v1::Entry::kActionCompleted: {
      RecordBuilder r(absl::StrCat("Action ", e.action_completed().action(), " of ",
                                   HtmlEscape(e.action_completed().strategy_discussion()), " done"));
      r.Text("outcome", e.action_completed().outcome());
      return r.Done();
    }
    case v1::Entry::kDashRiskAssessment: return Dash(e.dash_risk_assessment());
    case v1::Entry::kDashReview: {
      RecordBuilder r(absl::StrCat("Review of DASH risk assessment ", HtmlEscape(e.dash_review().assessment())));
      DashReview(r, e.dash_review().review());
      return r.Done();
    }
    case v1::Entry::RECORD_NOT_SET: break;
  }
  return "";
}

}  // namespace casefile::web
