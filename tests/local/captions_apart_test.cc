// Captions read apart, on rendered cards: a caption line Tesseract's page reading dropped
// (ReadDroppedCaptionsApart) and two columns merged with their captions at two heights
// (ReadMergedCaptionsApart).
#include <gtest/gtest.h>

#include <algorithm>
#include <opencv2/freetype.hpp>
#include <opencv2/imgproc.hpp>
#include <string>
#include <vector>

#include "engine/local/small_words.h"
#include "gendocs.h"

namespace jae::local {
namespace {

class CaptionsApartTest : public ::testing::Test {
 protected:
  void SetUp() override {
    fonts_ = gendocs::Fonts::Load();
    if (!fonts_) GTEST_SKIP() << "fonts missing";
    if (api_.Init("/usr/share/tesseract-ocr/5/tessdata", "fra", tesseract::OEM_LSTM_ONLY) != 0) {
      GTEST_SKIP() << "tesseract-ocr-fra missing";
    }
    api_.SetPageSegMode(tesseract::PSM_AUTO);
  }

  // `text` drawn on the grey `card` at `origin`, `size` pixels high, small grey or large
  // black; the box of its ink.
  cv::Rect Draw(cv::Mat& card, const std::string& text, cv::Point origin, int size, bool caption) {
    cv::Mat colour;
    cv::cvtColor(card, colour, cv::COLOR_GRAY2BGR);
    const cv::Scalar ink = caption ? cv::Scalar(90, 90, 90) : cv::Scalar(20, 20, 20);
    (caption ? fonts_->regular() : fonts_->bold())
        .putText(colour, text, origin, size, ink, -1, cv::LINE_AA, false);
    cv::Mat drawn;
    cv::cvtColor(colour, drawn, cv::COLOR_BGR2GRAY);
    const cv::Rect box = cv::boundingRect(drawn != card);
    card = drawn;
    return box;
  }

  static OcrLine LineOf(const std::string& text, const cv::Rect& box) {
    OcrLine line;
    line.text = text;
    line.box = box;
    line.confidence = 0.95;
    line.words.push_back(OcrWord{text, box, 0.95});
    return line;
  }

  static bool HasLineWith(const std::vector<OcrLine>& lines, const std::string& part) {
    return std::any_of(lines.begin(), lines.end(),
                       [&](const OcrLine& l) { return l.text.find(part) != std::string::npos; });
  }

