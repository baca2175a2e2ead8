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

}  // namespace casefile::testing

#endif  // CASEFILE_TESTS_SUPPORT_CLI_RUNNER_H_
