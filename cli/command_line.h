// CommandLine: the command line of `casefile`, declared and parsed with CLI11.
// Each file of commands declares its commands with Add() next to their
// handlers: the options, the words and the help text in one declaration, from
// which `--help` is made. The global options (--json, --server, --token, --ca,
// --cert, --key, --help) belong to the root and may come before or after the
// command (`casefile --json cases` is `casefile cases --json`).
//
// As casefile has always read them: the word after an option that takes a
// value is its value whatever it looks like (`--text '--- see above'`),
// `--name=value` splits at the first '=', `--name=` is the empty value, and
// an option given twice keeps the later value.
//
// Args: what a command's handler reads of the parsed line.
//
// Thread-compatible.
#ifndef CASEFILE_CLI_COMMAND_LINE_H_
#define CASEFILE_CLI_COMMAND_LINE_H_

#include <functional>
#include <map>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace casefile::cli {

class Connection;

// The server when neither --server nor CASEFILE_SERVER names one.
inline constexpr char kDefaultServer[] = "127.0.0.1:50051";

// The options and words given to one parsed command, its global options too;
// valid until its CommandLine parses again.
class Args {
 public:
  Args() = default;
  explicit Args(const CLI::App& command);

  // The words that are not options, in order.
  const std::vector<std::string>& positional() const { return positional_; }
  // Whether --`name` was given (a global one also through its environment
  // variable); a switch given as --name=false is not.
  bool Has(absl::string_view name) const;
  // The value of --`name`, or `fallback` when it was not given.
  std::string Get(absl::string_view name, absl::string_view fallback = "") const;
  // InvalidArgument "--name is required" when it is missing or empty.
  absl::StatusOr<std::string> Require(absl::string_view name) const;

 private:
  const CLI::Option* Find(absl::string_view name) const;

  const CLI::App* command_ = nullptr;
  std::vector<std::string> positional_;
};

// Runs one command; returns the process exit code.
using Handler = std::function<int(const Args&, const Connection&)>;

// Declaring a command's options and words (CLI::App::add_option and
// add_flag, with casefile's conventions).
// --name VALUE_NAME: an option that takes one value.
CLI::Option* AddValueOption(CLI::App* command, const std::string& name, const std::string& value_name,
                            const std::string& help);
// --name: a switch (--name=false, =no, =off or =0: not given).
CLI::Option* AddSwitch(CLI::App* command, const std::string& name, const std::string& help);
// NAME: one word, required.
CLI::Option* AddWord(CLI::App* command, const std::string& name, const std::string& help);
// NAME...: any number of words.
CLI::Option* AddWords(CLI::App* command, const std::string& name, const std::string& help);

class CommandLine {
 public:
  // The root "casefile" with the global options.
  CommandLine();
  CommandLine(const CommandLine&) = delete;
  CommandLine& operator=(const CommandLine&) = delete;

  // Declares the command `path` ("log"; "case create": "create" under the
  // group "case", made on first use) with its one-line summary, run by `run`.
  // Its options and words are declared on the App returned, its notes as the
  // App's footer.
  CLI::App* Add(const std::string& path, const std::string& summary, Handler run);

  struct Parsed {
    absl::Status status;                // InvalidArgument naming the option or word at fault
    const CLI::App* command = nullptr;  // the command (or group) chosen; null: none
    bool help = false;                  // --help or `casefile help`: print Help(command)
    const Handler* run = nullptr;       // the command's handler, when it is to run
    Args args;
  };
  // Parses the words after the program name.
  Parsed Parse(std::vector<std::string> words);
  // The help of a command or group; of casefile itself (every command) for null.
  std::string Help(const CLI::App* command) const;
  // "case create" for that command; "" for the root.
  static std::string Path(const CLI::App* command);

 private:
  CLI::App root_;
  std::map<const CLI::App*, Handler> handlers_;
};

}  // namespace casefile::cli

#endif  // CASEFILE_CLI_COMMAND_LINE_H_
