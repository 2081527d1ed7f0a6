// End to end: the local engine on generated documents of each kind (scan condition), and
// its rejections.
#include "engine/local/local_engine.h"

#include <gtest/gtest.h>

#include <chrono>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <tuple>

#include "common/env.h"
#include "engine/local/document_finder.h"
#include "gendocs.h"
#include "mrz/mrz.h"

namespace jae {
namespace {

class LocalEngineTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto engine = MakeLocalEngine(MapEnv());
    if (engine.ok()) engine_ = std::move(*engine).release();
    fonts_ = gendocs::Fonts::Load().release();
  }
  static void TearDownTestSuite() {
    delete engine_;
    delete fonts_;
  }
  void SetUp() override {
    if (!engine_) GTEST_SKIP() << "OCR models missing (tesseract-ocr-fra / eng)";
    if (!fonts_) GTEST_SKIP() << "fonts missing";
  }
  static StatusOr<EngineResult> Run(const std::string& jpeg) {
    NormalizedImage image;
    image.bytes = jpeg;
    image.mime_type = "image/jpeg";
    return engine_->Extract(image, std::chrono::steady_clock::now() + std::chrono::seconds(60));
  }
  // `scene` sent as a JPEG of `quality`.
  static StatusOr<EngineResult> RunImage(const cv::Mat& scene, int quality) {
    std::vector<uchar> jpeg;
    cv::imencode(".jpg", scene, jpeg, {cv::IMWRITE_JPEG_QUALITY, quality});
    return Run(std::string(jpeg.begin(), jpeg.end()));
  }
  // Every field of `want` read with its value.
  static void ExpectFields(const StatusOr<EngineResult>& result,
                           const std::map<FieldName, std::string>& want) {
    ASSERT_TRUE(result.ok());
    ASSERT_TRUE(result->extraction.has_value());
    const Fields& fields = result->extraction->fields;
    for (const auto& [name, value] : want) {
      SCOPED_TRACE(std::string(ToString(name)));
      ASSERT_TRUE(fields.count(name));
      EXPECT_EQ(fields.at(name).value, value);
    }
  }
  static Engine* engine_;
  static gendocs::Fonts* fonts_;
};
Engine* LocalEngineTest::engine_ = nullptr;
gendocs::Fonts* LocalEngineTest::fonts_ = nullptr;

class LocalEngineKindTest : public LocalEngineTest,
                            public ::testing::WithParamInterface<gendocs::Kind> {};

TEST_P(LocalEngineKindTest, ReadsTheDocument) {
  {
    const gendocs::Kind kind = GetParam();
    const gendocs::Sample s = gendocs::MakeSample(kind, gendocs::Condition::kScan, 42, 0, *fonts_);
    SCOPED_TRACE(s.name);
    auto result = Run(s.jpeg);
    ASSERT_TRUE(result.ok()) << result.status().ToString();
    ASSERT_TRUE(result->extraction.has_value());
    const verify::Extraction& ex = *result->extraction;
    EXPECT_EQ(ToString(ex.type), s.truth["document_type"].get<std::string>());
    EXPECT_EQ(result->info.name, EngineName::kLocal);
    const auto truth_lines = s.truth["mrz_lines"].get<std::vector<std::string>>();
    if (!truth_lines.empty()) {
      auto parsed = mrz::ParseMrz(ex.mrz_lines, mrz::ParseOptions{});
      ASSERT_TRUE(parsed.ok());
      EXPECT_TRUE(parsed->valid);
      EXPECT_EQ(parsed->lines, truth_lines);
    }
    for (const auto& [name, field] : ex.fields) {
      EXPECT_EQ(field.source, FieldSource::kVisual);
      EXPECT_FALSE(field.value.empty());
    }
    if (kind == gendocs::Kind::kFftLicence) {
      ASSERT_TRUE(ex.fields.count(FieldName::kLicenceNumber));
      EXPECT_EQ(ex.fields.at(FieldName::kLicenceNumber).value,
                s.truth["fields"]["licence_number"].get<std::string>());
    }
  }
}

INSTANTIATE_TEST_SUITE_P(AllKinds, LocalEngineKindTest, ::testing::ValuesIn(gendocs::kAllKinds),
                         [](const auto& info) { return gendocs::KindName(info.param); });

