// DocumentService end to end, against the real casefiled: attach, read,
// list and search documents; types decided from content; the size limit;
// one file per content; request ids; need to know; audit; erasure; backup.
#include <filesystem>
#include <fstream>
#include <set>

#include "absl/strings/str_cat.h"
#include "casefile/v1/document_service.grpc.pb.h"
#include "client/document_transfer.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/support/casefiled_fixture.h"
#include "tests/support/document_samples.h"

namespace casefile::testing {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::SizeIs;

constexpr char kPurpose[] = "strategy discussion preparation";

class DocumentE2eTest : public CasefiledTest {
 protected:
  void SetUp() override {
    CasefiledTest::SetUp();
    documents_ = v1::DocumentService::NewStub(server_->channel());
  }

  // A case with one note; returns the note's name.
  std::string CaseWithEntry(const std::string& case_id, bool restricted = false) {
    v1::CreateCaseRequest create = NewCase("Concern for a child", case_id);
    if (restricted) create.mutable_case_()->mutable_restriction()->add_teams("cait");
    const v1::Case c = CreateCase(create);
    v1::Entry note;
    note.set_kind(v1::ENTRY_KIND_NOTE);
    note.set_text("Referral received from school");
    return Append(c.name(), note).name();
  }

  grpc::Status Attach(const std::string& entry, const std::string& file_name, const std::string& content,
                      v1::Document* document, const std::string& token = kInvestigatorToken,
                      const std::string& request_id = "") {
    v1::AttachDocumentStart start;
    start.set_entry(entry);
    start.set_file_name(file_name);
    start.set_request_id(request_id);
    start.set_purpose("referral paperwork");
    size_t sent = 0;
    return client::AttachDocument(
        *documents_, *Context(token), start,
        [&](std::string& buffer) {
          buffer = content.substr(sent, 300 * 1024);  // several chunks, cut anywhere
          sent += buffer.size();
          return true;
        },
        document);
  }

  v1::Document MustAttach(const std::string& entry, const std::string& file_name, const std::string& content) {
    v1::Document document;
    grpc::Status status = Attach(entry, file_name, content, &document);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return document;
  }

  grpc::Status Get(const std::string& name, std::string* content, const std::string& token = kInvestigatorToken,
                   const std::string& purpose = kPurpose) {
    v1::GetDocumentRequest request;
    request.set_name(name);
    request.set_purpose(purpose);
    content->clear();
    return client::GetDocument(
        *documents_, *Context(token), request, [](const v1::Document&) {},
        [&](absl::string_view chunk) {
          content->append(chunk.data(), chunk.size());
          return true;
        });
  }

  grpc::Status List(const std::string& case_name, v1::ListDocumentsResponse* response,
                    const std::string& token = kInvestigatorToken) {
    v1::ListDocumentsRequest request;
    request.set_parent(case_name);
    request.set_purpose(kPurpose);
    return documents_->ListDocuments(Context(token).get(), request, response);
  }

  // Content files kept beside the store, and temporary files left over.
  std::set<std::string> ContentFiles(const std::string& data = "") const {
    std::set<std::string> files;
    const std::string root = (data.empty() ? dir_.path() + "/data" : data) + "/documents";
    for (const auto& file : fs::recursive_directory_iterator(root)) {
      if (file.is_regular_file()) files.insert(fs::relative(file.path(), root).string());
    }
    return files;
  }

  std::vector<v1::AuditEvent> AuditOf(const std::string& kind) {
    v1::ListAuditEventsRequest request;
    request.set_kind(kind);
    request.set_page_size(1000);
    v1::ListAuditEventsResponse response;
    EXPECT_TRUE(audit_->ListAuditEvents(Context(kAuditorToken).get(), request, &response).ok());
    return {response.audit_events().begin(), response.audit_events().end()};
  }

