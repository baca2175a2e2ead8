#include "core/persons/person_tables.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "core/persons/person_search.h"
#include "storage/keys.h"
#include "storage/prefix_scan.h"

namespace casefile {
namespace {

namespace keys = storage::keys;
using storage::LmdbTxn;

// Makes the table under `prefix` hold exactly `wanted` (whole keys and
// values): deletes the keys no longer wanted and puts the new or changed
// ones, in key order. A re-import that changes few persons rewrites few keys.
absl::Status ReplaceTable(LmdbTxn& txn, absl::string_view prefix,
                          std::vector<std::pair<std::string, std::string>> wanted) {
  std::sort(wanted.begin(), wanted.end());
  wanted.erase(std::unique(wanted.begin(), wanted.end(),
                           [](const auto& a, const auto& b) { return a.first == b.first; }),
               wanted.end());
  std::vector<bool> stored(wanted.size(), false);  // already there, same value
  std::vector<std::string> doomed;
  size_t next = 0;
  absl::Status s = storage::ScanPrefix(txn, prefix, [&](absl::string_view rest, absl::string_view value) {
    const std::string key = absl::StrCat(prefix, rest);
    while (next < wanted.size() && wanted[next].first < key) ++next;
    if (next < wanted.size() && wanted[next].first == key) {
      stored[next] = wanted[next].second == value;
      ++next;
    } else {
      doomed.push_back(key);
    }
    return absl::OkStatus();
  });
  if (!s.ok()) return s;
  for (const std::string& key : doomed) {
    if (s = txn.Delete(key); !s.ok()) return s;
  }
  for (size_t i = 0; i < wanted.size(); ++i) {
    if (stored[i]) continue;
    if (s = txn.Put(wanted[i].first, wanted[i].second); !s.ok()) return s;
  }
  return absl::OkStatus();
}

// The upgrade step that last added a kind of token ("person_tokens_dob" was
// the one before): a store that has not run it puts every person's tokens.
constexpr char kTokensStep[] = "person_tokens_blocking";

}  // namespace

absl::Status ReplacePersonTables(LmdbTxn& txn, absl::Span<const v1::Person> persons) {
  std::vector<std::pair<std::string, std::string>> records, tokens;
  records.reserve(persons.size());
  for (const v1::Person& person : persons) {
    const absl::string_view id = absl::string_view(person.name()).substr(sizeof("persons/") - 1);
    records.emplace_back(keys::Person(id), person.SerializeAsString());
    for (const std::string& token : PersonIndexTokens(person)) tokens.emplace_back(keys::PersonToken(token, id), "");
  }
  if (absl::Status s = ReplaceTable(txn, keys::PersonPrefix(), std::move(records)); !s.ok()) return s;
  return ReplaceTable(txn, keys::PersonTokenTable(), std::move(tokens));
}

absl::Status PutPerson(LmdbTxn& txn, const v1::Person& person) {
  const absl::string_view id = absl::string_view(person.name()).substr(sizeof("persons/") - 1);
  const std::string key = keys::Person(id);
  auto before = txn.Get(key);
  if (!before.ok()) return before.status();
  if (before->has_value()) {
    v1::Person stored;
    if (!stored.ParseFromArray((*before)->data(), static_cast<int>((*before)->size())))
      return absl::DataLossError(absl::StrCat("corrupt person record ", id));
    for (const std::string& token : PersonIndexTokens(stored)) {
      absl::Status s = txn.Delete(keys::PersonToken(token, id));
      if (!s.ok() && !absl::IsNotFound(s)) return s;
    }
  }
  if (absl::Status s = txn.Put(key, person.SerializeAsString()); !s.ok()) return s;
  for (const std::string& token : PersonIndexTokens(person)) {
    if (absl::Status s = txn.Put(keys::PersonToken(token, id), ""); !s.ok()) return s;
  }
  return absl::OkStatus();
}

absl::Status AddNewPersonTokens(storage::Store& store) {
  return store.RunOnce(kTokensStep, [](LmdbTxn& txn) -> absl::Status {
    std::vector<std::string> wanted;
    absl::Status scan = storage::ScanPrefix(txn, keys::PersonPrefix(), [&](absl::string_view id, absl::string_view value) {
      v1::Person person;
      if (!person.ParseFromArray(value.data(), static_cast<int>(value.size())))
        return absl::DataLossError(absl::StrCat("corrupt person record ", id));
      for (const std::string& token : PersonIndexTokens(person)) wanted.push_back(keys::PersonToken(token, id));
      return absl::OkStatus();
    });
    if (!scan.ok()) return scan;
    for (const std::string& key : wanted) {
      if (absl::Status s = txn.Put(key, ""); !s.ok()) return s;
    }
    return absl::OkStatus();
  });
}

}  // namespace casefile
