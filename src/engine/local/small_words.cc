#include "engine/local/small_words.h"

#include <algorithm>
#include <cctype>
#include <memory>
#include <opencv2/imgproc.hpp>
#include <optional>
#include <string>
#include <utility>

#include "engine/local/ocr_text.h"

namespace jae::local {
namespace {

constexpr double kSure = 0.85;
constexpr double kMarks = 0.1;
// Re-readings a page gets at most (each ~10-40 ms of CPU): a photo's noise read as many
// lines of small and large "words" must not multiply the page's cost.
constexpr int kMostRuns = 12;

// Letters and digits (a non-ASCII byte counts: an accented letter).
int Characters(const std::string& text) {
  return static_cast<int>(std::count_if(text.begin(), text.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || (c & 0x80);
  }));
}

// The words' confidence, each weighed by its characters.
double MeanConfidence(const std::vector<OcrWord>& words, size_t first, size_t end) {
  double sum = 0;
  int n = 0;
  for (size_t k = first; k < end; ++k) {
    const int c = Characters(words[k].text);
    sum += words[k].confidence * c;
    n += c;
  }
  return n == 0 ? 0 : sum / n;
}

// Tesseract's words on the image it was last given, boxes mapped back by `to_line`.
template <typename Map>
std::vector<OcrWord> Words(tesseract::TessBaseAPI& api, Map to_line) {
  std::vector<OcrWord> words;
  std::unique_ptr<tesseract::ResultIterator> it(api.GetIterator());
  if (!it) return words;
  do {
    std::unique_ptr<char[]> text(it->GetUTF8Text(tesseract::RIL_WORD));
    int x0, y0, x1, y1;
    if (!text || !it->BoundingBox(tesseract::RIL_WORD, &x0, &y0, &x1, &y1)) continue;
    std::string word = WithoutLigatures(text.get());
    std::erase_if(word, [](char c) { return c == ' ' || c == '\n'; });
    if (word.empty()) continue;
    const double confidence = std::clamp(it->Confidence(tesseract::RIL_WORD) / 100.0, 0.0, 1.0);
    words.push_back(
        OcrWord{std::move(word), to_line(cv::Rect(x0, y0, x1 - x0, y1 - y0)), confidence});
  } while (it->Next(tesseract::RIL_WORD));
  return words;
}

// A line of `words` read apart: its text their texts joined by spaces, its box theirs, its
// confidence their mean.
OcrLine LineOfWords(std::vector<OcrWord> words) {
  OcrLine line;
  line.words = std::move(words);
  line.confidence = MeanConfidence(line.words, 0, line.words.size());
  for (const OcrWord& w : line.words) {
    line.text += (line.text.empty() ? "" : " ") + w.text;
    line.box = line.box.empty() ? w.box : (line.box | w.box);
  }
  return line;
}

// `line`'s columns: its words parted at gaps of at least twice their median height, each
// over the line's rows (a column's box spans the line's height: its caption may stand
// above its words). One column when there is no such gap.
std::vector<OcrLine> ColumnsOf(const OcrLine& line) {
  std::vector<int> heights;
  for (const OcrWord& w : line.words) heights.push_back(w.box.height);
  if (heights.size() < 2) return {line};
  std::nth_element(heights.begin(), heights.begin() + heights.size() / 2, heights.end());
  const int gap = 2 * std::max(1, heights[heights.size() / 2]);
  std::vector<OcrLine> columns;
  for (size_t k = 0; k < line.words.size(); ++k) {
    const OcrWord& w = line.words[k];
    if (k == 0 || w.box.x - line.words[k - 1].box.br().x >= gap) {
      columns.emplace_back();
      columns.back().box = cv::Rect(w.box.x, line.box.y, 0, line.box.height);
    }
    OcrLine& column = columns.back();
    column.words.push_back(w);
    column.text += (column.text.empty() ? "" : " ") + w.text;
    const int right = std::max(column.box.br().x, w.box.br().x);
    column.box.width = right - column.box.x;
  }
  for (OcrLine& column : columns) {
    column.confidence = MeanConfidence(column.words, 0, column.words.size());
  }
  return columns;
}

// A short line of figures (a number alone under or beside its caption) that the page's
// reading gave almost no confidence, too little for its value to be used: the French model,
// reading a page, often trusts a bold or spaced number so little ("4390973 E" at 0.05,
// "0211229 Y" at 0.00) although, read alone as a line, it is sure of it (0.66, 0.91).
bool IsAValueReadAsNoise(const OcrLine& line) {
  constexpr double kUnusedConfidence = 0.3;  // verify's kMinFieldConfidence
  const bool figures = std::any_of(line.text.begin(), line.text.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c));
  });
  const int characters = Characters(line.text);
  return figures && characters >= 3 && characters <= 16 && line.words.size() <= 3 &&
         MeanConfidence(line.words, 0, line.words.size()) < kUnusedConfidence;
}

}  // namespace

