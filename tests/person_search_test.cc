// SearchPersons among many persons of one name: it scores at most 1,500
// candidates, the most promising first (found by every word, then by the
// date of birth, then more strongly), so the one person asked for is found
// among thousands who share a word of the query.
#include "core/persons/person_search.h"

#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "core/persons/person_tables.h"
#include "core/time/partial_time.h"
#include "core/time/partial_time_proto.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "storage/store.h"
#include "tests/scratch_dir.h"

namespace casefile {
namespace {

const PersonFilter kEveryone = [](v1::Person&) -> absl::StatusOr<bool> { return true; };

v1::Person MakePerson(const std::string& id, const std::string& forename, const std::string& surname,
                      const std::string& dob) {
  v1::Person p;
  p.set_name(absl::StrCat("persons/", id));
  p.set_forename(forename);
  p.set_surname(surname);
  if (!dob.empty()) *p.mutable_date_of_birth() = ToProto(*ParsePartialTime(dob));
  p.add_name_variants(absl::StrCat(forename, " ", surname));
  return p;
}

class PersonSearchAtScaleTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = storage::Store::Open(dir_.path(), {});
    ASSERT_TRUE(store.ok()) << store.status();
    store_ = *std::move(store);
    // 3,000 John SMITHSONs (more than are scored), born over 60 years; one
    // Xavier SMITHSON and one Zed SMITHSON among them.
    ASSERT_TRUE(store_->writer()
                    .Run([](storage::LmdbTxn& txn) -> absl::Status {
                      for (int i = 0; i < 3000; ++i) {
                        const std::string dob =
                            absl::StrFormat("%02d/%02d/%d", 1 + i % 28, 1 + i % 12, 1950 + i % 60);
                        if (auto s = PutPerson(txn, MakePerson(absl::StrFormat("PA%05d", i), "John", "SMITHSON", dob));
                            !s.ok())
                          return s;
                      }
                      if (auto s = PutPerson(txn, MakePerson("PZXAVIER", "Xavier", "SMITHSON", "14/03/2011")); !s.ok())
                        return s;
                      if (auto s = PutPerson(txn, MakePerson("PZKAI", "Kai", "SMITHSON", "09/09/2012")); !s.ok())
                        return s;
                      return PutPerson(txn, MakePerson("PZZED", "Zed", "SMITHSON", "01/02/2010"));
                    })
                    .ok());
  }

  std::vector<std::string> Found(const std::string& query, const std::string& dob = "") {
    v1::SearchPersonsRequest request;
    request.set_query(query);
    if (!dob.empty()) *request.mutable_date_of_birth() = ToProto(*ParsePartialTime(dob));
    auto read = store_->BeginRead();
    EXPECT_TRUE(read.ok());
    auto matches = SearchPersons((*read)->txn(), request, kEveryone);
    EXPECT_TRUE(matches.ok()) << matches.status();
    std::vector<std::string> names;
    if (matches.ok())
      for (const v1::PersonMatch& m : *matches) names.push_back(m.person().name());
    return names;
  }

  ScratchDir dir_;
  std::unique_ptr<storage::Store> store_;
};

TEST_F(PersonSearchAtScaleTest, ThePersonFoundByEveryWordComesFirst) {
  EXPECT_THAT(Found("Zed Smithson"), ::testing::ElementsAre("persons/PZZED"));
  EXPECT_THAT(Found("zed smithsen"), ::testing::ElementsAre("persons/PZZED"));  // a slip with the same sound
  EXPECT_THAT(Found("Xavier Smithson", "Mar 2011"), ::testing::ElementsAre("persons/PZXAVIER"));
}

TEST_F(PersonSearchAtScaleTest, AWordOfNoSharedSoundIsFoundThroughTheDateOfBirth) {
  // "Zavier" shares no index token with Xavier (another first letter, another
  // sound); the surname finds 3,002 persons, and the date of birth puts
  // Xavier among those scored.
  EXPECT_THAT(Found("Zavier Smithson", "14/03/2011"), ::testing::ElementsAre("persons/PZXAVIER"));
}

TEST_F(PersonSearchAtScaleTest, OneSlipInAShortForenameStillFindsThePerson) {
  // Three letters leave Jaro no room for a swap or a wrong letter.
  EXPECT_THAT(Found("Kia Smithson", "09/09/2012"), ::testing::ElementsAre("persons/PZKAI"));
  EXPECT_THAT(Found("Kay Smithson", "09/09/2012"), ::testing::ElementsAre("persons/PZKAI"));
  EXPECT_THAT(Found("Ka Smithson", "09/09/2012"), ::testing::ElementsAre("persons/PZKAI"));
  // Two slips are another name.
  EXPECT_THAT(Found("Kuy Smithson", "09/09/2012"), ::testing::ElementsAre());
}

TEST_F(PersonSearchAtScaleTest, ACommonNameAloneGivesAFullPageOfExactMatches) {
  const std::vector<std::string> johns = Found("John Smithson");
  ASSERT_EQ(johns.size(), 20u);
  EXPECT_EQ(johns.front(), "persons/PA00000");  // equal scores: by name
  EXPECT_THAT(Found("John Smithson", "01/01/1950"), ::testing::Contains("persons/PA00000"));
}

}  // namespace
}  // namespace casefile
