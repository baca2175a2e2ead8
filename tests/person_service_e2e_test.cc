// End-to-end tests of PersonService (and the `casefile persons` commands)
// against the real casefiled binary, over a store seeded before it starts.
#include <cstdio>
#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "casefile/v1/person.grpc.pb.h"
#include "core/partial_time.h"
#include "core/partial_time_proto.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "migration/person_index.h"
#include "migration/stable_hash.h"
#include "storage/keys.h"
#include "storage/store.h"
#include "tests/support/casefiled_process.h"

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

// The person whose smallest record locator is `locator`.
std::string PersonName(const std::string& locator) {
  return absl::StrCat("persons/P", migration::StableHashHex(locator));
}

class PersonServiceE2eTest : public ::testing::Test {
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
             }) {
          if (auto st = txn.Put(storage::keys::PersonRecord(r.locator()), r.SerializeAsString()); !st.ok())
            return st;
        }
        auto index = migration::ComputePersonIndex(txn, {});
        if (!index.ok()) return index.status();
        return migration::WritePersonIndex(txn, *index);
      });
      ASSERT_TRUE(s.ok()) << s;
    }
    auto started = CasefiledProcess::Start(dir_.path());
    ASSERT_TRUE(started.ok()) << started.status();
    server_ = *std::move(started);
    stub_ = v1::PersonService::NewStub(server_->channel());
  }

  grpc::Status Search(const std::string& query, v1::SearchPersonsResponse* response,
                      const std::string& token = kInvestigatorToken) {
    v1::SearchPersonsRequest request;
    request.set_query(query);
    return stub_->SearchPersons(CasefiledProcess::Context(token).get(), request, response);
  }

  grpc::Status Get(const std::string& name, v1::Person* response,
                   const std::string& token = kInvestigatorToken) {
    v1::GetPersonRequest request;
    request.set_name(name);
    return stub_->GetPerson(CasefiledProcess::Context(token).get(), request, response);
  }

  // Runs the `casefile` CLI against the server; returns its stdout and sets *exit_code.
  std::string Cli(const std::string& args, int* exit_code) {
    const std::string command = absl::StrCat(CASEFILE_CLI_PATH, " ", args, " --server ",
                                             server_->address(), " --token ", kOutOfHoursToken);
    FILE* pipe = popen(command.c_str(), "r");
    std::string out;
    char buffer[4096];
    for (size_t n; (n = fread(buffer, 1, sizeof(buffer), pipe)) > 0;) out.append(buffer, n);
    *exit_code = WEXITSTATUS(pclose(pipe));
    return out;
  }

  TempDir dir_;
  std::unique_ptr<CasefiledProcess> server_;
  std::unique_ptr<v1::PersonService::Stub> stub_;
};

TEST_F(PersonServiceE2eTest, SearchFindsThePersonByNicknameAndDateOfBirth) {
  v1::SearchPersonsRequest request;
  request.set_query("Ellie Watson");
  *request.mutable_date_of_birth() = ToProto(*ParsePartialTime("03/04/2008"));
  v1::SearchPersonsResponse response;
  grpc::Status status =
      stub_->SearchPersons(CasefiledProcess::Context(kOutOfHoursToken).get(), request, &response);
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
}

}  // namespace
}  // namespace casefile::testing
