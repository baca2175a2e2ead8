#include "migration/match/person_compare.h"

#include <algorithm>
#include <cstdlib>
#include <string_view>

#include "absl/strings/str_cat.h"
#include "core/names/forename_variants.h"
#include "core/names/string_similarity.h"

namespace casefile::migration {
namespace {

// Per-field log-odds weights: roughly log2(P(level | same person) /
// P(level | different people)) for each level, rounded. Agreement weighs by
// how rare chance agreement is among the candidate pairs (which already share
// a name code, a postcode or a date); disagreement by how rarely one person's
// records disagree so.
//  - Names: two people in a candidate pair share a forename about 1 time in
//    64 (+6), a surname about 1 in 128 (+7: surnames are more varied, but
//    families share them). A forename written as another name entirely in
//    one of a person's records (a few per cent of legacy rows) is -5; a
//    surname changes more often (marriage, a step-parent's name): -4. Known
//    look-alike names (Daniel/Danielle) are almost never a typo: -8.
double NameWeight(NameAgreement level, bool forename) {
  switch (level) {
    case NameAgreement::kExact: return forename ? 6.0 : 7.0;
    case NameAgreement::kVariant: return 5.0;
    case NameAgreement::kTypo:
    case NameAgreement::kOtherName: return forename ? 4.5 : 5.5;
    case NameAgreement::kSimilar: return forename ? 1.5 : 2.0;
    case NameAgreement::kMissing: return 0.0;
    case NameAgreement::kDifferent: return forename ? -5.0 : -4.0;
    case NameAgreement::kDistinct: return -8.0;
  }
  return 0.0;
}

//  - Date of birth: ~30,000 dates in the living population, so exact
//    agreement by chance is ~2^-15, less what blocking on the date already
//    selected (+10). A one-digit typo or a transposition: +5; day and month
//    swapped (a date form error): +4. A date simply different (recorded
//    wrongly, ~3% of a person's rows): -5; a generation apart: -9 (and a
//    conflict: parent and child).
double DobWeight(DobAgreement level) {
  switch (level) {
    case DobAgreement::kExact: return 10.0;
    case DobAgreement::kTypo: return 5.0;
    case DobAgreement::kTransposed: return 5.0;
    case DobAgreement::kDayMonthSwapped: return 4.0;
    case DobAgreement::kMissing: return 0.0;
    case DobAgreement::kDifferent: return -5.0;
    case DobAgreement::kGenerationApart: return -9.0;
  }
  return 0.0;
}

// The most the address fields can add (every part exact).
constexpr double kMaxAddressScore = 2.5 + 3.5 + 1.5 + 2.0 + 4.0;

// Points used only to choose between the straight and the swapped reading of
// the two names.
int NamePoints(NameAgreement level) {
  switch (level) {
    case NameAgreement::kExact: return 4;
    case NameAgreement::kVariant:
    case NameAgreement::kTypo:
    case NameAgreement::kOtherName: return 3;
    case NameAgreement::kSimilar: return 1;
    case NameAgreement::kMissing: return 0;
    case NameAgreement::kDifferent: return -2;
    case NameAgreement::kDistinct: return -3;
  }
  return 0;
}

// The same name but for a slip or a short form.
bool Good(NameAgreement level) {
  return level == NameAgreement::kExact || level == NameAgreement::kVariant ||
         level == NameAgreement::kTypo || level == NameAgreement::kOtherName;
}

// "rn" typed or read for "m" ("Ernma" for "Emma"): one error, two edits.
std::string MForRn(std::string_view s) {
  std::string out(s);
  for (size_t i = out.find("rn"); i != std::string::npos; i = out.find("rn", i)) {
    out.replace(i, 2, "m");
  }
  return out;
}

NameAgreement SpellingAgreement(std::string_view a, std::string_view b) {
  // Most pairs compared are different people: a letter count settles those
  // without the edit distance or the full Jaro-Winkler. Every edit changes at
  // most two letter counts, and Jaro-Winkler is bounded by the shared letters.
  int count[64] = {};
  for (char c : a) ++count[c & 63];
  int shared = 0;
  for (char c : b) {
    if (count[c & 63]-- > 0) ++shared;
  }
  const int unshared =
      static_cast<int>(a.size() + b.size()) - 2 * shared;
  const bool may_be_close = unshared <= 4;
  double jw_bound = 0;
  if (shared > 0) {
    const double m = shared;
    const double jaro = (m / a.size() + m / b.size() + 1.0) / 3.0;
    jw_bound = jaro + 0.4 * (1.0 - jaro);
  }
  if (!may_be_close && jw_bound < 0.85) return NameAgreement::kDifferent;
  int distance = may_be_close ? BoundedEditDistance(a, b, 2) : 3;
  if (distance == 2) distance = BoundedEditDistance(MForRn(a), MForRn(b), 2);
  if (distance <= 1) return NameAgreement::kTypo;
  if (distance == 2 && std::min(a.size(), b.size()) >= 7) {
    return NameAgreement::kTypo;
  }
  if (distance == 2 || (jw_bound >= 0.85 && JaroWinkler(a, b) >= 0.85)) {
    return NameAgreement::kSimilar;
  }
  return NameAgreement::kDifferent;
}

// A name with what the forename tables know about it.
struct NameView {
  std::string_view text;
  ForenameId id;
  std::string_view first_word;
  ForenameId first_word_id;
};

NameView Forename(const PersonKey& k) {
  return {k.forename.view(), k.forename_id, k.forename_first(),
          k.forename_first_id};
}

NameView SurnameAsForename(const PersonKey& k) {
  return {k.surname.view(), k.surname_id, k.surname.view(), k.surname_id};
}

NameAgreement CompareForenames(const NameView& a, const NameView& b) {
  if (a.text.empty() || b.text.empty()) return NameAgreement::kMissing;
  if (a.text == b.text) return NameAgreement::kExact;
  // Double names with one first word ("Mary Jane", "Mary Ann") are told
  // apart by the rest, which the whole might hide as a "typo".
  const size_t first = a.first_word.size();
  if (first > 0 && a.first_word == b.first_word && a.text.size() > first &&
      b.text.size() > first &&
      SpellingAgreement(a.text.substr(first), b.text.substr(first)) !=
          NameAgreement::kTypo) {
    return NameAgreement::kDistinct;
  }
  const NameAgreement spelling = SpellingAgreement(a.text, b.text);
  if (spelling == NameAgreement::kTypo || spelling == NameAgreement::kSimilar) {
    // Only names that look alike can be mistaken for a typo.
    if (AreDistinctForenames(a.id, b.id) ||
        AreDistinctForenames(a.first_word_id, b.first_word_id) ||
        AreGenderedForms(a.text, b.text)) {
      return NameAgreement::kDistinct;
    }
  }
  // "Mary" for "Mary Jane" is a short form; "Mary Ann" and "Mary Jane" are
  // two names (twins are given such).
  const bool first_word_only =
      !a.first_word.empty() && a.first_word == b.first_word &&
      (a.first_word == a.text || b.first_word == b.text);
  const bool variants = AreForenameVariants(a.id, b.id) ||
                        AreForenameVariants(a.first_word_id, b.first_word_id) ||
                        first_word_only;
  if (spelling == NameAgreement::kTypo) {
    // Jon and John, Tracy and Tracey are one name; Mark and Mary, a slip
    // apart, are two common names: perhaps a brother and sister.
    return !variants && IsCommonForename(a.id) && IsCommonForename(b.id)
               ? NameAgreement::kOtherName
               : NameAgreement::kTypo;
  }
  if (variants) return NameAgreement::kVariant;
  // A short form against a slip of the full name ("Billy", "Wiliam"), or the
  // other way round: the name the tables do not know may be a slip of one
  // of the known name's variants.
  if ((a.id == kUnknownForename) != (b.id == kUnknownForename)) {
    const NameView& known = a.id == kUnknownForename ? b : a;
    const std::string_view unknown = a.id == kUnknownForename ? a.text : b.text;
    if (AnyVariant(known.id, [&](std::string_view variant) {
          return SpellingAgreement(unknown, variant) == NameAgreement::kTypo;
        })) {
      return NameAgreement::kVariant;
    }
  }
  return spelling;
}

NameAgreement CompareSurnames(std::string_view a, std::string_view b) {
  if (a.empty() || b.empty()) return NameAgreement::kMissing;
  if (a == b) return NameAgreement::kExact;
  return SpellingAgreement(a, b);
}

int Year(std::string_view dob) {
  int year = 0;
  for (char c : dob.substr(0, 4)) year = year * 10 + (c - '0');
  return year;
}

DobAgreement CompareDobs(std::string_view a, std::string_view b) {
  if (a.empty() || b.empty()) return DobAgreement::kMissing;
  if (a == b) return DobAgreement::kExact;
  // A parent and child share a birthday one time in 365: the same day and
  // month under years far apart is a mistyped year, not a generation.
  const bool generation = std::abs(Year(a) - Year(b)) >= 12 &&
                          !(a.size() == 8 && b.size() == 8 && a.substr(4) == b.substr(4));
  if (a.size() != b.size()) {  // a year or month-precision date against a finer one
    const size_t shared = std::min(a.size(), b.size());
    if (a.substr(0, shared) == b.substr(0, shared)) return DobAgreement::kMissing;
    return generation ? DobAgreement::kGenerationApart : DobAgreement::kDifferent;
  }
  if (a.size() == 8 && a.substr(0, 4) == b.substr(0, 4) &&
      a.substr(4, 2) == b.substr(6, 2) && a.substr(6, 2) == b.substr(4, 2)) {
    return DobAgreement::kDayMonthSwapped;
  }
  int first = -1, differing = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i] != b[i]) {
      if (differing++ == 0) first = static_cast<int>(i);
    }
  }
  if (differing == 1) return DobAgreement::kTypo;
  if (differing == 2 && first + 1 < static_cast<int>(a.size()) &&
      a[first] == b[first + 1] && a[first + 1] == b[first]) {
    return DobAgreement::kTransposed;
  }
  return generation ? DobAgreement::kGenerationApart : DobAgreement::kDifferent;
}

