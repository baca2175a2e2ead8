#include "core/chronology/children_named.h"

#include <algorithm>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "core/persons/child_links.h"
#include "storage/case_tables.h"

namespace casefile {
namespace {

constexpr char kNotedStep[] = "children_named_on_cases";

}  // namespace

void NoteChildrenNamed(const v1::Entry& entry, v1::Case& c) {
  for (const v1::ChildRef* child : ChildrenOf(entry)) {
    if (child->person().empty()) continue;  // known by name alone: no person to narrow to
    const auto& named = c.children_named();
    if (std::any_of(named.begin(), named.end(), [&](const v1::ChildRef& n) { return n.person() == child->person(); }))
      continue;
    *c.add_children_named() = *child;
  }
}

absl::Status NoteChildrenNamedInOlderCases(storage::Store& store) {
  return store.RunOnce(kNotedStep, [](storage::LmdbTxn& txn) -> absl::Status {
    absl::flat_hash_map<std::string, v1::Case> changed;
    absl::Status visited = storage::VisitStoredEntries(
        txn, [&](absl::string_view case_id, uint64_t, const v1::Entry& entry) -> absl::Status {
          if (ChildrenOf(entry).empty()) return absl::OkStatus();
          auto it = changed.find(case_id);
          if (it == changed.end()) {
            auto c = storage::LoadCase(txn, case_id);
            if (!c.ok()) return c.status();
            if (!c->has_value()) return absl::OkStatus();  // an entry left of an erased case: nothing to note on
            it = changed.emplace(std::string(case_id), **std::move(c)).first;
          }
          NoteChildrenNamed(entry, it->second);
          return absl::OkStatus();
        });
    if (!visited.ok()) return visited;
    for (const auto& [case_id, c] : changed) {
      if (auto s = storage::SaveCase(txn, case_id, c); !s.ok()) return s;
    }
    return absl::OkStatus();
  });
}

}  // namespace casefile
