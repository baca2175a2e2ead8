// Retention and erasure end to end, against the real casefiled: reviews are
// recorded on the case, in its chronology and in the audit trail; the
// review-due list holds exactly the cases due; an erasure leaves nothing of
// the case to any reader, nor in a backup, nor in the audit record, and a
// re-import of the same legacy folder does not bring it back.
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "casefile/v1/admin.grpc.pb.h"
#include "casefile/v1/audit.grpc.pb.h"
#include "casefile/v1/import.grpc.pb.h"
#include "casefile/v1/person.grpc.pb.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/support/casefiled_fixture.h"
#include "tests/support/cli_runner.h"
#include "tests/support/import_client.h"

namespace casefile::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

constexpr char kMarker[] = "Zanzibar-erasure-marker-7781";

class RetentionE2eTest : public CasefiledTest {
 protected:
  // Case `id` about Ellie WATSON.
  v1::Case CreateCase(const std::string& id) {
    return CasefiledTest::CreateCase(NewCase("Concern for Ellie WATSON", id));
  }

  grpc::Status Review(const std::string& name, v1::RetentionReview::Decision decision, const std::string& reason,
                      const std::string& next, v1::Case* out, const std::string& token = kInvestigatorToken) {
    v1::ReviewCaseRequest request;
    request.set_name(name);
    request.set_decision(decision);
    request.set_reason(reason);
    request.set_next_review_date(next);
    return cases_->ReviewCase(Context(token).get(), request, out);
  }

  std::vector<std::string> DueBy(const std::string& date, int page_size = 0) {
    std::vector<std::string> names;
    v1::ListCasesRequest request;
    request.set_review_due_by(date);
    request.set_page_size(page_size);
    do {
      v1::ListCasesResponse response;
      grpc::Status s = cases_->ListCases(Context(kInvestigatorToken).get(), request, &response);
      EXPECT_TRUE(s.ok()) << s.error_message();
      if (!s.ok()) break;
      for (const v1::Case& c : response.cases()) names.push_back(c.name());
      request.set_page_token(response.next_page_token());
    } while (!request.page_token().empty());
    return names;
  }

  std::vector<v1::AuditEvent> AuditEvents(const std::string& kind) {
    v1::ListAuditEventsRequest request;
    request.set_kind(kind);
    v1::ListAuditEventsResponse response;
    grpc::Status s = audit_->ListAuditEvents(Context(kAuditorToken).get(), request, &response);
    EXPECT_TRUE(s.ok()) << s.error_message();
    return {response.audit_events().begin(), response.audit_events().end()};
  }
};

std::string DatePlusDays(const google::protobuf::Timestamp& t, int days) {
  absl::TimeZone london;
  EXPECT_TRUE(absl::LoadTimeZone("Europe/London", &london));
  const absl::CivilDay day = absl::ToCivilDay(absl::FromUnixSeconds(t.seconds()), london) + days;
  return absl::StrFormat("%04d-%02d-%02d", day.year(), day.month(), day.day());
}

