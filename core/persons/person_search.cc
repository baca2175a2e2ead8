#include "core/persons/person_search.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <memory>
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
// Bounds the work of one search: at most this many candidates are loaded and
// scored, the most promising first (see Candidate).
constexpr size_t kMaxScored = 1500;
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

// A person found through the index, before it is loaded: which query words
// found it (a bit each), how strongly each (3 the word itself or its
// letters, 2 a nickname family, 1 its sound; the strongest counts), and
// whether its date of birth token did. A person scores only if every word
// is like one of its names, so those found by every word come first, then
// those also born on the day searched for, then the stronger.
struct Candidate {
  uint32_t words = 0;
  std::array<uint8_t, kMaxQueryWords> strength{};
  bool born = false;
  int Priority() const {
    int sum = 0;
    for (uint8_t s : strength) sum += s;
    return (std::popcount(words) * 2 + (born ? 1 : 0)) * 32 + sum;
  }
};

// The persons one index token finds (ids in order, as the index keeps them)
// for one query word (-1: the date of birth), and how strongly.
struct Posting {
  std::vector<absl::string_view> ids;
  int word = -1;
  uint8_t strength = 0;
};

void Note(Candidate& c, const Posting& p) {
  if (p.word < 0) {
    c.born = true;
    return;
  }
  c.words |= 1u << p.word;
  c.strength[p.word] = std::max(c.strength[p.word], p.strength);
}

// The persons the postings find, each once, in id order, with what found them.
std::vector<std::pair<absl::string_view, Candidate>> MergePostings(const std::vector<const Posting*>& from) {
  std::vector<size_t> at(from.size(), 0);
  std::vector<std::pair<absl::string_view, Candidate>> out;
  for (;;) {
    const absl::string_view* least = nullptr;
    for (size_t i = 0; i < from.size(); ++i) {
      if (at[i] < from[i]->ids.size() && (least == nullptr || from[i]->ids[at[i]] < *least))
        least = &from[i]->ids[at[i]];
    }
    if (least == nullptr) return out;
    const absl::string_view id = *least;
    Candidate c;
    for (size_t i = 0; i < from.size(); ++i) {
      if (at[i] < from[i]->ids.size() && from[i]->ids[at[i]] == id) {
        Note(c, *from[i]);
        ++at[i];
      }
    }
    out.emplace_back(id, c);
  }
}

// Notes on `candidates` (in id order) those `p` finds too.
void NoteAlso(std::vector<std::pair<absl::string_view, Candidate>>& candidates, const Posting& p) {
  size_t i = 0, j = 0;
  while (i < candidates.size() && j < p.ids.size()) {
    const int order = candidates[i].first.compare(p.ids[j]);
    if (order < 0) {
      ++i;
    } else if (order > 0) {
      ++j;
    } else {
      Note(candidates[i++].second, p);
      ++j;
    }
  }
}

// Keeps the ids a scan shows (views valid only during the call) for the
// rest of a search, in a few large blocks instead of a string each.
class IdArena {
 public:
  absl::string_view Keep(absl::string_view id) {
    if (blocks_.empty() || used_ + id.size() > kBlockBytes) {
      blocks_.push_back(std::make_unique<char[]>(std::max(kBlockBytes, id.size())));
      used_ = 0;
    }
    char* at = blocks_.back().get() + used_;
    std::memcpy(at, id.data(), id.size());
    used_ += id.size();
    return absl::string_view(at, id.size());
  }

