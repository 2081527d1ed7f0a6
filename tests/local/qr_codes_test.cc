#include "engine/local/qr_codes.h"

#include <gtest/gtest.h>

#include <opencv2/imgproc.hpp>
#include <opencv2/objdetect.hpp>

namespace jae::local {
namespace {

// A licence-like page: rows of text on the left, a QR code (8-pixel modules) on the right.
cv::Mat PageWithCode(cv::Rect* code_box) {
  cv::Mat page(900, 1200, CV_8UC1, cv::Scalar(255));
  cv::putText(page, "N de licence", {60, 200}, cv::FONT_HERSHEY_SIMPLEX, 0.8, 0, 2);
  cv::putText(page, "2651797 A", {60, 240}, cv::FONT_HERSHEY_SIMPLEX, 1.0, 0, 2);
  cv::Mat code;
  cv::QRCodeEncoder::create()->encode("https://example.test/licence/2651797", code);
  cv::resize(code, code, cv::Size(), 8, 8, cv::INTER_NEAREST);
  *code_box = cv::Rect(800, 150, code.cols, code.rows);
  code.copyTo(page(*code_box));
  return page;
}

TEST(QrCodesTest, FindsTheCodeAndPaintsItWhiteWithItsQuietZoneLeavingTheText) {
  cv::Rect box;
  cv::Mat page = PageWithCode(&box);
  const cv::Mat text_before = page(cv::Rect(0, 150, 700, 120)).clone();
  const std::vector<Quad> codes = FindQrCodes(page);
  ASSERT_EQ(codes.size(), 1u);
  for (const cv::Point2f& corner : codes.front()) {
    EXPECT_GE(corner.x, box.x - 40);
    EXPECT_LE(corner.x, box.br().x + 40);
    EXPECT_GE(corner.y, box.y - 40);
    EXPECT_LE(corner.y, box.br().y + 40);
  }
  PaintQrCodesWhite(page, codes);
  EXPECT_EQ(cv::countNonZero(page(box) < 255), 0);
  EXPECT_EQ(cv::countNonZero(page(cv::Rect(0, 150, 700, 120)) != text_before), 0);
}

TEST(QrCodesTest, PaintsColourImagesToo) {
  cv::Rect box;
  const cv::Mat page = PageWithCode(&box);
  const std::vector<Quad> codes = FindQrCodes(page);
  ASSERT_EQ(codes.size(), 1u);
  cv::Mat bgr;
  cv::cvtColor(page, bgr, cv::COLOR_GRAY2BGR);
  PaintQrCodesWhite(bgr, codes);
  cv::Mat gray;
  cv::cvtColor(bgr(box), gray, cv::COLOR_BGR2GRAY);
  EXPECT_EQ(cv::countNonZero(gray < 255), 0);
}

TEST(QrCodesTest, NoneOnTextAloneOrOnImagesItCannotHold) {
  cv::Mat text(900, 1200, CV_8UC1, cv::Scalar(255));
  cv::putText(text, "NOM HEBERT PRENOM ANTOINE", {60, 200}, cv::FONT_HERSHEY_SIMPLEX, 1.2, 0, 3);
  EXPECT_TRUE(FindQrCodes(text).empty());
  EXPECT_TRUE(FindQrCodes(cv::Mat()).empty());
  EXPECT_TRUE(FindQrCodes(cv::Mat(10, 10, CV_8UC1, cv::Scalar(0))).empty());
  EXPECT_TRUE(FindQrCodes(cv::Mat(100, 100, CV_8UC3, cv::Scalar(0, 0, 0))).empty());
}

}  // namespace
}  // namespace jae::local
