// See investigation_log.h.
#include "migration/readers/investigation_log.h"

#include <algorithm>
#include <optional>

#include "absl/status/status.h"
#include "migration/readers/ascii.h"
#include "migration/readers/subjects.h"

namespace casefile::migration {
namespace {

constexpr std::string_view kTitle = "INVESTIGATION LOG";
// Every entry carries the header's references and subjects, so a hostile
// header of thousands of them would multiply memory by the entry count.
// Real logs name a handful.
constexpr size_t kMaxHeaderItems = 100;

template <typename T>
bool PushCapped(std::vector<T>& items, T item) {
  if (items.size() >= kMaxHeaderItems) return false;
  items.push_back(std::move(item));
  return true;
}

bool IsBlank(std::string_view line) { return TrimAscii(line).empty(); }

std::string_view TrimLeft(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  return s;
}

// The text after a leading separator ("-", ":", an en or em dash), or
// nullopt when `text` does not start with one.
std::optional<std::string_view> AfterSeparator(std::string_view text) {
  if (!text.empty() && (text.front() == '-' || text.front() == ':')) {
    return TrimLeft(text.substr(1));
  }
  if (text.substr(0, 3) == "\xE2\x80\x93" || text.substr(0, 3) == "\xE2\x80\x94") {
    return TrimLeft(text.substr(3));
  }
  return std::nullopt;
}

// What a line in the body of a log is.
struct LineStart {
  enum Kind { kText, kEntry } kind = kText;
  absl::StatusOr<PartialTime> time;  // an error for an entry with an impossible date
  std::string_view rest;             // the entry's text on the same line
};

LineStart ClassifyLine(std::string_view line) {
  LineStart start;
  std::string_view s = TrimLeft(line);
  absl::StatusOr<PartialTimePrefix> prefix = ParsePartialTimePrefix(s);
  if (absl::IsNotFound(prefix.status())) return start;
  start.kind = LineStart::kEntry;
  if (!prefix.ok()) {
    start.time = prefix.status();
    return start;
  }
  const std::string_view after = TrimLeft(s.substr(prefix->length));
  const std::optional<std::string_view> separated = AfterSeparator(after);
  start.rest = separated.value_or(after);
  if (prefix->time.precision == TimePrecision::kMonth && !separated && !after.empty()) {
    start.kind = LineStart::kText;  // "May 2012 saw ..." is prose
    return start;
  }
  start.time = prefix->time;
  return start;
}

bool IsOneOf(std::string_view key, std::initializer_list<std::string_view> names) {
  for (std::string_view n : names) {
    if (EqualsIgnoreCase(key, n)) return true;
  }
  return false;
}

// Column positions of an entries table, from its header row.
struct EntriesColumns {
  int date = -1;
  int time = -1;
  int entry = -1;
};

EntriesColumns FindEntriesColumns(const std::vector<std::string>& header) {
  EntriesColumns cols;
  for (size_t i = 0; i < header.size(); ++i) {
    std::string_view h = TrimAscii(header[i]);
    const int at = static_cast<int>(i);
    if (cols.date < 0 && IsOneOf(h, {"Date/Time", "Date", "Date and time", "Date & time",
                                     "Date / Time"})) {
      cols.date = at;
    } else if (cols.time < 0 && IsOneOf(h, {"Time"})) {
      cols.time = at;
    } else if (cols.entry < 0 && IsOneOf(h, {"Entry", "Log entry", "Details", "Text"})) {
      cols.entry = at;
    }
  }
  return cols;
}

std::string_view Cell(const std::vector<std::string>& row, int column) {
  return column >= 0 && static_cast<size_t>(column) < row.size() ? std::string_view(row[column])
                                                                  : std::string_view();
}

}  // namespace

InvestigationLogBuilder::InvestigationLogBuilder(std::string_view path) {
  file_.path.assign(path);
  file_.format = LegacyFormat::kInvestigationLog;
}

void InvestigationLogBuilder::AddLine(std::string_view line) {
  if (phase_ == Phase::kTitle) {
    if (IsBlank(line)) return;
    phase_ = Phase::kHeader;
    if (StartsWithIgnoreCase(TrimAscii(line), kTitle)) return;
  }
  if (phase_ == Phase::kHeader && IsBlank(line)) {
    // Blank lines between the title and the first header line are spacing.
    if (header_lines_ > 0) phase_ = Phase::kBody;
    return;
  }
  const LineStart start = ClassifyLine(line);
  if (phase_ == Phase::kHeader) {
    if (start.kind == LineStart::kText) {
      ++header_lines_;
      if (!AddHeaderLine(line)) ++lines_outside_entries_;
      return;
    }
    phase_ = Phase::kBody;
  }
  if (start.kind == LineStart::kEntry) {
    StartEntry(start.time, start.rest);
  } else if (in_entry_) {
    AppendToEntry(line);
  } else if (!IsBlank(line)) {
    ++lines_outside_entries_;
  }
}

bool InvestigationLogBuilder::AddHeaderLine(std::string_view line) {
  const size_t colon = line.find(':');
  if (colon == std::string_view::npos) return false;
  std::string_view key = TrimAscii(line.substr(0, colon));
  std::string_view value = TrimAscii(line.substr(colon + 1));
  if (IsOneOf(key, {"Officer", "OIC", "Officer in case"})) {
    if (!file_.officer.empty()) file_.officer.append(", ");
    file_.officer.append(value);
    return true;
  }
  if (IsOneOf(key, {"Reference", "References", "Ref", "Refs"})) {
    size_t start = 0;
    while (start <= value.size()) {
      size_t end = value.find_first_of(",;", start);
      if (end == std::string_view::npos) end = value.size();
      std::string_view ref = TrimAscii(value.substr(start, end - start));
      if (!ref.empty() && !PushCapped(refs_, std::string(ref))) ++header_items_dropped_;
      start = end + 1;
    }
    return true;
  }
  if (IsOneOf(key, {"Subject", "Subjects"})) {
    for (LegacySubject& s : ParseSubjectList(value)) {
      if (!PushCapped(subjects_, std::move(s))) ++header_items_dropped_;
    }
    return true;
  }
  return false;
}

void InvestigationLogBuilder::StartEntry(const absl::StatusOr<PartialTime>& time,
                                         std::string_view first_text) {
  FinishEntry();
  in_entry_ = true;
  ++entries_;
  entry_time_ = time;
  AppendToEntry(first_text);
}

void InvestigationLogBuilder::AppendToEntry(std::string_view line) {
  if (IsBlank(line)) {
    if (!entry_text_.empty()) ++pending_blank_lines_;
    return;
  }
  if (!entry_text_.empty()) entry_text_.append(pending_blank_lines_ + 1, '\n');
  pending_blank_lines_ = 0;
  entry_text_.append(line);
}

void InvestigationLogBuilder::FinishEntry() {
  if (!in_entry_) return;
  in_entry_ = false;
  pending_blank_lines_ = 0;
  std::string locator = file_.path + "#entry=" + std::to_string(entries_);
  if (!entry_time_.ok()) {
    file_.problems.push_back({std::move(locator), std::string(entry_time_.status().message())});
    entry_text_.clear();
    return;
  }
  LegacyEvent& e = file_.events.emplace_back();
  e.locator = std::move(locator);
  e.format = LegacyFormat::kInvestigationLog;
  e.legacy_refs = refs_;
  e.occurred = *entry_time_;
  e.author = file_.officer;
  e.subjects = subjects_;
  std::string_view text = TrimAscii(entry_text_);
  e.text.assign(text);
  entry_text_.clear();
}

void InvestigationLogBuilder::AddTable(const std::vector<std::vector<std::string>>& rows) {
  if (AddEntriesTable(rows)) return;
  for (const std::vector<std::string>& row : rows) {
    for (const std::string& cell : row) AddLines(cell);
  }
}

void InvestigationLogBuilder::AddLines(std::string_view text) {
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    AddLine(text.substr(start, end - start));
    start = end + 1;
  }
}

