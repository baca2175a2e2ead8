// ForEachPage: walks a paged List call (page_size, page_token,
// next_page_token) to its end, handing each page to `each`.
//
// Thread-compatible.
#ifndef CASEFILE_BENCH_SUPPORT_PAGING_H_
#define CASEFILE_BENCH_SUPPORT_PAGING_H_

#include "absl/functional/function_ref.h"
#include "absl/status/status.h"

namespace casefile::bench {

// `list(request, response)` answers one page; the first error stops the walk
// and is returned.
template <typename Request, typename Response>
absl::Status ForEachPage(Request request, absl::FunctionRef<absl::Status(const Request&, Response&)> list,
                         absl::FunctionRef<void(const Response&)> each) {
  while (true) {
    Response page;
    if (absl::Status s = list(request, page); !s.ok()) return s;
    each(page);
    if (page.next_page_token().empty()) return absl::OkStatus();
    request.set_page_token(page.next_page_token());
  }
}

}  // namespace casefile::bench

#endif  // CASEFILE_BENCH_SUPPORT_PAGING_H_
