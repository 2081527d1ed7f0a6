#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <thread>
#include <vector>

#include "image/image.h"
#include "image/image_fixtures.h"
#include "image/jpeg_decode.h"

namespace jae {
namespace {

using testing::Pattern;

NormalizedImage NormalizeOk(const std::string& bytes, NormalizeOptions options = {}) {
  auto outcome = NormalizeImage(bytes, options);
  EXPECT_TRUE(outcome.ok()) << outcome.status().ToString();
  if (!outcome.ok()) return {};
  EXPECT_FALSE(outcome->rejection) << outcome->rejection->message;
  EXPECT_TRUE(outcome->image);
  return outcome->image.value_or(NormalizedImage{});
}

ErrorCode RejectionOf(const std::string& bytes, NormalizeOptions options = {}) {
  auto outcome = NormalizeImage(bytes, options);
  EXPECT_TRUE(outcome.ok()) << outcome.status().ToString();
  if (!outcome.ok()) return ErrorCode::kInternal;
  EXPECT_FALSE(outcome->image);
  if (!outcome->rejection) return ErrorCode::kInternal;
  EXPECT_FALSE(outcome->rejection->message.empty());
  return outcome->rejection->code;
}

TEST(NormalizeImage, EveryAcceptedFormatBecomesAJpeg) {
  struct Case {
    std::string name;
    std::string bytes;
    std::string type;
  };
  std::vector<Case> cases = {
      {"jpeg", testing::MakeJpeg(300, 200, Pattern::kLeftHalfBlack), "image/jpeg"},
      {"png", testing::MakePng(300, 200, Pattern::kLeftHalfBlack), "image/png"},
      {"webp", testing::MakeWebp(300, 200, Pattern::kLeftHalfBlack), "image/webp"},
      {"tiff", testing::MakeTiff(300, 200, Pattern::kLeftHalfBlack), "image/tiff"},
  };
  const std::string heic = testing::MakeHeic(300, 200, Pattern::kLeftHalfBlack);
  if (!heic.empty()) cases.push_back({"heic", heic, "image/heic"});
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    ASSERT_FALSE(c.bytes.empty());
    const NormalizedImage image = NormalizeOk(c.bytes);
    EXPECT_EQ(image.mime_type, "image/jpeg");
    EXPECT_EQ(SniffMediaType(image.bytes), "image/jpeg");
    EXPECT_EQ(image.source_type, c.type);
    EXPECT_EQ(image.width, 300);  // small images are never enlarged
    EXPECT_EQ(image.height, 200);
    EXPECT_EQ(image.source_width, 300);
    EXPECT_EQ(image.source_height, 200);
    EXPECT_LT(testing::MeanOfBox(image.bytes, 10, 10, 100, 180), 40);    // left half dark
    EXPECT_GT(testing::MeanOfBox(image.bytes, 190, 10, 100, 180), 215);  // right half light
  }
}

TEST(NormalizeImage, HeicNeedsAnEncoderToTest) {
  if (testing::MakeHeic(64, 64, Pattern::kNoise).empty()) {
    GTEST_SKIP() << "this libvips/libheif has no HEVC encoder: HEIC decode untested here";
  }
}

TEST(NormalizeImage, AppliesExifOrientation) {
  // Orientation 6: the stored image must be turned 90 degrees clockwise to be upright,
  // so its left (black) half ends up on top.
  const NormalizedImage image =
      NormalizeOk(testing::MakeJpeg(400, 200, Pattern::kLeftHalfBlack, /*exif_orientation=*/6));
  EXPECT_EQ(image.width, 200);
  EXPECT_EQ(image.height, 400);
  EXPECT_LT(testing::MeanOfBox(image.bytes, 10, 10, 180, 150), 40);
  EXPECT_GT(testing::MeanOfBox(image.bytes, 10, 240, 180, 150), 215);

  // Orientation 3: upside down, so black moves to the right.
  const NormalizedImage flipped =
      NormalizeOk(testing::MakeJpeg(400, 200, Pattern::kLeftHalfBlack, /*exif_orientation=*/3));
  EXPECT_EQ(flipped.width, 400);
  EXPECT_GT(testing::MeanOfBox(flipped.bytes, 10, 10, 150, 180), 215);
  EXPECT_LT(testing::MeanOfBox(flipped.bytes, 240, 10, 150, 180), 40);
}

TEST(NormalizeImage, StripsMetadataSoOrientationIsNotAppliedTwice) {
  const NormalizedImage image =
      NormalizeOk(testing::MakeJpeg(400, 200, Pattern::kLeftHalfBlack, 6));
  // Normalising the output again must not rotate it again.
  const NormalizedImage again = NormalizeOk(image.bytes);
  EXPECT_EQ(again.width, 200);
  EXPECT_EQ(again.height, 400);
  EXPECT_EQ(image.bytes.find("Exif"), std::string::npos);
}

TEST(NormalizeImage, AJpegThatFitsIsPassedOnLosslesslyWithoutMetadata) {
  const std::string jpeg = testing::MakeJpeg(800, 500, Pattern::kNoise, /*exif_orientation=*/1);
  const NormalizedImage image = NormalizeOk(jpeg);
  EXPECT_EQ(image.width, 800);
  EXPECT_EQ(image.height, 500);
  EXPECT_EQ(image.bytes.find("Exif"), std::string::npos);
  // Same coefficients: within a few bytes of the original minus its EXIF block.
  EXPECT_NEAR(static_cast<double>(image.bytes.size()), static_cast<double>(jpeg.size()),
              0.05 * static_cast<double>(jpeg.size()));
}

TEST(NormalizeImage, DownscalesTheLongerSideToTheBound) {
  // A JPEG is scaled by eighths inside its decoder (jpeg_decode.h): 3000 -> 1500, within
  // the bound and no resampling; 8000 -> 2000 (1000 would lose too much) -> resampled.
  const NormalizedImage wide = NormalizeOk(testing::MakeJpeg(3000, 1000, Pattern::kNoise));
  EXPECT_EQ(wide.width, 1500);
  EXPECT_EQ(wide.height, 500);
  EXPECT_EQ(wide.source_width, 3000);
  const NormalizedImage wider = NormalizeOk(testing::MakeJpeg(8000, 1000, Pattern::kNoise));
  EXPECT_EQ(wider.width, 1536);
  EXPECT_EQ(wider.height, 192);
  const NormalizedImage sideways =
      NormalizeOk(testing::MakeJpeg(8000, 1000, Pattern::kLeftHalfBlack, /*exif_orientation=*/6));
  EXPECT_EQ(sideways.width, 192);
  EXPECT_EQ(sideways.height, 1536);
  EXPECT_LT(testing::MeanOfBox(sideways.bytes, 10, 10, 170, 700), 40);
  EXPECT_GT(testing::MeanOfBox(sideways.bytes, 10, 800, 170, 700), 215);

  const NormalizedImage tall = NormalizeOk(testing::MakePng(500, 2000, Pattern::kNoise));
  EXPECT_EQ(tall.height, 1536);
  EXPECT_EQ(tall.width, 384);

  NormalizeOptions small;
  small.max_side = 100;
  const NormalizedImage bounded = NormalizeOk(testing::MakeTiff(640, 480, Pattern::kNoise), small);
  EXPECT_EQ(std::max(bounded.width, bounded.height), 100);
  EXPECT_EQ(bounded.height, 75);
}

TEST(NormalizeImage, TransparencyBecomesWhite) {
  const NormalizedImage image = NormalizeOk(testing::MakeTransparentPng(64, 64));
  EXPECT_GT(testing::MeanOfBox(image.bytes, 0, 0, 64, 64), 250);
  const NormalizedImage opaque =
      NormalizeOk(testing::MakePng(64, 64, Pattern::kLeftHalfBlack, true));
  EXPECT_LT(testing::MeanOfBox(opaque.bytes, 0, 0, 30, 64), 40);
}

TEST(NormalizeImage, UnusualColourBecomesEightBitJpeg) {
  const NormalizedImage deep = NormalizeOk(testing::MakePng16(200, 100));
  EXPECT_EQ(testing::BandsOf(deep.bytes), 3);
  EXPECT_LT(testing::MeanOfBox(deep.bytes, 5, 5, 80, 90), 40);
  EXPECT_GT(testing::MeanOfBox(deep.bytes, 115, 5, 80, 90), 215);

  const NormalizedImage grey = NormalizeOk(testing::MakeGreyPng(200, 100));
  EXPECT_EQ(testing::BandsOf(grey.bytes), 1);
  EXPECT_LT(testing::MeanOfBox(grey.bytes, 5, 5, 80, 90), 40);
  const NormalizedImage grey_jpeg = NormalizeOk(testing::MakeGreyJpeg(200, 100));
  EXPECT_EQ(testing::BandsOf(grey_jpeg.bytes), 1);
  EXPECT_LT(testing::MeanOfBox(grey_jpeg.bytes, 5, 5, 80, 90), 40);
  EXPECT_GT(testing::MeanOfBox(grey_jpeg.bytes, 115, 5, 80, 90), 215);

  const std::string cmyk = testing::MakeCmykJpeg(200, 100);
  ASSERT_FALSE(cmyk.empty());
  const NormalizedImage rgb = NormalizeOk(cmyk);
  EXPECT_EQ(testing::BandsOf(rgb.bytes), 3);
  EXPECT_LT(testing::MeanOfBox(rgb.bytes, 5, 5, 80, 90), 80);
  EXPECT_GT(testing::MeanOfBox(rgb.bytes, 115, 5, 80, 90), 200);
}

TEST(NormalizeImage, RendersTheFirstPdfPageAtTheBound) {
  // Page 1 is a black portrait page, page 2 a white landscape one.
  const NormalizedImage image = NormalizeOk(testing::MakePdf({{300, 600}, {600, 300}}));
  EXPECT_EQ(image.source_type, "application/pdf");
  EXPECT_EQ(image.mime_type, "image/jpeg");
  EXPECT_EQ(image.height, 1536);  // a vector page is rendered at the bound, not at 72 dpi
  EXPECT_EQ(image.width, 768);
  EXPECT_LT(testing::MeanOfBox(image.bytes, 0, 0, image.width, image.height), 20);
}

TEST(NormalizeImage, RefusesADecompressionBombFromItsHeader) {
  const std::string bomb = testing::MakePngHeaderOnly(100000, 100000);
  EXPECT_EQ(SniffMediaType(bomb), "image/png");
  EXPECT_EQ(RejectionOf(bomb), ErrorCode::kTooLarge);

  NormalizeOptions tight;
  tight.max_pixels = 1000;
  EXPECT_EQ(RejectionOf(testing::MakeJpeg(100, 100, Pattern::kNoise), tight), ErrorCode::kTooLarge);
}

TEST(NormalizeImage, GivesUpPastItsTimeLimit) {
  // A PNG goes through libvips strip by strip; with a 1 ms budget it cannot finish.
  const std::string png = testing::MakePng(1600, 1600, Pattern::kNoise);
  NormalizeOptions hurried;
  hurried.time_limit = std::chrono::milliseconds(1);
  EXPECT_EQ(RejectionOf(png, hurried), ErrorCode::kTooLarge);
}

TEST(NormalizeImage, APdfPageKeepsItsColours) {
  // MakePdf fills even pages black; the same page in red (same length, same offsets).
  std::string pdf = testing::MakePdf({{300, 400}});
  const auto fill = pdf.find("0 0 0 rg");
  ASSERT_NE(fill, std::string::npos);
  pdf.replace(fill, 8, "1 0 0 rg");
  const NormalizedImage image = NormalizeOk(pdf);
  auto pixels = DecodeJpegScaled(image.bytes, 8, 100'000'000);
  ASSERT_TRUE(pixels.ok()) << pixels.status().ToString();
  ASSERT_EQ(pixels->bands, 3);
  const std::size_t middle = (pixels->pixels.size() / 6) * 3;  // some pixel mid-page
  EXPECT_GT(pixels->pixels[middle], 200);                      // red
  EXPECT_LT(pixels->pixels[middle + 1], 60);                   // green
  EXPECT_LT(pixels->pixels[middle + 2], 60);                   // blue
}

// Issue 12, item 4: a few KB drawing 400,000 strokes rendered for 27 s (51 s on a loaded
// machine) against the 15 s limit; the renderer is now killed at the limit.
TEST(NormalizeImage, APdfThatRendersTooLongIsStoppedAtTheLimit) {
  const std::string pdf = testing::MakeStrokeBombPdf(400000);
  ASSERT_LT(pdf.size(), 64u * 1024);
  NormalizeOptions options;
  options.time_limit = std::chrono::milliseconds(1500);
  const auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(RejectionOf(pdf, options), ErrorCode::kTooLarge);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(3000));
}

