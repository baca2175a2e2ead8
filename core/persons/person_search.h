// Finding persons in the person index (see person_index.h): by name, fuzzily
// (nicknames, typos, names that sound alike), narrowed by date of birth.
//
// The Q\0 table holds, per person, the lower-case words of its forename,
// surname and every name variant (core/names/name_tokens.h), their letters-only
// forms, a "~ph:<soundex>" key of each and a "~fn:<family>" key of each
// nickname family it belongs to ("~" never starts a word). A query word finds
// candidates through its own word, its families ("Bill" finds William) and
// its sound; each candidate is then scored on every query word against the
// person's names.
//
// Thread-safety: as the transaction passed in.
#ifndef CASEFILE_CORE_PERSONS_PERSON_SEARCH_H_
#define CASEFILE_CORE_PERSONS_PERSON_SEARCH_H_

#include <string>
#include <vector>

#include <functional>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "casefile/v1/person.pb.h"
#include "core/time/partial_time.h"
#include "storage/lmdb.h"

namespace casefile {

// Decides whether a reader sees a person, and may trim what they see (the
// cases kept from them): false leaves the person out.
using PersonFilter = std::function<absl::StatusOr<bool>(v1::Person&)>;

// How a stored date of birth compares with the one searched for: agrees
// (CompatibleTimes), agrees only with day and month swapped (a usual slip,
// for a wanted whole date with a day up to 12), unknown, or disagrees.
enum class DobAgreement { kAgrees, kSwapped, kUnknown, kDisagrees };
DobAgreement CompareDateOfBirth(const PartialTime& wanted, const v1::PartialTime& stored);

// The Q\0 tokens of a person, sorted and distinct: the search tokens above,
// "~dob:" of a date of birth known to the day, and the blocking tokens
// (person_blocking_tokens.h) of its names and of each name variant.
std::vector<std::string> PersonIndexTokens(const v1::Person& person);

// Persons whose names match every word of the query, best first; at most
// page_size (default 20, at most 200). Score: the mean over query words of
// the best similarity to one of the person's names (1 exact, 0.9 nickname,
// 0.7 an initial, else Jaro-Winkler of at least 0.8; a word that matches no
// name excludes the person), plus 0.5 when the date of birth agrees (0.25 when
// only with day and month swapped). A date of birth that disagrees even when
// swapped excludes the person; an unknown one neither counts nor excludes.
// With no query but a date of birth known to the day: everyone born that day
// (0.5), or with day and month swapped (0.25); persons whose date of birth is
// unknown are not found so.
// Candidates come from the index (Q\0): through each query word as written,
// its nickname families and its sound, and a whole date of birth. When they
// find at most 1,500 persons in all, each is scored (so a word like a name
// only in spelling, with no shared sound, is scored on the persons the
// other words find). When they find more, only the persons found by every
// word, or born on the day searched for, are scored: at most 1,500, the
// most promising first — found by more words, then also by the date of
// birth, then more strongly (the word itself over a nickname over a
// sound), then by id.
// InvalidArgument naming the field for a bad request.
// Persons `visible` leaves out are never counted.
absl::StatusOr<std::vector<v1::PersonMatch>> SearchPersons(
    const storage::LmdbTxn& txn, const v1::SearchPersonsRequest& request,
    const PersonFilter& visible);

// The person named `name` ("persons/{person}"): NotFound, or InvalidArgument
// naming `name` when it is not a person name. NotFound too when `visible`
// leaves the person out.
absl::StatusOr<v1::Person> GetPerson(const storage::LmdbTxn& txn, absl::string_view name,
                                     const PersonFilter& visible);

// One page of every person, in name (= id) order: at most page_size (default
// 50, at most 1000), from after the last person of the page `page_token`
// came with. The token is opaque (the last id, encoded), so a page is found
// by a seek, not by counting; persons added or removed by a later import
// between two pages are seen or missed as their ids fall, the others are
// listed once each. InvalidArgument naming page_size or page_token.
absl::StatusOr<v1::ListPersonsResponse> ListPersons(const storage::LmdbTxn& txn,
                                                    const v1::ListPersonsRequest& request,
                                                    const PersonFilter& visible);

}  // namespace casefile

#endif  // CASEFILE_CORE_PERSONS_PERSON_SEARCH_H_
