// Text polarity (src/engine/local/polarity.h): a dark-mode screen is light on dark; a
// page, and a light card on a dark table, are dark on light.
#include "engine/local/polarity.h"

#include <gtest/gtest.h>

#include <opencv2/imgproc.hpp>

namespace jae::local {
namespace {

void Write(cv::Mat& image, cv::Rect area, cv::Scalar ink) {
  const char* lines[] = {"Licence No.   9789122 N", "Ranking   30/2", "Date of birth   16.01.1953",
                         "Club   Tennis Padel Club"};
  int y = area.y + 50;
  for (const char* text : lines) {
    cv::putText(image, text, {area.x + 30, y}, cv::FONT_HERSHEY_SIMPLEX, 1.1, ink, 2);
    y += 70;
  }
}

TEST(PolarityTest, DarkModeScreenIsLightOnDark) {
  cv::Mat screen(1600, 800, CV_8UC3, cv::Scalar(24, 22, 20));
  cv::rectangle(screen, cv::Rect(30, 150, 740, 400), cv::Scalar(40, 38, 36), cv::FILLED);
  Write(screen, cv::Rect(30, 150, 740, 400), cv::Scalar(235, 235, 235));
  EXPECT_TRUE(LightTextOnDark(screen));
}

TEST(PolarityTest, PageIsDarkOnLight) {
  cv::Mat page(1400, 1000, CV_8UC1, cv::Scalar(245));
  Write(page, cv::Rect(0, 0, 1000, 600), cv::Scalar(20));
  EXPECT_FALSE(LightTextOnDark(page));
}

TEST(PolarityTest, LightCardOnADarkTableIsDarkOnLight) {
  cv::Mat photo(1200, 1600, CV_8UC3, cv::Scalar(30, 35, 40));
  const cv::Rect card(300, 300, 1000, 600);
  cv::rectangle(photo, card, cv::Scalar(230, 232, 235), cv::FILLED);
  Write(photo, card, cv::Scalar(25, 25, 25));
  EXPECT_FALSE(LightTextOnDark(photo));
}

TEST(PolarityTest, BlankAndEmptyImagesAreNotInverted) {
  EXPECT_FALSE(LightTextOnDark(cv::Mat()));
  EXPECT_FALSE(LightTextOnDark(cv::Mat(100, 100, CV_8UC1, cv::Scalar(0))));
  EXPECT_FALSE(LightTextOnDark(cv::Mat(100, 100, CV_8UC1, cv::Scalar(255))));
}

}  // namespace
}  // namespace jae::local
