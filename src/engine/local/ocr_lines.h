// The reader's lines made fit for the field readers. Pure.
//
// Contract: DropTallBars(line) removes the words at the head and at the tail of
// `line.words` made only of bars and brackets ("|", "!", "()[]{}") that stand more than twice
// as tall as the median height of the line's words holding a letter or a digit; when it
// removes one, `line.text` becomes the remaining words joined by spaces and `line.box` their
// union. Such a word between two others, a line with none, or a line with no word holding a
// letter or digit is left as it is.
// Why: a frame's or a photo's edge read as "|" at the head of a caption's line stretches the
// line's box down over the values under it, which are then no longer under their caption
// (a card's "N° DU DOCUMENT" lost its number). Between two words a tall bar or slash joins a
// bilingual caption's two languages ("ADRESSE | ADDRESS"): it stays.
#pragma once

#include "engine/local/field_reader.h"

namespace jae::local {

void DropTallBars(OcrLine& line);

}  // namespace jae::local