TEST_F(RetentionE2eTest, AReviewIsRecordedOnTheCaseInItsChronologyAndInTheAuditTrail) {
  const v1::Case created = CreateCase("CF-R1");
  EXPECT_EQ(created.next_review_date(), DatePlusDays(created.create_time(), 365));

  v1::Case reviewed;
  grpc::Status s = Review(created.name(), v1::RetentionReview::DECISION_RETAIN, "Live s47 enquiry; keep.",
                          "2099-01-31", &reviewed);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(reviewed.next_review_date(), "2099-01-31");
  EXPECT_EQ(reviewed.version(), 1);
  const v1::RetentionReview& review = reviewed.last_review();
  EXPECT_EQ(review.decision(), v1::RetentionReview::DECISION_RETAIN);
  EXPECT_EQ(review.reason(), "Live s47 enquiry; keep.");
  EXPECT_EQ(review.reviewer(), "inv1");
  EXPECT_EQ(review.next_review_date(), "2099-01-31");
  EXPECT_EQ(review.entry(), "cases/CF-R1/entries/1");

  v1::GetCaseFileRequest read;
  read.set_name(created.name());
  read.set_purpose("retention e2e test");
  auto context = Context(kInvestigatorToken);
  auto reader = cases_->GetCaseFile(context.get(), read);
  v1::GetCaseFileResponse chunk;
  std::vector<v1::Entry> entries;
  while (reader->Read(&chunk)) entries.insert(entries.end(), chunk.entries().begin(), chunk.entries().end());
  ASSERT_TRUE(reader->Finish().ok());
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].kind(), v1::ENTRY_KIND_REVIEW);
  EXPECT_EQ(entries[0].text(),
            "Retention review: retain; next review by 2099-01-31.\nReason: Live s47 enquiry; keep.");

  const std::vector<v1::AuditEvent> audited = AuditEvents("ReviewCase");
  ASSERT_EQ(audited.size(), 1u);
  EXPECT_EQ(audited[0].user(), "inv1");
  EXPECT_THAT(audited[0].resources(), ElementsAre("cases/CF-R1"));
  EXPECT_EQ(audited[0].outcome(), "OK");
}

TEST_F(RetentionE2eTest, TheReviewDueListHoldsExactlyTheCasesDueSoonestFirst) {
  const v1::Case a = CreateCase("CF-DA");  // never reviewed: due a year after creation
  const v1::Case b = CreateCase("CF-DB");
  const v1::Case c = CreateCase("CF-DC");
  v1::Case out;
  ASSERT_TRUE(Review(b.name(), v1::RetentionReview::DECISION_RETAIN, "Keep", "2098-01-01", &out).ok());
  ASSERT_TRUE(Review(c.name(), v1::RetentionReview::DECISION_RETAIN, "Keep", "2099-01-01", &out).ok());
  EXPECT_THAT(DueBy("2098-06-01"), ElementsAre(a.name(), b.name()));
  EXPECT_THAT(DueBy("2098-06-01", 1), ElementsAre(a.name(), b.name()));  // a page at a time
  EXPECT_THAT(DueBy("2000-01-01"), IsEmpty());

  ASSERT_TRUE(Review(a.name(), v1::RetentionReview::DECISION_RETAIN, "Keep", "2100-01-01", &out).ok());
  EXPECT_THAT(DueBy("2098-06-01"), ElementsAre(b.name()));
  // A decision to dispose leaves the case due (today) until it is erased.
  ASSERT_TRUE(Review(c.name(), v1::RetentionReview::DECISION_DISPOSE, "No longer needed", "", &out).ok());
  EXPECT_EQ(out.next_review_date(), DatePlusDays(out.last_review().review_time(), 0));
  EXPECT_THAT(DueBy("2098-06-01"), ElementsAre(c.name(), b.name()));
}

TEST_F(RetentionE2eTest, ReviewsAreCheckedAndKeptToThoseAllowed) {
  const v1::Case c = CreateCase("CF-RV");
  v1::Case out;
  grpc::Status s = Review(c.name(), v1::RetentionReview::DECISION_RETAIN, " ", "2099-01-01", &out);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(s.error_message(), "reason: is required: say why the case is kept or disposed of");
  s = Review(c.name(), v1::RetentionReview::DECISION_RETAIN, "Keep", "2001-01-01", &out);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(s.error_message(), HasSubstr("next_review_date: must be after today ("));
  s = Review(c.name(), v1::RetentionReview::DECISION_RETAIN, "Keep", "2099-02-30", &out);
  EXPECT_EQ(s.error_message(), "next_review_date: '2099-02-30' is not a date (YYYY-MM-DD)");
  s = Review(c.name(), v1::RetentionReview::DECISION_DISPOSE, "Done", "2099-01-01", &out);
  EXPECT_EQ(s.error_message(), "next_review_date: must be empty when the decision is to dispose");
  s = Review(c.name(), v1::RetentionReview::DECISION_UNSPECIFIED, "Keep", "2099-01-01", &out);
  EXPECT_EQ(s.error_message(), "decision: is required: DECISION_RETAIN or DECISION_DISPOSE");
  s = Review(c.name(), v1::RetentionReview::DECISION_RETAIN, "Keep", "2099-01-01", &out, kOutOfHoursToken);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(s.error_message(), "role out_of_hours may not review cases for retention");
  v1::ListCasesRequest list;
  list.set_review_due_by("2099-13-01");
  v1::ListCasesResponse listed;
  s = cases_->ListCases(Context(kInvestigatorToken).get(), list, &listed);
  EXPECT_EQ(s.error_message(), "review_due_by: '2099-13-01' is not a date (YYYY-MM-DD)");
}

