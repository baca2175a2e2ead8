#include "migration/document_paths.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace casefile::migration {
namespace {

using ::testing::ElementsAre;

TEST(DocumentPaths, ManifestsAreTheCsvFilesDirectlyInDocuments) {
  EXPECT_TRUE(IsDocumentManifestPath("documents/manifest.csv"));
  EXPECT_TRUE(IsDocumentManifestPath("documents/LIST.CSV"));
  EXPECT_FALSE(IsDocumentManifestPath("documents/HPVP_2012_0457/notes.csv"));
  EXPECT_FALSE(IsDocumentManifestPath("paper/HPVP_2012_0457.csv"));
  EXPECT_FALSE(IsDocumentManifestPath("documents/.csv"));
}

TEST(DocumentPaths, EveryOtherFileUnderDocumentsIsAScannedDocument) {
  EXPECT_TRUE(IsScannedDocumentPath("documents/HPVP_2012_0457/referral.pdf"));
  EXPECT_TRUE(IsScannedDocumentPath("documents/HPVP_2012_0457/notes.csv"));
  EXPECT_TRUE(IsScannedDocumentPath("documents/loose.pdf"));
  EXPECT_FALSE(IsScannedDocumentPath("documents/manifest.csv"));
  EXPECT_FALSE(IsScannedDocumentPath("paper/documents/a.pdf"));
  EXPECT_FALSE(IsScannedDocumentPath("documentsx/a.pdf"));
}

TEST(DocumentPaths, ReferenceFolderIsTheFirstFolderUnderDocuments) {
  EXPECT_EQ(ReferenceFolder("documents/HPVP_2012_0457/referral.pdf"), "HPVP_2012_0457");
  EXPECT_EQ(ReferenceFolder("documents/22-45871-12/a/b.png"), "22-45871-12");
  EXPECT_EQ(ReferenceFolder("documents/loose.pdf"), "");
  EXPECT_EQ(ReferenceFolder("logs/x/y.pdf"), "");
}

TEST(DocumentPaths, AFolderNameStandsForAReferenceWithSlashes) {
  EXPECT_THAT(ReferencesOfFolder("HPVP_2012_0457"), ElementsAre("HPVP_2012_0457", "HPVP/2012/0457"));
  EXPECT_THAT(ReferencesOfFolder("22-45871-12"), ElementsAre("22-45871-12", "22/45871/12"));
  EXPECT_THAT(ReferencesOfFolder("HFD-PVP-000123"), ElementsAre("HFD-PVP-000123", "HFD/PVP/000123"));
  EXPECT_THAT(ReferencesOfFolder("A_B-C"), ElementsAre("A_B-C", "A/B-C", "A_B/C"));
}

TEST(DocumentPaths, ManifestFilesAreRelativeToTheManifestsFolder) {
  EXPECT_EQ(*DocumentPathInFolder("documents/m.csv", "scans//./a.pdf"), "documents/scans/a.pdf");
  EXPECT_FALSE(DocumentPathInFolder("documents/m.csv", "../paper/x.csv").ok());
  EXPECT_FALSE(DocumentPathInFolder("documents/m.csv", "a/../../b.pdf").ok());
  EXPECT_FALSE(DocumentPathInFolder("documents/m.csv", "").ok());
  EXPECT_FALSE(DocumentPathInFolder("documents/m.csv", "m2.csv").ok());  // a manifest, not a document
}

}  // namespace
}  // namespace casefile::migration