TEST_F(LocalEngineTest, ReadsAPhotoRotatedBy180) {
  const gendocs::Sample s =
      gendocs::MakeSample(gendocs::Kind::kFrPassport, gendocs::Condition::kPhoto, 42, 1, *fonts_);
  std::vector<uchar> buf(s.jpeg.begin(), s.jpeg.end());
  cv::Mat img = cv::imdecode(buf, cv::IMREAD_COLOR);
  cv::rotate(img, img, cv::ROTATE_180);
  std::vector<uchar> out;
  cv::imencode(".jpg", img, out);
  auto result = Run(std::string(out.begin(), out.end()));
  ASSERT_TRUE(result.ok());
  ASSERT_TRUE(result->extraction.has_value());
  auto parsed = mrz::ParseMrz(result->extraction->mrz_lines, mrz::ParseOptions{});
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed->lines, s.truth["mrz_lines"].get<std::vector<std::string>>());
}

// A card lying on a placemat: the placemat's outline ranks first (see
// StagesTest.FindOutlinesKeepsTheCardAsARunnerUp), and holds no MRZ; the card's, a
// runner-up, is read.
TEST_F(LocalEngineTest, ReadsTheMrzThroughARunnerUpOutline) {
  std::mt19937_64 rng(5);
  const gendocs::RenderedDoc doc = gendocs::RenderDocument(
      gendocs::Kind::kFrResidence, gendocs::RandomIdentity(rng), rng, *fonts_);
  cv::Mat card;
  cv::resize(doc.image, card, cv::Size(900, 900 * doc.image.rows / doc.image.cols), 0, 0,
             cv::INTER_AREA);
  cv::Mat scene(1300, 1700, CV_8UC3, cv::Scalar(40, 60, 50));
  cv::rectangle(scene, cv::Rect(100, 100, 1500, 1100), cv::Scalar(150, 140, 130), cv::FILLED);
  card.copyTo(scene(cv::Rect(cv::Point(400, 330), card.size())));
  auto best = local::FindOutline(scene);
  ASSERT_TRUE(best.has_value());
  ASSERT_GT(cv::norm((*best)[0] - cv::Point2f(400, 330)), 50.0) << "the placemat comes first";
  std::vector<uchar> jpeg;
  cv::imencode(".jpg", scene, jpeg, {cv::IMWRITE_JPEG_QUALITY, 90});
  auto result = Run(std::string(jpeg.begin(), jpeg.end()));
  ASSERT_TRUE(result.ok());
  ASSERT_TRUE(result->extraction.has_value());
  auto parsed = mrz::ParseMrz(result->extraction->mrz_lines, mrz::ParseOptions{});
  ASSERT_TRUE(parsed.ok());
  EXPECT_TRUE(parsed->valid);
  EXPECT_EQ(parsed->lines, doc.truth.mrz_lines);
}

// A passport's two pages scanned open: the facing page's print, turned on its side, makes
// three long lines that the MRZ finder ranks above the data page's own zone. They read as
// no OCR-B at all, so the zone behind them is read too.
TEST_F(LocalEngineTest, ReadsTheMrzBehindAFacingPagesTurnedPrint) {
  const std::vector<std::string> td3 = {"P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
                                        "L898902C36UTO7408122F1204159ZE184226B<<<<<10"};
  cv::Mat zone = gendocs::RenderMrzLines(td3, 36, *fonts_);
  cv::resize(zone, zone, cv::Size(1100, 1100 * zone.rows / zone.cols), 0, 0, cv::INTER_AREA);
  cv::Mat scene(1700, 1200, CV_8UC3, cv::Scalar(235, 238, 240));
  // The facing page: lines of print along its height.
  cv::Mat facing(1000, 800, CV_8UC3, cv::Scalar(235, 238, 240));
  for (int k = 0; k < 3; ++k) {
    cv::putText(facing, "Holder's signature / Signature du titulaire / Firma del titular",
                {10, 300 + 44 * k}, cv::FONT_HERSHEY_COMPLEX, 0.9, cv::Scalar(60, 60, 60), 2);
  }
  cv::rotate(facing, facing, cv::ROTATE_90_CLOCKWISE);
  facing.copyTo(scene(cv::Rect(100, 0, facing.cols, facing.rows)));
  cv::line(scene, {0, 840}, {1200, 840}, cv::Scalar(120, 120, 120), 2);
  zone.copyTo(
      scene(cv::Rect(cv::Point((scene.cols - zone.cols) / 2, 1690 - zone.rows), zone.size())));
  auto result = RunImage(scene, 92);
  ASSERT_TRUE(result.ok());
  ASSERT_TRUE(result->extraction.has_value());
  EXPECT_EQ(result->extraction->mrz_lines, td3);
}

