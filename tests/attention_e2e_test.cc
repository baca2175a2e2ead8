// The attention lists end to end, against the real casefiled with every
// threshold at zero (dates in the past stand in for time passing): for each
// list, the situation is created, its item appears, it is dealt with, and
// the item goes. Also: the specialist team's live watch, restricted cases,
// the audit record of each list, and a threshold that has not yet passed.
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "casefile/v1/attention.grpc.pb.h"
#include "casefile/v1/audit.grpc.pb.h"
#include "casefile/v1/person.grpc.pb.h"
#include "casefile/v1/session.grpc.pb.h"
#include "core/access/password_hash.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/support/casefiled_fixture.h"
#include "tests/support/cli_runner.h"
#include "tests/support/import_client.h"
#include "tests/support/safeguarding_examples.h"

namespace casefile::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

const std::vector<std::string> kZeroThresholds = {
    "--strategy_discussion_within=0s", "--referral_feedback_within=0s",
    "--appropriate_adult_within=0s", "--specialist_team=cait"};

class AttentionE2eTest : public CasefiledTest {
 protected:
  std::vector<std::string> ExtraFlags() const override { return kZeroThresholds; }

  // Case `id` about Ellie WATSON, kept to `restricted_to` when not empty; its name.
  std::string CreateCase(const std::string& id, const std::vector<std::string>& restricted_to = {}) {
    v1::CreateCaseRequest request = NewCase("Concern for Ellie WATSON", id);
    for (const std::string& user : restricted_to) request.mutable_case_()->mutable_restriction()->add_users(user);
    return CasefiledTest::CreateCase(request).name();
  }

  v1::ListAttentionItemsResponse List(v1::AttentionList list, const std::string& token = kInvestigatorToken,
                                      const std::string& team = "") {
    v1::ListAttentionItemsRequest request;
    request.set_list(list);
    request.set_team(team);
    v1::ListAttentionItemsResponse response;
    grpc::Status s = attention_->ListAttentionItems(Context(token).get(), request, &response);
    EXPECT_TRUE(s.ok()) << s.error_message();
    return response;
  }

  // Each item as "<entry>" or "<entry>#<action>".
  std::vector<std::string> Items(v1::AttentionList list, const std::string& token = kInvestigatorToken,
                                 const std::string& team = "") {
    std::vector<std::string> out;
    const v1::ListAttentionItemsResponse listed = List(list, token, team);
    for (const v1::AttentionItem& item : listed.items())
      out.push_back(item.action() == 0 ? item.entry() : absl::StrCat(item.entry(), "#", item.action()));
    return out;
  }
};

TEST_F(AttentionE2eTest, SignificantHarmReferralWaitsForAStrategyDiscussion) {
  const std::string c = CreateCase("CF-SH");
  Append(c, ReferralExample(false));  // not significant harm: not on these lists
  const std::string referral = Append(c, ReferralExample(true)).name();
  EXPECT_THAT(Items(v1::ATTENTION_LIST_SIGNIFICANT_HARM_REFERRALS), ElementsAre(referral));
  EXPECT_THAT(Items(v1::ATTENTION_LIST_STRATEGY_DISCUSSION_OVERDUE), ElementsAre(referral));
  EXPECT_THAT(Items(v1::ATTENTION_LIST_SIGNIFICANT_HARM_REFERRALS, kInvestigatorToken, "cait"),
              ElementsAre(referral));
  EXPECT_THAT(Items(v1::ATTENTION_LIST_SIGNIFICANT_HARM_REFERRALS, kInvestigatorToken, "eds"), IsEmpty());
  const v1::AttentionItem item = List(v1::ATTENTION_LIST_SIGNIFICANT_HARM_REFERRALS).items(0);
  EXPECT_EQ(item.case_(), c);
  EXPECT_EQ(item.child(), "Ellie WATSON (2008-04-03)");
  EXPECT_EQ(item.summary(), "significant-harm referral to csc (risk high): no strategy discussion yet");
  EXPECT_THAT(item.teams(), ElementsAre("cait"));
  EXPECT_FALSE(item.from_import());

  Append(c, StrategyDiscussionExample());
  EXPECT_THAT(Items(v1::ATTENTION_LIST_SIGNIFICANT_HARM_REFERRALS), IsEmpty());
  EXPECT_THAT(Items(v1::ATTENTION_LIST_STRATEGY_DISCUSSION_OVERDUE), IsEmpty());
}

