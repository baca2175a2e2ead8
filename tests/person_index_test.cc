#include "migration/person_index.h"

#include <algorithm>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "core/persons/person_search.h"
#include "core/persons/person_tables.h"
#include "core/time/partial_time.h"
#include "core/time/partial_time_proto.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "migration/person_consolidation.h"
#include "migration/stable_hash.h"
#include "storage/case_tables.h"
#include "storage/keys.h"
#include "storage/prefix_scan.h"
#include "storage/store.h"
#include "tests/scratch_dir.h"

namespace casefile::migration {
namespace {

// Every person is shown (need to know is tested end to end).
const PersonFilter kEveryone = [](v1::Person&) -> absl::StatusOr<bool> { return true; };

using storage::LmdbTxn;
using storage::v1::StoredDecision;
using storage::v1::StoredPersonRecord;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
namespace keys = storage::keys;

struct Fields {
  std::string locator;
  std::string forename;
  std::string surname;
  std::string dob;  // dd/mm/yyyy or ""
  std::string address_1;
  std::string postcode;
  std::string case_name;
  std::string nominal_ref;
  std::string source_ref = "";
};

StoredPersonRecord Record(const Fields& f) {
  StoredPersonRecord r;
  r.set_locator(f.locator);
  r.set_forename(f.forename);
  r.set_surname(f.surname);
  r.set_date_of_birth_raw(f.dob);
  *r.mutable_date_of_birth() = ToProto(*ParsePartialTime(f.dob));
  r.set_address_1(f.address_1);
  r.set_postcode(f.postcode);
  r.set_case_(f.case_name);
  r.set_nominal_ref(f.nominal_ref);
  r.set_source_ref(f.source_ref);
  r.set_as_written(absl::StrCat(f.forename, " ", f.surname, " (", f.dob, ")"));
  return r;
}

// Ellie twice (an index row and a subject of a log), her father, and the
// twins Alexander and Alexandra, whom nothing may merge: their index rows
// name two references of one case (the reference index knows both, see
// SetUp), so they were written in one case file.
std::vector<StoredPersonRecord> Family() {
  return {
      Record({"nominals.csv#row=2", "Ellie", "WATSON", "03/04/2008", "3 Elm St", "HR1 2AB", "", "N100"}),
      Record({"logs/cf1.txt#entry=4", "Ellie", "Watson", "03/04/2008", "", "", "cases/CF-1", ""}),
      Record({"nominals.csv#row=3", "Mark", "WATSON", "12/05/1980", "3 Elm St", "HR1 2AB", "", "N101"}),
      Record({"nominals.csv#row=7", "Alexander", "JONES", "01/02/2010", "9 Oak Rd", "HR2 7XY", "", "N102",
              "22/10771/10"}),
      Record({"nominals.csv#row=8", "Alexandra", "JONES", "01/02/2010", "9 Oak Rd", "HR2 7XY", "", "N103",
              "HPVP/2010/4410"}),
  };
}

class PersonIndexTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = storage::Store::Open(dir_.path(), {});
    ASSERT_TRUE(store.ok()) << store.status();
    store_ = *std::move(store);
    // An earlier import filed both references of the twins' rows under CF-2.
    ASSERT_TRUE(store_->writer().Run([](LmdbTxn& txn) {
      if (auto s = storage::IndexCaseRef(txn, "22/10771/10", "CF-2"); !s.ok()) return s;
      return storage::IndexCaseRef(txn, "HPVP/2010/4410", "CF-2");
    }).ok());
  }

  void Put(const std::vector<StoredPersonRecord>& records) {
    ASSERT_TRUE(store_->writer().Run([&](LmdbTxn& txn) {
      for (const StoredPersonRecord& r : records) {
        if (auto s = txn.Put(keys::PersonRecord(r.locator()), r.SerializeAsString()); !s.ok()) return s;
      }
      return absl::OkStatus();
    }).ok());
  }

  void Decide(const std::string& a, const std::string& b, int decision) {
    StoredDecision d;
    d.set_decision(decision);
    d.set_locator_a(std::min(a, b));
    d.set_locator_b(std::max(a, b));
    ASSERT_TRUE(store_->writer().Run([&](LmdbTxn& txn) {
      return txn.Put(keys::Decision(a, b), d.SerializeAsString());
    }).ok());
  }

  // Computes and writes the index over the stored records; returns it.
  PersonIndex Rebuild() {
    PersonIndex index;
    absl::Status s = store_->writer().Run([&](LmdbTxn& txn) {
      auto computed = ComputePersonIndex(txn, {});
      if (!computed.ok()) return computed.status();
      index = *std::move(computed);
      return WritePersonIndex(txn, index);
    });
    EXPECT_TRUE(s.ok()) << s;
    return index;
  }

