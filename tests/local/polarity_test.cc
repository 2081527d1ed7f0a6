// Text polarity (src/engine/local/polarity.h): a dark-mode screen is light on dark; a
// page, and a light card on a dark table, are dark on light; a dark card or band on a page
// holds light text of its own (LightTextRegions); a tinted card may print both
// (InkOfBothPolarities).
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
  // A strip that would shrink to nothing at the working scale.
  EXPECT_FALSE(LightTextOnDark(cv::Mat(3, 5000, CV_8UC1, cv::Scalar(20))));
  EXPECT_FALSE(LightTextOnDark(cv::Mat(5000, 3, CV_8UC3, cv::Scalar(20, 20, 20))));
}

// A licence card in the federation's colours on a white attestation, and a table's dark
// header band: each is found with its own shape; the page's dark text is not.
TEST(LightTextRegionsTest, ADarkCardAndAHeaderBandOnAWhitePage) {
  cv::Mat page(1400, 1000, CV_8UC1, cv::Scalar(245));
  Write(page, cv::Rect(0, 0, 1000, 300), cv::Scalar(20));
  const cv::Rect card(100, 400, 800, 330);
  cv::rectangle(page, card, cv::Scalar(60), cv::FILLED);
  Write(page, card, cv::Scalar(240));
  const cv::Rect band(100, 900, 800, 40);
  cv::rectangle(page, band, cv::Scalar(70), cv::FILLED);
  cv::putText(page, "Nom   Prenom   Sexe   Classement", {120, 930}, cv::FONT_HERSHEY_SIMPLEX, 0.8,
              cv::Scalar(240), 2);
  const std::vector<LightTextRegion> regions = LightTextRegions(page);
  ASSERT_EQ(regions.size(), 2u);
  EXPECT_GT((regions[0].box & card).area(), 0.9 * card.area());  // largest first
  EXPECT_GT((regions[1].box & band).area(), 0.9 * band.area());
  EXPECT_EQ(regions[1].mask.size(), regions[1].box.size());
  EXPECT_GT(cv::countNonZero(regions[1].mask), 0.8 * band.area());
}

// An app's screen: a card whose header is a mid-tone gradient (blue to cyan) with the
// holder's name in white, on a light screen. Not dark, but well below the screen's light:
// found, and its letters read apart come out dark on white. A photographed page's dark
// table band stays a band of its own, not joined to the grey cells around it.
TEST(LightTextRegionsTest, AnAppsTintedHeaderAndAPhotographedTablesBand) {
  cv::Mat screen(2340, 1080, CV_8UC1, cv::Scalar(236));
  const cv::Rect card(50, 140, 980, 1200);
  cv::rectangle(screen, card, cv::Scalar(255), cv::FILLED);
  const cv::Rect header(50, 140, 980, 320);
  for (int x = header.x; x < header.br().x; ++x) {
    const int level = 100 + 60 * (x - header.x) / header.width;  // 100 .. 160
    screen(cv::Rect(x, header.y, 1, header.height)).setTo(level);
  }
  cv::putText(screen, "LICENCE FFT   Saison 2022-2023", {100, 220}, cv::FONT_HERSHEY_SIMPLEX, 1.0,
              cv::Scalar(255), 2);
  cv::putText(screen, "MOREL", {100, 320}, cv::FONT_HERSHEY_SIMPLEX, 2.0, cv::Scalar(255), 4);
  cv::putText(screen, "Ines", {100, 400}, cv::FONT_HERSHEY_SIMPLEX, 1.5, cv::Scalar(255), 2);
  Write(screen, cv::Rect(50, 500, 980, 400), cv::Scalar(20));
  const std::vector<LightTextRegion> regions = LightTextRegions(screen);
  ASSERT_EQ(regions.size(), 1u);
  EXPECT_GT((regions[0].box & header).area(), 0.9 * header.area());
  EXPECT_LT(regions[0].box.area(), 1.3 * header.area());
  const cv::Mat out = DarkTextOnWhite(screen, regions[0]);
  ASSERT_FALSE(out.empty());
  cv::Mat letters = (screen(regions[0].box) > 230) & regions[0].mask;
  EXPECT_LT(cv::mean(out, letters)[0], 100);

  // A photographed attestation: grey paper (shaded to 190), a light grey table row, and a
  // dark band of white captions between them.
  cv::Mat page(1000, 800, CV_8UC1, cv::Scalar(200));
  cv::rectangle(page, cv::Rect(0, 0, 800, 300), cv::Scalar(240), cv::FILLED);  // the light part
  const cv::Rect band(60, 500, 680, 40);
  cv::rectangle(page, cv::Rect(60, 540, 680, 60), cv::Scalar(170), cv::FILLED);
  cv::putText(page, "3274222 T   RENAUD   Juliette", {80, 580}, cv::FONT_HERSHEY_SIMPLEX, 0.8,
              cv::Scalar(30), 2);
  cv::rectangle(page, band, cv::Scalar(70), cv::FILLED);
  cv::putText(page, "No licence   Nom   Prenom   Sexe", {80, 528}, cv::FONT_HERSHEY_SIMPLEX, 0.7,
              cv::Scalar(235), 2);
  const std::vector<LightTextRegion> on_page = LightTextRegions(page);
  ASSERT_EQ(on_page.size(), 1u);
  EXPECT_GT((on_page[0].box & band).area(), 0.9 * band.area());
  EXPECT_LT(on_page[0].box.height, 60);
}

