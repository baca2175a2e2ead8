// client::ListFolder and client::UploadFolder against an in-process fake
// ImportService that records every chunk: what is sent, in what order and
// under what path, and what is skipped and why.
#include "client/folder_upload.h"

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <grpcpp/grpcpp.h>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/scratch_dir.h"

namespace casefile::client {
namespace {

namespace fs = std::filesystem;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::Pair;

// Records the upload: the options must come first, then each file's chunks
// in order, each file ending with exactly one `last` chunk.
class FakeImportService final : public v1::ImportService::Service {
 public:
  grpc::Status ImportFolder(
      grpc::ServerContext*,
      grpc::ServerReaderWriter<v1::ImportFolderResponse, v1::ImportFolderRequest>* stream) override {
    std::lock_guard<std::mutex> lock(mu_);
    v1::ImportFolderRequest request;
    if (!stream->Read(&request) || !request.has_options())
      return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, "options first");
    label_ = request.options().label();
    std::string open_path;
    while (stream->Read(&request)) {
      if (!request.has_chunk()) return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, "options twice");
      const v1::FileChunk& chunk = request.chunk();
      if (!open_path.empty() && chunk.path() != open_path)
        return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, "interleaved " + chunk.path());
      if (open_path.empty() && files_.contains(chunk.path()))
        return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, "sent twice " + chunk.path());
      files_[chunk.path()] += chunk.data();
      chunks_[chunk.path()]++;
      open_path = chunk.last() ? "" : chunk.path();
      if (chunk.last()) order_.push_back(chunk.path());
    }
    if (!open_path.empty()) return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, "unfinished " + open_path);
    v1::ImportFolderResponse response;
    response.mutable_import()->set_name("imports/imp-000001");
    response.mutable_import()->mutable_counts()->set_files(static_cast<int64_t>(order_.size()));
    stream->Write(response);
    return grpc::Status::OK;
  }

  std::mutex mu_;
  std::string label_;
  std::map<std::string, std::string> files_;  // path → bytes received
  std::map<std::string, int> chunks_;
  std::vector<std::string> order_;            // paths, as finished
};

class FolderUploadTest : public ::testing::Test {
 protected:
  void SetUp() override {
    grpc::ServerBuilder builder;
    int port = 0;
    builder.AddListeningPort("127.0.0.1:0", grpc::InsecureServerCredentials(), &port);
    builder.RegisterService(&service_);
    server_ = builder.BuildAndStart();
    ASSERT_NE(server_, nullptr);
    ASSERT_GT(port, 0);
    stub_ = v1::ImportService::NewStub(
        grpc::CreateChannel("127.0.0.1:" + std::to_string(port), grpc::InsecureChannelCredentials()));
    root_ = folder_.path();
  }
  void TearDown() override {
    if (server_) server_->Shutdown();
  }

  void Write(const std::string& rel, const std::string& bytes) {
    fs::create_directories((root_ / rel).parent_path());
    std::ofstream(root_ / rel, std::ios::binary) << bytes;
  }

  UploadResult Upload(const FolderListing& listing) {
    grpc::ClientContext context;
    v1::ImportOptions options;
    options.set_label("walk");
    return UploadFolder(*stub_, &context, listing, options);
  }

  FakeImportService service_;
  std::unique_ptr<grpc::Server> server_;
  std::unique_ptr<v1::ImportService::Stub> stub_;
  ScratchDir folder_;
  fs::path root_;
};