std::vector<SmallWordRun> SmallWordRuns(const OcrLine& line) {
  std::vector<SmallWordRun> runs;
  const std::vector<OcrWord>& words = line.words;
  const int line_h = line.box.height;
  if (words.size() < 2 || line_h <= 0) return runs;
  // Large: a value's word. Taller than the line by half is a misread spanning marks.
  std::vector<bool> large(words.size());
  std::vector<int> large_heights;
  for (size_t k = 0; k < words.size(); ++k) {
    const int h = words[k].box.height;
    large[k] = Characters(words[k].text) >= 1 && h * 5 >= line_h * 4 && h * 2 <= line_h * 3;
    if (large[k]) large_heights.push_back(h);
  }
  if (large_heights.empty()) return runs;
  std::nth_element(large_heights.begin(), large_heights.begin() + large_heights.size() / 2,
                   large_heights.end());
  const int large_h = large_heights[large_heights.size() / 2];
  // A line box far taller than its large words holds marks of a photo, not a line.
  if (line_h > 2 * large_h) return runs;
  const int pad = std::max(2, large_h / 4);
  for (size_t k = 0; k < words.size();) {
    if (large[k]) {
      ++k;
      continue;
    }
    const size_t first = k;
    while (k < words.size() && !large[k]) ++k;
    int small_h = 0, small_characters = 0;
    cv::Rect small_box;
    for (size_t j = first; j < k; ++j) {
      const OcrWord& w = words[j];
      if (Characters(w.text) == 0 || w.box.height * 5 > large_h * 3) continue;
      small_h = std::max(small_h, w.box.height);
      small_characters += Characters(w.text);
      small_box = small_box.empty() ? w.box : (small_box | w.box);
    }
    // A run read surely is left as it is: only misreads are worth a reading more.
    // A run read surely needs no second reading; one read with no confidence at all is
    // marks (a photo's texture), not a caption.
    const double confidence = MeanConfidence(words, first, k);
    if (small_characters < 2 || confidence >= kSure || confidence < kMarks) continue;
    // Across, from the run to its large neighbours; down, the line with the small words.
    const int left =
        std::max(first > 0 ? words[first - 1].box.br().x + 1 : 0, words[first].box.x - pad);
    const int right = std::min(k < words.size() ? words[k].box.x - 1 : line.box.br().x + pad,
                               words[k - 1].box.br().x + pad);
    const int top = std::min(line.box.y, small_box.y) - pad;
    const int bottom = std::max(line.box.br().y, small_box.br().y) + pad;
    if (right - left < 4) continue;
    // A caption's line: its area a few small words high, and short enough to read at once
    // enlarged (a photo's marks make tall, wide "runs" that cost ~0.1 s each).
    // Small words over 24 pixels high read well as they are: what fails is a caption of
    // 8-16 pixels beside values twice its height.
    const double scale = std::clamp(32.0 / small_h, 1.5, 4.0);
    if (small_h < 6 || small_h > 24 || bottom - top > 4 * small_h + 2 * pad ||
        (right - left) * scale > 1600) {
      continue;
    }
    SmallWordRun run;
    run.first = first;
    run.end = k;
    run.area = cv::Rect(left, top, right - left, bottom - top);
    run.scale = scale;
    runs.push_back(run);
  }
  return runs;
}

