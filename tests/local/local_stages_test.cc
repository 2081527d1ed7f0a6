// Unit tests of the local engine's stages on small fixtures generated in-test.
#include <gtest/gtest.h>

#include <algorithm>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <random>
#include <tuple>

#include "engine/local/agreeing_readings.h"
#include "engine/local/caption_table.h"
#include "engine/local/classify.h"
#include "engine/local/document_finder.h"
#include "engine/local/field_reader.h"
#include "engine/local/flatten_light.h"
#include "engine/local/given_names.h"
#include "engine/local/licence_fields.h"
#include "engine/local/mrz_reader.h"
#include "engine/local/mrz_zone.h"
#include "engine/local/ocr_lines.h"
#include "engine/local/ocr_text.h"
#include "engine/local/ocrb_classifier.h"
#include "engine/local/rule_lines.h"
#include "engine/local/small_words.h"
#include "engine/local/unlabelled_fields.h"
#include "engine/local/value_forms.h"
#include "gendocs.h"
#include "mrz_build.h"

namespace jae::local {
namespace {

using gendocs::Condition;
using gendocs::Kind;

class StagesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    fonts_ = gendocs::Fonts::Load();
    if (!fonts_) GTEST_SKIP() << "fonts-dejavu-core / fonts-ocr-b not installed";
  }
  gendocs::RenderedDoc Render(Kind kind, std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    return gendocs::RenderDocument(kind, gendocs::RandomIdentity(rng), rng, *fonts_);
  }
  std::unique_ptr<gendocs::Fonts> fonts_;
};

cv::Mat Decode(const std::string& jpeg) {
  return cv::imdecode(
      cv::Mat(1, static_cast<int>(jpeg.size()), CV_8UC1, const_cast<char*>(jpeg.data())),
      cv::IMREAD_COLOR);
}

double MaxCornerError(const std::vector<cv::Point2f>& found,
                      const std::vector<cv::Point2f>& truth) {
  double best = 1e18;
  for (int r = 0; r < 4; ++r) {
    double worst = 0;
    for (int i = 0; i < 4; ++i)
      worst = std::max(worst, static_cast<double>(cv::norm(found[i] - truth[(i + r) % 4])));
    best = std::min(best, worst);
  }
  return best;
}

TEST_F(StagesTest, FindsTheOutlineOfAPhotographedCard) {
  int found = 0;
  for (std::uint64_t seed = 1; seed <= 4; ++seed) {
    auto doc = Render(Kind::kFrId2021Front, seed);
    std::mt19937_64 rng(seed);
    auto cap = gendocs::Capture(doc.image, doc.mask, Condition::kPhoto, rng);
    auto outline = FindOutline(Decode(cap.jpeg));
    if (outline && MaxCornerError(*outline, cap.corners) < 0.03 * cap.document_width) ++found;
  }
  EXPECT_GE(found, 3);
}

// A card lying on a placemat: the placemat's outline is larger and as well supported as
// the card's, so it ranks first; the card must be among the runners-up.
TEST_F(StagesTest, FindOutlinesKeepsTheCardAsARunnerUp) {
  auto doc = Render(Kind::kFrResidence, 5);
  cv::Mat card;
  cv::resize(doc.image, card, cv::Size(480, 480 * doc.image.rows / doc.image.cols));
  cv::Mat scene(700, 900, CV_8UC3, cv::Scalar(40, 60, 50));
  cv::rectangle(scene, cv::Rect(60, 60, 780, 580), cv::Scalar(150, 140, 130), cv::FILLED);
  const cv::Point at(220, 180);
  card.copyTo(scene(cv::Rect(at, card.size())));
  const std::vector<cv::Point2f> truth = {cv::Point2f(at), cv::Point2f(at.x + card.cols, at.y),
                                          cv::Point2f(at.x + card.cols, at.y + card.rows),
                                          cv::Point2f(at.x, at.y + card.rows)};
  const double tolerance = 0.03 * card.cols;
  const auto outlines = FindOutlines(scene, 3);
  ASSERT_GE(outlines.size(), 2u);
  EXPECT_LE(outlines.size(), 3u);
  EXPECT_GT(MaxCornerError(outlines[0], truth), tolerance) << "the placemat comes first";
  EXPECT_TRUE(std::any_of(outlines.begin() + 1, outlines.end(), [&](const auto& quad) {
    return MaxCornerError(quad, truth) < tolerance;
  }));
  // FindOutline is the best of them.
  auto best = FindOutline(scene);
  ASSERT_TRUE(best.has_value());
  EXPECT_EQ(*best, outlines[0]);
  // No two the same.
  for (size_t i = 1; i < outlines.size(); ++i) {
    EXPECT_GT(MaxCornerError(outlines[i], outlines[0]), 1.0);
  }
}

TEST_F(StagesTest, RectifiesToLandscapeWhateverTheQuarterTurn) {
  auto doc = Render(Kind::kFrId1988, 7);
  for (auto turn : {cv::ROTATE_90_CLOCKWISE, cv::ROTATE_180, cv::ROTATE_90_COUNTERCLOCKWISE}) {
    cv::Mat canvas(doc.image.rows + 200, doc.image.cols + 200, CV_8UC3, cv::Scalar(40, 60, 50));
    doc.image.copyTo(canvas(cv::Rect(100, 100, doc.image.cols, doc.image.rows)));
    cv::rotate(canvas, canvas, turn);
    FoundDocument found = FindDocument(canvas, 1200);
    ASSERT_TRUE(found.outline_found);
    EXPECT_GT(found.image.cols, found.image.rows);
    cv::Mat gray;
    cv::cvtColor(found.image, gray, cv::COLOR_BGR2GRAY);
    auto mrz = LocateMrz(gray);
    ASSERT_TRUE(mrz.has_value());
    EXPECT_EQ(mrz->lines.size(), 2u);
  }
}

TEST_F(StagesTest, NoOutlineOnAnEmptyTable) {
  std::mt19937_64 rng(3);
  EXPECT_FALSE(FindOutline(Decode(gendocs::BackgroundOnly(rng, cv::Size(900, 700)))).has_value());
}

TEST_F(StagesTest, LocatesTheMrzBandAndItsOrientation) {
  auto doc = Render(Kind::kFrPassport, 11);
  cv::Mat gray;
  cv::cvtColor(doc.image, gray, cv::COLOR_BGR2GRAY);
  cv::resize(gray, gray, cv::Size(1200, 1200 * gray.rows / gray.cols));
  auto upright = LocateMrz(gray);
  ASSERT_TRUE(upright.has_value());
  EXPECT_EQ(upright->lines.size(), 2u);
  EXPECT_FALSE(upright->upside_down);
  EXPECT_GT(upright->lines[0].y, gray.rows * 3 / 4);
  cv::Mat flipped;
  cv::rotate(gray, flipped, cv::ROTATE_180);
  auto down = LocateMrz(flipped);
  ASSERT_TRUE(down.has_value());
  EXPECT_TRUE(down->upside_down);
  // Three lines on a TD1 card.
  auto td1 = Render(Kind::kFrResidence, 5);
  cv::cvtColor(td1.image, gray, cv::COLOR_BGR2GRAY);
  auto three = LocateMrz(gray);
  ASSERT_TRUE(three.has_value());
  EXPECT_EQ(three->lines.size(), 3u);
}

TEST_F(StagesTest, OcrbClassifierReadsRenderedLines) {
  auto classifier = OcrbClassifier::Load("/usr/share/fonts/opentype/ocr-b/OCRB.otf");
  ASSERT_TRUE(classifier.ok()) << classifier.status().ToString();
  const std::vector<std::string> lines = {"P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
                                          "L898902C36UTO7408122F1204159ZE184226B<<<<<10"};
  cv::Mat img = gendocs::RenderMrzLines(lines, 40, *fonts_);
  cv::Mat gray;
  cv::cvtColor(img, gray, cv::COLOR_BGR2GRAY);
  // On a page: the zone at the bottom of a document-sized area.
  cv::copyMakeBorder(gray, gray, img.cols / 2, 0, 0, 0, cv::BORDER_CONSTANT, cv::Scalar(255));
  auto where = LocateMrz(gray);
  ASSERT_TRUE(where.has_value());
  ASSERT_EQ(where->lines.size(), 2u);
  for (size_t i = 0; i < 2; ++i) {
    EXPECT_EQ((*classifier)->ReadLine(gray, where->lines[i], 44), lines[i]);
  }
}

// A name line photographed small and out of focus (what `hard` photos give): E and F
// score within hundredths of each other, and only E's foot tells them apart.
TEST_F(StagesTest, OcrbClassifierTellsEFromFWhenBlurred) {
  auto classifier = OcrbClassifier::Load("/usr/share/fonts/opentype/ocr-b/OCRB.otf");
  ASSERT_TRUE(classifier.ok()) << classifier.status().ToString();
  const std::vector<std::string> lines = {"P<FRALEFEVRE<<FELIX<EFFIE<ESTEFE<<<<<<<<<<<<",
                                          "FEF<EFE<FFE<EEF<LEFEBVRE<<FREDERIC<<<<<<<<<<"};
  cv::Mat img = gendocs::RenderMrzLines(lines, 12, *fonts_);
  cv::Mat gray;
  cv::cvtColor(img, gray, cv::COLOR_BGR2GRAY);
  cv::GaussianBlur(gray, gray, cv::Size(0, 0), 0.9);
  cv::resize(gray, gray, cv::Size(), 3.3, 3.3, cv::INTER_LINEAR);
  cv::copyMakeBorder(gray, gray, gray.cols / 2, 0, 0, 0, cv::BORDER_CONSTANT, cv::Scalar(255));
  auto where = LocateMrz(gray);
  ASSERT_TRUE(where.has_value());
  ASSERT_EQ(where->lines.size(), 2u);
  int wrong = 0, letters = 0;
  for (size_t i = 0; i < 2; ++i) {
    const std::string read = (*classifier)->ReadLine(gray, where->lines[i], 44);
    ASSERT_EQ(read.size(), lines[i].size());
    for (size_t k = 0; k < read.size(); ++k) {
      if (lines[i][k] != 'E' && lines[i][k] != 'F') continue;
      ++letters;
      wrong += read[k] != lines[i][k];
    }
  }
  EXPECT_LE(wrong, 1) << "of " << letters << " E and F";
}

// A TD1 zone whose last line is mostly fillers (whose foot stops above the baseline: the
// cell once ended there and E lost its foot, read F), and a number mixing O and 0 (told
// apart by the digits' height).
TEST_F(StagesTest, OcrbClassifierKeepsFeetAndTellsOFromZero) {
  auto classifier = OcrbClassifier::Load("/usr/share/fonts/opentype/ocr-b/OCRB.otf");
  ASSERT_TRUE(classifier.ok()) << classifier.status().ToString();
  const std::vector<std::string> lines = {"IDFRA0L3CJO01C2<<<<<<<<<<<<<<<",
                                          "0309138M2801267FRA<<<<<<<<<<<0",
                                          "BENARD<<JOEL<<<<<<<<<<<<<<<<<<"};
  cv::Mat img = gendocs::RenderMrzLines(lines, 36, *fonts_);
  cv::Mat gray;
  cv::cvtColor(img, gray, cv::COLOR_BGR2GRAY);
  cv::copyMakeBorder(gray, gray, img.cols / 2, 0, 0, 0, cv::BORDER_CONSTANT, cv::Scalar(255));
  auto where = LocateMrz(gray);
  ASSERT_TRUE(where.has_value());
  ASSERT_EQ(where->lines.size(), 3u);
  for (size_t i = 0; i < 3; ++i) {
    std::vector<CellMatch> cells;
    EXPECT_EQ((*classifier)->ReadLine(gray, where->lines[i], 30, nullptr, &cells), lines[i]);
    ASSERT_EQ(cells.size(), 30u);
    EXPECT_GT(cells[0].ScoreOf(lines[i][0]), 0.5f);
  }
}

// Lines the finder took for a zone but where the classifier reads no run of fillers are
// no MRZ, however OCR-B their letters: Tesseract is not spent on them. The reader's
// Tesseract here has no model, so borrowing it fails: an error says that it was tried.
TEST_F(StagesTest, NoTesseractOnLinesWithoutFillers) {
  auto classifier = OcrbClassifier::Load("/usr/share/fonts/opentype/ocr-b/OCRB.otf");
  ASSERT_TRUE(classifier.ok()) << classifier.status().ToString();
  TessConfig no_model;
  no_model.tessdata_dir = "/nonexistent";
  no_model.language = "mrz";
  MrzLineReader reader(no_model, std::move(*classifier), MrzReader::kBoth);
  auto read = [&](const std::vector<std::string>& lines) {
    cv::Mat img = gendocs::RenderMrzLines(lines, 40, *fonts_);
    cv::Mat gray;
    cv::cvtColor(img, gray, cv::COLOR_BGR2GRAY);
    cv::copyMakeBorder(gray, gray, img.cols / 2, 0, 0, 0, cv::BORDER_CONSTANT, cv::Scalar(255));
    auto where = LocateMrz(gray);
    EXPECT_TRUE(where.has_value());
    return where ? reader.Read(gray, *where, false,
                               std::chrono::steady_clock::now() + std::chrono::seconds(30))
                 : StatusOr<MrzRead>(NotFoundError("no zone located"));
  };
  // Print set in OCR-B, one word gap a line: no filler run.
  auto print = read({"TENNIS<CLUB<DE<LA<VILLE<DE<PARIS<SAISON<2024",
                     "LICENCE<8818163B<CLASSEMENT<30<1<COMPETITION"});
  ASSERT_TRUE(print.ok()) << print.status().ToString();
  EXPECT_FALSE(print->ocrb_like);
  EXPECT_FALSE(print->tesseract_ran);
  // The specimen with one check digit wrong: a zone, which the classifier fails to
  // prove, so Tesseract is tried.
  auto zone = read({"P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
                    "L898902C37UTO7408122F1204159ZE184226B<<<<<10"});
  EXPECT_FALSE(zone.ok());
}

TEST(MrzReaderTest, TwoReadersProvingTwoNumbersProveNothing) {
  mrz::ParseOptions options;
  options.today = {2026, 11, 26};
  // Tesseract: 2 read Z and S read 5, the changes cancelling in the check digit.
  auto tesseract =
      mrz::ParseMrz({"ARFRALELZZR58P1<<<<<<<<<<<<<<<", "9902107F3510214SEN<<<<<<<<<<<4",
                     "MOREL<<ODILE<<<<<<<<<<<<<<<<<<"},
                    options);
  ASSERT_TRUE(tesseract.ok());
  ASSERT_TRUE(tesseract->valid);
  // The classifier read the number right, shifted by a card edge read "1K".
  const std::vector<std::vector<std::string>> classifier = {{"1KARFRALEL2ZRS8P1<<<<<<<<<<<<<",
                                                             "9902107F3510214SEN<<<<<<<<<<<4",
                                                             "MOREL<<ODILE<<<<<<<<<<<<<<<<<<"}};
  EXPECT_TRUE(AnotherReadProvesOtherwise(*tesseract, classifier));
  // Agreeing, or disagreeing where no check digit holds, is no contradiction.
  EXPECT_FALSE(AnotherReadProvesOtherwise(*tesseract, {tesseract->lines}));
  EXPECT_FALSE(AnotherReadProvesOtherwise(
      *tesseract, {{"ARFRALELZZRS8P1<<<<<<<<<<<<<<<", "9902107F3510214SEN<<<<<<<<<<<4",
                    "MOREL<<ODILE<<<<<<<<<<<<<<<<<<"}}));
}

TEST(MrzZoneTest, FitsLineLengthOnTheFillerRun) {
  EXPECT_EQ(FitLineLength("AB<<<C", 5), "AB<<C");
  EXPECT_EQ(FitLineLength("AB<<C", 7), "AB<<<<C");
  EXPECT_EQ(FitLineLength("ABC", 5), "ABC<<");
  EXPECT_EQ(LongestFillerRun("A<B<<<C<<<").start, 3);  // the first of two longest
  EXPECT_EQ(LongestFillerRun("A<B<<<C<<<").length, 3);
  EXPECT_EQ(LongestFillerRun("ABC").length, 0);
  EXPECT_EQ(CleanMrzText("p< uto\n"), "P<UTO");
  const auto candidates = LengthCandidates("1IDFRA<<<<X", 10);
  ASSERT_FALSE(candidates.empty());
  EXPECT_EQ(candidates.front(), "IDFRA<<<<X");
}

TEST(FieldReaderTest, InlineAndStackedLabels) {
  std::vector<OcrLine> lines = {
      {"Nom : DUPONT", {300, 100, 300, 30}, 0.9},
      {"N° de licence : 1234567 A", {300, 150, 400, 30}, 0.9},
      {"Date de naiss. / Date of birth", {300, 200, 300, 15}, 0.9},
      {"13 07 1990", {302, 220, 150, 24}, 0.8},
      {"Prénoms / Given names", {300, 260, 250, 15}, 0.9},
      {"Maëlys, Gaëlle", {301, 280, 200, 24}, 0.7},
  };
  Fields f = ReadLabelledFields(lines, 1000);
  EXPECT_EQ(f[FieldName::kSurname].value, "DUPONT");
  EXPECT_EQ(f[FieldName::kLicenceNumber].value, "1234567 A");
  EXPECT_EQ(f[FieldName::kBirthDate].value, "13 07 1990");
  EXPECT_EQ(f[FieldName::kGivenNames].value, "Maëlys, Gaëlle");
  EXPECT_EQ(f[FieldName::kGivenNames].source, FieldSource::kVisual);
  EXPECT_NEAR(*f[FieldName::kGivenNames].confidence, 0.7, 1e-9);
  EXPECT_EQ(NormalizeLabelText("Né(e) le : 01.02.2003"), "ne(e) le: 01 02 2003");
}

TEST(FieldReaderTest, RepairsLookAlikesWhereTheFieldHoldsDigits) {
  std::vector<OcrLine> lines = {
      {"Date de délivrance : 08 O1 2019", {300, 100, 300, 30}, 0.9},
      {"Sexe : E", {300, 150, 100, 30}, 0.9},
      {"Classement : O", {300, 200, 200, 30}, 0.9},
      {"Nom : OLIVIER", {300, 250, 200, 30}, 0.9},
      {"Date of expiry : le O1 mai", {300, 300, 200, 30}, 0.9},
  };
  Fields f = ReadLabelledFields(lines, 1000);
  EXPECT_EQ(f[FieldName::kIssueDate].value, "08 01 2019");
  EXPECT_EQ(f[FieldName::kSex].value, "F");
  EXPECT_EQ(f[FieldName::kRanking].value, "0");
  EXPECT_EQ(f[FieldName::kSurname].value, "OLIVIER");  // names untouched
  EXPECT_FALSE(f.count(FieldName::kExpiryDate));       // not a date: no fact
  lines = {{"Classement : NC", {300, 100, 300, 30}, 0.9}};
  EXPECT_EQ(ReadLabelledFields(lines, 1000)[FieldName::kRanking].value, "NC");
  // Not a step of the ladder: no ranking. A club's name starts with a letter.
  lines = {{"Classement : 39/4", {300, 100, 300, 30}, 0.9},
           {"Club : / 4 Cercle Sportif de Pau 2000", {300, 150, 500, 30}, 0.9}};
  Fields misread = ReadLabelledFields(lines, 1000);
  EXPECT_FALSE(misread.count(FieldName::kRanking));
  EXPECT_EQ(misread[FieldName::kClubName].value, "Cercle Sportif de Pau 2000");
  // Lower case only is a label's fragment, not a name; a particle in a name is fine.
  lines = {{"Prénom : le", {300, 100, 300, 30}, 0.9},
           {"Nom : de LA FONTAINE", {300, 150, 500, 30}, 0.9}};
  Fields names = ReadLabelledFields(lines, 1000);
  EXPECT_FALSE(names.count(FieldName::kGivenNames));
  EXPECT_EQ(names[FieldName::kSurname].value, "de LA FONTAINE");
  lines = {{"Prénom : Élise", {300, 100, 300, 30}, 0.9}};
  EXPECT_EQ(ReadLabelledFields(lines, 1000)[FieldName::kGivenNames].value, "Élise");
}

// The value `line`, read as one line of a page 1000 pixels wide, gives `name`, or "(none)".
std::string OneLineField(FieldName name, const std::string& line) {
  Fields f = ReadLabelledFields({{line, {40, 100, 900, 30}, 0.9}}, 1000);
  return f.count(name) ? f[name].value : std::string("(none)");
}

// A line with its words: each word `text` at x (pixels), all on one row of height 20.
OcrLine Row(int y, std::vector<std::pair<std::string, int>> words) {
  OcrLine line;
  line.confidence = 0.9;
  for (const auto& [text, x] : words) {
    const cv::Rect box(x, y, 11 * static_cast<int>(text.size()), 20);
    line.words.push_back(OcrWord{text, box});
    line.text += (line.text.empty() ? "" : " ") + text;
    line.box = line.words.size() == 1 ? box : (line.box | box);
  }
  return line;
}

// A line of words at x positions, `h` pixels high, each word 10 pixels a character.
OcrLine RowOfHeight(std::vector<std::pair<std::string, int>> ws, int y, int h) {
  OcrLine line;
  for (const auto& [text, x] : ws) {
    line.words.push_back({text, {x, y, 10 * static_cast<int>(text.size()), h}});
    line.text += (line.text.empty() ? "" : " ") + text;
    line.box = line.words.size() == 1 ? line.words.back().box : (line.box | line.words.back().box);
  }
  line.confidence = 0.9;
  return line;
}

// A line of words, each (text, x, y, height), 12 pixels a character wide.
OcrLine WordsAt(std::vector<std::tuple<std::string, int, int, int>> ws) {
  OcrLine line;
  for (const auto& [text, x, y, h] : ws) {
    line.words.push_back({text, {x, y, 12 * static_cast<int>(text.size()), h}});
    line.text += (line.text.empty() ? "" : " ") + text;
    line.box = line.words.size() == 1 ? line.words.back().box : (line.box | line.words.back().box);
  }
  line.confidence = 0.9;
  return line;
}

TEST(FieldReaderTest, ATablesNextRowIsNotTheValueOfTheCaptionAboveIt) {
  // A photo of a two-column table: each caption's French and English stacked left of its
  // value, read as one line; the next row's caption misread ("TT").
  std::vector<OcrLine> lines = {
      WordsAt({{"Nom", 346, 118, 12},
               {"/", 380, 117, 15},
               {"Surname", 346, 134, 13},
               {"GIRAUD", 483, 125, 20}}),
      WordsAt({{"TT", 347, 166, 26}, {"Chloé", 482, 171, 21}, {"Anne", 561, 172, 20}})};
  EXPECT_EQ(ReadLabelledFields(lines, 1200)[FieldName::kSurname].value, "GIRAUD");
  // Captions above their values, the second caption misread into a word as small as the
  // first: the value under the caption stays the likelier one.
  lines = {WordsAt({{"Nom", 346, 118, 12}, {"Prenon", 483, 118, 12}}),
           WordsAt({{"DUPONT", 346, 140, 20}, {"Marie", 483, 140, 20}})};
  EXPECT_EQ(ReadLabelledFields(lines, 1200)[FieldName::kSurname].value, "DUPONT");
}

TEST(FieldReaderTest, ColumnsOnOneLineKeepTheirOwnValues) {
  // A passport's data page: three labels on one line, their values on the next, and a
  // value to the right of its label with no ':' (an attestation's table).
  std::vector<OcrLine> lines = {
      Row(100,
          {{"Nationalité", 300}, {"Date", 600}, {"de", 650}, {"naissance", 680}, {"Sexe", 950}}),
      Row(125, {{"Française", 300}, {"10", 600}, {"11", 630}, {"1950", 660}, {"F", 950}}),
      Row(200, {{"Nom", 300}, {"LEFEBVRE", 600}, {"Prénom", 950}, {"Hélène", 1150}}),
  };
  Fields f = ReadLabelledFields(lines, 1400);
  EXPECT_EQ(f[FieldName::kNationality].value, "Française");
  EXPECT_EQ(f[FieldName::kBirthDate].value, "10 11 1950");
  EXPECT_EQ(f[FieldName::kSex].value, "F");
  EXPECT_EQ(f[FieldName::kSurname].value, "LEFEBVRE");
  EXPECT_EQ(f[FieldName::kGivenNames].value, "Hélène");
}

// A value's confidence is its own words': a line's average is lifted by a clear label
// over one misread word, which would then stand against the MRZ as a disagreement.
TEST(FieldReaderTest, ValueConfidenceIsTheLeastOfTheWordsItKeeps) {
  std::vector<OcrLine> lines = {
      Row(100, {{"Nom", 300}, {":", 345}, {"MGUYEN", 360}}),
      Row(140, {{"Né(e)", 300}, {"le", 360}, {"I3.O7.199O", 400}, {"~", 560}}),
      Row(180, {{"Prénoms", 300}}),
      Row(205, {{"”", 300}, {"Victor", 320}}),
  };
  lines[0].words[2].confidence = 0.62;
  lines[1].words[2].confidence = 0.81;
  lines[1].words[3].confidence = 0.10;  // a speck after the date, which it drops
  lines[3].words[0].confidence = 0.20;  // a quotation mark before the name
  lines[3].words[1].confidence = 0.96;
  Fields f = ReadLabelledFields(lines, 1000);
  EXPECT_EQ(f[FieldName::kSurname].value, "MGUYEN");
  EXPECT_DOUBLE_EQ(*f[FieldName::kSurname].confidence, 0.62);
  EXPECT_EQ(f[FieldName::kBirthDate].value, "13.07.1990");  // repaired, still its word
  EXPECT_DOUBLE_EQ(*f[FieldName::kBirthDate].confidence, 0.81);
  EXPECT_EQ(f[FieldName::kGivenNames].value, "Victor");
  EXPECT_DOUBLE_EQ(*f[FieldName::kGivenNames].confidence, 0.96);
}

TEST(FieldReaderTest, EnglishAndBilingualLabelsInEitherOrder) {
  std::vector<OcrLine> lines = {
      {"Surname / Nom", {300, 100, 200, 15}, 0.9},
      {"MOREAU", {301, 120, 150, 24}, 0.9},
      {"Date of expiry / Date d'expiration", {300, 160, 300, 15}, 0.9},
      {"01.02.2031", {302, 180, 150, 24}, 0.9},
      {"Given names: Paul, Émile", {300, 230, 300, 24}, 0.9},
      {"Place of birth LYON", {300, 270, 300, 24}, 0.9},
      {"Date de naiss. / Date of birth", {300, 400, 260, 16}, 0.9},
      {"18 07 1958", {301, 430, 177, 24}, 0.9},
  };
  Fields f = ReadLabelledFields(lines, 1000);
  EXPECT_EQ(f[FieldName::kSurname].value, "MOREAU");
  EXPECT_EQ(f[FieldName::kExpiryDate].value, "01.02.2031");
  EXPECT_EQ(f[FieldName::kGivenNames].value, "Paul, Émile");
  EXPECT_EQ(f[FieldName::kBirthPlace].value, "LYON");
  EXPECT_EQ(f[FieldName::kBirthDate].value, "18 07 1958");  // a label of seven words
  EXPECT_FALSE(f.count(FieldName::kNationality));
}

TEST(FieldReaderTest, AValueThatFailsItsFormIsNoFact) {
  std::vector<OcrLine> lines = {
      {"Nationalité : Française 10 11 1950", {300, 100, 400, 24}, 0.9},
      {"Date de naissance : LYON", {300, 150, 400, 24}, 0.9},
      {"Sexe : 1950", {300, 200, 400, 24}, 0.9},
      {"Saison : 20X6", {300, 250, 400, 24}, 0.9},
      {"Classement : Club de Lyon", {300, 300, 400, 24}, 0.9},
      {"Nom : 12 03 1987", {300, 350, 400, 24}, 0.9},
      {"Club : Tennis Club de Lyon", {300, 400, 400, 24}, 0.9},
  };
  Fields f = ReadLabelledFields(lines, 1000);
  // The next column's date glued on is cut off; what remains is a nationality.
  EXPECT_EQ(f[FieldName::kNationality].value, "Française");
  EXPECT_FALSE(f.count(FieldName::kBirthDate));
  EXPECT_FALSE(f.count(FieldName::kSex));
  EXPECT_FALSE(f.count(FieldName::kSeason));
  EXPECT_FALSE(f.count(FieldName::kRanking));
  EXPECT_FALSE(f.count(FieldName::kSurname));
  // "Club" inside a value is no label of its own.
  EXPECT_EQ(f[FieldName::kClubName].value, "Tennis Club de Lyon");
}

