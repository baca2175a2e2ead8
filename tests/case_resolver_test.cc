#include "migration/case_resolver.h"

#include <algorithm>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace casefile::migration {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

LegacySubject Person(const std::string& forename, const std::string& surname, const std::string& dob = "") {
  LegacySubject s;
  s.forename = forename;
  s.surname = surname;
  s.as_written = forename + " " + surname;
  auto parsed = ParsePartialTime(dob);
  EXPECT_TRUE(parsed.ok()) << dob;
  s.date_of_birth = parsed.value_or(PartialTime{});
  return s;
}

LegacyEvent Event(const std::string& locator, std::vector<std::string> refs,
                  std::vector<LegacySubject> subjects = {}) {
  LegacyEvent e;
  e.locator = locator;
  e.legacy_refs = std::move(refs);
  e.subjects = std::move(subjects);
  e.text = "text of " + locator;
  return e;
}

CaseXref Xref(const std::string& case_key, const std::string& ref) {
  return {"case_xref.csv#row=1", case_key, ref, "CRIME"};
}

std::vector<std::pair<std::string, std::string>> Resolutions(const CaseAssignment& a) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const v1::CaseResolution& r : a.unlisted_refs) out.emplace_back(r.legacy_ref(), r.case_());
  return out;
}

class CaseResolverTest : public ::testing::Test {
 protected:
  CaseAssignment Resolve(const std::vector<LegacyEvent>& events, const std::vector<CaseXref>& xrefs) {
    std::vector<const LegacyEvent*> pointers;
    for (const LegacyEvent& e : events) pointers.push_back(&e);
    return ResolveCases(pointers, xrefs, [this](const std::string& ref) -> std::optional<std::string> {
      lookups_.push_back(ref);
      auto it = stored_.find(ref);
      if (it == stored_.end()) return std::nullopt;
      return it->second;
    });
  }

  std::map<std::string, std::string> stored_;  // what earlier imports filed, by REF
  std::vector<std::string> lookups_;
};

TEST(NormalizeRefTest, TrimsAndUpperCases) {
  EXPECT_EQ(NormalizeRef("  hpvp/2012/0457\t"), "HPVP/2012/0457");
  EXPECT_EQ(NormalizeRef("22/45871/12"), "22/45871/12");
  EXPECT_EQ(NormalizeRef(""), "");
}

TEST(OwnCaseIdTest, LettersAndDigitsWithDashes) {
  EXPECT_EQ(OwnCaseId("22/45871/12"), "LEG-22-45871-12");
  EXPECT_EQ(OwnCaseId(" hpvp/2012/0457 "), "LEG-HPVP-2012-0457");
  EXPECT_EQ(OwnCaseId("UNREFERENCED"), "LEG-UNREFERENCED");
}

TEST(OwnCaseIdTest, IsBoundedTo63Characters) {
  const std::string id = OwnCaseId(std::string(200, '7'));
  EXPECT_EQ(id.size(), 63u);
  EXPECT_EQ(id, "LEG-" + std::string(59, '7'));
}

TEST_F(CaseResolverTest, ListedReferencesNameTheirCase) {
  CaseAssignment a =
      Resolve({Event("log#entry=1", {"22/45871/12"}), Event("paper#row=1", {" hpvp/2012/0457"})},
              {Xref("HFD-PVP-000123", "22/45871/12"), Xref("HFD-PVP-000123", "HPVP/2012/0457")});
  EXPECT_THAT(a.case_of_event, ElementsAre("HFD-PVP-000123", "HFD-PVP-000123"));
  EXPECT_THAT(a.unlisted_refs, IsEmpty());
  EXPECT_THAT(lookups_, IsEmpty());  // the store is not asked about listed references
}

TEST_F(CaseResolverTest, EarlierImportsListReferencesToo) {
  stored_["22/45871/12"] = "HFD-PVP-000009";
  CaseAssignment a =
      Resolve({Event("crime#row=1", {"22/45871/12"}), Event("crime#row=2", {"22/45871/12"})}, {});
  EXPECT_THAT(a.case_of_event, ElementsAre("HFD-PVP-000009", "HFD-PVP-000009"));
  EXPECT_THAT(a.unlisted_refs, IsEmpty());
  EXPECT_THAT(lookups_, ElementsAre("22/45871/12"));  // asked once
}

TEST_F(CaseResolverTest, ThisImportsCrossReferenceWinsOverEarlierImports) {
  stored_["22/45871/12"] = "HFD-PVP-000009";
  CaseAssignment a =
      Resolve({Event("crime#row=1", {"22/45871/12"})}, {Xref("HFD-PVP-000123", "22/45871/12")});
  EXPECT_THAT(a.case_of_event, ElementsAre("HFD-PVP-000123"));
}

