#include "engine/local/value_forms.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <iterator>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "engine/local/caption_table.h"
#include "engine/local/french_places.h"
#include "engine/local/given_names.h"
#include "engine/local/ocr_text.h"
#include "verify/forms.h"
#include "verify/normalize.h"

namespace jae::local {
namespace {

// ---- the OCR slips a value's form makes known ----------------------------------------

// Letters OCR gives for digits, where a field holds digits only: a date ("08 O1 2019"), a
// ranking ("O", "3O/5", an old-style "1s"), a club's number. Applied only when the rest already
// looks like such a value, so "NC" or a date written in words stays as read.
std::string DigitsForLookAlikes(std::string value) {
  int digits = 0;
  for (char c : value) {
    if (c >= '0' && c <= '9') {
      ++digits;
    } else if (c != 'O' && c != 'o' && c != 'I' && c != 'l' && c != 's' && c != ' ' && c != '.' &&
               c != '/' && c != '-') {
      return value;
    }
  }
  if (digits == 0 && value != "O") return value;
  for (char& c : value) {
    if (c == 'O' || c == 'o') c = '0';
    if (c == 'I' || c == 'l') c = '1';
    if (c == 's') c = '5';  // an old-style 5, which descends like an s ("1s" for "15")
  }
  return value;
}

// A name or a place as a line of fields in running text gives it ("Nom : BOYER — Prénoms :
// Inès — ...", "Nîmes -", "Yanis Gaël - Sexe", "BOYER-", ":Sébastien"): up to the first word
// that is only a dash, without a dash glued to its end or a colon to its start. A name's
// hyphen joins two parts without spaces ("Jean-Pierre"); a dash alone parts two fields.
std::string BeforeAFieldsDash(std::string value) {
  static constexpr std::string_view kDashes[] = {"-", "\u2013", "\u2014"};
  const auto dash_only = [](std::string_view word) {
    for (bool trimmed = true; trimmed && !word.empty();) {
      trimmed = false;
      for (std::string_view dash : kDashes) {
        if (word.starts_with(dash)) {
          word.remove_prefix(dash.size());
          trimmed = true;
        }
      }
    }
    return word.empty();
  };
  std::string out;
  for (const std::string& word : SplitWords(value)) {
    if (dash_only(word)) {
      if (out.empty()) continue;
      break;
    }
    out += (out.empty() ? "" : " ") + word;
  }
  for (bool trimmed = true; trimmed;) {
    trimmed = false;
    for (std::string_view dash : kDashes) {
      if (out.size() > dash.size() && out.ends_with(dash)) {
        out.resize(out.size() - dash.size());
        trimmed = true;
      }
    }
  }
  while (!out.empty() && out.front() == ':') out.erase(0, 1);
  return out.empty() ? value : out;
}

// "N° GUESSAN": a surname's apostrophe after its first letter, raised like a degree sign in
// a typewriter face; no name is written with a degree sign. The mark and the space after it
// become the apostrophe ("N'GUESSAN").
std::string ApostropheForADegree(std::string value) {
  static constexpr std::string_view kDegree = "\u00B0";
  const size_t at = value.find(kDegree);
  if (at != 1 || !std::isalpha(static_cast<unsigned char>(value[0]))) return value;
  size_t after = at + kDegree.size();
  if (after < value.size() && value[after] == ' ') ++after;
  if (after >= value.size() || !std::isalpha(static_cast<unsigned char>(value[after]))) {
    return value;
  }
  return value.substr(0, 1) + "'" + value.substr(after);
}

// "LE.BRIS": a full stop between two letters of a surname, which no surname is written
// with (its words part at spaces, hyphens and apostrophes), is the space OCR read as one.
std::string SpaceForAStop(std::string value) {
  for (size_t at = 1; at + 1 < value.size(); ++at) {
    if (value[at] == '.' && std::isalpha(static_cast<unsigned char>(value[at - 1])) &&
        std::isalpha(static_cast<unsigned char>(value[at + 1]))) {
      value[at] = ' ';
    }
  }
  return value;
}

// `value` without its words of neither letter nor digit: a speck or an icon read as a
// symbol beside a date ("26/09/1997 £"), which no date is written with.
std::string WithoutStrayMarks(std::string value) {
  std::string out;
  for (const std::string& word : SplitWords(value)) {
    if (CountLetters(word) == 0 && CountDigits(word) == 0) continue;
    out += (out.empty() ? "" : " ") + word;
  }
  return out.empty() ? value : out;
}

// A name without the words at its ends that hold no letter: a quotation mark or a speck
// read before "Victor" is no part of the name (and would stand against the MRZ's).
// `trailing`: the end too (a club's name may end in a number, "Tennis Club 2000", but
// does not start with a sign: "/ 4 Cercle Sportif de Pau" is the ranking's tail glued on).
// `value` without the words at its start (and, with `trailing`, its end) that `drop` picks;
// `value` itself when that would leave nothing.
template <typename Drop>
std::string WithoutEndWords(std::string value, Drop drop, bool trailing) {
  const std::vector<std::string> words = SplitWords(value);
  size_t first = 0, end = words.size();
  while (first < end && drop(words[first])) ++first;
  while (trailing && end > first && drop(words[end - 1])) --end;
  if (first == end || (first == 0 && end == words.size())) return value;
  std::string out;
  for (size_t k = first; k < end; ++k) out += (out.empty() ? "" : " ") + words[k];
  return out;
}

std::string WithoutLetterlessEnds(std::string value, bool trailing = true) {
  return WithoutEndWords(
      std::move(value), [](const std::string& word) { return CountLetters(word) == 0; }, trailing);
}

// Given names without a lone M, F or X after them: the sex column beside them ("Noël
// Jérôme M" where the card prints "Sexe M" to the right of "Prénoms"). A document writes
// given names in full, never as an initial.
std::string WithoutSexAfter(std::string value) {
  const std::vector<std::string> words = SplitWords(value);
  if (words.size() < 2) return value;
  const std::string& last = words.back();
  if (last != "M" && last != "F" && last != "X") return value;
  std::string out;
  for (size_t k = 0; k + 1 < words.size(); ++k) out += (out.empty() ? "" : " ") + words[k];
  while (!out.empty() && out.back() == ',') out.pop_back();
  return out;
}

// A ranking in large type whose thin slash Tesseract dropped or read as a 1 ("15 1" or
// "15 11" for 15/1): the fraction when it is one the federation gives (x/6 above 15,
// 15/1 ... 15/5, 30/1 ... 30/5). Otherwise the value as it was: "15" alone is a ranking
// too, and taking the first number would be a wrong one.
std::string SlashForAGap(std::string value) {
  const std::vector<std::string> words = SplitWords(value);
  if (words.size() != 2) return value;
  const std::string& whole = words[0];
  std::string part = words[1];
  if (whole.empty() || whole.size() > 2 || CountDigits(whole) != static_cast<int>(whole.size()) ||
      part.empty() || part.size() > 2 || CountDigits(part) != static_cast<int>(part.size())) {
    return value;
  }
  if (part.size() == 2 && part[0] == '1') part = part.substr(1);
  if (part.size() != 1) return value;
  const int w = std::atoi(whole.c_str()), p = part[0] - '0';
  const bool real = (p == 6 && w >= 1 && w <= 5) || ((w == 15 || w == 30) && p >= 1 && p <= 5);
  return real ? whole + "/" + part : value;
}

// A ranking in large type whose leading 1 Tesseract read as a bracket or a bar ("] 5/2",
// "|5" for 15/2, 15): the ranking with the 1, when that is one and the value as read is
// not. Why only a leading one: the 1 stands alone at the left of a wide digit, where a
// bold face's serif or a box's edge beside it looks the same.
std::string OneForALeadingBar(std::string value) {
  if (value.empty() || IsRanking(value)) return value;
  if (value[0] != ']' && value[0] != '|' && value[0] != '[' && value[0] != '!') return value;
  std::string rest = value.substr(1);
  while (!rest.empty() && rest.front() == ' ') rest.erase(0, 1);
  if (rest.empty() || rest.front() < '0' || rest.front() > '9') return value;
  std::string with_one = "1" + rest;
  std::erase(with_one, ' ');
  return IsRanking(with_one) ? with_one : value;
}

// Whether `word` holds a dot leader: a run of three dots, or an ellipsis ("........",
// "Nom.......", or a leader's dots read partly as letters, "ueceeceuesesse.se......").
bool IsLeaderWord(std::string_view word) {
  return word.find("...") != std::string_view::npos ||
         word.find("\u2026\u2026") != std::string_view::npos;
}

// `value` without the leader words at its ends: a form's dotted line between its caption
// and the value ("Prénom(s) ....... Théo") is no part of the value.
std::string WithoutLeaders(std::string value) {
  return WithoutEndWords(
      std::move(value), [](const std::string& word) { return IsLeaderWord(word); },
      /*trailing=*/true);
}

// A date whose spaces OCR lost ("15082020", "(15082020" for "15 08 2020"): eight digits,
// brackets or a point around them, that make a valid day, month and year (1900-2100), given
// back spaced; any other value as it was.
std::string DateOfEightDigits(std::string value) {
  std::string_view digits = value;
  while (!digits.empty() &&
         std::string_view("([.").find(digits.front()) != std::string_view::npos) {
    digits.remove_prefix(1);
  }
  while (!digits.empty() && std::string_view(")].").find(digits.back()) != std::string_view::npos) {
    digits.remove_suffix(1);
  }
  if (digits.size() != 8 || CountDigits(digits) != 8) return value;
  const int day = std::atoi(std::string(digits.substr(0, 2)).c_str());
  const int month = std::atoi(std::string(digits.substr(2, 2)).c_str());
  const int year = std::atoi(std::string(digits.substr(4)).c_str());
  if (day < 1 || day > 31 || month < 1 || month > 12 || year < 1900 || year > 2100) return value;
  return std::string(digits.substr(0, 2)) + " " + std::string(digits.substr(2, 2)) + " " +
         std::string(digits.substr(4));
}

// Whether a word of `value` is one of a document's title ("Carte nationale d'identité",
// "République française", "Passeport", "Titre de séjour"), which no person's name holds.
bool HoldsADocumentTitleWord(std::string_view value) {
  for (const std::string& word : SplitWords(value)) {
    const std::string norm = NormalizeLabelText(word);
    for (std::string_view title : {"carte", "identite", "d'identite", "republique", "passeport",
                                   "sejour", "identity", "passport"}) {
      if (norm == title) return true;
    }
  }
  return false;
}

// `value` without a first word that is the caption "Club" misread and glued before the
// club's name ("Cu TC Nîmes Garrigues", "cCur Stade Français": small capitals or a photo's
// blur): a short word one or two letters from "club" that is no club's word, when a name
// of two words or more stays.
std::string WithoutMisreadClubCaption(std::string value) {
  const size_t space = value.find(' ');
  if (space == std::string::npos) return value;
  const std::string first = NormalizeLabelText(value.substr(0, space));
  std::string rest = value.substr(space + 1);
  // The caption's colon ("Cut : US Créteil Tennis").
  while (rest.find(' ') != std::string::npos && CountLetters(rest.substr(0, rest.find(' '))) == 0) {
    rest.erase(0, rest.find(' ') + 1);
  }
  const bool misread = first != "club" && first.size() >= 2 && first.size() <= 4 &&
                       !IsAClubNameWord(first) && EditDistance(first, "club") <= 2;
  if (!misread || rest.find(' ') == std::string::npos) return value;
  // And the quote mark a caption's end was read as ("CGub ‘TC Boulogne").
  for (std::string_view mark : {"\u2018", "\u2019", "'", "\"", "\u201C", "\u00AB", "."}) {
    if (rest.starts_with(mark)) rest.erase(0, mark.size());
  }
  return rest;
}

// `value` with an È that OCR read as Ë given back: French writes the diaeresis only on a
// vowel's heels (Noël, Gaëlle, Israël, aiguë), never after a consonant ("JAURËS" is
// JAURÈS; Tesseract takes the grave accent's slant for two dots on small capitals).
std::string GraveForMisreadDiaeresis(std::string value) {
  for (size_t i = 1; i + 1 < value.size(); ++i) {
    if (static_cast<unsigned char>(value[i]) != 0xC3) continue;
    const auto next = static_cast<unsigned char>(value[i + 1]);
    if (next != 0x8B && next != 0xAB) continue;  // Ë, ë
    const char before = static_cast<char>(std::tolower(static_cast<unsigned char>(value[i - 1])));
    if (before < 'a' || before > 'z' ||
        std::string_view("aeiouy").find(before) != std::string_view::npos) {
      continue;
    }
    value[i + 1] = static_cast<char>(next == 0x8B ? 0x88 : 0xA8);  // È, è
  }
  return value;
}

// "Cæn" for "Caen": Tesseract joins a and e into the ligature, which no French surname,
// club or town writes (a given name may: "Lætitia", left as read).
std::string WithoutAeLigature(std::string value) {
  for (auto [ligature, letters] :
       {std::pair<std::string_view, std::string_view>{"\u00E6", "ae"}, {"\u00C6", "AE"}}) {
    for (size_t at = value.find(ligature); at != std::string::npos; at = value.find(ligature, at)) {
      value.replace(at, ligature.size(), letters);
    }
  }
  return value;
}

}  // namespace

// What OCR typically gets wrong in a value whose form the field fixes.
std::string RepairValue(FieldName field, std::string value) {
  value = WithoutLeaders(std::move(value));
  switch (field) {
    case FieldName::kBirthDate:
    case FieldName::kIssueDate:
    case FieldName::kExpiryDate:
      return DateOfEightDigits(DigitsForLookAlikes(WithoutStrayMarks(std::move(value))));
    case FieldName::kRanking: {
      if (NormalizeLabelText(value) == "non classe") return "NC";  // spelt out
      // "30 / 3", "3/ 6": a slash OCR spaced (a wide, light glyph) joins what it parts.
      for (size_t at = value.find('/'); at != std::string::npos; at = value.find('/', at + 1)) {
        while (at + 1 < value.size() && value[at + 1] == ' ') value.erase(at + 1, 1);
        while (at > 0 && value[at - 1] == ' ') value.erase(--at, 1);
      }
      return OneForALeadingBar(SlashForAGap(DigitsForLookAlikes(std::move(value))));
    }
    case FieldName::kNationality: {
      // "T UN", "DZ A": a code a space split.
      std::string compact = value;
      std::erase(compact, ' ');
      if (compact.size() == 3 && compact != value &&
          verify::NormalizeCountryCode(compact).problem == verify::Problem::kNone) {
        return compact;
      }
      // "Française (FRA)": the word and its code, which say the same.
      const size_t open = value.rfind(" (");
      if (open != std::string::npos && value.size() == open + 6 && value.back() == ')') {
        const std::string code = value.substr(open + 2, 3);
        const auto word = verify::NormalizeCountryCode(value.substr(0, open));
        const auto coded = verify::NormalizeCountryCode(code);
        if (word.problem == verify::Problem::kNone && coded.problem == verify::Problem::kNone &&
            word.value == coded.value) {
          return code;
        }
      }
      return value;
    }
    case FieldName::kClubNumber:
      return DigitsForLookAlikes(std::move(value));
    case FieldName::kLicenceNumber: {
      // "3570355 1": a licence number ends with its letter (reference/fft-licence.md §1),
      // so a lone character after seven digits is that letter, and a digit there is the
      // letter it looks like (and ']' the J whose hook a bold sans-serif font squares, '$' a
      // serif S).
      static constexpr std::string_view kDigits = "012568]$", kLetters = "OIZSGBJS";
      // "1234567-A": the letter joined by a dash.
      if (value.size() == 9 && value[7] == '-' && CountDigits(value.substr(0, 7)) == 7 &&
          std::isupper(static_cast<unsigned char>(value[8]))) {
        value[7] = ' ';
      }
      // "1029384]", "1029384)": the J glued to the digits, its hook squared or rounded (a
      // digit there could be an eighth one).
      if (value.size() == 8 && (value[7] == ']' || value[7] == ')') &&
          CountDigits(value.substr(0, 7)) == 7) {
        value[7] = 'J';
      }
      // "7834894 À": the French model reads a lone capital with the accent French gives it
      // alone ("à"); the letter of a licence number is a plain capital.
      if (value.size() == 10 && value[7] == ' ' && CountDigits(value.substr(0, 7)) == 7) {
        static constexpr std::pair<std::string_view, char> kAccented[] = {
            {"\u00C0", 'A'}, {"\u00C2", 'A'}, {"\u00C9", 'E'}, {"\u00C8", 'E'}, {"\u00CA", 'E'},
            {"\u00CE", 'I'}, {"\u00D4", 'O'}, {"\u00D9", 'U'}, {"\u00DB", 'U'}, {"\u00C7", 'C'}};
        for (const auto& [accented, plain] : kAccented) {
          if (value.substr(8) == accented) {
            value = value.substr(0, 8) + plain;
            break;
          }
        }
      }
      // "30450628B": the letter read twice, first as the digit it looks like, where the
      // characters stand spaced (each in its box, "| 2 | B |"); seven digits are the number.
      static constexpr std::string_view kTwinLetters = "B8S5Z2G6O0I1F7T7A4";
      if (value.size() == 9 && CountDigits(value.substr(0, 8)) == 8 &&
          std::isupper(static_cast<unsigned char>(value[8]))) {
        for (size_t k = 0; k + 1 < kTwinLetters.size(); k += 2) {
          if (kTwinLetters[k] == value[8] && kTwinLetters[k + 1] == value[7]) {
            value.erase(7, 1);
            break;
          }
        }
      }
      const size_t at = kDigits.find(value.empty() ? ' ' : value.back());
      if (value.size() == 9 && value[7] == ' ' && CountDigits(value.substr(0, 7)) == 7 &&
          at != std::string_view::npos) {
        value.back() = kLetters[at];
      }
      return value;
    }
    case FieldName::kDocumentNumber: {
      // "P FRA  82BH70545": a passport's type and issuing state, the columns before its
      // number on the same row, read into it. The number is the last word, whole.
      const std::vector<std::string> words = SplitWords(value);
      if (words.size() < 2 || words.back().size() < 8) return value;
      for (size_t k = 0; k + 1 < words.size(); ++k) {
        const std::string& w = words[k];
        const bool type = w == "P" || w == "PP";
        const bool state =
            w.size() == 3 &&
            std::all_of(w.begin(), w.end(), [](char c) { return c >= 'A' && c <= 'Z'; }) &&
            verify::NormalizeCountryCode(w).problem == verify::Problem::kNone;
        if (!type && !state) return value;
      }
      return words.back();
    }
    case FieldName::kSurname:
      return GraveForMisreadDiaeresis(WithoutAeLigature(SpaceForAStop(
          ApostropheForADegree(BeforeAFieldsDash(WithoutLetterlessEnds(std::move(value)))))));
    case FieldName::kGivenNames:
      return GraveForMisreadDiaeresis(
          WithoutSexAfter(BeforeAFieldsDash(WithoutLetterlessEnds(std::move(value)))));
    case FieldName::kClubName:
      return GraveForMisreadDiaeresis(WithoutAeLigature(
          WithoutMisreadClubCaption(WithoutLetterlessEnds(std::move(value), /*trailing=*/false))));
    case FieldName::kAddress:
      return WithTownAccents(GraveForMisreadDiaeresis(WithoutAeLigature(std::move(value))));
    case FieldName::kSex: {
      // F printed alone, its foot-less twin E is what Tesseract sometimes reads; no
      // document writes E for a sex. Attestations spell it out.
      if (value == "E") return "F";
      const std::string word = NormalizeLabelText(value);
      // "H" / "F": Homme or Femme, as French forms abbreviate them.
      if (word == "masculin" || word == "masc" || word == "homme" || word == "h" ||
          word == "male" || word == "man") {
        return "M";
      }
      if (word == "feminin" || word == "fem" || word == "femme" || word == "female" ||
          word == "woman") {
        return "F";
      }
      return value;
    }
    case FieldName::kBirthPlace: {
      value = BeforeAFieldsDash(std::move(value));
      // "NANTES (FRANCE)", "NANTES, FRANCE": a town in France is named alone.
      for (std::string_view country : {" (FRANCE)", ", FRANCE", " - FRANCE", " (FRA)"}) {
        if (value.size() > country.size() + 1 &&
            NormalizeLabelText(value.substr(value.size() - country.size())) ==
                NormalizeLabelText(country)) {
          value.resize(value.size() - country.size());
          break;
        }
      }
      // "TOULON (83)": the department's number after the town is not part of its name.
      const size_t open = value.rfind(" (");
      if (open != std::string::npos && value.back() == ')' && value.size() - open <= 6 &&
          value.find_first_not_of("0123456789ABab", open + 2) == value.size() - 1) {
        value.resize(open);
      }
      return WithTownAccents(GraveForMisreadDiaeresis(std::move(value)));
    }
    case FieldName::kSeason: {
      // A sporting year runs 1 September - 31 August and is named after its end year:
      // "2025-2026" or "2025/2026" is season 2026.
      const std::string digits = DigitsForLookAlikes(value);
      if (digits.size() == 9 && (digits[4] == '-' || digits[4] == '/') &&
          digits.find_first_not_of("0123456789", 5) == std::string::npos &&
          digits.substr(0, 4).find_first_not_of("0123456789") == std::string::npos) {
        return digits.substr(5);
      }
      // Typeset or shortened: "2025 – 2026" (an en dash, spaced), "2025 / 2026",
      // "2025/26". Two consecutive years and nothing between them but a dash or a slash.
      std::string between = digits;
      std::erase_if(between, [](char c) { return c >= '0' && c <= '9'; });
      for (std::string_view dash : {"\u2013", "\u2014"}) {
        for (size_t at = between.find(dash); at != std::string::npos; at = between.find(dash)) {
          between.replace(at, dash.size(), "-");
        }
      }
      std::erase(between, ' ');
      const std::vector<std::string> years = DigitGroups(digits);
      if (years.size() == 2 && years[0].size() == 4 && (between == "-" || between == "/") &&
          std::isdigit(static_cast<unsigned char>(digits.front())) &&
          std::isdigit(static_cast<unsigned char>(digits.back()))) {
        const int first = std::atoi(years[0].c_str());
        const int second = std::atoi(years[1].c_str());
        if ((years[1].size() == 4 && second == first + 1) ||
            (years[1].size() == 2 && second == (first + 1) % 100)) {
          return std::to_string(first + 1);
        }
      }
      // "25/26": both years shortened, this century's.
      if (years.size() == 2 && years[0].size() == 2 && years[1].size() == 2 && digits.size() == 5 &&
          (between == "-" || between == "/")) {
        const int first = std::atoi(years[0].c_str());
        const int second = std::atoi(years[1].c_str());
        if (second == (first + 1) % 100) return std::to_string(2000 + second);
      }
      return value;
    }
    default:
      return value;
  }
}

// ---- the value's own form ------------------------------------------------------------

bool IsDate(std::string_view value) {
  const std::vector<std::string> g = DigitGroups(value);
  const std::string words = NormalizeLabelText(value);
  int letters = CountLetters(words);
  auto in = [](const std::string& d, int lo, int hi) {
    const int v = std::atoi(d.c_str());
    return v >= lo && v <= hi;
  };
  if (g.size() == 3 && letters == 0) {
    if (g[0].size() <= 2 && g[1].size() <= 2 && g[2].size() == 4) {
      return in(g[0], 1, 31) && in(g[1], 1, 12) && in(g[2], 1900, 2100);
    }
    if (g[0].size() == 4 && g[1].size() <= 2 && g[2].size() <= 2) {
      return in(g[0], 1900, 2100) && in(g[1], 1, 12) && in(g[2], 1, 31);
    }
    return false;
  }
  if (g.size() == 2 && g[0].size() <= 2 && (g[1].size() == 4 || g[1].size() == 2) && letters >= 3) {
    // Every word a month's name or its abbreviation (three letters at least), in French
    // or English; "JUIN/JUN" on a bilingual page, its '/' maybe read as a letter ("23 APR
    // R AVR 12"). Any other word is the sentence the date stands in ("24 décembre 1955,
    // est titulaire").
    static const std::string_view kMonths[] = {
        "janvier", "fevrier",  "mars",      "avril",   "mai",      "juin",
        "juillet", "aout",     "septembre", "octobre", "novembre", "decembre",
        "january", "february", "march",     "april",   "may",      "june",
        "july",    "august",   "september", "october", "november", "december"};
    int months = 0;
    bool lone_letter = false;  // after a month, not yet followed by another
    size_t start = 0;
    while (start < words.size()) {
      size_t end = words.find_first_of(" /:()", start);
      if (end == std::string::npos) end = words.size();
      const std::string_view w = std::string_view(words).substr(start, end - start);
      start = end + 1;
      if (w.empty() || CountLetters(w) == 0 || w == "1er") continue;
      if (w.size() == 1 && CountLetters(w) == 1 && months == 1 && !lone_letter) {
        lone_letter = true;
        continue;
      }
      if (CountLetters(w) != static_cast<int>(w.size()) || w.size() < 3) return false;
      const bool month =
          std::any_of(std::begin(kMonths), std::end(kMonths),
                      [&](std::string_view m) { return m.substr(0, w.size()) == w; });
      if (!month) return false;
      ++months;
    }
    if (lone_letter && months != 2) return false;
    // Two digits only after a month named in two languages, as an ICAO page prints it: a
    // year cut short by a photo's edge or a misread ("13 JUIL. 19") is no date.
    if (g[1].size() == 2 && months != 2) return false;
    return months > 0 && in(g[0], 1, 31) && (g[1].size() == 2 || in(g[1], 1900, 2100));
  }
  return false;
}

namespace {

// Letters, spaces, hyphens, apostrophes, commas and dots only: a name, a nationality.
bool IsWords(std::string_view utf8) {
  if (CountLetters(utf8) == 0) return false;
  for (char c : utf8) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (u >= 0x80 || std::isalpha(u)) continue;
    if (c != ' ' && c != '-' && c != '\'' && c != ',' && c != '.') return false;
  }
  return true;
}

}  // namespace

