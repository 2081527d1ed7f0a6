// A value of one letter that Tesseract's page reading dropped: "F" alone under "Sexe".
//
// Contract: ReadLoneLetter() looks under `label` (a label's box in `image`, the grey image
// the page was read from) and then right of it for exactly one character-sized mark — specks
// and marks cut by the search box ignored, anything more (a word, two letters) giving
// nothing — and reads that mark alone, restricted to `alphabet`, in two page modes. It
// returns the letter (source visual, Tesseract's confidence) only when a mode is sure
// (confidence >= 75) and no mode reads another letter. `api`'s page mode and whitelist are
// restored.
// Why: Tesseract takes a lone letter in a wide column for a speck (seen on card layouts
// with the sex in its own column); each page mode alone drops or doubts some letters the
// other reads surely.
#pragma once

#include <tesseract/baseapi.h>

#include <opencv2/core.hpp>
#include <optional>

#include "result/result.h"

namespace jae::local {

std::optional<Field> ReadLoneLetter(tesseract::TessBaseAPI& api, const cv::Mat& image,
                                    const cv::Rect& label, const char* alphabet);

// The letter closing a value that the page reading dropped or took for a sign: a licence
// number's "8741185 W" read "8741185 \", "9920050 C" read "9920050 €".
// Contract: ReadLetterAfter() looks right of `word` (a word's box in `image`: from its end
// to three of its heights on, half a height above and below) for exactly one
// character-sized mark (a mark cut by that area's edge, the next column's, ignored). With
// `sure` 0 (the caller saw a sign there), a bar as tall as `word` is the capital I
// (Tesseract reads one enlarged alone as "L"); another mark is enlarged to
// 32 pixels high when smaller and read as ReadLoneLetter reads: restricted to `alphabet`,
// alike in both modes, with a confidence of at least `sure` (0-100) in one. `api`'s page
// mode and whitelist are restored.
// Why: a lone capital after a number, small on a photo, is what the page reading takes for
// a sign; read alone among capitals it is the letter, though often at a low confidence ("C"
// 14 pixels high: 0), so a caller who saw a sign there may ask for less.
std::optional<Field> ReadLetterAfter(tesseract::TessBaseAPI& api, const cv::Mat& image,
                                     const cv::Rect& word, const char* alphabet, int sure);

// A short value that the page reading dropped: "FRA" under "Nationalité", "30 01 1957"
// under "Date de naissance".
//
// Contract: ReadLoneWord() looks under `label` (from a letter's height left of it to six
// right of its end) for exactly one row of 2 to 20 letter-sized marks, each at most a
// letter's height from the next — specks ignored; a mark cut by the search box on that row,
// a second row or a wider gap giving nothing — and reads that row alone in two page modes.
// It returns the row as read (source visual) only when both modes read it alike but for
// spaces, with confidence >= 75; the caller checks it has its field's form. `api`'s page
// mode is restored.
// Why: on a card whose captions share a line, Tesseract kept the wide value of one column
// and dropped the short ones of the others ("M", "FRA" beside "07 09 1994"), or the whole
// line of values.
std::optional<Field> ReadLoneWord(tesseract::TessBaseAPI& api, const cv::Mat& image,
                                  const cv::Rect& label);

// A short value printed large over its caption that the page reading dropped: a licence's
// ranking "2/6" or "0" in a badge over "Classement".
// Contract: as ReadLoneWord, but looking over `label` (centred on it, as wide as it or eight of
// its heights, whichever is more, and one more each side; from seven of its heights above it to
// its top) for exactly one row of 1 to 20
// marks 4/5 to 4 times the label's height (one character alone is taken at a confidence of 60,
// both modes alike); the caller checks the value's form, and that the
// page read nothing there (a value read there is another field's, over its own caption).
// Why: a badge's big figures, alone in their column, are what Tesseract takes for a picture.
std::optional<Field> ReadLoneWordOver(tesseract::TessBaseAPI& api, const cv::Mat& image,
                                      const cv::Rect& label);
// Where ReadLoneWordOver looks, in `image`'s frame (before clipping to it).
cv::Rect AreaOverLabel(const cv::Rect& label);

// A licence's ranking printed in big figures by its caption: "15" or "-15" on a disc over
// "Classement", or the disc leading the caption's row in an app.
// Contract: ReadBigFiguresBy() looks right over `label` (a caption's box in `image`: centred
// on it, up to ten of its heights) and then left of it (up to twelve heights, level with it)
// for one row of 1 to 4 marks 2 to 8 caption heights high, each at most the tallest's height
// from the next, with the small marks on that row (a minus, a slash); a mark of the row cut
// by the search area gives nothing. The row alone is read as one line among `alphabet` in
// two page modes; the reading is returned only when both read it alike (spaces aside) at a
// confidence of 60 or more. The caller checks the form. `api`'s page mode and whitelist are
// restored.
// Why: the page reading reads a disc's big figures apart into the next column's line
// ("Homme 53633983 L 5" for "15"), or takes them for a picture; the row is read whole with its
// sign, since "-15" read without its minus would be another ranking.
std::optional<Field> ReadBigFiguresBy(tesseract::TessBaseAPI& api, const cv::Mat& image,
                                      const cv::Rect& label, const char* alphabet);

}  // namespace jae::local