TEST_F(CaseResolverTest, TheFirstListedReferenceOfARecordDecides) {
  CaseAssignment a =
      Resolve({Event("log#entry=1", {"UNKNOWN/1", "HPVP/2012/0457", "22/45871/12"})},
              {Xref("HFD-PVP-000123", "HPVP/2012/0457"), Xref("HFD-PVP-000456", "22/45871/12")});
  EXPECT_THAT(a.case_of_event, ElementsAre("HFD-PVP-000123"));
  EXPECT_THAT(a.unlisted_refs, IsEmpty());  // UNKNOWN/1 has no record of its own
  EXPECT_THAT(lookups_, ElementsAre("UNKNOWN/1"));
  // ...and the operator is told that the record's references disagree.
  ASSERT_EQ(a.ref_conflicts.size(), 1u);
  EXPECT_THAT(a.ref_conflicts[0].legacy_refs(), ElementsAre("HPVP/2012/0457", "22/45871/12"));
  EXPECT_THAT(a.ref_conflicts[0].cases(), ElementsAre("cases/HFD-PVP-000123", "cases/HFD-PVP-000456"));
  EXPECT_EQ(a.ref_conflicts[0].filed_under(), "cases/HFD-PVP-000123");
  EXPECT_EQ(a.ref_conflicts[0].records(), 1);
  EXPECT_EQ(a.ref_conflicts[0].example_locator(), "log#entry=1");
}

TEST_F(CaseResolverTest, RecordsWithTheSameConflictingReferencesAreCountedTogether) {
  CaseAssignment a = Resolve({Event("log#entry=1", {"HPVP/2012/0457", "22/45871/12"}),
                              Event("log#entry=2", {"hpvp/2012/0457 ", "22/45871/12"}),
                              Event("log#entry=3", {"HPVP/2012/0457", "22/11111/12"})},
                             {Xref("HFD-PVP-000123", "HPVP/2012/0457"), Xref("HFD-PVP-000456", "22/45871/12"),
                              Xref("HFD-PVP-000123", "22/11111/12")});
  EXPECT_THAT(a.case_of_event, ElementsAre("HFD-PVP-000123", "HFD-PVP-000123", "HFD-PVP-000123"));
  ASSERT_EQ(a.ref_conflicts.size(), 1u);  // entry 3's references agree
  EXPECT_EQ(a.ref_conflicts[0].records(), 2);
}

TEST_F(CaseResolverTest, AnUnlistedReferenceFollowsTheListedOneNamedBesideIt) {
  CaseAssignment a = Resolve({Event("log#entry=1", {"HPVP/2012/0457", "22/99999/12"}),
                              Event("crime#row=1", {"22/99999/12"}), Event("crime#row=2", {"22/99999/12"})},
                             {Xref("HFD-PVP-000123", "HPVP/2012/0457")});
  EXPECT_THAT(a.case_of_event, ElementsAre("HFD-PVP-000123", "HFD-PVP-000123", "HFD-PVP-000123"));
  ASSERT_EQ(a.unlisted_refs.size(), 1u);
  EXPECT_EQ(a.unlisted_refs[0].legacy_ref(), "22/99999/12");
  EXPECT_EQ(a.unlisted_refs[0].case_(), "cases/HFD-PVP-000123");
  EXPECT_EQ(a.unlisted_refs[0].how(), "named beside a listed reference on the same record");
}

TEST_F(CaseResolverTest, AnUnlistedReferenceFollowsTheOnlyCaseNamingItsPeople) {
  CaseAssignment a =
      Resolve({Event("paper#row=1", {"HPVP/2012/0457"}, {Person("Ellie", "WATSON", "03/04/2008")}),
               Event("crime#row=1", {"22/99999/12"},
                     {Person("ellie", "Watson", "03/04/2008"), Person("Mark", "WATSON")})},
              {Xref("HFD-PVP-000123", "HPVP/2012/0457")});
  EXPECT_THAT(a.case_of_event, ElementsAre("HFD-PVP-000123", "HFD-PVP-000123"));
  ASSERT_EQ(a.unlisted_refs.size(), 1u);
  EXPECT_EQ(a.unlisted_refs[0].case_(), "cases/HFD-PVP-000123");
  EXPECT_EQ(a.unlisted_refs[0].how(), "matched by the people it names");
}

TEST_F(CaseResolverTest, PeopleWithoutAFullDateOfBirthAreNotCertainEnough) {
  CaseAssignment a =
      Resolve({Event("paper#row=1", {"HPVP/2012/0457"}, {Person("Ellie", "WATSON", "Apr 2008")}),
               Event("crime#row=1", {"22/99999/12"}, {Person("Ellie", "WATSON", "Apr 2008")}),
               Event("crime#row=2", {"22/88888/12"}, {Person("Ellie", "WATSON")})},
              {Xref("HFD-PVP-000123", "HPVP/2012/0457")});
  EXPECT_THAT(a.case_of_event, ElementsAre("HFD-PVP-000123", "LEG-22-99999-12", "LEG-22-88888-12"));
  EXPECT_THAT(Resolutions(a), ElementsAre(std::pair("22/88888/12", "cases/LEG-22-88888-12"),
                                          std::pair("22/99999/12", "cases/LEG-22-99999-12")));
  EXPECT_EQ(a.unlisted_refs[0].how(), "case of its own: no listed case names its people");
}

