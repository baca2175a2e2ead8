// Args: the command line of one `casefile` subcommand — positional words,
// `--name value` / `--name=value` options and bare `--flag` switches — and
// SplitGlobalOptions, which lets the global options come before the command
// too (`casefile --json cases`, as git and kubectl allow).
//
// Thread-compatible value type.
#ifndef CASEFILE_CLI_ARGS_H_
#define CASEFILE_CLI_ARGS_H_

#include <map>
#include <set>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace casefile::cli {

// The options every command accepts: switches, and options with a value.
inline const std::set<std::string> kGlobalSwitches = {"json", "help"};
inline const std::set<std::string> kGlobalValueOptions = {"server", "token", "ca", "cert", "key"};

// A command line split at the command: the global options given before it,
// and the words from the command on.
struct CommandLine {
  std::vector<std::string> global;  // e.g. {"--json", "--server", "h:1"}; "-h" as "--help"
  std::vector<std::string> rest;    // e.g. {"cases", "--all"}
};

// Takes the global options off the front of `words` (all words after the
// program name). InvalidArgument naming a leading option that is not global
// ("command options go after the command") or a global one without its value.
absl::StatusOr<CommandLine> SplitGlobalOptions(const std::vector<std::string>& words);

class Args {
 public:
  // `switches` are the options that take no value (e.g. "json", "help").
  static absl::StatusOr<Args> Parse(const std::vector<std::string>& words,
                                    const std::set<std::string>& switches);

  const std::vector<std::string>& positional() const { return positional_; }
  bool Has(absl::string_view name) const { return options_.contains(std::string(name)); }
  std::string Get(absl::string_view name, absl::string_view fallback = "") const;
  // InvalidArgument naming the option when it is missing.
  absl::StatusOr<std::string> Require(absl::string_view name) const;
  // Options given that are not in `known` → InvalidArgument naming them.
  absl::Status CheckKnown(const std::set<std::string>& known) const;

 private:
  std::vector<std::string> positional_;
  std::map<std::string, std::string, std::less<>> options_;
};

}  // namespace casefile::cli

#endif  // CASEFILE_CLI_ARGS_H_
