// Words printed small on the line of larger ones: a caption before its value on one line
// ("Nom de famille  CHEVALIER", "Sexe M  Nationalité Française").
//
// Why: Tesseract scales each line to one height, so that 10-pixel captions beside
// 25-pixel values come out as noise ("om defamite CHEVALIER", "see M tonte Française"),
// and the values lose the labels that name them. Read alone and enlarged, the same
// captions come out clean.
//
// Contract: SmallWordRuns() (pure) gives, for each run of a line's words that stands
// between large words (at least 4/5 of the line's height, at most 3/2) or before the first
// and holds a word at most 3/5 of the large words' height, the area where the run stands
// (up to its large neighbours, with a margin), unless the run was read surely (its words'
// mean confidence at least 0.85) or as mere marks (below 0.1), or the line's box is more
// than twice as tall as its large words (a photo's marks), or the area is not a caption's
// line (small words under 6 pixels or over 24, which read well as they are, an area taller
// than 4 of them, or wider than 1600 pixels once enlarged), and the factor that brings its
// small words to ~32 pixels (1.5 to 4). ReadSmallWordsApart() reads each run's area alone,
// enlarged, as one line, and replaces the run's words by the new reading when it is surer (its
// words' mean confidence at least 0.1 higher); the line's text is then its words joined by spaces.
// At most 12 runs a call, lines in order: the rest stay as read. `api`'s page mode is restored.
// Lines without such runs are left as they are.
#pragma once

#include <tesseract/baseapi.h>

#include <opencv2/core.hpp>
#include <optional>
#include <utility>
#include <vector>

#include "engine/local/field_reader.h"

