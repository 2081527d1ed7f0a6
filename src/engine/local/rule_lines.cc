#include "engine/local/rule_lines.h"

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>
#include <vector>

namespace jae::local {

namespace {

// Ink: darker than its neighbourhood by a clear margin, whatever the paper's tint.
cv::Mat InkOf(const cv::Mat& gray) {
  const int block = std::max(15, (std::min(gray.cols, gray.rows) / 40) | 1);
  cv::Mat ink;
  cv::adaptiveThreshold(gray, ink, 255, cv::ADAPTIVE_THRESH_MEAN_C, cv::THRESH_BINARY_INV, block,
                        20);
  return ink;
}

}  // namespace

cv::Mat WithoutRuleLines(const cv::Mat& gray) {
  if (gray.empty() || gray.type() != CV_8UC1) return gray;
  const cv::Mat ink = InkOf(gray);
  const int along_x = std::max(60, gray.cols / 6);
  const int along_y = std::max(30, gray.rows / 12);
  cv::Mat horizontal, vertical;
  cv::morphologyEx(ink, horizontal, cv::MORPH_OPEN,
                   cv::getStructuringElement(cv::MORPH_RECT, cv::Size(along_x, 1)));
  cv::morphologyEx(ink, vertical, cv::MORPH_OPEN,
                   cv::getStructuringElement(cv::MORPH_RECT, cv::Size(1, along_y)));
  // A rule is thin; a line of small text blurred into one bar (a hard photo's captions)
  // is as thick as its letters are tall, and stays.
  const int thin = std::max(3, std::min(gray.cols, gray.rows) / 150);
  cv::Mat rules = cv::Mat::zeros(gray.size(), CV_8UC1);
  for (const auto& [mask, across] : {std::pair{horizontal, 1}, std::pair{vertical, 0}}) {
    cv::Mat labels, stats, centroids;
    const int n = cv::connectedComponentsWithStats(mask, labels, stats, centroids, 8, CV_32S);
    for (int c = 1; c < n; ++c) {
      const int thickness =
          across ? stats.at<int>(c, cv::CC_STAT_HEIGHT) : stats.at<int>(c, cv::CC_STAT_WIDTH);
      if (thickness <= thin) rules.setTo(255, labels == c);
    }
  }
  if (cv::countNonZero(rules) == 0) return gray;
  cv::dilate(rules, rules, cv::getStructuringElement(cv::MORPH_RECT, cv::Size(3, 3)));
  cv::Mat out = gray.clone();
  out.setTo(255, rules);
  return out;
}

namespace {

struct Dot {
  cv::Rect box;
  double cx, cy;
};

}  // namespace

cv::Mat WithoutDotLeaders(const cv::Mat& gray) {
  if (gray.empty() || gray.type() != CV_8UC1) return gray;
  const cv::Mat ink = InkOf(gray);
  cv::Mat labels, stats, centroids;
  const int n = cv::connectedComponentsWithStats(ink, labels, stats, centroids, 8, CV_32S);
  const int largest = std::max(2, std::min(gray.cols, gray.rows) / 150);
  std::vector<Dot> dots;
  for (int c = 1; c < n; ++c) {
    const int w = stats.at<int>(c, cv::CC_STAT_WIDTH), h = stats.at<int>(c, cv::CC_STAT_HEIGHT);
    if (w > largest || h > largest || w > 2 * h + 1 || h > 2 * w + 1) continue;
    dots.push_back(
        Dot{cv::Rect(stats.at<int>(c, cv::CC_STAT_LEFT), stats.at<int>(c, cv::CC_STAT_TOP), w, h),
            centroids.at<double>(c, 0), centroids.at<double>(c, 1)});
  }
  cv::Mat out;
  // Rows along x, and along y for a page still lying on its side (a portrait attestation
  // before it is turned upright).
  for (const bool along_x : {true, false}) {
    auto along = [&](const Dot& d) { return along_x ? d.cx : d.cy; };
    auto across = [&](const Dot& d) { return along_x ? d.cy : d.cx; };
    auto thickness = [&](const Dot& d) { return along_x ? d.box.height : d.box.width; };
    std::sort(dots.begin(), dots.end(),
              [&](const Dot& a, const Dot& b) { return along(a) < along(b); });
    // Rows grown in order: a dot joins the row whose last dot is on its baseline and
    // within reach; a row keeps its pitches to judge their regularity.
    struct Row {
      std::vector<size_t> members;
      std::vector<double> pitches;
    };
    std::vector<Row> rows;
    // Rows still open: their last dot within reach of the dots to come (dots come in order,
    // so a row left behind never grows again). Keeps a page of specks from costing the
    // square of its dots.
    std::vector<size_t> open;
    const double reach = 6.0 * largest;
    for (size_t i = 0; i < dots.size(); ++i) {
      std::erase_if(open, [&](size_t r) {
        return along(dots[i]) - along(dots[rows[r].members.back()]) > reach;
      });
      Row* joined = nullptr;
      for (size_t r : open) {
        Row& row = rows[r];
        const Dot& last = dots[row.members.back()];
        const double gap = along(dots[i]) - along(last);
        const double size = std::max(thickness(last), thickness(dots[i]));
        if (gap > 0.5 && gap <= reach &&
            std::abs(across(dots[i]) - across(last)) <= std::max(1.5, size / 2.0)) {
          joined = &row;
          break;
        }
      }
      if (joined) {
        joined->pitches.push_back(along(dots[i]) - along(dots[joined->members.back()]));
        joined->members.push_back(i);
      } else {
        open.push_back(rows.size());
        rows.push_back(Row{{i}, {}});
      }
    }
    for (const auto& row : rows) {
      if (row.members.size() < 6) continue;
      double mean = 0;
      for (double p : row.pitches) mean += p;
      mean /= static_cast<double>(row.pitches.size());
      double spread = 0;
      for (double p : row.pitches) spread += (p - mean) * (p - mean);
      spread = std::sqrt(spread / static_cast<double>(row.pitches.size()));
      // A leader's pitch is regular; specks of a guilloche or a photo's noise are not. Its
      // dots stand apart by more than their own size; the letters of a word printed tiny
      // (a hard photo's) nearly touch.
      double extent = 0;
      for (size_t i : row.members) extent += along_x ? dots[i].box.width : dots[i].box.height;
      extent /= static_cast<double>(row.members.size());
      if (spread > 0.35 * mean || mean < 2.0 * extent) continue;
      if (out.empty()) out = gray.clone();
      for (size_t i : row.members) {
        cv::Rect box = dots[i].box;
        box.x -= 1;
        box.y -= 1;
        box.width += 2;
        box.height += 2;
        out(box & cv::Rect(0, 0, out.cols, out.rows)).setTo(255);
      }
    }
  }
  return out.empty() ? gray : out;
}

}  // namespace jae::local
