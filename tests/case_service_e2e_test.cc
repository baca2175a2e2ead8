// End-to-end tests of CaseService against the real casefiled binary.
#include <thread>

#include <grpcpp/generic/generic_stub.h>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/synchronization/notification.h"
#include "casefile/v1/audit.pb.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "storage/case_tables.h"
#include "storage/keys.h"
#include "storage/store.h"
#include "tests/support/casefiled_fixture.h"

namespace casefile::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

class CaseServiceE2eTest : public CasefiledTest {
 protected:
  // A case titled `title` about Ellie WATSON, under the legacy reference `ref`.
  v1::Case CreateCase(const std::string& title, const std::string& ref = "22/45871/12") {
    v1::CreateCaseRequest request = NewCase(title);
    request.mutable_case_()->add_legacy_refs(ref);
    v1::Subject* s = request.mutable_case_()->add_subjects();
    s->set_display_name(title);
    s->set_forename("Ellie");
    s->set_surname("WATSON");
    return CasefiledTest::CreateCase(request);
  }

  // A visit of `text` appended to `parent`.
  grpc::Status Append(const std::string& parent, const std::string& text, v1::Entry* out,
                      const std::string& request_id = "", const std::string& token = kInvestigatorToken,
                      std::optional<int64_t> expected_version = std::nullopt) {
    v1::AppendEntryRequest request;
    request.set_parent(parent);
    request.mutable_entry()->set_kind(v1::ENTRY_KIND_VISIT);
    request.mutable_entry()->set_text(text);
    request.set_request_id(request_id);
    if (expected_version) request.set_expected_version(*expected_version);
    return TryAppend(request, out, token);
  }

  // The whole case file as the service streams it.
  CaseFile GetCaseFile(const std::string& name, const std::string& token = kInvestigatorToken,
                       const std::string& purpose = "EDT call-out, child reported missing") {
    return ReadCaseFile(*cases_, name, purpose, token);
  }
};

TEST_F(CaseServiceE2eTest, CreateAppendAndShowTheCaseFile) {
  v1::Case c = CreateCase("Ellie WATSON (03/04/2008)");
  EXPECT_EQ(c.name(), "cases/CF-000001");
  EXPECT_EQ(c.version(), 0);
  EXPECT_EQ(c.creator(), "inv1");
  v1::Entry e;
  for (const char* text : {"Referral received from CSC.", "Home visit with SW Jones.", "Strategy discussion held."}) {
    ASSERT_TRUE(Append(c.name(), text, &e).ok());
  }
  EXPECT_EQ(e.name(), "cases/CF-000001/entries/3");
  EXPECT_EQ(e.author(), "inv1");
  EXPECT_EQ(e.author_display_name(), "Investigator One");
  EXPECT_TRUE(e.has_record_time());

  CaseFile file = GetCaseFile(c.name());
  ASSERT_TRUE(file.status.ok()) << file.status.error_message();
  EXPECT_EQ(file.c.version(), 3);
  EXPECT_EQ(file.c.title(), "Ellie WATSON (03/04/2008)");
  ASSERT_EQ(file.entries.size(), 3u);
  EXPECT_EQ(file.entries[0].text(), "Referral received from CSC.");
  EXPECT_EQ(file.entries[1].number(), 2);
  EXPECT_EQ(file.entries[2].text(), "Strategy discussion held.");
}

TEST_F(CaseServiceE2eTest, EveryCaseFileLookIsRecordedWithWhoAndWhy) {
  v1::Case c = CreateCase("Access");
  ASSERT_TRUE(GetCaseFile(c.name(), kOutOfHoursToken, "EDT call-out at 03:00").status.ok());
  ASSERT_TRUE(GetCaseFile(c.name(), kInvestigatorToken, "case review").status.ok());
  ASSERT_EQ(server_->Terminate(), 0);

  auto store = storage::Store::Open(dir_.path() + "/data", {});
  ASSERT_TRUE(store.ok()) << store.status();
  auto read = (*store)->BeginRead();
  ASSERT_TRUE(read.ok());
  auto cursor = (*read)->txn().OpenCursor();
  ASSERT_TRUE(cursor.ok());
  std::vector<std::string> seen;
  const std::string prefix = storage::keys::AuditRecordPrefix();
  for (auto at = cursor->Seek(prefix);
       at.ok() && *at && absl::StartsWith(cursor->key(), prefix); at = cursor->Next()) {
    v1::AuditEvent record;
    ASSERT_TRUE(record.ParseFromArray(cursor->value().data(), cursor->value().size()));
    EXPECT_TRUE(record.has_event_time());
    if (record.kind() != "GetCaseFile") continue;
    seen.push_back(absl::StrCat(absl::StrJoin(record.resources(), ","), "|", record.user(), "|",
                                record.role(), "|", record.purpose(), "|", record.outcome()));
  }
  EXPECT_THAT(seen, ElementsAre("cases/CF-000001|ooh1|out_of_hours|EDT call-out at 03:00|OK",
                                "cases/CF-000001|inv1|investigator|case review|OK"));
}

