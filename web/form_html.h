// The pieces of casefile-web's forms, on GOV.UK Design System patterns: an
// error summary linking to each refused field, the message beside the field
// (tied to it by aria-describedby, the field marked aria-invalid), text
// areas, hidden fields, and the date input (day, month, year and an
// optional time) with its reader, which accepts whatever precision is known.
// Every value shown is escaped.
//
// Thread-safe: pure functions.
#ifndef CASEFILE_WEB_FORM_HTML_H_
#define CASEFILE_WEB_FORM_HTML_H_

#include <string>
#include <vector>

#include "casefile/v1/partial_time.pb.h"

namespace casefile::web {

// A refused field: `field` is the id the summary links to ("kind",
// "when-day", "text"), or "" for a refusal of the whole form.
struct FieldError {
  std::string field;
  std::string message;
};

// The date input's fields as typed; ids are "<prefix>-day", "-month",
// "-year" and "-time".
struct DateParts {
  std::string day, month, year, time;
};

// A year alone, a month (a number or a name) and year, a whole date, or a
// whole date and a time (when the input has one). Empty parts: `empty_message`
// against "<prefix>-day" (or no error and precision unknown when the message
// is empty: the date is optional). Errors name the first field wrong.
std::vector<FieldError> ReadDateParts(const DateParts& parts, const std::string& prefix,
                                      const std::string& empty_message, v1::PartialTime& out);

std::string DateInput(const std::vector<FieldError>& errors, const std::string& prefix, const std::string& legend,
                      const std::string& hint, const DateParts& parts, bool with_time);

std::string ErrorSummary(const std::vector<FieldError>& errors);
std::string FieldErrorHtml(const std::vector<FieldError>& errors, const std::string& field);
std::string TextArea(const std::vector<FieldError>& errors, const std::string& id, const std::string& label,
                     const std::string& value, int rows);
std::string TextInput(const std::vector<FieldError>& errors, const std::string& id, const std::string& label,
                      const std::string& value, const std::string& hint = "");
std::string Hidden(const std::string& name, const std::string& value);

// One option of a choice: the value sent and its words.
struct Choice {
  std::string value;
  std::string label;
};
// Radios in a fieldset (the first radio has id `id`, for the error summary).
std::string Radios(const std::vector<FieldError>& errors, const std::string& id, const std::string& legend,
                   const std::vector<Choice>& choices, const std::string& value);
// A select with a blank first option (compact, for a choice in a table row).
std::string Select(const std::vector<FieldError>& errors, const std::string& id, const std::string& label,
                   const std::vector<Choice>& choices, const std::string& value);
// One box, sent as "1" when ticked.
std::string Checkbox(const std::string& id, const std::string& label, bool ticked);

// `s` without the spaces around it.
std::string Trimmed(const std::string& s);

// Text as a browser sends it, with its CR LF new lines made LF (the
// chronology's).
std::string LfNewLines(const std::string& text);

}  // namespace casefile::web

#endif  // CASEFILE_WEB_FORM_HTML_H_
