#include "tools/legacy_generator/investigation_log_writer.h"

#include <filesystem>
#include <string>
#include <system_error>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "tools/legacy_generator/absl_view.h"
#include "tools/legacy_generator/date_forms.h"
#include "tools/legacy_generator/docx_document.h"
#include "tools/legacy_generator/file_sink.h"
#include "tools/legacy_generator/text_noise.h"

namespace casefile::legacy_generator {
namespace {

enum class LogForm { kText, kDocxParagraphs, kDocxTable };

struct LogEntry {
  int event_number;
  std::string stamp;  // "12/11/2012 0915"
  bool has_time;
  std::vector<std::string> lines;  // the entry text, one or more lines
};

std::vector<std::string> Header(const SyntheticCase& c, Random& random) {
  const bool shouting = random.Chance(0.1);  // keys are case-insensitive
  auto key = [&](std::string_view k) {
    return shouting ? absl::AsciiStrToUpper(Av(k)) : std::string(k);
  };
  std::vector<std::string> header = {"INVESTIGATION LOG",
                                     absl::StrCat(key("Officer"), ": ", c.officer.Display())};
  std::vector<std::string> refs;
  for (const LegacyReference& r : c.crime_refs) refs.push_back(r.ref);
  if (!c.paper_ref.empty() && random.Chance(0.7)) refs.push_back(c.paper_ref);
  if (random.Chance(0.5)) {
    header.push_back(absl::StrCat(key("Reference"), ": ", absl::StrJoin(refs, ", ")));
  } else {
    for (const std::string& r : refs) header.push_back(absl::StrCat(key("Reference"), ": ", r));
  }
  header.push_back(absl::StrCat(key("Subject"), ": ", SubjectLabel(c.child(), random.Chance(0.8))));
  if (random.Chance(0.85)) {
    header.push_back(
        absl::StrCat(key("Subject"), ": ", SubjectLabel(c.mother(), random.Chance(0.5))));
  }
  if (random.Chance(0.7)) {
    header.push_back(
        absl::StrCat(key("Subject"), ": ", SubjectLabel(c.adult(), random.Chance(0.4))));
  }
  return header;
}

std::vector<LogEntry> Entries(const SyntheticCase& c, const Variations& v, Random& random) {
  std::vector<LogEntry> entries;
  for (const TrueEvent& e : c.events) {
    if (!e.in_log) continue;
    LogEntry entry{.event_number = e.number,
                   .stamp = DayInSomeForm(absl::CivilDay(e.when), v.date_forms, random),
                   .has_time = random.Chance(0.92),
                   .lines = {}};
    if (entry.has_time)
      absl::StrAppend(&entry.stamp, " ", TimeInSomeForm(e.when, v.date_forms, random));
    std::string text = v.typos && random.Chance(0.05) ? AddTypos(e.text, 1, random) : e.text;
    if (v.paste_noise && random.Chance(0.3)) {
      text = Reflow(text, random.Between(40, 90), random.Chance(0.2) ? "  \n" : "\n");
    }
    entry.lines = absl::StrSplit(text, '\n');
    entries.push_back(std::move(entry));
  }
  return entries;
}

// The lines of a log written as plain paragraphs (.txt or .docx): each entry
// opens with its stamp, followed on the same line by " - ", ": " or a space,
// or by a line break.
std::vector<std::string> EntryLines(const LogEntry& entry, Random& random) {
  std::vector<std::string> lines;
  switch (random.Below(entry.has_time ? 4 : 3)) {
    case 0:
      lines.push_back(entry.stamp);
      break;
    case 1:
      lines.push_back(absl::StrCat(entry.stamp, " - ", entry.lines[0]));
      break;
    case 2:
      lines.push_back(absl::StrCat(entry.stamp, " ", entry.lines[0]));
      break;
    default:
      lines.push_back(absl::StrCat(entry.stamp, ": ", entry.lines[0]));
      break;
  }
  const size_t rest = lines[0] == entry.stamp ? 0 : 1;
  lines.insert(lines.end(), entry.lines.begin() + rest, entry.lines.end());
  return lines;
}

absl::Status WriteText(const std::filesystem::path& path, const std::vector<std::string>& header,
                       const std::vector<LogEntry>& entries, bool vary_style, Random& random) {
  std::string text = absl::StrJoin(header, "\n");
  text += "\n";
  for (const LogEntry& entry : entries) {
    text += "\n";
    for (const std::string& line : EntryLines(entry, random)) absl::StrAppend(&text, line, "\n");
  }
  absl::StatusOr<FileSink> file = FileSink::Open(path, PickFileStyle(vary_style, random));
  if (!file.ok()) return file.status();
  file->Write(text);
  return file->Close();
}

absl::Status WriteDocx(const std::filesystem::path& path, LogForm form,
                       const std::vector<std::string>& header, const std::vector<LogEntry>& entries,
                       Random& random) {
  DocxDocument doc;
  for (const std::string& line : header) doc.AddParagraph(line);
  if (form == LogForm::kDocxTable) {
    doc.AddTableRow({{"Date/Time"}, {"Entry"}}, /*header=*/true);
    for (const LogEntry& entry : entries) doc.AddTableRow({{entry.stamp}, entry.lines});
  } else {
    const bool spaced = random.Chance(0.5);
    for (const LogEntry& entry : entries) {
      if (spaced) doc.AddParagraph("");
      for (const std::string& line : EntryLines(entry, random)) doc.AddParagraph(line);
    }
  }
  return doc.Save(path);
}

LogForm PickForm(const Variations& v, Random& random) {
  if (!v.docx_logs) return LogForm::kText;
  const uint64_t roll = random.Below(100);
  return roll < 40 ? LogForm::kText : roll < 75 ? LogForm::kDocxParagraphs : LogForm::kDocxTable;
}

std::string FileStem(const SyntheticCase& c, Random& random) {
  const std::string ref = absl::StrReplaceAll(c.crime_refs[0].ref, {{"/", "-"}});
  const uint64_t roll = random.Below(10);
  return roll < 6   ? absl::StrCat(ref, " log")
         : roll < 8 ? absl::StrCat(ref, " investigation log")
                    : absl::StrCat("IL ", ref);
}

}  // namespace

absl::Status WriteInvestigationLog(const SyntheticCase& c, RecordSink& sink, Random& random) {
  if (!c.has_log) return absl::OkStatus();
  const std::vector<LogEntry> entries = Entries(c, sink.variations, random);
  if (entries.empty()) return absl::OkStatus();
  const std::vector<std::string> header = Header(c, random);
  const LogForm form = PickForm(sink.variations, random);
  const std::string folder = absl::StrCat("logs/", c.officer.Folder());
  const std::string stem = FileStem(c, random);
  std::error_code error;
  std::filesystem::create_directories(sink.folder / folder, error);
  if (error) {
    return absl::UnavailableError(absl::StrCat("cannot create ", (sink.folder / folder).string()));
  }

  std::vector<std::string> names = {
      absl::StrCat(folder, "/", stem, form == LogForm::kText ? ".txt" : ".docx")};
  absl::Status written =
      form == LogForm::kText
          ? WriteText(sink.folder / names[0], header, entries, sink.variations.encodings, random)
          : WriteDocx(sink.folder / names[0], form, header, entries, random);
  if (!written.ok()) return written;
  if (form != LogForm::kText && sink.variations.duplicates && random.Chance(0.15)) {
    names.push_back(absl::StrCat(folder, "/", stem, " - Copy.docx"));
    std::filesystem::copy_file(sink.folder / names[0], sink.folder / names[1],
                               std::filesystem::copy_options::overwrite_existing, error);
    if (error) return absl::UnavailableError(absl::StrCat("cannot write ", names[1]));
  }
  for (const std::string& name : names) {
    for (size_t i = 0; i < entries.size(); ++i) {
      sink.truth->Record(absl::StrCat(name, "#entry=", i + 1), c.key, entries[i].event_number);
    }
    sink.counts.log_entries += entries.size();
    ++sink.counts.files;
  }
  return absl::OkStatus();
}

}  // namespace casefile::legacy_generator
