// End-to-end tests of the legacy import through the real casefiled: the
// sample folder, dry runs, re-runs, imports in two halves, a SIGKILL in the
// middle of an import, the review queue, and bad uploads.
#include <filesystem>
#include <fstream>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "casefile/v1/person.grpc.pb.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "migration/legacy_reader.h"
#include "migration/stable_hash.h"
#include "tests/support/casefiled_fixture.h"
#include "tests/support/import_client.h"
#include "tools/legacy_generator/legacy_generator.h"

namespace casefile::testing {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

const std::string kSample = CASEFILE_SOURCE_DIR "/tests/data/legacy/sample";

// A generated folder (with its truth.json moved out of it).
std::string Generate(const std::string& dir, int cases, uint64_t seed) {
  legacy_generator::GeneratorOptions options;
  options.cases = cases;
  options.seed = seed;
  std::string out = dir + "/legacy";
  auto summary = legacy_generator::GenerateLegacyFolder(options, out);
  EXPECT_TRUE(summary.ok()) << summary.status();
  fs::rename(out + "/truth.json", dir + "/truth.json");
  return out;
}

bool NotTruth(const std::string& path) { return path != "truth.json"; }

// The tests start the fixture's casefiled (on dir_) when they need it, and
// compare it with others in folders of their own.
class ImportE2eTest : public CasefiledTest {
 protected:
  void SetUp() override {}

