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
#include <vector>

namespace jae::local {

// `image`: 8-bit gray or BGR, any size.
bool LightTextOnDark(const cv::Mat& image);

// The parts of a dark-on-light page that hold light text on a dark ground: a licence card
// printed in the federation's colours on a white attestation, an app's coloured header.
// Contract: each box (in `gray`'s pixels, at most kMaxLightTextRegions, largest first) holds a
// solid dark area (a band or card, maybe tilted or turned a quarter: most of its own rectangle
// dark, at least 0.3 % of the image and a sixth of its width) in which light marks of a character's
// size and shape outnumber dark ones, several of them. Dark means darker than the middle grey,
// or, for a band across at least 2/5 of the page's width and wider than tall, a tint well
// below the page's paper (an app's blue or orange header on a white screen); a tinted part
// that overlaps a darker one found first is not taken again with its surroundings. None when the
// whole image is dark (LightTextOnDark inverts those whole). Why: Tesseract binarises a page once,
// so such text turns into holes in a black block and is lost; read apart and inverted it is
// ordinary text.
inline constexpr int kMaxLightTextRegions = 8;
struct LightTextRegion {
  cv::Rect box;
  cv::Mat mask;   // 8-bit, box-sized: 255 where the dark ground is (a tilted band's own shape)
  int marks = 0;  // light marks of a character's size in it (a word's letters may blur into one)
};
std::vector<LightTextRegion> LightTextRegions(const cv::Mat& gray);

// Captions printed in light letters on small dark tags ("Nom | Surname" in white on a
// purple pill), each one line of small print, beside or over values in dark ink. Contract:
// each box (in `gray`'s pixels, at most kMaxLightTextChips, top to bottom) is a tag with a
// margin of 2 pixels; its mask is the tag's own shape (a badge's less its anti-aliased rim,
// 2 pixels, which DarkTextOnWhite would turn into a ring of strokes), its letters inside. A tag:
// darker than the middle grey, one text line high (1/120 to 1/12 of the image's height), at least
// one and a half times as wide ("Nom"), dark all along its four edges (its ground pads its letters,
// where a bold dark word's letters touch its box only here and there), with light marks along at
// least a quarter of its width and over at most half of it; or a round badge (a disc two to
// five text lines high, an eighteenth to a fifth of the image's height, as wide as tall, light
// at its box's corners: a licence's ranking "15/2" in white on a green disc) with the same
// letters, or one figure alone along a sixth of its width ("0"), its figures' holes in the
// disc counted as its own. None on a dark image. Why: a page reading binarises such a tag into
// a black bar and loses its caption, which anchors the value beside it; made dark on white in
// place (DarkTextOnWhite: the margin white), it is read with the rest of the page, where it
// stands, at no extra reading's cost.
inline constexpr int kMaxLightTextChips = 24;
std::vector<LightTextRegion> LightTextChips(const cv::Mat& gray);

// Captions or values printed in dark letters on small tinted tags (a ranking "15/3" and
// "Saison 2026" in black on orange pills on an app's white card). Contract: each box (in
// `gray`'s pixels, at most kMaxLightTextChips) is a tag: one flat tint (its ground's spread
// at most 12 grey levels) lighter than the middle grey and darker than the page's paper (its
// 90th percentile) by kTintBelowPaper at least, one text line high (1/120 to 1/12 of the
// image's height), at least one and a half times as wide, tinted all along its four edges,
// with dark marks (kInkContrast below its ground) along at least a quarter of its width and
// over at most half of it; its mask the tag's shape, letters inside. None on a page without
// light paper. Why: Tesseract took such tags for pictures and dropped their text whole.
std::vector<LightTextRegion> TintedTextChips(const cv::Mat& gray);

// `region` (a TintedTextChips tag) of `gray` with its ground made white and its darkest
// letters black, anti-aliasing kept; the page around a rounded tag as it was. Empty when
// nothing stands out from the ground. Box-sized, 8-bit.
cv::Mat DarkTextOnTintMadeWhite(const cv::Mat& gray, const LightTextRegion& region);

// `region` of `gray` as dark text on white, for a reader that expects ink on paper: inverted,
// the ground's own level (the median of its pixels: letters are the fewer) stretched to
// white and the darkest letters' to black, anti-aliasing kept (thin captions do not survive
// a hard threshold), white beyond the ground (the page around a tilted band), and every thin
// outline drawn around three marks or more made white with its anti-aliased rim (a pill's
// light frame around "Saison 2022-2023": Tesseract takes a boxed word for a picture and drops
// it). Empty when nothing there stands out from the ground. Box-sized, 8-bit.
cv::Mat DarkTextOnWhite(const cv::Mat& gray, const LightTextRegion& region);

// A page whose text is of both polarities on a ground that is not dark: light captions on a
// tinted card beside its dark values ("Nom / Surname" in white on a pastel gradient, the
// name in black). Contract: empty unless `gray` holds light marks of a character's size and
// shape on a ground not darker than the middle grey, at least 8 of them and at least as many
// as its dark marks (captions, bilingual, outnumber the values they name; a photo's light
// specks and a guilloche's lines do not); otherwise `gray`-sized, every stroke that stands
// out from its ground (its neighbourhood's median), lighter or darker, made dark on white,
// each polarity stretched by its own contrast so that faint captions come out as black as
// bold values, anti-aliasing kept. Why: a reader binarises a page once, on one side of its
// ground; such a page loses its captions (or, flattened against its lightest marks, its
// values), and the labels anchor every value.
cv::Mat InkOfBothPolarities(const cv::Mat& gray);

}  // namespace jae::local
