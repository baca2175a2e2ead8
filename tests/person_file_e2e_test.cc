// End-to-end tests of PersonService.GetPersonFile (and `casefile persons get
// --purpose`) against the real casefiled: one child, Ellie WATSON, imported
// from two legacy paper files (so that the person index links her to both
// cases), one of them then restricted to inv1, and live safeguarding records
// naming her person appended to both. What inv2 (no need to know) and inv1
// read, and what the audit trail records of each read.
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "casefile/v1/audit.grpc.pb.h"
#include "casefile/v1/person.grpc.pb.h"
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
using ::testing::Not;
using ::testing::StartsWith;

// `entry` as happened on `day` of `month` 2026.
v1::Entry On(v1::Entry entry, int month, int day) {
  v1::PartialTime* t = entry.mutable_occur_time();
  t->set_precision(v1::PartialTime::PRECISION_DAY);
  t->set_year(2026);
  t->set_month(month);
  t->set_day(day);
  return entry;
}

// `entry` with its child given as `person` only.
v1::Entry NamingPerson(v1::Entry entry, const std::string& person) {
  v1::ChildRef* child = entry.has_custody() ? entry.mutable_custody()->mutable_child()
                                            : entry.mutable_missing_episode()->mutable_child();
  child->Clear();
  child->set_person(person);
  return entry;
}

class PersonFileE2eTest : public CasefiledTest {
 protected:
  std::vector<std::string> ExtraFlags() const override { return {"--appropriate_adult_within=0s"}; }

  void SetUp() override {
    CasefiledTest::SetUp();
    const std::string folder = dir_.path() + "/legacy";
    std::filesystem::create_directories(folder + "/paper");
    std::ofstream(folder + "/paper/HPVP_2026_0458.csv")
        << "file_ref,page,doc_type,entry_date,author,subjects,text\n"
        << "HPVP/2026/0458,1,Missing Person Report,01.09.2026 1000,PC 118 BROWN,Ellie WATSON (03/04/2008),"
           "Ellie not home from school.\n";
    std::ofstream(folder + "/paper/HPVP_2026_0459.csv")
        << "file_ref,page,doc_type,entry_date,author,subjects,text\n"
        << "HPVP/2026/0459,1,Case note,05.10.2026 1000,PC 118 BROWN,Ellie WATSON (03/04/2008),"
           "Disclosure at school.\n";
    ImportOutcome imported = UploadFolder(server_->channel(), kOperatorToken, folder, false);
    ASSERT_TRUE(imported.status.ok()) << imported.status.error_message();
    ASSERT_EQ(imported.report.cases_size(), 2);
    v1::SearchPersonsRequest search;
    search.set_query("Ellie Watson");
    v1::SearchPersonsResponse found;
    ASSERT_TRUE(persons_->SearchPersons(Context(kInvestigatorToken).get(), search, &found).ok());
    ASSERT_EQ(found.results_size(), 1);
    ellie_ = found.results(0).person().name();
    ASSERT_EQ(found.results(0).person().cases_size(), 2);
    for (const std::string& c : found.results(0).person().cases()) {
      v1::Case header;
      ASSERT_TRUE(cases_->GetCase(Context(kInvestigatorToken).get(), NameRequest(c), &header).ok());
      (header.legacy_refs(0) == "HPVP/2026/0458" ? open_ : secret_) = c;
    }
    ASSERT_FALSE(open_.empty());
    ASSERT_FALSE(secret_.empty());

    v1::SetCaseRestrictionRequest restrict;
    restrict.set_name(secret_);
    restrict.mutable_restriction()->add_users("inv1");
    v1::Case restricted;
    ASSERT_TRUE(cases_->SetCaseRestriction(Context(kInvestigatorToken).get(), restrict, &restricted).ok());

    open_custody_ = Append(open_, On(NamingPerson(CustodyExample(), ellie_), 11, 12)).name();
    secret_custody_ = Append(secret_, On(NamingPerson(CustodyExample(), ellie_), 11, 13)).name();
    secret_missing_ = Append(secret_, On(NamingPerson(MissingEpisodeExample(15), ellie_), 11, 15)).name();
    open_missing_ = Append(open_, On(NamingPerson(MissingEpisodeExample(20), ellie_), 11, 20)).name();
    // About another child (by name only): not Ellie's record.
    v1::Entry other = On(MissingEpisodeExample(21), 11, 21);
    other.mutable_missing_episode()->mutable_child()->set_name("Tom WATSON");
    Append(open_, other);
  }

