// The declaration and parse layer of the `casefile` CLI (cli/command_line.h),
// on commands declared here as the command files declare theirs.
#include "cli/command_line.h"

#include <cstdlib>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace casefile::cli {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;

int Handle(const Args&, const Connection&) { return 0; }

class CliCommandLineTest : public ::testing::Test {
 protected:
  CliCommandLineTest() {
    CLI::App* c = line_.Add("log", "append an entry", Handle);
    AddWord(c, "CASE", "the case");
    AddValueOption(c, "--text", "TEXT", "the entry's text");
    AddValueOption(c, "--title", "TITLE", "a title");
    AddValueOption(c, "--ref", "REF", "a reference");
    AddValueOption(c, "--reason", "TEXT", "why");
    AddValueOption(c, "--purpose", "WHY", "why you look");
    AddSwitch(c, "--sources", "with the sources");
    c->footer("Notes on log.");
    c = line_.Add("case create", "open a new case", Handle);
    AddValueOption(c, "--title", "TITLE", "what the case is about")->required();
    c = line_.Add("case get", "show a case header", Handle);
    AddWord(c, "CASE", "the case");
    c = line_.Add("persons search", "find persons", Handle);
    AddWords(c, "NAME", "the name");
    AddValueOption(c, "--dob", "dd/mm/yyyy", "born that day");
    c = line_.Add("cases", "list cases", Handle);
    AddValueOption(c, "--page-size", "N", "cases a page");
    AddSwitch(c, "--all", "every page");
    c = line_.Add("attention", "what needs attention", Handle);
    AddValueOption(c, "--list", "LIST", "the lists");
    c = line_.Add("attention watch", "follow new items", Handle);
    AddValueOption(c, "--list", "LIST", "the lists");
  }

  // The line parsed; a failed parse fails the test.
  Args MustParse(const std::vector<std::string>& words, const std::string& command = "log") {
    CommandLine::Parsed parsed = line_.Parse(words);
    EXPECT_TRUE(parsed.status.ok()) << parsed.status;
    EXPECT_FALSE(parsed.help);
    EXPECT_NE(parsed.run, nullptr);
    EXPECT_EQ(CommandLine::Path(parsed.command), command);
    return parsed.args;
  }
  // The usage error of a line that does not parse.
  absl::Status Error(const std::vector<std::string>& words) {
    CommandLine::Parsed parsed = line_.Parse(words);
    EXPECT_EQ(parsed.run, nullptr);
    return parsed.status;
  }

  CommandLine line_;
};

TEST_F(CliCommandLineTest, PositionalWordsOptionsAndSwitches) {
  Args args = MustParse({"log", "CF-000001", "--title", "Ellie WATSON", "--json", "--ref=CR/12/1", "--sources"});
  EXPECT_THAT(args.positional(), ElementsAre("CF-000001"));
  EXPECT_EQ(args.Get("title"), "Ellie WATSON");
  EXPECT_TRUE(args.Has("json"));
  EXPECT_TRUE(args.Has("sources"));
  EXPECT_EQ(args.Get("ref"), "CR/12/1");
  EXPECT_FALSE(args.Has("help"));
  EXPECT_FALSE(args.Has("text"));
  EXPECT_EQ(args.Get("text"), "");
  EXPECT_EQ(args.Get("missing", "fallback"), "fallback");
  // Words around options, in order.
  args = MustParse({"persons", "search", "Ellie", "--dob", "03/04/2008", "WATSON"}, "persons search");
  EXPECT_THAT(args.positional(), ElementsAre("Ellie", "WATSON"));
  EXPECT_EQ(args.Get("dob"), "03/04/2008");
  EXPECT_THAT(MustParse({"persons", "search"}, "persons search").positional(), IsEmpty());
}

TEST_F(CliCommandLineTest, ValuesAreTakenVerbatim) {
  // The word after a valued option is its value, whatever it looks like;
  // '=' splits at the first '='; "--name=" is the empty value.
  Args args = MustParse({"log", "CF-1", "--text", "--- see above", "--reason=a=b", "--purpose="});
  EXPECT_EQ(args.Get("text"), "--- see above");
  EXPECT_EQ(args.Get("reason"), "a=b");
  EXPECT_TRUE(args.Has("purpose"));
  EXPECT_EQ(args.Get("purpose", "x"), "");
  EXPECT_THAT(args.positional(), ElementsAre("CF-1"));

  args = MustParse({"log", "--purpose=", "CF-1", "--text", "--json", "--title", "-x", "--ref", "[a,b]",
                    "--reason", ""});
  EXPECT_EQ(args.Get("purpose", "x"), "");
  EXPECT_THAT(args.positional(), ElementsAre("CF-1"));
  EXPECT_EQ(args.Get("text"), "--json");
  EXPECT_FALSE(args.Has("json"));
  EXPECT_EQ(args.Get("title"), "-x");
  EXPECT_EQ(args.Get("ref"), "[a,b]");
  EXPECT_TRUE(args.Has("reason"));
  EXPECT_EQ(args.Get("reason", "x"), "");
}