// Seed 99's `hard` residence permit no. 11: two 0s of its dates have letters as close
// runners-up (O, G). A rival reading counts only as the MRZ reader would take it — a G
// in a date is a 6, and weighs like one — so these are no rivals and the read is not
// withheld.
TEST_F(LocalEngineTest, LettersInADateAreNoRivalReading) {
  const gendocs::Sample s =
      gendocs::MakeSample(gendocs::Kind::kFrResidence, gendocs::Condition::kHard, 99, 11, *fonts_);
  auto result = Run(s.jpeg);
  ASSERT_TRUE(result.ok());
  ASSERT_TRUE(result->extraction.has_value());
  auto parsed = mrz::ParseMrz(result->extraction->mrz_lines, mrz::ParseOptions{});
  ASSERT_TRUE(parsed.ok());
  EXPECT_TRUE(parsed->valid);
  EXPECT_EQ(parsed->lines, s.truth["mrz_lines"].get<std::vector<std::string>>());
}

// A portrait attestation lying on its side, labels above their values: Tesseract reads
// its lines as a top-to-bottom script and reports their boxes as they lie; a label and the
// value under it are paired only once the boxes stand upright.
TEST_F(LocalEngineTest, ReadsTheLabelsOfAnAttestationLyingOnItsSide) {
  cv::Mat page(1100, 780, CV_8UC3, cv::Scalar(245, 245, 245));
  const std::vector<std::pair<std::string, std::string>> rows = {
      {"Saison sportive", "2025-2026"},   {"Nom", "MARTIN"},      {"Prénom", "Lucie Anne"},
      {"Numéro de licence", "1234567 A"}, {"Classement", "15/4"}, {"Numéro du club", "57140321"}};
  int y = 90;
  for (const auto& [label, value] : rows) {
    fonts_->regular().putText(page, label, {60, y}, 24, cv::Scalar(120, 80, 40), -1, cv::LINE_AA,
                              false);
    fonts_->regular().putText(page, value, {60, y + 42}, 36, cv::Scalar(20, 20, 20), -1,
                              cv::LINE_AA, false);
    y += 110;
  }
  cv::Mat turned;
  cv::rotate(page, turned, cv::ROTATE_90_CLOCKWISE);
  cv::Mat scene(turned.rows + 200, turned.cols + 300, CV_8UC3, cv::Scalar(50, 70, 45));
  turned.copyTo(scene(cv::Rect(cv::Point(150, 100), turned.size())));
  ExpectFields(RunImage(scene, 92), {{FieldName::kSurname, "MARTIN"},
                                     {FieldName::kGivenNames, "Lucie Anne"},
                                     {FieldName::kClubNumber, "57140321"},
                                     {FieldName::kRanking, "15/4"}});
}

// A portrait attestation photographed upright on a table: the landscape rectification lays
// it on its side and Tesseract reads it sideways. Its first fields are dark captions beside
// their values; the last ones are captioned in white on a table's dark header row, read
// apart after the page, and the sex is a lone letter under its caption. Those looks must
// search the page as its text stands, where the reading's boxes are: searched in the image
// as read (before 1a1208d), the "Sexe" caption was lost and with it the letter under it.
TEST_F(LocalEngineTest, ReadsTheLightCaptionsOfAnAttestationLaidOnItsSide) {
  cv::Mat page(1100, 780, CV_8UC3, cv::Scalar(245, 245, 245));
  fonts_->bold().putText(page, "Attestation de licence", {50, 60}, 36, cv::Scalar(20, 20, 20), -1,
                         cv::LINE_AA, false);
  const std::vector<std::pair<std::string, std::string>> rows = {{"Saison sportive", "2025-2026"},
                                                                 {"Nom", "MARTIN"},
                                                                 {"Prénom", "Lucie Anne"},
                                                                 {"N° de licence", "1234567 A"}};
  int y = 150;
  for (const auto& [caption, value] : rows) {
    fonts_->regular().putText(page, caption, {50, y}, 26, cv::Scalar(60, 60, 60), -1, cv::LINE_AA,
                              false);
    fonts_->bold().putText(page, value, {330, y - 2}, 30, cv::Scalar(20, 20, 20), -1, cv::LINE_AA,
                           false);
    y += 70;
  }
  const int top = y + 40;
  cv::rectangle(page, cv::Rect(40, top, 700, 60), cv::Scalar(30, 40, 120), cv::FILLED);
  cv::rectangle(page, cv::Rect(40, top, 700, 130), cv::Scalar(150, 150, 150), 1);
  const std::vector<std::tuple<int, std::string, std::string>> columns = {
      {50, "Classement", "15/4"}, {300, "N° club", "57140321"}, {550, "Sexe", "F"}};
  for (const auto& [x, caption, value] : columns) {
    fonts_->regular().putText(page, caption, {x, top + 8}, 24, cv::Scalar(250, 250, 250), -1,
                              cv::LINE_AA, false);
    fonts_->bold().putText(page, value, {x, top + 75}, 30, cv::Scalar(20, 20, 20), -1, cv::LINE_AA,
                           false);
  }
  cv::Mat scene(page.rows + 240, page.cols + 300, CV_8UC3, cv::Scalar(50, 70, 45));
  page.copyTo(scene(cv::Rect(cv::Point(150, 120), page.size())));
  ExpectFields(RunImage(scene, 92), {{FieldName::kSurname, "MARTIN"},
                                     {FieldName::kRanking, "15/4"},
                                     {FieldName::kClubNumber, "57140321"},
                                     {FieldName::kSex, "F"}});
}

