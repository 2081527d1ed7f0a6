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
  const int along_x = std::max(40, gray.cols / 16);
  const int along_y = std::max(30, gray.rows / 12);
  cv::Mat horizontal, vertical;
  cv::morphologyEx(ink, horizontal, cv::MORPH_OPEN,
                   cv::getStructuringElement(cv::MORPH_RECT, cv::Size(along_x, 1)));
  cv::morphologyEx(ink, vertical, cv::MORPH_OPEN,
                   cv::getStructuringElement(cv::MORPH_RECT, cv::Size(1, along_y)));
  cv::Mat rules = horizontal | vertical;
  if (cv::countNonZero(rules) == 0) return gray;
  cv::dilate(rules, rules, cv::getStructuringElement(cv::MORPH_RECT, cv::Size(3, 3)));
  cv::Mat out = gray.clone();
  out.setTo(255, rules);
  return out;
}

}  // namespace jae::local