// Captions in white on small dark tags over their values: each tag found, with a margin;
// made dark on white, its letters are dark and its ground and margin white. A bold black
// value, a dark bar with nothing on it and a photo's dark area are no tags.
TEST(LightTextChipsTest, CaptionTagsOverTheirValues) {
  cv::Mat card(540, 1200, CV_8UC1, cv::Scalar(236));
  const std::vector<cv::Rect> tags = {{264, 77, 150, 22}, {264, 227, 180, 22}, {552, 227, 210, 22}};
  const char* captions[] = {"Nom | Surname", "Sexe | Sex", "Nationalite | Nationality"};
  for (size_t k = 0; k < tags.size(); ++k) {
    cv::rectangle(card, tags[k], cv::Scalar(70), cv::FILLED);
    cv::putText(card, captions[k], {tags[k].x + 6, tags[k].y + 16}, cv::FONT_HERSHEY_SIMPLEX, 0.45,
                cv::Scalar(245), 1, cv::LINE_AA);
    cv::putText(card, "BARBIER", {tags[k].x, tags[k].y + 60}, cv::FONT_HERSHEY_DUPLEX, 1.1,
                cv::Scalar(25), 3);
  }
  cv::rectangle(card, cv::Rect(600, 400, 300, 20), cv::Scalar(40), cv::FILLED);    // a bar
  cv::ellipse(card, {100, 200}, {60, 90}, 0, 0, 360, cv::Scalar(50), cv::FILLED);  // a portrait
  const std::vector<LightTextRegion> found = LightTextChips(card);
  ASSERT_EQ(found.size(), tags.size());
  for (size_t k = 0; k < tags.size(); ++k) {
    EXPECT_EQ((found[k].box & tags[k]), tags[k]);
    EXPECT_LE(found[k].box.width, tags[k].width + 4);
    const cv::Mat out = DarkTextOnWhite(card, found[k]);
    ASSERT_EQ(out.size(), found[k].box.size());
    cv::Mat letters = (card(found[k].box) > 200) & found[k].mask;
    EXPECT_LT(cv::mean(out, letters)[0], 110);
    cv::Mat rest = ~letters;
    EXPECT_GT(cv::mean(out, rest)[0], 200);
  }
  EXPECT_TRUE(LightTextChips(cv::Mat()).empty());
  EXPECT_TRUE(LightTextChips(cv::Mat(300, 300, CV_8UC1, cv::Scalar(30))).empty());
}