// `area` of `gray` read alone as one line, enlarged `scale` times on a margin of paper;
// boxes in `gray`'s frame. `api` must be in single-line mode.
std::vector<OcrWord> ReadAreaAsLine(tesseract::TessBaseAPI& api, const cv::Mat& gray,
                                    const cv::Rect& area, double scale) {
  cv::Mat enlarged;
  cv::resize(gray(area), enlarged, cv::Size(), scale, scale, cv::INTER_CUBIC);
  const int margin = 10;
  cv::copyMakeBorder(enlarged, enlarged, margin, margin, margin, margin, cv::BORDER_CONSTANT,
                     cv::Scalar(255));
  api.SetImage(enlarged.data, enlarged.cols, enlarged.rows, 1, static_cast<int>(enlarged.step));
  api.SetSourceResolution(300);
  if (api.Recognize(nullptr) != 0) return {};
  return Words(api, [&](const cv::Rect& box) {
    const int x = area.x + static_cast<int>((box.x - margin) / scale);
    const int y = area.y + static_cast<int>((box.y - margin) / scale);
    return cv::Rect(x, y, std::max(1, static_cast<int>(box.width / scale)),
                    std::max(1, static_cast<int>(box.height / scale)));
  });
}

void ReadSmallWordsApart(tesseract::TessBaseAPI& api, const cv::Mat& gray,
                         std::vector<OcrLine>& lines) {
  const tesseract::PageSegMode page_mode = api.GetPageSegMode();
  bool mode_set = false;
  const cv::Rect bounds(0, 0, gray.cols, gray.rows);
  int budget = kMostRuns;
  for (OcrLine& line : lines) {
    std::vector<SmallWordRun> runs = SmallWordRuns(line);
    if (static_cast<int>(runs.size()) > budget) break;
    budget -= static_cast<int>(runs.size());
    // From the right, so that each run's indices still hold after the one before it changed.
    for (auto run = runs.rbegin(); run != runs.rend(); ++run) {
      const cv::Rect area = run->area & bounds;
      if (area.width < 4 || area.height < 4) continue;
      if (!mode_set) {
        api.SetPageSegMode(tesseract::PSM_SINGLE_LINE);
        mode_set = true;
      }
      std::vector<OcrWord> read = ReadAreaAsLine(api, gray, area, run->scale);
      if (read.empty() || MeanConfidence(read, 0, read.size()) <
                              MeanConfidence(line.words, run->first, run->end) + 0.1) {
        continue;
      }
      line.words.erase(line.words.begin() + static_cast<long>(run->first),
                       line.words.begin() + static_cast<long>(run->end));
      line.words.insert(line.words.begin() + static_cast<long>(run->first), read.begin(),
                        read.end());
      line.text.clear();
      for (const OcrWord& w : line.words) line.text += (line.text.empty() ? "" : " ") + w.text;
    }
  }
  if (mode_set) api.SetPageSegMode(page_mode);
}

std::optional<std::pair<cv::Rect, cv::Rect>> CaptionBandOver(const cv::Mat& gray,
                                                             const OcrLine& line,
                                                             int usual_height) {
  const cv::Rect box = line.box & cv::Rect(0, 0, gray.cols, gray.rows);
  if (box.height * 5 < usual_height * 7 || box.width < 8 || box.height < 12) return std::nullopt;
  cv::Mat ink;
  cv::threshold(gray(box), ink, 0, 255, cv::THRESH_BINARY_INV | cv::THRESH_OTSU);
  cv::Mat rows;
  cv::reduce(ink, rows, 1, cv::REDUCE_MAX);  // per row: any ink
  // The bands of rows with ink, top to bottom.
  std::vector<std::pair<int, int>> bands;
  for (int y = 0; y < rows.rows; ++y) {
    if (!rows.at<uchar>(y)) continue;
    if (bands.empty() || bands.back().second < y) {
      bands.emplace_back(y, y + 1);
    } else {
      bands.back().second = y + 1;
    }
  }
  // Bands apart by less than two blank rows are one (an accent over its letter).
  std::vector<std::pair<int, int>> merged;
  for (const auto& b : bands) {
    if (!merged.empty() && b.first - merged.back().second < 2) {
      merged.back().second = b.second;
    } else {
      merged.push_back(b);
    }
  }
  // One band: the captions' feet touch the values' tops (an accent, a degree sign). They
  // part at a row in its upper half with almost no ink, when there is one.
  if (merged.size() == 1) {
    cv::Mat counts;
    cv::reduce(ink, counts, 1, cv::REDUCE_SUM, CV_32S);
    const auto [top, bottom] = merged.front();
    const int h = bottom - top;
    int peak = 0;
    for (int y = top; y < bottom; ++y) peak = std::max(peak, counts.at<int>(y));
    int faintest = -1;
    for (int y = top + h * 3 / 20; y < top + h / 2; ++y) {
      if (faintest < 0 || counts.at<int>(y) < counts.at<int>(faintest)) faintest = y;
    }
    if (faintest > top && counts.at<int>(faintest) * 20 <= peak) {
      merged = {{top, faintest}, {faintest + 1, bottom}};
    }
  }
  if (merged.size() != 2) return std::nullopt;
  const int top_h = merged[0].second - merged[0].first;
  const int rest_h = merged[1].second - merged[1].first;
  // A caption's letters are a quarter of the values' height or more; a row of accents
  // over capitals is less.
  if (top_h < 4 || top_h * 10 > rest_h * 6 || top_h * 4 < rest_h) return std::nullopt;
  const int gap = merged[1].first - merged[0].second;
  // The captions' band may reach past the line's box (its box is its words', and the
  // merged word holds only part of them): up by its own height, across by the values',
  // and to the right by four times that (a caption is often wider than its value: "FRA"
  // under "NATIONALITÉ").
  const cv::Rect caption(box.x - rest_h, box.y + merged[0].first - top_h, box.width + 5 * rest_h,
                         2 * top_h + gap / 2);
  const cv::Rect values(box.x, box.y + merged[1].first - gap / 2, box.width, rest_h + gap);
  const cv::Rect bounds(0, 0, gray.cols, gray.rows);
  const cv::Rect captions_in = caption & bounds, values_in = values & bounds;
  if (std::min(captions_in.width, captions_in.height) < 4 ||
      std::min(values_in.width, values_in.height) < 4) {
    return std::nullopt;
  }
  return std::make_pair(captions_in, values_in);
}

