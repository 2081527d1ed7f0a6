#include "engine/local/ocrb_classifier.h"

#include <algorithm>
#include <cctype>
#include <climits>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <opencv2/freetype.hpp>
#include <opencv2/imgproc.hpp>

namespace jae::local {
namespace {

constexpr int kCellW = 24;                 // template cell: one advance wide
constexpr int kCellH = 32;                 // cap height
constexpr int kSlack = 3;                  // pixels of search around the nominal cell
constexpr double kAmbiguousMargin = 0.15;  // O against 0 closer than this: see below
constexpr const char* kAlphabet = kOcrbAlphabet;
// Letters whose glyphs differ only in a few strokes: E/F (the foot), O/Q and D/Q (Q's
// tail), H/M (M's middle). Blur and low resolution bring their whole-glyph scores within
// a few hundredths of each other, and names have no check digit to catch the slip: the
// strokes that tell them apart decide instead. Not O/D: at these sizes D's square
// corners blur like O's curve, and the strokes test made more errors than it fixed.
struct LookAlike {
  char a, b;
  int apart;  // px (template scale) a pixel must lie from the other glyph's strokes to tell
};
constexpr LookAlike kLookAlikes[] = {{'E', 'F', 2}, {'O', 'Q', 2}, {'D', 'Q', 2}, {'H', 'M', 1}};
constexpr double kLookAlikeMargin = 0.08;
// Mean ink (0 paper .. 1) over one glyph's own strokes above which they are there.
constexpr float kInked = 0.4f;

size_t AlphabetIndex(char c) { return static_cast<size_t>(std::strchr(kAlphabet, c) - kAlphabet); }

}  // namespace

namespace {

// Mean of `patch_ink` (0 paper .. 1 ink) over `mask` placed at `at`; -1 when the mask has
// too few pixels to tell.
float MeanInkUnder(const cv::Mat& patch_ink, const cv::Mat& mask, cv::Point at) {
  if (cv::countNonZero(mask) < 4) return -1.0f;
  return static_cast<float>(cv::mean(patch_ink(cv::Rect(at, mask.size())), mask)[0]);
}

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
    // OCR-B digits stand ~9 % taller than the capitals: the cells reach up to the digits'
    // top so that '0' (tall) and 'O' (cap height) differ in the templates as on paper.
    const int digit = std::max(cap, ft->getTextSize("0123456789", kHeight, -1, &base).height);
    classifier->digit_over_cap_ = static_cast<double>(digit) / cap;
    for (const char* p = kAlphabet; *p; ++p) {
      const int w = static_cast<int>(advance * 3), h = kHeight * 2;
      cv::Mat color(h, w, CV_8UC3, cv::Scalar::all(255));  // FreeType2 draws on BGR only
      const int baseline = kHeight + cap / 2;
      // Three glyphs "H?H" so the middle one sits exactly one advance from the left one,
      // as on a printed line.
      const std::string text = std::string("H") + *p + "H";
      ft->putText(color, text, cv::Point(0, baseline), kHeight, cv::Scalar::all(0), -1, cv::LINE_AA,
                  true);
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
      cv::Rect cell(static_cast<int>(std::lround(offset)), baseline - digit,
                    static_cast<int>(std::lround(advance)), digit);
      cell &= cv::Rect(0, 0, w, h);
      cv::Mat t;
      cv::resize(canvas(cell), t, cv::Size(kCellW, kCellH), 0, 0, cv::INTER_AREA);
      t.convertTo(t, CV_32F);
      classifier->chars_.push_back(*p);
      classifier->templates_.push_back(t);
    }
    // Each look-alike's own strokes: its ink away from any stroke of the other (blur
    // spreads the other's ink a pixel or two).
    for (const LookAlike& pair : kLookAlikes) {
      for (const auto& [mine, other] : {std::pair(pair.a, pair.b), std::pair(pair.b, pair.a)}) {
        const cv::Mat& t_mine = classifier->templates_[AlphabetIndex(mine)];
        const cv::Mat& t_other = classifier->templates_[AlphabetIndex(other)];
        cv::Mat near_other;
        // Ink above 0.3 (of 0..1) is a stroke of the other; above 0.5, one of mine.
        cv::dilate(t_other < 255.0f * 0.7f, near_other, cv::Mat(), cv::Point(-1, -1), pair.apart);
        classifier->own_strokes_[{mine, other}] = (t_mine < 255.0f * 0.5f) & ~near_other;
      }
    }
  } catch (const cv::Exception&) {
    return NotFoundError("cannot render OCR-B templates from " + font_path);
  }
  return classifier;
}

float CellMatch::ScoreOf(char c) const {
  for (int i = 0; i < kOcrbAlphabetSize; ++i) {
    if (kOcrbAlphabet[i] == c) return scores[static_cast<size_t>(i)];
  }
  return -1;
}

