#include "migration/readers/format_detection.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace casefile::migration {
namespace {

LegacyFormat Detect(std::string_view bytes) { return DetectLegacyFormat(bytes).format; }

TEST(DetectLegacyFormat, CsvByHeaderWhateverTheFileName) {
  EXPECT_EQ(Detect("case_key,legacy_ref,ref_kind\nK,R,CRIME\n"), LegacyFormat::kCaseXref);
  EXPECT_EQ(Detect("file_ref,page,doc_type,entry_date,author,subjects,text\n"),
            LegacyFormat::kPaperFile);
  EXPECT_EQ(Detect("\xEF\xBB\xBFrecord_ref,record_type,entry_no,entered_at,entered_by,occurred_at,text\r\n"),
            LegacyFormat::kCrimeExport);
  EXPECT_EQ(Detect("nominal_ref,forename,surname,date_of_birth,address_1,address_2,town,postcode,"
                   "source_ref\n"),
            LegacyFormat::kNominalIndex);
  // Reordered, differently cased, with extra and missing columns.
  EXPECT_EQ(Detect("Text,Entry_Date,File_Ref,Scanned_By\n"), LegacyFormat::kPaperFile);
  EXPECT_EQ(Detect("surname,forename\n"), LegacyFormat::kNominalIndex);
}

TEST(DetectLegacyFormat, LogsByTitleOrZip) {
  EXPECT_EQ(Detect("INVESTIGATION LOG\r\nOfficer: A\r\n"), LegacyFormat::kInvestigationLog);
  EXPECT_EQ(Detect("\xEF\xBB\xBF\nInvestigation log\n"), LegacyFormat::kInvestigationLog);
  EXPECT_EQ(Detect("PK\x03\x04 anything"), LegacyFormat::kInvestigationLog);
}

TEST(DetectLegacyFormat, UnrecognisedSaysWhy) {
  DetectedFormat d = DetectLegacyFormat("");
  EXPECT_EQ(d.format, LegacyFormat::kUnrecognised);
  EXPECT_EQ(d.reason, "the file is empty");
  EXPECT_EQ(DetectLegacyFormat(" \r\n\n").reason, "the file is empty");
  d = DetectLegacyFormat("rec_id,given_name,surname\n");
  EXPECT_EQ(d.format, LegacyFormat::kUnrecognised);
  EXPECT_EQ(d.reason,
            "not a legacy format: not a .docx, no INVESTIGATION LOG title, and the first row is not "
            "the header of a case cross-reference, paper file, crime export, nominal index or document manifest");
  d = DetectLegacyFormat("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 rest");
  EXPECT_EQ(d.format, LegacyFormat::kUnrecognised);
  EXPECT_EQ(d.reason, "a Word 97-2003 document or an encrypted Office file: save it as an unprotected .docx");
  EXPECT_EQ(Detect("{\"records\": {}}"), LegacyFormat::kUnrecognised);
  EXPECT_EQ(Detect("Officer: A\n12/11/2012 log without title\n"), LegacyFormat::kUnrecognised);
}

TEST(DetectCsvFormat, NeedsTwoColumnsAndNoTie) {
  EXPECT_EQ(DetectCsvFormat(std::vector<std::string>{"text"}), LegacyFormat::kUnrecognised);
  EXPECT_EQ(DetectCsvFormat(std::vector<std::string>{"text", "entry_date"}), LegacyFormat::kPaperFile);
  // Two paper columns and two crime columns: ambiguous.
  EXPECT_EQ(DetectCsvFormat(std::vector<std::string>{"file_ref", "entry_date", "record_ref",
                                                     "entered_at"}),
            LegacyFormat::kUnrecognised);
  EXPECT_EQ(DetectCsvFormat(std::vector<std::string>{}), LegacyFormat::kUnrecognised);
}

}  // namespace
}  // namespace casefile::migration