  absl::StatusOr<PersonIndex> Compute(const std::vector<StoredPersonRecord>& pending) {
    auto read = store_->BeginRead();
    if (!read.ok()) return read.status();
    return ComputePersonIndex((*read)->txn(), pending);
  }

  // Every key of a table, after its prefix.
  std::vector<std::string> Keys(const std::string& prefix) {
    std::vector<std::string> out;
    auto read = store_->BeginRead();
    EXPECT_TRUE(storage::ScanPrefix((*read)->txn(), prefix, [&](absl::string_view rest, absl::string_view) {
      out.emplace_back(rest);
      return absl::OkStatus();
    }).ok());
    return out;
  }

  absl::StatusOr<std::vector<v1::PersonMatch>> Search(const std::string& query,
                                                       const std::string& dob = "",
                                                       int page_size = 0) {
    v1::SearchPersonsRequest request;
    request.set_query(query);
    if (!dob.empty()) *request.mutable_date_of_birth() = ToProto(*ParsePartialTime(dob));
    request.set_page_size(page_size);
    auto read = store_->BeginRead();
    return SearchPersons((*read)->txn(), request, kEveryone);
  }

  // "Forename Surname" of each result, best first.
  std::vector<std::string> Names(const std::vector<v1::PersonMatch>& matches) {
    std::vector<std::string> names;
    for (const auto& m : matches) names.push_back(absl::StrCat(m.person().forename(), " ", m.person().surname()));
    return names;
  }

  static std::string IdOf(const std::string& smallest_locator) {
    return absl::StrCat("P", StableHashHex(smallest_locator));
  }

  ScratchDir dir_;
  std::unique_ptr<storage::Store> store_;
};

TEST_F(PersonIndexTest, ClustersRecordsIntoConsolidatedPersons) {
  Put(Family());
  PersonIndex index = Rebuild();
  EXPECT_EQ(index.records, 5);
  ASSERT_EQ(index.persons.size(), 4u);
  const v1::Person* ellie = nullptr;
  for (const v1::Person& p : index.persons) {
    if (p.forename() == "Ellie") ellie = &p;
  }
  ASSERT_NE(ellie, nullptr);
  // The smallest locator of her records is the log entry ("l" < "n").
  EXPECT_EQ(ellie->name(), absl::StrCat("persons/", IdOf("logs/cf1.txt#entry=4")));
  EXPECT_EQ(ellie->surname(), "WATSON");  // one each: the alphabetically first spelling
  EXPECT_EQ(FormatPartialTime(FromProto(ellie->date_of_birth())), "2008-04-03");
  EXPECT_THAT(ellie->addresses(), ElementsAre("3 Elm St, HR1 2AB"));
  EXPECT_THAT(ellie->name_variants(), ElementsAre("Ellie WATSON", "Ellie Watson"));
  EXPECT_THAT(ellie->cases(), ElementsAre("cases/CF-1"));
  ASSERT_EQ(ellie->sources_size(), 2);
  EXPECT_EQ(ellie->sources(0).locator(), "logs/cf1.txt#entry=4");
  EXPECT_EQ(ellie->sources(1).locator(), "nominals.csv#row=2");
  EXPECT_EQ(ellie->sources(1).nominal_ref(), "N100");
  EXPECT_EQ(ellie->sources(1).as_written(), "Ellie WATSON (03/04/2008)");

  // Persons are sorted by name and stored under their ids.
  EXPECT_TRUE(std::is_sorted(index.persons.begin(), index.persons.end(),
                             [](const auto& a, const auto& b) { return a.name() < b.name(); }));
  std::vector<std::string> ids;
  for (const v1::Person& p : index.persons) ids.push_back(p.name().substr(8));
  EXPECT_EQ(Keys(keys::PersonPrefix()), ids);
  EXPECT_THAT(ids, ::testing::Contains(IdOf("nominals.csv#row=7")));
  EXPECT_THAT(ids, ::testing::Contains(IdOf("nominals.csv#row=8")));
}