std::string SlashForAOne(std::string figures) {
  if (figures.size() < 3 || figures.size() > 5 || IsRanking(figures)) return figures;
  const size_t first = figures[0] == '-' ? 1 : 0;
  if (CountDigits(figures) != static_cast<int>(figures.size() - first)) return figures;
  std::string found;
  for (size_t at = first + 1; at + 1 < figures.size(); ++at) {
    if (figures[at] != '1') continue;
    std::string slashed = figures;
    slashed[at] = '/';
    if (!IsRanking(slashed)) continue;
    if (!found.empty()) return figures;  // two readings: neither is sure
    found = std::move(slashed);
  }
  return found.empty() ? figures : found;
}

std::string FrenchPassportNumberByPlace(std::string number) {
  if (number.size() != 9) return number;
  static constexpr std::string_view kLooksLikeDigit = "OQDILZASGTB", kItsDigit = "00011245678";
  static constexpr std::string_view kLooksLikeLetter = "01245678", kItsLetter = "OIZASGTB";
  std::string mended = number;
  for (size_t k = 0; k < mended.size(); ++k) {
    const bool letter_place = k == 2 || k == 3;
    char& c = mended[k];
    if (letter_place) {
      if (const size_t at = kLooksLikeLetter.find(c); at != std::string_view::npos) {
        c = kItsLetter[at];
      }
      if (c < 'A' || c > 'Z') return number;
    } else {
      if (const size_t at = kLooksLikeDigit.find(c); at != std::string_view::npos) {
        c = kItsDigit[at];
      }
      if (c < '0' || c > '9') return number;
    }
  }
  return mended;
}