struct NamesAndDob {
  NameAgreement forename;
  NameAgreement surname;
  bool swapped;
  DobAgreement dob;
};

NamesAndDob CompareNamesAndDob(const PersonKey& a, const PersonKey& b) {
  NamesAndDob out;
  out.forename = CompareForenames(Forename(a), Forename(b));
  out.surname = CompareSurnames(a.surname.view(), b.surname.view());
  out.swapped = false;
  out.dob = CompareDobs(a.dob.view(), b.dob.view());
  if (Good(out.forename) || Good(out.surname)) return out;
  // Forename and surname written the wrong way round in one of the records
  // (only worth a look when neither name agrees as written, and only taken
  // when it explains at least one name). We cannot tell which of the two
  // cross pairs is the forename; the name the two share is most likely the
  // family name, so the worse pair is taken as the forename ("Jack Smith"
  // against "Smith Emily" is Emily Smith, a sister, not a typo of Jack).
  NameAgreement cross1 = CompareForenames(SurnameAsForename(a), Forename(b));
  NameAgreement cross2 = CompareForenames(Forename(a), SurnameAsForename(b));
  if ((Good(cross1) || Good(cross2)) &&
      NamePoints(cross1) + NamePoints(cross2) >
          NamePoints(out.forename) + NamePoints(out.surname)) {
    if (NamePoints(cross1) > NamePoints(cross2)) std::swap(cross1, cross2);
    out.forename = cross1;
    out.surname = cross2;
    out.swapped = true;
  }
  return out;
}