TEST_F(PersonIndexTest, ConsolidationPrefersFrequentAndCompleteValues) {
  std::vector<StoredPersonRecord> records = {
      Record({"a#row=1", "E", "WATSON", "", "1 Old Rd", "", "", ""}),
      Record({"a#row=2", "Ellie", "WATSON", "03/04/2008", "3 Elm St", "HR1 2AB", "cases/CF-2", ""}),
      Record({"a#row=3", "Ellie", "Watson", "03/04/2008", " 3 Elm St ", "HR1 2AB", "cases/CF-1", ""}),
      Record({"a#row=4", "ELLIE", "WATSON", "Apr 2008", "", "", "cases/CF-2", ""}),
  };
  std::vector<const StoredPersonRecord*> cluster;
  for (const auto& r : records) cluster.push_back(&r);
  v1::Person p = ConsolidatePerson(cluster);
  EXPECT_EQ(p.name(), absl::StrCat("persons/", IdOf("a#row=1")));
  EXPECT_EQ(p.forename(), "Ellie");  // "ellie" three times beats the initial
  EXPECT_EQ(p.surname(), "WATSON");  // three times against once
  EXPECT_EQ(FormatPartialTime(FromProto(p.date_of_birth())), "2008-04-03");  // day beats month
  EXPECT_THAT(p.addresses(), ElementsAre("3 Elm St, HR1 2AB", "1 Old Rd"));
  EXPECT_THAT(p.name_variants(), ElementsAre("E WATSON", "ELLIE WATSON", "Ellie WATSON", "Ellie Watson"));
  EXPECT_THAT(p.cases(), ElementsAre("cases/CF-1", "cases/CF-2"));

  EXPECT_EQ(PersonRecordSummary(records[1]), "Ellie WATSON, 03/04/2008, 3 Elm St, HR1 2AB [cases/CF-2]");
  EXPECT_EQ(PersonRecordSummary(Family()[0]), "Ellie WATSON, 03/04/2008, 3 Elm St, HR1 2AB [nominal N100]");
}

TEST_F(PersonIndexTest, SameRecordsGiveSamePersonsInAnyOrder) {
  const std::vector<StoredPersonRecord> family = Family();
  auto expected = Compute(family);
  ASSERT_TRUE(expected.ok()) << expected.status();
  std::mt19937 rng(7);
  for (int round = 0; round < 5; ++round) {
    std::vector<StoredPersonRecord> shuffled = family;
    std::shuffle(shuffled.begin(), shuffled.end(), rng);
    auto index = Compute(shuffled);
    ASSERT_TRUE(index.ok()) << index.status();
    ASSERT_EQ(index->persons.size(), expected->persons.size());
    for (size_t i = 0; i < index->persons.size(); ++i) {
      EXPECT_EQ(index->persons[i].SerializeAsString(), expected->persons[i].SerializeAsString());
    }
  }
  // Stored in another order, half now and half later: the same again.
  Put({family[4], family[1]});
  Put({family[3], family[0], family[2]});
  PersonIndex stored = Rebuild();
  ASSERT_EQ(stored.persons.size(), expected->persons.size());
  for (size_t i = 0; i < stored.persons.size(); ++i) {
    EXPECT_EQ(stored.persons[i].SerializeAsString(), expected->persons[i].SerializeAsString());
  }
}

TEST_F(PersonIndexTest, PendingRecordsJoinTheStoredOnesWithoutBeingWritten) {
  std::vector<StoredPersonRecord> family = Family();
  Put({family[0], family[2]});
  StoredPersonRecord changed = family[0];
  changed.set_forename("Different");  // same locator as a stored record: ignored
  auto index = Compute({family[1], changed, family[1]});
  ASSERT_TRUE(index.ok()) << index.status();
  EXPECT_EQ(index->records, 3);
  EXPECT_EQ(index->persons.size(), 2u);  // Ellie (two records) and Mark
  EXPECT_THAT(Keys(keys::PersonPrefix()), ::testing::IsEmpty());
  EXPECT_EQ(Keys(keys::PersonRecordPrefix()).size(), 2u);
}