  static v1::GetCaseRequest NameRequest(const std::string& name) {
    v1::GetCaseRequest request;
    request.set_name(name);
    return request;
  }

  grpc::Status GetFile(const std::string& token, const std::string& purpose, v1::PersonFile* file) {
    v1::GetPersonFileRequest request;
    request.set_name(ellie_);
    request.set_purpose(purpose);
    return persons_->GetPersonFile(Context(token).get(), request, file);
  }

  // The GetPersonFile records of `user`'s reads.
  std::vector<v1::AuditEvent> Reads(const std::string& user) {
    v1::ListAuditEventsRequest request;
    request.set_kind("GetPersonFile");
    request.set_user(user);
    v1::ListAuditEventsResponse events;
    grpc::Status s = audit_->ListAuditEvents(Context(kAuditorToken).get(), request, &events);
    EXPECT_TRUE(s.ok()) << s.error_message();
    return {events.audit_events().begin(), events.audit_events().end()};
  }

  static std::vector<std::string> Names(const v1::PersonFile& file) {
    std::vector<std::string> names;
    for (const v1::Entry& e : file.records()) names.push_back(e.name());
    return names;
  }
  static std::vector<std::string> CaseNames(const v1::PersonFile& file) {
    std::vector<std::string> names;
    for (const v1::Case& c : file.cases()) names.push_back(c.name());
    return names;
  }
  static std::vector<std::string> ItemEntries(const v1::PersonFile& file) {
    std::vector<std::string> names;
    for (const v1::AttentionItem& item : file.attention_items()) names.push_back(item.entry());
    return names;
  }

  std::string ellie_, open_, secret_;
  std::string open_custody_, secret_custody_, secret_missing_, open_missing_;
};

