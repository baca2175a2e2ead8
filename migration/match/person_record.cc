#include "migration/match/person_record.h"

#include "absl/strings/ascii.h"
#include "core/names/name_normalise.h"

namespace casefile::migration {
namespace {

// Zero-padded, `width` digits (the value is a date field, 0..9999).
std::string Digits(int value, int width) {
  std::string digits(width, '0');
  for (int i = width - 1; i >= 0; --i) {
    digits[i] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
  return digits;
}

std::string Reference(std::string_view text) {
  return absl::AsciiStrToUpper(absl::StripAsciiWhitespace(
      absl::string_view(text.data(), text.size())));
}

}  // namespace

bool SameCaseFile(const PersonKey& a, const PersonKey& b) {
  if (!a.case_name.empty() && !b.case_name.empty()) {
    return a.case_name == b.case_name;
  }
  return !a.source_ref.empty() && a.source_ref == b.source_ref;
}

PersonKey MakePersonKey(const PersonRecord& record) {
  PersonKey key;
  const std::string forename = NormaliseName(record.forename);
  const std::string forename_first = FirstNameWord(record.forename);
  const std::string surname = NormaliseName(record.surname);
  key.forename = InlineText<22>(forename);
  key.surname = InlineText<22>(surname);
  key.forename_first_size = static_cast<uint8_t>(
      std::min(forename_first.size(), key.forename.view().size()));
  key.forename_id = LookupForename(key.forename.view());
  key.forename_first_id = forename_first.size() == forename.size()
                              ? key.forename_id
                              : LookupForename(key.forename_first());
  key.surname_id = LookupForename(key.surname.view());
  const PartialTime& dob = record.date_of_birth;
  if (dob.precision != TimePrecision::kUnknown) {
    std::string digits = Digits(dob.year, 4);
    if (dob.precision >= TimePrecision::kMonth) digits += Digits(dob.month, 2);
    if (dob.precision >= TimePrecision::kDay) digits += Digits(dob.day, 2);
    key.dob = InlineText<8>(digits);
  }
  HouseAndStreet address = SplitHouseNumber(NormaliseAddressLine(record.address_1));
  key.house_number = std::move(address.number);
  key.street = std::move(address.street);
  key.address_2 = NormaliseAddressLine(record.address_2);
  key.town = NormaliseAddressLine(record.town);
  key.postcode = NormalisePostcode(record.postcode);
  key.source_ref = Reference(record.source_ref);
  key.case_name = Reference(record.case_name);
  key.named_with = record.named_with;
  return key;
}

}  // namespace casefile::migration
