#include "core/chronology/case_listing.h"

#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "core/access/need_to_know.h"
#include "core/chronology/case_chronology.h"
#include "core/chronology/validation.h"
#include "core/input/input_rules.h"
#include "core/names/name_normalise.h"
#include "core/names/name_tokens.h"
#include "core/persons/person_directory.h"
#include "core/persons/person_search.h"
#include "core/retention/retention.h"
#include "core/time/partial_time.h"
#include "core/time/partial_time_proto.h"
#include "core/time/words_and_date.h"
#include "storage/case_write_index.h"
#include "storage/keys.h"

namespace casefile {
namespace {

constexpr int kDefaultPageSize = 50;
constexpr int kMaxPageSize = 1000;
// The persons a subject search lists the cases of (SearchPersons' most).
constexpr int kMaxSubjectPersons = 200;
constexpr char kByLastWrite[] = "update_time desc";

// Page tokens are opaque to clients: "v1:<key>", the last index key of the
// page after its prefix (a case id; "<date>\0<case id>" by review date;
// "<be64 ~written>\0<case id>" by owner or team), resumes the index scan
// after it; "v2:<n>" resumes the cases found
// through persons at the n-th (n may be their count: the index scan from its
// start follows).
struct PageToken {
  bool by_person = true;
  size_t offset = 0;
  std::string after;  // when !by_person
};

std::string EncodePageToken(absl::string_view last_case_id) {
  return absl::WebSafeBase64Escape(absl::StrCat("v1:", last_case_id));
}
std::string EncodePersonPageToken(size_t offset) {
  return absl::WebSafeBase64Escape(absl::StrCat("v2:", offset));
}
absl::StatusOr<PageToken> DecodePageToken(absl::string_view token) {
  PageToken out;
  if (token.empty()) return out;
  std::string raw;
  if (absl::WebSafeBase64Unescape(token, &raw)) {
    if (absl::StartsWith(raw, "v1:")) {
      out.by_person = false;
      out.after = raw.substr(3);
      return out;
    }
    if (absl::StartsWith(raw, "v2:") && absl::SimpleAtoi(absl::string_view(raw).substr(3), &out.offset))
      return out;
  }
  return absl::InvalidArgumentError("page_token: not a token from a previous ListCases");
}

// What a subject filter asks for: the name words of `subject` (without the
// date of birth written among them) and the date of birth, from `subject`
// or `subject_date_of_birth`.
struct SubjectQuery {
  std::vector<std::string> name_words;
  std::optional<PartialTime> dob;
  bool has_letters = false;  // some name word has a letter to search persons by
};

absl::StatusOr<SubjectQuery> ReadSubject(const v1::ListCasesRequest& request) {
  SubjectQuery q;
  auto split = SplitWordsAndDate(request.subject());
  if (!split.ok()) return absl::InvalidArgumentError(absl::StrCat("subject: ", split.status().message()));
  q.name_words = std::move(split->words);
  q.dob = split->date;
  if (request.subject_date_of_birth().precision() != v1::PartialTime::PRECISION_UNSPECIFIED) {
    if (auto s = ValidatePartialTime(request.subject_date_of_birth(), "subject_date_of_birth"); !s.ok())
      return s;
    if (request.subject_date_of_birth().precision() == v1::PartialTime::PRECISION_MINUTE)
      return absl::InvalidArgumentError("subject_date_of_birth: give a day or a month, not a time");
    const PartialTime given = FromProto(request.subject_date_of_birth());
    if (q.dob.has_value() && !(*q.dob == given))
      return absl::InvalidArgumentError("subject_date_of_birth: differs from the date of birth written in subject");
    q.dob = given;
  }
  if (q.name_words.empty() && !q.dob.has_value())
    return absl::InvalidArgumentError("subject: has no letters or digits to search for");
  for (const std::string& word : q.name_words) {
    for (const std::string& token : NameTokens(word)) q.has_letters = q.has_letters || !NormaliseName(token).empty();
  }
  const bool whole_date = q.dob.has_value() && q.dob->precision == TimePrecision::kDay;
  if (q.name_words.empty() && q.dob.has_value() && !whole_date) {
    return absl::InvalidArgumentError(
        request.subject().empty()
            ? "subject_date_of_birth: alone it must be a whole date (everyone born that day); give a name in subject"
            : "subject: a month of birth alone is too wide; give a name with it, or a whole date");
  }
  return q;
}

// SearchPersons' InvalidArgument names its own fields; ListCases names its.
absl::Status InListCasesTerms(absl::Status s) {
  if (!absl::IsInvalidArgument(s)) return s;
  absl::string_view message = s.message();
  if (absl::ConsumePrefix(&message, "query:")) return absl::InvalidArgumentError(absl::StrCat("subject:", message));
  if (absl::ConsumePrefix(&message, "date_of_birth:"))
    return absl::InvalidArgumentError(absl::StrCat("subject_date_of_birth:", message));
  return s;
}

bool HoldsRef(const v1::Case& c, absl::string_view ref) {
  return std::any_of(c.legacy_refs().begin(), c.legacy_refs().end(),
                     [&](const std::string& r) { return absl::EqualsIgnoreCase(r, ref); });
}

// A subject's date of birth as given, else as written in its name
// ("Zed PAYNE (01/02/2010)"); unknown when neither says.
v1::PartialTime SubjectDateOfBirth(const v1::Subject& s) {
  if (s.date_of_birth().precision() != v1::PartialTime::PRECISION_UNSPECIFIED) return s.date_of_birth();
  auto written = SplitWordsAndDate(absl::StrReplaceAll(s.display_name(), {{"(", " "}, {")", " "}}));
  if (!written.ok() || !written->date.has_value()) return v1::PartialTime();
  return ToProto(*written->date);
}

// With a date of birth, a case found by the words as written needs a subject
// who has every word and whose date of birth does not disagree with it.
bool SubjectBornThen(const v1::Case& c, const std::vector<std::string>& wanted, const PartialTime& dob) {
  for (const v1::Subject& s : c.subjects()) {
    std::set<std::string> have;
    for (const std::string* part : {&s.display_name(), &s.forename(), &s.surname()}) {
      for (std::string& t : NameTokens(*part)) have.insert(std::move(t));
    }
    if (!std::all_of(wanted.begin(), wanted.end(), [&](const std::string& w) { return have.contains(w); }))
      continue;
    if (CompareDateOfBirth(dob, SubjectDateOfBirth(s)) != DobAgreement::kDisagrees) return true;
  }
  return false;
}

// The cases of the persons SearchPersons finds for `q`, best person first
// (the cases of equally good persons in case order), each once, only those the
// caller may know (and holding `legacy_ref` when given).
absl::StatusOr<std::vector<v1::Case>> CasesOfPersons(const storage::LmdbTxn& txn, const Caller& caller,
                                                     const SubjectQuery& q, absl::string_view legacy_ref) {
  v1::SearchPersonsRequest search;
  if (q.has_letters) search.set_query(absl::StrJoin(q.name_words, " "));
  if (q.dob.has_value()) *search.mutable_date_of_birth() = ToProto(*q.dob);
  search.set_page_size(kMaxSubjectPersons);
  CaseVisibility visibility(txn, caller);
  auto matches = SearchPersons(txn, search, KnownCasesOnly(visibility));
  if (!matches.ok()) return InListCasesTerms(matches.status());
  std::vector<std::pair<double, v1::Case>> found;  // with the best score of a person naming it
  absl::flat_hash_set<std::string> seen;
  for (const v1::PersonMatch& match : *matches) {  // best first
    for (const std::string& case_name : match.person().cases()) {
      absl::string_view id = case_name;
      if (!absl::ConsumePrefix(&id, "cases/") || !seen.insert(std::string(id)).second) continue;
      auto c = storage::LoadCase(txn, id);
      if (!c.ok()) return c.status();
      if (!c->has_value() || !MayKnow(caller, **c)) continue;
      if (!legacy_ref.empty() && !HoldsRef(**c, legacy_ref)) continue;
      found.emplace_back(match.score(), **std::move(c));
    }
  }
  // The cases of equally good matches in case order, as the rest are.
  std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second.name() < b.second.name();
  });
  std::vector<v1::Case> cases;
  for (auto& [score, c] : found) cases.push_back(std::move(c));
  return cases;
}