bool ForenameDiffers(NameAgreement forename) {
  return forename == NameAgreement::kDifferent ||
         forename == NameAgreement::kDistinct;
}

// Twins' and siblings' names in one case file differ by more than a slip or
// a short form; a slip between two common names may be either.
bool ForenameDiffersInOneFile(NameAgreement forename) {
  return ForenameDiffers(forename) || forename == NameAgreement::kOtherName;
}

bool NamedTogether(const PersonKey& a, const PersonKey& b) {
  return !a.named_with.empty() && a.named_with == b.named_with;
}

bool IsConflict(const NamesAndDob& n, bool same_case_file, bool named_together) {
  return named_together ||
         (ForenameDiffersInOneFile(n.forename) && same_case_file) ||
         n.dob == DobAgreement::kGenerationApart;
}

// Weight of a free-text address part by Jaro-Winkler similarity.
double PartWeight(double similarity, double exact, double high, double fair,
                  double disagree) {
  if (similarity >= 0.97) return exact;
  if (similarity >= 0.9) return high;
  if (similarity >= 0.8) return fair;
  return disagree;
}

// Jaro-Winkler, exact from 0.8 up (below that, every part weighs the same);
// -1 when either side is empty.
double Similarity(std::string_view a, std::string_view b) {
  return a.empty() || b.empty() ? -1.0 : JaroWinklerAbove(a, b, 0.8);
}

struct AddressScore {
  double score = 0;
  AddressAgreement agreement = AddressAgreement::kMissing;
};

