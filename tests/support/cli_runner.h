// Test support: runs the real `casefile` CLI against a test server.
#ifndef CASEFILE_TESTS_SUPPORT_CLI_RUNNER_H_
#define CASEFILE_TESTS_SUPPORT_CLI_RUNNER_H_

#include <string>

#include "tests/support/casefiled_process.h"

namespace casefile::testing {

struct CliRun {
  int exit_code = 0;
  std::string out;  // stdout and stderr
};

// `casefile <words> --server <server> --token <token>`, through the shell.
CliRun RunCasefileCli(const CasefiledProcess& server, const std::string& words, const std::string& token);

// `env -u CASEFILE_TOKEN <environment> casefile <words> --server <server>`
// with `input` as its standard input and no token given, through the shell
// (for `casefile login` and the commands that use its session).
CliRun RunCasefileCliWithInput(const CasefiledProcess& server, const std::string& words,
                               const std::string& environment, const std::string& input);

}  // namespace casefile::testing

#endif  // CASEFILE_TESTS_SUPPORT_CLI_RUNNER_H_
