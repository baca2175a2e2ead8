#include "bench/support/attention_mix.h"

#include "absl/strings/str_cat.h"
#include "tests/support/safeguarding_examples.h"

namespace casefile::bench {

using testing::CustodyExample;
using testing::MissingEpisodeExample;
using testing::ReferralExample;
using testing::Section47EnquiryExample;
using testing::StrategyDiscussionExample;

std::vector<v1::Entry> AttentionMixEntries(int i) {
  std::vector<v1::Entry> entries;
  v1::Entry referral = ReferralExample(i % 10 == 1);  // never a case with a strategy discussion
  referral.mutable_referral()->mutable_referred_time()->set_day(1 + i % 28);
  entries.push_back(referral);
  if (i % 5 == 0) {
    v1::Entry sd = StrategyDiscussionExample();
    *sd.mutable_strategy_discussion()->add_actions() = sd.strategy_discussion().actions(0);
    sd.mutable_strategy_discussion()->mutable_actions(1)->mutable_due()->set_year(2099);
    entries.push_back(sd);
  }
  if (i % 20 == 3) entries.push_back(Section47EnquiryExample());
  if (i % 10 == 7) {  // a child shared by three neighbouring such cases
    v1::Entry missing = MissingEpisodeExample(1 + (i / 10) % 3 * 9);
    missing.mutable_missing_episode()->mutable_child()->set_name(absl::StrCat("Child ", i / 30));
    entries.push_back(missing);
  }
  if (i % 20 == 9) {
    v1::Entry custody = CustodyExample();
    if (i % 40 == 9) {
      custody.mutable_custody()->set_charge("Robbery");
      custody.mutable_custody()->set_decision(v1::Custody::DECISION_DETAINED);
      custody.mutable_custody()->set_accommodated_at("Custody suite");
    }
    entries.push_back(custody);
  }
  return entries;
}

}  // namespace casefile::bench
