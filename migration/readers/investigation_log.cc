// See investigation_log.h.
#include "migration/readers/investigation_log.h"

#include <algorithm>
#include <optional>

#include "absl/status/status.h"
#include "migration/readers/ascii.h"
#include "migration/readers/date_fields.h"
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
  std::string_view date;  // the date (and time) the line begins with, as written
  std::string_view rest;  // the entry's text on the same line
};

// The first whitespace-delimited word of `s`.
std::string_view FirstWord(std::string_view s) {
  size_t n = 0;
  while (n < s.size() && !IsAsciiSpace(s[n])) ++n;
  return s.substr(0, n);
}

LineStart ClassifyLine(std::string_view line) {
  LineStart start;
  std::string_view s = TrimLeft(line);
  absl::StatusOr<PartialTimePrefix> prefix = ParsePartialTimePrefix(s);
  // A half-legible date ("?/11/2012", "Jul 2010 11:10") starts an entry too,
  // and a longer date-shaped start ("12/11/2012 at about 14.30") is taken
  // whole. (Not looked for after a date in a known form followed by a
  // separator or nothing, the usual entry line.)
  const bool plain_entry =
      prefix.ok() && (TrimLeft(s.substr(prefix->length)).empty() ||
                      AfterSeparator(TrimLeft(s.substr(prefix->length))).has_value());
  const size_t shaped = plain_entry ? 0 : DateShapedPrefixLength(s);
  size_t length = 0;
  if (prefix.ok() && prefix->length >= shaped) {
    length = prefix->length;
  } else if (shaped > 0) {
    length = shaped;
  } else if (absl::IsInvalidArgument(prefix.status())) {
    length = FirstWord(s).size();  // shaped like a date, but impossible
  } else {
    return start;
  }
  const std::string_view after = TrimLeft(s.substr(length));
  const std::optional<std::string_view> separated = AfterSeparator(after);
  if (prefix.ok() && length == prefix->length &&
      prefix->time.precision == TimePrecision::kMonth && !separated && !after.empty()) {
    return start;  // "May 2012 saw ..." is prose
  }
  start.kind = LineStart::kEntry;
  start.date = s.substr(0, length);
  start.rest = separated.value_or(after);
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


// Appends `text` and a line feed to `raw` while it holds less than `limit`.
void AppendCapped(std::string& raw, std::string_view text, size_t limit) {
  if (raw.size() >= limit) return;
  raw.append(Utf8Prefix(text, limit - raw.size()));
  if (raw.size() < limit) raw.push_back('\n');
}

}  // namespace

InvestigationLogBuilder::InvestigationLogBuilder(std::string_view path,
                                                 const ReaderOptions& options)
    : options_(options) {
  file_.path.assign(path);
  file_.format = LegacyFormat::kInvestigationLog;
}

void InvestigationLogBuilder::AddLine(std::string_view line) {
  AppendCapped(file_raw_, line, kFileRawBytes);
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
      if (!AddHeaderLine(line)) {
        ++lines_outside_entries_;
        AppendCapped(outside_raw_, line, kFileRawBytes);
      }
      return;
    }
    phase_ = Phase::kBody;
  }
  if (start.kind == LineStart::kEntry) {
    StartEntry(start.date, line, start.rest);
  } else if (in_entry_) {
    AppendToEntry(line);
  } else if (!IsBlank(line)) {
    ++lines_outside_entries_;
    AppendCapped(outside_raw_, line, kFileRawBytes);
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
      if (!ref.empty() && !PushCapped(refs_, std::string(ref))) {
        ++header_items_dropped_;
        AppendCapped(dropped_raw_, ref, kFileRawBytes);
      }
      start = end + 1;
    }
    return true;
  }
  if (IsOneOf(key, {"Subject", "Subjects"})) {
    for (LegacySubject& s : ParseSubjectList(value)) {
      if (!PushCapped(subjects_, s)) {
        ++header_items_dropped_;
        AppendCapped(dropped_raw_, s.as_written, kFileRawBytes);
      }
    }
    return true;
  }
  return false;
}

void InvestigationLogBuilder::StartEntry(std::string_view date, std::string_view first_line,
                                         std::string_view first_text) {
  FinishEntry();
  in_entry_ = true;
  ++entries_;
  entry_date_.assign(date);
  table_entry_ = false;
  entry_raw_.clear();
  AppendCapped(entry_raw_, first_line, kOversizedRawBytes);
  // The date is part of the record: a line of it counts whole.
  entry_bytes_ = first_line.size() > first_text.size() ? first_line.size() - first_text.size() : 0;
  AppendToEntry(first_text, /*raw=*/false);
}

