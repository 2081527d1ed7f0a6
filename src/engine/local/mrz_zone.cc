#include "engine/local/mrz_zone.h"

#include <tesseract/baseapi.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <memory>
#include <opencv2/imgproc.hpp>

namespace jae::local {
namespace {

struct Band {
  int top, bottom;  // inclusive rows
  cv::Rect box;
};

// Rows of long text lines: after closing the gaps between characters, an MRZ line covers
// most of the width, printed field lines much less.
std::vector<Band> LongTextBands(const cv::Mat& gray) {
  const int w = gray.cols, h = gray.rows;
  cv::Mat blackhat;
  const int k = std::max(9, w / 50) | 1;
  cv::morphologyEx(gray, blackhat, cv::MORPH_BLACKHAT,
                   cv::getStructuringElement(cv::MORPH_RECT, cv::Size(k, k)));
  cv::Mat ink;
  const double otsu = cv::threshold(blackhat, ink, 0, 255, cv::THRESH_BINARY | cv::THRESH_OTSU);
  if (otsu < 25) cv::threshold(blackhat, ink, 25, 255, cv::THRESH_BINARY);
  cv::morphologyEx(ink, ink, cv::MORPH_CLOSE,
                   cv::getStructuringElement(cv::MORPH_RECT, cv::Size(std::max(5, w / 35), 1)));
  std::vector<int> coverage(h);
  for (int y = 0; y < h; ++y) coverage[y] = cv::countNonZero(ink.row(y));
  std::vector<Band> bands;
  const int min_cover = static_cast<int>(0.62 * w);
  int y = 0;
  while (y < h) {
    if (coverage[y] < min_cover) {
      ++y;
      continue;
    }
    int end = y;
    int gap = 0;
    while (end + 1 < h && (coverage[end + 1] >= min_cover || gap < 2)) {
      gap = coverage[end + 1] >= min_cover ? 0 : gap + 1;
      ++end;
    }
    end -= gap;
    const int height = end - y + 1;
    if (height >= h / 60 && height <= h / 7) {
      cv::Mat rows = ink.rowRange(y, end + 1);
      cv::Mat cols;
      cv::reduce(rows, cols, 0, cv::REDUCE_MAX);
      int x0 = 0, x1 = w - 1;
      while (x0 < w && cols.at<uchar>(0, x0) == 0) ++x0;
      while (x1 > x0 && cols.at<uchar>(0, x1) == 0) --x1;
      bands.push_back(Band{y, end, cv::Rect(x0, y, x1 - x0 + 1, height)});
    }
    y = end + 1;
  }
  return bands;
}

// The 2-3 bands of similar height and regular spacing closest to one edge of the page.
std::vector<cv::Rect> Block(const std::vector<Band>& bands, bool from_bottom) {
  std::vector<Band> ordered = bands;
  if (from_bottom) std::reverse(ordered.begin(), ordered.end());
  std::vector<cv::Rect> block;
  for (const auto& b : ordered) {
    if (!block.empty()) {
      const cv::Rect& last = block.back();
      const double hr = static_cast<double>(b.box.height) / last.height;
      const int gap =
          from_bottom ? last.y - (b.box.y + b.box.height) : b.box.y - (last.y + last.height);
      if (hr < 0.6 || hr > 1.6 || gap > 1.5 * last.height) break;
    }
    block.push_back(b.box);
    if (block.size() == 3) break;
  }
  if (from_bottom) std::reverse(block.begin(), block.end());
  return block;
}

}  // namespace

std::optional<MrzLocation> LocateMrz(const cv::Mat& gray) {
  if (gray.empty() || gray.type() != CV_8UC1) return std::nullopt;
  const std::vector<Band> bands = LongTextBands(gray);
  std::vector<Band> lower, upper;
  for (const auto& b : bands) {
    ((b.top + b.bottom) / 2 > gray.rows / 2 ? lower : upper).push_back(b);
  }
  std::vector<cv::Rect> bottom = Block(lower, true);
  std::vector<cv::Rect> top = Block(upper, false);
  if (bottom.size() >= 2) return MrzLocation{bottom, false};
  if (top.size() >= 2) return MrzLocation{top, true};
  return std::nullopt;
}

std::string CleanMrzText(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '<') out += c;
  }
  return out;
}

FillerRun LongestFillerRun(const std::string& line) {
  const int n = static_cast<int>(line.size());
  FillerRun best;
  for (int i = 0; i < n;) {
    if (line[i] != '<') {
      ++i;
      continue;
    }
    int j = i;
    while (j < n && line[j] == '<') ++j;
    if (j - i > best.length) best = FillerRun{i, j - i};
    i = j;
  }
  return best;
}