TEST_F(CaseServiceE2eTest, RestartKeepsEverything) {
  v1::Case c = CreateCase("Restart");
  v1::Entry e;
  for (int i = 1; i <= 50; ++i) ASSERT_TRUE(Append(c.name(), absl::StrCat("entry ", i), &e).ok());
  ASSERT_EQ(server_->Terminate(), 0);
  ASSERT_EQ(StartServer(), absl::OkStatus());
  CaseFile file = GetCaseFile(c.name());
  ASSERT_TRUE(file.status.ok());
  ASSERT_EQ(file.entries.size(), 50u);
  for (int i = 0; i < 50; ++i) EXPECT_EQ(file.entries[i].text(), absl::StrCat("entry ", i + 1));
  // Numbering continues after the restart.
  ASSERT_TRUE(Append(c.name(), "after restart", &e).ok());
  EXPECT_EQ(e.number(), 51);
}

TEST_F(CaseServiceE2eTest, RetriedAppendWithTheSameRequestIdWritesOnce) {
  v1::Case c = CreateCase("Retry");
  v1::Entry first, second;
  ASSERT_TRUE(Append(c.name(), "Visited home address.", &first, "req-42").ok());
  ASSERT_TRUE(Append(c.name(), "Visited home address.", &second, "req-42").ok());
  EXPECT_EQ(first.name(), second.name());
  EXPECT_EQ(first.record_time().seconds(), second.record_time().seconds());
  CaseFile file = GetCaseFile(c.name());
  EXPECT_EQ(file.c.version(), 1);
  EXPECT_EQ(file.entries.size(), 1u);
  // The same id from another user is that user's own request.
  v1::Entry other;
  ASSERT_TRUE(Append(c.name(), "Visited home address.", &other, "req-42", kSecondInvestigatorToken).ok());
  EXPECT_EQ(other.number(), 2);
}

TEST_F(CaseServiceE2eTest, TwoWritersWithTheSameExpectedVersionOneWinsOneIsAborted) {
  v1::Case c = CreateCase("Race");
  grpc::Status a, b;
  v1::Entry ea, eb;
  std::thread ta([&] { a = Append(c.name(), "writer A", &ea, "a-1", kInvestigatorToken, 0); });
  std::thread tb([&] { b = Append(c.name(), "writer B", &eb, "b-1", kSecondInvestigatorToken, 0); });
  ta.join();
  tb.join();
  EXPECT_EQ(a.ok() + b.ok(), 1);
  const grpc::Status& loser = a.ok() ? b : a;
  EXPECT_EQ(loser.error_code(), grpc::StatusCode::ABORTED);
  EXPECT_THAT(loser.error_message(), HasSubstr("is at version 1, not the expected 0"));
  CaseFile file = GetCaseFile(c.name());
  ASSERT_EQ(file.entries.size(), 1u);
  EXPECT_EQ(file.entries[0].text(), a.ok() ? "writer A" : "writer B");
}

TEST_F(CaseServiceE2eTest, CorrectionSupersedesAndBothStayVisible) {
  v1::Case c = CreateCase("Correction");
  v1::Entry original, correction;
  ASSERT_TRUE(Append(c.name(), "Visited 12 Elm Street.", &original).ok());
  v1::CorrectEntryRequest request;
  request.set_name(original.name());
  request.set_text("Visited 21 Elm Street.");
  request.set_reason("wrong address recorded");
  ASSERT_TRUE(cases_->CorrectEntry(Context(kInvestigatorToken).get(), request, &correction).ok());
  EXPECT_EQ(correction.supersedes(), original.name());
  EXPECT_EQ(correction.kind(), v1::ENTRY_KIND_VISIT);
  CaseFile file = GetCaseFile(c.name());
  ASSERT_EQ(file.entries.size(), 2u);
  EXPECT_EQ(file.entries[0].text(), "Visited 12 Elm Street.");
  EXPECT_EQ(file.entries[0].superseded_by(), correction.name());
  EXPECT_EQ(file.entries[1].correction_reason(), "wrong address recorded");
  // Correcting the same entry again must name the newer one.
  v1::Entry again;
  request.set_request_id("another");
  grpc::Status status = cases_->CorrectEntry(Context(kInvestigatorToken).get(), request, &again);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(status.error_message(), "cases/CF-000001/entries/1 was already corrected by "
                                    "cases/CF-000001/entries/2; correct that entry instead");
}

