#include "core/partial_time.h"

#include <algorithm>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_format.h"
#include "absl/time/civil_time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace casefile {
namespace {

using ::testing::HasSubstr;

PartialTime Minute(int y, int mo, int d, int h, int mi) {
  return {TimePrecision::kMinute, y, mo, d, h, mi};
}
PartialTime Day(int y, int mo, int d) { return {TimePrecision::kDay, y, mo, d, 0, 0}; }
PartialTime Month(int y, int mo) { return {TimePrecision::kMonth, y, mo, 0, 0, 0}; }

PartialTime MustParse(std::string_view text) {
  absl::StatusOr<PartialTime> t = ParsePartialTime(text);
  EXPECT_TRUE(t.ok()) << text << ": " << t.status();
  return t.value_or(PartialTime{});
}

TEST(ParsePartialTime, DocumentedForms) {
  EXPECT_EQ(MustParse("12/11/2012"), Day(2012, 11, 12));
  EXPECT_EQ(MustParse("12/11/12"), Day(2012, 11, 12));
  EXPECT_EQ(MustParse("12.11.2012"), Day(2012, 11, 12));
  EXPECT_EQ(MustParse("12-11-2012"), Day(2012, 11, 12));
  EXPECT_EQ(MustParse("12 Nov 2012"), Day(2012, 11, 12));
  EXPECT_EQ(MustParse("12th November 2012"), Day(2012, 11, 12));
  EXPECT_EQ(MustParse("1st Sept 2012"), Day(2012, 9, 1));
  EXPECT_EQ(MustParse("2nd feb 2012"), Day(2012, 2, 2));
  EXPECT_EQ(MustParse("3rd MAR 2012"), Day(2012, 3, 3));
  EXPECT_EQ(MustParse("12-Nov-2012"), Day(2012, 11, 12));
  EXPECT_EQ(MustParse("12 Nov. 2012"), Day(2012, 11, 12));
  EXPECT_EQ(MustParse("12 November, 2012"), Day(2012, 11, 12));
  EXPECT_EQ(MustParse("Nov 2012"), Month(2012, 11));
  EXPECT_EQ(MustParse("September 2010"), Month(2010, 9));
  EXPECT_EQ(MustParse("2012-11-12"), Day(2012, 11, 12));
  EXPECT_EQ(MustParse("20121112"), Day(2012, 11, 12));
  EXPECT_EQ(MustParse("1/2/2012"), Day(2012, 2, 1));
}

TEST(ParsePartialTime, Times) {
  EXPECT_EQ(MustParse("12/11/2012 14:30"), Minute(2012, 11, 12, 14, 30));
  EXPECT_EQ(MustParse("12/11/2012 1430"), Minute(2012, 11, 12, 14, 30));
  EXPECT_EQ(MustParse("12/11/2012 1430hrs"), Minute(2012, 11, 12, 14, 30));
  EXPECT_EQ(MustParse("12/11/2012 1430 hrs"), Minute(2012, 11, 12, 14, 30));
  EXPECT_EQ(MustParse("12/11/2012 1430HRS"), Minute(2012, 11, 12, 14, 30));
  EXPECT_EQ(MustParse("12/11/2012 14.30"), Minute(2012, 11, 12, 14, 30));
  EXPECT_EQ(MustParse("12/11/2012 9:05"), Minute(2012, 11, 12, 9, 5));
  EXPECT_EQ(MustParse("12/11/2012, 0000"), Minute(2012, 11, 12, 0, 0));
  EXPECT_EQ(MustParse("12.12.2010 1410"), Minute(2010, 12, 12, 14, 10));
  EXPECT_EQ(MustParse("9th July 2010 1210hrs"), Minute(2010, 7, 9, 12, 10));
  EXPECT_EQ(MustParse("20th June 2010 13:30"), Minute(2010, 6, 20, 13, 30));
  EXPECT_EQ(MustParse("2012-11-12 14:30"), Minute(2012, 11, 12, 14, 30));
  EXPECT_EQ(MustParse("2012-11-12 14:30:59"), Minute(2012, 11, 12, 14, 30));
  EXPECT_EQ(MustParse("2012-11-12T23:59"), Minute(2012, 11, 12, 23, 59));
  EXPECT_EQ(MustParse("2012-06-15 14:52:00"), Minute(2012, 6, 15, 14, 52));
}

TEST(ParsePartialTime, UnknownAndWhitespace) {
  EXPECT_EQ(MustParse(""), PartialTime{});
  EXPECT_EQ(MustParse("   "), PartialTime{});
  EXPECT_EQ(MustParse("unknown"), PartialTime{});
  EXPECT_EQ(MustParse("UNKNOWN"), PartialTime{});
  EXPECT_EQ(MustParse("  12/11/2012 14:30\t"), Minute(2012, 11, 12, 14, 30));
}

TEST(ParsePartialTime, TwoDigitYearPivot) {
  EXPECT_EQ(MustParse("01/01/00").year, 2000);
  EXPECT_EQ(MustParse("01/01/49").year, 2049);
  EXPECT_EQ(MustParse("01/01/50").year, 1950);
  EXPECT_EQ(MustParse("01/01/99").year, 1999);
  EXPECT_EQ(MustParse("1 Jan 85").year, 1985);
}

TEST(ParsePartialTime, RejectsImpossibleDatesNamingThem) {
  absl::StatusOr<PartialTime> t = ParsePartialTime("31/02/2012");
  ASSERT_TRUE(absl::IsInvalidArgument(t.status()));
  EXPECT_EQ(t.status().message(), "'31/02/2012' is not a date");
  for (std::string_view bad :
       {"29/02/2011", "29/02/1900", "00/01/2012", "01/00/2012", "01/13/2012", "32/01/2012",
        "2012-02-30", "31 Apr 2012", "20120230", "20121301", "01/01/1799", "01/01/2200",
        "0th Jan 2012"}) {
    EXPECT_TRUE(absl::IsInvalidArgument(ParsePartialTime(bad).status())) << bad;
  }
  EXPECT_EQ(MustParse("29/02/2012"), Day(2012, 2, 29));
  EXPECT_EQ(MustParse("29/02/2000"), Day(2000, 2, 29));
}

TEST(ParsePartialTime, RejectsImpossibleTimes) {
  absl::StatusOr<PartialTime> t = ParsePartialTime("12/11/2012 25:00");
  ASSERT_TRUE(absl::IsInvalidArgument(t.status()));
  EXPECT_EQ(t.status().message(), "'25:00' is not a time");
  EXPECT_EQ(ParsePartialTime("12/11/2012 2400").status().message(), "'2400' is not a time");
  EXPECT_EQ(ParsePartialTime("12/11/2012 1260hrs").status().message(),
            "'1260hrs' is not a time");
  EXPECT_FALSE(ParsePartialTime("2012-11-12 14:30:60").ok());
}

TEST(ParsePartialTime, RejectsOtherText) {
  for (std::string_view bad :
       {"yesterday", "12/11", "12 Nov", "Nov", "12/11/201", "12/11/20123", "12/11.2012",
        "12/11/2012 and more", "12/11/2012 143", "12/11/2012 14:3", "1430", "14:30",
        "Nov 12", "Nov 85", "12 Novem 2012", "12Nov2012", "2012/11/12", "2012-11",
        "22/45871/12", "1211201", "121120121", "n/k", "12/11/2012T14:30"}) {
    absl::StatusOr<PartialTime> t = ParsePartialTime(bad);
    EXPECT_TRUE(absl::IsInvalidArgument(t.status())) << bad;
  }
  EXPECT_EQ(ParsePartialTime("yesterday").status().message(), "'yesterday' is not a date");
}

TEST(ParsePartialTime, LongInputIsQuotedShort) {
  std::string long_text(200, 'x');
  std::string message(ParsePartialTime(long_text).status().message());
  EXPECT_EQ(message, "'" + std::string(40, 'x') + "...' is not a date");
  // The cut never splits a UTF-8 sequence: 39 ASCII bytes then a 2-byte 'ë'.
  std::string utf8 = std::string(39, 'a') + "\xC3\xAB" + "zzz";
  EXPECT_EQ(ParsePartialTime(utf8).status().message(),
            "'" + std::string(39, 'a') + "...' is not a date");
}

// Every day of every month over a span of years, in every numeric and named
// form, against absl's civil calendar.
TEST(ParsePartialTime, ExhaustiveCalendarAgreesWithAbsl) {
  static constexpr const char* kMonthNames[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  int valid = 0;
  for (int y : {1899, 1900, 1970, 1999, 2000, 2004, 2010, 2011, 2012, 2013, 2100}) {
    for (int m = 1; m <= 12; ++m) {
      for (int d = 0; d <= 32; ++d) {
        absl::CivilDay civil(y, m, d);
        bool real = civil.year() == y && civil.month() == m && civil.day() == d;
        for (const std::string& text :
             {absl::StrFormat("%02d/%02d/%04d", d, m, y), absl::StrFormat("%d.%d.%04d", d, m, y),
              absl::StrFormat("%04d-%02d-%02d", y, m, d), absl::StrFormat("%04d%02d%02d", y, m, d),
              absl::StrFormat("%d %s %04d", d, kMonthNames[m - 1], y)}) {
          absl::StatusOr<PartialTime> t = ParsePartialTime(text);
          ASSERT_EQ(t.ok(), real) << text;
          if (real) {
            EXPECT_EQ(*t, Day(y, m, d)) << text;
            ++valid;
          }
        }
      }
    }
  }
  EXPECT_EQ(valid, 5 * (11 * 365 + 3));  // leap days in 2000, 2004 and 2012
}

// Every minute of the day in both numeric forms, and every invalid
// hour/minute pair up to 99:99.
TEST(ParsePartialTime, ExhaustiveClock) {
  for (int h = 0; h <= 99; ++h) {
    for (int mi = 0; mi <= 99; ++mi) {
      bool real = h <= 23 && mi <= 59;
      for (const std::string& text : {absl::StrFormat("01/02/2012 %02d:%02d", h, mi),
                                      absl::StrFormat("01/02/2012 %02d%02dhrs", h, mi)}) {
        absl::StatusOr<PartialTime> t = ParsePartialTime(text);
        ASSERT_EQ(t.ok(), real) << text;
        if (real) {
          EXPECT_EQ(*t, Minute(2012, 2, 1, h, mi));
        }
      }
    }
  }
}

TEST(ParsePartialTimePrefix, LogLineStarts) {
  absl::StatusOr<PartialTimePrefix> p = ParsePartialTimePrefix("13/11/2012 14:00 - Visited");
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->time, Minute(2012, 11, 13, 14, 0));
  EXPECT_EQ(p->length, 16u);

  p = ParsePartialTimePrefix("07/07/2010 1836 Telephone call");
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->time, Minute(2010, 7, 7, 18, 36));
  EXPECT_EQ(p->length, 15u);