// A label read where the value should be (the value lost) is no value; nor is a
// nationality with the background's words glued on.
TEST(FieldReaderTest, ALabelInThePlaceOfAValueIsNoValue) {
  std::vector<OcrLine> lines = {
      Row(100, {{"Nom", 300}}),
      Row(125, {{"Prénom", 300}}),
      Row(150, {{"Camille", 300}}),
      Row(200, {{"Nationalité", 300}}),
      Row(225, {{"FRA", 300}, {"es", 345}, {"dolor", 380}}),
  };
  Fields f = ReadLabelledFields(lines, 1000);
  EXPECT_FALSE(f.count(FieldName::kSurname)) << f[FieldName::kSurname].value;
  EXPECT_EQ(f[FieldName::kGivenNames].value, "Camille");
  EXPECT_FALSE(f.count(FieldName::kNationality)) << f[FieldName::kNationality].value;
}

// A blurred scan's long captions with two letters misread, after their first two: the
// 1988 card's back ("détvrée le", "valable jusqu'es"). One word read two letters off a
// caption is no caption ("NATIONALE" is a name), nor is a caption of other words.
TEST(FieldReaderTest, LongCaptionsReadWithTwoSlips) {
  const std::vector<OcrLine> lines = {
      Row(100,
          {{"Carte", 20}, {"valable", 110}, {"jusqu'es", 205}, {":", 314}, {"02.04.2030", 360}}),
      Row(140, {{"détvrée", 20}, {"le:", 134}, {"03.04.2015", 216}}),
  };
  Fields f = ReadLabelledFields(lines, 1000);
  EXPECT_EQ(f[FieldName::kExpiryDate].value, "02.04.2030");
  EXPECT_EQ(f[FieldName::kIssueDate].value, "03.04.2015");
  const std::vector<OcrLine> others = {
      Row(100, {{"Date", 20}, {"de", 80}, {"mariage", 120}, {"02.04.2030", 360}}),
  };
  EXPECT_TRUE(ReadLabelledFields(others, 1000).empty());
  // A caption read right is never outspanned by one two slips away: "Domicile 134" is no
  // misread "domicilie a" that would eat the street's number.
  const std::vector<OcrLine> address = {
      Row(107, {{"Domicile", 45}, {"134", 152}, {"BIS", 209}, {"QUAI", 270}}),
      Row(148, {{"13090", 152}, {"AIX-EN-PROVENCE", 239}}),
  };
  EXPECT_EQ(ReadLabelledFields(address, 1200)[FieldName::kAddress].value,
            "134 BIS QUAI 13090 AIX-EN-PROVENCE");
}

// Small captions read with their spaces lost and one slip ("LIEUDEVAISSANCE"); a title
// word one slip from a key ("PASSEPORT" for "passeport n") is no caption.
TEST(FieldReaderTest, SmallCaptionsReadWithTheirSpacesLost) {
  const std::vector<OcrLine> lines = {
      Row(20, {{"RÉPUBLIQUE", 57}, {"FRANÇAISE", 200}, {"PASSEPORT", 340}}),
      Row(60, {{"Nom", 325}, {":", 370}, {"BLANCHARD", 390}}),
      WordsAt({{"DATEDEVAISSANCE/", 345, 306, 9},
               {"Dao", 560, 306, 9},
               {"LIEUDEVAISSANCE", 640, 306, 9},
               {"/", 825, 306, 5},
               {"Pace", 835, 306, 9}}),
      WordsAt({{"09.12.1995", 345, 325, 22}, {"BREST", 640, 325, 22}}),
  };
  Fields f = ReadLabelledFields(lines, 1200);
  EXPECT_EQ(f[FieldName::kBirthPlace].value, "BREST");
  EXPECT_EQ(f[FieldName::kBirthDate].value, "09.12.1995");
  EXPECT_FALSE(f.count(FieldName::kDocumentNumber));
}

// Ë after a consonant is an È misread (French puts the diaeresis on a vowel's heels only);
// after a vowel it stays (Noël, Gaëlle).
TEST(FieldReaderTest, AGraveAccentReadAsADiaeresisAfterAConsonant) {
  const std::vector<OcrLine> lines = {
      Row(100, {{"Adresse", 20}}),
      Row(130, {{"55", 20},
                {"AVENUE", 60},
                {"JEAN", 140},
                {"JAURËS", 200},
                {"99984", 280},
                {"METZ", 350}}),
      Row(180, {{"Prénoms", 20}}),
      Row(210, {{"Noël,", 20}, {"Gaëlle", 90}, {"Mëlle", 170}}),
  };
  Fields f = ReadLabelledFields(lines, 1000);
  EXPECT_EQ(f[FieldName::kAddress].value, "55 AVENUE JEAN JAURÈS 99984 METZ");
  EXPECT_EQ(f[FieldName::kGivenNames].value, "Noël, Gaëlle Mèlle");
}

// An address whose postcode and town were not read is a part of one: kept below the
// confidence a value needs to be told; a whole one keeps its reading's.
TEST(FieldReaderTest, AnAddressWithoutItsPostcodeIsNoWholeAddress) {
  const std::vector<OcrLine> cut = {
      Row(100, {{"Domicile:", 20},
                {"71", 130},
                {"BIS", 160},
                {"ALLÉE", 200},
                {"DES", 270},
                {"CHÊNES", 310}}),
      Row(140, {{"090.DFEN-FROVENCE", 130}}),
  };
  Fields f = ReadLabelledFields(cut, 1000);
  ASSERT_TRUE(f.count(FieldName::kAddress));
  EXPECT_LT(f[FieldName::kAddress].confidence.value_or(1), 0.3);
  const std::vector<OcrLine> whole = {
      Row(100, {{"Domicile:", 20},
                {"71", 130},
                {"BIS", 160},
                {"ALLÉE", 200},
                {"DES", 270},
                {"CHÊNES", 310}}),
      Row(130, {{"13090", 130}, {"AIX-EN-PROVENCE", 200}}),
  };
  Fields g = ReadLabelledFields(whole, 1000);
  EXPECT_EQ(g[FieldName::kAddress].value, "71 BIS ALLÉE DES CHÊNES 13090 AIX-EN-PROVENCE");
  EXPECT_GT(g[FieldName::kAddress].confidence.value_or(0), 0.5);
}

// An ICAO data page's dates: the month in two languages, its '/' maybe read as a letter,
// the year of two digits ("23 APR /AVR 12").
TEST(FieldReaderTest, DatesOfAnIcaoPageWithTwoDigitYears) {
  const std::vector<OcrLine> lines = {
      Row(100, {{"Date", 20}, {"of", 60}, {"issue/Date", 90}, {"de", 180}, {"délivrance", 210}}),
      Row(130, {{"23", 20}, {"APR", 60}, {"R", 100}, {"AVR", 130}, {"12", 180}}),
      Row(170, {{"Date", 20}, {"of", 60}, {"birth/Date", 90}, {"de", 180}, {"naissance", 210}}),
      Row(200, {{"20", 20}, {"MAY", 60}, {"/MAI", 110}, {"95", 170}}),
  };
  Fields f = ReadLabelledFields(lines, 1000);
  EXPECT_EQ(f[FieldName::kIssueDate].value, "23 APR R AVR 12");
  EXPECT_EQ(f[FieldName::kBirthDate].value, "20 MAY /MAI 95");
  // A year of two digits after a month in one language is a year cut short; a lone letter
  // beside one month is no slash ("12 R MARS 90").
  const std::vector<OcrLine> cut = {
      Row(100, {{"Date", 20}, {"de", 60}, {"naissance", 90}}),
      Row(130, {{"13", 20}, {"JUIL.", 60}, {"19", 130}}),
  };
  EXPECT_FALSE(ReadLabelledFields(cut, 1000).count(FieldName::kBirthDate));
  const std::vector<OcrLine> other = {
      Row(100, {{"Date", 20}, {"de", 60}, {"naissance", 90}}),
      Row(130, {{"12", 20}, {"R", 60}, {"MARS", 90}, {"90", 150}}),
  };
  EXPECT_FALSE(ReadLabelledFields(other, 1000).count(FieldName::kBirthDate));
}

// A caption misread beyond one slip is still no value; a name near a caption's spelling
// (CLÉMENT, "classement") is a name.
TEST(FieldReaderTest, AMisreadCaptionIsNoValueAndNeitherIsTheSexBesideTheNames) {
  auto read = [](const std::string& label, const std::string& value) {
    const std::vector<OcrLine> lines = {Row(100, {{label, 300}}), Row(125, {{value, 300}})};
    return ReadLabelledFields(lines, 1000);
  };
  EXPECT_FALSE(read("Nom", "Surnatne").count(FieldName::kSurname));
  EXPECT_FALSE(read("Lieu de naissance", "Place of hérth").count(FieldName::kBirthPlace));
  EXPECT_FALSE(read("Nationalité", "Natiohafty.").count(FieldName::kNationality));
  // Two slips in a long caption; a bilingual one misread in both its languages.
  EXPECT_FALSE(read("Lieu de naissance", "Pace of bath").count(FieldName::kBirthPlace));
  EXPECT_FALSE(read("Lieu de naissance", "Sitorité / Atthortey").count(FieldName::kBirthPlace));
  EXPECT_EQ(read("Lieu de naissance", "LYON / RHÔNE")[FieldName::kBirthPlace].value,
            "LYON / RHÔNE");
  for (const char* name : {"CLÉMENT", "NATIONALE", "MARCHAND", "Camille", "DOMINGUEZ"}) {
    EXPECT_EQ(read("Nom", name)[FieldName::kSurname].value, name);
  }
  const std::vector<OcrLine> lines = {
      Row(200, {{"Prénoms", 300}}),
      Row(225, {{"Noël", 300}, {"Jérôme", 345}, {"M", 480}}),
  };
  EXPECT_EQ(ReadLabelledFields(lines, 1000)[FieldName::kGivenNames].value, "Noël Jérôme");
}

TEST(FieldReaderTest, BirthPlaceAfterALoneAAndAnAddressOverTwoLines) {
  std::vector<OcrLine> lines = {
      {"à : METZ", {300, 100, 200, 24}, 0.9},
      Row(200, {{"à", 300}}),
      Row(225, {{"SAINT-ÉTIENNE", 300}}),
      Row(300, {{"Adresse", 300}, {"Date", 800}, {"de", 850}, {"délivrance", 880}}),
      Row(325, {{"46", 300},
                {"RUE", 330},
                {"DE", 370},
                {"LA", 400},
                {"PAIX", 430},
                {"95502", 490},
                {"07/11/2016", 800}}),
      Row(350, {{"BREST", 300}}),
  };
  Fields f = ReadLabelledFields(std::vector<OcrLine>(lines.begin(), lines.begin() + 1), 1000);
  EXPECT_EQ(f[FieldName::kBirthPlace].value, "METZ");
  f = ReadLabelledFields(std::vector<OcrLine>(lines.begin() + 1, lines.end()), 1000);
  EXPECT_EQ(f[FieldName::kBirthPlace].value, "SAINT-ÉTIENNE");
  EXPECT_EQ(f[FieldName::kAddress].value, "46 RUE DE LA PAIX 95502 BREST");
  EXPECT_EQ(f[FieldName::kIssueDate].value, "07/11/2016");
  // A date glued to the address by a narrow gap is the next column's.
  lines = {{"Adresse : 34 PLACE DE LA MAIRIE 72364 AMIENS 07/11/2016", {300, 100, 700, 24}, 0.9}};
  EXPECT_EQ(ReadLabelledFields(lines, 1000)[FieldName::kAddress].value,
            "34 PLACE DE LA MAIRIE 72364 AMIENS");
}

TEST(FieldReaderTest, RankingsOfFrenchTennis) {
  for (const char* r : {"NC", "40", "30/5", "15/1", "5/6", "0", "-2/6", "-15", "N° 12"}) {
    std::vector<OcrLine> lines = {{std::string("Classement : ") + r, {300, 100, 300, 24}, 0.9}};
    Fields f = ReadLabelledFields(lines, 1000);
    ASSERT_TRUE(f.count(FieldName::kRanking)) << r;
    EXPECT_EQ(f[FieldName::kRanking].value, r);
  }
}

// The federation's app: the holder's name as a heading, "Licence 2027" under it, the sex
// spelt out in English; no label for the name or the season.
TEST(FieldReaderTest, ALicenceAppScreenWithoutNameOrSeasonLabels) {
  std::vector<OcrLine> lines = {
      {"09:41 5G", {28, 12, 575, 16}, 0.5},
      {"Ma licence", {29, 65, 179, 21}, 0.9},
      {"Odile Juliette N'GUESSAN", {46, 137, 464, 29}, 0.93},
      {"Licence 2027", {47, 174, 153, 17}, 0.9},
      {"Licence No. 9789122 N", {47, 227, 538, 16}, 0.9},
      {"Gender Woman", {46, 380, 540, 16}, 0.9},
      {"Club Tennis Padel Club Aix", {46, 430, 541, 17}, 0.9},
  };
  Fields f = ReadLabelledFields(lines, 690);
  EXPECT_EQ(f[FieldName::kSeason].value, "2027");
  // A month in words ends the date too: the next word is no month.
  Fields worded =
      ReadLabelledFields({{"née le 24 décembre 1955, est", {40, 100, 900, 30}, 0.9}}, 1000);
  EXPECT_EQ(worded[FieldName::kBirthDate].value, "24 décembre 1955");
  EXPECT_EQ(f[FieldName::kSex].value, "F");
  EXPECT_EQ(f[FieldName::kClubName].value, "Tennis Padel Club Aix");
  EXPECT_FALSE(f.count(FieldName::kSurname));
  AddNameHeading(lines, f);
  EXPECT_EQ(f[FieldName::kGivenNames].value, "Odile Juliette");
  EXPECT_EQ(f[FieldName::kSurname].value, "N'GUESSAN");
}

// An app's sex read into one line with a QR code's corner ("Homme DO"), taller than the
// name for the code's height: two words of two cases, but a sex's word is no name.
TEST(FieldReaderTest, ASexWordIsNoNameHeading) {
  Fields f;
  AddNameHeading({{"Arnaud Jérôme Victor", {177, 196, 361, 23}, 0.9},
                  {"Sexe", {55, 611, 40, 12}, 0.9},
                  {"Homme DO", {56, 630, 389, 35}, 0.9}},
                 f);
  EXPECT_FALSE(f.count(FieldName::kSurname));
  EXPECT_FALSE(f.count(FieldName::kGivenNames));
  EXPECT_FALSE(AsGivenNamesAndSurname("Femme LY").has_value());
  ASSERT_TRUE(AsGivenNamesAndSurname("Victor DO").has_value());
  EXPECT_EQ(AsGivenNamesAndSurname("Victor DO")->second, "DO");
}

// A heading that writes the name in one case, surname first or last, is parted where the
// given names meet the other words; a name all of given names ("Arnaud Jérôme Victor",
// "Arnaud" being one too), a greeting or interleaved runs are not parted.
TEST(FieldReaderTest, ANameInOneCasePartedByItsGivenNames) {
  auto parted = [](std::string_view text) {
    auto name = NameByItsGivenNames(text);
    return name ? name->first + " | " + name->second : std::string("-");
  };
  EXPECT_EQ(parted("Blanchard Odile Léa"), "Odile Léa | Blanchard");
  EXPECT_EQ(parted("Da Silva Victor Hugo"), "Victor Hugo | Da Silva");
  EXPECT_EQ(parted("Odile Léa Blanchard"), "Odile Léa | Blanchard");
  EXPECT_EQ(parted("Sarah Le Bris"), "Sarah | Le Bris");
  EXPECT_EQ(parted("Jean-Baptiste Fontaine"), "Jean-Baptiste | Fontaine");
  EXPECT_EQ(parted("FONTAINE Maëlys"), "-");  // two cases: AsGivenNamesAndSurname's
  EXPECT_EQ(parted("Arnaud Jérôme Victor"), "-");
  EXPECT_EQ(parted("Bonjour Camille"), "-");
  EXPECT_EQ(parted("Rousseau Olivier Fontaine"), "-");
  EXPECT_EQ(parted("Calcul Mensuel"), "-");
  EXPECT_EQ(parted("Tennis Club Camille"), "-");
  EXPECT_EQ(parted("Homme Olivier"), "-");
  EXPECT_EQ(parted("Le Da"), "-");
  EXPECT_EQ(parted(""), "-");
  EXPECT_TRUE(IsAFrenchGivenName("JÉRÔME"));
  EXPECT_TRUE(IsAFrenchGivenName("jerome"));
  EXPECT_TRUE(IsAFrenchGivenName("Anne-Sophie"));
  EXPECT_FALSE(IsAFrenchGivenName("Anne-Blanchard"));
  EXPECT_FALSE(IsAFrenchGivenName("-"));
  EXPECT_FALSE(IsAFrenchGivenName(""));

  // In a licence's heading: the surname in capitals, as other headings give it.
  Fields f;
  AddNameHeading({{"Blanchard Odile Léa", {57, 189, 466, 39}, 0.9},
                  {"Licence N° NÉ(E) LE", {57, 262, 438, 17}, 0.9},
                  {"Calcul Mensuel", {228, 558, 144, 16}, 0.9}},
                 f);
  EXPECT_EQ(f[FieldName::kSurname].value, "BLANCHARD");
  EXPECT_EQ(f[FieldName::kGivenNames].value, "Odile Léa");
}

// A tablet's split view: its menu ("Accueil") left of the holder's name on one line. The
// name is the column that is a name by its own words, never the whole line; a column that
// only looks like a name ("TPE Loisir" beside "Normandie") is none.
TEST(FieldReaderTest, AnAppsMenuBesideTheHoldersName) {
  Fields f;
  AddNameHeading({RowOfHeight({{"Accueil", 38}, {"Maëlys", 290}, {"HOARAU", 420}}, 111, 40),
                  RowOfHeight({{"Classement", 290}, {"30/2", 420}}, 173, 30)},
                 f);
  EXPECT_EQ(f[FieldName::kGivenNames].value, "Maëlys");
  EXPECT_EQ(f[FieldName::kSurname].value, "HOARAU");
  Fields none;
  AddNameHeading({RowOfHeight({{"Normandie", 353}, {"TPE", 519}, {"Loisir", 560}}, 705, 34)}, none);
  EXPECT_FALSE(none.count(FieldName::kGivenNames));
  EXPECT_FALSE(none.count(FieldName::kSurname));
  // A menu word, a greeting or a civility is never a given name.
  EXPECT_FALSE(AsGivenNamesAndSurname("Accueil Maëlys HOARAU"));
  EXPECT_FALSE(AsGivenNamesAndSurname("Monsieur Jérôme NOËL"));
  EXPECT_TRUE(AsGivenNamesAndSurname("Maëlys HOARAU"));
}

// A letter's address block over the club's name: "Monsieur Jérôme Noël Perrin", the surname
// set in small capitals and read unsurely. The civility gives the sex and is no given name;
// each part is as sure as its own words.
TEST(FieldReaderTest, ALettersAddressBlockWithACivility) {
  OcrLine address =
      RowOfHeight({{"Monsieur", 384}, {"Jérôme", 480}, {"Noël", 560}, {"Pennix", 620}}, 166, 23);
  for (OcrWord& w : address.words) w.confidence = 0.95;
  address.words.back().confidence = 0.05;
  Fields f;
  f[FieldName::kClubName] = Field{"US Orléans Tennis", 0.97, FieldSource::kVisual};
  AddNameHeading({address, RowOfHeight({{"US", 384}, {"Orléans", 420}, {"Tennis", 500}}, 200, 19)},
                 f);
  EXPECT_EQ(f[FieldName::kGivenNames].value, "Jérôme Noël");
  EXPECT_DOUBLE_EQ(f[FieldName::kGivenNames].confidence.value_or(0), 0.9);  // the line's
  EXPECT_EQ(f[FieldName::kSurname].value, "PENNIX");
  EXPECT_DOUBLE_EQ(f[FieldName::kSurname].confidence.value_or(1), 0.05);
  EXPECT_EQ(f[FieldName::kSex].value, "M");
}

// A bar read at the head of a caption's line (a photo's or a frame's edge, three times the
// letters' height) stretched the line over its value: dropped, the value is under its caption
// again. A tall '/' between a caption's two languages stays.
TEST(FieldReaderTest, ATallBarIsNoPartOfACaptionsLine) {
  OcrLine caption = WordsAt({{"|", 59, 391, 62},
                             {"|", 301, 391, 62},
                             {"N°", 353, 396, 14},
                             {"DU", 380, 397, 13},
                             {"DOCUMENT", 410, 397, 13},
                             {"/", 520, 387, 33},
                             {"Document", 540, 398, 12},
                             {"No", 650, 398, 12}});
  DropTallBars(caption);
  EXPECT_EQ(caption.text, "N° DU DOCUMENT / Document No");
  EXPECT_EQ(caption.box, cv::Rect(353, 387, 650 + 24 - 353, 33));
  const std::vector<OcrLine> lines = {
      WordsAt({{"NOM", 353, 99, 13}, {"/", 400, 99, 13}, {"Surname", 415, 99, 13}}),
      WordsAt({{"NGUYEN", 354, 127, 25}}), caption, WordsAt({{"USDV5C5E8", 354, 425, 24}})};
  EXPECT_EQ(ReadLabelledFields(lines, 1200)[FieldName::kDocumentNumber].value, "USDV5C5E8");
  // Nothing to drop: the line stays as read.
  OcrLine plain = WordsAt({{"SEXE", 353, 243, 13}, {"F", 353, 276, 24}});
  plain.text = "SEXE F";
  const OcrLine before = plain;
  DropTallBars(plain);
  EXPECT_EQ(plain.text, before.text);
  EXPECT_EQ(plain.box, before.box);
  OcrLine bars = WordsAt({{"|", 10, 10, 60}, {"|", 100, 10, 60}});
  DropTallBars(bars);
  EXPECT_EQ(bars.words.size(), 2u);
  // Between two words a tall bar is a bilingual caption's slash.
  OcrLine bilingual =
      WordsAt({{"ADRESSE", 41, 34, 10}, {"|", 109, 25, 28}, {"ADDRESS", 123, 35, 9}});
  DropTallBars(bilingual);
  EXPECT_EQ(bilingual.words.size(), 3u);
}

// Dot leaders read as an ellipsis, dashes around a value: stripped whole, never a byte of
// them (a byte set holding "—" once cut "…" in two and left a broken character).
TEST(FieldReaderTest, LeadersAndDashesAroundAValueAreStrippedWhole) {
  const std::vector<OcrLine> lines = {
      {"Prénoms : \u2026 ANAËLLE, MAËLYS", {40, 100, 600, 30}, 0.9},
      {"Nom \u2014 MOREL \u2014", {40, 160, 400, 30}, 0.9},
      {"Né(e) le ....... 12.03.1990", {40, 220, 500, 30}, 0.9},
  };
  Fields f = ReadLabelledFields(lines, 700);
  EXPECT_EQ(f[FieldName::kGivenNames].value, "ANAËLLE, MAËLYS");
  EXPECT_EQ(f[FieldName::kSurname].value, "MOREL");
  EXPECT_EQ(f[FieldName::kBirthDate].value, "12.03.1990");
}

// An app's rankings: the one in force, named so, right of its caption; a past best and a
// past season's are not it.
TEST(FieldReaderTest, TheRankingInForceAndNoOther) {
  std::vector<OcrLine> lines = {Row(100, {{"Meilleur", 46}, {"classement", 143}, {"15/1", 532}}),
                                Row(150, {{"Classement", 46}, {"actuel", 186}, {"15/4", 532}}),
                                Row(200, {{"Classement", 46}, {"2025", 186}, {"15/5", 532}})};
  EXPECT_EQ(ReadLabelledFields(lines, 1200)[FieldName::kRanking].value, "15/4");
  lines[1] = Row(150, {{"Classement", 46}, {"mensuel", 186}, {"30/2", 532}});
  EXPECT_EQ(ReadLabelledFields(lines, 1200)[FieldName::kRanking].value, "30/2");
  lines.erase(lines.begin() + 1);
  EXPECT_EQ(ReadLabelledFields(lines, 1200).count(FieldName::kRanking), 0u);
}

// A long value pushed against its caption on a phone's row, read as one word with it.
TEST(FieldReaderTest, ACaptionGluedToItsValueIsPartedFromIt) {
  std::vector<OcrLine> lines = {
      Row(100, {{"ClubUnion", 45}, {"Sportive", 180}, {"Montpelliéraine", 297}, {"Tennis", 504}}),
      Row(150, {{"NomBERTRAND", 45}}), Row(200, {{"Prénom", 45}, {"MacDonald", 480}})};
  Fields f = ReadLabelledFields(lines, 1200);
  EXPECT_EQ(f[FieldName::kClubName].value, "Union Sportive Montpelliéraine Tennis");
  EXPECT_EQ(f[FieldName::kSurname].value, "BERTRAND");
  EXPECT_EQ(f[FieldName::kGivenNames].value, "MacDonald");  // no caption in it
}

// An attestation states the facts in a sentence: each value stops where its form does.
TEST(FieldReaderTest, ALabelInASentenceTakesTheValueItsFormAllows) {
  const std::vector<OcrLine> lines = {
      {"certifie que Jean DUPONT, né le 02/01/1965, est titulaire", {40, 100, 900, 30}, 0.9},
      {"de la licence n° 5643751 J pour la saison 2026/2027, au titre du club",
       {40, 150, 900, 30},
       0.9},
      {"Classement simple : 15/4", {40, 200, 500, 30}, 0.9},
  };
  Fields f = ReadLabelledFields(lines, 1000);
  EXPECT_EQ(f[FieldName::kBirthDate].value, "02/01/1965");
  EXPECT_EQ(f[FieldName::kLicenceNumber].value, "5643751 J");
  EXPECT_EQ(f[FieldName::kSeason].value, "2027");
  EXPECT_EQ(f[FieldName::kRanking].value, "15/4");
  // The holder is named after a civility, the name wrapping onto the next line.
  const std::vector<OcrLine> sentence = {
      {"La Fédération certifie que M. Sébastien Grégoire DA", {40, 100, 900, 30}, 0.9},
      {"SILVA, né le 09/11/1956, est titulaire de la licence", {40, 150, 900, 30}, 0.8},
  };
  Fields named;
  AddNameHeading(sentence, named);
  EXPECT_EQ(named[FieldName::kGivenNames].value, "Sébastien Grégoire");
  EXPECT_EQ(named[FieldName::kSurname].value, "DA SILVA");
  EXPECT_EQ(named[FieldName::kSex].value, "M");
  // The surname first, given names of two parts.
  Fields first;
  AddNameHeading({{"atteste que :", {40, 100, 600, 20}, 0.9},
                  {"M. DUPONT Jean-Baptiste", {80, 130, 300, 20}, 0.9}},
                 first);
  EXPECT_EQ(first[FieldName::kGivenNames].value, "Jean-Baptiste");
  EXPECT_EQ(first[FieldName::kSurname].value, "DUPONT");
  Fields club{{FieldName::kClubName, Field{"Cercle Sportif de Pau", 0.9, FieldSource::kVisual}}};
  AddClubNumberAfterItsName(
      {{"saison 2026/2027, au titre du club Cercle Sportif de", {0, 0, 9, 9}, 0.9},
       {"Pau (n° 45526434).", {0, 20, 9, 9}, 0.9}},
      club);
  // The name wraps across the lines: read as one paragraph.
  EXPECT_EQ(club[FieldName::kClubNumber].value, "45526434");
}

