// End-to-end tests of PersonService (and the `casefile persons` commands)
// against the real casefiled binary, over a store seeded before it starts or
// filled by importing a generated legacy folder.
#include <cstdio>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "casefile/v1/person.grpc.pb.h"
#include "core/time/partial_time.h"
#include "core/time/partial_time_proto.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "migration/person_index.h"
#include "migration/stable_hash.h"
#include "storage/case_tables.h"
#include "storage/keys.h"
#include "storage/store.h"
#include "tests/support/casefiled_fixture.h"
#include "tests/support/import_client.h"
#include "tools/legacy_generator/legacy_generator.h"

namespace casefile::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;
using storage::v1::StoredPersonRecord;

StoredPersonRecord Record(const std::string& locator, const std::string& forename,
                          const std::string& surname, const std::string& dob,
                          const std::string& case_name) {
  StoredPersonRecord r;
  r.set_locator(locator);
  r.set_forename(forename);
  r.set_surname(surname);
  r.set_date_of_birth_raw(dob);
  *r.mutable_date_of_birth() = ToProto(*ParsePartialTime(dob));
  r.set_case_(case_name);
  r.set_as_written(absl::StrCat(forename, " ", surname, " (", dob, ")"));
  return r;
}

// Runs `casefile` with `args` as they are; returns its stdout and sets *exit_code.
std::string RunCliWords(const std::string& args, int* exit_code) {
  const std::string command = absl::StrCat(CASEFILE_CLI_PATH, " ", args, " 2>/dev/null");
  FILE* pipe = popen(command.c_str(), "r");
  std::string out;
  char buffer[4096];
  for (size_t n; (n = fread(buffer, 1, sizeof(buffer), pipe)) > 0;) out.append(buffer, n);
  *exit_code = WEXITSTATUS(pclose(pipe));
  return out;
}

// Runs the `casefile` CLI (`args` then the server and token options) against
// `server`; returns its stdout and sets *exit_code.
std::string RunCli(const CasefiledProcess& server, const std::string& args, const std::string& token,
                   int* exit_code) {
  return RunCliWords(absl::StrCat(args, " --server ", server.address(), " --token ", token), exit_code);
}

// The person whose smallest record locator is `locator`.
std::string PersonName(const std::string& locator) {
  return absl::StrCat("persons/P", migration::StableHashHex(locator));
}

class PersonServiceE2eTest : public CasefiledTest {
 protected:
  void SetUp() override {
    // No import API is needed: the records and their index go straight into
    // the data folder before casefiled opens it.
    {
      auto store = storage::Store::Open(dir_.path() + "/data", {});
      ASSERT_TRUE(store.ok()) << store.status();
      absl::Status s = (*store)->writer().Run([](storage::LmdbTxn& txn) {
        for (const StoredPersonRecord& r : {
                 Record("logs/cf1.txt#entry=4", "Ellie", "WATSON", "03/04/2008", "cases/CF-1"),
                 Record("nominals.csv#row=2", "Ellie", "WATSON", "03/04/2008", ""),
                 Record("nominals.csv#row=3", "Mark", "WATSON", "12/05/1980", ""),
                 Record("nominals.csv#row=4", "William", "SMITH", "07/07/1975", "cases/CF-2"),
                 // Control characters as a legacy file could hold them.
                 Record("nominals.csv#row=5", "Eve\x1b[2J", "MAL\nLORY\u009b", "01/02/2003", ""),
             }) {
          if (auto st = txn.Put(storage::keys::PersonRecord(r.locator()), r.SerializeAsString()); !st.ok())
            return st;
        }
        for (const char* id : {"CF-1", "CF-2"}) {  // the cases persons are linked to
          v1::Case c;
          c.set_name(absl::StrCat("cases/", id));
          if (auto st = storage::SaveCase(txn, id, c); !st.ok()) return st;
        }
        auto index = migration::ComputePersonIndex(txn, {});
        if (!index.ok()) return index.status();
        return migration::WritePersonIndex(txn, *index);
      });
      ASSERT_TRUE(s.ok()) << s;
    }
    ASSERT_EQ(StartServer(), absl::OkStatus());
  }

  grpc::Status Search(const std::string& query, v1::SearchPersonsResponse* response,
                      const std::string& token = kInvestigatorToken) {
    v1::SearchPersonsRequest request;
    request.set_query(query);
    return persons_->SearchPersons(Context(token).get(), request, response);
  }

  grpc::Status Get(const std::string& name, v1::Person* response,
                   const std::string& token = kInvestigatorToken) {
    v1::GetPersonRequest request;
    request.set_name(name);
    return persons_->GetPerson(Context(token).get(), request, response);
  }

