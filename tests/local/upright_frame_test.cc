// The upright frame: where a box of text found turned lies once the image is turned upright.
#include "engine/local/upright_frame.h"

#include <gtest/gtest.h>

#include <opencv2/imgproc.hpp>

namespace jae::local {
namespace {

// Every way text may face: a box marked in the image as it was read is found, turned, at
// UprightBox in UprightImage. Why it matters: the looks after a page's reading (captions
// read apart, light text, a lone letter under its caption) search the boxes of the reading
// in UprightImage; in the image as read they searched another part of a page read sideways.
TEST(UprightFrameTest, ABoxOfTheReadImageIsUprightBoxInTheUprightImage) {
  const cv::Rect box(7, 3, 11, 5);
  for (tesseract::Orientation facing :
       {tesseract::ORIENTATION_PAGE_UP, tesseract::ORIENTATION_PAGE_RIGHT,
        tesseract::ORIENTATION_PAGE_DOWN, tesseract::ORIENTATION_PAGE_LEFT}) {
    SCOPED_TRACE(static_cast<int>(facing));
    cv::Mat read(30, 40, CV_8UC1, cv::Scalar(0));
    read(box).setTo(255);
    const cv::Mat upright = UprightImage(read, facing);
    EXPECT_EQ(cv::boundingRect(upright), UprightBox(box, read.size(), facing));
    const bool quarter =
        facing == tesseract::ORIENTATION_PAGE_RIGHT || facing == tesseract::ORIENTATION_PAGE_LEFT;
    EXPECT_EQ(upright.size(), quarter ? cv::Size(30, 40) : cv::Size(40, 30));
    EXPECT_EQ(UprightSize(read.size(), facing), upright.size());
  }
}

// Text whose top points to the image's right reads left to right once the image is turned
// a quarter counterclockwise: a mark at the text's start (the image's top) comes to the left.
TEST(UprightFrameTest, TextFacingRightStandsUprightTurnedCounterclockwise) {
  cv::Mat read(30, 40, CV_8UC1, cv::Scalar(0));
  read(cv::Rect(30, 0, 4, 2)).setTo(255);  // near the top right: the first letter's top
  const cv::Rect upright = cv::boundingRect(UprightImage(read, tesseract::ORIENTATION_PAGE_RIGHT));
  EXPECT_EQ(upright, cv::Rect(0, 6, 2, 4));
}

}  // namespace
}  // namespace jae::local
