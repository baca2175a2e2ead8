// ListPages: runs an AIP-158 List call page by page for a command: prints
// each page (as JSON, or with `print_items`), then stops after the first page
// unless `all`, telling the user the token for the next.
#ifndef CASEFILE_CLI_LIST_PAGES_H_
#define CASEFILE_CLI_LIST_PAGES_H_

#include <functional>
#include <iostream>

#include <grpcpp/grpcpp.h>

#include "absl/status/statusor.h"
#include "absl/strings/numbers.h"
#include "cli/command.h"
#include "cli/command_line.h"
#include "cli/output.h"
#include "cli/terminal_safe.h"

namespace casefile::cli {

// The --page-size option (0 when not given: the server's default).
inline absl::StatusOr<int> PageSizeOption(const Args& args) {
  int page_size = 0;
  if (args.Has("page-size") && !absl::SimpleAtoi(args.Get("page-size"), &page_size))
    return absl::InvalidArgumentError("--page-size must be a number");
  return page_size;
}

template <typename Request, typename Response>
int ListPages(Request request, bool all, bool json,
              const std::function<grpc::Status(const Request&, Response*)>& call,
              const std::function<void(const Response&)>& print_items) {
  while (true) {
    Response response;
    grpc::Status status = call(request, &response);
    if (!status.ok()) return ReportRpcError(status);
    if (json) {
      std::cout << ToJson(response) << "\n";
    } else {
      print_items(response);
    }
    if (response.next_page_token().empty()) break;
    if (!all) {
      if (!json) std::cout << "more: --page-token " << TerminalSafe(response.next_page_token()) << "\n";
      break;
    }
    request.set_page_token(response.next_page_token());
  }
  return kExitOk;
}

}  // namespace casefile::cli

#endif  // CASEFILE_CLI_LIST_PAGES_H_