  // Runs the `casefile` CLI against the server; returns its stdout and sets *exit_code.
  std::string Cli(const std::string& args, int* exit_code) {
    return RunCli(*server_, args, kOutOfHoursToken, exit_code);
  }
};

TEST_F(PersonServiceE2eTest, SearchFindsThePersonByNicknameAndDateOfBirth) {
  v1::SearchPersonsRequest request;
  request.set_query("Ellie Watson");
  *request.mutable_date_of_birth() = ToProto(*ParsePartialTime("03/04/2008"));
  v1::SearchPersonsResponse response;
  grpc::Status status = persons_->SearchPersons(Context(kOutOfHoursToken).get(), request, &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  ASSERT_EQ(response.results_size(), 1);  // Mark WATSON has another first name
  const v1::Person& ellie = response.results(0).person();
  EXPECT_EQ(ellie.name(), PersonName("logs/cf1.txt#entry=4"));
  EXPECT_EQ(ellie.sources_size(), 2);
  EXPECT_THAT(ellie.cases(), ::testing::ElementsAre("cases/CF-1"));
  EXPECT_DOUBLE_EQ(response.results(0).score(), 1.5);

  ASSERT_TRUE(Search("Bill Smith", &response).ok());
  ASSERT_EQ(response.results_size(), 1);
  EXPECT_EQ(response.results(0).person().forename(), "William");
}

TEST_F(PersonServiceE2eTest, GetPersonReturnsEverySource) {
  v1::Person person;
  grpc::Status status = Get(PersonName("logs/cf1.txt#entry=4"), &person, kOperatorToken);
  ASSERT_TRUE(status.ok()) << status.error_message();
  ASSERT_EQ(person.sources_size(), 2);
  EXPECT_EQ(person.sources(0).locator(), "logs/cf1.txt#entry=4");
  EXPECT_EQ(person.sources(1).locator(), "nominals.csv#row=2");

  EXPECT_EQ(Get("persons/P0000000000000000", &person).error_code(), grpc::StatusCode::NOT_FOUND);
  status = Get("cases/CF-1", &person);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(), StartsWith("name:"));
}

