// The record forms of casefile-web: each filled form becomes exactly its
// record; the form drawn carries back every value typed (all rows, an added
// row too) as a browser would send it; casefiled's refusals land on the form
// row that was sent; local refusals name their field.
#include "web/record_forms/record_forms.h"

#include <map>
#include <optional>
#include <regex>
#include <string>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "google/protobuf/text_format.h"
#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"
#include "web/entry_form.h"
#include "web/kept_form.h"

namespace casefile::web {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Pair;

constexpr char kCase[] = "CF-000042";

std::string Unescaped(std::string v) {
  for (const auto& [from, to] :
       std::map<std::string, std::string>{{"&quot;", "\""}, {"&lt;", "<"}, {"&gt;", ">"}, {"&#10;", "\n"}, {"&#39;", "'"}}) {
    for (size_t p; (p = v.find(from)) != std::string::npos;) v.replace(p, from.size(), to);
  }
  for (size_t p; (p = v.find("&amp;")) != std::string::npos;) v.replace(p, 5, "&");
  return v;
}

// What a browser sends for the form's fields: text and hidden inputs,
// checked boxes and radios, text areas, the selected option of each select.
std::map<std::string, std::string> Sent(const std::string& html) {
  std::map<std::string, std::string> sent;
  static const std::regex input(R"re(<input type="(text|hidden|radio|checkbox)"[^>]*>)re");
  static const std::regex name(R"re(name="([^"]*)")re"), value(R"re(value="([^"]*)")re");
  for (std::sregex_iterator it(html.begin(), html.end(), input), end; it != end; ++it) {
    const std::string tag = it->str();
    const std::string type = (*it)[1];
    if ((type == "radio" || type == "checkbox") && tag.find(" checked") == std::string::npos) continue;
    std::smatch n, v;
    if (!std::regex_search(tag, n, name) || !std::regex_search(tag, v, value)) continue;
    if (!v[1].str().empty()) sent[Unescaped(n[1])] = Unescaped(v[1]);
  }
  static const std::regex area(R"re(<textarea id="[^"]*" name="([^"]*)"[^>]*>([^<]*)</textarea>)re");
  for (std::sregex_iterator it(html.begin(), html.end(), area), end; it != end; ++it) {
    if (!(*it)[2].str().empty()) sent[Unescaped((*it)[1])] = Unescaped((*it)[2]);
  }
  static const std::regex select(R"re(<select id="[^"]*" name="([^"]*)"[^>]*>(.*?)</select>)re");
  static const std::regex selected(R"re(<option value="([^"]*)" selected>)re");
  for (std::sregex_iterator it(html.begin(), html.end(), select), end; it != end; ++it) {
    const std::string options = (*it)[2];
    std::smatch chosen;
    if (std::regex_search(options, chosen, selected)) sent[Unescaped((*it)[1])] = Unescaped(chosen[1]);
  }
  return sent;
}

RecordDraft DraftOf(const RecordForm& form, std::map<std::string, std::string> params) {
  return RecordDraftFromForm(form, [&](const std::string& name) { return params.count(name) ? params[name] : ""; });
}

v1::Entry Expected(const std::string& text_proto) {
  v1::Entry e;
  EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(text_proto, &e)) << text_proto;
  return e;
}

void ExpectSame(const v1::Entry& got, const v1::Entry& want) {
  EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(got, want))
      << "got:\n" << got.DebugString() << "want:\n" << want.DebugString();
}

