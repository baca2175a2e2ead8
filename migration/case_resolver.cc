#include "migration/case_resolver.h"

#include <algorithm>
#include <map>
#include <set>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "core/input/resource_names.h"

namespace casefile::migration {
namespace {

// Forename, surname and full date of birth; empty when the dob is not a day.
std::string CertainPersonKey(const LegacySubject& s) {
  if (s.date_of_birth.precision < TimePrecision::kDay || s.surname.empty()) return "";
  return absl::StrFormat("%s|%s|%04d%02d%02d", absl::AsciiStrToLower(s.forename),
                         absl::AsciiStrToLower(s.surname), s.date_of_birth.year,
                         s.date_of_birth.month, s.date_of_birth.day);
}

}  // namespace

std::string NormalizeRef(absl::string_view ref) {
  return absl::AsciiStrToUpper(absl::StripAsciiWhitespace(ref));
}

std::string OwnCaseId(absl::string_view ref) {
  std::string id = "LEG-";
  for (char c : NormalizeRef(ref)) {
    id.push_back(absl::ascii_isalnum(static_cast<unsigned char>(c)) ? c : '-');
    if (id.size() == 63) break;
  }
  return id;
}

CaseAssignment ResolveCases(absl::Span<const LegacyEvent* const> events,
                            absl::Span<const CaseXref> xrefs, StoredRefLookup stored) {
  absl::flat_hash_map<std::string, std::string> listed;  // REF → case
  for (const CaseXref& x : xrefs) listed.emplace(NormalizeRef(x.legacy_ref), x.case_key);
  absl::flat_hash_map<std::string, std::optional<std::string>> stored_cache;
  auto lookup = [&](const std::string& ref) -> std::optional<std::string> {
    if (auto it = listed.find(ref); it != listed.end()) return it->second;
    auto [it, inserted] = stored_cache.try_emplace(ref);
    if (inserted) it->second = stored(ref);
    return it->second;
  };

  CaseAssignment out;
  out.case_of_event.resize(events.size());
  // Events with no listed reference, grouped by their first reference
  // (ordered so that the result does not depend on input order).
  std::map<std::string, std::vector<size_t>> unlisted;
  // Person key → cases it appears in, from events with a listed reference.
  absl::flat_hash_map<std::string, std::set<std::string>> cases_of_person;
  // Unlisted reference → cases of the records that name it beside a listed one.
  absl::flat_hash_map<std::string, std::set<std::string>> named_beside;
  absl::flat_hash_map<std::string, size_t> conflict_of;  // joined references → ref_conflicts index
  for (size_t i = 0; i < events.size(); ++i) {
    const LegacyEvent& e = *events[i];
    std::vector<std::pair<std::string, std::string>> listed_refs;  // (REF, case)
    for (const std::string& ref : e.legacy_refs) {
      std::string normal = NormalizeRef(ref);
      if (auto c = lookup(normal)) listed_refs.emplace_back(std::move(normal), *std::move(c));
    }
    if (!listed_refs.empty()) out.case_of_event[i] = listed_refs.front().second;
    const bool conflicting = std::any_of(listed_refs.begin(), listed_refs.end(), [&](const auto& r) {
      return r.second != listed_refs.front().second;
    });
    if (conflicting) {
      std::string joined;
      for (const auto& [ref, c] : listed_refs) absl::StrAppend(&joined, ref, "\n");
      auto [it, first] = conflict_of.try_emplace(joined, out.ref_conflicts.size());
      if (first) {
        v1::RefConflict& conflict = out.ref_conflicts.emplace_back();
        for (const auto& [ref, c] : listed_refs) {
          conflict.add_legacy_refs(ref);
          conflict.add_cases(CaseName(c));
        }
        conflict.set_filed_under(CaseName(listed_refs.front().second));
        conflict.set_example_locator(e.locator);
      }
      v1::RefConflict& conflict = out.ref_conflicts[it->second];
      conflict.set_records(conflict.records() + 1);
    }
    if (!out.case_of_event[i].empty()) {
      for (const std::string& ref : e.legacy_refs) named_beside[NormalizeRef(ref)].insert(out.case_of_event[i]);
      for (const LegacySubject& s : e.subjects) {
        if (std::string key = CertainPersonKey(s); !key.empty()) {
          cases_of_person[key].insert(out.case_of_event[i]);
        }
      }
      continue;
    }
    unlisted[e.legacy_refs.empty() ? std::string("UNREFERENCED") : NormalizeRef(e.legacy_refs[0])]
        .push_back(i);
  }
  for (const auto& [ref, members] : unlisted) {
    v1::CaseResolution resolution;
    resolution.set_legacy_ref(ref);
    if (auto it = named_beside.find(ref); it != named_beside.end() && it->second.size() == 1) {
      const std::string& case_id = *it->second.begin();
      resolution.set_case_(CaseName(case_id));
      resolution.set_how("named beside a listed reference on the same record");
      for (size_t i : members) out.case_of_event[i] = case_id;
      out.unlisted_refs.push_back(std::move(resolution));
      continue;
    }
    std::set<std::string> candidates;
    for (size_t i : members) {
      for (const LegacySubject& s : events[i]->subjects) {
        auto it = cases_of_person.find(CertainPersonKey(s));
        if (it != cases_of_person.end()) candidates.insert(it->second.begin(), it->second.end());
      }
    }
    std::string case_id;
    if (candidates.size() == 1) {
      case_id = *candidates.begin();
      resolution.set_how("matched by the people it names");
    } else {
      case_id = OwnCaseId(ref);
      resolution.set_how(candidates.empty() ? "case of its own: no listed case names its people"
                                            : "case of its own: its people appear in several cases");
    }
    resolution.set_case_(CaseName(case_id));
    for (size_t i : members) out.case_of_event[i] = case_id;
    out.unlisted_refs.push_back(std::move(resolution));
  }
  return out;
}

}  // namespace casefile::migration
