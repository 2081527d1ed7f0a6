#include "engine/local/polarity.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <opencv2/imgproc.hpp>
#include <string>

#include "engine/local/rule_lines.h"

namespace jae::local {
namespace {

constexpr int kWorkSide = 800;  // characters stay whole at this size; the test stays cheap
// How many more light characters than dark ones make a dark theme: a dark-mode screen
// has almost no dark characters (only the holes of its letters), a page few light ones.
constexpr double kDominance = 2.0;
constexpr int kMinCharacters = 8;
// A dark theme's background: below the middle grey.
constexpr int kDarkSurround = 110;
// How much lighter or darker than its ground a mark must be to be ink.
constexpr int kInkContrast = 40;
// The ground of a part of a page that may hold light text: darker than the paper (the
// page's lightest ground, its 90th percentile) by more than a shadow or a photo's uneven
// light, and at least as dark as a dark theme's. An app's coloured header (blue, orange on
// a white screen) is mid-grey, up to ~200, and white letters still stand out from it by 50
// or more; a photographed page's paper may itself be that grey.
constexpr int kTintBelowPaper = 45;
// A table's header band may hold a single caption ("Classement").
constexpr int kMinRegionCharacters = 4;
// Captions on a tinted card are small print: counted at a finer scale than other marks,
// against a ground measured over a window wider than a bold value's letters, and they
// may stand only a little lighter than it (white on pastel, then photographed).
constexpr int kCaptionWorkSide = 1200;
constexpr int kCaptionGroundWindow = 47;
constexpr int kCaptionContrast = 25;

// Connected parts of `mask` that have the size and shape of a printed character at
// this scale: long strips (a card's edge against a dark table) and blobs are not.
// `max_surround` (0-255): count only those whose surround in `gray` (their box without
// their own ink) is at most this bright — light marks on a light card (the light lines of
// a guilloche) are not dark-mode text.
int CharacterCount(const cv::Mat& mask, const cv::Mat& gray, int max_surround, int min_height = 6,
                   int max_aspect = 3) {
  cv::Mat labels, stats, centroids;
  const int n = cv::connectedComponentsWithStats(mask, labels, stats, centroids, 8, CV_32S);
  int count = 0;
  for (int i = 1; i < n; ++i) {
    const int w = stats.at<int>(i, cv::CC_STAT_WIDTH), h = stats.at<int>(i, cv::CC_STAT_HEIGHT);
    const int area = stats.at<int>(i, cv::CC_STAT_AREA);
    if (h < min_height || h > 60 || w > max_aspect * 20 || w > max_aspect * h ||
        area < 2 * min_height) {
      continue;
    }
    if (area > 0.8 * w * h) continue;  // a solid block, not a glyph
    if (max_surround < 255) {
      const cv::Rect box(stats.at<int>(i, cv::CC_STAT_LEFT), stats.at<int>(i, cv::CC_STAT_TOP), w,
                         h);
      cv::Mat surround;
      cv::bitwise_not(mask(box), surround);
      if (cv::mean(gray(box), surround)[0] > max_surround) continue;
    }
    ++count;
  }
  return count;
}

// The paper's level in 8-bit `gray`: its 90th percentile (the lightest ground, not its one
// brightest speck).
int Paper(const cv::Mat& gray) {
  int histogram[256] = {};
  for (int y = 0; y < gray.rows; ++y) {
    const uchar* row = gray.ptr<uchar>(y);
    for (int x = 0; x < gray.cols; ++x) ++histogram[row[x]];
  }
  int paper = 0;
  for (long below = 0; paper < 255; ++paper) {
    below += histogram[paper];
    if (below * 10 >= static_cast<long>(gray.total()) * 9) break;
  }
  return paper;
}

// Stretches dark-on-light `image` so that its ground under `mask` (the median of those
// pixels: letters are the fewer) turns white and its darkest letters (their 2nd percentile)
// black, anti-aliasing kept. False, `image` untouched, when nothing there stands 30 grey
// levels darker than the ground (no letters to tell from it).
bool StretchGroundToWhite(cv::Mat& image, const cv::Mat& mask) {
  std::vector<uchar> pixels;
  for (int y = 0; y < image.rows; ++y) {
    for (int x = 0; x < image.cols; ++x) {
      if (mask.at<uchar>(y, x)) pixels.push_back(image.at<uchar>(y, x));
    }
  }
  if (pixels.empty()) return false;
  auto at = [&](size_t k) {
    std::nth_element(pixels.begin(), pixels.begin() + k, pixels.end());
    return static_cast<int>(pixels[k]);
  };
  const int ground = at(pixels.size() / 2);
  const int ink = at(pixels.size() / 50);
  if (ground - ink < 30) return false;
  image.convertTo(image, CV_8U, 255.0 / (ground - ink), -255.0 * ink / (ground - ink));
  return true;
}

}  // namespace

bool LightTextOnDark(const cv::Mat& image) {
  if (image.empty()) return false;
  cv::Mat gray;
  if (image.channels() == 3) {
    cv::cvtColor(image, gray, cv::COLOR_BGR2GRAY);
  } else if (image.channels() == 1) {
    gray = image;
  } else {
    return false;
  }
  const int side = std::max(gray.cols, gray.rows);
  if (side > kWorkSide) {
    const double scale = static_cast<double>(kWorkSide) / side;
    if (std::min(gray.cols, gray.rows) * scale < 8) return false;  // a strip holds no text
    cv::resize(gray, gray, cv::Size(), scale, scale, cv::INTER_AREA);
  }
  // Ink is what differs from its neighbourhood: darker (paper) or lighter (dark mode).
  cv::Mat dark_ink, light_ink;
  cv::adaptiveThreshold(gray, dark_ink, 255, cv::ADAPTIVE_THRESH_MEAN_C, cv::THRESH_BINARY_INV, 31,
                        12);
  cv::Mat inverted;
  cv::bitwise_not(gray, inverted);
  cv::adaptiveThreshold(inverted, light_ink, 255, cv::ADAPTIVE_THRESH_MEAN_C, cv::THRESH_BINARY_INV,
                        31, 12);
  const int dark = CharacterCount(dark_ink, gray, 255);
  const int light = CharacterCount(light_ink, gray, kDarkSurround);
  return light >= kMinCharacters && light > kDominance * dark;
}

std::vector<LightTextRegion> LightTextRegions(const cv::Mat& gray) {
  std::vector<LightTextRegion> regions;
  if (gray.empty() || gray.channels() != 1) return regions;
  const int side = std::max(gray.cols, gray.rows);
  const double scale = side > kWorkSide ? static_cast<double>(kWorkSide) / side : 1.0;
  // No band of text fits a strip (and a strip would shrink to nothing below).
  if (std::min(gray.cols, gray.rows) * scale < 32) return regions;
  cv::Mat small = gray;
  if (scale < 1.0) cv::resize(gray, small, cv::Size(), scale, scale, cv::INTER_AREA);
  // The ground without its strokes, light or dark: text covers less than half of any
  // neighbourhood a few characters wide, so the median there is the ground. (An opening
  // would join a word's dark letters into a block, a closing a band's light ones.) The
  // median of 15 x 15 pixels is taken over every third pixel of them (5 x 5): the same
  // share of strokes, a ninth of the pixels, and OpenCV's fast small-kernel path; the
  // full one cost ~30 ms a page, read up to four times a document.
  cv::Mat sampled, ground, dark;
  cv::resize(small, sampled, cv::Size((small.cols + 2) / 3, (small.rows + 2) / 3), 0, 0,
             cv::INTER_NEAREST);
  cv::medianBlur(sampled, ground, 5);
  cv::resize(ground, ground, small.size(), 0, 0, cv::INTER_LINEAR);
  cv::threshold(ground, dark, kDarkSurround, 255, cv::THRESH_BINARY_INV);
  const double image_area = static_cast<double>(small.total());
  if (cv::countNonZero(dark) > 0.7 * image_area) return regions;  // a dark theme, not a part
  struct Found {
    int area;
    int marks;
    cv::Rect box;  // at work scale
    cv::Mat mask;  // the component in `box`
  };
  std::vector<Found> found;
  // The parts whose ground is darker than `threshold` and that hold light text.
  auto find_parts = [&](int threshold) {
    cv::threshold(ground, dark, threshold, 255, cv::THRESH_BINARY_INV);
    cv::Mat labels, stats, centroids;
    const int n = cv::connectedComponentsWithStats(dark, labels, stats, centroids, 8, CV_32S);
    const size_t darker_parts = found.size();
    for (int i = 1; i < n; ++i) {
      const cv::Rect box(stats.at<int>(i, cv::CC_STAT_LEFT), stats.at<int>(i, cv::CC_STAT_TOP),
                         stats.at<int>(i, cv::CC_STAT_WIDTH), stats.at<int>(i, cv::CC_STAT_HEIGHT));
      const int area = stats.at<int>(i, cv::CC_STAT_AREA);
      // A sixth of the image along its longer side (a page turned a quarter stands its bands
      // upright).
      const bool long_enough = box.width * 6 >= small.cols || box.height * 6 >= small.rows;
      if (area < 0.003 * image_area || !long_enough || std::min(box.width, box.height) < 10) {
        continue;
      }
      if (box.area() > 0.5 * image_area) continue;  // the table around a page, not a part of it
      // A tinted part is a header or band across the page (an app's card), holding its
      // text along the page's lines; one standing upright is a page turned, whose reading
      // the upright turn does better. (A smaller tinted patch is a photo's shade more often
      // than a caption's ground; small dark tags are LightTextChips'.)
      if (threshold > kDarkSurround && (box.height > box.width || box.width * 5 < small.cols * 2)) {
        continue;
      }
      const bool seen = std::any_of(found.begin(), found.begin() + darker_parts,
                                    [&](const Found& f) { return (f.box & box).area() > 0; });
      if (seen) continue;  // a darker part already found, with what is around it
      cv::Mat mask = labels(box) == i;
      // Solid: most of its own (turned) rectangle dark; a photographed page tilts its bands.
      std::vector<std::vector<cv::Point>> outlines;
      cv::findContours(mask.clone(), outlines, cv::RETR_EXTERNAL, cv::CHAIN_APPROX_SIMPLE);
      if (outlines.empty()) continue;
      const auto outline = std::max_element(
          outlines.begin(), outlines.end(),
          [](const auto& a, const auto& b) { return cv::contourArea(a) < cv::contourArea(b); });
      const cv::Size2f turned = cv::minAreaRect(*outline).size;
      if (area < 0.6 * turned.width * turned.height) continue;
      // Ink: what is clearly lighter, or darker, than its ground.
      cv::Mat light_ink, dark_ink, lifted;
      cv::add(ground(box), cv::Scalar(kInkContrast), lifted);
      cv::compare(small(box), lifted, light_ink, cv::CMP_GT);
      cv::subtract(ground(box), cv::Scalar(kInkContrast), lifted);
      cv::compare(small(box), lifted, dark_ink, cv::CMP_LT);
      // Inside the part by more than the ground's sampling (a third of a kernel): along its
      // edge the ground, sampled, shades into the paper around it, which is no light letter.
      cv::Mat inside;
      cv::erode(mask, inside, cv::getStructuringElement(cv::MORPH_RECT, cv::Size(7, 7)));
      light_ink &= inside;
      dark_ink &= inside;
      // A table's captions may be small print, from 4 pixels high, whose letters blur into
      // one mark a word.
      const int light = CharacterCount(light_ink, small(box), threshold, 4, 12);
      const int dark_marks = CharacterCount(dark_ink, small(box), 255, 4, 12);
      if (light < kMinRegionCharacters || light <= dark_marks) continue;
      found.push_back(Found{area, light, box, std::move(mask)});
    }
  };
  // Dark bands first; then, on a light page, parts only tinted (an app's coloured header),
  // apart: at the tinted level a photographed table's bands join its light cells.
  find_parts(kDarkSurround);
  const int paper = Paper(ground);
  const int tinted = paper - kTintBelowPaper;
  if (tinted > kDarkSurround) find_parts(tinted);
  std::sort(found.begin(), found.end(),
            [](const Found& a, const Found& b) { return a.area > b.area; });
  if (found.size() > static_cast<size_t>(kMaxLightTextRegions)) found.resize(kMaxLightTextRegions);
  const cv::Rect whole(0, 0, gray.cols, gray.rows);
  for (const Found& f : found) {
    const cv::Rect scaled =
        cv::Rect(static_cast<int>(f.box.x / scale), static_cast<int>(f.box.y / scale),
                 static_cast<int>(std::ceil(f.box.width / scale)),
                 static_cast<int>(std::ceil(f.box.height / scale))) &
        whole;
    if (scaled.empty()) continue;
    LightTextRegion region{scaled, {}, f.marks};
    cv::resize(f.mask, region.mask, scaled.size(), 0, 0, cv::INTER_NEAREST);
    cv::dilate(region.mask, region.mask, cv::getStructuringElement(cv::MORPH_RECT, cv::Size(5, 5)));
    regions.push_back(std::move(region));
  }
  return regions;
}

namespace {

// The marks of `marked` (ink of a page of `page` size) with their letters closed in, as a
// tag's letters close into its ground: its connected components, and the heights a one-line
// tag may have on that page (a caption's height at full scale, a few pixels at any smaller).
struct ClosedMarks {
  cv::Mat labels;
  std::vector<cv::Rect> boxes;  // [k]: label k + 1's
  std::vector<int> areas;
  int min_height = 0;
  int max_height = 0;

