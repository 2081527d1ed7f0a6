// A PDF's own text layer (image/image.h TextLayerWord) as the OCR lines the field reader
// takes: words grouped into lines by their vertical overlap, left to right.
//
// Contract: pure; every word with text lands in exactly one line; a line's text is its
// words joined by one space; its confidence is 1 (the PDF says what it prints); lines come
// top to bottom. Words of one row are kept in one line even across a wide gap: the field
// reader splits columns by the words' boxes. Letter-spaced type, which the PDF gives a
// letter or two a word, is joined back into its words (the gap a space adds parts them).
#pragma once

#include <vector>

#include "engine/local/field_reader.h"
#include "image/image.h"

namespace jae::local {

std::vector<OcrLine> LinesFromTextLayer(const std::vector<TextLayerWord>& words);

}  // namespace jae::local