std::string FitLineLength(std::string line, int length) {
  const int n = static_cast<int>(line.size());
  if (n == length || length <= 0) return line;
  const auto [best_start, best_len] = LongestFillerRun(line);
  const int delta = length - n;
  if (best_start >= 0 && best_len >= 2 && (delta > 0 || best_len + delta >= 1)) {
    if (delta > 0) {
      line.insert(static_cast<size_t>(best_start), static_cast<size_t>(delta), '<');
    } else {
      line.erase(static_cast<size_t>(best_start), static_cast<size_t>(-delta));
    }
    return line;
  }
  if (delta > 0) return line + std::string(static_cast<size_t>(delta), '<');
  line.resize(static_cast<size_t>(length));
  return line;
}

std::vector<std::string> LengthCandidates(const std::string& line, int length) {
  const int n = static_cast<int>(line.size());
  std::vector<std::string> out;
  auto add = [&](std::string c) {
    if (static_cast<int>(c.size()) == length && std::find(out.begin(), out.end(), c) == out.end()) {
      out.push_back(std::move(c));
    }
  };
  if (n == length) {
    add(line);
    return out;
  }
  if (n > length) {
    const int delta = n - length;
    // A leading non-letter where every MRZ line of a document code or name starts with a
    // letter is most likely noise: try cutting it first.
    for (int k = std::min(delta, 3); k >= 1; --k) {
      bool noise = true;
      for (int j = 0; j < k; ++j)
        noise = noise && !std::isalpha(static_cast<unsigned char>(line[j]));
      if (noise) add(line.substr(static_cast<size_t>(k), static_cast<size_t>(length)));
    }
    add(FitLineLength(line, length));
    for (int k = 0; k <= delta && k <= 3; ++k)
      add(line.substr(static_cast<size_t>(k), static_cast<size_t>(length)));
  } else {
    add(FitLineLength(line, length));
    add(line + std::string(static_cast<size_t>(length - n), '<'));
  }
  return out;
}

bool ForEachLengthCombination(
    const std::vector<std::string>& raw, int length,
    const std::function<bool(const std::vector<std::string>&)>& try_lines) {
  std::vector<std::vector<std::string>> per_line;
  for (const auto& line : raw) {
    per_line.push_back(LengthCandidates(line, length));
    if (per_line.back().empty()) return false;
  }
  if (per_line.empty()) return false;
  std::vector<size_t> index(per_line.size(), 0);
  for (int combos = 0; combos < 64; ++combos) {
    std::vector<std::string> lines;
    for (size_t i = 0; i < per_line.size(); ++i) lines.push_back(per_line[i][index[i]]);
    if (try_lines(lines)) return true;
    size_t i = 0;  // next combination (odometer)
    while (i < index.size() && ++index[i] == per_line[i].size()) index[i++] = 0;
    if (i == index.size()) break;
  }
  return false;
}

std::vector<std::string> ReadMrzLines(const cv::Mat& gray, const std::vector<cv::Rect>& lines,
                                      int variant, tesseract::TessBaseAPI& api) {
  std::vector<std::string> out;
  for (const cv::Rect& box : lines) {
    const int pad_y = std::max(4, box.height / 3);
    const int pad_x = std::max(6, box.height / 2);
    cv::Rect r(box.x - pad_x, box.y - pad_y, box.width + 2 * pad_x, box.height + 2 * pad_y);
    r &= cv::Rect(0, 0, gray.cols, gray.rows);
    cv::Mat crop = gray(r).clone();
    // Tesseract's legacy classifier works best with characters ~30-40 px high.
    const double target = variant == 2 ? 28.0 : 40.0;
    const double scale = std::clamp(target / std::max(1, box.height), 0.4, 3.0);
    if (std::abs(scale - 1.0) > 0.1) {
      cv::resize(crop, crop, cv::Size(), scale, scale,
                 scale < 1 ? cv::INTER_AREA : cv::INTER_CUBIC);
    }
    if (variant == 1) {
      const int block = (std::max(15, static_cast<int>(crop.rows * 0.8)) | 1);
      cv::adaptiveThreshold(crop, crop, 255, cv::ADAPTIVE_THRESH_GAUSSIAN_C, cv::THRESH_BINARY,
                            block, 12);
    }
    api.SetImage(crop.data, crop.cols, crop.rows, 1, static_cast<int>(crop.step));
    api.SetSourceResolution(300);
    std::unique_ptr<char[]> text(api.GetUTF8Text());
    out.push_back(CleanMrzText(text ? text.get() : ""));
  }
  return out;
}

int ExpectedLineLength(const MrzLocation& location, const std::vector<std::string>& read) {
  if (location.lines.size() >= 3) return 30;
  double mean = 0;
  for (const auto& l : read) mean += static_cast<double>(l.size());
  mean /= std::max<size_t>(1, read.size());
  if (mean >= 40) return 44;
  if (mean >= 33 && mean <= 38.5) return 36;
  // Unclear from the text: use the boxes (44 characters are narrower per height).
  double aspect = 0;
  for (const auto& r : location.lines) aspect += static_cast<double>(r.width) / r.height;
  aspect /= std::max<size_t>(1, location.lines.size());
  return aspect > 40 ? 44 : 36;
}

}  // namespace jae::local
