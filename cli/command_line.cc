#include "cli/command_line.h"

#include <algorithm>
#include <sstream>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"

namespace casefile::cli {
namespace {

constexpr char kGlobalGroup[] = "Global options, before or after the command";

const CLI::App* Root(const CLI::App* app) {
  while (app->get_parent() != nullptr) app = app->get_parent();
  return app;
}

// The help of casefile and of each command: the commands listed by their
// whole name ("case create"), and under a command's own options the global
// ones, which it accepts too.
class HelpFormatter : public CLI::Formatter {
 public:
  HelpFormatter() {
    label("SUBCOMMAND", "COMMAND");
    label("Positionals", "Words");
    column_width(26);
  }

  std::string make_description(const CLI::App* app) const override {
    std::string out = CLI::Formatter::make_description(app);
    return out.empty() ? out : out + "\n";
  }

  std::string make_subcommands(const CLI::App* app, CLI::AppFormatMode) const override {
    std::ostringstream list;
    ListCommands(app, "", list);
    return list.str().empty() ? "" : "\nCommands:\n" + list.str();
  }

  std::string make_footer(const CLI::App* app) const override {
    std::string out = CLI::Formatter::make_footer(app);
    if (app->get_parent() == nullptr) return out;
    const CLI::App* root = Root(app);
    std::vector<const CLI::Option*> global =
        root->get_options([root](const CLI::Option* o) { return o != root->get_help_ptr(); });
    return absl::StrCat(out, out.empty() ? "" : "\n", make_group(kGlobalGroup, false, global).substr(1));
  }