  // Another casefiled, with its store in `dir`.
  std::unique_ptr<CasefiledProcess> Start(const std::string& dir, std::vector<std::string> flags = {}) {
    auto server = CasefiledProcess::Start(dir, flags);
    EXPECT_TRUE(server.ok()) << server.status();
    return server.ok() ? *std::move(server) : nullptr;
  }
};

TEST_F(ImportE2eTest, SampleFolderLosesNoRecordAndNoWord) {
  ASSERT_EQ(StartServer(), absl::OkStatus());
  ImportOutcome outcome = UploadFolder(server_->channel(), kOperatorToken, kSample, false, NotTruth);
  ASSERT_TRUE(outcome.status.ok()) << outcome.status.error_message();
  const v1::ImportCounts& c = outcome.report.counts();
  EXPECT_EQ(outcome.report.name(), "imports/imp-000001");
  EXPECT_EQ(c.files(), 10);
  EXPECT_EQ(c.files_unrecognised(), 0);
  EXPECT_EQ(c.rejected(), 0);
  EXPECT_GT(c.new_entries(), 0);
  EXPECT_GT(c.exact_duplicates_merged() + c.near_duplicates_merged(), 0);
  ASSERT_EQ(server_->Terminate(), 0);

  // Every event record of the folder is a source of exactly one entry, with
  // its text exactly as the reader read it.
  StoreState state = ReadStoreState(dir_.path() + "/data");
  std::map<std::string, int> seen;
  for (const auto& [case_id, entries] : state.entries_by_case)
    for (const auto& entry : entries)
      for (const std::string& locator : entry) seen[locator]++;
  int events = 0;
  for (const auto& file : fs::recursive_directory_iterator(kSample)) {
    if (!file.is_regular_file() || file.path().filename() == "truth.json") continue;
    std::ifstream in(file.path(), std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    migration::LegacyFile read =
        migration::ReadLegacyFile(fs::relative(file.path(), kSample).generic_string(), bytes);
    for (const migration::LegacyEvent& e : read.events) {
      ++events;
      EXPECT_EQ(seen[e.locator], 1) << e.locator;
      EXPECT_EQ(state.source_text[e.locator], e.text) << e.locator;
    }
  }
  EXPECT_EQ(seen.size(), static_cast<size_t>(events));
  EXPECT_FALSE(state.persons.empty());
}

TEST_F(ImportE2eTest, DryRunReportsButWritesNothing) {
  ASSERT_EQ(StartServer(), absl::OkStatus());
  ImportOutcome dry = UploadFolder(server_->channel(), kOperatorToken, kSample, true, NotTruth);
  ASSERT_TRUE(dry.status.ok()) << dry.status.error_message();
  EXPECT_TRUE(dry.report.dry_run());
  EXPECT_EQ(dry.report.name(), "");
  EXPECT_GT(dry.report.counts().new_entries(), 0);
  v1::ListCasesResponse cases;
  ASSERT_TRUE(cases_->ListCases(Context(kOperatorToken).get(), {}, &cases).ok());
  EXPECT_EQ(cases.cases_size(), 0);
  // The real import then does exactly what the dry run said.
  ImportOutcome real = UploadFolder(server_->channel(), kOperatorToken, kSample, false, NotTruth);
  ASSERT_TRUE(real.status.ok());
  EXPECT_EQ(real.report.counts().new_entries(), dry.report.counts().new_entries());
  EXPECT_EQ(real.report.counts().near_duplicates_merged(), dry.report.counts().near_duplicates_merged());
  EXPECT_EQ(real.report.counts().persons(), dry.report.counts().persons());
}

// Twins and siblings are told apart by the case their rows were written in;
// a dry run must know those cases as the import will file them.
TEST_F(ImportE2eTest, DryRunOfAGeneratedFolderSaysWhatTheImportDoes) {
  std::string folder = Generate(dir_.path(), 60, 21);
  ASSERT_EQ(StartServer(), absl::OkStatus());
  ImportOutcome dry = UploadFolder(server_->channel(), kOperatorToken, folder, true);
  ASSERT_TRUE(dry.status.ok()) << dry.status.error_message();
  ImportOutcome real = UploadFolder(server_->channel(), kOperatorToken, folder, false);
  ASSERT_TRUE(real.status.ok()) << real.status.error_message();
  EXPECT_GT(real.report.counts().persons(), 0);
  EXPECT_EQ(dry.report.counts().persons(), real.report.counts().persons());
  EXPECT_EQ(dry.report.counts().sent_to_review(), real.report.counts().sent_to_review());
  EXPECT_EQ(dry.report.counts().new_entries(), real.report.counts().new_entries());
}

TEST_F(ImportE2eTest, ImportingTheSameFolderTwiceAddsNothing) {
  std::string folder = Generate(dir_.path(), 30, 11);
  ASSERT_EQ(StartServer(), absl::OkStatus());
  ImportOutcome first = UploadFolder(server_->channel(), kOperatorToken, folder, false);
  ASSERT_TRUE(first.status.ok()) << first.status.error_message();
  ASSERT_EQ(server_->Terminate(), 0);
  StoreState after_first = ReadStoreState(dir_.path() + "/data");
  ASSERT_EQ(StartServer(), absl::OkStatus());
  ImportOutcome second = UploadFolder(server_->channel(), kOperatorToken, folder, false);
  ASSERT_TRUE(second.status.ok()) << second.status.error_message();
  EXPECT_EQ(second.report.counts().new_entries(), 0);
  EXPECT_EQ(second.report.counts().exact_duplicates_merged() + second.report.counts().near_duplicates_merged(), 0);
  // Every event and nominal record is known; only the cross-reference rows,
  // which are not records of their own, are read again.
  std::ifstream xref(folder + "/case_xref.csv");
  int xref_rows = -1;  // the header
  for (std::string line; std::getline(xref, line);) ++xref_rows;
  EXPECT_EQ(second.report.counts().records_already_imported(),
            second.report.counts().records_read() - xref_rows);
  ASSERT_EQ(server_->Terminate(), 0);
  EXPECT_EQ(DescribeDifferences(ReadStoreState(dir_.path() + "/data"), after_first), "");
}

TEST_F(ImportE2eTest, ImportingInTwoHalvesGivesTheSameResultAsInOne) {
  std::string folder = Generate(dir_.path(), 40, 12);
  TempDir whole_dir, halves_dir;
  auto whole = Start(whole_dir.path());
  ASSERT_TRUE(UploadFolder(whole->channel(), kOperatorToken, folder, false).status.ok());
  ASSERT_EQ(whole->Terminate(), 0);

  // First the cross-reference, nominal index, paper files and half the logs;
  // then the rest.
  auto first_half = [](const std::string& path) {
    return !absl::StartsWith(path, "crime/") && (!absl::StartsWith(path, "logs/") || path.size() % 2 == 0);
  };
  auto halves = Start(halves_dir.path());
  ImportOutcome a = UploadFolder(halves->channel(), kOperatorToken, folder, false, first_half);
  ASSERT_TRUE(a.status.ok()) << a.status.error_message();
  ImportOutcome b = UploadFolder(halves->channel(), kOperatorToken, folder, false,
                                 [&](const std::string& p) { return !first_half(p); });
  ASSERT_TRUE(b.status.ok()) << b.status.error_message();
  EXPECT_GT(b.report.counts().near_duplicates_merged() + b.report.counts().exact_duplicates_merged(), 0);
  ASSERT_EQ(halves->Terminate(), 0);

  StoreState one = ReadStoreState(whole_dir.path() + "/data");
  StoreState two = ReadStoreState(halves_dir.path() + "/data");
  EXPECT_EQ(DescribeDifferences(one, two), "");
  EXPECT_FALSE(one.entries_by_case.empty());
}

TEST_F(ImportE2eTest, KilledMidImportThenRerunEqualsAnUninterruptedImport) {
  std::string folder = Generate(dir_.path(), 60, 13);
  TempDir clean_dir, crash_dir;
  const std::vector<std::string> small_batches = {"--import_batch_records=200"};
  auto clean = Start(clean_dir.path(), small_batches);
  ASSERT_TRUE(UploadFolder(clean->channel(), kOperatorToken, folder, false).status.ok());
  ASSERT_EQ(clean->Terminate(), 0);

  auto crashing = Start(crash_dir.path(), small_batches);
  int64_t written_at_kill = 0, total = 0;
  UploadFolder(crashing->channel(), kOperatorToken, folder, false, {}, [&](const v1::ImportProgress& p) {
    if (p.cases_written() == 0) return true;
    written_at_kill = p.cases_written();
    total = p.cases_total();
    crashing->Kill();  // SIGKILL after some cases were committed
    return false;
  });
  ASSERT_GT(written_at_kill, 0);
  ASSERT_LT(written_at_kill, total) << "the kill must land mid-import";
  auto restarted = Start(crash_dir.path(), small_batches);
  ImportOutcome rerun = UploadFolder(restarted->channel(), kOperatorToken, folder, false);
  ASSERT_TRUE(rerun.status.ok()) << rerun.status.error_message();
  EXPECT_GT(rerun.report.counts().records_already_imported(), 0);
  ASSERT_EQ(restarted->Terminate(), 0);
  EXPECT_EQ(DescribeDifferences(ReadStoreState(clean_dir.path() + "/data"),
                                ReadStoreState(crash_dir.path() + "/data")),
            "");
}

TEST_F(ImportE2eTest, OperatorDecisionsAreDurableAndHonouredByLaterImports) {
  std::string folder = Generate(dir_.path(), 40, 14);
  ASSERT_EQ(StartServer(), absl::OkStatus());
  ImportOutcome first = UploadFolder(server_->channel(), kOperatorToken, folder, false);
  ASSERT_TRUE(first.status.ok());
  auto stub = v1::ImportService::NewStub(server_->channel());
  v1::ListReviewItemsRequest all;
  all.set_page_size(1000);
  v1::ListReviewItemsResponse items;
  ASSERT_TRUE(stub->ListReviewItems(Context(kOperatorToken).get(), all, &items).ok());
  ASSERT_EQ(items.review_items_size(), first.report.counts().sent_to_review());
  for (int i = 1; i < items.review_items_size(); ++i)
    EXPECT_GE(items.review_items(i - 1).score(), items.review_items(i).score());
  ASSERT_GT(items.review_items_size(), 0) << "the generated lookalikes must give the operator work";
  // Decide every item: the first merged, the rest kept apart.
  for (int i = 0; i < items.review_items_size(); ++i) {
    v1::ResolveReviewItemRequest resolve;
    resolve.set_name(items.review_items(i).name());
    resolve.set_decision(i == 0 ? v1::ReviewItem::DECISION_MERGE : v1::ReviewItem::DECISION_SEPARATE);
    v1::ReviewItem decided;
    ASSERT_TRUE(stub->ResolveReviewItem(Context(kOperatorToken).get(), resolve, &decided).ok());
    EXPECT_EQ(decided.decided_by(), "op1");
    // Deciding it the other way now is refused.
    resolve.set_decision(i == 0 ? v1::ReviewItem::DECISION_SEPARATE : v1::ReviewItem::DECISION_MERGE);
    grpc::Status again = stub->ResolveReviewItem(Context(kOperatorToken).get(), resolve, &decided);
    EXPECT_EQ(again.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  }
  ASSERT_EQ(server_->Terminate(), 0);
  ASSERT_EQ(StartServer(), absl::OkStatus());  // decisions survive a restart
  items.Clear();
  stub = v1::ImportService::NewStub(server_->channel());
  ASSERT_TRUE(stub->ListReviewItems(Context(kOperatorToken).get(), all, &items).ok());
  EXPECT_EQ(items.review_items_size(), 0);
  ImportOutcome again = UploadFolder(server_->channel(), kOperatorToken, folder, false);
  ASSERT_TRUE(again.status.ok());
  EXPECT_EQ(again.report.counts().sent_to_review(), 0);
}

// An operator undoes an automatic merge: the record leaves its entry, the
// entry is superseded (not lost), and a re-import keeps them apart.
TEST_F(ImportE2eTest, SeparatingARecordUndoesItsMergeForGood) {
  ASSERT_EQ(StartServer(), absl::OkStatus());
  ASSERT_TRUE(UploadFolder(server_->channel(), kOperatorToken, kSample, false, NotTruth).status.ok());
  ASSERT_EQ(server_->Terminate(), 0);
  StoreState before = ReadStoreState(dir_.path() + "/data");
  std::string case_id;
  std::set<std::string> merged;
  for (const auto& [id, entries] : before.entries_by_case)
    for (const auto& entry : entries)
      if (entry.size() > merged.size()) case_id = id, merged = entry;
  ASSERT_GE(merged.size(), 3u) << "the sample must have an entry merged from three records";
  const std::string locator = *merged.begin();
  std::set<std::string> rest(std::next(merged.begin()), merged.end());

  ASSERT_EQ(StartServer(), absl::OkStatus());
  auto stub = v1::ImportService::NewStub(server_->channel());
  v1::SeparateRecordRequest request;
  request.set_locator(locator);
  v1::SeparateRecordResponse response;
  EXPECT_EQ(stub->SeparateRecord(Context(kInvestigatorToken).get(), request, &response).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  ASSERT_TRUE(stub->SeparateRecord(Context(kOperatorToken).get(), request, &response).ok());
  ASSERT_GE(response.entries_size(), 2);
  ASSERT_EQ(response.entries(0).sources_size(), 1);
  EXPECT_EQ(response.entries(0).sources(0).locator(), locator);
  std::set<std::string> now_elsewhere;
  for (int i = 1; i < response.entries_size(); ++i)
    for (const v1::Source& s : response.entries(i).sources()) now_elsewhere.insert(s.locator());
  EXPECT_EQ(now_elsewhere, rest);
  // One of them supersedes the merged entry, which stays visible, linked.
  int superseding = 0;
  for (const v1::Entry& e : response.entries()) {
    if (e.supersedes().empty()) continue;
    ++superseding;
    EXPECT_THAT(e.supersedes(), ::testing::StartsWith("cases/" + case_id + "/entries/"));
    EXPECT_EQ(e.correction_reason(), "legacy record " + locator + " separated by op1");
  }
  EXPECT_EQ(superseding, 1);
  // Already alone: nothing more to undo.
  v1::SeparateRecordResponse again;
  ASSERT_TRUE(stub->SeparateRecord(Context(kOperatorToken).get(), request, &again).ok());
  ASSERT_EQ(again.entries_size(), 1);
  EXPECT_EQ(again.entries(0).name(), response.entries(0).name());
  request.set_locator("no/such/file.csv#row=1");
  EXPECT_EQ(stub->SeparateRecord(Context(kOperatorToken).get(), request, &again).error_code(),
            grpc::StatusCode::NOT_FOUND);

  // The same folder again: the decision holds, nothing changes.
  ImportOutcome reimport = UploadFolder(server_->channel(), kOperatorToken, kSample, false, NotTruth);
  ASSERT_TRUE(reimport.status.ok()) << reimport.status.error_message();
  EXPECT_EQ(reimport.report.counts().new_entries(), 0);
  ASSERT_EQ(server_->Terminate(), 0);
  StoreState after = ReadStoreState(dir_.path() + "/data");
  EXPECT_EQ(after.entries_by_case[case_id].count({locator}), 1u);
  EXPECT_EQ(after.entries_by_case[case_id].count(merged), 0u);
  size_t records_before = 0, records_after = 0;
  for (const auto& e : before.entries_by_case[case_id]) records_before += e.size();
  for (const auto& e : after.entries_by_case[case_id]) records_after += e.size();
  EXPECT_EQ(records_after, records_before);  // every record still in exactly one live entry
}

// The same for persons: a record merged into a person is taken back out; the
// person keeps its id; a re-import keeps them apart.
TEST_F(ImportE2eTest, SeparatingAPersonRecordUndoesItsMergeForGood) {
  ASSERT_EQ(StartServer(), absl::OkStatus());
  ASSERT_TRUE(UploadFolder(server_->channel(), kOperatorToken, kSample, false, NotTruth).status.ok());
  ASSERT_EQ(server_->Terminate(), 0);
  std::set<std::string> merged;
  for (const auto& person : ReadStoreState(dir_.path() + "/data").persons)
    if (person.size() > merged.size()) merged = person;
  ASSERT_GE(merged.size(), 3u) << "the sample must have a person merged from three records";
  // The smallest locator: the person's id was made from it, yet the person
  // keeps that id, because it keeps most of the records.
  const std::string locator = *merged.begin();
  std::set<std::string> rest(std::next(merged.begin()), merged.end());
  const std::string id = "persons/P" + migration::StableHashHex(locator);

  ASSERT_EQ(StartServer(), absl::OkStatus());
  auto stub = v1::ImportService::NewStub(server_->channel());
  v1::SeparateRecordRequest request;
  request.set_locator(locator);
  v1::SeparateRecordResponse response;
  ASSERT_TRUE(stub->SeparateRecord(Context(kOperatorToken).get(), request, &response).ok());
  EXPECT_EQ(response.entries_size(), 0);
  ASSERT_EQ(response.persons_size(), 2);
  ASSERT_EQ(response.persons(0).sources_size(), 1);
  EXPECT_EQ(response.persons(0).sources(0).locator(), locator);
  std::set<std::string> left;
  for (const v1::PersonSource& s : response.persons(1).sources()) left.insert(s.locator());
  EXPECT_EQ(left, rest);
  EXPECT_EQ(response.persons(1).name(), id);
  EXPECT_NE(response.persons(0).name(), id);
  v1::GetPersonRequest get;
  get.set_name(id);
  v1::Person person;
  ASSERT_TRUE(persons_->GetPerson(Context(kOperatorToken).get(), get, &person).ok());
  EXPECT_EQ(person.sources_size(), static_cast<int>(rest.size()));

  ImportOutcome reimport = UploadFolder(server_->channel(), kOperatorToken, kSample, false, NotTruth);
  ASSERT_TRUE(reimport.status.ok()) << reimport.status.error_message();
  ASSERT_EQ(server_->Terminate(), 0);
  StoreState after = ReadStoreState(dir_.path() + "/data");
  EXPECT_EQ(after.persons.count({locator}), 1u);
  EXPECT_EQ(after.persons.count(rest), 1u);
}

TEST_F(ImportE2eTest, BadUploadsAndUnrecognisedFilesGetClearAnswers) {
  ASSERT_EQ(StartServer(), absl::OkStatus());
  std::string folder = dir_.path() + "/odd";
  fs::create_directories(folder);
  std::ofstream(folder + "/notes.txt") << "shopping list\n";
  std::ofstream(folder + "/paper.csv") << "file_ref,page,doc_type,entry_date,author,subjects,text\n"
                                       << "HPVP/2012/1,1,Case note,31/02/2012,DS 1 A,Ann B,Text\n"
                                       << "HPVP/2012/1,2,Case note,01/02/2012,DS 1 A,Ann B,Fine\n";
  ImportOutcome outcome = UploadFolder(server_->channel(), kOperatorToken, folder, false);
  ASSERT_TRUE(outcome.status.ok()) << outcome.status.error_message();
  EXPECT_EQ(outcome.report.counts().files_unrecognised(), 1);
  // An impossible date is no reason to lose the page: it is read as far as
  // it can be (February 2012), kept as written, and reported.
  EXPECT_EQ(outcome.report.counts().rejected(), 0);
  EXPECT_EQ(outcome.report.counts().new_entries(), 2);
  EXPECT_EQ(outcome.report.counts().dates_partly_read(), 1);
  ASSERT_EQ(outcome.report.partly_read_dates_size(), 1);
  EXPECT_EQ(outcome.report.partly_read_dates(0).locator(), "paper.csv#row=1");
  EXPECT_EQ(outcome.report.partly_read_dates(0).as_written(), "31/02/2012");
  std::map<std::string, std::string> rejections;
  for (const auto& r : outcome.report.rejections()) rejections[r.locator()] = r.reason();
  ASSERT_EQ(rejections.count("notes.txt"), 1u);
  EXPECT_EQ(rejections.size(), 1u);
  ASSERT_EQ(outcome.report.unlisted_refs_size(), 1);
  EXPECT_EQ(outcome.report.unlisted_refs(0).case_(), "cases/LEG-HPVP-2012-1");

  // A path that climbs out of the folder is refused, naming the field.
  auto context = Context(kOperatorToken);
  auto stream = imports_->ImportFolder(context.get());
  v1::ImportFolderRequest request;
  request.mutable_options();
  stream->Write(request);
  request.mutable_chunk()->set_path("../etc/passwd");
  request.mutable_chunk()->set_last(true);
  stream->Write(request);
  stream->WritesDone();
  v1::ImportFolderResponse response;
  while (stream->Read(&response)) {
  }
  grpc::Status status = stream->Finish();
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(status.error_message(), "chunk.path: '../etc/passwd' must not climb out with '..'");
  // Investigators do not import.
  EXPECT_EQ(UploadFolder(server_->channel(), kInvestigatorToken, folder, true).status.error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
}

}  // namespace
}  // namespace casefile::testing
