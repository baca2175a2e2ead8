// The questions of the DASH 2009 risk-identification checklist (domestic
// abuse, stalking and harassment, as used by police in England and Wales):
// one table of short stable ids and the questions' words, in the
// checklist's order. A DashRiskAssessment answers each id
// (safeguarding.proto); the ids are part of the API and never change.
//
// Thread-safe: constant data.
#ifndef CASEFILE_CORE_SAFEGUARDING_DASH_QUESTIONS_H_
#define CASEFILE_CORE_SAFEGUARDING_DASH_QUESTIONS_H_

#include <string>

#include "absl/types/span.h"
#include "casefile/v1/safeguarding.pb.h"

namespace casefile {

struct DashQuestion {
  const char* id;    // "injury"
  const char* text;  // "Has the current incident resulted in injury?"
};

// The 27 questions, in order.
absl::Span<const DashQuestion> DashQuestions();

// How many of `assessment`'s answers are "not known".
int DashNotKnownCount(const v1::DashRiskAssessment& assessment);

}  // namespace casefile

#endif  // CASEFILE_CORE_SAFEGUARDING_DASH_QUESTIONS_H_
