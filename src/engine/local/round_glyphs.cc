#include "engine/local/round_glyphs.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <opencv2/imgproc.hpp>
#include <vector>

namespace jae::local {
namespace {

bool IsRound(char c) { return c == 'O' || c == '0'; }

// Glyphs whose width says nothing of the type's proportions: narrow in every type.
bool IsNarrow(char c) { return c == 'I' || c == 'J' || c == '1'; }

// The marks of `ink` (255 on 0) left to right, one per glyph: 8-connected, specks under
// 40 % of the tallest mark dropped, marks overlapping in x by half the narrower merged (a
// glyph broken on a photo).
std::vector<cv::Rect> Marks(const cv::Mat& ink) {
  cv::Mat labels, stats, centroids;
  const int n = cv::connectedComponentsWithStats(ink, labels, stats, centroids, 8);
  std::vector<cv::Rect> marks;
  int tallest = 0;
  for (int i = 1; i < n; ++i) {
    marks.emplace_back(stats.at<int>(i, cv::CC_STAT_LEFT), stats.at<int>(i, cv::CC_STAT_TOP),
                       stats.at<int>(i, cv::CC_STAT_WIDTH), stats.at<int>(i, cv::CC_STAT_HEIGHT));
    tallest = std::max(tallest, marks.back().height);
  }
  std::erase_if(marks, [&](const cv::Rect& r) { return 5 * r.height < 2 * tallest; });
  std::sort(marks.begin(), marks.end(),
            [](const cv::Rect& a, const cv::Rect& b) { return a.x < b.x; });
  std::vector<cv::Rect> glyphs;
  for (const cv::Rect& mark : marks) {
    if (!glyphs.empty()) {
      cv::Rect& last = glyphs.back();
      const int overlap = std::min(last.br().x, mark.br().x) - std::max(last.x, mark.x);
      if (2 * overlap >= std::min(last.width, mark.width)) {
        last |= mark;
        continue;
      }
    }
    glyphs.push_back(mark);
  }
  return glyphs;
}

// Splits the widest of `marks` in two at its column of least ink (in its middle half), where
// two glyphs touch ("TY" of a bold type, letters run together by a blur), when it is at
// least half as wide again as the middle mark: no single glyph is, but "W" and "M" come
// close. Returns whether it split.
bool SplitWidest(const cv::Mat& ink, std::vector<cv::Rect>& marks) {
  std::vector<int> widths;
  for (const cv::Rect& mark : marks) widths.push_back(mark.width);
  std::nth_element(widths.begin(), widths.begin() + widths.size() / 2, widths.end());
  const auto widest =
      std::max_element(marks.begin(), marks.end(),
                       [](const cv::Rect& a, const cv::Rect& b) { return a.width < b.width; });
  const cv::Rect mark = *widest;
  if (2 * mark.width < 3 * widths[widths.size() / 2]) return false;
  int best = -1, least = mark.height + 1;
  for (int x = mark.x + mark.width / 4; x < mark.x + 3 * mark.width / 4; ++x) {
    const int column = cv::countNonZero(ink(cv::Rect(x, mark.y, 1, mark.height)));
    if (column < least) least = column, best = x;
  }
  if (best <= mark.x) return false;
  *widest = cv::Rect(mark.x, mark.y, best - mark.x, mark.height);
  marks.insert(widest + 1, cv::Rect(best, mark.y, mark.br().x - best, mark.height));
  return true;
}

// Whether `glyphs` stand at one pitch: a monospaced type, where the O and the 0 have the same
// advance and their ink tells nothing certain (DejaVu Sans Mono's O is narrower than its X,
// T and M, which fill the cell). Their centres' steps vary by under 3.5 % of their mean.
bool AtOnePitch(const std::vector<cv::Rect>& glyphs) {
  std::vector<double> steps;
  for (size_t k = 1; k < glyphs.size(); ++k) {
    steps.push_back((glyphs[k].x + glyphs[k].br().x - glyphs[k - 1].x - glyphs[k - 1].br().x) /
                    2.0);
  }
  if (steps.empty()) return true;
  double mean = 0, variance = 0;
  for (double step : steps) mean += step / steps.size();
  for (double step : steps) variance += (step - mean) * (step - mean) / steps.size();
  return std::sqrt(variance) < 0.035 * mean;
}

// The word's glyphs, one box each, or fewer or more when they cannot be told one by one:
// the ink at Otsu's level, then only its darker core (a blur joins glyphs with grey), then
// up to two glyphs touching in their darkest ink split where they meet.
std::vector<cv::Rect> GlyphBoxes(const cv::Mat& gray, size_t count) {
  cv::Mat ink;
  const double otsu = cv::threshold(gray, ink, 0, 255, cv::THRESH_BINARY_INV | cv::THRESH_OTSU);
  std::vector<cv::Rect> glyphs = Marks(ink);
  for (double level : {0.8, 0.6}) {
    if (glyphs.size() >= count) break;
    cv::threshold(gray, ink, otsu * level, 255, cv::THRESH_BINARY_INV);
    glyphs = Marks(ink);
  }
  if (glyphs.size() + 2 >= count) {
    while (glyphs.size() < count && SplitWidest(ink, glyphs)) {
    }
  }
  return glyphs;
}

}  // namespace

std::vector<cv::Rect> CutIntoGlyphs(const cv::Mat& gray, const cv::Rect& word, size_t count) {
  const int pad = std::max(1, word.height / 8);
  const cv::Rect area = (word + cv::Size(2 * pad, 2 * pad) - cv::Point(pad, pad)) &
                        cv::Rect(0, 0, gray.cols, gray.rows);
  if (count == 0 || area.width < 2 || area.height < 2) return {};
  std::vector<cv::Rect> glyphs = GlyphBoxes(gray(area), count);
  if (glyphs.size() != count) return {};
  for (cv::Rect& glyph : glyphs) glyph += area.tl();
  return glyphs;
}

std::optional<cv::Rect> LeadingGlyphs(const std::vector<cv::Rect>& glyphs, size_t n) {
  if (n == 0 || glyphs.size() <= n) return std::nullopt;
  cv::Rect leading = glyphs.front();
  for (size_t k = 1; k < n; ++k) leading |= glyphs[k];
  leading.width = std::min(leading.width, glyphs[n].x - 2 - leading.x);
  if (leading.width <= 0) return std::nullopt;
  return leading;
}

std::string NoughtsAndOsByWidth(const cv::Mat& gray, const cv::Rect& word,
                                const std::string& text) {
  if (std::none_of(text.begin(), text.end(), IsRound)) return text;
  if (!std::all_of(text.begin(), text.end(),
                   [](char c) { return std::isalnum(static_cast<unsigned char>(c)); })) {
    return text;
  }
  const std::vector<cv::Rect> glyphs = CutIntoGlyphs(gray, word, text.size());
  if (glyphs.empty() || AtOnePitch(glyphs)) return text;
  std::vector<int> widths;
  for (size_t k = 0; k < text.size(); ++k) {
    if (std::isupper(static_cast<unsigned char>(text[k])) && !IsRound(text[k]) &&
        !IsNarrow(text[k])) {
      widths.push_back(glyphs[k].width);
    }
  }
  if (widths.size() < 3) return text;
  std::nth_element(widths.begin(), widths.begin() + widths.size() / 2, widths.end());
  const double median = widths[widths.size() / 2];
  std::string decided = text;
  for (size_t k = 0; k < text.size(); ++k) {
    if (!IsRound(text[k])) continue;
    const double ratio = glyphs[k].width / median;
    if (ratio <= 0.95) decided[k] = '0';
    if (ratio >= 1.10) decided[k] = 'O';
  }
  return decided;
}

std::string WithoutAnInventedI(const cv::Mat& gray, const cv::Rect& word, std::string text) {
  if (text.size() != 10 || std::count(text.begin(), text.end(), 'I') != 1) return text;
  // Nine glyphs, and no two of them touching that would make ten.
  if (CutIntoGlyphs(gray, word, 9).size() != 9 || !CutIntoGlyphs(gray, word, 10).empty()) {
    return text;
  }
  std::erase(text, 'I');
  return text;
}

}  // namespace jae::local
