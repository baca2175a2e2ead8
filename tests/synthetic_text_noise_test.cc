// Tests of the generator's text noise, date forms and Windows-1252 encoding:
// the noise must never break what a reader relies on (UTF-8, digits, lines
// of a log that could be taken for a new entry).
#include <string>

#include "absl/strings/str_split.h"
#include "core/time/partial_time.h"
#include "gtest/gtest.h"
#include "migration/readers/text_decoding.h"
#include "tools/legacy_generator/date_forms.h"
#include "tools/legacy_generator/file_sink.h"
#include "tools/legacy_generator/text_noise.h"

namespace casefile::legacy_generator {
namespace {

using migration::DecodeLegacyText;
using migration::IsValidUtf8;

constexpr char kText[] =
    "Siân Núñez disclosed that Darren Sankey had slapped her on 12/11/2012. Cash of £40 found "
    "in Siân's bedroom. Crime record 22/45871/12 updated. Decision: S47 threshold met; SW Helen "
    "Carr to lead. Nov 2012 review at 10:30 agreed.";

std::string Digits(const std::string& s) {
  std::string digits;
  for (char c : s) {
    if (c >= '0' && c <= '9') digits.push_back(c);
  }
  return digits;
}

TEST(SyntheticTextNoise, TyposKeepUtf8AndDigits) {
  for (uint64_t seed = 0; seed < 300; ++seed) {
    Random random(seed);
    const std::string typed = AddTypos(kText, 6, random);
    EXPECT_TRUE(IsValidUtf8(typed)) << typed;
    EXPECT_EQ(Digits(typed), Digits(kText)) << typed;
  }
}

TEST(SyntheticTextNoise, ReflowNeverStartsALineWithADate) {
  for (int width = 8; width < 80; ++width) {
    const std::string flowed = Reflow(kText, width, "  \n");
    for (absl::string_view line : absl::StrSplit(flowed, '\n')) {
      const std::string_view view(line.data(), line.size());
      EXPECT_FALSE(ParsePartialTimePrefix(view).ok()) << "width " << width << ": " << line;
    }
    std::string rejoined = flowed;
    for (size_t at; (at = rejoined.find("  \n")) != std::string::npos;) {
      rejoined.replace(at, 3, " ");
    }
    EXPECT_EQ(rejoined, kText);
  }
}

TEST(SyntheticTextNoise, CutShortKeepsUtf8) {
  for (uint64_t seed = 0; seed < 300; ++seed) {
    Random random(seed);
    const std::string cut = CutShort("ÀÉÎÕÜ àéîõü £££ ’’’ ÀÉÎÕÜ àéîõü", random);
    EXPECT_TRUE(IsValidUtf8(cut)) << cut;
  }
}

TEST(SyntheticTextNoise, CapitalsAndQuotes) {
  EXPECT_EQ(ToUpperText("Zoë Núñez's £5"), "ZOË NÚÑEZ'S £5");
  EXPECT_EQ(CapitaliseWords("Zoë Maddox's brother Maddoxx; Maddox.", {"Maddox"}),
            "Zoë MADDOX's brother Maddoxx; MADDOX.");
  EXPECT_EQ(CurlyQuotes("She said \"don't\" twice"), "She said \u201Cdon\u2019t\u201D twice");
}

TEST(SyntheticTextNoise, Windows1252CoversWhatTheGeneratorWrites) {
  EXPECT_EQ(Utf8ToWindows1252("Zoë £ \u2019\u201C\u201D \u2013 \u2026"),
            "Zo\xEB \xA3 \x92\x93\x94 \x96 \x85");
  EXPECT_EQ(DecodeLegacyText(Utf8ToWindows1252("Siân José £")).text, "Siân José £");
}

TEST(SyntheticDateForms, EveryFormParsesBackToTheSameDay) {
  const absl::CivilMinute when(2012, 11, 3, 14, 5);
  for (uint64_t seed = 0; seed < 200; ++seed) {
    Random random(seed);
    const std::string text = DayInSomeForm(absl::CivilDay(when), true, random) + " " +
                             TimeInSomeForm(when, true, random);
    absl::StatusOr<PartialTime> parsed = ParsePartialTime(text);
    ASSERT_TRUE(parsed.ok()) << text << ": " << parsed.status();
    EXPECT_EQ(*parsed, (PartialTime{TimePrecision::kMinute, 2012, 11, 3, 14, 5})) << text;
  }
  absl::StatusOr<PartialTime> month = ParsePartialTime(MonthAndYear(absl::CivilDay(when)));
  ASSERT_TRUE(month.ok());
  EXPECT_EQ(*month, (PartialTime{TimePrecision::kMonth, 2012, 11, 0, 0, 0}));
  EXPECT_EQ(IsoSecond(absl::CivilSecond(2012, 1, 2, 3, 4, 5)), "2012-01-02 03:04:05");
  EXPECT_EQ(DateOfBirth(absl::CivilDay(2008, 4, 3), true), "20080403");
}

}  // namespace
}  // namespace casefile::legacy_generator
