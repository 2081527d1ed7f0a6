// ReadLoneLetter on a rendered label and what lies under it.
#include "engine/local/lone_letter.h"

#include <gtest/gtest.h>

#include <opencv2/freetype.hpp>
#include <opencv2/imgproc.hpp>
#include <string>

#include "engine/local/round_glyphs.h"
#include "gendocs.h"

namespace jae::local {
namespace {

class LoneLetterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    fonts_ = gendocs::Fonts::Load();
    if (!fonts_) GTEST_SKIP() << "fonts missing";
    if (api_.Init("/usr/share/tesseract-ocr/5/tessdata", "fra", tesseract::OEM_LSTM_ONLY) != 0) {
      GTEST_SKIP() << "tesseract-ocr-fra missing";
    }
    api_.SetPageSegMode(tesseract::PSM_AUTO);
  }

  // `caption` at the top left of a grey card and `value` under it; returns the label's box.
  cv::Rect Draw(cv::Mat& gray, const std::string& value, const std::string& caption = "Sexe") {
    cv::Mat card(160, 320, CV_8UC3, cv::Scalar(236, 236, 236));
    fonts_->regular().putText(card, caption, {30, 30}, 14, cv::Scalar(110, 110, 110), -1,
                              cv::LINE_AA, false);
    cv::Mat ink;
    cv::cvtColor(card, ink, cv::COLOR_BGR2GRAY);
    const cv::Rect label = cv::boundingRect(ink < 200);
    if (!value.empty()) {
      fonts_->bold().putText(card, value, {31, label.br().y + 8}, 24, cv::Scalar(25, 25, 25), -1,
                             cv::LINE_AA, false);
    }
    cv::cvtColor(card, gray, cv::COLOR_BGR2GRAY);
    return label;
  }

  std::unique_ptr<gendocs::Fonts> fonts_;
  tesseract::TessBaseAPI api_;
};

TEST_F(LoneLetterTest, ReadsTheLetterUnderTheLabel) {
  for (const std::string sex : {"F", "M", "X"}) {
    cv::Mat gray;
    const cv::Rect label = Draw(gray, sex);
    auto read = ReadLoneLetter(api_, gray, label, "MFX");
    ASSERT_TRUE(read.has_value()) << sex;
    EXPECT_EQ(read->value, sex);
    EXPECT_EQ(read->source, FieldSource::kVisual);
    EXPECT_GE(*read->confidence, 0.75);
  }
  // The pool's instance is handed back as it was lent.
  EXPECT_EQ(api_.GetPageSegMode(), tesseract::PSM_AUTO);
}

TEST_F(LoneLetterTest, NothingWhereThereIsNoneOrMoreThanOne) {
  for (const std::string value : {"", "FM", "Féminin"}) {
    cv::Mat gray;
    const cv::Rect label = Draw(gray, value);
    EXPECT_FALSE(ReadLoneLetter(api_, gray, label, "MFX").has_value()) << value;
  }
  cv::Mat noise(160, 260, CV_8U, cv::Scalar(236));
  cv::circle(noise, {45, 60}, 2, cv::Scalar(30), cv::FILLED);  // a speck
  EXPECT_FALSE(ReadLoneLetter(api_, noise, {30, 28, 40, 12}, "MFX").has_value());
}

TEST_F(LoneLetterTest, ReadsAShortValueUnderItsCaption) {
  for (const auto& [caption, value] :
       {std::pair{"Nationalité", "FRA"}, std::pair{"Date de naissance", "30 01 1957"},
        std::pair{"Nationalité", "Française"}}) {
    cv::Mat gray;
    const cv::Rect label = Draw(gray, value, caption);
    auto read = ReadLoneWord(api_, gray, label);
    ASSERT_TRUE(read.has_value()) << value;
    EXPECT_EQ(read->value, value);
    EXPECT_EQ(read->source, FieldSource::kVisual);
    EXPECT_GE(*read->confidence, 0.75);
  }
  EXPECT_EQ(api_.GetPageSegMode(), tesseract::PSM_AUTO);
}

TEST_F(LoneLetterTest, NoWordWhereThereIsNoneOrMoreThanOneOrItRunsOn) {
  cv::Mat gray;
  // Nothing; one letter (ReadLoneLetter's); two words a column apart; a value running on
  // past six letters' heights right of its caption's end.
  for (const std::string& value : {std::string(), std::string("F"), std::string("FRA    ITA"),
                                   std::string("Saint-Jean-de-Luz-sur-Mer")}) {
    const cv::Rect label = Draw(gray, value, "Nationalité");
    EXPECT_FALSE(ReadLoneWord(api_, gray, label).has_value()) << value;
  }
  // Two rows under the caption.
  const cv::Rect label = Draw(gray, "FRA", "Nationalité");
  cv::Mat card;
  cv::cvtColor(gray, card, cv::COLOR_GRAY2BGR);
  fonts_->bold().putText(card, "ITA", {31, label.br().y + 26}, 14, cv::Scalar(25, 25, 25), -1,
                         cv::LINE_AA, false);
  cv::cvtColor(card, gray, cv::COLOR_BGR2GRAY);
  EXPECT_FALSE(ReadLoneWord(api_, gray, label).has_value());
}

