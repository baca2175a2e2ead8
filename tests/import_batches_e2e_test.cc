// End-to-end tests of imports in batches through the real casefiled: later
// batches come from the same systems with the same file names, so a record is
// "already imported" only when the same place held the same content.
#include <filesystem>
#include <fstream>
#include <map>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "casefile/v1/import.grpc.pb.h"
#include "casefile/v1/person.grpc.pb.h"
#include "gtest/gtest.h"
#include "migration/legacy_reader.h"
#include "tests/support/casefiled_fixture.h"
#include "tests/support/import_client.h"
#include "tools/legacy_generator/legacy_generator.h"

namespace casefile::testing {
namespace {

namespace fs = std::filesystem;

// A generated folder without its truth.json.
std::string Generate(const std::string& dir, int cases, uint64_t seed) {
  legacy_generator::GeneratorOptions options;
  options.cases = cases;
  options.seed = seed;
  auto summary = legacy_generator::GenerateLegacyFolder(options, dir);
  EXPECT_TRUE(summary.ok()) << summary.status();
  fs::remove(dir + "/truth.json");
  return dir;
}

// Every event record of a folder as its readers read it: locator → text.
std::map<std::string, std::string> EventsOf(const std::string& folder) {
  std::map<std::string, std::string> out;
  for (const auto& file : fs::recursive_directory_iterator(folder)) {
    if (!file.is_regular_file()) continue;
    std::ifstream in(file.path(), std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    migration::LegacyFile read = migration::ReadLegacyFile(fs::relative(file.path(), folder).generic_string(), bytes);
    for (migration::LegacyEvent& e : read.events) out[e.locator] = std::move(e.text);
  }
  return out;
}

// The sources of the live entries of every case, through the public API:
// (import, locator) → the texts found there (one per live source).
using LiveSources = std::map<std::pair<std::string, std::string>, std::vector<std::string>>;
LiveSources ReadLiveSources(CasefiledProcess& server) {
  LiveSources out;
  std::string page_token;
  do {
    v1::ListCasesRequest list;
    list.set_page_size(1000);
    list.set_page_token(page_token);
    v1::ListCasesResponse cases;
    grpc::Status listed = server.CaseStub()->ListCases(CasefiledProcess::Context(kOperatorToken).get(), list, &cases);
    EXPECT_TRUE(listed.ok()) << listed.error_message();
    if (!listed.ok()) break;
    for (const v1::Case& c : cases.cases()) {
      v1::GetCaseFileRequest get;
      get.set_name(c.name());
      get.set_purpose("import batches e2e test");
      auto context = CasefiledProcess::Context(kOperatorToken);
      auto reader = server.CaseStub()->GetCaseFile(context.get(), get);
      v1::GetCaseFileResponse chunk;
      while (reader->Read(&chunk)) {
        for (const v1::Entry& e : chunk.entries()) {
          if (!e.superseded_by().empty()) continue;
          for (const v1::Source& s : e.sources())
            out[{s.import(), s.locator()}].push_back(s.text_is_entry_text() ? e.text() : s.text());
        }
      }
      grpc::Status read = reader->Finish();
      EXPECT_TRUE(read.ok()) << c.name() << ": " << read.error_message();
    }
    page_token = cases.next_page_token();
  } while (!page_token.empty());
  return out;
}

class ImportBatchesE2eTest : public CasefiledTest {
 protected:
  ImportOutcome Import(const std::string& folder) {
    ImportOutcome outcome = UploadFolder(server_->channel(), kOperatorToken, folder, false);
    EXPECT_TRUE(outcome.status.ok()) << outcome.status.error_message();
    return outcome;
  }
};

// Two folders from the same systems share file names; the second must not be
// taken for the first: every record of both is a source of exactly one live
// entry, under the import that brought it.
TEST_F(ImportBatchesE2eTest, TwoFoldersSharingFileNamesBothImportInFull) {
  const std::string a = Generate(dir_.path() + "/batch-a", 30, 101);
  const std::string b = Generate(dir_.path() + "/batch-b", 40, 202);
  const auto events_a = EventsOf(a), events_b = EventsOf(b);
  int shared_places = 0, same_content = 0;
  for (const auto& [locator, text] : events_b) {
    auto it = events_a.find(locator);
    if (it == events_a.end()) continue;
    ++shared_places;
    if (it->second == text) ++same_content;
  }
  ASSERT_GT(shared_places, 100) << "the two folders must share file names for this test to mean anything";

  ImportOutcome first = Import(a);
  ImportOutcome second = Import(b);
  EXPECT_EQ(first.report.name(), "imports/imp-000001");
  EXPECT_EQ(second.report.name(), "imports/imp-000002");
  EXPECT_GT(second.report.counts().records_changed(), 0);

  const LiveSources live = ReadLiveSources(*server_);
  size_t found = 0;
  for (const auto& [locator, text] : events_a) {
    auto it = live.find({"imports/imp-000001", locator});
    ASSERT_NE(it, live.end()) << "batch A lost " << locator;
    ASSERT_EQ(it->second.size(), 1u) << locator;
    EXPECT_EQ(it->second[0], text) << locator;
    ++found;
  }
  int b_in_first_import = 0;
  for (const auto& [locator, text] : events_b) {
    auto it = live.find({"imports/imp-000002", locator});
    if (it == live.end()) {
      // Only a record with the same place and the same content as one of
      // batch A counts as imported already.
      auto in_a = events_a.find(locator);
      ASSERT_TRUE(in_a != events_a.end() && in_a->second == text) << "batch B lost " << locator;
      ++b_in_first_import;
      continue;
    }
    ASSERT_EQ(it->second.size(), 1u) << locator;
    EXPECT_EQ(it->second[0], text) << locator;
    ++found;
  }
  EXPECT_LE(b_in_first_import, same_content);
  size_t live_sources = 0;
  for (const auto& [key, texts] : live) live_sources += texts.size();
  EXPECT_EQ(live_sources, found);  // nothing else, nothing twice
}

TEST_F(ImportBatchesE2eTest, TheSameFolderAgainFromAnotherPathAddsNothing) {
  const std::string a = Generate(dir_.path() + "/batch-a", 20, 303);
  const std::string copy = dir_.path() + "/elsewhere/renamed";
  fs::create_directories(copy);
  fs::copy(a, copy, fs::copy_options::recursive);
  ImportOutcome first = Import(a);
  const LiveSources before = ReadLiveSources(*server_);
  ImportOutcome again = UploadFolder(server_->channel(), kOperatorToken, copy, false);
  ASSERT_TRUE(again.status.ok()) << again.status.error_message();
  const v1::ImportCounts& c = again.report.counts();
  EXPECT_EQ(c.records_changed(), 0);
  EXPECT_EQ(c.new_entries(), 0);
  // Every event and nominal row (case_xref rows are not kept as records).
  EXPECT_EQ(c.records_already_imported(), static_cast<int64_t>(EventsOf(a).size()) + c.nominal_records());
  EXPECT_EQ(first.report.counts().records_already_imported(), 0);
  EXPECT_EQ(ReadLiveSources(*server_), before);
}

// One row edited since the last import: exactly that row is imported again,
// reported as "same place, different content", and both versions stay.
TEST_F(ImportBatchesE2eTest, AFolderWithOneEditedRowImportsExactlyThatRow) {
  const std::string a = Generate(dir_.path() + "/batch-a", 20, 404);
  ImportOutcome first = Import(a);
  // Edit the text of the first data row of the first crime export.
  std::string export_path;
  for (const auto& file : fs::recursive_directory_iterator(a)) {
    const std::string rel = fs::relative(file.path(), a).generic_string();
    if (file.is_regular_file() && absl::StartsWith(rel, "crime/") && absl::EndsWith(rel, ".csv") &&
        (export_path.empty() || rel < export_path))
      export_path = rel;
  }
  ASSERT_FALSE(export_path.empty());
  const auto events = EventsOf(a);
  const std::string locator = export_path + "#row=1";
  ASSERT_TRUE(events.contains(locator));
  const std::string old_text = events.at(locator);
  {
    std::ifstream in(a + "/" + export_path, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const size_t at = bytes.find(old_text.substr(0, 20));
    ASSERT_NE(at, std::string::npos);
    bytes.insert(at, "AMENDED ");
    std::ofstream out(a + "/" + export_path, std::ios::binary | std::ios::trunc);
    out << bytes;
  }
  ASSERT_EQ(EventsOf(a).at(locator), "AMENDED " + old_text);

  ImportOutcome second = Import(a);
  const v1::ImportCounts& c = second.report.counts();
  EXPECT_EQ(c.records_changed(), 1);
  EXPECT_EQ(c.records_already_imported(), static_cast<int64_t>(events.size()) + c.nominal_records() - 1);
  ASSERT_EQ(second.report.changed_records_size(), 1);
  const v1::ChangedRecord& changed = second.report.changed_records(0);
  EXPECT_EQ(changed.locator(), locator);
  EXPECT_EQ(changed.previous_record(), locator);
  EXPECT_EQ(changed.previous_import(), "imports/imp-000001");
  EXPECT_TRUE(absl::StartsWith(changed.record(), locator + "@")) << changed.record();
  EXPECT_EQ(changed.record().size(), locator.size() + 17);

  // Both versions are reachable; the edited one came with the second import.
  const LiveSources live = ReadLiveSources(*server_);
  auto old_version = live.find({"imports/imp-000001", locator});
  auto new_version = live.find({"imports/imp-000002", locator});
  ASSERT_NE(old_version, live.end());
  ASSERT_NE(new_version, live.end());
  EXPECT_EQ(old_version->second, std::vector<std::string>{old_text});
  EXPECT_EQ(new_version->second, std::vector<std::string>{"AMENDED " + old_text});
  size_t second_import_sources = 0;
  for (const auto& [key, texts] : live)
    if (key.first == "imports/imp-000002") second_import_sources += texts.size();
  EXPECT_EQ(second_import_sources, 1u);

  // And a third run of the same folder adds nothing.
  ImportOutcome third = Import(a);
  EXPECT_EQ(third.report.counts().records_changed(), 0);
  EXPECT_EQ(third.report.counts().new_entries(), 0);
  EXPECT_EQ(ReadLiveSources(*server_), live);
}

// The same for a nominal row: an edited row is a person record of its own,
// and the person's sources say which import brought which version.
TEST_F(ImportBatchesE2eTest, AnEditedNominalRowIsAPersonRecordOfItsOwn) {
  const std::string folder = dir_.path() + "/nominals";
  fs::create_directories(folder + "/nominals");
  const std::string header = "nominal_ref,forename,surname,date_of_birth,address_1,address_2,town,postcode,source_ref\n";
  auto write = [&](const std::string& first_row) {
    std::ofstream out(folder + "/nominals/index.csv", std::ios::binary | std::ios::trunc);
    out << header << first_row << "N1417448,Donna,DAVIES,14/12/1973,72 Grandstand Road,,Ross-on-Wye,HR7 3FD,HPVP/2013/6561\n";
  };
  write("N7056984,Joanne,SKYRME,29/06/1987,21 Eign Street,,Ross-on-Wye,HR9 7PT,HPVP/2012/2491\n");
  ImportOutcome first = Import(folder);
  EXPECT_EQ(first.report.counts().nominal_records(), 2);
  write("N7056984,Joanne,SKYRME,29/06/1987,4 Bridge Street,,Ross-on-Wye,HR9 7PT,HPVP/2012/2491\n");
  ImportOutcome second = Import(folder);
  EXPECT_EQ(second.report.counts().records_changed(), 1);
  EXPECT_EQ(second.report.counts().records_already_imported(), 1);
  ASSERT_EQ(second.report.changed_records_size(), 1);
  EXPECT_EQ(second.report.changed_records(0).locator(), "nominals/index.csv#row=1");
  EXPECT_EQ(second.report.changed_records(0).previous_import(), "imports/imp-000001");

  // Every person source, by record id: both versions of row 1 are there.
  v1::ListPersonsRequest list;
  list.set_page_size(100);
  v1::ListPersonsResponse persons;
  ASSERT_TRUE(persons_->ListPersons(Context(kOperatorToken).get(), list, &persons).ok());
  std::map<std::string, std::pair<std::string, std::string>> sources;  // record → (locator, import)
  for (const v1::Person& p : persons.persons())
    for (const v1::PersonSource& s : p.sources()) sources[s.record()] = {s.locator(), s.import()};
  const std::string row1 = "nominals/index.csv#row=1";
  ASSERT_EQ(sources.size(), 3u);
  EXPECT_EQ(sources[row1], std::make_pair(row1, std::string("imports/imp-000001")));
  EXPECT_EQ(sources[second.report.changed_records(0).record()], std::make_pair(row1, std::string("imports/imp-000002")));
}

// Uploads `files` (path as sent → bytes) through ImportFolder as any client may.
ImportOutcome UploadRaw(CasefiledProcess& server, const std::vector<std::pair<std::string, std::string>>& files) {
  ImportOutcome out;
  auto context = CasefiledProcess::Context(kOperatorToken);
  auto stream = v1::ImportService::NewStub(server.channel())->ImportFolder(context.get());
  v1::ImportFolderRequest request;
  request.mutable_options();
  stream->Write(request);
  for (const auto& [path, bytes] : files) {
    request.mutable_chunk()->set_path(path);
    request.mutable_chunk()->set_data(bytes);
    request.mutable_chunk()->set_last(true);
    stream->Write(request);
  }
  stream->WritesDone();
  v1::ImportFolderResponse response;
  while (stream->Read(&response)) {
    if (response.has_import()) out.report = response.import();
  }
  out.status = stream->Finish();
  return out;
}

// A path is canonical before it becomes a locator: "./a//b.csv" is the place
// "a/b.csv", so the same file under another spelling adds nothing.
TEST_F(ImportBatchesE2eTest, PathsAreCanonicalBeforeTheyBecomeLocators) {
  const std::string csv =
      "record_ref,record_type,entry_no,entered_at,entered_by,occurred_at,text\n"
      "22/71348/10,CRIME,1,2012-06-15 14:52:00,Powell,2012-06-14 14:30,Attended the address\n";
  ImportOutcome first = UploadRaw(*server_, {{"./crime//export.csv", csv}});
  ASSERT_TRUE(first.status.ok()) << first.status.error_message();
  EXPECT_EQ(first.report.counts().new_entries(), 1);
  const LiveSources live = ReadLiveSources(*server_);
  ASSERT_EQ(live.size(), 1u);
  EXPECT_EQ(live.begin()->first.second, "crime/export.csv#row=1");

  ImportOutcome again = UploadRaw(*server_, {{"crime/./export.csv", csv}});
  ASSERT_TRUE(again.status.ok()) << again.status.error_message();
  EXPECT_EQ(again.report.counts().records_already_imported(), 1);
  EXPECT_EQ(again.report.counts().new_entries(), 0);

  for (const std::string bad : {"../etc/passwd", "/etc/passwd", "a/../../b.csv", "./"}) {
    ImportOutcome refused = UploadRaw(*server_, {{bad, csv}});
    EXPECT_EQ(refused.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << bad;
    EXPECT_TRUE(absl::StartsWith(refused.status.error_message(), "chunk.path:")) << refused.status.error_message();
  }
}

// A date in a form the readers do not know is no reason to lose the record:
// it is read as far as it can be, kept as written, and reported.
TEST_F(ImportBatchesE2eTest, ARecordWithAHalfLegibleDateIsImportedAndReported) {
  const std::string folder = dir_.path() + "/dates";
  fs::create_directories(folder + "/crime");
  {
    std::ofstream out(folder + "/crime/export.csv", std::ios::binary);
    out << "record_ref,record_type,entry_no,entered_at,entered_by,occurred_at,text\n"
        << "22/71348/10,CRIME,1,2012-06-15 14:52:00,Powell,Jul 2010 11:10,Child reported missing from home\n";
  }
  ImportOutcome outcome = Import(folder);
  EXPECT_EQ(outcome.report.counts().rejected(), 0);
  EXPECT_EQ(outcome.report.counts().dates_partly_read(), 1);
  ASSERT_EQ(outcome.report.partly_read_dates_size(), 1);
  EXPECT_EQ(outcome.report.partly_read_dates(0).locator(), "crime/export.csv#row=1");
  EXPECT_EQ(outcome.report.partly_read_dates(0).as_written(), "Jul 2010 11:10");
  const LiveSources live = ReadLiveSources(*server_);
  auto it = live.find({outcome.report.name(), "crime/export.csv#row=1"});
  ASSERT_NE(it, live.end());
  EXPECT_EQ(it->second, std::vector<std::string>{"Child reported missing from home"});
}

// A record that cannot be read is kept verbatim with its locator and reason,
// and an operator pages through them.
TEST_F(ImportBatchesE2eTest, RejectedRecordsAreKeptAndListed) {
  const std::string folder = dir_.path() + "/broken";
  fs::create_directories(folder + "/crime");
  const std::string header = "record_ref,record_type,entry_no,entered_at,entered_by,occurred_at,text\n";
  for (const std::string name : {"a", "b"}) {
    std::ofstream out(folder + "/crime/" + name + ".csv", std::ios::binary);
    out << header << "22/71348/10,CRIME,1,2012-06-15 14:52:00,Powell,2012-06-14 14:30,Attended the address\n"
        << "22/71348/10,CRIME,2,2012-06-16 09:00:00,Powell,2012-06-16 08:30,\"quote never closed " << name << "\n";
  }
  ImportOutcome outcome = Import(folder);
  EXPECT_EQ(outcome.report.counts().rejected(), 2);
  ASSERT_EQ(outcome.report.rejections_size(), 2);
  EXPECT_EQ(outcome.report.rejections(0).raw(), "");  // the report names them; the list has their content

  auto stub = v1::ImportService::NewStub(server_->channel());
  std::vector<std::string> locators;
  v1::ListRejectedRecordsRequest request;
  request.set_parent(outcome.report.name());
  request.set_page_size(1);
  int pages = 0;
  do {
    v1::ListRejectedRecordsResponse page;
    grpc::Status s = stub->ListRejectedRecords(Context(kOperatorToken).get(), request, &page);
    ASSERT_TRUE(s.ok()) << s.error_message();
    ASSERT_EQ(page.rejections_size(), 1);
    locators.push_back(page.rejections(0).locator());
    EXPECT_TRUE(absl::StrContains(page.rejections(0).reason(), "quot")) << page.rejections(0).reason();
    request.set_page_token(page.next_page_token());
    ++pages;
  } while (!request.page_token().empty() && pages < 5);
  EXPECT_EQ(locators, (std::vector<std::string>{"crime/a.csv#row=2", "crime/b.csv#row=2"}));
  request.set_page_size(10);
  request.set_page_token("");
  v1::ListRejectedRecordsResponse all;
  ASSERT_TRUE(stub->ListRejectedRecords(Context(kOperatorToken).get(), request, &all).ok());
  ASSERT_EQ(all.rejections_size(), 2);
  EXPECT_EQ(all.next_page_token(), "");
  // Verbatim: the row as it stood in the file.
  EXPECT_EQ(all.rejections(1).raw(),
            "22/71348/10,CRIME,2,2012-06-16 09:00:00,Powell,2012-06-16 08:30,\"quote never closed b");

  v1::ListRejectedRecordsResponse page;
  request.set_page_token("not-a-token!");
  grpc::Status bad = stub->ListRejectedRecords(Context(kOperatorToken).get(), request, &page);
  EXPECT_EQ(bad.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_TRUE(absl::StartsWith(bad.error_message(), "page_token:")) << bad.error_message();
  request.set_page_token("");
  request.set_parent("imports/imp-999999");
  EXPECT_EQ(stub->ListRejectedRecords(Context(kOperatorToken).get(), request, &page).error_code(),
            grpc::StatusCode::NOT_FOUND);
  request.set_parent(outcome.report.name());
  EXPECT_EQ(stub->ListRejectedRecords(Context(kInvestigatorToken).get(), request, &page).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
}

}  // namespace
}  // namespace casefile::testing