// Owner and team lists are read from their own index, in its order (most
// recently written first); no other filter reads that index.
absl::Status CheckListOrder(const v1::ListCasesRequest& request, bool by_subject, bool by_owner_or_team) {
  if (!request.order_by().empty() && request.order_by() != kByLastWrite)
    return absl::InvalidArgumentError(
        absl::StrCat("order_by: \"", request.order_by(), "\" is not an order; give \"\" or \"", kByLastWrite, "\""));
  if (!request.order_by().empty() && !by_owner_or_team)
    return absl::InvalidArgumentError(absl::StrCat("order_by: \"", kByLastWrite, "\" needs owner or team"));
  if (by_owner_or_team && (by_subject || !request.legacy_ref().empty() || !request.review_due_by().empty()))
    return absl::InvalidArgumentError("owner: owner and team are not combined with legacy_ref, subject or review_due_by");
  return absl::OkStatus();
}

}  // namespace

std::set<std::string> SubjectTokens(const v1::Case& c) {
  std::set<std::string> tokens;
  for (const v1::Subject& s : c.subjects()) {
    for (const std::string* part : {&s.display_name(), &s.forename(), &s.surname()}) {
      for (std::string& t : NameTokens(*part)) tokens.insert(std::move(t));
    }
  }
  return tokens;
}

