// The mix of safeguarding records the attention and tasking benchmarks put
// in case number `i` of a big store (deterministic): a referral to CSC (one
// in ten of significant harm; feedback never recorded), and some a strategy
// discussion with two actions (one overdue), a Section 47 enquiry, missing
// episodes (children shared between neighbouring cases, so some reach three),
// custody records (some waiting, some detained after charge).
//
// Thread-safe: pure function.
#ifndef CASEFILE_BENCH_SUPPORT_ATTENTION_MIX_H_
#define CASEFILE_BENCH_SUPPORT_ATTENTION_MIX_H_

#include <vector>

#include "casefile/v1/case.pb.h"

namespace casefile::bench {

std::vector<v1::Entry> AttentionMixEntries(int i);

}  // namespace casefile::bench

#endif  // CASEFILE_BENCH_SUPPORT_ATTENTION_MIX_H_