  std::unique_ptr<gendocs::Fonts> fonts_;
  tesseract::TessBaseAPI api_;
};

TEST_F(CaptionsApartTest, ACaptionLineThePageReadingDroppedIsReadOverItsValue) {
  cv::Mat card(200, 700, CV_8UC1, cv::Scalar(238));
  Draw(card, "Nationalité / Nationality", {40, 60}, 15, true);
  const cv::Rect value = Draw(card, "FRANÇAISE", {40, 100}, 30, false);
  std::vector<OcrLine> lines = {LineOf("FRANÇAISE", value)};
  ReadDroppedCaptionsApart(api_, card, lines);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_TRUE(HasLineWith(lines, "Nationalit"));
  EXPECT_EQ(api_.GetPageSegMode(), tesseract::PSM_AUTO);
  // Read already, it is not read again; nothing over a value, nothing added.
  const size_t before = lines.size();
  ReadDroppedCaptionsApart(api_, card, lines);
  EXPECT_EQ(lines.size(), before);
  cv::Mat bare(200, 700, CV_8UC1, cv::Scalar(238));
  const cv::Rect alone = Draw(bare, "FRANÇAISE", {40, 100}, 30, false);
  std::vector<OcrLine> only = {LineOf("FRANÇAISE", alone)};
  ReadDroppedCaptionsApart(api_, bare, only);
  EXPECT_EQ(only.size(), 1u);
}

// A table's captions left of their values, the values alone read: each caption is read
// on its value's row; a row whose left holds another line is left alone.
TEST_F(CaptionsApartTest, ACaptionDroppedLeftOfItsValueIsReadOnItsRow) {
  cv::Mat card(260, 900, CV_8UC1, cv::Scalar(245));
  Draw(card, "Nom", {40, 62}, 16, true);
  const cv::Rect surname = Draw(card, "HÉBERT", {600, 60}, 24, false);
  Draw(card, "Date de naissance", {40, 142}, 16, true);
  const cv::Rect born = Draw(card, "03/03/1994", {600, 140}, 24, false);
  std::vector<OcrLine> lines = {LineOf("HÉBERT", surname), LineOf("03/03/1994", born)};
  const auto area = DroppedCaptionLeftArea(card, lines[0], lines);
  ASSERT_TRUE(area.has_value());
  EXPECT_LT(area->x, 45);
  EXPECT_LT(area->br().x, 120);
  ReadDroppedCaptionsApart(api_, card, lines);
  EXPECT_TRUE(HasLineWith(lines, "Nom"));
  EXPECT_TRUE(HasLineWith(lines, "naissance"));
  // The caption read already: nothing more.
  EXPECT_FALSE(DroppedCaptionLeftArea(card, lines[1], lines).has_value());
}

TEST_F(CaptionsApartTest, TwoColumnsMergedWithTheirCaptionsAtTwoHeights) {
  cv::Mat card(220, 900, CV_8UC1, cv::Scalar(238));
  Draw(card, "Date de délivrance", {40, 50}, 15, true);
  const cv::Rect issue = Draw(card, "12 01 2020", {40, 90}, 34, false);
  Draw(card, "Date d'expiration", {480, 88}, 15, true);
  const cv::Rect expiry = Draw(card, "12 01 2030", {480, 128}, 34, false);
  // Read as one line whose box holds both columns and their captions.
  OcrLine merged;
  merged.words = {OcrWord{"12012020", issue, 0.5}, OcrWord{"12012030", expiry, 0.5}};
  merged.text = "12012020 12012030";
  merged.box = cv::Rect(issue.x, 30, expiry.br().x - issue.x, expiry.br().y - 30);
  merged.confidence = 0.5;
  // Other lines give the page its usual height.
  std::vector<OcrLine> lines = {LineOf("A", {40, 150, 30, 20}), LineOf("B", {40, 180, 30, 20}),
                                LineOf("C", {100, 180, 30, 20}), merged};
  ReadMergedCaptionsApart(api_, card, lines);
  EXPECT_TRUE(HasLineWith(lines, "livrance"));
  EXPECT_TRUE(HasLineWith(lines, "expiration"));
  EXPECT_TRUE(HasLineWith(lines, "2020"));
  EXPECT_TRUE(HasLineWith(lines, "2030"));
  EXPECT_EQ(api_.GetPageSegMode(), tesseract::PSM_AUTO);
}

// A small caption close over its value, read by the page as one word of the value's text
// surely: read apart, the value comes out the same a hair less surely, and the caption is
// what the split adds.
TEST_F(CaptionsApartTest, ASurelyReadValueKeepsTheCaptionMergedIntoIt) {
  cv::Mat card(220, 700, CV_8UC1, cv::Scalar(238));
  const cv::Rect caption = Draw(card, "NOM", {40, 50}, 13, true);
  const cv::Rect value = Draw(card, "GAUTHIER", {40, caption.br().y + 4}, 34, false);
  OcrLine merged;
  const cv::Rect box = caption | value;
  merged.words = {OcrWord{"GAUTHIER", box, 0.995}};
  merged.text = "GAUTHIER";
  merged.box = box;
  merged.confidence = 0.995;
  std::vector<OcrLine> lines = {LineOf("A", {40, 150, 30, 20}), LineOf("B", {40, 180, 30, 20}),
                                LineOf("C", {100, 180, 30, 20}), merged};
  ReadMergedCaptionsApart(api_, card, lines);
  EXPECT_TRUE(HasLineWith(lines, "NOM"));
  EXPECT_TRUE(HasLineWith(lines, "GAUTHIER"));
  // A value read otherwise, less surely: the line stays as the page read it.
  merged.words = {OcrWord{"GAUTHIFR", box, 0.995}};
  merged.text = "GAUTHIFR";
  std::vector<OcrLine> other = {LineOf("A", {40, 150, 30, 20}), LineOf("B", {40, 180, 30, 20}),
                                LineOf("C", {100, 180, 30, 20}), merged};
  ReadMergedCaptionsApart(api_, card, other);
  EXPECT_FALSE(HasLineWith(other, "NOM"));
}

// A band's name and, far right and a little higher, a smaller season, which the page reading
// joined into the name's line and read at its baseline as noise: the unsure column read alone.
// A column read surely, and a line of noise with no sure column, are left as they were.
TEST_F(CaptionsApartTest, AnUnsureColumnOfALineIsReadAlone) {
  cv::Mat card(160, 1000, CV_8UC1, cv::Scalar(250));
  const cv::Rect name = Draw(card, "Antoine HÉBERT", {40, 90}, 34, false);
  const cv::Rect season = Draw(card, "Saison 2022-2023", {640, 80}, 24, false);
  OcrLine line;
  line.words = {
      OcrWord{"Antoine", {name.x, name.y, name.width / 2 - 8, name.height}, 0.93},
      OcrWord{"HÉBERT", {name.x + name.width / 2, name.y, name.width / 2, name.height}, 0.92},
      OcrWord{"°°°\"", {season.x, season.y, 70, season.height}, 0.2},
      OcrWord{"202202", {season.x + 90, season.y, season.width - 90, season.height}, 0.3}};
  line.text = "Antoine HÉBERT °°°\" 202202";
  line.box = name | season;
  line.confidence = 0.6;
  std::vector<OcrLine> lines = {line};
  ReadUnsureColumnsApart(api_, card, lines);
  EXPECT_NE(lines[0].text.find("Antoine HÉBERT Saison 2022-2023"), std::string::npos)
      << lines[0].text;
  EXPECT_EQ(api_.GetPageSegMode(), tesseract::PSM_AUTO);
  // No column read surely: noise, left as read.
  for (OcrWord& w : line.words) w.confidence = 0.3;
  std::vector<OcrLine> noise = {line};
  ReadUnsureColumnsApart(api_, card, noise);
  EXPECT_EQ(noise[0].text, line.text);
}

// A licence number alone on its line that the page's reading barely trusted (a bold number
// read at 0.05): read alone, it is read surely. A line of letters so read, or one whose
// figures were read surely, is left as it was.
TEST_F(CaptionsApartTest, AFigureLineReadAsNoiseIsReadAlone) {
  cv::Mat card(120, 700, CV_8UC1, cv::Scalar(250));
  const cv::Rect number = Draw(card, "4390973 E", {60, 70}, 26, false);
  OcrLine line;
  line.words = {OcrWord{"4390973", {number.x, number.y, number.width - 30, number.height}, 0.05},
                OcrWord{"E", {number.br().x - 20, number.y, 20, number.height}, 0.05}};
  line.text = "4390973 E";
  line.box = number;
  line.confidence = 0.05;
  std::vector<OcrLine> lines = {line};
  ReadUnsureColumnsApart(api_, card, lines);
  ASSERT_FALSE(lines[0].words.empty());
  EXPECT_EQ(lines[0].text, "4390973 E");
  EXPECT_GE(lines[0].words[0].confidence, 0.6);
  // Read surely already: untouched.
  OcrLine sure = line;
  for (OcrWord& w : sure.words) w.confidence = 0.5;
  std::vector<OcrLine> kept = {sure};
  ReadUnsureColumnsApart(api_, card, kept);
  EXPECT_DOUBLE_EQ(kept[0].words[0].confidence, 0.5);
  // No figure: not a number's value, left as read.
  OcrLine letters = line;
  letters.words = {OcrWord{"ABCDEFG", line.words[0].box, 0.05}};
  letters.text = "ABCDEFG";
  std::vector<OcrLine> noise = {letters};
  ReadUnsureColumnsApart(api_, card, noise);
  EXPECT_EQ(noise[0].text, "ABCDEFG");
  EXPECT_DOUBLE_EQ(noise[0].words[0].confidence, 0.05);
}

}  // namespace
}  // namespace jae::local