TEST_F(PersonIndexTest, RowsLearnTheirCaseFromSubjectsNamedUnderTheirReference) {
  // Twins' index rows under two references no import has filed yet (a dry
  // run): the subjects named in the case's records under those references
  // tell the matcher both rows were written in one case file.
  std::vector<StoredPersonRecord> records = {
      Record({"n.csv#row=1", "Jack", "SMITH", "01/05/2010", "9 Oak Rd", "HR2 7XY", "", "N1", "22/555/14"}),
      Record({"n.csv#row=2", "Emily", "SMITH", "01/05/2010", "9 Oak Rd", "HR2 7XY", "", "N2", "HPVP/2014/77"}),
  };
  auto apart = Compute({records[0], records[1],
                        Record({"log.txt#entry=1", "Jack", "Smith", "01/05/2010", "", "", "cases/CF-3",
                                "", "22/555/14"}),
                        Record({"paper.csv#row=4", "Emily", "Smith", "01/05/2010", "", "", "cases/CF-3",
                                "", "hpvp/2014/77 "})});
  ASSERT_TRUE(apart.ok()) << apart.status();
  std::vector<std::vector<std::string>> sources;
  for (const v1::Person& p : apart->persons) {
    std::vector<std::string> locators;
    for (const auto& s : p.sources()) locators.push_back(s.locator());
    sources.push_back(locators);
  }
  EXPECT_THAT(sources, ::testing::UnorderedElementsAre(ElementsAre("log.txt#entry=1", "n.csv#row=1"),
                                                       ElementsAre("n.csv#row=2", "paper.csv#row=4")));
  // Nothing tells where the rows were written: a different forename is then
  // a recording error when everything else agrees.
  auto alone = Compute(records);
  ASSERT_TRUE(alone.ok()) << alone.status();
  EXPECT_EQ(alone->persons.size(), 1u);
}

TEST_F(PersonIndexTest, SeparateDecisionSplitsAndMergeDecisionJoins) {
  Put(Family());
  // Apart: the two Ellie records. Together: Ellie's index row and Mark.
  Decide("nominals.csv#row=2", "logs/cf1.txt#entry=4", 2);
  Decide("nominals.csv#row=2", "nominals.csv#row=3", 1);
  PersonIndex index = Rebuild();
  ASSERT_EQ(index.persons.size(), 4u);
  std::vector<std::vector<std::string>> sources;
  for (const v1::Person& p : index.persons) {
    std::vector<std::string> locators;
    for (const auto& s : p.sources()) locators.push_back(s.locator());
    sources.push_back(locators);
  }
  EXPECT_THAT(sources, ::testing::UnorderedElementsAre(
                           ElementsAre("logs/cf1.txt#entry=4"),
                           ElementsAre("nominals.csv#row=2", "nominals.csv#row=3"),
                           ElementsAre("nominals.csv#row=7"), ElementsAre("nominals.csv#row=8")));
  for (const v1::ReviewItem& item : index.review_items) {
    EXPECT_FALSE(item.left().locator() == "logs/cf1.txt#entry=4" &&
                 item.right().locator() == "nominals.csv#row=2");
  }
}

// Links to a person must not break when a later import regroups its records.
TEST_F(PersonIndexTest, PersonsKeepTheirIdsWhenTheirRecordsRegroup) {
  const std::vector<StoredPersonRecord> family = Family();
  Put({family[0], family[1]});  // Ellie: her index row and a log's subject
  PersonIndex first = Rebuild();
  ASSERT_EQ(first.persons.size(), 1u);
  const std::string ellie = first.persons[0].name();
  EXPECT_EQ(ellie, "persons/" + IdOf("logs/cf1.txt#entry=4"));
  // A later import brings another Ellie row whose locator sorts first.
  Put({Record({"a-index.csv#row=1", "Ellie", "WATSON", "03/04/2008", "3 Elm St", "HR1 2AB", "", "N200"})});
  PersonIndex second = Rebuild();
  ASSERT_EQ(second.persons.size(), 1u);
  EXPECT_EQ(second.persons[0].name(), ellie);
  EXPECT_EQ(second.persons[0].sources_size(), 3);
  // An operator splits the new row off: Ellie keeps her id (she holds two of
  // its three records); the row gets its own.
  Decide("a-index.csv#row=1", "nominals.csv#row=2", 2);
  Decide("a-index.csv#row=1", "logs/cf1.txt#entry=4", 2);
  PersonIndex third = Rebuild();
  std::map<std::string, int> sources_of;
  for (const v1::Person& p : third.persons) sources_of[p.name()] = p.sources_size();
  EXPECT_EQ(sources_of, (std::map<std::string, int>{{ellie, 2}, {"persons/" + IdOf("a-index.csv#row=1"), 1}}));
}

TEST_F(PersonIndexTest, ContradictoryDecisionsKeepApart) {
  std::vector<StoredPersonRecord> records = {
      Record({"x#row=1", "Ann", "LEE", "01/01/2001", "", "", "", ""}),
      Record({"x#row=2", "Bob", "KAY", "02/02/1990", "", "", "", ""}),
      Record({"x#row=3", "Cat", "ROE", "03/03/1970", "", "", "", ""}),
  };
  Put(records);
  Decide("x#row=1", "x#row=2", 1);
  Decide("x#row=2", "x#row=3", 1);
  Decide("x#row=1", "x#row=3", 2);
  PersonIndex index = Rebuild();
  // Row 1 and row 3 are never together; one of the merges is dropped.
  ASSERT_EQ(index.persons.size(), 2u);
  for (const v1::Person& p : index.persons) {
    std::vector<std::string> locators;
    for (const auto& s : p.sources()) locators.push_back(s.locator());
    EXPECT_FALSE(std::count(locators.begin(), locators.end(), "x#row=1") &&
                 std::count(locators.begin(), locators.end(), "x#row=3"));
  }
}

