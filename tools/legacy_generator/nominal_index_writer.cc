#include "tools/legacy_generator/nominal_index_writer.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "tools/legacy_generator/csv_row.h"
#include "tools/legacy_generator/date_forms.h"
#include "tools/legacy_generator/text_noise.h"
#include "tools/legacy_generator/vocabulary.h"

namespace casefile::legacy_generator {
namespace {

constexpr char kRelativePath[] = "nominals/nominal_index.csv";
// Rows of this many cases are shuffled together before they are written.
constexpr int kShuffleWindowCases = 64;

int RowsFor(const Person& p, bool noisy, Random& random) {
  if (!noisy) return random.Between(1, 2);
  if (p.role == "child") return random.Between(2, 4);
  if (p.role == "mother" || p.role == "adult") return random.Between(1, 3);
  return random.Between(1, 2);
}

// One of the ways a person's index row differs from the others.
template <typename Row>
void AddNoise(const Person& p, Row& row, Random& random) {
  const absl::CivilDay dob = p.date_of_birth;
  switch (random.Below(9)) {
    case 0:
      if (std::string_view nick = vocabulary::NicknameFor(p.forename); !nick.empty()) {
        row.forename = std::string(nick);
      }
      break;
    case 1:
      row.forename = AddTypos(row.forename, 1, random);
      break;
    case 2:
      row.surname = AddTypos(row.surname, 1, random);
      break;
    case 3:
      // Swapped only where the result is still a date: 04/07 ↔ 07/04.
      if (dob.day() <= 12 && dob.day() != dob.month()) {
        row.date_of_birth = DateOfBirth(absl::CivilDay(dob.year(), dob.day(), dob.month()),
                                        row.date_of_birth.size() == 8);
      }
      break;
    case 4:
      row.date_of_birth.clear();
      break;
    case 5:
      row.address_1.clear();
      break;
    case 6:
      row.postcode.clear();
      break;
    case 7:
      row.address_2 = absl::StrCat("Flat ", random.Between(1, 9));
      break;
    default:
      row.town.clear();
      break;
  }
}

}  // namespace

absl::StatusOr<NominalIndexWriter> NominalIndexWriter::Open(RecordSink& sink, Random random) {
  absl::StatusOr<FileSink> file =
      FileSink::Open(sink.folder / kRelativePath, PickFileStyle(sink.variations.encodings, random));
  if (!file.ok()) return file.status();
  file->Write(
      "nominal_ref,forename,surname,date_of_birth,address_1,address_2,town,postcode,source_ref\n");
  ++sink.counts.files;
  return NominalIndexWriter(std::move(*file), random);
}

NominalIndexWriter::NominalIndexWriter(FileSink file, Random random)
    : file_(std::move(file)), random_(random) {}

absl::Status NominalIndexWriter::AddCase(const SyntheticCase& c, RecordSink& sink, Random& random) {
  const bool noisy = sink.variations.nominal_noise;
  const std::vector<LegacyReference> refs = c.AllRefs();
  for (const Person& p : c.people) {
    const int rows = RowsFor(p, noisy, random);
    for (int i = 0; i < rows; ++i) {
      Row row{.case_key = c.key,
              .role = p.role,
              .forename = p.forename,
              .surname = noisy && random.Chance(0.4) ? ToUpperText(p.surname) : p.surname,
              .date_of_birth = DateOfBirth(p.date_of_birth, noisy && random.Chance(0.35)),
              .address_1 = p.address.line_1,
              .address_2 = "",
              .town = p.address.town,
              .postcode = p.address.postcode,
              .source_ref = random.Pick(refs).ref};
      if (noisy && (i > 0 || random.Chance(0.2))) {
        const int noises = random.Between(1, 2);
        for (int k = 0; k < noises; ++k) AddNoise(p, row, random);
      }
      pending_.push_back(std::move(row));
    }
  }
  if (++pending_cases_ >= kShuffleWindowCases) Flush(sink);
  return absl::OkStatus();
}

void NominalIndexWriter::Flush(RecordSink& sink) {
  random_.Shuffle(pending_);
  buffer_.clear();
  for (const Row& row : pending_) {
    AppendCsvRow(buffer_,
                 {refs_.NewNominalRef(random_), row.forename, row.surname, row.date_of_birth,
                  row.address_1, row.address_2, row.town, row.postcode, row.source_ref});
    sink.truth->Nominal(absl::StrCat(kRelativePath, "#row=", ++rows_written_), row.case_key,
                        row.role);
  }
  file_.Write(buffer_);
  sink.counts.nominal_rows += pending_.size();
  pending_.clear();
  pending_cases_ = 0;
}

absl::Status NominalIndexWriter::Close(RecordSink& sink) {
  Flush(sink);
  return file_.Close();
}

}  // namespace casefile::legacy_generator
