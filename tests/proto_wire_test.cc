#include "storage/proto_wire.h"

#include "casefile/v1/case.pb.h"
#include "gtest/gtest.h"

namespace casefile::storage {
namespace {

TEST(ProtoWireTest, FindsAndRemovesALengthDelimitedFieldAmongOthers) {
  v1::Source source;
  source.set_locator("crime/a.csv#row=1");
  source.set_text("the text");
  source.set_content_digest(0x0123456789abcdefULL);  // fixed64
  *source.mutable_occurred() = v1::PartialTime();
  source.mutable_occurred()->set_year(2010);          // embedded message
  const std::string bytes = source.SerializeAsString();
  EXPECT_EQ(FindLengthDelimited(bytes, v1::Source::kTextFieldNumber), "the text");
  EXPECT_EQ(FindLengthDelimited(bytes, v1::Source::kAuthorFieldNumber), std::nullopt);

  v1::Source without;
  ASSERT_TRUE(without.ParseFromString(WithoutLengthDelimited(bytes, v1::Source::kTextFieldNumber)));
  v1::Source expected = source;
  expected.clear_text();
  EXPECT_EQ(without.SerializeAsString(), expected.SerializeAsString());
}

TEST(ProtoWireTest, MalformedBytesFindNothing) {
  EXPECT_EQ(FindLengthDelimited("\x1a\x05" "abc", 3), std::nullopt);  // length past the end
  EXPECT_EQ(FindLengthDelimited("\x1a", 3), std::nullopt);
  EXPECT_EQ(FindLengthDelimited(std::string("\x1b\x00", 2), 3), std::nullopt);  // group start
}

}  // namespace
}  // namespace casefile::storage