TEST_F(CaseResolverTest, PeopleNamedInSeveralCasesGiveACaseOfItsOwn) {
  const LegacySubject ellie = Person("Ellie", "WATSON", "03/04/2008");
  CaseAssignment a = Resolve(
      {Event("paper#row=1", {"HPVP/2012/0457"}, {ellie}), Event("paper#row=2", {"HPVP/2013/0001"}, {ellie}),
       Event("crime#row=1", {"22/99999/12"}, {ellie})},
      {Xref("HFD-PVP-000123", "HPVP/2012/0457"), Xref("HFD-PVP-000456", "HPVP/2013/0001")});
  EXPECT_EQ(a.case_of_event[2], "LEG-22-99999-12");
  ASSERT_EQ(a.unlisted_refs.size(), 1u);
  EXPECT_EQ(a.unlisted_refs[0].how(), "case of its own: its people appear in several cases");
}

TEST_F(CaseResolverTest, ReferenceNamedBesideTwoCasesFallsBackToItsPeople) {
  const LegacySubject ellie = Person("Ellie", "WATSON", "03/04/2008");
  CaseAssignment a =
      Resolve({Event("log#entry=1", {"HPVP/2012/0457", "22/99999/12"}, {ellie}),
               Event("log#entry=2", {"HPVP/2013/0001", "22/99999/12"}),
               Event("crime#row=1", {"22/99999/12"}, {ellie})},
              {Xref("HFD-PVP-000123", "HPVP/2012/0457"), Xref("HFD-PVP-000456", "HPVP/2013/0001")});
  EXPECT_THAT(a.case_of_event, ElementsAre("HFD-PVP-000123", "HFD-PVP-000456", "HFD-PVP-000123"));
  EXPECT_THAT(Resolutions(a), ElementsAre(std::pair("22/99999/12", "cases/HFD-PVP-000123")));
  EXPECT_EQ(a.unlisted_refs[0].how(), "matched by the people it names");
}

TEST_F(CaseResolverTest, RecordsWithoutAReferenceShareOneCaseOfTheirOwn) {
  CaseAssignment a = Resolve({Event("paper#row=1", {}), Event("paper#row=2", {})}, {});
  EXPECT_THAT(a.case_of_event, ElementsAre("LEG-UNREFERENCED", "LEG-UNREFERENCED"));
  EXPECT_THAT(Resolutions(a), ElementsAre(std::pair("UNREFERENCED", "cases/LEG-UNREFERENCED")));
}

TEST_F(CaseResolverTest, UnlistedReferencesAreGroupedByTheirNormalForm) {
  CaseAssignment a = Resolve({Event("crime#row=1", {"22/99999/12"}), Event("crime#row=2", {" 22/99999/12 "}),
                              Event("paper#row=1", {"hpvp/2011/5123"})},
                             {});
  EXPECT_THAT(a.case_of_event, ElementsAre("LEG-22-99999-12", "LEG-22-99999-12", "LEG-HPVP-2011-5123"));
  EXPECT_THAT(Resolutions(a), ElementsAre(std::pair("22/99999/12", "cases/LEG-22-99999-12"),
                                          std::pair("HPVP/2011/5123", "cases/LEG-HPVP-2011-5123")));
}

TEST_F(CaseResolverTest, ResultDoesNotDependOnRecordOrder) {
  const LegacySubject ellie = Person("Ellie", "WATSON", "03/04/2008");
  std::vector<LegacyEvent> events = {
      Event("a", {"HPVP/2012/0457"}, {ellie}),
      Event("b", {"HPVP/2012/0457", "22/11111/12"}),
      Event("c", {"22/11111/12"}),
      Event("d", {"22/22222/12"}, {ellie}),
      Event("e", {"22/33333/12"}, {Person("Mark", "WATSON", "01/01/1980")}),
      Event("f", {}),
  };
  const std::vector<CaseXref> xrefs = {Xref("HFD-PVP-000123", "HPVP/2012/0457")};
  auto by_locator = [&](const std::vector<LegacyEvent>& in) {
    CaseAssignment a = Resolve(in, xrefs);
    std::map<std::string, std::string> cases;
    for (size_t i = 0; i < in.size(); ++i) cases[in[i].locator] = a.case_of_event[i];
    std::string resolutions;
    for (const v1::CaseResolution& r : a.unlisted_refs) resolutions += r.SerializeAsString();
    return std::pair(cases, resolutions);
  };
  const auto expected = by_locator(events);
  EXPECT_EQ(expected.first, (std::map<std::string, std::string>{{"a", "HFD-PVP-000123"},
                                                                {"b", "HFD-PVP-000123"},
                                                                {"c", "HFD-PVP-000123"},
                                                                {"d", "HFD-PVP-000123"},
                                                                {"e", "LEG-22-33333-12"},
                                                                {"f", "LEG-UNREFERENCED"}}));
  std::mt19937 random(45871);
  for (int round = 0; round < 10; ++round) {
    std::shuffle(events.begin(), events.end(), random);
    EXPECT_EQ(by_locator(events), expected) << "round " << round;
  }
}

}  // namespace
}  // namespace casefile::migration
