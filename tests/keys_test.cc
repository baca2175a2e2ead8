#include "storage/keys.h"

#include "absl/strings/match.h"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace casefile::storage::keys {
namespace {

// Values around every byte boundary, plus the extremes.
std::vector<uint64_t> InterestingValues() {
  std::vector<uint64_t> values = {0, 1, 2, 127, 128, 255, 256, 257, 65535, 65536,
                                  std::numeric_limits<uint64_t>::max()};
  for (int shift = 8; shift < 64; shift += 8) {
    uint64_t p = uint64_t{1} << shift;
    values.insert(values.end(), {p - 1, p, p + 1});
  }
  values.push_back(uint64_t{1} << 32);
  values.push_back(uint64_t{1} << 63);
  values.push_back((uint64_t{1} << 63) - 1);
  values.push_back((uint64_t{1} << 63) + 1);
  // A deterministic spread of other values (xorshift).
  uint64_t x = 88172645463325252ull;
  for (int i = 0; i < 2000; ++i) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    values.push_back(x >> (i % 64));
  }
  return values;
}

TEST(KeysTest, Be64RoundTripsAndIsEightBytes) {
  for (uint64_t v : InterestingValues()) {
    std::string encoded = EncodeBe64(v);
    ASSERT_EQ(encoded.size(), 8u);
    EXPECT_EQ(DecodeBe64(encoded), v);
  }
}

TEST(KeysTest, Be64IsBigEndian) {
  EXPECT_EQ(EncodeBe64(0), std::string(8, '\0'));
  EXPECT_EQ(EncodeBe64(255), std::string("\0\0\0\0\0\0\0\xff", 8));
  EXPECT_EQ(EncodeBe64(256), std::string("\0\0\0\0\0\0\x01\0", 8));
  EXPECT_EQ(EncodeBe64(uint64_t{1} << 63), std::string("\x80\0\0\0\0\0\0\0", 8));
}

TEST(KeysTest, Be64ByteOrderIsNumericOrder) {
  std::vector<uint64_t> values = InterestingValues();
  std::sort(values.begin(), values.end());
  values.erase(std::unique(values.begin(), values.end()), values.end());
  for (size_t i = 1; i < values.size(); ++i) {
    EXPECT_LT(EncodeBe64(values[i - 1]), EncodeBe64(values[i]))
        << values[i - 1] << " vs " << values[i];
  }
}

TEST(KeysTest, DecodeBe64RejectsWrongSizes) {
  EXPECT_EQ(DecodeBe64(""), std::nullopt);
  EXPECT_EQ(DecodeBe64(std::string(7, '\0')), std::nullopt);
  EXPECT_EQ(DecodeBe64(std::string(9, '\0')), std::nullopt);
  EXPECT_EQ(DecodeBe64(std::string(8, '\0')), 0u);
}

TEST(KeysTest, EntryKeysOfOneCaseSortByNumber) {
  std::vector<uint64_t> numbers = {1, 2, 9, 10, 255, 256, 1000, 65536, uint64_t{1} << 32};
  for (size_t i = 1; i < numbers.size(); ++i) {
    EXPECT_LT(Entry("A", numbers[i - 1]), Entry("A", numbers[i]));
  }
  for (uint64_t n : numbers) {
    EXPECT_EQ(EntryNumber(Entry("CF-000001", n)), n);
  }
}

// Case "A" must own a contiguous key range that case "A-1" (whose id has "A"
// as a prefix) never enters, whatever the entry numbers.
TEST(KeysTest, EntriesOfPrefixCasesNeverInterleave) {
  std::vector<std::string> all;
  for (const char* id : {"A", "A-1", "A1", "AB", "B"}) {
    for (uint64_t n : {uint64_t{1}, uint64_t{2}, uint64_t{45}, uint64_t{256}, uint64_t{1} << 40,
                       std::numeric_limits<uint64_t>::max()}) {
      all.push_back(Entry(id, n));
    }
  }
  std::sort(all.begin(), all.end());
  const std::string a_prefix = EntryPrefix("A");
  auto in_a = [&](const std::string& k) {
    return k.compare(0, a_prefix.size(), a_prefix) == 0 && k.size() == a_prefix.size() + 8;
  };
  auto first = std::find_if(all.begin(), all.end(), in_a);
  ASSERT_NE(first, all.end());
  auto past = std::find_if_not(first, all.end(), in_a);
  EXPECT_EQ(past - first, 6);
  EXPECT_EQ(std::find_if(past, all.end(), in_a), all.end());
  // And no key of another case starts with A's entry prefix.
  for (const std::string& k : all) {
    if (k.compare(0, a_prefix.size(), a_prefix) == 0) {
      EXPECT_TRUE(in_a(k));
    }
  }
}

