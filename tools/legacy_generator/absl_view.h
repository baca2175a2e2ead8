// Av(): std::string_view → absl::string_view. Debian's Abseil 20220623 keeps
// its own absl::string_view type, so Abseil string functions do not take a
// std::string_view; this module speaks std::string_view and converts here.
//
// Thread-safety: pure function.
#ifndef CASEFILE_TOOLS_LEGACY_GENERATOR_ABSL_VIEW_H_
#define CASEFILE_TOOLS_LEGACY_GENERATOR_ABSL_VIEW_H_

#include <string_view>

#include "absl/strings/string_view.h"

namespace casefile::legacy_generator {

inline absl::string_view Av(std::string_view s) { return absl::string_view(s.data(), s.size()); }

}  // namespace casefile::legacy_generator

#endif  // CASEFILE_TOOLS_LEGACY_GENERATOR_ABSL_VIEW_H_