TEST_F(PersonIndexTest, UncertainPairsBecomeReviewItemsOnce) {
  // Day and month swapped: maybe one child, maybe two; an operator decides.
  const StoredPersonRecord a = Record({"n.csv#row=2", "Ellie", "WATSON", "03/04/2008", "", "", "", "N1"});
  const StoredPersonRecord b = Record({"n.csv#row=9", "Ellie", "WATSON", "04/03/2008", "", "", "", "N2"});
  Put({b, a});
  PersonIndex index = Rebuild();
  EXPECT_EQ(index.persons.size(), 2u);
  ASSERT_EQ(index.review_items.size(), 1u);
  const v1::ReviewItem& item = index.review_items[0];
  const std::string id = PairId("p-", "n.csv#row=2", "n.csv#row=9");
  EXPECT_EQ(id, absl::StrCat("p-", StableHashHex(std::string("n.csv#row=2\0n.csv#row=9", 23))));
  EXPECT_EQ(item.name(), absl::StrCat("reviewItems/", id));
  EXPECT_EQ(item.kind(), v1::ReviewItem::KIND_PERSON);
  EXPECT_EQ(item.decision(), v1::ReviewItem::DECISION_UNSPECIFIED);
  EXPECT_GT(item.score(), 0);
  EXPECT_THAT(item.reason(), HasSubstr("dob"));
  EXPECT_EQ(item.left().locator(), "n.csv#row=2");
  EXPECT_EQ(item.left().text(), "Ellie WATSON, 03/04/2008 [nominal N1]");
  EXPECT_EQ(item.right().locator(), "n.csv#row=9");
  EXPECT_EQ(item.right().text(), "Ellie WATSON, 04/03/2008 [nominal N2]");
  EXPECT_THAT(Keys(keys::ReviewItemPrefix()), ElementsAre(id));

  // Recomputing finds the same pair; the stored item (now being decided by
  // an operator) is not overwritten or duplicated.
  v1::ReviewItem decided = item;
  decided.set_decision(v1::ReviewItem::DECISION_SEPARATE);
  ASSERT_TRUE(store_->writer().Run([&](LmdbTxn& txn) {
    return txn.Put(keys::ReviewItem(id), decided.SerializeAsString());
  }).ok());
  EXPECT_EQ(Rebuild().review_items.size(), 1u);
  EXPECT_THAT(Keys(keys::ReviewItemPrefix()), ElementsAre(id));
  auto read = store_->BeginRead();
  v1::ReviewItem stored;
  stored.ParseFromString(std::string(**(*read)->txn().Get(keys::ReviewItem(id))));
  EXPECT_EQ(stored.decision(), v1::ReviewItem::DECISION_SEPARATE);
  read->reset();

  // Once the decision is recorded, the pair is no longer put forward.
  Decide("n.csv#row=9", "n.csv#row=2", 2);
  PersonIndex after = Rebuild();
  EXPECT_TRUE(after.review_items.empty());
  EXPECT_EQ(after.persons.size(), 2u);
}

TEST_F(PersonIndexTest, TwinsKeptApartAreShownToAnOperatorUntilDecided) {
  // The twins rule keeps Alexander and Alexandra apart (one case file, see
  // SetUp); surname, date of birth and home agree, so the pair is not hidden
  // but put before an operator. Ellie and her father share no forename and
  // are a generation apart: nothing to ask.
  Put(Family());
  PersonIndex index = Rebuild();
  ASSERT_EQ(index.persons.size(), 4u);
  ASSERT_EQ(index.review_items.size(), 1u);
  const v1::ReviewItem& item = index.review_items[0];
  EXPECT_EQ(item.kind(), v1::ReviewItem::KIND_PERSON);
  EXPECT_EQ(item.left().locator(), "nominals.csv#row=7");
  EXPECT_EQ(item.right().locator(), "nominals.csv#row=8");
  EXPECT_EQ(item.reason(), "forename distinct name; surname exact; dob exact; address strong");
  EXPECT_EQ(item.name(), absl::StrCat("reviewItems/",
                                      PairId("p-", "nominals.csv#row=7", "nominals.csv#row=8")));

  // "Separate" settles it: the twins stay two persons, nothing is asked again.
  Decide("nominals.csv#row=7", "nominals.csv#row=8", 2);
  PersonIndex after = Rebuild();
  EXPECT_TRUE(after.review_items.empty());
  EXPECT_EQ(after.persons.size(), 4u);
}

