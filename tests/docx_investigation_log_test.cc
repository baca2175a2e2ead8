// .docx investigation logs. The fixtures under tests/data/legacy/ were made
// with pandoc from the .md files beside them (pandoc -o x.docx x.md).
#include "migration/readers/docx_investigation_log.h"

#include <fstream>
#include <sstream>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "migration/readers/docx_body.h"

namespace casefile::migration {
namespace {

using ::testing::ElementsAre;

std::string Fixture(const std::string& name) {
  std::ifstream in(std::string(CASEFILE_SOURCE_DIR) + "/tests/data/legacy/" + name, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

PartialTime Minute(int y, int mo, int d, int h, int mi) {
  return {TimePrecision::kMinute, y, mo, d, h, mi};
}

TEST(ReadDocxInvestigationLog, ParagraphForm) {
  LegacyFile f = ReadDocxInvestigationLog("logs/p.docx", Fixture("log_paragraphs.docx"));
  EXPECT_EQ(f.format, LegacyFormat::kInvestigationLog);
  EXPECT_EQ(f.officer, "DC 4471 HUGHES");
  EXPECT_THAT(f.problems, testing::IsEmpty());
  ASSERT_EQ(f.events.size(), 4u);
  const LegacyEvent& e = f.events[0];
  EXPECT_EQ(e.locator, "logs/p.docx#entry=1");
  EXPECT_THAT(e.legacy_refs, ElementsAre("22/45871/12", "HPVP/2012/0457"));
  ASSERT_EQ(e.subjects.size(), 2u);
  EXPECT_EQ(e.subjects[0].forename, "Zo\xC3\xAB");
  EXPECT_EQ(e.occurred, Minute(2012, 11, 12, 9, 15));
  // Each paragraph is a line.
  EXPECT_EQ(e.text, "Received referral from CSC regarding Zo\xC3\xAB Watson.\nStrategy discussion to follow.");
  // A line break inside a paragraph is a line too; curly quotes and dashes kept.
  EXPECT_EQ(f.events[1].text,
            "Visited home address with SW Jones.\nMother \xE2\x80\x9Cnot happy\xE2\x80\x9D \xE2\x80\x93 "
            "advice given.");
  // An impossible date keeps what is certain, and says so.
  EXPECT_EQ(f.events[2].locator, "logs/p.docx#entry=3");
  EXPECT_EQ(f.events[2].occurred, (PartialTime{TimePrecision::kMonth, 2012, 2, 0, 0, 0}));
  EXPECT_EQ(f.events[2].occurred_as_written, "31/02/2012 1000");
  EXPECT_EQ(f.events[2].date_note,
            "date '31/02/2012 1000' partly read: month precision; 31 February is not a day; a "
            "time without a day is not kept");
  EXPECT_EQ(f.events[2].text, "Impossible date entry.");
  EXPECT_EQ(f.events[3].locator, "logs/p.docx#entry=4");
  EXPECT_EQ(f.events[3].occurred, (PartialTime{TimePrecision::kMonth, 2012, 11, 0, 0, 0}));
  EXPECT_EQ(f.events[3].occurred_as_written, "Nov 2012");
  EXPECT_EQ(f.events[3].date_note, "");
}

TEST(ReadDocxInvestigationLog, TableForm) {
  LegacyFile f = ReadDocxInvestigationLog("t.docx", Fixture("log_table.docx"));
  EXPECT_EQ(f.officer, "DS 6054 BISHOP");
  EXPECT_THAT(f.problems, testing::IsEmpty());
  ASSERT_EQ(f.events.size(), 4u);
  EXPECT_EQ(f.events[0].locator, "t.docx#entry=1");
  EXPECT_EQ(f.events[0].occurred, Minute(2010, 11, 9, 9, 45));
  EXPECT_EQ(f.events[0].text, "Referral received from Ambulance.\nSecond paragraph of the entry.");
  EXPECT_EQ(f.events[1].occurred, Minute(2010, 11, 10, 11, 40));
  EXPECT_EQ(f.events[1].text, "S47 strategy meeting.\nContinued on the next row.");
  EXPECT_EQ(f.events[1].occurred_as_written, "10/11/10 1140hrs");
  EXPECT_EQ(f.events[2].locator, "t.docx#entry=3");
  EXPECT_EQ(f.events[2].occurred, (PartialTime{TimePrecision::kMonth, 2010, 11, 0, 0, 0}));
  EXPECT_EQ(f.events[2].occurred_as_written, "32/11/2010");
  EXPECT_EQ(f.events[2].date_note,
            "Date/Time '32/11/2010' partly read: month precision; 32 November is not a day");
  EXPECT_EQ(f.events[2].text, "Bad date row.");
  EXPECT_EQ(f.events[3].locator, "t.docx#entry=4");
  EXPECT_EQ(f.events[3].occurred.precision, TimePrecision::kUnknown);
  EXPECT_EQ(f.events[3].occurred_as_written, "unknown");
  EXPECT_EQ(f.events[3].date_note, "");
  EXPECT_EQ(f.events[3].text, "Undated note.");
}

TEST(ReadDocxInvestigationLog, NotADocx) {
  LegacyFile f = ReadDocxInvestigationLog("x.docx", "PK\x03\x04 truncated");
  EXPECT_EQ(f.format, LegacyFormat::kUnrecognised);
  ASSERT_EQ(f.problems.size(), 1u);
  EXPECT_EQ(f.problems[0].locator, "x.docx");
  EXPECT_THAT(f.problems[0].reason, testing::StartsWith("not a readable zip archive"));
  EXPECT_EQ(f.problems[0].raw, "PK\x03\x04 truncated");  // the file as read
}

TEST(ReadDocxInvestigationLog, ZipWithoutDocument) {
  // An empty zip archive: just the end-of-central-directory record.
  std::string empty_zip("PK\x05\x06", 4);
  empty_zip.append(18, '\0');
  LegacyFile f = ReadDocxInvestigationLog("x.docx", empty_zip);
  ASSERT_EQ(f.problems.size(), 1u);
  EXPECT_EQ(f.problems[0].reason, "a zip archive without word/document.xml");
}

TEST(ParseDocumentXml, RunsBreaksTabsRevisionsAndContentControls) {
  absl::StatusOr<std::vector<DocxBlock>> body = ParseDocumentXml(
      "<?xml version=\"1.0\"?><w:document xmlns:w=\"x\"><w:body>"
      "<w:p><w:r><w:t>a</w:t><w:tab/><w:t xml:space=\"preserve\"> </w:t><w:t>b</w:t><w:br/>"
      "<w:t>c&amp;d</w:t></w:r><w:del><w:r><w:delText>gone</w:delText></w:r></w:del>"
      "<w:ins><w:r><w:t>new</w:t></w:r></w:ins><w:r><w:instrText>PAGE</w:instrText></w:r></w:p>"
      "<w:sdt><w:sdtContent><w:p><w:r><w:t>in control</w:t></w:r></w:p></w:sdtContent></w:sdt>"
      "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>x</w:t></w:r></w:p><w:p><w:r><w:t>y</w:t></w:r></w:p>"
      "</w:tc><w:tc><w:tbl><w:tr><w:tc><w:p><w:r><w:t>nested</w:t></w:r></w:p></w:tc></w:tr>"
      "</w:tbl></w:tc></w:tr></w:tbl><w:sectPr/></w:body></w:document>");
  ASSERT_TRUE(body.ok()) << body.status();
  ASSERT_EQ(body->size(), 3u);
  EXPECT_EQ((*body)[0].paragraph, "a\t b\nc&dnew");
  EXPECT_EQ((*body)[1].paragraph, "in control");
  ASSERT_TRUE((*body)[2].is_table);
  EXPECT_THAT((*body)[2].table_rows, ElementsAre(ElementsAre("x\ny", "nested")));
}

TEST(ParseDocumentXml, AnyNamespacePrefixAndBadUtf8) {
  absl::StatusOr<std::vector<DocxBlock>> body = ParseDocumentXml(
      "<doc:document xmlns:doc=\"x\"><doc:body><doc:p><doc:r><doc:t>Zo\xEB</doc:t></doc:r></doc:p>"
      "</doc:body></doc:document>");
  ASSERT_TRUE(body.ok()) << body.status();
  ASSERT_EQ(body->size(), 1u);
  EXPECT_EQ((*body)[0].paragraph, "Zo\xEF\xBF\xBD");
}

TEST(ParseDocumentXml, Errors) {
  EXPECT_EQ(ParseDocumentXml("<w:document><w:body>").status().message(),
            "word/document.xml is not well-formed XML (Start-end tags mismatch)");
  EXPECT_EQ(ParseDocumentXml("<w:document/>").status().message(), "word/document.xml has no body");
  EXPECT_FALSE(ParseDocumentXml("").ok());
}

TEST(ParseDocumentXml, DeepNestingIsFlattenedNotRecursed) {
  std::string xml = "<w:document><w:body>";
  for (int i = 0; i < 5000; ++i) xml += "<w:tbl><w:tr><w:tc>";
  xml += "<w:p><w:r><w:t>deep</w:t></w:r></w:p>";
  for (int i = 0; i < 5000; ++i) xml += "</w:tc></w:tr></w:tbl>";
  xml += "</w:body></w:document>";
  absl::StatusOr<std::vector<DocxBlock>> body = ParseDocumentXml(xml);
  ASSERT_TRUE(body.ok()) << body.status();
  ASSERT_EQ(body->size(), 1u);
  ASSERT_TRUE((*body)[0].is_table);
  EXPECT_THAT((*body)[0].table_rows, ElementsAre(ElementsAre("deep")));
}

}  // namespace
}  // namespace casefile::migration
