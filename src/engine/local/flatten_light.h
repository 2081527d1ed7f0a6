// Uneven light taken out of a grey document image. Pure (OpenCV only).
//
// Contract: FlattenLight divides each pixel by its neighbourhood's paper brightness (a
// dilation wider than any stroke, smoothed), so that ink stands against paper of one
// brightness (255) whatever the light and glare; 8-bit grey in, 8-bit grey out, same size.
// Why: the MRZ finder, the OCR-B classifier's thresholds and Tesseract then see one
// contrast across the page (on `hard` images it halves the OCR-B classifier's character
// errors). A file of its own so that tools/mrz_dnn_probe replays the engine's exact image.
#pragma once

#include <opencv2/core.hpp>

namespace jae::local {

cv::Mat FlattenLight(const cv::Mat& gray);

}  // namespace jae::local
