#include "render.h"

#include <cmath>
#include <opencv2/imgproc.hpp>
#include <string_view>

#include "mrz_build.h"

namespace jae::gendocs {
namespace {

constexpr char kRegularFont[] = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
constexpr char kBoldFont[] = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";
constexpr char kOcrbFont[] = "/usr/share/fonts/opentype/ocr-b/OCRB.otf";

int Uniform(std::mt19937_64& rng, int lo, int hi) {
  return std::uniform_int_distribution<int>(lo, hi)(rng);
}

const cv::Scalar kInk(40, 30, 25);
const cv::Scalar kLabelInk(110, 90, 70);

// Draws text with its baseline at `y`; returns the x just after it.
int Text(cv::Mat& img, cv::freetype::FreeType2& font, const std::string& text, int x, int y,
         int height, const cv::Scalar& color = kInk) {
  if (text.empty()) return x;
  font.putText(img, text, cv::Point(x, y), height, color, -1, cv::LINE_AA, true);
  int base = 0;
  return x + font.getTextSize(text, height, -1, &base).width;
}

// Light background with a gradient and guilloche-like curves: decoration that a reader
// must ignore, in colours far lighter than the ink.
void Background(cv::Mat& img, cv::Scalar base, std::mt19937_64& rng) {
  const int w = img.cols, h = img.rows;
  for (int y = 0; y < h; ++y) {
    const double t = static_cast<double>(y) / h;
    cv::Scalar row = base * (1.0 - 0.06 * t);
    img.row(y).setTo(row);
  }
  const cv::Scalar line = base * 0.90;
  const double phase = Uniform(rng, 0, 628) / 100.0;
  for (int k = 0; k < 14; ++k) {
    std::vector<cv::Point> pts;
    const double amp = h * (0.03 + 0.01 * (k % 4));
    const double freq = 2 * M_PI * (2 + k % 3) / w;
    for (int x = 0; x < w; x += 6) {
      pts.emplace_back(x,
                       static_cast<int>(h * (k + 0.5) / 14 + amp * std::sin(freq * x + phase + k)));
    }
    cv::polylines(img, pts, false, line, 1, cv::LINE_AA);
  }
}

cv::Mat RoundedMask(cv::Size size, int radius) {
  cv::Mat mask(size, CV_8UC1, cv::Scalar(0));
  const int w = size.width, h = size.height;
  cv::rectangle(mask, cv::Rect(radius, 0, w - 2 * radius, h), 255, cv::FILLED);
  cv::rectangle(mask, cv::Rect(0, radius, w, h - 2 * radius), 255, cv::FILLED);
  for (cv::Point c :
       {cv::Point(radius, radius), cv::Point(w - radius - 1, radius),
        cv::Point(radius, h - radius - 1), cv::Point(w - radius - 1, h - radius - 1)}) {
    cv::circle(mask, c, radius, 255, cv::FILLED, cv::LINE_AA);
  }
  return mask;
}

void Photo(cv::Mat& img, cv::Rect r, std::mt19937_64& rng) {
  const int shade = Uniform(rng, 170, 215);
  cv::rectangle(img, r, cv::Scalar(shade, shade, shade - 5), cv::FILLED);
  const cv::Scalar person(shade - 80, shade - 85, shade - 70);
  const cv::Point head(r.x + r.width / 2, r.y + r.height * 2 / 5);
  cv::ellipse(img, head, cv::Size(r.width / 5, r.height / 6), 0, 0, 360, person, cv::FILLED,
              cv::LINE_AA);
  cv::ellipse(img, cv::Point(head.x, r.y + r.height), cv::Size(r.width * 2 / 5, r.height / 3), 0,
              180, 360, person, cv::FILLED, cv::LINE_AA);
}

// Field printed with its label above it (the 2021 card, passport, residence permit).
struct Stacked {
  cv::Mat& img;
  Fonts& fonts;
  int x, y, label_h, value_h, step;
  void Add(const std::string& label, const std::string& value) {
    Text(img, fonts.regular(), label, x, y + label_h, label_h, kLabelInk);
    Text(img, fonts.bold(), value, x, y + label_h + 6 + value_h, value_h);
    y += step;
  }
};

// Field printed as "Label : value" on one line (the 1988 card, the FFT licence).
struct Inline {
  cv::Mat& img;
  Fonts& fonts;
  int x, y, label_h, value_h, step;
  void Add(const std::string& label, const std::string& value) {
    const int end = Text(img, fonts.regular(), label + " :", x, y, label_h, kLabelInk);
    Text(img, fonts.bold(), value, end + label_h / 2, y, value_h);
    y += step;
  }
};

void Mrz(cv::Mat& img, const std::vector<std::string>& lines, Fonts& fonts) {
  const int w = img.cols, h = img.rows;
  const int chars = static_cast<int>(lines[0].size());
  // OCR-B advances ~0.717 em; the zone spans ~92 % of the width.
  const int height = static_cast<int>(0.92 * w / chars / 0.717);
  const int pitch = static_cast<int>(height * 1.25);
  const int x = static_cast<int>(0.04 * w);
  int y = h - static_cast<int>(0.05 * h) - pitch * (static_cast<int>(lines.size()) - 1);
  for (const auto& line : lines) {
    Text(img, fonts.ocrb(), line, x, y, height, cv::Scalar(20, 20, 20));
    y += pitch;
  }
}

void Header(cv::Mat& img, Fonts& fonts, int x, const std::string& title, const std::string& sub,
            int scale) {
  Text(img, fonts.bold(), title, x, 38 * scale / 10, 24 * scale / 10, cv::Scalar(120, 60, 20));
  Text(img, fonts.regular(), sub, x, 70 * scale / 10, 19 * scale / 10, cv::Scalar(120, 60, 20));
}

std::string SpacedDate(const Date& d) { return FormatDate(d, ' '); }

const char* kForeignNationalities[] = {"MAR", "SEN", "DZA", "TUN", "VNM", "PRT", "ITA", "CMR"};

}  // namespace

std::string KindName(Kind kind) {
  switch (kind) {
    case Kind::kFrId1988:
      return "fr_id_1988";
    case Kind::kFrId2021Front:
      return "fr_id_2021_front";
    case Kind::kFrId2021Back:
      return "fr_id_2021_back";
    case Kind::kFrPassport:
      return "fr_passport";
    case Kind::kFrResidence:
      return "fr_residence";
    case Kind::kFftLicence:
      return "fft_licence";
  }
  return "?";
}

bool KindFromName(const std::string& name, Kind* kind) {
  for (Kind k : kAllKinds) {
    if (KindName(k) == name) {
      *kind = k;
      return true;
    }
  }
  return false;
}

std::unique_ptr<Fonts> Fonts::Load() {
  auto fonts = std::unique_ptr<Fonts>(new Fonts);
  try {
    fonts->regular_ = cv::freetype::createFreeType2();
    fonts->regular_->loadFontData(kRegularFont, 0);
    fonts->bold_ = cv::freetype::createFreeType2();
    fonts->bold_->loadFontData(kBoldFont, 0);
    fonts->ocrb_ = cv::freetype::createFreeType2();
    fonts->ocrb_->loadFontData(kOcrbFont, 0);
  } catch (const cv::Exception&) {
    return nullptr;
  }
  return fonts;
}

cv::Mat RenderMrzLines(const std::vector<std::string>& lines, int char_height, Fonts& fonts) {
  const int chars = lines.empty() ? 1 : static_cast<int>(lines[0].size());
  const int w = static_cast<int>(chars * char_height * 0.717 / 0.92);
  const int pitch = static_cast<int>(char_height * 1.25);
  const int h = static_cast<int>(pitch * lines.size() / 0.8);
  cv::Mat img(h, w, CV_8UC3, cv::Scalar(255, 255, 255));
  if (!lines.empty()) Mrz(img, lines, fonts);
  return img;
}

RenderedDoc RenderDocument(Kind kind, const Identity& base_id, std::mt19937_64& rng, Fonts& fonts) {
  Identity id = base_id;
  RenderedDoc doc;
  Truth& t = doc.truth;
  t.kind = KindName(kind);
  const bool passport = kind == Kind::kFrPassport;
  const cv::Size size = passport ? cv::Size(1476, 1039) : cv::Size(1012, 638);
  const int scale = passport ? 14 : 10;
  cv::Scalar base;
  switch (kind) {
    case Kind::kFrId1988:
      base = cv::Scalar(228, 236, 222);
      break;
    case Kind::kFrId2021Front:
    case Kind::kFrId2021Back:
      base = cv::Scalar(240, 226, 232);
      break;
    case Kind::kFrPassport:
      base = cv::Scalar(238, 228, 214);
      break;
    case Kind::kFrResidence:
      base = cv::Scalar(214, 232, 236);
      break;
    case Kind::kFftLicence:
      base = cv::Scalar(246, 244, 240);
      break;
  }
  doc.image = cv::Mat(size, CV_8UC3);
  Background(doc.image, base, rng);
  doc.mask = RoundedMask(size, passport ? 8 : 34);
  cv::Mat& img = doc.image;
  auto& f = t.fields;

  switch (kind) {
    case Kind::kFrId1988: {
      // Card issued 2005-2020; number = YYMM + office + 5-digit sequence.
      id.issue_date = Date{Uniform(rng, 2005, 2020), Uniform(rng, 1, 12), Uniform(rng, 1, 28)};
      char yymm[8];
      std::snprintf(yymm, sizeof yymm, "%02d%02d", id.issue_date.year % 100, id.issue_date.month);
      std::string office =
          RandomDigits(rng, 2) + (Uniform(rng, 0, 3) == 0 ? "K" : RandomDigits(rng, 1));
      const std::string number = yymm + office + RandomDigits(rng, 5);
      t.document_type = "id_card";
      t.side = "front";
      Header(img, fonts, 330, "RÉPUBLIQUE FRANÇAISE", "CARTE NATIONALE D'IDENTITÉ N° : " + number,
             scale);
      Photo(img, cv::Rect(40, 110, 250, 320), rng);
      Inline rows{img, fonts, 330, 150, 21, 26, 48};
      rows.Add("Nom", id.surname);
      rows.Add("Prénom(s)", JoinGivenNames(id, true));
      rows.Add("Sexe", std::string(1, id.sex));
      rows.Add("Né(e) le", FormatDate(id.birth_date, '.'));
      rows.Add("à", id.birth_place);
      Text(img, fonts.regular(), "Taille : 1,7" + std::to_string(Uniform(rng, 0, 9)) + " m", 330,
           rows.y, 19, kLabelInk);
      t.mrz_lines = BuildFrId1988(id, number, office.substr(0, 3) + RandomDigits(rng, 3));
      f = {{"surname", id.surname},         {"given_names", JoinGivenNames(id, false)},
           {"sex", std::string(1, id.sex)}, {"birth_date", IsoDate(id.birth_date)},
           {"birth_place", id.birth_place}, {"document_number", number}};
      break;
    }
    case Kind::kFrId2021Front: {
      // A number given by the caller (a dossier's two sides of one card) is kept.
      if (id.document_number.empty()) id.document_number = RandomUpperAlnum(rng, 9);
      t.document_type = "id_card";
      t.side = "front";
      Header(img, fonts, 300, "RÉPUBLIQUE FRANÇAISE", "CARTE NATIONALE D'IDENTITÉ / IDENTITY CARD",
             scale);
      Photo(img, cv::Rect(40, 120, 230, 300), rng);
      Stacked rows{img, fonts, 300, 92, 15, 24, 56};
      rows.Add("NOM / Surname", id.surname);
      rows.Add("Prénoms / Given names", JoinGivenNames(id, true));
      rows.Add("Sexe / Sex", std::string(1, id.sex));
      rows.Add("Nationalité / Nationality", "FRA");
      rows.Add("Date de naiss. / Date of birth", SpacedDate(id.birth_date));
      rows.Add("Lieu de naissance / Place of birth", id.birth_place);
      rows.Add("N° du document / Document No", id.document_number);
      rows.Add("Date d'expiration / Expiry date", SpacedDate(id.expiry_date));
      f = {{"surname", id.surname},
           {"given_names", JoinGivenNames(id, false)},
           {"sex", std::string(1, id.sex)},
           {"nationality", "FRA"},
           {"birth_date", IsoDate(id.birth_date)},
           {"birth_place", id.birth_place},
           {"document_number", id.document_number},
           {"expiry_date", IsoDate(id.expiry_date)}};
      break;
    }
    case Kind::kFrId2021Back: {
      if (id.document_number.empty()) id.document_number = RandomUpperAlnum(rng, 9);
      t.document_type = "id_card";
      t.side = "back";
      const std::string address = std::to_string(Uniform(rng, 1, 120)) + " RUE DES LILAS " +
                                  RandomDigits(rng, 5) + " " + id.birth_place;
      Stacked rows{img, fonts, 60, 40, 15, 24, 58};
      rows.Add("Adresse / Address", address);
      rows.Add("Date de délivrance / Date of issue", SpacedDate(id.issue_date));
      rows.Add("Autorité / Authority", "PRÉFECTURE");
      t.mrz_lines = BuildTd1(id, "ID", "FRA");
      f = {{"address", address}, {"issue_date", IsoDate(id.issue_date)}};
      break;
    }
    case Kind::kFrPassport: {
      id.document_number = RandomDigits(rng, 2) + RandomUpperAlnum(rng, 2) + RandomDigits(rng, 5);
      for (int i = 2; i < 4; ++i)
        id.document_number[i] = static_cast<char>('A' + Uniform(rng, 0, 25));
      t.document_type = "passport";
      t.side = "front";
      Header(img, fonts, 480, "RÉPUBLIQUE FRANÇAISE", "PASSEPORT / PASSPORT", scale);
      Photo(img, cv::Rect(60, 150, 360, 470), rng);
      Stacked rows{img, fonts, 480, 120, 20, 32, 74};
      rows.Add("Passeport N° / Passport No", id.document_number);
      rows.Add("Nom / Surname", id.surname);
      rows.Add("Prénoms / Given names", JoinGivenNames(id, true));
      rows.Add("Nationalité / Nationality", "Française");
      rows.Add("Date de naissance / Date of birth", SpacedDate(id.birth_date));
      rows.Add("Lieu de naissance / Place of birth", id.birth_place);
      rows.Add("Sexe / Sex", std::string(1, id.sex));
      rows.Add("Date de délivrance / Date of issue", SpacedDate(id.issue_date));
      rows.Add("Date d'expiration / Date of expiry", SpacedDate(id.expiry_date));
      t.mrz_lines = BuildTd3(id, "FRA");
      f = {{"surname", id.surname},
           {"given_names", JoinGivenNames(id, false)},
           {"sex", std::string(1, id.sex)},
           {"birth_date", IsoDate(id.birth_date)},
           {"birth_place", id.birth_place},
           {"document_number", id.document_number},
           {"issue_date", IsoDate(id.issue_date)},
           {"expiry_date", IsoDate(id.expiry_date)}};
      break;
    }
    case Kind::kFrResidence: {
      id.document_number = RandomUpperAlnum(rng, 9);
      id.nationality = kForeignNationalities[Uniform(rng, 0, 7)];
      id.expiry_date =
          Date{id.issue_date.year + Uniform(rng, 1, 10), id.issue_date.month, id.issue_date.day};
      t.document_type = "residence_permit";
      t.side = "both";
      Header(img, fonts, 300, "RÉPUBLIQUE FRANÇAISE", "TITRE DE SÉJOUR / RESIDENCE PERMIT", scale);
      Photo(img, cv::Rect(40, 110, 230, 290), rng);
      Stacked rows{img, fonts, 300, 88, 15, 24, 56};
      rows.Add("NOM / Surname", id.surname);
      rows.Add("Prénoms / Given names", JoinGivenNames(id, true));
      rows.Add("Sexe / Sex", std::string(1, id.sex));
      rows.Add("Nationalité / Nationality", id.nationality);
      rows.Add("Date de naissance / Date of birth", SpacedDate(id.birth_date));
      rows.Add("Date d'expiration / Expiry date", SpacedDate(id.expiry_date));
      t.mrz_lines = BuildTd1(id, Uniform(rng, 0, 1) ? "IR" : "AR", "FRA");
      f = {{"surname", id.surname},
           {"given_names", JoinGivenNames(id, false)},
           {"sex", std::string(1, id.sex)},
           {"nationality", id.nationality},
           {"birth_date", IsoDate(id.birth_date)},
           {"expiry_date", IsoDate(id.expiry_date)}};
      break;
    }
    case Kind::kFftLicence: {
      t.document_type = "fft_licence";
      t.side = "front";
      // A light header band (a printed attestation, not a plastic card).
      cv::rectangle(img, cv::Rect(0, 0, size.width, 96), cv::Scalar(250, 240, 228), cv::FILLED);
      cv::circle(img, cv::Point(70, 48), 32, cv::Scalar(60, 200, 230), cv::FILLED, cv::LINE_AA);
      Text(img, fonts.bold(), "FÉDÉRATION FRANÇAISE DE TENNIS", 130, 44, 28,
           cv::Scalar(140, 70, 20));
      Text(img, fonts.regular(), "ATTESTATION DE LICENCE", 130, 80, 20, cv::Scalar(140, 70, 20));
      const std::string given = id.given_names.front();
      Inline rows{img, fonts, 60, 150, 21, 25, 50};
      rows.Add("Saison", id.season);
      rows.Add("Nom", id.surname);
      rows.Add("Prénom", given);
      rows.Add("Né(e) le", FormatDate(id.birth_date, '/'));
      rows.Add("Sexe", id.sex == 'F' ? "F" : "M");
      rows.Add("N° de licence", id.licence_number);
      rows.Add("Club", id.club_name);
      rows.Add("N° de club", id.club_number);
      rows.Add("Classement", id.ranking);
      f = {{"season", id.season},           {"surname", id.surname},
           {"given_names", given},          {"birth_date", IsoDate(id.birth_date)},
           {"sex", std::string(1, id.sex)}, {"licence_number", id.licence_number},
           {"club_name", id.club_name},     {"club_number", id.club_number},
           {"ranking", id.ranking}};
      break;
    }
  }
  if (!t.mrz_lines.empty()) Mrz(img, t.mrz_lines, fonts);
  return doc;
}

}  // namespace jae::gendocs