// An app's "CLUB" heading (no caption: the value lies a card's margin under it) over the
// club's name and number in brackets: the line's own form says what it is.
TEST(FieldReaderTest, AClubWithItsNumberInBrackets) {
  auto club_of = [](std::vector<std::string> texts) {
    std::vector<OcrLine> lines;
    for (const auto& t : texts)
      lines.push_back({t, {57, 100 + 50 * int(lines.size()), 400, 26}, 0.9});
    Fields f;
    AddClubWithItsNumberInBrackets(lines, f);
    return (f.count(FieldName::kClubName) ? f[FieldName::kClubName].value : "(none)") + " | " +
           (f.count(FieldName::kClubNumber) ? f[FieldName::kClubNumber].value : "(none)");
  };
  EXPECT_EQ(club_of({"CLUB", "US Orléans Tennis (05138805)"}), "US Orléans Tennis | 05138805");
  EXPECT_EQ(club_of({"TC Pau (4552 6434)"}), "TC Pau | 45526434");
  // No club's word, a short number, a name in the brackets, two clubs: none.
  EXPECT_EQ(club_of({"Agathe Odile GAUTHIER (1954)"}), "(none) | (none)");
  EXPECT_EQ(club_of({"Olympique Lyonnais (12345678)"}), "(none) | (none)");
  EXPECT_EQ(club_of({"US Orléans Tennis (0513)"}), "(none) | (none)");
  EXPECT_EQ(club_of({"US Orléans Tennis (Loiret)"}), "(none) | (none)");
  EXPECT_EQ(club_of({"US Orléans Tennis (05138805)", "TC Pau (45526434)"}), "(none) | (none)");
  EXPECT_EQ(club_of({"US Orléans Tennis (05138805)", "US Orléans Tennis (05138805)"}),
            "US Orléans Tennis | 05138805");
  // A name already read stands.
  Fields read{{FieldName::kClubName, Field{"TC Pau", 0.9, FieldSource::kVisual}}};
  AddClubWithItsNumberInBrackets({{"US Orléans Tennis (05138805)", {57, 100, 400, 26}, 0.9}}, read);
  EXPECT_EQ(read[FieldName::kClubName].value, "TC Pau");
  EXPECT_FALSE(read.count(FieldName::kClubNumber));
}

// A club captioned with its number in brackets after "n°"; a licence number's J read as
// ']'; "Licence" alone over a whole number only; a season in an attestation's title.
TEST(FieldReaderTest, LicenceCaptionsAndValuesAsAttestationsPrintThem) {
  Fields club =
      ReadLabelledFields({{"Club : TC Pau (n° 45526434)", {40, 100, 500, 30}, 0.9}}, 1000);
  EXPECT_EQ(club[FieldName::kClubName].value, "TC Pau");
  EXPECT_EQ(club[FieldName::kClubNumber].value, "45526434");
  Fields dashed =
      ReadLabelledFields({{"Club : TC PAU - 5792 0123", {40, 100, 500, 30}, 0.9}}, 1000);
  EXPECT_EQ(dashed[FieldName::kClubName].value, "TC PAU");
  EXPECT_EQ(dashed[FieldName::kClubNumber].value, "57920123");
  EXPECT_EQ(ClubNameAndNumber("57920123 – TC PAU"),
            std::make_optional(std::pair<std::string, std::string>("TC PAU", "57920123")));
  EXPECT_FALSE(ClubNameAndNumber("RENAUD 32742227"));  // the next column's number
  EXPECT_FALSE(ClubNameAndNumber("Tennis Club Saint-Jean - Pau"));
  EXPECT_FALSE(ClubNameAndNumber("Tennis Club 2000"));  // a year, not a number
  EXPECT_FALSE(ClubNameAndNumber("57920123"));
  EXPECT_FALSE(ClubNameAndNumber("TC 2000 - 57920123"));  // digits in the name
  EXPECT_EQ(RepairValue(FieldName::kLicenceNumber, "1029384 ]"), "1029384 J");
  EXPECT_EQ(RepairValue(FieldName::kLicenceNumber, "1029384)"), "1029384J");
  // A passport's type and state read into its number's value; a spaced number stays.
  EXPECT_EQ(RepairValue(FieldName::kDocumentNumber, "P FRA  82BH70545"), "82BH70545");
  EXPECT_EQ(RepairValue(FieldName::kDocumentNumber, "FRA 05BC94708"), "05BC94708");
  EXPECT_EQ(RepairValue(FieldName::kDocumentNumber, "9409 92310285"), "9409 92310285");
  EXPECT_EQ(RepairValue(FieldName::kDocumentNumber, "X4RTBPFW4"), "X4RTBPFW4");
  EXPECT_EQ(RepairValue(FieldName::kLicenceNumber, "1029384 \u00C0"), "1029384 A");
  EXPECT_EQ(RepairValue(FieldName::kLicenceNumber, "1029384 \u00C9"), "1029384 E");
  EXPECT_EQ(RepairValue(FieldName::kLicenceNumber, "(1029384)"), "(1029384)");
  // "7834894 À": a licence's letter read with the accent French gives a lone "à" is the
  // number's letter, not the caption "à" of a birth place.
  OcrLine accented{"Numéro de licence 7834894 \u00C0", {48, 100, 530, 20}, 0.9, {}};
  int x = 48;
  for (const std::string word : {"Numéro", "de", "licence", "7834894", "\u00C0"}) {
    const int width = 12 * static_cast<int>(word.size());
    accented.words.push_back(OcrWord{word, {x, 100, width, 20}, 0.9});
    x += width + (word == "licence" ? 200 : word == "7834894" ? 40 : 12);
  }
  EXPECT_EQ(ReadLabelledFields({accented}, 900)[FieldName::kLicenceNumber].value, "7834894 A");
  // Ligatures: a recogniser's "ﬁ", Tesseract's "æ" for "ae" (a given name may write it).
  EXPECT_EQ(WithoutLigatures("Gri\uFB00on Ba\uFB01ll \uFB02eur"), "Griffon Bafill fleur");
  EXPECT_EQ(WithoutLigatures("\xEF\xAC"), "\xEF\xAC");  // cut short: as read
  EXPECT_EQ(RepairValue(FieldName::kClubName, "Olympique Tennis C\u00E6n"),
            "Olympique Tennis Caen");
  EXPECT_EQ(RepairValue(FieldName::kSurname, "M\u00C6S"), "MAES");
  // A full stop between a surname's letters is a space read as one.
  EXPECT_EQ(RepairValue(FieldName::kSurname, "LE.BRIS"), "LE BRIS");
  EXPECT_EQ(RepairValue(FieldName::kSurname, "DUPONT."), "DUPONT.");
  // Fields in running text parted by dashes: a value ends at a dash standing alone.
  EXPECT_EQ(RepairValue(FieldName::kSurname, "BOYER-"), "BOYER");
  EXPECT_EQ(RepairValue(FieldName::kSurname, "DUBOIS-RENÉ"), "DUBOIS-RENÉ");
  EXPECT_EQ(RepairValue(FieldName::kGivenNames, "Yanis Gaël - Sexe"), "Yanis Gaël");
  EXPECT_EQ(RepairValue(FieldName::kGivenNames, ":Sébastien"), "Sébastien");
  EXPECT_EQ(RepairValue(FieldName::kGivenNames, "Jean-Pierre \u2014 Taille"), "Jean-Pierre");
  EXPECT_EQ(RepairValue(FieldName::kBirthPlace, "Nîmes -"), "Nîmes");
  EXPECT_EQ(RepairValue(FieldName::kBirthPlace, "NANTES - FRANCE"), "NANTES");
  // A typewriter's raised apostrophe read as a degree sign.
  EXPECT_EQ(RepairValue(FieldName::kSurname, "N\u00B0 GUESSAN"), "N'GUESSAN");
  EXPECT_EQ(RepairValue(FieldName::kSurname, "N\u00B0GUESSAN"), "N'GUESSAN");
  EXPECT_EQ(RepairValue(FieldName::kSurname, "N\u00B0"), "N\u00B0");  // nothing after it
  EXPECT_EQ(RepairValue(FieldName::kGivenNames, "L\u00E6titia"), "L\u00E6titia");
  EXPECT_EQ(NormalizeLabelText("Olympique Tennis C\u00E6n"),
            NormalizeLabelText("Olympique Tennis Caen"));
  EXPECT_EQ(NormalizeLabelText("C\u0153ur"), "coeur");
  // The residence permit's "NAT." over its code; a name under it is no nationality.
  EXPECT_EQ(ReadLabelledFields({{"NAT.", {40, 100, 50, 20}, 0.9}, {"MAR", {40, 130, 45, 20}, 0.9}},
                               1000)[FieldName::kNationality]
                .value,
            "MAR");
  EXPECT_FALSE(
      ReadLabelledFields({{"Nat", {40, 100, 40, 20}, 0.9}, {"Paul", {40, 130, 50, 20}, 0.9}}, 1000)
          .count(FieldName::kNationality));
  auto licence_of = [](const std::string& caption, const std::string& value) {
    const std::vector<OcrLine> lines = {{caption, {40, 100, 200, 20}, 0.9},
                                        {value, {40, 130, 200, 30}, 0.9}};
    Fields f = ReadLabelledFields(lines, 1000);
    return f.count(FieldName::kLicenceNumber) ? f[FieldName::kLicenceNumber].value : "(none)";
  };
  EXPECT_EQ(licence_of("LICENCE", "5551234 B"), "5551234 B");
  EXPECT_EQ(licence_of("Licence", "2027"), "(none)");                    // a heading's season
  EXPECT_EQ(licence_of("Espace licencié", "Millésime 2027"), "(none)");  // "licence", a slip
  const OcrLine title{"FFT : Licence 2026",
                      {97, 88, 750, 49},
                      0.92,
                      {{"FFT", {97, 88, 150, 49}},
                       {":", {271, 88, 20, 49}},
                       {"Licence", {323, 88, 250, 49}},
                       {"2026", {654, 88, 150, 49}}}};
  Fields titled = ReadLabelledFields({title}, 1200);
  EXPECT_FALSE(titled.count(FieldName::kLicenceNumber));
  EXPECT_EQ(titled[FieldName::kSeason].value, "2026");
  EXPECT_EQ(licence_of("LICENCE", "45526434"), "(none)");
  auto season_of = [](const std::string& title) {
    Fields f = ReadLabelledFields({{title, {40, 100, 600, 30}, 0.9}}, 1000);
    return f.count(FieldName::kSeason) ? f[FieldName::kSeason].value : "(none)";
  };
  EXPECT_EQ(season_of("ATTESTATION DE LICENCE 2026"), "2026");
  EXPECT_EQ(season_of("Ma licence 2025-2026"), "2026");
  EXPECT_EQ(season_of("Licence FFT 2026"), "2026");
  EXPECT_EQ(season_of("Type de licence 2026"), "(none)");
}

// A club's name a narrow column wrapped after "de": the words under its first word end it.
TEST(FieldReaderTest, AWrappedClubNameEndsOnTheNextLine) {
  auto line = [](std::vector<std::pair<std::string, int>> words, int y) {
    OcrLine l;
    for (const auto& [text, x] : words) {
      l.words.push_back({text, {x, y, 12 * static_cast<int>(text.size()), 20}, 0.9});
      l.text += (l.text.empty() ? "" : " ") + text;
    }
    l.box = {words.front().second, y, l.words.back().box.br().x - words.front().second, 20};
    l.confidence = 0.9;
    return l;
  };
  const std::vector<OcrLine> lines = {
      line({{"Tennis", 40}, {"Club", 130}, {"Municipal", 200}, {"de", 320}, {"35110042", 500}},
           100),
      line({{"Rennes", 40}, {"H", 500}}, 126),
      line({{"Imprimé", 40}, {"le", 150}}, 300),
  };
  Fields f{{FieldName::kClubName, Field{"Tennis Club Municipal de", 0.9, FieldSource::kVisual}}};
  CompleteAWrappedClubName(lines, f);
  EXPECT_EQ(f[FieldName::kClubName].value, "Tennis Club Municipal de Rennes");
  // The number in brackets after the name's end gives the club's number.
  const std::vector<OcrLine> bracket = {
      line({{"TENNIS", 40}, {"CLUB", 130}, {"DE", 200}, {"LA", 240}}, 100),
      line({{"VALLÉE", 40}, {"(57", 130}, {"92", 170}, {"0123)", 200}}, 126)};
  Fields numbered{{FieldName::kClubName, Field{"TENNIS CLUB DE LA", 0.9, FieldSource::kVisual}}};
  CompleteAWrappedClubName(bracket, numbered);
  EXPECT_EQ(numbered[FieldName::kClubName].value, "TENNIS CLUB DE LA VALLÉE");
  EXPECT_EQ(numbered[FieldName::kClubNumber].value, "57920123");
  // A name that ends as names do, or a line under it too far down: as read.
  Fields whole{{FieldName::kClubName, Field{"Tennis Club", 0.9, FieldSource::kVisual}}};
  CompleteAWrappedClubName(lines, whole);
  EXPECT_EQ(whole[FieldName::kClubName].value, "Tennis Club");
  Fields far{{FieldName::kClubName, Field{"Imprimé le", 0.9, FieldSource::kVisual}}};
  CompleteAWrappedClubName(lines, far);
  EXPECT_EQ(far[FieldName::kClubName].value, "Imprimé le");
  // A name that ends as names do, over a line that starts with "de" in small letters (a
  // phone's narrow column): its end. The same line starting in capitals is another line.
  const std::vector<OcrLine> narrow = {line({{"Tennis", 340}, {"Club", 454}}, 745),
                                       line({{"de", 341}, {"Vannes", 413}}, 776)};
  Fields wrapped{{FieldName::kClubName, Field{"Tennis Club", 0.9, FieldSource::kVisual}}};
  CompleteAWrappedClubName(narrow, wrapped);
  EXPECT_EQ(wrapped[FieldName::kClubName].value, "Tennis Club de Vannes");
  const std::vector<OcrLine> next_caption = {line({{"Tennis", 340}, {"Club", 454}}, 745),
                                             line({{"De", 341}, {"Vannes", 413}}, 776)};
  Fields apart{{FieldName::kClubName, Field{"Tennis Club", 0.9, FieldSource::kVisual}}};
  CompleteAWrappedClubName(next_caption, apart);
  EXPECT_EQ(apart[FieldName::kClubName].value, "Tennis Club");
}

// A licence's period of validity is its sporting year, named after its end.
TEST(FieldReaderTest, ASeasonByItsPeriodOfValidity) {
  auto season_of = [](std::vector<std::string> texts) {
    std::vector<OcrLine> lines;
    for (const auto& t : texts) {
      lines.push_back({t, {40, 100 + 40 * static_cast<int>(lines.size()), 800, 24}, 0.9});
    }
    Fields f;
    AddSeasonOfItsValidity(lines, f);
    return f.count(FieldName::kSeason) ? f[FieldName::kSeason].value : std::string("(none)");
  };
  EXPECT_EQ(season_of({"Licence valable du 01/09/2025 au 31/08/2026"}), "2026");
  EXPECT_EQ(season_of({"Validité : du 1er septembre 2025", "au 31 août 2026."}), "2026");
  EXPECT_EQ(season_of({"Valable jusqu'au 31/08/2027"}), "2027");
  // Not a sporting year, a birth on 31 August, two years: none.
  EXPECT_EQ(season_of({"Licence valable du 01/10/2025 au 30/09/2026"}), "(none)");
  EXPECT_EQ(season_of({"Né le 31/08/1990"}), "(none)");
  EXPECT_EQ(season_of({"Valable jusqu'au 31/08/2026", "Valable jusqu'au 31/08/2027"}), "(none)");
  EXPECT_EQ(season_of({"du 01/09/2025", "Date de naissance : 31/08/2026"}), "(none)");
}

// A French address: street, then postcode and town on the next line.
TEST(FieldReaderTest, AnAddressWhoseSecondLineStartsWithThePostcode) {
  const std::vector<OcrLine> lines = {
      {"Adresse / Address", {40, 100, 300, 20}, 0.9},
      {"10 IMPASSE DES ROSIERS", {40, 130, 400, 30}, 0.9},
      {"08537 PAU", {40, 170, 200, 30}, 0.9},
      {"Date de délivrance / Date of issue", {40, 230, 500, 20}, 0.9},
      {"16 11 2018", {40, 260, 200, 30}, 0.9},
  };
  Fields f = ReadLabelledFields(lines, 700);
  EXPECT_EQ(f[FieldName::kAddress].value, "10 IMPASSE DES ROSIERS 08537 PAU");
  EXPECT_EQ(f[FieldName::kIssueDate].value, "16 11 2018");
}

// A card's band holds the name and, a column away, a tag ("Licence 2027") read as junk.
TEST(FieldReaderTest, ANameHeadingSharingItsLineWithATag) {
  const std::vector<OcrLine> lines = {
      Row(100, {{"FÉDÉRATION", 120}, {"FRANÇAISE", 260}, {"DE", 390}, {"TENNIS", 420}}),
      Row(140, {{"Odile", 121}, {"BOYER", 197}, {",", 300}, {"eus", 587}}),
      Row(200, {{"Licence", 120}, {"valide", 216}}),
      Row(240, {{"Catégorie", 120}, {"Dames", 587}})};
  Fields f;
  AddNameHeading(lines, f);
  EXPECT_EQ(f[FieldName::kGivenNames].value, "Odile");
  EXPECT_EQ(f[FieldName::kSurname].value, "BOYER");
  // A name misread with a symbol in it is no name.
  Fields misread;
  AddNameHeading({Row(140, {{"Mathis", 121}, {"BLANCHA\u00ae", 221}, {"(ere)", 546}})}, misread);
  EXPECT_FALSE(misread.count(FieldName::kSurname));
}

// The app sets the name on two lines beside an avatar with the initials, and shows the
// ranking as a chip beside the season.
TEST(FieldReaderTest, ANameOnTwoLinesBesideItsInitialsAndARankingChip) {
  const std::vector<OcrLine> lines = {
      {"Hugo", {178, 185, 85, 30}, 0.9},
      {"HC CHEVALIER", {55, 222, 305, 32}, 0.85},
      {"15/5 Saison 2025", {55, 300, 255, 25}, 0.9},
      {"N° licence", {55, 480, 90, 15}, 0.9},
      {"8637267 U", {55, 505, 125, 22}, 0.9},
  };
  Fields f = ReadLabelledFields(lines, 646);
  AddNameHeading(lines, f);
  AddUnlabelledRanking(lines, f);
  EXPECT_EQ(f[FieldName::kGivenNames].value, "Hugo");
  EXPECT_EQ(f[FieldName::kSurname].value, "CHEVALIER");
  EXPECT_EQ(f[FieldName::kRanking].value, "15/5");
  EXPECT_EQ(f[FieldName::kLicenceNumber].value, "8637267 U");
  // A date is no ranking chip.
  Fields dated;
  AddUnlabelledRanking({{"12/05/2024", {10, 10, 100, 20}, 0.9}}, dated);
  EXPECT_FALSE(dated.count(FieldName::kRanking));
}

// The chip's number beside the season is the ranking, whatever its form ("30", "NC"),
// and the chip's rounded ends read as brackets are no words; a number alone is not.
TEST(FieldReaderTest, ARankingChipBesideTheSeasonInAnyOfItsForms) {
  for (const auto& [text, want] :
       std::vector<std::pair<std::string, std::string>>{{"30 Saison 2022/2023", "30"},
                                                        {"[NC À Saison 2025/2026", "NC"},
                                                        {"4/6 ) À Saison 2024/2025", "4/6"},
                                                        {"15 Season 2024-2025", "15"},
                                                        {"NC", "NC"}}) {
    Fields f;
    AddUnlabelledRanking({{text, {10, 10, 300, 20}, 0.9}}, f);
    EXPECT_EQ(f[FieldName::kRanking].value, want) << text;
  }
  for (const std::string text : {"30", "30 Saison", "12 Saison 2024", "30 Avenue Foch 2024"}) {
    Fields f;
    AddUnlabelledRanking({{text, {10, 10, 300, 20}, 0.9}}, f);
    EXPECT_FALSE(f.count(FieldName::kRanking)) << text;
  }
}

// A round badge's ranking in a line of its own column ("US Orléans Tennis 15/2"), its
// caption a word of the next line ("82042146 Classement", even "lassement"), right under it.
TEST(FieldReaderTest, ARankingOverItsCaptionInAnotherLine) {
  for (const std::string caption : {"Classement", "lassement"}) {
    const std::vector<OcrLine> lines = {
        {"US Orléans Tennis 15/2",
         {177, 635, 686, 33},
         0.96,
         {{"US", {177, 640, 30, 21}},
          {"Orléans", {219, 640, 95, 21}},
          {"Tennis", {323, 640, 80, 21}},
          {"15/2", {803, 635, 60, 33}}}},
        {"82042146 " + caption,
         {177, 714, 705, 25},
         0.9,
         {{"82042146", {177, 714, 110, 25}}, {caption, {800, 716, 82, 17}}}}};
    Fields f;
    AddUnlabelledRanking(lines, f);
    EXPECT_EQ(f[FieldName::kRanking].value, "15/2") << caption;
  }
  // Not in the caption's column, or far from it: nothing.
  const std::vector<OcrLine> apart = {
      {"Tennis 15/2",
       {177, 635, 300, 33},
       0.96,
       {{"Tennis", {177, 640, 80, 21}}, {"15/2", {400, 635, 60, 33}}}},
      {"82042146 Classement",
       {177, 714, 705, 25},
       0.9,
       {{"82042146", {177, 714, 110, 25}}, {"Classement", {800, 716, 82, 17}}}}};
  Fields f;
  AddUnlabelledRanking(apart, f);
  EXPECT_FALSE(f.count(FieldName::kRanking));
  // The badge's "2/6" read "216" (willow's printed card): its slash read as a 1.
  for (const auto& [read, ranking] : {std::pair{"216", "2/6"}, std::pair{"1516", ""}}) {
    const std::vector<OcrLine> badge = {
        {read, {625, 487, 54, 31}, 0.96, {{read, {625, 487, 54, 31}}}},
        {std::string("61811255 Classement"),
         {116, 554, 576, 22},
         0.96,
         {{"61811255", {116, 554, 90, 22}}, {"Classement", {612, 556, 80, 18}}}}};
    Fields from_badge;
    AddUnlabelledRanking(badge, from_badge);
    EXPECT_EQ(from_badge[FieldName::kRanking].value, ranking) << read;
  }
}

// An app's list item: the ranking's badge leads the row of its caption, read into the
// caption's line ("2/6 Classement simple") or into the category's under it ("15/4
// Messieurs : Senior +45"), where the category still names the sex.
TEST(FieldReaderTest, ARankingBadgeLeadingItsCaptionsRow) {
  const std::vector<OcrLine> same_line = {{"2/6 Classement simple",
                                           {79, 574, 288, 40},
                                           0.96,
                                           {{"2/6", {79, 574, 62, 40}},
                                            {"Classement", {178, 578, 110, 18}},
                                            {"simple", {303, 578, 64, 18}}}},
                                          {"Messieurs : Senior", {179, 600, 208, 19}, 0.94}};
  Fields f;
  AddUnlabelledRanking(same_line, f);
  AddLoneSexWord(same_line, f);
  EXPECT_EQ(f[FieldName::kRanking].value, "2/6");
  EXPECT_EQ(f[FieldName::kSex].value, "M");
  const std::vector<OcrLine> line_under = {
      {"Classement simple",
       {158, 449, 169, 16},
       0.96,
       {{"Classement", {158, 449, 100, 16}}, {"simple", {269, 449, 58, 16}}}},
      {"15/4 Messieurs : Senior +45",
       {70, 457, 315, 26},
       0.93,
       {{"15/4", {70, 457, 50, 26}},
        {"Messieurs", {159, 467, 100, 16}},
        {":", {268, 467, 4, 16}},
        {"Senior", {278, 467, 60, 16}},
        {"+45", {351, 467, 34, 16}}}}};
  Fields g;
  AddUnlabelledRanking(line_under, g);
  AddLoneSexWord(line_under, g);
  EXPECT_EQ(g[FieldName::kRanking].value, "15/4");
  EXPECT_EQ(g[FieldName::kSex].value, "M");
  // A big disc centred on the caption and the line under it: its figures, read into that
  // line, stand lower than the caption but beside the block it heads.
  const std::vector<OcrLine> block = {
      {"Classement", {228, 483, 122, 17}, 0.96, {{"Classement", {228, 483, 122, 17}}}},
      {"30 Homme : Senior +35",
       {101, 510, 395, 39},
       0.93,
       {{"30", {101, 510, 40, 39}},
        {"Homme", {228, 520, 100, 17}},
        {":", {342, 520, 4, 17}},
        {"Senior", {356, 520, 80, 17}},
        {"+35", {451, 520, 45, 17}}}}};
  Fields b;
  AddUnlabelledRanking(block, b);
  EXPECT_EQ(b[FieldName::kRanking].value, "30");
  // A number far left of the caption, or under its row, is no badge of it.
  const std::vector<OcrLine> far = {
      {"15 Classement",
       {10, 100, 400, 16},
       0.9,
       {{"15", {10, 100, 20, 16}}, {"Classement", {300, 100, 100, 16}}}},
      {"30", {250, 160, 20, 16}, 0.9, {{"30", {250, 160, 20, 16}}}}};
  Fields h;
  AddUnlabelledRanking(far, h);
  EXPECT_FALSE(h.count(FieldName::kRanking));
}

// The app's header: given names over the surname, the avatar's disc ("AB") read into the
// lower line although it stands off it; a surname set larger than the given names.
TEST(FieldReaderTest, ANameHeadingBesideAnAvatarDiscAndASurnameSetLarger) {
  OcrLine given = Row(206, {{"Anaëlle", 195}, {"Chloé", 290}});
  OcrLine surname = Row(232, {{"BLANCHARD", 197}});
  surname.words.insert(surname.words.begin(), OcrWord{"AB", {85, 200, 58, 40}});
  surname.text = "AB BLANCHARD";
  surname.box |= surname.words.front().box;
  Fields f;
  AddNameHeading({given, surname}, f);
  EXPECT_EQ(f[FieldName::kGivenNames].value, "Anaëlle Chloé");
  EXPECT_EQ(f[FieldName::kSurname].value, "BLANCHARD");

  Fields larger;
  AddNameHeading({{"HÉBERT", {71, 166, 128, 38}, 0.9}, {"Odile", {70, 213, 79, 25}, 0.9}}, larger);
  EXPECT_EQ(larger[FieldName::kSurname].value, "HÉBERT");
  EXPECT_EQ(larger[FieldName::kGivenNames].value, "Odile");
}

// An app's pass: each value after an icon OCR reads as a letter or a sign, no labels.
TEST(FieldReaderTest, AnAppsValuesAfterTheirIconsWithoutLabels) {
  auto after_icon = [](int y, std::string icon, std::string value) {
    OcrLine line = Row(y, {{value, 130}});
    line.words.insert(line.words.begin(), OcrWord{icon, {72, y, 30, 24}});
    line.text = icon + " " + line.text;
    line.box |= line.words.front().box;
    return line;
  };
  const std::vector<OcrLine> lines = {
      {"LICENCE FFT 2024-2025", {70, 115, 574, 30}, 0.9},
      after_icon(303, "E", "4129835K"),
      after_icon(380, "C", "NC"),
      after_icon(458, "c", "15/02/1980"),
      after_icon(535, "2,", "Homme"),
  };
  Fields f;
  AddUnlabelledLicenceFields(lines, f);
  EXPECT_EQ(f[FieldName::kLicenceNumber].value, "4129835 K");
  EXPECT_EQ(f[FieldName::kRanking].value, "NC");
  EXPECT_EQ(f[FieldName::kBirthDate].value, "15/02/1980");
  EXPECT_EQ(f[FieldName::kSex].value, "M");
  // A word of the value is no icon: the chip "30" before the season stays.
  Fields chip;
  AddUnlabelledLicenceFields({Row(338, {{"30", 79}, {"Saison", 158}, {"2022/2023", 240}})}, chip);
  EXPECT_EQ(chip[FieldName::kRanking].value, "30");
}

// A date alone is the birth date only when it is the one such line, and not of the
// season's own years (a page's print date).
TEST(FieldReaderTest, ALoneDateIsTheBirthDateOnlyWhenNothingElseCouldBe) {
  Fields one;
  AddLoneBirthDate(
      {{"Licence 2024-2025", {10, 0, 200, 20}, 0.9}, {"27.03.1966", {10, 30, 200, 20}, 0.9}}, one);
  EXPECT_EQ(one[FieldName::kBirthDate].value, "27.03.1966");
  // The page names no other year: the date may be its own.
  Fields alone;
  AddLoneBirthDate({{"27.03.1966", {10, 10, 200, 20}, 0.9}}, alone);
  EXPECT_FALSE(alone.count(FieldName::kBirthDate));
  Fields two;
  AddLoneBirthDate({{"Saison 2024", {10, 0, 200, 20}, 0.9},
                    {"27.03.1966", {10, 10, 200, 20}, 0.9},
                    {"12/09/1983", {10, 50, 200, 20}, 0.9}},
                   two);
  EXPECT_FALSE(two.count(FieldName::kBirthDate));
  Fields printed_on;
  printed_on[FieldName::kSeason] = Field{"2024", 0.9, FieldSource::kVisual};
  AddLoneBirthDate({{"12/09/2023", {10, 50, 200, 20}, 0.9}}, printed_on);
  EXPECT_FALSE(printed_on.count(FieldName::kBirthDate));
}