bool IsRanking(std::string_view value) {
  std::string v;
  for (char c : value) {
    if (c != ' ') v += c;
  }
  // The minus sign as typeset (U+2212) or as a dash.
  for (std::string_view dash : {"\u2212", "\u2013"}) {
    if (v.rfind(dash, 0) == 0) v = "-" + v.substr(dash.size());
  }
  // Non classé, and non déterminé (a returning player, reference/fft-licence.md §3).
  if (v == "NC" || v == "nc" || v == "ND") return true;
  const std::string norm = NormalizeLabelText(value);
  if ((norm.rfind("no", 0) == 0 || norm.rfind("n ", 0) == 0 || norm.rfind("top", 0) == 0) &&
      CountDigits(norm) > 0 && CountDigits(norm) <= 4) {
    return true;
  }
  // The ladder's steps (the federation's memo): 40/2 ... 30/1, 30, 15/5 ... 15/1, 15,
  // 5/6 ... 1/6, 0, -2/6, -4/6, -15, and the older -30. Any other number with a slash
  // ("39/4", a misread "30/4") is no ranking.
  static const std::set<std::string, std::less<>> kSteps = {
      "40/2", "40/1", "40",   "30/5", "30/4", "30/3", "30/2", "30/1", "30",
      "15/5", "15/4", "15/3", "15/2", "15/1", "15",   "5/6",  "4/6",  "3/6",
      "2/6",  "1/6",  "0",    "-2/6", "-4/6", "-15",  "-30"};
  return kSteps.count(v) > 0;
}

