#include "engine/local/qr_codes.h"

#include <opencv2/imgproc.hpp>
#include <opencv2/objdetect.hpp>

namespace jae::local {

namespace {

// A code smaller than this (its side in pixels) is noise the detector took for one, or too
// small to disturb the reading of text beside it.
constexpr float kLeastSide = 24.0f;
// The quiet zone around a code, as a fraction of its side (4 of 21-33 modules).
constexpr float kQuietZone = 0.04f;

// How far a code's sides and diagonals may differ from their mean (a photo's perspective
// skews a square a little). The detector also answers on a card's portrait or guilloche
// with quads of sides 156 to 320 pixels, or crossing the image's edge: no code is so drawn.
constexpr double kSquareTolerance = 0.15;

double Length(cv::Point2f a, cv::Point2f b) { return cv::norm(a - b); }

// Whether `q` is what a QR code looks like on a document: nearly a square, inside the image,
// large enough to matter.
bool LooksLikeACode(const Quad& q, cv::Size size) {
  double sides[4], mean = 0;
  for (int i = 0; i < 4; ++i) mean += (sides[i] = Length(q[i], q[(i + 1) % 4])) / 4;
  if (mean < kLeastSide) return false;
  for (double side : sides) {
    if (std::abs(side - mean) > kSquareTolerance * mean) return false;
  }
  const double d1 = Length(q[0], q[2]), d2 = Length(q[1], q[3]);
  if (std::abs(d1 - d2) > kSquareTolerance * (d1 + d2) / 2) return false;
  const cv::Rect2f inside(-2.0f, -2.0f, size.width + 4.0f, size.height + 4.0f);
  for (const cv::Point2f& p : q) {
    if (!inside.contains(p)) return false;
  }
  return true;
}

}  // namespace

std::vector<Quad> FindQrCodes(const cv::Mat& gray) {
  std::vector<Quad> codes;
  if (gray.empty() || gray.type() != CV_8UC1 || gray.cols < 32 || gray.rows < 32) return codes;
  // detect(), not detectMulti(): a document carries one code, and detectMulti missed the
  // codes of willow's licences that detect() found (at half size both missed some).
  std::vector<cv::Point2f> corners;
  cv::QRCodeDetector detector;
  if (!detector.detect(gray, corners) || corners.size() != 4) return codes;
  Quad q;
  for (int k = 0; k < 4; ++k) q[k] = corners[k];
  if (LooksLikeACode(q, gray.size())) codes.push_back(q);
  return codes;
}

void PaintQrCodesWhite(cv::Mat& image, const std::vector<Quad>& codes) {
  for (const Quad& q : codes) {
    const cv::Point2f centre = (q[0] + q[1] + q[2] + q[3]) * 0.25f;
    std::vector<cv::Point> grown;
    for (const cv::Point2f& p : q) {
      // Each corner pushed out from the centre by the quiet zone of the side.
      grown.emplace_back(centre + (p - centre) * (1.0f + 2.0f * kQuietZone));
    }
    cv::fillConvexPoly(image, grown, cv::Scalar::all(255));
  }
}

}  // namespace jae::local
