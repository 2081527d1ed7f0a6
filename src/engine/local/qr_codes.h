// QR codes found in a grey document image, to be taken out before its printed text is read.
// Pure (OpenCV only).
//
// Contract: FindQrCodes returns the corners of the QR code OpenCV's detector finds in
// `gray` (8-bit grey, any size), if any, and only when it is drawn as a code is: nearly a
// square (sides and diagonals within 15 % of their mean), inside the image, at least 24
// pixels a side. The detector alone also answers on a card's portrait or guilloche, with
// skewed quads or quads crossing the image's edge, and painting those white lost a 2021
// card's names. ~45 ms on a 1600 x 1200 page, so the caller looks only where codes are
// printed: licences, not identity documents. Nothing is decoded.
// PaintQrCodesWhite paints each quad grown by its quiet zone (4 modules, ISO 18004's
// margin: an eighth of the side on each side) paper-white in `image` (8-bit, 1 or 3
// channels, the frame `gray` had).
// Why: a licence's QR code stands beside its rows of captions and values, and Tesseract's
// layout analysis joins the code's modules to the rows beside it: "N° de licence" was read
// as "Rte O0)" with the code's first row, the birth date's line grew 145 pixels tall and
// matched no caption (willow's printed licence).
#pragma once

#include <array>
#include <opencv2/core.hpp>
#include <vector>

namespace jae::local {

using Quad = std::array<cv::Point2f, 4>;

std::vector<Quad> FindQrCodes(const cv::Mat& gray);

void PaintQrCodesWhite(cv::Mat& image, const std::vector<Quad>& codes);

}  // namespace jae::local