bool HasCapitalisedWord(std::string_view value) {
  for (const auto& word : SplitWords(value)) {
    const auto c = static_cast<unsigned char>(word[0]);
    if (c >= 'A' && c <= 'Z') return true;
    if (c == 0xC3 && word.size() > 1) {
      const auto next = static_cast<unsigned char>(word[1]);
      if (next >= 0x80 && next <= 0x9E && next != 0x97) return true;  // U+00C0-U+00DE, not ×
    }
  }
  return false;
}

bool FitsForm(FieldName field, std::string_view value) {
  switch (field) {
    case FieldName::kBirthDate:
    case FieldName::kIssueDate:
    case FieldName::kExpiryDate:
      return IsDate(value);
    case FieldName::kSex:
      return value == "M" || value == "F" || value == "X" || value == "M/M" || value == "F/F";
    case FieldName::kNationality:
      // A country's code or the French word for the holder's nationality, as verification
      // reads it: anything else ("M FRA" with the sex glued on, a misread caption) is
      // another column's or another line's text.
      return verify::NormalizeCountryCode(value).problem == verify::Problem::kNone;
    case FieldName::kSurname:
    case FieldName::kGivenNames:
      // A lone letter is a speck or an initial read out of its line, not a name; nor are
      // words all in lower case ("le" of "Né(e) le"): a name is printed capitalised or
      // in capitals, lower case only in its particles ("de", "le"). Nor the document's
      // own title ("FRANÇAISE CARTE NATIONALE D'IDENTITÉ", a heading over the name).
      return IsWords(value) && CountLetters(value) >= 2 && HasCapitalisedWord(value) &&
             !HoldsADocumentTitleWord(value);
    case FieldName::kSeason: {
      const std::vector<std::string> g = DigitGroups(value);
      return g.size() == 1 && g[0].size() == 4 && value.size() == 4 &&
             std::atoi(g[0].c_str()) >= 1990 && std::atoi(g[0].c_str()) <= 2100;
    }
    case FieldName::kRanking:
      return IsRanking(value);
    case FieldName::kLicenceNumber:
    case FieldName::kClubNumber:
    case FieldName::kDocumentNumber: {
      int alnum = 0;
      for (char c : value) {
        if (std::isalnum(static_cast<unsigned char>(c))) {
          ++alnum;
        } else if (c != ' ') {
          return false;
        }
      }
      if (field != FieldName::kDocumentNumber) {
        // A licence or club number is digits, perhaps with a letter ("1234567 A"); a
        // word after it is the sentence it stands in ("n° 1234567 A pour la saison").
        for (const std::string& word : SplitWords(value)) {
          if (word.size() >= 2 && CountDigits(word) == 0) return false;
        }
        return CountDigits(value) >= 4 && alnum <= 14;
      }
      // A 2021 card's number is 9 letters or digits, possibly no digit at all; other
      // documents' carry digits. A word of a name ("GARNIER") is neither. Documents print
      // their numbers in capitals: a small letter is a misread ("SaNC26Jau" for
      // "S3NC26J9U", a rosette behind it).
      const bool small_letter = std::any_of(value.begin(), value.end(), [](char c) {
        return std::islower(static_cast<unsigned char>(c));
      });
      return !small_letter && alnum >= 6 && alnum <= 14 && (CountDigits(value) >= 1 || alnum == 9);
    }
    case FieldName::kBirthPlace: {
      // "PARIS 15E (75)" has digits, but no year.
      const std::vector<std::string> g = DigitGroups(value);
      return CountLetters(value) >= 2 && verify::IsPlaceForm(value) &&
             std::none_of(g.begin(), g.end(), [](const std::string& d) { return d.size() >= 4; });
    }
    case FieldName::kClubName: {
      // A club's name is a few words; a sentence ("Fait à Paris, le 6 octobre 2026,
      // pour servir et valoir ce que de droit.") is the text below a table's last row.
      // Nor a caption's number sign ("N° cus": "N° DE CLUB" in small capitals misread).
      // A name starts with a capital: "est titulaire d'une" is the sentence around it.
      const auto words = std::count(value.begin(), value.end(), ' ') + 1;
      return CountLetters(value) >= 2 && !IsDate(value) && words <= 8 &&
             !std::islower(static_cast<unsigned char>(value.front())) &&
             value.find(", ") == std::string_view::npos &&
             value.find("\u00b0") == std::string_view::npos &&
             value.find("\u00ba") == std::string_view::npos;
    }
    case FieldName::kAddress:
      return CountLetters(value) >= 2 && !IsDate(value);
    default:
      return !value.empty();
  }
}

