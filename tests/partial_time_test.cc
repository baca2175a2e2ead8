#include "core/time/partial_time.h"

#include "core/time/partial_time_proto.h"

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
PartialTime Year(int y) { return {TimePrecision::kYear, y, 0, 0, 0, 0}; }

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
  EXPECT_EQ(FormatPartialTime(Year(2010)), "2010");
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
  EXPECT_TRUE(CompatibleTimes(Year(2012), Month(2012, 11)));
  EXPECT_TRUE(CompatibleTimes(Year(2012), Minute(2012, 1, 1, 0, 0)));
  EXPECT_TRUE(CompatibleTimes(Day(2012, 12, 31), Year(2012)));
  EXPECT_FALSE(CompatibleTimes(Year(2012), Day(2013, 1, 1)));
  EXPECT_FALSE(CompatibleTimes(Year(2012), Year(2011)));
}

TEST(PartialTimeProto, EachPrecisionRoundTripsWithItsWireNumber) {
  EXPECT_EQ(ToProto(Year(2010)).precision(), v1::PartialTime::PRECISION_YEAR);
  EXPECT_EQ(static_cast<int>(v1::PartialTime::PRECISION_YEAR), 4);  // appended, not renumbered
  EXPECT_EQ(ToProto(Month(2010, 7)).precision(), v1::PartialTime::PRECISION_MONTH);
  EXPECT_EQ(ToProto(Day(2010, 7, 1)).precision(), v1::PartialTime::PRECISION_DAY);
  EXPECT_EQ(ToProto(Minute(2010, 7, 1, 9, 5)).precision(), v1::PartialTime::PRECISION_MINUTE);
  EXPECT_EQ(ToProto(PartialTime{}).precision(), v1::PartialTime::PRECISION_UNSPECIFIED);
  for (const PartialTime& t :
       {Year(2010), Month(2010, 7), Day(2010, 7, 1), Minute(2010, 7, 1, 9, 5), PartialTime{}}) {
    EXPECT_EQ(FromProto(ToProto(t)), t);
  }
  // A wire number this build does not know reads as unknown.
  v1::PartialTime future;
  future.set_precision(static_cast<v1::PartialTime::Precision>(9));
  EXPECT_EQ(FromProto(future).precision, TimePrecision::kUnknown);
}

TEST(TimePrecision, OrderedCoarseToFine) {
  EXPECT_LT(TimePrecision::kUnknown, TimePrecision::kYear);
  EXPECT_LT(TimePrecision::kYear, TimePrecision::kMonth);
  EXPECT_LT(TimePrecision::kMonth, TimePrecision::kDay);
  EXPECT_LT(TimePrecision::kDay, TimePrecision::kMinute);
}

