// The scanned documents of a legacy folder imported through the real
// casefiled (issue 20 part 4): both layouts (a folder per case reference, a
// manifest), each document attached once to the right case and entry,
// nothing linked twice by a re-import or a later batch, every bad file and
// manifest row rejected with its locator and reason, documents readable.
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "casefile/v1/document_service.grpc.pb.h"
#include "client/document_transfer.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/support/casefiled_fixture.h"
#include "tests/support/document_samples.h"
#include "tests/support/import_client.h"

namespace casefile::testing {
namespace {

namespace fs = std::filesystem;
using ::testing::ElementsAre;
using ::testing::Pair;
using ::testing::UnorderedElementsAre;

constexpr char kPurpose[] = "import documents e2e test";

void Write(const fs::path& file, const std::string& bytes) {
  fs::create_directories(file.parent_path());
  std::ofstream(file, std::ios::binary) << bytes;
}

// A word a manifest may give for an entry kind (read as a paper doc_type).
std::string KindWord(v1::EntryKind kind) {
  switch (kind) {
    case v1::ENTRY_KIND_REFERRAL: return "Referral";
    case v1::ENTRY_KIND_STRATEGY_DISCUSSION: return "Strategy discussion";
    case v1::ENTRY_KIND_VISIT: return "Home visit";
    case v1::ENTRY_KIND_CUSTODY: return "Custody record";
    case v1::ENTRY_KIND_MISSING_EPISODE: return "Missing person report";
    case v1::ENTRY_KIND_INTERVIEW: return "ABE interview";
    case v1::ENTRY_KIND_CONTACT: return "Telephone call";
    case v1::ENTRY_KIND_REVIEW: return "Review by supervisor";
    case v1::ENTRY_KIND_ENQUIRY: return "Enquiry";
    default: return "Case note";
  }
}

class ImportDocumentsE2eTest : public CasefiledTest {
 protected:
  std::vector<std::string> ExtraFlags() const override { return {"--document_max_mb=1"}; }

  void SetUp() override {
    CasefiledTest::SetUp();
    documents_ = v1::DocumentService::NewStub(server_->channel());
    folder_ = dir_.path() + "/batch1";
    fs::copy(std::string(CASEFILE_SOURCE_DIR) + "/tests/data/legacy/sample", folder_, fs::copy_options::recursive);
    fs::remove(folder_ + "/truth.json");
  }

  v1::Import Import(const std::string& folder) {
    ImportOutcome outcome = UploadFolder(server_->channel(), kOperatorToken, folder, false);
    EXPECT_TRUE(outcome.status.ok()) << outcome.status.error_message();
    return outcome.report;
  }

  // Each document of the case: entry number → {file name, sha256} (in order).
  std::map<int64_t, std::vector<std::pair<std::string, std::string>>> DocumentsOf(const std::string& case_id) {
    v1::ListDocumentsRequest request;
    request.set_parent(absl::StrCat("cases/", case_id));
    request.set_purpose(kPurpose);
    v1::ListDocumentsResponse response;
    grpc::Status s = documents_->ListDocuments(Context(kAdminToken).get(), request, &response);
    EXPECT_TRUE(s.ok()) << s.error_message();
    std::map<int64_t, std::vector<std::pair<std::string, std::string>>> out;
    for (const v1::Document& d : response.documents()) {
      const std::string entries = absl::StrCat("cases/", case_id, "/entries/");
      const std::string rest = d.name().substr(entries.size());
      out[std::stoll(rest.substr(0, rest.find('/')))].emplace_back(d.file_name(), d.sha256());
    }
    return out;
  }

  std::map<std::string, std::string> Rejected(const std::string& import) {
    v1::ListRejectedRecordsRequest request;
    request.set_parent(import);
    request.set_page_size(1000);
    v1::ListRejectedRecordsResponse response;
    grpc::Status s = imports_->ListRejectedRecords(Context(kOperatorToken).get(), request, &response);
    EXPECT_TRUE(s.ok()) << s.error_message();
    std::map<std::string, std::string> out;
    for (const v1::Rejection& r : response.rejections()) {
      if (r.locator().starts_with("documents/")) out[r.locator()] = r.reason();
    }
    return out;
  }