bool HasStrictForm(FieldName field) {
  switch (field) {
    case FieldName::kBirthDate:
    case FieldName::kIssueDate:
    case FieldName::kExpiryDate:
    case FieldName::kSex:
    case FieldName::kDocumentNumber:
    case FieldName::kLicenceNumber:
    case FieldName::kClubNumber:
    case FieldName::kRanking:
    case FieldName::kSeason:
    case FieldName::kNationality:
      return true;
    default:
      return false;
  }
}

// ---- the parts of a value ------------------------------------------------------------

std::string Trim(std::string s) {
  static constexpr std::string_view kAscii = " \t\r\n:;|_-";
  static constexpr std::string_view kWide[] = {"\u2014", "\u2013", "\u2026"};  // — – …
  auto wide_at = [&](size_t pos) -> size_t {
    for (std::string_view w : kWide) {
      if (s.compare(pos, w.size(), w) == 0) return w.size();
    }
    return 0;
  };
  size_t b = 0;
  while (b < s.size()) {
    // Dots lead no value: they are a leader ("Prénoms .... ANAËLLE").
    if (kAscii.find(s[b]) != std::string_view::npos || s[b] == '.') {
      ++b;
    } else if (size_t n = wide_at(b)) {
      b += n;
    } else {
      break;
    }
  }
  if (b == s.size()) return "";
  // A minus before digits is the value's own: ranking "-2/6".
  if (b > 0 && s[b - 1] == '-' && std::isdigit(static_cast<unsigned char>(s[b]))) --b;
  size_t e = s.size();
  while (e > b) {
    if (kAscii.find(s[e - 1]) != std::string_view::npos && s[e - 1] != '-') {
      --e;
      continue;
    }
    bool cut = false;
    for (std::string_view w : kWide) {
      if (e - b >= w.size() && s.compare(e - w.size(), w.size(), w) == 0) {
        e -= w.size();
        cut = true;
        break;
      }
    }
    if (!cut) break;
  }
  return s.substr(b, e - b);
}