// A ranking printed large over its caption (a badge's "2/6", a lone "0" over "Classement"):
// read over the caption; nothing when nothing stands there.
TEST_F(LoneLetterTest, ReadsTheBadgeOverItsCaption) {
  for (const std::string ranking : {"2/6", "0", "15/4"}) {
    cv::Mat card(200, 320, CV_8UC3, cv::Scalar(240, 240, 240));
    // Both centred on one column, as a badge stands over its caption.
    int baseline = 0;
    const int badge_width = fonts_->bold().getTextSize(ranking, 40, -1, &baseline).width;
    const int caption_width = fonts_->regular().getTextSize("Classement", 14, -1, &baseline).width;
    fonts_->bold().putText(card, ranking, {160 - badge_width / 2, 60}, 40, cv::Scalar(20, 20, 20),
                           -1, cv::LINE_AA, false);
    fonts_->regular().putText(card, "Classement", {160 - caption_width / 2, 140}, 14,
                              cv::Scalar(110, 110, 110), -1, cv::LINE_AA, false);
    cv::Mat gray;
    cv::cvtColor(card, gray, cv::COLOR_BGR2GRAY);
    const cv::Rect label =
        cv::boundingRect(gray(cv::Rect(0, 130, 320, 70)) < 200) + cv::Point(0, 130);
    auto read = ReadLoneWordOver(api_, gray, label);
    ASSERT_TRUE(read.has_value()) << ranking;
    EXPECT_EQ(read->value, ranking);
    EXPECT_EQ(api_.GetPageSegMode(), tesseract::PSM_AUTO);
    // The same caption with nothing over it.
    cv::Mat blank = gray.clone();
    blank.rowRange(0, 120).setTo(240);
    EXPECT_FALSE(ReadLoneWordOver(api_, blank, label).has_value()) << ranking;
  }
}

// A ranking in big figures on a disc, over its caption or leading its row (as an app puts
// it), dark on a light disc or light on a dark one, read whole with its sign: "-15" is never
// read "15". Nothing when the disc is empty.
TEST_F(LoneLetterTest, ReadsTheFiguresOfABadge) {
  auto draw = [&](const std::string& ranking, bool beside, bool dark, cv::Rect& label) {
    cv::Mat card(240, 420, CV_8UC3, cv::Scalar(245, 245, 245));
    const cv::Point centre = beside ? cv::Point(90, 120) : cv::Point(210, 80);
    cv::circle(card, centre, 62, cv::Scalar(170, 190, 175), 5, cv::LINE_AA);
    cv::circle(card, centre, 55, dark ? cv::Scalar(40, 90, 200) : cv::Scalar(215, 222, 216), -1,
               cv::LINE_AA);
    // On a dark disc the figures are smaller, as an app sets "30/1" in its badge.
    const int size = dark ? 32 : 44;
    int baseline = 0;
    const cv::Size figures = fonts_->bold().getTextSize(ranking, size, -1, &baseline);
    fonts_->bold().putText(
        card, ranking, centre - cv::Point(figures.width / 2, figures.height * 2 / 3), size,
        dark ? cv::Scalar(250, 250, 250) : cv::Scalar(30, 60, 40), -1, cv::LINE_AA, false);
    const cv::Size caption = fonts_->regular().getTextSize("Classement", 14, -1, &baseline);
    const cv::Point at = beside ? cv::Point(170, 112) : cv::Point(210 - caption.width / 2, 150);
    fonts_->regular().putText(card, "Classement", at, 14, cv::Scalar(110, 110, 110), -1,
                              cv::LINE_AA, false);
    cv::Mat gray;
    cv::cvtColor(card, gray, cv::COLOR_BGR2GRAY);
    label = cv::Rect(at.x - 2, at.y - 2, caption.width + 4, caption.height + 12);
    label = cv::boundingRect(gray(label) < 200) + label.tl();
    return gray;
  };
  constexpr const char* kRankingAlphabet = "0123456789/-NC";
  for (const bool dark : {false, true}) {
    for (const bool beside : {false, true}) {
      const std::string where = std::string(beside ? " beside" : " over") + (dark ? ", dark" : "");
      for (const std::string ranking : {"15", "-15", "NC", "30", "-2/6", "30/1"}) {
        cv::Rect label;
        const cv::Mat gray = draw(ranking, beside, dark, label);
        auto read = ReadBigFiguresBy(api_, gray, label, kRankingAlphabet);
        EXPECT_EQ(api_.GetPageSegMode(), tesseract::PSM_AUTO);
        ASSERT_TRUE(read.has_value()) << ranking << where;
        EXPECT_EQ(read->value, ranking) << where;
      }
      cv::Rect label;
      const cv::Mat gray = draw("", beside, dark, label);
      EXPECT_FALSE(ReadBigFiguresBy(api_, gray, label, kRankingAlphabet).has_value()) << where;
    }
  }
  // Hostile boxes and pictures give nothing.
  const cv::Mat noise = [] {
    cv::Mat m(120, 160, CV_8U);
    cv::randu(m, 0, 256);
    return m;
  }();
  EXPECT_FALSE(ReadBigFiguresBy(api_, noise, {40, 100, 60, 12}, kRankingAlphabet).has_value());
  EXPECT_FALSE(ReadBigFiguresBy(api_, noise, {-500, -500, 10, 1}, kRankingAlphabet).has_value());
  EXPECT_FALSE(ReadBigFiguresBy(api_, cv::Mat(), {0, 0, 10, 10}, kRankingAlphabet).has_value());
}