TEST(NormalizeImage, RejectsWhatIsNotAnAcceptedImage) {
  EXPECT_EQ(RejectionOf(""), ErrorCode::kUnsupportedMediaType);
  EXPECT_EQ(RejectionOf("just some text, not an image"), ErrorCode::kUnsupportedMediaType);
  EXPECT_EQ(RejectionOf("GIF89a\x01\x00\x01\x00\x00\x00\x00"), ErrorCode::kUnsupportedMediaType);
}

TEST(NormalizeImage, RejectsTruncatedAndCorruptFilesAsUndecodable) {
  const std::string jpeg = testing::MakeJpeg(800, 600, Pattern::kNoise);
  EXPECT_EQ(RejectionOf(jpeg.substr(0, jpeg.size() / 2)), ErrorCode::kUndecodable);
  EXPECT_EQ(RejectionOf(jpeg.substr(0, 20)), ErrorCode::kUndecodable);
  const std::string png = testing::MakePng(800, 600, Pattern::kNoise);
  EXPECT_EQ(RejectionOf(png.substr(0, png.size() / 2)), ErrorCode::kUndecodable);
  EXPECT_EQ(RejectionOf(png.substr(0, 8)), ErrorCode::kUndecodable);
  EXPECT_EQ(RejectionOf("%PDF-1.4\nthis is not a pdf at all\n"), ErrorCode::kUndecodable);
  EXPECT_EQ(RejectionOf(std::string("II*\0garbage-garbage", 19)), ErrorCode::kUndecodable);
  const std::string webp = testing::MakeWebp(400, 300, Pattern::kNoise);
  EXPECT_EQ(RejectionOf(webp.substr(0, webp.size() / 2)), ErrorCode::kUndecodable);
}

TEST(NormalizeImage, IsSafeToCallFromManyThreads) {
  const std::string jpeg = testing::MakeJpeg(900, 600, Pattern::kLeftHalfBlack, 6);
  const std::string bad = jpeg.substr(0, jpeg.size() / 3);
  std::vector<std::thread> threads;
  std::vector<int> good(8, 0);
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 4; ++i) {
        auto ok = NormalizeImage(jpeg, {});
        auto ko = NormalizeImage(bad, {});
        if (ok.ok() && ok->image && ok->image->width == 600 && ko.ok() && ko->rejection) ++good[t];
      }
    });
  }
  for (auto& th : threads) th.join();
  for (int t = 0; t < 8; ++t) EXPECT_EQ(good[t], 4);
}

}  // namespace
}  // namespace jae