TEST_F(AttentionE2eTest, Section47EnquiryWithoutAStrategyDiscussion) {
  const std::string c = CreateCase("CF-S47");
  const std::string enquiry = Append(c, Section47EnquiryExample()).name();
  EXPECT_THAT(Items(v1::ATTENTION_LIST_SECTION47_WITHOUT_STRATEGY_DISCUSSION), ElementsAre(enquiry));
  Append(c, StrategyDiscussionExample());
  EXPECT_THAT(Items(v1::ATTENTION_LIST_SECTION47_WITHOUT_STRATEGY_DISCUSSION), IsEmpty());
  // With a strategy discussion already recorded, a new enquiry is in order.
  Append(c, Section47EnquiryExample());
  EXPECT_THAT(Items(v1::ATTENTION_LIST_SECTION47_WITHOUT_STRATEGY_DISCUSSION), IsEmpty());
}

TEST_F(AttentionE2eTest, ReferralAwaitingFeedbackUntilFeedbackIsRecorded) {
  const std::string c = CreateCase("CF-FB");
  const std::string visit = Append(c, ParseExampleEntry(R"(kind: ENTRY_KIND_VISIT text: "Home visit")")).name();
  const std::string referral = Append(c, ReferralExample(false)).name();
  EXPECT_THAT(Items(v1::ATTENTION_LIST_REFERRAL_FEEDBACK_OVERDUE), ElementsAre(referral));

  v1::Entry out;
  grpc::Status wrong = TryAppend(c, ReferralFeedbackExample(visit), &out);
  EXPECT_EQ(wrong.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(wrong.error_message(),
            absl::StrCat("entry.referral_feedback.referral: ", visit, " is not a referral"));

  Append(c, ReferralFeedbackExample(referral));
  EXPECT_THAT(Items(v1::ATTENTION_LIST_REFERRAL_FEEDBACK_OVERDUE), IsEmpty());
}

TEST_F(AttentionE2eTest, ActionPastItsDueDateUntilCompleted) {
  const std::string c = CreateCase("CF-ACT");
  v1::Entry sd = StrategyDiscussionExample();
  *sd.mutable_strategy_discussion()->add_actions() = sd.strategy_discussion().actions(0);
  sd.mutable_strategy_discussion()->mutable_actions(1)->mutable_due()->set_year(2099);  // not yet due
  const std::string discussion = Append(c, sd).name();
  EXPECT_THAT(Items(v1::ATTENTION_LIST_ACTIONS_OVERDUE), ElementsAre(discussion + "#1"));
  EXPECT_EQ(List(v1::ATTENTION_LIST_ACTIONS_OVERDUE).items(0).summary(),
            "action 1 for SW Jones was due 2026-11-14");

  v1::Entry out;
  grpc::Status no_such = TryAppend(c, ActionCompletedExample(discussion, 3), &out);
  EXPECT_EQ(no_such.error_message(), absl::StrCat("entry.action_completed.action: ", discussion, " has 2 actions"));
  Append(c, ActionCompletedExample(discussion, 1));
  EXPECT_THAT(Items(v1::ATTENTION_LIST_ACTIONS_OVERDUE), IsEmpty());
}

TEST_F(AttentionE2eTest, RepeatedMissingCountsTheChildAcrossCasesUntilAssessed) {
  const std::string a = CreateCase("CF-MA");
  const std::string b = CreateCase("CF-MB");
  Append(a, MissingEpisodeExample(3));
  Append(b, MissingEpisodeExample(10));
  EXPECT_THAT(Items(v1::ATTENTION_LIST_REPEATED_MISSING), IsEmpty());
  const std::string third = Append(a, MissingEpisodeExample(17)).name();
  EXPECT_THAT(Items(v1::ATTENTION_LIST_REPEATED_MISSING), ElementsAre(third));
  EXPECT_EQ(List(v1::ATTENTION_LIST_REPEATED_MISSING).items(0).summary(),
            "3 missing episodes since 2026-11-03 and no assessment recorded since");

  Append(b, AssessmentExample(20));
  EXPECT_THAT(Items(v1::ATTENTION_LIST_REPEATED_MISSING), IsEmpty());
  // Counting starts again after the assessment.
  Append(a, MissingEpisodeExample(25));
  EXPECT_THAT(Items(v1::ATTENTION_LIST_REPEATED_MISSING), IsEmpty());
}

// Imported paper pages say a child went missing but name no child for
// certain: three dated within twelve months raise one item for the children
// of their case, flagged as imported; a month-only page is not counted; an
// assessment recorded in the case answers it.
TEST_F(AttentionE2eTest, ImportedMissingRecordsCountForTheirCaseUntilAnAssessment) {
  const std::string folder = dir_.path() + "/legacy";
  std::filesystem::create_directories(folder + "/paper");
  std::ofstream(folder + "/paper/HPVP_2026_0457.csv")
      << "file_ref,page,doc_type,entry_date,author,subjects,text\n"
      << "HPVP/2026/0457,1,Missing Person Report,03.09.2026 2210,PC 118 BROWN,Ellie WATSON (03/04/2012),"
         "Not home by curfew.\n"
      << "HPVP/2026/0457,2,Case note,10.10.2026 0100,PC 118 BROWN,Ellie WATSON (03/04/2012),"
         "Ellie reported missing by her mother again.\n"
      << "HPVP/2026/0457,3,Case note,11.2026,PC 118 BROWN,Ellie WATSON (03/04/2012),"
         "Reported missing during November (date not on the page).\n";
  ImportOutcome imported = UploadFolder(server_->channel(), kOperatorToken, folder, false);
  ASSERT_TRUE(imported.status.ok()) << imported.status.error_message();
  ASSERT_EQ(imported.report.cases_size(), 1);
  const std::string c = imported.report.cases(0);
  EXPECT_THAT(Items(v1::ATTENTION_LIST_REPEATED_MISSING), IsEmpty());  // two dated to the day

  // A personal log pasted from the same page, imported later, is the same
  // episode: still two.
  std::filesystem::create_directories(folder + "/logs");
  std::ofstream(folder + "/logs/brown.txt") << "INVESTIGATION LOG\nOfficer: PC 118 BROWN\n"
                                               "Reference: HPVP/2026/0457\nSubject: Ellie WATSON (03/04/2012)\n\n"
                                               "10/10/2026 0100 Ellie reported missing by her mother again.\n";
  imported = UploadFolder(server_->channel(), kOperatorToken, folder, false);
  ASSERT_TRUE(imported.status.ok()) << imported.status.error_message();
  EXPECT_EQ(imported.report.counts().new_entries(), 0);
  EXPECT_THAT(Items(v1::ATTENTION_LIST_REPEATED_MISSING), IsEmpty());

  std::ofstream(folder + "/paper/HPVP_2026_0457.csv", std::ios::app)
      << "HPVP/2026/0457,4,Missing Person Report,20.11.2026 2330,PC 118 BROWN,Ellie WATSON (03/04/2012),"
         "\"Missing from home overnight, found at 0400.\"\n";
  imported = UploadFolder(server_->channel(), kOperatorToken, folder, false);
  ASSERT_TRUE(imported.status.ok()) << imported.status.error_message();
  const v1::ListAttentionItemsResponse listed = List(v1::ATTENTION_LIST_REPEATED_MISSING);
  ASSERT_EQ(listed.items_size(), 1);
  const v1::AttentionItem& item = listed.items(0);
  EXPECT_EQ(item.case_(), c);
  EXPECT_TRUE(item.from_import());
  EXPECT_EQ(item.person(), "");
  EXPECT_EQ(item.child(), absl::StrCat("the children of ", c, " (imported records name no child)"));
  EXPECT_EQ(item.summary(), "3 missing-episode records since 2026-09-03 and no assessment recorded since");

  Append(c, AssessmentExample(25));
  EXPECT_THAT(Items(v1::ATTENTION_LIST_REPEATED_MISSING), IsEmpty());
}

// A child named by name and date of birth is linked to their person of the
// person index (built by an import here) as every live write links the
// people it names (the import's matcher), so that records naming the child by
// name, in other spelling of capitals, or by the person count as one child
// across cases. A person known only through cases kept from the writer is not
// accepted by id; the writer's own record of the child still joins them, and
// the writer then sees their own case only.
TEST_F(AttentionE2eTest, ChildrenAreLinkedToTheirPersonAndCountedAsOne) {
  const std::string folder = dir_.path() + "/legacy";
  std::filesystem::create_directories(folder + "/paper");
  std::ofstream(folder + "/paper/HPVP_2026_0458.csv")
      << "file_ref,page,doc_type,entry_date,author,subjects,text\n"
      << "HPVP/2026/0458,1,Case note,01.09.2026 1000,PC 118 BROWN,Ellie WATSON (03/04/2008),Concern for Ellie.\n";
  ImportOutcome imported = UploadFolder(server_->channel(), kOperatorToken, folder, false);
  ASSERT_TRUE(imported.status.ok()) << imported.status.error_message();
  ASSERT_EQ(imported.report.cases_size(), 1);
  v1::SearchPersonsRequest search;
  search.set_query("Ellie Watson");
  v1::SearchPersonsResponse found;
  ASSERT_TRUE(persons_->SearchPersons(Context(kInvestigatorToken).get(), search, &found).ok());
  ASSERT_EQ(found.results_size(), 1);
  const std::string ellie = found.results(0).person().name();

  const std::string a = CreateCase("CF-LA");
  const std::string b = CreateCase("CF-LB");
  v1::Entry by_name;
  ASSERT_TRUE(TryAppend(a, MissingEpisodeExample(3), &by_name).ok());
  EXPECT_EQ(by_name.missing_episode().child().person(), ellie);
  EXPECT_EQ(by_name.missing_episode().child().name(), "Ellie WATSON");  // as written
  v1::Entry lower_case = MissingEpisodeExample(10);
  lower_case.mutable_missing_episode()->mutable_child()->set_name("ellie  watson");
  const v1::Entry in_lower_case = Append(b, lower_case);
  EXPECT_EQ(in_lower_case.missing_episode().child().person(), ellie);
  v1::Entry by_person = MissingEpisodeExample(17);
  by_person.mutable_missing_episode()->mutable_child()->Clear();
  by_person.mutable_missing_episode()->mutable_child()->set_person(ellie);
  const std::string third = Append(b, by_person).name();
  const v1::ListAttentionItemsResponse listed = List(v1::ATTENTION_LIST_REPEATED_MISSING);
  ASSERT_EQ(listed.items_size(), 1);
  EXPECT_EQ(listed.items(0).entry(), third);
  EXPECT_EQ(listed.items(0).person(), ellie);
  v1::GetPersonRequest get;
  get.set_name(ellie);
  v1::Person person;
  ASSERT_TRUE(persons_->GetPerson(Context(kInvestigatorToken).get(), get, &person).ok());
  EXPECT_THAT(person.cases(), ::testing::UnorderedElementsAre(imported.report.cases(0), a, b));

  // Every case naming Ellie is kept to inv1: she does not exist for inv2.
  for (const std::string& kept : {imported.report.cases(0), a, b}) {
    v1::SetCaseRestrictionRequest restrict;
    restrict.set_name(kept);
    restrict.mutable_restriction()->add_users("inv1");
    v1::Case restricted;
    ASSERT_TRUE(cases_->SetCaseRestriction(Context(kInvestigatorToken).get(), restrict, &restricted).ok());
  }
  v1::CreateCaseRequest create;
  create.set_case_id("CF-LC");
  create.mutable_case_()->set_title("Concern for Ellie WATSON");
  v1::Case c;
  ASSERT_TRUE(cases_->CreateCase(Context(kSecondInvestigatorToken).get(), create, &c).ok());
  v1::AppendEntryRequest append;
  append.set_parent(c.name());
  *append.mutable_entry() = by_person;
  v1::Entry written;
  grpc::Status hidden = cases_->AppendEntry(Context(kSecondInvestigatorToken).get(), append, &written);
  EXPECT_EQ(hidden.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(hidden.error_message(), absl::StrCat("entry.missing_episode.child.person: ", ellie, " not found"));
  EXPECT_EQ(persons_->GetPerson(Context(kSecondInvestigatorToken).get(), get, &person).error_code(),
            grpc::StatusCode::NOT_FOUND);

  *append.mutable_entry() = MissingEpisodeExample(20);
  ASSERT_TRUE(cases_->AppendEntry(Context(kSecondInvestigatorToken).get(), append, &written).ok());
  EXPECT_EQ(written.missing_episode().child().person(), ellie);
  ASSERT_TRUE(persons_->GetPerson(Context(kSecondInvestigatorToken).get(), get, &person).ok());
  EXPECT_THAT(person.cases(), ElementsAre(c.name()));
  std::vector<std::string> sources;
  for (const v1::PersonSource& source : person.sources()) sources.push_back(source.locator());
  EXPECT_THAT(sources, ::testing::Contains(absl::StrCat(written.name(), "#child=1")));
  for (const std::string& kept : {by_name.name(), in_lower_case.name()}) {  // written in cases kept from inv2
    EXPECT_THAT(sources, ::testing::Not(::testing::Contains(absl::StrCat(kept, "#child=1"))));
  }
}

TEST_F(AttentionE2eTest, WaitForAnAppropriateAdultUntilOneArrives) {
  const std::string c = CreateCase("CF-AA");
  const std::string booked = Append(c, CustodyExample()).name();
  EXPECT_THAT(Items(v1::ATTENTION_LIST_APPROPRIATE_ADULT_WAIT), ElementsAre(booked));
  v1::Entry arrived = CustodyExample();
  arrived.mutable_custody()->set_updates(booked);
  *arrived.mutable_custody()->mutable_appropriate_adult_arrived_time() =
      arrived.custody().appropriate_adult_requested_time();
  arrived.mutable_custody()->mutable_appropriate_adult_arrived_time()->set_hour(21);
  Append(c, arrived);
  EXPECT_THAT(Items(v1::ATTENTION_LIST_APPROPRIATE_ADULT_WAIT), IsEmpty());
}

TEST_F(AttentionE2eTest, DetainedAfterChargeUntilMoved) {
  const std::string c = CreateCase("CF-DET");
  v1::Entry charged = CustodyExample();
  *charged.mutable_custody()->mutable_appropriate_adult_arrived_time() =
      charged.custody().appropriate_adult_requested_time();
  charged.mutable_custody()->set_charge("Robbery");
  charged.mutable_custody()->set_decision(v1::Custody::DECISION_DETAINED);
  charged.mutable_custody()->set_accommodated_at("Custody suite, cell 4");
  const std::string detained = Append(c, charged).name();
  EXPECT_THAT(Items(v1::ATTENTION_LIST_DETAINED_AFTER_CHARGE), ElementsAre(detained));
  EXPECT_THAT(Items(v1::ATTENTION_LIST_APPROPRIATE_ADULT_WAIT), IsEmpty());

  v1::Entry moved = charged;
  moved.mutable_custody()->set_updates(detained);
  moved.mutable_custody()->set_decision(v1::Custody::DECISION_TRANSFERRED_TO_LOCAL_AUTHORITY);
  moved.mutable_custody()->set_accommodated_at("Local authority accommodation");
  Append(c, moved);
  EXPECT_THAT(Items(v1::ATTENTION_LIST_DETAINED_AFTER_CHARGE), IsEmpty());
}

TEST_F(AttentionE2eTest, TheSpecialistTeamSeesASignificantHarmReferralAtOnce) {
  const std::string c = CreateCase("CF-LIVE");
  v1::WatchAttentionRequest request;
  request.add_lists(v1::ATTENTION_LIST_SIGNIFICANT_HARM_REFERRALS);
  request.set_team("cait");
  auto context = Context(kSecondInvestigatorToken);
  auto stream = attention_->WatchAttention(context.get(), request);
  v1::WatchAttentionResponse first;
  ASSERT_TRUE(stream->Read(&first));  // the watch is open: nothing due yet
  EXPECT_EQ(first.items_size(), 0);

  Append(c, ReferralExample(false));  // no significant harm: nothing sent
  const std::string referral = Append(c, ReferralExample(true)).name();
  v1::WatchAttentionResponse next;
  ASSERT_TRUE(stream->Read(&next));
  ASSERT_EQ(next.items_size(), 1);
  EXPECT_EQ(next.items(0).entry(), referral);
  EXPECT_EQ(next.items(0).list(), v1::ATTENTION_LIST_SIGNIFICANT_HARM_REFERRALS);
  context->TryCancel();
}

// A watch opened with a sign-in session sends no item once the session has
// ended: the next item due ends it, UNAUTHENTICATED.
TEST_F(AttentionE2eTest, AWatchOpenedWithASessionEndsAtSignOut) {
  const std::string users = dir_.path() + "/users";
  std::ofstream(users) << "hughes4471 " << *HashPassword("correct horse battery staple")
                       << " investigator:cait DC 4471 Hughes\n";
  std::filesystem::permissions(users, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
  ASSERT_EQ(StartServer({"--users=" + users}), absl::OkStatus());  // with kZeroThresholds still
  const std::string c = CreateCase("CF-SESSION");
  v1::SignInRequest sign_in;
  sign_in.set_user("hughes4471");
  sign_in.set_password("correct horse battery staple");
  v1::Session session;
  ASSERT_TRUE(sessions_->SignIn(Context("").get(), sign_in, &session).ok());

  v1::WatchAttentionRequest request;
  request.add_lists(v1::ATTENTION_LIST_SIGNIFICANT_HARM_REFERRALS);
  auto context = Context(session.token());
  auto stream = attention_->WatchAttention(context.get(), request);
  v1::WatchAttentionResponse message;
  ASSERT_TRUE(stream->Read(&message));  // open: nothing due yet
  EXPECT_EQ(message.items_size(), 0);

  v1::SignOutResponse signed_out;
  ASSERT_TRUE(sessions_->SignOut(Context(session.token()).get(), {}, &signed_out).ok());
  Append(c, ReferralExample(true));
  EXPECT_FALSE(stream->Read(&message));
  grpc::Status ended = stream->Finish();
  EXPECT_EQ(ended.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(ended.error_message(), "session ended; sign in again");
}

TEST_F(AttentionE2eTest, RestrictedCasesStayInvisible) {
  const std::string c = CreateCase("CF-RESTRICTED", {"inv1"});
  const std::string referral = Append(c, ReferralExample(true)).name();
  EXPECT_THAT(Items(v1::ATTENTION_LIST_SIGNIFICANT_HARM_REFERRALS, kInvestigatorToken), ElementsAre(referral));
  EXPECT_THAT(Items(v1::ATTENTION_LIST_SIGNIFICANT_HARM_REFERRALS, kSecondInvestigatorToken), IsEmpty());
  EXPECT_THAT(Items(v1::ATTENTION_LIST_SIGNIFICANT_HARM_REFERRALS, kAdminToken), ElementsAre(referral));
}

TEST_F(AttentionE2eTest, EveryListReturnedIsAudited) {
  const std::string c = CreateCase("CF-AUD");
  const v1::Entry referral = Append(c, ReferralExample(true));
  Items(v1::ATTENTION_LIST_SIGNIFICANT_HARM_REFERRALS, kOutOfHoursToken);
  v1::ListAuditEventsRequest request;
  request.set_kind("ListAttentionItems");
  v1::ListAuditEventsResponse events;
  ASSERT_TRUE(audit_->ListAuditEvents(Context(kAuditorToken).get(), request, &events).ok());
  ASSERT_EQ(events.audit_events_size(), 1);
  EXPECT_EQ(events.audit_events(0).user(), "ooh1");
  // The entry, and the person its child is.
  EXPECT_THAT(events.audit_events(0).resources(),
              ElementsAre(referral.name(), referral.referral().child_impacts(0).child().person()));
  EXPECT_EQ(events.audit_events(0).count(), 1);
}

TEST_F(AttentionE2eTest, ANamedPersonMustExist) {
  const std::string c = CreateCase("CF-PERSON");
  v1::Entry missing = MissingEpisodeExample(3);
  missing.mutable_missing_episode()->mutable_child()->set_person("persons/P0123456789abcdef");
  v1::Entry out;
  grpc::Status s = TryAppend(c, missing, &out);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(s.error_message(), "entry.missing_episode.child.person: persons/P0123456789abcdef not found");
}

TEST_F(AttentionE2eTest, ListRequestsAreChecked) {
  v1::ListAttentionItemsRequest request;
  v1::ListAttentionItemsResponse response;
  grpc::Status s = attention_->ListAttentionItems(Context(kInvestigatorToken).get(), request, &response);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(s.error_message(), "list: is required (e.g. ATTENTION_LIST_ACTIONS_OVERDUE)");
  request.set_list(v1::ATTENTION_LIST_ACTIONS_OVERDUE);
  request.set_page_token("not-a-token");
  s = attention_->ListAttentionItems(Context(kInvestigatorToken).get(), request, &response);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  s = attention_->ListAttentionItems(Context("").get(), request, &response);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::UNAUTHENTICATED);
}

TEST_F(AttentionE2eTest, TheCliLogsARecordShowsItAndListsWhatNeedsAttention) {
  CreateCase("CF-CLI");
  const std::string record = dir_.path() + "/referral.json";
  std::ofstream(record) << R"({"referral": {"toAgency": "AGENCY_CSC", "reason": "Domestic abuse at home",
      "childImpacts": [{"child": {"name": "Ellie WATSON",
          "dateOfBirth": {"precision": "PRECISION_DAY", "year": 2008, "month": 4, "day": 3}},
        "impact": "Witnessed the assault"}],
      "riskGrade": "RISK_GRADE_HIGH", "significantHarmSuspected": true}})";
  CliRun logged = RunCasefileCli(
      *server_, "log CF-CLI --kind referral --text 'Referral to CSC' --record " + record, kInvestigatorToken);
  ASSERT_EQ(logged.exit_code, 0) << logged.out;
  EXPECT_EQ(logged.out, "logged cases/CF-CLI/entries/1\n");

  CliRun incomplete = RunCasefileCli(*server_, "log CF-CLI --kind referral --text 'Referral'", kInvestigatorToken);
  EXPECT_EQ(incomplete.exit_code, 1);
  EXPECT_THAT(incomplete.out, HasSubstr("INVALID_ARGUMENT: entry.referral: is required for ENTRY_KIND_REFERRAL"));

  v1::SearchPersonsRequest search;
  search.set_query("Ellie Watson");
  v1::SearchPersonsResponse found;
  ASSERT_TRUE(persons_->SearchPersons(Context(kInvestigatorToken).get(), search, &found).ok());
  ASSERT_EQ(found.results_size(), 1);  // the child the record names, linked on write
  CliRun shown = RunCasefileCli(*server_, "show CF-CLI --purpose 'attention test'", kInvestigatorToken);
  ASSERT_EQ(shown.exit_code, 0) << shown.out;
  EXPECT_THAT(shown.out, HasSubstr(absl::StrCat("    referral to csc, risk high, SIGNIFICANT HARM SUSPECTED\n"
                                                "      reason:\n"
                                                "        Domestic abuse at home\n"
                                                "      impact on Ellie WATSON (born 2008-04-03) ",
                                                found.results(0).person().name(), ": Witnessed the assault\n")));
  CliRun json = RunCasefileCli(*server_, "show CF-CLI --purpose 'attention test' --json", kInvestigatorToken);
  EXPECT_THAT(json.out, HasSubstr(R"("significantHarmSuspected":true)"));

  CliRun listed = RunCasefileCli(*server_, "attention --list significant-harm-referrals --team cait", kOutOfHoursToken);
  ASSERT_EQ(listed.exit_code, 0) << listed.out;
  EXPECT_THAT(listed.out, HasSubstr("== significant harm referrals\ncases/CF-CLI/entries/1  due "));
  EXPECT_THAT(listed.out, HasSubstr("  Ellie WATSON (2008-04-03)  for cait\n"
                                    "    significant-harm referral to csc (risk high): no strategy discussion yet\n"));
  CliRun all = RunCasefileCli(*server_, "attention", kOutOfHoursToken);
  EXPECT_THAT(all.out, HasSubstr("== actions overdue\n   (none)\n"));
  CliRun bad = RunCasefileCli(*server_, "attention --list nonsense", kOutOfHoursToken);
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_THAT(bad.out, HasSubstr("--list 'nonsense' is not one of: significant-harm-referrals, "));
}

