// Args: the command line of one `casefile` subcommand — positional words,
// `--name value` / `--name=value` options and bare `--flag` switches.
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
