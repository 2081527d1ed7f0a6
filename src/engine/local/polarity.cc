#include "engine/local/polarity.h"

#include <algorithm>
#include <opencv2/imgproc.hpp>

namespace jae::local {
namespace {

constexpr int kWorkSide = 800;  // characters stay whole at this size; the test stays cheap
// How many more light characters than dark ones make a dark theme: a dark-mode screen
// has almost no dark characters (only the holes of its letters), a page few light ones.
constexpr double kDominance = 2.0;
constexpr int kMinCharacters = 8;
// A dark theme's background: below the middle grey.
constexpr int kDarkSurround = 110;

// Connected parts of `mask` that have the size and shape of a printed character at
// this scale: long strips (a card's edge against a dark table) and blobs are not.
// `max_surround` (0-255): count only those whose surround in `gray` (their box without
// their own ink) is at most this bright — light marks on a light card (the light lines of
// a guilloche) are not dark-mode text.
int CharacterCount(const cv::Mat& mask, const cv::Mat& gray, int max_surround) {
  cv::Mat labels, stats, centroids;
  const int n = cv::connectedComponentsWithStats(mask, labels, stats, centroids, 8, CV_32S);
  int count = 0;
  for (int i = 1; i < n; ++i) {
    const int w = stats.at<int>(i, cv::CC_STAT_WIDTH), h = stats.at<int>(i, cv::CC_STAT_HEIGHT);
    const int area = stats.at<int>(i, cv::CC_STAT_AREA);
    if (h < 6 || h > 60 || w > 60 || w > 3 * h || area < 12) continue;
    if (area > 0.8 * w * h) continue;  // a solid block, not a glyph
    if (max_surround < 255) {
      const cv::Rect box(stats.at<int>(i, cv::CC_STAT_LEFT), stats.at<int>(i, cv::CC_STAT_TOP), w,
                         h);
      cv::Mat surround;
      cv::bitwise_not(mask(box), surround);
      if (cv::mean(gray(box), surround)[0] > max_surround) continue;
    }
    ++count;
  }
  return count;
}

}  // namespace

bool LightTextOnDark(const cv::Mat& image) {
  if (image.empty()) return false;
  cv::Mat gray;
  if (image.channels() == 3) {
    cv::cvtColor(image, gray, cv::COLOR_BGR2GRAY);
  } else if (image.channels() == 1) {
    gray = image;
  } else {
    return false;
  }
  const int side = std::max(gray.cols, gray.rows);
  if (side > kWorkSide) {
    const double scale = static_cast<double>(kWorkSide) / side;
    cv::resize(gray, gray, cv::Size(), scale, scale, cv::INTER_AREA);
  }
  // Ink is what differs from its neighbourhood: darker (paper) or lighter (dark mode).
  cv::Mat dark_ink, light_ink;
  cv::adaptiveThreshold(gray, dark_ink, 255, cv::ADAPTIVE_THRESH_MEAN_C, cv::THRESH_BINARY_INV, 31,
                        12);
  cv::Mat inverted;
  cv::bitwise_not(gray, inverted);
  cv::adaptiveThreshold(inverted, light_ink, 255, cv::ADAPTIVE_THRESH_MEAN_C, cv::THRESH_BINARY_INV,
                        31, 12);
  const int dark = CharacterCount(dark_ink, gray, 255);
  const int light = CharacterCount(light_ink, gray, kDarkSurround);
  return light >= kMinCharacters && light > kDominance * dark;
}

}  // namespace jae::local
