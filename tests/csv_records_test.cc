#include "migration/readers/csv_records.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace casefile::migration {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

constexpr CsvColumn kColumns[] = {{"id", true}, {"name"}, {"text", true}};

struct Result {
  std::vector<std::string> rows;  // "locator|id|name|text"
  std::vector<std::string> problems;
  std::vector<std::string> raws;  // each problem's raw content
};

Result Read(std::string text, ReaderOptions options = {}) {
  Result result;
  std::vector<ReadProblem> problems;
  ReadCsvRecords("dir/f.csv", std::move(text), kColumns, options, problems, [&](CsvRecord& r) {
    result.rows.push_back(r.locator + "|" + std::string(r[0]) + "|" + std::string(r[1]) + "|" +
                          std::string(r[2]));
  });
  for (const ReadProblem& p : problems) {
    result.problems.push_back(p.locator + ": " + p.reason);
    result.raws.push_back(p.raw);
  }
  return result;
}

TEST(ReadCsvRecords, BindsColumnsByNameInAnyOrderIgnoringCase) {
  Result r = Read(" TEXT ,extra,Id\nhello,x,1\n\"a, b\",y,2\n");
  EXPECT_THAT(r.rows, ElementsAre("dir/f.csv#row=1|1||hello", "dir/f.csv#row=2|2||a, b"));
  EXPECT_THAT(r.problems, IsEmpty());
}

TEST(ReadCsvRecords, MissingRequiredColumnsAreNamedAndNoRowIsRead) {
  Result r = Read("name,other\nx,y\n");
  EXPECT_THAT(r.rows, IsEmpty());
  EXPECT_THAT(r.problems, ElementsAre("dir/f.csv: missing required column 'id', 'text'"));
  EXPECT_THAT(r.raws, ElementsAre("name,other\nx,y\n"));  // the file, as nothing of it is read
}

TEST(ReadCsvRecords, RowsWithTooFewOrTooManyFields) {
  Result r = Read("id,name,text\n1,a\n2,b,c,d\n3,c,ok\n");
  EXPECT_THAT(r.rows, ElementsAre("dir/f.csv#row=3|3|c|ok"));
  EXPECT_THAT(r.problems,
              ElementsAre("dir/f.csv#row=1: missing column 'text': row has 2 fields, the header has 3",
                          "dir/f.csv#row=2: row has 4 fields, the header has 3"));
  EXPECT_THAT(r.raws, ElementsAre("1,a", "2,b,c,d"));
}

TEST(ReadCsvRecords, BrokenQuotingIsReportedAndTheRestIsRead) {
  Result r = Read("id,name,text\n1,a,\"say \"hi\" now\"\n2,b,\"multi\nline\"\n3,c,\"open\n");
  EXPECT_THAT(r.rows, ElementsAre("dir/f.csv#row=2|2|b|multi\nline"));
  EXPECT_THAT(r.problems,
              ElementsAre("dir/f.csv#row=1: broken quoting: text after the closing quote of a field",
                          "dir/f.csv#row=3: broken quoting: a quoted field is never closed"));
  EXPECT_THAT(r.raws, ElementsAre("1,a,\"say \"hi\" now\"", "3,c,\"open"));
}

TEST(ReadCsvRecords, RawContentIsTheRowAsWrittenEvenWithDoubledQuotes) {
  // A sound row with "" is unescaped in place: its raw content must still be
  // the row as written. Row 2 has one field too many, so it is a problem.
  Result r = Read("id,name,text\n1,a,\"say \"\"hi\"\"\"\n2,\"b \"\"x\"\"\",c,d\n");
  EXPECT_THAT(r.rows, ElementsAre("dir/f.csv#row=1|1|a|say \"hi\""));
  EXPECT_THAT(r.problems, ElementsAre("dir/f.csv#row=2: row has 4 fields, the header has 3"));
  EXPECT_THAT(r.raws, ElementsAre("2,\"b \"\"x\"\"\",c,d"));
}

TEST(ReadCsvRecords, AMultiLineBrokenRowKeepsAllItsLines) {
  // A quote inside a quoted field, the field running over two lines: the
  // lenient rescan takes both lines as the row.
  Result r = Read("id,name,text\n1,a,\"he said \"no\" and\nleft\"\n2,b,c\n");
  EXPECT_THAT(r.rows, ElementsAre("dir/f.csv#row=2|2|b|c"));
  ASSERT_EQ(r.raws.size(), 1u);
  EXPECT_EQ(r.raws[0], "1,a,\"he said \"no\" and\nleft\"");
}