// With no date alone on its line, the one old date printed among other words (its caption
// misread) is the birth; two old dates, or only the page's own recent ones, give nothing.
TEST(FieldReaderTest, TheOneOldDateOfALicenceIsItsHoldersBirth) {
  const OcrLine season = Row(299, {{"Saison", 368}, {"2023-2024", 440}});
  const OcrLine born = Row(428, {{"NéCEJLE", 103},
                                 {"20", 200},
                                 {"juin", 230},
                                 {"1982", 280},
                                 {"SExE", 400},
                                 {"Féminin", 460}});
  const OcrLine printed = Row(700, {{"Fait", 103}, {"le", 150}, {"12/09/2023", 180}});
  Fields f;
  AddLoneBirthDate({season, born, printed}, f);
  EXPECT_EQ(f[FieldName::kBirthDate].value, "20 juin 1982");
  Fields two;
  AddLoneBirthDate({season, born, printed, Row(750, {{"depuis", 103}, {"01/09/2010", 180}})}, two);
  EXPECT_FALSE(two.count(FieldName::kBirthDate));
  Fields recent;
  AddLoneBirthDate({season, printed}, recent);
  EXPECT_FALSE(recent.count(FieldName::kBirthDate));
  // A date in figures read in part ("1/05/1958") is none.
  Fields part;
  AddLoneBirthDate({season, Row(428, {{"Nééle", 103}, {"1/05/1958", 200}}), printed}, part);
  EXPECT_FALSE(part.count(FieldName::kBirthDate));
}

// The attestation's sentence wraps where the page ends a line: "né le" at one line's end,
// the date at the next one's start; "saison" likewise.
TEST(FieldReaderTest, TheAttestationsSentenceAcrossItsLineBreaks) {
  const std::vector<OcrLine> lines = {
      {"La Fédération Française de Tennis certifie que M. Olivier DA SILVA, né le",
       {10, 10, 900, 20},
       0.95},
      {"14 février 1968, est titulaire de la licence n° 3541028 D pour la saison",
       {10, 40, 900, 20},
       0.9},
      {"2025/2026, au titre du club US Orléans Tennis (n° 80517548).", {10, 70, 900, 20}, 0.8},
  };
  Fields f;
  AddFromTheSentence(lines, f);
  EXPECT_EQ(f[FieldName::kBirthDate].value, "14 février 1968");
  EXPECT_EQ(f[FieldName::kSeason].value, "2026");
  EXPECT_DOUBLE_EQ(f[FieldName::kSeason].confidence.value_or(0), 0.8);  // its own line's
  EXPECT_EQ(f[FieldName::kLicenceNumber].value, "3541028 D");
  // The number wrapped after its "n°".
  Fields wrapped;
  AddFromTheSentence(
      {{"MARCHAND, née le 24 décembre 1955, est titulaire de la licence n°",
        {10, 10, 900, 20},
        1.0},
       {"3358056 S pour la saison 2024/2025, au titre du club", {10, 40, 900, 20}, 1.0}},
      wrapped);
  EXPECT_EQ(wrapped[FieldName::kLicenceNumber].value, "3358056 S");
  // Its S read as a '$' in a serif face.
  Fields dollar;
  AddFromTheSentence(
      {{"titulaire de la licence n° 3886076 $ pour la saison 2023-2024", {10, 10, 900, 20}, 1.0}},
      dollar);
  EXPECT_EQ(dollar[FieldName::kLicenceNumber].value, "3886076 S");
  // "licenciée sous le numéro", "classée", the club's number spaced in its bracket.
  Fields under;
  AddFromTheSentence(
      {{"certifie que Madame Camille LEFORT, née le 17 février 1999, licenciée sous le",
        {10, 10, 900, 20},
        1.0},
       {"numéro 1029384 J au club Tennis Club de Boulogne (57 92 0123), est titulaire",
        {10, 40, 900, 20},
        1.0},
       {"d'une licence FFT pour la saison sportive 2025-2026, et classée -2/6.",
        {10, 70, 900, 20},
        1.0}},
      under);
  EXPECT_EQ(under[FieldName::kLicenceNumber].value, "1029384 J");
  EXPECT_EQ(under[FieldName::kClubName].value, "Tennis Club de Boulogne");
  EXPECT_EQ(under[FieldName::kClubNumber].value, "57920123");
  EXPECT_EQ(under[FieldName::kRanking].value, "-2/6");
  EXPECT_EQ(under[FieldName::kSeason].value, "2026");
  // A letter set in old-style figures, whose 5 descends like an s: "classement 1s.", the
  // club's number "(n° s1592163)"; a bracket's number glued to its sign.
  Fields old_style;
  AddFromTheSentence(
      {{"licence n° 8098885 M pour la saison 2024-2025 au club Cercle Sportif de Pau (n°",
        {10, 10, 900, 20},
        1.0},
       {"s1592163), classement 1s.", {10, 40, 900, 20}, 1.0}},
      old_style);
  EXPECT_EQ(old_style[FieldName::kClubName].value, "Cercle Sportif de Pau");
  EXPECT_EQ(old_style[FieldName::kClubNumber].value, "51592163");
  EXPECT_EQ(old_style[FieldName::kRanking].value, "15");
  Fields glued;
  AddFromTheSentence({{"au club TC Lyon (n°57690123).", {10, 10, 900, 20}, 1.0}}, glued);
  EXPECT_EQ(glued[FieldName::kClubNumber].value, "57690123");
  // A letter left in a bracket's number is no digit to drop.
  Fields lettered;
  AddFromTheSentence({{"au club TC Lyon (n° 5769X123).", {10, 10, 900, 20}, 1.0}}, lettered);
  EXPECT_FALSE(lettered.count(FieldName::kClubNumber));
  // A bracket of a street's number, a ranking's word with no ranking: nothing.
  Fields street;
  AddFromTheSentence(
      {{"au club TC Pau (12 rue des Lilas), non classée à ce jour", {10, 10, 900, 20}, 1.0}},
      street);
  EXPECT_FALSE(street.count(FieldName::kClubNumber));
  // The bracket's number lost to the next line: no other line's date instead.
  Fields lost;
  AddFromTheSentence({{"au club Tennis Club de Vannes (club n°", {10, 10, 900, 20}, 1.0},
                      {"Classement au 01/10/2024 : 2/6", {10, 40, 900, 20}, 1.0}},
                     lost);
  EXPECT_FALSE(lost.count(FieldName::kClubNumber));
  EXPECT_FALSE(street.count(FieldName::kRanking));
  // No date after "né le", no season after "saison": nothing.
  Fields none;
  AddFromTheSentence({{"née le lundi, pour la saison prochaine", {10, 10, 500, 20}, 0.9}}, none);
  EXPECT_TRUE(none.empty());
}

// ICAO's TD1 specimen: ERIKSSON / ANNA MARIA, every check holding.
StatusOr<mrz::ParsedMrz> ProvedErikssonMrz() {
  mrz::ParseOptions options;
  options.today = {2026, 11, 26};
  return mrz::ParseMrz({"I<UTOD231458907<<<<<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<6",
                        "ERIKSSON<<ANNA<MARIA<<<<<<<<<<"},
                       options);
}

// Captions under their values: the proved MRZ's surname tells the reading apart.
TEST(FieldReaderTest, CaptionsUnderTheValuesWhenTheMrzSaysSo) {
  const std::vector<OcrLine> lines = {
      {"ERIKSSON", {40, 100, 200, 30}, 0.9},    {"NOM / SURNAME", {40, 135, 180, 14}, 0.9},
      {"ANNA, MARIA", {40, 170, 260, 30}, 0.9}, {"PRÉNOMS / GIVEN NAMES", {40, 205, 250, 14}, 0.9},
      {"12 03 1990", {40, 240, 200, 30}, 0.9},  {"DATE DE NAISSANCE", {40, 275, 220, 14}, 0.9},
  };
  Fields f = ReadLabelledFields(lines, 700);
  EXPECT_EQ(f[FieldName::kSurname].value, "ANNA, MARIA");  // the value under the caption
  auto mrz = ProvedErikssonMrz();
  ASSERT_TRUE(mrz.ok());
  ASSERT_TRUE(mrz->valid);
  ChooseCaptionPlacement(&*mrz, lines, 700, f);
  EXPECT_EQ(f[FieldName::kSurname].value, "ERIKSSON");
  EXPECT_EQ(f[FieldName::kGivenNames].value, "ANNA, MARIA");
  EXPECT_EQ(f[FieldName::kBirthDate].value, "12 03 1990");
  // Without an MRZ, the placement that finds more fields of their own form.
  const std::vector<OcrLine> card = {
      {"ERIKSSON", {40, 100, 200, 30}, 0.9},   {"NOM", {40, 135, 60, 14}, 0.9},
      {"Anna", {40, 170, 100, 30}, 0.9},       {"PRÉNOM", {40, 205, 90, 14}, 0.9},
      {"12 03 1990", {40, 240, 200, 30}, 0.9}, {"DATE DE NAISSANCE", {40, 275, 220, 14}, 0.9},
      {"PARIS", {40, 310, 120, 30}, 0.9},      {"LIEU DE NAISSANCE", {40, 345, 220, 14}, 0.9},
  };
  Fields front = ReadLabelledFields(card, 700);
  ChooseCaptionPlacement(nullptr, card, 700, front);
  EXPECT_EQ(front[FieldName::kSurname].value, "ERIKSSON");
  EXPECT_EQ(front[FieldName::kBirthPlace].value, "PARIS");
  // Captions above their values stay so.
  const std::vector<OcrLine> above = {
      {"NOM", {40, 100, 60, 14}, 0.9},
      {"ERIKSSON", {40, 120, 200, 30}, 0.9},
      {"PRÉNOM", {40, 170, 90, 14}, 0.9},
      {"Anna", {40, 190, 100, 30}, 0.9},
      {"DATE DE NAISSANCE", {40, 240, 220, 14}, 0.9},
      {"12 03 1990", {40, 260, 200, 30}, 0.9},
  };
  Fields upright = ReadLabelledFields(above, 700);
  ChooseCaptionPlacement(nullptr, above, 700, upright);
  EXPECT_EQ(upright[FieldName::kSurname].value, "ERIKSSON");
  EXPECT_EQ(upright[FieldName::kGivenNames].value, "Anna");
}

// Of two readings of a page, the one whose names a proved MRZ refutes is the misread one.
TEST(FieldReaderTest, NamesAProvedMrzContradicts) {
  auto mrz = ProvedErikssonMrz();
  ASSERT_TRUE(mrz.ok());
  ASSERT_TRUE(mrz->valid);
  auto names = [](const std::string& surname, const std::string& given) {
    Fields f;
    if (!surname.empty()) f[FieldName::kSurname] = Field{surname, 0.9, FieldSource::kVisual};
    if (!given.empty()) f[FieldName::kGivenNames] = Field{given, 0.9, FieldSource::kVisual};
    f[FieldName::kBirthDate] = Field{"12 08 1974", 0.9, FieldSource::kVisual};
    return f;
  };
  EXPECT_EQ(NamesContradictingMrz(&*mrz, names("Eriksson", "Anna, Maria")), 0);
  EXPECT_EQ(NamesContradictingMrz(&*mrz, names("ERIKSSON", "Anna")), 0);  // cut short
  EXPECT_EQ(NamesContradictingMrz(&*mrz, names("RIKSSON", "ANNA MARIA")), 1);
  EXPECT_EQ(NamesContradictingMrz(&*mrz, names("RIKSSON", "ANA")), 2);
  EXPECT_EQ(NamesContradictingMrz(&*mrz, names("", "")), 0);  // nothing to refute
  EXPECT_EQ(NamesContradictingMrz(nullptr, names("RIKSSON", "ANA")), 0);
}

// The names a proved MRZ spells, found wherever the page prints them, with their accents.
TEST(UnlabelledFieldsTest, NamesTheMrzSpellsAreFoundWithoutTheirCaptions) {
  mrz::ParseOptions options;
  options.today = {2026, 11, 26};
  // ICAO's TD1 specimen renamed LEFÈVRE / ÉLISE LÉA (check digits do not cover the names).
  auto mrz = mrz::ParseMrz({"I<UTOD231458907<<<<<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<6",
                            "LEFEVRE<<ELISE<LEA<<<<<<<<<<<<"},
                           options);
  ASSERT_TRUE(mrz.ok());
  ASSERT_TRUE(mrz->valid);
  const std::vector<OcrLine> page = {
      Row(40, {{"REPUBLIQUE", 20}, {"FRANÇAISE", 200}}),
      Row(100, {{"Nxm:", 20}, {"LEFÈVRE", 80}}),  // a caption misread
      Row(130, {{"Élise,", 20}, {"Léa", 110}}),
      Row(160, {{"LEFEVRE", 300}}),  // the same name without its accent, as a signature
      Row(190, {{"Ligne", 20}, {"Elise", 100}, {"2", 170}}),
  };
  Fields fields;
  AddNamesTheMrzSpells(page, *mrz, fields);
  EXPECT_EQ(fields[FieldName::kSurname].value, "LEFÈVRE");
  EXPECT_EQ(fields[FieldName::kGivenNames].value, "Élise, Léa");
  Fields split;
  AddNamesTheMrzSpells({Row(100, {{"LEFÈVR", 20}, {"E", 120}})}, *mrz, split);
  EXPECT_EQ(split[FieldName::kSurname].value, "LEFÈVRE");
  // A name already read under its caption stays; words that only begin the name, or hold
  // it with more letters, give nothing.
  Fields read;
  read[FieldName::kSurname] = Field{"LEFEVRE", 0.9, FieldSource::kVisual};
  const std::vector<OcrLine> others = {
      Row(100, {{"LEFÈVRES", 20}}),
      Row(130, {{"Élise", 20}, {"Lé4", 110}}),
      Row(160, {{"LÉLISE", 20}, {"LÉA", 110}}),
  };
  AddNamesTheMrzSpells(others, *mrz, read);
  EXPECT_EQ(read[FieldName::kSurname].value, "LEFEVRE");
  EXPECT_FALSE(read.contains(FieldName::kGivenNames));
}

// Names whose letters a proved MRZ spells are spaced as the MRZ parts them.
TEST(UnlabelledFieldsTest, NamesSpacedAsTheMrzPartsThem) {
  mrz::ParseOptions options;
  options.today = {2026, 11, 26};
  auto spaced = [&](const std::string& mrz_names, const std::string& surname,
                    const std::string& given) {
    std::string line3 = mrz_names;
    line3.resize(30, '<');
    auto mrz = mrz::ParseMrz(
        {"I<UTOD231458907<<<<<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<6", line3}, options);
    EXPECT_TRUE(mrz.ok() && mrz->valid);
    Fields fields;
    fields[FieldName::kSurname] = Field{surname, 0.9, FieldSource::kVisual};
    fields[FieldName::kGivenNames] = Field{given, 0.9, FieldSource::kVisual};
    SpaceNamesAsTheMrz(*mrz, fields);
    return fields[FieldName::kSurname].value + " | " + fields[FieldName::kGivenNames].value;
  };
  EXPECT_EQ(spaced("RENAUD<<HUGO<REMI", "RENAU D", "HU GO, RÉMI"), "RENAUD | HUGO, RÉMI");
  EXPECT_EQ(spaced("SAINT<AUBIN<<JEAN<PIERRE", "SAINT-AUBIN", "Jean-Pierre"),
            "SAINT-AUBIN | Jean-Pierre");
  EXPECT_EQ(spaced("LE<GALL<<ANNA<MARIA", "LEGALL", "Anna Maria"), "LE GALL | Anna Maria");
  EXPECT_EQ(spaced("NGUESSAN<<ODILE", "N'GUESSAN", "Odile"), "N'GUESSAN | Odile");
  // Other letters than the MRZ's: left as read.
  EXPECT_EQ(spaced("RENAUD<<HUGO", "RENAU DE", "HU GO"), "RENAU DE | HUGO");
}

// A card front's two dates, their captions misread, told apart by their order.
TEST(UnlabelledFieldsTest, ACardFrontsDatesByTheirOrder) {
  auto dates_of = [](const std::vector<OcrLine>& page, Fields fields) {
    AddDatesOfACardFront(page, fields);
    auto value = [&](FieldName name) {
      return fields.contains(name) ? fields[name].value : std::string("none");
    };
    return value(FieldName::kBirthDate) + " | " + value(FieldName::kExpiryDate);
  };
  const OcrLine born = Row(100, {{"we", 20}, {"08", 60}, {"10", 90}, {"1983", 120}});
  const OcrLine ends =
      Row(200, {{"Dre", 20}, {"deir", 60}, {"O5", 110}, {"12", 140}, {"2031", 170}});
  EXPECT_EQ(dates_of({born, ends}, {}), "08 10 1983 | 05 12 2031");
  EXPECT_EQ(dates_of({ends, born}, {}), "08 10 1983 | 05 12 2031");  // whatever their places
  Fields read;
  read[FieldName::kBirthDate] = Field{"08 10 1983", 0.9, FieldSource::kVisual};
  EXPECT_EQ(dates_of({born, ends}, read), "08 10 1983 | 05 12 2031");
  // One date besides the birth's, before it: no expiry.
  const OcrLine earlier = Row(200, {{"xx", 20}, {"05.12.1971", 60}});
  EXPECT_EQ(dates_of({born, earlier}, read), "08 10 1983 | none");
  // Three dates and none read: which is which no order tells.
  const OcrLine third = Row(300, {{"12.03.2021", 20}});
  EXPECT_EQ(dates_of({born, ends, third}, {}), "none | none");
  // A card's back on the same page, its holder's birth unread: an issue and an expiry,
  // 15 years apart less a day, or an issue date's caption.
  EXPECT_EQ(dates_of({Row(100, {{"xx", 20}, {"03.04.2015", 60}}),
                      Row(200, {{"Carte", 20}, {"02.04.2030", 90}})},
                     {}),
            "none | none");
  EXPECT_EQ(dates_of({born, ends, Row(300, {{"Délivrée", 20}, {"le", 120}})}, {}), "none | none");
  // One date alone (a 1988 card's recto): the birth or the expiry, nothing tells.
  EXPECT_EQ(dates_of({born}, {}), "none | none");
}

// A card front's sex and nationality by their forms, their captions misread.
TEST(UnlabelledFieldsTest, ACardFrontsSexAndNationalityByTheirForms) {
  auto read = [](const std::vector<OcrLine>& page, Fields fields) {
    AddSexByItsLetter(page, fields);
    AddNationalityByItsCode(page, fields);
    auto value = [&](FieldName name) {
      return fields.contains(name) ? fields[name].value : std::string("none");
    };
    return value(FieldName::kSex) + " | " + value(FieldName::kNationality);
  };
  const OcrLine names = Row(100, {{"Élise", 20}, {"Nathalie", 80}, {"F", 300}});
  const OcrLine caption = Row(150, {{"NATIONALyry", 300}});
  const OcrLine code = Row(170, {{"FRA", 300}});
  const OcrLine can = Row(400, {{"CAN", 300}, {"708219", 360}});
  EXPECT_EQ(read({names, caption, code, can}, {}), "F | FRA");
  EXPECT_EQ(read({Row(100, {{"F", 20}, {"FRA", 60}})}, {}), "F | FRA");
  // The card access number's caption is a code (Canada's) before a number: not one.
  EXPECT_EQ(read({can}, {}), "none | none");
  // An initial is no sex; two letters or two codes tell nothing.
  EXPECT_EQ(read({Row(100, {{"Jean", 20}, {"F.", 80}})}, {}), "none | none");
  EXPECT_EQ(read({names, Row(200, {{"M", 20}}), code, Row(250, {{"BEL", 20}})}, {}), "none | none");
  // A header cut short ("RÉPUBLIQUE F"), a speck an emblem left: no letters of their own.
  EXPECT_EQ(read({Row(50, {{"RÉPUBLIQUE", 20}, {"F", 150}})}, {}), "none | none");
  OcrLine speck = Row(50, {{"CARTE", 300}});
  speck.words.insert(speck.words.begin(), OcrWord{"M", cv::Rect(240, 50, 1, 5)});
  speck.text = "M CARTE";
  EXPECT_EQ(read({speck}, {}), "none | none");
  // The same letter twice (a page read with its other side) is one reading.
  EXPECT_EQ(read({names, Row(500, {{"F", 20}})}, {}), "F | none");
  // A field already read is kept.
  Fields known;
  known[FieldName::kSex] = Field{"M", 0.9, FieldSource::kVisual};
  known[FieldName::kNationality] = Field{"FRA", 0.9, FieldSource::kVisual};
  EXPECT_EQ(read({names, Row(200, {{"DZA", 20}})}, known), "M | FRA");
}

// "Française" after a misread caption's colon is the nationality; in a header or a
// federation's name it is not, and a nationality read is kept.
TEST(UnlabelledFieldsTest, AFrenchNationalityInWordsAfterACaption) {
  auto read = [](const std::vector<OcrLine>& page, Fields fields = {}) {
    AddFrenchNationalityInWords(page, fields);
    return fields.contains(FieldName::kNationality) ? fields[FieldName::kNationality].value
                                                    : std::string("none");
  };
  const OcrLine sex_line = Row(223, {{"sexe", 298},
                                     {"F_", 360},
                                     {"Tauze:", 400},
                                     {"1,70", 480},
                                     {"m-Narionatrré:", 560},
                                     {"Françaïse", 760}});
  const OcrLine header = Row(31, {{"RÉPUBLIQUE", 36}, {"FRANÇAISE", 200}});
  EXPECT_EQ(read({header, sex_line}), "Française");
  EXPECT_EQ(read({Row(100, {{"Nationalité:", 20}, {"FRANÇAIS", 200}})}), "Française");
  EXPECT_EQ(read({header}), "none");
  EXPECT_EQ(read({Row(40, {{"Fédération", 20}, {"Française", 200}, {"de", 330}, {"Tennis", 370}})}),
            "none");
  EXPECT_EQ(read({Row(100, {{"Française", 20}})}), "none");
  Fields known;
  known[FieldName::kNationality] = Field{"ITA", 0.9, FieldSource::kVisual};
  EXPECT_EQ(read({sex_line}, known), "ITA");
}

// An address found by its last line, a postcode and a town, its caption lost.
TEST(UnlabelledFieldsTest, AnAddressFoundByItsPostcode) {
  auto address_of = [](const std::vector<OcrLine>& page) {
    Fields fields;
    AddAddressByItsPostcode(page, fields);
    return fields.contains(FieldName::kAddress) ? fields[FieldName::kAddress].value
                                                : std::string("none");
  };
  const OcrLine caption = Row(20, {{"ADOBE", 50}, {"/", 110}, {"ADR", 130}});
  const OcrLine street =
      Row(50, {{"22", 50}, {"RUE", 80}, {"DE", 125}, {"LA", 150}, {"PAIX", 175}});
  const OcrLine town = Row(75, {{"28676", 50}, {"ANGERS", 115}});
  const OcrLine issued = Row(110, {{"07", 50}, {"AOÛT", 80}, {"2017", 140}});
  EXPECT_EQ(address_of({caption, street, town, issued}), "22 RUE DE LA PAIX 28676 ANGERS");
  // Complements over the street, a locality between it and the town, CEDEX.
  EXPECT_EQ(
      address_of({Row(25, {{"APPARTEMENT", 50}, {"12", 190}}), street,
                  Row(75, {{"LIEU-DIT", 50}, {"LA", 150}, {"COMBE", 180}}),
                  Row(100, {{"13090", 50}, {"AIX-EN-PROVENCE", 115}, {"CEDEX", 300}, {"2", 370}})}),
      "APPARTEMENT 12 22 RUE DE LA PAIX LIEU-DIT LA COMBE 13090 AIX-EN-PROVENCE CEDEX 2");
  // The street before the postcode on one line.
  EXPECT_EQ(address_of({Row(50, {{"104", 50},
                                 {"RUE", 95},
                                 {"DE", 140},
                                 {"LA", 165},
                                 {"PAIX,", 190},
                                 {"95824", 260},
                                 {"ROUEN", 330}})}),
            "104 RUE DE LA PAIX, 95824 ROUEN");
  // No street: a town alone is no address; neither is a line far left of the town's.
  EXPECT_EQ(address_of({caption, town}), "none");
  EXPECT_EQ(address_of({Row(50, {{"22", 400}, {"RUE", 430}, {"DE", 475}, {"LA", 500}}), town}),
            "none");
  // A line of it misread over the street: the address would be cut, none is given.
  EXPECT_EQ(
      address_of({Row(25, {{"APPT", 50}, {"4", 100}, {"di", 120}, {"j", 150}}), street, town}),
      "none");
  // A street half read ("AUE" for "RUE", "#0" for "80") makes no address.
  EXPECT_EQ(address_of({Row(50, {{"80", 50}, {"AUE", 90}, {"DES", 140}, {"LILAS", 180}}), town}),
            "none");
  EXPECT_EQ(address_of({Row(50, {{"#0", 50}, {"RUE", 90}, {"DES", 140}, {"LILAS", 180}}), town}),
            "none");
  // A locality with no numbered street over it, words in small letters: no address.
  EXPECT_EQ(address_of({Row(50, {{"LE", 50}, {"BOURG", 80}}), town}), "none");
  EXPECT_EQ(address_of({Row(50, {{"APPT", 50},
                                 {"4", 100},
                                 {"di", 120},
                                 {"22", 150},
                                 {"RUE", 180},
                                 {"DES", 230},
                                 {"PINS", 270}}),
                        town}),
            "none");
  // Two towns: whose address is whose no rule tells; a town in small letters is no postal line.
  EXPECT_EQ(address_of({street, town, Row(100, {{"75001", 50}, {"PARIS", 115}})}), "none");
  EXPECT_EQ(address_of({street, Row(75, {{"28676", 50}, {"Angers", 115}})}), "none");
}

// A birth place whose caption was lost: after the birth date, or with its department.
TEST(UnlabelledFieldsTest, ABirthPlaceWithoutItsCaption) {
  auto place_of = [](const std::vector<OcrLine>& page, std::optional<CivilDate> birth) {
    Fields fields;
    if (birth)
      fields[FieldName::kBirthDate] = Field{FormatIsoDate(*birth), 0.9, FieldSource::kVisual};
    AddBirthPlaceUncaptioned(page, nullptr, fields);
    fields.erase(FieldName::kBirthDate);
    return fields.contains(FieldName::kBirthPlace) ? fields[FieldName::kBirthPlace].value
                                                   : std::string("none");
  };
  const CivilDate born{1965, 6, 12};
  EXPECT_EQ(
      place_of(
          {Row(100,
               {{"12", 20}, {"06", 50}, {"1965", 80}, {"AIX-EN-PROVENCE", 140}, {"(13)", 320}})},
          born),
      "AIX-EN-PROVENCE");
  EXPECT_EQ(
      place_of({Row(100, {{"12.06.1965", 20}, {"à", 140}, {"NÎMES", 160}, {"F", 240}})}, born),
      "NÎMES");
  EXPECT_EQ(place_of({Row(100, {{"s:", 20}, {"AMIENS", 60}, {"(80)", 150}})}, std::nullopt),
            "AMIENS");
  EXPECT_EQ(place_of({Row(100, {{"12.06.1965", 20}, {"VILLEURBANNE", 140}, {"FRA", 400}})}, born),
            "VILLEURBANNE");
  // The next column's nationality is no place.
  EXPECT_EQ(place_of({Row(100, {{"12.06.1965", 20}, {"FRANÇAISE", 300}})}, born), "none");
  // The sex alone after the date, a town after another date, an authority: no birth place.
  EXPECT_EQ(place_of({Row(100, {{"12.06.1965", 20}, {"F", 140}})}, born), "none");
  EXPECT_EQ(place_of({Row(100, {{"02.03.2022", 20}, {"PARIS", 140}})}, born), "none");
  EXPECT_EQ(
      place_of({Row(100, {{"PRÉFECTURE", 20}, {"DU", 140}, {"NORD", 180}, {"(59)", 240}})}, born),
      "none");
  EXPECT_EQ(place_of({Row(100, {{"AMIENS", 60}, {"(80)", 150}}),
                      Row(130, {{"NANTES", 60}, {"(44)", 150}})},
                     std::nullopt),
            "none");
}