// A strategy discussion typed with a blank second attendee row and a fourth
// row added, a blank decision row between two decisions.
std::map<std::string, std::string> StrategyParams() {
  return {{"held_time-day", "12"},
          {"held_time-month", "11"},
          {"held_time-year", "2012"},
          {"held_time-time", "14:00"},
          {"format", "FORMAT_MEETING"},
          {"attendees-rows", "4"},
          {"attendees-1-name", "SW Jones"},
          {"attendees-1-agency", "AGENCY_CSC"},
          {"attendees-1-role", "Social worker"},
          {"attendees-3-name", "DS Patel"},
          {"attendees-3-agency", "AGENCY_POLICE"},
          {"attendees-4-name", "Nurse Ahmed"},
          {"attendees-4-agency", "AGENCY_HEALTH"},
          {"absent_agencies-rows", "1"},
          {"information_shared", "School reports bruising.\r\nMother not told."},
          {"decisions-rows", "3"},
          {"decisions-1-text", "Section 47 enquiry to start"},
          {"decisions-3-text", "Medical by Friday"},
          {"section47_threshold", "SECTION47_THRESHOLD_MET"},
          {"actions-rows", "3"},
          {"actions-1-owner", "DS Patel"},
          {"actions-1-description", "Visit school"},
          {"actions-1-due-day", "16"},
          {"actions-1-due-month", "Nov"},
          {"actions-1-due-year", "2012"},
          {"children-rows", "2"},
          {"children-1-name", "Ellie WATSON"},
          {"children-1-date_of_birth-day", "3"},
          {"children-1-date_of_birth-month", "4"},
          {"children-1-date_of_birth-year", "2008"},
          {"children-2-name", "Sam WATSON"},
          {"children-2-date_of_birth-year", "2010"}};
}

