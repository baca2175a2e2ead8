// The audit trail end to end, against the real casefiled: every create,
// append, read, search, watch and refusal leaves exactly one record naming
// who, from where, what (resource names only), why and the outcome; only
// auditors read the trail; the CLI lists and verifies it.
#include <filesystem>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "casefile/v1/audit.grpc.pb.h"
#include "casefile/v1/import.grpc.pb.h"
#include "casefile/v1/person.grpc.pb.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/support/casefiled_fixture.h"
#include "tests/support/cli_runner.h"
#include "tests/support/import_client.h"
#include "tools/legacy_generator/legacy_generator.h"

namespace casefile::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

constexpr char kEntryText[] = "Ellie seen at 14 Larch Close with an older male, drove off in a blue van";
constexpr char kTitle[] = "Concern for Ellie WATSON";

class AuditE2eTest : public CasefiledTest {
 protected:
  // Every event, as "kind|user|role|resources|count|purpose|outcome".
  std::vector<std::string> Events(const v1::ListAuditEventsRequest& request = {}) {
    std::vector<std::string> out;
    const v1::ListAuditEventsResponse listed = List(request);
    for (const v1::AuditEvent& e : listed.audit_events()) {
      out.push_back(absl::StrCat(e.kind(), "|", e.user(), "|", e.role(), "|",
                                 absl::StrJoin(e.resources(), ","), "|", e.count(), "|",
                                 e.purpose(), "|", e.outcome()));
    }
    return out;
  }
  v1::ListAuditEventsResponse List(const v1::ListAuditEventsRequest& request = {}) {
    v1::ListAuditEventsResponse response;
    grpc::Status s = audit_->ListAuditEvents(Context(kAuditorToken).get(), request, &response);
    EXPECT_TRUE(s.ok()) << s.error_message();
    return response;
  }

  // Runs the CLI; returns its exit code and its output (stdout and stderr).
  std::pair<int, std::string> Cli(const std::string& words, const std::string& token) {
    CliRun run = RunCasefileCli(*server_, words, token);
    return {run.exit_code, run.out};
  }
};

