#include "engine/local/ocrb_classifier.h"

#include <algorithm>
#include <cctype>
#include <cfloat>
#include <climits>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <opencv2/core/hal/intrin.hpp>
#include <opencv2/freetype.hpp>
#include <opencv2/imgproc.hpp>

namespace jae::local {
namespace {

constexpr int kCellW = 24;  // template cell: one advance wide
constexpr int kCellH = 32;  // cap height
constexpr int kSlack = 3;   // pixels of search around the nominal cell
// Placements of a template in a cell, (2 kSlack + 1)^2, rounded up to two blocks of
// RankTemplates' vectors.
constexpr int kMostPlacements = 56;
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

// ReadLine's stages, in the order it runs them. Coordinates are the search area's unless
// said otherwise.

// Where to look for the line's ink around `box`. The band may be thinner than the
// capitals (a line of fillers): look a bit above and below, then keep the run of inked
// rows around the band's middle.
cv::Rect SearchArea(const cv::Rect& box, const cv::Rect& bounds) {
  const int grow = std::max(2, box.height * 2 / 5);
  return cv::Rect(box.x - box.height / 2, box.y - grow, box.width + box.height,
                  box.height + 2 * grow) &
         bounds;
}

struct Blobs {
  std::vector<cv::Rect> rects;
  int max_h = 0;  // the tallest one's height
};

// Character blobs: about as tall as the band (fillers '<' about half), not much wider
// than tall, centred in the band. Card edges, shadows and specks fail these tests.
Blobs FindCharacterBlobs(const cv::Mat& crop, const cv::Rect& box, const cv::Rect& area) {
  cv::Mat ink;
  cv::threshold(crop, ink, 0, 255, cv::THRESH_BINARY_INV | cv::THRESH_OTSU);
  cv::Mat labels, stats, centroids;
  const int n = cv::connectedComponentsWithStats(ink, labels, stats, centroids, 8, CV_32S);
  const int band_top = box.y - area.y, band_bottom = box.y + box.height - area.y;
  Blobs blobs;
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
    blobs.rects.push_back(r);
    blobs.max_h = std::max(blobs.max_h, r.height);
  }
  return blobs;
}

// Whether a blob is as tall as a capital or a digit (fillers '<' are about half).
bool IsTall(const cv::Rect& r, int max_h) { return r.height >= max_h * 7 / 10; }

struct SkewFit {
  int x0 = INT_MAX, x1 = -1;  // the ink's extent, every blob
  double slope = 0;           // rows per column
  double x_mid = 0;           // the tall blobs' mean centre, where the slope pivots
  int caps = 0;               // tall blobs
};

// Residual skew: the blobs' vertical centres against x, least squares. Centres, not
// bottoms: in OCR-B the filler '<' stops ~10 % of the cap height above the baseline and
// digits rise ~9 % above the capitals, but all three share (within ~2 %) one centre;
// fillers crowd the right of a line, so fitting bottoms would tilt it.
SkewFit FitSkew(const Blobs& blobs) {
  SkewFit fit;
  double sx = 0, sy = 0, sxx = 0, sxy = 0;
  for (const auto& r : blobs.rects) {
    fit.x0 = std::min(fit.x0, r.x);
    fit.x1 = std::max(fit.x1, r.x + r.width - 1);
    if (IsTall(r, blobs.max_h)) {
      const double cx = r.x + r.width / 2.0, cy = r.y + (r.height - 1) / 2.0;
      sx += cx;
      sy += cy;
      sxx += cx * cx;
      sxy += cx * cy;
      ++fit.caps;
    }
  }
  if (fit.caps >= 5) {
    const double den = fit.caps * sxx - sx * sx;
    if (std::abs(den) > 1e-6) {
      fit.slope = std::clamp((fit.caps * sxy - sx * sy) / den, -0.05, 0.05);
    }
  }
  fit.x_mid = fit.caps > 0 ? sx / fit.caps : 0;
  return fit;
}

struct CellRows {
  double cap_top = 0;   // the capitals' top, slope-corrected
  double baseline = 0;  // slope-corrected
  int y0 = 0, y1 = 0;   // the cell's rows: the digits' top .. the baseline
};

// The cell spans the digits' height above the baseline. The baseline is the lower
// envelope of the bottoms (a median would be the fillers' bottom on a line of mostly
// '<', and cut the foot off E, L, Z); the capitals' top the upper quartile (in y) of the
// tops: fillers and capitals share it, only digits rise above it. Needs fit.caps > 0.
CellRows FindCellRows(const Blobs& blobs, const SkewFit& fit, double digit_over_cap) {
  std::vector<double> tops, bottoms;
  for (const auto& r : blobs.rects) {
    if (!IsTall(r, blobs.max_h)) continue;
    const double shift = fit.slope * (r.x + r.width / 2.0 - fit.x_mid);
    tops.push_back(r.y - shift);
    bottoms.push_back(r.y + r.height - 1 - shift);
  }
  std::sort(tops.begin(), tops.end());
  std::sort(bottoms.begin(), bottoms.end());
  CellRows rows;
  rows.cap_top = tops[tops.size() * 3 / 4];
  rows.baseline = bottoms[bottoms.size() * 9 / 10];
  rows.y1 = static_cast<int>(std::lround(rows.baseline));
  rows.y0 = static_cast<int>(
      std::lround(rows.baseline - (rows.baseline - rows.cap_top + 1) * digit_over_cap + 1));
  return rows;
}

struct Centres {
  std::vector<double> x;         // each character's centre
  std::vector<double> blob_top;  // the snapped blob's top, slope-corrected; -1: none
};

// Character centres: walk the line one pitch `p` at a time, snapping to the blob found
// near each expected centre, so that a pitch that drifts along the line (residual
// perspective) is followed. Without a blob (merged or missing) the walk continues.
Centres WalkCentres(const Blobs& blobs, const SkewFit& fit, double p, int length) {
  struct Blob {
    double centre;
    double top;  // slope-corrected, in the search area's rows
  };
  std::vector<Blob> line_blobs;
  for (const auto& r : blobs.rects) {
    const double cx = r.x + r.width / 2.0;
    if (r.width < p * 1.3) line_blobs.push_back(Blob{cx, r.y - fit.slope * (cx - fit.x_mid)});
  }
  std::sort(line_blobs.begin(), line_blobs.end(),
            [](const Blob& a, const Blob& b) { return a.centre < b.centre; });
  Centres centres{std::vector<double>(static_cast<size_t>(length)),
                  std::vector<double>(static_cast<size_t>(length), -1)};
  // Glyph boxes are ~0.6 of the advance: the first centre at x0 + 0.3 p.
  double expected = fit.x0 + 0.3 * p, step = p, previous = 0;
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
      centres.blob_top[static_cast<size_t>(i)] = best_blob->top;
      if (snapped_prev == i - 1 && i > 0) {
        step = std::clamp(0.8 * step + 0.2 * (centre - previous), 0.85 * p, 1.15 * p);
      }
      snapped_prev = i;
    }
    centres.x[static_cast<size_t>(i)] = centre;
    previous = centre;
    expected = centre + step;
  }
  return centres;
}

