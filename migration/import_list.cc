#include "migration/import_list.h"

#include <algorithm>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "storage/keys.h"
#include "storage/prefix_scan.h"

namespace casefile::migration {

absl::StatusOr<v1::ListImportsResponse> ListImports(const storage::LmdbTxn& txn,
                                                    const v1::ListImportsRequest& request) {
  if (request.page_size() < 0) return absl::InvalidArgumentError("page_size: must not be negative");
  const int page_size = request.page_size() == 0 ? 50 : std::min(request.page_size(), 1000);
  int offset = 0;
  if (!request.page_token().empty() && (!absl::SimpleAtoi(request.page_token(), &offset) || offset < 0))
    return absl::InvalidArgumentError("page_token: not a token from a previous ListImports");
  std::vector<v1::Import> imports;
  absl::Status scan =
      storage::ScanPrefix(txn, storage::keys::ImportPrefix(), [&](absl::string_view, absl::string_view value) {
        v1::Import report;
        if (!report.ParseFromArray(value.data(), static_cast<int>(value.size())))
          return absl::DataLossError("corrupt import");
        v1::Import& heading = imports.emplace_back();
        heading.set_name(report.name());
        heading.set_label(report.label());
        heading.set_dry_run(report.dry_run());
        heading.set_operator_(report.operator_());
        *heading.mutable_create_time() = report.create_time();
        *heading.mutable_counts() = report.counts();
        return absl::OkStatus();
      });
  if (!scan.ok()) return scan;
  std::reverse(imports.begin(), imports.end());  // names are numbered in order: the newest last in the table
  v1::ListImportsResponse response;
  const int64_t end = int64_t{offset} + page_size;
  for (int64_t i = offset; i < static_cast<int64_t>(imports.size()) && i < end; ++i)
    *response.add_imports() = std::move(imports[i]);
  if (end < static_cast<int64_t>(imports.size())) response.set_next_page_token(absl::StrCat(end));
  return response;
}

}  // namespace casefile::migration
