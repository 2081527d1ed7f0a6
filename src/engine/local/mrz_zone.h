// The machine readable zone of an upright document image: where its lines are and what
// they say. Recognition uses Tesseract restricted to the MRZ alphabet; repair of what the
// check digits can prove is left to the MRZ reader (src/mrz).
#pragma once

#include <functional>
#include <opencv2/core.hpp>
#include <optional>
#include <string>
#include <vector>

namespace tesseract {
class TessBaseAPI;
}

namespace jae::local {

struct MrzLocation {
  std::vector<cv::Rect> lines;  // top to bottom, in the image's coordinates
  bool upside_down = false;     // the block is at the top: the document is rotated 180°
};

// Finds 2 or 3 long, evenly spaced text lines spanning most of the document's width near
// its bottom (or its top: then `upside_down`). `gray` is the rectified document.
std::optional<MrzLocation> LocateMrz(const cv::Mat& gray);

// The first longest run of fillers ('<') in `line`; length 0 when it has none.
struct FillerRun {
  int start = -1;
  int length = 0;
};
FillerRun LongestFillerRun(const std::string& line);

// Grows or shrinks the longest run of '<' (the filler absorbs miscounted fillers, the
// commonest OCR error on MRZs) so that `line` has `length` characters; pads or cuts at the
// end when there is no run.
std::string FitLineLength(std::string line, int length);

// Ways a line read with the wrong number of characters may have been meant, most likely
// first: as read when the length is right; else the filler run adjusted (FitLineLength),
// then stray characters cut at either end (a card edge read as '1' or 'I'). A line of
// the right length is not shifted: measured, such guesses lost more reads than they won.
std::vector<std::string> LengthCandidates(const std::string& line, int length);

// Calls `try_lines` on the combinations of each line's LengthCandidates (the first line's
// varying fastest, at most 64) until it returns true; returns whether one did. False at
// once when a line has no candidate. One loop for every MRZ reader: they differ only in
// what makes a combination acceptable.
bool ForEachLengthCombination(
    const std::vector<std::string>& raw, int length,
    const std::function<bool(const std::vector<std::string>&)>& try_lines);

// Keeps A-Z, 0-9 and '<' (spaces and anything else dropped), upper-cased.
std::string CleanMrzText(const std::string& text);

// Reads each line box of `gray` with `api` (configured for the MRZ alphabet).
// `variant` selects the preprocessing (0: plain grey, 1: local binarisation, 2: scaled);
// callers try the next one when check digits fail. Lines come back cleaned but with
// their length as read.
std::vector<std::string> ReadMrzLines(const cv::Mat& gray, const std::vector<cv::Rect>& lines,
                                      int variant, tesseract::TessBaseAPI& api);

// The line length the zone's shape suggests: 30 for 3 lines, else 36 or 44 from the
// characters read (`read_lengths`) and the boxes' aspect ratio.
int ExpectedLineLength(const MrzLocation& location, const std::vector<std::string>& read);

}  // namespace jae::local
