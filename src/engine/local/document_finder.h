// Finds a card or passport page in a photo or scan and straightens it.
#pragma once

#include <opencv2/core.hpp>
#include <optional>
#include <vector>

namespace jae::local {

struct FoundDocument {
  cv::Mat image;                     // BGR, perspective-corrected, landscape (width > height)
  std::vector<cv::Point2f> corners;  // in the input image: the corners mapped to the
                                     // output's top-left, top-right, bottom-right, bottom-left
  bool outline_found = false;        // false: no outline, `image` is the whole input
};

// The document's outline: the largest convex quadrilateral-like region, found on edges.
// Returns nullopt when no region covers at least `min_area_fraction` of the image.
std::optional<std::vector<cv::Point2f>> FindOutline(const cv::Mat& bgr,
                                                    double min_area_fraction = 0.08);

// The plausible outlines, most likely first (edge support along the sides, area), at most
// `max_count`, no two with the same corners. A line or shadow crossing the table can win
// over the document's own outline; the caller may then try the runners-up.
std::vector<std::vector<cv::Point2f>> FindOutlines(const cv::Mat& bgr, int max_count,
                                                   double min_area_fraction = 0.08);

// Orders four points clockwise from the top-left (image coordinates, y down).
std::vector<cv::Point2f> OrderCorners(std::vector<cv::Point2f> quad);

// Warps `bgr` so that `corners` (clockwise from the output's top-left) become an upright
// rectangle `width` pixels wide whose height follows the outline's aspect ratio. When the
// outline is taller than wide, the corners are rotated by one so the output is landscape.
FoundDocument Rectify(const cv::Mat& bgr, std::vector<cv::Point2f> corners, int width);

// Rotates the corner order by `quarter_turns` * 90 degrees (for orientation fixes): the
// same region, read with a different top edge.
std::vector<cv::Point2f> RotateCorners(const std::vector<cv::Point2f>& corners, int quarter_turns);

// Whether the quadrilateral `inner` lies within `outer` (both in one image): three quarters
// of its bounding box inside theirs. An outline within the document an MRZ implies is a part
// of it (its photo, a frame: 0.83-1 on PassportEye's photos); a card's other side beside it
// on a scanned sheet is not (a quarter). Pure geometry.
bool LiesWithin(const std::vector<cv::Point2f>& inner, const std::vector<cv::Point2f>& outer);

// Among `outlines`, the first that could be the other side of the card outlined by
// `document` on the same page (a photocopy of both sides): about as large (0.6-1.6 times its
// area) and apart from it (overlapping less than a twentieth of either). Pure geometry.
std::optional<std::vector<cv::Point2f>> OtherSideOutline(
    const std::vector<std::vector<cv::Point2f>>& outlines,
    const std::vector<cv::Point2f>& document);

// The places above and under the card outlined by `document` (corners in its reading
// order: top-left, top-right, bottom-right, bottom-left), each as large as the card and
// sharing an edge with it, corners in the same order, that lie inside a larger outline of
// `outlines` (a sheet at least 1.6 times the card's area, holding 9/10 of the place): a
// sheet photocopied with both sides of a card, which a photo shows as one page around
// them. Pure geometry.
std::vector<std::vector<cv::Point2f>> SidesBesideOnItsSheet(
    const std::vector<std::vector<cv::Point2f>>& outlines,
    const std::vector<cv::Point2f>& document);

// Whether the outline `corners` is a small part of a flat image: it covers less than half
// of `bgr`, and at least half of the pixels around it equal their right and lower
// neighbours. A rendered screen or a scanner's white is flat; a photo is not (a sensor's
// noise, a table's grain: 0.01-0.25 of pixels flat around the seen licence photos, 0.79-0.97
// around their scans). Why: a card of an app's screen (a dark mode's panel) or a box of a
// scanned page outlines a part of the document; a card photographed on a table is the
// whole document. Pure.
bool IsASmallPartOfAFlatImage(const cv::Mat& bgr, const std::vector<cv::Point2f>& corners);

// Whether 8-bit `gray` is flat as a rendered screen or a scan's paper is: at least half of
// its pixels equal their right and lower neighbours. Pure.
bool IsAFlatImage(const cv::Mat& gray);

// The whole image as the document (no outline), landscape, `width` pixels wide.
FoundDocument WholeImage(const cv::Mat& bgr, int width);

// FindOutline + Rectify; the whole image (as a quad) when no outline is found.
FoundDocument FindDocument(const cv::Mat& bgr, int width);

}  // namespace jae::local
