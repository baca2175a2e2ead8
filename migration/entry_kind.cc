#include "migration/entry_kind.h"

#include <string>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"

namespace casefile::migration {

v1::EntryKind InferEntryKind(absl::string_view doc_type, absl::string_view text) {
  // Wording first: paper document types are often filed loosely.
  static const std::pair<const char*, v1::EntryKind> kByWording[] = {
      {"strategy discussion", v1::ENTRY_KIND_STRATEGY_DISCUSSION},
      {"strategy meeting", v1::ENTRY_KIND_STRATEGY_DISCUSSION},
      {"best evidence interview", v1::ENTRY_KIND_INTERVIEW},
      {"abe interview", v1::ENTRY_KIND_INTERVIEW},
      {"custody", v1::ENTRY_KIND_CUSTODY},
      {"reported missing", v1::ENTRY_KIND_MISSING_EPISODE},
      {"missing from", v1::ENTRY_KIND_MISSING_EPISODE},
      {"referral", v1::ENTRY_KIND_REFERRAL},
      {"home visit", v1::ENTRY_KIND_VISIT},
      {"welfare check", v1::ENTRY_KIND_VISIT},
      {"welfare visit", v1::ENTRY_KIND_VISIT},
      {"unannounced visit", v1::ENTRY_KIND_VISIT},
      {"visited", v1::ENTRY_KIND_VISIT},
      {"reviewed", v1::ENTRY_KIND_REVIEW},
      {"review by", v1::ENTRY_KIND_REVIEW},
      {"telephone call", v1::ENTRY_KIND_CONTACT},
      {"spoke by phone", v1::ENTRY_KIND_CONTACT},
      {"enquir", v1::ENTRY_KIND_ENQUIRY},
  };
  // Only the opening words describe what the record is.
  std::string opening = absl::AsciiStrToLower(text.substr(0, 120));
  for (const auto& [words, kind] : kByWording) {
    if (absl::StrContains(opening, words)) return kind;
  }
  std::string type = absl::AsciiStrToLower(doc_type);
  if (absl::StrContains(type, "strategy")) return v1::ENTRY_KIND_STRATEGY_DISCUSSION;
  if (absl::StrContains(type, "referral")) return v1::ENTRY_KIND_REFERRAL;
  if (absl::StrContains(type, "visit")) return v1::ENTRY_KIND_VISIT;
  if (absl::StrContains(type, "missing")) return v1::ENTRY_KIND_MISSING_EPISODE;
  if (absl::StrContains(type, "custody")) return v1::ENTRY_KIND_CUSTODY;
  return v1::ENTRY_KIND_NOTE;
}

}  // namespace casefile::migration
