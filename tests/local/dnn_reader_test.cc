// The local engine's third MRZ reader: its acceptance rules (dnn_accept.h) with made-up
// reads and per-character probabilities, the recogniser's load errors, and one read of a
// rendered MRZ by the real model (skipped when the models are not installed).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <opencv2/freetype.hpp>
#include <opencv2/imgproc.hpp>
#include <thread>

#include "common/env.h"
#include "engine/local/dnn_accept.h"
#include "engine/local/local_engine.h"
#include "engine/local/pp_ocr_recogniser.h"
#include "mrz/mrz.h"

namespace jae::local {
namespace {

// ICAO 9303's specimen passport (synthetic).
const std::vector<std::string> kSpecimen = {"P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
                                            "L898902C36UTO7408122F1204159ZE184226B<<<<<10"};

mrz::ParseOptions Options() {
  mrz::ParseOptions options;
  options.today = {2010, 1, 1};
  return options;
}

TEST(DnnAcceptTest, CoercesByPositionClassOnly) {
  const std::vector<std::string> read = {"P<UT0ER1KSS0N<<ANNA<MAR1A<<<<<<<<<<<<<<<<<<<",
                                         "L898902C36UT07408I22F12O4159ZE184226B<<<<<10"};
  const auto coerced = CoerceByPosition(read, MrzFormat::kTD3);
  EXPECT_EQ(coerced[0], kSpecimen[0]);  // 0 -> O and 1 -> I in the country code and names
  EXPECT_EQ(coerced[1], kSpecimen[1]);  // I -> 1 and O -> 0 in the dates, 0 -> O in UTO
  // The document number is alphanumeric: an O there stays an O.
  const auto number =
      CoerceByPosition({kSpecimen[0], "L8989O2C36" + kSpecimen[1].substr(10)}, MrzFormat::kTD3);
  EXPECT_EQ(number[1].substr(0, 9), "L8989O2C3");
}

TEST(DnnAcceptTest, LettersByPositionOnlyWhereNoCheckDigitLooks) {
  // Tesseract's 5 for an S in a nationality, 0 for an O in a name: letters-only places
  // no check digit covers. The dates' letters stay as read (the check digits judge them).
  const auto letters = LettersByPosition({"P<UT0ERIKSS0N<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
                                          "L898902C36UT57408I22F1204159ZE184226B<<<<<10"},
                                         MrzFormat::kTD3);
  EXPECT_EQ(letters[0], kSpecimen[0]);
  EXPECT_EQ(letters[1], "L898902C36UTS7408I22F1204159ZE184226B<<<<<10");
  // The French 1988 card's composite check covers its names: a digit there stays.
  const std::vector<std::string> card = {"IDFRABERTH1ER<<<<<<<<<<<<<<<<<<<<<<<",
                                         "9409923102854C0RINNE<<<<<<<6512068F4"};
  EXPECT_EQ(LettersByPosition(card, MrzFormat::kFrId1988), card);
}

TEST(DnnAcceptTest, AcceptsAReadValidOnceCoerced) {
  const auto accepted = AcceptCoerced({"P<UT0ERIKSS0N<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
                                       "L898902C36UTO74O8122F1204159ZE184226B<<<<<10"},
                                      44, Options());
  ASSERT_TRUE(accepted.has_value());
  EXPECT_TRUE(accepted->valid);
  EXPECT_EQ(accepted->lines, kSpecimen);
}

TEST(DnnAcceptTest, RefusesWhatNoPositionClassSettles) {
  // An O in the document number (alphanumeric): only the check digit could say it is a
  // 0, and the third reader's reads are never repaired by the check digits.
  EXPECT_FALSE(
      AcceptCoerced({kSpecimen[0], "L8989O2C36UTO7408122F1204159ZE184226B<<<<<10"}, 44, Options())
          .has_value());
  // A failing check digit stays failing.
  EXPECT_FALSE(
      AcceptCoerced({kSpecimen[0], "L898902C36UTO7408122F1204159ZE184226B<<<<<11"}, 44, Options())
          .has_value());
  EXPECT_FALSE(AcceptCoerced({}, 44, Options()).has_value());
}

TEST(DnnAcceptTest, CheckBlindPairs) {
  EXPECT_TRUE(CheckBlind('<', 'K'));  // 0 and 20
  EXPECT_TRUE(CheckBlind('K', '<'));
  EXPECT_TRUE(CheckBlind('0', 'A'));   // 0 and 10
  EXPECT_TRUE(CheckBlind('1', 'L'));   // 1 and 21
  EXPECT_TRUE(CheckBlind('<', 'S'));   // a filler: names hold it, no check digit covers them
  EXPECT_FALSE(CheckBlind('8', 'B'));  // 8 and 11
  EXPECT_FALSE(CheckBlind('E', 'F'));  // 14 and 15
  EXPECT_FALSE(CheckBlind('0', 'O'));  // 0 and 24: a check digit tells them apart
}

TEST(DnnAcceptTest, GateDoubtsOnlyCheckBlindRivalsAtTheThreshold) {
  DnnLine line{"AB<<C", {0.01f, 0.02f, 0.19f, 0.0f, 0.3f}, "80K  "};
  EXPECT_FALSE(HasBlindRival(line, 0.2f));  // K for '<' at 0.19: below the gate
  line.rival[2] = 0.2f;
  EXPECT_TRUE(HasBlindRival(line, 0.2f));  // K for '<' at 0.2
  line.rival[2] = 0.0f;
  line.rival_char[4] = 'D';  // C (12) or D (13): a check digit tells them apart
  EXPECT_FALSE(HasBlindRival(line, 0.2f));
  line.rival_char[4] = 'W';  // C (12) or W (32): it cannot
  EXPECT_TRUE(HasBlindRival(line, 0.2f));
  EXPECT_FALSE(HasBlindRival(DnnLine{}, 0.2f));
}

TEST(PpOcrRecogniserTest, LoadErrorsNameWhatIsWrong) {
  const auto dir = std::filesystem::temp_directory_path() / "jae-dnn-test-broken";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  EXPECT_EQ(PpOcrRecogniser::Load(dir.string(), {1920}).status().code(), StatusCode::kNotFound);
  {
    std::ofstream keys(dir / "ppocr_keys_v1.txt");
    for (char c : std::string("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<")) keys << c << "\n";
  }
  EXPECT_EQ(PpOcrRecogniser::Load(dir.string(), {1920}).status().code(), StatusCode::kNotFound);
  std::ofstream(dir / "rec_1920.onnx") << "not a model";
  auto broken = PpOcrRecogniser::Load(dir.string(), {1920});
  ASSERT_FALSE(broken.ok());
  EXPECT_EQ(broken.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(broken.status().message().find("rec_1920.onnx"), std::string::npos);
  // Each copy asked for must be there.
  auto partial = PpOcrRecogniser::Load(dir.string(), {1280, 1920});
  EXPECT_EQ(partial.status().code(), StatusCode::kNotFound);
  EXPECT_NE(partial.status().message().find("rec_1280.onnx"), std::string::npos);
  std::filesystem::remove_all(dir);
}

// Where the models are: JAE_DNN_MODELS, else the places the engine searches.
std::string ModelDir() {
  std::vector<std::string> dirs;
  if (const char* env = std::getenv("JAE_DNN_MODELS")) dirs.push_back(env);
  if (const char* home = std::getenv("HOME"))
    dirs.push_back(std::string(home) + "/.cache/jae-ocr/dnn");
  dirs.push_back("/usr/local/share/jae-ocr/dnn");
  for (const auto& d : dirs) {
    if (std::filesystem::exists(std::filesystem::path(d) / "rec_1920.onnx")) return d;
  }
  return "";
}

// The specimen's lines printed in OCR-B, one image each; empty when the font is missing.
std::vector<cv::Mat> RenderSpecimen() {
  const std::string font = "/usr/share/fonts/opentype/ocr-b/OCRB.otf";
  std::vector<cv::Mat> lines;
  if (!std::filesystem::exists(font)) return lines;
  auto ft = cv::freetype::createFreeType2();
  ft->loadFontData(font, 0);
  for (const auto& text : kSpecimen) {
    int baseline = 0;
    const cv::Size size = ft->getTextSize(text, 36, -1, &baseline);
    cv::Mat line(size.height + 24, size.width + 24, CV_8UC3, cv::Scalar::all(255));
    ft->putText(line, text, cv::Point(12, 12 + size.height), 36, cv::Scalar::all(20), -1,
                cv::LINE_AA, true);
    lines.push_back(line);
  }
  return lines;
}

class PpOcrModelTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string dir = ModelDir();
    if (dir.empty()) GTEST_SKIP() << "no PP-OCR model (run tools/mrz_dnn_probe/fetch_models.sh)";
    lines_ = RenderSpecimen();
    if (lines_.empty()) GTEST_SKIP() << "OCR-B font missing (fonts-ocr-b)";
    auto rec = PpOcrRecogniser::Load(dir, {1920});
    ASSERT_TRUE(rec.ok()) << rec.status().ToString();
    rec_ = std::move(*rec);
  }

