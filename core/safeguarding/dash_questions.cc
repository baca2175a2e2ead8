#include "core/safeguarding/dash_questions.h"

namespace casefile {
namespace {

// "The abuser" stands for the checklist's "(...)", the name of the person
// causing harm.
constexpr DashQuestion kQuestions[] = {
    {"injury", "Has the current incident resulted in injury?"},
    {"frightened", "Are you very frightened?"},
    {"afraid_of", "What are you afraid of? Is it further injury or violence?"},
    {"isolated", "Do you feel isolated from family or friends, i.e. does the abuser try to stop you from seeing "
                 "friends, family, doctor or others?"},
    {"depressed", "Are you feeling depressed or having suicidal thoughts?"},
    {"separated", "Have you separated or tried to separate from the abuser within the past year?"},
    {"child_contact", "Is there conflict over child contact?"},
    {"stalking", "Does the abuser constantly text, call, contact, follow, stalk or harass you?"},
    {"pregnancy", "Are you pregnant or have you recently had a baby (within the last 18 months)?"},
    {"other_children", "Are there any children or step-children in the household that are not the abuser's, or "
                       "other dependants (e.g. an older relative)?"},
    {"hurt_children", "Has the abuser ever hurt the children or dependants?"},
    {"threatened_children", "Has the abuser ever threatened to hurt or kill the children or dependants?"},
    {"more_often", "Is the abuse happening more often?"},
    {"getting_worse", "Is the abuse getting worse?"},
    {"controlling", "Does the abuser try to control everything you do and/or are they excessively jealous?"},
    {"weapons", "Has the abuser ever used weapons or objects to hurt you?"},
    {"threats_to_kill", "Has the abuser ever threatened to kill you or someone else and you believed them?"},
    {"strangulation", "Has the abuser ever attempted to strangle, choke, suffocate or drown you?"},
    {"sexual_abuse", "Does the abuser do or say things of a sexual nature that make you feel bad or that physically "
                     "hurt you or someone else?"},
    {"other_person", "Is there any other person who has threatened you or who you are afraid of?"},
    {"hurt_others", "Do you know if the abuser has hurt anyone else?"},
    {"animals", "Has the abuser ever mistreated an animal or the family pet?"},
    {"financial", "Are there any financial issues (e.g. are you dependent on the abuser for money, have they "
                  "recently lost their job)?"},
    {"substances_mental_health", "Has the abuser had problems in the past year with drugs, alcohol or mental "
                                 "health leading to problems in leading a normal life?"},
    {"suicide", "Has the abuser ever threatened or attempted suicide?"},
    {"breach", "Has the abuser ever breached bail, an injunction or any agreement for when they can see you "
               "and/or the children?"},
    {"criminal_history", "Do you know if the abuser has ever been in trouble with the police or has a criminal "
                         "history?"},
};

}  // namespace

absl::Span<const DashQuestion> DashQuestions() { return kQuestions; }

int DashNotKnownCount(const v1::DashRiskAssessment& assessment) {
  int n = 0;
  for (const auto& [id, answer] : assessment.answers()) n += answer == v1::DASH_ANSWER_NOT_KNOWN;
  return n;
}

}  // namespace casefile
