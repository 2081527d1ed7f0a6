// Words printed small on the line of larger ones: a caption before its value on one line
// ("Nom de famille  CHEVALIER", "Sexe M  Nationalité Française").
//
// Why: Tesseract scales each line to one height, so that 10-pixel captions beside
// 25-pixel values come out as noise ("om defamite CHEVALIER", "see M tonte Française"),
// and the values lose the labels that name them. Read alone and enlarged, the same
// captions come out clean.
//
// Contract: SmallWordRuns() (pure) gives, for each run of a line's words that stands
// between large words (at least 4/5 of the line's height, at most 3/2) or before the first
// and holds a word at most 3/5 of the large words' height, the area where the run stands
// (up to its large neighbours, with a margin), unless the run was read surely (its words'
// mean confidence at least 0.85), and the factor that brings it to a readable
// height. ReadSmallWordsApart() reads each run's area alone, enlarged, as one line, and
// replaces the run's words by the new reading when it is surer (its words' mean confidence
// at least 0.1 higher); the line's text is then its words joined by spaces. `api`'s page
// mode is restored. Lines without such runs are left as they are.
#pragma once

#include <tesseract/baseapi.h>

#include <opencv2/core.hpp>
#include <vector>

#include "engine/local/field_reader.h"

namespace jae::local {

struct SmallWordRun {
  size_t first = 0, end = 0;  // the line's words [first, end)
  cv::Rect area;              // in the line's image
  double scale = 1;
};

std::vector<SmallWordRun> SmallWordRuns(const OcrLine& line);

void ReadSmallWordsApart(tesseract::TessBaseAPI& api, const cv::Mat& gray,
                         std::vector<OcrLine>& lines);

}  // namespace jae::local
