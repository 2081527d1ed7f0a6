#include "engine/local/text_layer.h"

#include <algorithm>

#include "engine/local/ocr_text.h"

namespace jae::local {

std::vector<OcrLine> LinesFromTextLayer(const std::vector<TextLayerWord>& words) {
  std::vector<const TextLayerWord*> sorted;
  for (const auto& w : words) {
    if (!w.text.empty() && w.width > 0 && w.height > 0) sorted.push_back(&w);
  }
  // Top to bottom by vertical centre, then each word joins the line whose centre band it
  // shares (a word of one row differs from its neighbours' baselines by a few pixels only).
  std::stable_sort(sorted.begin(), sorted.end(), [](const auto* a, const auto* b) {
    return 2 * a->y + a->height < 2 * b->y + b->height;
  });
  std::vector<OcrLine> lines;
  for (const TextLayerWord* w : sorted) {
    const int centre = w->y + w->height / 2;
    OcrLine* home = nullptr;
    for (auto it = lines.rbegin(); it != lines.rend() && it - lines.rbegin() < 3; ++it) {
      const cv::Rect& b = it->box;
      const int line_centre = b.y + b.height / 2;
      if (std::abs(centre - line_centre) * 2 < std::min(b.height, w->height)) {
        home = &*it;
        break;
      }
    }
    if (!home) {
      lines.push_back(OcrLine{});
      home = &lines.back();
      home->confidence = 1.0;
    }
    const cv::Rect box(w->x, w->y, w->width, w->height);
    home->words.push_back(OcrWord{WithoutLigatures(w->text), box});
    home->box = home->words.size() == 1 ? box : (home->box | box);
  }
  for (auto& line : lines) {
    std::stable_sort(line.words.begin(), line.words.end(),
                     [](const OcrWord& a, const OcrWord& b) { return a.box.x < b.box.x; });
    for (const auto& w : line.words) {
      if (!line.text.empty()) line.text += ' ';
      line.text += w.text;
    }
  }
  return lines;
}

}  // namespace jae::local
