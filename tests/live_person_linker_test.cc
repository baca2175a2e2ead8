// LivePersonLinker on a store: which persons a new record is compared with
// (the blocking tokens), and that a token too common to use loses no link.
#include "migration/live_person_linker.h"

#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "core/persons/person_tables.h"
#include "core/time/partial_time_proto.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "migration/person_consolidation.h"
#include "storage/keys.h"
#include "storage/store.h"
#include "tests/scratch_dir.h"

namespace casefile::migration {
namespace {

using storage::LmdbTxn;
using storage::v1::StoredPersonRecord;

StoredPersonRecord Record(const std::string& locator, const std::string& forename, const std::string& surname,
                          PartialTime born) {
  StoredPersonRecord r;
  r.set_locator(locator);
  r.set_forename(forename);
  r.set_surname(surname);
  *r.mutable_date_of_birth() = ToProto(born);
  r.set_as_written(absl::StrCat(forename, " ", surname));
  return r;
}

PartialTime Day(int year, int month, int day) { return PartialTime{TimePrecision::kDay, year, month, day}; }

class LivePersonLinkerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = storage::Store::Open(dir_.path(), {});
    ASSERT_TRUE(store.ok()) << store.status();
    store_ = *std::move(store);
  }

  // Stores each record as a person of its own, as an import of unrelated
  // nominal rows leaves them; returns their person names.
  std::vector<std::string> PutPersons(const std::vector<StoredPersonRecord>& records) {
    std::vector<std::string> names;
    EXPECT_TRUE(store_->writer()
                    .Run([&](LmdbTxn& txn) -> absl::Status {
                      for (const StoredPersonRecord& r : records) {
                        if (auto s = txn.Put(storage::keys::PersonRecord(r.locator()), r.SerializeAsString()); !s.ok())
                          return s;
                        const StoredPersonRecord* one[] = {&r};
                        v1::Person person = ConsolidatePerson(one);
                        names.push_back(person.name());
                        if (auto s = PutPerson(txn, person); !s.ok()) return s;
                      }
                      return absl::OkStatus();
                    })
                    .ok());
    return names;
  }

  std::string Link(const StoredPersonRecord& record) {
    std::string person;
    EXPECT_TRUE(store_->writer()
                    .Run([&](LmdbTxn& txn) -> absl::Status {
                      const StoredPersonRecord records[] = {record};
                      auto linked = linker_.Link(txn, records);
                      if (!linked.ok()) return linked.status();
                      person = linked->front();
                      return absl::OkStatus();
                    })
                    .ok());
    return person;
  }

  ScratchDir dir_;
  std::unique_ptr<storage::Store> store_;
  LivePersonLinker linker_;
};

TEST_F(LivePersonLinkerTest, ASlipInTheSurnameJoinsThePersonBornThatDay) {
  const std::vector<std::string> persons = PutPersons({
      Record("nominals.csv#row=1", "Ellie", "WATSON", Day(2008, 4, 3)),
      Record("nominals.csv#row=2", "Mark", "WATSON", Day(1980, 5, 12)),
  });
  EXPECT_EQ(Link(Record("cases/CF-000001#subject=1", "Ellie", "WATSSON", Day(2008, 4, 3))), persons[0]);
}

TEST_F(LivePersonLinkerTest, ANameTooCommonToBlockOnStillMeetsThroughTheDateOfBirth) {
  // 150 Ellie WATSONs born on different days: the names' token holds more
  // persons than the linker reads, so the record meets its person only
  // through the date of birth with either name.
  std::vector<StoredPersonRecord> records;
  for (int i = 0; i < 150; ++i) {
    records.push_back(Record(absl::StrCat("nominals.csv#row=", i + 1), "Ellie", "WATSON",
                             Day(2000 + i % 20, 1 + i % 12, 1 + i / 12)));
  }
  const std::vector<std::string> persons = PutPersons(records);
  EXPECT_EQ(Link(Record("cases/CF-000001#subject=1", "Ellie", "WATSON", Day(2003, 4, 1))), persons[3]);
  // Nobody of that name born that day: a person of its own.
  const std::string stranger = Link(Record("cases/CF-000002#subject=1", "Ellie", "WATSON", Day(2019, 12, 31)));
  EXPECT_THAT(persons, ::testing::Not(::testing::Contains(stranger)));
  EXPECT_EQ(stranger, "persons/" + PersonIdFor("cases/CF-000002#subject=1"));
}

TEST_F(LivePersonLinkerTest, TwoSubjectsOfOneCaseAreTwoPeopleWhateverTheirNames) {
  // Twins listed apart by the writer: a short form, a slip, a nickname of
  // each other. Across cases these would join; in one list they never do.
  const std::string twins[][3] = {{"Sam", "Samuel", "CLARKE"}, {"Kane", "Zane", "CAMPBELL"}, {"Isabelle", "Isabella", "RYAN"}};
  int case_number = 0;
  std::vector<std::string> kane_and_zane;
  for (const auto& [first, second, surname] : twins) {
    const std::string list = absl::StrCat("cases/CF-00000", ++case_number);
    const std::string a = Link(Record(list + "#subject=1", first, surname, Day(2016, 11, 26)));
    const std::string b = Link(Record(list + "#subject=2", second, surname, Day(2016, 11, 26)));
    EXPECT_NE(a, b) << first << " and " << second;
    // The second twin's record did not move into the first's person either.
    EXPECT_EQ(a, "persons/" + PersonIdFor(list + "#subject=1"));
    EXPECT_EQ(b, "persons/" + PersonIdFor(list + "#subject=2"));
    if (first == "Kane") kane_and_zane = {a, b};
  }
  // Named again, alone, in another case: "Kane" fits Kane exactly and Zane
  // with a slip, so it is neither twin's until an operator says (the
  // matcher's ambiguous records), and never glues them together.
  const std::string again = Link(Record("cases/CF-000009#subject=1", "Kane", "CAMPBELL", Day(2016, 11, 26)));
  EXPECT_THAT(kane_and_zane, ::testing::Not(::testing::Contains(again)));
  // Two children of one entry are two people too.
  const std::string c = Link(Record("cases/CF-000010/entries/4#child=1", "Tia", "MAPP", Day(2019, 3, 2)));
  const std::string d = Link(Record("cases/CF-000010/entries/4#child=2", "Tia", "MAPP", Day(2019, 3, 2)));
  EXPECT_NE(c, d);
}

}  // namespace
}  // namespace casefile::migration
