// A word cut into its glyphs, and what their widths tell: a document number's O and 0
// ("XTSOLVOTM" read for "XTS0LV0TM"), a licence number's letter read as an eighth digit.
#pragma once

#include <opencv2/core.hpp>
#include <optional>
#include <string>
#include <vector>

namespace jae::local {

// Contract: CutIntoGlyphs() returns `count` boxes in `gray`'s coordinates, left to right, of
// the glyphs of `word` (a word's box in `gray`, dark ink on light paper, padded by an eighth
// of its height): Otsu's ink, 8-connected, specks under 40 % of the tallest mark dropped,
// marks overlapping in x by half the narrower merged; with too few, the ink's darker core
// (a blur joins glyphs with grey), then up to two marks half as wide again as the middle
// one split at their column of least ink (glyphs touching in a bold type). Any other count
// gives an empty vector.
std::vector<cv::Rect> CutIntoGlyphs(const cv::Mat& gray, const cv::Rect& word, size_t count);

// Contract: LeadingGlyphs() returns the box of the first `n` of `glyphs` (CutIntoGlyphs'
// boxes), stopped 2 pixels before the next glyph's left edge, or nothing when `glyphs` has
// no glyph after the `n` or no box is left.
// Why: what follows them is read alone from that edge on; a "T" or "V" leans over the digit
// before it, and a search cut there would lose it.
std::optional<cv::Rect> LeadingGlyphs(const std::vector<cv::Rect>& glyphs, size_t n);

// Contract: NoughtsAndOsByWidth() cuts `word` (a word's box in `gray`, the grey image the
// page was read from) into its glyphs with CutIntoGlyphs(). When there is exactly one glyph
// per character of `text` (ASCII letters and digits only) and they do not stand at one
// pitch (a monospaced type), each O or 0 is compared to the median width of the word's
// other capitals (I and J left out; at least three needed): at most 0.95 of it is the digit
// 0, at least 1.10 of it the capital O, in between it keeps its reading. Returns `text` with
// those decisions; any word it cannot measure so, unchanged.
// Why: Tesseract's reading leans on its neighbours, so a 0 among capitals is read O (12 of
// the seen set's 46 false facts). In a proportional type the digit 0 is narrower than most
// capitals and the capital O among the widest; in a monospaced one every glyph has the
// same advance and the O's ink may be the narrower (DejaVu Sans Mono), so nothing is
// decided there. The glyph's shape decides, never an alphabet assumed for the number.
std::string NoughtsAndOsByWidth(const cv::Mat& gray, const cv::Rect& word, const std::string& text);

// Contract: WithoutAnInventedI() returns `text` (a word's reading: `word` its box in
// `gray`) without its I when `text` has ten characters, exactly one of them I, and
// CutIntoGlyphs() cuts the word's ink into nine glyphs and not into ten (two touching
// glyphs split); otherwise `text` unchanged.
// Why: Tesseract fills a wide gap between two glyphs of a number with an I ("LC9IRKLMVY"
// for "LC9RKLMVY", 4 of the seen 2021 card numbers), and a nine-character number read so
// is withheld. A real I is a glyph of its own: then the ink makes ten and nothing changes.
std::string WithoutAnInventedI(const cv::Mat& gray, const cv::Rect& word, std::string text);

}  // namespace jae::local
