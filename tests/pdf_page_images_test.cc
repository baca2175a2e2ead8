// DrawPdfPages with the real pdftoppm: the first pages drawn, no more than
// the cap (and whether there were more), the long side as asked; a file that
// is no PDF, a program that cannot be run and one that never ends each give
// their error; and the scratch folder goes with everything in it.
#include "client/pdf_page_images.h"

#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "client/scratch_folder.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/support/document_samples.h"

namespace casefile::client {
namespace {

using testing::PdfWithBlankPages;

namespace fs = std::filesystem;

std::string Read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

class PdfPageImagesTest : public ::testing::Test {
 protected:
  PdfPageImagesTest() : scratch_(*ScratchFolder::Make("pdf-pages-test-")) {}
  std::string Write(const std::string& name, const std::string& content) {
    const std::string path = scratch_.path() + "/" + name;
    std::ofstream(path, std::ios::binary) << content;
    return path;
  }
  ScratchFolder scratch_;
};

TEST_F(PdfPageImagesTest, DrawsTheFirstPagesUpToTheCapAndSaysThereAreMore) {
  const std::string pdf = Write("three.pdf", PdfWithBlankPages(3));
  PdfPageImageOptions options;
  options.max_pages = 2;
  options.long_side_pixels = 600;
  absl::StatusOr<PdfPageImages> pages = DrawPdfPages(pdf, scratch_.path(), options);
  ASSERT_TRUE(pages.ok()) << pages.status();
  ASSERT_EQ(pages->paths.size(), 2u);
  EXPECT_TRUE(pages->more_pages);
  EXPECT_EQ(fs::path(pages->paths[0]).filename(), "page-1.png");
  EXPECT_EQ(fs::path(pages->paths[1]).filename(), "page-2.png");
  const std::string png = Read(pages->paths[0]);
  ASSERT_GT(png.size(), 24u);
  EXPECT_EQ(png.substr(0, 8), "\x89PNG\r\n\x1a\n");
  EXPECT_EQ(absl::BytesToHexString(png.substr(16, 8)), "000001a800000258");  // 424 x 600: A4's proportions

  options.max_pages = 3;
  scratch_.Empty();
  const std::string again = Write("three.pdf", PdfWithBlankPages(3));
  pages = DrawPdfPages(again, scratch_.path(), options);
  ASSERT_TRUE(pages.ok()) << pages.status();
  EXPECT_EQ(pages->paths.size(), 3u);
  EXPECT_FALSE(pages->more_pages);
}

TEST_F(PdfPageImagesTest, WhatCannotBeDrawnSaysWhy) {
  absl::StatusOr<PdfPageImages> garbage = DrawPdfPages(Write("not.pdf", "%PDF-1.4\nnothing here\n"), scratch_.path());
  EXPECT_EQ(garbage.status(), absl::InternalError("pdftoppm could not draw it"));

  PdfPageImageOptions missing;
  missing.pdftoppm = scratch_.path() + "/no-such-program";
  EXPECT_EQ(DrawPdfPages(Write("one.pdf", PdfWithBlankPages(1)), scratch_.path(), missing).status(),
            absl::InternalError(absl::StrCat("cannot run ", missing.pdftoppm)));

  // A program that never ends is stopped at the time limit.
  PdfPageImageOptions stuck;
  stuck.pdftoppm = Write("stuck", "#!/bin/sh\nexec tail -f /dev/null\n");
  ASSERT_EQ(::chmod(stuck.pdftoppm.c_str(), 0700), 0);
  stuck.timeout = absl::Milliseconds(200);
  EXPECT_EQ(DrawPdfPages(Write("one.pdf", PdfWithBlankPages(1)), scratch_.path(), stuck).status(),
            absl::DeadlineExceededError("pdftoppm took longer than 200ms"));
}

TEST(ScratchFolderTest, IsPrivateAndGoesWithEverythingInIt) {
  std::string path;
  {
    absl::StatusOr<ScratchFolder> folder = ScratchFolder::Make("scratch-test-");
    ASSERT_TRUE(folder.ok()) << folder.status();
    path = folder->path();
    EXPECT_EQ(fs::status(path).permissions() & fs::perms::all, fs::perms::owner_all);
    std::ofstream(path + "/document.pdf") << "%PDF-";
    std::ofstream(path + "/page-1.png") << "png";
    folder->Empty();
    EXPECT_TRUE(fs::is_empty(path));
    std::ofstream(path + "/page-2.png") << "png";
    ScratchFolder moved = std::move(*folder);
    EXPECT_EQ(moved.path(), path);
  }
  EXPECT_FALSE(fs::exists(path));
}

}  // namespace
}  // namespace casefile::client
