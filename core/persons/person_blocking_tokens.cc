#include "core/persons/person_blocking_tokens.h"

#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"
#include "core/names/name_normalise.h"
#include "core/names/phonetic.h"

namespace casefile {

std::vector<std::string> PersonBlockingTokens(std::string_view forename, std::string_view surname,
                                              const PartialTime& date_of_birth) {
  const std::string first = Soundex(NormaliseName(forename));
  const std::string last = Soundex(NormaliseName(surname));
  std::vector<std::string> tokens;
  if (!first.empty() && !last.empty()) {
    tokens.push_back(absl::StrCat("~nm:", std::min(first, last), "+", std::max(first, last)));
  }
  if (date_of_birth.precision != TimePrecision::kUnknown) {
    const std::string born = FormatPartialTime(date_of_birth);
    for (const std::string* code : {&first, &last}) {
      if (!code->empty()) tokens.push_back(absl::StrCat("~bn:", born, "+", *code));
    }
    if (first == last && !first.empty()) tokens.pop_back();
  }
  return tokens;
}

}  // namespace casefile