// A licence card printed in dark colours with white type on a white page ("print this
// page and cut the card out"), photographed on a table: the card's text is read apart,
// inverted, where the page's reading made holes in a black block of it.
TEST_F(LocalEngineTest, ReadsTheLightTextOfADarkCardOnAPage) {
  cv::Mat page(1100, 780, CV_8UC3, cv::Scalar(245, 245, 245));
  fonts_->regular().putText(page, "Votre licence", {60, 90}, 34, cv::Scalar(20, 20, 20), -1,
                            cv::LINE_AA, false);
  const cv::Rect card(50, 160, 680, 420);
  cv::rectangle(page, card, cv::Scalar(40, 90, 30), cv::FILLED);
  const std::vector<std::pair<std::string, std::string>> rows = {{"Nom", "MARTIN"},
                                                                 {"Prénom", "Lucie Anne"},
                                                                 {"N° de licence", "1234567 A"},
                                                                 {"Classement", "15/4"}};
  int y = 230;
  for (const auto& [label, value] : rows) {
    fonts_->regular().putText(page, label, {80, y}, 22, cv::Scalar(235, 240, 235), -1, cv::LINE_AA,
                              false);
    fonts_->regular().putText(page, value, {330, y}, 30, cv::Scalar(250, 250, 250), -1, cv::LINE_AA,
                              false);
    y += 80;
  }
  // Photographed a little turned, and softly.
  cv::Mat scene(page.rows + 200, page.cols + 300, CV_8UC3, cv::Scalar(60, 45, 40));
  page.copyTo(scene(cv::Rect(cv::Point(150, 100), page.size())));
  const cv::Mat turn =
      cv::getRotationMatrix2D(cv::Point2f(scene.cols / 2.0f, scene.rows / 2.0f), 6, 1.0);
  cv::warpAffine(scene, scene, turn, scene.size(), cv::INTER_LINEAR, cv::BORDER_CONSTANT,
                 cv::Scalar(60, 45, 40));
  cv::GaussianBlur(scene, scene, cv::Size(0, 0), 1.0);
  ExpectFields(RunImage(scene, 85), {{FieldName::kSurname, "MARTIN"},
                                     {FieldName::kGivenNames, "Lucie Anne"},
                                     {FieldName::kRanking, "15/4"}});
}

// An attestation scanned edge to edge whose licence number is printed one character a box
// (a form's comb field): the boxes are taken out before the text is read, which read them
// with their digits as letters.
TEST_F(LocalEngineTest, ReadsALicenceNumberPrintedOneCharacterABox) {
  cv::Mat page(1400, 1000, CV_8UC3, cv::Scalar(250, 250, 250));
  fonts_->bold().putText(page, "ATTESTATION DE LICENCE", {230, 120}, 34, cv::Scalar(30, 30, 30), -1,
                         cv::LINE_AA, false);
  const std::vector<std::pair<std::string, std::string>> rows = {
      {"Nom", "MARTIN"}, {"Prénom", "Lucie Anne"}, {"Classement", "15/4"}};
  int y = 260;
  for (const auto& [label, value] : rows) {
    fonts_->regular().putText(page, label, {80, y}, 24, cv::Scalar(90, 90, 90), -1, cv::LINE_AA,
                              false);
    fonts_->bold().putText(page, value, {600, y}, 26, cv::Scalar(20, 20, 20), -1, cv::LINE_AA,
                           false);
    y += 70;
  }
  fonts_->regular().putText(page, "Numéro de licence", {80, y}, 24, cv::Scalar(90, 90, 90), -1,
                            cv::LINE_AA, false);
  const std::string number = "4730101K";
  for (size_t i = 0; i < number.size(); ++i) {
    const int x = 600 + static_cast<int>(i) * 40;
    cv::rectangle(page, cv::Rect(x, y - 8, 36, 46), cv::Scalar(120, 120, 120), 1, cv::LINE_AA);
    fonts_->bold().putText(page, number.substr(i, 1), {x + 9, y}, 26, cv::Scalar(20, 20, 20), -1,
                           cv::LINE_AA, false);
  }
  ExpectFields(RunImage(page, 92), {{FieldName::kSurname, "MARTIN"},
                                    {FieldName::kLicenceNumber, "4730101K"},
                                    {FieldName::kRanking, "15/4"}});
}

