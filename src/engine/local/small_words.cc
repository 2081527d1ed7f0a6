#include "engine/local/small_words.h"

#include <algorithm>
#include <cctype>
#include <memory>
#include <opencv2/imgproc.hpp>
#include <string>

namespace jae::local {
namespace {

constexpr double kSure = 0.85;

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
    std::string word = text.get();
    std::erase_if(word, [](char c) { return c == ' ' || c == '\n'; });
    if (word.empty()) continue;
    const double confidence = std::clamp(it->Confidence(tesseract::RIL_WORD) / 100.0, 0.0, 1.0);
    words.push_back(
        OcrWord{std::move(word), to_line(cv::Rect(x0, y0, x1 - x0, y1 - y0)), confidence});
  } while (it->Next(tesseract::RIL_WORD));
  return words;
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
    if (small_characters < 2 || MeanConfidence(words, first, k) >= kSure) continue;
    // Across, from the run to its large neighbours; down, the line with the small words.
    const int left =
        std::max(first > 0 ? words[first - 1].box.br().x + 1 : 0, words[first].box.x - pad);
    const int right = std::min(k < words.size() ? words[k].box.x - 1 : line.box.br().x + pad,
                               words[k - 1].box.br().x + pad);
    const int top = std::min(line.box.y, small_box.y) - pad;
    const int bottom = std::max(line.box.br().y, small_box.br().y) + pad;
    if (right - left < 4) continue;
    SmallWordRun run;
    run.first = first;
    run.end = k;
    run.area = cv::Rect(left, top, right - left, bottom - top);
    run.scale = std::clamp(std::max(large_h, 30) / static_cast<double>(small_h), 1.5, 4.0);
    runs.push_back(run);
  }
  return runs;
}

void ReadSmallWordsApart(tesseract::TessBaseAPI& api, const cv::Mat& gray,
                         std::vector<OcrLine>& lines) {
  const tesseract::PageSegMode page_mode = api.GetPageSegMode();
  bool mode_set = false;
  const cv::Rect bounds(0, 0, gray.cols, gray.rows);
  for (OcrLine& line : lines) {
    std::vector<SmallWordRun> runs = SmallWordRuns(line);
    // From the right, so that each run's indices still hold after the one before it changed.
    for (auto run = runs.rbegin(); run != runs.rend(); ++run) {
      const cv::Rect area = run->area & bounds;
      if (area.width < 4 || area.height < 4) continue;
      cv::Mat enlarged;
      cv::resize(gray(area), enlarged, cv::Size(), run->scale, run->scale, cv::INTER_CUBIC);
      const int margin = 10;
      cv::copyMakeBorder(enlarged, enlarged, margin, margin, margin, margin, cv::BORDER_CONSTANT,
                         cv::Scalar(255));
      if (!mode_set) {
        api.SetPageSegMode(tesseract::PSM_SINGLE_LINE);
        mode_set = true;
      }
      api.SetImage(enlarged.data, enlarged.cols, enlarged.rows, 1, static_cast<int>(enlarged.step));
      api.SetSourceResolution(300);
      if (api.Recognize(nullptr) != 0) continue;
      const double scale = run->scale;
      std::vector<OcrWord> read = Words(api, [&](const cv::Rect& box) {
        const int x = area.x + static_cast<int>((box.x - margin) / scale);
        const int y = area.y + static_cast<int>((box.y - margin) / scale);
        return cv::Rect(x, y, std::max(1, static_cast<int>(box.width / scale)),
                        std::max(1, static_cast<int>(box.height / scale)));
      });
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

}  // namespace jae::local