// A licence number's letter, small as on a photographed card (digits 14 pixels high, a little
// blurred), right of the number's word: read alone among capitals. Nothing when nothing or
// a word stands there.
TEST_F(LoneLetterTest, ReadsTheLetterAfterALicenceNumber) {
  constexpr const char* kCapitals = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  auto draw = [&](const std::string& after, cv::Rect& number) {
    cv::Mat card(60, 320, CV_8UC3, cv::Scalar(238, 238, 238));
    fonts_->bold().putText(card, "8741185", {20, 36}, 18, cv::Scalar(40, 40, 40), -1, cv::LINE_AA,
                           false);
    cv::Mat gray;
    cv::cvtColor(card, gray, cv::COLOR_BGR2GRAY);
    number = cv::boundingRect(gray < 200);
    if (!after.empty()) {
      fonts_->bold().putText(card, after, {number.br().x + 6, 36}, 18, cv::Scalar(40, 40, 40), -1,
                             cv::LINE_AA, false);
    }
    cv::cvtColor(card, gray, cv::COLOR_BGR2GRAY);
    cv::GaussianBlur(gray, gray, cv::Size(3, 3), 0.8);
    return gray;
  };
  // Each capital is read as itself or not at all; all but a few are read (23 of 26 here:
  // Tesseract reads an enlarged "C", "L", "Y" alone otherwise in one of its two modes).
  int read_right = 0;
  for (char c = 'A'; c <= 'Z'; ++c) {
    const std::string letter(1, c);
    cv::Rect number;
    const cv::Mat gray = draw(letter, number);
    auto read = ReadLetterAfter(api_, gray, number, kCapitals, 0);
    EXPECT_EQ(api_.GetPageSegMode(), tesseract::PSM_AUTO);
    if (!read) continue;
    EXPECT_EQ(read->value, letter);
    read_right += read->value == letter;
  }
  EXPECT_GE(read_right, 22);
  for (const std::string after : {"", "WX"}) {
    cv::Rect number;
    const cv::Mat gray = draw(after, number);
    EXPECT_FALSE(ReadLetterAfter(api_, gray, number, kCapitals, 0).has_value()) << after;
  }
}

// A licence number whose letter stands close enough to be read in its word as an eighth
// digit ("7200764U" read "72007640"): the word cut into its eight glyphs, the letter is the
// mark after the first seven (up to its own left edge: "T" and "V" lean over the "4"). Each
// capital is read as itself or not at all, nearly all are read.
TEST_F(LoneLetterTest, ReadsTheLetterReadAsALicenceNumbersEighthDigit) {
  constexpr const char* kCapitals = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  int read_right = 0;
  for (char c = 'A'; c <= 'Z'; ++c) {
    const std::string letter(1, c);
    cv::Mat card(60, 320, CV_8UC3, cv::Scalar(238, 238, 238));
    fonts_->bold().putText(card, "7200764" + letter, {20, 16}, 22, cv::Scalar(40, 40, 40), -1,
                           cv::LINE_AA, false);
    cv::Mat gray;
    cv::cvtColor(card, gray, cv::COLOR_BGR2GRAY);
    const cv::Rect word = cv::boundingRect(gray < 200);
    const std::vector<cv::Rect> glyphs = CutIntoGlyphs(gray, word, 8);
    ASSERT_EQ(glyphs.size(), 8u) << letter;
    EXPECT_TRUE(CutIntoGlyphs(gray, word, 6).empty()) << letter;
    const std::optional<cv::Rect> seven = LeadingGlyphs(glyphs, 7);
    ASSERT_TRUE(seven.has_value()) << letter;
    EXPECT_LE(seven->br().x, glyphs[7].x - 2);
    auto read = ReadLetterAfter(api_, gray, *seven, kCapitals, 0);
    if (!read) continue;
    EXPECT_EQ(read->value, letter);
    read_right += read->value == letter;
  }
  EXPECT_GE(read_right, 23);
}

}  // namespace
}  // namespace jae::local