// A portrait attestation photographed on a table: captions left of their values, a lone
// letter under "Sexe". Guards the page readings and their second looks at the pixels end
// to end on a page in portrait.
TEST_F(LocalEngineTest, ReadsAPortraitTableOfCaptionsAndValuesOnATable) {
  cv::Mat page(1400, 1000, CV_8UC3, cv::Scalar(250, 250, 250));
  fonts_->bold().putText(page, "ATTESTATION DE LICENCE", {230, 120}, 34, cv::Scalar(30, 30, 30), -1,
                         cv::LINE_AA, false);
  fonts_->regular().putText(page, "Saison 2025/2026", {380, 180}, 22, cv::Scalar(60, 60, 60), -1,
                            cv::LINE_AA, false);
  const std::vector<std::pair<std::string, std::string>> rows = {{"Nom", "MARTIN"},
                                                                 {"Prénom", "Lucie Anne"},
                                                                 {"Classement", "15/4"},
                                                                 {"Club", "Tennis Club de Pau"}};
  int y = 300;
  for (const auto& [label, value] : rows) {
    fonts_->regular().putText(page, label, {80, y}, 22, cv::Scalar(90, 90, 90), -1, cv::LINE_AA,
                              false);
    fonts_->bold().putText(page, value, {560, y - 4}, 28, cv::Scalar(20, 20, 20), -1, cv::LINE_AA,
                           false);
    y += 80;
  }
  fonts_->regular().putText(page, "Sexe", {80, y}, 22, cv::Scalar(90, 90, 90), -1, cv::LINE_AA,
                            false);
  fonts_->bold().putText(page, "F", {82, y + 40}, 28, cv::Scalar(20, 20, 20), -1, cv::LINE_AA,
                         false);
  // Photographed on a grey table.
  cv::Mat scene(1600, 1200, CV_8UC3, cv::Scalar(120, 125, 130));
  cv::Mat small;
  cv::resize(page, small, cv::Size(), 0.8, 0.8, cv::INTER_AREA);
  small.copyTo(scene(cv::Rect(200, 240, small.cols, small.rows)));
  ExpectFields(RunImage(scene, 92), {{FieldName::kSurname, "MARTIN"},
                                     {FieldName::kGivenNames, "Lucie Anne"},
                                     {FieldName::kRanking, "15/4"},
                                     {FieldName::kClubName, "Tennis Club de Pau"},
                                     {FieldName::kSex, "F"}});
}

// A card scanned edge to edge at ~130 dpi: captions 7 pixels high, and the photo's grey
// frame the likeliest outline. Read at its own size, nothing was found (no_document);
// enlarged, the whole image gives the holder's fields.
TEST_F(LocalEngineTest, ReadsASmallScanOfACard) {
  cv::Mat card(351, 556, CV_8UC3, cv::Scalar(238, 232, 226));
  cv::rectangle(card, cv::Rect(22, 60, 126, 165), cv::Scalar(200, 195, 190), cv::FILLED);
  fonts_->bold().putText(card, "RÉPUBLIQUE FRANÇAISE", {22, 14}, 12, cv::Scalar(120, 50, 30), -1,
                         cv::LINE_AA, false);
  const std::vector<std::pair<std::string, std::string>> rows = {
      {"NOM / SURNAME", "LEFÈVRE"},
      {"PRÉNOMS / GIVEN NAMES", "Antoine, Paul"},
      {"DATE DE NAISS. / DATE OF BIRTH", "07 09 1994"},
      {"LIEU DE NAISSANCE / PLACE OF BIRTH", "Lyon"}};
  int y = 62;
  for (const auto& [label, value] : rows) {
    fonts_->regular().putText(card, label, {166, y}, 8, cv::Scalar(100, 90, 90), -1, cv::LINE_AA,
                              false);
    fonts_->bold().putText(card, value, {166, y + 11}, 14, cv::Scalar(20, 20, 30), -1, cv::LINE_AA,
                           false);
    y += 36;
  }
  ExpectFields(RunImage(card, 92), {{FieldName::kSurname, "LEFÈVRE"},
                                    {FieldName::kBirthDate, "07 09 1994"},
                                    {FieldName::kBirthPlace, "Lyon"}});
}