std::string OcrbClassifier::ReadLine(const cv::Mat& gray, const cv::Rect& box, int length,
                                     double* confidence, std::vector<CellMatch>* cells) const {
  std::string out;
  if (cells) cells->clear();
  if (length <= 0 || box.width < length || box.height < 4) return out;
  // Refine the ink extent inside the box: columns with dark pixels.
  const cv::Rect bounds(0, 0, gray.cols, gray.rows);
  // The band may be thinner than the capitals (a line of fillers): look a bit above and
  // below, then keep the run of inked rows around the band's middle.
  const int grow = std::max(2, box.height * 2 / 5);
  cv::Rect area = cv::Rect(box.x - box.height / 2, box.y - grow, box.width + box.height,
                           box.height + 2 * grow) &
                  bounds;
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
    if (r.height < box.height / 5 || r.height > box.height * 2 || r.width > box.height * 2)
      continue;
    if (cy < band_top || cy > band_bottom) continue;
    // Something crossing the whole search area (a card edge, a shadow) is no character.
    if (r.y == 0 && r.y + r.height >= ink.rows) continue;
    if (r.x == 0 || r.x + r.width >= ink.cols) continue;
    blobs.push_back(r);
    max_h = std::max(max_h, r.height);
  }
  // Residual skew: the blobs' vertical centres against x, least squares. Centres, not
  // bottoms: in OCR-B the filler '<' stops ~10 % of the cap height above the baseline and
  // digits rise ~9 % above the capitals, but all three share (within ~2 %) one centre;
  // fillers crowd the right of a line, so fitting bottoms would tilt it.
  double sx = 0, sy = 0, sxx = 0, sxy = 0;
  int caps = 0;
  for (const auto& r : blobs) {
    x0 = std::min(x0, r.x);
    x1 = std::max(x1, r.x + r.width - 1);
    if (r.height >= max_h * 7 / 10) {
      const double cx = r.x + r.width / 2.0, cy = r.y + (r.height - 1) / 2.0;
      sx += cx;
      sy += cy;
      sxx += cx * cx;
      sxy += cx * cy;
      ++caps;
    }
  }
  double slope = 0;
  if (caps >= 5) {
    const double den = caps * sxx - sx * sx;
    if (std::abs(den) > 1e-6) slope = std::clamp((caps * sxy - sx * sy) / den, -0.05, 0.05);
  }
  const double x_mid = caps > 0 ? sx / caps : 0;
  if (x1 - x0 < length || caps == 0) return out;
  // The cell spans the digits' height above the baseline. The baseline is the lower
  // envelope of the bottoms (a median would be the fillers' bottom on a line of mostly
  // '<', and cut the foot off E, L, Z); the capitals' top the upper quartile (in y) of the
  // tops: fillers and capitals share it, only digits rise above it.
  std::vector<double> tops, bottoms;
  for (const auto& r : blobs) {
    if (r.height < max_h * 7 / 10) continue;
    const double shift = slope * (r.x + r.width / 2.0 - x_mid);
    tops.push_back(r.y - shift);
    bottoms.push_back(r.y + r.height - 1 - shift);
  }
  std::sort(tops.begin(), tops.end());
  std::sort(bottoms.begin(), bottoms.end());
  const double cap_top = tops[tops.size() * 3 / 4];
  const double baseline = bottoms[bottoms.size() * 9 / 10];
  const int y1 = static_cast<int>(std::lround(baseline));
  const int y0 =
      static_cast<int>(std::lround(baseline - (baseline - cap_top + 1) * digit_over_cap_ + 1));
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
  struct Blob {
    double centre;
    double top;  // slope-corrected, in the search area's rows
  };
  std::vector<Blob> line_blobs;
  for (const auto& r : blobs) {
    const double cx = r.x + r.width / 2.0;
    if (r.width < p * 1.3) line_blobs.push_back(Blob{cx, r.y - slope * (cx - x_mid)});
  }
  std::sort(line_blobs.begin(), line_blobs.end(),
            [](const Blob& a, const Blob& b) { return a.centre < b.centre; });
  std::vector<double> centres(static_cast<size_t>(length));
  std::vector<double> blob_top(static_cast<size_t>(length), -1);  // -1: no blob snapped
  {
    double expected = x0 + 0.3 * p, step = p, previous = 0;
    int snapped_prev = -1;
    for (int i = 0; i < length; ++i) {
      double centre = expected;
      auto it = std::lower_bound(line_blobs.begin(), line_blobs.end(), expected - 0.35 * p,
                                 [](const Blob& b, double x) { return b.centre < x; });
      if (it != line_blobs.end() && it->centre <= expected + 0.35 * p) {
        auto best_blob = it;
        for (auto jt = it; jt != line_blobs.end() && jt->centre <= expected + 0.35 * p; ++jt) {
          if (std::abs(jt->centre - expected) < std::abs(best_blob->centre - expected)) {
            best_blob = jt;
          }
        }
        centre = best_blob->centre;
        blob_top[static_cast<size_t>(i)] = best_blob->top;
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
    cv::Rect cell(static_cast<int>(std::floor(left)) + area.x,
                  static_cast<int>(std::floor(top)) + area.y,
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
    CellMatch match;
    std::vector<cv::Mat> score_maps(templates_.size());  // kept for the look-alike test
    for (size_t t = 0; t < templates_.size(); ++t) {
      cv::Mat& score = score_maps[t];
      cv::matchTemplate(resized, templates_[t], score, cv::TM_CCOEFF_NORMED);
      double max_score = 0;
      cv::minMaxLoc(score, nullptr, &max_score);
      if (t < match.scores.size()) match.scores[t] = static_cast<float>(max_score);
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
    if (best - second < kLookAlikeMargin) {
      for (const auto& pair : kLookAlikes) {
        const char a = pair.a, b = pair.b;
        if (!((best_char == a && second_char == b) || (best_char == b && second_char == a))) {
          continue;
        }
        // Ink 0 (paper) .. 1 (darkest) in this cell.
        double lo = 0, hi = 0;
        cv::minMaxLoc(resized, &lo, &hi);
        if (hi - lo < 1) break;
        cv::Mat patch_ink = (static_cast<float>(hi) - resized) / static_cast<float>(hi - lo);
        // One placement for both, the one they agree on best: each at its own best
        // place, the glyph with fewer strokes (F) slides onto the other's ink.
        cv::Point common;
        cv::minMaxLoc(score_maps[AlphabetIndex(a)] + score_maps[AlphabetIndex(b)], nullptr, nullptr,
                      nullptr, &common);
        const float ink_a = MeanInkUnder(patch_ink, own_strokes_.at({a, b}), common);
        const float ink_b = MeanInkUnder(patch_ink, own_strokes_.at({b, a}), common);
        char pick = best_char;
        if (ink_a >= 0 && ink_b >= 0) {
          pick = ink_a >= ink_b ? a : b;
        } else if (ink_a >= 0) {
          pick = ink_a > kInked ? a : b;  // b is a with strokes missing (F: E without its foot)
        } else if (ink_b >= 0) {
          pick = ink_b > kInked ? b : a;
        }
        if (pick != best_char) std::swap(best_char, second_char);
        break;
      }
    }
    // Q differs from O by a tail mostly below the baseline, outside the cell: when the
    // two are close, O (far more common in names and codes) wins.
    if (best_char == 'Q' && second_char == 'O' && best - second < 0.05) best_char = 'O';
    out += best_char;
    if (cells) cells->push_back(match);
    const bool o_pair =
        (best_char == 'O' && second_char == '0') || (best_char == '0' && second_char == 'O');
    ambiguous_o[static_cast<size_t>(i)] = o_pair && best - second < kAmbiguousMargin;
    margin_sum += std::clamp(best - second, 0.0, 1.0);
  }
  // O and 0 differ in OCR-B mostly by height: digits rise ~9 % above the capitals. The
  // templates see it, but blur and JPEG blunt it; where the two were close, the ink's top
  // decides, against the tops of the capitals and digits read with confidence on the same
  // line (the font's proportions when the line has none). Neighbours cannot: document
  // numbers mix letters and digits at random.
  std::vector<double> letter_tops, digit_tops;
  for (int i = 0; i < length; ++i) {
    const char c = out[static_cast<size_t>(i)];
    const double top = blob_top[static_cast<size_t>(i)];
    if (top < 0 || ambiguous_o[static_cast<size_t>(i)]) continue;
    if (c >= '1' && c <= '9') digit_tops.push_back(top);
    if (c == '<' ||
        (std::isalpha(static_cast<unsigned char>(c)) && c != 'O' && c != 'Q' && c != 'J')) {
      letter_tops.push_back(top);
    }
  }
  auto median = [](std::vector<double> v) {
    std::nth_element(v.begin(), v.begin() + v.size() / 2, v.end());
    return v[v.size() / 2];
  };
  const double cap_ref = letter_tops.empty() ? cap_top : median(letter_tops);
  const double digit_ref = digit_tops.size() >= 2
                               ? median(digit_tops)
                               : baseline - (baseline - cap_ref + 1) * digit_over_cap_ + 1;
  if (cap_ref - digit_ref >= 1.0) {
    for (int i = 0; i < length; ++i) {
      const double top = blob_top[static_cast<size_t>(i)];
      if (!ambiguous_o[static_cast<size_t>(i)] || top < 0) continue;
      out[static_cast<size_t>(i)] = top < (cap_ref + digit_ref) / 2 ? '0' : 'O';
    }
  }
  if (confidence) *confidence = margin_sum / length;
  return out;
}

}  // namespace jae::local
