// Need to know end to end, against the real casefiled: a case restricted to
// named users and teams does not exist for anyone else — the same NOT_FOUND
// as a case never created in every get, write and watch, and no trace in any
// list, search, person record, review item or import report. Admins know it.
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "casefile/v1/import.grpc.pb.h"
#include "casefile/v1/person.grpc.pb.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/support/casefiled_fixture.h"
#include "tests/support/import_client.h"
#include "tools/legacy_generator/legacy_generator.h"

namespace casefile::testing {
namespace {

using ::testing::Contains;
using ::testing::Not;

constexpr char kTitle[] = "Concern for Ellie WATSON";

class NeedToKnowE2eTest : public CasefiledTest {
 protected:
  // Creates CF-R1, kept to team cait, with one entry; returns its name.
  std::string CreateRestricted() {
    v1::CreateCaseRequest create;
    create.set_case_id("CF-R1");
    create.mutable_case_()->set_title(kTitle);
    create.mutable_case_()->add_legacy_refs("22/4471/13");
    v1::Subject* s = create.mutable_case_()->add_subjects();
    s->set_forename("Ellie");
    s->set_surname("WATSON");
    create.mutable_case_()->mutable_restriction()->add_teams("cait");
    const v1::Case made = CreateCase(create);
    EXPECT_EQ(made.restriction().teams_size(), 1);
    EXPECT_EQ(AppendNote(kInvestigatorToken, made.name()).error_code(), grpc::StatusCode::OK);
    return made.name();
  }

  // A note appended to case `name` as `token` says.
  grpc::Status AppendNote(const std::string& token, const std::string& name) {
    v1::Entry note;
    note.set_kind(v1::ENTRY_KIND_NOTE);
    note.set_text("Strategy meeting arranged");
    return TryAppend(name, note, nullptr, token);
  }

  grpc::Status Get(const std::string& token, const std::string& name) {
    v1::GetCaseRequest get;
    get.set_name(name);
    v1::Case c;
    return cases_->GetCase(Context(token).get(), get, &c);
  }

  // Reads the whole case file; the status and the entries received.
  std::pair<grpc::Status, int> ReadFile(const std::string& token, const std::string& name) {
    const CaseFile file = ReadCaseFile(*cases_, name, "Section 47 enquiry", token);
    return {file.status, static_cast<int>(file.entries.size())};
  }

  grpc::Status Watch(const std::string& token, const std::string& name) {
    v1::WatchCaseRequest request;
    request.set_name(name);
    request.set_purpose("out of hours call");
    auto context = Context(token);
    auto reader = cases_->WatchCase(context.get(), request);
    v1::WatchCaseResponse update;
    if (reader->Read(&update)) {  // allowed: the stream is open; stop it
      context->TryCancel();
      while (reader->Read(&update)) {}
      reader->Finish();
      return grpc::Status::OK;
    }
    return reader->Finish();
  }

