// Ruling lines (a table's cell borders, a form's underlines, a signature line) taken out of
// a grey document image before its printed text is read. Pure (OpenCV only).
//
// Contract: WithoutRuleLines returns `gray` with every thin (at most ~1/150 of the image's
// smaller side) dark straight horizontal run longer than 1/6 of the image's width, and every
// such vertical one taller than 1/12 of its height, painted paper-white (255), with a pixel
// of margin; 8-bit grey in, same size out. Text is left as it was, but where a rule crosses
// a character: a blurred word's merged strokes are thicker or shorter than that (at 1/16 of
// the width, a blurred "MARCHAND" lost its first half).
// Why: Tesseract takes a cell border beside a caption for a character ('|', 'I', '1') or
// merges the rows a border joins into one line, and the values of a bordered table
// ("nom / surname | BLANCHARD") were lost or glued to noise.
#pragma once

#include <opencv2/core.hpp>

namespace jae::local {

cv::Mat WithoutRuleLines(const cv::Mat& gray);

// Contract: WithoutDotLeaders returns `gray` with every dot leader painted paper-white: a row of
// at least six small ink dots (each at most ~1/150 of the image's smaller side, about as wide
// as tall) on one baseline at a regular pitch of at least twice their size and at most six
// times the largest a dot may be; 8-bit grey in, same size out. A period, a colon or an i's
// dot stands alone or in twos, and a word printed tiny has letters that nearly touch: they
// stay.
// Why: a form's dotted line between a caption and its value ("Nom . . . . . . HOARAU") is
// read by Tesseract as a run of letters ("NOM EN NAN A RE RS") that swallows the caption
// and glues noise to the value.
cv::Mat WithoutDotLeaders(const cv::Mat& gray);

// Contract: WithoutCharacterBoxes returns `gray` with every row of character boxes painted
// paper-white: at least four thin hollow frames side by side (each about as wide as tall,
// every side drawn along nine tenths of its length at least, nothing of the frame inside),
// of one height, on one line, at most a frame's height apart. The characters inside, which
// do not touch their frames, stay; a letter's round strokes ('O', 'D', '0') never cover a
// side that far, and never come in such a row. 8-bit grey in, same size out.
// Why: a form prints a number one character a box ("| 4 | 7 | 3 | 0 |", a comb field), and
// Tesseract read the boxes with their digits as letters ("GUEGAOPE" for "4730101K").
cv::Mat WithoutCharacterBoxes(const cv::Mat& gray);

// Contract: WithoutDotLeadersOrCharacterBoxes returns `gray` with both its dot leaders and its
// rows of character boxes painted white, as WithoutCharacterBoxes(WithoutDotLeaders(gray))
// would, from one thresholding and labelling of its ink instead of two (a leader's dots and a
// box's frame are components of their own, whichever goes first).
// Why: every page reading takes both out; the second pass cost as much as the first (~7 ms).
cv::Mat WithoutDotLeadersOrCharacterBoxes(const cv::Mat& gray);

// Contract: WithoutFramesAroundWords returns dark-on-white `gray` with each thin outline drawn
// around letters painted white, with its anti-aliased rim: an ink mark (darker than 200) whose
// box holds at least three other marks whole and whose ink is no more than a line along that
// box's sides (at most 4 pixels, or a twelfth of its smaller side, thick on average), inside
// the picture (one on its edge is the ground's rim). A letter never encloses three others
// ('@' and 'O' hold at most a hole's speck). 8-bit grey in, same size out.
// Why: Tesseract takes a boxed word for a picture and drops the line: a pill's outline
// around "Saison 2022-2023" on a licence's dark band (inverted), an app's outlined chip
// around its season ("(2024)" in a thin purple pill).
cv::Mat WithoutFramesAroundWords(const cv::Mat& gray);

}  // namespace jae::local
