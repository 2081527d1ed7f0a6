// Renders specimen-like (not copies of real designs) synthetic documents with their
// ground truth: French identity cards (1988 and 2021 models), passport data page,
// residence permit and FFT licence.
#pragma once

#include <map>
#include <memory>
#include <opencv2/core.hpp>
#include <opencv2/freetype.hpp>
#include <random>
#include <string>
#include <vector>

#include "identity.h"

namespace jae::gendocs {

enum class Kind {
  kFrId1988,
  kFrId2021Front,
  kFrId2021Back,
  kFrPassport,
  kFrResidence,
  kFftLicence
};
inline constexpr Kind kAllKinds[] = {Kind::kFrId1988,   Kind::kFrId2021Front, Kind::kFrId2021Back,
                                     Kind::kFrPassport, Kind::kFrResidence,   Kind::kFftLicence};
std::string KindName(Kind kind);  // "fr_id_1988", ...
bool KindFromName(const std::string& name, Kind* kind);

// What a reader should find. Field keys are the schema's field names; dates ISO 8601.
struct Truth {
  std::string kind;
  std::string document_type;  // schema spelling: "id_card", "passport", ...
  std::string side;           // "front", "back", "both"
  std::vector<std::string> mrz_lines;
  std::map<std::string, std::string> fields;
};

struct RenderedDoc {
  cv::Mat image;  // BGR, the flat document
  cv::Mat mask;   // 8-bit, 255 inside the document (rounded corners)
  Truth truth;
};

// The fonts a renderer needs; loaded once, not thread-safe.
class Fonts {
 public:
  // Fails (returns nullptr) when a font file is missing.
  static std::unique_ptr<Fonts> Load();
  cv::freetype::FreeType2& regular() { return *regular_; }
  cv::freetype::FreeType2& bold() { return *bold_; }
  cv::freetype::FreeType2& ocrb() { return *ocrb_; }

 private:
  cv::Ptr<cv::freetype::FreeType2> regular_, bold_, ocrb_;
};

RenderedDoc RenderDocument(Kind kind, const Identity& identity, std::mt19937_64& rng, Fonts& fonts);

// Renders MRZ lines alone in OCR-B on white (for tests of the recogniser).
cv::Mat RenderMrzLines(const std::vector<std::string>& lines, int char_height, Fonts& fonts);

}  // namespace jae::gendocs
