#include "migration/match/event_matcher.h"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "gmock/gmock.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"
#include "migration/legacy_reader.h"
#include "tests/scratch_dir.h"
#include "tools/legacy_generator/legacy_generator.h"

namespace casefile::migration {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::SizeIs;

PartialTime Day(int y, int m, int d) { return {TimePrecision::kDay, y, m, d}; }
PartialTime Minute(int y, int m, int d, int h, int mi) {
  return {TimePrecision::kMinute, y, m, d, h, mi};
}
PartialTime Month(int y, int m) { return {TimePrecision::kMonth, y, m}; }

EventRecord Event(PartialTime occurred, std::string_view text,
                  PartialTime not_after = {}, std::string_view group = "HFD-PVP-000001") {
  return {group, occurred, not_after, text};
}

MatchResult Match(const std::vector<EventRecord>& records,
                  const OperatorDecisions& decisions = {}) {
  absl::StatusOr<MatchResult> result = MatchEvents(records, decisions);
  EXPECT_TRUE(result.ok()) << result.status();
  return result.ok() ? *result : MatchResult{};
}

bool Reviewed(const MatchResult& r, int a, int b) {
  for (const MatchEvidence& e : r.review) {
    if ((e.a == a && e.b == b) || (e.a == b && e.b == a)) return true;
  }
  return false;
}

constexpr char kReferral[] =
    "Referral received from West Mercia Women's Aid regarding Tyler Bevan. GP records "
    "show 3 A&E attendances in the last 12 months. Mother Nicola Bevan stated that "
    "Joanne Skyrme had not been at the address since 21/07/2010.";
constexpr char kWeekly[] =
    "Weekly welfare check at 17 Eign Street, Hereford. Tyler Bevan seen and spoken to "
    "alone. No concerns noted.";

TEST(MatchEvents, PastedCopiesMerge) {
  MatchResult r = Match({
      Event(Minute(2010, 7, 19, 18, 30), kReferral),
      // Crime export: prefix, surnames in capitals, curly quote, re-flowed,
      // typos; typed in the next morning.
      Event(Minute(2010, 7, 19, 18, 30),
            "UPDATE \xE2\x80\x93 Referral received from West Mercia Women\xE2\x80\x99s Aid "
            "rgearding Tyler BEVAN. GP records show 3  \nA&E attenances in the last 12 "
            "months. Mother Nicola BEVAN stated that Joanne SKYRME had  \nnot been at "
            "the address since 21/07/2010.",
            Minute(2010, 7, 20, 9, 12)),
      // Paper file: ALL CAPS, day only.
      Event(Day(2010, 7, 19),
            "REFERRAL RECEIVED FROM WEST MERCIA WOMEN'S AID REGARDING TYLER BEVAN. GP "
            "RECORDS SHOW 3 A&E ATTENDANCES IN THE LAST 12 MONTHS. MOTHER NICOLA BEVAN "
            "STATED THAT JOANNE SKYRME HAD NOT BEEN AT THE ADDRESS SINCE 21/07/2010."),
  });
  EXPECT_THAT(r.cluster, ElementsAre(0, 0, 0));
  EXPECT_THAT(r.merges, SizeIs(2));
  EXPECT_THAT(r.review, IsEmpty());
}

TEST(MatchEvents, CopyCutShortMerges) {
  MatchResult r = Match({
      Event(Minute(2010, 7, 19, 18, 30), kReferral),
      Event({}, "Referral received from West Mercia Women's Aid regarding Tyler Bevan. GP "
                "records show 3 A&E",
            Minute(2010, 7, 20, 9, 12)),
      Event(Day(2010, 7, 19),
            "Referral received from West Mercia Women's Aid regarding Tyler Bevan. "
            "[continued in log]"),
  });
  EXPECT_THAT(r.cluster, ElementsAre(0, 0, 0));
  EXPECT_THAT(r.merges[0].reason, HasSubstr("text"));
}

TEST(MatchEvents, ACompleteShorterTextIsNotACutCopy) {
  // The short text ends its sentence: another event that opens the same way.
  MatchResult r = Match({
      Event(Day(2010, 7, 19), "Case reviewed at the daily PVP tasking meeting."),
      Event(Day(2010, 7, 19),
            "Case reviewed at the daily PVP tasking meeting. Action: SW Kate Morris to "
            "arrange a child protection medical by 01/07/2010."),
  });
  EXPECT_THAT(r.cluster, ElementsAre(0, 1));
}

TEST(MatchEvents, WeeklyChecksOnDifferentDaysStayApart) {
  MatchResult r = Match({
      Event(Minute(2010, 7, 9, 12, 10), kWeekly),
      Event(Minute(2010, 7, 16, 12, 10), kWeekly),
      Event(Day(2010, 7, 23), kWeekly),
      Event(Minute(2010, 7, 16, 12, 10), kWeekly, Minute(2010, 7, 17, 8, 0)),
  });
  EXPECT_THAT(r.cluster, ElementsAre(0, 1, 2, 1));
  EXPECT_THAT(r.review, IsEmpty());
}

TEST(MatchEvents, DifferentCallsOnOneDayStayApart) {
  MatchResult r = Match({
      Event(Minute(2010, 8, 3, 9, 5),
            "Telephone call from Nicola Bevan. She reported that Tyler had not come home "
            "from school and was not answering his phone."),
      Event(Minute(2010, 8, 3, 11, 40),
            "Telephone call to the DSL at Queen Elizabeth High. Tyler attended school "
            "today and was seen by the school nurse."),
  });
  EXPECT_THAT(r.cluster, ElementsAre(0, 1));
  EXPECT_THAT(r.review, IsEmpty());
}

TEST(MatchEvents, DifferentNumbersAreDifferentEvents) {
  // Alike but for the times: two missing episodes the same day.
  MatchResult r = Match({
      Event(Day(2011, 1, 10),
            "Missing episode: Jessica Bellamy did not return to 65 Tanyard Lane, "
            "Dunmore by 16:50."),
      Event(Day(2011, 1, 10),
            "Missing episode: Jessica BELLAMY did not return to 65 Tanyard Lane, "
            "Dunmore by 19:40."),
  });
  EXPECT_THAT(r.cluster, ElementsAre(0, 1));
}

TEST(MatchEvents, UndatedRecordJoinsTheOnlyEventItFits) {
  MatchResult r = Match({
      Event(Minute(2010, 7, 19, 18, 30), kReferral),
      Event({}, kReferral),
  });
  EXPECT_THAT(r.cluster, ElementsAre(0, 0));
  EXPECT_THAT(r.merges[0].reason, HasSubstr("undated"));
}

TEST(MatchEvents, UndatedRecordThatFitsSeveralDaysGoesToReview) {
  MatchResult r = Match({
      Event(Minute(2010, 7, 9, 12, 10), kWeekly),
      Event(Minute(2010, 7, 16, 12, 10), kWeekly),
      Event({}, kWeekly),
  });
  EXPECT_THAT(r.cluster, ElementsAre(0, 1, 2));  // a cluster never spans two days
  EXPECT_TRUE(Reviewed(r, 0, 2) || Reviewed(r, 1, 2));
}

TEST(MatchEvents, EntryTimePicksTheRecentEvent) {
  // An undated crime-export row typed in on 17 July fits the weekly check of
  // the 16th, not the one three weeks earlier.
  MatchResult r = Match({
      Event(Minute(2010, 6, 25, 12, 10), kWeekly),
      Event(Minute(2010, 7, 16, 12, 10), kWeekly),
      Event({}, kWeekly, Minute(2010, 7, 17, 8, 0)),
  });
  EXPECT_THAT(r.cluster, ElementsAre(0, 1, 1));
}

TEST(MatchEvents, NothingMergesWithARecordWrittenBeforeIt) {
  MatchResult r = Match({
      Event(Minute(2010, 7, 19, 18, 30), kReferral),
      Event({}, kReferral, Minute(2010, 7, 18, 9, 0)),  // entered the day before
  });
  EXPECT_THAT(r.cluster, ElementsAre(0, 1));
  EXPECT_THAT(r.review, IsEmpty());
}

TEST(MatchEvents, MonthPrecisionMergesWithinItsMonthOnly) {
  MatchResult r = Match({
      Event(Minute(2010, 7, 19, 18, 30), kReferral),
      Event(Month(2010, 7), kReferral),
      Event(Month(2010, 8), kReferral),
  });
  EXPECT_THAT(r.cluster, ElementsAre(0, 0, 1));
}

TEST(MatchEvents, GroupsNeverMeet) {
  MatchResult r = Match({
      Event(Day(2010, 7, 19), kReferral, {}, "HFD-PVP-000001"),
      Event(Day(2010, 7, 19), kReferral, {}, "HFD-PVP-000002"),
  });
  EXPECT_THAT(r.cluster, ElementsAre(0, 1));
  EXPECT_THAT(r.review, IsEmpty());
}

TEST(MatchEvents, OperatorDecisionsAreHonoured) {
  const std::vector<EventRecord> copies = {Event(Day(2010, 7, 19), kReferral),
                                           Event(Day(2010, 7, 19), kReferral),
                                           Event(Day(2010, 7, 19), kReferral)};
  MatchResult kept_apart = Match(copies, {{}, {{0, 2}}});
  EXPECT_NE(kept_apart.cluster[0], kept_apart.cluster[2]);
  EXPECT_THAT(kept_apart.review, IsEmpty());

  MatchResult linked = Match({Event(Day(2010, 7, 9), kWeekly), Event(Day(2010, 7, 16), kWeekly)},
                             {{{0, 1}}, {}});
  EXPECT_THAT(linked.cluster, ElementsAre(0, 0));
  EXPECT_THAT(linked.merges, IsEmpty());

  EXPECT_EQ(MatchEvents(copies, {{{0, 3}}, {}}).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(MatchEvents(copies, {{{0, 1}}, {{1, 0}}}).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(MatchEvents, EvidenceSaysHowNotWhat) {
  MatchResult r = Match({Event(Minute(2010, 7, 19, 18, 30), kReferral),
                         Event(Minute(2010, 7, 19, 18, 30), kReferral)});
  ASSERT_THAT(r.merges, SizeIs(1));
  EXPECT_EQ(r.merges[0].reason, "text identical 1.00; same minute");
  EXPECT_DOUBLE_EQ(r.merges[0].score, 105);
}

TEST(MatchEvents, EmptyInput) {
  MatchResult r = Match({});
  EXPECT_THAT(r.cluster, IsEmpty());
}

// Pairwise precision and recall of the merges against truth.json for every
// event record of an import folder.
struct Accuracy {
  double precision = 0;
  double recall = 0;
  double review_share = 0;
};

std::string ReadAll(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

Accuracy MeasureFolder(const std::filesystem::path& folder) {
  google::protobuf::Struct truth;
  EXPECT_TRUE(
      google::protobuf::util::JsonStringToMessage(ReadAll(folder / "truth.json"), &truth).ok());
  const auto& events = truth.fields().at("records").struct_value().fields();
  std::vector<LegacyEvent> read;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(folder)) {
    if (!entry.is_regular_file() || entry.path().filename() == "truth.json") continue;
    LegacyFile file = ReadLegacyFile(
        entry.path().lexically_relative(folder).generic_string(), ReadAll(entry.path()));
    for (LegacyEvent& e : file.events) read.push_back(std::move(e));
  }
  std::vector<std::string> case_of, event_of;
  for (const LegacyEvent& e : read) {
    const auto& fields = events.at(e.locator).struct_value().fields();
    case_of.push_back(fields.at("case").string_value());
    event_of.push_back(fields.at("event").string_value());
  }
  std::vector<EventRecord> records;
  for (size_t i = 0; i < read.size(); ++i) {
    const PartialTime not_after =
        read[i].format == LegacyFormat::kCrimeExport ? read[i].entered : PartialTime{};
    records.push_back({case_of[i], read[i].occurred, not_after, read[i].text});
  }
  MatchResult r = Match(records);
  int64_t merged = 0, correct = 0, true_pairs = 0;
  for (size_t i = 0; i < records.size(); ++i) {
    for (size_t j = i + 1; j < records.size(); ++j) {
      const bool same_cluster = r.cluster[i] == r.cluster[j];
      const bool same_event = event_of[i] == event_of[j];
      merged += same_cluster;
      true_pairs += same_event;
      correct += same_cluster && same_event;
    }
  }
  std::vector<bool> reviewed(records.size(), false);
  for (const MatchEvidence& e : r.review) reviewed[e.a] = reviewed[e.b] = true;
  Accuracy a;
  a.precision = merged ? double(correct) / merged : 1;
  a.recall = true_pairs ? double(correct) / true_pairs : 1;
  a.review_share =
      double(std::count(reviewed.begin(), reviewed.end(), true)) / records.size();
  return a;
}

TEST(MatchEvents, SampleFolder) {
  const Accuracy a = MeasureFolder(CASEFILE_SOURCE_DIR "/tests/data/legacy/sample");
  EXPECT_EQ(a.precision, 1.0);
  EXPECT_GE(a.recall, 0.98);
  EXPECT_LE(a.review_share, 0.05);
}

TEST(MatchEvents, GeneratedFolder) {
  ScratchDir folder;
  legacy_generator::GeneratorOptions options;
  options.cases = 40;
  options.seed = 77;
  ASSERT_TRUE(legacy_generator::GenerateLegacyFolder(options, folder.path()).ok());
  const Accuracy a = MeasureFolder(folder.path());
  EXPECT_GE(a.precision, 0.995);
  EXPECT_GE(a.recall, 0.98);
  EXPECT_LE(a.review_share, 0.03);
}

}  // namespace
}  // namespace casefile::migration