  p = ParsePartialTimePrefix("28/08/10 1130hrs: Strategy");
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->time, Minute(2010, 8, 28, 11, 30));
  EXPECT_EQ(p->length, 16u);

  // A number that is not a time at a word boundary stays text.
  p = ParsePartialTimePrefix("12/11/2012 13 children");
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->time, Day(2012, 11, 12));
  EXPECT_EQ(p->length, 10u);
  p = ParsePartialTimePrefix("12/11/2012 1430abc");
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->length, 10u);
  p = ParsePartialTimePrefix("12/11/2012 1430 home visit");
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->time, Minute(2012, 11, 12, 14, 30));
  EXPECT_EQ(p->length, 15u);

  p = ParsePartialTimePrefix("Nov 2012 - review");
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->time, Month(2012, 11));
  EXPECT_EQ(p->length, 8u);
}

TEST(ParsePartialTimePrefix, NotFoundVersusInvalid) {
  for (std::string_view text : {"", "Received referral", "22/45871/12 cross-referenced",
                                "12 months later", "3/4 of the way", "1.5 hours", "May the"}) {
    EXPECT_TRUE(absl::IsNotFound(ParsePartialTimePrefix(text).status())) << text;
  }
  absl::StatusOr<PartialTimePrefix> p = ParsePartialTimePrefix("31/02/2012 1000 text");
  EXPECT_TRUE(absl::IsInvalidArgument(p.status()));
  EXPECT_EQ(p.status().message(), "'31/02/2012' is not a date");
  p = ParsePartialTimePrefix("12/11/2012 2590 text");
  EXPECT_EQ(p.status().message(), "'2590' is not a time");
}

