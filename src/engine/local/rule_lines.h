// Ruling lines (a table's cell borders, a form's underlines, a signature line) taken out of
// a grey document image before its printed text is read. Pure (OpenCV only).
//
// Contract: WithoutRuleLines returns `gray` with every dark straight horizontal run longer
// than about 6 % of the image's width, and every vertical one taller than about 8 % of its
// height, painted paper-white (255), with a pixel of margin; 8-bit grey in, same size out.
// Strokes of letters are shorter than that at the sizes the engine reads (text lines are
// 1/25 of a document's height or less), so text is left as it was, but where a line
// crosses a character.
// Why: Tesseract takes a cell border beside a caption for a character ('|', 'I', '1') or
// merges the rows a border joins into one line, and the values of a bordered table
// ("nom / surname | BLANCHARD") were lost or glued to noise.
#pragma once

#include <opencv2/core.hpp>

namespace jae::local {

cv::Mat WithoutRuleLines(const cv::Mat& gray);

}  // namespace jae::local