// A ranking in white on a round badge (a licence's "15/2" over "Classement"): a chip as the
// tags are, its mask the disc; a dark disc with no letters (a logo, a bullet) is none.
TEST(LightTextChipsTest, ARoundBadgeWithItsRanking) {
  cv::Mat card(863, 1200, CV_8UC1, cv::Scalar(245));
  cv::circle(card, {870, 590}, 48, cv::Scalar(60), cv::FILLED, cv::LINE_AA);
  cv::putText(card, "15/2", {833, 603}, cv::FONT_HERSHEY_DUPLEX, 1.0, cv::Scalar(250), 2,
              cv::LINE_AA);
  cv::circle(card, {300, 300}, 40, cv::Scalar(60), cv::FILLED, cv::LINE_AA);  // no letters
  cv::putText(card, "US Orleans Tennis", {150, 600}, cv::FONT_HERSHEY_DUPLEX, 1.0, cv::Scalar(25),
              2);
  const std::vector<LightTextRegion> found = LightTextChips(card);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_TRUE(found[0].box.contains({870, 590}));
  EXPECT_LE(found[0].box.width, 96 + 6);  // the disc and a margin of 2 pixels
  const cv::Mat out = DarkTextOnWhite(card, found[0]);
  ASSERT_EQ(out.size(), found[0].box.size());
  cv::Mat letters = (card(found[0].box) > 200) & found[0].mask;
  EXPECT_LT(cv::mean(out, letters)[0], 110);
}

// A card's big badge (a quarter of its height) whose bold figures, thicker than the
// closing that joins letters to their ground, stay holes in the disc; its rim shaded
// lighter on one side. Its fill is the disc's, holes and all, and its edges are judged a
// little inside the rim.
TEST(LightTextChipsTest, ABigBadgeWithBoldFiguresAndAShadedRim) {
  cv::Mat card(768, 1200, CV_8UC1, cv::Scalar(240));
  cv::circle(card, {1000, 400}, 100, cv::Scalar(95), cv::FILLED, cv::LINE_AA);
  // The lower rim a shade lighter, above the dark threshold, two pixels deep.
  cv::ellipse(card, {1000, 400}, {99, 99}, 0, 20, 160, cv::Scalar(125), 3, cv::LINE_AA);
  cv::putText(card, "15", {935, 440}, cv::FONT_HERSHEY_DUPLEX, 3.4, cv::Scalar(250), 12,
              cv::LINE_AA);
  const std::vector<LightTextRegion> found = LightTextChips(card);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_TRUE(found[0].box.contains({1000, 400}));
  EXPECT_LE(found[0].box.width, 200 + 6);
}

// A badge's soft edge (a screenshot scaled down blurs it over a few pixels) comes out
// white, not as a ring around the letters that a reader takes for strokes ("(15/4" read
// "a)").
TEST(LightTextChipsTest, ABadgesSoftEdgeIsNoRing) {
  cv::Mat screen(1300, 600, CV_8UC1, cv::Scalar(250));
  cv::circle(screen, {100, 500}, 45, cv::Scalar(40), cv::FILLED, cv::LINE_AA);
  cv::putText(screen, "15/4", {72, 510}, cv::FONT_HERSHEY_SIMPLEX, 0.8, cv::Scalar(250), 2,
              cv::LINE_AA);
  cv::GaussianBlur(screen, screen, {0, 0}, 1.0);
  const std::vector<LightTextRegion> found = LightTextChips(screen);
  ASSERT_EQ(found.size(), 1u);
  const cv::Mat out = DarkTextOnWhite(screen, found[0]);
  ASSERT_FALSE(out.empty());
  cv::Mat edge(out.size(), CV_8U, cv::Scalar(0));
  cv::circle(edge, cv::Point(100, 500) - found[0].box.tl(), 45, cv::Scalar(255), 7);
  EXPECT_EQ(cv::countNonZero((out < 128) & edge), 0);
  cv::Mat letters = (screen(found[0].box) > 200) & found[0].mask;
  EXPECT_LT(cv::mean(out, letters)[0], 110);
}

