#include "migration/readers/csv_parser.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace casefile::migration {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

struct Row {
  int number;
  std::vector<std::string> fields;
  std::string error;
};

std::vector<Row> ParseAll(std::string text, size_t expected_fields = 0) {
  CsvParser parser(std::move(text));
  parser.set_expected_fields(expected_fields);
  std::vector<Row> rows;
  while (const CsvRow* r = parser.Next()) {
    rows.push_back({r->number, {r->fields.begin(), r->fields.end()}, std::string(r->error)});
  }
  return rows;
}

TEST(CsvParser, PlainRowsAreNumberedAfterTheHeader) {
  std::vector<Row> rows = ParseAll("a,b,c\n1,2,3\n4,,6\n");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].number, 0);
  EXPECT_THAT(rows[0].fields, ElementsAre("a", "b", "c"));
  EXPECT_EQ(rows[1].number, 1);
  EXPECT_THAT(rows[1].fields, ElementsAre("1", "2", "3"));
  EXPECT_EQ(rows[2].number, 2);
  EXPECT_THAT(rows[2].fields, ElementsAre("4", "", "6"));
  EXPECT_THAT(rows[2].error, IsEmpty());
}

TEST(CsvParser, QuotedFieldsHoldCommasQuotesAndLineBreaks) {
  std::vector<Row> rows =
      ParseAll("h1,h2\n\"a, b\",\"say \"\"hi\"\"\"\n\"line 1\nline 2\",\"\"\nx,\"\"\"\"\n");
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_THAT(rows[1].fields, ElementsAre("a, b", "say \"hi\""));
  EXPECT_EQ(rows[2].number, 2);  // the multi-line field is one row
  EXPECT_THAT(rows[2].fields, ElementsAre("line 1\nline 2", ""));
  EXPECT_EQ(rows[3].number, 3);
  EXPECT_THAT(rows[3].fields, ElementsAre("x", "\""));
}

TEST(CsvParser, NoFinalNewlineAndTrailingEmptyField) {
  std::vector<Row> rows = ParseAll("a,b\n1,");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_THAT(rows[1].fields, ElementsAre("1", ""));
  rows = ParseAll("a,b\n\"1\",\"2\"");
  EXPECT_THAT(rows[1].fields, ElementsAre("1", "2"));
}

TEST(CsvParser, BlankRowsAreSkippedAndNotCounted) {
  std::vector<Row> rows = ParseAll("\n\na,b\n\n1,2\n   \n,\n3,4\n\n");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_THAT(rows[0].fields, ElementsAre("a", "b"));
  EXPECT_EQ(rows[2].number, 2);
  EXPECT_THAT(rows[2].fields, ElementsAre("3", "4"));
}

TEST(CsvParser, TextAfterClosingQuoteBreaksOnlyThatRow) {
  std::vector<Row> rows = ParseAll("a,b\n1,\"He said \"no\" to me\"\n2,ok\n");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[1].number, 1);
  EXPECT_EQ(rows[1].error, "text after the closing quote of a field");
  EXPECT_EQ(rows[2].number, 2);
  EXPECT_THAT(rows[2].fields, ElementsAre("2", "ok"));
  EXPECT_THAT(rows[2].error, IsEmpty());
}

TEST(CsvParser, BrokenMultiLineRowEndsWhereItsQuoteCloses) {
  // The stray quotes are inside a field that spans two lines.
  std::vector<Row> rows = ParseAll("a,b\n1,\"x \"y\" z\nmore, \"\"text\"\n2,ok\n");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_FALSE(rows[1].error.empty());
  EXPECT_EQ(rows[2].number, 2);
  EXPECT_THAT(rows[2].fields, ElementsAre("2", "ok"));
}

TEST(CsvParser, UnclosedQuoteDoesNotSwallowTheQuotedRowsAfterIt) {
  const std::string text =
      "a,b\n1,\"never closed\n2,\"quoted, fine\"\n\n3,\"also \"\"fine\"\"\"\n";
  // Knowing a sound row has two fields, the broken row is its one line.
  std::vector<Row> rows = ParseAll(text, 2);
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[1].error, "text after the closing quote of a field");
  EXPECT_THAT(rows[2].fields, ElementsAre("2", "quoted, fine"));
  EXPECT_EQ(rows[2].number, 2);
  EXPECT_THAT(rows[3].fields, ElementsAre("3", "also \"fine\""));
  EXPECT_EQ(rows[3].number, 3);
  // Without that knowledge the lenient rescan ends the row at "fine\"".
  rows = ParseAll(text);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_THAT(rows[2].fields, ElementsAre("3", "also \"fine\""));
}