TEST_F(PersonIndexTest, IndexTokensAreWordsLettersSoundsAndNicknameFamilies) {
  v1::Person p;
  p.set_forename("Ellie");
  p.set_surname("O'Brien");
  p.add_name_variants("Ellie O'Brien");
  EXPECT_THAT(PersonIndexTokens(p), ElementsAre("brien", "ellie", "o", "obrien", "~fn:eleanor", "~nm:e400+o165",
                                                "~ph:b650", "~ph:e400", "~ph:o000", "~ph:o165"));
}

TEST_F(PersonIndexTest, IndexTokensHoldTheDateOfBirthAndTheBlockingKeysOfEachVariant) {
  v1::Person p;
  p.set_forename("Ellie");
  p.set_surname("WATSON");
  *p.mutable_date_of_birth() = ToProto(PartialTime{TimePrecision::kDay, 2008, 4, 3});
  p.add_name_variants("Ellie WATSON");
  p.add_name_variants("Elle Mai WOTSON");  // the last word taken for the surname
  std::vector<std::string> blocking;
  for (const std::string& token : PersonIndexTokens(p)) {
    if (token.rfind("~bn:", 0) == 0 || token.rfind("~nm:", 0) == 0 || token.rfind("~dob:", 0) == 0)
      blocking.push_back(token);
  }
  EXPECT_THAT(blocking, ElementsAre("~bn:2008-04-03+e400", "~bn:2008-04-03+e450", "~bn:2008-04-03+w325",
                                    "~dob:2008-04-03", "~nm:e400+w325", "~nm:e450+w325"));
}

TEST_F(PersonIndexTest, RebuildReplacesTheTables) {
  Put(Family());
  PersonIndex first = Rebuild();
  const std::vector<std::string> tokens = Keys(keys::PersonTokenTable());
  size_t expected_tokens = 0;
  for (const v1::Person& p : first.persons) expected_tokens += PersonIndexTokens(p).size();
  EXPECT_EQ(tokens.size(), expected_tokens);
  EXPECT_THAT(tokens, ::testing::Contains(absl::StrCat("ellie", std::string(1, '\0'),
                                                       IdOf("logs/cf1.txt#entry=4"))));
  // Mark's record goes (as an erasure would remove it): no trace of him remains.
  ASSERT_TRUE(store_->writer().Run([](LmdbTxn& txn) {
    return txn.Delete(keys::PersonRecord("nominals.csv#row=3"));
  }).ok());
  PersonIndex second = Rebuild();
  EXPECT_EQ(second.persons.size(), 3u);
  EXPECT_EQ(Keys(keys::PersonPrefix()).size(), 3u);
  for (const std::string& key : Keys(keys::PersonTokenTable())) {
    EXPECT_EQ(key.find("mark"), std::string::npos) << key;
    EXPECT_EQ(key.find(IdOf("nominals.csv#row=3")), std::string::npos) << key;
  }
}

class PersonSearchTest : public PersonIndexTest {
 protected:
  void SetUp() override {
    PersonIndexTest::SetUp();
    Put(Family());
    Put({
        Record({"n.csv#row=20", "William", "SMITH", "07/07/1975", "", "", "", ""}),
        Record({"n.csv#row=21", "Ellie", "WATKINS", "", "", "", "", ""}),
        Record({"n.csv#row=22", "Ellie", "WATSON", "05/06/2009", "12 Ash Grove", "HR9 9ZZ", "", ""}),
        Record({"n.csv#row=23", "Ellie", "WATSON", "", "40 Birch Way", "HR8 1AA", "", ""}),
        Record({"n.csv#row=24", "Daniel", "WATSON", "01/01/2001", "", "", "", ""}),
    });
    Rebuild();
  }
};

TEST_F(PersonSearchTest, ExactNameFindsEveryoneOfThatNameBestFirst) {
  auto found = Search("Ellie Watson");
  ASSERT_TRUE(found.ok()) << found.status();
  // Three Ellie Watsons (an exact score of 1), then Ellie Watkins.
  ASSERT_EQ(found->size(), 4u);
  EXPECT_DOUBLE_EQ((*found)[0].score(), 1.0);
  EXPECT_DOUBLE_EQ((*found)[2].score(), 1.0);
  EXPECT_EQ(Names(*found)[3], "Ellie WATKINS");
  EXPECT_LT((*found)[3].score(), 1.0);
  EXPECT_GT((*found)[3].score(), 0.9);
}

