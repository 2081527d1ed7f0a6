// A value of one letter that Tesseract's page reading dropped: "F" alone under "Sexe".
//
// Contract: ReadLoneLetter() looks under `label` (a label's box in `image`, the grey image
// the page was read from) and then right of it for exactly one character-sized mark — specks
// and marks cut by the search box ignored, anything more (a word, two letters) giving
// nothing — and reads that mark alone, restricted to `alphabet`, in two page modes. It
// returns the letter (source visual, Tesseract's confidence) only when a mode is sure
// (confidence >= 75) and no mode reads another letter. `api`'s page mode and whitelist are
// restored.
// Why: Tesseract takes a lone letter in a wide column for a speck (seen on card layouts
// with the sex in its own column); each page mode alone drops or doubts some letters the
// other reads surely.
#pragma once

#include <tesseract/baseapi.h>

#include <opencv2/core.hpp>
#include <optional>

#include "result/result.h"

namespace jae::local {

std::optional<Field> ReadLoneLetter(tesseract::TessBaseAPI& api, const cv::Mat& image,
                                    const cv::Rect& label, const char* alphabet);

}  // namespace jae::local
