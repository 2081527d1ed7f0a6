#include "degrade.h"

#include <algorithm>
#include <cmath>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <vector>

namespace jae::gendocs {
namespace {

double UniformReal(std::mt19937_64& rng, double lo, double hi) {
  return std::uniform_real_distribution<double>(lo, hi)(rng);
}
int Uniform(std::mt19937_64& rng, int lo, int hi) {
  return std::uniform_int_distribution<int>(lo, hi)(rng);
}

void AddNoise(cv::Mat& img, double sigma, std::mt19937_64& rng) {
  if (sigma <= 0) return;
  cv::Mat noise(img.size(), CV_16SC3);
  cv::RNG local(rng());  // seeded from ours: deterministic, no shared state
  local.fill(noise, cv::RNG::NORMAL, cv::Scalar::all(0), cv::Scalar::all(sigma));
  cv::Mat img16;
  img.convertTo(img16, CV_16SC3);
  img16 += noise;
  img16.convertTo(img, CV_8UC3);
}

// A table/wood/fabric-like background: smooth colour field, blobs, lines and noise.
cv::Mat Texture(std::mt19937_64& rng, cv::Size size) {
  cv::Mat small(4, 4, CV_8UC3);
  const int dark = Uniform(rng, 0, 1);
  for (int i = 0; i < 16; ++i) {
    const int lo = dark ? 30 : 90, hi = dark ? 120 : 200;
    small.at<cv::Vec3b>(i / 4, i % 4) =
        cv::Vec3b(Uniform(rng, lo, hi), Uniform(rng, lo, hi), Uniform(rng, lo, hi));
  }
  cv::Mat bg;
  cv::resize(small, bg, size, 0, 0, cv::INTER_CUBIC);
  for (int i = 0; i < 12; ++i) {
    const cv::Point a(Uniform(rng, 0, size.width), Uniform(rng, 0, size.height));
    const cv::Point b(Uniform(rng, 0, size.width), Uniform(rng, 0, size.height));
    const cv::Scalar c(Uniform(rng, 20, 220), Uniform(rng, 20, 220), Uniform(rng, 20, 220));
    if (i % 3 == 0)
      cv::line(bg, a, b, c, Uniform(rng, 1, 4), cv::LINE_AA);
    else if (i % 3 == 1)
      cv::circle(bg, a, Uniform(rng, 5, std::max(6, size.width / 10)), c, cv::FILLED, cv::LINE_AA);
  }
  AddNoise(bg, 10, rng);
  cv::GaussianBlur(bg, bg, cv::Size(3, 3), 0);
  return bg;
}

// Multiplies by a linear light gradient between `lo` and `hi`.
void UnevenLight(cv::Mat& img, double lo, double hi, std::mt19937_64& rng) {
  const double angle = UniformReal(rng, 0, 2 * M_PI);
  const double dx = std::cos(angle), dy = std::sin(angle);
  cv::Mat gain(img.size(), CV_32FC1);
  const double norm = std::abs(dx) * img.cols + std::abs(dy) * img.rows;
  for (int y = 0; y < img.rows; ++y) {
    float* row = gain.ptr<float>(y);
    for (int x = 0; x < img.cols; ++x) {
      double t = (dx * x + dy * y) / norm + 0.5;
      row[x] = static_cast<float>(lo + (hi - lo) * std::clamp(t, 0.0, 1.0));
    }
  }
  cv::Mat f;
  img.convertTo(f, CV_32FC3);
  cv::Mat gain3;
  cv::merge(std::vector<cv::Mat>{gain, gain, gain}, gain3);
  f = f.mul(gain3);
  f.convertTo(img, CV_8UC3);
}

void Glare(cv::Mat& img, std::mt19937_64& rng) {
  cv::Mat spot(img.size(), CV_32FC1, cv::Scalar(0));
  const cv::Point c(Uniform(rng, 0, img.cols - 1), Uniform(rng, 0, img.rows - 1));
  const int r = Uniform(rng, img.cols / 10, img.cols / 5);
  cv::circle(spot, c, r, cv::Scalar(1.0), cv::FILLED);
  cv::GaussianBlur(spot, spot, cv::Size(0, 0), r / 2.0);
  const double strength = UniformReal(rng, 0.4, 0.8);
  cv::Mat f;
  img.convertTo(f, CV_32FC3);
  for (int y = 0; y < img.rows; ++y) {
    const float* s = spot.ptr<float>(y);
    cv::Vec3f* p = f.ptr<cv::Vec3f>(y);
    for (int x = 0; x < img.cols; ++x) {
      const float a = static_cast<float>(s[x] * strength);
      p[x] = p[x] * (1 - a) + cv::Vec3f(255, 255, 255) * a;
    }
  }
  f.convertTo(img, CV_8UC3);
}

std::string Encode(const cv::Mat& img, int quality) {
  std::vector<uchar> buf;
  cv::imencode(".jpg", img, buf, {cv::IMWRITE_JPEG_QUALITY, quality});
  return std::string(buf.begin(), buf.end());
}

// Places the document into a canvas of `canvas` size through homography `h`.
void Composite(const cv::Mat& doc, const cv::Mat& mask, const cv::Mat& h, cv::Mat& canvas) {
  cv::Mat warped, warped_mask;
  cv::warpPerspective(doc, warped, h, canvas.size(), cv::INTER_AREA, cv::BORDER_CONSTANT);
  cv::warpPerspective(mask, warped_mask, h, canvas.size(), cv::INTER_LINEAR, cv::BORDER_CONSTANT);
  cv::Mat alpha;
  warped_mask.convertTo(alpha, CV_32FC1, 1.0 / 255);
  cv::Mat a3;
  cv::merge(std::vector<cv::Mat>{alpha, alpha, alpha}, a3);
  cv::Mat c, w;
  canvas.convertTo(c, CV_32FC3);
  warped.convertTo(w, CV_32FC3);
  cv::Mat out = w.mul(a3) + c.mul(cv::Scalar::all(1.0) - a3);
  out.convertTo(canvas, CV_8UC3);
}

}  // namespace

std::string ConditionName(Condition c) {
  switch (c) {
    case Condition::kScan:
      return "scan";
    case Condition::kPhoto:
      return "photo";
    case Condition::kHard:
      return "hard";
  }
  return "?";
}

bool ConditionFromName(const std::string& name, Condition* c) {
  for (Condition k : kAllConditions) {
    if (ConditionName(k) == name) {
      *c = k;
      return true;
    }
  }
  return false;
}

Captured Capture(const cv::Mat& document, const cv::Mat& mask, Condition condition,
                 std::mt19937_64& rng) {
  Captured out;
  const double dw = document.cols, dh = document.rows;
  std::vector<cv::Point2f> src = {{0, 0},
                                  {static_cast<float>(dw), 0},
                                  {static_cast<float>(dw), static_cast<float>(dh)},
                                  {0, static_cast<float>(dh)}};
  if (condition == Condition::kScan) {
    // A flatbed scan: white bed, a thin shadow at the edge, straight, clean.
    const int margin = static_cast<int>(dw * UniformReal(rng, 0.03, 0.08));
    cv::Mat canvas(document.rows + 2 * margin, document.cols + 2 * margin, CV_8UC3,
                   cv::Scalar(250, 250, 250));
    const double angle = UniformReal(rng, -0.8, 0.8);
    cv::Mat rot = cv::getRotationMatrix2D(
        cv::Point2f(static_cast<float>(dw / 2), static_cast<float>(dh / 2)), angle, 1.0);
    rot.at<double>(0, 2) += margin;
    rot.at<double>(1, 2) += margin;
    cv::Mat h = cv::Mat::eye(3, 3, CV_64F);
    rot.copyTo(h.rowRange(0, 2));
    cv::Mat shadow_h = h.clone();
    shadow_h.at<double>(0, 2) += 2;
    shadow_h.at<double>(1, 2) += 2;
    cv::Mat shadow(document.size(), CV_8UC3, cv::Scalar(170, 170, 170));
    Composite(shadow, mask, shadow_h, canvas);
    Composite(document, mask, h, canvas);
    AddNoise(canvas, 2.0, rng);
    out.jpeg = Encode(canvas, 90);
    cv::perspectiveTransform(src, out.corners, h);
    out.rotation_deg = angle;
    out.document_width = document.cols;
    return out;
  }
  const bool hard = condition == Condition::kHard;
  const double target_w = hard ? UniformReal(rng, 420, 700) : UniformReal(rng, 700, 2000);
  const double s = target_w / dw;
  const double angle = hard ? UniformReal(rng, 0, 360) : UniformReal(rng, -15, 15);
  const double rad = angle * M_PI / 180;
  // Canvas large enough for the rotated document plus a border of background.
  const double cw = s * (std::abs(dw * std::cos(rad)) + std::abs(dh * std::sin(rad)));
  const double ch = s * (std::abs(dw * std::sin(rad)) + std::abs(dh * std::cos(rad)));
  const double border = UniformReal(rng, 0.08, 0.25);
  const cv::Size canvas_size(static_cast<int>(cw * (1 + 2 * border)),
                             static_cast<int>(ch * (1 + 2 * border)));
  std::vector<cv::Point2f> dst;
  const cv::Point2f center(
      canvas_size.width / 2.0f + static_cast<float>(UniformReal(rng, -0.05, 0.05) * cw),
      canvas_size.height / 2.0f + static_cast<float>(UniformReal(rng, -0.05, 0.05) * ch));
  const double jitter = 0.05 * target_w;
  for (const auto& p : src) {
    const double x = (p.x - dw / 2) * s, y = (p.y - dh / 2) * s;
    // Rotation counter-clockwise on screen (y down).
    const double rx = x * std::cos(rad) + y * std::sin(rad);
    const double ry = -x * std::sin(rad) + y * std::cos(rad);
    dst.emplace_back(static_cast<float>(center.x + rx + UniformReal(rng, -jitter, jitter)),
                     static_cast<float>(center.y + ry + UniformReal(rng, -jitter, jitter)));
  }
  cv::Mat canvas = Texture(rng, canvas_size);
  const cv::Mat h = cv::getPerspectiveTransform(src, dst);
  Composite(document, mask, h, canvas);
  UnevenLight(canvas, UniformReal(rng, 0.55, 0.85), UniformReal(rng, 0.95, 1.1), rng);
  if (hard) Glare(canvas, rng);
  const double blur = UniformReal(rng, 0.0, hard ? 1.6 : 1.3);
  if (blur > 0.3) cv::GaussianBlur(canvas, canvas, cv::Size(0, 0), blur);
  AddNoise(canvas, UniformReal(rng, 2, hard ? 10 : 7), rng);
  out.jpeg = Encode(canvas, hard ? Uniform(rng, 40, 70) : Uniform(rng, 55, 85));
  out.rotation_deg = angle;
  out.corners = dst;
  out.document_width = static_cast<int>(target_w);
  return out;
}

std::string BackgroundOnly(std::mt19937_64& rng, cv::Size size) {
  return Encode(Texture(rng, size), 80);
}

}  // namespace jae::gendocs
