#include "migration/readers/text_decoding.h"

#include <string>

#include "gtest/gtest.h"

namespace casefile::migration {
namespace {

TEST(DecodeLegacyText, PlainUtf8IsKept) {
  DecodedText d = DecodeLegacyText("Zo\xC3\xAB Si\xC3\xA2n Jos\xC3\xA9 \xC2\xA3" "5 \xE2\x80\x9Chi\xE2\x80\x9D");
  EXPECT_EQ(d.encoding, TextEncoding::kUtf8);
  EXPECT_EQ(d.text, "Zo\xC3\xAB Si\xC3\xA2n Jos\xC3\xA9 \xC2\xA3" "5 \xE2\x80\x9Chi\xE2\x80\x9D");
}

TEST(DecodeLegacyText, BomIsDropped) {
  DecodedText d = DecodeLegacyText("\xEF\xBB\xBFrecord_ref,text\r\n");
  EXPECT_EQ(d.encoding, TextEncoding::kUtf8WithBom);
  EXPECT_EQ(d.text, "record_ref,text\n");
}

TEST(DecodeLegacyText, InvalidUtf8IsWindows1252) {
  // Zoë, £, curly quotes, en dash, euro, as a Windows PC saves them.
  DecodedText d = DecodeLegacyText("Zo\xEB \xA3" "5 \x93hi\x94 \x91x\x92 \x96 \x80 \x85");
  EXPECT_EQ(d.encoding, TextEncoding::kWindows1252);
  EXPECT_EQ(d.text,
            "Zo\xC3\xAB \xC2\xA3" "5 \xE2\x80\x9Chi\xE2\x80\x9D \xE2\x80\x98x\xE2\x80\x99 "
            "\xE2\x80\x93 \xE2\x82\xAC \xE2\x80\xA6");
}

TEST(DecodeLegacyText, EveryWindows1252HighByteBecomesOneCodePoint) {
  const std::u32string expected_c1 = {
      0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
      0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
      0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};
  for (int b = 0x80; b <= 0xFF; ++b) {
    // A lone high byte is never valid UTF-8, so the whole input is cp1252.
    DecodedText d = DecodeLegacyText(std::string(1, static_cast<char>(b)));
    ASSERT_EQ(d.encoding, TextEncoding::kWindows1252) << b;
    ASSERT_TRUE(IsValidUtf8(d.text)) << b;
    char32_t want = b < 0xA0 ? expected_c1[b - 0x80] : static_cast<char32_t>(b);
    // Decode the single UTF-8 sequence back.
    const auto* p = reinterpret_cast<const unsigned char*>(d.text.data());
    char32_t got = d.text.size() == 2 ? ((p[0] & 0x1F) << 6) | (p[1] & 0x3F)
                                      : ((p[0] & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    EXPECT_EQ(got, want) << std::hex << b;
  }
}

TEST(DecodeLegacyText, LineEnds) {
  EXPECT_EQ(DecodeLegacyText("a\r\nb\nc\r\n").text, "a\nb\nc\n");
  EXPECT_EQ(DecodeLegacyText("a\rb\r\r\n").text, "a\rb\r\n");  // lone CR kept
  EXPECT_EQ(DecodeLegacyText("caf\xE9\r\n").text, "caf\xC3\xA9\n");
  EXPECT_EQ(DecodeLegacyText("").text, "");
}

TEST(DecodeLegacyText, Utf16WithBom) {
  DecodedText le = DecodeLegacyText(std::string("\xFF\xFE" "a\0\xEB\0\r\0\n\0=\xD8\x00\xDE", 14));
  EXPECT_EQ(le.encoding, TextEncoding::kUtf16Le);
  EXPECT_EQ(le.text, "a\xC3\xAB\n\xF0\x9F\x98\x80");  // U+1F600 from a surrogate pair
  DecodedText be = DecodeLegacyText(std::string("\xFE\xFF\0a\xD8\x00\0b\0", 9));
  EXPECT_EQ(be.encoding, TextEncoding::kUtf16Be);
  EXPECT_EQ(be.text, "a\xEF\xBF\xBD" "b\xEF\xBF\xBD");  // lone surrogate, odd byte
}

TEST(IsValidUtf8, RejectsMalformedSequences) {
  EXPECT_TRUE(IsValidUtf8(""));
  EXPECT_TRUE(IsValidUtf8("plain ascii text longer than eight bytes"));
  EXPECT_TRUE(IsValidUtf8("\xF4\x8F\xBF\xBF"));  // U+10FFFF
  EXPECT_TRUE(IsValidUtf8("\xED\x9F\xBF"));      // U+D7FF
  for (std::string_view bad : {"\x80", "\xC0\xAF", "\xC1\xBF", "\xE0\x80\xAF", "\xED\xA0\x80",
                               "\xF0\x80\x80\xAF", "\xF4\x90\x80\x80", "\xF5\x80\x80\x80",
                               "\xC3", "abcdefgh\xE2\x82", "\xE2\x28\xA1", "\xFF"}) {
    EXPECT_FALSE(IsValidUtf8(bad)) << bad;
  }
}

TEST(RepairUtf8, ReplacesOnlyTheBadBytes) {
  EXPECT_EQ(RepairUtf8("Zo\xC3\xAB"), "Zo\xC3\xAB");
  EXPECT_EQ(RepairUtf8("a\xEB" "b\xED\xA0\x80" "c\xE2\x82"),
            "a\xEF\xBF\xBD" "b\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD" "c\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(RepairUtf8(""), "");
}

}  // namespace
}  // namespace casefile::migration
