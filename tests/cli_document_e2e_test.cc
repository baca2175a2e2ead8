// The document commands of `casefile` against the real casefiled: attach a
// file to an entry, list, search and get it back whole; a refused type is
// reported with casefiled's words and exit 1; the printed case file lists
// each entry's documents with their SHA-256.
#include <sys/wait.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/support/casefiled_fixture.h"
#include "tests/support/document_samples.h"

namespace casefile::testing {
namespace {

using ::testing::HasSubstr;

struct CliRun {
  int exit_code = 0;
  std::string out;
};

class CliDocumentE2eTest : public CasefiledTest {
 protected:
  // `casefile ARGS` as the investigator; stderr joins stdout.
  CliRun Cli(const std::string& args) {
    const std::string command = absl::StrCat(CASEFILE_CLI_PATH, " ", args, " --server ", server_->address(),
                                             " --token ", kInvestigatorToken, " 2>&1");
    FILE* pipe = popen(command.c_str(), "r");
    CliRun run;
    char buffer[4096];
    for (size_t n; (n = fread(buffer, 1, sizeof(buffer), pipe)) > 0;) run.out.append(buffer, n);
    run.exit_code = WEXITSTATUS(pclose(pipe));
    return run;
  }

  std::string Write(const std::string& name, const std::string& content) {
    const std::string path = dir_.path() + "/" + name;
    std::ofstream(path, std::ios::binary) << content;
    return path;
  }
};

TEST_F(CliDocumentE2eTest, AttachListSearchGetAndPrint) {
  const v1::Case c = CreateCase(NewCase("Concern for a child", "CF-C1"));
  v1::Entry note;
  note.set_kind(v1::ENTRY_KIND_NOTE);
  note.set_text("Referral received");
  Append(c.name(), note);
  const std::string pdf = PdfWithText("School nurse referral about bruising");

  CliRun attached = Cli(absl::StrCat("attach CF-C1/entries/1 '", Write("referral.pdf", pdf), "' --purpose 'paperwork'"));
  EXPECT_EQ(attached.exit_code, 0) << attached.out;
  EXPECT_EQ(attached.out, absl::StrCat("cases/CF-C1/entries/1/documents/1  referral.pdf  PDF  ", pdf.size(),
                                       " bytes  sha256 ", Sha256Hex(pdf), "\n"));

  CliRun refused = Cli(absl::StrCat("attach CF-C1/entries/1 '", Write("page.pdf", HtmlWithScript()), "' --purpose 'paperwork'"));
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_THAT(refused.out, HasSubstr("content: HTML is not a document type casefile keeps"));

  CliRun listed = Cli("document list CF-C1 --purpose 'strategy meeting'");
  EXPECT_EQ(listed.out, attached.out);
  CliRun found = Cli("document search CF-C1 BRUISING nurse --purpose 'strategy meeting'");
  EXPECT_THAT(found.out, HasSubstr("    School nurse referral about bruising\n"));

  const std::string copy = dir_.path() + "/copy.pdf";
  CliRun got = Cli(absl::StrCat("document get CF-C1/entries/1/documents/1 --purpose 'strategy meeting' -o '", copy, "'"));
  EXPECT_EQ(got.exit_code, 0) << got.out;
  std::ifstream in(copy, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  EXPECT_TRUE(bytes.str() == pdf);

  CliRun printed = Cli("show CF-C1 --purpose 'printing the file' --format html");
  EXPECT_THAT(printed.out, HasSubstr(absl::StrCat("referral.pdf · PDF · ", pdf.size(), " bytes · <span class=\"sha\">SHA-256 ",
                                                  Sha256Hex(pdf), "</span>")));
}

}  // namespace
}  // namespace casefile::testing