TEST(CsvParser, BrokenMultiLineFieldIsOneRowWhenItsNextLineIsNotARow) {
  std::vector<Row> rows = ParseAll("a,b\n1,\"He said \"no\" then\nleft\"\n2,ok\n", 2);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_FALSE(rows[1].error.empty());
  EXPECT_EQ(rows[2].number, 2);
  EXPECT_THAT(rows[2].fields, ElementsAre("2", "ok"));
}

TEST(CsvParser, ManyBrokenRowsEachCostTheirOwnLine) {
  std::string text = "a,b\n";
  for (int i = 0; i < 5000; ++i) text += "x,\"abc\n";
  text += "y,ok\n";
  std::vector<Row> rows = ParseAll(text, 2);
  ASSERT_EQ(rows.size(), 5002u);
  for (int i = 1; i <= 5000; ++i) {
    ASSERT_EQ(rows[i].number, i);
    ASSERT_FALSE(rows[i].error.empty()) << i;
  }
  EXPECT_THAT(rows[5001].fields, ElementsAre("y", "ok"));
}

TEST(CsvParser, QuoteInsideUnquotedField) {
  std::vector<Row> rows = ParseAll("a,b\n1,5\" tall\n2,ok\n");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[1].error, "a quote inside an unquoted field");
  EXPECT_THAT(rows[2].fields, ElementsAre("2", "ok"));
}

TEST(CsvParser, UnclosedQuoteBreaksOnlyItsLine) {
  std::vector<Row> rows = ParseAll("a,b\n1,\"never closed\n2,ok\n3,fine\n");
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[1].number, 1);
  EXPECT_EQ(rows[1].error, "a quoted field is never closed");
  EXPECT_EQ(rows[2].number, 2);
  EXPECT_THAT(rows[2].fields, ElementsAre("2", "ok"));
  EXPECT_EQ(rows[3].number, 3);
  EXPECT_THAT(rows[3].fields, ElementsAre("3", "fine"));
}

TEST(CsvParser, BrokenRowLeavesTheBytesForTheNextRowsIntact) {
  // Doubled quotes before the break must not be unescaped in place.
  std::vector<Row> rows = ParseAll("a,b,c\n1,\"x\"\"y\" z\",w\n2,\"p\"\"q\",r\n");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_FALSE(rows[1].error.empty());
  EXPECT_THAT(rows[2].fields, ElementsAre("2", "p\"q", "r"));
}

// Unquoted fields are scanned 16 bytes at a time: every length and every
// position of the delimiter must come out the same.
TEST(CsvParser, UnquotedFieldsOfEveryLength) {
  for (size_t len = 0; len <= 40; ++len) {
    const std::string a(len, 'a'), b(len + 1, 'b');
    std::vector<Row> rows = ParseAll("h1,h2\n" + a + "," + b + "\n" + b + "," + a);
    ASSERT_EQ(rows.size(), 3u) << len;
    EXPECT_THAT(rows[1].fields, ElementsAre(a, b));
    EXPECT_THAT(rows[2].fields, ElementsAre(b, a));
    if (len == 0) continue;  // a leading quote opens a quoted field
    rows = ParseAll("h\n" + a + "\"" + b + "\nok\n");
    ASSERT_EQ(rows.size(), 3u) << len;
    EXPECT_EQ(rows[1].error, "a quote inside an unquoted field") << len;
    EXPECT_THAT(rows[2].fields, ElementsAre("ok"));
  }
}

TEST(CsvParser, ManyDoubledQuotes) {
  std::vector<Row> rows = ParseAll("h\n\"\"\"\"\"a\"\"\"\"b\"\"\"\n\"\"\"\"\"\"\n");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_THAT(rows[1].fields, ElementsAre("\"\"a\"\"b\""));
  EXPECT_THAT(rows[2].fields, ElementsAre("\"\""));
}

TEST(CsvParser, EmptyText) {
  EXPECT_THAT(ParseAll(""), IsEmpty());
  EXPECT_THAT(ParseAll("\n\n"), IsEmpty());
}

}  // namespace
}  // namespace casefile::migration