  std::set<std::string> Listed(const std::string& token, const v1::ListCasesRequest& request = {}) {
    v1::ListCasesResponse listed;
    grpc::Status st = cases_->ListCases(Context(token).get(), request, &listed);
    EXPECT_TRUE(st.ok()) << st.error_message();
    std::set<std::string> names;
    for (const v1::Case& c : listed.cases()) names.insert(c.name());
    return names;
  }
};

TEST_F(NeedToKnowE2eTest, ARestrictedCaseIsReadOnlyByThoseNamedAndAdmins) {
  const std::string name = CreateRestricted();
  for (const char* token : {kInvestigatorToken, kTeamMateToken, kAdminToken}) {
    SCOPED_TRACE(token);
    EXPECT_TRUE(Get(token, name).ok());
    auto [status, entries] = ReadFile(token, name);
    EXPECT_TRUE(status.ok()) << status.error_message();
    EXPECT_EQ(entries, 1);
    EXPECT_TRUE(Watch(token, name).ok());
    EXPECT_THAT(Listed(token), Contains(name));
  }
  EXPECT_TRUE(AppendNote(kTeamMateToken, name).ok());
}

TEST_F(NeedToKnowE2eTest, ToEveryoneElseItAnswersAsACaseThatWasNeverCreated) {
  const std::string name = CreateRestricted();
  const grpc::Status never = Get(kSecondInvestigatorToken, "cases/CF-NEVER");
  ASSERT_EQ(never.error_code(), grpc::StatusCode::NOT_FOUND);
  auto expect_not_found = [&](const grpc::Status& s, const std::string& what) {
    EXPECT_EQ(s.error_code(), grpc::StatusCode::NOT_FOUND) << what;
    EXPECT_EQ(s.error_message(), absl::StrCat(name, " not found")) << what;
  };
  for (const char* token : {kSecondInvestigatorToken, kOutOfHoursToken, kOperatorToken, kAuditorToken}) {
    SCOPED_TRACE(token);
    expect_not_found(Get(token, name), "GetCase");
    expect_not_found(ReadFile(token, name).first, "GetCaseFile");
    expect_not_found(Watch(token, name), "WatchCase");
    EXPECT_THAT(Listed(token), Not(Contains(name)));
    v1::ListCasesRequest by_ref;
    by_ref.set_legacy_ref("22/4471/13");
    EXPECT_TRUE(Listed(token, by_ref).empty());
    v1::ListCasesRequest by_subject;
    by_subject.set_subject("Watson");
    EXPECT_TRUE(Listed(token, by_subject).empty());
  }
  expect_not_found(AppendNote(kSecondInvestigatorToken, name), "AppendEntry");
  v1::CorrectEntryRequest correct;
  correct.set_name(name + "/entries/1");
  correct.set_text("changed");
  correct.set_reason("typo");
  v1::Entry corrected;
  grpc::Status s = cases_->CorrectEntry(Context(kSecondInvestigatorToken).get(), correct, &corrected);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(s.error_message(), name + "/entries/1 not found");
  v1::SetCaseRestrictionRequest lift;
  lift.set_name(name);
  v1::Case c;
  expect_not_found(
      cases_->SetCaseRestriction(Context(kSecondInvestigatorToken).get(), lift, &c),
      "SetCaseRestriction");
}

TEST_F(NeedToKnowE2eTest, RestrictingNamesWhoAndLiftingOpensTheCaseToAll) {
  const std::string name = CreateRestricted();
  v1::SetCaseRestrictionRequest request;
  request.set_name(name);
  request.mutable_restriction()->add_users("inv2");
  v1::Case c;
  // inv1 would lose the case: refused.
  grpc::Status s = cases_->SetCaseRestriction(Context(kInvestigatorToken).get(), request, &c);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(s.error_message(),
            "restriction: would keep the case from you; name yourself or one of your teams");
  // Out-of-hours staff only read.
  s = cases_->SetCaseRestriction(Context(kOutOfHoursToken).get(), request, &c);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(s.error_message(), "role out_of_hours may not restrict cases");
  request.mutable_restriction()->add_teams("cait");
  s = cases_->SetCaseRestriction(Context(kInvestigatorToken).get(), request, &c);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_TRUE(Get(kSecondInvestigatorToken, name).ok());
  EXPECT_EQ(Get(kOutOfHoursToken, name).error_code(), grpc::StatusCode::NOT_FOUND);

  request.clear_restriction();  // lift
  s = cases_->SetCaseRestriction(Context(kInvestigatorToken).get(), request, &c);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_FALSE(c.has_restriction());
  EXPECT_TRUE(ReadFile(kOutOfHoursToken, name).first.ok());
  EXPECT_THAT(Listed(kOutOfHoursToken), Contains(name));
}

TEST_F(NeedToKnowE2eTest, ARestrictionCarriesTheVersionSeenAndItsReasonIsAudited) {
  const std::string name = CreateRestricted();  // version 1
  v1::SetCaseRestrictionRequest request;
  request.set_name(name);
  request.mutable_restriction()->add_teams("cait");
  request.mutable_restriction()->add_users("inv2");
  request.set_reason("Suspect's relative works in pvp-east");
  request.set_expected_version(0);
  v1::Case c;
  grpc::Status s = cases_->SetCaseRestriction(Context(kInvestigatorToken).get(), request, &c);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::ABORTED);
  EXPECT_EQ(s.error_message(),
            "cases/CF-R1 is at version 1, not the expected 0: someone else wrote first; re-read and retry");
  request.set_reason("two\nlines");
  request.set_expected_version(1);
  s = cases_->SetCaseRestriction(Context(kInvestigatorToken).get(), request, &c);
  EXPECT_EQ(s.error_message(), "reason: control character U+000A at byte 3");
  request.set_reason("Suspect's relative works in pvp-east");
  s = cases_->SetCaseRestriction(Context(kInvestigatorToken).get(), request, &c);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(c.version(), 1);  // a restriction adds no entry
  EXPECT_THAT(c.restriction().users(), ::testing::ElementsAre("inv2"));
  v1::ListAuditEventsRequest list;
  list.set_kind("SetCaseRestriction");
  v1::ListAuditEventsResponse events;
  ASSERT_TRUE(audit_->ListAuditEvents(Context(kAuditorToken).get(), list, &events).ok());
  std::vector<std::pair<std::string, std::string>> seen;
  for (const v1::AuditEvent& e : events.audit_events()) seen.emplace_back(e.outcome(), e.purpose());
  EXPECT_THAT(seen, ::testing::ElementsAre(::testing::Pair("ABORTED", ""), ::testing::Pair("INVALID_ARGUMENT", ""),
                                           ::testing::Pair("OK", "Suspect's relative works in pvp-east")));
}

TEST_F(NeedToKnowE2eTest, ABadRestrictionNamesTheField) {
  struct Bad {
    std::vector<std::string> users, teams;
    std::string error;
  };
  for (const Bad& bad : {
           Bad{{}, {"CAIT"}, "case.restriction.teams[0]: not a team name (a-z, 0-9, '-', '_'; 1 to 63 characters)"},
           Bad{{"inv1", "inv1"}, {}, "case.restriction.users[1]: named twice"},
           Bad{{"inv 1"}, {}, "case.restriction.users[0]: not a user id (letters, digits, '-', '_', '.', '@'; 1 to 63 characters)"},
           Bad{{"inv2"}, {}, "case.restriction: would keep the case from you; name yourself or one of your teams"},
       }) {
    v1::CreateCaseRequest create;
    create.mutable_case_()->set_title(kTitle);
    v1::CaseRestriction* r = create.mutable_case_()->mutable_restriction();
    for (const auto& u : bad.users) r->add_users(u);
    for (const auto& t : bad.teams) r->add_teams(t);
    v1::Case made;
    grpc::Status s = cases_->CreateCase(Context(kInvestigatorToken).get(), create, &made);
    EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << bad.error;
    EXPECT_EQ(s.error_message(), bad.error);
  }
  // A restriction naming nobody is refused too (unset means unrestricted).
  v1::CreateCaseRequest create;
  create.mutable_case_()->set_title(kTitle);
  create.mutable_case_()->mutable_restriction();
  v1::Case made;
  grpc::Status s = cases_->CreateCase(Context(kInvestigatorToken).get(), create, &made);
  EXPECT_EQ(s.error_message(),
            "case.restriction: names no user or team; leave it unset for an unrestricted case");
}

// An imported case, restricted afterwards: its persons, review items and
// records, and its lines of the import report, are gone for other readers.
TEST_F(NeedToKnowE2eTest, AnImportedCaseLeavesNoTraceInPersonsReviewItemsOrReports) {
  const std::string folder = dir_.path() + "/legacy";
  legacy_generator::GeneratorOptions options;
  options.cases = 6;
  options.seed = 77;
  ASSERT_TRUE(legacy_generator::GenerateLegacyFolder(options, folder).ok());
  std::filesystem::remove(folder + "/truth.json");
  ImportOutcome imported = UploadFolder(server_->channel(), kOperatorToken, folder, false);
  ASSERT_TRUE(imported.status.ok()) << imported.status.error_message();
  ASSERT_GE(imported.report.cases_size(), 2);
  const std::string hidden = imported.report.cases(0);

  // A person of the hidden case, and an event record in it.
  v1::ListPersonsRequest all_persons;
  all_persons.set_page_size(1000);
  v1::ListPersonsResponse before;
  ASSERT_TRUE(persons_->ListPersons(Context(kOutOfHoursToken).get(), all_persons, &before).ok());
  std::string person_only_there;
  for (const v1::Person& p : before.persons()) {
    if (p.cases_size() == 1 && p.cases(0) == hidden) person_only_there = p.name();
  }
  ASSERT_FALSE(person_only_there.empty());
  v1::GetCaseFileRequest file;
  file.set_name(hidden);
  file.set_purpose("migration check");
  auto context = Context(kOperatorToken);
  auto reader = cases_->GetCaseFile(context.get(), file);
  v1::GetCaseFileResponse chunk;
  std::string record;
  while (reader->Read(&chunk)) {
    for (const v1::Entry& e : chunk.entries()) {
      if (record.empty() && e.sources_size() > 0) record = e.sources(0).record();
    }
  }
  ASSERT_TRUE(reader->Finish().ok());
  ASSERT_FALSE(record.empty());

  v1::SetCaseRestrictionRequest restrict;
  restrict.set_name(hidden);
  restrict.mutable_restriction()->add_teams("cait");
  v1::Case c;
  ASSERT_TRUE(cases_->SetCaseRestriction(Context(kAdminToken).get(), restrict, &c).ok());

  // Persons: the one known only through the hidden case is gone; no other
  // person lists the hidden case.
  v1::ListPersonsResponse after;
  ASSERT_TRUE(persons_->ListPersons(Context(kOutOfHoursToken).get(), all_persons, &after).ok());
  for (const v1::Person& p : after.persons()) {
    EXPECT_NE(p.name(), person_only_there);
    EXPECT_THAT(p.cases(), Not(Contains(hidden))) << p.name();
  }
  v1::GetPersonRequest get_person;
  get_person.set_name(person_only_there);
  v1::Person person;
  grpc::Status s = persons_->GetPerson(Context(kOutOfHoursToken).get(), get_person, &person);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(s.error_message(), person_only_there + " not found");
  ASSERT_TRUE(persons_->GetPerson(Context(kInvestigatorToken).get(), get_person, &person).ok());
  EXPECT_THAT(person.cases(), Contains(hidden));  // inv1 is in cait

  // Search by that person's surname finds them for cait only.
  v1::SearchPersonsRequest search;
  search.set_query(person.surname());
  v1::SearchPersonsResponse found;
  ASSERT_TRUE(persons_->SearchPersons(Context(kOutOfHoursToken).get(), search, &found).ok());
  for (const v1::PersonMatch& m : found.results()) EXPECT_NE(m.person().name(), person_only_there);
  ASSERT_TRUE(persons_->SearchPersons(Context(kInvestigatorToken).get(), search, &found).ok());
  std::set<std::string> for_cait;
  for (const v1::PersonMatch& m : found.results()) for_cait.insert(m.person().name());
  EXPECT_THAT(for_cait, Contains(person_only_there));

  // The import report as the operator (in no team) reads it now.
  v1::GetImportRequest get_import;
  get_import.set_name(imported.report.name());
  v1::Import report;
  ASSERT_TRUE(imports_->GetImport(Context(kOperatorToken).get(), get_import, &report).ok());
  EXPECT_THAT(report.cases(), Not(Contains(hidden)));
  EXPECT_EQ(report.cases_size(), imported.report.cases_size() - 1);
  for (const auto& r : report.unlisted_refs()) EXPECT_NE(r.case_(), hidden);
  for (const auto& r : report.changed_records()) EXPECT_NE(r.case_(), hidden);
  for (const auto& r : report.ref_conflicts()) EXPECT_THAT(r.cases(), Not(Contains(hidden)));
  ASSERT_TRUE(imports_->GetImport(Context(kAdminToken).get(), get_import, &report).ok());
  EXPECT_THAT(report.cases(), Contains(hidden));

  // Review items of the hidden case, and its records.
  v1::ListReviewItemsRequest items;
  items.set_show_resolved(true);
  items.set_page_size(1000);
  v1::ListReviewItemsResponse listed;
  ASSERT_TRUE(imports_->ListReviewItems(Context(kOperatorToken).get(), items, &listed).ok());
  for (const v1::ReviewItem& item : listed.review_items()) EXPECT_NE(item.case_(), hidden);
  v1::SeparateRecordRequest separate;
  separate.set_locator(record);
  v1::SeparateRecordResponse separated;
  s = imports_->SeparateRecord(Context(kOperatorToken).get(), separate, &separated);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(s.error_message(), absl::StrCat("locator: no imported record '", record, "'"));
}

// A watch opened while the case was open to all ends, NOT_FOUND, once the
// case is kept from the watcher: nothing written afterwards reaches them.
TEST_F(NeedToKnowE2eTest, AWatchEndsWhenTheCaseIsKeptFromTheWatcher) {
  v1::CreateCaseRequest create;
  create.set_case_id("CF-OPEN");
  create.mutable_case_()->set_title(kTitle);
  v1::Case made;
  ASSERT_TRUE(cases_->CreateCase(Context(kInvestigatorToken).get(), create, &made).ok());
  ASSERT_TRUE(AppendNote(kInvestigatorToken, made.name()).ok());
  v1::WatchCaseRequest watch;
  watch.set_name(made.name());
  watch.set_purpose("need to know e2e test");
  auto context = Context(kSecondInvestigatorToken);
  auto reader = cases_->WatchCase(context.get(), watch);
  v1::WatchCaseResponse first;
  ASSERT_TRUE(reader->Read(&first));
  ASSERT_EQ(first.entries_size(), 1);

  v1::SetCaseRestrictionRequest restrict;
  restrict.set_name(made.name());
  restrict.mutable_restriction()->add_teams("cait");
  v1::Case restricted;
  ASSERT_TRUE(cases_->SetCaseRestriction(Context(kInvestigatorToken).get(), restrict, &restricted).ok());
  ASSERT_TRUE(AppendNote(kInvestigatorToken, made.name()).ok());
  v1::WatchCaseResponse more;
  while (reader->Read(&more)) EXPECT_EQ(more.entries_size(), 0) << "an entry reached a watcher the case is kept from";
  grpc::Status ended = reader->Finish();
  EXPECT_EQ(ended.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(ended.error_message(), "cases/CF-OPEN not found");
}

}  // namespace
}  // namespace casefile::testing