// A 2021-card-like front on a pastel tint, scanned edge to edge: its captions are white,
// its values black. Read once, the page keeps one polarity only and no caption anchors a
// value; read with the ink of both polarities made dark, each value has its label.
TEST_F(LocalEngineTest, ReadsWhiteCaptionsBesideBlackValuesOnATintedCard) {
  cv::Mat card(640, 1000, CV_8UC3);
  for (int x = 0; x < card.cols; ++x) {  // a gradient, sage to lilac
    const double t = static_cast<double>(x) / card.cols;
    card.col(x).setTo(cv::Scalar(180 + 25 * t, 195 - 15 * t, 175 + 15 * t));
  }
  cv::Mat glow = card.clone();  // a soft warm patch
  cv::circle(glow, {650, 560}, 220, cv::Scalar(150, 190, 225), cv::FILLED);
  cv::GaussianBlur(glow, glow, cv::Size(0, 0), 80);
  card = glow;
  fonts_->regular().putText(card, "CARTE NATIONALE D'IDENTITÉ", {600, 40}, 18,
                            cv::Scalar(250, 250, 250), -1, cv::LINE_AA, false);
  const std::vector<std::pair<std::string, std::string>> rows = {
      {"Nom / Surname", "DA SILVA"},
      {"Prénoms / Given names", "ANTOINE GAËL"},
      {"Date de naissance / Date of birth", "14 09 1950"},
      {"Lieu de naissance / Place of birth", "BREST"}};
  int y = 110;
  for (const auto& [label, value] : rows) {
    fonts_->regular().putText(card, label, {260, y}, 15, cv::Scalar(238, 238, 238), -1, cv::LINE_AA,
                              false);
    fonts_->regular().putText(card, value, {260, y + 36}, 30, cv::Scalar(30, 25, 35), -1,
                              cv::LINE_AA, false);
    y += 120;
  }
  ExpectFields(RunImage(card, 90), {{FieldName::kSurname, "DA SILVA"},
                                    {FieldName::kGivenNames, "ANTOINE GAËL"},
                                    {FieldName::kBirthPlace, "BREST"}});
}

// A residence permit's captions in white on small dark tags over their values: each tag
// made dark on white where it stands, the captions anchor their values.
TEST_F(LocalEngineTest, ReadsCaptionsOnDarkTagsOverTheirValues) {
  cv::Mat card(640, 1000, CV_8UC3, cv::Scalar(238, 236, 236));
  fonts_->regular().putText(card, "TITRE DE SÉJOUR", {60, 20}, 34, cv::Scalar(60, 30, 70), -1,
                            cv::LINE_AA, false);
  const std::vector<std::pair<std::string, std::string>> rows = {
      {"Nom", "BARBIER"},
      {"Prénoms", "CHLOÉ LÉA"},
      {"Date de naissance", "24 06 1990"},
      {"Lieu de naissance", "RENNES"}};
  int y = 100;
  for (const auto& [label, value] : rows) {
    int base = 0;
    const cv::Size size = fonts_->regular().getTextSize(label, 16, -1, &base);
    cv::rectangle(card, cv::Rect(250, y - 6, size.width + 16, 28), cv::Scalar(90, 40, 95),
                  cv::FILLED);
    fonts_->regular().putText(card, label, {258, y}, 16, cv::Scalar(250, 250, 250), -1, cv::LINE_AA,
                              false);
    fonts_->regular().putText(card, value, {250, y + 34}, 30, cv::Scalar(30, 25, 35), -1,
                              cv::LINE_AA, false);
    y += 120;
  }
  ExpectFields(RunImage(card, 90), {{FieldName::kSurname, "BARBIER"},
                                    {FieldName::kGivenNames, "CHLOÉ LÉA"},
                                    {FieldName::kBirthPlace, "RENNES"}});
}