TEST_F(CliCommandLineTest, LaterOptionWins) {
  EXPECT_EQ(MustParse({"log", "CF-1", "--title", "one", "--title=two"}).Get("title"), "two");
  EXPECT_EQ(MustParse({"--server", "h:1", "log", "CF-1", "--server=h:2"}).Get("server"), "h:2");
}

TEST_F(CliCommandLineTest, MissingValueIsAnError) {
  CommandLine::Parsed parsed = line_.Parse({"log", "CF-1", "--title"});
  EXPECT_EQ(parsed.status, absl::InvalidArgumentError("--title needs a value"));
  EXPECT_EQ(CommandLine::Path(parsed.command), "log");  // for "see: casefile log --help"
  // A switch needs none.
  EXPECT_TRUE(MustParse({"log", "CF-1", "--json"}).Has("json"));
  EXPECT_TRUE(MustParse({"log", "CF-1", "--sources"}).Has("sources"));
}

TEST_F(CliCommandLineTest, Require) {
  Args args = MustParse({"log", "CF-1", "--title", "t", "--reason="});
  EXPECT_EQ(*args.Require("title"), "t");
  EXPECT_EQ(args.Require("purpose").status(), absl::InvalidArgumentError("--purpose is required"));
  EXPECT_EQ(args.Require("reason").status(), absl::InvalidArgumentError("--reason is required"));
}

TEST_F(CliCommandLineTest, RequiredOptionsAndWordsAreChecked) {
  EXPECT_EQ(Error({"case", "create"}), absl::InvalidArgumentError("--title is required"));
  EXPECT_TRUE(MustParse({"case", "create", "--title", "t"}, "case create").Has("title"));
  EXPECT_EQ(Error({"log", "--text", "t"}), absl::InvalidArgumentError("CASE is required"));
  EXPECT_EQ(Error({"case", "get"}), absl::InvalidArgumentError("CASE is required"));
  // An unknown option or word is named before what is missing.
  EXPECT_EQ(Error({"case", "create", "--bogus", "x"}), absl::InvalidArgumentError("unknown option --bogus"));
  EXPECT_EQ(Error({"log", "-x"}), absl::InvalidArgumentError("unknown option -x"));
}

TEST_F(CliCommandLineTest, UnknownOptionsAndWordsAreRefusedByName) {
  EXPECT_EQ(Error({"log", "CF-1", "--bogus", "x"}), absl::InvalidArgumentError("unknown option --bogus"));
  EXPECT_EQ(Error({"log", "CF-1", "--bogus=x"}), absl::InvalidArgumentError("unknown option --bogus"));
  EXPECT_EQ(Error({"log", "CF-1", "-x"}), absl::InvalidArgumentError("unknown option -x"));
  // An option of another command is unknown here.
  EXPECT_EQ(Error({"cases", "--text", "t"}), absl::InvalidArgumentError("unknown option --text"));
  EXPECT_EQ(Error({"log", "CF-1", "extra"}), absl::InvalidArgumentError("unexpected word 'extra'"));
  EXPECT_EQ(Error({"attention", "soon"}), absl::InvalidArgumentError("unexpected word 'soon'"));
  EXPECT_EQ(Error({"foo", "--json"}), absl::InvalidArgumentError("unknown command 'foo'"));
  EXPECT_EQ(Error({"case", "foo"}), absl::InvalidArgumentError("unknown command 'case foo'"));
  EXPECT_EQ(Error({"case"}), absl::InvalidArgumentError("'casefile case' needs one of its commands"));
  EXPECT_EQ(Error({}), absl::InvalidArgumentError("give a command"));
  EXPECT_EQ(Error({"--json"}), absl::InvalidArgumentError("give a command"));
}

TEST_F(CliCommandLineTest, GlobalOptionsBeforeOrAfterTheCommand) {
  for (const std::vector<std::string>& words :
       {std::vector<std::string>{"--json", "--server", "10.0.0.1:50051", "--token=t0k", "cases", "--all"},
        std::vector<std::string>{"cases", "--all", "--json", "--server", "10.0.0.1:50051", "--token=t0k"},
        std::vector<std::string>{"--server=10.0.0.1:50051", "cases", "--token", "t0k", "--all", "--json"}}) {
    Args args = MustParse(words, "cases");
    EXPECT_TRUE(args.Has("json"));
    EXPECT_TRUE(args.Has("all"));
    EXPECT_EQ(args.Get("server"), "10.0.0.1:50051");
    EXPECT_EQ(args.Get("token"), "t0k");
    EXPECT_THAT(args.positional(), IsEmpty());
  }
  // In groups too, and a value that looks like an option is still the value.
  Args args = MustParse({"--token", "--json", "attention", "watch", "--list", "a,b", "--server", "cases"},
                        "attention watch");
  EXPECT_EQ(args.Get("token"), "--json");
  EXPECT_FALSE(args.Has("json"));
  EXPECT_EQ(args.Get("server"), "cases");
  EXPECT_EQ(args.Get("list"), "a,b");
  // As after a command, a switch may carry "=value".
  EXPECT_TRUE(MustParse({"--json=true", "cases"}, "cases").Has("json"));
  EXPECT_FALSE(MustParse({"cases", "--json=false"}, "cases").Has("json"));
  EXPECT_FALSE(MustParse({"cases", "--all=no"}, "cases").Has("all"));
  EXPECT_THAT(Error({"cases", "--json=xyz"}).message(), HasSubstr("--json"));
}