  std::vector<cv::Mat> lines_;
  std::unique_ptr<PpOcrRecogniser> rec_;
};

// The narrow copy, when installed, reads a line it holds as the wide one does: only the
// padding differs.
TEST_F(PpOcrModelTest, NarrowCopyReadsAsTheWideOne) {
  auto both = PpOcrRecogniser::Load(ModelDir(), {1280, 1920});
  if (!both.ok()) GTEST_SKIP() << both.status().ToString();
  EXPECT_EQ((*both)->loaded(), 2);
  for (const cv::Mat& line : lines_) {
    EXPECT_EQ((*both)->ReadLine(line, true), rec_->ReadLine(line, true));
  }
}

TEST_F(PpOcrModelTest, ReadsARenderedMrz) {
  std::vector<std::string> raw;
  for (const cv::Mat& line : lines_) {
    DnnLine read;
    read.text = rec_->ReadLine(line, true, &read.rival, &read.rival_char);
    EXPECT_EQ(read.rival.size(), read.text.size());
    EXPECT_FALSE(HasBlindRival(read, 0.2f)) << read.text;  // a clean print is no doubt
    raw.push_back(read.text);
  }
  auto accepted = AcceptCoerced(raw, 44, Options());
  ASSERT_TRUE(accepted.has_value()) << raw[0] << "\n" << raw[1];
  EXPECT_EQ(accepted->lines, kSpecimen);
}

// One model copy shared by concurrent calls (the engine's threads): each read is the one
// a lone call gives (cv::dnn::Net::forward is not thread-safe; the copy is locked).
TEST_F(PpOcrModelTest, ConcurrentReadsGiveTheSameText) {
  const std::string first = rec_->ReadLine(lines_[0], true);
  const std::string second = rec_->ReadLine(lines_[1], true);
  std::string got[2];
  std::thread a([&] { got[0] = rec_->ReadLine(lines_[0], true); });
  std::thread b([&] { got[1] = rec_->ReadLine(lines_[1], true); });
  a.join();
  b.join();
  EXPECT_EQ(got[0], first);
  EXPECT_EQ(got[1], second);
}

TEST(LocalEngineDnnConfigTest, ABrokenModelIsAConfigurationErrorNamingTheFile) {
  const auto dir = std::filesystem::temp_directory_path() / "jae-dnn-test-engine";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  {
    std::ofstream keys(dir / "ppocr_keys_v1.txt");
    for (char c : std::string("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<")) keys << c << "\n";
  }
  std::ofstream(dir / "rec_1920.onnx") << "not a model";
  MapEnv env;
  env.Set("JAE_DNN_MODELS", dir.string());
  auto engine = MakeLocalEngine(env);
  std::filesystem::remove_all(dir);
  if (!engine.ok() && engine.status().code() == StatusCode::kNotFound) {
    GTEST_SKIP() << "OCR models missing: " << engine.status().ToString();
  }
  ASSERT_FALSE(engine.ok());
  EXPECT_EQ(engine.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(engine.status().message().find("rec_1920.onnx"), std::string::npos);
  env.Set("JAE_DNN_MODELS", "off");
  auto off = MakeLocalEngine(env);
  ASSERT_TRUE(off.ok()) << off.status().ToString();
  EXPECT_TRUE((*off)->ConfigurationWarnings().empty());
}

}  // namespace
}  // namespace jae::local
