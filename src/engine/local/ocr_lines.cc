#include "engine/local/ocr_lines.h"

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <string>
#include <vector>

namespace jae::local {

void DropTallBars(OcrLine& line) {
  auto holds_a_character = [](const OcrWord& word) {
    return std::any_of(word.text.begin(), word.text.end(), [](char c) {
      return std::isalnum(static_cast<unsigned char>(c)) || (c & 0x80);
    });
  };
  std::vector<int> heights;
  for (const OcrWord& word : line.words) {
    if (holds_a_character(word)) heights.push_back(word.box.height);
  }
  if (heights.empty()) return;
  std::nth_element(heights.begin(), heights.begin() + heights.size() / 2, heights.end());
  const int tallest_letters = 2 * heights[heights.size() / 2];
  const auto tall_bar = [&](const OcrWord& word) {
    return !word.text.empty() && word.text.find_first_not_of("|!()[]{}") == std::string::npos &&
           word.box.height > tallest_letters;
  };
  // At the line's ends only: between two words a tall bar is a slash that joins a
  // bilingual caption's languages ("ADRESSE | ADDRESS").
  size_t first = 0, last = line.words.size();
  while (first < last && tall_bar(line.words[first])) ++first;
  while (last > first && tall_bar(line.words[last - 1])) --last;
  if (first == 0 && last == line.words.size()) return;
  line.words.erase(line.words.begin() + static_cast<std::ptrdiff_t>(last), line.words.end());
  line.words.erase(line.words.begin(), line.words.begin() + static_cast<std::ptrdiff_t>(first));
  line.text.clear();
  line.box = cv::Rect();
  for (const OcrWord& word : line.words) {
    line.text += (line.text.empty() ? "" : " ") + word.text;
    line.box = line.box.area() == 0 ? word.box : (line.box | word.box);
  }
}

}  // namespace jae::local
