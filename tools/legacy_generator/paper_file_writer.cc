#include "tools/legacy_generator/paper_file_writer.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "tools/legacy_generator/csv_row.h"
#include "tools/legacy_generator/date_forms.h"
#include "tools/legacy_generator/file_sink.h"
#include "tools/legacy_generator/text_noise.h"

namespace casefile::legacy_generator {
namespace {

std::string EntryDate(const TrueEvent& e, const Variations& v, Random& random) {
  const absl::CivilDay day(e.when);
  // Events worded like another of the case keep their day, or no one could
  // say which of them the page records.
  if (v.imprecise_dates && !e.shared_wording) {
    const uint64_t roll = random.Below(100);
    if (roll < 6) return "";
    if (roll < 8) return "unknown";
    if (roll < 13) return MonthAndYear(day);
  }
  std::string date = DayInSomeForm(day, v.date_forms, random);
  if (random.Chance(0.5)) absl::StrAppend(&date, " ", TimeInSomeForm(e.when, v.date_forms, random));
  return date;
}

std::string Subjects(const SyntheticCase& c, Random& random) {
  std::vector<std::string> subjects = {SubjectLabel(c.child(), random.Chance(0.65))};
  if (random.Chance(0.7)) subjects.push_back(SubjectLabel(c.mother(), random.Chance(0.65)));
  if (random.Chance(0.35)) subjects.push_back(SubjectLabel(c.adult(), random.Chance(0.5)));
  for (size_t i = 3; i < c.people.size(); ++i) {
    if (random.Chance(0.15)) subjects.push_back(SubjectLabel(c.people[i], random.Chance(0.65)));
  }
  return absl::StrJoin(subjects, "; ");
}

std::string TypedText(const std::string& text, const Variations& v, Random& random) {
  std::string typed = v.capitals && random.Chance(0.15) ? ToUpperText(text) : text;
  if (v.typos)
    typed = AddTypos(typed, random.Between(0, 2 + static_cast<int>(text.size() / 60)), random);
  return typed;
}

}  // namespace

absl::Status WritePaperFile(const SyntheticCase& c, RecordSink& sink, Random& random) {
  if (c.paper_ref.empty()) return absl::OkStatus();
  const std::string relative =
      absl::StrCat("paper/", absl::StrReplaceAll(c.paper_ref, {{"/", "_"}}), ".csv");
  std::string rows = "file_ref,page,doc_type,entry_date,author,subjects,text\n";
  int page = 0;
  int row = 0;
  for (const TrueEvent& e : c.events) {
    if (!e.in_paper) continue;
    const std::string page_number = absl::StrCat(++page);
    const std::string date = EntryDate(e, sink.variations, random);
    const std::string author = random.Chance(0.65) ? c.officer.Display() : c.social_worker;
    const std::string subjects = Subjects(c, random);
    std::string text = TypedText(e.text, sink.variations, random);
    const int times_keyed = sink.variations.duplicates && random.Chance(0.04) ? 2 : 1;
    for (int k = 0; k < times_keyed; ++k) {
      // Keyed again by someone else: sometimes the same keystrokes, sometimes
      // fresh mistakes.
      if (k > 0 && random.Chance(0.5)) text = TypedText(e.text, sink.variations, random);
      AppendCsvRow(rows, {c.paper_ref, page_number, e.doc_type, date, author, subjects, text});
      sink.truth->Record(absl::StrCat(relative, "#row=", ++row), c.key, e.number);
    }
  }
  if (row == 0) return absl::OkStatus();
  absl::StatusOr<FileSink> file =
      FileSink::Open(sink.folder / relative, PickFileStyle(sink.variations.encodings, random));
  if (!file.ok()) return file.status();
  file->Write(rows);
  sink.counts.paper_rows += row;
  ++sink.counts.files;
  return file->Close();
}

}  // namespace casefile::legacy_generator
