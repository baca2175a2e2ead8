// Persons are live for the children structured records name (issue 18,
// parts 1, 4 and 6): a child given by name and date of birth in a referral,
// strategy discussion, Section 47 enquiry, missing episode or custody record
// is linked in the write's transaction with the import's matcher, so that a
// child's missing episodes count across cases by the person (a typing slip
// in one case does not make a second child); a "separate" decision on such a
// link holds after the next write; erasure takes the case's child records;
// a person named in a restricted case shows nothing of it to a reader
// without need to know; and a case's corrected subject (CorrectSubjects) is
// linked again.
#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "casefile/v1/admin.grpc.pb.h"
#include "casefile/v1/attention.grpc.pb.h"
#include "casefile/v1/audit.grpc.pb.h"
#include "casefile/v1/import.grpc.pb.h"
#include "casefile/v1/person.grpc.pb.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/support/casefiled_fixture.h"
#include "tests/support/cli_runner.h"
#include "tests/support/safeguarding_examples.h"

namespace casefile::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::SizeIs;
using ::testing::StartsWith;
using ::testing::UnorderedElementsAre;

class LiveChildrenE2eTest : public CasefiledTest {
 protected:
  // A case titled `title`, kept to team `restrict_to_team` when not empty, made by `token`.
  v1::Case CaseTitled(const std::string& title, const std::string& restrict_to_team = "",
                      const std::string& token = kInvestigatorToken) {
    v1::CreateCaseRequest request = NewCase(title);
    if (!restrict_to_team.empty()) request.mutable_case_()->mutable_restriction()->add_teams(restrict_to_team);
    return CreateCase(request, token);
  }

  // A missing episode reported on `day` of November 2026 naming the child as `name`, born `dob_day`/04/2008.
  static v1::Entry MissingEpisodeOf(const std::string& name, int day, int dob_day = 3) {
    v1::Entry entry = MissingEpisodeExample(day);
    v1::ChildRef& child = *entry.mutable_missing_episode()->mutable_child();
    child.set_name(name);
    child.mutable_date_of_birth()->set_day(dob_day);
    return entry;
  }

  std::vector<v1::PersonMatch> Search(const std::string& query, const std::string& token = kInvestigatorToken) {
    v1::SearchPersonsRequest request;
    request.set_query(query);
    v1::SearchPersonsResponse response;
    grpc::Status s = persons_->SearchPersons(Context(token).get(), request, &response);
    EXPECT_TRUE(s.ok()) << s.error_message();
    return {response.results().begin(), response.results().end()};
  }

  grpc::Status GetPerson(const std::string& name, const std::string& token, v1::Person* person) {
    v1::GetPersonRequest request;
    request.set_name(name);
    return persons_->GetPerson(Context(token).get(), request, person);
  }

  grpc::Status GetPersonFile(const std::string& name, const std::string& token, v1::PersonFile* file) {
    v1::GetPersonFileRequest request;
    request.set_name(name);
    request.set_purpose("EDT call-out, child reported missing");
    return persons_->GetPersonFile(Context(token).get(), request, file);
  }

  // The person's source locators as `token` may see them.
  std::vector<std::string> SourcesOf(const std::string& person, const std::string& token = kInvestigatorToken) {
    v1::Person got;
    grpc::Status s = GetPerson(person, token, &got);
    EXPECT_TRUE(s.ok()) << person << ": " << s.error_message();
    std::vector<std::string> out;
    for (const v1::PersonSource& source : got.sources()) out.push_back(source.locator());
    return out;
  }

  std::vector<std::string> CasesOf(const std::string& person, const std::string& token = kInvestigatorToken) {
    v1::Person got;
    grpc::Status s = GetPerson(person, token, &got);
    EXPECT_TRUE(s.ok()) << person << ": " << s.error_message();
    return {got.cases().begin(), got.cases().end()};
  }