// The date a whole number of years before a proved expiry is the issue date, captioned or
// not; two such dates tell nothing.
TEST(UnlabelledFieldsTest, TheIssueDateIsWholeYearsBeforeTheExpiry) {
  auto mrz = ProvedErikssonMrz();  // born 1974-08-12, expires 2012-04-15
  ASSERT_TRUE(mrz.ok());
  ASSERT_TRUE(mrz->valid);
  auto issue_of = [&](const std::vector<OcrLine>& page) {
    Fields fields;
    AddIssueDateByValidity(page, &*mrz, fields);
    return fields.contains(FieldName::kIssueDate) ? fields[FieldName::kIssueDate].value
                                                  : std::string("none");
  };
  const OcrLine birth = Row(100, {{"12.08.1974", 20}, {"STOCKHOLM", 200}});
  const OcrLine expiry = Row(200, {{"Vxlable", 20}, {"15", 120}, {"04", 150}, {"2012", 180}});
  EXPECT_EQ(issue_of({birth, Row(150, {{"Dxlivré", 20}, {"16.04.2002", 120}}), expiry}),
            "16.04.2002");  // valid to the day before its tenth anniversary
  EXPECT_EQ(issue_of({birth, Row(150, {{"15", 20}, {"AVR.", 60}, {"2007", 120}}), expiry}),
            "15 AVR. 2007");  // five years to the day
  EXPECT_EQ(issue_of({birth, expiry, Row(150, {{"14.04.2002", 20}})}), "none");  // a day off
  Fields new_year;  // valid to the day before a 1 January anniversary: the year before
  new_year[FieldName::kExpiryDate] = Field{"31.12.2011", 0.9, FieldSource::kVisual};
  AddIssueDateByValidity({Row(150, {{"01.01.2002", 20}})}, nullptr, new_year);
  EXPECT_EQ(new_year[FieldName::kIssueDate].value, "01.01.2002");
  EXPECT_EQ(issue_of({birth, expiry, Row(150, {{"16.04.1996", 20}})}), "none");  // 16 years
  EXPECT_EQ(
      issue_of({birth, expiry, Row(150, {{"16.04.2002", 20}}), Row(170, {{"15.04.2007", 20}})}),
      "none");  // two
  Fields read;
  read[FieldName::kIssueDate] = Field{"01.01.2003", 0.9, FieldSource::kVisual};
  AddIssueDateByValidity({Row(150, {{"16.04.2002", 20}})}, &*mrz, read);
  EXPECT_EQ(read[FieldName::kIssueDate].value, "01.01.2003");  // a read caption's stays
  // No MRZ (a 1988 card's back): the expiry read on the page.
  Fields back;
  back[FieldName::kExpiryDate] = Field{"15.04.2012", 0.9, FieldSource::kVisual};
  AddIssueDateByValidity({Row(100, {{"Carte", 20}, {"15.04.2012", 90}}),
                          Row(150, {{"dxlivrxe", 20}, {"16.04.2002", 120}})},
                         nullptr, back);
  EXPECT_EQ(back[FieldName::kIssueDate].value, "16.04.2002");
  Fields nothing;
  AddIssueDateByValidity({Row(150, {{"16.04.2002", 20}})}, nullptr, nothing);
  EXPECT_FALSE(nothing.contains(FieldName::kIssueDate));  // no expiry known
  // A 1988 card: its number says it was issued in September 1994 (9409...).
  mrz::ParseOptions options;
  options.today = {2026, 11, 26};
  auto card = mrz::ParseMrz(
      {"IDFRABERTHIER<<<<<<<<<<<<<<<<<<<<<<<", "9409923102854CORINNE<<<<<<<6512068F4"}, options);
  ASSERT_TRUE(card.ok());
  ASSERT_TRUE(card->valid);
  Fields old_card;
  AddIssueDateByValidity(
      {Row(100, {{"06.12.1965", 20}}), Row(150, {{"le", 20}, {"22.09.1994", 60}}),
       Row(200, {{"21.09.2004", 20}})},
      &*card, old_card);
  EXPECT_EQ(old_card[FieldName::kIssueDate].value, "22.09.1994");
}

TEST(FieldReaderTest, ANameHeadingIsTwoCasesAndNothingElse) {
  auto heading = [](const std::string& text) {
    Fields f;
    AddNameHeading({{text, {40, 100, 400, 30}, 0.9}}, f);
    return f.count(FieldName::kSurname)
               ? f[FieldName::kGivenNames].value + "|" + f[FieldName::kSurname].value
               : std::string("none");
  };
  EXPECT_EQ(heading("LE GALL Anaëlle Marie"), "Anaëlle Marie|LE GALL");
  EXPECT_EQ(heading("Élodie HÉBERT"), "Élodie|HÉBERT");
  EXPECT_EQ(heading("TC Paris"), "none");           // a club
  EXPECT_EQ(heading("Licence 2027"), "none");       // a digit
  EXPECT_EQ(heading("Ma licence"), "none");         // one case
  EXPECT_EQ(heading("Jean DUPONT Marie"), "none");  // three runs
  EXPECT_EQ(heading("Date of birth 16.01.1953"), "none");
  EXPECT_EQ(heading("Nom DUPONT"), "none");  // a label
  Fields labelled = {{FieldName::kSurname, Field{"MARTIN", 0.9, FieldSource::kVisual}}};
  AddNameHeading({{"Odile DUPONT", {40, 100, 400, 30}, 0.9}}, labelled);
  EXPECT_EQ(labelled[FieldName::kSurname].value, "MARTIN");  // labels win
  EXPECT_FALSE(labelled.count(FieldName::kGivenNames));
}

TEST(FieldReaderTest, ALabelWithoutValueTellsWhereToLookAgain) {
  std::vector<OcrLine> lines = {
      {"Nom / Surname", {300, 100, 130, 12}, 0.9},
      {"MARTIN", {300, 118, 120, 22}, 0.9},
      {"Sexe / Sex", {600, 100, 90, 12}, 0.9},
  };
  Fields f = ReadLabelledFields(lines, 1000);
  ASSERT_TRUE(f.count(FieldName::kSurname));
  EXPECT_FALSE(LabelWithoutValue(lines, f, FieldName::kSurname).has_value());
  auto sex = LabelWithoutValue(lines, f, FieldName::kSex);
  ASSERT_TRUE(sex.has_value());
  EXPECT_EQ(sex->x, 600);
  EXPECT_EQ(sex->y, 100);
  EXPECT_FALSE(LabelWithoutValue(lines, f, FieldName::kBirthDate).has_value());
}

TEST(FieldReaderTest, TheBirthPlaceFollowsTheBirthDateAsThePhraseDoes) {
  // "Born" / "In" side by side, the English of "Né(e) le" / "à".
  std::vector<OcrLine> lines = {
      {"BORN", {615, 322, 37, 11}, 0.9},
      {"12.06.1989", {615, 342, 110, 21}, 0.9},
      {"IN", {796, 322, 12, 11}, 0.9},
      {"NANTES", {797, 342, 89, 21}, 0.9},
  };
  Fields f = ReadLabelledFields(lines, 1200);
  EXPECT_EQ(f[FieldName::kBirthPlace].value, "NANTES");
  // The "à" under "Né(e) le" lost: the place still follows the date in its column.
  lines = {
      {"Né(e) le", {746, 215, 70, 16}, 0.9}, {"11/05/2002", {749, 238, 156, 23}, 0.9},
      {"METZ", {747, 307, 86, 21}, 0.8},     {"Taille", {746, 353, 47, 13}, 0.9},
      {"1,72m", {749, 375, 94, 24}, 0.9},
  };
  f = ReadLabelledFields(lines, 1200);
  EXPECT_EQ(f[FieldName::kBirthDate].value, "11/05/2002");
  EXPECT_EQ(f[FieldName::kBirthPlace].value, "METZ");
  // Under a date with another label ("Date of birth"), a line is not the place.
  lines[0].text = "Date de naissance";
  f = ReadLabelledFields(lines, 1200);
  EXPECT_FALSE(f.count(FieldName::kBirthPlace));
  // "in" inside a sentence is no label.
  lines = {{"Valid in all countries PARIS", {100, 100, 400, 20}, 0.9}};
  EXPECT_FALSE(ReadLabelledFields(lines, 1200).count(FieldName::kBirthPlace));
}

TEST(FieldReaderTest, ATableReadAsTwoBlocksPairsCaptionsAndValuesByRow) {
  // Tesseract read the captions' column, then the values' column: one line each, paired
  // by their row.
  std::vector<OcrLine> lines = {
      {"nom / surname", {368, 111, 129, 15}, 0.9},
      {"prénoms / given names", {368, 211, 196, 19}, 0.9},
      {"sexe / sex", {368, 261, 80, 14}, 0.9},
      {"date de naissance / date of birth", {369, 360, 270, 19}, 0.9},
      {"BLANCHARD", {673, 102, 195, 23}, 0.9},
      {"Mathis", {673, 201, 95, 23}, 0.9},
      {"M", {673, 251, 23, 23}, 0.9},
      {"10 02 1971", {673, 350, 148, 23}, 0.9},
  };
  Fields f = ReadLabelledFields(lines, 1200);
  EXPECT_EQ(f[FieldName::kSurname].value, "BLANCHARD");
  EXPECT_EQ(f[FieldName::kGivenNames].value, "Mathis");
  EXPECT_EQ(f[FieldName::kSex].value, "M");
  EXPECT_EQ(f[FieldName::kBirthDate].value, "10 02 1971");
  // English first, the other language's '/' lost, a border's '|' after a caption, the
  // next caption under it ("Alternate name / Nom d'usage" is no value), a mis-read caption
  // under it that is no date.
  lines = {
      {"Surname / Nom", {357, 114, 138, 15}, 0.9},
      {"Alternate name / Nom d'usage", {357, 164, 268, 20}, 0.9},
      {"Sex Sexe", {359, 264, 85, 15}, 0.9},
      {"Document No / N° du document |", {363, 462, 298, 15}, 0.9},
      {"Date of birth / Date de naissance", {360, 362, 270, 20}, 0.9},
      {"Jeu de naissance / place ofbirth", {362, 412, 270, 20}, 0.9},
      {"|: Blanchard", {656, 105, 168, 24}, 0.9},
      {"F", {677, 254, 17, 25}, 0.9},
      {"| 14 07 1974", {655, 343, 172, 33}, 0.9},
      {"9C46LZ750", {678, 453, 163, 24}, 0.9},
  };
  f = ReadLabelledFields(lines, 1200);
  EXPECT_EQ(f[FieldName::kSurname].value, "Blanchard");
  EXPECT_EQ(f[FieldName::kSex].value, "F");
  EXPECT_EQ(f[FieldName::kBirthDate].value, "14 07 1974");
  EXPECT_EQ(f[FieldName::kDocumentNumber].value, "9C46LZ750");
  // A caption beside another caption is no value; a line of another row is not taken.
  lines = {{"nom / surname", {368, 111, 129, 15}, 0.9},
           {"nationalité / nationality", {673, 108, 200, 19}, 0.9},
           {"DUPONT", {673, 160, 195, 23}, 0.9}};
  f = ReadLabelledFields(lines, 1200);
  EXPECT_FALSE(f.count(FieldName::kSurname));
}

TEST(FieldReaderTest, AnAttestationsOwnWordsAndItsDistractors) {
  const std::vector<OcrLine> lines = {
      {"Millésime 2027", {60, 200, 280, 30}, 0.9},
      {"Nom et prénom MARCHAND Camille", {60, 300, 500, 20}, 0.9},
      {"Classement 30", {60, 340, 300, 20}, 0.9},
      {"Meilleur classement 15/5", {60, 380, 340, 20}, 0.9},
      {"N° d'affiliation 16424891", {60, 420, 340, 20}, 0.9},
      {"Ligue Hauts-de-France", {60, 460, 340, 20}, 0.9},
  };
  Fields f = ReadLabelledFields(lines, 1200);
  EXPECT_EQ(f[FieldName::kSeason].value, "2027");
  EXPECT_EQ(f[FieldName::kSurname].value, "MARCHAND");
  EXPECT_EQ(f[FieldName::kGivenNames].value, "Camille");
  EXPECT_EQ(f[FieldName::kRanking].value, "30");
  EXPECT_EQ(f[FieldName::kClubNumber].value, "16424891");
  // The department after a birth place is no part of the town's name.
  f = ReadLabelledFields({{"Lieu de naissance : TOULON (83)", {60, 300, 400, 20}, 0.9}}, 1200);
  EXPECT_EQ(f[FieldName::kBirthPlace].value, "TOULON");
}

TEST(FieldReaderTest, AnAppsBareNumbersTellThemselvesApartByTheirForm) {
  const std::vector<OcrLine> lines = {
      {"Inès CHEVALIER", {60, 177, 264, 27}, 0.9}, {"Licence 2023-2024", {61, 217, 201, 30}, 0.9},
      {"N° 0723155 T", {61, 268, 137, 17}, 0.9},   {"Mon club", {61, 1085, 78, 15}, 0.9},
      {"ASPTT Lille", {59, 1122, 141, 20}, 0.9},   {"N° 78380987", {61, 1160, 116, 16}, 0.9},
  };
  Fields f = ReadLabelledFields(lines, 1080);
  EXPECT_EQ(f[FieldName::kClubName].value, "ASPTT Lille");
  EXPECT_EQ(f[FieldName::kSeason].value, "2024");
  AddBareNumbers(lines, f);
  EXPECT_EQ(f[FieldName::kLicenceNumber].value, "0723155 T");
  EXPECT_EQ(f[FieldName::kClubNumber].value, "78380987");
  // Eight digits under the holder's name are a misread licence number, not the club's.
  Fields g = {{FieldName::kClubName, Field{"ASPTT Lille", 0.9, FieldSource::kVisual}}};
  AddBareNumbers(
      {{"Inès CHEVALIER", {60, 177, 264, 27}, 0.9}, {"N° 63054467", {61, 210, 137, 17}, 0.9}}, g);
  EXPECT_FALSE(g.count(FieldName::kClubNumber));
}

// The licence number with its letter read as a digit ("32742227" for "3274222 T") is no
// club's number; eight other digits alone on their line are, once the licence number is
// known.
TEST(FieldReaderTest, TheLicenceNumberMisreadIsNoClubNumber) {
  Fields misread = {{FieldName::kLicenceNumber, Field{"3274222 T", 0.9, FieldSource::kVisual}}};
  AddBareNumbers({Row(337, {{"32742227", 370}})}, misread);
  EXPECT_FALSE(misread.count(FieldName::kClubNumber));
  Fields club = {{FieldName::kLicenceNumber, Field{"3274222 T", 0.9, FieldSource::kVisual}}};
  AddBareNumbers({Row(337, {{"53633983", 370}})}, club);
  EXPECT_EQ(club[FieldName::kClubNumber].value, "53633983");
}

TEST(FieldReaderTest, AValueUnderItsCaptionBesideAnotherCaptionsWords) {
  // The passport's issue date under its caption, on a line that starts with the signature's
  // caption: the word nearest the column's edge starts the value.
  std::vector<OcrLine> lines = {
      {"Date de délivrance/Date of issue",
       {430, 378, 300, 14},
       0.9,
       {{"Date", {430, 378, 30, 14}},
        {"de", {464, 378, 15, 14}},
        {"délivrance/Date", {483, 378, 100, 14}},
        {"of", {585, 378, 5, 14}},
        {"issue", {592, 378, 40, 14}}}},
      {"Signature du titulaire/Holder's signature/Firma del titular 20 05 2016",
       {41, 404, 600, 20},
       0.9,
       {{"Signature", {41, 404, 60, 20}},
        {"du", {104, 404, 15, 20}},
        {"titulaire/Holder's", {123, 404, 100, 20}},
        {"signature/Firma", {230, 404, 100, 20}},
        {"del", {332, 404, 20, 20}},
        {"titular", {354, 404, 60, 20}},
        {"20", {431, 404, 30, 20}},
        {"05", {467, 404, 30, 20}},
        {"2016", {503, 404, 60, 20}}}},
  };
  EXPECT_EQ(ReadLabelledFields(lines, 1200)[FieldName::kIssueDate].value, "20 05 2016");
}

// An attestation's table: a head row of captions over one row of values, a cell's padding
// apart (more than two text heights); a number's letter near the next caption's edge stays
// with its number.
TEST(FieldReaderTest, AHeadRowOfCaptionsOverItsRowOfValues) {
  const std::vector<OcrLine> lines = {
      RowOfHeight({{"N°", 92},
                   {"licence", 118},
                   {"Nom", 269},
                   {"Prénom", 451},
                   {"Né(e)", 578},
                   {"le", 629},
                   {"Sexe", 760},
                   {"Classement", 851}},
                  415, 13),
      RowOfHeight({{"2810764", 92},
                   {"X", 183},
                   {"FONTAINE", 269},
                   {"Noël", 451},
                   {"16.06.1950", 578},
                   {"M", 760},
                   {"30/1", 851}},
                  465, 16),
  };
  Fields f = ReadLabelledFields(lines, 1200);
  Fields club = ReadLabelledFields(
      {RowOfHeight({{"Club", 79}}, 544, 16),
       RowOfHeight({{"Club", 92}, {"N°", 511}, {"club", 536}, {"Ligue", 714}}, 599, 13),
       RowOfHeight({{"Tennis", 92},
                    {"Padel", 167},
                    {"Club", 230},
                    {"Aix", 284},
                    {"63981337", 511},
                    {"Ligue", 714},
                    {"Occitanie", 777}},
                   648, 16)},
      1200);
  EXPECT_EQ(club[FieldName::kClubName].value, "Tennis Padel Club Aix");
  EXPECT_EQ(club[FieldName::kClubNumber].value, "63981337");
  EXPECT_EQ(f[FieldName::kLicenceNumber].value, "2810764 X");
  EXPECT_EQ(f[FieldName::kSurname].value, "FONTAINE");
  EXPECT_EQ(f[FieldName::kGivenNames].value, "Noël");
  EXPECT_EQ(f[FieldName::kBirthDate].value, "16.06.1950");
  EXPECT_EQ(f[FieldName::kRanking].value, "30/1");
}

// The app's heading: a civility, the holder's name, an avatar read as a symbol before it;
// the club's name on the line over "Club n° ...", a pin icon before it.
TEST(FieldReaderTest, AnAppsHeadingAndItsClubOverItsNumber) {
  const std::vector<OcrLine> lines = {
      {"( M. Victor Yanis PERRIN", {37, 116, 505, 63}, 0.9},
      {"4815071F", {53, 439, 203, 35}, 0.9},
      {"© US Orléans Tennis", {60, 737, 296, 46}, 0.9},
      {"Club n° 49060573", {119, 776, 166, 16}, 0.9},
      {"V P. Dupuis (15/2) 6-3 6-3", {56, 917, 597, 23}, 0.9},
  };
  Fields f = ReadLabelledFields(lines, 709);
  AddNameHeading(lines, f);
  EXPECT_EQ(f[FieldName::kGivenNames].value, "Victor Yanis");
  EXPECT_EQ(f[FieldName::kSurname].value, "PERRIN");
  ASSERT_EQ(f[FieldName::kClubNumber].value, "49060573");
  AddClubNameOverItsNumber(lines, f);
  EXPECT_EQ(f[FieldName::kClubName].value, "US Orléans Tennis");
  // A label over the number is no club's name.
  Fields g = {{FieldName::kClubNumber, Field{"49060573", 0.9, FieldSource::kVisual}}};
  AddClubNameOverItsNumber(
      {{"Classement", {119, 740, 166, 16}, 0.9}, {"Club n° 49060573", {119, 776, 166, 16}, 0.9}},
      g);
  EXPECT_FALSE(g.count(FieldName::kClubName));
}

// A ranking in large type loses its thin slash, dropped or read as a 1: the fraction when
// it is one the federation gives; never the first number alone.
TEST(FieldReaderTest, ARankingsLostSlash) {
  auto ranking = [](const std::string& value) {
    Fields f = ReadLabelledFields({{"Classement " + value, {40, 100, 500, 30}, 0.9}}, 1000);
    return f.count(FieldName::kRanking) ? f[FieldName::kRanking].value : std::string("-");
  };
  EXPECT_EQ(ranking("15 1"), "15/1");
  EXPECT_EQ(ranking("15 11"), "15/1");
  EXPECT_EQ(ranking("5 6"), "5/6");
  EXPECT_EQ(ranking("30 4"), "30/4");
  EXPECT_EQ(ranking("15 7"), "-");
  EXPECT_EQ(ranking("15"), "15");
  EXPECT_EQ(ranking("30/2"), "30/2");
}

// The 1988 card's phrase on one line: the birth place after the date's "à".
TEST(FieldReaderTest, TheBirthPhraseOnOneLine) {
  Fields f = ReadLabelledFields({{"Nom RENAUD", {307, 95, 204, 26}, 0.9},
                                 {"Né(e) le 15 MARS 1970 à TOULON (83)", {307, 276, 579, 34}, 0.9},
                                 {"Taille 1,78 M", {309, 336, 188, 31}, 0.9}},
                                1200);
  EXPECT_EQ(f[FieldName::kBirthDate].value, "15 MARS 1970");
  EXPECT_EQ(f[FieldName::kBirthPlace].value, "TOULON");
  Fields g = ReadLabelledFields({{"Born 02.01.1965 in LYON", {40, 100, 600, 30}, 0.9}}, 1200);
  EXPECT_EQ(g[FieldName::kBirthPlace].value, "LYON");
}

// An address right of its caption, its town on the next line under the street: both
// lines, whether Tesseract read the caption apart or on the street's line.
TEST(FieldReaderTest, AnAddressRightOfItsCaptionRunsOnToItsTown) {
  Fields apart = ReadLabelledFields({{"ADRESSE", {49, 59, 85, 13}, 0.9},
                                     {"DÉLIVRÉE LE", {48, 146, 116, 16}, 0.9},
                                     {"28 CHEMIN DU MOULIN", {332, 47, 344, 24}, 0.9},
                                     {"96433 METZ", {332, 86, 176, 24}, 0.9},
                                     {"25 MARS 2025", {332, 138, 208, 23}, 0.9}},
                                    1200);
  EXPECT_EQ(apart[FieldName::kAddress].value, "28 CHEMIN DU MOULIN 96433 METZ");
  EXPECT_EQ(apart[FieldName::kIssueDate].value, "25 MARS 2025");
  Fields inline_caption =
      ReadLabelledFields({{"Adresse 12 RUE VICTOR HUGO", {40, 100, 600, 30}, 0.9},
                          {"44000 NANTES", {225, 140, 250, 30}, 0.9}},
                         1200);
  EXPECT_EQ(inline_caption[FieldName::kAddress].value, "12 RUE VICTOR HUGO 44000 NANTES");
}

// A residence permit's back: "Domicile:" with the street right of it and the issue date's
// caption further right on the same row; under them, the town under the street and the
// issuing prefecture under the date, read as one line. The address ends at the date's column.
TEST(FieldReaderTest, AnAddressRunsOnToItsTownButNotIntoTheNextCaptionsColumn) {
  const std::vector<OcrLine> lines = {
      Row(100, {{"Domicile:", 45},
                {"71", 161},
                {"BIS", 200},
                {"ALLÉE", 254},
                {"DES", 354},
                {"CHÊNES", 422},
                {"DATE", 584},
                {"DE", 632},
                {"DÉLIVRANCE", 658}}),
      Row(130, {{"08.06.2021", 584}}),
      Row(150, {{"13090", 162},
                {"AIX-EN-PROVENCE", 254},
                {"PRÉFECTURE", 585},
                {"DE", 714},
                {"LA", 747},
                {"GIRONDE", 779}}),
  };
  Fields f = ReadLabelledFields(lines, 1200);
  EXPECT_EQ(f[FieldName::kAddress].value, "71 BIS ALLÉE DES CHÊNES 13090 AIX-EN-PROVENCE");
}

// A season whose second year was misread ("Saison 2022 2073"): the first year alone would
// name the season before the one printed, so no season is taken; nor from a heading.
TEST(FieldReaderTest, NoSeasonFromTheFirstYearOfAMisreadPair) {
  EXPECT_EQ(OneLineField(FieldName::kSeason, "Saison 2022 2073"), "(none)");
  EXPECT_EQ(OneLineField(FieldName::kSeason, "Saison 2022-2023"), "2023");
  EXPECT_EQ(OneLineField(FieldName::kSeason, "Saison 2023"), "2023");
}

// A document prints its number in capitals: one read with small letters is a misread, no
// number. A club's name never holds a caption's number sign ("N° DE CLUB" misread "N° cus").
TEST(ValueFormsTest, NumbersInCapitalsAndNoNumberSignInAClubName) {
  EXPECT_TRUE(FitsForm(FieldName::kDocumentNumber, "S3NC26J9U"));
  EXPECT_FALSE(FitsForm(FieldName::kDocumentNumber, "SaNC26Jau"));
  EXPECT_TRUE(FitsForm(FieldName::kDocumentNumber, "220506490049"));
  EXPECT_TRUE(FitsForm(FieldName::kClubName, "US Orléans Tennis"));
  EXPECT_FALSE(FitsForm(FieldName::kClubName, "N° cus"));
  EXPECT_FALSE(FitsForm(FieldName::kClubName, "Nº club"));
  // A name starts with a capital: a lower-case start is the sentence around it.
  EXPECT_FALSE(FitsForm(FieldName::kClubName, "est titulaire d'une"));
  // No name holds a document's title.
  EXPECT_FALSE(FitsForm(FieldName::kSurname, "FRANÇAISE CARTE NATIONALE D'IDENTITÉ"));
  EXPECT_FALSE(FitsForm(FieldName::kSurname, "RÉPUBLIQUE FRANÇAISE"));
  EXPECT_TRUE(FitsForm(FieldName::kSurname, "FRANÇOIS"));
}

// The caption "Club" misread and glued before the club's name is no part of it; a name
// that starts with "Club", or with a short word of its own, keeps it.
TEST(ValueFormsTest, AMisreadClubCaptionBeforeTheName) {
  EXPECT_EQ(RepairValue(FieldName::kClubName, "Cu TC Nimes Garrigues"), "TC Nimes Garrigues");
  EXPECT_EQ(RepairValue(FieldName::kClubName, "cCur Stade Français"), "Stade Français");
  EXPECT_EQ(RepairValue(FieldName::kClubName, "Cut Stade Français"), "Stade Français");
  EXPECT_EQ(RepairValue(FieldName::kClubName, "Cut : US Créteil Tennis"), "US Créteil Tennis");
  EXPECT_EQ(RepairValue(FieldName::kClubName, "CGub \u2018TC Boulogne Billancourt"),
            "TC Boulogne Billancourt");
  EXPECT_EQ(RepairValue(FieldName::kClubName, "Club Athlétique de Pau"), "Club Athlétique de Pau");
  EXPECT_EQ(RepairValue(FieldName::kClubName, "AS Montferrand Tennis"), "AS Montferrand Tennis");
  EXPECT_EQ(RepairValue(FieldName::kClubName, "Le Touquet TC"), "Le Touquet TC");
  EXPECT_EQ(RepairValue(FieldName::kClubName, "Cu Tennis"), "Cu Tennis");  // one word left
}

// A licence always names its club: when its caption is lost (small capitals read "CLus"),
// the one text whose words are a club's gives it. The federation's name, its address, a
// sentence, a caption glued to the name or a line read unsurely do not; two club names
// give nothing.
TEST(FieldReaderTest, AClubNameByItsWords) {
  const std::vector<OcrLine> card = {
      {"FÉDÉRATION FRANÇAISE DE TENNIS", {93, 66, 816, 31}, 0.95},
      {"Française de Tennis", {93, 100, 400, 31}, 0.95},
      {"Stade Roland-Garros", {93, 140, 400, 31}, 0.95},
      {"CLus", {57, 443, 38, 14}, 0.6},
      {"Cercle Sportif de Pau", {57, 471, 326, 29}, 0.95},
      {"@ Licence valide Carte personnelle", {57, 690, 1086, 46}, 0.9}};
  Fields f;
  AddClubNameByItsWords(card, f);
  EXPECT_EQ(f[FieldName::kClubName].value, "Cercle Sportif de Pau");
  Fields unsure;
  AddClubNameByItsWords({{"Ractay Club Tennis Strasbourg", {57, 471, 326, 29}, 0.6}}, unsure);
  EXPECT_FALSE(unsure.count(FieldName::kClubName));
  Fields glued;
  AddClubNameByItsWords({{"Cu ASPTT Brest Tennis", {57, 471, 326, 29}, 0.95},
                         {"Qub : Cercle Sportif de Pau", {57, 520, 326, 29}, 0.95}},
                        glued);
  EXPECT_FALSE(glued.count(FieldName::kClubName));
  Fields two;
  AddClubNameByItsWords({{"Cercle Sportif de Pau", {57, 471, 326, 29}, 0.95},
                         {"TC Boulogne Billancourt", {57, 520, 326, 29}, 0.95}},
                        two);
  EXPECT_FALSE(two.count(FieldName::kClubName));
  Fields known{{FieldName::kClubName, Field{"ASPTT Lille", 0.9, FieldSource::kVisual}}};
  AddClubNameByItsWords(card, known);
  EXPECT_EQ(known[FieldName::kClubName].value, "ASPTT Lille");
}