TEST(RecordFormsTest, AFilledStrategyDiscussionIsExactlyItsRecord) {
  const RecordForm& form = StrategyDiscussionForm();
  v1::Entry entry;
  RowMap rows;
  EXPECT_THAT(RecordToEntry(form, DraftOf(form, StrategyParams()), kCase, entry, &rows), ElementsAre());
  ExpectSame(entry, Expected(R"pb(
    kind: ENTRY_KIND_STRATEGY_DISCUSSION
    occur_time { precision: PRECISION_MINUTE year: 2012 month: 11 day: 12 hour: 14 }
    strategy_discussion {
      held_time { precision: PRECISION_MINUTE year: 2012 month: 11 day: 12 hour: 14 }
      format: FORMAT_MEETING
      attendees { name: "SW Jones" agency: AGENCY_CSC role: "Social worker" }
      attendees { name: "DS Patel" agency: AGENCY_POLICE }
      attendees { name: "Nurse Ahmed" agency: AGENCY_HEALTH }
      information_shared: "School reports bruising.\nMother not told."
      decisions: "Section 47 enquiry to start"
      decisions: "Medical by Friday"
      section47_threshold: SECTION47_THRESHOLD_MET
      actions {
        owner: "DS Patel"
        description: "Visit school"
        due { precision: PRECISION_DAY year: 2012 month: 11 day: 16 }
      }
      children { name: "Ellie WATSON" date_of_birth { precision: PRECISION_DAY year: 2008 month: 4 day: 3 } }
      children { name: "Sam WATSON" date_of_birth { precision: PRECISION_YEAR year: 2010 } }
    })pb"));
  EXPECT_THAT(rows, ElementsAre(Pair("absent_agencies", ElementsAre()), Pair("actions", ElementsAre(1)),
                                Pair("attendees", ElementsAre(1, 3, 4)), Pair("children", ElementsAre(1, 2)),
                                Pair("decisions", ElementsAre(1, 3))));
}

TEST(RecordFormsTest, TheFormDrawnSendsBackEveryValueAndRowIncludingAnAddedOne) {
  const RecordForm& form = StrategyDiscussionForm();
  std::map<std::string, std::string> params = StrategyParams();
  params["add-row"] = "attendees";
  params["attendees-6-name"] = "not a row";  // beyond the rows shown: not read
  const RecordDraft draft = DraftOf(form, params);
  EXPECT_EQ(draft.rows.at("attendees"), 5);
  EXPECT_EQ(draft.Get("attendees-6-name"), "");
  const std::string html = RecordFieldsHtml(form, draft, {});
  EXPECT_THAT(html, HasSubstr("id=\"attendees-5-name\""));
  EXPECT_THAT(html, HasSubstr("<legend>Attendee 5</legend>"));
  EXPECT_THAT(html, HasSubstr("name=\"add-row\" value=\"attendees\" id=\"add-attendees\">Add another attendee"));
  std::map<std::string, std::string> sent = Sent(html);
  std::map<std::string, std::string> want = StrategyParams();
  want["attendees-rows"] = "5";
  EXPECT_EQ(sent, want);
  // Sent back, it is the same draft.
  const RecordDraft back = DraftOf(form, sent);
  EXPECT_EQ(back.values, draft.values);
  EXPECT_EQ(back.rows, draft.rows);
}

TEST(RecordFormsTest, CasefiledsRefusalLandsOnTheFormRowThatWasSent) {
  const RecordForm& form = StrategyDiscussionForm();
  const RecordDraft draft = DraftOf(form, StrategyParams());
  v1::Entry entry;
  RowMap rows;
  RecordToEntry(form, draft, kCase, entry, &rows);
  auto placed = [&](const std::string& message) { return RecordServerError(form, draft, rows, message); };
  FieldError e = placed("entry.strategy_discussion.attendees[1].name: control character U+001B at byte 2");
  EXPECT_EQ(e.field, "attendees-3-name");
  EXPECT_EQ(e.message, "Attendee 3, name: control character U+001B at byte 2");
  e = placed("entry.strategy_discussion.decisions[1]: is required");
  EXPECT_EQ(e.field, "decisions-3-text");
  EXPECT_EQ(e.message, "Decision 3: is required");
  e = placed("entry.strategy_discussion.attendees: no attendee from health (AGENCY_HEALTH) and no reason recorded "
             "in absent_agencies");
  EXPECT_EQ(e.field, "attendees-1-name");
  EXPECT_EQ(e.message, "Who took part: no attendee from health (AGENCY_HEALTH) and no reason recorded in "
                       "absent_agencies");
  e = placed("entry.strategy_discussion.held_time: must be known to the day");
  EXPECT_EQ(e.field, "held_time-day");
  EXPECT_EQ(e.message, "When was it held?: must be known to the day");
  EXPECT_EQ(placed("entry.strategy_discussion.actions[0].due: must be known to the day").field, "actions-1-due-day");
  EXPECT_EQ(placed("entry.strategy_discussion.children[1].date_of_birth: is required").field,
            "children-2-date_of_birth-day");
  EXPECT_EQ(placed("entry.strategy_discussion.section47_threshold: the decision ... is required").field,
            "section47_threshold");
  // Not about the record: left for the entry's own fields, or the whole form.
  EXPECT_EQ(placed("entry.text: is required").field, "");
  EntryDraft entry_draft;
  entry_draft.record = "strategy-discussion";
  entry_draft.record_fields = draft;
  EXPECT_EQ(ServerErrorOnForm(entry_draft, kCase, "entry.text: is required").field, "text");
  EXPECT_EQ(ServerErrorOnForm(entry_draft, kCase, "entry.strategy_discussion.children[0].name: is required").field,
            "children-1-name");
}

TEST(RecordFormsTest, WhatCannotBeSentIsRefusedHereByField) {
  const RecordForm& form = StrategyDiscussionForm();
  std::map<std::string, std::string> params = StrategyParams();
  params["actions-1-due-month"] = "Smarch";
  params["held_time-time"] = "25:00";
  v1::Entry entry;
  std::vector<FieldError> errors = RecordToEntry(form, DraftOf(form, params), kCase, entry);
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0].field, "held_time-time");
  EXPECT_EQ(errors[1].field, "actions-1-due-month");
  const std::string html = RecordFieldsHtml(form, DraftOf(form, params), errors);
  EXPECT_THAT(html, HasSubstr("id=\"actions-1-due-month-error\""));
  EXPECT_THAT(html, HasSubstr("value=\"Smarch\""));
}