// The cell centred on `centre`, with kSlack template pixels around it for position,
// scaled to the templates' size (CV_32F). Outside the image counts as paper.
cv::Mat CutCell(const cv::Mat& gray, const cv::Rect& area, double centre, double p,
                const SkewFit& fit, const CellRows& rows) {
  const double scale_x = kCellW / p;
  const double scale_y = static_cast<double>(kCellH) / (rows.y1 - rows.y0 + 1);
  const double left = centre - p / 2 - kSlack / scale_x;
  const double top = rows.y0 + fit.slope * (centre - fit.x_mid) - kSlack / scale_y;
  cv::Rect cell(static_cast<int>(std::floor(left)) + area.x,
                static_cast<int>(std::floor(top)) + area.y,
                static_cast<int>(std::ceil(p + 2 * kSlack / scale_x)),
                static_cast<int>(std::ceil((rows.y1 - rows.y0 + 1) + 2 * kSlack / scale_y)));
  cv::Mat patch(cell.height, cell.width, CV_8UC1, cv::Scalar(255));
  const cv::Rect inside = cell & cv::Rect(0, 0, gray.cols, gray.rows);
  if (inside.area() > 0) gray(inside).copyTo(patch(inside - cell.tl()));
  cv::Mat resized;
  cv::resize(patch, resized, cv::Size(kCellW + 2 * kSlack, kCellH + 2 * kSlack), 0, 0,
             cv::INTER_AREA);
  resized.convertTo(resized, CV_32F);
  return resized;
}