// A card's band: the holder's name and, far right on the same row, the heading "Licence 2023"
// on a pill; read as one line, the heading is still a heading.
TEST(FieldReaderTest, ALicenceHeadingFarRightOfTheHoldersName) {
  const OcrLine band =
      RowOfHeight({{"Hugo", 161}, {"TRAORE", 268}, {"Licence", 757}, {"2023", 862}}, 249, 34);
  const std::optional<Field> season = SeasonOfALicenceHeading({band});
  ASSERT_TRUE(season.has_value());
  EXPECT_EQ(season->value, "2023");
  // Its words close together, a name before "Licence" is no heading's word.
  const OcrLine close =
      RowOfHeight({{"Hugo", 161}, {"TRAORE", 210}, {"Licence", 280}, {"2023", 360}}, 249, 34);
  EXPECT_FALSE(SeasonOfALicenceHeading({close}).has_value());
}

// An app's title "Ma licence" and, far right on its row, the season in a pill whose ends
// are read as brackets, with or without its word; a pill holding no season gives none.
TEST(FieldReaderTest, ASeasonInAPillFarRightOfTheTitle) {
  const OcrLine bare = RowOfHeight({{"Ma", 34}, {"licence", 112}, {"(2024)", 499}}, 75, 38);
  ASSERT_TRUE(SeasonOfALicenceHeading({bare}).has_value());
  EXPECT_EQ(SeasonOfALicenceHeading({bare})->value, "2024");
  const OcrLine worded = RowOfHeight(
      {{"Ma", 34}, {"licence", 112}, {"(saison", 425}, {"2025", 526}, {")", 582}}, 75, 38);
  ASSERT_TRUE(SeasonOfALicenceHeading({worded}).has_value());
  EXPECT_EQ(SeasonOfALicenceHeading({worded})->value, "2025");
  const OcrLine other = RowOfHeight({{"Ma", 34}, {"licence", 112}, {"(active)", 499}}, 75, 38);
  EXPECT_FALSE(SeasonOfALicenceHeading({other}).has_value());
}

// An app's pass with no labels at all: the licence number and "Homme" by their own form,
// then eight digits as the club's number once the licence number is known, and the club's
// name over it; a date is no number.
TEST(FieldReaderTest, AnAppsPassWithoutLabels) {
  const std::vector<OcrLine> lines = {
      {"FAURE", {70, 191, 118, 30}, 0.9},
      {"Benoît Victor", {71, 239, 194, 25}, 0.9},
      {"8819749K", {131, 333, 155, 24}, 0.9},
      {"15/4", {132, 409, 71, 27}, 0.9},
      {"27.01.1987", {131, 488, 172, 24}, 0.9},
      {"Homme", {131, 566, 108, 23}, 0.9},
      {"Cercle Sportif de Pau", {130, 641, 304, 33}, 0.9},
      {"55200081", {132, 721, 152, 23}, 0.9},
  };
  Fields f = ReadLabelledFields(lines, 709);
  AddBareNumbers(lines, f);
  AddLoneSexWord(lines, f);
  AddClubNameOverItsNumber(lines, f);
  EXPECT_EQ(f[FieldName::kLicenceNumber].value, "8819749 K");
  EXPECT_EQ(f[FieldName::kClubNumber].value, "55200081");
  EXPECT_EQ(f[FieldName::kClubName].value, "Cercle Sportif de Pau");
  EXPECT_EQ(f[FieldName::kSex].value, "M");
  // The word last in a list of facts; a name or a club holding it is no sex.
  for (const auto& [text, sex] :
       {std::pair{"Née le 17/08/2001 · Femme", "F"}, std::pair{"Né le 05/07/2008 - Homme", "M"},
        std::pair{"Tennis Club Femme", ""}, std::pair{"Femmes et Sport | Club de Pau", ""}}) {
    Fields listed;
    AddLoneSexWord({{text, {131, 566, 400, 23}, 0.9}}, listed);
    EXPECT_EQ(listed.count(FieldName::kSex) ? listed[FieldName::kSex].value : "", sex) << text;
  }
  Fields dates;
  AddBareNumbers({{"8819749K", {131, 333, 155, 24}, 0.9}, {"27.01.1987", {131, 488, 172, 24}, 0.9}},
                 dates);
  EXPECT_FALSE(dates.count(FieldName::kClubNumber));
}

// A caption's two languages across a wide gap after its '/' stay one label (its column
// not cut at the second language); a mark read beside a date is no part of it.
TEST(FieldReaderTest, ABilingualCaptionAcrossAGapAndAMarkBesideADate) {
  std::vector<OcrLine> lines = {
      {"ADRESSE / ADDRESS",
       {48, 47, 143, 11},
       0.9,
       {{"ADRESSE", {48, 47, 72, 11}}, {"/", {129, 47, 2, 11}}, {"ADDRESS", {161, 47, 30, 11}}}},
      {"107 ALLÉE DES PINS",
       {50, 65, 266, 27},
       0.9,
       {{"107", {50, 65, 45, 27}},
        {"ALLÉE", {104, 65, 80, 27}},
        {"DES", {195, 65, 49, 27}},
        {"PINS", {255, 65, 61, 27}}}},
      {"26486 NANTES",
       {48, 106, 199, 21},
       0.9,
       {{"26486", {48, 106, 80, 21}}, {"NANTES", {139, 106, 108, 21}}}},
  };
  EXPECT_EQ(ReadLabelledFields(lines, 1200)[FieldName::kAddress].value,
            "107 ALLÉE DES PINS 26486 NANTES");
  EXPECT_EQ(ReadLabelledFields({{"Né(e) le 26/09/1997 £", {40, 100, 600, 30}, 0.9}},
                               1200)[FieldName::kBirthDate]
                .value,
            "26/09/1997");
}

// A table's row of values with no wide gap in it: the letter that ends the licence number
// stands near the "Nom" column's edge, yet the surname starts at the next word, nearer it;
// a given name that starts at its column's edge keeps its first word.
TEST(FieldReaderTest, AHeadRowsValuesWithoutAWideGap) {
  const std::vector<OcrLine> lines = {
      RowOfHeight({{"N°", 86},
                   {"licence", 110},
                   {"Nom", 241},
                   {"Prénom", 385},
                   {"Né(e)", 582},
                   {"le", 632},
                   {"Sexe", 742},
                   {"Classement", 874}},
                  415, 13),
      RowOfHeight({{"3314475", 86},
                   {"L", 179},
                   {"DA", 241},
                   {"SILVA", 277},
                   {"Jérôme", 383},
                   {"Théo", 449},
                   {"10.06.1972", 582},
                   {"Homme", 742},
                   {"NC", 874}},
                  465, 28),
  };
  Fields f = ReadLabelledFields(lines, 1200);
  EXPECT_EQ(f[FieldName::kSurname].value, "DA SILVA");
  EXPECT_EQ(f[FieldName::kGivenNames].value, "Jérôme Théo");
  EXPECT_EQ(f[FieldName::kBirthDate].value, "10.06.1972");
}

// Captions under their values with a rule between two of them that OCR reads as dashes
// ("Nom ——— Prénom"): the dashes fill no column, so "Prénom" is a caption of its own.
TEST(FieldReaderTest, DashesBetweenTwoCaptionsFillNoColumn) {
  const std::vector<OcrLine> lines = {
      {"MOREL Victor Sébastien",
       {102, 200, 559, 34},
       0.9,
       {{"MOREL", {102, 200, 158, 34}},
        {"Victor", {308, 200, 129, 34}},
        {"Sébastien", {455, 200, 206, 34}}}},
      {"Nom ——— Prénom",
       {102, 240, 270, 14},
       0.9,
       {{"Nom", {102, 240, 30, 14}}, {"———", {140, 240, 160, 14}}, {"Prénom", {310, 240, 62, 14}}}},
  };
  Fields f = ReadLabelledFields(lines, 1200, Captions::kUnderValues);
  EXPECT_EQ(f[FieldName::kSurname].value, "MOREL");
  EXPECT_EQ(f[FieldName::kGivenNames].value, "Victor Sébastien");
}

// An app's pass card: the name in its coloured header, given names after a comma speck,
// the season in the card's title after the federation's name, the civility alone for the
// sex.
TEST(FieldReaderTest, AnAppsHeaderItsTitlesSeasonAndACivilityAlone) {
  const std::vector<OcrLine> lines = {
      {"LICENCE FFT 2023-2024", {70, 127, 574, 17}, 0.9},
      {"MARCHAND", {70, 191, 200, 29}, 0.9},
      {"Victor,", {69, 239, 120, 24}, 0.9},
      {"2646145M", {132, 334, 180, 23}, 0.9},
      {"M.", {132, 520, 30, 23}, 0.9},
  };
  Fields f = ReadLabelledFields(lines, 1200);
  EXPECT_EQ(f[FieldName::kSeason].value, "2024");  // the season is named by its end year
  AddUnlabelledLicenceFields(lines, f);
  EXPECT_EQ(f[FieldName::kSurname].value, "MARCHAND");
  EXPECT_EQ(f[FieldName::kGivenNames].value, "Victor");
  EXPECT_EQ(f[FieldName::kSex].value, "M");
  // A lone letter is no civility: it may be a speck.
  Fields speck;
  AddLoneSexWord({{"M", {132, 520, 14, 23}, 0.9}}, speck);
  EXPECT_FALSE(speck.count(FieldName::kSex));
  Fields madame;
  AddLoneSexWord({{"Mme", {132, 520, 40, 23}, 0.9}}, madame);
  EXPECT_EQ(madame[FieldName::kSex].value, "F");
  // "Licence FFT" followed by no season names none.
  EXPECT_FALSE(ReadLabelledFields({{"LICENCE FFT", {70, 127, 200, 17}, 0.9}}, 1200)
                   .count(FieldName::kSeason));
}

// Other wordings of the same labels, as documents and attestations print them: a birth
// name, a card's or a permit's number, a validity's end, the sporting year, a club's code.
// One line, its words as wide as a value's characters.
std::string OneLineReal(FieldName name, const std::string& line) {
  Fields f =
      ReadLabelledFields({{line, {40, 100, 11 * static_cast<int>(line.size()), 30}, 0.9}}, 1000);
  return f.count(name) ? f[name].value : std::string("(none)");
}

TEST(FieldReaderTest, OtherWordingsOfTheSameLabels) {
  EXPECT_EQ(OneLineField(FieldName::kSurname, "Nom de naissance : MOREL"), "MOREL");
  EXPECT_EQ(OneLineField(FieldName::kSurname, "Nom de famille : MOREL"), "MOREL");
  EXPECT_EQ(OneLineField(FieldName::kDocumentNumber, "N° de carte : X4RTBPFW4"), "X4RTBPFW4");
  EXPECT_EQ(OneLineField(FieldName::kDocumentNumber, "N° du titre : 9FR1234567"), "9FR1234567");
  EXPECT_EQ(OneLineField(FieldName::kExpiryDate, "Date de fin de validité : 11/02/2030"),
            "11/02/2030");
  EXPECT_EQ(OneLineField(FieldName::kExpiryDate, "Expire le 11/02/2030"), "11/02/2030");
  EXPECT_EQ(OneLineField(FieldName::kSeason, "Année sportive : 2025/2026"), "2026");
  // A season typeset with an en dash, spaced, or shortened; never two years apart or a
  // date.
  EXPECT_EQ(OneLineField(FieldName::kSeason, "Saison 2025 \u2013 2026"), "2026");
  EXPECT_EQ(OneLineField(FieldName::kSeason, "Saison 2025 / 2026"), "2026");
  EXPECT_EQ(OneLineField(FieldName::kSeason, "Saison 2025/26"), "2026");
  EXPECT_EQ(OneLineField(FieldName::kSeason, "Saison : 2025-26"), "2026");
  EXPECT_EQ(OneLineField(FieldName::kSeason, "Saison 2025 - 2027"), "2025");
  EXPECT_EQ(OneLineField(FieldName::kSeason, "Saison 12/2026"), "(none)");
  EXPECT_EQ(OneLineField(FieldName::kClubNumber, "Code club : 57750123"), "57750123");
  EXPECT_EQ(OneLineField(FieldName::kLicenceNumber, "Numéro licence : 1234567 A"), "1234567 A");
  // The licence's letter read as the digit it looks like; eight digits stay digits.
  EXPECT_EQ(OneLineField(FieldName::kLicenceNumber, "N° de licence : 3570355 1"), "3570355 I");
  EXPECT_EQ(OneLineField(FieldName::kLicenceNumber, "N° de licence : 3570355 0"), "3570355 O");
  EXPECT_EQ(OneLineField(FieldName::kLicenceNumber, "N° de licence : 35703551"), "35703551");
  EXPECT_EQ(OneLineField(FieldName::kBirthPlace, "Lieu de naiss. : BREST"), "BREST");
  EXPECT_EQ(OneLineField(FieldName::kBirthPlace, "Né à BREST"), "BREST");
  EXPECT_EQ(OneLineField(FieldName::kIssueDate, "Date de délivr. : 01.02.2020"), "01.02.2020");
  EXPECT_EQ(OneLineField(FieldName::kIssueDate, "Émis le 01.02.2020"), "01.02.2020");
  // Its spaces lost: eight digits that make a date; a club's number does not.
  EXPECT_EQ(OneLineReal(FieldName::kIssueDate, "Délivré le : (15082020"), "15 08 2020");
  EXPECT_EQ(OneLineReal(FieldName::kBirthDate, "Date de naissance : 57750123"), "(none)");
  EXPECT_EQ(OneLineField(FieldName::kRanking, "Classement : 30 / 3"), "30/3");
  EXPECT_EQ(OneLineField(FieldName::kRanking, "Classement : 3/ 6"), "3/6");
  // Figures beside the caption in small print are not repaired as a badge's are: "416"
  // was "-4/6" with its minus lost too (lantern's hard photo).
  EXPECT_EQ(OneLineReal(FieldName::kRanking, "Classement : 416"), "(none)");
  // A badge's slash read as a 1, when only one of its 1s makes a ranking.
  EXPECT_EQ(SlashForAOne("216"), "2/6");
  EXPECT_EQ(SlashForAOne("3011"), "30/1");
  EXPECT_EQ(SlashForAOne("-416"), "-4/6");
  EXPECT_EQ(SlashForAOne("15"), "15");
  EXPECT_EQ(SlashForAOne("1516"), "1516");
}

// A French passport's number in its form, two digits, two letters, five digits: letters and
// digits taken for each other are put back by their place; a number that cannot take the
// form (another country's, a read too far off) stays as read.
TEST(FieldReaderTest, AFrenchPassportNumberByPlace) {
  EXPECT_EQ(FrenchPassportNumberByPlace("200070177"), "20OO70177");
  EXPECT_EQ(FrenchPassportNumberByPlace("O4RT63681"), "04RT63681");
  EXPECT_EQ(FrenchPassportNumberByPlace("13H104980"), "13HI04980");
  EXPECT_EQ(FrenchPassportNumberByPlace("191X49500"), "19IX49500");
  EXPECT_EQ(FrenchPassportNumberByPlace("600733283"), "60OT33283");
  EXPECT_EQ(FrenchPassportNumberByPlace("82BH70545"), "82BH70545");
  EXPECT_EQ(FrenchPassportNumberByPlace("L898902C3"), "L898902C3");
  EXPECT_EQ(FrenchPassportNumberByPlace("4K68JK95L"), "4K68JK95L");
  EXPECT_EQ(FrenchPassportNumberByPlace("82BH7054"), "82BH7054");
  EXPECT_EQ(FrenchPassportNumberByPlace("82BH7O5X5"), "82BH7O5X5");
}

// More wordings of the same captions, and a caption's own words before its colon
// ("Adresse postale :", "Club affilié :") that are not the value's.
TEST(FieldReaderTest, MoreWordingsAndCaptionsThatRunToTheirColon) {
  EXPECT_EQ(OneLineReal(FieldName::kAddress, "Adresse postale : 12 RUE DES LILAS 75001 PARIS"),
            "12 RUE DES LILAS 75001 PARIS");
  EXPECT_EQ(OneLineReal(FieldName::kAddress, "Adresse du domicile : 12 RUE DES LILAS 75001 PARIS"),
            "12 RUE DES LILAS 75001 PARIS");
  EXPECT_EQ(OneLineReal(FieldName::kClubName, "Club affilié : TC Pau"), "TC Pau");
  EXPECT_EQ(OneLineReal(FieldName::kClubName, "Club de rattachement : TC Pau"), "TC Pau");
  EXPECT_EQ(OneLineReal(FieldName::kClubName, "Club FFT : TC Pau"), "TC Pau");
  // A value with a colon of its own past the caption's few words stays whole.
  EXPECT_EQ(OneLineReal(FieldName::kClubName, "Club : Tennis Club de Pau : section padel"),
            "Tennis Club de Pau : section padel");
  EXPECT_EQ(OneLineReal(FieldName::kSurname, "Nom du titulaire : DURAND"), "DURAND");
  EXPECT_EQ(OneLineReal(FieldName::kSurname, "Noms : DURAND"), "DURAND");
  EXPECT_EQ(OneLineReal(FieldName::kGivenNames, "Prénom du licencié : Paul"), "Paul");
  EXPECT_EQ(OneLineReal(FieldName::kDocumentNumber, "Numéro de passeport : 22AB12345"),
            "22AB12345");
  EXPECT_EQ(OneLineReal(FieldName::kDocumentNumber, "N° CNI : X4RTBPFW4"), "X4RTBPFW4");
  EXPECT_EQ(OneLineReal(FieldName::kLicenceNumber, "N° FFT : 1234567 A"), "1234567 A");
  EXPECT_EQ(OneLineReal(FieldName::kLicenceNumber, "Licence FFT n° 1234567 A"), "1234567 A");
  EXPECT_EQ(OneLineReal(FieldName::kClubNumber, "Affiliation : 57750123"), "57750123");
  EXPECT_EQ(OneLineReal(FieldName::kClubNumber, "Code FFT du club : 57750123"), "57750123");
  EXPECT_EQ(OneLineReal(FieldName::kBirthDate, "DOB : 12/03/1990"), "12/03/1990");
  // Homme / Femme abbreviated; a nationality with its code; a season's years shortened.
  EXPECT_EQ(OneLineReal(FieldName::kSex, "Sexe : H"), "M");
  EXPECT_EQ(OneLineReal(FieldName::kSex, "Sexe : Fém."), "F");
  EXPECT_EQ(OneLineReal(FieldName::kNationality, "Nationalité : Française (FRA)"), "FRA");
  EXPECT_EQ(OneLineReal(FieldName::kNationality, "Nationalité : Française (ITA)"), "(none)");
  EXPECT_EQ(OneLineReal(FieldName::kSeason, "Saison : 25/26"), "2026");
  EXPECT_EQ(OneLineReal(FieldName::kSeason, "Saison : 25/27"), "(none)");
  EXPECT_EQ(OneLineReal(FieldName::kNationality, "Nationalité : Marocaine"), "Marocaine");
  EXPECT_EQ(OneLineReal(FieldName::kNationality, "Nationalité : Congolaise"), "(none)");
  EXPECT_EQ(OneLineReal(FieldName::kRanking, "Classement : Non classé"), "NC");
  EXPECT_EQ(OneLineReal(FieldName::kRanking, "Classement : ND"), "ND");
  EXPECT_EQ(OneLineReal(FieldName::kLicenceNumber, "N° de licence : 1234567-A"), "1234567 A");
  EXPECT_EQ(OneLineReal(FieldName::kLicenceNumber, "N° de licence : 1029384]"), "1029384J");
  EXPECT_EQ(OneLineReal(FieldName::kLicenceNumber, "N° de licence : 30450628B"), "3045062B");
  EXPECT_EQ(OneLineReal(FieldName::kLicenceNumber, "N° de licence : 36460817F"), "3646081F");
  EXPECT_EQ(OneLineReal(FieldName::kLicenceNumber, "N° de licence : 30450623B"), "30450623B");
  // "Licence" alone names no number: "Licence 2027" is a season's heading.
  EXPECT_EQ(OneLineReal(FieldName::kLicenceNumber, "Licence 2027"), "(none)");
}

// A place's form (verify::IsPlaceForm): the next caption and its value read after a
// missing place are not a town; a district or a department is.
TEST(FieldReaderTest, ABirthPlaceHasAPlacesForm) {
  EXPECT_EQ(OneLineField(FieldName::kBirthPlace, "Lieu de naissance : Taille: 1,79 M"), "(none)");
  EXPECT_EQ(OneLineField(FieldName::kBirthPlace, "Lieu de naissance : ro) :4"), "(none)");
  EXPECT_EQ(OneLineField(FieldName::kBirthPlace, "Lieu de naissance : PARIS 15E"), "PARIS 15E");
  EXPECT_EQ(OneLineField(FieldName::kBirthPlace, "Lieu de naissance : CASABLANCA (MAROC)"),
            "CASABLANCA (MAROC)");
  EXPECT_EQ(OneLineField(FieldName::kBirthPlace, "Lieu de naissance : TOULON (83)"), "TOULON");
}

// One caption over the birth's date and place, however it is worded, and the place in the
// phrase "Né(e) le ... à : ...", its colon apart or not.
TEST(FieldReaderTest, TheBirthAloneNamesItsDateAndPlace) {
  auto both = [](const std::string& line) {
    return OneLineField(FieldName::kBirthDate, line) + " | " +
           OneLineField(FieldName::kBirthPlace, line);
  };
  EXPECT_EQ(both("Naissance : 12/03/1990 à Lyon"), "12/03/1990 | Lyon");
  EXPECT_EQ(both("Naissance : Lyon, le 12/03/1990"), "12/03/1990 | Lyon");
  EXPECT_EQ(both("Naissance : LYON, 12.03.1990"), "12.03.1990 | LYON");
  EXPECT_EQ(both("Born : 12/03/1990 in Lyon"), "12/03/1990 | Lyon");
  EXPECT_EQ(both("Birth : 12/03/1990, Lyon"), "12/03/1990 | Lyon");
  EXPECT_EQ(both("Date/Lieu de naissance : 12.03.1990 / LYON"), "12.03.1990 | LYON");
  EXPECT_EQ(both("Né(e) le : 12.03.1990 à : LYON"), "12.03.1990 | LYON");
  EXPECT_EQ(both("Né(e) le 12.03.1990 à: LYON"), "12.03.1990 | LYON");
  // A date alone, or no date: the place is not guessed; other births are not the holder's.
  EXPECT_EQ(both("Naissance : 12/03/1990"), "12/03/1990 | (none)");
  EXPECT_EQ(both("Naissance : LYON"), "(none) | (none)");
  EXPECT_EQ(both("Pays de naissance : FRANCE"), "(none) | (none)");
  EXPECT_EQ(both("Nom de naissance : DURAND"), "(none) | (none)");
  // The tail of a caption whose first words were misread names no date and place together.
  EXPECT_EQ(both("Nabranon de naissance : 12/03/1990 LYON"), "(none) | (none)");
  // France named after a town in France is no part of its name.
  EXPECT_EQ(OneLineReal(FieldName::kBirthPlace, "Ville natale : NANTES"), "NANTES");
  EXPECT_EQ(OneLineReal(FieldName::kBirthPlace, "Lieu de naissance : NANTES (FRANCE)"), "NANTES");
  EXPECT_EQ(OneLineReal(FieldName::kBirthPlace, "Lieu de naissance : Nantes, France"), "Nantes");
  EXPECT_EQ(OneLineReal(FieldName::kBirthPlace, "Lieu de naissance : ALGER (ALGÉRIE)"),
            "ALGER (ALGÉRIE)");
}

TEST(RuleLinesTest, TableBordersGoTextStays) {
  cv::Mat page(400, 1200, CV_8UC1, cv::Scalar(230));
  cv::rectangle(page, cv::Rect(300, 50, 600, 300), cv::Scalar(60), 2);
  cv::line(page, {300, 150}, {900, 150}, cv::Scalar(60), 2);
  cv::line(page, {560, 50}, {560, 350}, cv::Scalar(60), 2);
  cv::putText(page, "BLANCHARD", {600, 120}, cv::FONT_HERSHEY_SIMPLEX, 1.0, cv::Scalar(20), 2);
  const cv::Mat out = WithoutRuleLines(page);
  EXPECT_GT(out.at<uchar>(150, 400), 200);  // the row's border
  EXPECT_GT(out.at<uchar>(250, 560), 200);  // the column's border
  EXPECT_GT(out.at<uchar>(50, 700), 200);   // the table's top
  cv::Mat text_before, text_after;
  cv::threshold(page(cv::Rect(590, 90, 250, 40)), text_before, 128, 255, cv::THRESH_BINARY_INV);
  cv::threshold(out(cv::Rect(590, 90, 250, 40)), text_after, 128, 255, cv::THRESH_BINARY_INV);
  EXPECT_EQ(cv::countNonZero(text_after), cv::countNonZero(text_before));
}

// The ink left in `image` inside `box` (darker than mid-grey), in pixels.
int InkIn(const cv::Mat& image, const cv::Rect& box) {
  cv::Mat ink;
  cv::threshold(image(box), ink, 128, 255, cv::THRESH_BINARY_INV);
  return cv::countNonZero(ink);
}

TEST(RuleLinesTest, DotLeadersGoTextAndLoneDotsStay) {
  cv::Mat page(800, 1200, CV_8UC1, cv::Scalar(235));
  cv::putText(page, "Nom", {100, 100}, cv::FONT_HERSHEY_SIMPLEX, 0.9, cv::Scalar(20), 2);
  for (int x = 170; x < 800; x += 9) cv::circle(page, {x, 97}, 1, cv::Scalar(30), cv::FILLED);
  cv::putText(page, "HOARAU", {820, 100}, cv::FONT_HERSHEY_SIMPLEX, 0.9, cv::Scalar(20), 2);
  // Two dots of a date and three of an ellipsis are no leader.
  cv::putText(page, "12.03.2020", {100, 220}, cv::FONT_HERSHEY_SIMPLEX, 0.9, cv::Scalar(20), 2);
  for (int x = 400; x < 430; x += 10) cv::circle(page, {x, 217}, 1, cv::Scalar(30), cv::FILLED);
  // A leader down a page still lying on its side.
  for (int y = 250; y < 390; y += 9) cv::circle(page, {1100, y}, 1, cv::Scalar(30), cv::FILLED);
  const cv::Mat out = WithoutDotLeaders(page);
  ASSERT_EQ(out.size(), page.size());
  EXPECT_EQ(InkIn(out, cv::Rect(165, 90, 640, 14)), 0);
  EXPECT_EQ(InkIn(out, cv::Rect(1094, 245, 14, 150)), 0);
  EXPECT_EQ(InkIn(out, cv::Rect(90, 70, 75, 40)), InkIn(page, cv::Rect(90, 70, 75, 40)));
  EXPECT_EQ(InkIn(out, cv::Rect(815, 70, 140, 40)), InkIn(page, cv::Rect(815, 70, 140, 40)));
  EXPECT_EQ(InkIn(out, cv::Rect(90, 190, 360, 40)), InkIn(page, cv::Rect(90, 190, 360, 40)));
  // Specks at random places are no leader either.
  cv::Mat specks(900, 900, CV_8UC1, cv::Scalar(235));
  cv::RNG rng(7);
  for (int k = 0; k < 600; ++k) {
    cv::circle(specks, {rng.uniform(0, 900), rng.uniform(0, 900)}, 1, cv::Scalar(30), cv::FILLED);
  }
  EXPECT_EQ(cv::countNonZero(WithoutDotLeaders(specks) != specks), 0);
  EXPECT_TRUE(WithoutDotLeaders(cv::Mat()).empty());
}

// `number` drawn one character a box from x = 600 (boxes 36 x 46 at y = 100, 40 apart), as
// a form prints a number.
void DrawOneCharacterABox(cv::Mat& page, const std::string& number) {
  for (size_t i = 0; i < number.size(); ++i) {
    const int x = 600 + static_cast<int>(i) * 40;
    cv::rectangle(page, cv::Rect(x, 100, 36, 46), cv::Scalar(110), 1);
    cv::putText(page, number.substr(i, 1), {x + 8, 135}, cv::FONT_HERSHEY_SIMPLEX, 1.0,
                cv::Scalar(20), 2);
  }
}

