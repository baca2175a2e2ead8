#include "core/persons/person_search.h"

#include <algorithm>
#include <optional>
#include <set>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "core/input/input_rules.h"
#include "core/names/forename_variants.h"
#include "core/persons/person_blocking_tokens.h"
#include "core/names/name_normalise.h"
#include "core/names/name_tokens.h"
#include "core/names/phonetic.h"
#include "core/names/string_similarity.h"
#include "core/time/partial_time.h"
#include "core/time/partial_time_proto.h"
#include "storage/keys.h"
#include "storage/prefix_scan.h"

namespace casefile {
namespace {

namespace keys = storage::keys;

constexpr int kDefaultPageSize = 20;
constexpr int kMaxPageSize = 200;
constexpr size_t kMaxQueryBytes = 256;
constexpr int kMaxQueryWords = 8;
// Bounds the work of one search: candidates found through a query's own
// words are taken before those found only by sound.
constexpr size_t kMaxCandidates = 20000;
// Longer words are not indexed (LMDB keys are at most 511 bytes); no real
// name has one.
constexpr size_t kMaxTokenBytes = 128;
constexpr double kMinSimilarity = 0.8;
constexpr absl::string_view kPhoneticTag = "~ph:";
constexpr absl::string_view kFamilyTag = "~fn:";
constexpr absl::string_view kPersonPrefix = "persons/";
constexpr int kDefaultListPageSize = 50;
constexpr int kMaxListPageSize = 1000;
constexpr size_t kMaxPersonIdBytes = 64;

// A person id as GetPerson accepts it: letters and digits, at most 64.
bool IsPersonId(absl::string_view id) {
  return !id.empty() && id.size() <= kMaxPersonIdBytes &&
         std::all_of(id.begin(), id.end(), [](char c) { return absl::ascii_isalnum(c); });
}

// ListPersons page tokens are opaque to clients: the last id of the page,
// encoded, with a version so that the form can change.
std::string EncodeListToken(absl::string_view last_id) {
  return absl::WebSafeBase64Escape(absl::StrCat("p1:", last_id));
}
absl::StatusOr<std::string> DecodeListToken(absl::string_view token) {
  if (token.empty()) return std::string();
  std::string raw;
  absl::string_view id;
  if (!absl::WebSafeBase64Unescape(token, &raw) || !absl::StartsWith(raw, "p1:") ||
      !IsPersonId(id = absl::string_view(raw).substr(3))) {
    return absl::InvalidArgumentError("page_token: not a token from a previous ListPersons");
  }
  return std::string(id);
}

std::string PhoneticToken(const std::string& letters) {
  return absl::StrCat(kPhoneticTag, Soundex(letters));
}

std::vector<std::string> FamilyTokens(const std::string& letters) {
  std::vector<std::string> tokens;
  for (const std::string& key : ForenameFamilyKeys(letters)) tokens.push_back(absl::StrCat(kFamilyTag, key));
  return tokens;
}

// The letters-only forms of every word of the person's names, and of the
// forename and surname as a whole ("O'Brien" → "o", "brien", "obrien").
std::set<std::string> NameForms(const v1::Person& person) {
  std::set<std::string> forms;
  auto add = [&](const std::string& text) {
    for (const std::string& word : NameTokens(text)) {
      if (std::string letters = NormaliseName(word); !letters.empty()) forms.insert(std::move(letters));
    }
  };
  add(person.forename());
  add(person.surname());
  for (const std::string& variant : person.name_variants()) add(variant);
  for (const std::string* whole : {&person.forename(), &person.surname()}) {
    if (std::string letters = NormaliseName(*whole); !letters.empty()) forms.insert(std::move(letters));
  }
  return forms;
}

double WordSimilarity(const std::string& query, const std::string& name) {
  if (query == name) return 1.0;
  if (AreForenameVariants(query, name)) return 0.9;
  if (AreDistinctForenames(query, name)) return 0.0;  // Daniel is not Danielle
  if (query.size() == 1 || name.size() == 1) return query[0] == name[0] ? 0.7 : 0.0;
  const double jw = JaroWinklerAbove(query, name, kMinSimilarity);
  return jw >= kMinSimilarity ? jw : 0.0;
}

enum class DobAgreement { kAgrees, kSwapped, kUnknown, kDisagrees };

DobAgreement CompareDob(const PartialTime& wanted, const v1::PartialTime& stored) {
  const PartialTime dob = FromProto(stored);
  if (dob.precision == TimePrecision::kUnknown) return DobAgreement::kUnknown;
  if (CompatibleTimes(wanted, dob)) return DobAgreement::kAgrees;
  if (wanted.precision == TimePrecision::kDay && wanted.day <= 12) {
    PartialTime swapped = wanted;
    std::swap(swapped.day, swapped.month);
    if (CompatibleTimes(swapped, dob)) return DobAgreement::kSwapped;
  }
  return DobAgreement::kDisagrees;
}

// The score of a person for the query words (see the header), or nullopt
// when it does not match.
std::optional<double> Score(const v1::Person& person, const std::vector<std::string>& words,
                            const std::optional<PartialTime>& dob) {
  const std::set<std::string> names = NameForms(person);
  double sum = 0;
  for (const std::string& word : words) {
    double best = 0;
    for (const std::string& name : names) best = std::max(best, WordSimilarity(word, name));
    if (best == 0) return std::nullopt;
    sum += best;
  }
  double score = words.empty() ? 0 : sum / static_cast<double>(words.size());
  if (dob.has_value()) {
    switch (CompareDob(*dob, person.date_of_birth())) {
      case DobAgreement::kAgrees: score += 0.5; break;
      case DobAgreement::kSwapped: score += 0.25; break;
      case DobAgreement::kUnknown: break;
      case DobAgreement::kDisagrees: return std::nullopt;
    }
  }
  return score;
}

absl::Status ValidateSearch(const v1::SearchPersonsRequest& request) {
  if (absl::StripAsciiWhitespace(request.query()).empty() &&
      request.date_of_birth().precision() != v1::PartialTime::PRECISION_DAY)
    return absl::InvalidArgumentError(
        "query: must not be empty (give a name, or a whole date of birth to find everyone born that day)");
  if (request.query().size() > kMaxQueryBytes)
    return absl::InvalidArgumentError(absl::StrCat("query: longer than ", kMaxQueryBytes, " bytes"));
  if (request.page_size() < 0) return absl::InvalidArgumentError("page_size: must not be negative");
  if (absl::Status s = ValidatePartialTime(request.date_of_birth(), "date_of_birth"); !s.ok()) return s;
  if (request.date_of_birth().precision() == v1::PartialTime::PRECISION_MINUTE)
    return absl::InvalidArgumentError("date_of_birth: give a day or a month, not a time");
  return absl::OkStatus();
}

absl::StatusOr<std::optional<v1::Person>> LoadPerson(const storage::LmdbTxn& txn,
                                                     absl::string_view id) {
  auto bytes = txn.Get(keys::Person(id));
  if (!bytes.ok()) return bytes.status();
  if (!bytes->has_value()) return std::nullopt;
  v1::Person person;
  if (!person.ParseFromArray((*bytes)->data(), static_cast<int>((*bytes)->size())))
    return absl::DataLossError(absl::StrCat("corrupt person record ", id));
  return person;
}

// "~dob:2008-04-03" for a date of birth known to the day: a date alone
// finds everyone born that day ("~" never starts a word).
std::optional<std::string> DateOfBirthToken(const PartialTime& dob) {
  if (dob.precision != TimePrecision::kDay) return std::nullopt;
  return absl::StrCat("~dob:", FormatPartialTime(dob));
}

}  // namespace

std::vector<std::string> PersonIndexTokens(const v1::Person& person) {
  std::set<std::string> tokens;
  for (const std::string* text : {&person.forename(), &person.surname()}) {
    for (std::string word : NameTokens(*text)) tokens.insert(std::move(word));
  }
  for (const std::string& variant : person.name_variants()) {
    for (std::string word : NameTokens(variant)) tokens.insert(std::move(word));
  }
  for (const std::string& letters : NameForms(person)) {
    tokens.insert(letters);
    tokens.insert(PhoneticToken(letters));
    for (std::string family : FamilyTokens(letters)) tokens.insert(std::move(family));
  }
  const PartialTime born = FromProto(person.date_of_birth());
  if (std::optional<std::string> day = DateOfBirthToken(born)) tokens.insert(*std::move(day));
  // Blocking tokens of the person's names and of each variant ("Bill
  // PAYNE": the last word is taken for the surname), for the live linker.
  auto add_blocking = [&](std::string_view forename, std::string_view surname) {
    for (std::string token : PersonBlockingTokens(forename, surname, born)) tokens.insert(std::move(token));
  };
  add_blocking(person.forename(), person.surname());
  for (const std::string& variant : person.name_variants()) {
    const size_t space = variant.rfind(' ');
    if (space != std::string::npos) add_blocking(std::string_view(variant).substr(0, space), std::string_view(variant).substr(space + 1));
  }
  std::vector<std::string> out;
  for (const std::string& t : tokens) {
    if (t.size() <= kMaxTokenBytes) out.push_back(t);
  }
  return out;
}

absl::StatusOr<std::vector<v1::PersonMatch>> SearchPersons(
    const storage::LmdbTxn& txn, const v1::SearchPersonsRequest& request,
    const PersonFilter& visible) {
  if (absl::Status s = ValidateSearch(request); !s.ok()) return s;
  std::vector<std::string> raw_words;
  std::vector<std::string> words;  // letters only
  for (std::string& word : NameTokens(request.query())) {
    std::string letters = NormaliseName(word);
    if (letters.empty()) continue;
    raw_words.push_back(std::move(word));
    words.push_back(std::move(letters));
  }
  std::optional<PartialTime> dob;
  if (request.date_of_birth().precision() != v1::PartialTime::PRECISION_UNSPECIFIED)
    dob = FromProto(request.date_of_birth());
  const bool by_date_alone = words.empty() && absl::StripAsciiWhitespace(request.query()).empty();
  if (words.empty() && !by_date_alone) return absl::InvalidArgumentError("query: has no letters to search for");
  if (words.size() > kMaxQueryWords)
    return absl::InvalidArgumentError(absl::StrCat("query: more than ", kMaxQueryWords, " words"));

  // Candidates: through each word as written, its letters, its nickname
  // families, then its sound; by a date alone, through the date (and the
  // date with day and month swapped, a usual slip).
  std::vector<std::string> lookups = raw_words;
  if (by_date_alone) {
    lookups.push_back(*DateOfBirthToken(*dob));
    PartialTime swapped = *dob;
    std::swap(swapped.day, swapped.month);
    if (dob->day <= 12 && swapped.day != swapped.month) lookups.push_back(*DateOfBirthToken(swapped));
  }
  lookups.insert(lookups.end(), words.begin(), words.end());
  for (const std::string& w : words) {
    for (std::string family : FamilyTokens(w)) lookups.push_back(std::move(family));
  }
  for (const std::string& w : words) lookups.push_back(PhoneticToken(w));
  std::set<std::string> candidates;
  std::set<std::string> looked_up;
  for (const std::string& token : lookups) {
    if (token.size() > kMaxTokenBytes || candidates.size() >= kMaxCandidates) continue;
    if (!looked_up.insert(token).second) continue;
    absl::Status s = storage::ScanPrefix(txn, keys::PersonTokenPrefix(token),
                                         [&](absl::string_view id, absl::string_view) {
                                           if (candidates.size() < kMaxCandidates) candidates.emplace(id);
                                           return absl::OkStatus();
                                         });
    if (!s.ok()) return s;
  }

  std::vector<v1::PersonMatch> matches;
  for (const std::string& id : candidates) {
    auto person = LoadPerson(txn, id);
    if (!person.ok()) return person.status();
    if (!person->has_value()) continue;  // a stale token: the index is rebuilt whole, so never
    std::optional<double> score = Score(**person, words, dob);
    if (!score.has_value()) continue;
    auto shown = visible(**person);
    if (!shown.ok()) return shown.status();
    if (!*shown) continue;
    v1::PersonMatch& match = matches.emplace_back();
    *match.mutable_person() = *std::move(*person);
    match.set_score(*score);
  }
  std::sort(matches.begin(), matches.end(), [](const v1::PersonMatch& a, const v1::PersonMatch& b) {
    if (a.score() != b.score()) return a.score() > b.score();
    return a.person().name() < b.person().name();
  });
  const int page_size = request.page_size() == 0 ? kDefaultPageSize
                                                  : std::min(request.page_size(), kMaxPageSize);
  if (matches.size() > static_cast<size_t>(page_size)) matches.resize(page_size);
  return matches;
}

absl::StatusOr<v1::Person> GetPerson(const storage::LmdbTxn& txn, absl::string_view name,
                                     const PersonFilter& visible) {
  absl::string_view id = name;
  if (!absl::ConsumePrefix(&id, kPersonPrefix) || !IsPersonId(id)) return absl::InvalidArgumentError("name: expected persons/{person}, e.g. persons/P0123456789abcdef");
  auto person = LoadPerson(txn, id);
  if (!person.ok()) return person.status();
  if (!person->has_value()) return absl::NotFoundError(absl::StrCat(name, " not found"));
  auto shown = visible(**person);
  if (!shown.ok()) return shown.status();
  if (!*shown) return absl::NotFoundError(absl::StrCat(name, " not found"));
  return **person;
}

absl::StatusOr<v1::ListPersonsResponse> ListPersons(const storage::LmdbTxn& txn,
                                                    const v1::ListPersonsRequest& request,
                                                    const PersonFilter& visible) {
  if (request.page_size() < 0) return absl::InvalidArgumentError("page_size: must not be negative");
  auto after = DecodeListToken(request.page_token());
  if (!after.ok()) return after.status();
  const int page_size = request.page_size() == 0 ? kDefaultListPageSize
                                                  : std::min(request.page_size(), kMaxListPageSize);
  const std::string prefix = keys::PersonPrefix();
  auto cursor = txn.OpenCursor();
  if (!cursor.ok()) return cursor.status();
  v1::ListPersonsResponse response;
  std::string last_id;
  // Ids are letters and digits, so the first key after the token's is the
  // first key >= its id followed by any byte: seek there and skip the id itself.
  for (auto at = cursor->Seek(keys::Person(*after));; at = cursor->Next()) {
    if (!at.ok()) return at.status();
    if (!*at || !absl::StartsWith(cursor->key(), prefix)) break;
    const absl::string_view id = cursor->key().substr(prefix.size());
    if (!after->empty() && id == *after) continue;
    if (response.persons_size() == page_size) {
      response.set_next_page_token(EncodeListToken(last_id));
      break;
    }
    v1::Person person;
    if (!person.ParseFromArray(cursor->value().data(), static_cast<int>(cursor->value().size())))
      return absl::DataLossError(absl::StrCat("corrupt person record ", id));
    last_id = std::string(id);
    auto shown = visible(person);
    if (!shown.ok()) return shown.status();
    if (*shown) *response.add_persons() = std::move(person);
  }
  return response;
}

}  // namespace casefile
