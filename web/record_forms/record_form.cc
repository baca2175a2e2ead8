#include "web/record_forms/record_form.h"

#include <algorithm>
#include <functional>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "google/protobuf/message.h"
#include "web/html_escape.h"

namespace casefile::web {
namespace {

constexpr int kMaxRows = 30;

std::string RowId(const std::string& group, int row) { return absl::StrCat(group, "-", row); }

int RowsOf(const FormPart& part, const RecordDraft& draft) {
  auto it = draft.rows.find(part.group);
  return it == draft.rows.end() ? part.blank_rows : it->second;
}

// The names of a field's inputs, in the order drawn.
std::vector<std::string> InputNames(FieldType type, const std::string& id) {
  const auto date = [&](const std::string& prefix, bool with_time) {
    std::vector<std::string> names = {prefix + "-day", prefix + "-month", prefix + "-year"};
    if (with_time) names.push_back(prefix + "-time");
    return names;
  };
  switch (type) {
    case FieldType::kDate:
      return date(id, false);
    case FieldType::kDateTime:
      return date(id, true);
    case FieldType::kChild: {
      std::vector<std::string> names = date(id + "-date_of_birth", false);
      names.insert(names.begin(), id + "-name");
      return names;
    }
    default:
      return {id};
  }
}

// Calls `visit(field, id, label)` for every field of the form as drawn: the
// single fields, and each row's fields ("Attendee 2, agency").
void ForEachField(const RecordForm& form, const RecordDraft& draft,
                  const std::function<void(const FormField&, const std::string&, const std::string&)>& visit) {
  for (const FormPart& part : form.parts) {
    if (part.group.empty()) {
      for (const FormField& f : part.fields) visit(f, f.name, f.label);
      continue;
    }
    for (int row = 1; row <= RowsOf(part, draft); ++row) {
      for (const FormField& f : part.fields)
        visit(f, absl::StrCat(RowId(part.group, row), "-", f.name),
              absl::StrCat(part.row_label, " ", row, ", ", absl::AsciiStrToLower(f.label)));
    }
  }
}

DateParts PartsOf(const RecordDraft& draft, const std::string& prefix) {
  return {draft.Get(prefix + "-day"), draft.Get(prefix + "-month"), draft.Get(prefix + "-year"),
          draft.Get(prefix + "-time")};
}

std::string FieldHtml(const FormField& f, const std::string& id, bool in_row, const RecordDraft& draft,
                      const std::vector<FieldError>& errors) {
  const std::string value = draft.Get(id);
  switch (f.type) {
    case FieldType::kLine:
    case FieldType::kEntryNumber:
      return TextInput(errors, id, f.label, value, f.hint);
    case FieldType::kText:
      return TextArea(errors, id, f.label, value, in_row ? 2 : 4);
    case FieldType::kDate:
    case FieldType::kDateTime:
      return DateInput(errors, id, f.label, f.hint.empty() ? "For example, 12 11 2012. Give what you know." : f.hint,
                       PartsOf(draft, id), f.type == FieldType::kDateTime);
    case FieldType::kChoice:
      return in_row ? Select(errors, id, f.label, f.choices, value) : Radios(errors, id, f.label, f.choices, value);
    case FieldType::kCheck:
      return Checkbox(id, f.label, !value.empty());
    case FieldType::kChild:
      return absl::StrCat("<fieldset class=\"child\"><legend>", HtmlEscape(f.label), "</legend>",
                          TextInput(errors, id + "-name", "Name", draft.Get(id + "-name"), in_row ? "" : f.hint),
                          DateInput(errors, id + "-date_of_birth", "Date of birth",
                                    "For example, 3 4 2008; or a month and year, or a year.",
                                    PartsOf(draft, id + "-date_of_birth"), false),
                          "</fieldset>");
  }
  return "";
}

// The form's words for what an id names (a field, a row, a group), or "".
std::string LabelOf(const RecordForm& form, const RecordDraft& draft, const std::string& id) {
  std::string label;
  ForEachField(form, draft, [&](const FormField& f, const std::string& field_id, const std::string& field_label) {
    if (!label.empty()) return;
    if (id == field_id) label = field_label;
    if (f.type == FieldType::kChild && id == field_id + "-name") label = absl::StrCat(field_label, ", name");
    if (f.type == FieldType::kChild && id.rfind(field_id + "-date_of_birth", 0) == 0)
      label = absl::StrCat(field_label, ", date of birth");
  });
  if (!label.empty()) return label;
  for (const FormPart& part : form.parts) {
    if (part.group.empty()) continue;
    if (id == part.group) return part.heading;
    for (int row = 1; row <= RowsOf(part, draft); ++row) {
      if (id == RowId(part.group, row)) return absl::StrCat(part.row_label, " ", row);
    }
  }
  return "";
}

// What was not typed is not sent: a part left empty (a time, a child) is
// unset, so that casefiled says "is required" of it rather than judging an
// empty value.
void DropEmptyParts(google::protobuf::Message& m) {
  const google::protobuf::Reflection* r = m.GetReflection();
  std::vector<const google::protobuf::FieldDescriptor*> fields;
  r->ListFields(m, &fields);
  for (const google::protobuf::FieldDescriptor* f : fields) {
    if (f->cpp_type() != google::protobuf::FieldDescriptor::CPPTYPE_MESSAGE) continue;
    if (f->is_repeated()) {
      for (int i = 0; i < r->FieldSize(m, f); ++i) DropEmptyParts(*r->MutableRepeatedMessage(&m, f, i));
      continue;
    }
    google::protobuf::Message& part = *r->MutableMessage(&m, f);
    DropEmptyParts(part);
    if (part.ByteSizeLong() == 0 && f->containing_oneof() == nullptr) r->ClearField(&m, f);
  }
}

}  // namespace

FormPart SingleFields(std::vector<FormField> fields) {
  FormPart part;
  part.fields = std::move(fields);
  return part;
}

std::string RecordDraft::Get(const std::string& name) const {
  auto it = values.find(name);
  return it == values.end() ? "" : it->second;
}

RecordReader::RecordReader(const RecordForm& form, const RecordDraft& draft, const std::string& case_id)
    : form_(form), draft_(draft), case_id_(case_id) {}

std::string RecordReader::Line(const std::string& id) const { return Trimmed(draft_.Get(id)); }

std::string RecordReader::Text(const std::string& id) const { return LfNewLines(draft_.Get(id)); }

v1::PartialTime RecordReader::Date(const std::string& id) {
  v1::PartialTime t;
  std::vector<FieldError> wrong = ReadDateParts(PartsOf(draft_, id), id, "", t);
  errors_.insert(errors_.end(), wrong.begin(), wrong.end());
  return t;
}

std::string RecordReader::Choice(const std::string& id) const { return draft_.Get(id); }

bool RecordReader::Checked(const std::string& id) const { return !draft_.Get(id).empty(); }

std::string RecordReader::EntryName(const std::string& id) {
  const std::string typed = Line(id);
  if (typed.empty()) return "";
  int64_t n = 0;
  if (typed.size() > 18 || !absl::SimpleAtoi(typed, &n) || n < 1) {
    errors_.push_back({id, "Enter the entry's number as the chronology shows it, like 12"});
    return "";
  }
  return absl::StrCat("cases/", case_id_, "/entries/", n);
}

v1::ChildRef RecordReader::Child(const std::string& id) {
  v1::ChildRef child;
  child.set_name(Line(id + "-name"));
  *child.mutable_date_of_birth() = Date(id + "-date_of_birth");
  return child;
}

std::vector<std::string> RecordReader::Rows(const std::string& group) {
  std::vector<std::string> used;
  std::vector<int>& map = rows_[group];
  for (const FormPart& part : form_.parts) {
    if (part.group != group) continue;
    for (int row = 1; row <= RowsOf(part, draft_); ++row) {
      const std::string prefix = RowId(group, row);
      bool typed = false;
      for (const FormField& f : part.fields) {
        if (f.type == FieldType::kCheck) continue;  // a tick alone is not a row
        for (const std::string& name : InputNames(f.type, absl::StrCat(prefix, "-", f.name)))
          typed |= !Line(name).empty();
      }
      if (!typed) continue;
      used.push_back(prefix);
      map.push_back(row);
    }
  }
  return used;
}

RecordDraft RecordDraftFromForm(const RecordForm& form, absl::FunctionRef<std::string(const std::string&)> param) {
  RecordDraft d;
  const std::string add = param("add-row");
  for (const FormPart& part : form.parts) {
    if (part.group.empty()) continue;
    int rows = 0;
    if (!absl::SimpleAtoi(param(part.group + "-rows"), &rows)) rows = part.blank_rows;
    if (add == part.group) ++rows;
    d.rows[part.group] = std::clamp(rows, 1, kMaxRows);
  }
  ForEachField(form, d, [&](const FormField& f, const std::string& id, const std::string&) {
    for (const std::string& name : InputNames(f.type, id)) {
      std::string value = param(name);
      if (!value.empty()) d.values[name] = std::move(value);
    }
  });
  return d;
}

std::vector<FieldError> RecordToEntry(const RecordForm& form, const RecordDraft& draft, const std::string& case_id,
                                      v1::Entry& entry, RowMap* rows) {
  entry.Clear();
  entry.set_kind(form.entry_kind);
  RecordReader in(form, draft, case_id);
  form.fill(in, entry);
  DropEmptyParts(entry);
  if (!form.when_field.empty()) {
    v1::PartialTime when;
    if (ReadDateParts(PartsOf(draft, form.when_field), form.when_field, "", when).empty() &&
        when.precision() != v1::PartialTime::PRECISION_UNSPECIFIED)
      *entry.mutable_occur_time() = when;
  }
  if (rows != nullptr) *rows = in.rows();
  return std::move(in.errors());
}

std::string RecordFieldsHtml(const RecordForm& form, const RecordDraft& draft, const std::vector<FieldError>& errors) {
  std::string out;
  for (const FormPart& part : form.parts) {
    if (part.group.empty()) {
      for (const FormField& f : part.fields) out += FieldHtml(f, f.name, false, draft, errors);
      continue;
    }
    const int rows = RowsOf(part, draft);
    absl::StrAppend(&out, "<fieldset class=\"group\" id=\"", part.group, "\"><legend>", HtmlEscape(part.heading),
                    "</legend>",
                    part.hint.empty() ? "" : absl::StrCat("<p class=\"hint\">", HtmlEscape(part.hint), "</p>"));
    for (int row = 1; row <= rows; ++row) {
      absl::StrAppend(&out, "<fieldset class=\"row\"><legend>", HtmlEscape(part.row_label), " ", row, "</legend>");
      for (const FormField& f : part.fields)
        out += FieldHtml(f, absl::StrCat(RowId(part.group, row), "-", f.name), true, draft, errors);
      out += "</fieldset>";
    }
    absl::StrAppend(&out, Hidden(part.group + "-rows", absl::StrCat(rows)));
    if (rows < kMaxRows) {
      absl::StrAppend(&out, "<p><button type=\"submit\" class=\"secondary\" name=\"add-row\" value=\"", part.group,
                      "\" id=\"add-", part.group, "\">", HtmlEscape(part.add_label), "</button></p>");
    }
    out += "</fieldset>";
  }
  return out;
}

FieldError RecordServerError(const RecordForm& form, const RecordDraft& draft, const RowMap& rows,
                             const std::string& message) {
  const size_t colon = message.find(": ");
  const std::string prefix = absl::StrCat("entry.", form.record, ".");
  if (colon == std::string::npos || message.rfind(prefix, 0) != 0) return {"", message};
  // "attendees[1].name" → "attendees-3-name" when attendees[1] came from row 3.
  const std::string path = message.substr(prefix.size(), colon - prefix.size());
  std::string id, group;
  for (size_t i = 0; i < path.size(); ++i) {
    if (path[i] == '.') {
      id += '-';
    } else if (path[i] == '[') {
      const size_t close = path.find(']', i);
      if (close == std::string::npos) return {"", message};
      size_t index = 0;
      if (!absl::SimpleAtoi(path.substr(i + 1, close - i - 1), &index)) return {"", message};
      auto mapped = rows.find(group);
      const bool known = mapped != rows.end() && index < mapped->second.size();
      absl::StrAppend(&id, "-", known ? mapped->second[index] : static_cast<int>(index) + 1);
      i = close;
    } else {
      id += path[i];
      group = id;
    }
  }
  // The input itself, else the first input within what it names (a date's
  // day, a child's name, a group's first row).
  std::string field;
  ForEachField(form, draft, [&](const FormField& f, const std::string& field_id, const std::string&) {
    for (const std::string& name : InputNames(f.type, field_id)) {
      if (field.empty() && (name == id || name.rfind(id + "-", 0) == 0)) field = name;
    }
  });
  const std::string label = LabelOf(form, draft, id);
  const std::string what = message.substr(colon + 2);
  return {field, label.empty() ? message : absl::StrCat(label, ": ", what)};
}

}  // namespace casefile::web