bool InvestigationLogBuilder::AddEntriesTable(const std::vector<std::vector<std::string>>& rows) {
  if (rows.empty()) return false;
  const EntriesColumns cols = FindEntriesColumns(rows[0]);
  if (cols.date < 0 || cols.entry < 0) return false;
  phase_ = Phase::kBody;  // the table ends the header
  for (size_t r = 1; r < rows.size(); ++r) {
    std::string when(TrimAscii(Cell(rows[r], cols.date)));
    std::string_view time_cell = TrimAscii(Cell(rows[r], cols.time));
    if (!time_cell.empty()) when.append(" ").append(time_cell);
    std::replace(when.begin(), when.end(), '\n', ' ');  // date and time on two lines
    std::string_view text = Cell(rows[r], cols.entry);
    if (when.empty()) {
      // A row without a date continues the entry above it.
      if (in_entry_) {
        AppendToEntry(text);
      } else if (!IsBlank(text)) {
        ++lines_outside_entries_;
      }
      continue;
    }
    absl::StatusOr<PartialTime> time = ParsePartialTime(when);
    if (!time.ok()) {
      time = absl::InvalidArgumentError("Date/Time: " + std::string(time.status().message()));
    }
    StartEntry(time, text);
  }
  return true;
}

LegacyFile InvestigationLogBuilder::Finish() {
  FinishEntry();
  if (lines_outside_entries_ > 0) {
    file_.problems.push_back(
        {file_.path, std::to_string(lines_outside_entries_) +
                         (lines_outside_entries_ == 1 ? " line" : " lines") +
                         " outside the header and the dated entries not read"});
  }
  if (header_items_dropped_ > 0) {
    file_.problems.push_back(
        {file_.path, std::to_string(header_items_dropped_) +
                         " header references or subjects beyond the first 100 of each not read"});
  }
  if (entries_ == 0) file_.problems.push_back({file_.path, "no dated entries found"});
  return std::move(file_);
}

bool IsTextInvestigationLog(std::string_view text) {
  size_t i = 0;
  while (i < text.size() && IsAsciiSpace(text[i])) ++i;
  return StartsWithIgnoreCase(text.substr(i), kTitle);
}

LegacyFile ReadTextInvestigationLog(std::string_view path, std::string_view text) {
  InvestigationLogBuilder log(path);
  log.AddLines(text);
  return log.Finish();
}

}  // namespace casefile::migration
