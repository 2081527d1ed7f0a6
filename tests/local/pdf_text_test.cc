// A PDF attestation with its own text layer: the normaliser hands its words over
// (image/image.h) and the local engine reads the licence fields from them, without OCR.
// The PDF is written here by hand (Helvetica, WinAnsi), with invented data.
#include <gtest/gtest.h>

#include <chrono>
#include <opencv2/imgproc.hpp>
#include <string>
#include <vector>

#include "common/env.h"
#include "engine/local/local_engine.h"
#include "engine/local/text_layer.h"
#include "image/image.h"
#include "testing/minimal_pdf.h"

namespace jae {
namespace {

struct Text {
  double x, y;  // points from the bottom left, as PDF counts
  double size;
  std::string latin1;  // WinAnsi bytes: é is \xE9
};

// A picture on the page: 8-bit grey pixels drawn at (x, y) points from the bottom left,
// `width` points wide.
struct Picture {
  double x, y, width;
  cv::Mat gray;
};

// A one-page A4 PDF drawing `texts` in Helvetica (and `picture`, when it has pixels), with
// a correct cross-reference table.
std::string MakePdf(const std::vector<Text>& texts, const Picture& picture = {}) {
  std::string content;
  if (!picture.gray.empty()) {
    const double height = picture.width * picture.gray.rows / picture.gray.cols;
    content += "q " + std::to_string(picture.width) + " 0 0 " + std::to_string(height) + " " +
               std::to_string(picture.x) + " " + std::to_string(picture.y) + " cm /Im1 Do Q\n";
  }
  for (const auto& t : texts) {
    std::string escaped;
    for (char c : t.latin1) {
      if (c == '(' || c == ')' || c == '\\') escaped += '\\';
      escaped += c;
    }
    content += "BT /F1 " + std::to_string(t.size) + " Tf " + std::to_string(t.x) + " " +
               std::to_string(t.y) + " Td (" + escaped + ") Tj ET\n";
  }
  const std::string images = picture.gray.empty() ? "" : " /XObject << /Im1 6 0 R >>";
  std::vector<std::string> objects = {
      "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R "
      ">>" +
          images + " >> /Contents 5 0 R >>",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
      "<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "endstream"};
  if (!picture.gray.empty()) {
    const cv::Mat pixels = picture.gray.isContinuous() ? picture.gray : picture.gray.clone();
    const std::string bytes(reinterpret_cast<const char*>(pixels.data), pixels.total());
    objects.push_back("<< /Type /XObject /Subtype /Image /Width " + std::to_string(pixels.cols) +
                      " /Height " + std::to_string(pixels.rows) +
                      " /ColorSpace /DeviceGray /BitsPerComponent 8 /Length " +
                      std::to_string(bytes.size()) + " >>\nstream\n" + bytes + "\nendstream");
  }
  return testing::AssemblePdf(objects);
}

// An attestation as the federation's site exports it: label left, value right.
std::vector<Text> Attestation() {
  return {{170, 780, 18, "ATTESTATION DE LICENCE"},
          {60, 720, 12, "Saison sportive"},
          {260, 720, 12, "2025-2026"},
          {60, 696, 12, "Nom"},
          {260, 696, 12, "LEFEBVRE-ROUX"},
          {60, 672, 12, "Pr\xE9nom"},
          {260, 672, 12, "H\xE9l\xE8ne"},
          {60, 648, 12, "Date de naissance"},
          {260, 648, 12, "14/03/1987"},
          {60, 624, 12, "Sexe"},
          {260, 624, 12, "F\xE9minin"},
          {60, 600, 12, "Num\xE9ro de licence"},
          {260, 600, 12, "1234567 K"},
          {60, 576, 12, "Classement"},
          {260, 576, 12, "15/2"},
          {60, 552, 12, "Club"},
          {260, 552, 12, "TC Saint-Andr\xE9 des Vignes"},
          {60, 528, 12, "Num\xE9ro du club"},
          {260, 528, 12, "57 69 0123"},
          {60, 470, 9,
           "La F\xE9"
           "d\xE9ration Fran\xE7"
           "aise de Tennis certifie que la "
           "personne ci-dessus est licenci\xE9"
           "e."}};
}

NormalizedImage NormalizePdf(const std::string& pdf) {
  auto outcome = NormalizeImage(pdf, NormalizeOptions{});
  if (!outcome.ok() || !outcome->image) return {};
  return *std::move(outcome->image);
}

TEST(PdfTextLayerTest, TheNormaliserHandsTheWordsOver) {
  const NormalizedImage image = NormalizePdf(MakePdf(Attestation()));
  ASSERT_FALSE(image.bytes.empty());
  ASSERT_FALSE(image.text_layer.empty());
  const std::vector<local::OcrLine> lines = local::LinesFromTextLayer(image.text_layer);
  bool found = false;
  for (const auto& line : lines) {
    if (line.text.rfind("Nom LEFEBVRE-ROUX", 0) == 0) {
      found = true;
      // In the image's pixels: left third, upper half of an A4 page.
      EXPECT_LT(line.box.x, image.width / 3);
      EXPECT_LT(line.box.y, image.height / 2);
      EXPECT_GE(line.words.size(), 2u);
    }
  }
  EXPECT_TRUE(found);
}

// Words laid from `x` on, each piece `pieces[k]` (one or a few letters) `advance` pixels
// a letter wide, `gap` apart, and `word_gap` between the words that "|" parts: how a PDF
// gives letter-spaced type.
std::vector<TextLayerWord> Spaced(const std::string& pieces, int x, int y, int gap, int word_gap) {
  std::vector<TextLayerWord> out;
  std::string piece;
  bool new_word = false;
  auto flush = [&] {
    if (piece.empty()) return;
    if (!out.empty()) x += new_word ? word_gap : gap;
    const int width = 9 * static_cast<int>(piece.size());
    out.push_back(TextLayerWord{piece, x, y, width, 20, true});
    x += width;
    piece.clear();
    new_word = false;
  };
  for (char c : pieces) {
    if (c == ' ' || c == '|') {
      flush();
      if (c == '|') new_word = true;
    } else {
      piece += c;
    }
  }
  flush();
  return out;
}

std::vector<std::string> LineTexts(const std::vector<TextLayerWord>& words) {
  std::vector<std::string> texts;
  for (const auto& line : local::LinesFromTextLayer(words)) texts.push_back(line.text);
  return texts;
}

TEST(PdfTextLayerTest, LetterSpacedTypeIsJoinedIntoItsWords) {
  std::vector<TextLayerWord> words = Spaced("C L U B", 50, 100, 2, 12);
  for (auto& w : Spaced("Te n n i s|C l u b|d e|V a n n e s", 300, 100, 2, 9)) words.push_back(w);
  for (auto& w : Spaced("N O M", 50, 200, 3, 12)) words.push_back(w);
  words.push_back(TextLayerWord{"LEFORT", 300, 200, 60, 20, false});
  for (auto& w : Spaced("AT T E S TAT I O N|D E|L I C E N C E", 50, 300, 3, 12)) {
    words.push_back(w);
  }
  EXPECT_EQ(LineTexts(words), (std::vector<std::string>{"CLUB Tennis Club de Vannes", "NOM LEFORT",
                                                        "ATTESTATION DE LICENCE"}));
  // Cells of one letter far apart, initials, and a licence number's letter: as they are.
  std::vector<TextLayerWord> apart = Spaced("M F X", 50, 100, 30, 30);
  for (auto& w : Spaced("J. P.|DUPONT", 50, 200, 5, 5)) apart.push_back(w);
  for (auto& w : Spaced("1029384|J", 50, 300, 5, 5)) apart.push_back(w);
  // A sentence's short words: "né le 9 ," (the comma its own word), "Il y a 3 mois".
  for (auto& w : Spaced("CHEVALIER|,|né|le|9|décembre", 50, 400, 6, 6)) apart.push_back(w);
  for (auto& w : Spaced("Il|y|a|3|mois", 50, 500, 6, 6)) apart.push_back(w);
  EXPECT_EQ(LineTexts(apart),
            (std::vector<std::string>{"M F X", "J. P. DUPONT", "1029384 J",
                                      "CHEVALIER , né le 9 décembre", "Il y a 3 mois"}));
}

TEST(PdfTextLayerTest, APictureOnlyPdfHasNoTextLayer) {
  const NormalizedImage image = NormalizePdf(MakePdf({}));
  ASSERT_FALSE(image.bytes.empty());
  EXPECT_TRUE(image.text_layer.empty());
}

// What the local engine reads from a PDF drawing `texts`: a licence, its fields `want`
// read from the text layer (source visual), no MRZ.
void ExpectLicenceFields(const std::vector<Text>& texts,
                         const std::vector<std::pair<FieldName, std::string>>& want,
                         const Picture& picture = {}) {
  auto engine = MakeLocalEngine(MapEnv());
  if (!engine.ok()) GTEST_SKIP() << "OCR models missing";
  const NormalizedImage image = NormalizePdf(MakePdf(texts, picture));
  ASSERT_FALSE(image.text_layer.empty());
  const auto start = std::chrono::steady_clock::now();
  auto result = (*engine)->Extract(image, start + std::chrono::seconds(60));
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  ASSERT_TRUE(result->extraction.has_value());
  const verify::Extraction& ex = *result->extraction;
  EXPECT_EQ(ex.type, DocumentType::kFftLicence);
  for (const auto& [name, value] : want) {
    SCOPED_TRACE(std::string(ToString(name)));
    ASSERT_TRUE(ex.fields.count(name));
    EXPECT_EQ(ex.fields.at(name).value, value);
    EXPECT_EQ(ex.fields.at(name).source, FieldSource::kVisual);
  }
  EXPECT_TRUE(ex.mrz_lines.empty());
}

TEST(PdfTextLayerTest, TheLocalEngineReadsTheAttestationFromItsText) {
  ExpectLicenceFields(Attestation(), {{FieldName::kSeason, "2026"},
                                      {FieldName::kSurname, "LEFEBVRE-ROUX"},
                                      {FieldName::kGivenNames, "Hélène"},
                                      {FieldName::kBirthDate, "14/03/1987"},
                                      {FieldName::kSex, "F"},
                                      {FieldName::kLicenceNumber, "1234567 K"},
                                      {FieldName::kRanking, "15/2"},
                                      {FieldName::kClubName, "TC Saint-André des Vignes"},
                                      {FieldName::kClubNumber, "57 69 0123"}});
}

// An attestation whose surname is a picture, not text (a name set in a script font and
// exported as an image): the text gives the other fields, the page's pixels the surname.
TEST(PdfTextLayerTest, WhatTheTextLacksIsReadFromThePage) {
  std::vector<Text> texts;
  for (const Text& t : Attestation()) {
    if (t.latin1 != "LEFEBVRE-ROUX") texts.push_back(t);
  }
  cv::Mat name(60, 330, CV_8UC1, cv::Scalar(255));
  cv::putText(name, "MARTIN", {10, 48}, cv::FONT_HERSHEY_DUPLEX, 1.6, cv::Scalar(0), 2,
              cv::LINE_AA);
  ExpectLicenceFields(texts,
                      {{FieldName::kSurname, "MARTIN"},
                       {FieldName::kGivenNames, "Hélène"},
                       {FieldName::kLicenceNumber, "1234567 K"}},
                      Picture{260, 692, 100, name});
}

// An attestation as a letter: the season in its title, the holder after a civility
// (surname first, given names of two parts), the number "sous le numéro", the club's
// number spaced in its bracket across the line's wrap, the ranking after "classé".
TEST(PdfTextLayerTest, TheLocalEngineReadsAnAttestationWrittenAsALetter) {
  ExpectLicenceFields(
      {{200, 780, 16, "ATTESTATION DE LICENCE 2026"},
       {60, 740, 11,
        "La F\xE9"
        "d\xE9ration Fran\xE7"
        "aise de Tennis atteste que :"},
       {90, 716, 11, "M. DUPONT Jean-Baptiste"},
       {60, 692, 11, "licenci\xE9 sous le num\xE9ro 1234567 A au club Tennis Club de la"},
       {60, 676, 11,
        "Vall\xE9"
        "e (57 92 0123), n\xE9 le 01/01/1990, class\xE9 15/4."}},
      {{FieldName::kSeason, "2026"},
       {FieldName::kSurname, "DUPONT"},
       {FieldName::kGivenNames, "Jean-Baptiste"},
       {FieldName::kSex, "M"},
       {FieldName::kBirthDate, "01/01/1990"},
       {FieldName::kLicenceNumber, "1234567 A"},
       {FieldName::kRanking, "15/4"},
       {FieldName::kClubName, "Tennis Club de la Vallée"},
       {FieldName::kClubNumber, "57920123"}});
}

// A passport page exported as a PDF with its text (the ICAO specimen's data): the MRZ is
// taken from the text when every check holds as written.
std::vector<Text> PassportPage(const std::string& line2) {
  return {{60, 760, 12, "Nom / Surname"},
          {260, 760, 12, "ERIKSSON"},
          {60, 736, 12, "Pr\xE9noms / Given names"},
          {260, 736, 12, "ANNA MARIA"},
          {40, 120, 11, "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<"},
          {40, 100, 11, line2}};
}

TEST(PdfTextLayerTest, TheLocalEngineTakesAnMrzFromTheTextOnlyWhenItsChecksHold) {
  auto engine = MakeLocalEngine(MapEnv());
  if (!engine.ok()) GTEST_SKIP() << "OCR models missing";
  const std::string good = "L898902C36UTO7408122F1204159ZE184226B<<<<<10";
  const NormalizedImage image = NormalizePdf(MakePdf(PassportPage(good)));
  ASSERT_FALSE(image.text_layer.empty());
  const auto start = std::chrono::steady_clock::now();
  auto result = (*engine)->Extract(image, start + std::chrono::seconds(60));
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  ASSERT_TRUE(result->extraction.has_value());
  EXPECT_EQ(result->extraction->type, DocumentType::kPassport);
  EXPECT_EQ(result->extraction->mrz_lines,
            (std::vector<std::string>{"P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", good}));

  // One digit changed: the text's MRZ is not taken as written (the pixels are read).
  const std::string bad = "L898902C36UTO7408122F1204159ZE184226B<<<<<19";
  const NormalizedImage other = NormalizePdf(MakePdf(PassportPage(bad)));
  auto second = (*engine)->Extract(other, start + std::chrono::seconds(60));
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  if (second->extraction) {
    EXPECT_NE(second->extraction->mrz_lines,
              (std::vector<std::string>{"P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", bad}));
  }
}

}  // namespace
}  // namespace jae
