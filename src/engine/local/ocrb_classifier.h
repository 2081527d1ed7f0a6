// Our own MRZ recogniser: template matching against OCR-B glyphs rendered from the font
// the MRZ is printed in (Debian fonts-ocr-b). MRZ characters sit on a fixed pitch, so a
// line of known length is cut into equal cells and each cell is matched against the 37
// templates (A-Z, 0-9, '<') by normalised cross-correlation, with a little slack for
// position. Immutable after construction: thread-safe.
#pragma once

#include <array>
#include <map>
#include <memory>
#include <opencv2/core.hpp>
#include <string>
#include <utility>
#include <vector>

#include "common/status.h"

namespace jae::local {

// The classifier's alphabet, in the order of CellMatch::scores: A-Z, 0-9, '<'.
inline constexpr char kOcrbAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<";
inline constexpr int kOcrbAlphabetSize = 37;

// How one character cell matched every template: normalised cross-correlation, -1..1.
struct CellMatch {
  std::array<float, kOcrbAlphabetSize> scores{};
  float ScoreOf(char c) const;  // -1 for a character outside the alphabet
};

// The templates as rows of one matrix, each less its mean (CV_32F, templates x cell
// pixels), and each row's norm: what TM_CCOEFF_NORMED needs of a template.
struct TemplateBank {
  cv::Mat zero_mean;
  std::vector<double> norms;
};

class OcrbClassifier {
 public:
  // Renders the templates from the OCR-B font file; NotFound when it is missing.
  static StatusOr<std::unique_ptr<OcrbClassifier>> Load(const std::string& font_path);

  // Reads one MRZ line of `length` characters from `gray` inside `box` (the line's ink
  // extent, as LocateMrz gives it). `confidence` (optional) gets the mean margin between
  // the best and second-best template, 0..1; `cells` (optional) every cell's scores, so
  // that a caller can try the runner-up where the two were close.
  std::string ReadLine(const cv::Mat& gray, const cv::Rect& box, int length,
                       double* confidence = nullptr, std::vector<CellMatch>* cells = nullptr) const;

 private:
  OcrbClassifier() = default;
  std::vector<char> chars_;
  std::vector<cv::Mat> templates_;  // CV_32F, kCellW x kCellH
  TemplateBank bank_;               // templates_, as RankTemplates matches them
  // For each look-alike pair (mine, other): mine's own strokes, as a mask of the cell.
  std::map<std::pair<char, char>, cv::Mat> own_strokes_;
  double digit_over_cap_ = 1.0;  // digit height / capital height in the font
};

}  // namespace jae::local