TEST(KeysTest, TablesHaveDistinctTags) {
  std::vector<std::string> keys = {
      Meta("x"),         Case("x"),          Entry("x", 1),         Supersession("x", 1),
      Request("x", "y"), RefIndex("x", "y"), NameIndex("x", "y"),   AuditRecord(1),
      LegacyEvent("x"),  Source("x", 1, "y"), PersonRecord("x"),     Person("x"),
      PersonToken("x", "y"), ReviewItem("x"), Decision("x", "y"),   Import("x")};
  std::vector<char> tags;
  for (const std::string& k : keys) {
    ASSERT_GE(k.size(), 2u);
    EXPECT_EQ(k[1], '\0');
    tags.push_back(k[0]);
  }
  EXPECT_THAT(tags, ::testing::ElementsAre('m', 'c', 'e', 's', 'r', 'x', 'n', 'A', 'l', 'S', 'p',
                                           'P', 'Q', 'V', 'D', 'I'));
}

TEST(KeysTest, PrefixesArePrefixesOfTheirKeys) {
  EXPECT_EQ(Case("CF-1").rfind(CasePrefix(), 0), 0u);
  EXPECT_EQ(Entry("CF-1", 7).rfind(EntryPrefix("CF-1"), 0), 0u);
  EXPECT_EQ(RefIndex("CR/1", "CF-1").rfind(RefIndexPrefix("CR/1"), 0), 0u);
  EXPECT_EQ(NameIndex("watson", "CF-1").rfind(NameIndexPrefix("watson"), 0), 0u);
  EXPECT_EQ(AuditRecord(3).rfind(AuditRecordPrefix(), 0), 0u);
}

TEST(KeysTest, IndexKeysNormaliseCase) {
  EXPECT_EQ(RefIndex("cr/12/ab", "CF-1"), RefIndex("CR/12/AB", "CF-1"));
  EXPECT_EQ(RefIndexPrefix("cr/12/ab"), RefIndexPrefix("CR/12/AB"));
  EXPECT_EQ(NameIndex("WATSON", "CF-1"), NameIndex("watson", "CF-1"));
  EXPECT_EQ(NameIndexPrefix("Watson"), NameIndexPrefix("watson"));
  // The case id itself is kept as given.
  EXPECT_TRUE(absl::EndsWith(RefIndex("cr", "Cf-1"), std::string("\0Cf-1", 5)));
}

TEST(KeysTest, AuditKeysSortBySequence) {
  EXPECT_LT(AuditRecord(1), AuditRecord(2));
  EXPECT_LT(AuditRecord(255), AuditRecord(256));
  EXPECT_LT(AuditRecord(uint64_t{1} << 32), AuditRecord(uint64_t{1} << 63));
}

}  // namespace
}  // namespace casefile::storage::keys

namespace casefile::storage {
namespace {

TEST(KeysTest, LongLocatorsStayWithinLmdbKeyLimitAndDistinct) {
  const std::string folder(600, 'd');
  const std::string a = folder + "/log.docx#entry=1", b = folder + "/log.docx#entry=2";
  for (const std::string& key : {keys::LegacyEvent(a), keys::Source("C-1", 7, a), keys::PersonRecord(a),
                                 keys::Decision(a, b)}) {
    EXPECT_LE(key.size(), 511u);
  }
  EXPECT_NE(keys::LegacyEvent(a), keys::LegacyEvent(b));
  EXPECT_NE(keys::Source("C-1", 7, a), keys::Source("C-1", 7, b));
  EXPECT_EQ(keys::Decision(a, b), keys::Decision(b, a));
  // Short locators are kept as they are.
  EXPECT_EQ(keys::LegacyEvent("paper/x.csv#row=1"), std::string("l\0paper/x.csv#row=1", 19));
}

}  // namespace
}  // namespace casefile::storage