// A licence in the federation's app: the holder's name in white on the pass's blue header
// (mid-grey, not dark), the season in its title; the values under their captions.
TEST_F(LocalEngineTest, ReadsTheNameOnAnAppsTintedHeader) {
  cv::Mat screen(2340, 1080, CV_8UC3, cv::Scalar(238, 234, 229));
  cv::rectangle(screen, cv::Rect(50, 140, 980, 1250), cv::Scalar(255, 255, 255), cv::FILLED);
  for (int x = 50; x < 1030; ++x) {  // blue to cyan
    const double t = (x - 50) / 980.0;
    screen(cv::Rect(x, 140, 1, 320)).setTo(cv::Scalar(235, 99 + 110 * t, 37));
  }
  fonts_->regular().putText(screen, "LICENCE FFT", {100, 215}, 30, cv::Scalar(255, 255, 255), -1,
                            cv::LINE_AA, false);
  fonts_->regular().putText(screen, "Saison 2022-2023", {720, 215}, 30, cv::Scalar(255, 255, 255),
                            -1, cv::LINE_AA, false);
  fonts_->regular().putText(screen, "MOREL", {100, 330}, 60, cv::Scalar(255, 255, 255), -1,
                            cv::LINE_AA, false);
  fonts_->regular().putText(screen, "Inès", {100, 400}, 46, cv::Scalar(255, 255, 255), -1,
                            cv::LINE_AA, false);
  const std::vector<std::pair<std::string, std::string>> rows = {
      {"7037302 U", "N° de licence"},
      {"15/5", "Classement"},
      {"12/03/1970", "Date de naissance"},
      {"AS Montferrand Tennis", "Club"}};
  int y = 560;
  for (const auto& [value, caption] : rows) {
    fonts_->regular().putText(screen, value, {200, y}, 46, cv::Scalar(40, 25, 20), -1, cv::LINE_AA,
                              false);
    fonts_->regular().putText(screen, caption, {200, y + 45}, 28, cv::Scalar(120, 110, 105), -1,
                              cv::LINE_AA, false);
    y += 150;
  }
  ExpectFields(RunImage(screen, 92), {{FieldName::kSurname, "MOREL"},
                                      {FieldName::kGivenNames, "Inès"},
                                      {FieldName::kSeason, "2023"}});
}

// A licence card in dark colours with white text, printed on a white page (the app's
// "print your licence" page): the photo as a whole is dark on light, the card's outline
// holds light on dark and is read turned to dark on light. (A guard: Tesseract reads this
// clean card either way; the seen family's printed cards needed the turn.)
TEST_F(LocalEngineTest, ReadsADarkCardOnALightPage) {
  cv::Mat page(1754, 1240, CV_8UC3, cv::Scalar(255, 255, 255));
  fonts_->regular().putText(page, "Votre licence 2025", {110, 90}, 40, cv::Scalar(20, 20, 20), -1,
                            cv::LINE_AA, false);
  const cv::Rect card(140, 320, 960, 600);
  cv::rectangle(page, card, cv::Scalar(80, 30, 70), cv::FILLED);
  const cv::Scalar white(250, 250, 250);
  fonts_->regular().putText(page, "LICENCE FFT", {190, 360}, 26, white, -1, cv::LINE_AA, false);
  fonts_->regular().putText(page, "Saison 2025", {880, 360}, 26, white, -1, cv::LINE_AA, false);
  const std::vector<std::tuple<std::string, std::string, int, int>> cells = {
      {"HOARAU", "Nom", 190, 430},
      {"Grégoire", "Prénom", 400, 430},
      {"1652875U", "N° de licence", 190, 520},
      {"11/08/1982", "Date de naissance", 400, 520},
      {"15/2", "Classement", 190, 610},
      {"US Orléans Tennis", "Club", 400, 610}};
  for (const auto& [value, caption, x, y] : cells) {
    fonts_->regular().putText(page, value, {x, y}, 40, white, -1, cv::LINE_AA, false);
    fonts_->regular().putText(page, caption, {x, y + 46}, 20, cv::Scalar(230, 220, 230), -1,
                              cv::LINE_AA, false);
  }
  ExpectFields(RunImage(page, 90), {{FieldName::kSurname, "HOARAU"},
                                    {FieldName::kGivenNames, "Grégoire"},
                                    {FieldName::kLicenceNumber, "1652875U"},
                                    {FieldName::kBirthDate, "11/08/1982"}});
}

