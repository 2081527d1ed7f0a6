#include "engine/local/ocrb_classifier.h"

#include <algorithm>
#include <cmath>
#include <cctype>
#include <climits>
#include <filesystem>

#include <opencv2/freetype.hpp>
#include <opencv2/imgproc.hpp>

namespace jae::local {
namespace {

constexpr int kCellW = 24;   // template cell: one advance wide
constexpr int kCellH = 32;   // cap height
constexpr int kSlack = 3;    // pixels of search around the nominal cell
constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<";

}  // namespace

StatusOr<std::unique_ptr<OcrbClassifier>> OcrbClassifier::Load(const std::string& font_path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(font_path, ec)) {
    return NotFoundError("OCR-B font not found at " + font_path + " (install fonts-ocr-b)");
  }
  auto classifier = std::unique_ptr<OcrbClassifier>(new OcrbClassifier);
  try {
    auto ft = cv::freetype::createFreeType2();
    ft->loadFontData(font_path, 0);
    constexpr int kHeight = 96;
    int base = 0;
    // Cap height and advance measured on the font itself.
    const cv::Size h_size = ft->getTextSize("H", kHeight, -1, &base);
    const cv::Size run = ft->getTextSize("HHHHHHHHHH", kHeight, -1, &base);
    const double advance = run.width / 10.0;
    const int cap = h_size.height;
    for (const char* p = kAlphabet; *p; ++p) {
      const int w = static_cast<int>(advance * 3), h = kHeight * 2;
      cv::Mat color(h, w, CV_8UC3, cv::Scalar::all(255));  // FreeType2 draws on BGR only
      const int baseline = kHeight + cap / 2;
      // Three glyphs "H?H" so the middle one sits exactly one advance from the left one,
      // as on a printed line.
      const std::string text = std::string("H") + *p + "H";
      ft->putText(color, text, cv::Point(0, baseline), kHeight, cv::Scalar::all(0), -1,
                  cv::LINE_AA, true);
      cv::Mat canvas;
      cv::cvtColor(color, canvas, cv::COLOR_BGR2GRAY);
      // The middle cell: starts one advance in; the H's ink start gives the bearing.
      cv::Mat first = canvas(cv::Rect(0, 0, static_cast<int>(advance), h));
      cv::Mat cols;
      cv::reduce(first, cols, 0, cv::REDUCE_MIN);
      int lsb = 0;
      while (lsb < cols.cols && cols.at<uchar>(0, lsb) > 128) ++lsb;
      // Cell = [advance + lsb - gap/2, 2*advance + lsb - gap/2): centred on the glyph box
      // the same way ReadLine centres its cells.
      const double h_ink = ft->getTextSize("H", kHeight, -1, &base).width;
      const double offset = advance + lsb + h_ink / 2 - advance / 2;
      cv::Rect cell(static_cast<int>(std::lround(offset)), baseline - cap,
                    static_cast<int>(std::lround(advance)), cap);
      cell &= cv::Rect(0, 0, w, h);
      cv::Mat t;
      cv::resize(canvas(cell), t, cv::Size(kCellW, kCellH), 0, 0, cv::INTER_AREA);
      t.convertTo(t, CV_32F);
      classifier->chars_.push_back(*p);
      classifier->templates_.push_back(t);
    }
  } catch (const cv::Exception&) {
    return NotFoundError("cannot render OCR-B templates from " + font_path);
  }
  return classifier;
}