TEST_F(RetentionE2eTest, AReviewCarriesTheVersionItsReviewerSaw) {
  const v1::Case c = CreateCase("CF-RS");
  v1::ReviewCaseRequest request;
  request.set_name(c.name());
  request.set_decision(v1::RetentionReview::DECISION_RETAIN);
  request.set_reason("Keep");
  request.set_next_review_date("2099-01-01");
  request.set_request_id("review-1");
  request.set_expected_version(-1);
  v1::Case out;
  grpc::Status s = cases_->ReviewCase(Context(kInvestigatorToken).get(), request, &out);
  EXPECT_EQ(s.error_message(), "expected_version: must not be negative (versions start at 0)");
  // Someone wrote first: nothing is reviewed.
  v1::Entry note;
  note.set_kind(v1::ENTRY_KIND_NOTE);
  note.set_text("Seen at school");
  ASSERT_TRUE(TryAppend(c.name(), note, nullptr, kInvestigatorToken).ok());
  request.set_expected_version(0);
  s = cases_->ReviewCase(Context(kInvestigatorToken).get(), request, &out);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::ABORTED);
  EXPECT_EQ(s.error_message(),
            "cases/CF-RS is at version 1, not the expected 0: someone else wrote first; re-read and retry");
  // With the version seen now: recorded, and the same request again writes nothing more.
  request.set_expected_version(1);
  ASSERT_TRUE(cases_->ReviewCase(Context(kInvestigatorToken).get(), request, &out).ok());
  EXPECT_EQ(out.version(), 2);
  ASSERT_TRUE(cases_->ReviewCase(Context(kInvestigatorToken).get(), request, &out).ok());
  EXPECT_EQ(out.version(), 2);
  EXPECT_EQ(out.last_review().entry(), "cases/CF-RS/entries/2");
}

