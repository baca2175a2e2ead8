#include "tests/support/import_client.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "absl/strings/match.h"
#include "casefile/v1/person.pb.h"
#include "client/folder_upload.h"
#include "storage/case_tables.h"
#include "storage/keys.h"
#include "storage/store.h"
#include "tests/support/casefiled_process.h"

namespace casefile::testing {

namespace fs = std::filesystem;

ImportOutcome UploadFolder(const std::shared_ptr<grpc::Channel>& channel, const std::string& token,
                           const std::string& folder, bool dry_run,
                           const std::function<bool(const std::string&)>& include,
                           const std::function<bool(const v1::ImportProgress&)>& on_progress) {
  ImportOutcome outcome;
  auto listing = client::ListFolder(folder, include);
  if (!listing.ok()) {
    outcome.status = grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, std::string(listing.status().message()));
    return outcome;
  }
  v1::ImportOptions options;
  options.set_dry_run(dry_run);
  options.set_label("test");
  auto context = CasefiledProcess::Context(token);
  context->set_deadline(std::chrono::system_clock::now() + std::chrono::minutes(10));
  auto stub = v1::ImportService::NewStub(channel);
  client::UploadResult result =
      client::UploadFolder(*stub, context.get(), *listing, options, [&](const v1::ImportProgress& p) {
        outcome.progress.push_back(p);
        return !on_progress || on_progress(p);
      });
  outcome.status = result.status;
  outcome.report = result.report;
  return outcome;
}

StoreState ReadStoreState(const std::string& data_dir) {
  StoreState state;
  auto store = storage::Store::Open(data_dir, {});
  if (!store.ok()) return state;
  auto read = (*store)->BeginRead();
  if (!read.ok()) return state;
  const storage::LmdbTxn& txn = (*read)->txn();
  // Sources, grouped by (case, entry); superseded entries are skipped.
  std::map<std::pair<std::string, uint64_t>, std::set<std::string>> by_entry;
  auto cursor = txn.OpenCursor();
  const std::string sources = std::string("S") + '\0';
  for (auto at = cursor->Seek(sources); at.ok() && *at && absl::StartsWith(cursor->key(), sources);
       at = cursor->Next()) {
    absl::string_view rest = cursor->key().substr(sources.size());
    size_t sep = rest.find('\0');
    std::string case_id(rest.substr(0, sep));
    uint64_t entry = storage::keys::DecodeBe64(rest.substr(sep + 1, 8)).value_or(0);
    v1::Source source;
    source.ParseFromArray(cursor->value().data(), cursor->value().size());
    by_entry[{case_id, entry}].insert(source.locator());
    state.source_text[source.locator()] = source.text();
  }
  for (const auto& [key, locators] : by_entry) {
    auto superseded = storage::LoadSupersession(txn, key.first, key.second);
    if (superseded.ok() && *superseded == 0) state.entries_by_case[key.first].insert(locators);
  }
  const std::string persons = storage::keys::PersonPrefix();
  auto pc = txn.OpenCursor();
  for (auto at = pc->Seek(persons); at.ok() && *at && absl::StartsWith(pc->key(), persons); at = pc->Next()) {
    v1::Person person;
    person.ParseFromArray(pc->value().data(), pc->value().size());
    std::set<std::string> locators;
    for (const auto& s : person.sources()) locators.insert(s.record().empty() ? s.locator() : s.record());
    state.persons.insert(locators);
  }
  return state;
}

namespace {

std::string Show(const std::set<std::string>& locators) {
  std::string out = "{";
  for (const std::string& l : locators) out += (out.size() > 1 ? ", " : "") + l;
  return out + "}";
}

template <typename T>
void Compare(const std::set<T>& a, const std::set<T>& b, const std::string& where, std::string& out,
             int& budget) {
  for (const T& x : a)
    if (!b.contains(x) && budget-- > 0) out += where + " only in first: " + Show(x) + "\n";
  for (const T& x : b)
    if (!a.contains(x) && budget-- > 0) out += where + " only in second: " + Show(x) + "\n";
}

}  // namespace

std::string DescribeDifferences(const StoreState& a, const StoreState& b) {
  std::string out;
  int budget = 12;
  std::set<std::string> cases;
  for (const auto& [c, e] : a.entries_by_case) cases.insert(c);
  for (const auto& [c, e] : b.entries_by_case) cases.insert(c);
  static const std::set<std::set<std::string>> kNone;
  for (const std::string& c : cases) {
    auto ia = a.entries_by_case.find(c), ib = b.entries_by_case.find(c);
    Compare(ia == a.entries_by_case.end() ? kNone : ia->second,
            ib == b.entries_by_case.end() ? kNone : ib->second, "case " + c + " entry", out, budget);
  }
  Compare(a.persons, b.persons, "person", out, budget);
  if (a.source_text != b.source_text) out += "source texts differ\n";
  return out;
}

}  // namespace casefile::testing