void ReadMergedCaptionsApart(tesseract::TessBaseAPI& api, const cv::Mat& gray,
                             std::vector<OcrLine>& lines) {
  if (lines.size() < 3) return;
  std::vector<int> heights;
  for (const auto& line : lines) heights.push_back(line.box.height);
  // The usual line: the lower quartile's, since on a card whose every caption sits over
  // its value most lines are merged ones (a median would take them for the usual line).
  std::nth_element(heights.begin(), heights.begin() + heights.size() / 4, heights.end());
  const int usual = heights[heights.size() / 4];
  const tesseract::PageSegMode page_mode = api.GetPageSegMode();
  bool mode_set = false;
  // `line`'s captions and values read apart as two lines into `out`, when its bands are
  // found and read well; false (nothing added) otherwise.
  auto split = [&](const OcrLine& line, std::vector<OcrLine>& out) {
    const auto bands = CaptionBandOver(gray, line, usual);
    if (!bands) return false;
    if (!mode_set) {
      api.SetPageSegMode(tesseract::PSM_SINGLE_LINE);
      mode_set = true;
    }
    const auto& [caption_area, values_area] = *bands;
    const double scale = std::clamp(30.0 / std::max(1, caption_area.height), 1.5, 4.0);
    std::vector<OcrWord> caption = ReadAreaAsLine(api, gray, caption_area, scale);
    std::vector<OcrWord> values = ReadAreaAsLine(api, gray, values_area, 1.5);
    // The values as sure as before, or the same words a hair less sure: the caption is
    // what the split adds ("GAUTHIER" read 0.97 with "NOM" merged in, 0.96 alone).
    std::string values_text, line_text;
    for (const auto& w : values) values_text += (values_text.empty() ? "" : " ") + w.text;
    for (const auto& w : line.words) line_text += (line_text.empty() ? "" : " ") + w.text;
    const double before = MeanConfidence(line.words, 0, line.words.size());
    const double after = MeanConfidence(values, 0, values.size());
    if (caption.empty() || values.empty() || MeanConfidence(caption, 0, caption.size()) < 0.6 ||
        (after < before && !(values_text == line_text && after + 0.05 >= before))) {
      return false;
    }
    out.push_back(LineOfWords(std::move(caption)));
    out.push_back(LineOfWords(std::move(values)));
    return true;
  };
  std::vector<OcrLine> out;
  out.reserve(lines.size());
  for (OcrLine& line : lines) {
    if (split(line, out)) continue;
    // Two columns merged with their captions, each at its own height (a photo's
    // perspective: "Date of issue" over "12 JANV. 2020", "Date of expiry" over "12 JANV.
    // 2030" further right and lower): each column apart, over the line's rows.
    const std::vector<OcrLine> columns = ColumnsOf(line);
    if (columns.size() < 2) {
      out.push_back(std::move(line));
      continue;
    }
    std::vector<OcrLine> parts;
    bool any = false;
    for (const OcrLine& column : columns) {
      if (split(column, parts)) {
        any = true;
      } else {
        parts.push_back(column);
      }
    }
    if (!any) {
      out.push_back(std::move(line));
      continue;
    }
    for (auto& part : parts) out.push_back(std::move(part));
  }
  lines = std::move(out);
  if (mode_set) api.SetPageSegMode(page_mode);
}