TEST_F(PersonSearchTest, DateOfBirthNarrowsAndSwappedDayMonthStillCounts) {
  auto found = Search("Ellie Watson", "03/04/2008");
  ASSERT_TRUE(found.ok()) << found.status();
  // The 2009 Ellie is excluded; the undated one stays below the exact one.
  ASSERT_EQ(found->size(), 3u);
  EXPECT_EQ((*found)[0].person().name(), absl::StrCat("persons/", IdOf("logs/cf1.txt#entry=4")));
  EXPECT_DOUBLE_EQ((*found)[0].score(), 1.5);
  EXPECT_DOUBLE_EQ((*found)[1].score(), 1.0);
  EXPECT_EQ(Names(*found)[2], "Ellie WATKINS");
  EXPECT_EQ((*found)[1].person().sources(0).locator(), "n.csv#row=23");

  auto swapped = Search("Ellie Watson", "04/03/2008");
  ASSERT_TRUE(swapped.ok());
  EXPECT_DOUBLE_EQ((*swapped)[0].score(), 1.25);
  EXPECT_EQ((*swapped)[0].person().name(), (*found)[0].person().name());

  auto month = Search("Ellie Watson", "Apr 2008");
  ASSERT_TRUE(month.ok());
  EXPECT_DOUBLE_EQ((*month)[0].score(), 1.5);
}

TEST_F(PersonSearchTest, NicknameTypoAndSoundFindThePerson) {
  auto bill = Search("Bill Smith");
  ASSERT_TRUE(bill.ok()) << bill.status();
  ASSERT_EQ(bill->size(), 1u);
  EXPECT_EQ(Names(*bill)[0], "William SMITH");
  EXPECT_DOUBLE_EQ((*bill)[0].score(), 0.95);

  auto typo = Search("Elie Watsno", "03/04/2008");
  ASSERT_TRUE(typo.ok());
  ASSERT_FALSE(typo->empty());
  EXPECT_EQ((*typo)[0].person().name(), absl::StrCat("persons/", IdOf("logs/cf1.txt#entry=4")));

  auto sound = Search("Elly Wotson", "03/04/2008");
  ASSERT_TRUE(sound.ok());
  ASSERT_FALSE(sound->empty());
  EXPECT_EQ((*sound)[0].person().name(), absl::StrCat("persons/", IdOf("logs/cf1.txt#entry=4")));

  // A nickname alone finds the full name through its family.
  auto bill_alone = Search("Bill");
  ASSERT_TRUE(bill_alone.ok());
  EXPECT_THAT(Names(*bill_alone), ElementsAre("William SMITH"));
  EXPECT_DOUBLE_EQ((*bill_alone)[0].score(), 0.9);

  // Surname first, any case.
  auto reversed = Search("WATSON, mark");
  ASSERT_TRUE(reversed.ok());
  EXPECT_THAT(Names(*reversed), ElementsAre("Mark WATSON"));
}

TEST_F(PersonSearchTest, DifferentNamesDoNotMatch) {
  // Danielle is not Daniel; Alexandra is not Alexander.
  auto danielle = Search("Danielle Watson");
  ASSERT_TRUE(danielle.ok());
  EXPECT_TRUE(danielle->empty());
  auto alexander = Search("Alexander Jones");
  ASSERT_TRUE(alexander.ok());
  EXPECT_THAT(Names(*alexander), ElementsAre("Alexander JONES"));
}