namespace jae::local {

struct SmallWordRun {
  size_t first = 0, end = 0;  // the line's words [first, end)
  cv::Rect area;              // in the line's image
  double scale = 1;
};

std::vector<SmallWordRun> SmallWordRuns(const OcrLine& line);

void ReadSmallWordsApart(tesseract::TessBaseAPI& api, const cv::Mat& gray,
                         std::vector<OcrLine>& lines);

// A line of small captions that Tesseract merged into the line of larger values under it
// ("DATE DE DÉLIVRANCE / Date of issue" over "11 03 2023", read as one word "11032023"):
// the captions lost and the values' spaces with them.
//
// Contract: CaptionBandOver() finds, in a line at least 7/5 as tall as the page's usual
// line (`usual_height`; ReadMergedCaptionsApart takes the lower quartile of the page's
// line heights), exactly two bands of ink rows apart by at least two blank rows (or one
// band parted at a row of its upper half holding at most 1/20 of its inkiest row's ink),
// the upper 1/4 to 3/5 as tall as the lower, and gives their areas (captions: reaching
// four values' heights further right than the line; values), inside `gray`, each at
// least 4 pixels a side.
// ReadMergedCaptionsApart() reads both areas of each such line alone as one line each (the
// captions enlarged to a readable height), and puts the two lines in the merged one's place
// when the captions read with a mean confidence of at least 0.6 and the values at least as
// surely as before (or as the same words, at most 0.05 less surely). A line that gives no such
// bands is tried column by column (its words parted at gaps of twice their median height, each
// column over the line's rows: two dates side by side, each under its caption at its own height in
// a photo's perspective), and then stands as its columns, each split or not. `api`'s page mode is
// restored.
std::optional<std::pair<cv::Rect, cv::Rect>> CaptionBandOver(const cv::Mat& gray,
                                                             const OcrLine& line, int usual_height);
void ReadMergedCaptionsApart(tesseract::TessBaseAPI& api, const cv::Mat& gray,
                             std::vector<OcrLine>& lines);

// A caption printed on two small lines, its languages stacked ("Nom" over "Surname"),
// left of its value on the value's line: Tesseract reads the two as one tall word of
// noise ("Le BOYER", "Doumarne BO0PXKWG8").
//
// Contract: StackedCaptions() gives, for each group of a line's words between column gaps
// (a gap of at least half the line's sure words' height) that was not read surely (mean
// confidence below 0.85), at least twice as wide as those words are high (not a colon's
// dots), and whose area (the group's columns, the line's rows and half
// its sure words' height above and below) holds exactly two bands of ink rows touching
// the line, each 4 pixels high at least and at most 17/20 of the sure words' height and
// of the tallest word of the value after the group (a group with no words after it names
// nothing) (a
// band holds its descenders), apart by less than one and a half times the taller; or one
// band of 9/10 to 9/5 of that height whose middle third has a row of at most 3/10 of its
// inkiest row's ink (two lines touching), parted there: the group's words and the two
// bands' areas. Sure words: read with a confidence of at least 0.6; every word when none
// is. None on a line more than twice as tall as its sure words (two lines read as one).
// ReadStackedCaptionsApart() reads the two areas alone, enlarged to ~32 pixels, as one line each,
// and replaces the group's words by the upper's, "/", then the lower's when each holds two
// characters at least and they read surer (mean confidence at least 0.1 higher). The words after
// such a caption, up to the next one (its value, read at the caption's scale), are then read alone
// too (enlarged to ~32 pixels, at most 2.5 times) and replaced when that reading is surer by 0.1.
// At most 8 captions a call. `api`'s page mode is restored.
struct StackedCaption {
  size_t first = 0, end = 0;  // the line's words [first, end)
  cv::Rect upper, lower;      // in `gray`
};
std::vector<StackedCaption> StackedCaptions(const cv::Mat& gray, const OcrLine& line);
void ReadStackedCaptionsApart(tesseract::TessBaseAPI& api, const cv::Mat& gray,
                              std::vector<OcrLine>& lines);

// A line of small captions over a line of values that Tesseract's page reading dropped
// altogether (faint or small captions over a guilloche: "3. Sex / Sexe  4. Nationality"
// over "F  FRA" came out as "F FRA" alone), and the values with it lost their names.
//
// Contract: DroppedCaptionArea() gives, over `line` (read with a confidence of at least 0.6
// and at least 14 pixels high: a value's line), in the band from 8/5 of its height above it
// to its top (none when that band is cut by the image's top edge), reaching its height left
// of it and six times its height right of its end, where no line of `lines` lies (none has a
// fifth of its box there), the area of the lowest run of rows holding dark ink (below 140: a
// caption's letters, not a tint's pattern) that is 6 pixels high at least and 1/4 to 4/5 of
// the line's height, across the columns of that ink, with 2 pixels of margin; none when there
// is no such run. ReadDroppedCaptionsApart() reads each area alone, enlarged
// to ~30 pixels (1.5 to 4 times), as one line, and adds the reading as a line when it was
// read with a mean confidence of at least 0.6 and names a field (NamesAField). At most 8
// areas a call, lines in order. `api`'s page mode is restored.
std::optional<cv::Rect> DroppedCaptionArea(const cv::Mat& gray, const OcrLine& line,
                                           const std::vector<OcrLine>& lines);

// The same for a caption left of its value on the value's row (a table whose captions
// Tesseract dropped while it read the values of their right-hand column: "Nom ... HÉBERT").
//
// Contract: DroppedCaptionLeftArea() gives, left of `line` (as above: a value's line), in
// the band from the image's left edge to its height left of it, over its rows and half its
// height above and below, where no line of `lines` lies (none has a fifth of its box there),
// the area of the leftmost run of dark ink (below 140) on one row: its columns up to a gap of
// twice the line's height, its rows 6 pixels high at least and at most 6/5 of the line's
// height, the run at least twice as wide as high; none otherwise. ReadDroppedCaptionsApart()
// reads such areas too, where a line has no area above it, within the same 8.
std::optional<cv::Rect> DroppedCaptionLeftArea(const cv::Mat& gray, const OcrLine& line,
                                               const std::vector<OcrLine>& lines);
void ReadDroppedCaptionsApart(tesseract::TessBaseAPI& api, const cv::Mat& gray,
                              std::vector<OcrLine>& lines);

// Words of two columns that Tesseract joined into one line though they stand apart at their
// own heights (a band's title "Antoine HÉBERT" and, far right and a little higher, a pill's
// "Saison 2022-2023", read as `°°°" 202202`): the column read at the other's baseline comes
// out as noise.
// Contract: ReadUnsureColumnsApart() parts each line into columns at gaps of at least twice
// its words' median height, each over the line's rows; on a line of two columns or more, one
// of them read surely (mean confidence at least 0.75), each column of at least 4 pixels a side
// and 3 letters or digits read unsurely (mean confidence below 0.6) is read alone as one line
// (enlarged to ~32 pixels, 1 to 2.5 times) and its words replaced by that reading when it is
// read with a mean confidence of at least 0.6 and 0.1 above the column's; the line's text is
// then its words joined by spaces. A line of one column, 3 to 16 letters or digits in at
// most 3 words, a digit among them, read with a mean confidence below 0.3 (a number the page's
// reading barely trusted) is read alone the same way. At most 8 columns a call, lines in order.
// `api`'s page mode is restored.
void ReadUnsureColumnsApart(tesseract::TessBaseAPI& api, const cv::Mat& gray,
                            std::vector<OcrLine>& lines);

}  // namespace jae::local