std::vector<StackedCaption> StackedCaptions(const cv::Mat& gray, const OcrLine& line) {
  std::vector<StackedCaption> captions;
  const std::vector<OcrWord>& words = line.words;
  if (words.size() < 2 || gray.empty()) return captions;
  std::vector<int> sure_heights;
  for (const OcrWord& w : words) {
    if (w.confidence >= 0.6 && Characters(w.text) >= 1) sure_heights.push_back(w.box.height);
  }
  // A line read all unsurely (a table's row of noise and one value): every word's.
  if (sure_heights.empty()) {
    for (const OcrWord& w : words) {
      if (Characters(w.text) >= 1) sure_heights.push_back(w.box.height);
    }
  }
  if (sure_heights.empty()) return captions;
  std::nth_element(sure_heights.begin(), sure_heights.begin() + sure_heights.size() / 2,
                   sure_heights.end());
  const int sure_h = sure_heights[sure_heights.size() / 2];
  // A line box far taller than its sure words holds two lines or a photo's marks.
  if (sure_h < 8 || line.box.height > 2 * sure_h) return captions;
  const cv::Rect bounds(0, 0, gray.cols, gray.rows);
  const int pad = std::max(2, sure_h / 4);
  size_t first = 0;
  int right_of_previous = 0;
  while (first < words.size()) {
    // The group: words up to a column gap.
    size_t end = first + 1;
    int right = words[first].box.br().x;
    while (end < words.size() && words[end].box.x - right < sure_h / 2) {
      right = std::max(right, words[end].box.br().x);
      ++end;
    }
    const size_t group_first = first;
    first = end;
    const int left_edge = right_of_previous;
    right_of_previous = right + 1;
    if (MeanConfidence(words, group_first, end) >= kSure) continue;
    // A caption names the value after it: the next words, taller than its lines.
    if (end == words.size()) continue;
    int value_h = 0;
    for (size_t k = end; k < words.size(); ++k) {
      if (k > end && words[k].box.x - words[k - 1].box.br().x >= sure_h / 2) break;
      if (Characters(words[k].text) >= 1) value_h = std::max(value_h, words[k].box.height);
    }
    const int x0 = std::max(left_edge, words[group_first].box.x - pad);
    const int x1 = end < words.size() ? words[end].box.x - 1 : right + pad;
    const cv::Rect area =
        cv::Rect(x0, line.box.y - sure_h / 2, x1 - x0, line.box.height + sure_h) & bounds;
    // A caption's words are wider than the line is high; a colon's two dots are not.
    if (area.width < 2 * sure_h || area.height < 8 || area.width > 40 * sure_h) continue;
    cv::Mat ink;
    cv::threshold(gray(area), ink, 0, 255, cv::THRESH_BINARY_INV | cv::THRESH_OTSU);
    cv::Mat rows;
    cv::reduce(ink, rows, 1, cv::REDUCE_SUM, CV_32S);
    std::vector<std::pair<int, int>> bands;  // [top, bottom) rows in `area`
    for (int y = 0; y < rows.rows; ++y) {
      if (!rows.at<int>(y)) continue;
      if (!bands.empty() && y - bands.back().second < 2) {
        bands.back().second = y + 1;
      } else {
        bands.emplace_back(y, y + 1);
      }
    }
    const int line_top = line.box.y - area.y, line_bottom = line.box.br().y - area.y;
    std::erase_if(bands,
                  [&](const auto& b) { return b.second <= line_top || b.first >= line_bottom; });
    // One band as tall as two small lines: the upper's descenders ("d'usage") touch the
    // lower's ascenders ("Alternate"); the two part at the faintest row of its middle third.
    if (bands.size() == 1) {
      const auto [top, bottom] = bands.front();
      const int h = bottom - top;
      int peak = 0;
      for (int y = top; y < bottom; ++y) peak = std::max(peak, rows.at<int>(y));
      int faintest = -1;
      for (int y = top + h / 3; y < bottom - h / 3; ++y) {
        if (faintest < 0 || rows.at<int>(y) < rows.at<int>(faintest)) faintest = y;
      }
      if (h * 10 >= sure_h * 9 && h * 10 <= sure_h * 18 && faintest >= 0 &&
          rows.at<int>(faintest) * 10 <= peak * 3) {
        bands = {{top, faintest}, {faintest + 1, bottom}};
      }
    }
    if (bands.size() != 2) continue;
    const int h0 = bands[0].second - bands[0].first, h1 = bands[1].second - bands[1].first;
    const int gap = bands[1].first - bands[0].second;
    if (std::min(h0, h1) < 4 || std::max(h0, h1) * 20 > std::min(sure_h, value_h) * 17 ||
        gap * 2 > 3 * std::max(h0, h1)) {
      continue;
    }
    StackedCaption caption;
    caption.first = group_first;
    caption.end = end;
    caption.upper = cv::Rect(area.x, area.y + bands[0].first - 1, area.width, h0 + 2) & bounds;
    caption.lower = cv::Rect(area.x, area.y + bands[1].first - 1, area.width, h1 + 2) & bounds;
    captions.push_back(caption);
  }
  return captions;
}