TEST(FormatPartialTime, EachPrecision) {
  EXPECT_EQ(FormatPartialTime(Minute(2012, 11, 12, 14, 30)), "2012-11-12 14:30");
  EXPECT_EQ(FormatPartialTime(Day(2012, 1, 2)), "2012-01-02");
  EXPECT_EQ(FormatPartialTime(Month(2012, 11)), "2012-11");
  EXPECT_EQ(FormatPartialTime(PartialTime{}), "unknown");
}

TEST(FormatPartialTime, RoundTripsThroughParse) {
  for (const PartialTime& t : {Minute(2012, 11, 12, 14, 30), Minute(1999, 1, 1, 0, 0),
                               Day(2012, 2, 29), PartialTime{}}) {
    EXPECT_EQ(MustParse(FormatPartialTime(t)), t);
  }
}

TEST(CompatibleTimes, AgreeDownToTheCoarserPrecision) {
  const PartialTime unknown;
  EXPECT_TRUE(CompatibleTimes(unknown, Minute(2012, 11, 12, 14, 30)));
  EXPECT_TRUE(CompatibleTimes(Minute(2012, 11, 12, 14, 30), unknown));
  EXPECT_TRUE(CompatibleTimes(unknown, unknown));
  EXPECT_TRUE(CompatibleTimes(Month(2012, 11), Day(2012, 11, 30)));
  EXPECT_TRUE(CompatibleTimes(Month(2012, 11), Minute(2012, 11, 1, 0, 0)));
  EXPECT_FALSE(CompatibleTimes(Month(2012, 11), Day(2012, 12, 1)));
  EXPECT_FALSE(CompatibleTimes(Month(2012, 11), Month(2011, 11)));
  EXPECT_TRUE(CompatibleTimes(Day(2012, 11, 12), Minute(2012, 11, 12, 23, 59)));
  EXPECT_FALSE(CompatibleTimes(Day(2012, 11, 12), Minute(2012, 11, 13, 0, 0)));
  EXPECT_TRUE(CompatibleTimes(Minute(2012, 11, 12, 14, 30), Minute(2012, 11, 12, 14, 30)));
  EXPECT_FALSE(CompatibleTimes(Minute(2012, 11, 12, 14, 30), Minute(2012, 11, 12, 14, 31)));
  EXPECT_FALSE(CompatibleTimes(Minute(2012, 11, 12, 14, 30), Minute(2012, 11, 12, 15, 30)));
}

TEST(SortKey, OrdersByTimeCoarserFirstUnknownLast) {
  std::vector<PartialTime> in_order = {
      Month(2011, 12),          Day(2011, 12, 31),          Minute(2011, 12, 31, 23, 59),
      Month(2012, 1),           Day(2012, 1, 1),            Minute(2012, 1, 1, 0, 0),
      Minute(2012, 1, 1, 0, 1), Minute(2012, 1, 1, 23, 59), Day(2012, 1, 2),
      Month(2012, 2),           PartialTime{}};
  for (size_t i = 1; i < in_order.size(); ++i) {
    EXPECT_LT(SortKey(in_order[i - 1]), SortKey(in_order[i])) << i;
  }
  std::vector<PartialTime> shuffled(in_order.rbegin(), in_order.rend());
  std::sort(shuffled.begin(), shuffled.end(), [](const PartialTime& a, const PartialTime& b) {
    return SortKey(a) < SortKey(b);
  });
  EXPECT_EQ(shuffled, in_order);
}

}  // namespace
}  // namespace casefile