TEST_F(RetentionE2eTest, AnErasedCaseLeavesNoTraceAndAReImportDoesNotBringItBack) {
  const std::string folder = dir_.path() + "/legacy";
  std::filesystem::create_directories(folder + "/paper");
  std::ofstream(folder + "/paper/HPVP_2026_0900.csv")
      << "file_ref,page,doc_type,entry_date,author,subjects,text\n"
      << "HPVP/2026/0900,1,Case note,01.09.2026 1000,PC 118 BROWN,Quentin ZOLLERN (03/04/2011)," << kMarker
      << " first note.\n"
      << "HPVP/2026/0900,2,Case note,02.09.2026 1000,PC 118 BROWN,Quentin ZOLLERN (03/04/2011)," << kMarker
      << " second note.\n";
  ImportOutcome imported = UploadFolder(server_->channel(), kOperatorToken, folder, false);
  ASSERT_TRUE(imported.status.ok()) << imported.status.error_message();
  ASSERT_EQ(imported.report.cases_size(), 1);
  const std::string name = imported.report.cases(0);

  v1::EraseCaseRequest erase;
  erase.set_name(name);
  v1::EraseCaseResponse erased;
  grpc::Status s = admin_->EraseCase(Context(kInvestigatorToken).get(), erase, &erased);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(s.error_message(), "role investigator may not erase cases");
  s = admin_->EraseCase(Context(kAdminToken).get(), erase, &erased);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(s.error_message(), "reason: is required: say why the case is erased");
  erase.set_reason("MoPI review: dispose");
  s = admin_->EraseCase(Context(kAdminToken).get(), erase, &erased);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(erased.name(), name);
  EXPECT_EQ(erased.entries(), 2);
  EXPECT_EQ(erased.sources(), 2);
  EXPECT_EQ(erased.person_records(), 1);
  s = admin_->EraseCase(Context(kAdminToken).get(), erase, &erased);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::NOT_FOUND);

  // No reader finds it.
  v1::GetCaseRequest get;
  get.set_name(name);
  v1::Case c;
  EXPECT_EQ(cases_->GetCase(Context(kAdminToken).get(), get, &c).error_code(),
            grpc::StatusCode::NOT_FOUND);
  v1::ListCasesRequest list;
  v1::ListCasesResponse listed;
  ASSERT_TRUE(cases_->ListCases(Context(kAdminToken).get(), list, &listed).ok());
  EXPECT_THAT(listed.cases(), IsEmpty());
  EXPECT_THAT(DueBy("2100-01-01"), IsEmpty());
  v1::SearchPersonsRequest search;
  search.set_query("Quentin Zollern");
  v1::SearchPersonsResponse found;
  ASSERT_TRUE(persons_->SearchPersons(Context(kAdminToken).get(), search, &found).ok());
  EXPECT_THAT(found.results(), IsEmpty());

  // The audit record names the case and counts, with the reason, and nothing of it.
  std::vector<v1::AuditEvent> done;
  std::vector<std::string> outcomes;
  for (v1::AuditEvent& event : AuditEvents("EraseCase")) {
    outcomes.push_back(event.outcome());
    if (event.outcome() == "OK") done.push_back(std::move(event));
  }
  EXPECT_THAT(outcomes, ::testing::Contains("PERMISSION_DENIED"));  // the investigator's refusal
  ASSERT_EQ(done.size(), 1u);
  const v1::AuditEvent& record = done[0];
  EXPECT_EQ(record.user(), "adm1");
  EXPECT_THAT(record.resources(), ElementsAre(name));
  EXPECT_EQ(record.count(), 2);
  EXPECT_EQ(record.purpose(), "MoPI review: dispose");
  EXPECT_EQ(record.outcome(), "OK");
  EXPECT_EQ(record.SerializeAsString().find("ZOLLERN"), std::string::npos);
  v1::VerifyAuditLogResponse verified;
  ASSERT_TRUE(audit_->VerifyAuditLog(Context(kAuditorToken).get(), v1::VerifyAuditLogRequest(), &verified).ok());
  EXPECT_TRUE(verified.ok()) << verified.ShortDebugString();

  // A compacting backup holds none of its text.
  v1::BackupRequest backup;
  backup.set_path(dir_.path() + "/backup");
  v1::BackupResponse written;
  ASSERT_TRUE(admin_->Backup(Context(kAdminToken).get(), backup, &written).ok());
  std::ifstream file(written.file(), std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  ASSERT_GT(bytes.size(), 0u);
  EXPECT_EQ(bytes.find(kMarker), std::string::npos);
  EXPECT_EQ(bytes.find("ZOLLERN"), std::string::npos);

  // The import's report, read again, no longer names the case.
  v1::GetImportRequest get_import;
  get_import.set_name(imported.report.name());
  v1::Import report;
  ASSERT_TRUE(imports_->GetImport(Context(kAdminToken).get(), get_import, &report).ok());
  EXPECT_THAT(report.cases(), IsEmpty());
  EXPECT_EQ(report.SerializeAsString().find(name), std::string::npos);

  // The same folder again: counted as erased, nothing imported.
  imported = UploadFolder(server_->channel(), kOperatorToken, folder, false);
  ASSERT_TRUE(imported.status.ok()) << imported.status.error_message();
  EXPECT_EQ(imported.report.counts().records_erased_before(), 2);
  EXPECT_EQ(imported.report.counts().new_entries(), 0);
  EXPECT_EQ(cases_->GetCase(Context(kAdminToken).get(), get, &c).error_code(),
            grpc::StatusCode::NOT_FOUND);
  found.Clear();
  ASSERT_TRUE(persons_->SearchPersons(Context(kAdminToken).get(), search, &found).ok());
  EXPECT_THAT(found.results(), IsEmpty());
}