void ReadStackedCaptionsApart(tesseract::TessBaseAPI& api, const cv::Mat& gray,
                              std::vector<OcrLine>& lines) {
  constexpr int kMostCaptions = 8;
  const tesseract::PageSegMode page_mode = api.GetPageSegMode();
  bool mode_set = false;
  int budget = kMostCaptions;
  for (OcrLine& line : lines) {
    std::vector<StackedCaption> captions = StackedCaptions(gray, line);
    if (static_cast<int>(captions.size()) > budget) break;
    budget -= static_cast<int>(captions.size());
    // From the right, so that each group's indices still hold after the one before it changed.
    size_t next_first = line.words.size();  // where the caption to the right begins
    for (auto c = captions.rbegin(); c != captions.rend(); ++c) {
      const size_t value_end = next_first;
      next_first = c->first;
      if (!mode_set) {
        api.SetPageSegMode(tesseract::PSM_SINGLE_LINE);
        mode_set = true;
      }
      std::vector<OcrWord> upper =
          ReadAreaAsLine(api, gray, c->upper, std::clamp(32.0 / c->upper.height, 1.5, 4.0));
      std::vector<OcrWord> lower =
          ReadAreaAsLine(api, gray, c->lower, std::clamp(32.0 / c->lower.height, 1.5, 4.0));
      auto characters = [](const std::vector<OcrWord>& words) {
        int n = 0;
        for (const OcrWord& w : words) n += Characters(w.text);
        return n;
      };
      if (characters(upper) < 2 || characters(lower) < 2) continue;
      std::vector<OcrWord> read = upper;
      // The slash a bilingual caption prints between its languages, where the two meet.
      const cv::Rect joint(upper.back().box.br().x, c->upper.y, 1, c->upper.height);
      read.push_back(OcrWord{"/", joint, 1.0});
      read.insert(read.end(), lower.begin(), lower.end());
      if (MeanConfidence(read, 0, read.size()) <
          MeanConfidence(line.words, c->first, c->end) + 0.1) {
        continue;
      }
      // The value after the caption, read in the same line as the two-line caption, was
      // read at the caption's scale, unsurely: read alone too, kept when surer.
      if (c->end < value_end) {
        cv::Rect value_box;
        for (size_t k = c->end; k < value_end; ++k) value_box |= line.words[k].box;
        const int pad = std::max(2, value_box.height / 4);
        const cv::Rect area = cv::Rect(value_box.x - pad, value_box.y - pad,
                                       value_box.width + 2 * pad, value_box.height + 2 * pad) &
                              cv::Rect(0, 0, gray.cols, gray.rows);
        if (area.width >= 4 && area.height >= 4 && value_box.height <= 5 * c->upper.height) {
          std::vector<OcrWord> value =
              ReadAreaAsLine(api, gray, area, std::clamp(32.0 / value_box.height, 1.0, 2.5));
          if (!value.empty() && MeanConfidence(value, 0, value.size()) >=
                                    MeanConfidence(line.words, c->end, value_end) + 0.1) {
            line.words.erase(line.words.begin() + static_cast<long>(c->end),
                             line.words.begin() + static_cast<long>(value_end));
            line.words.insert(line.words.begin() + static_cast<long>(c->end), value.begin(),
                              value.end());
          }
        }
      }
      line.words.erase(line.words.begin() + static_cast<long>(c->first),
                       line.words.begin() + static_cast<long>(c->end));
      line.words.insert(line.words.begin() + static_cast<long>(c->first), read.begin(), read.end());
      line.text.clear();
      for (const OcrWord& w : line.words) line.text += (line.text.empty() ? "" : " ") + w.text;
    }
  }
  if (mode_set) api.SetPageSegMode(page_mode);
}

