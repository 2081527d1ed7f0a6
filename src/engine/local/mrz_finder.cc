#include "engine/local/mrz_finder.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <opencv2/imgproc.hpp>

namespace jae::local {
namespace {

constexpr int kWorkSide = 1400;  // long side the search runs at (never upscaled)

struct Line {
  cv::Point2f center, dir;  // dir: unit, along the line
  float length = 0, thickness = 0;
  std::array<cv::Point2f, 4> corners;  // input-image coordinates
  float ink_balance = 0;  // (ink in the half `dir` starts from) - (other half), normalised
};

float Dot(cv::Point2f a, cv::Point2f b) { return a.x * b.x + a.y * b.y; }

// Dark strokes against their surroundings, whatever the paper's brightness.
cv::Mat InkOf(const cv::Mat& work) {
  const int k = std::max(9, std::max(work.cols, work.rows) / 45) | 1;
  cv::Mat blackhat, ink;
  cv::morphologyEx(work, blackhat, cv::MORPH_BLACKHAT,
                   cv::getStructuringElement(cv::MORPH_RECT, cv::Size(k, k)));
  const double otsu = cv::threshold(blackhat, ink, 0, 255, cv::THRESH_BINARY | cv::THRESH_OTSU);
  if (otsu < 20) cv::threshold(blackhat, ink, 20, 255, cv::THRESH_BINARY);
  return ink;
}

// Ink in the first half of the line (as `dir` runs) minus the second, over all its ink.
// MRZ lines end in fillers ('<', little ink): read the right way round, the balance is
// positive.
float InkBalance(const cv::Mat& ink, const cv::RotatedRect& r, cv::Point2f dir) {
  const cv::Rect bounds = r.boundingRect() & cv::Rect(0, 0, ink.cols, ink.rows);
  const cv::Point2f normal(-dir.y, dir.x);
  const float half_len = std::max(r.size.width, r.size.height) / 2;
  const float half_th = std::min(r.size.width, r.size.height) / 2;
  double first = 0, second = 0;
  for (int y = bounds.y; y < bounds.y + bounds.height; ++y) {
    const uchar* row = ink.ptr<uchar>(y);
    for (int x = bounds.x; x < bounds.x + bounds.width; ++x) {
      if (!row[x]) continue;
      const cv::Point2f d(x - r.center.x, y - r.center.y);
      const float a = Dot(d, dir);
      if (std::abs(a) > half_len || std::abs(Dot(d, normal)) > half_th) continue;
      (a < 0 ? first : second) += 1;
    }
  }
  return static_cast<float>((first - second) / std::max(1.0, first + second));
}

// Long, solid bands of `ink` after joining characters along x. `to_input` maps `ink`'s
// coordinates to the input image's (a scale, a transposition for vertical lines, a
// rotation for tilted ones).
//
// Characters are joined by widening each one's box by 0.6 of its own height on both
// sides: the gaps between MRZ characters (fixed pitch, no spaces) are closed at any
// scale, while lines above and below stay apart (the boxes do not grow vertically).
// `skip_strokes`: leave out components more than 3.5 times as tall as wide. No OCR-B
// character is that thin, but a page edge, a table border or a fold is, and one touching
// both lines of a zone joins them into a single band that is no line at all.
//
// `bands`, when given, receives the direction (in `ink`) and length of every elongated
// band, line or not: the tilt of a photo's text (see TextTilt).
void CollectLines(const cv::Mat& ink, const cv::Matx23f& to_input, bool skip_strokes,
                  std::vector<Line>& out, std::vector<std::pair<cv::Point2f, float>>* bands) {
  const int side = std::max(ink.cols, ink.rows);
  cv::Mat labels, stats, centroids;
  const int n = cv::connectedComponentsWithStats(ink, labels, stats, centroids, 8, CV_32S);
  cv::Mat closed = cv::Mat::zeros(ink.size(), CV_8U);
  for (int i = 1; i < n; ++i) {
    const int x = stats.at<int>(i, cv::CC_STAT_LEFT), y = stats.at<int>(i, cv::CC_STAT_TOP);
    const int w = stats.at<int>(i, cv::CC_STAT_WIDTH), h = stats.at<int>(i, cv::CC_STAT_HEIGHT);
    if (h < 4 || h > side / 8 || w > 4 * h || stats.at<int>(i, cv::CC_STAT_AREA) < 6) continue;
    if (skip_strokes && 2 * h > 7 * w) continue;
    // A thin stroke grows as a character of its width would: a page's edge or a fold
    // widened by its own height reached the first characters of both lines of a zone
    // and joined them into one band (a passport's data page photographed with its edge).
    const int grow = static_cast<int>(std::lround(0.6 * std::min(h, (7 * w + 1) / 2)));
    cv::rectangle(closed, cv::Rect(x - grow, y, w + 2 * grow, h), cv::Scalar(255), cv::FILLED);
  }
  std::vector<std::vector<cv::Point>> contours;
  cv::findContours(closed, contours, cv::RETR_EXTERNAL, cv::CHAIN_APPROX_SIMPLE);
  for (const auto& contour : contours) {
    if (contour.size() < 4) continue;
    const cv::RotatedRect r = cv::minAreaRect(contour);
    const float length = std::max(r.size.width, r.size.height);
    const float thickness = std::min(r.size.width, r.size.height);
    cv::Point2f pts[4];
    r.points(pts);
    // The long side's direction, pointing right (or down when vertical).
    cv::Point2f e1 = pts[1] - pts[0], e2 = pts[2] - pts[1];
    cv::Point2f dir = cv::norm(e1) >= cv::norm(e2) ? e1 : e2;
    dir *= 1.0f / std::max(1e-3f, static_cast<float>(cv::norm(dir)));
    if (dir.x < 0 || (dir.x == 0 && dir.y < 0)) dir = -dir;
    if (bands && thickness >= 4 && length >= 5 * thickness && length >= side / 25.0f) {
      bands->emplace_back(dir, length);
    }
    // 30 OCR-B characters are ~18 times as long as they are high, 44 ~26 times.
    if (thickness < 5 || length < 12 * thickness || length < side / 7.0f) continue;
    if (cv::contourArea(contour) < 0.5 * length * thickness) continue;
    Line line;
    line.ink_balance = InkBalance(ink, r, dir);
    auto map = [&](cv::Point2f p) {
      return cv::Point2f(to_input(0, 0) * p.x + to_input(0, 1) * p.y + to_input(0, 2),
                         to_input(1, 0) * p.x + to_input(1, 1) * p.y + to_input(1, 2));
    };
    const cv::Point2f mapped_dir(to_input(0, 0) * dir.x + to_input(0, 1) * dir.y,
                                 to_input(1, 0) * dir.x + to_input(1, 1) * dir.y);
    const float scale = static_cast<float>(cv::norm(mapped_dir));  // to_input is similar
    line.center = map(r.center);
    line.dir = mapped_dir * (1.0f / std::max(1e-6f, scale));
    line.length = length * scale;
    line.thickness = thickness * scale;
    for (int i = 0; i < 4; ++i) line.corners[static_cast<size_t>(i)] = map(pts[i]);
    out.push_back(line);
  }
}

// Whether `b` continues `a` as the next MRZ line: parallel, as long, as thick, one pitch
// away across, not shifted along.
bool Neighbours(const Line& a, const Line& b, float* pitch) {
  if (std::abs(Dot(a.dir, b.dir)) < std::cos(4.0 * CV_PI / 180.0)) return false;
  const float len_ratio = std::min(a.length, b.length) / std::max(a.length, b.length);
  const float th_ratio = std::min(a.thickness, b.thickness) / std::max(a.thickness, b.thickness);
  if (len_ratio < 0.8f || th_ratio < 0.55f) return false;
  const cv::Point2f normal(-a.dir.y, a.dir.x);
  const cv::Point2f d = b.center - a.center;
  const float across = std::abs(Dot(d, normal));
  const float along = std::abs(Dot(d, a.dir));
  const float th = (a.thickness + b.thickness) / 2;
  if (across < 1.05f * th || across > 3.0f * th) return false;
  if (along > 0.12f * std::max(a.length, b.length)) return false;
  *pitch = across;
  return true;
}

MrzCandidate MakeCandidate(const std::vector<const Line*>& lines, float pitch) {
  MrzCandidate c;
  cv::Point2f dir(0, 0);
  float balance = 0, length = 0;
  for (const Line* l : lines) {
    const bool same = Dot(l->dir, lines.front()->dir) >= 0;
    dir += same ? l->dir : -l->dir;
    balance += same ? l->ink_balance : -l->ink_balance;
    length += l->length;
  }
  dir *= 1.0f / std::max(1e-3f, static_cast<float>(cv::norm(dir)));
  c.along = dir;
  c.up = cv::Point2f(dir.y, -dir.x);
  c.a_min = c.b_min = 1e9f;
  c.a_max = c.b_max = -1e9f;
  for (const Line* l : lines) {
    for (const auto& p : l->corners) {
      c.a_min = std::min(c.a_min, Dot(p, c.along));
      c.a_max = std::max(c.a_max, Dot(p, c.along));
      c.b_min = std::min(c.b_min, Dot(p, c.up));
      c.b_max = std::max(c.b_max, Dot(p, c.up));
    }
  }
  c.line_count = static_cast<int>(lines.size());
  for (const Line* l : lines) c.lines.push_back(l->corners);
  c.line_pitch = pitch;
  c.upright_odds = balance;
  c.score = length * (lines.size() == 3 ? 1.2 : 1.0);
  return c;
}

// Every run of 2 or 3 neighbouring lines, best first; a pair inside a chosen triple is
// left out.
std::vector<MrzCandidate> GroupLines(const std::vector<Line>& lines) {
  std::vector<MrzCandidate> triples, pairs;
  std::vector<std::array<size_t, 2>> pair_ids;
  std::vector<std::array<size_t, 3>> triple_ids;
  for (size_t i = 0; i < lines.size(); ++i) {
    for (size_t j = 0; j < lines.size(); ++j) {
      if (i == j) continue;
      float pitch = 0;
      if (!Neighbours(lines[i], lines[j], &pitch)) continue;
      // Order: j below i along the normal pointing down the page as `dir` reads.
      const cv::Point2f down(-lines[i].dir.y, lines[i].dir.x);
      if (Dot(lines[j].center - lines[i].center, down) <= 0) continue;
      pairs.push_back(MakeCandidate({&lines[i], &lines[j]}, pitch));
      pair_ids.push_back({i, j});
      for (size_t k = 0; k < lines.size(); ++k) {
        if (k == i || k == j) continue;
        float pitch2 = 0;
        if (!Neighbours(lines[j], lines[k], &pitch2)) continue;
        if (Dot(lines[k].center - lines[j].center, down) <= 0) continue;
        if (std::abs(pitch2 - pitch) > 0.25f * pitch) continue;
        triples.push_back(MakeCandidate({&lines[i], &lines[j], &lines[k]}, (pitch + pitch2) / 2));
        triple_ids.push_back({i, j, k});
      }
    }
  }
  // A pair inside a triple is the same zone, read worse.
  std::vector<MrzCandidate> all;
  std::vector<bool> used(lines.size(), false);
  std::vector<size_t> order(triples.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(),
            [&](size_t a, size_t b) { return triples[a].score > triples[b].score; });
  for (size_t t : order) {
    const auto& ids = triple_ids[t];
    if (used[ids[0]] || used[ids[1]] || used[ids[2]]) continue;
    for (size_t id : ids) used[id] = true;
    all.push_back(triples[t]);
  }
  for (size_t p = 0; p < pairs.size(); ++p) {
    if (used[pair_ids[p][0]] || used[pair_ids[p][1]]) continue;
    all.push_back(pairs[p]);
  }
  std::stable_sort(all.begin(), all.end(),
                   [](const MrzCandidate& a, const MrzCandidate& b) { return a.score > b.score; });
  return all;
}

// The lines of both directions of `ink`, whose coordinates `to_input` maps to the input's.
std::vector<Line> CollectAllLines(const cv::Mat& ink, const cv::Matx23f& to_input,
                                  bool skip_strokes,
                                  std::vector<std::pair<cv::Point2f, float>>* bands = nullptr) {
  std::vector<Line> lines;
  CollectLines(ink, to_input, skip_strokes, lines, bands);
  // The transposed image's (x, y) is the ink's (y, x).
  const cv::Matx23f transposed(to_input(0, 1), to_input(0, 0), to_input(0, 2), to_input(1, 1),
                               to_input(1, 0), to_input(1, 2));
  CollectLines(ink.t(), transposed, skip_strokes, lines, nullptr);
  return lines;
}

// The angle (radians, within ±45 degrees) by which the page's text lines are turned from
// the nearest axis: the length-weighted median of the bands' directions, folded onto a
// quarter turn. 0 when too few bands agree.
//
// Why: characters are joined into lines by widening them along x. On a photo taken at an
// angle (seen: 17 degrees), the widened boxes of two tilted MRZ lines, and any mark
// between them, merge into one band that is no line; turned level, they stay apart.
float TextTilt(const std::vector<std::pair<cv::Point2f, float>>& bands) {
  std::vector<std::pair<float, float>> angles;  // (angle, weight)
  float total = 0;
  for (const auto& [dir, length] : bands) {
    float a = std::atan2(dir.y, dir.x);
    const float quarter = static_cast<float>(CV_PI / 2);
    while (a > quarter / 2) a -= quarter;
    while (a <= -quarter / 2) a += quarter;
    angles.emplace_back(a, length);
    total += length;
  }
  if (angles.size() < 4) return 0;
  std::sort(angles.begin(), angles.end());
  float seen = 0;
  for (const auto& [a, w] : angles) {
    seen += w;
    if (seen >= total / 2) return a;
  }
  return 0;
}

}  // namespace

std::vector<MrzCandidate> FindMrzCandidates(const cv::Mat& gray, int max_count) {
  std::vector<MrzCandidate> out;
  if (gray.empty() || gray.type() != CV_8UC1 || max_count <= 0) return out;
  const int side = std::max(gray.cols, gray.rows);
  const double scale = side > kWorkSide ? static_cast<double>(kWorkSide) / side : 1.0;
  cv::Mat work;
  if (scale < 1.0) {
    cv::resize(gray, work, cv::Size(), scale, scale, cv::INTER_AREA);
  } else {
    work = gray;
  }
  const cv::Mat ink = InkOf(work);
  const float to_input = static_cast<float>(1.0 / scale);
  const cv::Matx23f scaled(to_input, 0, 0, 0, to_input, 0);
  std::vector<std::pair<cv::Point2f, float>> bands;
  std::vector<MrzCandidate> all = GroupLines(CollectAllLines(ink, scaled, false, &bands));
  // Only when nothing was found: a second search costs as much as the first.
  if (all.empty()) all = GroupLines(CollectAllLines(ink, scaled, true));
  const float tilt = TextTilt(bands);
  if (std::abs(tilt) > static_cast<float>(3 * CV_PI / 180)) {
    // A photo taken at an angle: the work image turned level (its ink recomputed: the kernel is
    // axis-aligned), on a canvas large enough to keep every corner.
    const cv::Point2f centre(work.cols / 2.0f, work.rows / 2.0f);
    cv::Mat turn = cv::getRotationMatrix2D(centre, tilt * 180.0 / CV_PI, 1.0);
    const cv::Rect2f bounds =
        cv::RotatedRect(centre, work.size(), tilt * 180.0f / CV_PI).boundingRect2f();
    turn.at<double>(0, 2) += bounds.width / 2.0 - centre.x;
    turn.at<double>(1, 2) += bounds.height / 2.0 - centre.y;
    cv::Mat level;
    cv::warpAffine(work, level, turn,
                   cv::Size(static_cast<int>(bounds.width), static_cast<int>(bounds.height)),
                   cv::INTER_LINEAR, cv::BORDER_REPLICATE);
    cv::Mat back;
    cv::invertAffineTransform(turn, back);
    back.convertTo(back, CV_32F);
    const cv::Matx23f level_to_input = cv::Matx23f(back.ptr<float>()) * to_input;
    const cv::Mat level_ink = InkOf(level);
    auto level_found = GroupLines(CollectAllLines(level_ink, level_to_input, false));
    if (level_found.empty()) {
      level_found = GroupLines(CollectAllLines(level_ink, level_to_input, true));
    }
    // Both searches' candidates compete: the tilted search may have joined ordinary text
    // lines into a pair while the zone itself was only found level.
    all.insert(all.end(), level_found.begin(), level_found.end());
    std::stable_sort(all.begin(), all.end(), [](const MrzCandidate& a, const MrzCandidate& b) {
      return a.score > b.score;
    });
  }
  // Orient each the way its fillers suggest.
  for (auto& c : all) {
    if (c.upright_odds < 0) c = Reversed(c);
  }
  if (static_cast<int>(all.size()) > max_count) all.resize(static_cast<size_t>(max_count));
  return all;
}

MrzCandidate Reversed(const MrzCandidate& c) {
  MrzCandidate r = c;
  r.along = -c.along;
  r.up = -c.up;
  r.a_min = -c.a_max;
  r.a_max = -c.a_min;
  r.b_min = -c.b_max;
  r.b_max = -c.b_min;
  r.upright_odds = -c.upright_odds;
  r.lines.assign(c.lines.rbegin(), c.lines.rend());
  return r;
}

std::vector<cv::Point2f> ImpliedDocument(const MrzCandidate& c) {
  const float mrz_width = c.a_max - c.a_min;
  // ICAO 9303: 10 characters per inch, 6 lines per inch; the ratio of a line's length to
  // the line pitch tells 44 (TD3, ~26) from 36 (TD2 / French 1988 card, ~22) characters.
  float width = mrz_width * 1.12f, aspect = 0.70f;
  if (c.line_count == 3) {
    aspect = 54.0f / 85.6f;  // TD1 card
  } else if (mrz_width / std::max(1.0f, c.line_pitch) < 23.3f) {
    aspect = 0.66f;  // between the ID-1 card of 1988 and TD2
  }
  const float height = width * aspect;
  const float left = (c.a_min + c.a_max) / 2 - width / 2;
  const float bottom = c.b_min - 0.04f * height;
  auto at = [&](float a, float b) { return c.along * a + c.up * b; };
  return {at(left, bottom + height), at(left + width, bottom + height), at(left + width, bottom),
          at(left, bottom)};
}

std::vector<cv::Rect> LinesInDocument(const MrzCandidate& c,
                                      const std::vector<cv::Point2f>& doc_corners,
                                      cv::Size doc_size) {
  const std::vector<cv::Point2f> frame = {
      {0, 0},
      {static_cast<float>(doc_size.width), 0},
      {static_cast<float>(doc_size.width), static_cast<float>(doc_size.height)},
      {0, static_cast<float>(doc_size.height)}};
  const cv::Mat to_doc = cv::getPerspectiveTransform(doc_corners, frame);
  std::vector<cv::Rect> boxes;
  for (const auto& corners : c.lines) {
    std::vector<cv::Point2f> in(corners.begin(), corners.end()), mapped;
    cv::perspectiveTransform(in, mapped, to_doc);
    boxes.push_back(cv::boundingRect(mapped));
  }
  return boxes;
}

std::vector<cv::Rect> TightenLines(const cv::Mat& gray, const std::vector<cv::Rect>& approx) {
  std::vector<cv::Rect> out;
  const cv::Rect image(0, 0, gray.cols, gray.rows);
  for (const cv::Rect& box : approx) {
    const int pad = std::max(3, box.height / 4);
    const cv::Rect roi =
        cv::Rect(box.x - pad, box.y - pad, box.width + 2 * pad, box.height + 2 * pad) & image;
    if (roi.width < 10 || roi.height < 6) return {};
    cv::Mat blackhat, ink;
    const int k = std::max(9, box.height) | 1;
    cv::morphologyEx(gray(roi), blackhat, cv::MORPH_BLACKHAT,
                     cv::getStructuringElement(cv::MORPH_RECT, cv::Size(k, k)));
    cv::threshold(blackhat, ink, 0, 255, cv::THRESH_BINARY | cv::THRESH_OTSU);
    // Rows: the run around the band's middle where the ink is at least a fifth of the
    // densest row's.
    std::vector<int> rows(static_cast<size_t>(ink.rows));
    int densest = 0;
    for (int y = 0; y < ink.rows; ++y) {
      rows[static_cast<size_t>(y)] = cv::countNonZero(ink.row(y));
      densest = std::max(densest, rows[static_cast<size_t>(y)]);
    }
    if (densest == 0) return {};
    int y0 = ink.rows / 2, y1 = ink.rows / 2;
    while (y0 > 0 && rows[static_cast<size_t>(y0 - 1)] * 5 >= densest) --y0;
    while (y1 + 1 < ink.rows && rows[static_cast<size_t>(y1 + 1)] * 5 >= densest) ++y1;
    // Columns: from the first to the last with ink in those rows.
    cv::Mat cols;
    cv::reduce(ink.rowRange(y0, y1 + 1), cols, 0, cv::REDUCE_MAX);
    int x0 = 0, x1 = cols.cols - 1;
    while (x0 < cols.cols && cols.at<uchar>(0, x0) == 0) ++x0;
    while (x1 > x0 && cols.at<uchar>(0, x1) == 0) --x1;
    if (x1 - x0 < 10) return {};
    out.emplace_back(roi.x + x0, roi.y + y0, x1 - x0 + 1, y1 - y0 + 1);
  }
  return out;
}

}  // namespace jae::local