// One cell against every template: the two best characters and all the scores.
struct Ranking {
  double best = -2, second = -2;
  char best_char = '<', second_char = '<';
  CellMatch match;
  std::vector<cv::Mat> score_maps;  // per template, kept for the look-alike test
};

// One cell against every template at once: the correlations of all templates at all
// placements in the cell, accumulated pixel by pixel in OpenCV's portable SIMD vectors, four
// placements a vector (37 calls of cv::matchTemplate per cell cost 5 times more, cv::gemm 2.5:
// BM_OcrbReadLine). The scores are matchTemplate's TM_CCOEFF_NORMED, with its rule for a
// flat window.
Ranking RankTemplates(const cv::Mat& cell, const TemplateBank& bank,
                      const std::vector<char>& chars) {
  Ranking r;
  const int rows = cell.rows - kCellH + 1, cols = cell.cols - kCellW + 1;
  const int n = static_cast<int>(chars.size());
  r.score_maps.resize(chars.size());
  if (rows <= 0 || cols <= 0 || rows * cols > kMostPlacements) return r;
  constexpr int kArea = kCellW * kCellH;
  // by_pixel[j][k]: the cell's pixel j of the template's frame at placement k.
  std::vector<std::array<float, kMostPlacements>> by_pixel(kArea);
  std::array<double, kMostPlacements> sum{}, sum2{};
  for (int y = 0; y < kCellH; ++y) {
    for (int x = 0; x < kCellW; ++x) {
      std::array<float, kMostPlacements>& column = by_pixel[static_cast<size_t>(y * kCellW + x)];
      column.fill(0);
      for (int dy = 0; dy < rows; ++dy) {
        const float* in = cell.ptr<float>(dy + y) + x;
        for (int dx = 0; dx < cols; ++dx) {
          const size_t k = static_cast<size_t>(dy * cols + dx);
          column[k] = in[dx];
          sum[k] += in[dx];
          sum2[k] += static_cast<double>(in[dx]) * in[dx];
        }
      }
    }
  }
  std::array<double, kMostPlacements> window_spread{};
  for (int k = 0; k < rows * cols; ++k) {
    const size_t i = static_cast<size_t>(k);
    window_spread[i] = std::sqrt(std::max(sum2[i] - sum[i] * sum[i] / kArea, 0.0));
  }
  cv::Mat products(n, kMostPlacements, CV_32F);  // template x placement
  constexpr int kLanes = cv::v_float32x4::nlanes;
  constexpr int kBlock = 7;  // vectors; kMostPlacements is two blocks
  static_assert(kMostPlacements == 2 * kBlock * kLanes);
  for (int t = 0; t < n; ++t) {
    const float* glyph = bank.zero_mean.ptr<float>(t);
    float* out = products.ptr<float>(t);
    // kBlock vectors of placements at a time, their sums held in registers over the glyph's
    // pixels: independent sums, so that each addition need not wait for the one before.
    for (int v = 0; v < kMostPlacements; v += kBlock * kLanes) {
      std::array<cv::v_float32x4, kBlock> acc;
#pragma GCC unroll 7
      for (auto& a : acc) a = cv::v_setzero_f32();
      for (int j = 0; j < kArea; ++j) {
        const cv::v_float32x4 w = cv::v_setall_f32(glyph[j]);
        const float* column = by_pixel[static_cast<size_t>(j)].data() + v;
#pragma GCC unroll 7
        for (int b = 0; b < kBlock; ++b) {
          acc[static_cast<size_t>(b)] =
              cv::v_fma(w, cv::v_load(column + b * kLanes), acc[static_cast<size_t>(b)]);
        }
      }
#pragma GCC unroll 7
      for (int b = 0; b < kBlock; ++b) {
        cv::v_store(out + v + b * kLanes, acc[static_cast<size_t>(b)]);
      }
    }
  }
  for (int t = 0; t < n; ++t) {
    cv::Mat& score = r.score_maps[static_cast<size_t>(t)];
    score.create(rows, cols, CV_32F);
    for (int k = 0; k < rows * cols; ++k) {
      double value = 1;  // a flat template matches anything (matchTemplate's rule)
      const double norm = bank.norms[static_cast<size_t>(t)];
      if (norm >= DBL_EPSILON) {
        const double num = products.at<float>(t, k);
        const double spread = window_spread[static_cast<size_t>(k)] * norm;
        value = std::abs(num) < spread           ? num / spread
                : std::abs(num) < spread * 1.125 ? (num > 0 ? 1 : -1)
                                                 : 0;
      }
      score.at<float>(k / cols, k % cols) = static_cast<float>(value);
    }
    double max_score = 0;
    cv::minMaxLoc(score, nullptr, &max_score);
    if (static_cast<size_t>(t) < r.match.scores.size()) {
      r.match.scores[static_cast<size_t>(t)] = static_cast<float>(max_score);
    }
    if (max_score > r.best) {
      r.second = r.best;
      r.second_char = r.best_char;
      r.best = max_score;
      r.best_char = chars[static_cast<size_t>(t)];
    } else if (max_score > r.second) {
      r.second = max_score;
      r.second_char = chars[static_cast<size_t>(t)];
    }
  }
  return r;
}