  std::unique_ptr<v1::DocumentService::Stub> documents_;
  std::string folder_;
};

TEST_F(ImportDocumentsE2eTest, AttachesEachDocumentOnceAndRejectsWhatCannotBeKept) {
  // The records first, to find an entry the manifest can name by day and kind.
  ASSERT_FALSE(Import(folder_).name().empty());
  CaseFile file = ReadCaseFile(*cases_, "cases/HFD-PVP-000001", kPurpose, kAdminToken);
  ASSERT_TRUE(file.status.ok()) << file.status.error_message();
  std::map<std::tuple<int, int, int, int>, std::vector<int64_t>> by_day_and_kind;
  for (const v1::Entry& e : file.entries) {
    if (e.superseded_by().empty() && e.occur_time().day() != 0)
      by_day_and_kind[{e.occur_time().year(), e.occur_time().month(), e.occur_time().day(), e.kind()}].push_back(
          e.number());
  }
  const v1::Entry* target = nullptr;
  for (const v1::Entry& e : file.entries) {
    auto it = by_day_and_kind.find({e.occur_time().year(), e.occur_time().month(), e.occur_time().day(), e.kind()});
    if (it != by_day_and_kind.end() && it->second.size() == 1) target = &e;
  }
  ASSERT_NE(target, nullptr);

  const std::string referral = PdfWithText("Referral form received from school");
  const std::string minutes = PdfWithText("Strategy discussion minutes");
  const std::string photo = TinyPng();
  const std::string html = HtmlWithScript();
  const std::string cut = referral.substr(0, referral.size() / 2);
  const fs::path docs = fs::path(folder_) / "documents";
  Write(docs / "manifest.csv",
        absl::StrCat("file,reference,date,kind\n",
                     "scans/referral.pdf,HPVP/2011/8859,",
                     absl::StrFormat("%02d/%02d/%04d", target->occur_time().day(), target->occur_time().month(),
                                     target->occur_time().year()),
                     ",", KindWord(target->kind()), "\n",  // row 1: the entry of its day and kind
                     "scans/photo.png,HFD-PVP-000002,,\n",  // row 2: a case id; no day: the paper file's entry
                     "scans/gone.pdf,HPVP/2011/8859,01/02/2011,Referral\n",  // row 3: no such file
                     "scans/stray.pdf,NO/SUCH/REF,01/02/2011,Referral\n",    // row 4: unknown reference
                     "scans/other.pdf,HPVP/2011/8859,31/02/2011,Referral\n",  // row 5: no such day
                     "scans/referral2.pdf,HPVP/2011/8859,,\n"  // row 6: the same bytes as row 1, after it
                     ));
  Write(docs / "scans/referral.pdf", referral);
  Write(docs / "scans/photo.png", photo);
  Write(docs / "scans/stray.pdf", minutes);
  Write(docs / "HPVP_2012_2491/minutes.pdf", minutes);          // HFD-PVP-000002 by its paper file
  Write(docs / "22-62153-13/photo.png", photo);                 // HFD-PVP-000003: the same bytes, another case
  Write(docs / "scans/referral2.pdf", referral);
  Write(docs / "HPVP_2011_8859/page.pdf", html);                // HTML named .pdf
  Write(docs / "HPVP_2011_8859/cut.pdf", cut);                  // truncated
  Write(docs / "HPVP_2011_8859/big.pdf", std::string("%PDF-1.4\n") + std::string(1100 << 10, 'x'));
  Write(docs / "loose.pdf", minutes);                           // in no reference's folder
  Write(docs / "UNKNOWN_REF/a.pdf", minutes);
  fs::create_symlink("/etc/passwd", docs / "HPVP_2011_8859/passwd.pdf");  // never followed

  const v1::Import first = Import(folder_);
  ASSERT_FALSE(first.name().empty());
  EXPECT_EQ(first.counts().documents_read(), 11);
  EXPECT_EQ(first.counts().documents_attached(), 4);
  EXPECT_EQ(first.counts().documents_already_attached(), 1);
  EXPECT_EQ(first.counts().documents_rejected(), 8);

  const auto sha = [](const std::string& bytes) { return Sha256Hex(bytes); };
  EXPECT_THAT(DocumentsOf("HFD-PVP-000001"),
              ElementsAre(Pair(target->number(), ElementsAre(Pair("referral.pdf", sha(referral))))));
  const auto case2 = DocumentsOf("HFD-PVP-000002");
  ASSERT_EQ(case2.size(), 1u);  // one entry: the paper file's
  EXPECT_THAT(case2.begin()->second,
              UnorderedElementsAre(Pair("minutes.pdf", sha(minutes)), Pair("photo.png", sha(photo))));
  const auto case3 = DocumentsOf("HFD-PVP-000003");
  ASSERT_EQ(case3.size(), 1u);
  EXPECT_THAT(case3.begin()->second, ElementsAre(Pair("photo.png", sha(photo))));
  CaseFile file2 = ReadCaseFile(*cases_, "cases/HFD-PVP-000002", kPurpose, kAdminToken);
  const auto paper_at = std::find_if(file2.entries.begin(), file2.entries.end(),
                                     [&](const v1::Entry& e) { return e.number() == case2.begin()->first; });
  ASSERT_NE(paper_at, file2.entries.end());
  const v1::Entry& paper = *paper_at;
  EXPECT_EQ(paper.kind(), v1::ENTRY_KIND_NOTE);
  EXPECT_TRUE(paper.text().starts_with("Documents from the paper file")) << paper.text();

  EXPECT_THAT(
      Rejected(first.name()),
      UnorderedElementsAre(
          Pair("documents/HPVP_2011_8859/big.pdf", "larger than the limit of 1048576 bytes; nothing was stored"),
          Pair("documents/HPVP_2011_8859/cut.pdf", "truncated: a PDF ends with %%EOF"),
          Pair("documents/HPVP_2011_8859/page.pdf", ::testing::HasSubstr("HTML is not a document type")),
          Pair("documents/UNKNOWN_REF/a.pdf", ::testing::HasSubstr("its folder 'UNKNOWN_REF' names no case")),
          Pair("documents/loose.pdf",
               "in no case reference's folder (documents/<reference>/...) and named by no manifest"),
          Pair("documents/manifest.csv#row=3", "names documents/scans/gone.pdf, which is not in the folder"),
          Pair("documents/manifest.csv#row=4", "reference 'NO/SUCH/REF' of documents/scans/stray.pdf names no case"),
          Pair("documents/manifest.csv#row=5", "date '31/02/2011' is not a date (day/month/year)")));

  // Readable, audited like any document.
  v1::GetDocumentRequest get;
  get.set_name(absl::StrCat("cases/HFD-PVP-000001/entries/", target->number(), "/documents/1"));
  get.set_purpose(kPurpose);
  v1::Document described;
  std::string content;
  grpc::Status read = client::GetDocument(
      *documents_, *Context(kAdminToken), get, [&](const v1::Document& d) { described = d; },
      [&](absl::string_view chunk) {
                                            content.append(chunk.data(), chunk.size());
                                            return true;
                                          });
  ASSERT_TRUE(read.ok()) << read.error_message();
  EXPECT_EQ(content, referral);
  EXPECT_EQ(described.import(), first.name());
  EXPECT_EQ(described.legacy_locator(), "documents/scans/referral.pdf");
  EXPECT_EQ(described.media_type(), "application/pdf");

  // The same folder again adds nothing.
  const v1::Import again = Import(folder_);
  EXPECT_EQ(again.counts().documents_attached(), 0);
  EXPECT_EQ(again.counts().documents_already_attached(), 5);
  EXPECT_EQ(DocumentsOf("HFD-PVP-000002"), case2);

  // A later batch repeating a document links only what is new.
  const std::string batch2 = dir_.path() + "/batch2";
  const std::string letter = PdfWithText("Letter from the health visitor");
  Write(fs::path(batch2) / "documents/HPVP_2012_2491/minutes (scan 2).pdf", minutes);
  Write(fs::path(batch2) / "documents/HPVP_2012_2491/letter.pdf", letter);
  const v1::Import later = Import(batch2);
  EXPECT_EQ(later.counts().documents_attached(), 1);
  EXPECT_EQ(later.counts().documents_already_attached(), 1);
  EXPECT_THAT(DocumentsOf("HFD-PVP-000002").begin()->second,
              UnorderedElementsAre(Pair("minutes.pdf", sha(minutes)), Pair("photo.png", sha(photo)),
                                   Pair("letter.pdf", sha(letter))));

  // Each content once on disk: referral, minutes, photo, letter.
  int files = 0;
  for (const auto& f : fs::recursive_directory_iterator(dir_.path() + "/data/documents")) {
    if (f.is_regular_file() && f.path().parent_path().filename() != "incoming") ++files;
  }
  EXPECT_EQ(files, 4);
}

// An import killed while it attaches documents completes on re-run, each
// document once (wherever the kill fell: the rule is by content, per case).
TEST_F(ImportDocumentsE2eTest, AnImportKilledWhileAttachingCompletesOnRerun) {
  std::set<std::string> contents;
  for (int i = 0; i < 24; ++i) {
    const std::string pdf = PdfWithText(absl::StrCat("Scanned page ", i));
    contents.insert(Sha256Hex(pdf));
    Write(fs::path(folder_) / "documents" / (i % 2 == 0 ? "HPVP_2011_8859" : "HPVP_2012_2491") /
              absl::StrCat("page-", i, ".pdf"),
          pdf);
  }
  ImportOutcome killed = UploadFolder(server_->channel(), kOperatorToken, folder_, false, {},
                                      [&](const v1::ImportProgress& p) {
                                        if (!p.stage().starts_with("attaching documents")) return true;
                                        server_->Kill();
                                        return false;
                                      });
  EXPECT_FALSE(killed.status.ok());
  ASSERT_TRUE(StartServer().ok());
  documents_ = v1::DocumentService::NewStub(server_->channel());
  const v1::Import rerun = Import(folder_);
  EXPECT_EQ(rerun.counts().documents_attached() + rerun.counts().documents_already_attached(), 24);
  std::multiset<std::string> linked;
  for (const char* case_id : {"HFD-PVP-000001", "HFD-PVP-000002"}) {
    for (const auto& [entry, documents] : DocumentsOf(case_id)) {
      for (const auto& [name, sha256] : documents) linked.insert(sha256);
    }
  }
  EXPECT_EQ(linked, std::multiset<std::string>(contents.begin(), contents.end()));
  // Nothing left of the cut-off upload's temporary files.
  EXPECT_TRUE(fs::is_empty(dir_.path() + "/data/documents/incoming"));
}

}  // namespace
}  // namespace casefile::testing