// An attestation in portrait photographed askew on a table: the landscape rectification
// lays it on its side. (Tesseract finds this clean page's lines even so; the seen
// families' photographed attestations needed the page turned back a quarter.)
TEST_F(LocalEngineTest, ReadsAPortraitPagePhotographedAskew) {
  cv::Mat page(1100, 780, CV_8UC3, cv::Scalar(246, 246, 246));
  fonts_->regular().putText(page, "Attestation de licence", {60, 110}, 40, cv::Scalar(20, 20, 20),
                            -1, cv::LINE_AA, false);
  const std::vector<std::pair<std::string, std::string>> rows = {{"Nom", "RENAUD"},
                                                                 {"Prénom", "Juliette"},
                                                                 {"N° de licence", "3274222 T"},
                                                                 {"Classement", "30/1"}};
  int y = 220;
  for (const auto& [label, value] : rows) {
    fonts_->regular().putText(page, label, {70, y}, 24, cv::Scalar(90, 90, 90), -1, cv::LINE_AA,
                              false);
    fonts_->regular().putText(page, value, {360, y}, 28, cv::Scalar(15, 15, 15), -1, cv::LINE_AA,
                              false);
    y += 70;
  }
  cv::Mat scene(page.rows + 500, page.cols + 600, CV_8UC3, cv::Scalar(40, 60, 90));
  page.copyTo(scene(cv::Rect(cv::Point(300, 250), page.size())));
  const cv::Mat turn =
      cv::getRotationMatrix2D(cv::Point2f(scene.cols / 2.0f, scene.rows / 2.0f), 14, 1.0);
  cv::warpAffine(scene, scene, turn, scene.size(), cv::INTER_LINEAR, cv::BORDER_CONSTANT,
                 cv::Scalar(40, 60, 90));
  ExpectFields(RunImage(scene, 85), {{FieldName::kSurname, "RENAUD"},
                                     {FieldName::kGivenNames, "Juliette"},
                                     {FieldName::kRanking, "30/1"}});
}

TEST_F(LocalEngineTest, RejectsWhatIsNoDocument) {
  std::mt19937_64 rng(9);
  auto blank = Run(gendocs::BackgroundOnly(rng, cv::Size(800, 600)));
  ASSERT_TRUE(blank.ok());
  ASSERT_TRUE(blank->rejection.has_value());
  EXPECT_EQ(blank->rejection->code, ErrorCode::kNoDocument);

  // A strip: every stage would shrink it to nothing; a clear rejection, not an error.
  for (const cv::Size size : {cv::Size(3000, 3), cv::Size(3, 3000), cv::Size(40, 40)}) {
    auto strip = RunImage(cv::Mat(size, CV_8UC3, cv::Scalar(30, 30, 30)), 90);
    ASSERT_TRUE(strip.ok()) << strip.status().message();
    ASSERT_TRUE(strip->rejection.has_value());
    EXPECT_EQ(strip->rejection->code, ErrorCode::kNoDocument);
  }
  // The size named is the upload's, not the normaliser's scaled copy.
  {
    std::vector<uchar> jpeg;
    cv::imencode(".jpg", cv::Mat(33, 1536, CV_8UC3, cv::Scalar(30, 30, 30)), jpeg);
    NormalizedImage scaled;
    scaled.bytes.assign(jpeg.begin(), jpeg.end());
    scaled.mime_type = "image/jpeg";
    scaled.source_width = 3000;
    scaled.source_height = 65;
    auto strip =
        engine_->Extract(scaled, std::chrono::steady_clock::now() + std::chrono::seconds(60));
    ASSERT_TRUE(strip.ok());
    ASSERT_TRUE(strip->rejection.has_value());
    EXPECT_NE(strip->rejection->message.find("3000 x 65"), std::string::npos)
        << strip->rejection->message;
  }

  auto garbage = Run("not an image at all");
  ASSERT_TRUE(garbage.ok());
  ASSERT_TRUE(garbage->rejection.has_value());
  EXPECT_EQ(garbage->rejection->code, ErrorCode::kUndecodable);

  auto empty = Run("");
  ASSERT_TRUE(empty.ok());
  ASSERT_TRUE(empty->rejection.has_value());
}

TEST(LocalEngineConfigTest, MissingModelsFailClearly) {
  MapEnv env;
  env.Set("JAE_TESSDATA", "/nonexistent");
  auto engine = MakeLocalEngine(env);
  ASSERT_FALSE(engine.ok());
  EXPECT_EQ(engine.status().code(), StatusCode::kNotFound);
  env.Set("JAE_TESSDATA", "/usr/share/tesseract-ocr/5/tessdata");
  env.Set("JAE_MRZ_READER", "bogus");
  EXPECT_EQ(MakeLocalEngine(env).status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace jae