 private:
  static constexpr size_t kBlockBytes = 64 * 1024;
  std::vector<std::unique_ptr<char[]>> blocks_;
  size_t used_ = 0;
};

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
  if (jw >= kMinSimilarity) return jw;
  // Jaro's match window is empty for three letters, so one slip in "Leo" or
  // "Kai" scores far below the floor: a short word one edit away matches, at
  // the floor (live_persons_accuracy: most misses were these).
  if (std::max(query.size(), name.size()) <= 4 && BoundedEditDistance(query, name, 1) <= 1) return kMinSimilarity;
  return 0.0;
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
    switch (CompareDateOfBirth(*dob, person.date_of_birth())) {
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

DobAgreement CompareDateOfBirth(const PartialTime& wanted, const v1::PartialTime& stored) {
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
  std::vector<std::string> words;  // letters only
  for (const std::string& word : NameTokens(request.query())) {
    std::string letters = NormaliseName(word);
    if (!letters.empty()) words.push_back(std::move(letters));
  }
  std::optional<PartialTime> dob;
  if (request.date_of_birth().precision() != v1::PartialTime::PRECISION_UNSPECIFIED)
    dob = FromProto(request.date_of_birth());
  const bool by_date_alone = words.empty() && absl::StripAsciiWhitespace(request.query()).empty();
  if (words.empty() && !by_date_alone) return absl::InvalidArgumentError("query: has no letters to search for");
  if (words.size() > kMaxQueryWords)
    return absl::InvalidArgumentError(absl::StrCat("query: more than ", kMaxQueryWords, " words"));

  // Candidates: through each word's letters, its nickname families, then
  // its sound; through the date of birth known to the day
  // (and with day and month swapped, a usual slip). Each candidate notes the
  // words that found it and how strongly (see Candidate).
  struct Lookup {
    std::string token;
    int word;      // the query word it stands for; -1: the date of birth
    int strength;  // 3 the word itself, 2 a nickname family, 1 its sound
  };
  std::vector<Lookup> lookups;
  for (size_t k = 0; k < words.size(); ++k) {
    const int w = static_cast<int>(k);
    // Its letters find every person its spelling as written would ("sian"
    // finds each Siân), so the word as written is not looked up apart.
    lookups.push_back({words[k], w, 3});
    for (std::string family : FamilyTokens(words[k])) lookups.push_back({std::move(family), w, 2});
    lookups.push_back({PhoneticToken(words[k]), w, 1});
  }
  if (dob.has_value() && dob->precision == TimePrecision::kDay) {
    lookups.push_back({*DateOfBirthToken(*dob), -1, 0});
    PartialTime swapped = *dob;
    std::swap(swapped.day, swapped.month);
    if (dob->day <= 12 && swapped.day != swapped.month) lookups.push_back({*DateOfBirthToken(swapped), -1, 0});
  }
  // What each lookup finds; the ids kept, since a scan's views end with it.
  IdArena arena;
  std::vector<Posting> postings;
  std::vector<size_t> word_postings(words.size(), 0);  // how many each word finds, counted again per token
  size_t total = 0;
  std::set<std::pair<std::string, int>> looked_up;
  for (const Lookup& lookup : lookups) {
    if (lookup.token.size() > kMaxTokenBytes) continue;
    if (!looked_up.emplace(lookup.token, lookup.word).second) continue;
    Posting& p = postings.emplace_back();
    p.word = lookup.word;
    p.strength = static_cast<uint8_t>(lookup.strength);
    absl::Status s = storage::ScanPrefix(txn, keys::PersonTokenPrefix(lookup.token),
                                         [&](absl::string_view id, absl::string_view) {
                                           p.ids.push_back(arena.Keep(id));
                                           return absl::OkStatus();
                                         });
    if (!s.ok()) return s;
    total += p.ids.size();
    if (p.word >= 0) word_postings[p.word] += p.ids.size();
  }
  // Few found: every person found is a candidate. Many: a person scores
  // only if every word is like one of its names, so the candidates are the
  // persons the word that finds fewest finds, and those born on the day
  // searched for; the other words only mark them. Only those found by every
  // word, or born that day, are then scored.
  const bool many = total > kMaxScored;
  int seed = 0;
  for (size_t k = 1; k < words.size(); ++k) {
    if (word_postings[k] < word_postings[seed]) seed = static_cast<int>(k);
  }
  std::vector<const Posting*> first;
  for (const Posting& p : postings) {
    if (!many || p.word < 0 || p.word == seed) first.push_back(&p);
  }
  std::vector<std::pair<absl::string_view, Candidate>> candidates = MergePostings(first);
  if (many) {
    for (const Posting& p : postings) {
      if (p.word >= 0 && p.word != seed) NoteAlso(candidates, p);
    }
  }
  // The most promising first: found by more words, by the date of birth, more strongly; then by id.
  std::vector<std::pair<absl::string_view, int>> ranked;
  ranked.reserve(candidates.size());
  for (const auto& [id, c] : candidates) {
    if (many && !c.born && static_cast<size_t>(std::popcount(c.words)) < words.size()) continue;
    ranked.emplace_back(id, c.Priority());
  }
  auto before = [](const std::pair<absl::string_view, int>& a, const std::pair<absl::string_view, int>& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  };
  if (ranked.size() > kMaxScored) {
    std::nth_element(ranked.begin(), ranked.begin() + kMaxScored, ranked.end(), before);
    ranked.resize(kMaxScored);
  }
  std::sort(ranked.begin(), ranked.end(), before);

  std::vector<v1::PersonMatch> matches;
  for (const auto& [id, priority] : ranked) {
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