TEST(RecordFormsTest, AReferralNamesEachChildWithItsImpact) {
  const RecordForm& form = ReferralForm();
  v1::Entry entry;
  RowMap rows;
  EXPECT_THAT(RecordToEntry(form,
                            DraftOf(form, {{"to_agency", "AGENCY_CSC"},
                                           {"referred_time-day", "13"},
                                           {"referred_time-month", "11"},
                                           {"referred_time-year", "2012"},
                                           {"reason", "Disclosure at school"},
                                           {"child_impacts-rows", "3"},
                                           {"child_impacts-2-child-name", "Ellie WATSON"},
                                           {"child_impacts-2-child-date_of_birth-month", "4"},
                                           {"child_impacts-2-child-date_of_birth-year", "2008"},
                                           {"child_impacts-2-impact", "Frightened to go home"},
                                           {"child_impacts-3-impact", "Witnessed the assault"},
                                           {"risk_grade", "RISK_GRADE_HIGH"},
                                           {"significant_harm_suspected", "1"}}),
                            kCase, entry, &rows),
              ElementsAre());
  ExpectSame(entry, Expected(R"pb(
    kind: ENTRY_KIND_REFERRAL
    occur_time { precision: PRECISION_DAY year: 2012 month: 11 day: 13 }
    referral {
      to_agency: AGENCY_CSC
      referred_time { precision: PRECISION_DAY year: 2012 month: 11 day: 13 }
      reason: "Disclosure at school"
      child_impacts {
        child { name: "Ellie WATSON" date_of_birth { precision: PRECISION_MONTH year: 2008 month: 4 } }
        impact: "Frightened to go home"
      }
      child_impacts { impact: "Witnessed the assault" }
      risk_grade: RISK_GRADE_HIGH
      significant_harm_suspected: true
    })pb"));
  // casefiled refuses the second impact's child: beside form row 3's name.
  const FieldError e = RecordServerError(
      form, DraftOf(form, {{"child_impacts-rows", "3"}}), rows,
      "entry.referral.child_impacts[1].child: needs person, or name and date_of_birth");
  EXPECT_EQ(e.field, "child_impacts-3-child-name");
  EXPECT_EQ(e.message, "Child 3, who: needs person, or name and date_of_birth");
}

TEST(RecordFormsTest, ReferralFeedbackNamesItsReferral) {
  const RecordForm& form = ReferralFeedbackForm();
  v1::Entry entry;
  EXPECT_THAT(RecordToEntry(form,
                            DraftOf(form, {{"referral", "2"},
                                           {"outcome", "Section 47 enquiry"},
                                           {"feedback", "CSC will visit\r\ntomorrow."}}),
                            kCase, entry),
              ElementsAre());
  ExpectSame(entry, Expected(R"pb(
    kind: ENTRY_KIND_REFERRAL
    referral_feedback {
      referral: "cases/CF-000042/entries/2"
      outcome: "Section 47 enquiry"
      feedback: "CSC will visit\ntomorrow."
    })pb"));
}

TEST(RecordFormsTest, ASection47EnquiryAndItsChildren) {
  const RecordForm& form = Section47Form();
  v1::Entry entry;
  EXPECT_THAT(RecordToEntry(form,
                            DraftOf(form, {{"started_time-day", "14"},
                                           {"started_time-month", "11"},
                                           {"started_time-year", "2012"},
                                           {"children-1-name", "Ellie WATSON"},
                                           {"children-1-date_of_birth-year", "2008"}}),
                            kCase, entry),
              ElementsAre());
  ExpectSame(entry, Expected(R"pb(
    kind: ENTRY_KIND_ENQUIRY
    occur_time { precision: PRECISION_DAY year: 2012 month: 11 day: 14 }
    section47_enquiry {
      started_time { precision: PRECISION_DAY year: 2012 month: 11 day: 14 }
      children { name: "Ellie WATSON" date_of_birth { precision: PRECISION_YEAR year: 2008 } }
    })pb"));
}

TEST(RecordFormsTest, AMissingEpisodeThatBringsAnEarlierOneUpToDate) {
  const RecordForm& form = MissingEpisodeForm();
  v1::Entry entry;
  EXPECT_THAT(RecordToEntry(form,
                            DraftOf(form, {{"child-name", "Ellie WATSON"},
                                           {"child-date_of_birth-day", "3"},
                                           {"child-date_of_birth-month", "4"},
                                           {"child-date_of_birth-year", "2008"},
                                           {"missing_from", "Home"},
                                           {"reported_time-day", "1"},
                                           {"reported_time-month", "12"},
                                           {"reported_time-year", "2012"},
                                           {"reported_time-time", "2230"},
                                           {"returned_time-day", "2"},
                                           {"returned_time-month", "12"},
                                           {"returned_time-year", "2012"},
                                           {"found_where", "Friend's house"},
                                           {"updates", " 7 "}}),
                            kCase, entry),
              ElementsAre());
  ExpectSame(entry, Expected(R"pb(
    kind: ENTRY_KIND_MISSING_EPISODE
    occur_time { precision: PRECISION_MINUTE year: 2012 month: 12 day: 1 hour: 22 minute: 30 }
    missing_episode {
      child { name: "Ellie WATSON" date_of_birth { precision: PRECISION_DAY year: 2008 month: 4 day: 3 } }
      missing_from: "Home"
      reported_time { precision: PRECISION_MINUTE year: 2012 month: 12 day: 1 hour: 22 minute: 30 }
      returned_time { precision: PRECISION_DAY year: 2012 month: 12 day: 2 }
      found_where: "Friend's house"
      updates: "cases/CF-000042/entries/7"
    })pb"));
  EXPECT_THAT(RecordToEntry(form, DraftOf(form, {{"updates", "seven"}}), kCase, entry),
              ElementsAre(::testing::Field(&FieldError::field, "updates")));
}

TEST(RecordFormsTest, ACustodyRecord) {
  const RecordForm& form = CustodyForm();
  v1::Entry entry;
  EXPECT_THAT(RecordToEntry(form,
                            DraftOf(form, {{"child-name", "Sam WATSON"},
                                           {"child-date_of_birth-year", "2006"},
                                           {"arrival_time-day", "5"},
                                           {"arrival_time-month", "1"},
                                           {"arrival_time-year", "2013"},
                                           {"arrival_time-time", "21:40"},
                                           {"appropriate_adult_requested_time-day", "5"},
                                           {"appropriate_adult_requested_time-month", "1"},
                                           {"appropriate_adult_requested_time-year", "2013"},
                                           {"appropriate_adult_requested_time-time", "21:45"},
                                           {"charge", "Theft"},
                                           {"decision", "DECISION_DETAINED"},
                                           {"accommodated_at", "Local authority bed"}}),
                            kCase, entry),
              ElementsAre());
  ExpectSame(entry, Expected(R"pb(
    kind: ENTRY_KIND_CUSTODY
    occur_time { precision: PRECISION_MINUTE year: 2013 month: 1 day: 5 hour: 21 minute: 40 }
    custody {
      child { name: "Sam WATSON" date_of_birth { precision: PRECISION_YEAR year: 2006 } }
      arrival_time { precision: PRECISION_MINUTE year: 2013 month: 1 day: 5 hour: 21 minute: 40 }
      appropriate_adult_requested_time { precision: PRECISION_MINUTE year: 2013 month: 1 day: 5 hour: 21 minute: 45 }
      charge: "Theft"
      decision: DECISION_DETAINED
      accommodated_at: "Local authority bed"
    })pb"));
  // Not charged: the first radio ("not decided") is the one checked.
  EXPECT_THAT(RecordFieldsHtml(form, DraftOf(form, {}), {}),
              HasSubstr("id=\"decision\" name=\"decision\" value=\"\" checked>"));
}

TEST(RecordFormsTest, AnAssessmentAndAnActionCompleted) {
  v1::Entry entry;
  EXPECT_THAT(RecordToEntry(AssessmentForm(),
                            DraftOf(AssessmentForm(), {{"child-name", "Ellie WATSON"},
                                                       {"child-date_of_birth-year", "2008"},
                                                       {"assessed_time-day", "9"},
                                                       {"assessed_time-month", "1"},
                                                       {"assessed_time-year", "2013"},
                                                       {"summary", "Return home interview: no further action"}}),
                            kCase, entry),
              ElementsAre());
  ExpectSame(entry, Expected(R"pb(
    kind: ENTRY_KIND_ASSESSMENT
    occur_time { precision: PRECISION_DAY year: 2013 month: 1 day: 9 }
    assessment {
      child { name: "Ellie WATSON" date_of_birth { precision: PRECISION_YEAR year: 2008 } }
      assessed_time { precision: PRECISION_DAY year: 2013 month: 1 day: 9 }
      summary: "Return home interview: no further action"
    })pb"));
  EXPECT_THAT(RecordToEntry(ActionCompletedForm(),
                            DraftOf(ActionCompletedForm(),
                                    {{"strategy_discussion", "3"}, {"action", "2"}, {"outcome", "School visited"}}),
                            kCase, entry),
              ElementsAre());
  ExpectSame(entry, Expected(R"pb(
    kind: ENTRY_KIND_NOTE
    action_completed { strategy_discussion: "cases/CF-000042/entries/3" action: 2 outcome: "School visited" })pb"));
  EXPECT_THAT(RecordToEntry(ActionCompletedForm(), DraftOf(ActionCompletedForm(), {{"action", "second"}}), kCase, entry),
              ElementsAre(::testing::Field(&FieldError::field, "action")));
}

TEST(RecordFormsTest, AnEntryDraftWithARecordAsksWhenOnlyWhenTheRecordDoesNotSay) {
  EntryDraft d;
  d.record = "action-completed";
  d.record_fields = DraftOf(ActionCompletedForm(), {{"strategy_discussion", "3"}, {"action", "1"}, {"outcome", "Done"}});
  d.text = "Action 1 done.";
  v1::Entry e;
  // No "when": the action-completed form asks it.
  std::vector<FieldError> errors = DraftToEntry(d, e, kCase);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].field, "when-day");
  d.year = "2013";
  d.month = "2";
  EXPECT_THAT(DraftToEntry(d, e, kCase), ElementsAre());
  EXPECT_EQ(e.occur_time().precision(), v1::PartialTime::PRECISION_MONTH);
  EXPECT_EQ(e.action_completed().strategy_discussion(), "cases/CF-000042/entries/3");
  EXPECT_EQ(e.text(), "Action 1 done.");
  EntryFormContext c;
  c.case_id = kCase;
  EXPECT_THAT(EntryFormPage(c, d), HasSubstr("id=\"when-day\""));
  d.record = "assessment";  // says when: no "when" input
  d.record_fields = {};
  EXPECT_THAT(EntryFormPage(c, d), ::testing::Not(HasSubstr("id=\"when-day\"")));
  EXPECT_THAT(EntryFormPage(c, d), HasSubstr("<input type=\"hidden\" name=\"record\" value=\"assessment\">"));
}

TEST(RecordFormsTest, ARecordSentSignedOutComesBackWithAllItsRowsAfterSignIn) {
  EntryDraft d;
  d.record = "strategy-discussion";
  d.record_fields = DraftOf(StrategyDiscussionForm(), StrategyParams());
  d.text = "Strategy discussion held.";
  EntryFormContext c;
  c.case_id = kCase;
  // The form as the browser sends it, through the sign-in page and back.
  const KeptForm kept = KeptFormOf("/cases/CF-000042/entries", Sent(EntryFormPage(c, d)));
  const std::optional<KeptForm> back = KeptFormFromSignIn(Sent(KeptFormHiddenFields(kept)));
  ASSERT_TRUE(back.has_value());
  const EntryDraft again = DraftFromForm([&](const char* name) { return KeptField(*back, name); });
  EXPECT_EQ(again.record, "strategy-discussion");
  EXPECT_EQ(again.record_fields.values, d.record_fields.values);
  EXPECT_EQ(again.record_fields.rows, d.record_fields.rows);
  EXPECT_EQ(again.text, d.text);
}

TEST(RecordFormsTest, ADashAssessmentAnswersEveryQuestionAndPlacesAnUnansweredOne) {
  const RecordForm& form = DashForm();
  std::map<std::string, std::string> params = {{"assessed_time-day", "13"}, {"assessed_time-month", "11"},
                                               {"assessed_time-year", "2026"}, {"grade", "RISK_GRADE_HIGH"},
                                               {"answers-injury", "DASH_ANSWER_YES"},
                                               {"answers-weapons", "DASH_ANSWER_NOT_KNOWN"}};
  v1::Entry entry;
  RowMap rows;
  const RecordDraft draft = DraftOf(form, params);
  EXPECT_THAT(RecordToEntry(form, draft, kCase, entry, &rows), ElementsAre());
  EXPECT_EQ(entry.kind(), v1::ENTRY_KIND_RISK_ASSESSMENT);
  EXPECT_EQ(entry.dash_risk_assessment().answers().size(), 2u);  // the rest unanswered: casefiled says so
  EXPECT_EQ(entry.dash_risk_assessment().answers().at("weapons"), v1::DASH_ANSWER_NOT_KNOWN);
  EXPECT_FALSE(entry.dash_risk_assessment().has_review());  // left blank, not sent
  const FieldError e = RecordServerError(form, draft, rows, "entry.dash_risk_assessment.answers.frightened: is not answered");
  EXPECT_EQ(e.field, "answers-frightened");
  EXPECT_EQ(e.message, "Are you very frightened?: is not answered");
  // Every question is on the form as radios, kept as typed.
  const std::string html = RecordFieldsHtml(form, draft, {});
  EXPECT_THAT(html, HasSubstr("Has the current incident resulted in injury?"));
  EXPECT_EQ(Sent(html)["answers-weapons"], "DASH_ANSWER_NOT_KNOWN");
}

TEST(RecordFormsTest, ADashReviewNamesItsAssessment) {
  const RecordForm& form = DashReviewForm();
  v1::Entry entry;
  EXPECT_THAT(RecordToEntry(form,
                            DraftOf(form, {{"assessment", "4"},
                                           {"review-reviewed_time-day", "14"},
                                           {"review-reviewed_time-month", "11"},
                                           {"review-reviewed_time-year", "2026"},
                                           {"review-agreed_grade", "RISK_GRADE_MEDIUM"},
                                           {"review-comment", "Agreed"}}),
                            kCase, entry),
              ElementsAre());
  ExpectSame(entry, Expected(R"pb(
    kind: ENTRY_KIND_RISK_ASSESSMENT
    occur_time { precision: PRECISION_DAY year: 2026 month: 11 day: 14 }
    dash_review {
      assessment: "cases/CF-000042/entries/4"
      review {
        reviewed_time { precision: PRECISION_DAY year: 2026 month: 11 day: 14 }
        agreed_grade: RISK_GRADE_MEDIUM
        comment: "Agreed"
      }
    })pb"));
}

TEST(RecordFormsTest, TheEntryPageOffersEveryRecordForm) {
  EntryFormContext c;
  c.case_id = kCase;
  const std::string page = EntryFormPage(c, EntryDraft{});
  for (const RecordForm* form : RecordForms()) {
    EXPECT_THAT(page, HasSubstr(absl::StrCat("name=\"record\" value=\"", form->kind, "\"")));
    EXPECT_EQ(FindRecordForm(form->kind), form);
  }
  EXPECT_EQ(RecordForms().size(), 10u);
  EXPECT_EQ(FindRecordForm("note"), nullptr);
}

}  // namespace
}  // namespace casefile::web