  v1::ListAttentionItemsResponse RepeatedMissing(const std::string& token = kInvestigatorToken) {
    v1::ListAttentionItemsRequest request;
    request.set_list(v1::ATTENTION_LIST_REPEATED_MISSING);
    v1::ListAttentionItemsResponse response;
    grpc::Status s = attention_->ListAttentionItems(Context(token).get(), request, &response);
    EXPECT_TRUE(s.ok()) << s.error_message();
    return response;
  }
};

// Part 1: each kind of structured record links its children; the child of a
// case's subject is the subject's person; twins in one record stay two.
TEST_F(LiveChildrenE2eTest, EveryStructuredRecordLinksTheChildrenItNames) {
  v1::CreateCaseRequest request = NewCase("Ellie WATSON");
  request.mutable_case_()->add_subjects()->set_display_name("Ellie WATSON (03/04/2008)");
  const v1::Case made = CreateCase(request);
  const std::string ellie = made.subjects(0).person();
  ASSERT_THAT(ellie, StartsWith("persons/P"));

  const v1::Entry referral = Append(made.name(), ReferralExample(true));
  EXPECT_EQ(referral.referral().child_impacts(0).child().person(), ellie);
  EXPECT_EQ(referral.referral().child_impacts(0).child().name(), "Ellie WATSON");  // as written
  const v1::Entry discussion = Append(made.name(), StrategyDiscussionExample());
  EXPECT_EQ(discussion.strategy_discussion().children(0).person(), ellie);
  const v1::Entry custody = Append(made.name(), CustodyExample());
  EXPECT_EQ(custody.custody().child().person(), ellie);
  const v1::Entry episode = Append(made.name(), MissingEpisodeExample(3));
  EXPECT_EQ(episode.missing_episode().child().person(), ellie);

  v1::Entry twins = Section47EnquiryExample();
  v1::ChildRef zed;
  zed.set_name("Zed PAYNE");
  *zed.mutable_date_of_birth() = twins.section47_enquiry().children(0).date_of_birth();
  zed.mutable_date_of_birth()->set_year(2010);
  v1::ChildRef zac = zed;
  zac.set_name("Zac PAYNE");
  *twins.mutable_section47_enquiry()->add_children() = zed;
  *twins.mutable_section47_enquiry()->add_children() = zac;
  const v1::Entry enquiry = Append(made.name(), twins);
  ASSERT_THAT(enquiry.section47_enquiry().children(), SizeIs(3));
  EXPECT_EQ(enquiry.section47_enquiry().children(0).person(), ellie);
  const std::string zed_person = enquiry.section47_enquiry().children(1).person();
  const std::string zac_person = enquiry.section47_enquiry().children(2).person();
  EXPECT_THAT(zed_person, StartsWith("persons/P"));
  EXPECT_THAT(zac_person, StartsWith("persons/P"));
  EXPECT_NE(zed_person, zac_person);
  EXPECT_NE(zed_person, ellie);
  EXPECT_THAT(SourcesOf(zac_person), ElementsAre(enquiry.name() + "#child=3"));

  EXPECT_THAT(SourcesOf(ellie),
              UnorderedElementsAre(made.name() + "#subject=1", referral.name() + "#child=1",
                                   discussion.name() + "#child=1", custody.name() + "#child=1",
                                   episode.name() + "#child=1", enquiry.name() + "#child=1"));
  EXPECT_THAT(CasesOf(ellie), ElementsAre(made.name()));
  EXPECT_THAT(Search("elie watson"), SizeIs(1));

  // A person given by the writer must exist.
  v1::Entry unknown = MissingEpisodeExample(4);
  unknown.mutable_missing_episode()->mutable_child()->Clear();
  unknown.mutable_missing_episode()->mutable_child()->set_person("persons/P0000000000000000");
  grpc::Status refused = TryAppend(made.name(), unknown);
  EXPECT_EQ(refused.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(refused.error_message(), "entry.missing_episode.child.person: persons/P0000000000000000 not found");
}

// Part 4: three missing episodes across two cases, the child's name slipped
// in the second, are one child's three episodes: one repeated-missing item.
TEST_F(LiveChildrenE2eTest, MissingEpisodesAreCountedByPersonAcrossCasesDespiteATypingSlip) {
  const v1::Case first = CaseTitled("Concern for Ellie WATSON");
  const v1::Case second = CaseTitled("Elie WATSON missing");
  const v1::Entry one = Append(first.name(), MissingEpisodeOf("Ellie WATSON", 3));
  const v1::Entry two = Append(second.name(), MissingEpisodeOf("Elie WATSON", 10));
  const std::string ellie = one.missing_episode().child().person();
  ASSERT_THAT(ellie, StartsWith("persons/P"));
  EXPECT_EQ(two.missing_episode().child().person(), ellie);
  EXPECT_EQ(two.missing_episode().child().name(), "Elie WATSON");
  EXPECT_THAT(RepeatedMissing().items(), IsEmpty());

  const v1::Entry three = Append(second.name(), MissingEpisodeOf("Elie WATSON", 17));
  EXPECT_EQ(three.missing_episode().child().person(), ellie);
  const v1::ListAttentionItemsResponse listed = RepeatedMissing();
  ASSERT_EQ(listed.items_size(), 1);
  const v1::AttentionItem& item = listed.items(0);
  EXPECT_EQ(item.person(), ellie);
  EXPECT_EQ(item.entry(), three.name());
  EXPECT_EQ(item.case_(), second.name());
  EXPECT_EQ(item.child(), "Elie WATSON (2008-04-03)");
  EXPECT_EQ(item.summary(), "3 missing episodes since 2026-11-03 and no assessment recorded since");
  EXPECT_FALSE(item.from_import());
  EXPECT_THAT(CasesOf(ellie), UnorderedElementsAre(first.name(), second.name()));

  // A different child of the same name born another day is another person,
  // and her episode counts for her alone.
  const v1::Entry other = Append(first.name(), MissingEpisodeOf("Ellie WATSON", 18, 9));
  EXPECT_NE(other.missing_episode().child().person(), ellie);
  ASSERT_EQ(RepeatedMissing().items_size(), 1);

  // An assessment of the child, given by name in the first case, answers the item.
  v1::Entry assessed = AssessmentExample(25);
  EXPECT_EQ(Append(first.name(), assessed).assessment().child().person(), ellie);
  EXPECT_THAT(RepeatedMissing().items(), IsEmpty());
}

// Part 6: an operator's "separate" on a child's live link holds after the
// next write naming the same child.
TEST_F(LiveChildrenE2eTest, ALiveChildLinkUndoneBySeparateStaysUndoneAfterTheNextWrite) {
  const v1::Case first = CaseTitled("first");
  const v1::Case second = CaseTitled("second");
  const v1::Entry a = Append(first.name(), MissingEpisodeOf("Ellie WATSON", 3));
  const v1::Entry b = Append(second.name(), MissingEpisodeOf("Ellie WATSON", 10));
  ASSERT_EQ(a.missing_episode().child().person(), b.missing_episode().child().person());

  v1::SeparateRecordRequest separate;
  separate.set_locator(b.name() + "#child=1");
  v1::SeparateRecordResponse separated;
  grpc::Status s = imports_->SeparateRecord(Context(kOperatorToken).get(), separate, &separated);
  ASSERT_TRUE(s.ok()) << s.error_message();
  ASSERT_THAT(separated.persons(), SizeIs(2));
  std::vector<v1::PersonMatch> found = Search("ellie watson");
  ASSERT_THAT(found, SizeIs(2));

  const v1::Entry c = Append(second.name(), MissingEpisodeOf("Ellie WATSON", 17));
  EXPECT_THAT(c.missing_episode().child().person(), StartsWith("persons/P"));
  found = Search("ellie watson");
  ASSERT_GE(found.size(), 2u);
  int holding_a = 0, holding_b = 0;
  for (const v1::PersonMatch& m : found) {
    std::vector<std::string> sources;
    for (const v1::PersonSource& source : m.person().sources()) sources.push_back(source.locator());
    const bool has_a = std::count(sources.begin(), sources.end(), a.name() + "#child=1") > 0;
    const bool has_b = std::count(sources.begin(), sources.end(), b.name() + "#child=1") > 0;
    EXPECT_FALSE(has_a && has_b) << "the separated records are in one person again";
    holding_a += has_a;
    holding_b += has_b;
  }
  EXPECT_EQ(holding_a, 1);
  EXPECT_EQ(holding_b, 1);
}

// Part 6: erasing a case takes the person records of the children its
// records named, and the persons known only through them.
TEST_F(LiveChildrenE2eTest, ErasingACaseTakesItsChildrensPersonRecords) {
  const v1::Case kept = CaseTitled("kept");
  const v1::Case erased = CaseTitled("erased");
  const v1::Entry kept_episode = Append(kept.name(), MissingEpisodeOf("Ellie WATSON", 3));
  Append(erased.name(), MissingEpisodeOf("Ellie WATSON", 10));
  v1::Entry ava = CustodyExample();
  ava.mutable_custody()->mutable_child()->set_name("Ava QUIRKE");
  Append(erased.name(), ava);
  ASSERT_THAT(Search("ava quirke"), SizeIs(1));
  const std::string ellie = kept_episode.missing_episode().child().person();
  ASSERT_THAT(CasesOf(ellie), UnorderedElementsAre(kept.name(), erased.name()));

  v1::EraseCaseRequest erase;
  erase.set_name(erased.name());
  erase.set_reason("court order 2026/123");
  v1::EraseCaseResponse response;
  grpc::Status s = admin_->EraseCase(Context(kAdminToken).get(), erase, &response);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(response.person_records(), 2);
  std::vector<v1::PersonMatch> found = Search("ellie watson");
  ASSERT_THAT(found, SizeIs(1));
  EXPECT_THAT(found[0].person().cases(), ElementsAre(kept.name()));
  ASSERT_THAT(found[0].person().sources(), SizeIs(1));
  EXPECT_EQ(found[0].person().sources(0).locator(), kept_episode.name() + "#child=1");
  EXPECT_THAT(Search("ava quirke"), IsEmpty());
}

// Part 6 (leakage): a person named only in a restricted case does not exist
// for a reader without need to know; shared with an open case, the person
// shows that reader the open case alone, in every read of persons.
TEST_F(LiveChildrenE2eTest, APersonOfARestrictedCaseShowsNothingOfItWithoutNeedToKnow) {
  const v1::Case restricted = CaseTitled("restricted", "cait");
  const v1::Entry hidden = Append(restricted.name(), MissingEpisodeOf("Ava QUIRKE", 3, 5));
  const std::string ava = hidden.missing_episode().child().person();
  ASSERT_THAT(ava, StartsWith("persons/P"));

  EXPECT_THAT(Search("ava quirke", kSecondInvestigatorToken), IsEmpty());
  v1::Person person;
  EXPECT_EQ(GetPerson(ava, kSecondInvestigatorToken, &person).error_code(), grpc::StatusCode::NOT_FOUND);
  v1::PersonFile file;
  EXPECT_EQ(GetPersonFile(ava, kSecondInvestigatorToken, &file).error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_THAT(Search("ava quirke", kTeamMateToken), SizeIs(1));

  // inv2 writes of the same child in a case of their own: one person, of
  // which inv2 sees their case only.
  const v1::Case open = CaseTitled("open", "", kSecondInvestigatorToken);
  const v1::Entry seen = Append(open.name(), MissingEpisodeOf("Ava QUIRKE", 10, 5), kSecondInvestigatorToken);
  EXPECT_EQ(seen.missing_episode().child().person(), ava);

  std::vector<v1::PersonMatch> outsider = Search("ava quirke", kSecondInvestigatorToken);
  ASSERT_THAT(outsider, SizeIs(1));
  EXPECT_THAT(outsider[0].person().cases(), ElementsAre(open.name()));
  ASSERT_THAT(outsider[0].person().sources(), SizeIs(1));
  EXPECT_EQ(outsider[0].person().sources(0).locator(), seen.name() + "#child=1");
  EXPECT_THAT(CasesOf(ava, kSecondInvestigatorToken), ElementsAre(open.name()));
  EXPECT_THAT(SourcesOf(ava, kSecondInvestigatorToken), ElementsAre(seen.name() + "#child=1"));

  grpc::Status s = GetPersonFile(ava, kSecondInvestigatorToken, &file);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_THAT(file.person().cases(), ElementsAre(open.name()));
  ASSERT_THAT(file.cases(), SizeIs(1));
  EXPECT_EQ(file.cases(0).name(), open.name());
  ASSERT_THAT(file.records(), SizeIs(1));
  EXPECT_EQ(file.records(0).name(), seen.name());
  for (const v1::AttentionItem& item : file.attention_items()) EXPECT_EQ(item.case_(), open.name());

  // The team sees both.
  EXPECT_THAT(CasesOf(ava, kTeamMateToken), UnorderedElementsAre(open.name(), restricted.name()));
  EXPECT_THAT(SourcesOf(ava, kTeamMateToken),
              UnorderedElementsAre(hidden.name() + "#child=1", seen.name() + "#child=1"));
  v1::PersonFile insider;
  s = GetPersonFile(ava, kTeamMateToken, &insider);
  ASSERT_TRUE(s.ok()) << s.error_message();
  ASSERT_THAT(insider.records(), SizeIs(2));
  EXPECT_EQ(insider.records(0).name(), hidden.name());
  EXPECT_EQ(insider.records(1).name(), seen.name());
}

// Part 6: a corrected subject relinks. A subject written as before keeps its
// person; the one corrected leaves its old person (a person known only
// through it goes) and is matched again; the correction is an entry of the
// chronology with its reason, and an audit record.
TEST_F(LiveChildrenE2eTest, CorrectedSubjectsAreLinkedAgain) {
  v1::CreateCaseRequest other = NewCase("Ellie WATSON");
  other.mutable_case_()->add_subjects()->set_display_name("Ellie WATSON (03/04/2008)");
  const v1::Case ellies = CreateCase(other);
  const std::string ellie = ellies.subjects(0).person();
  v1::CreateCaseRequest request = NewCase("Concern for a child");
  request.mutable_case_()->add_subjects()->set_display_name("Ava QUIRKE (03/04/2008)");
  request.mutable_case_()->add_subjects()->set_display_name("Mark WATSON");
  const v1::Case made = CreateCase(request);
  ASSERT_THAT(made.subjects(), SizeIs(2));
  const std::string ava = made.subjects(0).person();
  const std::string mark = made.subjects(1).person();
  ASSERT_NE(ava, ellie);
  ASSERT_THAT(Search("ava quirke"), SizeIs(1));

  v1::CorrectSubjectsRequest correct;
  correct.set_name(made.name());
  correct.add_subjects()->set_display_name("Ellie WATSON (03/04/2008)");
  correct.add_subjects()->set_display_name("Mark WATSON");
  correct.set_reason("wrong child named at creation");
  correct.set_request_id("correct-subjects-1");
  v1::Case corrected;
  grpc::Status s = cases_->CorrectSubjects(Context(kInvestigatorToken).get(), correct, &corrected);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(corrected.version(), 1);
  ASSERT_THAT(corrected.subjects(), SizeIs(2));
  EXPECT_EQ(corrected.subjects(0).display_name(), "Ellie WATSON (03/04/2008)");
  EXPECT_EQ(corrected.subjects(0).person(), ellie);
  EXPECT_EQ(corrected.subjects(1).person(), mark);
  EXPECT_THAT(SourcesOf(mark), ElementsAre(made.name() + "#subject=2"));  // its record kept
  EXPECT_THAT(Search("ava quirke"), IsEmpty());
  EXPECT_THAT(CasesOf(ellie), UnorderedElementsAre(ellies.name(), made.name()));
  EXPECT_THAT(SourcesOf(ellie), UnorderedElementsAre(ellies.name() + "#subject=1", made.name() + "/entries/1#subject=1"));
  EXPECT_THAT(CasesOf(mark), ElementsAre(made.name()));

  // One audit record, naming the case and none of the names.
  v1::ListAuditEventsRequest audit;
  audit.set_kind("CorrectSubjects");
  v1::ListAuditEventsResponse events;
  ASSERT_TRUE(audit_->ListAuditEvents(Context(kAuditorToken).get(), audit, &events).ok());
  ASSERT_EQ(events.audit_events_size(), 1);
  EXPECT_EQ(events.audit_events(0).user(), "inv1");
  EXPECT_THAT(events.audit_events(0).resources(), ElementsAre(made.name()));

  // A retry answers the same and writes nothing more; the same list again is nothing to correct.
  v1::Case retried;
  s = cases_->CorrectSubjects(Context(kInvestigatorToken).get(), correct, &retried);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(retried.version(), 1);
  correct.set_request_id("correct-subjects-2");
  s = cases_->CorrectSubjects(Context(kInvestigatorToken).get(), correct, &retried);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(s.error_message(), "subjects: the same as the case's; nothing to correct");
  correct.set_reason("");
  s = cases_->CorrectSubjects(Context(kInvestigatorToken).get(), correct, &retried);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(s.error_message(), StartsWith("reason: "));

  // The chronology shows the correction, with its reason.
  const CaseFile file = ReadCaseFile(*cases_, made.name(), "check the correction");
  ASSERT_THAT(file.entries, SizeIs(1));
  const v1::Entry& entry = file.entries[0];
  EXPECT_EQ(entry.kind(), v1::ENTRY_KIND_CORRECTION);
  EXPECT_EQ(entry.correction_reason(), "wrong child named at creation");
  EXPECT_EQ(entry.text(),
            "Subjects corrected: Ellie WATSON (03/04/2008); Mark WATSON.\nBefore: Ava QUIRKE (03/04/2008); Mark WATSON.");
  ASSERT_THAT(entry.subjects(), SizeIs(2));
  EXPECT_EQ(entry.subjects(0).person(), ellie);

  // The case is found by its new subject's name, no longer by the old.
  v1::ListCasesRequest list;
  list.set_subject("quirke");
  v1::ListCasesResponse listed;
  ASSERT_TRUE(cases_->ListCases(Context(kInvestigatorToken).get(), list, &listed).ok());
  EXPECT_THAT(listed.cases(), IsEmpty());
  list.set_subject("ellie watson");
  ASSERT_TRUE(cases_->ListCases(Context(kInvestigatorToken).get(), list, &listed).ok());
  EXPECT_THAT(listed.cases(), SizeIs(2));

  // Someone who may not know the case cannot correct it.
  v1::SetCaseRestrictionRequest restrict;
  restrict.set_name(made.name());
  restrict.mutable_restriction()->add_users("inv1");
  v1::Case restricted;
  ASSERT_TRUE(cases_->SetCaseRestriction(Context(kInvestigatorToken).get(), restrict, &restricted).ok());
  correct.set_reason("typo");
  s = cases_->CorrectSubjects(Context(kSecondInvestigatorToken).get(), correct, &retried);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(s.error_message(), made.name() + " not found");
}

// Part 6: correcting one subject keeps the others' records, and so the
// operator's "separate" decision about one of them.
TEST_F(LiveChildrenE2eTest, ACorrectionKeepsTheDecisionsAboutTheSubjectsItLeaves) {
  v1::CreateCaseRequest first = NewCase("first");
  first.mutable_case_()->add_subjects()->set_display_name("Zed PAYNE (01/02/2010)");
  const v1::Case a = CreateCase(first);
  v1::CreateCaseRequest second = NewCase("second");
  second.mutable_case_()->add_subjects()->set_display_name("Zed PAYNE (01/02/2010)");
  second.mutable_case_()->add_subjects()->set_display_name("Ava QUIRK (05/06/2011)");
  const v1::Case b = CreateCase(second);
  ASSERT_EQ(a.subjects(0).person(), b.subjects(0).person());
  v1::SeparateRecordRequest separate;
  separate.set_locator(b.name() + "#subject=1");
  v1::SeparateRecordResponse separated;
  grpc::Status s = imports_->SeparateRecord(Context(kOperatorToken).get(), separate, &separated);
  ASSERT_TRUE(s.ok()) << s.error_message();

  v1::CorrectSubjectsRequest correct;
  correct.set_name(b.name());
  correct.add_subjects()->set_display_name("Zed PAYNE (01/02/2010)");
  correct.add_subjects()->set_display_name("Ava QUIRKE (05/06/2011)");
  correct.set_reason("surname misspelt");
  v1::Case corrected;
  s = cases_->CorrectSubjects(Context(kInvestigatorToken).get(), correct, &corrected);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_THAT(SourcesOf(corrected.subjects(1).person()), ElementsAre(b.name() + "/entries/1#subject=2"));
  std::vector<v1::PersonMatch> found = Search("zed payne");
  ASSERT_THAT(found, SizeIs(2));
  std::vector<std::vector<std::string>> held;
  for (const v1::PersonMatch& m : found) {
    std::vector<std::string> sources;
    for (const v1::PersonSource& source : m.person().sources()) sources.push_back(source.locator());
    held.push_back(sources);
  }
  EXPECT_THAT(held, UnorderedElementsAre(ElementsAre(a.name() + "#subject=1"), ElementsAre(b.name() + "#subject=1")));
  EXPECT_THAT(Search("ava quirk"), SizeIs(1));
}

// The same from the command line: `casefile case subjects`.
TEST_F(LiveChildrenE2eTest, CliCorrectsSubjects) {
  v1::CreateCaseRequest request = NewCase("Concern for a child");
  request.mutable_case_()->add_subjects()->set_display_name("Ava QUIRKE (03/04/2008)");
  const v1::Case made = CreateCase(request);
  const std::string id = made.name().substr(sizeof("cases/") - 1);

  CliRun run = RunCasefileCli(
      *server_, "case subjects " + id + " --subject 'Ava QUIRK (04/03/2008)' --expected-version 0 --reason 'misspelt'",
      kInvestigatorToken);
  ASSERT_EQ(run.exit_code, 0) << run.out;
  EXPECT_THAT(run.out, HasSubstr("Ava QUIRK"));
  const std::vector<v1::PersonMatch> found = Search("ava quirk");
  ASSERT_THAT(found, SizeIs(1));
  EXPECT_EQ(found[0].person().date_of_birth().month(), 3);
  EXPECT_THAT(CasesOf(found[0].person().name()), ElementsAre(made.name()));

  // A stale version is refused naming why; no reason is a usage error.
  run = RunCasefileCli(*server_, "case subjects " + id + " --subject 'Ava QUIRKE' --expected-version 0 --reason again",
                       kInvestigatorToken);
  EXPECT_NE(run.exit_code, 0);
  EXPECT_THAT(run.out, HasSubstr("ABORTED"));
  run = RunCasefileCli(*server_, "case subjects " + id + " --subject 'Ava QUIRKE'", kInvestigatorToken);
  EXPECT_NE(run.exit_code, 0);
  EXPECT_THAT(run.out, HasSubstr("--reason"));
}

}  // namespace
}  // namespace casefile::testing