AddressScore CompareAddresses(const PersonKey& a, const PersonKey& b) {
  AddressScore out;
  int compared = 0, agreed = 0;

  bool number_exact = false;
  if (!a.house_number.empty() && !b.house_number.empty()) {
    ++compared;
    number_exact = a.house_number == b.house_number;
    if (number_exact) {
      ++agreed;
      out.score += 2.5;
    } else if (std::min(a.house_number.size(), b.house_number.size()) >= 2 &&
               BoundedEditDistance(a.house_number, b.house_number, 1) <= 1) {
      out.score += 1.0;
    } else {
      out.score -= 1.5;
    }
  }

  // The street and the second line are sometimes entered the wrong way round.
  double street = Similarity(a.street, b.street);
  double line2 = Similarity(a.address_2, b.address_2);
  if (street < 0.9 && !a.address_2.empty() && !b.address_2.empty()) {
    const double cross_street = Similarity(a.street, b.address_2);
    const double cross_line2 = Similarity(a.address_2, b.street);
    if (cross_street > street && cross_line2 > line2) {
      street = cross_street;
      line2 = cross_line2;
    }
  }
  if (street >= 0) {
    ++compared;
    if (street >= 0.8) ++agreed;
    out.score += PartWeight(street, 3.5, 2.5, 1.0, -1.5);
  }
  if (line2 >= 0) out.score += PartWeight(line2, 1.5, 1.0, 0.5, -0.5);

  const double town = Similarity(a.town, b.town);
  if (town >= 0) {
    ++compared;
    if (town >= 0.9) ++agreed;
    out.score += PartWeight(town, 2.0, 1.5, 0.5, -1.0);
  }

  bool postcode_exact = false, postcode_typo = false;
  if (!a.postcode.empty() && !b.postcode.empty()) {
    ++compared;
    postcode_exact = a.postcode == b.postcode;
    postcode_typo =
        !postcode_exact && BoundedEditDistance(a.postcode, b.postcode, 1) <= 1;
    if (postcode_exact || postcode_typo) ++agreed;
    out.score += postcode_exact ? 4.0 : postcode_typo ? 1.5 : -1.5;
  }

  if (compared == 0) return out;
  const bool street_high = street >= 0.9;
  if ((postcode_exact && (number_exact || street_high || town >= 0.9)) ||
      (number_exact && street_high && (town >= 0.9 || postcode_typo))) {
    out.agreement = AddressAgreement::kStrong;
  } else if (agreed > 0) {
    out.agreement = AddressAgreement::kPartial;
  } else {
    out.agreement = AddressAgreement::kNone;
  }
  return out;
}

const char* NameText(NameAgreement level) {
  switch (level) {
    case NameAgreement::kExact: return "exact";
    case NameAgreement::kVariant: return "variant";
    case NameAgreement::kTypo: return "typo";
    case NameAgreement::kOtherName: return "typo or another name";
    case NameAgreement::kSimilar: return "similar";
    case NameAgreement::kMissing: return "missing";
    case NameAgreement::kDifferent: return "different";
    case NameAgreement::kDistinct: return "distinct name";
  }
  return "";
}

const char* DobText(DobAgreement level) {
  switch (level) {
    case DobAgreement::kExact: return "exact";
    case DobAgreement::kTypo: return "one digit differs";
    case DobAgreement::kTransposed: return "digits transposed";
    case DobAgreement::kDayMonthSwapped: return "day and month swapped";
    case DobAgreement::kMissing: return "missing";
    case DobAgreement::kDifferent: return "different";
    case DobAgreement::kGenerationApart: return "a generation apart";
  }
  return "";
}

const char* AddressText(AddressAgreement level) {
  switch (level) {
    case AddressAgreement::kStrong: return "strong";
    case AddressAgreement::kPartial: return "partial";
    case AddressAgreement::kMissing: return "missing";
    case AddressAgreement::kNone: return "different";
  }
  return "";
}

}  // namespace

std::string PersonComparison::Reason() const {
  return absl::StrCat("forename ", NameText(forename), "; surname ",
                      NameText(surname), names_swapped ? "; names swapped" : "",
                      "; dob ", DobText(dob), "; address ",
                      AddressText(address));
}

bool PersonsConflict(const PersonKey& a, const PersonKey& b) {
  return IsConflict(CompareNamesAndDob(a, b), SameCaseFile(a, b),
                    NamedTogether(a, b));
}

