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

}  // namespace
}  // namespace casefile::cli
