// A person record as the person matcher sees it (the nominal-index columns of
// LEGACY_FORMATS.md §5), and its normal form, computed once per record.
//
// Thread-safe: plain value types; MakePersonKey is a pure function.
#ifndef CASEFILE_MIGRATION_MATCH_PERSON_RECORD_H_
#define CASEFILE_MIGRATION_MATCH_PERSON_RECORD_H_

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "core/names/forename_variants.h"
#include "core/time/partial_time.h"

namespace casefile::migration {

struct PersonRecord {
  std::string forename;
  std::string surname;
  PartialTime date_of_birth;  // day precision, or unknown
  std::string address_1;      // "126 Whitecross Road": house number first
  std::string address_2;
  std::string town;
  std::string postcode;
  // Where the record was written: the legacy reference it came from, and the
  // case ("cases/...") that reference resolved to, when known. Two different
  // forenames in one case file are two children of that family (twins,
  // siblings); across files a different forename may be a recording error.
  std::string source_ref;
  std::string case_name;
  // The one record that named this person beside others, for live writes: a
  // case's subject list ("cases/X") or an entry's children
  // ("cases/X/entries/N"). Two persons of one such list are two people,
  // whatever their names (the writer listed them apart: twins Sam and Samuel).
  std::string named_with;
};

// Up to N bytes of text kept inline (longer text is cut to N).
template <int N>
class InlineText {
 public:
  InlineText() = default;
  explicit InlineText(std::string_view text)
      : size_(static_cast<uint8_t>(std::min<size_t>(text.size(), N))) {
    std::memcpy(data_, text.data(), size_);
  }
  std::string_view view() const { return {data_, size_}; }
  bool empty() const { return size_ == 0; }

 private:
  char data_[N] = {};
  uint8_t size_ = 0;
};

// Normalised fields (see name_normalise.h); empty means not given. The names
// and date of birth, compared for every candidate pair, share one cache line;
// names are cut at 22 letters.
struct alignas(64) PersonKey {
  InlineText<22> forename;  // all letters of the forename
  InlineText<22> surname;
  InlineText<8> dob;  // "yyyymmdd", "yyyymm" at month precision, "yyyy" at year, "" if unknown
  uint8_t forename_first_size = 0;  // its first word is a prefix this long
  // The names looked up in the forename tables (a surname too, for records
  // with the names swapped).
  ForenameId forename_id = kUnknownForename;
  ForenameId forename_first_id = kUnknownForename;
  ForenameId surname_id = kUnknownForename;

  std::string house_number;
  std::string street;
  std::string address_2;
  std::string town;
  std::string postcode;
  // Upper-cased, trimmed; empty when not known.
  std::string source_ref;
  std::string case_name;
  std::string named_with;  // as given

  std::string_view forename_first() const {
    return forename.view().substr(0, forename_first_size);
  }
};

// Whether the two records were written in one case file: the same resolved
// case, or (where a case is not known) the same legacy reference.
bool SameCaseFile(const PersonKey& a, const PersonKey& b);

PersonKey MakePersonKey(const PersonRecord& record);

}  // namespace casefile::migration

#endif  // CASEFILE_MIGRATION_MATCH_PERSON_RECORD_H_
