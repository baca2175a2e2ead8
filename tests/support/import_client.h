// Test support: uploads a folder through ImportService.ImportFolder as the
// CLI does, and reads back what the store holds, for end-to-end tests.
#ifndef CASEFILE_TESTS_SUPPORT_IMPORT_CLIENT_H_
#define CASEFILE_TESTS_SUPPORT_IMPORT_CLIENT_H_

#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <grpcpp/grpcpp.h>

#include "casefile/v1/import.grpc.pb.h"

namespace casefile::testing {

struct ImportOutcome {
  grpc::Status status;
  casefile::v1::Import report;
  std::vector<casefile::v1::ImportProgress> progress;
};

// Uploads the files under `folder` whose relative path passes `include`
// (all when empty). `on_progress` may return false to stop reading (the
// caller is about to kill the server).
ImportOutcome UploadFolder(const std::shared_ptr<grpc::Channel>& channel, const std::string& token,
                           const std::string& folder, bool dry_run,
                           const std::function<bool(const std::string& path)>& include = {},
                           const std::function<bool(const v1::ImportProgress&)>& on_progress = {});

// The consolidated state of a store, independent of entry numbering: for
// each case, the set of entries, each as the sorted set of its source
// locators (superseded entries left out), plus every person as its sorted
// source locators. Read straight from the LMDB files of a stopped server.
struct StoreState {
  std::map<std::string, std::set<std::set<std::string>>> entries_by_case;
  std::set<std::set<std::string>> persons;
  std::map<std::string, std::string> source_text;  // locator → text as stored
  bool operator==(const StoreState&) const = default;
};
StoreState ReadStoreState(const std::string& data_dir);

// "" when equal; otherwise the first few differences, readably.
std::string DescribeDifferences(const StoreState& a, const StoreState& b);

}  // namespace casefile::testing

#endif  // CASEFILE_TESTS_SUPPORT_IMPORT_CLIENT_H_