TEST_F(CaseServiceE2eTest, EachKindOfBadInputGetsItsClearError) {
  v1::Case c = CreateCase("Bad input");
  struct Case {
    std::function<void(v1::AppendEntryRequest&)> mutate;
    grpc::StatusCode code;
    std::string message;
  };
  std::vector<Case> cases = {
      {[](auto& r) { r.mutable_entry()->clear_text(); }, grpc::StatusCode::INVALID_ARGUMENT,
       "entry.text: is required"},
      {[](auto& r) { r.mutable_entry()->set_kind(v1::ENTRY_KIND_UNSPECIFIED); }, grpc::StatusCode::INVALID_ARGUMENT,
       "entry.kind: is required (e.g. ENTRY_KIND_VISIT)"},
      {[](auto& r) { r.set_parent("case/CF-000001"); }, grpc::StatusCode::INVALID_ARGUMENT,
       "parent: expected cases/{case}"},
      {[](auto& r) { r.set_parent("cases/CF-999999"); }, grpc::StatusCode::NOT_FOUND,
       "cases/CF-999999 not found"},
      {[](auto& r) {
         auto* t = r.mutable_entry()->mutable_occur_time();
         t->set_precision(v1::PartialTime::PRECISION_DAY);
         t->set_year(2012);
         t->set_month(2);
         t->set_day(30);
       },
       grpc::StatusCode::INVALID_ARGUMENT, "entry.occur_time: 2012-02 has no day 30"},
      {[](auto& r) { r.set_request_id(std::string(200, 'x')); }, grpc::StatusCode::INVALID_ARGUMENT,
       "request_id: is longer than 128 bytes"},
  };
  for (const Case& tc : cases) {
    v1::AppendEntryRequest request;
    request.set_parent(c.name());
    request.mutable_entry()->set_kind(v1::ENTRY_KIND_NOTE);
    request.mutable_entry()->set_text("text");
    tc.mutate(request);
    v1::Entry e;
    grpc::Status status = cases_->AppendEntry(Context(kInvestigatorToken).get(), request, &e);
    EXPECT_EQ(status.error_code(), tc.code) << tc.message;
    EXPECT_EQ(status.error_message(), tc.message);
  }
  CaseFile no_purpose = GetCaseFile(c.name(), kInvestigatorToken, " ");
  EXPECT_EQ(no_purpose.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(no_purpose.status.error_message(),
            "purpose: is required: say why you are looking at this case file");
  v1::ListCasesRequest list;
  list.set_page_token("not-a-token");
  v1::ListCasesResponse listed;
  grpc::Status status = cases_->ListCases(Context(kInvestigatorToken).get(), list, &listed);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(status.error_message(), "page_token: not a token from a previous ListCases");
  v1::Entry e;
  EXPECT_EQ(Append(c.name(), "x", &e, "", "").error_code(), grpc::StatusCode::UNAUTHENTICATED);
  status = Append(c.name(), "x", &e, "", "no-such-token-00000");
  EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(status.error_message(), "unknown token");
  EXPECT_EQ(GetCaseFile(c.name(), "").status.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(GetCaseFile("cases/NOPE", kInvestigatorToken).status.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(GetCaseFile("cases/nope", kInvestigatorToken).status.error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);
}

TEST_F(CaseServiceE2eTest, EveryRoleAgainstEveryRpc) {
  v1::Case c = CreateCase("Roles");
  v1::Entry seed;
  ASSERT_TRUE(Append(c.name(), "seed", &seed).ok());
  // The RPCs, each returning its status for a token.
  std::map<std::string, std::function<grpc::StatusCode(const std::string&)>> rpcs = {
      {"CreateCase", [&](const std::string& t) {
         v1::CreateCaseRequest r;
         r.mutable_case_()->set_title("x");
         v1::Case out;
         return cases_->CreateCase(Context(t).get(), r, &out).error_code();
       }},
      {"GetCase", [&](const std::string& t) {
         v1::GetCaseRequest r;
         r.set_name(c.name());
         v1::Case out;
         return cases_->GetCase(Context(t).get(), r, &out).error_code();
       }},
      {"ListCases", [&](const std::string& t) {
         v1::ListCasesResponse out;
         return cases_->ListCases(Context(t).get(), {}, &out).error_code();
       }},
      {"AppendEntry", [&](const std::string& t) {
         v1::Entry out;
         return Append(c.name(), "role check", &out, "", t).error_code();
       }},
      {"CorrectEntry", [&](const std::string& t) {
         v1::CorrectEntryRequest r;
         r.set_name("cases/CF-000001/entries/999");  // allowed roles get NOT_FOUND
         r.set_text("x");
         r.set_reason("y");
         v1::Entry out;
         return cases_->CorrectEntry(Context(t).get(), r, &out).error_code();
       }},
      {"GetCaseFile", [&](const std::string& t) { return GetCaseFile(c.name(), t).status.error_code(); }},
      {"WatchCase", [&](const std::string& t) {
         v1::WatchCaseRequest r;
         r.set_name(c.name());
         r.set_purpose("role check");
         auto context = Context(t);
         auto reader = cases_->WatchCase(context.get(), r);
         v1::WatchCaseResponse batch;
         if (reader->Read(&batch)) {
           context->TryCancel();
           reader->Finish();
           return grpc::StatusCode::OK;  // it streamed the existing entry
         }
         return reader->Finish().error_code();
       }},
  };
  using S = grpc::StatusCode;
  const S D = S::PERMISSION_DENIED, O = S::OK, N = S::NOT_FOUND;
  struct Row {
    const char* token;
    std::map<std::string, S> expected;
  };
  std::vector<Row> rows = {
      {kInvestigatorToken, {{"CreateCase", O}, {"GetCase", O}, {"ListCases", O}, {"AppendEntry", O},
                            {"CorrectEntry", N}, {"GetCaseFile", O}, {"WatchCase", O}}},
      {kOutOfHoursToken, {{"CreateCase", D}, {"GetCase", O}, {"ListCases", O}, {"AppendEntry", D},
                          {"CorrectEntry", D}, {"GetCaseFile", O}, {"WatchCase", O}}},
      {kOperatorToken, {{"CreateCase", D}, {"GetCase", O}, {"ListCases", O}, {"AppendEntry", D},
                        {"CorrectEntry", D}, {"GetCaseFile", O}, {"WatchCase", O}}},
      {kAuditorToken, {{"CreateCase", D}, {"GetCase", O}, {"ListCases", O}, {"AppendEntry", D},
                       {"CorrectEntry", D}, {"GetCaseFile", O}, {"WatchCase", O}}},
      {kAdminToken, {{"CreateCase", O}, {"GetCase", O}, {"ListCases", O}, {"AppendEntry", O},
                     {"CorrectEntry", N}, {"GetCaseFile", O}, {"WatchCase", O}}},
      {"", {{"CreateCase", S::UNAUTHENTICATED}, {"GetCase", S::UNAUTHENTICATED},
            {"ListCases", S::UNAUTHENTICATED}, {"AppendEntry", S::UNAUTHENTICATED},
            {"CorrectEntry", S::UNAUTHENTICATED}, {"GetCaseFile", S::UNAUTHENTICATED},
            {"WatchCase", S::UNAUTHENTICATED}}},
  };
  for (const Row& row : rows) {
    for (const auto& [rpc, want] : row.expected) {
      EXPECT_EQ(rpcs[rpc](row.token), want) << rpc << " with token '" << row.token << "'";
    }
  }
}

TEST_F(CaseServiceE2eTest, ListCasesByReferenceAndSubjectWithPaging) {
  for (int i = 0; i < 5; ++i) CreateCase(absl::StrCat("Case ", i), i % 2 == 0 ? "22/1/12" : "HPVP/2012/0457");
  v1::ListCasesRequest request;
  request.set_legacy_ref("hpvp/2012/0457");
  v1::ListCasesResponse response;
  ASSERT_TRUE(cases_->ListCases(Context(kOutOfHoursToken).get(), request, &response).ok());
  ASSERT_EQ(response.cases_size(), 2);
  EXPECT_EQ(response.cases(0).name(), "cases/CF-000002");
  EXPECT_EQ(response.cases(1).name(), "cases/CF-000004");

  request.Clear();
  request.set_subject("ellie watson");
  request.set_page_size(2);
  std::vector<std::string> names;
  do {
    response.Clear();
    ASSERT_TRUE(cases_->ListCases(Context(kOutOfHoursToken).get(), request, &response).ok());
    for (const auto& c : response.cases()) names.push_back(c.name());
    request.set_page_token(response.next_page_token());
  } while (!response.next_page_token().empty());
  EXPECT_THAT(names, ElementsAre("cases/CF-000001", "cases/CF-000002", "cases/CF-000003",
                                 "cases/CF-000004", "cases/CF-000005"));
}

TEST_F(CaseServiceE2eTest, LargeCaseFileComesInChunksOfManyEntries) {
  v1::Case c = CreateCase("Large");
  const std::string text(8 * 1024, 'a');
  v1::Entry e;
  for (int i = 0; i < 600; ++i) ASSERT_TRUE(Append(c.name(), absl::StrCat(i, text), &e).ok());
  CaseFile file = GetCaseFile(c.name());
  ASSERT_TRUE(file.status.ok()) << file.status.error_message();
  ASSERT_EQ(file.entries.size(), 600u);
  for (int i = 0; i < 600; ++i) ASSERT_EQ(file.entries[i].number(), i + 1);
  ASSERT_GE(file.chunk_bytes.size(), 3u);  // ~4.9 MB never goes as one message
  for (size_t i = 0; i < file.chunk_bytes.size(); ++i) {
    EXPECT_LT(file.chunk_bytes[i], 4u << 20);
    if (i + 1 < file.chunk_bytes.size()) {
      EXPECT_GE(file.chunk_bytes[i], 64u << 10);
    }
  }
}

TEST_F(CaseServiceE2eTest, WatchStreamsExistingThenLiveEntries) {
  v1::Case c = CreateCase("Watch");
  v1::Entry e;
  ASSERT_TRUE(Append(c.name(), "before watch", &e).ok());
  v1::WatchCaseRequest request;
  request.set_name(c.name());
  request.set_purpose("out-of-hours duty");
  auto context = Context(kOutOfHoursToken);
  auto reader = cases_->WatchCase(context.get(), request);
  v1::WatchCaseResponse batch;
  ASSERT_TRUE(reader->Read(&batch));
  ASSERT_EQ(batch.entries_size(), 1);
  EXPECT_EQ(batch.entries(0).text(), "before watch");
  ASSERT_TRUE(Append(c.name(), "while watching", &e).ok());
  ASSERT_TRUE(reader->Read(&batch));
  ASSERT_EQ(batch.entries_size(), 1);
  EXPECT_EQ(batch.entries(0).text(), "while watching");
  context->TryCancel();
  EXPECT_EQ(reader->Finish().error_code(), grpc::StatusCode::CANCELLED);
}

TEST_F(CaseServiceE2eTest, HealthCheckServes) {
  grpc::GenericStub generic(server_->channel());
  grpc::ByteBuffer request, response;  // empty HealthCheckRequest: the whole server
  grpc::Slice empty("");
  request = grpc::ByteBuffer(&empty, 1);
  grpc::ClientContext context;
  absl::Notification done;
  grpc::Status status;
  generic.UnaryCall(&context, "/grpc.health.v1.Health/Check", grpc::StubOptions(), &request, &response,
                    [&](grpc::Status s) {
                      status = s;
                      done.Notify();
                    });
  done.WaitForNotification();
  ASSERT_TRUE(status.ok()) << status.error_message();
  std::vector<grpc::Slice> slices;
  ASSERT_TRUE(response.Dump(&slices).ok());
  std::string bytes;
  for (auto& s : slices) bytes.append(reinterpret_cast<const char*>(s.begin()), s.size());
  EXPECT_EQ(bytes, std::string("\x08\x01", 2));  // status: SERVING
}

TEST_F(CaseServiceE2eTest, SigtermFinishesAndExitsZeroWithNoCaseTextInTheLog) {
  v1::Case c = CreateCase("Quiet log");
  v1::Entry e;
  ASSERT_TRUE(Append(c.name(), "SECRET-DISCLOSURE-TEXT", &e).ok());
  ASSERT_TRUE(GetCaseFile(c.name(), kInvestigatorToken, "SECRET-PURPOSE").status.ok());
  EXPECT_EQ(server_->Terminate(), 0);
  std::string log = server_->Log();
  EXPECT_THAT(log, HasSubstr("stopped cleanly"));
  EXPECT_THAT(log, ::testing::Not(HasSubstr("SECRET")));
}

}  // namespace
}  // namespace casefile::testing
