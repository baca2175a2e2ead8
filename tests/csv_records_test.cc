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
};

Result Read(std::string text) {
  Result result;
  std::vector<ReadProblem> problems;
  ReadCsvRecords("dir/f.csv", std::move(text), kColumns, problems, [&](CsvRecord& r) {
    result.rows.push_back(r.locator + "|" + std::string(r[0]) + "|" + std::string(r[1]) + "|" +
                          std::string(r[2]));
  });
  for (const ReadProblem& p : problems) result.problems.push_back(p.locator + ": " + p.reason);
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
}

TEST(ReadCsvRecords, RowsWithTooFewOrTooManyFields) {
  Result r = Read("id,name,text\n1,a\n2,b,c,d\n3,c,ok\n");
  EXPECT_THAT(r.rows, ElementsAre("dir/f.csv#row=3|3|c|ok"));
  EXPECT_THAT(r.problems,
              ElementsAre("dir/f.csv#row=1: missing column 'text': row has 2 fields, the header has 3",
                          "dir/f.csv#row=2: row has 4 fields, the header has 3"));
}

TEST(ReadCsvRecords, BrokenQuotingIsReportedAndTheRestIsRead) {
  Result r = Read("id,name,text\n1,a,\"say \"hi\" now\"\n2,b,\"multi\nline\"\n3,c,\"open\n");
  EXPECT_THAT(r.rows, ElementsAre("dir/f.csv#row=2|2|b|multi\nline"));
  EXPECT_THAT(r.problems,
              ElementsAre("dir/f.csv#row=1: broken quoting: text after the closing quote of a field",
                          "dir/f.csv#row=3: broken quoting: a quoted field is never closed"));
}

TEST(ReadCsvRecords, UnclosedQuoteCostsOneRow) {
  Result r = Read("id,name,text\n1,a,\"open\n2,b,\"x, y\"\n3,c,\"z\"\n");
  EXPECT_THAT(r.rows, ElementsAre("dir/f.csv#row=2|2|b|x, y", "dir/f.csv#row=3|3|c|z"));
  EXPECT_THAT(r.problems,
              ElementsAre("dir/f.csv#row=1: broken quoting: text after the closing quote of a field"));
}

TEST(ReadCsvRecords, EmptyFileAndBrokenHeader) {
  EXPECT_THAT(Read("").problems, ElementsAre("dir/f.csv: the file is empty"));
  EXPECT_THAT(Read("\"id,text\n").problems,
              ElementsAre("dir/f.csv: header row: a quoted field is never closed"));
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
