#include "engine/local/text_layer.h"

#include <algorithm>
#include <cctype>

#include "engine/local/ocr_text.h"

namespace jae::local {

namespace {

size_t CodePoints(const std::string& text) {
  return static_cast<size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

// Letter-spaced type ("T E N N I S  C L U B", CSS letter-spacing) comes out of a PDF as one
// word a letter or two: the field reader saw no caption and no value in it. A run of at
// least five such pieces, three in four of them single letters or digits (or four single
// characters: "S E X E", three single capitals: "N O M"), spaced by less than half their height, is
// joined into words (a sentence's "né le 9 ," is two single characters in four); a word ends where
// the gap outgrows the run's usual gap by a space (a sixth of the line's height: a space is a
// quarter of an em, the box an em and a bit).
void JoinLetterSpacedWords(std::vector<OcrWord>& words) {
  std::vector<OcrWord> out;
  size_t i = 0;
  while (i < words.size()) {
    size_t end = i;
    size_t singles = 0, capitals = 0;
    while (end < words.size() && CodePoints(words[end].text) <= 3) {
      const std::string& text = words[end].text;
      const unsigned char c = static_cast<unsigned char>(text[0]);
      // A single letter or digit (an accented capital is one code point of two bytes).
      if (CodePoints(text) == 1 && (std::isalnum(c) || c >= 0xC0)) {
        ++singles;
        if (std::isupper(c) || c >= 0xC0) ++capitals;
      }
      ++end;
    }
    const size_t run = end - i;
    if (run < 3 || (run == 3 && capitals < 3) || (run == 4 && singles < 4) ||
        singles * 4 < run * 3) {
      out.insert(out.end(), words.begin() + static_cast<long>(i),
                 words.begin() + static_cast<long>(std::max(end, i + 1)));
      i = std::max(end, i + 1);
      continue;
    }
    std::vector<int> gaps;
    int height = 0;
    for (size_t k = i; k < end; ++k) {
      height = std::max(height, words[k].box.height);
      if (k > i) gaps.push_back(words[k].box.x - words[k - 1].box.br().x);
    }
    std::vector<int> sorted = gaps;
    std::nth_element(sorted.begin(), sorted.begin() + static_cast<long>(sorted.size() / 2),
                     sorted.end());
    const int usual = std::max(0, sorted[sorted.size() / 2]);
    // Letters spaced by more than half their height are a row of one-letter cells, not a
    // word ("M  F  X").
    if (usual * 2 > height) {
      out.insert(out.end(), words.begin() + static_cast<long>(i),
                 words.begin() + static_cast<long>(end));
      i = end;
      continue;
    }
    out.push_back(words[i]);
    for (size_t k = i + 1; k < end; ++k) {
      if ((gaps[k - i - 1] - usual) * 6 > height) {
        out.push_back(words[k]);
      } else {
        out.back().text += words[k].text;
        out.back().box |= words[k].box;
      }
    }
    i = end;
  }
  words = std::move(out);
}

}  // namespace

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
    JoinLetterSpacedWords(line.words);
    for (const auto& w : line.words) {
      if (!line.text.empty()) line.text += ' ';
      line.text += w.text;
    }
  }
  return lines;
}

}  // namespace jae::local