  // A one-line tag's shape: a line's height, wider than tall, its box mostly filled.
  bool IsOneLineTag(const cv::Rect& box, int area) const {
    return box.height >= min_height && box.height <= max_height &&
           2 * box.width >= 3 * box.height && area >= 0.7 * box.area();
  }
};

ClosedMarks CloseLettersIn(const cv::Mat& marked, cv::Size page) {
  ClosedMarks closed;
  const int letter = std::max(3, std::min(page.width, page.height) / 150);
  cv::Mat whole;
  cv::morphologyEx(marked, whole, cv::MORPH_CLOSE,
                   cv::getStructuringElement(cv::MORPH_RECT, cv::Size(letter, letter)));
  cv::Mat stats, centroids;
  const int n = cv::connectedComponentsWithStats(whole, closed.labels, stats, centroids, 8, CV_32S);
  for (int i = 1; i < n; ++i) {
    closed.boxes.emplace_back(stats.at<int>(i, cv::CC_STAT_LEFT), stats.at<int>(i, cv::CC_STAT_TOP),
                              stats.at<int>(i, cv::CC_STAT_WIDTH),
                              stats.at<int>(i, cv::CC_STAT_HEIGHT));
    closed.areas.push_back(stats.at<int>(i, cv::CC_STAT_AREA));
  }
  closed.min_height = std::max(8, page.height / 120);
  closed.max_height = std::max(closed.min_height + 1, page.height / 12);
  return closed;
}

}  // namespace

// Whether the dark component `box` (of `area` pixels, letters closed in) is a round badge:
// a disc as wide as tall, two to five text lines high (an eighteenth to a fifth of the image),
// filling about pi/4 of its box, dark at its edges' middles and light at its box's corners.
// A licence shows its ranking so ("15/2" in white on a green disc over "Classement").
template <typename DarkShare>
bool IsRoundBadge(const cv::Rect& box, int area, int min_height, int image_rows,
                  const DarkShare& dark_share) {
  // At least an eighteenth of the image: a bold letter closed into a blob ("e", "o": a disc
  // with a light counter) is a twentieth of a card at most, and was taken for a badge; a
  // card's badge on a printed page is a sixteenth of it or a little less.
  if (box.height < std::max(2 * min_height, image_rows / 18) || box.height > image_rows / 3) {
    return false;
  }
  if (std::abs(box.width - box.height) > 0.15 * std::max(box.width, box.height)) return false;
  const double fill = area / static_cast<double>(box.area());
  if (fill < 0.7 || fill > 0.86) return false;
  const int r = std::max(2, box.width / 10);
  const cv::Point centre = (box.tl() + box.br()) / 2;
  // A little inside the rim, which anti-aliasing (or a disc's shading) leaves lighter than
  // the threshold on some sides.
  const int in = std::max(1, box.height / 40);
  for (const cv::Rect& middle : {cv::Rect(centre.x - r / 2, box.y + in, r, 2),
                                 cv::Rect(centre.x - r / 2, box.br().y - in - 2, r, 2),
                                 cv::Rect(box.x + in, centre.y - r / 2, 2, r),
                                 cv::Rect(box.br().x - in - 2, centre.y - r / 2, 2, r)}) {
    if (dark_share(middle) < 0.85) return false;
  }
  for (const cv::Rect& corner :
       {cv::Rect(box.x, box.y, r, r), cv::Rect(box.br().x - r, box.y, r, r),
        cv::Rect(box.x, box.br().y - r, r, r), cv::Rect(box.br().x - r, box.br().y - r, r, r)}) {
    if (dark_share(corner) > 0.15) return false;
  }
  return true;
}

std::vector<LightTextRegion> LightTextChips(const cv::Mat& gray) {
  std::vector<LightTextRegion> chips;
  if (gray.empty() || gray.channels() != 1) return chips;
  cv::Mat dark;
  cv::threshold(gray, dark, kDarkSurround, 255, cv::THRESH_BINARY_INV);
  const double image_area = static_cast<double>(gray.total());
  if (cv::countNonZero(dark) > 0.5 * image_area) return chips;  // a dark page, not tags
  // The tag with its letters: its light letters closed into its dark ground.
  const ClosedMarks closed = CloseLettersIn(dark, gray.size());
  for (size_t k = 0; k < closed.boxes.size() && static_cast<int>(chips.size()) < kMaxLightTextChips;
       ++k) {
    const int i = static_cast<int>(k) + 1;
    const cv::Rect& box = closed.boxes[k];
    const int area = closed.areas[k];
    auto dark_share = [&](cv::Rect edge) {
      edge &= cv::Rect(0, 0, gray.cols, gray.rows);
      return edge.empty() ? 0.0 : cv::countNonZero(dark(edge)) / static_cast<double>(edge.area());
    };
    // A badge's big figures stay holes in its disc once the letters are closed in: its
    // fill is the disc's, holes and all.
    // (Outlined only for a box that may be a badge; the outline fills its mask below.)
    cv::Mat mask = closed.labels(box) == i;
    std::vector<std::vector<cv::Point>> rim;
    int disc_area = area;
    if (std::abs(box.width - box.height) <= 0.15 * std::max(box.width, box.height) &&
        box.height >= gray.rows / 18) {
      cv::findContours(mask, rim, cv::RETR_EXTERNAL, cv::CHAIN_APPROX_SIMPLE);
      for (const auto& contour : rim) {
        disc_area = std::max(disc_area, static_cast<int>(cv::contourArea(contour)));
      }
    }
    const bool badge = IsRoundBadge(box, disc_area, closed.min_height, gray.rows, dark_share);
    if (!badge) {
      if (!closed.IsOneLineTag(box, area)) continue;
      // A tag's ground pads its letters: its edges are dark all along, where a line of bold
      // dark words, closed into a block too, is dark only where a letter touches its edge.
      const int inset_x = box.width / 10, inset_y = box.height / 5;
      const cv::Rect top(box.x + inset_x, box.y + 1, box.width - 2 * inset_x, 1);
      const cv::Rect bottom(box.x + inset_x, box.br().y - 2, box.width - 2 * inset_x, 1);
      const cv::Rect left(box.x + 1, box.y + inset_y, 1, box.height - 2 * inset_y);
      const cv::Rect right(box.br().x - 2, box.y + inset_y, 1, box.height - 2 * inset_y);
      if (std::min({dark_share(top), dark_share(bottom), dark_share(left), dark_share(right)}) <
          0.85) {
        continue;
      }
    }
    if (badge) {
      // A badge's figures are bolder than the closing fills: they are holes in its disc.
      cv::drawContours(mask, rim, -1, cv::Scalar(255), cv::FILLED);
    }
    // Its letters: clearly lighter than its ground (the tag's own level: small print
    // anti-aliased on a coloured tag is light only at the heart of its strokes).
    const cv::Mat tag_dark = dark(box) & mask;
    const int ground = static_cast<int>(cv::mean(gray(box), tag_dark)[0]);
    cv::Mat light_ink = (gray(box) > ground + kInkContrast) & mask;
    const int light_pixels = cv::countNonZero(light_ink);
    if (light_pixels > 0.5 * area) continue;  // a light box outlined, not a tag
    // Text runs along it: light in a good share of its columns, more than a few specks.
    // (Its small print breaks into pieces too small to count as characters.) A badge may
    // hold one figure alone (a ranking "0" on its disc), a sixth of its width.
    cv::Mat columns;
    cv::reduce(light_ink, columns, 0, cv::REDUCE_MAX);
    const int light = cv::countNonZero(columns);
    if (light_pixels < (badge ? 2 : 3) * box.height || light < box.width / (badge ? 6 : 4)) {
      continue;
    }
    // The tag whole, its letters' holes filled, and a margin of the page around it, which
    // DarkTextOnWhite makes white: its anti-aliased edge would frame the caption.
    const cv::Rect framed = cv::Rect(box.x - 2, box.y - 2, box.width + 4, box.height + 4) &
                            cv::Rect(0, 0, gray.cols, gray.rows);
    std::vector<std::vector<cv::Point>> outlines;
    cv::findContours(mask.clone(), outlines, cv::RETR_EXTERNAL, cv::CHAIN_APPROX_SIMPLE,
                     box.tl() - framed.tl());
    cv::Mat filled(framed.size(), CV_8U, cv::Scalar(0));
    cv::drawContours(filled, outlines, -1, cv::Scalar(255), cv::FILLED);
    // A badge without its rim: anti-aliased against the page, it turns into a dark ring
    // around the letters once inverted, which a reader takes for strokes ("15/4" on a disc
    // read "a)"). (A tag's straight rim turns into rule lines, which cost nothing; without
    // it, a page's coloured band, taken for a tag, was read otherwise and slower.)
    if (badge) {
      cv::erode(filled, filled, cv::getStructuringElement(cv::MORPH_ELLIPSE, cv::Size(5, 5)));
    }
    chips.push_back(LightTextRegion{framed, std::move(filled), light});
  }
  std::sort(chips.begin(), chips.end(), [](const LightTextRegion& a, const LightTextRegion& b) {
    return a.box.y != b.box.y ? a.box.y < b.box.y : a.box.x < b.box.x;
  });
  return chips;
}

std::vector<LightTextRegion> TintedTextChips(const cv::Mat& gray) {
  std::vector<LightTextRegion> chips;
  if (gray.empty() || gray.channels() != 1) return chips;
  const int paper = Paper(gray);  // on a light page only
  if (paper - kTintBelowPaper <= kDarkSurround) return chips;
  const int tint_top = paper - kTintBelowPaper;  // a tag's ground is below this, and
  cv::Mat marked, tinted;                        // not as dark as ink
  cv::threshold(gray, marked, tint_top, 255, cv::THRESH_BINARY_INV);
  cv::inRange(gray, cv::Scalar(kDarkSurround), cv::Scalar(tint_top), tinted);
  if (cv::countNonZero(marked) > 0.5 * static_cast<double>(gray.total())) return chips;
  const ClosedMarks closed = CloseLettersIn(marked, gray.size());
  for (size_t k = 0; k < closed.boxes.size() && static_cast<int>(chips.size()) < kMaxLightTextChips;
       ++k) {
    const int i = static_cast<int>(k) + 1;
    const cv::Rect& box = closed.boxes[k];
    const int area = closed.areas[k];
    if (!closed.IsOneLineTag(box, area)) continue;
    // Tinted all along its edges (its ground pads its letters): a bold word closed into a
    // block is dark where it touches its box, and a photo's grey is not one flat tint.
    auto tinted_share = [&](cv::Rect edge) {
      edge &= cv::Rect(0, 0, gray.cols, gray.rows);
      return edge.empty() ? 0.0 : cv::countNonZero(tinted(edge)) / static_cast<double>(edge.area());
    };
    // (3 pixels in, past the anti-aliased rim; a pill's rounded ends: its top and bottom
    // from half its height in, its sides at their middle fifth.)
    const int inset_x = std::max(box.width / 10, box.height / 2), inset_y = box.height * 2 / 5;
    const cv::Rect top(box.x + inset_x, box.y + 3, box.width - 2 * inset_x, 1);
    const cv::Rect bottom(box.x + inset_x, box.br().y - 4, box.width - 2 * inset_x, 1);
    const cv::Rect left(box.x + 3, box.y + inset_y, 1, box.height - 2 * inset_y);
    const cv::Rect right(box.br().x - 4, box.y + inset_y, 1, box.height - 2 * inset_y);
    if (std::min({tinted_share(top), tinted_share(bottom), tinted_share(left),
                  tinted_share(right)}) < 0.85) {
      continue;
    }
    const cv::Mat mask = closed.labels(box) == i;
    const int ground = static_cast<int>(cv::mean(gray(box), tinted(box) & mask)[0]);
    cv::Scalar mean, spread;
    cv::meanStdDev(gray(box), mean, spread, tinted(box) & mask);
    if (spread[0] > 12) continue;  // one flat tint, not a picture's shades
    const cv::Mat dark_ink = (gray(box) < ground - kInkContrast) & mask;
    const int dark_pixels = cv::countNonZero(dark_ink);
    if (dark_pixels > 0.5 * area) continue;
    cv::Mat columns;
    cv::reduce(dark_ink, columns, 0, cv::REDUCE_MAX);
    if (dark_pixels < 3 * box.height || cv::countNonZero(columns) < box.width / 4) continue;
    std::vector<std::vector<cv::Point>> outlines;
    cv::findContours(mask.clone(), outlines, cv::RETR_EXTERNAL, cv::CHAIN_APPROX_SIMPLE);
    cv::Mat filled(box.size(), CV_8U, cv::Scalar(0));
    cv::drawContours(filled, outlines, -1, cv::Scalar(255), cv::FILLED);
    chips.push_back(LightTextRegion{box, std::move(filled), 0});
  }
  return chips;
}

cv::Mat DarkTextOnTintMadeWhite(const cv::Mat& gray, const LightTextRegion& region) {
  const cv::Mat tag = gray(region.box);
  cv::Mat out = tag.clone();
  if (!StretchGroundToWhite(out, region.mask)) return cv::Mat();
  cv::Mat outside;
  cv::bitwise_not(region.mask, outside);
  tag.copyTo(out, outside);  // the page around a rounded tag as it was
  return out;
}

cv::Mat DarkTextOnWhite(const cv::Mat& gray, const LightTextRegion& region) {
  cv::Mat out(region.box.size(), CV_8U, cv::Scalar(255));
  cv::bitwise_not(gray(region.box), out, region.mask);
  if (!StretchGroundToWhite(out, region.mask)) return cv::Mat();
  cv::Mat outside;
  cv::bitwise_not(region.mask, outside);
  out.setTo(255, outside);
  out = WithoutFramesAroundWords(out);
  return out;
}

cv::Mat InkOfBothPolarities(const cv::Mat& gray) {
  if (gray.empty() || gray.channels() != 1) return cv::Mat();
  const int side = std::max(gray.cols, gray.rows);
  const double scale = side > kCaptionWorkSide ? static_cast<double>(kCaptionWorkSide) / side : 1.0;
  if (std::min(gray.cols, gray.rows) * scale < 32) return cv::Mat();
  cv::Mat small = gray;
  if (scale < 1.0) cv::resize(gray, small, cv::Size(), scale, scale, cv::INTER_AREA);
  // Wider than a bold value's letters: its median is the ground, not their ink. The ground
  // is smooth, so its median is taken at half this scale (a quarter of the cost).
  cv::Mat half, ground;
  cv::resize(small, half, cv::Size(), 0.5, 0.5, cv::INTER_AREA);
  cv::medianBlur(half, ground, kCaptionGroundWindow / 2 | 1);
  cv::resize(ground, ground, small.size(), 0, 0, cv::INTER_LINEAR);
  cv::Mat light_ground, lifted, light_ink, dark_ink;
  cv::threshold(ground, light_ground, kDarkSurround, 255, cv::THRESH_BINARY);
  cv::add(ground, cv::Scalar(kCaptionContrast), lifted);
  cv::compare(small, lifted, light_ink, cv::CMP_GT);
  cv::subtract(ground, cv::Scalar(kInkContrast), lifted);
  cv::compare(small, lifted, dark_ink, cv::CMP_LT);
  light_ink &= light_ground;
  const int light = CharacterCount(light_ink, small, 255, 4, 12);
  const int dark = CharacterCount(dark_ink, small, 255, 4, 12);
  if (light < kMinCharacters || light < dark) return cv::Mat();

  // Deviations from the ground at full size, each polarity on its own scale: from a
  // guilloche's faint lines (white) to its strongest strokes (black).
  cv::Mat full_ground, image, base;
  cv::resize(ground, full_ground, gray.size(), 0, 0, cv::INTER_LINEAR);
  gray.convertTo(image, CV_32F);
  full_ground.convertTo(base, CV_32F);
  cv::Mat darker = cv::max(base - image, 0.0f), lighter = cv::max(image - base, 0.0f);
  auto strongest = [](const cv::Mat& deviation, int floor) {
    // The 90th percentile of clear ink's deviation: a stroke's core, not its one darkest pixel.
    std::vector<float> ink;
    for (int y = 0; y < deviation.rows; ++y) {
      const float* row = deviation.ptr<float>(y);
      for (int x = 0; x < deviation.cols; ++x) {
        if (row[x] > floor) ink.push_back(row[x]);
      }
    }
    if (ink.empty()) return static_cast<float>(floor);
    auto at = ink.begin() + static_cast<std::ptrdiff_t>(ink.size() * 9 / 10);
    std::nth_element(ink.begin(), at, ink.end());
    return *at;
  };
  constexpr float kFaint = 12.0f;  // a guilloche's lines, a JPEG's ringing
  auto strength = [&](const cv::Mat& deviation, int floor) {
    const float top = std::max(strongest(deviation, floor), kFaint + 1.0f);
    cv::Mat s = (deviation - kFaint) / (top - kFaint);
    return cv::Mat(cv::min(cv::max(s, 0.0f), 1.0f));
  };
  const cv::Mat ink = cv::max(strength(darker, kInkContrast), strength(lighter, kCaptionContrast));
  cv::Mat out;
  cv::Mat(1.0f - ink).convertTo(out, CV_8U, 255.0);
  return out;
}

}  // namespace jae::local