PersonComparison ComparePersons(const PersonKey& a, const PersonKey& b,
                                double stop_below) {
  PersonComparison out;
  const NamesAndDob n = CompareNamesAndDob(a, b);
  out.forename = n.forename;
  out.surname = n.surname;
  out.names_swapped = n.swapped;
  out.dob = n.dob;
  const bool same_case_file = SameCaseFile(a, b);
  out.conflict = IsConflict(n, same_case_file, NamedTogether(a, b));
  out.no_name_agrees = !Good(n.forename) && !Good(n.surname);
  out.score = NameWeight(n.forename, true) + NameWeight(n.surname, false) +
              DobWeight(n.dob);
  const bool dob_exact = n.dob == DobAgreement::kExact;
  const bool dob_missing = n.dob == DobAgreement::kMissing;
  const bool dob_swapped = n.dob == DobAgreement::kDayMonthSwapped;
  const bool dob_close = dob_exact || n.dob == DobAgreement::kTypo ||
                         n.dob == DobAgreement::kTransposed || dob_swapped;
  const bool kept_apart = out.conflict || out.no_name_agrees;
  // The address decides whether an operator should see pairs that are kept
  // apart, or share a forename with at most one of surname and date of
  // birth against it, whatever their score.
  const bool may_review_anyway =
      out.conflict || (out.no_name_agrees && dob_exact) ||
      (Good(n.forename) && (Good(n.surname) || dob_missing || dob_close));
  if (!may_review_anyway && out.score + kMaxAddressScore < stop_below) return out;
  const AddressScore address = CompareAddresses(a, b);
  out.score += address.score;
  out.address = address.agreement;
  const bool address_strong = address.agreement == AddressAgreement::kStrong;
  if (kept_apart) {
    if (n.dob == DobAgreement::kGenerationApart) {
      // A parent and child of one name at one home, or one person whose
      // date of birth was written wrongly.
      out.review_anyway = Good(n.forename) && Good(n.surname) && address_strong;
    } else if (out.conflict) {
      // Twins (or one child whose forename was written as another name).
      out.review_anyway = Good(n.surname) && dob_close && address_strong;
    } else {
      // One child written under other names, or twins; an operator tells.
      out.review_anyway = dob_exact && address_strong;
    }
    return out;
  }

  // (Outside one case file a slip between two common names is a slip.)
  const bool forename_spelt = n.forename == NameAgreement::kExact ||
                              n.forename == NameAgreement::kTypo ||
                              n.forename == NameAgreement::kOtherName;
  const bool forename_variant = n.forename == NameAgreement::kVariant;
  const bool surname_spelt = n.surname == NameAgreement::kExact ||
                             n.surname == NameAgreement::kTypo;
  const bool forename_missing = n.forename == NameAgreement::kMissing;
  // Everything but one field (missing, or a slip of the date of birth)
  // agrees closely; a short form of the forename counts as close.
  const bool rest_close =
      surname_spelt && address_strong &&
      (forename_missing ? dob_exact : forename_spelt || forename_variant);
  // A forename that differs or is only similar, outside one case file, may
  // be a recording error; only the same surname, full date of birth and home
  // together outweigh it.
  const bool forename_replaced =
      !same_case_file &&
      (ForenameDiffers(n.forename) || n.forename == NameAgreement::kSimilar) &&
      surname_spelt && dob_exact && address_strong;
  const bool forename_ok = forename_spelt ||
                           (forename_variant && (dob_exact || rest_close)) ||
                           (forename_missing && rest_close) || forename_replaced;
  // Likewise a date of birth that differs by more than a typo (but less than
  // a generation) against the same names and home.
  const bool dob_wrong = n.dob == DobAgreement::kDifferent && forename_spelt &&
                         surname_spelt && address_strong;
  const bool dob_ok =
      dob_exact || dob_wrong ||
      ((n.dob == DobAgreement::kTypo || n.dob == DobAgreement::kTransposed ||
        dob_missing || dob_swapped) &&
       rest_close);
  // A surname may change (marriage, a step-parent's name) but only the same
  // forename, date of birth and address together outweigh that.
  const bool surname_ok =
      Good(n.surname) || (!forename_missing && dob_exact && address_strong);
  // Where every part of the address disagrees, names and date of birth alone
  // could be two people (two Jack Smiths born the same day): an operator
  // decides.
  out.strong = forename_ok && dob_ok && surname_ok &&
               address.agreement != AddressAgreement::kNone;
  // One forename at one home, with at most one of surname and date of birth
  // against it (a surname changes; a date of birth is left out): an operator
  // looks, whatever the score.
  out.review_anyway =
      !out.strong && Good(n.forename) && address_strong &&
      (Good(n.surname) || dob_missing || dob_close);
  out.missing_field = out.strong && (forename_missing || dob_missing);
  out.day_month_swapped = out.strong && dob_swapped;
  return out;
}

}  // namespace casefile::migration