TEST_F(FolderUploadTest, SendsRegularFilesOnlyAndListsEverythingElse) {
  const std::string big(2 << 20, 'x');  // exactly two chunks of 1 MiB
  Write("a.csv", "alpha");
  Write("sub/b.txt", "beta");
  Write("big.bin", big);
  Write("empty.txt", "");
  Write("new\nline.csv", "gamma");
  Write("esc\x1b[31m.csv", "delta");
  Write("back\\slash.csv", "epsilon");
  Write("latin\xe9.csv", "zeta");
  Write("vanish.csv", "eta");
  Write("swapped.csv", "theta");
  fs::create_symlink("/etc/passwd", root_ / "passwd");
  fs::create_symlink("sub/b.txt", root_ / "inside_link.txt");
  fs::create_directory_symlink("sub", root_ / "linked_dir");
  fs::create_directory_symlink("/etc", root_ / "sub" / "outside_dir");
  fs::create_symlink("missing", root_ / "dangling");
  ASSERT_EQ(::mkfifo((root_ / "sub" / "pipe").c_str(), 0600), 0);

  // The folder named in a roundabout way: paths are the same.
  auto listing = ListFolder(root_.string() + "/.//");
  ASSERT_TRUE(listing.ok()) << listing.status();
  EXPECT_THAT(listing->paths, ElementsAre("a.csv", "big.bin", "empty.txt", "esc\x1b[31m.csv", "new\nline.csv",
                                          "sub/b.txt", "swapped.csv", "vanish.csv"));
  EXPECT_EQ(listing->bytes, 5u + big.size() + 0 + 5 + 5 + 4 + 5 + 3);
  EXPECT_THAT(listing->skipped,
              ElementsAre(SkippedPath{"back\\slash.csv", "its name holds a backslash, which an import path may not"},
                          SkippedPath{"dangling", "symbolic link (to missing), not followed"},
                          SkippedPath{"inside_link.txt", "symbolic link (to sub/b.txt), not followed"},
                          SkippedPath{"latin\xe9.csv", "its name is not UTF-8, which an import path must be"},
                          SkippedPath{"linked_dir", "symbolic link (to sub), not followed"},
                          SkippedPath{"passwd", "symbolic link (to /etc/passwd), not followed"},
                          SkippedPath{"sub/outside_dir", "symbolic link (to /etc), not followed"},
                          SkippedPath{"sub/pipe", "not a regular file (a FIFO)"}));

  // Between listing and upload one file goes and another becomes a link:
  // both are skipped, the rest still goes.
  fs::remove(root_ / "vanish.csv");
  fs::remove(root_ / "swapped.csv");
  fs::create_symlink("/etc/passwd", root_ / "swapped.csv");
  UploadResult result = Upload(*listing);
  ASSERT_TRUE(result.status.ok()) << result.status.error_message();
  EXPECT_EQ(result.local_error, "");
  EXPECT_EQ(result.report.counts().files(), 6);
  EXPECT_EQ(service_.label_, "walk");
  EXPECT_THAT(service_.order_, ElementsAre("a.csv", "big.bin", "empty.txt", "esc\x1b[31m.csv", "new\nline.csv",
                                           "sub/b.txt"));
  EXPECT_THAT(service_.files_, ElementsAre(Pair("a.csv", "alpha"), Pair("big.bin", big), Pair("empty.txt", ""),
                                           Pair("esc\x1b[31m.csv", "delta"), Pair("new\nline.csv", "gamma"),
                                           Pair("sub/b.txt", "beta")));
  // 1 MiB, 1 MiB, then an empty last chunk; an empty file is one empty chunk.
  EXPECT_EQ(service_.chunks_["big.bin"], 3);
  EXPECT_EQ(service_.chunks_["empty.txt"], 1);
  std::vector<SkippedPath> skipped = listing->skipped;
  skipped.push_back({"swapped.csv", "became a symbolic link after it was listed, not followed"});
  skipped.push_back({"vanish.csv", "cannot read: No such file or directory"});
  EXPECT_EQ(result.skipped, skipped);
}

TEST_F(FolderUploadTest, IncludeDecidesWhatIsSentOrListed) {
  Write("a.csv", "alpha");
  Write("truth.json", "{}");
  fs::create_symlink("/etc/passwd", root_ / "passwd");
  fs::create_symlink("/etc/passwd", root_ / "kept_link");
  auto listing = ListFolder(root_.string(), [](const std::string& path) {
    return path != "truth.json" && path != "passwd";
  });
  ASSERT_TRUE(listing.ok()) << listing.status();
  EXPECT_THAT(listing->paths, ElementsAre("a.csv"));
  EXPECT_THAT(listing->skipped, ElementsAre(SkippedPath{"kept_link", "symbolic link (to /etc/passwd), not followed"}));
}

TEST_F(FolderUploadTest, AFolderWithNothingToSend) {
  fs::create_symlink("/etc", root_ / "etc");
  auto listing = ListFolder(root_.string());
  ASSERT_TRUE(listing.ok()) << listing.status();
  EXPECT_THAT(listing->paths, IsEmpty());
  UploadResult result = Upload(*listing);
  ASSERT_TRUE(result.status.ok()) << result.status.error_message();
  EXPECT_EQ(result.report.counts().files(), 0);
  EXPECT_THAT(result.skipped, ElementsAre(SkippedPath{"etc", "symbolic link (to /etc), not followed"}));
}

TEST_F(FolderUploadTest, NotAFolder) {
  Write("a.csv", "alpha");
  EXPECT_EQ(ListFolder((root_ / "a.csv").string()).status(),
            absl::NotFoundError("'" + (root_ / "a.csv").string() + "' is not a folder"));
  EXPECT_EQ(ListFolder((root_ / "none").string()).status().code(), absl::StatusCode::kNotFound);
}

}  // namespace
}  // namespace casefile::client