// A whole date of birth alone finds everyone born that day, and those born
// on the day with day and month swapped below them; a date that is not whole
// is not a search by itself.
TEST_F(PersonSearchTest, AWholeDateOfBirthAloneFindsEveryoneBornThatDay) {
  auto june = Search("", "05/06/2009");
  ASSERT_TRUE(june.ok()) << june.status();
  EXPECT_THAT(Names(*june), ElementsAre("Ellie WATSON"));
  EXPECT_DOUBLE_EQ((*june)[0].score(), 0.5);
  auto swapped = Search("", "06/05/2009");
  ASSERT_TRUE(swapped.ok()) << swapped.status();
  EXPECT_THAT(Names(*swapped), ElementsAre("Ellie WATSON"));
  EXPECT_DOUBLE_EQ((*swapped)[0].score(), 0.25);
  auto nobody = Search("", "06/06/2009");
  ASSERT_TRUE(nobody.ok());
  EXPECT_TRUE(nobody->empty());
  auto month = Search("", "Jun 2009");
  EXPECT_EQ(month.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(month.status().message(), HasSubstr("a whole date of birth"));
}

// A store indexed before dates of birth and blocking keys were tokens gets
// them once, at start: the token table is then as a new index writes it.
TEST_F(PersonSearchTest, AnOlderIndexGetsDateOfBirthAndBlockingTokensOnce) {
  const std::string table = storage::keys::PersonTokenTable();
  auto all_tokens = [&] {
    std::vector<std::string> out;
    EXPECT_TRUE(store_->writer()
                    .Run([&](storage::LmdbTxn& txn) {
                      return storage::ScanPrefix(txn, table, [&](absl::string_view rest, absl::string_view) {
                        out.push_back(std::string(rest));
                        return absl::OkStatus();
                      });
                    })
                    .ok());
    return out;
  };
  const std::vector<std::string> whole = all_tokens();
  ASSERT_TRUE(store_->writer()
                  .Run([&](storage::LmdbTxn& txn) -> absl::Status {
                    int removed = 0;
                    for (const std::string& token : whole) {
                      if (token.rfind("~dob:", 0) != 0 && token.rfind("~bn:", 0) != 0 && token.rfind("~nm:", 0) != 0)
                        continue;
                      if (auto s = txn.Delete(absl::StrCat(table, token)); !s.ok()) return s;
                      ++removed;
                    }
                    return removed > 0 ? absl::OkStatus() : absl::InternalError("no such tokens to remove");
                  })
                  .ok());
  auto before = Search("", "05/06/2009");
  ASSERT_TRUE(before.ok());
  EXPECT_TRUE(before->empty());  // as an older store
  ASSERT_TRUE(AddNewPersonTokens(*store_).ok());
  EXPECT_EQ(all_tokens(), whole);
  auto after = Search("", "05/06/2009");
  ASSERT_TRUE(after.ok());
  EXPECT_THAT(Names(*after), ElementsAre("Ellie WATSON"));
}

TEST_F(PersonSearchTest, PageSizeAndBadRequests) {
  auto one = Search("Watson", "", 1);
  ASSERT_TRUE(one.ok());
  EXPECT_EQ(one->size(), 1u);
  auto all = Search("Watson", "", 1000);  // more than the maximum: taken as 200
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->size(), 6u);  // three Ellies, Mark and Daniel WATSON, Ellie WATKINS
  for (const auto& [query, message] : std::vector<std::pair<std::string, std::string>>{
           {"", "query: must not be empty"},
           {"  ", "query: must not be empty"},
           {"2008", "query: has no letters"},
           {"a b c d e f g h i", "query: more than 8 words"}}) {
    auto bad = Search(query);
    EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument) << query;
    EXPECT_THAT(bad.status().message(), HasSubstr(message));
  }
  EXPECT_EQ(Search("Ellie", "", -1).status().code(), absl::StatusCode::kInvalidArgument);
  v1::SearchPersonsRequest request;
  request.set_query("Ellie");
  request.mutable_date_of_birth()->set_precision(v1::PartialTime::PRECISION_DAY);
  request.mutable_date_of_birth()->set_year(2008);
  request.mutable_date_of_birth()->set_month(2);
  request.mutable_date_of_birth()->set_day(30);
  auto read = store_->BeginRead();
  auto bad_dob = SearchPersons((*read)->txn(), request, kEveryone);
  EXPECT_EQ(bad_dob.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(bad_dob.status().message(), HasSubstr("date_of_birth"));
}

TEST_F(PersonSearchTest, GetPersonByName) {
  const std::string name = absl::StrCat("persons/", IdOf("n.csv#row=20"));
  auto read = store_->BeginRead();
  auto person = GetPerson((*read)->txn(), name, kEveryone);
  ASSERT_TRUE(person.ok()) << person.status();
  EXPECT_EQ(person->forename(), "William");
  EXPECT_EQ(GetPerson((*read)->txn(), "persons/P0000000000000000", kEveryone).status().code(),
            absl::StatusCode::kNotFound);
  for (const char* bad : {"", "persons/", "cases/CF-1", "P0123", "persons/P01/x"}) {
    auto s = GetPerson((*read)->txn(), bad, kEveryone).status();
    EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument) << bad;
    EXPECT_THAT(s.message(), HasSubstr("name:"));
  }
}

}  // namespace
}  // namespace casefile::migration