TEST_F(CliCommandLineTest, CommandOptionsBeforeTheCommandAreRefused) {
  EXPECT_EQ(Error({"--all", "cases"}),
            absl::InvalidArgumentError("--all is an option of 'casefile cases': give it after the command"));
  EXPECT_EQ(Error({"--page-size=5", "cases"}),
            absl::InvalidArgumentError("--page-size is an option of 'casefile cases': give it after the command"));
  EXPECT_EQ(Error({"--json", "--server"}), absl::InvalidArgumentError("--server needs a value"));
  EXPECT_EQ(Error({"-x", "cases"}), absl::InvalidArgumentError("unknown option -x"));
}

TEST_F(CliCommandLineTest, ThenParsedWithTheCommandsOwnWords) {
  // A trailing option of the command needs its own value: it does not take a
  // global option's.
  Args args = MustParse({"--json", "--server", "h:1", "log", "CF-1", "--ref", "R/1"});
  EXPECT_TRUE(args.Has("json"));
  EXPECT_EQ(args.Get("server"), "h:1");
  EXPECT_EQ(args.Get("ref"), "R/1");
  EXPECT_THAT(args.positional(), ElementsAre("CF-1"));
  EXPECT_EQ(Error({"--json", "log", "CF-1", "--ref"}), absl::InvalidArgumentError("--ref needs a value"));
  // Words that name commands are words once the command is chosen.
  EXPECT_THAT(MustParse({"log", "cases"}).positional(), ElementsAre("cases"));
  EXPECT_THAT(MustParse({"persons", "search", "attention", "search"}, "persons search").positional(),
              ElementsAre("attention", "search"));
  // After "--", every word is a word.
  EXPECT_THAT(MustParse({"log", "--", "--text"}).positional(), ElementsAre("--text"));
}

TEST_F(CliCommandLineTest, GlobalOptionsFallBackToTheEnvironment) {
  ::setenv("CASEFILE_SERVER", "env-host:1", 1);
  ::setenv("CASEFILE_TOKEN", "", 1);  // empty: as if unset
  Args args = MustParse({"cases"}, "cases");
  EXPECT_TRUE(args.Has("server"));
  EXPECT_EQ(args.Get("server", kDefaultServer), "env-host:1");
  EXPECT_FALSE(args.Has("token"));
  EXPECT_EQ(MustParse({"cases", "--server", "flag-host:2"}, "cases").Get("server"), "flag-host:2");
  ::unsetenv("CASEFILE_SERVER");
  ::unsetenv("CASEFILE_TOKEN");
  EXPECT_EQ(MustParse({"cases"}, "cases").Get("server", kDefaultServer), kDefaultServer);
}

TEST_F(CliCommandLineTest, HelpComesFromTheDeclarations) {
  for (const std::vector<std::string>& words : {std::vector<std::string>{"log", "--help"},
                                                std::vector<std::string>{"--help", "log", "CF-1"},
                                                std::vector<std::string>{"log", "-h", "--bogus"}}) {
    CommandLine::Parsed parsed = line_.Parse(words);
    EXPECT_TRUE(parsed.help);
    EXPECT_EQ(CommandLine::Path(parsed.command), "log");
  }
  const std::string log = line_.Help(line_.Parse({"log", "--help"}).command);
  EXPECT_THAT(log, HasSubstr("append an entry\n\nUsage: casefile log [OPTIONS] CASE\n"));
  EXPECT_THAT(log, HasSubstr("  --text TEXT"));
  EXPECT_THAT(log, HasSubstr("the entry's text\n"));
  EXPECT_THAT(log, HasSubstr("Notes on log.\n"));
  EXPECT_THAT(log, HasSubstr("Global options, before or after the command:\n"));
  EXPECT_THAT(log, HasSubstr("(Env:CASEFILE_SERVER)"));
  EXPECT_THAT(log, Not(HasSubstr("case create")));

  CommandLine::Parsed overview = line_.Parse({"--help"});
  EXPECT_TRUE(overview.help);
  EXPECT_EQ(overview.command, nullptr);
  const std::string all = line_.Help(nullptr);
  EXPECT_THAT(all, HasSubstr("Usage: casefile [OPTIONS] [COMMAND]\n"));
  EXPECT_THAT(all, HasSubstr("  case create"));
  EXPECT_THAT(all, HasSubstr("  attention watch"));
  EXPECT_THAT(all, HasSubstr("open a new case\n"));
  EXPECT_THAT(all, Not(HasSubstr("  help")));
  EXPECT_TRUE(line_.Parse({"help"}).help);
  EXPECT_THAT(line_.Help(line_.Parse({"case", "--help"}).command), HasSubstr("  create"));
}

}  // namespace
}  // namespace casefile::cli