// The band read apart: its letters dark, its ground and the page around it white.
TEST(LightTextRegionsTest, DarkTextOnWhiteOfABand) {
  cv::Mat page(600, 1000, CV_8UC1, cv::Scalar(245));
  const cv::Rect band(100, 280, 800, 50);
  cv::rectangle(page, band, cv::Scalar(80), cv::FILLED);
  cv::putText(page, "Nom   Prenom   Classement", {120, 316}, cv::FONT_HERSHEY_SIMPLEX, 1.0,
              cv::Scalar(235), 2);
  const std::vector<LightTextRegion> regions = LightTextRegions(page);
  ASSERT_EQ(regions.size(), 1u);
  const cv::Mat out = DarkTextOnWhite(page, regions[0]);
  ASSERT_EQ(out.size(), regions[0].box.size());
  cv::Mat letters = (page(regions[0].box) > 200) & regions[0].mask;  // where the text is
  EXPECT_LT(cv::mean(out, letters)[0], 80);
  cv::Mat rest = ~letters;
  EXPECT_GT(cv::mean(out, rest)[0], 200);
  // A band with nothing on it gives nothing to read.
  LightTextRegion blank{cv::Rect(0, 0, 100, 50), cv::Mat(50, 100, CV_8UC1, cv::Scalar(255)), 0};
  EXPECT_TRUE(DarkTextOnWhite(cv::Mat(50, 100, CV_8UC1, cv::Scalar(70)), blank).empty());
}

// A pill's light outline around light text on a dark band: made dark on white, the frame
// would box the words (Tesseract drops a boxed word as a picture); it is made white with its
// rim, and the letters stay.
TEST(LightTextRegionsTest, DarkTextOnWhiteWithoutTheFrameAroundItsWords) {
  cv::Mat page(600, 1000, CV_8UC1, cv::Scalar(245));
  const cv::Rect band(100, 260, 800, 90);
  cv::rectangle(page, band, cv::Scalar(60), cv::FILLED);
  cv::putText(page, "Hugo TRAORE", {130, 320}, cv::FONT_HERSHEY_SIMPLEX, 1.0, cv::Scalar(235), 2);
  const cv::Rect pill(560, 280, 300, 50);
  cv::rectangle(page, pill, cv::Scalar(235), 2, cv::LINE_AA);
  cv::putText(page, "Saison 2023", {580, 316}, cv::FONT_HERSHEY_SIMPLEX, 0.9, cv::Scalar(235), 2);
  const std::vector<LightTextRegion> regions = LightTextRegions(page);
  ASSERT_EQ(regions.size(), 1u);
  const cv::Mat out = DarkTextOnWhite(page, regions[0]);
  const cv::Point at = regions[0].box.tl();
  // No ink left along the pill's sides, ink still in its words.
  const cv::Rect top_side(pill.x + 4 - at.x, pill.y - 2 - at.y, pill.width - 8, 5);
  const cv::Rect left_side(pill.x - 2 - at.x, pill.y + 4 - at.y, 5, pill.height - 8);
  EXPECT_EQ(cv::countNonZero(out(top_side) < 200), 0);
  EXPECT_EQ(cv::countNonZero(out(left_side) < 200), 0);
  EXPECT_GT(cv::countNonZero(out(cv::Rect(pill.x + 15 - at.x, pill.y + 10 - at.y, 270, 30)) < 128),
            200);
  EXPECT_GT(cv::countNonZero(out(cv::Rect(130 - at.x, 290 - at.y, 200, 35)) < 128), 200);
}