bool IsAWholeLicenceNumber(std::string_view value) {
  const size_t letter = value.size() == 9 && value[7] == ' ' ? 8 : 7;
  return value.size() == letter + 1 && CountDigits(value.substr(0, 7)) == 7 &&
         std::isupper(static_cast<unsigned char>(value[letter]));
}

std::optional<std::pair<std::string, std::string>> NameAndBracketedNumber(std::string_view text) {
  const size_t open = text.rfind(" (");
  if (open == std::string_view::npos || text.empty() || text.back() != ')') return std::nullopt;
  std::string number = NormalizeLabelText(text.substr(open + 2, text.size() - open - 3));
  for (std::string_view sign : {"no", "n"}) {  // "(n° 45526434)", "(N°45526434)"
    if (number.starts_with(sign)) {
      number.erase(0, sign.size());
      break;
    }
  }
  std::erase_if(number, [](char c) { return c == ' ' || c == ':'; });
  if (number.size() < 5 || number.size() > 10 ||
      !std::all_of(number.begin(), number.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return std::nullopt;
  }
  return std::make_pair(std::string(text.substr(0, open)), std::move(number));
}

std::optional<std::pair<std::string, std::string>> ClubNameAndNumber(std::string_view text) {
  if (auto split = NameAndBracketedNumber(text)) return split;
  auto number_of = [](std::string_view part) -> std::optional<std::string> {
    std::string digits(part);
    std::erase(digits, ' ');
    if (digits.size() < 5 || digits.size() > 10 ||
        CountDigits(digits) != static_cast<int>(digits.size())) {
      return std::nullopt;
    }
    return digits;
  };
  for (std::string_view dash : {" - ", " \u2013 ", " \u2014 "}) {
    const size_t at = text.find(dash);
    if (at == std::string_view::npos || text.find(dash, at + 1) != std::string_view::npos) {
      continue;
    }
    const std::string left = Trim(std::string(text.substr(0, at)));
    const std::string right = Trim(std::string(text.substr(at + dash.size())));
    if (auto number = number_of(right); number && CountDigits(left) == 0 && !left.empty()) {
      return std::make_pair(left, std::move(*number));
    }
    if (auto number = number_of(left); number && CountDigits(right) == 0 && !right.empty()) {
      return std::make_pair(right, std::move(*number));
    }
  }
  return std::nullopt;
}

bool IsAClubNameWord(std::string_view norm) {
  for (std::string_view w :
       {"tennis", "club", "tc", "padel", "sport", "sports", "sportif", "sportive", "association",
        "as", "us", "asptt", "stade", "racing", "cercle"}) {
    if (norm == w) return true;
  }
  return false;
}

bool IsAClubWord(std::string_view norm) {
  if (IsAClubNameWord(norm)) return true;
  for (std::string_view w : {"ligue", "comite", "federation", "fft", "licence", "license",
                             "attestation", "saison", "season"}) {
    if (norm == w) return true;
  }
  return false;
}

bool IsASexWord(std::string_view norm) {
  for (std::string_view w : {"homme", "femme", "masculin", "feminin", "monsieur", "madame",
                             "messieurs", "dames", "male", "female"}) {
    if (norm == w) return true;
  }
  return false;
}

namespace {

// A name's words: `text` split at spaces, commas ending a word dropped (commas part given
// names, "CAMILLE, ANAËLLE"; one read after the last name is a speck).
std::vector<std::string> NameWords(std::string_view text) {
  std::vector<std::string> words;
  for (std::string w : SplitWords(text)) {
    while (!w.empty() && w.back() == ',') w.pop_back();
    if (!w.empty()) words.push_back(std::move(w));
  }
  return words;
}

// `words` parted into exactly two runs of `kinds` (one kind a word, the same in each run):
// (the run of `given_kind`, the other), each run's words joined by spaces; nullopt when
// the kinds make one run, or more than two.
template <typename Kind>
std::optional<std::pair<std::string, std::string>> TwoRuns(const std::vector<std::string>& words,
                                                           const std::vector<Kind>& kinds,
                                                           Kind given_kind) {
  size_t split = 1;
  while (split < kinds.size() && kinds[split] == kinds[0]) ++split;
  if (split >= kinds.size()) return std::nullopt;
  for (size_t k = split; k < kinds.size(); ++k) {
    if (kinds[k] == kinds[0]) return std::nullopt;
  }
  auto join = [&](size_t from, size_t to) {
    std::string out;
    for (size_t k = from; k < to; ++k) out += (out.empty() ? "" : " ") + words[k];
    return out;
  };
  if (kinds[0] == given_kind) return std::make_pair(join(0, split), join(split, words.size()));
  return std::make_pair(join(split, words.size()), join(0, split));
}

}  // namespace

bool IsANoNameWord(std::string_view norm) {
  static constexpr std::string_view kNoNames[] = {
      "bonjour",    "bonsoir",      "bienvenue",  "salut",    "hello",      "mon",
      "ma",         "mes",          "votre",      "joueur",   "joueuse",    "membre",
      "profil",     "compte",       "carte",      "senior",   "junior",     "veteran",
      "capitaine",  "equipe",       "saison",     "licencie", "licenciee",  "monsieur",
      "madame",     "mademoiselle", "mme",        "mlle",     "accueil",    "menu",
      "tournois",   "reglages",     "parametres", "palmares", "actualites", "notifications",
      "deconnexion"};
  return std::find(std::begin(kNoNames), std::end(kNoNames), norm) != std::end(kNoNames);
}

std::optional<std::pair<std::string, std::string>> AsGivenNamesAndSurname(std::string_view text) {
  const std::vector<std::string> words = NameWords(text);
  if (words.size() < 2 || words.size() > 6) return std::nullopt;
  std::vector<WordCase> cases;
  for (const auto& w : words) {
    const WordCase c = CaseOf(w);
    const std::string norm = NormalizeLabelText(w);
    if (c == WordCase::kOther || IsAClubWord(norm) || IsASexWord(norm) || IsOnlyALabel(w) ||
        IsANoNameWord(norm)) {
      return std::nullopt;
    }
    cases.push_back(c);
  }
  return TwoRuns(words, cases, WordCase::kCapitalised);
}

std::optional<std::pair<std::string, std::string>> NameByItsGivenNames(std::string_view text) {
  static constexpr std::string_view kParticles[] = {"le", "la",  "de",  "du", "da",  "des", "d",
                                                    "l",  "van", "von", "di", "del", "dos"};
  const std::vector<std::string> words = NameWords(text);
  if (words.size() < 2 || words.size() > 5) return std::nullopt;
  // Each word: a listed given name (true) or a surname's (false).
  std::vector<bool> given;
  bool a_surname_word = false;  // one of the surname's run that is no particle
  for (const auto& w : words) {
    const std::string norm = NormalizeLabelText(w);
    const bool particle =
        std::find(std::begin(kParticles), std::end(kParticles), norm) != std::end(kParticles);
    if (IsAClubWord(norm) || IsASexWord(norm) || IsOnlyALabel(w) || IsANoNameWord(norm)) {
      return std::nullopt;
    }
    if (!particle && CaseOf(w) != WordCase::kCapitalised) return std::nullopt;
    const bool listed = !particle && IsAFrenchGivenName(w);
    a_surname_word = a_surname_word || (!particle && !listed);
    given.push_back(listed);
  }
  if (!a_surname_word) return std::nullopt;
  return TwoRuns(words, given, true);
}

}  // namespace jae::local
