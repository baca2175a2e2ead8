#include "migration/readers/document_manifest_reader.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "migration/legacy_reader.h"

namespace casefile::migration {
namespace {

using ::testing::IsEmpty;

TEST(ReadDocumentManifest, ReadsRowsWithPathsInTheFolder) {
  LegacyFile f = ReadDocumentManifest("documents/manifest.csv",
                                      "file,reference,date,kind\n"
                                      "scans/0457 referral.pdf, HPVP/2012/0457 ,14/03/2012,Referral\n"
                                      "./photo.png,HFD-PVP-000001,,\n"
                                      "minutes.pdf,22/45871/12,15 Mar 2012 14:30,Strategy discussion\n");
  EXPECT_EQ(f.format, LegacyFormat::kDocumentManifest);
  EXPECT_THAT(f.problems, IsEmpty());
  ASSERT_EQ(f.documents.size(), 3u);
  EXPECT_EQ(f.documents[0].locator, "documents/manifest.csv#row=1");
  EXPECT_EQ(f.documents[0].file, "documents/scans/0457 referral.pdf");
  EXPECT_EQ(f.documents[0].reference, "HPVP/2012/0457");
  EXPECT_EQ(f.documents[0].date, (PartialTime{TimePrecision::kDay, 2012, 3, 14}));
  EXPECT_EQ(f.documents[0].kind, "Referral");
  EXPECT_EQ(f.documents[1].file, "documents/photo.png");
  EXPECT_EQ(f.documents[1].date.precision, TimePrecision::kUnknown);
  EXPECT_EQ(f.documents[1].kind, "");
  // A time is read and the day kept: the day is what is matched.
  EXPECT_EQ(f.documents[2].date, (PartialTime{TimePrecision::kDay, 2012, 3, 15}));
}

TEST(ReadDocumentManifest, EachBadRowIsAProblemWithItsLocator) {
  LegacyFile f = ReadDocumentManifest("documents/manifest.csv",
                                      "file,reference,date,kind\n"
                                      ",R,,\n"
                                      "a.pdf,,,\n"
                                      "../../etc/passwd,R,,\n"
                                      "/etc/passwd,R,,\n"
                                      "a\\b.pdf,R,,\n"
                                      "b.pdf,R,31/02/2012,Referral\n"
                                      "c.pdf,R,Nov 2012,Referral\n"
                                      "other.csv,R,,\n"
                                      "ok.pdf,R,,\n");
  ASSERT_EQ(f.documents.size(), 1u);
  EXPECT_EQ(f.documents[0].locator, "documents/manifest.csv#row=9");
  ASSERT_EQ(f.problems.size(), 8u);
  const char* reasons[] = {
      "file is empty",
      "reference is empty",
      "file '../../etc/passwd' must not climb out with '..'",
      "file '/etc/passwd' must be a path relative to the manifest's folder",
      "file 'a\\b.pdf' must be a path relative to the manifest's folder",
      "date '31/02/2012' is not a date (day/month/year)",
      "date 'Nov 2012' is not a whole day (day/month/year)",
      "file 'other.csv' names no scanned document (a file under documents/)",
  };
  for (int i = 0; i < 8; ++i) {
    EXPECT_EQ(f.problems[i].locator, "documents/manifest.csv#row=" + std::to_string(i + 1));
    EXPECT_EQ(f.problems[i].reason, reasons[i]);
  }
  EXPECT_EQ(f.problems[5].raw, "b.pdf,R,31/02/2012,Referral");
}

TEST(ReadDocumentManifest, IsRecognisedByItsHeader) {
  LegacyFile f = ReadLegacyFile("documents/list.csv", "File,Reference,Date,Kind\r\na.pdf,R,,\r\n");
  EXPECT_EQ(f.format, LegacyFormat::kDocumentManifest);
  ASSERT_EQ(f.documents.size(), 1u);
  EXPECT_EQ(f.documents[0].file, "documents/a.pdf");
}

TEST(ReadDocumentManifest, MissingColumnIsAProblemForTheFile) {
  LegacyFile f = ReadDocumentManifest("documents/m.csv", "file,date,kind\na.pdf,,\n");
  EXPECT_THAT(f.documents, IsEmpty());
  ASSERT_EQ(f.problems.size(), 1u);
  EXPECT_EQ(f.problems[0].locator, "documents/m.csv");
}

}  // namespace
}  // namespace casefile::migration
