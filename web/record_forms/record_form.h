// The forms of structured safeguarding records (safeguarding.proto) in
// casefile-web, one per record, described as data: each form is a list of
// parts (single fields, or groups of repeated rows such as a strategy
// discussion's attendees), and one function that turns what was typed into
// the Entry's record. Drawing the form, reading it back, carrying it through
// sign-in and placing casefiled's refusals beside the right field are shared
// here, so a form's own file holds only its fields and its record.
//
// Rules:
// - A group starts with a few blank rows; "Add another ..." (a submit button,
//   no script) draws the form again with one more, everything typed kept.
// - A row left wholly blank is not sent. Row numbers in the form stay as
//   typed; the record's list holds the rows used, in order, and a refusal of
//   "attendees[1]" is placed beside the form row that became attendees[1].
// - Only what cannot be sent is refused here (a date that is not a date, an
//   entry number that is not a number); every rule of the record is
//   casefiled's (core/safeguarding), mapped back to its field.
//
// Input names and element ids are one: "held_time-day", "attendees-2-agency",
// "child-date_of_birth-year". Thread-safe: pure functions and constant data.
#ifndef CASEFILE_WEB_RECORD_FORMS_RECORD_FORM_H_
#define CASEFILE_WEB_RECORD_FORMS_RECORD_FORM_H_

#include <map>
#include <string>
#include <vector>

#include "absl/functional/function_ref.h"
#include "casefile/v1/case.pb.h"
#include "web/form_html.h"

namespace casefile::web {

enum class FieldType {
  kLine,        // one line of text
  kText,        // a text area
  kDate,        // day, month, year (any precision given)
  kDateTime,    // day, month, year and an optional time
  kChoice,      // one of `choices` (radios; a select inside a row)
  kCheck,       // a box ticked or not
  kEntryNumber, // the number of an entry of this case ("12")
  kChild,       // a child: a name and a date of birth (parts "name", "date_of_birth")
};

struct FormField {
  std::string name;  // the record's field name, e.g. "held_time"
  std::string label;
  FieldType type = FieldType::kLine;
  std::string hint;
  std::vector<Choice> choices;  // values: the enum values' names, e.g. "AGENCY_CSC"
};

// Single fields (`group` empty), or a repeated group of rows, each row made
// of `fields`: ids "<group>-<row>-<field>", rows counted from 1.
struct FormPart {
  std::string group;       // the record's repeated field, e.g. "attendees"
  std::string row_label;   // "Attendee" (legend "Attendee 2")
  std::string add_label;   // "Add another attendee"
  std::string heading;     // above the rows, e.g. "Who took part"
  std::string hint;
  int blank_rows = 3;
  std::vector<FormField> fields;
};

// A part of single fields (ids: the fields' names).
FormPart SingleFields(std::vector<FormField> fields);

// What was typed in a record form: every input by name, and the rows shown
// per group.
struct RecordDraft {
  std::map<std::string, std::string> values;
  std::map<std::string, int> rows;
  std::string Get(const std::string& name) const;
};

// Which form row each element of a record's repeated field came from:
// "attendees" → {1, 3} when rows 1 and 3 were used and row 2 left blank.
using RowMap = std::map<std::string, std::vector<int>>;

class RecordReader;

struct RecordForm {
  std::string kind;    // in addresses and buttons: "strategy-discussion"
  std::string title;   // "Strategy discussion"
  std::string record;  // the Entry's field: "strategy_discussion"
  v1::EntryKind entry_kind = v1::ENTRY_KIND_UNSPECIFIED;
  // The date field that is also when the entry happened ("held_time"); empty:
  // the form asks "When did it happen?" itself.
  std::string when_field;
  std::vector<FormPart> parts;
  // Sets the entry's record from what was typed (the reader gathers the
  // errors of what cannot be sent).
  void (*fill)(RecordReader& in, v1::Entry& entry) = nullptr;
};

// Reads the values of a draft as a record's fields. Errors are the fields
// that cannot be sent; `rows` the form rows behind each repeated field.
class RecordReader {
 public:
  RecordReader(const RecordForm& form, const RecordDraft& draft, const std::string& case_id);

  std::string Line(const std::string& id) const;  // trimmed
  std::string Text(const std::string& id) const;  // new lines as LF
  v1::PartialTime Date(const std::string& id);    // unset when blank
  std::string Choice(const std::string& id) const;
  bool Checked(const std::string& id) const;
  // `cases/{case}/entries/{n}`, or "" when blank.
  std::string EntryName(const std::string& id);
  // A child by name and date of birth; unset fields when blank.
  v1::ChildRef Child(const std::string& id);
  // The id prefixes ("attendees-3") of the group's rows with anything typed,
  // in order; each becomes the next element of the record's list.
  std::vector<std::string> Rows(const std::string& group);

  std::vector<FieldError>& errors() { return errors_; }
  const RowMap& rows() const { return rows_; }

 private:
  const RecordForm& form_;
  const RecordDraft& draft_;
  std::string case_id_;
  std::vector<FieldError> errors_;
  RowMap rows_;
};

// The enum value chosen (its name), or 0 (unspecified) when none or unknown.
template <typename Enum>
Enum ChosenEnum(const std::string& name, bool (*parse)(const std::string&, Enum*)) {
  Enum value{};
  return parse(name, &value) ? value : Enum{};
}

// The draft from a form's parameters (`param(name)`: "" when absent). A
// parameter "add-row" naming a group adds a row to it.
RecordDraft RecordDraftFromForm(const RecordForm& form, absl::FunctionRef<std::string(const std::string&)> param);

// The entry's record and kind (and, with `when_field`, its occur_time), or
// the errors of what cannot be sent. `rows` receives the row map.
std::vector<FieldError> RecordToEntry(const RecordForm& form, const RecordDraft& draft, const std::string& case_id,
                                      v1::Entry& entry, RowMap* rows = nullptr);

// The form's fields as HTML (errors beside their fields, hidden row counts).
std::string RecordFieldsHtml(const RecordForm& form, const RecordDraft& draft, const std::vector<FieldError>& errors);

// casefiled's INVALID_ARGUMENT message placed on the form: the field it names
// ("entry.strategy_discussion.attendees[1].name: is required" → the name of
// the form row behind attendees[1]), with the message put in the form's
// words. An unplaced message keeps field "" (the whole form).
FieldError RecordServerError(const RecordForm& form, const RecordDraft& draft, const RowMap& rows,
                             const std::string& message);

}  // namespace casefile::web

#endif  // CASEFILE_WEB_RECORD_FORMS_RECORD_FORM_H_