// When the two best are a look-alike pair (kLookAlikes) and close, the strokes that tell
// them apart decide: the two characters swap when the runner-up's own strokes are inked.
void SettleLookAlike(const cv::Mat& cell,
                     const std::map<std::pair<char, char>, cv::Mat>& own_strokes, Ranking& r) {
  if (r.best - r.second >= kLookAlikeMargin) return;
  for (const auto& pair : kLookAlikes) {
    const char a = pair.a, b = pair.b;
    if (!((r.best_char == a && r.second_char == b) || (r.best_char == b && r.second_char == a))) {
      continue;
    }
    // Ink 0 (paper) .. 1 (darkest) in this cell.
    double lo = 0, hi = 0;
    cv::minMaxLoc(cell, &lo, &hi);
    if (hi - lo < 1) return;
    cv::Mat patch_ink = (static_cast<float>(hi) - cell) / static_cast<float>(hi - lo);
    // One placement for both, the one they agree on best: each at its own best place,
    // the glyph with fewer strokes (F) slides onto the other's ink.
    cv::Point common;
    cv::minMaxLoc(r.score_maps[AlphabetIndex(a)] + r.score_maps[AlphabetIndex(b)], nullptr, nullptr,
                  nullptr, &common);
    const float ink_a = MeanInkUnder(patch_ink, own_strokes.at({a, b}), common);
    const float ink_b = MeanInkUnder(patch_ink, own_strokes.at({b, a}), common);
    char pick = r.best_char;
    if (ink_a >= 0 && ink_b >= 0) {
      pick = ink_a >= ink_b ? a : b;
    } else if (ink_a >= 0) {
      pick = ink_a > kInked ? a : b;  // b is a with strokes missing (F: E without its foot)
    } else if (ink_b >= 0) {
      pick = ink_b > kInked ? b : a;
    }
    if (pick != r.best_char) std::swap(r.best_char, r.second_char);
    return;
  }
}

