#include "core/time/words_and_date.h"

#include <algorithm>

#include "absl/status/status.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"

namespace casefile {

absl::StatusOr<WordsAndDate> SplitWordsAndDate(absl::string_view text) {
  constexpr size_t kMaxDateWords = 3;  // "12 Nov 2012"
  WordsAndDate out;
  const std::vector<std::string> words = absl::StrSplit(text, absl::ByAnyChar(" \t"), absl::SkipEmpty());
  for (size_t i = 0; i < words.size();) {
    size_t taken = 0;
    for (size_t n = std::min(kMaxDateWords, words.size() - i); n >= 1 && taken == 0; --n) {
      auto date = ParsePartialTime(absl::StrJoin(words.begin() + i, words.begin() + i + n, " "));
      if (!date.ok() || (date->precision != TimePrecision::kDay && date->precision != TimePrecision::kMonth))
        continue;
      if (out.date.has_value()) return absl::InvalidArgumentError("holds more than one date");
      out.date = *date;
      taken = n;
    }
    if (taken == 0) {
      out.words.push_back(words[i]);
      taken = 1;
    }
    i += taken;
  }
  return out;
}

}  // namespace casefile
