// Which way round the text of an image is: dark on light (paper, a light app theme) or
// light on dark (a phone screenshot in dark mode, a negative). Pure (OpenCV only).
//
// Contract: LightTextOnDark is true when the image holds clearly more character-sized
// marks lighter than their surround than marks darker than it. Every later stage (outline,
// MRZ finder, OCR-B classifier, Tesseract) expects dark ink on light paper, so such an
// image is inverted once, before anything reads it.
// Why characters and not brightness: a light card photographed on a dark table is mostly
// dark, yet its text is dark on light; what tells the two apart is the polarity of the
// characters (what is lighter or darker than its neighbourhood, in the size and shape of
// a glyph), not how much of the picture is dark.
#pragma once

#include <opencv2/core.hpp>

namespace jae::local {

// `image`: 8-bit gray or BGR, any size.
bool LightTextOnDark(const cv::Mat& image);

}  // namespace jae::local
