// The record forms casefile-web offers (record_form.h), one file each, and
// the pieces they share: agencies, children, references to earlier entries.
//
// Thread-safe: constant data.
#ifndef CASEFILE_WEB_RECORD_FORMS_RECORD_FORMS_H_
#define CASEFILE_WEB_RECORD_FORMS_RECORD_FORMS_H_

#include <string>
#include <vector>

#include "web/record_forms/record_form.h"

namespace casefile::web {

// Every record form, in the order offered.
const std::vector<const RecordForm*>& RecordForms();
// The form of `kind` ("referral"), or null.
const RecordForm* FindRecordForm(const std::string& kind);

const RecordForm& StrategyDiscussionForm();
const RecordForm& ReferralForm();
const RecordForm& ReferralFeedbackForm();
const RecordForm& Section47Form();
const RecordForm& MissingEpisodeForm();
const RecordForm& CustodyForm();
const RecordForm& AssessmentForm();
const RecordForm& ActionCompletedForm();
const RecordForm& DashForm();
const RecordForm& DashReviewForm();

// Shared parts.
const std::vector<Choice>& AgencyChoices();
// A child named by name and date of birth (ids "<name>-name", ...).
FormField ChildField(const std::string& name, const std::string& label);
// The rows of a record's `children` (ChildRef): a name and a date of birth each.
FormPart ChildrenPart(const std::string& heading);
// Standard, medium, high (RiskGrade).
const std::vector<Choice>& RiskGradeChoices();
// A supervisor's review of a DASH risk assessment (ids "review-..."); the
// reviewer is asked only in the assessment's own form (a review entry's is
// its writer).
FormPart DashReviewPart(bool with_reviewer);
void FillDashReview(RecordReader& in, v1::DashReview& review);
// An earlier entry of this same episode or custody that this record brings up to date.
FormField UpdatesField(const std::string& what);

}  // namespace casefile::web

#endif  // CASEFILE_WEB_RECORD_FORMS_RECORD_FORMS_H_
