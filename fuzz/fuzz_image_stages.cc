// The local engine's pure image stages on hostile pixels and shapes: a 3000 x 3 strip once
// made OpenCV's resize throw deep inside the outline finder. The input's first bytes give an
// image's size (1 to 1024 pixels a side, any aspect), channels and block size (so that large
// shapes, bands and strokes form, not only noise); the rest are its pixels, repeated. Every
// stage a decoded upload meets before Tesseract runs on it. Beyond "no crash and no OpenCV
// exception", it checks each stage's contract on sizes: boxes inside the image, masks and
// outputs the size they promise.
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include "engine/local/document_finder.h"
#include "engine/local/flatten_light.h"
#include "engine/local/mrz_finder.h"
#include "engine/local/mrz_zone.h"
#include "engine/local/polarity.h"
#include "engine/local/qr_codes.h"
#include "engine/local/rule_lines.h"
#include "engine/local/small_words.h"

namespace {

void Require(bool condition) {
  if (!condition) std::abort();
}

cv::Mat ImageFrom(const std::uint8_t* data, std::size_t size) {
  const int width = 1 + ((data[0] | data[1] << 8) % 1024);
  const int height = 1 + ((data[2] | data[3] << 8) % 1024);
  const int channels = (data[4] & 1) ? 3 : 1;
  const int block = 1 << (2 * (data[4] >> 1 & 3));  // 1, 4, 16 or 64 pixels a byte
  const std::uint8_t* pixels = data + 5;
  const std::size_t count = size - 5;
  cv::Mat image(height, width, channels == 3 ? CV_8UC3 : CV_8UC1);
  std::size_t i = 0;
  for (int y = 0; y < height; ++y) {
    auto* row = image.ptr<std::uint8_t>(y);
    for (int x = 0; x < width; ++x) {
      for (int c = 0; c < channels; ++c) {
        const std::size_t cell = static_cast<std::size_t>(y / block) * (width / block + 1) +
                                 static_cast<std::size_t>(x / block);
        row[x * channels + c] = count == 0 ? 128 : pixels[(cell * channels + c + i) % count];
      }
    }
    i += y % 7 == 0 ? 1 : 0;  // not the same row forever when blocks are one pixel
  }
  return image;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 6 || size > 4096) return 0;
  const cv::Mat image = ImageFrom(data, size);
  cv::Mat bgr = image, gray = image;
  if (image.channels() == 1) {
    cv::cvtColor(image, bgr, cv::COLOR_GRAY2BGR);
  } else {
    cv::cvtColor(image, gray, cv::COLOR_BGR2GRAY);
  }
  const cv::Rect whole(0, 0, gray.cols, gray.rows);

  (void)jae::local::LightTextOnDark(bgr);
  for (const auto& region : jae::local::LightTextRegions(gray)) {
    Require((region.box & whole) == region.box && region.mask.size() == region.box.size());
    const cv::Mat dark_on_white = jae::local::DarkTextOnWhite(gray, region);
    Require(dark_on_white.empty() || dark_on_white.size() == region.box.size());
  }
  const auto tags = jae::local::LightTextChips(gray);
  Require(tags.size() <= static_cast<size_t>(jae::local::kMaxLightTextChips));
  for (const auto& tag : tags) {
    Require((tag.box & whole) == tag.box && tag.mask.size() == tag.box.size());
    const cv::Mat dark_on_white = jae::local::DarkTextOnWhite(gray, tag);
    Require(dark_on_white.empty() || dark_on_white.size() == tag.box.size());
  }
  // A found code is a square inside the image; painting it white keeps the image's size.
  const auto codes = jae::local::FindQrCodes(gray);
  Require(codes.size() <= 1);
  cv::Mat painted = bgr.clone();
  jae::local::PaintQrCodesWhite(painted, codes);
  Require(painted.size() == bgr.size() && painted.type() == bgr.type());
  const cv::Mat both = jae::local::InkOfBothPolarities(gray);
  Require(both.empty() || both.size() == gray.size());
  Require(jae::local::FlattenLight(gray).size() == gray.size());
  Require(jae::local::WithoutRuleLines(gray).size() == gray.size());
  Require(jae::local::WithoutDotLeaders(gray).size() == gray.size());
  Require(jae::local::WithoutCharacterBoxes(gray).size() == gray.size());
  Require(jae::local::WithoutDotLeadersOrCharacterBoxes(gray).size() == gray.size());
  // A line's box from the input, anywhere (partly outside the image, empty).
  jae::local::OcrLine line;
  line.box = cv::Rect(data[0] % 64 - 16, data[2] % 64 - 16, data[1] % 128, data[3] % 128);
  if (const auto bands = jae::local::CaptionBandOver(gray, line, 1 + data[4] % 40)) {
    for (const cv::Rect& area : {bands->first, bands->second}) {
      Require((area & whole) == area && area.width >= 4 && area.height >= 4);
    }
  }
  // Words from the input inside and around the line: stacked captions' areas stay inside.
  for (size_t k = 0; k + 3 < std::min<size_t>(size, 24); k += 4) {
    line.words.push_back(jae::local::OcrWord{
        "w", cv::Rect(data[k] % 80 - 8, data[k + 1] % 80 - 8, data[k + 2] % 60, data[k + 3] % 60),
        (data[k] % 100) / 100.0});
  }
  // A dropped caption's area over the line stays inside the image.
  line.confidence = (data[5] % 100) / 100.0;
  if (const auto area = jae::local::DroppedCaptionArea(gray, line, {line})) {
    Require((*area & whole) == *area && area->width >= 8 && area->height >= 4);
  }
  for (const auto& caption : jae::local::StackedCaptions(gray, line)) {
    Require(caption.first < caption.end && caption.end <= line.words.size());
    for (const cv::Rect& area : {caption.upper, caption.lower}) {
      Require((area & whole) == area && !area.empty());
    }
  }
  const auto outlines = jae::local::FindOutlines(bgr, 3);
  if (!outlines.empty()) {
    if (const auto other = jae::local::OtherSideOutline(outlines, outlines.front())) {
      Require(other->size() == 4);
    }
  }
  (void)jae::local::FindMrzCandidates(gray, 4);
  (void)jae::local::LocateMrz(gray);
  for (const auto& outline : outlines) Require(outline.size() == 4);
  return 0;
}
