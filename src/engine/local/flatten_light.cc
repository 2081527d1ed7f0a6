#include "engine/local/flatten_light.h"

#include <algorithm>
#include <opencv2/imgproc.hpp>

namespace jae::local {

cv::Mat FlattenLight(const cv::Mat& gray) {
  cv::Mat paper;
  const int k = std::max(15, gray.cols / 40) | 1;
  cv::dilate(gray, paper, cv::getStructuringElement(cv::MORPH_RECT, cv::Size(k, k)));
  cv::GaussianBlur(paper, paper, cv::Size(0, 0), k / 4.0);
  cv::Mat ink, base;
  gray.convertTo(ink, CV_32F);
  paper.convertTo(base, CV_32F);
  cv::Mat ratio = ink / cv::max(base, 1.0f);
  cv::Mat out;
  ratio.convertTo(out, CV_8U, 255);  // saturates above 1
  return out;
}

}  // namespace jae::local