 private:
  // The commands under `app`, each with its summary; groups ("case") have none.
  void ListCommands(const CLI::App* app, const std::string& prefix, std::ostringstream& out) const {
    for (const CLI::App* sub : app->get_subcommands([](const CLI::App*) { return true; })) {
      if (sub->get_group().empty()) continue;  // hidden: `casefile help`
      const std::string name = prefix + sub->get_name();
      if (!sub->get_description().empty())
        CLI::detail::format_help(out, name, sub->get_description(), get_column_width());
      ListCommands(sub, name + " ", out);
    }
  }
};

// CLI11 2.1 reads `--name=` as `--name` and takes the next word as its value;
// casefile has always read it as the empty value: "--name=" → "--name", "".
std::vector<std::string> EmptyValuesAsWords(const CLI::App& root, std::vector<std::string> words) {
  std::vector<std::string> out;
  for (size_t i = 0; i < words.size(); ++i) {
    const std::string& word = words[i];
    if (word == "--") {
      out.insert(out.end(), words.begin() + i, words.end());
      break;
    }
    bool takes_value = false;
    if (absl::StartsWith(word, "--") && absl::EndsWith(word, "=") &&
        word.find('=') == word.size() - 1) {
      const std::string name = word.substr(0, word.size() - 1);
      std::vector<const CLI::App*> apps = {&root};
      while (!apps.empty() && !takes_value) {
        const CLI::App* app = apps.back();
        apps.pop_back();
        const CLI::Option* option = app->get_option_no_throw(name);
        takes_value = option != nullptr && option->get_items_expected_max() > 0;
        for (const CLI::App* sub : app->get_subcommands([](const CLI::App*) { return true; })) apps.push_back(sub);
      }
    }
    if (takes_value) {
      out.push_back(word.substr(0, word.size() - 1));
      out.push_back("");
    } else {
      out.push_back(word);
    }
  }
  return out;
}

bool IsOption(const std::string& word) { return word.size() > 1 && word[0] == '-'; }

// The usage error for CLI11's `error`, naming the option or word at fault.
absl::Status UsageError(const CLI::ParseError& error, const CLI::App* command,
                        const std::vector<std::string>& left_over) {
  const std::string message = error.what();
  const std::string path = CommandLine::Path(command);
  const bool is_command = command != nullptr && command->get_parent() != nullptr &&
                          !command->get_description().empty();
  // A word left over where a command (or a group's command) was wanted.
  auto word = std::find_if_not(left_over.begin(), left_over.end(), IsOption);
  if (!is_command && word != left_over.end())
    return absl::InvalidArgumentError(absl::StrCat("unknown command '", path, path.empty() ? "" : " ", *word, "'"));
  if (!is_command && command != nullptr && command->get_parent() != nullptr) {
    return absl::InvalidArgumentError(absl::StrCat("'casefile ", path, "' needs one of its commands"));
  }
  // Words nothing took, first: CLI11 checks what is required before them.
  if (!left_over.empty()) {
    const std::string& first = left_over.front();
    if (!IsOption(first)) return absl::InvalidArgumentError(absl::StrCat("unexpected word '", first, "'"));
    const std::string name = first.substr(0, first.find('='));
    if (command != nullptr && command->get_option_no_throw(name) != nullptr)
      return absl::InvalidArgumentError(absl::StrCat(name, " is an option of 'casefile ", path,
                                                     "': give it after the command"));
    return absl::InvalidArgumentError(absl::StrCat("unknown option ", name));
  }
  // "--text: 1 required TEXT missing": the last word, an option, lacks its value.
  if (dynamic_cast<const CLI::ArgumentMismatch*>(&error) != nullptr && absl::EndsWith(message, " missing"))
    return absl::InvalidArgumentError(absl::StrCat(message.substr(0, message.find(':')), " needs a value"));
  return absl::InvalidArgumentError(message);
}

}  // namespace

Args::Args(const CLI::App& command) : command_(&command) {
  for (const CLI::Option* option : command.get_options([](const CLI::Option* o) { return o->get_positional(); })) {
    positional_.insert(positional_.end(), option->results().begin(), option->results().end());
  }
}

const CLI::Option* Args::Find(absl::string_view name) const {
  const std::string option = absl::StrCat("--", name);
  for (const CLI::App* app = command_; app != nullptr; app = app->get_parent()) {
    if (const CLI::Option* found = app->get_option_no_throw(option); found != nullptr) return found;
  }
  return nullptr;
}

bool Args::Has(absl::string_view name) const {
  const CLI::Option* option = Find(name);
  if (option == nullptr || option->count() == 0) return false;
  return option->get_items_expected_max() > 0 || option->as<bool>();
}

std::string Args::Get(absl::string_view name, absl::string_view fallback) const {
  const CLI::Option* option = Find(name);
  return option == nullptr || option->count() == 0 ? std::string(fallback) : option->as<std::string>();
}

absl::StatusOr<std::string> Args::Require(absl::string_view name) const {
  std::string value = Get(name);
  if (value.empty()) return absl::InvalidArgumentError(absl::StrCat("--", name, " is required"));
  return value;
}

CLI::Option* AddValueOption(CLI::App* command, const std::string& name, const std::string& value_name,
                            const std::string& help) {
  return command->add_option(name, CLI::callback_t{}, help)->type_name(value_name);
}

CLI::Option* AddSwitch(CLI::App* command, const std::string& name, const std::string& help) {
  // --name, or --name=true|false (yes|no, on|off, 1|0).
  static const CLI::Validator kTrueOrFalse(
      [](std::string& value) {
        bool on = false;
        return CLI::detail::lexical_cast(value, on) ? std::string() : "give no value, or true or false";
      },
      "");
  return command->add_flag(name, help)->check(kTrueOrFalse);
}

CLI::Option* AddWord(CLI::App* command, const std::string& name, const std::string& help) {
  return command->add_option(name, CLI::callback_t{}, help)->type_name("")->required();
}

CLI::Option* AddWords(CLI::App* command, const std::string& name, const std::string& help) {
  return command->add_option(name, CLI::callback_t{}, help)->type_name("")->expected(0, -1)->allow_extra_args();
}

CommandLine::CommandLine() : root_("casefile — the client of the casefile chronology service.", "casefile") {
  root_.formatter(std::make_shared<HelpFormatter>());
  root_.footer("'casefile COMMAND --help' explains one command.");
  // As before: an option given twice keeps its later value.
  root_.option_defaults()->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
  // Inherited by every command: one command a line, global options after it.
  root_.require_subcommand(0, 1);
  root_.fallthrough();
  root_.option_defaults()->group(kGlobalGroup);
  root_.set_help_flag("-h,--help", "print this help (after a command: that command's help)");
  AddSwitch(&root_, "--json", "print the protobuf JSON mapping of what the server answered");
  AddValueOption(&root_, "--server", "HOST:PORT", absl::StrCat("the casefiled to use (default ", kDefaultServer, ")"))
      ->envname("CASEFILE_SERVER");
  AddValueOption(&root_, "--token", "TOKEN", "your bearer token; without one, the session of 'casefile login'")
      ->envname("CASEFILE_TOKEN");
  AddValueOption(&root_, "--ca", "PEM", "connect with TLS, trusting this certificate authority")
      ->envname("CASEFILE_CA");
  AddValueOption(&root_, "--cert", "PEM", "a client certificate (mutual TLS), with --key")->envname("CASEFILE_CERT");
  AddValueOption(&root_, "--key", "PEM", "the private key of --cert")->envname("CASEFILE_KEY");
  root_.option_defaults()->group("Options");
  // `casefile help`: the list of commands.
  root_.add_subcommand("help")->group("")->allow_extras()->fallthrough(false);
}

CLI::App* CommandLine::Add(const std::string& path, const std::string& summary, Handler run) {
  CLI::App* app = &root_;
  for (absl::string_view word : absl::StrSplit(path, ' ')) {
    CLI::App* sub = nullptr;
    for (CLI::App* existing : app->get_subcommands([](CLI::App*) { return true; })) {
      if (existing->get_name() == word) sub = existing;
    }
    if (sub == nullptr) {
      sub = app->add_subcommand(std::string(word));
      sub->set_help_flag("-h,--help", "print this help");
      sub->require_subcommand(0, 1);
      sub->footer(absl::StrCat("'casefile ", Path(sub), " COMMAND --help' explains one command."));
    }
    app = sub;
  }
  app->description(summary);
  app->footer("");  // a group's note, not a command's
  handlers_[app] = std::move(run);
  return app;
}

std::string CommandLine::Path(const CLI::App* command) {
  std::vector<std::string> names;
  for (; command != nullptr && command->get_parent() != nullptr; command = command->get_parent())
    names.insert(names.begin(), command->get_name());
  return absl::StrJoin(names, " ");
}

CommandLine::Parsed CommandLine::Parse(std::vector<std::string> words) {
  Parsed parsed;
  words = EmptyValuesAsWords(root_, std::move(words));
  std::reverse(words.begin(), words.end());
  auto chosen = [&] {
    const CLI::App* app = &root_;
    while (!app->get_subcommands().empty()) app = app->get_subcommands().front();
    return app == &root_ ? nullptr : app;
  };
  try {
    root_.parse(words);
  } catch (const CLI::CallForHelp&) {
    parsed.help = true;
  } catch (const CLI::ParseError& error) {
    parsed.command = chosen();
    parsed.status = UsageError(error, parsed.command, root_.remaining(true));
    return parsed;
  }
  parsed.command = chosen();
  if (parsed.command != nullptr && parsed.command->get_name() == "help" && parsed.command->get_group().empty()) {
    parsed.command = nullptr;
    parsed.help = true;
  }
  if (parsed.help) return parsed;
  auto handler = handlers_.find(parsed.command);
  if (handler == handlers_.end()) {
    parsed.status = parsed.command == nullptr
                        ? absl::InvalidArgumentError("give a command")
                        : absl::InvalidArgumentError(absl::StrCat("'casefile ", Path(parsed.command),
                                                                  "' needs one of its commands"));
    return parsed;
  }
  parsed.run = &handler->second;
  parsed.args = Args(*parsed.command);
  return parsed;
}

std::string CommandLine::Help(const CLI::App* command) const {
  const CLI::App* app = command == nullptr ? &root_ : command;
  return app->get_formatter()->make_help(app, absl::StrCat("casefile", app == &root_ ? "" : " ", Path(app)),
                                         CLI::AppFormatMode::Normal);
}

}  // namespace casefile::cli
