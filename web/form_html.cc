#include "web/form_html.h"

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "core/time/partial_time.h"
#include "core/time/partial_time_proto.h"
#include "web/html_escape.h"

namespace casefile::web {
namespace {

// 1..12 from "11", "Nov" or "November" (any case); 0 when not a month.
int MonthNumber(const std::string& text) {
  int n = 0;
  if (absl::SimpleAtoi(text, &n)) return n >= 1 && n <= 12 ? n : 0;
  static const char* const kNames[] = {"january", "february", "march",     "april",   "may",      "june",
                                       "july",    "august",   "september", "october", "november", "december"};
  const std::string lower = absl::AsciiStrToLower(text);
  for (int i = 0; i < 12; ++i) {
    const std::string name = kNames[i];
    if (lower == name || (lower.size() == 3 && name.compare(0, 3, lower) == 0)) return i + 1;
  }
  return 0;
}

// "09:15" or "0915" → hour and minute.
bool ParseClock(const std::string& text, int& hour, int& minute) {
  std::string digits;
  for (char c : text) {
    if (c == ':') continue;
    if (!absl::ascii_isdigit(c)) return false;
    digits += c;
  }
  if (digits.size() != 4) return false;
  hour = (digits[0] - '0') * 10 + (digits[1] - '0');
  minute = (digits[2] - '0') * 10 + (digits[3] - '0');
  return hour < 24 && minute < 60;
}

const FieldError* ErrorOf(const std::vector<FieldError>& errors, const std::string& field) {
  for (const FieldError& e : errors) {
    if (e.field == field) return &e;
  }
  return nullptr;
}

// aria-describedby for a field: its hint (if any) and its message (if refused).
std::string DescribedBy(const std::vector<FieldError>& errors, const std::string& field, const std::string& hint) {
  std::string ids = hint;
  if (ErrorOf(errors, field) != nullptr) ids = absl::StrCat(ids, ids.empty() ? "" : " ", field, "-error");
  return ids.empty() ? "" : absl::StrCat(" aria-describedby=\"", ids, "\"");
}

const char* Invalid(const std::vector<FieldError>& errors, const std::string& field) {
  return ErrorOf(errors, field) != nullptr ? " aria-invalid=\"true\"" : "";
}

}  // namespace

std::vector<FieldError> ReadDateParts(const DateParts& parts, const std::string& prefix,
                                      const std::string& empty_message, v1::PartialTime& out) {
  const std::string day = Trimmed(parts.day), month = Trimmed(parts.month), year = Trimmed(parts.year),
                    time = Trimmed(parts.time);
  const auto field = [&](const char* part) { return absl::StrCat(prefix, "-", part); };
  if (day.empty() && month.empty() && year.empty() && time.empty()) {
    out.Clear();
    if (empty_message.empty()) return {};
    return {{field("day"), empty_message}};
  }
  int y = 0;
  if (!absl::SimpleAtoi(year, &y) || year.size() != 4 || y < 1800 || y > 2199)
    return {{field("year"), "The year must be four digits, like 2012"}};
  PartialTime when{TimePrecision::kYear, y};
  if (!month.empty()) {
    when.month = MonthNumber(month);
    if (when.month == 0) return {{field("month"), "The month must be a number from 1 to 12, or its name"}};
    when.precision = TimePrecision::kMonth;
  }
  if (!day.empty()) {
    if (month.empty()) return {{field("month"), "Enter the month of that day"}};
    if (!absl::SimpleAtoi(day, &when.day) || when.day < 1 || when.day > DaysInMonth(y, when.month))
      return {{field("day"), absl::StrCat("The day must be a day of that month (1 to ", DaysInMonth(y, when.month), ")")}};
    when.precision = TimePrecision::kDay;
  }
  if (!time.empty()) {
    if (day.empty()) return {{field("day"), "Enter the day of that time"}};
    if (!ParseClock(time, when.hour, when.minute)) return {{field("time"), "The time must be like 09:15 (24-hour clock)"}};
    when.precision = TimePrecision::kMinute;
  }
  out = ToProto(when);
  return {};
}

std::string DateInput(const std::vector<FieldError>& errors, const std::string& prefix, const std::string& legend,
                      const std::string& hint, const DateParts& parts, bool with_time) {
  // One message for the group: the first of its fields in error.
  std::string error_field;
  for (const char* part : {"day", "month", "year", "time"}) {
    const std::string id = absl::StrCat(prefix, "-", part);
    if (error_field.empty() && ErrorOf(errors, id) != nullptr) error_field = id;
  }
  std::string out = absl::StrCat(
      "<fieldset class=\"date-input\" role=\"group\" aria-describedby=\"", prefix, "-hint",
      error_field.empty() ? "" : absl::StrCat(" ", error_field, "-error"), "\"><legend>", HtmlEscape(legend),
      "</legend><p class=\"hint\" id=\"", prefix, "-hint\">", HtmlEscape(hint), "</p>",
      error_field.empty() ? "" : FieldErrorHtml(errors, error_field));
  auto field = [&](const char* part, const char* label, const std::string& value, const char* size, const char* mode) {
    const std::string id = absl::StrCat(prefix, "-", part);
    absl::StrAppend(&out, "<div class=\"date-part\"><label for=\"", id, "\">", label, "</label><input type=\"text\" id=\"",
                    id, "\" name=\"", id, "\" value=\"", HtmlEscape(value), "\" size=\"", size, "\" inputmode=\"",
                    mode, "\"", error_field == id ? " aria-invalid=\"true\"" : "", "></div>");
  };
  field("day", "Day", parts.day, "2", "numeric");
  field("month", "Month", parts.month, "9", "text");
  field("year", "Year", parts.year, "4", "numeric");
  if (with_time) field("time", "Time (optional)", parts.time, "5", "numeric");
  return out + "</fieldset>";
}

std::string ErrorSummary(const std::vector<FieldError>& errors) {
  if (errors.empty()) return "";
  std::string out =
      "<div class=\"error-summary\" role=\"alert\" aria-labelledby=\"error-summary-title\" tabindex=\"-1\">"
      "<h2 id=\"error-summary-title\">There is a problem</h2><ul>";
  for (const FieldError& e : errors) {
    if (e.field.empty()) {
      absl::StrAppend(&out, "<li>", HtmlEscape(e.message), "</li>");
    } else {
      absl::StrAppend(&out, "<li><a href=\"#", HtmlEscape(e.field), "\">", HtmlEscape(e.message), "</a></li>");
    }
  }
  return out + "</ul></div>";
}

std::string FieldErrorHtml(const std::vector<FieldError>& errors, const std::string& field) {
  const FieldError* e = ErrorOf(errors, field);
  if (e == nullptr) return "";
  return absl::StrCat("<p class=\"field-error\" id=\"", HtmlEscape(field), "-error\"><span class=\"visually-hidden\">"
                      "Error: </span>", HtmlEscape(e->message), "</p>");
}

std::string TextArea(const std::vector<FieldError>& errors, const std::string& id, const std::string& label,
                     const std::string& value, int rows) {
  return absl::StrCat("<label for=\"", id, "\">", HtmlEscape(label), "</label>", FieldErrorHtml(errors, id),
                      "<textarea id=\"", id, "\" name=\"", id, "\" rows=\"", rows, "\"", DescribedBy(errors, id, ""),
                      Invalid(errors, id), ">", HtmlEscape(value), "</textarea>");
}

std::string TextInput(const std::vector<FieldError>& errors, const std::string& id, const std::string& label,
                      const std::string& value, const std::string& hint) {
  const std::string hint_id = hint.empty() ? "" : absl::StrCat(id, "-hint");
  return absl::StrCat("<label for=\"", id, "\">", HtmlEscape(label), "</label>",
                      hint.empty() ? "" : absl::StrCat("<p class=\"hint\" id=\"", hint_id, "\">", HtmlEscape(hint), "</p>"),
                      FieldErrorHtml(errors, id), "<input type=\"text\" id=\"", id, "\" name=\"", id, "\" value=\"",
                      HtmlEscape(value), "\"", DescribedBy(errors, id, hint_id), Invalid(errors, id), ">");
}

std::string Hidden(const std::string& name, const std::string& value) {
  return absl::StrCat("<input type=\"hidden\" name=\"", HtmlEscape(name), "\" value=\"", HtmlEscape(value), "\">");
}

std::string Radios(const std::vector<FieldError>& errors, const std::string& id, const std::string& legend,
                   const std::vector<Choice>& choices, const std::string& value) {
  const std::string message = FieldErrorHtml(errors, id);
  std::string out = absl::StrCat("<fieldset class=\"radios\"", message.empty() ? "" : absl::StrCat(" aria-describedby=\"", id, "-error\""),
                                 "><legend>", HtmlEscape(legend), "</legend>", message);
  for (size_t i = 0; i < choices.size(); ++i) {
    const std::string radio = i == 0 ? id : absl::StrCat(id, "-", i + 1);
    absl::StrAppend(&out, "<div class=\"radio\"><input type=\"radio\" id=\"", radio, "\" name=\"", id, "\" value=\"",
                    HtmlEscape(choices[i].value), "\"", choices[i].value == value ? " checked" : "", "><label for=\"",
                    radio, "\">", HtmlEscape(choices[i].label), "</label></div>");
  }
  return out + "</fieldset>";
}

std::string Select(const std::vector<FieldError>& errors, const std::string& id, const std::string& label,
                   const std::vector<Choice>& choices, const std::string& value) {
  std::string out = absl::StrCat("<label for=\"", id, "\">", HtmlEscape(label), "</label>", FieldErrorHtml(errors, id),
                                 "<select id=\"", id, "\" name=\"", id, "\"", DescribedBy(errors, id, ""),
                                 Invalid(errors, id), "><option value=\"\"></option>");
  for (const Choice& c : choices) {
    absl::StrAppend(&out, "<option value=\"", HtmlEscape(c.value), "\"", c.value == value ? " selected" : "", ">",
                    HtmlEscape(c.label), "</option>");
  }
  return out + "</select>";
}

std::string Checkbox(const std::string& id, const std::string& label, bool ticked) {
  return absl::StrCat("<div class=\"radio\"><input type=\"checkbox\" id=\"", id, "\" name=\"", id, "\" value=\"1\"",
                      ticked ? " checked" : "", "><label for=\"", id, "\">", HtmlEscape(label), "</label></div>");
}

std::string Trimmed(const std::string& s) { return std::string(absl::StripAsciiWhitespace(s)); }

std::string LfNewLines(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;
    out += text[i];
  }
  return out;
}

}  // namespace casefile::web