std::optional<cv::Rect> DroppedCaptionArea(const cv::Mat& gray, const OcrLine& line,
                                           const std::vector<OcrLine>& lines) {
  const int h = line.box.height;
  if (line.confidence < 0.6 || h < 14) return std::nullopt;
  const cv::Rect bounds(0, 0, gray.cols, gray.rows);
  const int top = line.box.y - h * 8 / 5;
  // A band cut by the page's top edge holds its margin, not a caption.
  if (top < 0) return std::nullopt;
  const cv::Rect band =
      cv::Rect(line.box.x - h, top, line.box.width + 7 * h, line.box.y - top) & bounds;
  if (band.width < 8 || band.height < 6) return std::nullopt;
  for (const OcrLine& other : lines) {
    if (&other == &line) continue;
    if ((other.box & band).area() * 5 > other.box.area()) return std::nullopt;
  }
  cv::Mat ink = gray(band) < 140;
  cv::Mat counts;
  cv::reduce(ink / 255, counts, 1, cv::REDUCE_SUM, CV_32S);
  // The runs of rows with ink (two pixels at least), bottom up; apart by two blank rows.
  int bottom = -1, run_top = -1;
  for (int y = band.height - 1; y >= 0; --y) {
    const bool inked = counts.at<int>(y) >= 2;
    if (inked && bottom < 0) bottom = y + 1;
    if (inked) run_top = y;
    if (!inked && bottom >= 0 && run_top - y >= 2) break;
  }
  if (bottom < 0) return std::nullopt;
  const int run = bottom - run_top;
  // Letters under 6 pixels do not read even enlarged.
  if (run < 6 || run * 4 < h || run * 5 > h * 4) return std::nullopt;
  cv::Mat columns;
  cv::reduce(ink.rowRange(run_top, bottom) / 255, columns, 0, cv::REDUCE_SUM, CV_32S);
  int left = -1, right = -1;
  for (int x = 0; x < columns.cols; ++x) {
    if (columns.at<int>(x) == 0) continue;
    if (left < 0) left = x;
    right = x + 1;
  }
  if (left < 0) return std::nullopt;
  const cv::Rect area =
      cv::Rect(band.x + left - 2, band.y + run_top - 2, right - left + 4, run + 4) & bounds;
  if (area.width < 8 || area.height < 4) return std::nullopt;
  return area;
}

std::optional<cv::Rect> DroppedCaptionLeftArea(const cv::Mat& gray, const OcrLine& line,
                                               const std::vector<OcrLine>& lines) {
  const int h = line.box.height;
  if (line.confidence < 0.6 || h < 14) return std::nullopt;
  const cv::Rect bounds(0, 0, gray.cols, gray.rows);
  const cv::Rect band = cv::Rect(0, line.box.y - h / 2, line.box.x - h, 2 * h) & bounds;
  if (band.width < 4 * h || band.height < 6) return std::nullopt;
  for (const OcrLine& other : lines) {
    if (&other == &line) continue;
    if ((other.box & band).area() * 5 > other.box.area()) return std::nullopt;
  }
  const cv::Mat ink = gray(band) < 140;
  cv::Mat columns;
  cv::reduce(ink / 255, columns, 0, cv::REDUCE_SUM, CV_32S);
  // The leftmost run of inked columns, up to a gap of twice the line's height.
  int left = -1, right = -1;
  for (int x = 0; x < columns.cols; ++x) {
    if (columns.at<int>(x) == 0) {
      if (left >= 0 && x - right >= 2 * h) break;
      continue;
    }
    if (left < 0) left = x;
    right = x + 1;
  }
  if (left < 0) return std::nullopt;
  cv::Mat rows;
  cv::reduce(ink.colRange(left, right) / 255, rows, 1, cv::REDUCE_SUM, CV_32S);
  int top = -1, bottom = -1;
  for (int y = 0; y < rows.rows; ++y) {
    if (rows.at<int>(y) < 2) continue;
    if (top < 0) top = y;
    bottom = y + 1;
  }
  if (top < 0) return std::nullopt;
  const int run = bottom - top;
  // Letters under 6 pixels do not read even enlarged; a run much taller than the value is
  // no caption of it; one hardly wider than high is a mark, not a word.
  if (run < 6 || run * 5 > h * 6 || right - left < 2 * run) return std::nullopt;
  // A run touching the band's top or bottom goes on beyond it: another line's text.
  if (top == 0 || bottom == band.height) return std::nullopt;
  const cv::Rect area =
      cv::Rect(band.x + left - 2, band.y + top - 2, right - left + 4, run + 4) & bounds;
  if (area.width < 8 || area.height < 4) return std::nullopt;
  return area;
}

