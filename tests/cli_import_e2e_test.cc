// End-to-end test of `casefile import` against the real casefiled: what the
// folder walker skips is listed on stderr, and names with control characters
// are uploaded as they are but printed escaped.
#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/support/casefiled_fixture.h"

namespace casefile::testing {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class CliImportE2eTest : public CasefiledTest {};

TEST_F(CliImportE2eTest, SkipsLinksAndEscapesNames) {
  const std::string folder = dir_.path() + "/legacy";
  fs::create_directories(folder + "/logs");
  std::ofstream(folder + "/logs/notes\x1b[31m\n.txt") << "hello\n";
  fs::create_symlink("/etc/passwd", folder + "/passwd");
  fs::create_directory_symlink("/etc", folder + "/logs/etc");

  const std::string err_path = dir_.path() + "/stderr.txt";
  const std::string command = absl::StrCat(CASEFILE_CLI_PATH, " import '", folder, "' --server ", server_->address(),
                                           " --token ", kOperatorToken, " 2>'", err_path, "'");
  FILE* pipe = popen(command.c_str(), "r");
  std::string out;
  char buffer[4096];
  for (size_t n; (n = fread(buffer, 1, sizeof(buffer), pipe)) > 0;) out.append(buffer, n);
  EXPECT_EQ(WEXITSTATUS(pclose(pipe)), 0);
  const std::string err = ReadFile(err_path);

  EXPECT_THAT(err, HasSubstr("skipped: logs/etc: symbolic link (to /etc), not followed\n"
                             "skipped: passwd: symbolic link (to /etc/passwd), not followed\n"));
  EXPECT_THAT(err, HasSubstr("2 entries of the folder not uploaded: see the 'skipped:' lines above\n"));
  // The file with a newline and an escape sequence in its name was uploaded
  // (and is reported unrecognised), shown escaped.
  EXPECT_THAT(out, HasSubstr("  files              1 (1 not recognised)\n"));
  EXPECT_THAT(out, HasSubstr("logs/notes\\x1b[31m\\n.txt"));
  EXPECT_EQ(out.find('\x1b'), std::string::npos) << out;
  EXPECT_EQ(err.find('\x1b'), std::string::npos) << err;
}

// `casefile imports list`: each import on a line with its counts, newest first.
TEST_F(CliImportE2eTest, ListsImportsNewestFirst) {
  const std::string folder = dir_.path() + "/legacy";
  fs::create_directories(folder);
  std::ofstream(folder + "/notes.txt") << "hello\n";
  for (const char* label : {"first", "second"}) {
    const std::string import = absl::StrCat(CASEFILE_CLI_PATH, " import '", folder, "' --label ", label, " --server ",
                                            server_->address(), " --token ", kOperatorToken, " >/dev/null 2>&1");
    ASSERT_EQ(WEXITSTATUS(std::system(import.c_str())), 0);
  }
  const std::string command = absl::StrCat(CASEFILE_CLI_PATH, " imports list --server ", server_->address(),
                                           " --token ", kOperatorToken);
  FILE* pipe = popen(command.c_str(), "r");
  std::string out;
  char buffer[4096];
  for (size_t n; (n = fread(buffer, 1, sizeof(buffer), pipe)) > 0;) out.append(buffer, n);
  EXPECT_EQ(WEXITSTATUS(pclose(pipe)), 0);
  EXPECT_EQ(out,
            "imports/imp-000002  second  by op1  0 records read, 0 new entries, 0 sent to review, 0 rejected\n"
            "imports/imp-000001  first  by op1  0 records read, 0 new entries, 0 sent to review, 0 rejected\n");
}

}  // namespace
}  // namespace casefile::testing
