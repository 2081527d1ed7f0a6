#include "engine/local/document_finder.h"

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>

namespace jae::local {
namespace {

double Dist(const cv::Point2f& a, const cv::Point2f& b) { return cv::norm(a - b); }

}  // namespace

std::vector<cv::Point2f> OrderCorners(std::vector<cv::Point2f> quad) {
  cv::Point2f c(0, 0);
  for (const auto& p : quad) c += p;
  c *= 1.0f / static_cast<float>(quad.size());
  std::sort(quad.begin(), quad.end(), [&](const cv::Point2f& a, const cv::Point2f& b) {
    return std::atan2(a.y - c.y, a.x - c.x) < std::atan2(b.y - c.y, b.x - c.x);
  });
  // atan2 order with y down is clockwise starting near -pi (left). Start at the corner
  // whose edge to the next corner is the most horizontal top edge.
  int start = 0;
  double best = 1e18;
  for (int i = 0; i < 4; ++i) {
    const auto& a = quad[i];
    const auto& b = quad[(i + 1) % 4];
    // Top edge: goes left to right and lies above the centre.
    if (b.x <= a.x) continue;
    const double score = (a.y + b.y) / 2 - c.y;
    if (score < best) {
      best = score;
      start = i;
    }
  }
  std::rotate(quad.begin(), quad.begin() + start, quad.end());
  return quad;
}

namespace {

// Intersection of the lines through (a1, a2) and (b1, b2); nullopt when parallel.
std::optional<cv::Point2f> Intersect(cv::Point2f a1, cv::Point2f a2, cv::Point2f b1,
                                     cv::Point2f b2) {
  const cv::Point2f r = a2 - a1, s = b2 - b1;
  const float den = r.x * s.y - r.y * s.x;
  if (std::abs(den) < 1e-6f) return std::nullopt;
  const cv::Point2f d = b1 - a1;
  const float t = (d.x * s.y - d.y * s.x) / den;
  return a1 + r * t;
}

// A quadrilateral explaining a convex hull: the hull's four longest straight edges, which
// are the document's sides even when something on the table touches the document and
// adds a spike or a bump to the hull.
std::optional<std::vector<cv::Point2f>> QuadFromHull(const std::vector<cv::Point>& hull) {
  std::vector<cv::Point> poly;
  cv::approxPolyDP(hull, poly, 0.01 * cv::arcLength(hull, true), true);
  if (poly.size() < 4) return std::nullopt;
  if (poly.size() == 4) {
    std::vector<cv::Point2f> q(poly.begin(), poly.end());
    return q;
  }
  const int n = static_cast<int>(poly.size());
  std::vector<int> order(n);
  for (int i = 0; i < n; ++i) order[i] = i;
  auto len = [&](int i) { return cv::norm(poly[(i + 1) % n] - poly[i]); };
  std::sort(order.begin(), order.end(), [&](int a, int b) { return len(a) > len(b); });
  std::vector<int> edges(order.begin(), order.begin() + 4);
  std::sort(edges.begin(), edges.end());  // keep hull (angular) order
  std::vector<cv::Point2f> quad;
  for (int k = 0; k < 4; ++k) {
    const int e1 = edges[k], e2 = edges[(k + 1) % 4];
    auto p = Intersect(poly[e1], poly[(e1 + 1) % n], poly[e2], poly[(e2 + 1) % n]);
    if (!p) return std::nullopt;
    quad.push_back(*p);
  }
  return quad;
}

// Fraction of points along the quad's sides where the image steps strongly across the side,
// its gradient (`grad_x`, `grad_y`, CV_16S) within 45 degrees of the side's normal: a real
// document outline is supported all along; a guess from a blob is not, nor a box through a
// textured table, whose grain (a wood's stripes) has gradients everywhere but running across
// the box's sides only where the grain itself runs along them.
double EdgeSupport(const cv::Mat& grad_x, const cv::Mat& grad_y,
                   const std::vector<cv::Point2f>& quad) {
  int hits = 0, total = 0;
  for (int k = 0; k < 4; ++k) {
    const cv::Point2f a = quad[k], b = quad[(k + 1) % 4];
    const double length = cv::norm(b - a);
    const int steps = std::max(8, static_cast<int>(length / 4));
    const cv::Point2f along =
        length > 0 ? (b - a) * static_cast<float>(1 / length) : cv::Point2f(1, 0);
    const cv::Point2f normal(-along.y, along.x);
    // The middle 80 %: rounded corners are not on the quad.
    for (int i = steps / 10; i < steps - steps / 10; ++i) {
      const cv::Point2f p = a + (b - a) * (static_cast<float>(i) / steps);
      const int x = cvRound(p.x), y = cvRound(p.y);
      ++total;
      if (x < 3 || y < 3 || x >= grad_x.cols - 3 || y >= grad_x.rows - 3) continue;
      bool stepped = false;
      for (int dy = -3; dy <= 3 && !stepped; ++dy) {
        for (int dx = -3; dx <= 3 && !stepped; ++dx) {
          const cv::Point2f g(grad_x.at<short>(y + dy, x + dx), grad_y.at<short>(y + dy, x + dx));
          const float across = std::abs(g.dot(normal));
          stepped = across > 24 && across > std::abs(g.dot(along));
        }
      }
      if (stepped) ++hits;
    }
  }
  return total ? static_cast<double>(hits) / total : 0.0;
}

bool PlausibleDocument(const std::vector<cv::Point2f>& quad, cv::Size size, double min_area) {
  if (!cv::isContourConvex(std::vector<cv::Point2f>(quad))) return false;
  for (const auto& p : quad) {
    if (p.x < -0.1 * size.width || p.y < -0.1 * size.height || p.x > 1.1 * size.width ||
        p.y > 1.1 * size.height) {
      return false;
    }
  }
  const double top = Dist(quad[0], quad[1]), bottom = Dist(quad[3], quad[2]);
  const double left = Dist(quad[0], quad[3]), right = Dist(quad[1], quad[2]);
  if (std::min(top, bottom) < 0.6 * std::max(top, bottom) ||
      std::min(left, right) < 0.6 * std::max(left, right)) {
    return false;
  }
  const double aspect =
      std::max(top + bottom, left + right) / std::max(1.0, std::min(top + bottom, left + right));
  const double area = cv::contourArea(quad);
  return aspect < 2.2 && area >= min_area && area <= 0.99 * size.area();
}

// Fits each side of a rough quad to the contour points along its middle part (away from
// rounded corners), then intersects the fitted lines.
std::vector<cv::Point2f> RefineQuad(const std::vector<cv::Point>& contour,
                                    const std::vector<cv::Point2f>& quad) {
  std::vector<cv::Vec4f> lines;
  for (int k = 0; k < 4; ++k) {
    const cv::Point2f a = quad[k], b = quad[(k + 1) % 4];
    const cv::Point2f d = b - a;
    const float len = static_cast<float>(cv::norm(d));
    if (len < 1) return quad;
    const cv::Point2f u = d * (1.0f / len);
    std::vector<cv::Point2f> pts;
    for (const auto& p : contour) {
      const cv::Point2f q = cv::Point2f(p) - a;
      const float along = q.dot(u);
      const float across = std::abs(q.x * u.y - q.y * u.x);
      if (along > 0.12f * len && along < 0.88f * len && across < std::max(3.0f, 0.02f * len)) {
        pts.push_back(cv::Point2f(p));
      }
    }
    if (pts.size() < 10) {
      lines.emplace_back(u.x, u.y, a.x, a.y);
      continue;
    }
    cv::Vec4f line;
    cv::fitLine(pts, line, cv::DIST_HUBER, 0, 0.01, 0.01);
    lines.push_back(line);
  }
  std::vector<cv::Point2f> out;
  for (int k = 0; k < 4; ++k) {
    const cv::Vec4f& l1 = lines[(k + 3) % 4];
    const cv::Vec4f& l2 = lines[k];
    auto p = Intersect({l1[2], l1[3]}, {l1[2] + l1[0], l1[3] + l1[1]}, {l2[2], l2[3]},
                       {l2[2] + l2[0], l2[3] + l2[1]});
    if (!p) return quad;
    out.push_back(*p);
  }
  return out;
}

void AddHullCandidates(const std::vector<std::vector<cv::Point>>& contours, double min_area,
                       std::vector<std::vector<cv::Point2f>>* out) {
  for (const auto& contour : contours) {
    if (contour.size() < 4) continue;
    std::vector<cv::Point> hull;
    cv::convexHull(contour, hull);
    if (cv::contourArea(hull) < min_area) continue;
    if (auto quad = QuadFromHull(hull)) {
      out->push_back(OrderCorners(RefineQuad(contour, OrderCorners(*quad))));
    }
    // A flat scan has no perspective: the minimal rotated rectangle is then exact.
    cv::Point2f pts[4];
    cv::minAreaRect(hull).points(pts);
    out->push_back(OrderCorners(std::vector<cv::Point2f>(pts, pts + 4)));
  }
}

}  // namespace

std::vector<std::vector<cv::Point2f>> FindOutlines(const cv::Mat& bgr, int max_count,
                                                   double min_area_fraction) {
  if (bgr.empty() || bgr.type() != CV_8UC3 || max_count <= 0) return {};
  const double scale = std::min(1.0, 640.0 / std::max(bgr.cols, bgr.rows));
  cv::Mat small;
  cv::resize(bgr, small, cv::Size(), scale, scale, cv::INTER_AREA);
  cv::GaussianBlur(small, small, cv::Size(5, 5), 0);
  const double min_area = min_area_fraction * small.cols * small.rows;
  std::vector<std::vector<cv::Point2f>> candidates;

  // 1. Edges on every channel: a card may differ from the table in colour only.
  std::vector<cv::Mat> channels;
  cv::split(small, channels);
  cv::Mat edges = cv::Mat::zeros(small.size(), CV_8UC1);
  // The gradient of the channel that changes most at each pixel (a side's support:
  // EdgeSupport).
  cv::Mat grad_x = cv::Mat::zeros(small.size(), CV_16S);
  cv::Mat grad_y = cv::Mat::zeros(small.size(), CV_16S);
  cv::Mat strongest = cv::Mat::zeros(small.size(), CV_16S);
  for (const auto& ch : channels) {
    cv::Mat e;
    cv::Canny(ch, e, 30, 90);
    edges |= e;
    cv::Mat gx, gy;
    cv::Sobel(ch, gx, CV_16S, 1, 0);
    cv::Sobel(ch, gy, CV_16S, 0, 1);
    const cv::Mat magnitude = cv::abs(gx) + cv::abs(gy);
    const cv::Mat stronger = magnitude > strongest;
    gx.copyTo(grad_x, stronger);
    gy.copyTo(grad_y, stronger);
    magnitude.copyTo(strongest, stronger);
  }
  cv::dilate(edges, edges, cv::Mat(), cv::Point(-1, -1), 1);
  std::vector<std::vector<cv::Point>> contours;
  cv::findContours(edges, contours, cv::RETR_LIST, cv::CHAIN_APPROX_SIMPLE);
  AddHullCandidates(contours, min_area, &candidates);

  // 2. Bright, unsaturated regions: documents are printed on light stock. Opening removes
  // thin things on the table that touch the document; closing fills the print.
  cv::Mat hsv;
  cv::cvtColor(small, hsv, cv::COLOR_BGR2HSV);
  std::vector<cv::Mat> hsv_ch;
  cv::split(hsv, hsv_ch);
  cv::Mat whiteness;
  cv::addWeighted(hsv_ch[2], 1.0, hsv_ch[1], -1.0, 0, whiteness);
  cv::Mat light;
  cv::threshold(whiteness, light, 0, 255, cv::THRESH_BINARY | cv::THRESH_OTSU);
  const int k = std::max(3, small.cols / 80);
  // The light class is the document on a table; the dark class is a tinted card on the
  // white bed of a scanner.
  for (const cv::Mat& region : {light, cv::Mat(255 - light)}) {
    cv::Mat mask;
    cv::morphologyEx(region, mask, cv::MORPH_CLOSE,
                     cv::getStructuringElement(cv::MORPH_RECT, cv::Size(2 * k + 1, 2 * k + 1)));
    cv::morphologyEx(mask, mask, cv::MORPH_OPEN,
                     cv::getStructuringElement(cv::MORPH_ELLIPSE, cv::Size(2 * k + 1, 2 * k + 1)));
    contours.clear();
    cv::findContours(mask, contours, cv::RETR_EXTERNAL, cv::CHAIN_APPROX_SIMPLE);
    AddHullCandidates(contours, min_area, &candidates);
  }

  struct Scored {
    double score;
    std::vector<cv::Point2f> quad;
  };
  std::vector<Scored> plausible;
  for (const auto& quad : candidates) {
    if (!PlausibleDocument(quad, small.size(), min_area)) continue;
    const double support = EdgeSupport(grad_x, grad_y, quad);
    if (support < 0.6) continue;
    plausible.push_back(Scored{support * support * cv::contourArea(quad), quad});
  }
  std::stable_sort(plausible.begin(), plausible.end(),
                   [](const Scored& a, const Scored& b) { return a.score > b.score; });
  // Both methods usually find the same outline: a runner-up must differ somewhere.
  const double same = 0.03 * std::max(small.cols, small.rows);
  std::vector<std::vector<cv::Point2f>> out;
  for (const Scored& s : plausible) {
    const bool seen = std::any_of(out.begin(), out.end(), [&](const auto& kept) {
      for (int k = 0; k < 4; ++k) {
        if (Dist(kept[k], s.quad[k]) > same) return false;
      }
      return true;
    });
    if (seen) continue;
    out.push_back(s.quad);
    if (static_cast<int>(out.size()) == max_count) break;
  }
  for (auto& quad : out) {
    for (auto& p : quad) p *= static_cast<float>(1.0 / scale);
  }
  return out;
}

std::optional<std::vector<cv::Point2f>> FindOutline(const cv::Mat& bgr, double min_area_fraction) {
  auto outlines = FindOutlines(bgr, 1, min_area_fraction);
  if (outlines.empty()) return std::nullopt;
  return std::move(outlines.front());
}

std::vector<cv::Point2f> RotateCorners(const std::vector<cv::Point2f>& corners, int quarter_turns) {
  std::vector<cv::Point2f> out = corners;
  const int k = ((quarter_turns % 4) + 4) % 4;
  std::rotate(out.begin(), out.begin() + k, out.end());
  return out;
}

FoundDocument Rectify(const cv::Mat& bgr, std::vector<cv::Point2f> corners, int width) {
  double top = Dist(corners[0], corners[1]) + Dist(corners[3], corners[2]);
  double side = Dist(corners[0], corners[3]) + Dist(corners[1], corners[2]);
  if (side > top) {
    corners = RotateCorners(corners, 1);
    std::swap(top, side);
  }
  const double aspect = std::clamp(top / std::max(side, 1.0), 1.2, 1.9);
  const int height = static_cast<int>(std::lround(width / aspect));
  const std::vector<cv::Point2f> dst = {{0, 0},
                                        {static_cast<float>(width), 0},
                                        {static_cast<float>(width), static_cast<float>(height)},
                                        {0, static_cast<float>(height)}};
  FoundDocument out;
  const cv::Mat h = cv::getPerspectiveTransform(corners, dst);
  cv::warpPerspective(bgr, out.image, h, cv::Size(width, height), cv::INTER_LINEAR,
                      cv::BORDER_REPLICATE);
  out.corners = corners;
  out.outline_found = true;
  return out;
}

bool LiesWithin(const std::vector<cv::Point2f>& inner, const std::vector<cv::Point2f>& outer) {
  if (inner.empty() || outer.empty()) return false;
  const cv::Rect a = cv::boundingRect(inner);
  const cv::Rect b = cv::boundingRect(outer);
  return a.area() > 0 && (a & b).area() * 4 >= a.area() * 3;
}

std::optional<std::vector<cv::Point2f>> OtherSideOutline(
    const std::vector<std::vector<cv::Point2f>>& outlines,
    const std::vector<cv::Point2f>& document) {
  if (document.size() != 4) return std::nullopt;
  std::vector<cv::Point2f> doc_hull;
  cv::convexHull(document, doc_hull);
  const double doc_area = cv::contourArea(doc_hull);
  if (!(doc_area > 0)) return std::nullopt;
  for (const auto& outline : outlines) {
    if (outline.size() != 4) continue;
    std::vector<cv::Point2f> hull;
    cv::convexHull(outline, hull);
    const double area = cv::contourArea(hull);
    if (!(area >= 0.6 * doc_area && area <= 1.6 * doc_area)) continue;
    std::vector<cv::Point2f> common;
    const float overlap = cv::intersectConvexConvex(doc_hull, hull, common, true);
    if (overlap < 0.05 * std::min(area, doc_area)) return outline;
  }
  return std::nullopt;
}

std::vector<std::vector<cv::Point2f>> SidesBesideOnItsSheet(
    const std::vector<std::vector<cv::Point2f>>& outlines,
    const std::vector<cv::Point2f>& document) {
  std::vector<std::vector<cv::Point2f>> sides;
  if (document.size() != 4) return sides;
  const double doc_area = std::abs(cv::contourArea(document));
  if (!(doc_area > 0)) return sides;
  const cv::Point2f down_left = document[3] - document[0], down_right = document[2] - document[1];
  const std::vector<std::vector<cv::Point2f>> beside = {
      {document[0] - down_left, document[1] - down_right, document[1], document[0]},
      {document[3], document[2], document[2] + down_right, document[3] + down_left}};
  for (const auto& side : beside) {
    std::vector<cv::Point2f> side_hull;
    cv::convexHull(side, side_hull);
    for (const auto& outline : outlines) {
      if (outline.size() != 4) continue;
      std::vector<cv::Point2f> hull;
      cv::convexHull(outline, hull);
      if (cv::contourArea(hull) < 1.6 * doc_area) continue;
      std::vector<cv::Point2f> common;
      if (cv::intersectConvexConvex(side_hull, hull, common, true) >= 0.9 * doc_area) {
        sides.push_back(side);
        break;
      }
    }
  }
  return sides;
}

FoundDocument WholeImage(const cv::Mat& bgr, int width) {
  const float w = static_cast<float>(bgr.cols), h = static_cast<float>(bgr.rows);
  FoundDocument out = Rectify(bgr, {{0, 0}, {w, 0}, {w, h}, {0, h}}, width);
  out.outline_found = false;
  return out;
}

FoundDocument FindDocument(const cv::Mat& bgr, int width) {
  if (auto outline = FindOutline(bgr)) return Rectify(bgr, *outline, width);
  return WholeImage(bgr, width);
}

namespace {

// Whether at least half of `gray`'s pixels (every other one each way) outside `left_out`
// (empty: none) equal their right and lower neighbours.
bool MostlyFlat(const cv::Mat& gray, const cv::Mat& left_out) {
  long counted = 0, flat = 0;
  for (int y = 0; y + 1 < gray.rows; y += 2) {
    const uchar* row = gray.ptr<uchar>(y);
    const uchar* below = gray.ptr<uchar>(y + 1);
    const uchar* out = left_out.empty() ? nullptr : left_out.ptr<uchar>(y);
    for (int x = 0; x + 1 < gray.cols; x += 2) {
      if (out && out[x]) continue;
      ++counted;
      flat += row[x] == row[x + 1] && row[x] == below[x];
    }
  }
  return counted > 0 && 2 * flat >= counted;
}

}  // namespace

bool IsASmallPartOfAFlatImage(const cv::Mat& bgr, const std::vector<cv::Point2f>& corners) {
  if (bgr.empty() || corners.size() != 4) return false;
  const double area = static_cast<double>(bgr.cols) * bgr.rows;
  if (std::abs(cv::contourArea(corners)) >= area / 2) return false;
  cv::Mat gray;
  cv::cvtColor(bgr, gray, cv::COLOR_BGR2GRAY);
  cv::Mat inside(gray.size(), CV_8U, cv::Scalar(0));
  std::vector<cv::Point> quad;
  for (const auto& c : corners) quad.emplace_back(cvRound(c.x), cvRound(c.y));
  cv::fillConvexPoly(inside, quad, cv::Scalar(255));
  return MostlyFlat(gray, inside);
}

bool IsAFlatImage(const cv::Mat& gray) { return !gray.empty() && MostlyFlat(gray, cv::Mat()); }

}  // namespace jae::local
