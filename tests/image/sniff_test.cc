#include <gtest/gtest.h>

#include "image/image.h"
#include "image/image_fixtures.h"

namespace jae {
namespace {

using testing::Pattern;

TEST(SniffMediaType, RecognisesEachAcceptedFormat) {
  EXPECT_EQ(SniffMediaType(testing::MakeJpeg(16, 16, Pattern::kNoise)), "image/jpeg");
  EXPECT_EQ(SniffMediaType(testing::MakePng(16, 16, Pattern::kNoise)), "image/png");
  EXPECT_EQ(SniffMediaType(testing::MakeWebp(16, 16, Pattern::kNoise)), "image/webp");
  EXPECT_EQ(SniffMediaType(testing::MakeTiff(16, 16, Pattern::kNoise)), "image/tiff");
  EXPECT_EQ(SniffMediaType(testing::MakePdf({{100, 100}})), "application/pdf");
}

TEST(SniffMediaType, RecognisesHeicAndHeifBrands) {
  using namespace std::string_literals;
  EXPECT_EQ(SniffMediaType("\0\0\0\x18"
                           "ftypheic\0\0\0\0mif1heic"s),
            "image/heic");
  EXPECT_EQ(SniffMediaType("\0\0\0\x18"
                           "ftypmif1\0\0\0\0mif1heic"s),
            "image/heic");
  EXPECT_EQ(SniffMediaType("\0\0\0\x14"
                           "ftypmif1\0\0\0\0mif1"s),
            "image/heif");
  const std::string heic = testing::MakeHeic(64, 64, Pattern::kNoise);
  if (!heic.empty()) {
    EXPECT_EQ(SniffMediaType(heic), "image/heic");
  }
}

TEST(SniffMediaType, RefusesWhatWeDoNotAccept) {
  using namespace std::string_literals;
  EXPECT_EQ(SniffMediaType(""), "");
  EXPECT_EQ(SniffMediaType("hello, this is text"), "");
  EXPECT_EQ(SniffMediaType("GIF89a\x01\x00\x01\x00"), "");
  EXPECT_EQ(SniffMediaType("BM\x36\0\0\0"s), "");
  EXPECT_EQ(SniffMediaType("\0\0\0\x1C"
                           "ftypavif\0\0\0\0avifmif1miaf"s),
            "");
  EXPECT_EQ(SniffMediaType("\0\0\0\x18"
                           "ftypmif1\0\0\0\0mif1avif"s),
            "");
  EXPECT_EQ(SniffMediaType("\0\0\0\x18"
                           "ftypisom\0\0\0\0isommp41"s),
            "");  // MP4
  EXPECT_EQ(SniffMediaType("<html><body>%PDF-1.4</body></html>"), "");
  EXPECT_EQ(SniffMediaType("\xFF\xD8"), "");  // too short to be a JPEG
}

TEST(SniffMediaType, IgnoresWhatAFileClaimsToBe) {
  // A PNG named .jpg, served as image/jpeg, is still a PNG: only bytes count.
  const std::string png = testing::MakePng(8, 8, Pattern::kNoise);
  EXPECT_EQ(SniffMediaType(png), "image/png");
}

}  // namespace
}  // namespace jae