TEST(RuleLinesTest, CharacterBoxesGoTheirCharactersStay) {
  cv::Mat page(600, 1200, CV_8UC1, cv::Scalar(240));
  // "4730101K" one character a box, as a form prints a number.
  const std::string number = "4730101K";
  DrawOneCharacterABox(page, number);
  // Words whose round letters stand in a row, and three lone boxes (checkboxes): they stay.
  cv::putText(page, "OODDOO 0000", {100, 300}, cv::FONT_HERSHEY_SIMPLEX, 1.4, cv::Scalar(20), 2);
  for (int i = 0; i < 3; ++i) {
    cv::rectangle(page, cv::Rect(100 + i * 40, 400, 30, 30), cv::Scalar(60), 2);
  }
  const cv::Mat out = WithoutCharacterBoxes(page);
  ASSERT_EQ(out.size(), page.size());
  for (size_t i = 0; i < number.size(); ++i) {
    const int x = 600 + static_cast<int>(i) * 40;
    EXPECT_GT(out.at<uchar>(100, x + 18), 200) << "top of box " << i;
    EXPECT_GT(out.at<uchar>(120, x), 200) << "left of box " << i;
    EXPECT_EQ(InkIn(out, cv::Rect(x + 5, 106, 26, 34)), InkIn(page, cv::Rect(x + 5, 106, 26, 34)))
        << "character " << i;
  }
  EXPECT_EQ(InkIn(out, cv::Rect(90, 250, 500, 70)), InkIn(page, cv::Rect(90, 250, 500, 70)));
  EXPECT_EQ(InkIn(out, cv::Rect(90, 390, 200, 50)), InkIn(page, cv::Rect(90, 390, 200, 50)));
  EXPECT_TRUE(WithoutCharacterBoxes(cv::Mat()).empty());
}

// One labelling of the ink serves both stages: the same page as the two passes give.
TEST(RuleLinesTest, LeadersAndBoxesGoInOnePassAsInTwo) {
  cv::Mat page(600, 1200, CV_8UC1, cv::Scalar(238));
  cv::putText(page, "Licence", {60, 135}, cv::FONT_HERSHEY_SIMPLEX, 0.9, cv::Scalar(20), 2);
  for (int x = 200; x < 560; x += 9) cv::circle(page, {x, 132}, 1, cv::Scalar(30), cv::FILLED);
  const std::string number = "4730101K";
  DrawOneCharacterABox(page, number);
  cv::putText(page, "Nom", {60, 300}, cv::FONT_HERSHEY_SIMPLEX, 0.9, cv::Scalar(20), 2);
  for (int x = 150; x < 700; x += 9) cv::circle(page, {x, 297}, 1, cv::Scalar(30), cv::FILLED);
  const cv::Mat one = WithoutDotLeadersOrCharacterBoxes(page);
  const cv::Mat two = WithoutCharacterBoxes(WithoutDotLeaders(page));
  ASSERT_EQ(one.size(), page.size());
  EXPECT_GT(cv::countNonZero(one != page), 0);
  EXPECT_EQ(InkIn(one, cv::Rect(195, 125, 370, 14)), 0);
  EXPECT_EQ(cv::countNonZero(one != two), 0);
  EXPECT_TRUE(WithoutDotLeadersOrCharacterBoxes(cv::Mat()).empty());
}

// Names and birth date alike, the licence number read with a digit more and less surely:
// the same holder, and of each field the two read otherwise the surer reading is kept.
TEST(AgreeingReadingsTest, TheSurerReadingOfAFieldReadOtherwiseIsKept) {
  auto field = [](const char* value, double confidence) {
    return Field{value, confidence, FieldSource::kVisual};
  };
  const Fields upright{{FieldName::kSurname, field("LEFÈVRE", 0.73)},
                       {FieldName::kGivenNames, field("Hugo", 0.73)},
                       {FieldName::kBirthDate, field("26/01/1960", 0.96)},
                       {FieldName::kLicenceNumber, field("1779333 R", 0.87)},
                       {FieldName::kClubNumber, field("35093204", 0.96)},
                       {FieldName::kSeason, field("2026", 0.96)}};
  Fields whole_photo{{FieldName::kSurname, field("LEFÈVRE", 0.75)},
                     {FieldName::kGivenNames, field("Hugo", 0.75)},
                     {FieldName::kBirthDate, field("26/01/1960", 0.97)},
                     {FieldName::kLicenceNumber, field("17793833 R", 0.61)},
                     {FieldName::kClubNumber, field("85093204", 0.76)},
                     {FieldName::kRanking, field("15/4", 0.96)}};
  FillFromAnAgreeingReading(whole_photo, upright);
  EXPECT_EQ(whole_photo[FieldName::kLicenceNumber].value, "1779333 R");
  EXPECT_EQ(whole_photo[FieldName::kClubNumber].value, "35093204");
  EXPECT_EQ(whole_photo[FieldName::kSeason].value, "2026");
  EXPECT_EQ(whole_photo[FieldName::kRanking].value, "15/4");
  // Hardly surer: the kept reading's value stays.
  Fields close{{FieldName::kSurname, field("LEFÈVRE", 0.75)},
               {FieldName::kGivenNames, field("Hugo", 0.75)},
               {FieldName::kClubNumber, field("85093204", 0.9)}};
  FillFromAnAgreeingReading(close, upright);
  EXPECT_EQ(close[FieldName::kClubNumber].value, "85093204");
  EXPECT_EQ(close[FieldName::kSeason].value, "2026");
  // Two alike and one read otherwise: another holder, nothing taken.
  Fields another{{FieldName::kSurname, field("LEFÈVRE", 0.75)},
                 {FieldName::kGivenNames, field("Hugo", 0.75)},
                 {FieldName::kBirthDate, field("26/01/1961", 0.5)}};
  FillFromAnAgreeingReading(another, upright);
  EXPECT_EQ(another[FieldName::kBirthDate].value, "26/01/1961");
  EXPECT_FALSE(another.count(FieldName::kSeason));
}

TEST(AgreeingReadingsTest, AReadingOfTheSameHolderFillsTheGaps) {
  auto field = [](const char* value) { return Field{value, 0.9, FieldSource::kVisual}; };
  const Fields whole_page{{FieldName::kSurname, field("HÉBERT")},
                          {FieldName::kGivenNames, field("Antoine Sébastien")},
                          {FieldName::kLicenceNumber, field("2651797 A")},
                          {FieldName::kClubName, field("US Orléans Tennis")}};
  const Fields card{{FieldName::kSurname, field("HÉBERT")},
                    {FieldName::kLicenceNumber, field("2651797 A")},
                    {FieldName::kClubName, field("US Orleans Tennis")},
                    {FieldName::kSeason, field("2023")}};
  Fields kept = whole_page;
  FillFromAnAgreeingReading(kept, card);
  EXPECT_EQ(kept.size(), 5u);
  EXPECT_EQ(kept[FieldName::kSeason].value, "2023");
  EXPECT_EQ(kept[FieldName::kClubName].value, "US Orléans Tennis");  // the kept one's
  // One name alike only, or a name read otherwise: nothing taken.
  Fields one = whole_page;
  FillFromAnAgreeingReading(
      one, {{FieldName::kSurname, field("HÉBERT")}, {FieldName::kSeason, field("2023")}});
  EXPECT_FALSE(one.count(FieldName::kSeason));
  Fields other = whole_page;
  FillFromAnAgreeingReading(other, {{FieldName::kSurname, field("HÉBERT")},
                                    {FieldName::kLicenceNumber, field("2651797 A")},
                                    {FieldName::kGivenNames, field("Antoine")},
                                    {FieldName::kSeason, field("2023")}});
  EXPECT_FALSE(other.count(FieldName::kSeason));
  // A long name one letter apart is the same name misread: it neither proves nor refutes,
  // and the others agree.
  Fields misread = whole_page;
  FillFromAnAgreeingReading(misread, {{FieldName::kSurname, field("HÉPERT")},
                                      {FieldName::kGivenNames, field("Antoine Sébastien")},
                                      {FieldName::kLicenceNumber, field("2651797 A")},
                                      {FieldName::kSeason, field("2023")}});
  EXPECT_EQ(misread[FieldName::kSeason].value, "2023");
  EXPECT_EQ(misread[FieldName::kSurname].value, "HÉBERT");
  // A short name one letter apart is another name.
  Fields short_name{{FieldName::kSurname, field("RAY")},
                    {FieldName::kGivenNames, field("Léa")},
                    {FieldName::kLicenceNumber, field("2651797 A")}};
  FillFromAnAgreeingReading(short_name, {{FieldName::kSurname, field("ROY")},
                                         {FieldName::kGivenNames, field("Léa")},
                                         {FieldName::kLicenceNumber, field("2651797 A")},
                                         {FieldName::kSeason, field("2023")}});
  EXPECT_FALSE(short_name.count(FieldName::kSeason));
}

TEST(ClassifyTest, MrzDecidesThenWords) {
  mrz::ParseOptions options;
  auto permit = mrz::ParseMrz({"IRFRAX4RTBPFW46<<<<<<<<<<<<<<<", "9007138F3002119MAR<<<<<<<<<<<6",
                               "MARTIN<<MAELYS<GAELLE<MARIE<<<"},
                              options);
  ASSERT_TRUE(permit.ok());
  EXPECT_EQ(Classify(&*permit, "titre de sejour").type, DocumentType::kResidencePermit);
  auto card = mrz::ParseMrz({"IDFRAX4RTBPFW46<<<<<<<<<<<<<<<", "9007138F3002119FRA<<<<<<<<<<<6",
                             "MARTIN<<MAELYS<GAELLE<MARIE<<<"},
                            options);
  ASSERT_TRUE(card.ok());
  const Classification back = Classify(&*card, "adresse");
  EXPECT_EQ(back.type, DocumentType::kIdCard);
  EXPECT_EQ(back.side, DocumentSide::kBack);
  EXPECT_EQ(Classify(nullptr, "federation francaise de tennis\nnom: x").type,
            DocumentType::kFftLicence);
  EXPECT_EQ(Classify(nullptr, "republique francaise\npasseport / passport").type,
            DocumentType::kPassport);
  EXPECT_EQ(Classify(nullptr, "bonjour").type, DocumentType::kOther);
  // A card cropped to its table of captions: no title, but an identity document's captions.
  EXPECT_EQ(Classify(nullptr,
                     "nom / surname\nprenoms / given names\nsexe / sex\n"
                     "date de naissance / date of birth\nlieu de naissance")
                .type,
            DocumentType::kIdCard);
  EXPECT_EQ(Classify(nullptr, "nom\nprenom\ndate de naissance").type, DocumentType::kOther);
  // A visa stuck in a passport, its page saying "Passport Number": the MRZ's V says what
  // it is, and a visa is none of the documents the contract names.
  auto visa = mrz::ParseMrz({"V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
                             "L8988901C4XXX4009078F96121096ZE184226B<<<<<<"},
                            options);
  ASSERT_TRUE(visa.ok());
  const Classification visa_page = Classify(&*visa, "visa\npassport number");
  EXPECT_EQ(visa_page.type, DocumentType::kOther);
  EXPECT_EQ(visa_page.issuing_country, "UTO");
}

// Two captions over two columns of values, the second's bracket lost by OCR ("Née) à").
TEST(FieldReaderTest, ACaptionWithOneCharacterLostAtItsEnd) {
  for (std::string caption : {"Née)", "Né(e)"}) {
    const std::vector<OcrLine> lines = {
        RowOfHeight({{"Né(e)", 353}, {"le", 384}, {caption, 673}, {"à", 704}}, 313, 12),
        RowOfHeight({{"12/09/1952", 355}, {"BOULOGNE-BILLANCOURT", 674}}, 333, 25),
    };
    Fields f = ReadLabelledFields(lines, 1200);
    EXPECT_EQ(f[FieldName::kBirthDate].value, "12/09/1952") << caption;
    EXPECT_EQ(f[FieldName::kBirthPlace].value, "BOULOGNE-BILLANCOURT") << caption;
  }
}

// An app's one row for the holder, both names after "Nom"; a club's number in brackets
// after its name; a season without its label, or after "Saison en cours".
TEST(FieldReaderTest, BothNamesAfterNomAClubsBracketedNumberAndALoneSeason) {
  const std::vector<OcrLine> lines = {
      RowOfHeight({{"Nom", 60}, {"LE", 600}, {"BRIS", 640}, {"Victor", 700}}, 300, 30),
      RowOfHeight(
          {{"Club", 60}, {"AS", 500}, {"Montferrand", 540}, {"Tennis", 660}, {"(04650337)", 730}},
          360, 30),
  };
  Fields f = ReadLabelledFields(lines, 1080);
  EXPECT_EQ(f[FieldName::kSurname].value, "LE BRIS");
  EXPECT_EQ(f[FieldName::kGivenNames].value, "Victor");
  EXPECT_EQ(f[FieldName::kClubName].value, "AS Montferrand Tennis");
  EXPECT_EQ(f[FieldName::kClubNumber].value, "04650337");

  auto season = [](std::vector<OcrLine> lines) {
    Fields f = ReadLabelledFields(lines, 1080);
    AddUnlabelledLicenceFields(lines, f);
    return f.count(FieldName::kSeason) ? f[FieldName::kSeason].value : std::string("(none)");
  };
  EXPECT_EQ(
      season({RowOfHeight(
          {{"Saison", 60}, {"en", 130}, {"cours", 160}, {"2025", 600}, {"-", 650}, {"2026", 670}},
          300, 30)}),
      "2026");
  EXPECT_EQ(season({RowOfHeight({{"Licence", 60}, {"FFT", 140}}, 100, 30),
                    RowOfHeight({{"2023/2024", 60}}, 150, 20)}),
            "2024");
  // On a pill, whose rounded ends read as brackets, beside the holder's name or alone.
  EXPECT_EQ(
      season({RowOfHeight({{"Manon", 60}, {"LEFÈVRE", 160}, {"(Saison", 600}, {"2026-2027]", 700}},
                          100, 30)}),
      "2027");
  EXPECT_EQ(season({RowOfHeight({{"Licence", 60}, {"FFT", 140}}, 100, 30),
                    RowOfHeight({{"[2023/2024)", 60}}, 150, 20)}),
            "2024");
  // Two pairs of years, or years apart, or one year: no season from them.
  EXPECT_EQ(season({RowOfHeight({{"2023/2024", 60}}, 150, 20),
                    RowOfHeight({{"2024/2025", 60}}, 250, 20)}),
            "(none)");
  EXPECT_EQ(season({RowOfHeight({{"2023/2025", 60}}, 150, 20)}), "(none)");
  EXPECT_EQ(season({RowOfHeight({{"Licencié(e)", 60}, {"depuis", 170}, {"2015", 260}}, 150, 20)}),
            "(none)");
}
// Captions under their values, the bilingual dot read as a colon ("NOM · SURNAME" as
// "NOM: SURNANE"): the other language is the same caption, not a second column that would
// cut "LE BRIS" to "LE".
TEST(FieldReaderTest, ACaptionsOtherLanguageAfterADotReadAsAColon) {
  const std::vector<OcrLine> lines = {
      RowOfHeight({{"LE", 258}, {"BRIS", 293}, {"89NS2V2BA", 633}}, 87, 19),
      RowOfHeight({{"NOM:", 255},
                   {"SURNANE", 290},
                   {"N°", 631},
                   {"DU", 646},
                   {"DOCUMENT", 666},
                   {":", 729},
                   {"DOCUMENT", 738},
                   {"NO", 804}},
                  118, 7),
      RowOfHeight({{"MAËLYS,", 257}, {"ÉLISE", 367}}, 139, 27),
      RowOfHeight({{"PRÉNOMS", 255}, {":", 309}, {"GIVEN", 317}, {"NAMES", 354}}, 177, 7),
      RowOfHeight({{"MARSEILLE", 257}, {"12E", 350}, {"ARRONDISSEMENT", 383}}, 264, 19),
      RowOfHeight({{"LIEU", 255},
                   {"DE", 282},
                   {"NAISSANCE", 300},
                   {":", 363},
                   {"PLACE", 371},
                   {"OF", 408},
                   {"BIRTH", 426}},
                  295, 7),
  };
  Fields f = ReadLabelledFields(lines, 1011, Captions::kUnderValues);
  EXPECT_EQ(f[FieldName::kSurname].value, "LE BRIS");
  EXPECT_EQ(f[FieldName::kGivenNames].value, "MAËLYS, ÉLISE");
  EXPECT_EQ(f[FieldName::kBirthPlace].value, "MARSEILLE 12E ARRONDISSEMENT");
  EXPECT_EQ(f[FieldName::kDocumentNumber].value, "89NS2V2BA");
  // After a colon, a value that is not a caption stays the value.
  EXPECT_EQ(ReadLabelledFields({RowOfHeight({{"Nom", 60}, {":", 100}, {"MOREL", 120}}, 50, 20)},
                               1000)[FieldName::kSurname]
                .value,
            "MOREL");
}

// A bilingual caption whose other language, printed small, is misread beyond one slip:
// still the caption, not the start of the value.
TEST(FieldReaderTest, ABilingualCaptionsMisreadOtherLanguage) {
  EXPECT_EQ(
      OneLineField(FieldName::kBirthPlace, "Lieu de naissance / Place ofbirh ALGER (ALGÉRIE)"),
      "ALGER (ALGÉRIE)");
  EXPECT_EQ(OneLineField(FieldName::kSurname, "Nom / Sumame: N'GUESSAN"), "N'GUESSAN");
  EXPECT_EQ(OneLineField(FieldName::kNationality, "Nationalité / Nationatiy: MAR"), "MAR");
  EXPECT_EQ(OneLineField(FieldName::kExpiryDate, "Valable jusqu'au / Vatid untit: 05 09 2020"),
            "05 09 2020");
  // Only the first word of a longer caption read right.
  EXPECT_EQ(OneLineField(FieldName::kSurname, "Nom defamile ROUSSEAU"), "ROUSSEAU");
  EXPECT_EQ(OneLineField(FieldName::kSurname, "Nom MOREL"), "MOREL");
  // A value after the slash is no caption: "Nom / MOREL" keeps it.
  EXPECT_EQ(OneLineField(FieldName::kSurname, "Nom / MOREL"), "MOREL");
}

// A caption printed small before its value on one line, as Tesseract reads it: the small
// words are a run to read apart, up to the value; a misread word taller than the line is
// no value. Words of one size, or a lone mark, give no run.
TEST(SmallWordRunsTest, CaptionsBeforeAndBetweenValues) {
  OcrLine line;
  line.box = {295, 103, 274, 23};
  line.words = {{"om", {295, 114, 27, 12}, 0.4},
                {"defamite", {330, 91, 63, 46}, 0.3},
                {"CHEVALIER", {406, 103, 163, 23}, 0.9}};
  std::vector<SmallWordRun> runs = SmallWordRuns(line);
  ASSERT_EQ(runs.size(), 1u);
  EXPECT_EQ(runs[0].first, 0u);
  EXPECT_EQ(runs[0].end, 2u);
  EXPECT_LE(runs[0].area.x, 295);
  EXPECT_LT(runs[0].area.br().x, 406);
  EXPECT_LE(runs[0].area.y, 103);
  EXPECT_GE(runs[0].area.br().y, 126);
  EXPECT_GT(runs[0].scale, 2.0);

  line.box = {294, 214, 305, 29};
  line.words = {{"see", {294, 225, 31, 12}, 0.5},
                {"M", {338, 214, 25, 23}, 0.9},
                {"tonte", {395, 226, 64, 11}, 0.4},
                {"Française", {474, 214, 125, 29}, 0.9}};
  // "M" is short of the line's large words (4/5 of the line): read again with the captions.
  runs = SmallWordRuns(line);
  ASSERT_EQ(runs.size(), 1u);
  EXPECT_EQ(runs[0].first, 0u);
  EXPECT_EQ(runs[0].end, 3u);
  EXPECT_LT(runs[0].area.br().x, 474);

  line.box = {100, 100, 400, 30};
  line.words = {{"Nom", {100, 100, 60, 28}, 0.9}, {"MOREL", {200, 102, 120, 26}, 0.9}};
  EXPECT_TRUE(SmallWordRuns(line).empty());
  line.words = {{".", {170, 120, 4, 4}, 0.2}, {"MOREL", {200, 102, 120, 26}, 0.9}};
  EXPECT_TRUE(SmallWordRuns(line).empty());
}

// A nationality is a country's code or the French word for it: under its caption, the code
// beside the sex's value, not the sex; a code split by a space is one code; the sex glued
// on is no nationality.
TEST(FieldReaderTest, ANationalityIsACountrysCodeOrWord) {
  const std::vector<OcrLine> lines = {
      RowOfHeight({{"F", 258}, {"FRA", 344}, {"13.02.2006", 511}, {"04.04.2026", 729}}, 201, 19),
      RowOfHeight({{"SEXE-SEX", 254},
                   {"NATIONALITÉ:", 341},
                   {"NATIONALITY", 421},
                   {"DATE", 508},
                   {"DE", 539},
                   {"NAISSANCE", 557},
                   {":", 618},
                   {"DATE", 629},
                   {"OF", 658},
                   {"BIRTH", 677},
                   {"DATE", 726},
                   {"D'EXPIRATION", 757},
                   {":", 833},
                   {"EXPIRY", 842},
                   {"DATE", 882}},
                  236, 7),
  };
  Fields f = ReadLabelledFields(lines, 1011, Captions::kUnderValues);
  EXPECT_EQ(f[FieldName::kSex].value, "F");
  EXPECT_EQ(f[FieldName::kNationality].value, "FRA");
  EXPECT_EQ(f[FieldName::kBirthDate].value, "13.02.2006");
  EXPECT_EQ(OneLineField(FieldName::kNationality, "Nationalité : T UN"), "TUN");
  EXPECT_EQ(OneLineField(FieldName::kNationality, "Nationalité : Française"), "Française");
  EXPECT_EQ(OneLineField(FieldName::kNationality, "Nationalité : M FRA"), "(none)");
  EXPECT_EQ(OneLineField(FieldName::kNationality, "Nationalité : LieufPiace"), "(none)");
}

// "N° du club" is the club number's caption, as printed, not the club name's "Nom du club"
// with a letter lost.
TEST(FieldReaderTest, ACaptionAsPrintedBeforeOneReadWithASlip) {
  EXPECT_EQ(OneLineField(FieldName::kClubNumber, "N° du club 56155134"), "56155134");
  EXPECT_EQ(OneLineField(FieldName::kClubName, "Nom du club Tennis Club Aix"), "Tennis Club Aix");
  EXPECT_EQ(OneLineField(FieldName::kClubName, "Nom du clb Tennis Club Aix"), "Tennis Club Aix");
}

// An app's bottom bar: an icon read as "à" over "Accueil" is no birth place of a licence.
TEST(FieldReaderTest, ALicenceKeepsOnlyTheFieldsALicencePrints) {
  Fields f = {{FieldName::kBirthPlace, Field{"Accueil", 0.9, FieldSource::kVisual}},
              {FieldName::kSurname, Field{"MOREL", 0.9, FieldSource::kVisual}},
              {FieldName::kDocumentNumber, Field{"X4RTBPFW4", 0.9, FieldSource::kVisual}},
              {FieldName::kLicenceNumber, Field{"1234567 A", 0.9, FieldSource::kVisual}}};
  KeepLicenceFields(f);
  EXPECT_EQ(f.size(), 2u);
  EXPECT_TRUE(f.count(FieldName::kSurname));
  EXPECT_TRUE(f.count(FieldName::kLicenceNumber));
}

// Small captions Tesseract merged into the line of values under them: two bands of ink
// rows, the upper the smaller, in a line taller than the page's usual one.
TEST(SmallWordRunsTest, ACaptionBandMergedOverItsValues) {
  cv::Mat gray(120, 300, CV_8UC1, cv::Scalar(255));
  gray(cv::Rect(20, 30, 200, 7)).setTo(0);   // the captions
  gray(cv::Rect(20, 42, 150, 26)).setTo(0);  // the values
  OcrLine line;
  line.box = cv::Rect(18, 29, 210, 41);
  const auto bands = CaptionBandOver(gray, line, 26);
  ASSERT_TRUE(bands.has_value());
  EXPECT_LE(bands->first.y, 30);
  EXPECT_GE(bands->first.br().y, 37);
  EXPECT_LE(bands->first.br().y, 42);
  EXPECT_LE(bands->second.y, 42);
  EXPECT_GE(bands->second.br().y, 68);
  // A line of the usual height, or one band, or two of one size: nothing to split.
  EXPECT_FALSE(CaptionBandOver(gray, line, 40).has_value());
  cv::Mat one(120, 300, CV_8UC1, cv::Scalar(255));
  one(cv::Rect(20, 30, 200, 38)).setTo(0);
  EXPECT_FALSE(CaptionBandOver(one, line, 26).has_value());
  cv::Mat even(120, 300, CV_8UC1, cv::Scalar(255));
  even(cv::Rect(20, 30, 200, 16)).setTo(0);
  even(cv::Rect(20, 50, 200, 16)).setTo(0);
  EXPECT_FALSE(CaptionBandOver(even, line, 26).has_value());
  // Accents over capitals, a row too thin for a caption, touching them or not.
  cv::Mat accents(120, 300, CV_8UC1, cv::Scalar(255));
  accents(cv::Rect(20, 36, 150, 5)).setTo(0);
  accents(cv::Rect(20, 42, 150, 26)).setTo(0);
  EXPECT_FALSE(CaptionBandOver(accents, line, 26).has_value());
  // Captions whose feet touch the values' tops: one band, parted at its faintest row.
  cv::Mat touching(120, 300, CV_8UC1, cv::Scalar(255));
  touching(cv::Rect(20, 30, 200, 9)).setTo(0);
  touching(cv::Rect(60, 39, 2, 3)).setTo(0);  // a stroke joining them
  touching(cv::Rect(20, 42, 150, 26)).setTo(0);
  ASSERT_TRUE(CaptionBandOver(touching, line, 26).has_value());
}

// An address of three lines: a complement or a lieu-dit, the street, the postcode and town.
// It runs on to the line that holds its postcode, and not past a caption.
TEST(FieldReaderTest, AnAddressRunsOnDownToItsPostcodeLine) {
  const std::vector<OcrLine> lines = {
      {"ADRESSE / ADDRESS", {40, 100, 300, 20}, 0.9},
      {"APPARTEMENT 12", {40, 130, 260, 30}, 0.9},
      {"59 TER RUE VICTOR HUGO", {40, 170, 400, 30}, 0.9},
      {"22440 DIJON CEDEX 09", {40, 210, 300, 30}, 0.9},
      {"Date de délivrance / Date of issue", {40, 270, 500, 20}, 0.9},
      {"16 11 2018", {40, 300, 200, 30}, 0.9},
  };
  Fields f = ReadLabelledFields(lines, 700);
  EXPECT_EQ(f[FieldName::kAddress].value,
            "APPARTEMENT 12 59 TER RUE VICTOR HUGO 22440 DIJON CEDEX 09");
  EXPECT_EQ(f[FieldName::kIssueDate].value, "16 11 2018");
  // No postcode within reach: the lines under are not the address's.
  const std::vector<OcrLine> cut = {
      {"Adresse", {40, 100, 150, 20}, 0.9},
      {"APPARTEMENT 12", {40, 130, 260, 30}, 0.9},
      {"Taille 1,74 m", {40, 170, 260, 30}, 0.9},
  };
  EXPECT_EQ(ReadLabelledFields(cut, 700)[FieldName::kAddress].value, "APPARTEMENT 12");
}

// Words between the caption's key and its colon ("Classement actuel :", "Classement au
// 01/10/2025 :"): the value of a field of strict form follows the colon.
TEST(FieldReaderTest, ACaptionsOwnWordsBeforeItsColon) {
  EXPECT_EQ(OneLineField(FieldName::kRanking, "Classement actuel : 15/4"), "15/4");
  EXPECT_EQ(OneLineField(FieldName::kRanking, "Classement au 01/10/2025 : -2/6"), "-2/6");
  EXPECT_EQ(OneLineField(FieldName::kRanking, "Classement actuel : bientôt"), "(none)");
}

