#include "engine/local/lone_letter.h"

#include <algorithm>
#include <memory>
#include <opencv2/imgproc.hpp>
#include <string>

namespace jae::local {
namespace {

// The box of the one mark in `gray` tall enough to be a letter next to a label `label_h`
// high (values are printed as large or larger), when there is exactly one; specks and
// marks cut by the picture's edge are ignored, anything else (a word, two letters) gives
// none.
std::optional<cv::Rect> LoneMark(const cv::Mat& gray, int label_h) {
  cv::Mat ink, labels, stats, centroids;
  cv::threshold(gray, ink, 0, 255, cv::THRESH_BINARY_INV | cv::THRESH_OTSU);
  const int n = cv::connectedComponentsWithStats(ink, labels, stats, centroids, 8);
  std::optional<cv::Rect> mark;
  for (int i = 1; i < n; ++i) {
    const cv::Rect box(stats.at<int>(i, cv::CC_STAT_LEFT), stats.at<int>(i, cv::CC_STAT_TOP),
                       stats.at<int>(i, cv::CC_STAT_WIDTH), stats.at<int>(i, cv::CC_STAT_HEIGHT));
    if (box.height < label_h / 2) continue;  // a speck, a label's accent
    const bool letter_sized = box.height >= label_h * 4 / 5 && box.height <= 4 * label_h &&
                              box.width * 2 <= box.height * 3 && box.width * 5 >= box.height;
    const bool touches_edge =
        box.x == 0 || box.y == 0 || box.br().x >= gray.cols || box.br().y >= gray.rows;
    if (touches_edge) continue;  // cut by the crop: another column's text, a frame
    if (!letter_sized || mark) return std::nullopt;
    mark = box;
  }
  return mark;
}

}  // namespace

std::optional<Field> ReadLoneLetter(tesseract::TessBaseAPI& api, const cv::Mat& image,
                                    const cv::Rect& label, const char* alphabet) {
  constexpr int kSure = 75;
  const int h = std::max(6, label.height);
  const cv::Rect below(label.x - h, label.y + label.height, std::max(label.width, 4 * h) + h,
                       h * 7 / 2);
  const cv::Rect right(label.x + label.width, label.y - h, 5 * h, 3 * h);
  std::optional<Field> found;
  const tesseract::PageSegMode page_mode = api.GetPageSegMode();
  api.SetVariable("tessedit_char_whitelist", alphabet);
  for (const cv::Rect& place : {below, right}) {
    const cv::Rect r = place & cv::Rect(0, 0, image.cols, image.rows);
    if (r.width < h || r.height < h) continue;
    const std::optional<cv::Rect> mark = LoneMark(image(r), h);
    if (!mark) continue;
    // The mark with a margin of paper, so that nothing else is in the picture.
    const int pad = mark->height / 2;
    cv::Mat crop(mark->height + 2 * pad, mark->width + 2 * pad, CV_8U, cv::Scalar(255));
    image(r)(*mark).copyTo(crop(cv::Rect(pad, pad, mark->width, mark->height)));
    // Each mode alone drops or doubts some letters the other reads surely; two modes
    // that read different letters settle nothing.
    std::string letter;
    int confidence = 0;
    for (auto mode : {tesseract::PSM_SINGLE_CHAR, tesseract::PSM_RAW_LINE}) {
      api.SetPageSegMode(mode);
      api.SetImage(crop.data, crop.cols, crop.rows, 1, static_cast<int>(crop.step));
      api.SetSourceResolution(300);
      std::unique_ptr<char[]> text(api.GetUTF8Text());
      std::string read = text ? text.get() : "";
      std::erase_if(read, [](char c) { return c == ' ' || c == '\n'; });
      if (read.empty()) continue;
      if (!letter.empty() && read != letter) {
        confidence = 0;
        break;
      }
      letter = read;
      confidence = std::max(confidence, api.MeanTextConf());
    }
    if (letter.size() == 1 && confidence >= kSure) {
      found = Field{letter, confidence / 100.0, FieldSource::kVisual};
      break;
    }
  }
  api.SetVariable("tessedit_char_whitelist", "");
  api.SetPageSegMode(page_mode);
  return found;
}

}  // namespace jae::local