void InvestigationLogBuilder::AppendToEntry(std::string_view line, bool raw) {
  entry_bytes_ += line.size() + 1;
  if (raw) AppendCapped(entry_raw_, line, kOversizedRawBytes);
  if (IsBlank(line)) {
    if (!entry_text_.empty()) ++pending_blank_lines_;
    return;
  }
  // Past the limit the entry will be a problem keeping only its start
  // (entry_raw_): the rest is counted, not kept.
  if (entry_bytes_ > options_.max_record_bytes) return;
  if (!entry_text_.empty()) entry_text_.append(pending_blank_lines_ + 1, '\n');
  pending_blank_lines_ = 0;
  entry_text_.append(line);
}

void InvestigationLogBuilder::FinishEntry() {
  if (!in_entry_) return;
  in_entry_ = false;
  pending_blank_lines_ = 0;
  std::string locator = file_.path + "#entry=" + std::to_string(entries_);
  if (entry_bytes_ > options_.max_record_bytes) {
    // Only the first 4 KiB of an entry over the limit are kept.
    if (!entry_raw_.empty() && entry_raw_.back() == '\n') entry_raw_.pop_back();
    file_.problems.push_back(
        OversizedRecord(std::move(locator), entry_bytes_, options_.max_record_bytes, entry_raw_));
    entry_text_.clear();
    return;
  }
  DateField date = ReadDateField(table_entry_ ? "Date/Time" : "date", entry_date_);
  LegacyEvent& e = file_.events.emplace_back();
  e.locator = std::move(locator);
  e.format = LegacyFormat::kInvestigationLog;
  e.legacy_refs = refs_;
  e.occurred = date.time;
  e.occurred_as_written = std::move(entry_date_);
  e.date_note = std::move(date.note);
  e.author = file_.officer;
  e.subjects = subjects_;
  std::string_view text = TrimAscii(entry_text_);
  e.text.assign(text);
  entry_text_.clear();
  entry_date_.clear();
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
    AppendCapped(file_raw_, when, kFileRawBytes);
    AppendCapped(file_raw_, text, kFileRawBytes);
    if (when.empty()) {
      // A row without a date continues the entry above it.
      if (in_entry_) {
        AppendToEntry(text);
      } else if (!IsBlank(text)) {
        ++lines_outside_entries_;
        AppendCapped(outside_raw_, text, kFileRawBytes);
      }
      continue;
    }
    // The row as one line for its raw content: date, a tab, the entry.
    std::string first_line = when + "\t";
    first_line.append(Utf8Prefix(text, kOversizedRawBytes));
    StartEntry(when, first_line, text);
    table_entry_ = true;
    // The row counts in full, whatever was kept of it in first_line.
    entry_bytes_ = when.size() + 1 + text.size();
  }
  return true;
}

LegacyFile InvestigationLogBuilder::Finish() {
  FinishEntry();
  for (std::string* raw : {&outside_raw_, &dropped_raw_, &file_raw_}) {
    while (!raw->empty() && raw->back() == '\n') raw->pop_back();
  }
  if (lines_outside_entries_ > 0) {
    file_.problems.push_back(
        {file_.path,
         std::to_string(lines_outside_entries_) +
             (lines_outside_entries_ == 1 ? " line" : " lines") +
             " outside the header and the dated entries not read",
         std::move(outside_raw_)});
  }
  if (header_items_dropped_ > 0) {
    file_.problems.push_back(
        {file_.path,
         std::to_string(header_items_dropped_) +
             " header references or subjects beyond the first 100 of each not read",
         std::move(dropped_raw_)});
  }
  if (entries_ == 0) {
    file_.problems.push_back({file_.path, "no dated entries found", std::move(file_raw_)});
  }
  return std::move(file_);
}

bool IsTextInvestigationLog(std::string_view text) {
  size_t i = 0;
  while (i < text.size() && IsAsciiSpace(text[i])) ++i;
  return StartsWithIgnoreCase(text.substr(i), kTitle);
}

LegacyFile ReadTextInvestigationLog(std::string_view path, std::string_view text,
                                    const ReaderOptions& options) {
  InvestigationLogBuilder log(path, options);
  log.AddLines(text);
  return log.Finish();
}

}  // namespace casefile::migration