  std::unique_ptr<v1::DocumentService::Stub> documents_;
};

TEST_F(DocumentE2eTest, AttachedDocumentsReadBackByteForByteWithTheirTypeSizeAndHash) {
  const std::string entry = CaseWithEntry("CF-D1");
  std::string big;  // 2.5 MiB of text: chunks both ways
  while (big.size() < 2'600'000) absl::StrAppend(&big, "line ", big.size(), " of the school report\n");
  const struct {
    std::string file_name, content, media_type;
  } kinds[] = {
      {"referral.pdf", PdfWithText("Referral from school nurse"), "application/pdf"},
      {"bruise.png", TinyPng(), "image/png"},
      {"photo.jpg", std::string("\xFF\xD8\xFF\xE0", 4) + std::string(100, 'j'), "image/jpeg"},
      {"scan.tif", std::string("II*\0", 4) + std::string(100, 't'), "image/tiff"},
      {"minutes.docx", DocxWithText("Strategy discussion minutes"),
       "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
      {"report.txt", big, "text/plain; charset=utf-8"},
  };
  int k = 0;
  for (const auto& kind : kinds) {
    SCOPED_TRACE(kind.file_name);
    const v1::Document document = MustAttach(entry, kind.file_name, kind.content);
    EXPECT_EQ(document.name(), absl::StrCat(entry, "/documents/", ++k));
    EXPECT_EQ(document.file_name(), kind.file_name);
    EXPECT_EQ(document.media_type(), kind.media_type);
    EXPECT_EQ(document.size_bytes(), static_cast<int64_t>(kind.content.size()));
    EXPECT_EQ(document.sha256(), Sha256Hex(kind.content));
    EXPECT_EQ(document.author(), "inv1");
    std::string content;
    grpc::Status status = Get(document.name(), &content);
    ASSERT_TRUE(status.ok()) << status.error_message();
    EXPECT_TRUE(content == kind.content);
  }
  v1::ListDocumentsResponse listed;
  ASSERT_TRUE(List("cases/CF-D1", &listed).ok());
  ASSERT_THAT(listed.documents(), SizeIs(6));
  EXPECT_EQ(listed.documents(5).file_name(), "report.txt");
  EXPECT_THAT(ContentFiles(), SizeIs(6));
}

TEST_F(DocumentE2eTest, ContentIsDecidedFromTheBytesAndAnythingElseIsRefusedNamingWhatItIs) {
  const std::string entry = CaseWithEntry("CF-D2");
  const struct {
    std::string file_name, content, found;
  } refused[] = {
      {"referral.pdf", HtmlWithScript(), "HTML"},
      {"body-map.svg", SvgWithScript(), "SVG"},
      {"bundle.docx", PlainZip(), "ZIP"},
      {"tool.pdf", std::string("\x7F" "ELF\2\1\1", 7) + std::string(64, '\0'), "ELF executable"},
      {"blob.png", std::string("\0\1\2\3\xFE\xFF", 6), "unknown binary"},
  };
  for (const auto& file : refused) {
    SCOPED_TRACE(file.file_name);
    v1::Document document;
    grpc::Status status = Attach(entry, file.file_name, file.content, &document);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    EXPECT_EQ(status.error_message(),
              absl::StrCat("content: ", file.found,
                           " is not a document type casefile keeps (PDF, JPEG, PNG, TIFF, DOCX or plain text)"));
  }
  v1::ListDocumentsResponse listed;
  ASSERT_TRUE(List("cases/CF-D2", &listed).ok());
  EXPECT_THAT(listed.documents(), SizeIs(0));
  EXPECT_THAT(ContentFiles(), SizeIs(0));  // not even a temporary file stays
}

TEST_F(DocumentE2eTest, TheSameBytesAreStoredOnceAndARetriedAttachWritesOnce) {
  const std::string first = CaseWithEntry("CF-D3");
  const std::string second = CaseWithEntry("CF-D4");
  const std::string pdf = PdfWithText("Medical report");
  const v1::Document a = MustAttach(first, "medical.pdf", pdf);
  const v1::Document b = MustAttach(second, "medical (copy).pdf", pdf);
  EXPECT_EQ(a.sha256(), b.sha256());
  EXPECT_NE(a.name(), b.name());
  EXPECT_EQ(ContentFiles(), std::set<std::string>({a.sha256().substr(0, 2) + "/" + a.sha256()}));

  v1::Document once, again;
  ASSERT_TRUE(Attach(first, "school.txt", "School report\n", &once, kInvestigatorToken, "req-7").ok());
  ASSERT_TRUE(Attach(first, "school.txt", "School report\n", &again, kInvestigatorToken, "req-7").ok());
  EXPECT_EQ(again.name(), once.name());
  v1::ListDocumentsResponse listed;
  ASSERT_TRUE(List("cases/CF-D3", &listed).ok());
  EXPECT_THAT(listed.documents(), SizeIs(2));
  v1::Document other;
  grpc::Status reused = Attach(second, "other.txt", "Other\n", &other, kInvestigatorToken, "req-7");
  EXPECT_EQ(reused.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(reused.error_message(), HasSubstr("start.request_id: already used for a different request"));
}

TEST_F(DocumentE2eTest, ContentPastTheLimitIsRefusedAsSoonAsItPassesWithNothingStored) {
  ASSERT_TRUE(StartServer({"--document_max_mb=1"}).ok());
  documents_ = v1::DocumentService::NewStub(server_->channel());
  const std::string entry = CaseWithEntry("CF-D5");
  v1::AttachDocumentStart start;
  start.set_entry(entry);
  start.set_file_name("huge.txt");
  start.set_purpose("referral paperwork");
  int chunks = 0;
  v1::Document document;
  grpc::Status status = client::AttachDocument(
      *documents_, *Context(kInvestigatorToken), start,
      [&](std::string& buffer) {
        buffer = ++chunks <= 256 ? std::string(1 << 20, 'a') : "";  // 256 MiB offered
        return true;
      },
      &document);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(status.error_message(), "content: larger than the limit of 1048576 bytes; nothing was stored");
  EXPECT_LT(chunks, 64) << "the refusal came only after " << chunks << " MiB";
  EXPECT_THAT(ContentFiles(), SizeIs(0));
  EXPECT_TRUE(MustAttach(entry, "small.txt", std::string(1 << 20, 'b')).name().size() > 0);  // exactly the limit
}

TEST_F(DocumentE2eTest, ADocumentOfACaseKeptFromTheCallerDoesNotExistForThem) {
  const std::string entry = CaseWithEntry("CF-R1", /*restricted=*/true);
  const v1::Document document = MustAttach(entry, "minutes.txt", "Strategy discussion minutes\n");
  std::string content;
  ASSERT_TRUE(Get(document.name(), &content, kTeamMateToken).ok());
  for (const char* token : {kSecondInvestigatorToken, kOutOfHoursToken, kAuditorToken}) {
    SCOPED_TRACE(token);
    grpc::Status got = Get(document.name(), &content, token);
    EXPECT_EQ(got.error_code(), grpc::StatusCode::NOT_FOUND);
    EXPECT_EQ(got.error_message(), "cases/CF-R1 not found");
    EXPECT_TRUE(content.empty());
    v1::ListDocumentsResponse listed;
    EXPECT_EQ(List("cases/CF-R1", &listed, token).error_message(), "cases/CF-R1 not found");
  }
  v1::Document refused;
  grpc::Status attach = Attach(entry, "more.txt", "more\n", &refused, kSecondInvestigatorToken);
  EXPECT_EQ(attach.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(attach.error_message(), "cases/CF-R1 not found");
  grpc::Status read_only = Attach(CaseWithEntry("CF-D6"), "x.txt", "x\n", &refused, kOutOfHoursToken);
  EXPECT_EQ(read_only.error_code(), grpc::StatusCode::PERMISSION_DENIED);
}

TEST_F(DocumentE2eTest, EveryReadIsAuditedWithItsPurposeAndNeedsOne) {
  const std::string entry = CaseWithEntry("CF-D7");
  const v1::Document document = MustAttach(entry, "minutes.txt", "Strategy discussion minutes\n");
  std::string content;
  grpc::Status no_purpose = Get(document.name(), &content, kInvestigatorToken, "");
  EXPECT_EQ(no_purpose.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(no_purpose.error_message(), HasSubstr("purpose: is required"));
  ASSERT_TRUE(Get(document.name(), &content, kOutOfHoursToken, "out of hours call from hospital").ok());
  const std::vector<v1::AuditEvent> reads = AuditOf("GetDocument");
  ASSERT_THAT(reads, SizeIs(2));  // the refusal is a record too
  EXPECT_EQ(reads[0].outcome(), "INVALID_ARGUMENT");
  EXPECT_EQ(reads[1].user(), "ooh1");
  EXPECT_EQ(reads[1].outcome(), "OK");
  EXPECT_EQ(reads[1].purpose(), "out of hours call from hospital");
  EXPECT_THAT(reads[1].resources(), ::testing::ElementsAre(document.name()));
  const std::vector<v1::AuditEvent> attaches = AuditOf("AttachDocument");
  ASSERT_THAT(attaches, SizeIs(1));
  EXPECT_THAT(attaches[0].resources(), ::testing::ElementsAre(document.name()));
  EXPECT_EQ(attaches[0].purpose(), "referral paperwork");
}

TEST_F(DocumentE2eTest, TextOfTextDocxAndPdfIsSearchableWithinTheCase) {
  const std::string entry = CaseWithEntry("CF-D8");
  MustAttach(entry, "notes.txt", "Home visit.\nBruising seen on the left arm.\nMother present.\n");
  MustAttach(entry, "minutes.docx", DocxWithText("Strategy discussion agreed a Section 47 enquiry"));
  MustAttach(entry, "referral.pdf", PdfWithText("Referral from the school nurse about Ellie"));
  MustAttach(entry, "scan.png", TinyPng());
  MustAttach(CaseWithEntry("CF-D9"), "other.txt", "Bruising on the left arm of another child\n");
  auto search = [&](const std::string& query) {
    v1::SearchDocumentsRequest request;
    request.set_parent("cases/CF-D8");
    request.set_query(query);
    request.set_purpose(kPurpose);
    v1::SearchDocumentsResponse response;
    grpc::Status status = documents_->SearchDocuments(Context(kInvestigatorToken).get(), request, &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    std::vector<std::string> found;
    for (const v1::DocumentMatch& m : response.matches()) found.push_back(m.document().file_name() + ": " + m.context());
    return found;
  };
  EXPECT_THAT(search("LEFT arm bruising"), ::testing::ElementsAre("notes.txt: Bruising seen on the left arm."));
  EXPECT_THAT(search("section 47"),
              ::testing::ElementsAre("minutes.docx: Strategy discussion agreed a Section 47 enquiry"));
  EXPECT_THAT(search("school nurse"),
              ::testing::ElementsAre("referral.pdf: Referral from the school nurse about Ellie"));
  EXPECT_THAT(search("giraffe"), SizeIs(0));
}

TEST_F(DocumentE2eTest, ErasureRemovesACasesDocumentsButNotBytesAnotherCaseLinks) {
  const std::string erased_entry = CaseWithEntry("CF-E1");
  const std::string kept_entry = CaseWithEntry("CF-E2");
  const std::string shared = PdfWithText("Shared medical report");
  const v1::Document only_erased = MustAttach(erased_entry, "own.txt", "Only in the erased case\n");
  MustAttach(erased_entry, "shared.pdf", shared);
  const v1::Document kept = MustAttach(kept_entry, "shared.pdf", shared);
  ASSERT_THAT(ContentFiles(), SizeIs(2));

  v1::EraseCaseRequest erase;
  erase.set_name("cases/CF-E1");
  erase.set_reason("MoPI review: dispose");
  v1::EraseCaseResponse erased;
  grpc::Status status = admin_->EraseCase(Context(kAdminToken).get(), erase, &erased);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(erased.documents(), 2);
  EXPECT_EQ(ContentFiles(), std::set<std::string>({kept.sha256().substr(0, 2) + "/" + kept.sha256()}));
  std::string content;
  ASSERT_TRUE(Get(kept.name(), &content).ok());
  EXPECT_TRUE(content == shared);
  EXPECT_EQ(Get(only_erased.name(), &content, kAdminToken).error_code(), grpc::StatusCode::NOT_FOUND);

  erase.set_name("cases/CF-E2");
  ASSERT_TRUE(admin_->EraseCase(Context(kAdminToken).get(), erase, &erased).ok());
  EXPECT_THAT(ContentFiles(), SizeIs(0));
}

TEST_F(DocumentE2eTest, ABackupHoldsTheDocumentsItsStoreLinksAndRestoresThem) {
  const std::string entry = CaseWithEntry("CF-B1");
  const std::string pdf = PdfWithText("Child protection conference minutes");
  const v1::Document document = MustAttach(entry, "conference.pdf", pdf);
  const std::string backup_dir = dir_.path() + "/backup";
  v1::BackupRequest request;
  request.set_path(backup_dir);
  v1::BackupResponse response;
  ASSERT_TRUE(admin_->Backup(Context(kAdminToken).get(), request, &response).ok());
  EXPECT_EQ(ContentFiles(backup_dir), std::set<std::string>({document.sha256().substr(0, 2) + "/" + document.sha256()}));

  // Restore as BUILD.md says: data.mdb and documents/ into a new data folder.
  TempDir restored_dir;
  fs::create_directories(restored_dir.path() + "/data");
  fs::copy_file(backup_dir + "/data.mdb", restored_dir.path() + "/data/data.mdb");
  fs::copy(backup_dir + "/documents", restored_dir.path() + "/data/documents", fs::copy_options::recursive);
  auto restored = CasefiledProcess::Start(restored_dir.path());
  ASSERT_TRUE(restored.ok()) << restored.status();
  documents_ = v1::DocumentService::NewStub((*restored)->channel());
  std::string content;
  ASSERT_TRUE(Get(document.name(), &content).ok());
  EXPECT_TRUE(content == pdf);
}

}  // namespace
}  // namespace casefile::testing
