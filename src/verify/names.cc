#include "verify/names.h"

#include <string>
#include <vector>

#include "verify/text.h"

namespace jae::verify {
namespace {

std::vector<std::string> Words(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  for (char c : text) {
    if (c == ' ') {
      if (!word.empty()) words.push_back(std::move(word));
      word.clear();
    } else {
      word.push_back(c);
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

bool Fits(const std::vector<std::string>& printed, const std::vector<std::string>& mrz,
          const NameRoom& room) {
  if (mrz.size() > printed.size()) return false;
  if (mrz.empty()) return printed.empty() || room.fillers_left == 0;
  const std::size_t last = mrz.size() - 1;
  for (std::size_t i = 0; i < last; ++i) {
    if (mrz[i] != printed[i]) return false;
  }
  if (mrz[last] != printed[last]) {
    // Cut short: only a full field cuts, and nothing may follow a cut word.
    return room.fillers_left == 0 && printed[last].starts_with(mrz[last]);
  }
  if (mrz.size() == printed.size()) return true;
  // Whole words dropped: the first of them must not have fitted.
  const int needed = room.separator + static_cast<int>(printed[mrz.size()].size());
  return room.fillers_left < needed;
}

// Letters an OCR-B reader confuses, each mapped to one of its class.
std::string FoldLetterMisreads(std::string text) {
  for (char& c : text) {
    if (c == 'D' || c == 'Q') c = 'O';
    if (c == 'F') c = 'E';
  }
  return text;
}

template <typename Fold>
bool Agree(std::string_view printed, std::string_view from_mrz, const NameRoom& room, Fold fold) {
  const auto mrz_words = Words(fold(MrzNameVariants(from_mrz, 1).front()));
  if (mrz_words.empty()) return false;
  for (const std::string& variant : MrzNameVariants(printed)) {
    if (Fits(Words(fold(variant)), mrz_words, room)) return true;
  }
  return false;
}

}  // namespace

bool NamesAgree(std::string_view printed, std::string_view from_mrz, const NameRoom& room) {
  return Agree(printed, from_mrz, room, [](std::string s) { return s; });
}

bool NamesAgreeUpToMisreads(std::string_view printed, std::string_view from_mrz,
                            const NameRoom& room) {
  if (Agree(printed, from_mrz, room, FoldLetterMisreads)) return true;
  // Letters spaced apart (a typewriter's, a letter-spaced caption font) are read as
  // several words ("I NÈ S"): the same letters in the same order are the same name.
  auto joined = [](std::string text) {
    std::erase(text, ' ');
    return FoldLetterMisreads(std::move(text));
  };
  const std::string mrz = joined(MrzNameVariants(from_mrz, 1).front());
  if (mrz.empty()) return false;
  for (const std::string& variant : MrzNameVariants(printed)) {
    if (joined(variant) == mrz) return true;
  }
  return false;
}

}  // namespace jae::verify