TEST(ReadCsvRecords, ARowOverTheSizeLimitIsAProblemKeepingItsFirst4KiB) {
  const std::string big(10'000, 'x');
  Result r = Read("id,name,text\n1,a," + big + "\n2,b,ok\n", ReaderOptions{.max_record_bytes = 5000});
  EXPECT_THAT(r.rows, ElementsAre("dir/f.csv#row=2|2|b|ok"));
  EXPECT_THAT(r.problems,
              ElementsAre("dir/f.csv#row=1: record of 10004 bytes exceeds the limit of 5000 bytes"));
  ASSERT_EQ(r.raws.size(), 1u);
  EXPECT_EQ(r.raws[0], ("1,a," + big).substr(0, 4096));
  // At the limit exactly, the row is read.
  EXPECT_THAT(Read("id,name,text\n1,a," + big + "\n", ReaderOptions{.max_record_bytes = 10004}).rows,
              ElementsAre("dir/f.csv#row=1|1|a|" + big));
}

TEST(ReadCsvRecords, FiftyMegabyteFieldsAreRejectedInLinearTime) {
  // One unquoted field, one quoted field full of doubled quotes, one broken
  // quoted field, 50 MB each: each is one problem of its size, and the rows
  // around them are read. (A quadratic scan would take hours here.)
  constexpr size_t kBig = 50 * 1024 * 1024;
  std::string text = "id,name,text\n1,a,";
  text.append(kBig, 'x');
  text.append("\n2,b,ok\n3,c,\"");
  for (size_t i = 0; i < kBig / 4; ++i) text.append("ab\"\"");
  text.append("\"\n4,d,ok\n5,e,\"");
  text.append(kBig, 'y');
  text.append("\n6,f,ok\n");
  Result r = Read(std::move(text));
  EXPECT_THAT(r.rows, ElementsAre("dir/f.csv#row=2|2|b|ok", "dir/f.csv#row=4|4|d|ok",
                                  "dir/f.csv#row=6|6|f|ok"));
  const std::string limit = " bytes exceeds the limit of 262144 bytes";
  EXPECT_THAT(r.problems,
              ElementsAre("dir/f.csv#row=1: record of " + std::to_string(kBig + 4) + limit,
                          "dir/f.csv#row=3: record of " + std::to_string(kBig + 6) + limit,
                          "dir/f.csv#row=5: record of " + std::to_string(kBig + 5) + limit));
  ASSERT_EQ(r.raws.size(), 3u);
  EXPECT_EQ(r.raws[0], "1,a," + std::string(4092, 'x'));
  EXPECT_EQ(r.raws[1].substr(0, 11), "3,c,\"ab\"\"ab");
  EXPECT_EQ(r.raws[1].size(), 4096u);
  EXPECT_EQ(r.raws[2], "5,e,\"" + std::string(4091, 'y'));
}

TEST(ReadCsvRecords, UnclosedQuoteCostsOneRow) {
  Result r = Read("id,name,text\n1,a,\"open\n2,b,\"x, y\"\n3,c,\"z\"\n");
  EXPECT_THAT(r.rows, ElementsAre("dir/f.csv#row=2|2|b|x, y", "dir/f.csv#row=3|3|c|z"));
  EXPECT_THAT(r.problems,
              ElementsAre("dir/f.csv#row=1: broken quoting: text after the closing quote of a field"));
}

TEST(ReadCsvRecords, EmptyFileAndBrokenHeader) {
  EXPECT_THAT(Read("").problems, ElementsAre("dir/f.csv: the file is empty"));
  Result broken = Read("\"id,text\n1,x\n");
  EXPECT_THAT(broken.problems, ElementsAre("dir/f.csv: header row: a quoted field is never closed"));
  EXPECT_THAT(broken.raws, ElementsAre("\"id,text\n1,x\n"));
}

TEST(ReadCsvHeader, TrimmedFieldsOfTheFirstRow) {
  EXPECT_THAT(ReadCsvHeader("\n a ,\"b\",c\n1,2,3\n"), ElementsAre("a", "b", "c"));
  EXPECT_THAT(ReadCsvHeader(""), IsEmpty());
  EXPECT_THAT(ReadCsvHeader("\"a\"b\n"), IsEmpty());
}

TEST(CountMatchingColumns, CountsWantedColumnsPresent) {
  std::vector<std::string> header = {"ID", "text", "x"};
  EXPECT_EQ(CountMatchingColumns(header, kColumns), 2);
}

}  // namespace
}  // namespace casefile::migration