// An app's card: the ranking and the season in black on orange pills, a bold name in black,
// and a photo's grey shades. The pills are found (not the name, not the photo) and made black
// on white, the page around their rounded ends left as it was.
TEST(TintedTextChipsTest, DarkTextOnTintedPills) {
  cv::Mat screen(1536, 709, CV_8UC1, cv::Scalar(240));
  cv::rectangle(screen, cv::Rect(30, 150, 650, 400), cv::Scalar(255), cv::FILLED);
  cv::putText(screen, "FONTAINE", {200, 260}, cv::FONT_HERSHEY_SIMPLEX, 1.4, cv::Scalar(25), 4);
  auto pill = [&](cv::Rect box, const char* text) {
    const int r = box.height / 2;
    cv::rectangle(screen, cv::Rect(box.x + r, box.y, box.width - 2 * r, box.height),
                  cv::Scalar(171), cv::FILLED, cv::LINE_AA);
    cv::circle(screen, {box.x + r, box.y + r}, r, cv::Scalar(171), cv::FILLED, cv::LINE_AA);
    cv::circle(screen, {box.br().x - r, box.y + r}, r, cv::Scalar(171), cv::FILLED, cv::LINE_AA);
    cv::putText(screen, text, {box.x + 16, box.y + 31}, cv::FONT_HERSHEY_SIMPLEX, 0.9,
                cv::Scalar(25), 2);
  };
  const cv::Rect ranking(60, 327, 92, 44), season(163, 327, 200, 44);
  pill(ranking, "15/3");
  pill(season, "Saison 2026");
  for (int x = 0; x < 200; ++x) {  // a photo's shades
    screen(cv::Rect(400 + x, 300, 1, 150)).setTo(120 + x / 3);
  }
  const std::vector<LightTextRegion> chips = TintedTextChips(screen);
  ASSERT_EQ(chips.size(), 2u);
  for (const LightTextRegion& chip : chips) {
    EXPECT_TRUE((chip.box & ranking).area() > 0.8 * ranking.area() ||
                (chip.box & season).area() > 0.8 * season.area())
        << chip.box;
    const cv::Mat out = DarkTextOnTintMadeWhite(screen, chip);
    ASSERT_EQ(out.size(), chip.box.size());
    const cv::Mat letters = (screen(chip.box) < 100) & chip.mask;
    const cv::Mat ground = (screen(chip.box) == 171) & chip.mask;
    EXPECT_LT(cv::mean(out, letters)[0], 60);
    EXPECT_GT(cv::mean(out, ground)[0], 240);
    EXPECT_EQ(out.at<uchar>(0, 0), screen.at<uchar>(chip.box.y, chip.box.x));  // the page
  }
  // A dark page has no paper: nothing.
  EXPECT_TRUE(TintedTextChips(cv::Mat(400, 300, CV_8UC1, cv::Scalar(60))).empty());
}

// A band tilted in a photo is still a band: its own rectangle is solid.
TEST(LightTextRegionsTest, ATiltedBand) {
  cv::Mat page(1000, 1000, CV_8UC1, cv::Scalar(240));
  cv::Mat band(60, 800, CV_8UC1, cv::Scalar(70));
  cv::putText(band, "Club   No club   Ligue", {20, 42}, cv::FONT_HERSHEY_SIMPLEX, 1.0,
              cv::Scalar(235), 2);
  cv::Mat placed(page.size(), CV_8UC1, cv::Scalar(0)), shape(page.size(), CV_8UC1, cv::Scalar(0));
  band.copyTo(placed(cv::Rect(100, 470, 800, 60)));
  shape(cv::Rect(100, 470, 800, 60)).setTo(255);
  const cv::Mat turn = cv::getRotationMatrix2D({500, 500}, 8, 1.0);
  cv::warpAffine(placed, placed, turn, page.size());
  cv::warpAffine(shape, shape, turn, page.size(), cv::INTER_NEAREST);
  placed.copyTo(page, shape);
  const std::vector<LightTextRegion> regions = LightTextRegions(page);
  ASSERT_EQ(regions.size(), 1u);
  EXPECT_GT(regions[0].box.width, 700);
}

// Nothing on a plain page, on a dark-mode screen (inverted whole), or on a dark photo
// without text (a passport's portrait).
TEST(LightTextRegionsTest, NoneWithoutLightTextOnAPartOfThePage) {
  cv::Mat page(1400, 1000, CV_8UC1, cv::Scalar(245));
  Write(page, cv::Rect(0, 0, 1000, 600), cv::Scalar(20));
  EXPECT_TRUE(LightTextRegions(page).empty());
  cv::Mat screen(1600, 800, CV_8UC1, cv::Scalar(24));
  Write(screen, cv::Rect(30, 150, 740, 400), cv::Scalar(235));
  EXPECT_TRUE(LightTextRegions(screen).empty());
  cv::Mat card(600, 1000, CV_8UC1, cv::Scalar(235));
  cv::ellipse(card, {200, 300}, {120, 170}, 0, 0, 360, cv::Scalar(50), cv::FILLED);
  EXPECT_TRUE(LightTextRegions(card).empty());
  EXPECT_TRUE(LightTextRegions(cv::Mat()).empty());
  for (const cv::Size size : {cv::Size(1, 1), cv::Size(5000, 3), cv::Size(3, 5000)}) {
    EXPECT_TRUE(LightTextRegions(cv::Mat(size, CV_8UC1, cv::Scalar(60))).empty());
  }
}

