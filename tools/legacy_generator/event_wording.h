// Event wording: how an officer in a child-protection unit writes up each kind
// of chronology event — referrals, strategy discussions, ABE interviews,
// welfare checks, missing episodes, custody, school contacts — as one opening
// sentence and a few detail sentences, all invented templates.
//
// Thread-safety: pure functions of their arguments and the Random.
#ifndef CASEFILE_TOOLS_LEGACY_GENERATOR_EVENT_WORDING_H_
#define CASEFILE_TOOLS_LEGACY_GENERATOR_EVENT_WORDING_H_

#include <string>

#include "absl/time/civil_time.h"
#include "tools/legacy_generator/random.h"

namespace casefile::legacy_generator {

enum class EventKind {
  kReferral,
  kStrategyDiscussion,
  kAbeInterview,
  kHomeVisit,
  kMissingEpisode,
  kFoundSafe,
  kArrest,
  kCustody,
  kSchoolContact,
  kMedical,
  kSupervisorReview,
  kPhoneCall,
  kCount,  // not a kind: the number of kinds
};

// Who and what a case's wording can name.
struct WordingContext {
  std::string child;   // "Zoë Maddox"
  std::string mother;  // "Kelly Maddox"
  std::string adult;   // "Darren Sankey"
  bool child_male = false;
  std::string address;  // "17 Wyebank Close, Kingsmead"
  std::string officer;  // "DC 4471 TEAGUE"
  std::string social_worker;
  std::string health;  // a health professional on the case
  std::string school;
  std::string crime_ref;
};

// The text of one event of `kind` on `day`, with 0–3 detail sentences.
std::string WordEvent(EventKind kind, const WordingContext& context, absl::CivilDay day,
                      Random& random);

// The one wording a case's weekly welfare checks all share, word for word.
std::string WordWeeklyWelfareCheck(const WordingContext& context, Random& random);

// Paper-file form names ("Case note", "Visit record", ...) fitting `kind`.
std::string PaperDocType(EventKind kind, Random& random);

}  // namespace casefile::legacy_generator

#endif  // CASEFILE_TOOLS_LEGACY_GENERATOR_EVENT_WORDING_H_
