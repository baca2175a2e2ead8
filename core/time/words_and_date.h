// The date written among the words of a search ("zed pane 01/02/2010",
// "zed pane Feb 2010", "12 Nov 2012 Ellie"): a date of birth beside a name.
//
// Thread-safe: pure function.
#ifndef CASEFILE_CORE_TIME_WORDS_AND_DATE_H_
#define CASEFILE_CORE_TIME_WORDS_AND_DATE_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "core/time/partial_time.h"

namespace casefile {

struct WordsAndDate {
  std::vector<std::string> words;  // the words that are not the date, in order
  std::optional<PartialTime> date;  // day or month precision
};

// Splits `text` at spaces and tabs and takes out the one date at day or
// month precision written among its words in a form ParsePartialTime knows
// (one word, "01/02/2010", or up to three, "1 Feb 2010", "Feb 2010"; the
// longest form wins). A year alone, a time and "unknown" stay words.
// InvalidArgument "holds more than one date" for two dates.
absl::StatusOr<WordsAndDate> SplitWordsAndDate(absl::string_view text);

}  // namespace casefile

#endif  // CASEFILE_CORE_TIME_WORDS_AND_DATE_H_
