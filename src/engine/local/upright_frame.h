// The frame in which text Tesseract found turned (a quarter or a half) stands upright.
// Why: Tesseract reads vertical lines (a portrait attestation that the landscape
// rectification laid on its side) but reports their boxes in the image it was given;
// caption-above-value geometry needs them as a reader sees them, and every later look at
// the page's pixels around those boxes must then look at the page turned the same way.
#pragma once

#include <tesseract/publictypes.h>

#include <opencv2/core.hpp>

namespace jae::local {

// `box`, found in an image of `size` by text facing `facing` (where the text's top points),
// in the frame of UprightImage(image, facing).
cv::Rect UprightBox(const cv::Rect& box, cv::Size size, tesseract::Orientation facing);

// The size of an image of `size` turned so that text facing `facing` stands upright (its
// sides swapped for a quarter turn): the document's width as its text stands, which scales
// a reader's tolerances.
cv::Size UprightSize(cv::Size size, tesseract::Orientation facing);

// `image` turned so that text facing `facing` stands upright; `image` itself (shared, not
// copied) for ORIENTATION_PAGE_UP. Contract: the pixels of `image` in `box` are those of
// UprightImage(image, facing) in UprightBox(box, image.size(), facing), turned.
cv::Mat UprightImage(const cv::Mat& image, tesseract::Orientation facing);

}  // namespace jae::local
