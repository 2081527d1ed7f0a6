#include "engine/local/rule_lines.h"

#include <algorithm>
#include <opencv2/imgproc.hpp>

namespace jae::local {

cv::Mat WithoutRuleLines(const cv::Mat& gray) {
  if (gray.empty() || gray.type() != CV_8UC1) return gray;
  // Ink: darker than its neighbourhood by a clear margin, whatever the paper's tint.
  const int block = std::max(15, (std::min(gray.cols, gray.rows) / 40) | 1);
  cv::Mat ink;
  cv::adaptiveThreshold(gray, ink, 255, cv::ADAPTIVE_THRESH_MEAN_C, cv::THRESH_BINARY_INV, block,
                        20);
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

}  // namespace jae::local
