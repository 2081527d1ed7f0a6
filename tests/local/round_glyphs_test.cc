// NoughtsAndOsByWidth on document numbers drawn in a proportional and a monospaced type.
#include "engine/local/round_glyphs.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <opencv2/freetype.hpp>
#include <opencv2/imgproc.hpp>
#include <string>

namespace jae::local {
namespace {

constexpr char kProportional[] = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";
constexpr char kMonospaced[] = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf";

// `number` printed 30 pixels high on light paper, a little blurred as on a photo; `word`
// gets its box.
cv::Mat Draw(const char* font_file, const std::string& number, cv::Rect& word) {
  cv::Ptr<cv::freetype::FreeType2> font = cv::freetype::createFreeType2();
  font->loadFontData(font_file, 0);
  cv::Mat card(60, 360, CV_8UC3, cv::Scalar(236, 236, 236));
  font->putText(card, number, {20, 12}, 30, cv::Scalar(30, 30, 30), -1, cv::LINE_AA, false);
  cv::Mat gray;
  cv::cvtColor(card, gray, cv::COLOR_BGR2GRAY);
  cv::GaussianBlur(gray, gray, cv::Size(3, 3), 0.7);
  word = cv::boundingRect(gray < 160);
  return gray;
}

class RoundGlyphsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!std::filesystem::exists(kProportional) || !std::filesystem::exists(kMonospaced)) {
      GTEST_SKIP() << "fonts-dejavu-core missing";
    }
  }
};

// A 0 read O among capitals, and an O read 0, are decided by their width in a proportional
// type, whichever way they were read.
TEST_F(RoundGlyphsTest, AProportionalTypeTellsNoughtsFromOs) {
  cv::Rect word;
  cv::Mat gray = Draw(kProportional, "XTS0LV0TM", word);
  EXPECT_EQ(NoughtsAndOsByWidth(gray, word, "XTSOLVOTM"), "XTS0LV0TM");
  EXPECT_EQ(NoughtsAndOsByWidth(gray, word, "XTS0LV0TM"), "XTS0LV0TM");
  gray = Draw(kProportional, "COPAXOJSU", word);
  EXPECT_EQ(NoughtsAndOsByWidth(gray, word, "C0PAX0JSU"), "COPAXOJSU");
  gray = Draw(kProportional, "K3W60BAP4", word);
  EXPECT_EQ(NoughtsAndOsByWidth(gray, word, "K3W6OBAP4"), "K3W60BAP4");
}

// In a monospaced type every glyph has one width: nothing is decided.
TEST_F(RoundGlyphsTest, AMonospacedTypeDecidesNothing) {
  cv::Rect word;
  const cv::Mat gray = Draw(kMonospaced, "XTS0LVOTM", word);
  EXPECT_EQ(NoughtsAndOsByWidth(gray, word, "XTSOLV0TM"), "XTSOLV0TM");
}

// A word whose marks do not match its characters one by one keeps its reading: a character
// too many or too few, too few capitals to measure against, a sign.
TEST_F(RoundGlyphsTest, AWordNotCutOneGlyphByOneKeepsItsReading) {
  cv::Rect word;
  const cv::Mat gray = Draw(kProportional, "XTS0LV0TM", word);
  EXPECT_EQ(NoughtsAndOsByWidth(gray, word, "XTSOLVOTMM"), "XTSOLVOTMM");
  EXPECT_EQ(NoughtsAndOsByWidth(gray, word, "XTSOLVO"), "XTSOLVO");
  EXPECT_EQ(NoughtsAndOsByWidth(gray, word, "XTSOLV-TM"), "XTSOLV-TM");
  cv::Rect digits;
  const cv::Mat number = Draw(kProportional, "1604O3234", digits);
  EXPECT_EQ(NoughtsAndOsByWidth(number, digits, "160403234"), "160403234");
  EXPECT_EQ(NoughtsAndOsByWidth(gray, cv::Rect(-5, -5, 3, 3), "XTSOLVOTM"), "XTSOLVOTM");
}

// An I read in a number that the ink does not hold is dropped; a real I, a glyph of its own,
// is kept, and so is a reading of another length or with two I's.
TEST_F(RoundGlyphsTest, AnIInventedInANumberIsDropped) {
  cv::Rect word;
  const cv::Mat nine = Draw(kProportional, "LC9RKLMVY", word);
  EXPECT_EQ(WithoutAnInventedI(nine, word, "LC9IRKLMVY"), "LC9RKLMVY");
  EXPECT_EQ(WithoutAnInventedI(nine, word, "LC9RKLMVY"), "LC9RKLMVY");
  EXPECT_EQ(WithoutAnInventedI(nine, word, "LC9IRKLIVY"), "LC9IRKLIVY");
  const cv::Mat ten = Draw(kProportional, "LC9IRKLMVY", word);
  EXPECT_EQ(WithoutAnInventedI(ten, word, "LC9IRKLMVY"), "LC9IRKLMVY");
  EXPECT_EQ(WithoutAnInventedI(ten, cv::Rect(-5, -5, 3, 3), "LC9IRKLMVY"), "LC9IRKLMVY");
  EXPECT_EQ(WithoutAnInventedI(cv::Mat(), word, "LC9IRKLMVY"), "LC9IRKLMVY");
}

// Boxes off the picture, empty or one pixel high, an empty picture, noise: no glyphs, no
// crash, the reading kept.
TEST_F(RoundGlyphsTest, HostileBoxesAndPicturesGiveNothing) {
  cv::Rect word;
  const cv::Mat gray = Draw(kProportional, "XTS0LV0TM", word);
  for (const cv::Rect& box : {cv::Rect(0, 0, 0, 0), cv::Rect(-100, -100, 50, 50),
                              cv::Rect(gray.cols - 1, gray.rows - 1, 500, 500),
                              cv::Rect(word.x, word.y, word.width, 1), cv::Rect(0, 0, -4, 9)}) {
    EXPECT_TRUE(CutIntoGlyphs(gray, box, 9).empty());
    EXPECT_EQ(NoughtsAndOsByWidth(gray, box, "XTSOLVOTM"), "XTSOLVOTM");
  }
  EXPECT_TRUE(CutIntoGlyphs(gray, word, 0).empty());
  EXPECT_FALSE(LeadingGlyphs({}, 7).has_value());
  EXPECT_FALSE(LeadingGlyphs({cv::Rect(0, 0, 5, 9)}, 1).has_value());
  EXPECT_FALSE(LeadingGlyphs({cv::Rect(10, 0, 5, 9), cv::Rect(11, 0, 5, 9)}, 1).has_value());
  EXPECT_EQ(LeadingGlyphs({cv::Rect(0, 0, 5, 9), cv::Rect(6, 0, 5, 9)}, 1), cv::Rect(0, 0, 4, 9));
  EXPECT_TRUE(CutIntoGlyphs(cv::Mat(), word, 9).empty());
  cv::Mat noise(60, 360, CV_8UC1);
  cv::randu(noise, 0, 256);
  EXPECT_EQ(NoughtsAndOsByWidth(noise, cv::Rect(0, 0, 360, 60), "OOOOOOOOO"), "OOOOOOOOO");
}

}  // namespace
}  // namespace jae::local
