// Splits a person's name into lower-case search tokens: runs of letters,
// digits and non-ASCII bytes (so "Zoë" stays one token). "Ellie WATSON
// (03/04/2008)" → {"ellie", "watson", "03", "04", "2008"}.
//
// Thread-safe: pure function.
#ifndef CASEFILE_CORE_NAMES_NAME_TOKENS_H_
#define CASEFILE_CORE_NAMES_NAME_TOKENS_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace casefile {

std::vector<std::string> NameTokens(absl::string_view name);

}  // namespace casefile

#endif  // CASEFILE_CORE_NAMES_NAME_TOKENS_H_