// A 2021-card-like front on a pastel tint: captions in white ("Nom / Surname"), values in
// black under them. Both come out dark on white, the faint captions as dark as the values.
TEST(InkOfBothPolaritiesTest, LightCaptionsBesideDarkValuesOnATintedCard) {
  cv::Mat card(640, 1000, CV_8UC1, cv::Scalar(165));
  cv::Mat captions(card.size(), CV_8UC1, cv::Scalar(0)), values = captions.clone();
  for (int row = 0; row < 5; ++row) {
    const cv::Point caption(260, 70 + row * 110), value(260, 110 + row * 110);
    cv::putText(card, "Date de naissance", caption, cv::FONT_HERSHEY_SIMPLEX, 0.7, cv::Scalar(240),
                1);
    cv::putText(captions, "Date de naissance", caption, cv::FONT_HERSHEY_SIMPLEX, 0.7,
                cv::Scalar(255), 1);
    cv::putText(card, "14 SEPT 1950", value, cv::FONT_HERSHEY_DUPLEX, 1.2, cv::Scalar(25), 3);
    cv::putText(values, "14 SEPT 1950", value, cv::FONT_HERSHEY_DUPLEX, 1.2, cv::Scalar(255), 3);
  }
  const cv::Mat both = InkOfBothPolarities(card);
  ASSERT_FALSE(both.empty());
  ASSERT_EQ(both.size(), card.size());
  cv::Mat ink = captions | values, ground;
  cv::dilate(ink, ground, cv::getStructuringElement(cv::MORPH_RECT, cv::Size(9, 9)));
  cv::bitwise_not(ground, ground);
  EXPECT_LT(cv::mean(both, captions)[0], 110);
  EXPECT_LT(cv::mean(both, values)[0], 60);
  EXPECT_GT(cv::mean(both, ground)[0], 240);
  // The gaps inside a bold word stay white: the ground is not its letters' median.
  cv::Mat gaps;
  cv::dilate(values, gaps, cv::getStructuringElement(cv::MORPH_RECT, cv::Size(5, 5)));
  gaps &= ~values;
  EXPECT_GT(cv::mean(both, gaps)[0], 120);
}

TEST(InkOfBothPolaritiesTest, NoneOnAPageAScreenOrACardOnATable) {
  cv::Mat page(1400, 1000, CV_8UC1, cv::Scalar(245));
  Write(page, cv::Rect(0, 0, 1000, 600), cv::Scalar(20));
  // A guilloche: light lines barely lighter than a light card.
  for (int x = 0; x < 1000; x += 9) cv::line(page, {x, 700}, {x + 200, 1400}, cv::Scalar(255), 1);
  EXPECT_TRUE(InkOfBothPolarities(page).empty());
  cv::Mat screen(1600, 800, CV_8UC1, cv::Scalar(24));
  Write(screen, cv::Rect(30, 150, 740, 400), cv::Scalar(235));
  EXPECT_TRUE(InkOfBothPolarities(screen).empty());
  cv::Mat photo(1200, 1600, CV_8UC1, cv::Scalar(35));
  const cv::Rect card(300, 300, 1000, 600);
  cv::rectangle(photo, card, cv::Scalar(232), cv::FILLED);
  Write(photo, card, cv::Scalar(25));
  EXPECT_TRUE(InkOfBothPolarities(photo).empty());
  EXPECT_TRUE(InkOfBothPolarities(cv::Mat()).empty());
  for (const cv::Size size : {cv::Size(1, 1), cv::Size(5000, 3), cv::Size(3, 5000)}) {
    EXPECT_TRUE(InkOfBothPolarities(cv::Mat(size, CV_8UC1, cv::Scalar(160))).empty());
  }
}

}  // namespace
}  // namespace jae::local
