#include "cli/args.h"

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"

namespace casefile::cli {

absl::StatusOr<Args> Args::Parse(const std::vector<std::string>& words,
                                 const std::set<std::string>& switches) {
  Args args;
  for (size_t i = 0; i < words.size(); ++i) {
    absl::string_view word = words[i];
    if (!absl::StartsWith(word, "--") || word == "--") {
      args.positional_.push_back(words[i]);
      continue;
    }
    word.remove_prefix(2);
    if (size_t eq = word.find('='); eq != absl::string_view::npos) {
      args.options_[std::string(word.substr(0, eq))] = std::string(word.substr(eq + 1));
    } else if (switches.contains(std::string(word))) {
      args.options_[std::string(word)] = "true";
    } else if (i + 1 < words.size()) {
      args.options_[std::string(word)] = words[++i];
    } else {
      return absl::InvalidArgumentError(absl::StrCat("--", word, " needs a value"));
    }
  }
  return args;
}

absl::StatusOr<CommandLine> SplitGlobalOptions(const std::vector<std::string>& words) {
  CommandLine line;
  size_t i = 0;
  for (; i < words.size() && absl::StartsWith(words[i], "-"); ++i) {
    absl::string_view word = words[i];
    if (word == "-h") {
      line.global.push_back("--help");
      continue;
    }
    absl::string_view name = word;
    if (!absl::ConsumePrefix(&name, "--") || name.empty()) {
      return absl::InvalidArgumentError(absl::StrCat("'", word, "' is not an option; give a command"));
    }
    const size_t eq = name.find('=');
    const std::string bare(name.substr(0, eq));
    if (kGlobalSwitches.contains(bare) || (kGlobalValueOptions.contains(bare) && eq != absl::string_view::npos)) {
      line.global.push_back(words[i]);
    } else if (kGlobalValueOptions.contains(bare)) {
      if (i + 1 == words.size()) return absl::InvalidArgumentError(absl::StrCat("--", bare, " needs a value"));
      line.global.push_back(words[i]);
      line.global.push_back(words[++i]);
    } else {
      return absl::InvalidArgumentError(absl::StrCat("--", bare,
                                                     " is not a global option (--json, --server, --token, --ca, --cert, --key, --help); "
                                                     "command options go after the command"));
    }
  }
  line.rest.assign(words.begin() + i, words.end());
  return line;
}

std::string Args::Get(absl::string_view name, absl::string_view fallback) const {
  auto it = options_.find(name);
  return it == options_.end() ? std::string(fallback) : it->second;
}

absl::StatusOr<std::string> Args::Require(absl::string_view name) const {
  auto it = options_.find(name);
  if (it == options_.end() || it->second.empty())
    return absl::InvalidArgumentError(absl::StrCat("--", name, " is required"));
  return it->second;
}

absl::Status Args::CheckKnown(const std::set<std::string>& known) const {
  for (const auto& [name, value] : options_) {
    if (!known.contains(name)) return absl::InvalidArgumentError(absl::StrCat("unknown option --", name));
  }
  return absl::OkStatus();
}

}  // namespace casefile::cli
