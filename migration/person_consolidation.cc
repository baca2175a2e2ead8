#include "migration/person_consolidation.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <tuple>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/strip.h"
#include "core/names/name_normalise.h"
#include "core/time/partial_time.h"
#include "core/time/partial_time_proto.h"
#include "migration/record_id.h"
#include "migration/stable_hash.h"

namespace casefile::migration {
namespace {

using storage::v1::StoredPersonRecord;

absl::string_view Trimmed(const std::string& s) { return absl::StripAsciiWhitespace(s); }

// The distinct values, most frequent first, ties alphabetically.
std::vector<std::string> ByFrequency(const std::map<std::string, int>& counts) {
  std::vector<std::pair<std::string, int>> ranked(counts.begin(), counts.end());
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  std::vector<std::string> values;
  for (auto& [value, count] : ranked) values.push_back(std::move(value));
  return values;
}

// The best-attested name among the records' values of one field; see the header.
std::string ChooseName(absl::Span<const StoredPersonRecord* const> records,
                       const std::string& (StoredPersonRecord::*field)() const) {
  struct Spellings {
    int count = 0;
    std::map<std::string, int> written;
  };
  std::map<std::string, Spellings> by_normal_form;
  for (const StoredPersonRecord* r : records) {
    absl::string_view written = Trimmed((r->*field)());
    std::string normal = NormaliseName(std::string_view(written.data(), written.size()));
    if (normal.empty()) continue;
    Spellings& s = by_normal_form[normal];
    ++s.count;
    ++s.written[std::string(written)];
  }
  const Spellings* best = nullptr;
  auto rank = [](const std::string& normal, const Spellings& s) {
    return std::make_tuple(normal.size() > 1, s.count, normal.size());
  };
  const std::string* best_normal = nullptr;
  for (const auto& [normal, s] : by_normal_form) {  // alphabetical: first wins ties
    if (best == nullptr || rank(normal, s) > rank(*best_normal, *best)) {
      best = &s;
      best_normal = &normal;
    }
  }
  return best == nullptr ? "" : ByFrequency(best->written).front();
}

// The most frequent date of birth at the finest precision any record gives.
std::optional<PartialTime> ChooseDateOfBirth(
    absl::Span<const StoredPersonRecord* const> records) {
  for (TimePrecision precision : {TimePrecision::kDay, TimePrecision::kMonth, TimePrecision::kYear}) {
    std::map<long long, std::pair<int, PartialTime>> counts;  // by SortKey: earliest wins ties
    for (const StoredPersonRecord* r : records) {
      PartialTime dob = FromProto(r->date_of_birth());
      if (dob.precision != precision) continue;
      auto& [count, time] = counts[SortKey(dob)];
      ++count;
      time = dob;
    }
    const std::pair<int, PartialTime>* best = nullptr;
    for (const auto& [key, entry] : counts) {
      if (best == nullptr || entry.first > best->first) best = &entry;
    }
    if (best != nullptr) return best->second;
  }
  return std::nullopt;
}

std::string FormatAddress(const StoredPersonRecord& r) {
  std::vector<absl::string_view> parts;
  for (const std::string* part : {&r.address_1(), &r.address_2(), &r.town(), &r.postcode()}) {
    if (absl::string_view p = Trimmed(*part); !p.empty()) parts.push_back(p);
  }
  return absl::StrJoin(parts, ", ");
}

std::string FullName(const StoredPersonRecord& r) {
  absl::string_view forename = Trimmed(r.forename());
  absl::string_view surname = Trimmed(r.surname());
  if (forename.empty() || surname.empty()) return std::string(forename.empty() ? surname : forename);
  return absl::StrCat(forename, " ", surname);
}

}  // namespace

std::string PersonIdFor(absl::string_view smallest_locator) {
  return absl::StrCat("P", StableHashHex(smallest_locator));
}

std::string DerivedPersonName(absl::string_view taken) {
  return absl::StrCat("persons/", PersonIdFor(taken));
}

v1::Person ConsolidatePerson(absl::Span<const StoredPersonRecord* const> records) {
  std::vector<const StoredPersonRecord*> sorted(records.begin(), records.end());
  std::sort(sorted.begin(), sorted.end(),
            [](const auto* a, const auto* b) { return a->locator() < b->locator(); });
  v1::Person person;
  person.set_name(absl::StrCat("persons/", PersonIdFor(sorted.front()->locator())));
  person.set_forename(ChooseName(sorted, &StoredPersonRecord::forename));
  person.set_surname(ChooseName(sorted, &StoredPersonRecord::surname));
  if (auto dob = ChooseDateOfBirth(sorted)) *person.mutable_date_of_birth() = ToProto(*dob);

  std::map<std::string, int> addresses;
  std::set<std::string> variants;
  std::set<std::string> cases;
  for (const StoredPersonRecord* r : sorted) {
    if (std::string address = FormatAddress(*r); !address.empty()) ++addresses[address];
    if (std::string name = FullName(*r); !name.empty()) variants.insert(std::move(name));
    if (!r->case_().empty()) cases.insert(r->case_());
    v1::PersonSource* source = person.add_sources();
    source->set_locator(std::string(LocatorOfRecord(r->locator())));  // records are keyed by their id
    source->set_record(r->locator());
    source->set_import(r->import());
    source->set_nominal_ref(r->nominal_ref());
    source->set_as_written(r->as_written());
    source->set_case_(r->case_());
  }
  for (std::string& a : ByFrequency(addresses)) person.add_addresses(std::move(a));
  person.mutable_name_variants()->Add(variants.begin(), variants.end());
  person.mutable_cases()->Add(cases.begin(), cases.end());
  return person;
}

std::string PersonRecordSummary(const StoredPersonRecord& r) {
  std::vector<std::string> parts;
  if (std::string name = FullName(r); !name.empty()) parts.push_back(std::move(name));
  if (absl::string_view raw = Trimmed(r.date_of_birth_raw()); !raw.empty()) {
    parts.emplace_back(raw);
  } else if (PartialTime dob = FromProto(r.date_of_birth()); dob.precision != TimePrecision::kUnknown) {
    parts.push_back(FormatPartialTime(dob));
  }
  if (std::string address = FormatAddress(r); !address.empty()) parts.push_back(std::move(address));
  std::string summary = absl::StrJoin(parts, ", ");
  std::vector<std::string> where;
  if (!r.nominal_ref().empty()) where.push_back(absl::StrCat("nominal ", r.nominal_ref()));
  if (!r.case_().empty()) where.push_back(r.case_());
  if (!where.empty()) absl::StrAppend(&summary, " [", absl::StrJoin(where, "; "), "]");
  return summary;
}

}  // namespace casefile::migration