// A watch of a case that is erased ends, NOT_FOUND, as soon as the erasure
// is durable: nothing of the case reaches the watcher afterwards.
TEST_F(RetentionE2eTest, AWatchOfAnErasedCaseEnds) {
  const v1::Case c = CreateCase("CF-W");
  v1::AppendEntryRequest append;
  append.set_parent(c.name());
  append.mutable_entry()->set_kind(v1::ENTRY_KIND_NOTE);
  append.mutable_entry()->set_text("Seen at school.");
  v1::Entry appended;
  ASSERT_TRUE(cases_->AppendEntry(Context(kInvestigatorToken).get(), append, &appended).ok());
  v1::WatchCaseRequest watch;
  watch.set_name(c.name());
  watch.set_purpose("retention e2e test");
  auto context = Context(kInvestigatorToken);
  auto reader = cases_->WatchCase(context.get(), watch);
  v1::WatchCaseResponse first;
  ASSERT_TRUE(reader->Read(&first));  // the entry so far: the watch is live
  ASSERT_EQ(first.entries_size(), 1);
  v1::EraseCaseRequest erase;
  erase.set_name(c.name());
  erase.set_reason("Created in error");
  v1::EraseCaseResponse erased;
  ASSERT_TRUE(admin_->EraseCase(Context(kAdminToken).get(), erase, &erased).ok());
  v1::WatchCaseResponse more;
  while (reader->Read(&more)) EXPECT_EQ(more.entries_size(), 0);
  grpc::Status ended = reader->Finish();
  EXPECT_EQ(ended.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(ended.error_message(), "cases/CF-W not found");
}

TEST_F(RetentionE2eTest, TheCliReviewsListsWhatIsDueAndErases) {
  CreateCase("CF-CLI");
  CliRun run = RunCasefileCli(*server_,
                              "case review CF-CLI --decision retain --reason 'Open enquiry' --next-review 2098-03-01",
                              kInvestigatorToken);
  ASSERT_EQ(run.exit_code, 0) << run.out;
  EXPECT_THAT(run.out, HasSubstr("  reviewed: retain by inv1 at "));
  EXPECT_THAT(run.out, HasSubstr(": Open enquiry\n  next review due: 2098-03-01\n"));
  run = RunCasefileCli(*server_, "case review CF-CLI --decision keep --reason x", kInvestigatorToken);
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_THAT(run.out, HasSubstr("--decision: give retain or dispose"));

  run = RunCasefileCli(*server_, "cases --review-due 2098-03-01", kInvestigatorToken);
  ASSERT_EQ(run.exit_code, 0) << run.out;
  EXPECT_EQ(run.out, "cases/CF-CLI  v1  Concern for Ellie WATSON  owner inv1  team cait  review due 2098-03-01\n");
  run = RunCasefileCli(*server_, "cases --review-due today", kInvestigatorToken);
  ASSERT_EQ(run.exit_code, 0) << run.out;
  EXPECT_EQ(run.out, "");

  run = RunCasefileCli(*server_, "admin erase CF-CLI --reason 'Court order 2026/77' --yes", kAdminToken);
  ASSERT_EQ(run.exit_code, 0) << run.out;
  EXPECT_EQ(run.out,
            "erased cases/CF-CLI: 1 entries, 0 legacy sources, 0 person records, 0 review items, 0 attention items\n");
  run = RunCasefileCli(*server_, "case get CF-CLI", kAdminToken);
  EXPECT_NE(run.exit_code, 0);
  EXPECT_THAT(run.out, HasSubstr("cases/CF-CLI not found"));
}

}  // namespace
}  // namespace casefile::testing
