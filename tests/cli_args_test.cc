#include "cli/args.h"

#include <set>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace casefile::cli {
namespace {

using ::testing::ElementsAre;

const std::set<std::string> kSwitches = {"json", "help"};

Args MustParse(const std::vector<std::string>& words) {
  auto args = Args::Parse(words, kSwitches);
  EXPECT_TRUE(args.ok()) << args.status();
  return args.ok() ? *std::move(args) : Args();
}

TEST(ArgsTest, PositionalOptionsAndSwitches) {
  Args args = MustParse({"CF-000001", "--title", "Ellie WATSON", "--json", "extra",
                         "--ref=CR/12/1", "-x"});
  EXPECT_THAT(args.positional(), ElementsAre("CF-000001", "extra", "-x"));
  EXPECT_EQ(args.Get("title"), "Ellie WATSON");
  EXPECT_TRUE(args.Has("json"));
  EXPECT_EQ(args.Get("json"), "true");
  EXPECT_EQ(args.Get("ref"), "CR/12/1");
  EXPECT_FALSE(args.Has("help"));
  EXPECT_EQ(args.Get("help"), "");
  EXPECT_EQ(args.Get("missing", "fallback"), "fallback");
}

TEST(ArgsTest, ValuesAreTakenVerbatim) {
  // The word after a valued option is its value, whatever it looks like;
  // '=' splits at the first '='.
  Args args = MustParse({"--text", "--- see above", "--reason=a=b", "--purpose="});
  EXPECT_EQ(args.Get("text"), "--- see above");
  EXPECT_EQ(args.Get("reason"), "a=b");
  EXPECT_TRUE(args.Has("purpose"));
  EXPECT_EQ(args.Get("purpose", "x"), "");
  EXPECT_THAT(args.positional(), ElementsAre());
}

TEST(ArgsTest, LaterOptionWins) {
  Args args = MustParse({"--title", "one", "--title=two"});
  EXPECT_EQ(args.Get("title"), "two");
}

TEST(ArgsTest, MissingValueIsAnError) {
  EXPECT_EQ(Args::Parse({"CF-1", "--title"}, kSwitches).status(),
            absl::InvalidArgumentError("--title needs a value"));
  // A switch needs none.
  EXPECT_TRUE(Args::Parse({"CF-1", "--json"}, kSwitches).ok());
}

TEST(ArgsTest, Require) {
  Args args = MustParse({"--title", "t", "--reason="});
  EXPECT_EQ(*args.Require("title"), "t");
  EXPECT_EQ(args.Require("purpose").status(),
            absl::InvalidArgumentError("--purpose is required"));
  EXPECT_EQ(args.Require("reason").status(), absl::InvalidArgumentError("--reason is required"));
}

TEST(ArgsTest, CheckKnown) {
  Args args = MustParse({"--title", "t", "--json"});
  EXPECT_TRUE(args.CheckKnown({"title", "json", "ref"}).ok());
  EXPECT_EQ(args.CheckKnown({"json"}), absl::InvalidArgumentError("unknown option --title"));
  EXPECT_TRUE(MustParse({"a", "b"}).CheckKnown({}).ok());
}

CommandLine MustSplit(const std::vector<std::string>& words) {
  auto line = SplitGlobalOptions(words);
  EXPECT_TRUE(line.ok()) << line.status();
  return line.ok() ? *std::move(line) : CommandLine();
}

TEST(SplitGlobalOptions, GlobalOptionsBeforeTheCommandAreTakenOff) {
  CommandLine line = MustSplit({"--json", "cases", "--all"});
  EXPECT_THAT(line.global, ElementsAre("--json"));
  EXPECT_THAT(line.rest, ElementsAre("cases", "--all"));

  line = MustSplit({"--server", "10.0.0.1:50051", "--token=t0k", "-h", "--help", "persons", "list", "--json"});
  EXPECT_THAT(line.global, ElementsAre("--server", "10.0.0.1:50051", "--token=t0k", "--help", "--help"));
  EXPECT_THAT(line.rest, ElementsAre("persons", "list", "--json"));

  // A value that looks like an option or a command is still the value.
  // As after a command, a switch may carry "=value".
  line = MustSplit({"--json=true", "cases"});
  EXPECT_THAT(line.global, ElementsAre("--json=true"));
  EXPECT_THAT(line.rest, ElementsAre("cases"));

  line = MustSplit({"--token", "--json", "--server", "cases", "log", "CF-1"});
  EXPECT_THAT(line.global, ElementsAre("--token", "--json", "--server", "cases"));
  EXPECT_THAT(line.rest, ElementsAre("log", "CF-1"));
}

TEST(SplitGlobalOptions, NothingToTakeOff) {
  CommandLine line = MustSplit({"log", "CF-1", "--json", "--text", "--server"});
  EXPECT_THAT(line.global, ElementsAre());
  EXPECT_THAT(line.rest, ElementsAre("log", "CF-1", "--json", "--text", "--server"));
  line = MustSplit({});
  EXPECT_THAT(line.global, ElementsAre());
  EXPECT_THAT(line.rest, ElementsAre());
  line = MustSplit({"--json"});
  EXPECT_THAT(line.global, ElementsAre("--json"));
  EXPECT_THAT(line.rest, ElementsAre());
}

TEST(SplitGlobalOptions, CommandOptionsBeforeTheCommandAreRefused) {
  EXPECT_EQ(SplitGlobalOptions({"--all", "cases"}).status(),
            absl::InvalidArgumentError("--all is not a global option (--json, --server, --token, --ca, --cert, --key, --help); "
                                       "command options go after the command"));
  EXPECT_EQ(SplitGlobalOptions({"--page-size=5", "cases"}).status(),
            absl::InvalidArgumentError("--page-size is not a global option (--json, --server, --token, --ca, --cert, --key, --help); "
                                       "command options go after the command"));
  EXPECT_EQ(SplitGlobalOptions({"--json", "--server"}).status(),
            absl::InvalidArgumentError("--server needs a value"));
  EXPECT_EQ(SplitGlobalOptions({"-x", "cases"}).status(),
            absl::InvalidArgumentError("'-x' is not an option; give a command"));
  EXPECT_EQ(SplitGlobalOptions({"--", "cases"}).status(),
            absl::InvalidArgumentError("'--' is not an option; give a command"));
}

TEST(SplitGlobalOptions, ThenParsedWithTheCommandsOwnWords) {
  // What casefile_main does: the leading global options first, then the
  // words after the command, so a trailing option still needs its own value.
  CommandLine line = MustSplit({"--json", "--server", "h:1", "cases", "--ref", "R/1"});
  std::vector<std::string> words = line.global;
  words.insert(words.end(), line.rest.begin() + 1, line.rest.end());
  Args args = MustParse(words);
  EXPECT_TRUE(args.Has("json"));
  EXPECT_EQ(args.Get("server"), "h:1");
  EXPECT_EQ(args.Get("ref"), "R/1");
  EXPECT_THAT(args.positional(), ElementsAre());

  line = MustSplit({"--json", "cases", "--ref"});
  words = line.global;
  words.insert(words.end(), line.rest.begin() + 1, line.rest.end());
  EXPECT_EQ(Args::Parse(words, kSwitches).status(), absl::InvalidArgumentError("--ref needs a value"));
}

}  // namespace
}  // namespace casefile::cli