// O and 0 differ in OCR-B mostly by height: digits rise ~9 % above the capitals. The
// templates see it, but blur and JPEG blunt it; where the two were close (`ambiguous_o`),
// the ink's top decides, against the tops of the capitals and digits read with
// confidence on the same line (the font's proportions when the line has none).
// Neighbours cannot: document numbers mix letters and digits at random.
void SettleOZeroByHeight(const Centres& centres, const std::vector<bool>& ambiguous_o,
                         const CellRows& rows, double digit_over_cap, std::string& out) {
  const size_t length = out.size();
  std::vector<double> letter_tops, digit_tops;
  for (size_t i = 0; i < length; ++i) {
    const char c = out[i];
    const double top = centres.blob_top[i];
    if (top < 0 || ambiguous_o[i]) continue;
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
  const double cap_ref = letter_tops.empty() ? rows.cap_top : median(letter_tops);
  const double digit_ref = digit_tops.size() >= 2
                               ? median(digit_tops)
                               : rows.baseline - (rows.baseline - cap_ref + 1) * digit_over_cap + 1;
  if (cap_ref - digit_ref < 1.0) return;
  for (size_t i = 0; i < length; ++i) {
    const double top = centres.blob_top[i];
    if (!ambiguous_o[i] || top < 0) continue;
    out[i] = top < (cap_ref + digit_ref) / 2 ? '0' : 'O';
  }
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
    classifier->bank_.zero_mean.create(static_cast<int>(classifier->templates_.size()),
                                       kCellW * kCellH, CV_32F);
    for (size_t t = 0; t < classifier->templates_.size(); ++t) {
      const cv::Mat& glyph = classifier->templates_[t];
      const cv::Mat centred = glyph - cv::mean(glyph)[0];
      const cv::Mat row = centred.reshape(1, 1);
      row.copyTo(classifier->bank_.zero_mean.row(static_cast<int>(t)));
      classifier->bank_.norms.push_back(cv::norm(row));
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

// Stages: find the line's character blobs, fit their skew and rows, walk the character
// centres, then read each cell against the templates; O/0 settled last, by height.
std::string OcrbClassifier::ReadLine(const cv::Mat& gray, const cv::Rect& box, int length,
                                     double* confidence, std::vector<CellMatch>* cells) const {
  std::string out;
  if (cells) cells->clear();
  if (length <= 0 || box.width < length || box.height < 4) return out;
  const cv::Rect area = SearchArea(box, cv::Rect(0, 0, gray.cols, gray.rows));
  if (area.area() <= 0) return out;
  const Blobs blobs = FindCharacterBlobs(gray(area), box, area);
  const SkewFit fit = FitSkew(blobs);
  if (fit.x1 - fit.x0 < length || fit.caps == 0) return out;
  const CellRows rows = FindCellRows(blobs, fit, digit_over_cap_);
  if (rows.y1 - rows.y0 < 4) return out;
  // Glyph boxes are ~0.6 of the advance: first centre at x0 + 0.3 p, last at x1 - 0.3 p.
  const double p = (fit.x1 - fit.x0 + 1) / (length - 1 + 0.6);
  const Centres centres = WalkCentres(blobs, fit, p, length);
  double margin_sum = 0;
  std::vector<bool> ambiguous_o(static_cast<size_t>(length), false);
  for (int i = 0; i < length; ++i) {
    const cv::Mat cell = CutCell(gray, area, centres.x[static_cast<size_t>(i)], p, fit, rows);
    Ranking r = RankTemplates(cell, bank_, chars_);
    SettleLookAlike(cell, own_strokes_, r);
    // Q differs from O by a tail mostly below the baseline, outside the cell: when the
    // two are close, O (far more common in names and codes) wins.
    if (r.best_char == 'Q' && r.second_char == 'O' && r.best - r.second < 0.05) r.best_char = 'O';
    out += r.best_char;
    if (cells) cells->push_back(r.match);
    const bool o_pair = (r.best_char == 'O' && r.second_char == '0') ||
                        (r.best_char == '0' && r.second_char == 'O');
    ambiguous_o[static_cast<size_t>(i)] = o_pair && r.best - r.second < kAmbiguousMargin;
    margin_sum += std::clamp(r.best - r.second, 0.0, 1.0);
  }
  SettleOZeroByHeight(centres, ambiguous_o, rows, digit_over_cap_, out);
  if (confidence) *confidence = margin_sum / length;
  return out;
}

}  // namespace jae::local
