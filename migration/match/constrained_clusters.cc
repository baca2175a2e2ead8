#include "migration/match/constrained_clusters.h"

#include <utility>

#include "absl/strings/str_format.h"

namespace casefile::migration {

ConstrainedClusters::ConstrainedClusters(int size)
    : parent_(size), members_(size), forbidden_(size) {
  for (int i = 0; i < size; ++i) parent_[i] = i;
}

absl::Status ConstrainedClusters::Apply(const OperatorDecisions& decisions) {
  auto check = [&](const RecordPair& p, const char* kind) -> absl::Status {
    if (p.a < 0 || p.b < 0 || p.a >= size() || p.b >= size() || p.a == p.b) {
      return absl::InvalidArgumentError(absl::StrFormat(
          "%s (%d, %d): not two distinct records of %d", kind, p.a, p.b,
          size()));
    }
    return absl::OkStatus();
  };
  for (const RecordPair& p : decisions.must_link) {
    if (absl::Status s = check(p, "must_link"); !s.ok()) return s;
    if (!Together(p.a, p.b)) Join(p.a, p.b);
  }
  for (const RecordPair& p : decisions.cannot_link) {
    if (absl::Status s = check(p, "cannot_link"); !s.ok()) return s;
    if (Together(p.a, p.b)) {
      return absl::InvalidArgumentError(absl::StrFormat(
          "cannot_link (%d, %d) contradicts must_link decisions that join them",
          p.a, p.b));
    }
    Forbid(p.a, p.b);
  }
  return absl::OkStatus();
}

int ConstrainedClusters::Find(int x) {
  int root = x;
  while (parent_[root] != root) root = parent_[root];
  while (parent_[x] != root) x = std::exchange(parent_[x], root);
  return root;
}

bool ConstrainedClusters::CanJoin(int a, int b) {
  int ra = Find(a);
  int rb = Find(b);
  if (ra == rb) return true;
  if (forbidden_[ra].size() > forbidden_[rb].size()) std::swap(ra, rb);
  for (int other : forbidden_[ra]) {
    if (Find(other) == rb) return false;
  }
  return true;
}

void ConstrainedClusters::Join(int a, int b) {
  int ra = Find(a);
  int rb = Find(b);
  if (ra == rb) return;
  if (members_[ra].size() < members_[rb].size()) std::swap(ra, rb);
  parent_[rb] = ra;
  if (members_[ra].empty()) members_[ra] = {ra};
  if (members_[rb].empty()) members_[rb] = {rb};
  members_[ra].insert(members_[ra].end(), members_[rb].begin(),
                      members_[rb].end());
  forbidden_[ra].insert(forbidden_[ra].end(), forbidden_[rb].begin(),
                        forbidden_[rb].end());
  members_[rb] = {};
  forbidden_[rb] = {};
}

absl::Span<const int> ConstrainedClusters::Members(int x) {
  const int root = Find(x);
  if (members_[root].empty()) return {&parent_[root], 1};  // parent_[root] == root
  return members_[root];
}

void ConstrainedClusters::Forbid(int a, int b) {
  forbidden_[Find(a)].push_back(b);
  forbidden_[Find(b)].push_back(a);
}

std::vector<int> ConstrainedClusters::DenseIds() {
  std::vector<int> dense(size(), -1);
  std::vector<int> id_of_root(size(), -1);
  int next = 0;
  for (int i = 0; i < size(); ++i) {
    int& id = id_of_root[Find(i)];
    if (id < 0) id = next++;
    dense[i] = id;
  }
  return dense;
}

}  // namespace casefile::migration
