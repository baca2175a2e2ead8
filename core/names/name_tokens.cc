#include "core/names/name_tokens.h"

#include "absl/strings/ascii.h"

namespace casefile {

std::vector<std::string> NameTokens(absl::string_view name) {
  std::vector<std::string> tokens;
  std::string current;
  for (char ch : name) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (absl::ascii_isalnum(c) || c >= 0x80) {
      current.push_back(static_cast<char>(absl::ascii_tolower(c)));
    } else if (!current.empty()) {
      tokens.push_back(std::move(current));
      current.clear();
    }
  }
  if (!current.empty()) tokens.push_back(std::move(current));
  return tokens;
}

}  // namespace casefile