class AttentionThresholdE2eTest : public CasefiledTest {};

// With the default thresholds, a referral recorded now is in front of the
// specialist team at once but not yet overdue for a strategy discussion.
TEST_F(AttentionThresholdE2eTest, NotOverdueBeforeTheThreshold) {
  v1::CreateCaseRequest create;
  create.set_case_id("CF-NOW");
  create.mutable_case_()->set_title("Concern");
  v1::Case c;
  ASSERT_TRUE(cases_->CreateCase(Context(kInvestigatorToken).get(), create, &c).ok());
  v1::AppendEntryRequest append;
  append.set_parent(c.name());
  *append.mutable_entry() = ReferralExample(true);
  append.mutable_entry()->mutable_referral()->clear_referred_time();  // made now
  v1::Entry referral;
  ASSERT_TRUE(cases_->AppendEntry(Context(kInvestigatorToken).get(), append, &referral).ok());
  for (auto [list, expected] : {std::pair{v1::ATTENTION_LIST_SIGNIFICANT_HARM_REFERRALS, 1},
                                std::pair{v1::ATTENTION_LIST_STRATEGY_DISCUSSION_OVERDUE, 0},
                                std::pair{v1::ATTENTION_LIST_REFERRAL_FEEDBACK_OVERDUE, 0}}) {
    v1::ListAttentionItemsRequest request;
    request.set_list(list);
    v1::ListAttentionItemsResponse response;
    ASSERT_TRUE(attention_->ListAttentionItems(Context(kInvestigatorToken).get(), request, &response).ok());
    EXPECT_EQ(response.items_size(), expected) << v1::AttentionList_Name(list);
  }
}

}  // namespace
}  // namespace casefile::testing
