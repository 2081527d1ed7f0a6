#include "image/jpeg_decode.h"

#include <gtest/gtest.h>
#include <jpeglib.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "image/image_fixtures.h"

namespace jae {
namespace {

using testing::Pattern;

constexpr std::int64_t kLimit = 100'000'000;

TEST(JpegScaleEighths, PicksTheLargestScaleThatFitsUnlessItLosesTooMuch) {
  EXPECT_EQ(JpegScaleEighths(1000, 1536), 8);  // fits: never enlarged
  EXPECT_EQ(JpegScaleEighths(1536, 1536), 8);
  EXPECT_EQ(JpegScaleEighths(4000, 1536), 3);  // 1500: 98 % of the bound
  EXPECT_EQ(JpegScaleEighths(4032, 1536), 3);  // 1512
  EXPECT_EQ(JpegScaleEighths(3000, 1536), 4);  // 1500
  EXPECT_EQ(JpegScaleEighths(4624, 1536), 3);  // 2/8 = 1156 is 75 %: 3/8 = 1734, resampled
  EXPECT_EQ(JpegScaleEighths(8000, 1536), 2);  // 1/8 = 1000 is 65 %: 2000, resampled
  EXPECT_EQ(JpegScaleEighths(50000, 1536), 1);
  EXPECT_EQ(JpegScaleEighths(0, 1536), 8);
  EXPECT_EQ(JpegScaleEighths(4000, 0), 8);
}

TEST(DecodeJpegScaled, DecodesAtTheRequestedEighth) {
  const std::string jpeg = testing::MakeJpeg(4000, 1000, Pattern::kLeftHalfBlack);
  auto decoded = DecodeJpegScaled(jpeg, 3, kLimit);
  ASSERT_TRUE(decoded.ok()) << decoded.status().ToString();
  EXPECT_EQ(decoded->width, 1500);
  EXPECT_EQ(decoded->height, 375);
  EXPECT_EQ(decoded->bands, 3);
  ASSERT_EQ(decoded->pixels.size(), 1500u * 375u * 3u);
  EXPECT_LT(decoded->pixels[(100 * 1500 + 100) * 3], 40);    // left half black
  EXPECT_GT(decoded->pixels[(100 * 1500 + 1400) * 3], 215);  // right half white

  auto grey = DecodeJpegScaled(testing::MakeGreyJpeg(200, 100), 8, kLimit);
  ASSERT_TRUE(grey.ok()) << grey.status().ToString();
  EXPECT_EQ(grey->bands, 1);
  EXPECT_EQ(grey->pixels.size(), 200u * 100u);
}

TEST(DecodeJpegScaled, RefusesMorePixelsThanTheLimitFromTheHeader) {
  const std::string jpeg = testing::MakeJpeg(400, 300, Pattern::kNoise);
  EXPECT_EQ(DecodeJpegScaled(jpeg, 1, 400 * 300 - 1).status().code(), StatusCode::kOutOfRange);
  EXPECT_TRUE(DecodeJpegScaled(jpeg, 1, 400 * 300).ok());
}

TEST(DecodeJpegScaled, LeavesCmykToTheGeneralDecoder) {
  auto decoded = DecodeJpegScaled(testing::MakeCmykJpeg(64, 64), 8, kLimit);
  EXPECT_EQ(decoded.status().code(), StatusCode::kUnimplemented);
}

TEST(DecodeJpegScaled, ReportsTruncatedAndCorruptDataAsDataLoss) {
  const std::string jpeg = testing::MakeJpeg(800, 600, Pattern::kNoise);
  EXPECT_EQ(DecodeJpegScaled(jpeg.substr(0, jpeg.size() / 2), 8, kLimit).status().code(),
            StatusCode::kDataLoss);
  EXPECT_EQ(DecodeJpegScaled(jpeg.substr(0, 20), 1, kLimit).status().code(), StatusCode::kDataLoss);
  EXPECT_EQ(DecodeJpegScaled("", 8, kLimit).status().code(), StatusCode::kDataLoss);
  EXPECT_EQ(DecodeJpegScaled(std::string("\xFF\xD8\xFF\xC0garbage", 11), 8, kLimit).status().code(),
            StatusCode::kDataLoss);
  EXPECT_EQ(DecodeJpegScaled(jpeg, 0, kLimit).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(DecodeJpegScaled(jpeg, 9, kLimit).status().code(), StatusCode::kInvalidArgument);
}

TEST(CopyJpegWithoutMetadata, KeepsEveryPixelAndDropsTheMetadata) {
  const std::string jpeg = testing::MakeJpeg(640, 400, Pattern::kNoise, /*exif_orientation=*/1);
  ASSERT_NE(jpeg.find("Exif"), std::string::npos);  // the fixture does carry EXIF
  auto copy = CopyJpegWithoutMetadata(jpeg, kLimit);
  ASSERT_TRUE(copy.ok()) << copy.status().ToString();
  EXPECT_EQ(copy->find("Exif"), std::string::npos);
  auto original_pixels = DecodeJpegScaled(jpeg, 8, kLimit);
  auto copied_pixels = DecodeJpegScaled(*copy, 8, kLimit);
  ASSERT_TRUE(original_pixels.ok() && copied_pixels.ok());
  EXPECT_EQ(copied_pixels->width, 640);
  EXPECT_TRUE(original_pixels->pixels == copied_pixels->pixels);  // lossless

  auto grey = CopyJpegWithoutMetadata(testing::MakeGreyJpeg(64, 32), kLimit);
  EXPECT_TRUE(grey.ok()) << grey.status().ToString();
}

TEST(CopyJpegWithoutMetadata, RefusesWhatTheDecoderRefuses) {
  const std::string jpeg = testing::MakeJpeg(800, 600, Pattern::kNoise);
  EXPECT_EQ(CopyJpegWithoutMetadata(jpeg.substr(0, jpeg.size() / 2), kLimit).status().code(),
            StatusCode::kDataLoss);
  EXPECT_EQ(CopyJpegWithoutMetadata("", kLimit).status().code(), StatusCode::kDataLoss);
  EXPECT_EQ(CopyJpegWithoutMetadata(jpeg, 800 * 600 - 1).status().code(), StatusCode::kOutOfRange);
  EXPECT_EQ(CopyJpegWithoutMetadata(testing::MakeCmykJpeg(64, 64), kLimit).status().code(),
            StatusCode::kUnimplemented);
}

// A valid progressive JPEG with one scan per AC coefficient and bit, per component:
// 1 + 3 * 63 * 2 = 379 scans. Legal, but no encoder writes it; it is how a CPU bomb looks.
std::string ManyScanJpeg() {
  constexpr int kSize = 64;
  std::vector<unsigned char> pixels(kSize * kSize * 3);
  for (std::size_t i = 0; i < pixels.size(); ++i) pixels[i] = static_cast<unsigned char>(i * 7);
  jpeg_compress_struct cinfo;
  jpeg_error_mgr errors;
  cinfo.err = jpeg_std_error(&errors);
  jpeg_create_compress(&cinfo);
  unsigned char* buffer = nullptr;
  unsigned long length = 0;
  jpeg_mem_dest(&cinfo, &buffer, &length);
  cinfo.image_width = kSize;
  cinfo.image_height = kSize;
  cinfo.input_components = 3;
  cinfo.in_color_space = JCS_RGB;
  jpeg_set_defaults(&cinfo);
  std::vector<jpeg_scan_info> scans;
  scans.push_back({3, {0, 1, 2, 0}, 0, 0, 0, 0});  // DC of all three components
  for (int pass = 0; pass < 2; ++pass) {
    for (int component = 0; component < 3; ++component) {
      for (int k = 1; k < 64; ++k) {
        scans.push_back({1, {component, 0, 0, 0}, k, k, pass == 0 ? 0 : 1, pass == 0 ? 1 : 0});
      }
    }
  }
  cinfo.scan_info = scans.data();
  cinfo.num_scans = static_cast<int>(scans.size());
  jpeg_start_compress(&cinfo, TRUE);
  while (cinfo.next_scanline < cinfo.image_height) {
    JSAMPROW row = pixels.data() + cinfo.next_scanline * kSize * 3;
    jpeg_write_scanlines(&cinfo, &row, 1);
  }
  jpeg_finish_compress(&cinfo);
  jpeg_destroy_compress(&cinfo);
  std::string out(reinterpret_cast<char*>(buffer), length);
  std::free(buffer);
  return out;
}

TEST(DecodeJpegScaled, RefusesAProgressiveJpegWithAbsurdlyManyScans) {
  const std::string jpeg = ManyScanJpeg();
  auto decoded = DecodeJpegScaled(jpeg, 8, kLimit);
  EXPECT_EQ(decoded.status().code(), StatusCode::kDataLoss);
  EXPECT_NE(decoded.status().message().find("scans"), std::string::npos);
  EXPECT_EQ(CopyJpegWithoutMetadata(jpeg, kLimit).status().code(), StatusCode::kDataLoss);
}

// Issue 12, item 3: ~200 bytes claiming 10000x10000, progressive, cut short. Used to cost
// 629 MB of RSS and decode to an `ok` grey image.
TEST(DecodeJpegScaled, RefusesProgressiveCoefficientsPastTheMemoryLimit) {
  const std::string bomb = testing::MakeProgressiveJpegClaiming(10000, 10000, false);
  ASSERT_FALSE(bomb.empty());
  ASSERT_LT(bomb.size(), 1024u);
  EXPECT_EQ(DecodeJpegScaled(bomb, 1, kLimit).status().code(), StatusCode::kOutOfRange);
  EXPECT_EQ(CopyJpegWithoutMetadata(bomb, kLimit).status().code(), StatusCode::kOutOfRange);
}

TEST(DecodeJpegScaled, AScanCutShortIsDataLossNotGrey) {
  // Within the memory limit (2000x2000: 24 MB of coefficients), so only the truncation
  // can refuse it: with and without the end marker.
  for (const bool end_marker : {false, true}) {
    const std::string cut = testing::MakeProgressiveJpegClaiming(2000, 2000, end_marker);
    ASSERT_FALSE(cut.empty());
    EXPECT_EQ(DecodeJpegScaled(cut, 2, kLimit).status().code(), StatusCode::kDataLoss)
        << end_marker;
    EXPECT_EQ(CopyJpegWithoutMetadata(cut, kLimit).status().code(), StatusCode::kDataLoss)
        << end_marker;
  }
}

}  // namespace
}  // namespace jae