// A letter's sentences: the club and its number in brackets, the season after "saison
// sportive", a licence's letter wrapped to the next line; a category naming the sex.
TEST(FieldReaderTest, ALettersClubSeasonAndWrappedLicenceLetter) {
  const std::vector<OcrLine> lines = {
      {"CHEVALIER, né le 9 décembre 1999, est titulaire de la licence n° 5050172",
       {10, 10, 900, 20},
       0.9},
      {"U pour la saison sportive 2026-2027.", {10, 40, 500, 20}, 0.9},
      {"Il est licencié au club US Orléans Tennis (club n° 44748449).", {10, 80, 800, 20}, 0.9},
  };
  Fields f;
  f[FieldName::kLicenceNumber] = Field{"5050172", 0.9, FieldSource::kVisual};
  AddFromTheSentence(lines, f);
  EXPECT_EQ(f[FieldName::kLicenceNumber].value, "5050172 U");
  EXPECT_EQ(f[FieldName::kSeason].value, "2027");
  EXPECT_EQ(f[FieldName::kClubName].value, "US Orléans Tennis");
  EXPECT_EQ(f[FieldName::kClubNumber].value, "44748449");

  Fields dames;
  AddLoneSexWord({{"Catégorie  Dames", {10, 10, 300, 20}, 0.9}}, dames);
  EXPECT_EQ(dames[FieldName::kSex].value, "F");
  Fields messieurs;
  AddLoneSexWord({{"Messieurs : Senior +45", {10, 10, 300, 20}, 0.9}}, messieurs);
  EXPECT_EQ(messieurs[FieldName::kSex].value, "M");
  Fields sentence;
  AddLoneSexWord({{"Tournoi open des dames et des messieurs de Pau", {10, 10, 600, 20}, 0.9}},
                 sentence);
  EXPECT_FALSE(sentence.count(FieldName::kSex));
}

// An app's header: the avatar's initials (one letter misread) before the name in mixed
// case, given names first; the surname in capitals. Two capitalised words alone are no name.
TEST(FieldReaderTest, AMixedCaseNameBesideItsAvatarsInitials) {
  Fields f;
  AddNameHeading({{"HD Hugo Lefèvre", {45, 70, 298, 35}, 0.9}}, f);
  EXPECT_EQ(f[FieldName::kGivenNames].value, "Hugo");
  EXPECT_EQ(f[FieldName::kSurname].value, "LEFÈVRE");
  Fields three;
  AddNameHeading({{"RB Rémi Sébastien Boyer", {45, 70, 398, 35}, 0.9}}, three);
  EXPECT_EQ(three[FieldName::kGivenNames].value, "Rémi Sébastien");
  EXPECT_EQ(three[FieldName::kSurname].value, "BOYER");
  // The disc's edge read as a bracket, its letters in lower case: both must be initials.
  Fields bracket;
  AddNameHeading({{"MP) Maëlys Perrin", {45, 70, 298, 35}, 0.9}}, bracket);
  EXPECT_EQ(bracket[FieldName::kGivenNames].value, "Maëlys");
  EXPECT_EQ(bracket[FieldName::kSurname].value, "PERRIN");
  // Or as an accented letter (the French model's lone "à"), both letters initials.
  Fields accented;
  AddNameHeading({{"JNà Juliette N'Guessan", {44, 71, 384, 34}, 0.9}}, accented);
  EXPECT_EQ(accented[FieldName::kGivenNames].value, "Juliette");
  EXPECT_EQ(accented[FieldName::kSurname].value, "N'GUESSAN");
  Fields not_initials;
  AddNameHeading({{"Noé Dupont Martin", {44, 71, 384, 34}, 0.9}}, not_initials);
  EXPECT_TRUE(not_initials.empty());
  Fields lower;
  AddNameHeading({{"sp Sébastien Perrin", {45, 70, 298, 35}, 0.9}}, lower);
  EXPECT_EQ(lower[FieldName::kGivenNames].value, "Sébastien");
  EXPECT_EQ(lower[FieldName::kSurname].value, "PERRIN");
  Fields slip;
  AddNameHeading({{"sx Sébastien Perrin", {45, 70, 298, 35}, 0.9}}, slip);
  EXPECT_TRUE(slip.empty());
  // The first initial read as its look-alike ("JA" for "IA"), the second right: the name.
  Fields look_alike;
  AddNameHeading({{"JA Inès Arnaud", {61, 89, 300, 44}, 0.9}}, look_alike);
  EXPECT_EQ(look_alike[FieldName::kGivenNames].value, "Inès");
  EXPECT_EQ(look_alike[FieldName::kSurname].value, "ARNAUD");
  // Both slipped: no name.
  Fields both;
  AddNameHeading({{"JB Inès Arnaud", {61, 89, 300, 44}, 0.9}}, both);
  EXPECT_FALSE(both.count(FieldName::kSurname) && both[FieldName::kSurname].value == "ARNAUD");
  Fields none;
  AddNameHeading({{"Licence Valide", {45, 70, 298, 35}, 0.9}}, none);
  EXPECT_TRUE(none.empty());
}

// A part of a document (its photo, a frame) lies within the document an MRZ implies; the
// other side of a card beside it on a sheet, or another document, does not.
TEST(DocumentFinderTest, APartOfADocumentLiesWithinIt) {
  auto quad = [](float x, float y, float w, float h) {
    return std::vector<cv::Point2f>{{x, y}, {x + w, y}, {x + w, y + h}, {x, y + h}};
  };
  const auto document = quad(100, 100, 1000, 700);
  EXPECT_TRUE(LiesWithin(quad(150, 200, 300, 400), document));  // its photo
  EXPECT_TRUE(LiesWithin(document, document));
  EXPECT_TRUE(LiesWithin(quad(50, 100, 400, 400), document));     // 7/8 inside
  EXPECT_FALSE(LiesWithin(quad(100, 650, 1000, 700), document));  // the other side, under it
  EXPECT_FALSE(LiesWithin(quad(1200, 100, 500, 300), document));  // elsewhere
  EXPECT_FALSE(LiesWithin({}, document));
  // A page around the document holds it; it does not lie within the document.
  EXPECT_FALSE(LiesWithin(quad(0, 0, 1300, 1000), document));
}

// A page photographed askew on a striped wooden table: the box through the stripes around
// it has gradients all along its sides, but none across its top and bottom; the page's own
// sides step across. The page is the outline.
TEST(DocumentFinderTest, APageOnAStripedTable) {
  cv::Mat photo(1600, 1200, CV_8UC3);
  for (int x = 0; x < photo.cols; ++x) {
    const cv::Scalar wood = (x / 14) % 2 ? cv::Scalar(40, 70, 120) : cv::Scalar(70, 110, 170);
    cv::line(photo, {x, 0}, {x, photo.rows - 1}, wood);
  }
  const std::vector<cv::Point> page = {{176, 135}, {1013, 257}, {1027, 1470}, {70, 1487}};
  cv::fillConvexPoly(photo, page, cv::Scalar(245, 245, 245), cv::LINE_AA);
  for (int row = 0; row < 20; ++row) {
    cv::putText(photo, "Numero de licence      1476377 Z", {220, 330 + 55 * row},
                cv::FONT_HERSHEY_SIMPLEX, 0.9, cv::Scalar(40, 40, 40), 2);
  }
  const auto outline = FindOutline(photo);
  ASSERT_TRUE(outline.has_value());
  for (size_t k = 0; k < 4; ++k) {
    EXPECT_LT(cv::norm((*outline)[k] - cv::Point2f(page[k])), 20.0) << "corner " << k;
  }
}

// A panel of a rendered screen is a small part of a flat image; a card photographed on a
// grainy table, or an outline that fills most of the image, is not.
TEST(DocumentFinderTest, ASmallPartOfAFlatImage) {
  auto quad = [](float x, float y, float w, float h) {
    return std::vector<cv::Point2f>{{x, y}, {x + w, y}, {x + w, y + h}, {x, y + h}};
  };
  cv::Mat screen(1200, 600, CV_8UC3, cv::Scalar(20, 20, 20));
  cv::rectangle(screen, cv::Rect(30, 500, 540, 400), cv::Scalar(40, 40, 40), cv::FILLED);
  cv::putText(screen, "Ma licence", {40, 100}, cv::FONT_HERSHEY_SIMPLEX, 1.5,
              cv::Scalar(230, 230, 230), 2);
  const auto panel = quad(30, 500, 540, 400);
  EXPECT_TRUE(IsASmallPartOfAFlatImage(screen, panel));
  EXPECT_FALSE(IsASmallPartOfAFlatImage(screen, quad(10, 10, 580, 1100)));  // most of it
  cv::Mat photo = screen.clone();
  cv::Mat grain(photo.size(), CV_8UC3);
  cv::randu(grain, cv::Scalar::all(0), cv::Scalar::all(12));
  photo += grain;
  EXPECT_FALSE(IsASmallPartOfAFlatImage(photo, panel));
  EXPECT_FALSE(IsASmallPartOfAFlatImage(cv::Mat(), panel));
  EXPECT_FALSE(IsASmallPartOfAFlatImage(screen, {}));
  // The whole image: a screen is flat, a photo is not.
  cv::Mat screen_gray, photo_gray;
  cv::cvtColor(screen, screen_gray, cv::COLOR_BGR2GRAY);
  cv::cvtColor(photo, photo_gray, cv::COLOR_BGR2GRAY);
  EXPECT_TRUE(IsAFlatImage(screen_gray));
  EXPECT_FALSE(IsAFlatImage(photo_gray));
  EXPECT_FALSE(IsAFlatImage(cv::Mat()));
}

// An app's season in a thin outlined pill: the pill's outline goes, the figures stay; a
// ring with no letters inside, and a letter's own round stroke, stay.
TEST(RuleLinesTest, WithoutFramesAroundWords) {
  cv::Mat screen(400, 700, CV_8UC1, cv::Scalar(250));
  cv::rectangle(screen, cv::Rect(480, 40, 150, 56), cv::Scalar(90), 3, cv::LINE_AA);
  cv::putText(screen, "2024", {505, 82}, cv::FONT_HERSHEY_SIMPLEX, 1.1, cv::Scalar(40), 2,
              cv::LINE_AA);
  cv::circle(screen, {100, 300}, 40, cv::Scalar(90), 3, cv::LINE_AA);  // empty
  cv::putText(screen, "O", {300, 320}, cv::FONT_HERSHEY_SIMPLEX, 2.0, cv::Scalar(40), 3);
  const cv::Mat out = WithoutFramesAroundWords(screen);
  ASSERT_EQ(out.size(), screen.size());
  EXPECT_EQ(cv::countNonZero(out(cv::Rect(478, 38, 154, 6)) < 200), 0);     // the pill's top
  EXPECT_GT(cv::countNonZero(out(cv::Rect(500, 55, 120, 30)) < 128), 100);  // its figures
  EXPECT_GT(cv::countNonZero(out(cv::Rect(55, 255, 90, 90)) < 128), 100);   // the ring
  EXPECT_GT(cv::countNonZero(out(cv::Rect(290, 260, 80, 70)) < 128), 100);  // the letter
}

// A photocopy of both sides of a card: the other side is an outline as large as the
// document's and apart from it; a part of the document (its photo) or a page around it is not.
TEST(DocumentFinderTest, TheOtherSideOfACardOnTheSamePage) {
  auto quad = [](float x, float y, float w, float h) {
    return std::vector<cv::Point2f>{{x, y}, {x + w, y}, {x + w, y + h}, {x, y + h}};
  };
  const auto front = quad(50, 50, 1000, 630);
  const auto back = quad(50, 760, 1010, 640);
  const auto photo = quad(80, 120, 260, 330);
  const auto page = quad(10, 10, 1100, 1420);
  const auto overlapping = quad(300, 300, 1000, 630);
  EXPECT_EQ(OtherSideOutline({front, photo, page, back}, front), back);
  EXPECT_FALSE(OtherSideOutline({front, photo, page, overlapping}, front).has_value());
  EXPECT_FALSE(OtherSideOutline({}, front).has_value());
  // In a photo, the sheet around the card: the place under the card lies on it, the place
  // above does not; a card alone on a table has no sheet around it.
  const auto card = quad(100, 100, 500, 315);
  const auto sheet = quad(80, 80, 540, 760);
  const std::vector<std::vector<cv::Point2f>> beside = SidesBesideOnItsSheet({sheet}, card);
  ASSERT_EQ(beside.size(), 1u);
  EXPECT_EQ(beside[0], quad(100, 415, 500, 315));
  EXPECT_TRUE(SidesBesideOnItsSheet({card}, card).empty());
}

// A bilingual caption set on two small lines left of its value, read by Tesseract as one
// tall word of noise: its two lines are found apart; a value on one line is not.
TEST(SmallWordRunsTest, ACaptionStackedOnTwoLinesBeforeItsValue) {
  cv::Mat page(200, 700, CV_8UC1, cv::Scalar(255));
  cv::putText(page, "Nom", {20, 82}, cv::FONT_HERSHEY_SIMPLEX, 0.5, cv::Scalar(0), 1);
  cv::putText(page, "Surname", {20, 104}, cv::FONT_HERSHEY_SIMPLEX, 0.5, cv::Scalar(0), 1);
  cv::putText(page, "BOYER", {200, 104}, cv::FONT_HERSHEY_SIMPLEX, 1.3, cv::Scalar(0), 3);
  OcrLine line;
  line.words = {OcrWord{"Le", {18, 68, 90, 40}, 0.2}, OcrWord{"BOYER", {198, 74, 125, 32}, 0.95}};
  line.text = "Le BOYER";
  line.box = cv::Rect(18, 68, 305, 40);
  line.confidence = 0.5;
  const std::vector<StackedCaption> captions = StackedCaptions(page, line);
  ASSERT_EQ(captions.size(), 1u);
  EXPECT_EQ(captions[0].first, 0u);
  EXPECT_EQ(captions[0].end, 1u);
  EXPECT_LT(captions[0].upper.br().y, captions[0].lower.y + 2);
  EXPECT_LE(captions[0].upper.br().x, 198);
  // The value alone on its line: one band, nothing to part.
  OcrLine value;
  value.words = {OcrWord{"B0YER", {198, 74, 125, 32}, 0.5}, OcrWord{"FRA", {400, 74, 60, 32}, 0.9}};
  value.text = "B0YER FRA";
  value.box = cv::Rect(198, 74, 262, 32);
  EXPECT_TRUE(StackedCaptions(page, value).empty());
  // A colon read unsurely between its caption and value: two dots, no caption.
  cv::Mat colon_page(120, 500, CV_8UC1, cv::Scalar(255));
  cv::putText(colon_page, "Saison", {20, 60}, cv::FONT_HERSHEY_SIMPLEX, 0.8, cv::Scalar(0), 2);
  cv::putText(colon_page, ":", {130, 60}, cv::FONT_HERSHEY_SIMPLEX, 0.8, cv::Scalar(0), 2);
  cv::putText(colon_page, "2026", {160, 60}, cv::FONT_HERSHEY_SIMPLEX, 0.8, cv::Scalar(0), 2);
  OcrLine colon;
  colon.words = {OcrWord{"Saison", {20, 42, 95, 20}, 0.95}, OcrWord{"Li", {130, 45, 8, 16}, 0.3},
                 OcrWord{"2026", {160, 42, 65, 20}, 0.95}};
  colon.text = "Saison Li 2026";
  colon.box = cv::Rect(20, 42, 205, 20);
  EXPECT_TRUE(StackedCaptions(colon_page, colon).empty());
}

// An app's header without initials: the name in mixed case right over the club's name,
// given names first, a particle kept with the surname; a title over the club is no name.
TEST(FieldReaderTest, AMixedCaseNameOverTheClubsName) {
  const std::vector<OcrLine> lines = {
      {"Sarah Nathalie Le Bris", {123, 69, 284, 30}, 0.96},
      {"Tennis Club de Vannes", {122, 105, 214, 14}, 0.96},
  };
  Fields f;
  f[FieldName::kClubName] = Field{"Tennis Club de Vannes", 0.96, FieldSource::kVisual};
  AddNameHeading(lines, f);
  EXPECT_EQ(f[FieldName::kGivenNames].value, "Sarah Nathalie");
  EXPECT_EQ(f[FieldName::kSurname].value, "LE BRIS");

  Fields title;
  title[FieldName::kClubName] = Field{"Tennis Club de Vannes", 0.96, FieldSource::kVisual};
  AddNameHeading({{"Ma licence", {123, 69, 284, 30}, 0.96}, lines[1]}, title);
  EXPECT_FALSE(title.count(FieldName::kSurname));
  // Without the club, its given names part it (NameByItsGivenNames); a line of no listed
  // given name stays no name.
  Fields no_club;
  AddNameHeading(lines, no_club);
  EXPECT_EQ(no_club[FieldName::kGivenNames].value, "Sarah Nathalie");
  EXPECT_EQ(no_club[FieldName::kSurname].value, "LE BRIS");
  Fields no_name;
  AddNameHeading({{"Licence Valide", {123, 69, 284, 30}, 0.96}, lines[1]}, no_name);
  EXPECT_FALSE(no_name.count(FieldName::kSurname));
}

// A ranking in large type whose leading 1 was read as a bracket or a bar, caption under it
// (orchard's card): the 1 restored when that makes a ranking, never otherwise.
TEST(FieldReaderTest, ARankingsLeadingOneReadAsABarIsRestored) {
  // Captions under their values; the ranking's value as `text`.
  auto card_with_ranking = [](const std::string& text) {
    const std::vector<OcrLine> lines = {
        {"HOARAU", {100, 160, 230, 40}, 0.9},     {"Nom", {100, 208, 50, 16}, 0.9},
        {"16/05/1982", {100, 250, 230, 40}, 0.9}, {"Date de naissance", {100, 292, 200, 16}, 0.9},
        {text, {100, 330, 120, 50}, 0.9},         {"Classement", {100, 392, 110, 16}, 0.9}};
    return ReadLabelledFields(lines, 1000, Captions::kUnderValues);
  };
  for (const auto& [text, want] : std::vector<std::pair<std::string, std::string>>{
           {"15/2", "15/2"}, {"] 5 /2", "15/2"}, {"]5", "15"}, {"[5/4", "15/4"}}) {
    Fields f = card_with_ranking(text);
    EXPECT_EQ(f[FieldName::kRanking].value, want) << text;
  }
  for (const std::string text : {"] 5/7", "[ 3/5", "] 45"}) {
    Fields f = card_with_ranking(text);
    EXPECT_FALSE(f.count(FieldName::kRanking)) << text << " read " << f[FieldName::kRanking].value;
  }
}

// A caption, one line above its value (a passport's or card's zone).
std::string StackedField(FieldName name, const std::string& caption, const std::string& value) {
  const int caption_width = 8 * static_cast<int>(caption.size());
  const int value_width = 13 * static_cast<int>(value.size());
  Fields f = ReadLabelledFields(
      {{caption, {300, 100, caption_width, 15}, 0.9}, {value, {302, 120, value_width, 24}, 0.9}},
      1000);
  return f.count(name) ? f[name].value : std::string("(none)");
}

// Passports and permits number their zones after ICAO ("1. Nom", "4a. Date de délivrance",
// "Nom (1)"): the number is no value and hides no caption.
TEST(FieldReaderTest, NumberedCaptions) {
  EXPECT_EQ(StackedField(FieldName::kSurname, "1. NOM / SURNAME", "MARTIN"), "MARTIN");
  EXPECT_EQ(StackedField(FieldName::kSurname, "(1) Nom / Surname", "MARTIN"), "MARTIN");
  EXPECT_EQ(StackedField(FieldName::kSurname, "Nom / Surname (1)", "MARTIN"), "MARTIN");
  EXPECT_EQ(StackedField(FieldName::kGivenNames, "2. Prénoms / Given names", "Jean Pierre"),
            "Jean Pierre");
  EXPECT_EQ(StackedField(FieldName::kIssueDate, "4a. Date de délivrance", "01.02.2020"),
            "01.02.2020");
  Fields f =
      ReadLabelledFields({Row(100, {{"1.", 40}, {"Nom", 70}, {":", 110}, {"MARTIN", 130}})}, 1000);
  EXPECT_EQ(f[FieldName::kSurname].value, "MARTIN");
  // A number is a caption's only before it: "12 RUE" is an address, "75 Nom" no caption.
  EXPECT_EQ(StackedField(FieldName::kSurname, "123. Nom", "MARTIN"), "(none)");
  // The number glued to the caption's first word, or read as "L'".
  EXPECT_EQ(StackedField(FieldName::kAddress, "L'Adresse du titulaire / Holder's address",
                         "12 RUE DES LILAS 75001 PARIS"),
            "12 RUE DES LILAS 75001 PARIS");
  EXPECT_EQ(StackedField(FieldName::kSurname, "1.Nom", "MARTIN"), "MARTIN");
  // The first language misread: the other one after the '/' still heads the column.
  EXPECT_EQ(StackedField(FieldName::kSurname, "L'sumame / Nom", "COLIN"), "COLIN");
  EXPECT_EQ(StackedField(FieldName::kSurname, "Les quatre mots lus / Nom", "COLIN"), "(none)");
}

// "Date et lieu de naissance" over "13.07.1990 PARIS": one caption, two fields, in either
// order; a value that holds no date gives neither.
TEST(FieldReaderTest, OneCaptionForTheBirthDateAndPlace) {
  const std::string caption = "Date et lieu de naissance / Date and place of birth";
  EXPECT_EQ(StackedField(FieldName::kBirthDate, caption, "13.07.1990 PARIS"), "13.07.1990");
  EXPECT_EQ(StackedField(FieldName::kBirthPlace, caption, "13.07.1990 PARIS"), "PARIS");
  EXPECT_EQ(StackedField(FieldName::kBirthPlace, caption, "13 07 1990 à SAINT-ÉTIENNE"),
            "SAINT-ÉTIENNE");
  EXPECT_EQ(
      StackedField(FieldName::kBirthDate, "Lieu et date de naissance", "PARIS, le 13.07.1990"),
      "13.07.1990");
  EXPECT_EQ(
      StackedField(FieldName::kBirthPlace, "Lieu et date de naissance", "PARIS, le 13.07.1990"),
      "PARIS");
  EXPECT_EQ(StackedField(FieldName::kBirthPlace, caption, "13 JUIL/JUL 1990 LYON 3E"), "LYON 3E");
  EXPECT_EQ(StackedField(FieldName::kBirthDate, caption, "PARIS"), "(none)");
  EXPECT_EQ(StackedField(FieldName::kBirthPlace, caption, "PARIS"), "(none)");
  // The date alone: no place.
  EXPECT_EQ(StackedField(FieldName::kBirthDate, caption, "13.07.1990"), "13.07.1990");
  EXPECT_EQ(StackedField(FieldName::kBirthPlace, caption, "13.07.1990"), "(none)");
  EXPECT_EQ(OneLineField(FieldName::kBirthDate, "Date et lieu de naissance : 13.07.1990 à PARIS"),
            "13.07.1990");
}

// A form's values right-aligned at the page's edge, read as lines apart from their labels
// (the dotted leaders between them painted out): each label takes its row's value.
TEST(FieldReaderTest, ValuesRightAlignedAtThePagesEdge) {
  const std::vector<OcrLine> lines = {
      RowOfHeight({{"Nom", 81}}, 356, 14),
      RowOfHeight({{"Prénom(s)", 81}}, 392, 18),
      RowOfHeight({{"Club", 81}, {"d'appartenance", 123}}, 578, 17),
      RowOfHeight({{"HÉBERT", 671}}, 362, 16),
      RowOfHeight({{"Hugo", 653}, {"Rémi", 694}}, 399, 15),
      RowOfHeight({{"US", 613}, {"Orléans", 636}, {"Tennis", 692}}, 572, 14),
  };
  Fields f = ReadLabelledFields(lines, 820);
  EXPECT_EQ(f[FieldName::kSurname].value, "HÉBERT");
  EXPECT_EQ(f[FieldName::kGivenNames].value, "Hugo Rémi");
  EXPECT_EQ(f[FieldName::kClubName].value, "US Orléans Tennis");
}

TEST(FieldReaderTest, MoreWordingsOfIssueDatesAddressesAndExpiry) {
  EXPECT_EQ(StackedField(FieldName::kIssueDate, "Délivrance / Issued", "01.02.2020"), "01.02.2020");
  EXPECT_EQ(OneLineField(FieldName::kIssueDate, "Issued: 01.02.2020"), "01.02.2020");
  EXPECT_EQ(OneLineField(FieldName::kIssueDate, "Fait le 01.02.2020"), "01.02.2020");
  EXPECT_EQ(
      OneLineField(FieldName::kAddress, "Adresse du titulaire : 12 RUE DES LILAS 75001 PARIS"),
      "12 RUE DES LILAS 75001 PARIS");
  EXPECT_EQ(OneLineField(FieldName::kAddress, "Demeurant : 12 RUE DES LILAS 75001 PARIS"),
            "12 RUE DES LILAS 75001 PARIS");
  EXPECT_EQ(OneLineField(FieldName::kExpiryDate, "Validité : 01.02.2030"), "01.02.2030");
  // Who issued it, or where, is no issue date.
  EXPECT_EQ(StackedField(FieldName::kIssueDate, "Lieu de délivrance", "01.02.2020"), "(none)");
  EXPECT_EQ(StackedField(FieldName::kIssueDate, "Issued by", "01.02.2020"), "(none)");
  EXPECT_EQ(OneLineField(FieldName::kNationality, "Nationalité / Nationality : FRANÇAISE / FRENCH"),
            "FRANÇAISE / FRENCH");
  EXPECT_EQ(OneLineField(FieldName::kNationality, "Nationality: French"), "French");
  // A form's wordings for the club, and its dotted leaders, even read partly as letters.
  EXPECT_EQ(OneLineReal(FieldName::kClubName, "Club d'appartenance ....... ASPTT Lille"),
            "ASPTT Lille");
  EXPECT_EQ(OneLineReal(FieldName::kClubNumber, "N° affiliation : 21104310"), "21104310");
  EXPECT_EQ(StackedField(FieldName::kDocumentNumber, "N° de la carte", "X4RTBPFW4"), "X4RTBPFW4");
  EXPECT_EQ(StackedField(FieldName::kDocumentNumber, "Carte n°", "X4RTBPFW4"), "X4RTBPFW4");
  EXPECT_EQ(StackedField(FieldName::kBirthPlace, "Commune de naissance", "PARIS"), "PARIS");
  EXPECT_EQ(StackedField(FieldName::kIssueDate, "Établie le", "12.03.2020"), "12.03.2020");
  EXPECT_EQ(StackedField(FieldName::kAddress, "Lieu de résidence", "12 RUE DES LILAS 75001 PARIS"),
            "12 RUE DES LILAS 75001 PARIS");
  EXPECT_EQ(OneLineReal(FieldName::kGivenNames, "Prénom(s) ueceeceuesesse.se....... Théo Grégoire"),
            "Théo Grégoire");
}

// Light falling off across a page (240 at the left, 120 at the right) and text printed on it:
// once flattened, the paper is white on both sides and the letters stay dark. The paper's
// level is smoothed at a coarse scale; it stays within 4 grey levels of the same Gaussian
// taken at full size (the engine's earlier, six times slower way).
TEST(FlattenLightTest, PaperTurnsWhiteUnderUnevenLightAndMatchesTheFullSizeGaussian) {
  cv::Mat page(1200, 1600, CV_8UC1);
  for (int x = 0; x < page.cols; ++x) page.col(x).setTo(240 - 120 * x / page.cols);
  for (int row = 0; row < 12; ++row) {
    cv::putText(page, "Date de naissance 13 07 1990", {60, 100 + 90 * row},
                cv::FONT_HERSHEY_SIMPLEX, 1.6, cv::Scalar(0), 3);
  }
  // Ink drawn at 0 on paper of any brightness stays 0: only the paper is lifted.
  const cv::Mat flat = FlattenLight(page);
  ASSERT_EQ(flat.size(), page.size());
  ASSERT_EQ(flat.type(), CV_8UC1);
  for (const cv::Rect paper : {cv::Rect(10, 1150, 100, 40), cv::Rect(1490, 1150, 100, 40)}) {
    EXPECT_GE(cv::mean(flat(paper))[0], 250.0) << paper;
  }
  EXPECT_EQ(flat.at<uchar>(page.rows / 2, 0), 255);
  cv::Mat ink = page < 60;
  EXPECT_LT(cv::mean(flat, ink)[0], 30.0);

  cv::Mat paper;
  const int k = std::max(15, page.cols / 40) | 1;
  cv::dilate(page, paper, cv::getStructuringElement(cv::MORPH_RECT, cv::Size(k, k)));
  cv::GaussianBlur(paper, paper, cv::Size(0, 0), k / 4.0);
  cv::Mat full_size;
  cv::divide(page, cv::max(paper, 1), full_size, 255.0);
  cv::Mat difference;
  cv::absdiff(flat, full_size, difference);
  double largest = 0;
  cv::minMaxLoc(difference, nullptr, &largest);
  EXPECT_LE(largest, 4.0);
  EXPECT_LT(cv::mean(difference)[0], 0.5);
}

}  // namespace
}  // namespace jae::local