TEST(SortKey, OrdersByTimeCoarserFirstUnknownLast) {
  std::vector<PartialTime> in_order = {
      Year(2011),               Month(2011, 12),            Day(2011, 12, 31),
      Minute(2011, 12, 31, 23, 59),                          Year(2012),
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

struct Lenient {
  const char* text;
  PartialTime time;
  bool known_form;
  const char* note;
};

// Every example of issue 8 part 2, with exactly what is kept and why.
TEST(ReadPartialTimeLeniently, KeepsWhatCanBeReadAndSaysWhy) {
  const Lenient cases[] = {
      {"Jul 2010 11:10", Month(2010, 7), false,
       "month precision; a time without a day is not kept"},
      {"2010", Year(2010), false, "year precision"},
      {"c. 2010", Year(2010), false, "year precision; approximate"},
      {"approx 2010", Year(2010), false, "year precision; approximate"},
      {"12/11/2O12", Day(2012, 11, 12), false, "day precision; a letter read as a digit"},
      {"12/11/2012 at about 14.30", Day(2012, 11, 12), false,
       "day precision; the time '14.30' is approximate: not kept"},
      {"14.30 12/11/2012", Minute(2012, 11, 12, 14, 30), false, "minute precision"},
      // 12 November 2012 was a Monday: the day or the weekday is wrong.
      {"Tuesday 12th Nov 2012", Month(2012, 11), false,
       "month precision; 12 November 2012 was a Monday, not a Tuesday"},
      {"Monday 12th Nov 2012", Day(2012, 11, 12), false, "day precision"},
      {"12-Nov-12", Day(2012, 11, 12), true, ""},
      {"Nov. 2012", Month(2012, 11), true, ""},
      {"November 2012", Month(2012, 11), true, ""},
      {"12/11", PartialTime{}, false, "no date read; no year"},
      {"?/11/2012", Month(2012, 11), false, "month precision; the day is illegible"},
      {"31/02/2012", Month(2012, 2), false, "month precision; 31 February is not a day"},
      {"12/?/2012", Year(2012), false, "year precision; the month is illegible"},
      {"12/11/20?2", PartialTime{}, false, "no date read; the year is illegible"},
      {"11/2012", Month(2012, 11), false, "month precision"},
      {"12/11/2012 25:00", Day(2012, 11, 12), false, "day precision; '25:00' is not a time"},
      {"31/02/2012 1900", Month(2012, 2), false,
       "month precision; 31 February is not a day; a time without a day is not kept"},
      {"2.30pm 12/11/2012", Minute(2012, 11, 12, 14, 30), false, "minute precision"},
      {"12th of November, 2012 at 14:30", Minute(2012, 11, 12, 14, 30), false,
       "minute precision"},
      {"13/11/2012 (Tue)", Day(2012, 11, 13), false, "day precision"},
      {"12/11/2012 or 13/11/2012", Month(2012, 11), false,
       "month precision; two dates disagree: only what they share kept; some words not read"},
      {"Nov 12", PartialTime{}, false, "no date read; a month and two digits: day or year unclear"},
      {"see file", PartialTime{}, false, "no date read; no date in it; some words not read"},
      {"12/11/2012 may have been", Day(2012, 11, 12), false,
       "day precision; some words not read"},
      {"12/11/2012", Day(2012, 11, 12), true, ""},
      {"", PartialTime{}, true, ""},
      {"unknown", PartialTime{}, true, ""},
  };
  for (const Lenient& c : cases) {
    LenientPartialTime r = ReadPartialTimeLeniently(c.text);
    EXPECT_EQ(FormatPartialTime(r.time), FormatPartialTime(c.time)) << c.text;
    EXPECT_EQ(r.time, c.time) << c.text;
    EXPECT_EQ(r.known_form, c.known_form) << c.text;
    EXPECT_EQ(r.note, c.note) << c.text;
  }
}

TEST(ReadPartialTimeLeniently, NeverInventsAndReadsOnlyTheStartOfLongText) {
  // A year out of range is no year (and "1700" may be a time); a time is
  // never kept without a day.
  EXPECT_EQ(ReadPartialTimeLeniently("1700").note,
            "no date read; no date in it; some words not read");
  EXPECT_EQ(ReadPartialTimeLeniently("12/11/1700").note, "no date read; year 1700 out of range");
  EXPECT_EQ(ReadPartialTimeLeniently("Nov 2012 1430hrs").time, Month(2012, 11));
  // Only the first 256 bytes are looked at.
  std::string long_text = "12/11/2012 " + std::string(1000, 'x');
  LenientPartialTime r = ReadPartialTimeLeniently(long_text);
  EXPECT_EQ(r.time, Day(2012, 11, 12));
  EXPECT_EQ(r.note, "day precision; only the first 256 bytes read; some words not read");
  // Fifty megabytes of digits and separators: linear, and nothing invented.
  std::string big(50 * 1024 * 1024, '1');
  for (size_t i = 2; i < big.size(); i += 3) big[i] = '/';
  EXPECT_FALSE(ReadPartialTimeLeniently(big).known_form);
}

TEST(DateShapedPrefixLength, OnlyClearlyDateShapedStarts) {
  const std::pair<const char*, size_t> cases[] = {
      {"?/11/2012 - visited", 9},
      {"12/11/2O12 14:00 - rang", 16},
      {"31/02/2012 1400 text", 15},
      {"Jul 2010 11:10 - seen", 14},
      {"Tuesday 13/11/2012 - x", 18},
      {"14.30 12/11/2012 - x", 16},
      {"12/11/2012 at about 14.30 - x", 25},
      {"12 Nov 2012 text", 11},
      // Not date-shaped: prose, references, numbers.
      {"May 2012 saw a change", 0},
      {"2 visits made", 0},
      {"22/45871/12 crime ref", 0},
      {"1.2.3 of the policy", 0},
      {"10 May be", 0},
      {"2010 was the year", 0},
      {"Monday morning", 0},
      {"", 0},
  };
  for (const auto& [text, length] : cases) EXPECT_EQ(DateShapedPrefixLength(text), length) << text;
}

}  // namespace
}  // namespace casefile