TEST_F(AuditE2eTest, EveryCallLeavesOneRecordWithWhoWhatWhyAndOutcomeButNoCaseText) {
  // 1. Create, 2. append (investigator).
  v1::CreateCaseRequest create;
  create.mutable_case_()->set_title(kTitle);
  v1::Subject* subject = create.mutable_case_()->add_subjects();
  subject->set_display_name("Ellie WATSON");
  subject->set_forename("Ellie");
  subject->set_surname("WATSON");
  v1::Case c;
  ASSERT_TRUE(cases_->CreateCase(Context(kInvestigatorToken).get(), create, &c).ok());
  ASSERT_EQ(c.name(), "cases/CF-000001");
  v1::AppendEntryRequest append;
  append.set_parent(c.name());
  append.mutable_entry()->set_kind(v1::ENTRY_KIND_VISIT);
  append.mutable_entry()->set_text(kEntryText);
  v1::Entry entry;
  ASSERT_TRUE(cases_->AppendEntry(Context(kInvestigatorToken).get(), append, &entry).ok());
  // 3. GetCase, 4. GetCaseFile with a purpose (investigator).
  v1::GetCaseRequest get;
  get.set_name(c.name());
  ASSERT_TRUE(cases_->GetCase(Context(kInvestigatorToken).get(), get, &c).ok());
  {
    v1::GetCaseFileRequest request;
    request.set_name(c.name());
    request.set_purpose("strategy meeting");
    auto context = Context(kInvestigatorToken);
    auto reader = cases_->GetCaseFile(context.get(), request);
    v1::GetCaseFileResponse chunk;
    while (reader->Read(&chunk)) {}
    ASSERT_TRUE(reader->Finish().ok());
  }
  // 5. ListCases by subject (out of hours): the query is not recorded.
  v1::ListCasesRequest list;
  list.set_subject("watson");
  v1::ListCasesResponse listed;
  ASSERT_TRUE(cases_->ListCases(Context(kOutOfHoursToken).get(), list, &listed).ok());
  ASSERT_EQ(listed.cases_size(), 1);
  // 6. SearchPersons (investigator): a search was made, not what for.
  v1::SearchPersonsRequest search;
  search.set_query("Ellie Watson");
  v1::SearchPersonsResponse found;
  ASSERT_TRUE(persons_->SearchPersons(Context(kInvestigatorToken).get(), search, &found).ok());
  // The case's subject is a person from its creation (live persons): the
  // record names the person found, never the words searched for.
  ASSERT_EQ(found.results_size(), 1);
  const std::string searched =
      absl::StrCat("SearchPersons|inv1|investigator|", found.results(0).person().name(), "|1||OK");
  EXPECT_EQ(found.results(0).person().name(), c.subjects(0).person());
  // 7. A role refusal, 8. an unauthenticated call.
  v1::Entry refused;
  EXPECT_EQ(cases_->AppendEntry(Context(kOutOfHoursToken).get(), append, &refused).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(cases_->GetCase(Context("").get(), get, &c).error_code(),
            grpc::StatusCode::UNAUTHENTICATED);
  // 9. WatchCase without a purpose is refused; 10. with one it streams.
  {
    v1::WatchCaseRequest watch;
    watch.set_name(c.name());
    auto context = Context(kOutOfHoursToken);
    auto reader = cases_->WatchCase(context.get(), watch);
    v1::WatchCaseResponse batch;
    EXPECT_FALSE(reader->Read(&batch));
    grpc::Status status = reader->Finish();
    EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    EXPECT_THAT(status.error_message(), HasSubstr("purpose: is required"));
  }
  {
    v1::WatchCaseRequest watch;
    watch.set_name(c.name());
    watch.set_purpose("EDT call-out");
    auto context = Context(kOutOfHoursToken);
    auto reader = cases_->WatchCase(context.get(), watch);
    v1::WatchCaseResponse batch;
    ASSERT_TRUE(reader->Read(&batch));
    EXPECT_EQ(batch.entries_size(), 1);
    context->TryCancel();
    reader->Finish();
  }

  EXPECT_THAT(Events(),
              ElementsAre("CreateCase|inv1|investigator|cases/CF-000001|0||OK",
                          "AppendEntry|inv1|investigator|cases/CF-000001/entries/1|0||OK",
                          "GetCase|inv1|investigator|cases/CF-000001|0||OK",
                          "GetCaseFile|inv1|investigator|cases/CF-000001|0|strategy meeting|OK",
                          "ListCases|ooh1|out_of_hours|cases/CF-000001|1||OK",
                          searched,
                          "AppendEntry|ooh1|out_of_hours||0||PERMISSION_DENIED",
                          "GetCase|unknown|unknown||0||UNAUTHENTICATED",
                          "WatchCase|ooh1|out_of_hours||0||INVALID_ARGUMENT",
                          "WatchCase|ooh1|out_of_hours|cases/CF-000001|0|EDT call-out|OK"));

  v1::ListAuditEventsResponse all = List();
  for (const v1::AuditEvent& e : all.audit_events()) {
    SCOPED_TRACE(e.seq());
    EXPECT_THAT(e.peer(), HasSubstr("127.0.0.1"));
    EXPECT_TRUE(e.has_event_time());
    // No case text, title, name or search words in any stored record.
    const std::string bytes = absl::AsciiStrToLower(e.SerializeAsString());
    for (const char* secret : {"larch close", "blue van", "concern for", "ellie", "watson"}) {
      EXPECT_EQ(bytes.find(secret), std::string::npos) << secret;
    }
  }

  // Filters: by case (its entries included), by user, by kind.
  v1::ListAuditEventsRequest by_case;
  by_case.set_case_("cases/CF-000001");
  EXPECT_EQ(List(by_case).audit_events_size(), 6);
  v1::ListAuditEventsRequest by_user;
  by_user.set_user("ooh1");
  EXPECT_EQ(List(by_user).audit_events_size(), 4);
  v1::ListAuditEventsRequest by_kind;
  by_kind.set_kind("GetCaseFile");
  EXPECT_THAT(Events(by_kind),
              ElementsAre("GetCaseFile|inv1|investigator|cases/CF-000001|0|strategy meeting|OK"));

  v1::VerifyAuditLogResponse verified;
  ASSERT_TRUE(audit_->VerifyAuditLog(Context(kAuditorToken).get(), {}, &verified).ok());
  EXPECT_TRUE(verified.ok()) << verified.reason();
  // The ten calls above, and the auditor's own five lists of the trail.
  EXPECT_EQ(verified.records_checked(), 15);
}

TEST_F(AuditE2eTest, OnlyAuditorsAndAdminsReadTheTrailAndRefusalsAreRecorded) {
  for (const char* token : {kInvestigatorToken, kOutOfHoursToken, kOperatorToken}) {
    SCOPED_TRACE(token);
    v1::ListAuditEventsResponse response;
    EXPECT_EQ(audit_->ListAuditEvents(Context(token).get(), {}, &response)
                  .error_code(),
              grpc::StatusCode::PERMISSION_DENIED);
    v1::VerifyAuditLogResponse verified;
    EXPECT_EQ(audit_->VerifyAuditLog(Context(token).get(), {}, &verified)
                  .error_code(),
              grpc::StatusCode::PERMISSION_DENIED);
  }
  v1::ListAuditEventsResponse response;
  EXPECT_TRUE(audit_->ListAuditEvents(Context(kAdminToken).get(), {}, &response).ok());
  EXPECT_EQ(response.audit_events_size(), 6);
  EXPECT_THAT(Events(), ElementsAre("ListAuditEvents|inv1|investigator||0||PERMISSION_DENIED",
                                    "VerifyAuditLog|inv1|investigator||0||PERMISSION_DENIED",
                                    "ListAuditEvents|ooh1|out_of_hours||0||PERMISSION_DENIED",
                                    "VerifyAuditLog|ooh1|out_of_hours||0||PERMISSION_DENIED",
                                    "ListAuditEvents|op1|operator||0||PERMISSION_DENIED",
                                    "VerifyAuditLog|op1|operator||0||PERMISSION_DENIED",
                                    // a read of the trail is recorded too, with what it returned
                                    "ListAuditEvents|adm1|admin||6||OK"));
}

TEST_F(AuditE2eTest, TheCliListsAndVerifiesTheTrailAndWatchNeedsAPurpose) {
  auto [code, out] = Cli("case create --title 'Test case' --id CF-42", kInvestigatorToken);
  ASSERT_EQ(code, 0) << out;
  std::tie(code, out) = Cli("watch CF-42", kInvestigatorToken);
  EXPECT_EQ(code, 2) << out;
  EXPECT_THAT(out, HasSubstr("--purpose"));

  std::tie(code, out) = Cli("audit list --case CF-42 --kind CreateCase", kAuditorToken);
  ASSERT_EQ(code, 0) << out;
  EXPECT_THAT(out, HasSubstr("#1  "));
  EXPECT_THAT(out, HasSubstr("CreateCase  OK  inv1 (investigator) ipv4:127.0.0.1:"));
  EXPECT_THAT(out, HasSubstr("\n      cases/CF-42\n"));
  std::tie(code, out) = Cli("audit list --user nobody", kAuditorToken);
  EXPECT_EQ(code, 0) << out;
  EXPECT_EQ(out, "");
  std::tie(code, out) = Cli("audit list --since yesterday", kAuditorToken);
  EXPECT_EQ(code, 2) << out;
  EXPECT_THAT(out, HasSubstr("--since must be a time"));

  std::tie(code, out) = Cli("audit verify", kAuditorToken);
  EXPECT_EQ(code, 0) << out;
  // The create and the auditor's two lists that reached the server: the CLI
  // refused the watch and the bad --since itself.
  EXPECT_EQ(out, "audit chain intact: 3 records\n");
  std::tie(code, out) = Cli("audit verify", kInvestigatorToken);
  EXPECT_EQ(code, 1) << out;
  EXPECT_THAT(out, HasSubstr("PERMISSION_DENIED"));
}

// An import, person reads, review reads and a review decision: one record
// each, naming resources and counts, never a name or a date of birth.
TEST_F(AuditE2eTest, ImportsPersonReadsAndReviewDecisionsAreRecorded) {
  legacy_generator::GeneratorOptions options;
  options.cases = 20;
  options.seed = 31;
  const std::string folder = dir_.path() + "/legacy";
  ASSERT_TRUE(legacy_generator::GenerateLegacyFolder(options, folder).ok());
  std::filesystem::rename(folder + "/truth.json", dir_.path() + "/truth.json");
  ImportOutcome imported = UploadFolder(server_->channel(), kOperatorToken, folder, false);
  ASSERT_TRUE(imported.status.ok()) << imported.status.error_message();
  const v1::Import& report = imported.report;
  ASSERT_FALSE(report.cases().empty());

  v1::ListAuditEventsRequest imports;
  imports.set_kind("ImportFolder");
  v1::ListAuditEventsResponse import_events = List(imports);
  ASSERT_EQ(import_events.audit_events_size(), 1);
  const v1::AuditEvent& import_event = import_events.audit_events(0);
  EXPECT_EQ(import_event.user(), "op1");
  EXPECT_EQ(import_event.role(), "operator");
  EXPECT_EQ(import_event.outcome(), "OK");
  EXPECT_EQ(import_event.count(), report.counts().records_read());
  ASSERT_EQ(import_event.resources_size(), 1 + report.cases_size());
  EXPECT_EQ(import_event.resources(0), report.name());
  for (int i = 0; i < report.cases_size(); ++i)
    EXPECT_EQ(import_event.resources(i + 1), report.cases(i));

  // Person reads (investigator).
  v1::ListPersonsRequest list;
  list.set_page_size(3);
  v1::ListPersonsResponse persons;
  ASSERT_TRUE(persons_->ListPersons(Context(kInvestigatorToken).get(), list, &persons).ok());
  ASSERT_EQ(persons.persons_size(), 3);
  v1::GetPersonRequest get;
  get.set_name(persons.persons(0).name());
  v1::Person person;
  ASSERT_TRUE(persons_->GetPerson(Context(kInvestigatorToken).get(), get, &person).ok());
  v1::ListAuditEventsRequest about;
  about.set_person(person.name());
  EXPECT_THAT(Events(about),
              ElementsAre(absl::StrCat("ListPersons|inv1|investigator|", persons.persons(0).name(), ",",
                                       persons.persons(1).name(), ",", persons.persons(2).name(),
                                       "|3||OK"),
                          absl::StrCat("GetPerson|inv1|investigator|", person.name(), "|0||OK")));

  // Review reads and a decision (operator).
  v1::ListReviewItemsResponse items;
  ASSERT_TRUE(imports_->ListReviewItems(Context(kOperatorToken).get(), {}, &items).ok());
  ASSERT_GT(items.review_items_size(), 0);
  v1::ResolveReviewItemRequest resolve;
  resolve.set_name(items.review_items(0).name());
  resolve.set_decision(v1::ReviewItem::DECISION_SEPARATE);
  v1::ReviewItem decided;
  ASSERT_TRUE(imports_->ResolveReviewItem(Context(kOperatorToken).get(), resolve, &decided).ok());
  v1::ListAuditEventsRequest by_operator;
  by_operator.set_user("op1");
  std::vector<std::string> kinds;
  const v1::ListAuditEventsResponse by_op1 = List(by_operator);
  for (const v1::AuditEvent& e : by_op1.audit_events()) kinds.push_back(e.kind());
  EXPECT_THAT(kinds, ElementsAre("ImportFolder", "ListReviewItems", "ResolveReviewItem"));
  v1::ListAuditEventsRequest decisions;
  decisions.set_kind("ResolveReviewItem");
  v1::ListAuditEventsResponse decision_events = List(decisions);
  ASSERT_EQ(decision_events.audit_events_size(), 1);
  EXPECT_EQ(decision_events.audit_events(0).resources(0), decided.name());

  // Undoing a merge: one record, committed with the decision, naming the
  // case and entry it split and how many records it set apart.
  v1::Entry merged;
  for (const std::string& case_name : report.cases()) {
    v1::GetCaseFileRequest file;
    file.set_name(case_name);
    file.set_purpose("migration check");
    auto context = Context(kOperatorToken);
    auto reader = cases_->GetCaseFile(context.get(), file);
    v1::GetCaseFileResponse chunk;
    while (reader->Read(&chunk)) {
      for (const v1::Entry& e : chunk.entries()) {
        if (merged.sources_size() < 2 && e.superseded_by().empty() && e.sources_size() >= 2) merged = e;
      }
    }
    ASSERT_TRUE(reader->Finish().ok());
    if (merged.sources_size() >= 2) break;
  }
  ASSERT_GE(merged.sources_size(), 2);
  v1::SeparateRecordRequest separate;
  separate.set_locator(merged.sources(0).record());
  v1::SeparateRecordResponse separated;
  ASSERT_TRUE(imports_->SeparateRecord(Context(kOperatorToken).get(), separate, &separated).ok());
  v1::ListAuditEventsRequest separations;
  separations.set_kind("SeparateRecord");
  const std::string case_name = merged.name().substr(0, merged.name().find("/entries/"));
  EXPECT_THAT(Events(separations),
              ElementsAre(absl::StrCat("SeparateRecord|op1|operator|", case_name, ",", merged.name(), "|",
                                       merged.sources_size() - 1, "||OK")));

  // No person's name, address or date of birth reaches the trail.
  std::string trail;
  const v1::ListAuditEventsResponse everything = List();
  for (const v1::AuditEvent& e : everything.audit_events())
    trail += absl::AsciiStrToLower(e.SerializeAsString());
  for (const v1::Person& p : persons.persons()) {
    for (const std::string& word : {p.forename(), p.surname()}) {
      if (word.size() < 4) continue;
      EXPECT_EQ(trail.find(absl::AsciiStrToLower(word)), std::string::npos) << word;
    }
  }
  v1::VerifyAuditLogResponse verified;
  ASSERT_TRUE(audit_->VerifyAuditLog(Context(kAuditorToken).get(), {}, &verified).ok());
  EXPECT_TRUE(verified.ok()) << verified.reason();
}

}  // namespace
}  // namespace casefile::testing