TEST_F(PersonFileE2eTest, PurposeIsRequired) {
  v1::PersonFile file;
  grpc::Status s = GetFile(kInvestigatorToken, "", &file);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(s.error_message(), StartsWith("purpose: "));
  // The refusal is recorded as one, with no purpose.
  EXPECT_EQ(GetFile(kInvestigatorToken, "   ", &file).error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  for (const v1::AuditEvent& e : Reads("inv1")) EXPECT_NE(e.outcome(), "OK");
}

TEST_F(PersonFileE2eTest, UnknownPersonIsNotFound) {
  v1::GetPersonFileRequest request;
  request.set_name("persons/P0000000000000000");
  request.set_purpose("strategy meeting");
  v1::PersonFile file;
  EXPECT_EQ(persons_->GetPersonFile(Context(kInvestigatorToken).get(), request, &file).error_code(),
            grpc::StatusCode::NOT_FOUND);
  request.set_name("cases/X");
  EXPECT_EQ(persons_->GetPersonFile(Context(kInvestigatorToken).get(), request, &file).error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);
}

TEST_F(PersonFileE2eTest, OutsiderSeesOnlyTheOpenCase) {
  v1::PersonFile file;
  grpc::Status s = GetFile(kSecondInvestigatorToken, "Section 47 enquiry", &file);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(file.person().name(), ellie_);
  EXPECT_THAT(file.person().cases(), ElementsAre(open_));
  EXPECT_THAT(CaseNames(file), ElementsAre(open_));
  ASSERT_EQ(file.records_size(), 3);
  EXPECT_EQ(file.records(0).name(), absl::StrCat(open_, "/entries/1"));  // the imported report
  EXPECT_EQ(file.records(0).kind(), v1::ENTRY_KIND_MISSING_EPISODE);
  EXPECT_THAT(Names(file), ElementsAre(file.records(0).name(), open_custody_, open_missing_));
  EXPECT_THAT(ItemEntries(file), ElementsAre(open_custody_));
  EXPECT_EQ(file.attention_items(0).person(), ellie_);
  EXPECT_THAT(file.ShortDebugString(), Not(HasSubstr(secret_)));
  // Nor the legacy record imported into the restricted case.
  ASSERT_EQ(file.person().sources_size(), 1);
  EXPECT_EQ(file.person().sources(0).case_(), open_);
  EXPECT_THAT(file.ShortDebugString(), Not(HasSubstr("0459")));

  const std::vector<v1::AuditEvent> reads = Reads("inv2");
  ASSERT_EQ(reads.size(), 1u);
  EXPECT_EQ(reads[0].purpose(), "Section 47 enquiry");
  EXPECT_EQ(reads[0].outcome(), "OK");
  EXPECT_EQ(reads[0].count(), 3);
  EXPECT_THAT(reads[0].resources(), ElementsAre(ellie_, open_));
}

TEST_F(PersonFileE2eTest, ReaderWithNeedToKnowSeesBothCasesInTimeOrder) {
  v1::PersonFile file;
  grpc::Status s = GetFile(kInvestigatorToken, "strategy discussion", &file);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_THAT(CaseNames(file), ::testing::UnorderedElementsAre(open_, secret_));
  EXPECT_EQ(file.person().sources_size(), 2);
  ASSERT_EQ(file.records_size(), 5);
  EXPECT_THAT(Names(file), ElementsAre(absl::StrCat(open_, "/entries/1"), open_custody_, secret_custody_,
                                       secret_missing_, open_missing_));
  EXPECT_THAT(ItemEntries(file), ::testing::UnorderedElementsAre(open_custody_, secret_custody_));

  const std::vector<v1::AuditEvent> reads = Reads("inv1");
  ASSERT_EQ(reads.size(), 1u);
  EXPECT_EQ(reads[0].purpose(), "strategy discussion");
  EXPECT_EQ(reads[0].count(), 5);
  EXPECT_THAT(reads[0].resources(), ::testing::UnorderedElementsAre(ellie_, open_, secret_));
  EXPECT_EQ(reads[0].resources(0), ellie_);
}

TEST_F(PersonFileE2eTest, PersonOnlyInACaseKeptFromTheReaderIsNotFound) {
  v1::SetCaseRestrictionRequest restrict;
  restrict.set_name(open_);
  restrict.mutable_restriction()->add_users("inv1");
  v1::Case restricted;
  ASSERT_TRUE(cases_->SetCaseRestriction(Context(kInvestigatorToken).get(), restrict, &restricted).ok());
  v1::PersonFile file;
  grpc::Status s = GetFile(kSecondInvestigatorToken, "curiosity", &file);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(s.error_message(), absl::StrCat(ellie_, " not found"));
}

TEST_F(PersonFileE2eTest, CliShowsTheFileAndRequiresNothingElse) {
  const std::string id = ellie_.substr(8);
  CliRun run = RunCasefileCli(*server_, absl::StrCat("persons get ", id, " --purpose 'welfare check'"),
                              kSecondInvestigatorToken);
  ASSERT_EQ(run.exit_code, 0) << run.out;
  EXPECT_THAT(run.out, StartsWith(absl::StrCat(ellie_, "  Ellie WATSON  born 2008-04-03\n")));
  EXPECT_THAT(run.out, HasSubstr("\ncases the file reads (1):\n"));
  EXPECT_THAT(run.out, HasSubstr("\nrecords, in the order they happened (3):\n"));
  EXPECT_THAT(run.out, HasSubstr(absl::StrCat(open_, " #1  2026-09-01")));
  EXPECT_THAT(run.out, HasSubstr("\nattention (1):\n"));
  EXPECT_THAT(run.out, HasSubstr(open_custody_));
  EXPECT_THAT(run.out, Not(HasSubstr(secret_)));
  EXPECT_LT(run.out.find(open_custody_), run.out.find(open_missing_));
  ASSERT_EQ(Reads("inv2").size(), 1u);
  EXPECT_EQ(Reads("inv2")[0].purpose(), "welfare check");

  run = RunCasefileCli(*server_, absl::StrCat("persons get ", ellie_, " --purpose 'welfare check' --json"),
                       kInvestigatorToken);
  ASSERT_EQ(run.exit_code, 0) << run.out;
  EXPECT_THAT(run.out, StartsWith(absl::StrCat("{\"person\":{\"name\":\"", ellie_, "\"")));
  EXPECT_THAT(run.out, HasSubstr(secret_missing_));
  EXPECT_THAT(run.out, HasSubstr("\"attentionItems\":["));

  // Without --purpose it is the person alone (GetPerson), no case content.
  run = RunCasefileCli(*server_, absl::StrCat("persons get ", id), kSecondInvestigatorToken);
  ASSERT_EQ(run.exit_code, 0) << run.out;
  EXPECT_THAT(run.out, Not(HasSubstr("records, in the order")));
  EXPECT_EQ(Reads("inv2").size(), 1u);
  // An empty purpose is the server's INVALID_ARGUMENT.
  run = RunCasefileCli(*server_, absl::StrCat("persons get ", id, " --purpose ''"), kSecondInvestigatorToken);
  EXPECT_EQ(run.exit_code, 1) << run.out;
  EXPECT_THAT(run.out, HasSubstr("purpose: is required"));
}

}  // namespace
}  // namespace casefile::testing
