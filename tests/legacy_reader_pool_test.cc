#include "migration/legacy_reader_pool.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"

namespace casefile::migration {
namespace {

// A nominal index of `rows` people.
std::string NominalIndex(int rows) {
  std::string csv = "nominal_ref,forename,surname,date_of_birth,address_1,address_2,town,postcode,source_ref\n";
  for (int i = 0; i < rows; ++i) {
    absl::StrAppend(&csv, "N", i, ",Ellie,Watson,03/04/2008,3 Elm St,,Hereford,HR1 2AB,HPVP/2011/5123\n");
  }
  return csv;
}

TEST(LegacyReaderPoolTest, ReturnsEveryFileInTheOrderAddedWithItsRecords) {
  LegacyReaderPool pool(3);
  for (int i = 0; i < 20; ++i) pool.Add(absl::StrCat("nominals/index_", i, ".csv"), NominalIndex(i));
  pool.Add("notes/readme.bin", std::string("\x01\x02", 2));
  std::vector<LegacyFile> files = pool.Finish();
  ASSERT_EQ(files.size(), 21u);
  for (int i = 0; i < 20; ++i) {
    EXPECT_EQ(files[i].path, absl::StrCat("nominals/index_", i, ".csv"));
    EXPECT_EQ(files[i].format, LegacyFormat::kNominalIndex) << i;
    EXPECT_EQ(files[i].nominals.size(), static_cast<size_t>(i));
  }
  EXPECT_EQ(files[20].format, LegacyFormat::kUnrecognised);
  EXPECT_EQ(pool.records_read(), 190);  // 0 + 1 + ... + 19
  EXPECT_EQ(pool.files_read(), 21);
}

TEST(LegacyReaderPoolTest, AnUploadAheadOfTheReadersWaitsAndLosesNothing) {
  LegacyReaderPool pool(1, /*max_queued_bytes=*/1);  // every Add past the first waits for the reader
  for (int i = 0; i < 30; ++i) pool.Add(absl::StrCat("nominals/index_", i, ".csv"), NominalIndex(50));
  std::vector<LegacyFile> files = pool.Finish();
  ASSERT_EQ(files.size(), 30u);
  for (int i = 0; i < 30; ++i) {
    EXPECT_EQ(files[i].path, absl::StrCat("nominals/index_", i, ".csv"));
    ASSERT_EQ(files[i].nominals.size(), 50u) << i;
    EXPECT_EQ(files[i].nominals.capacity(), 50u) << i;  // no spare capacity kept
    EXPECT_EQ(files[i].nominals[49].locator, absl::StrCat("nominals/index_", i, ".csv#row=50")) << i;
  }
  EXPECT_EQ(pool.records_read(), 1500);
}

TEST(LegacyReaderPoolTest, FinishWithNothingAddedIsEmpty) {
  LegacyReaderPool pool(2);
  EXPECT_TRUE(pool.Finish().empty());
  EXPECT_EQ(pool.records_read(), 0);
}

}  // namespace
}  // namespace casefile::migration