TEST_F(PersonServiceE2eTest, EveryRoleMayReadPersonsButOnlyWithAToken) {
  v1::SearchPersonsResponse response;
  for (const char* token :
       {kInvestigatorToken, kOutOfHoursToken, kOperatorToken, kAuditorToken, kAdminToken}) {
    EXPECT_TRUE(Search("Watson", &response, token).ok()) << token;
    EXPECT_EQ(response.results_size(), 2) << token;
  }
  EXPECT_EQ(Search("Watson", &response, "").error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(Search("Watson", &response, "not-a-token").error_code(), grpc::StatusCode::UNAUTHENTICATED);
  v1::Person person;
  EXPECT_EQ(Get(PersonName("nominals.csv#row=3"), &person, "").error_code(),
            grpc::StatusCode::UNAUTHENTICATED);

  grpc::Status bad = Search(" ", &response);
  EXPECT_EQ(bad.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(bad.error_message(), StartsWith("query:"));
}

TEST_F(PersonServiceE2eTest, CliGlobalOptionsGoBeforeOrAfterTheCommand) {
  int before_code = -1, after_code = -1;
  const std::string before = RunCliWords(
      absl::StrCat("--json --server ", server_->address(), " --token=", kAuditorToken, " persons list --page-size 2"),
      &before_code);
  const std::string after = RunCliWords(
      absl::StrCat("persons list --page-size 2 --json --server ", server_->address(), " --token=", kAuditorToken),
      &after_code);
  EXPECT_EQ(before_code, 0);
  EXPECT_EQ(after_code, 0);
  EXPECT_THAT(before, StartsWith("{\"persons\":[{\"name\":\"persons/P"));
  EXPECT_EQ(before, after);
  // A command's own option goes after the command.
  RunCliWords(absl::StrCat("--page-size 2 persons list --server ", server_->address()), &before_code);
  EXPECT_EQ(before_code, 2);
}

TEST_F(PersonServiceE2eTest, CliShowsControlCharactersEscaped) {
  int code = -1;
  const std::string id = PersonName("nominals.csv#row=5").substr(8);
  std::string out = Cli(absl::StrCat("persons get ", id), &code);
  EXPECT_EQ(code, 0);
  EXPECT_THAT(out, StartsWith(absl::StrCat("persons/", id, "  Eve\\x1b[2J MAL\\nLORY\\u009b  born 2003-02-01\n")));
  EXPECT_THAT(out, HasSubstr("      | Eve\\x1b[2J MAL\\nLORY\\u009b (01/02/2003)\n"));
  EXPECT_EQ(out.find('\x1b'), std::string::npos) << out;
  EXPECT_EQ(out.find("\u009b"), std::string::npos) << out;
  // JSON escapes them its own way.
  out = Cli(absl::StrCat("persons get ", id, " --json"), &code);
  EXPECT_EQ(code, 0);
  EXPECT_THAT(out, HasSubstr("\"forename\":\"Eve\\u001b[2J"));
  EXPECT_EQ(out.find('\x1b'), std::string::npos) << out;
  EXPECT_EQ(out.find("\u009b"), std::string::npos) << out;
}

TEST_F(PersonServiceE2eTest, CliSearchesAndShowsPersons) {
  int code = -1;
  std::string out = Cli("persons search Ellie Watson --dob 03/04/2008", &code);
  EXPECT_EQ(code, 0);
  EXPECT_EQ(out, absl::StrCat("1.50  ", PersonName("logs/cf1.txt#entry=4"),
                              "  Ellie WATSON  born 2008-04-03  cases: cases/CF-1  2 sources\n"));
  out = Cli(absl::StrCat("persons get ", PersonName("nominals.csv#row=4").substr(8)), &code);
  EXPECT_EQ(code, 0);
  EXPECT_THAT(out, StartsWith(absl::StrCat(PersonName("nominals.csv#row=4"),
                                           "  William SMITH  born 1975-07-07\n")));
  EXPECT_THAT(out, HasSubstr("nominals.csv#row=4"));
  EXPECT_THAT(Cli("persons search Nobody Atall", &code), "no persons found\n");
  EXPECT_EQ(code, 0);
  Cli("persons get persons/P0000000000000000", &code);
  EXPECT_EQ(code, 1);
  Cli("persons search Ellie --dob notadate", &code);
  EXPECT_EQ(code, 2);
  // A whole date of birth alone: everyone born that day.
  out = Cli("persons search --dob 03/04/2008", &code);
  EXPECT_EQ(code, 0);
  EXPECT_EQ(out, absl::StrCat("0.50  ", PersonName("logs/cf1.txt#entry=4"),
                              "  Ellie WATSON  born 2008-04-03  cases: cases/CF-1  2 sources\n"));
  Cli("persons search --dob 'Apr 2008'", &code);  // a month alone is too wide
  EXPECT_EQ(code, 1);
  Cli("persons search", &code);
  EXPECT_EQ(code, 2);
}

// ListPersons over the persons an import of a generated folder made.
class ListPersonsE2eTest : public CasefiledTest {
 protected:
  void SetUp() override {
    legacy_generator::GeneratorOptions options;
    options.cases = 24;
    options.seed = 5;
    const std::string folder = dir_.path() + "/legacy";
    auto generated = legacy_generator::GenerateLegacyFolder(options, folder);
    ASSERT_TRUE(generated.ok()) << generated.status();
    ASSERT_EQ(StartServer(), absl::OkStatus());
    ImportOutcome outcome = UploadFolder(server_->channel(), kOperatorToken, folder, false,
                                         [](const std::string& path) { return path != "truth.json"; });
    ASSERT_TRUE(outcome.status.ok()) << outcome.status.error_message();
    person_count_ = outcome.report.counts().persons();
    // Enough persons for the default page (50) to be a page, not everything.
    ASSERT_GT(person_count_, 50);
  }

  grpc::Status List(int page_size, const std::string& page_token, v1::ListPersonsResponse* response,
                    const std::string& token = kInvestigatorToken) {
    v1::ListPersonsRequest request;
    request.set_page_size(page_size);
    request.set_page_token(page_token);
    return persons_->ListPersons(Context(token).get(), request, response);
  }

  // Every person, `page_size` at a time; the size of each page in *pages.
  std::vector<v1::Person> ListAll(int page_size, std::vector<int>* pages) {
    std::vector<v1::Person> all;
    std::string token;
    do {
      v1::ListPersonsResponse response;
      grpc::Status status = List(page_size, token, &response);
      EXPECT_TRUE(status.ok()) << status.error_message();
      if (!status.ok()) break;
      pages->push_back(response.persons_size());
      for (const v1::Person& p : response.persons()) all.push_back(p);
      token = response.next_page_token();
    } while (!token.empty() && pages->size() < 1000);
    return all;
  }

  int64_t person_count_ = 0;  // as the import reported
};

std::vector<std::string> Names(const std::vector<v1::Person>& persons) {
  std::vector<std::string> names;
  for (const v1::Person& p : persons) names.push_back(p.name());
  return names;
}

TEST_F(ListPersonsE2eTest, PagesThroughEveryPersonOnceInNameOrder) {
  std::vector<int> pages;
  const std::vector<v1::Person> by_7 = ListAll(7, &pages);
  ASSERT_EQ(static_cast<int64_t>(by_7.size()), person_count_);
  // Full pages of 7, then the rest (a last page is never empty).
  ASSERT_EQ(pages.size(), static_cast<size_t>((person_count_ + 6) / 7));
  for (size_t i = 0; i + 1 < pages.size(); ++i) EXPECT_EQ(pages[i], 7) << i;
  EXPECT_EQ(pages.back(), person_count_ % 7 == 0 ? 7 : person_count_ % 7);
  // Strictly increasing names: name order and no person twice.
  const std::vector<std::string> names = Names(by_7);
  for (size_t i = 1; i < names.size(); ++i) EXPECT_LT(names[i - 1], names[i]) << i;

  // Exactly the persons the store holds (read from its files once stopped),
  // each with all of its sources.
  std::set<std::set<std::string>> listed;
  for (const v1::Person& p : by_7) {
    std::set<std::string> locators;
    for (const v1::PersonSource& s : p.sources()) locators.insert(s.locator());
    EXPECT_TRUE(listed.insert(locators).second) << p.name();
  }

  // The same order whatever the page size; 0 means 50; more than 1000 means 1000.
  pages.clear();
  EXPECT_EQ(Names(ListAll(2, &pages)), names);
  v1::ListPersonsResponse response;
  ASSERT_TRUE(List(0, "", &response).ok());
  EXPECT_EQ(response.persons_size(), 50);
  EXPECT_FALSE(response.next_page_token().empty());
  ASSERT_TRUE(List(5000, "", &response).ok());
  EXPECT_EQ(response.persons_size(), person_count_);
  EXPECT_EQ(response.next_page_token(), "");

  ASSERT_EQ(server_->Terminate(), 0);
  EXPECT_EQ(listed, ReadStoreState(dir_.path() + "/data").persons);
}

TEST_F(ListPersonsE2eTest, BadPageTokenOrSizeNamesTheField) {
  v1::ListPersonsResponse response;
  for (const char* token : {"not a token!", "djE6Q0YtMDAwMDAx" /* a ListCases token */, "cDE6" /* no id */}) {
    grpc::Status status = List(5, token, &response);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << token;
    EXPECT_EQ(status.error_message(), "page_token: not a token from a previous ListPersons") << token;
  }
  grpc::Status status = List(-1, "", &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(status.error_message(), "page_size: must not be negative");
}

TEST_F(ListPersonsE2eTest, EveryRoleMayListButOnlyWithAToken) {
  // The check is GetPerson's (Action::kReadPersons), which every role passes:
  // a caller without a valid token is the one refused.
  v1::ListPersonsResponse response;
  for (const char* token :
       {kInvestigatorToken, kOutOfHoursToken, kOperatorToken, kAuditorToken, kAdminToken}) {
    EXPECT_TRUE(List(3, "", &response, token).ok()) << token;
    EXPECT_EQ(response.persons_size(), 3) << token;
  }
  EXPECT_EQ(List(3, "", &response, "").error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(List(3, "", &response, "not-a-token").error_code(), grpc::StatusCode::UNAUTHENTICATED);
}

TEST_F(ListPersonsE2eTest, CliListsAPageOrEveryPerson) {
  std::vector<int> pages;
  const std::vector<std::string> names = Names(ListAll(1000, &pages));
  int code = -1;
  std::string out = RunCli(*server_, "persons list --page-size 2", kAuditorToken, &code);
  EXPECT_EQ(code, 0);
  std::vector<std::string> lines = absl::StrSplit(out, '\n');
  ASSERT_EQ(lines.size(), 4u) << out;  // two persons, "more: ...", and the empty rest
  EXPECT_THAT(lines[0], StartsWith(names[0] + "  "));
  EXPECT_THAT(lines[1], StartsWith(names[1] + "  "));
  ASSERT_THAT(lines[2], StartsWith("more: --page-token "));
  out = RunCli(*server_, absl::StrCat("persons list --page-size 1 --page-token ", lines[2].substr(19)),
               kAuditorToken, &code);
  EXPECT_EQ(code, 0);
  EXPECT_THAT(out, StartsWith(names[2] + "  "));

  out = RunCli(*server_, "persons list --page-size 9 --all", kAuditorToken, &code);
  EXPECT_EQ(code, 0);
  lines = absl::StrSplit(out, '\n', absl::SkipEmpty());
  ASSERT_EQ(lines.size(), names.size());
  for (size_t i = 0; i < names.size(); ++i) EXPECT_THAT(lines[i], StartsWith(names[i] + "  ")) << i;

  RunCli(*server_, "persons list --page-token nonsense", kAuditorToken, &code);
  EXPECT_EQ(code, 1);
  RunCli(*server_, "persons list --page-size many", kAuditorToken, &code);
  EXPECT_EQ(code, 2);
}

}  // namespace
}  // namespace casefile::testing
