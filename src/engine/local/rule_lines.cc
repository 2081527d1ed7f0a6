#include "engine/local/rule_lines.h"

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>
#include <vector>

namespace jae::local {

namespace {

// Ink: darker than its neighbourhood by a clear margin, whatever the paper's tint.
cv::Mat InkOf(const cv::Mat& gray) {
  const int block = std::max(15, (std::min(gray.cols, gray.rows) / 40) | 1);
  cv::Mat ink;
  cv::adaptiveThreshold(gray, ink, 255, cv::ADAPTIVE_THRESH_MEAN_C, cv::THRESH_BINARY_INV, block,
                        20);
  return ink;
}

// The ink's connected components (8-connected), shared by the stages that look at them.
struct InkComponents {
  cv::Mat labels, stats, centroids;
  int count = 0;
};

InkComponents ComponentsOf(const cv::Mat& gray) {
  InkComponents ink;
  ink.count = cv::connectedComponentsWithStats(InkOf(gray), ink.labels, ink.stats, ink.centroids, 8,
                                               CV_32S);
  return ink;
}

}  // namespace

cv::Mat WithoutRuleLines(const cv::Mat& gray) {
  if (gray.empty() || gray.type() != CV_8UC1) return gray;
  const cv::Mat ink = InkOf(gray);
  const int along_x = std::max(60, gray.cols / 6);
  const int along_y = std::max(30, gray.rows / 12);
  cv::Mat horizontal, vertical;
  cv::morphologyEx(ink, horizontal, cv::MORPH_OPEN,
                   cv::getStructuringElement(cv::MORPH_RECT, cv::Size(along_x, 1)));
  cv::morphologyEx(ink, vertical, cv::MORPH_OPEN,
                   cv::getStructuringElement(cv::MORPH_RECT, cv::Size(1, along_y)));
  // A rule is thin; a line of small text blurred into one bar (a hard photo's captions)
  // is as thick as its letters are tall, and stays.
  const int thin = std::max(3, std::min(gray.cols, gray.rows) / 150);
  cv::Mat rules = cv::Mat::zeros(gray.size(), CV_8UC1);
  for (const auto& [mask, across] : {std::pair{horizontal, 1}, std::pair{vertical, 0}}) {
    cv::Mat labels, stats, centroids;
    const int n = cv::connectedComponentsWithStats(mask, labels, stats, centroids, 8, CV_32S);
    for (int c = 1; c < n; ++c) {
      const int thickness =
          across ? stats.at<int>(c, cv::CC_STAT_HEIGHT) : stats.at<int>(c, cv::CC_STAT_WIDTH);
      if (thickness <= thin) rules.setTo(255, labels == c);
    }
  }
  if (cv::countNonZero(rules) == 0) return gray;
  cv::dilate(rules, rules, cv::getStructuringElement(cv::MORPH_RECT, cv::Size(3, 3)));
  cv::Mat out = gray.clone();
  out.setTo(255, rules);
  return out;
}

namespace {

struct Dot {
  cv::Rect box;
  double cx, cy;
};

// Paints `gray`'s dot leaders white in `out` (a copy of `gray` made on the first one).
void PaintDotLeaders(const cv::Mat& gray, const InkComponents& ink, cv::Mat& out) {
  const cv::Mat& stats = ink.stats;
  const cv::Mat& centroids = ink.centroids;
  const int n = ink.count;
  const int largest = std::max(2, std::min(gray.cols, gray.rows) / 150);
  std::vector<Dot> dots;
  for (int c = 1; c < n; ++c) {
    const int w = stats.at<int>(c, cv::CC_STAT_WIDTH), h = stats.at<int>(c, cv::CC_STAT_HEIGHT);
    if (w > largest || h > largest || w > 2 * h + 1 || h > 2 * w + 1) continue;
    dots.push_back(
        Dot{cv::Rect(stats.at<int>(c, cv::CC_STAT_LEFT), stats.at<int>(c, cv::CC_STAT_TOP), w, h),
            centroids.at<double>(c, 0), centroids.at<double>(c, 1)});
  }
  // More specks than four to a pixel of the page's rim (a grid of dots, a photo's grain, a
  // hostile image: a fuzzed 771 x 1024 grid gave 94 806) are a texture, not a form's
  // leaders; each would be compared with hundreds of open rows (20 s under the fuzzer).
  if (dots.size() > 4 * static_cast<size_t>(gray.cols + gray.rows)) return;
  // Rows along x, and along y for a page still lying on its side (a portrait attestation
  // before it is turned upright).
  for (const bool along_x : {true, false}) {
    auto along = [&](const Dot& d) { return along_x ? d.cx : d.cy; };
    auto across = [&](const Dot& d) { return along_x ? d.cy : d.cx; };
    auto thickness = [&](const Dot& d) { return along_x ? d.box.height : d.box.width; };
    std::sort(dots.begin(), dots.end(),
              [&](const Dot& a, const Dot& b) { return along(a) < along(b); });
    // Rows grown in order: a dot joins the row whose last dot is on its baseline and
    // within reach; a row keeps its pitches to judge their regularity.
    struct Row {
      std::vector<size_t> members;
      std::vector<double> pitches;
    };
    std::vector<Row> rows;
    // Rows still open: their last dot within reach of the dots to come (dots come in order,
    // so a row left behind never grows again). Keeps a page of specks from costing the
    // square of its dots.
    std::vector<size_t> open;
    const double reach = 6.0 * largest;
    for (size_t i = 0; i < dots.size(); ++i) {
      std::erase_if(open, [&](size_t r) {
        return along(dots[i]) - along(dots[rows[r].members.back()]) > reach;
      });
      Row* joined = nullptr;
      for (size_t r : open) {
        Row& row = rows[r];
        const Dot& last = dots[row.members.back()];
        const double gap = along(dots[i]) - along(last);
        const double size = std::max(thickness(last), thickness(dots[i]));
        if (gap > 0.5 && gap <= reach &&
            std::abs(across(dots[i]) - across(last)) <= std::max(1.5, size / 2.0)) {
          joined = &row;
          break;
        }
      }
      if (joined) {
        joined->pitches.push_back(along(dots[i]) - along(dots[joined->members.back()]));
        joined->members.push_back(i);
      } else {
        open.push_back(rows.size());
        rows.push_back(Row{{i}, {}});
      }
    }
    for (const auto& row : rows) {
      if (row.members.size() < 6) continue;
      double mean = 0;
      for (double p : row.pitches) mean += p;
      mean /= static_cast<double>(row.pitches.size());
      double spread = 0;
      for (double p : row.pitches) spread += (p - mean) * (p - mean);
      spread = std::sqrt(spread / static_cast<double>(row.pitches.size()));
      // A leader's pitch is regular; specks of a guilloche or a photo's noise are not. Its
      // dots stand apart by more than their own size; the letters of a word printed tiny
      // (a hard photo's) nearly touch.
      double extent = 0;
      for (size_t i : row.members) extent += along_x ? dots[i].box.width : dots[i].box.height;
      extent /= static_cast<double>(row.members.size());
      if (spread > 0.35 * mean || mean < 2.0 * extent) continue;
      if (out.empty()) out = gray.clone();
      for (size_t i : row.members) {
        cv::Rect box = dots[i].box;
        box.x -= 1;
        box.y -= 1;
        box.width += 2;
        box.height += 2;
        out(box & cv::Rect(0, 0, out.cols, out.rows)).setTo(255);
      }
    }
  }
}

struct Frame {
  int label;
  cv::Rect box;
};

// Whether component `label` of `labels`, bounded by `box`, is a thin hollow frame.
bool IsHollowFrame(const cv::Mat& labels, int label, const cv::Rect& box, int area) {
  const int band = std::max(2, std::min(box.width, box.height) / 6);
  if (area > 2 * (box.width + box.height) * band) return false;
  const cv::Mat mine = labels(box) == label;
  const cv::Rect inside(band, band, box.width - 2 * band, box.height - 2 * band);
  if (inside.width <= 0 || inside.height <= 0 || cv::countNonZero(mine(inside)) > 0) return false;
  // Each side's band, folded across: the share of its length that has ink.
  const cv::Rect sides[] = {
      cv::Rect(0, 0, box.width, band), cv::Rect(0, box.height - band, box.width, band),
      cv::Rect(0, 0, band, box.height), cv::Rect(box.width - band, 0, band, box.height)};
  for (int s = 0; s < 4; ++s) {
    const bool horizontal = s < 2;
    cv::Mat folded;
    cv::reduce(mine(sides[s]), folded, horizontal ? 0 : 1, cv::REDUCE_MAX);
    const int length = horizontal ? box.width : box.height;
    if (cv::countNonZero(folded) * 10 < length * 9) return false;
  }
  return true;
}

// Paints `gray`'s rows of character boxes white in `out` (a copy of `gray` made on the
// first one).
void PaintCharacterBoxes(const cv::Mat& gray, const InkComponents& ink, cv::Mat& out) {
  const cv::Mat& labels = ink.labels;
  const cv::Mat& stats = ink.stats;
  const int n = ink.count;
  const int smallest = std::max(8, std::min(gray.cols, gray.rows) / 150);
  const int largest = std::max(smallest, std::min(gray.cols, gray.rows) / 8);
  std::vector<Frame> frames;
  for (int c = 1; c < n; ++c) {
    const cv::Rect box(stats.at<int>(c, cv::CC_STAT_LEFT), stats.at<int>(c, cv::CC_STAT_TOP),
                       stats.at<int>(c, cv::CC_STAT_WIDTH), stats.at<int>(c, cv::CC_STAT_HEIGHT));
    if (box.width < smallest || box.height < smallest || box.width > largest ||
        box.height > largest || box.width * 5 < box.height * 2 || box.width * 2 > box.height * 3) {
      continue;
    }
    if (IsHollowFrame(labels, c, box, stats.at<int>(c, cv::CC_STAT_AREA))) {
      frames.push_back(Frame{c, box});
    }
  }
  if (frames.size() < 4) return;
  std::sort(frames.begin(), frames.end(),
            [](const Frame& a, const Frame& b) { return a.box.x < b.box.x; });
  // Rows grown left to right: a frame joins the row whose last frame is of its height, on
  // its line, and close.
  std::vector<std::vector<size_t>> rows;
  for (size_t i = 0; i < frames.size(); ++i) {
    const cv::Rect& box = frames[i].box;
    std::vector<size_t>* joined = nullptr;
    for (auto& row : rows) {
      const cv::Rect& last = frames[row.back()].box;
      const int gap = box.x - (last.x + last.width);
      const int height = std::max(box.height, last.height);
      if (gap >= -2 && gap <= height && std::abs(box.height - last.height) * 5 <= height &&
          std::abs((box.y + box.height / 2) - (last.y + last.height / 2)) * 4 <= height) {
        joined = &row;
        break;
      }
    }
    if (joined) {
      joined->push_back(i);
    } else {
      rows.push_back({i});
    }
  }
  for (const auto& row : rows) {
    if (row.size() < 4) continue;
    if (out.empty()) out = gray.clone();
    for (size_t i : row) {
      // The frame's own pixels and their anti-aliased edge, two pixels wide (a fainter edge
      // left was read as an '8'); the ink of what it holds stays.
      const cv::Rect around = cv::Rect(frames[i].box.x - 2, frames[i].box.y - 2,
                                       frames[i].box.width + 4, frames[i].box.height + 4) &
                              cv::Rect(0, 0, gray.cols, gray.rows);
      cv::Mat mine = labels(around) == frames[i].label;
      cv::dilate(mine, mine, cv::getStructuringElement(cv::MORPH_RECT, cv::Size(5, 5)));
      const cv::Mat other_ink = (labels(around) != 0) & (labels(around) != frames[i].label);
      mine.setTo(0, other_ink);
      out(around).setTo(255, mine);
    }
  }
}

}  // namespace

cv::Mat WithoutDotLeaders(const cv::Mat& gray) {
  if (gray.empty() || gray.type() != CV_8UC1) return gray;
  cv::Mat out;
  PaintDotLeaders(gray, ComponentsOf(gray), out);
  return out.empty() ? gray : out;
}

cv::Mat WithoutCharacterBoxes(const cv::Mat& gray) {
  if (gray.empty() || gray.type() != CV_8UC1) return gray;
  cv::Mat out;
  PaintCharacterBoxes(gray, ComponentsOf(gray), out);
  return out.empty() ? gray : out;
}

cv::Mat WithoutDotLeadersOrCharacterBoxes(const cv::Mat& gray) {
  if (gray.empty() || gray.type() != CV_8UC1) return gray;
  const InkComponents ink = ComponentsOf(gray);
  cv::Mat out;
  PaintDotLeaders(gray, ink, out);
  PaintCharacterBoxes(gray, ink, out);
  return out.empty() ? gray : out;
}

cv::Mat WithoutFramesAroundWords(const cv::Mat& gray) {
  cv::Mat text = gray.clone();
  cv::Mat ink = text < 200, labels, stats, centroids;
  const int n = cv::connectedComponentsWithStats(ink, labels, stats, centroids, 8, CV_32S);
  auto box_of = [&](int i) {
    return cv::Rect(stats.at<int>(i, cv::CC_STAT_LEFT), stats.at<int>(i, cv::CC_STAT_TOP),
                    stats.at<int>(i, cv::CC_STAT_WIDTH), stats.at<int>(i, cv::CC_STAT_HEIGHT));
  };
  for (int i = 1; i < n; ++i) {
    const cv::Rect frame = box_of(i);
    if (frame.width < 12 || frame.height < 12) continue;
    // On the region's edge: the ground's own rim, not a frame drawn on it.
    if (frame.x == 0 || frame.y == 0 || frame.br().x >= text.cols || frame.br().y >= text.rows) {
      continue;
    }
    // A line a few pixels thick along the box's sides, not a solid mark nor a patch of a
    // gradient's ground that the threshold cut.
    const int stroke = std::max(4, std::min(frame.width, frame.height) / 12);
    if (stats.at<int>(i, cv::CC_STAT_AREA) > 2 * (frame.width + frame.height) * stroke) continue;
    int enclosed = 0;
    for (int j = 1; j < n && enclosed < 3; ++j) {
      const cv::Rect mark = box_of(j);
      if (j != i && mark.area() >= 4 && (mark & frame) == mark && mark.x > frame.x &&
          mark.br().x < frame.br().x && mark.y > frame.y && mark.br().y < frame.br().y) {
        ++enclosed;
      }
    }
    if (enclosed < 3) continue;
    // With its anti-aliased rim, which the threshold left as a grey ghost of the frame.
    cv::Mat outline = labels(frame) == i;
    cv::dilate(outline, outline, cv::getStructuringElement(cv::MORPH_RECT, cv::Size(5, 5)));
    text(frame).setTo(255, outline);
  }
  return text;
}

}  // namespace jae::local
