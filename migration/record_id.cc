#include "migration/record_id.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "migration/stable_hash.h"

namespace casefile::migration {
namespace {

// FNV-1a over length-prefixed fields, so that moving text from one field to
// the next changes the digest.
class Digest {
 public:
  Digest& Add(absl::string_view field) {
    const uint64_t n = field.size();
    for (int i = 0; i < 8; ++i) Byte(static_cast<unsigned char>(n >> (8 * i)));
    for (unsigned char c : field) Byte(c);
    return *this;
  }
  Digest& Add(const PartialTime& t) { return Add(FormatPartialTime(t)); }
  uint64_t value() const { return h_; }

 private:
  void Byte(unsigned char c) {
    h_ ^= c;
    h_ *= 1099511628211ull;
  }
  uint64_t h_ = 14695981039346656037ull;
};

constexpr size_t kDigestHexDigits = 16;

}  // namespace

uint64_t ContentDigest(const LegacyEvent& e) {
  Digest d;
  d.Add(absl::StrCat(static_cast<int>(e.format)));
  d.Add(absl::StrCat(e.legacy_refs.size()));
  for (const std::string& ref : e.legacy_refs) d.Add(ref);
  // The date as written where the reader kept it: a better date reader must
  // not make a record read again look changed.
  if (e.occurred_as_written.empty()) {
    d.Add(e.occurred);
  } else {
    d.Add(e.occurred_as_written);
  }
  d.Add(e.entered).Add(e.author).Add(e.doc_type);
  d.Add(absl::StrCat(e.subjects.size()));
  for (const LegacySubject& s : e.subjects) d.Add(s.as_written);
  return d.Add(e.text).value();
}

uint64_t ContentDigest(const NominalRecord& n) {
  Digest d;
  for (const std::string* field : {&n.nominal_ref, &n.forename, &n.surname, &n.date_of_birth_raw, &n.address_1,
                                   &n.address_2, &n.town, &n.postcode, &n.source_ref}) {
    d.Add(*field);
  }
  return d.value();
}

std::string VersionedRecordId(absl::string_view locator, uint64_t digest) {
  return absl::StrFormat("%s@%016x", locator, digest);
}

absl::string_view LocatorOfRecord(absl::string_view record_id) {
  if (record_id.size() <= kDigestHexDigits + 1) return record_id;
  const size_t at = record_id.size() - kDigestHexDigits - 1;
  if (record_id[at] != '@') return record_id;
  for (char c : record_id.substr(at + 1)) {
    if (!absl::ascii_isxdigit(static_cast<unsigned char>(c)) || absl::ascii_isupper(static_cast<unsigned char>(c)))
      return record_id;
  }
  return record_id.substr(0, at);
}

}  // namespace casefile::migration
