// A document file placed before a crash whose commit never came is named by
// no record: casefiled removes it at its next start — it and an upload's
// temporary file, and nothing else: a linked file, a symbolic link and a file
// of another name stay.
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

std::set<std::string> FilesUnder(const std::string& root) {
  std::set<std::string> files;
  for (const auto& file : fs::recursive_directory_iterator(root))
    if (!file.is_directory()) files.insert(fs::relative(file.path(), root).string());
  return files;
}

class DocumentOrphansE2eTest : public CasefiledTest {};

TEST_F(DocumentOrphansE2eTest, StartRemovesExactlyTheFilesNoRecordNames) {
  const v1::Case c = CreateCase(NewCase("Concern for a child", "CF-O1"));
  v1::Entry note;
  note.set_kind(v1::ENTRY_KIND_NOTE);
  note.set_text("Referral received");
  Append(c.name(), note);
  const std::string linked_text = "Strategy discussion minutes\n";
  v1::AttachDocumentStart start;
  start.set_entry("cases/CF-O1/entries/1");
  start.set_file_name("minutes.txt");
  start.set_purpose("referral paperwork");
  bool sent = false;
  v1::Document linked;
  auto stub = v1::DocumentService::NewStub(server_->channel());
  ASSERT_TRUE(client::AttachDocument(
                  *stub, *Context(kInvestigatorToken), start,
                  [&](std::string& buffer) {
                    buffer = sent ? "" : linked_text;
                    sent = true;
                    return true;
                  },
                  &linked)
                  .ok());
  server_->Terminate();

  // What a crash between placing a file and its commit leaves, and what must stay.
  const std::string documents = dir_.path() + "/data/documents";
  const std::string orphan = Sha256Hex("Referral form scanned, never committed\n");
  const std::string linked_path = absl::StrCat(linked.sha256().substr(0, 2), "/", linked.sha256());
  fs::create_directories(absl::StrCat(documents, "/", orphan.substr(0, 2)));
  std::ofstream(absl::StrCat(documents, "/", orphan.substr(0, 2), "/", orphan)) << "Referral form scanned, never committed\n";
  std::ofstream(documents + "/incoming/5f3a9c0d11e2b7a4") << "half an upload";
  const std::string outside = dir_.path() + "/outside.txt";
  std::ofstream(outside) << "not casefile's";
  const std::string other = Sha256Hex("a link");
  fs::create_directories(absl::StrCat(documents, "/", other.substr(0, 2)));
  fs::create_symlink(outside, absl::StrCat(documents, "/", other.substr(0, 2), "/", other));
  std::ofstream(absl::StrCat(documents, "/", linked.sha256().substr(0, 2), "/README")) << "an operator's note";
  const std::set<std::string> before = FilesUnder(documents);
  ASSERT_EQ(before.size(), 5u);

  ASSERT_TRUE(StartServer().ok());
  std::set<std::string> expected = before;
  expected.erase(absl::StrCat(orphan.substr(0, 2), "/", orphan));
  expected.erase("incoming/5f3a9c0d11e2b7a4");
  EXPECT_EQ(FilesUnder(documents), expected);
  EXPECT_TRUE(expected.count(linked_path));
  EXPECT_TRUE(fs::exists(outside));

  // The linked document still reads back whole.
  v1::GetDocumentRequest request;
  request.set_name(linked.name());
  request.set_purpose("checking after a restart");
  std::string content;
  stub = v1::DocumentService::NewStub(server_->channel());
  ASSERT_TRUE(client::GetDocument(
                  *stub, *Context(kInvestigatorToken), request, [](const v1::Document&) {},
                  [&](absl::string_view chunk) {
                    content.append(chunk.data(), chunk.size());
                    return true;
                  })
                  .ok());
  EXPECT_EQ(content, linked_text);
}

}  // namespace
}  // namespace casefile::testing
