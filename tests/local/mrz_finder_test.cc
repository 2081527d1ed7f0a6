// The MRZ finder (src/engine/local/mrz_finder.h) on zones drawn in-test: found in any of
// the four orientations, oriented by its fillers, its lines tightened to their ink.
#include "engine/local/mrz_finder.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <opencv2/imgproc.hpp>

#include "render.h"

namespace jae::local {
namespace {

const std::vector<std::string> kTd1 = {"I<UTOD231458907<<<<<<<<<<<<<<<",
                                       "7408122F1204159UTO<<<<<<<<<<<6",
                                       "ERIKSSON<<ANNA<MARIA<<<<<<<<<<"};

const std::vector<std::string> kTd3 = {"P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
                                       "L898902C36UTO7408122F1204159ZE184226B<<<<<10"};

class MrzFinderTest : public ::testing::TestWithParam<int> {
 protected:
  void SetUp() override {
    fonts_ = gendocs::Fonts::Load();
    if (!fonts_) GTEST_SKIP() << "fonts-dejavu-core / fonts-ocr-b not installed";
  }
  // The zone's `lines` in OCR-B, on a white page `top` pixels below its top edge (room for
  // other print), 60 under it and 80 either side; `ink`: where the zone's ink lies.
  cv::Mat ZoneOnAPage(const std::vector<std::string>& lines, int char_height, int top,
                      cv::Rect* ink = nullptr) {
    cv::Mat gray;
    cv::cvtColor(gendocs::RenderMrzLines(lines, char_height, *fonts_), gray, cv::COLOR_BGR2GRAY);
    if (ink) *ink = cv::boundingRect(gray < 128) + cv::Point(80, top);
    cv::copyMakeBorder(gray, gray, top, 60, 80, 80, cv::BORDER_CONSTANT, cv::Scalar(255));
    return gray;
  }
  std::unique_ptr<gendocs::Fonts> fonts_;
};

// The zone on a white page with a margin and a line of ordinary text above it, turned by
// GetParam() quarter turns: one 3-line candidate, read the right way round.
TEST_P(MrzFinderTest, FindsAndOrientsATurnedZone) {
  cv::Mat gray = ZoneOnAPage(kTd1, 30, 200);
  cv::putText(gray, "Nom Surname", {100, 100}, cv::FONT_HERSHEY_SIMPLEX, 1.2, cv::Scalar(0), 2);
  const int turns = GetParam();
  static const cv::RotateFlags kTurn[] = {cv::ROTATE_90_CLOCKWISE, cv::ROTATE_180,
                                          cv::ROTATE_90_COUNTERCLOCKWISE};
  if (turns > 0) cv::rotate(gray, gray, kTurn[turns - 1]);
  const auto found = FindMrzCandidates(gray, 3);
  ASSERT_FALSE(found.empty());
  const MrzCandidate& c = found.front();
  EXPECT_EQ(c.line_count, 3);
  ASSERT_EQ(c.lines.size(), 3u);
  // Reading direction: (1,0) upright, then turned with the page (y down).
  static const cv::Point2f kAlong[] = {{1, 0}, {0, 1}, {-1, 0}, {0, -1}};
  EXPECT_GT(c.along.dot(kAlong[turns]), 0.95f) << c.along;
  // The implied document lies on the page's side of the zone ("up" of the text).
  const auto doc = ImpliedDocument(c);
  ASSERT_EQ(doc.size(), 4u);
  const cv::Point2f top_mid = (doc[0] + doc[1]) * 0.5f, bottom_mid = (doc[2] + doc[3]) * 0.5f;
  EXPECT_GT((top_mid - bottom_mid).dot(c.up), 0.0f);
}

class MrzFinderEdgeTest : public MrzFinderTest {};

// A dark edge along the left of a scan, touching every line of the zone, joins them
// into one band; the zone is still found (the edge is a stroke no character is).
TEST_F(MrzFinderEdgeTest, FindsAZoneJoinedByAnEdgeThatTouchesItsLines) {
  cv::Rect ink;
  cv::Mat gray = ZoneOnAPage(kTd3, 24, 200, &ink);
  cv::rectangle(gray, cv::Rect(ink.x - 16, ink.y - 4, 12, ink.height + 8), cv::Scalar(20),
                cv::FILLED);
  const auto found = FindMrzCandidates(gray, 3);
  ASSERT_FALSE(found.empty());
  EXPECT_GE(found.front().line_count, 2);
}

// A thin edge near the zone's first characters (a passport page's edge, a fold), not
// touching them, with lines of print elsewhere on the page: widened as a character of its
// own width, not of its height, it joins no line, and the zone is still found.
TEST_F(MrzFinderEdgeTest, FindsAZoneBesideAThinEdgeOnAPageWithOtherText) {
  cv::Rect ink;
  cv::Mat gray = ZoneOnAPage(kTd3, 24, 260, &ink);
  for (int y : {90, 130}) {
    cv::putText(gray, "Date of birth Date de naissance Lieu de naissance", {60, y},
                cv::FONT_HERSHEY_SIMPLEX, 1.0, cv::Scalar(0), 2);
  }
  cv::line(gray, {ink.x - 30, ink.y - 30}, {ink.x - 30, ink.br().y + 30}, cv::Scalar(30), 2);
  const auto found = FindMrzCandidates(gray, 3);
  const bool zone_found = std::any_of(found.begin(), found.end(), [&](const MrzCandidate& c) {
    const float middle_y = -(c.b_min + c.b_max) / 2;  // `up` is -y on an upright page
    return c.line_count == 2 && c.a_max - c.a_min > 0.9f * ink.width && middle_y > ink.y &&
           middle_y < ink.br().y;
  });
  EXPECT_TRUE(zone_found);
}

// A page photographed at an angle: characters widened along x no longer join into
// separate lines (the zone's lines merge into one band). The text's own tilt turns the
// page level, and the zone is found along its lines.
TEST_F(MrzFinderEdgeTest, FindsAZoneOnAPageTiltedByTwentyDegrees) {
  cv::Mat gray = ZoneOnAPage(kTd1, 30, 330);
  for (int y : {90, 160, 230, 300}) {
    cv::putText(gray, "Nom Surname ERIKSSON", {100, y}, cv::FONT_HERSHEY_SIMPLEX, 1.2,
                cv::Scalar(0), 2);
  }
  const cv::Point2f centre(gray.cols / 2.0f, gray.rows / 2.0f);
  cv::Mat turned;
  cv::warpAffine(gray, turned, cv::getRotationMatrix2D(centre, 20.0, 1.0),
                 cv::Size(gray.cols + 300, gray.rows + 400), cv::INTER_LINEAR, cv::BORDER_CONSTANT,
                 cv::Scalar(255));
  const auto found = FindMrzCandidates(turned, 3);
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(found.front().line_count, 3);
  // Turned 20 degrees anticlockwise on the screen: the lines rise to the right (y down).
  const float rad = static_cast<float>(20.0 * CV_PI / 180.0);
  EXPECT_GT(found.front().along.dot(cv::Point2f(std::cos(rad), -std::sin(rad))), 0.99f)
      << found.front().along;
}

INSTANTIATE_TEST_SUITE_P(FourOrientations, MrzFinderTest, ::testing::Values(0, 1, 2, 3));

TEST(MrzFinderPlainTest, NothingOnABlankOrTextOnlyPage) {
  cv::Mat blank(600, 900, CV_8UC1, cv::Scalar(250));
  EXPECT_TRUE(FindMrzCandidates(blank, 3).empty());
  cv::putText(blank, "Date de naissance", {40, 100}, cv::FONT_HERSHEY_SIMPLEX, 1.0, cv::Scalar(0),
              2);
  EXPECT_TRUE(FindMrzCandidates(blank, 3).empty());
}

TEST(MrzFinderPlainTest, TightensABandToItsInk) {
  cv::Mat page(200, 800, CV_8UC1, cv::Scalar(255));
  cv::rectangle(page, cv::Rect(100, 80, 500, 30), cv::Scalar(0), cv::FILLED);
  const auto tight = TightenLines(page, {cv::Rect(70, 75, 570, 40)});
  ASSERT_EQ(tight.size(), 1u);
  EXPECT_NEAR(tight[0].x, 100, 2);
  EXPECT_NEAR(tight[0].width, 500, 3);
  EXPECT_NEAR(tight[0].y, 80, 2);
  EXPECT_NEAR(tight[0].height, 30, 3);
}

}  // namespace
}  // namespace jae::local
