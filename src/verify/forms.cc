#include "verify/forms.h"

#include <algorithm>
#include <cctype>
#include <string>

#include "mrz/forms.h"
#include "verify/text.h"

namespace jae::verify {
namespace {

bool IsAsciiLetterOrUtf8(unsigned char c) { return c >= 0x80 || std::isalpha(c); }

// The suffix of a district's number: E, ER, EME or ÈME (any case), then the word ends; or
// none at the end of the name.
bool IsDistrictSuffix(std::string_view rest) {
  std::string word;
  for (const char ch : rest) {
    if (ch == ' ' || ch == ',') break;
    word += ch;
  }
  // "PARIS 8" at the end of the town's name: the number alone.
  if (word.empty()) return rest.find_first_not_of(' ') == std::string_view::npos;
  const std::string folded = FoldForMatching(word);  // "ème" -> "eme"
  return folded == "e" || folded == "er" || folded == "eme" || folded == "re";
}

}  // namespace

bool IsNameForm(std::string_view text) {
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (IsAsciiLetterOrUtf8(c)) continue;  // non-ASCII: UTF-8 letters, ’
    if (c == ' ' || c == '-' || c == '\'' || c == ',' || c == '.') continue;
    return false;
  }
  const std::string folded = MrzNameVariants(text, 1).front();
  return std::any_of(folded.begin(), folded.end(),
                     [](char c) { return (c >= 'A' && c <= 'Z') || c == '?'; });
}

bool IsPlaceForm(std::string_view text) {
  const std::size_t open = text.find('(');
  std::string_view town = text.substr(0, open);
  if (open != std::string_view::npos) {
    // One bracket at the end: a department ("44", "2A", "971") or a country's name.
    if (text.back() != ')' || text.find('(', open + 1) != std::string_view::npos) return false;
    const std::string_view inside = text.substr(open + 1, text.size() - open - 2);
    if (inside.empty() || inside.find(')') != std::string_view::npos) return false;
    const bool department =
        inside.size() <= 3 && std::isdigit(static_cast<unsigned char>(inside[0])) &&
        std::all_of(inside.begin(), inside.end(), [](char c) {
          return std::isdigit(static_cast<unsigned char>(c)) || c == 'A' || c == 'B';
        });
    if (!department && !IsNameForm(inside)) return false;
  } else if (text.find(')') != std::string_view::npos) {
    return false;
  }
  // A town's name starts with a capital ("Paris", "PARIS", "Saint-Étienne"): lower case
  // first is a word of a sentence or a caption ("d'identité").
  const auto first = std::find_if(town.begin(), town.end(), [](char ch) {
    return IsAsciiLetterOrUtf8(static_cast<unsigned char>(ch));
  });
  if (first != town.end()) {
    const auto c = static_cast<unsigned char>(*first);
    const bool latin1_lower =
        c == 0xC3 && first + 1 != town.end() && static_cast<unsigned char>(first[1]) >= 0xA0;
    if ((c < 0x80 && std::islower(c)) || latin1_lower) return false;
  }
  int letters = 0;
  for (std::size_t i = 0; i < town.size(); ++i) {
    const auto c = static_cast<unsigned char>(town[i]);
    if (IsAsciiLetterOrUtf8(c)) {
      ++letters;
      continue;
    }
    if (c == ' ' || c == '-' || c == '\'' || c == ',' || c == '.' || c == '/') continue;
    if (!std::isdigit(c)) return false;
    // A district's number: one or two digits starting a word, then its suffix.
    const std::size_t start = i;
    while (i < town.size() && std::isdigit(static_cast<unsigned char>(town[i]))) ++i;
    if (i - start > 2 || (start > 0 && town[start - 1] != ' ')) return false;
    if (!IsDistrictSuffix(town.substr(i))) return false;
    --i;
  }
  return letters >= 2;
}

bool IsFrenchIdCardNumberForm(std::string_view number) {
  if (number.size() == 9) {
    return std::all_of(number.begin(), number.end(),
                       [](char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); });
  }
  return mrz::IsFrId1988NumberForm(number);
}

}  // namespace jae::verify