absl::StatusOr<v1::ListCasesResponse> CaseChronology::ListCases(
    const Caller& caller, const v1::ListCasesRequest& request) {
  if (auto s = Authorize(caller, Action::kReadCase); !s.ok()) return s;
  if (request.page_size() < 0) return absl::InvalidArgumentError("page_size: must not be negative");
  if (auto s = ValidateListFilters(request); !s.ok()) return s;
  const int page_size =
      request.page_size() == 0 ? kDefaultPageSize : std::min(request.page_size(), kMaxPageSize);
  auto token = DecodePageToken(request.page_token());
  if (!token.ok()) return token.status();
  const bool by_subject = !request.subject().empty() ||
                          request.subject_date_of_birth().precision() != v1::PartialTime::PRECISION_UNSPECIFIED;
  SubjectQuery subject;
  if (by_subject) {
    auto read_subject = ReadSubject(request);
    if (!read_subject.ok()) return read_subject.status();
    subject = *std::move(read_subject);
  }
  const std::vector<std::string> wanted = NameTokens(absl::StrJoin(subject.name_words, " "));
  if (!subject.name_words.empty() && wanted.empty())
    return absl::InvalidArgumentError("subject: has no letters or digits to search for");
  if (token->by_person && token->offset > 0 && !by_subject)
    return absl::InvalidArgumentError("page_token: not a token from a previous ListCases");

  std::optional<std::string> due_by;
  if (!request.review_due_by().empty()) {
    auto day = ParseReviewDate(request.review_due_by(), "review_due_by");
    if (!day.ok()) return day.status();
    if (!request.legacy_ref().empty() || by_subject)
      return absl::InvalidArgumentError(
          "review_due_by: not combined with legacy_ref, subject or subject_date_of_birth");
    due_by = FormatReviewDate(*day);
  }
  const bool by_owner_or_team = !request.owner().empty() || !request.team().empty();
  if (auto s = CheckListOrder(request, by_subject, by_owner_or_team); !s.ok()) return s;
  std::string index_prefix;
  if (by_owner_or_team) {
    index_prefix = request.owner().empty() ? storage::keys::TeamCasesPrefix(request.team())
                                           : storage::keys::OwnerCasesPrefix(request.owner());
  } else if (due_by) {
    index_prefix = storage::keys::ReviewDuePrefix();
  } else if (!request.legacy_ref().empty()) {
    index_prefix = storage::keys::RefIndexPrefix(request.legacy_ref());
  } else if (!wanted.empty()) {
    index_prefix = storage::keys::NameIndexPrefix(wanted.front());
  }
  auto read = store_->BeginRead();
  if (!read.ok()) return read.status();
  const storage::LmdbTxn& txn = (*read)->txn();
  v1::ListCasesResponse response;

  // First the cases of the persons found, then (below) the index scan.
  std::vector<v1::Case> by_person;
  absl::flat_hash_set<std::string> listed_by_person;
  if (by_subject && (subject.has_letters || (subject.dob.has_value() && subject.dob->precision == TimePrecision::kDay))) {
    auto found = CasesOfPersons(txn, caller, subject, request.legacy_ref());
    if (!found.ok()) return found.status();
    by_person = *std::move(found);
    for (const v1::Case& c : by_person) listed_by_person.insert(c.name().substr(6));
  }
  if (token->by_person) {
    size_t at = std::min(token->offset, by_person.size());
    for (; at < by_person.size() && response.cases_size() < page_size; ++at)
      *response.add_cases() = by_person[at];
    if (at < by_person.size()) {
      response.set_next_page_token(EncodePersonPageToken(at));
      return response;
    }
  }
  // A subject of a date alone lists only the cases of the persons born then.
  if (by_subject && wanted.empty()) return response;

  absl::Status failure;
  std::string last_key;  // of the page: a case id, or "<date>\0<case id>" by review date
  absl::Status scan = storage::ScanCaseIds(txn, index_prefix, token->after, [&](absl::string_view key) {
    absl::string_view id = key;
    if (due_by) {  // "<date>\0<case id>", soonest first
      if (key.substr(0, 10) > *due_by) return false;
      id = key.substr(11);
    } else if (by_owner_or_team) {  // "<be64 ~written>\0<case id>", most recently written first
      id = storage::CaseIdOfWrittenRow(key);
    }
    if (listed_by_person.contains(id)) return true;
    auto c = storage::LoadCase(txn, id);
    if (!c.ok() || !c->has_value()) {
      failure = c.ok() ? absl::InternalError("index names a missing case") : c.status();
      return false;
    }
    if (!MayKnow(caller, **c)) return true;
    if (!request.owner().empty() && !request.team().empty() && (*c)->team() != request.team()) return true;
    if (!wanted.empty()) {
      std::set<std::string> have = SubjectTokens(**c);
      for (const std::string& w : wanted) {
        if (!have.contains(w)) return true;
      }
      if (subject.dob.has_value() && !SubjectBornThen(**c, wanted, *subject.dob)) return true;
    }
    if (response.cases_size() == page_size) {
      response.set_next_page_token(last_key.empty() ? EncodePersonPageToken(by_person.size())
                                                    : EncodePageToken(last_key));
      return false;
    }
    *response.add_cases() = **std::move(c);
    last_key = std::string(key);
    return true;
  });
  if (!scan.ok()) return scan;
  if (!failure.ok()) return failure;
  return response;
}

}  // namespace casefile
