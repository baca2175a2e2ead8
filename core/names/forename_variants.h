// Knowledge about English forenames that string similarity cannot see:
// nicknames (Bill is William), distinct names that look like typos of each
// other (Alexander and Alexandra are two people, often twins), and which
// forenames are common in their own right. Names are
// normalised lower-case letters (NormaliseName).
//
// The matcher looks each record's forename up once (LookupForename) and
// compares ids; the string forms are for everyone else.
//
// Thread-safe: the tables are built once, immutable afterwards.
#ifndef CASEFILE_CORE_NAMES_FORENAME_VARIANTS_H_
#define CASEFILE_CORE_NAMES_FORENAME_VARIANTS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/functional/function_ref.h"

namespace casefile {

// True when `a` and `b` differ and are known forms of one name: a nickname and
// its full name ("bill", "william") or two nicknames of one full name ("bill",
// "will"). Two different full names are never variants, even when they share a
// nickname ("alexander", "alexandra" via "alex").
bool AreForenameVariants(std::string_view a, std::string_view b);

// True when `a` and `b` are different names although they may look like a
// typo of each other: two full names of one nickname family ("alexander",
// "alexandra"), a known look-alike pair ("leo", "leah"), or gendered forms
// (below).
bool AreDistinctForenames(std::string_view a, std::string_view b);

// True when `a` and `b` are a masculine and a feminine form of one name that
// differ only in the ending: Paul/Paula, Kristian/Kristina, Daniel/Danielle,
// Antonio/Antonia, Francis/Frances. Boy-girl twins are often named so, and
// the pair is one or two edits apart. (Louis/Louise and Julian/Julia, whose
// endings a dropped letter also makes, are in AreDistinctForenames instead.)
bool AreGenderedForms(std::string_view a, std::string_view b);

// A forename the tables know, or kUnknownForename.
using ForenameId = int16_t;
inline constexpr ForenameId kUnknownForename = -1;
ForenameId LookupForename(std::string_view name);

// A key per nickname family `name` belongs to (its first full name, "bill" →
// {"william"}, "sam" → {"samantha", "samuel"}), sorted; empty when the tables
// do not know the name. Two names that are variants share a key, so a search
// index can find William by "Bill".
std::vector<std::string> ForenameFamilyKeys(std::string_view name);

// Whether `test` holds for one of the names that are variants of `id`
// (AreForenameVariants), e.g. to find "Wiliam", a slip of William, as a
// variant of "Billy". False when `id` is unknown.
bool AnyVariant(ForenameId id, absl::FunctionRef<bool(std::string_view)> test);

// Whether `id` is a forename common in its own right (Mark, Mary, Jon,
// Joan): a typing slip that turns one such name into another may be a
// sibling's real name.
bool IsCommonForename(ForenameId id);

// As above, on looked-up names (false when either is unknown or a == b);
// the id form of AreDistinctForenames leaves out AreGenderedForms.
bool AreForenameVariants(ForenameId a, ForenameId b);
bool AreDistinctForenames(ForenameId a, ForenameId b);

}  // namespace casefile

#endif  // CASEFILE_CORE_NAMES_FORENAME_VARIANTS_H_
