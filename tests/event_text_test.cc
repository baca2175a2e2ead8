#include "migration/match/event_text.h"

#include <vector>

#include "gtest/gtest.h"
#include "migration/match/event_time.h"
#include "migration/match/minhash.h"

namespace casefile::migration {
namespace {

PartialTime Day(int y, int m, int d) { return {TimePrecision::kDay, y, m, d}; }
PartialTime Minute(int y, int m, int d, int h, int mi) {
  return {TimePrecision::kMinute, y, m, d, h, mi};
}
PartialTime Month(int y, int m) { return {TimePrecision::kMonth, y, m}; }

TEST(NormaliseEventText, CopyAndPasteNoiseDisappears) {
  EXPECT_EQ(NormaliseEventText("UPDATE \xE2\x80\x93 Tyler BEVAN seen,\nno concerns\xE2\x80\xA6"),
            "tyler bevan seen no concerns");
  EXPECT_EQ(NormaliseEventText("Further to previous: OIC update. Visit at 14:30."),
            "visit at 14 30");
  EXPECT_EQ(NormaliseEventText("Log entry: Zo\xC3\xAB said \xE2\x80\x9CI\xE2\x80\x99m ok\xE2\x80\x9D"),
            "zoe said i m ok");
  EXPECT_EQ(NormaliseEventText("Referral from school [continued in log]"),
            "referral from school");
  EXPECT_EQ(NormaliseEventText("Update"), "update");  // never the whole text
  EXPECT_EQ(NormaliseEventText("  ...  "), "");
}

TEST(ExtractEventTextFeatures, RecognisesTextsCutShort) {
  EXPECT_FALSE(ExtractEventTextFeatures("Seen at home. No concerns.").ends_abruptly);
  EXPECT_FALSE(ExtractEventTextFeatures("She said \"no\"  \n").ends_abruptly);
  EXPECT_FALSE(ExtractEventTextFeatures("Seen (alone)").ends_abruptly);
  EXPECT_TRUE(ExtractEventTextFeatures("Seen at home. No conc").ends_abruptly);
  EXPECT_TRUE(ExtractEventTextFeatures("Seen at home...").ends_abruptly);
  EXPECT_TRUE(ExtractEventTextFeatures("Seen at home \xE2\x80\xA6").ends_abruptly);
  EXPECT_TRUE(ExtractEventTextFeatures("Seen at [continued in log]").ends_abruptly);
}

TEST(ExtractEventTextFeatures, CopiesShareTheirShinglesAndHashes) {
  const EventTextFeatures a = ExtractEventTextFeatures(
      "Weekly welfare check at 17 Eign Street, Hereford. Tyler Bevan seen alone.");
  const EventTextFeatures b = ExtractEventTextFeatures(
      "UPDATE - Weekly welfare check at 17 Eign Street,\nHereford.  Tyler BEVAN seen alone.");
  EXPECT_EQ(a.text_hash, b.text_hash);
  EXPECT_EQ(a.head_hash, b.head_hash);
  EXPECT_EQ(a.shingles, b.shingles);
  EXPECT_EQ(a.opening, "weekly welfare ");
  EXPECT_EQ(a.closing, "evan seen alone");
  EXPECT_EQ(SharedShingles(a, b), static_cast<int>(a.shingles.size()));
  EXPECT_TRUE(std::is_sorted(a.shingles.begin(), a.shingles.end()));
  EXPECT_TRUE(std::adjacent_find(a.shingles.begin(), a.shingles.end()) == a.shingles.end());

  const EventTextFeatures typo = ExtractEventTextFeatures(
      "Weekly welfare chekc at 17 Eign Stret, Hereford. Tyler Bevna seen alone.");
  EXPECT_NE(a.text_hash, typo.text_hash);
  const int shared = SharedShingles(a, typo);
  EXPECT_GT(shared, static_cast<int>(a.shingles.size()) * 3 / 4);
  EXPECT_LT(shared, static_cast<int>(a.shingles.size()));
}

TEST(ExtractEventTextFeatures, NumbersInOrder) {
  EXPECT_EQ(ExtractEventTextFeatures("Seen at 14:30 on 12/11/2012 at No. 4").numbers,
            "14 30 12 11 2012 4");
  EXPECT_EQ(ExtractEventTextFeatures("No numbers here").numbers, "");
  EXPECT_EQ(ExtractEventTextFeatures("7cm bruise, 22a").numbers, "7 22");
}

TEST(ExtractEventTextFeatures, ShortAndEmptyTexts) {
  EXPECT_TRUE(ExtractEventTextFeatures("").shingles.empty());
  EXPECT_EQ(ExtractEventTextFeatures("ok").shingles.size(), 1u);
  EXPECT_EQ(ExtractEventTextFeatures("ok").head_hash, 0u);  // fewer than 4 words
}

TEST(MinHasher, SameSetSameKeysAndSaltSeparates) {
  const MinHasher hasher(6, 2);
  const std::vector<uint32_t> set = {1, 5, 9, 100, 2000, 40000, 1u << 30};
  EXPECT_EQ(hasher.Signature(set), hasher.Signature(set));
  EXPECT_EQ(hasher.Signature(set).size(), 12u);
  EXPECT_EQ(hasher.BandKeys(set, 1), hasher.BandKeys(set, 1));
  EXPECT_EQ(hasher.BandKeys(set, 1).size(), 6u);
  const std::vector<uint64_t> one = hasher.BandKeys(set, 1);
  const std::vector<uint64_t> two = hasher.BandKeys(set, 2);
  for (size_t i = 0; i < one.size(); ++i) EXPECT_NE(one[i], two[i]);
}

TEST(MinHasher, AgreementTracksJaccard) {
  // Two sets of 2000 sharing 1000 (Jaccard 1/3) against two disjoint sets.
  std::vector<uint32_t> a, b, c;
  for (uint32_t i = 0; i < 2000; ++i) {
    a.push_back(i * 2654435761u);
    b.push_back((i + 1000) * 2654435761u);
    c.push_back((i + 5000) * 2654435761u);
  }
  const MinHasher hasher(64, 4);
  const std::vector<uint32_t> sa = hasher.Signature(a), sb = hasher.Signature(b),
                              sc = hasher.Signature(c);
  int ab = 0, ac = 0;
  for (size_t i = 0; i < sa.size(); ++i) {
    ab += sa[i] == sb[i];
    ac += sa[i] == sc[i];
  }
  EXPECT_GT(ab, 256 / 3 - 30);
  EXPECT_LT(ab, 256 / 3 + 30);
  EXPECT_LT(ac, 5);
}

TEST(EventTime, CompatibleAtTheCoarserPrecision) {
  EXPECT_TRUE(CanBeOneEvent({Day(2012, 11, 12), {}}, {Minute(2012, 11, 12, 14, 30), {}}));
  EXPECT_FALSE(CanBeOneEvent({Day(2012, 11, 12), {}}, {Day(2012, 11, 13), {}}));
  EXPECT_TRUE(CanBeOneEvent({Month(2012, 11), {}}, {Day(2012, 11, 30), {}}));
  EXPECT_TRUE(CanBeOneEvent({{}, {}}, {Day(2001, 1, 1), {}}));
  EXPECT_FALSE(CanBeOneEvent({Minute(2012, 11, 12, 9, 0), {}},
                             {Minute(2012, 11, 12, 9, 5), {}}));
}

TEST(EventTime, NothingHappenedAfterItWasWrittenDown) {
  const EventWhen entered{{}, Minute(2012, 11, 12, 9, 0)};
  EXPECT_FALSE(CanBeOneEvent(entered, {Day(2012, 11, 13), {}}));
  EXPECT_FALSE(CanBeOneEvent(entered, {Minute(2012, 11, 12, 9, 1), {}}));
  EXPECT_TRUE(CanBeOneEvent(entered, {Day(2012, 11, 12), {}}));  // maybe earlier
  EXPECT_TRUE(CanBeOneEvent(entered, {Minute(2012, 11, 12, 8, 59), {}}));
  EXPECT_TRUE(CanBeOneEvent(entered, {Month(2012, 11), {}}));
  EXPECT_TRUE(CertainlyAfter(Month(2012, 12), Minute(2012, 11, 30, 23, 59)));
  EXPECT_FALSE(CertainlyAfter({}, Minute(2012, 11, 30, 23, 59)));
}

TEST(EventTime, CombineKeepsTheFinerTimeAndTheEarlierBound) {
  const EventWhen a{Day(2012, 11, 12), Minute(2012, 11, 14, 10, 0)};
  const EventWhen b{Minute(2012, 11, 12, 9, 30), Minute(2012, 11, 13, 8, 0)};
  const EventWhen c = Combine(a, b);
  EXPECT_EQ(c.occurred, Minute(2012, 11, 12, 9, 30));
  EXPECT_EQ(c.not_after, Minute(2012, 11, 13, 8, 0));
  EXPECT_EQ(Combine(b, EventWhen{}).not_after, b.not_after);
}

}  // namespace
}  // namespace casefile::migration