std::string OcrbClassifier::ReadLine(const cv::Mat& gray, const cv::Rect& box, int length,
                                     double* confidence) const {
  std::string out;
  if (length <= 0 || box.width < length || box.height < 4) return out;
  // Refine the ink extent inside the box: columns with dark pixels.
  const cv::Rect bounds(0, 0, gray.cols, gray.rows);
  // The band may be thinner than the capitals (a line of fillers): look a bit above and
  // below, then keep the run of inked rows around the band's middle.
  const int grow = std::max(2, box.height * 2 / 5);
  cv::Rect area = cv::Rect(box.x - box.height / 2, box.y - grow, box.width + box.height,
                           box.height + 2 * grow) & bounds;
  if (area.area() <= 0) return out;
  cv::Mat crop = gray(area);
  cv::Mat ink;
  cv::threshold(crop, ink, 0, 255, cv::THRESH_BINARY_INV | cv::THRESH_OTSU);
  // Character blobs: about as tall as the band (fillers '<' about half), not much wider
  // than tall, centred in the band. Card edges, shadows and specks fail these tests.
  cv::Mat labels, stats, centroids;
  const int n = cv::connectedComponentsWithStats(ink, labels, stats, centroids, 8, CV_32S);
  const int band_top = box.y - area.y, band_bottom = box.y + box.height - area.y;
  int x0 = INT_MAX, x1 = -1, max_h = 0;
  std::vector<cv::Rect> blobs;
  for (int i = 1; i < n; ++i) {
    const cv::Rect r(stats.at<int>(i, cv::CC_STAT_LEFT), stats.at<int>(i, cv::CC_STAT_TOP),
                     stats.at<int>(i, cv::CC_STAT_WIDTH), stats.at<int>(i, cv::CC_STAT_HEIGHT));
    const int cy = r.y + r.height / 2;
    if (r.height < box.height / 5 || r.height > box.height * 2 || r.width > box.height * 2) continue;
    if (cy < band_top || cy > band_bottom) continue;
    // Something crossing the whole search area (a card edge, a shadow) is no character.
    if (r.y == 0 && r.y + r.height >= ink.rows) continue;
    if (r.x == 0 || r.x + r.width >= ink.cols) continue;
    blobs.push_back(r);
    max_h = std::max(max_h, r.height);
  }
  std::vector<int> tops, bottoms;
  // Residual skew: the capitals' bottoms against x, least squares.
  double sx = 0, sy = 0, sxx = 0, sxy = 0;
  int caps = 0;
  for (const auto& r : blobs) {
    x0 = std::min(x0, r.x);
    x1 = std::max(x1, r.x + r.width - 1);
    if (r.height >= max_h * 7 / 10) {
      tops.push_back(r.y);
      bottoms.push_back(r.y + r.height - 1);
      const double cx = r.x + r.width / 2.0, by = r.y + r.height - 1.0;
      sx += cx;
      sy += by;
      sxx += cx * cx;
      sxy += cx * by;
      ++caps;
    }
  }
  double slope = 0;
  if (caps >= 5) {
    const double den = caps * sxx - sx * sx;
    if (std::abs(den) > 1e-6) slope = std::clamp((caps * sxy - sx * sy) / den, -0.05, 0.05);
  }
  const double x_mid = caps > 0 ? sx / caps : 0;
  if (x1 - x0 < length || tops.empty()) return out;
  std::nth_element(tops.begin(), tops.begin() + tops.size() / 2, tops.end());
  std::nth_element(bottoms.begin(), bottoms.begin() + bottoms.size() / 2, bottoms.end());
  const int y0 = tops[tops.size() / 2], y1 = bottoms[bottoms.size() / 2];
  if (y1 - y0 < 4) return out;
  // Glyph boxes are ~0.6 of the advance: first centre at x0 + 0.3 p, last at x1 - 0.3 p.
  const double p = (x1 - x0 + 1) / (length - 1 + 0.6);
  const double scale_x = kCellW / p;
  const double scale_y = static_cast<double>(kCellH) / (y1 - y0 + 1);
  double margin_sum = 0;
  std::vector<bool> ambiguous_o(static_cast<size_t>(length), false);
  // Character centres: walk the line one pitch at a time, snapping to the blob found near
  // each expected centre, so that a pitch that drifts along the line (residual
  // perspective) is followed. Without a blob (merged or missing) the walk continues.
  std::vector<double> blob_centres;
  for (const auto& r : blobs) {
    if (r.width < p * 1.3) blob_centres.push_back(r.x + r.width / 2.0);
  }
  std::sort(blob_centres.begin(), blob_centres.end());
  std::vector<double> centres(static_cast<size_t>(length));
  {
    double expected = x0 + 0.3 * p, step = p, previous = 0;
    int snapped_prev = -1;
    for (int i = 0; i < length; ++i) {
      double centre = expected;
      auto it = std::lower_bound(blob_centres.begin(), blob_centres.end(), expected - 0.35 * p);
      if (it != blob_centres.end() && *it <= expected + 0.35 * p) {
        double best_c = *it;
        for (auto jt = it; jt != blob_centres.end() && *jt <= expected + 0.35 * p; ++jt) {
          if (std::abs(*jt - expected) < std::abs(best_c - expected)) best_c = *jt;
        }
        centre = best_c;
        if (snapped_prev == i - 1 && i > 0) {
          step = std::clamp(0.8 * step + 0.2 * (centre - previous), 0.85 * p, 1.15 * p);
        }
        snapped_prev = i;
      }
      centres[static_cast<size_t>(i)] = centre;
      previous = centre;
      expected = centre + step;
    }
  }
  for (int i = 0; i < length; ++i) {
    const double centre = centres[static_cast<size_t>(i)];
    const double left = centre - p / 2 - kSlack / scale_x;
    const double top = y0 + slope * (centre - x_mid) - kSlack / scale_y;
    cv::Rect cell(static_cast<int>(std::floor(left)) + area.x, static_cast<int>(std::floor(top)) + area.y,
                  static_cast<int>(std::ceil(p + 2 * kSlack / scale_x)),
                  static_cast<int>(std::ceil((y1 - y0 + 1) + 2 * kSlack / scale_y)));
    cv::Mat patch(cell.height, cell.width, CV_8UC1, cv::Scalar(255));
    const cv::Rect inside = cell & bounds;
    if (inside.area() > 0) gray(inside).copyTo(patch(inside - cell.tl()));
    cv::Mat resized;
    cv::resize(patch, resized, cv::Size(kCellW + 2 * kSlack, kCellH + 2 * kSlack), 0, 0,
               cv::INTER_AREA);
    resized.convertTo(resized, CV_32F);
    double best = -2, second = -2;
    char best_char = '<', second_char = '<';
    for (size_t t = 0; t < templates_.size(); ++t) {
      cv::Mat score;
      cv::matchTemplate(resized, templates_[t], score, cv::TM_CCOEFF_NORMED);
      double max_score = 0;
      cv::minMaxLoc(score, nullptr, &max_score);
      if (max_score > best) {
        second = best;
        second_char = best_char;
        best = max_score;
        best_char = chars_[t];
      } else if (max_score > second) {
        second = max_score;
        second_char = chars_[t];
      }
    }
    out += best_char;
    const bool o_pair = (best_char == 'O' && second_char == '0') || (best_char == '0' && second_char == 'O');
    ambiguous_o[static_cast<size_t>(i)] = o_pair && best - second < 0.15;
    margin_sum += std::clamp(best - second, 0.0, 1.0);
  }
  // O and 0 differ by a few pixels of width in OCR-B: where the two were close, the
  // neighbours decide (digits around a digit, letters around a letter).
  for (int i = 0; i < length; ++i) {
    if (!ambiguous_o[i]) continue;
    auto is_digit = [&](int j) { return j >= 0 && j < length && std::isdigit(static_cast<unsigned char>(out[j])); };
    auto is_alpha = [&](int j) {
      return j >= 0 && j < length && std::isalpha(static_cast<unsigned char>(out[j])) && out[j] != 'O';
    };
    if (is_digit(i - 1) || is_digit(i + 1)) {
      out[i] = '0';
    } else if (is_alpha(i - 1) || is_alpha(i + 1)) {
      out[i] = 'O';
    }
  }
  if (confidence) *confidence = margin_sum / length;
  return out;
}

}  // namespace jae::local
