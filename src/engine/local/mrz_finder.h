// Finds a machine readable zone anywhere in an image by what an MRZ is, not by where a
// document design puts it: 2 or 3 long, parallel lines of characters with no word gaps,
// of equal length and thickness, at an even pitch, at any angle (the four orientations
// and the tilt of a photo), with or without a document outline around them.
//
// Contract: FindMrzCandidates only proposes; nothing it returns is a read. The caller
// reads each candidate and lets the check digits decide (a candidate whose read fails
// them is dropped), so a false candidate costs time, never a wrong value.
// Why: a document whose outline is not found (a scan with no background, a card on a
// white table, a passport page) or is mistaken (a photo box, a shadow) still carries its
// MRZ; the MRZ alone fixes the document's scale and orientation.
#pragma once

#include <array>
#include <opencv2/core.hpp>
#include <vector>

namespace jae::local {

struct MrzCandidate {
  // Along the lines, in reading order if the text is upright (else reversed: the caller
  // tries both), and the unit normal pointing away from the zone towards the document's
  // top. Image coordinates, y down.
  cv::Point2f along, up;
  // Extent of the zone: projections on `along` and `up` of the lines' corners.
  float a_min = 0, a_max = 0, b_min = 0, b_max = 0;
  int line_count = 0;  // 2 or 3
  // Each line's band (corners in the image), first line first as `along` reads.
  std::vector<std::array<cv::Point2f, 4>> lines;
  float line_pitch = 0;    // distance between line centres, pixels
  float upright_odds = 0;  // > 0: `along` more likely the reading direction than its reverse
  double score = 0;        // larger first
};

// At most `max_count` candidates of `gray` (8-bit, any size), most MRZ-like first.
std::vector<MrzCandidate> FindMrzCandidates(const cv::Mat& gray, int max_count);

// The same zone read the other way round (along and up reversed).
MrzCandidate Reversed(const MrzCandidate& c);

// The document a candidate implies: the quadrilateral (clockwise from the top-left, image
// coordinates) of a page whose bottom holds the MRZ, as wide as the MRZ lines plus the
// margins of ICAO 9303 layouts, as tall as the document format of `line_count` lines
// (TD1 card, TD2/French 1988 card or TD3 passport page). Parts may lie outside the image.
std::vector<cv::Point2f> ImpliedDocument(const MrzCandidate& c);

// Where the candidate's lines land in a document rectified from `doc_corners` (clockwise
// from the top-left, image coordinates) to a `doc_size` image: their bounding boxes, first
// line first. The finder knows the lines better than a search of the page would (a
// patterned background, a photo's texture).
std::vector<cv::Rect> LinesInDocument(const MrzCandidate& c,
                                      const std::vector<cv::Point2f>& doc_corners,
                                      cv::Size doc_size);

// The line boxes of `gray` (a document rectified from ImpliedDocument) tightened to their
// ink: `approx` are the lines' bands mapped into `gray`, a little wider than the text
// (the finder joins characters by widening them). Empty when a band holds no ink.
std::vector<cv::Rect> TightenLines(const cv::Mat& gray, const std::vector<cv::Rect>& approx);

}  // namespace jae::local
