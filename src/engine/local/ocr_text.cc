#include "engine/local/ocr_text.h"

#include <algorithm>
#include <cctype>

#include "engine/local/caption_table.h"

namespace jae::local {

std::vector<std::string> SplitWords(std::string_view text) {
  std::vector<std::string> words;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find(' ', start);
    if (end == std::string_view::npos) end = text.size();
    if (end > start) words.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

int CountDigits(std::string_view s) {
  return static_cast<int>(
      std::count_if(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }));
}

int CountLetters(std::string_view utf8) {
  int n = 0;
  for (size_t i = 0; i < utf8.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(utf8[i]);
    if (std::isalpha(c)) ++n;
    if (c >= 0xC3 && c <= 0xC5) ++n;  // the lead byte of an accented Latin letter
  }
  return n;
}

std::vector<std::string> DigitGroups(std::string_view s) {
  std::vector<std::string> groups;
  std::string cur;
  for (char c : s) {
    if (c >= '0' && c <= '9') {
      cur += c;
    } else if (!cur.empty()) {
      groups.push_back(std::move(cur));
      cur.clear();
    }
  }
  if (!cur.empty()) groups.push_back(std::move(cur));
  return groups;
}

std::string LettersOf(std::string_view text) {
  std::string out;
  for (char c : NormalizeLabelText(text)) {
    if (c >= 'a' && c <= 'z') out += c;
  }
  return out;
}

WordCase CaseOf(std::string_view word) {
  int lower = 0, letters = 0;
  int upper_inside = 0;  // capitals that start no part of the word ("Jean-Baptiste" has none)
  bool first_upper = false, part_start = true;
  for (size_t i = 0; i < word.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(word[i]);
    bool is_upper = false, is_lower = false;
    if (c < 0x80) {
      if (c == '-' || c == '\'') {
        part_start = true;
        continue;
      }
      is_upper = std::isupper(c) != 0;
      is_lower = std::islower(c) != 0;
    } else if ((c == 0xC3 || c == 0xC5) && i + 1 < word.size()) {
      const unsigned char d = static_cast<unsigned char>(word[++i]);
      is_upper = c == 0xC3 ? (d >= 0x80 && d <= 0x9E && d != 0x97) : (d == 0x92 || d == 0xB8);
      is_lower = c == 0xC3 ? (d >= 0x9F && d <= 0xBF && d != 0xB7) : d == 0x93;
    } else if (c == 0xE2 && word.substr(i, 3) == "\u2019") {
      i += 2;  // a typographic apostrophe
      part_start = true;
      continue;
    }
    if (!is_upper && !is_lower) return WordCase::kOther;
    if (letters++ == 0) first_upper = is_upper;
    lower += is_lower;
    upper_inside += is_upper && !part_start;
    part_start = false;
  }
  if (letters < 2) return WordCase::kOther;
  if (lower == 0) return WordCase::kUpper;
  return first_upper && upper_inside == 0 ? WordCase::kCapitalised : WordCase::kOther;
}

std::string WithoutLigatures(std::string utf8) {
  static constexpr std::string_view kLetters[] = {"ff", "fi", "fl", "ffi", "ffl", "st", "st"};
  for (size_t at = utf8.find("\xEF\xAC"); at != std::string::npos; at = utf8.find("\xEF\xAC", at)) {
    const unsigned char last = at + 2 < utf8.size() ? static_cast<unsigned char>(utf8[at + 2]) : 0;
    if (last < 0x80 || last > 0x86) {
      at += 2;
      continue;
    }
    utf8.replace(at, 3, kLetters[last - 0x80]);
  }
  return utf8;
}

}  // namespace jae::local