void ReadDroppedCaptionsApart(tesseract::TessBaseAPI& api, const cv::Mat& gray,
                              std::vector<OcrLine>& lines) {
  std::vector<cv::Rect> areas;
  for (const OcrLine& line : lines) {
    if (areas.size() >= 8) break;
    if (auto area = DroppedCaptionArea(gray, line, lines)) {
      areas.push_back(*area);
    } else if (auto left = DroppedCaptionLeftArea(gray, line, lines)) {
      areas.push_back(*left);
    }
  }
  if (areas.empty()) return;
  const tesseract::PageSegMode page_mode = api.GetPageSegMode();
  api.SetPageSegMode(tesseract::PSM_SINGLE_LINE);
  for (const cv::Rect& area : areas) {
    const double scale = std::clamp(30.0 / std::max(1, area.height - 4), 1.5, 4.0);
    std::vector<OcrWord> words = ReadAreaAsLine(api, gray, area, scale);
    if (words.empty()) continue;
    OcrLine caption = LineOfWords(std::move(words));
    if (caption.confidence >= 0.6 && NamesAField(caption)) lines.push_back(std::move(caption));
  }
  api.SetPageSegMode(page_mode);
}

void ReadUnsureColumnsApart(tesseract::TessBaseAPI& api, const cv::Mat& gray,
                            std::vector<OcrLine>& lines) {
  const tesseract::PageSegMode page_mode = api.GetPageSegMode();
  bool mode_set = false;
  const cv::Rect bounds(0, 0, gray.cols, gray.rows);
  int budget = 8;
  for (OcrLine& line : lines) {
    if (budget == 0) break;
    const std::vector<OcrLine> columns = ColumnsOf(line);
    if (columns.size() < 2 && !IsAValueReadAsNoise(line)) continue;
    // One column read well is what sets the line's baseline; a line of noise (a photo's
    // pattern, text read sideways) has none, and its columns read apart are noise again.
    if (columns.size() >= 2 &&
        std::none_of(columns.begin(), columns.end(), [](const OcrLine& column) {
          return MeanConfidence(column.words, 0, column.words.size()) >= 0.75;
        })) {
      continue;
    }
    std::vector<OcrWord> words;
    bool changed = false;
    for (const OcrLine& column : columns) {
      const double before = MeanConfidence(column.words, 0, column.words.size());
      const cv::Rect area = (column.box + cv::Size(4, 4) - cv::Point(2, 2)) & bounds;
      std::vector<OcrWord> read;
      // A speck read as a letter or two is no column: read apart, it came out surely ("2").
      if (before < 0.6 && budget > 0 && area.width >= 4 && area.height >= 4 &&
          Characters(column.text) >= 3) {
        --budget;
        if (!mode_set) {
          api.SetPageSegMode(tesseract::PSM_SINGLE_LINE);
          mode_set = true;
        }
        const double scale = std::clamp(32.0 / area.height, 1.0, 2.5);
        read = ReadAreaAsLine(api, gray, area, scale);
      }
      const double after = read.empty() ? 0 : MeanConfidence(read, 0, read.size());
      if (after >= 0.6 && after >= before + 0.1) {
        words.insert(words.end(), read.begin(), read.end());
        changed = true;
      } else {
        words.insert(words.end(), column.words.begin(), column.words.end());
      }
    }
    if (!changed) continue;
    line.words = std::move(words);
    line.text.clear();
    for (const OcrWord& w : line.words) line.text += (line.text.empty() ? "" : " ") + w.text;
  }
  if (mode_set) api.SetPageSegMode(page_mode);
}

}  // namespace jae::local
