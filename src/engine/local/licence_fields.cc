#include "engine/local/licence_fields.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <iterator>
#include <limits>
#include <optional>
#include <string>
#include <utility>

#include "engine/local/caption_table.h"
#include "engine/local/given_names.h"
#include "engine/local/ocr_text.h"
#include "engine/local/unlabelled_fields.h"
#include "engine/local/value_forms.h"
#include "verify/normalize.h"

namespace jae::local {

namespace {

// `line`'s text parted where its words stand apart by twice their median height at least
// (the holder's name on a card's band and, far right, its "Licence 2023"); the whole text
// when its words are not known.
std::vector<std::string> ColumnTexts(const OcrLine& line) {
  if (line.words.size() < 2) return {line.text};
  std::vector<int> heights;
  for (const OcrWord& w : line.words) heights.push_back(w.box.height);
  std::nth_element(heights.begin(), heights.begin() + heights.size() / 2, heights.end());
  const int gap = 2 * std::max(1, heights[heights.size() / 2]);
  std::vector<std::string> columns;
  for (size_t k = 0; k < line.words.size(); ++k) {
    if (k == 0 || line.words[k].box.x - line.words[k - 1].box.br().x >= gap) columns.emplace_back();
    columns.back() += (columns.back().empty() ? "" : " ") + line.words[k].text;
  }
  return columns;
}

// `word` without the brackets and bars at its ends: a chip's or badge's rounded ends, or a
// box's edge, read as characters ("[NC", "15/2)").
std::string WithoutBracketEnds(std::string word) {
  constexpr std::string_view kBrackets = "[](){}|";
  while (!word.empty() && kBrackets.find(word.front()) != std::string_view::npos) word.erase(0, 1);
  while (!word.empty() && kBrackets.find(word.back()) != std::string_view::npos) word.pop_back();
  return word;
}

}  // namespace

std::optional<Field> SeasonOfALicenceHeading(const std::vector<OcrLine>& lines) {
  for (const auto& line : lines) {
    const std::vector<std::string> columns = ColumnTexts(line);
    for (size_t c = 0; c < columns.size(); ++c) {
      const std::vector<std::string> words = SplitWords(columns[c]);
      // The heading's words before "Licence": a title's ("ATTESTATION DE LICENCE 2026", "Ma
      // licence 2026", "FFT · Licence 2026"), never a caption's ("N° de licence 2026…" is a
      // number).
      std::optional<size_t> at;
      for (size_t k = 0; k < words.size() && k <= 3 && !at; ++k) {
        const std::string norm = NormalizeLabelText(words[k]);
        if (norm == "licence" || norm == "license") {
          at = k;
        } else if (norm != "attestation" && norm != "de" && norm != "ma" && norm != "votre" &&
                   norm != "carte" && norm != "fft" && CountLetters(norm) + CountDigits(norm) > 0) {
          break;  // a ':' or '·' between the title's words is no word
        }
      }
      if (!at) continue;
      // The raw text after the word (the normalised one lost the '-' of "2023-2024"), or
      // after the federation's name.
      for (size_t from = *at + 1; from < words.size() && from <= *at + 2; ++from) {
        if (from == *at + 2 && NormalizeLabelText(words[*at + 1]) != "fft") break;
        std::string rest;
        for (size_t k = from; k < words.size(); ++k) rest += (rest.empty() ? "" : " ") + words[k];
        std::string value = RepairValue(FieldName::kSeason, rest);
        if (FitsForm(FieldName::kSeason, value)) {
          return Field{std::move(value), line.confidence, FieldSource::kVisual};
        }
      }
      // A title that ends with its word ("Ma licence") and the season in a pill far right
      // of it on its line ("(2024)", "(Saison 2025)": the pill's ends read as brackets).
      if (*at + 1 == words.size() && c + 1 < columns.size()) {
        std::vector<std::string> pill;
        for (const std::string& w : SplitWords(columns[c + 1])) {
          std::string bare = WithoutBracketEnds(w);
          if (!bare.empty()) pill.push_back(std::move(bare));
        }
        if (!pill.empty() && (NormalizeLabelText(pill.front()) == "saison" ||
                              NormalizeLabelText(pill.front()) == "season")) {
          pill.erase(pill.begin());
        }
        std::string rest;
        for (const std::string& w : pill) rest += (rest.empty() ? "" : " ") + w;
        std::string value = RepairValue(FieldName::kSeason, rest);
        if (!rest.empty() && FitsForm(FieldName::kSeason, value)) {
          return Field{std::move(value), line.confidence, FieldSource::kVisual};
        }
      }
    }
  }
  return std::nullopt;
}

namespace {

// The name after a civility in the text of `lines` read as one paragraph (a name may
// wrap), up to the comma or parenthesis that ends it; with the sex the civility says.
// Whether capitals `a` and `b` are one another's look-alikes, as OCR misreads a disc's
// letters ("IA" read "JA").
bool LookAlikeCapitals(char a, char b) {
  static constexpr std::pair<char, char> kLookAlikes[] = {{'I', 'J'}, {'I', 'L'}, {'O', 'D'},
                                                          {'O', 'Q'}, {'C', 'G'}, {'E', 'F'}};
  return std::any_of(
      std::begin(kLookAlikes), std::end(kLookAlikes), [&](const std::pair<char, char>& pair) {
        return (pair.first == a && pair.second == b) || (pair.second == a && pair.first == b);
      });
}

// Whether `read` is `initials` as OCR reads capitals: alike, or one letter taken for its
// look-alike (an avatar's "IA" read "JA").
bool ReadAsInitials(const std::string& read, const std::string& initials) {
  if (read.size() != initials.size()) return false;
  int slips = 0;
  for (size_t k = 0; k < read.size(); ++k) {
    if (read[k] == initials[k]) continue;
    const bool look_alike = LookAlikeCapitals(read[k], initials[k]);
    if (!look_alike) return false;
    ++slips;
  }
  return slips <= 1;
}

// `text` without a word of two or three capitals that are the initials of its other
// words, in order (an avatar's "HC" beside "Hugo" / "CHEVALIER"), one of them perhaps
// misread as its look-alike ("JA" beside "Inès Arnaud").
std::string WithoutInitials(const std::string& text) {
  const std::vector<std::string> words = SplitWords(text);
  for (size_t k = 0; k < words.size(); ++k) {
    const std::string& w = words[k];
    if (w.size() < 2 || w.size() > 3 || CountLetters(w) != static_cast<int>(w.size()) ||
        !std::all_of(w.begin(), w.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
      continue;
    }
    std::string initials;
    for (size_t j = 0; j < words.size(); ++j) {
      if (j != k)
        initials += static_cast<char>(std::toupper(static_cast<unsigned char>(words[j][0])));
    }
    if (!ReadAsInitials(w, initials)) continue;
    std::string out;
    for (size_t j = 0; j < words.size(); ++j) {
      if (j != k) out += (out.empty() ? "" : " ") + words[j];
    }
    return out;
  }
  return text;
}

// A line of `words` (at least one): their texts joined by spaces, their boxes' union.
OcrLine LineOf(std::vector<OcrWord> words, double confidence) {
  OcrLine line{"", words.front().box, confidence, std::move(words)};
  for (const auto& word : line.words) {
    line.text += (line.text.empty() ? "" : " ") + word.text;
    line.box |= word.box;
  }
  return line;
}

// `line` without an avatar's initials at its start: a disc of two or three capitals
// ("AB") beside a name set on two lines is read into the lower line, taller than its words
// or off their line, and the two lines then no longer look like one heading's.
OcrLine WithoutAvatar(const OcrLine& line) {
  if (line.words.size() < 2) return line;
  const OcrWord& first = line.words.front();
  const std::string& w = first.text;
  const bool capitals =
      w.size() >= 2 && w.size() <= 3 &&
      std::all_of(w.begin(), w.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
  if (!capitals) return line;
  const OcrLine rest = LineOf({line.words.begin() + 1, line.words.end()}, line.confidence);
  // Taller than the words, or standing off their line (the disc spans both name lines).
  const int centre_offset =
      std::abs((first.box.y * 2 + first.box.height) - (rest.box.y * 2 + rest.box.height));
  if (first.box.height * 10 < rest.box.height * 13 && centre_offset <= rest.box.height) return line;
  return rest;
}

// `words` (left to right, at least one) parted into columns at gaps wider than twice the
// tallest word: what FirstColumn and NamedLaterColumns take apart.
std::vector<std::vector<OcrWord>> PartedAtColumnGaps(const std::vector<OcrWord>& words) {
  int height = 0;
  for (const OcrWord& w : words) height = std::max(height, w.box.height);
  std::vector<std::vector<OcrWord>> columns(1);
  for (size_t k = 0; k < words.size(); ++k) {
    if (k > 0 && words[k].box.x - words[k - 1].box.br().x > 2 * height) columns.emplace_back();
    columns.back().push_back(words[k]);
  }
  return columns;
}

// The words of `line` up to its first column gap (wider than twice the words' height),
// marks without a letter or digit left out; nullopt when that is the whole line. A heading
// may share its line with another column's text: a tag on the same band ("Odile BOYER" and
// "Licence 2027" read as "Odile BOYER , eus").
std::optional<OcrLine> FirstColumn(const OcrLine& line) {
  std::vector<OcrWord> words;
  for (const OcrWord& w : line.words) {
    if (std::any_of(w.text.begin(), w.text.end(),
                    [](unsigned char c) { return std::isalnum(c) || c >= 0x80; })) {
      words.push_back(w);
    }
  }
  if (words.size() < 2) return std::nullopt;
  const std::vector<std::vector<OcrWord>> columns = PartedAtColumnGaps(words);
  if (columns.size() < 2) return std::nullopt;
  // Taken apart from its line, a name is held to its letters: a word with a digit or a
  // Latin-1 symbol ('®', '©', '°': bytes C2 xx) is a misread ("BLANCHA®"), not a name.
  const auto misread = [](const OcrWord& w) {
    return std::any_of(w.text.begin(), w.text.end(), [](char c) {
      return std::isdigit(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) == 0xC2;
    });
  };
  if (std::any_of(columns.front().begin(), columns.front().end(), misread)) return std::nullopt;
  return LineOf(columns.front(), line.confidence);
}

// The columns of `line` after its first (parted as FirstColumn parts it) that read as a
// name whose given names start with a listed French given name, each word read surely
// (confidence 0.6 at least): a tablet's split view sets its menu left of the holder's name
// ("Accueil" beside "Maëlys HOARAU"). Apart from its line nothing vouches for such a column,
// so it must be a name by its own words ("Normandie" beside "TPE Loisir" is none).
std::vector<OcrLine> NamedLaterColumns(const OcrLine& line) {
  const std::vector<std::vector<OcrWord>> columns = PartedAtColumnGaps(line.words);
  std::vector<OcrLine> named;
  for (size_t k = 1; k < columns.size(); ++k) {
    const std::vector<OcrWord>& words = columns[k];
    constexpr double kSure = 0.6;
    if (words.size() < 2 || std::any_of(words.begin(), words.end(),
                                        [&](const OcrWord& w) { return w.confidence < kSure; })) {
      continue;
    }
    OcrLine column = LineOf(words, line.confidence);
    const auto name = AsGivenNamesAndSurname(column.text);
    const std::vector<std::string> given =
        name ? SplitWords(name->first) : std::vector<std::string>();
    if (given.empty() || !IsAFrenchGivenName(given.front())) continue;
    named.push_back(std::move(column));
  }
  return named;
}

// The civilities a letter or an attestation puts before a name, and the sex each names.
constexpr std::pair<std::string_view, std::string_view> kCivilities[] = {
    {"Monsieur", "M"}, {"Madame", "F"}, {"Mademoiselle", "F"}, {"M.", "M"},
    {"Mme", "F"},      {"Mme.", "F"},   {"Mlle", "F"}};

struct CivilName {
  std::pair<std::string, std::string> name;  // given names, surname
  std::string sex;
  double confidence = 0;  // the line's where the civility stands
};

std::optional<CivilName> NameAfterCivility(const std::vector<OcrLine>& lines) {
  std::string text;
  std::vector<size_t> starts;  // where each line starts in `text`
  for (const auto& line : lines) {
    if (!text.empty()) text += ' ';
    starts.push_back(text.size());
    text += line.text;
  }
  for (const auto& [word, sex] : kCivilities) {
    const std::string civility = std::string(word) + " ";
    for (size_t at = text.find(civility); at != std::string::npos;
         at = text.find(civility, at + 1)) {
      if (at > 0 && text[at - 1] != ' ') continue;
      const size_t from = at + civility.size();
      const size_t line = static_cast<size_t>(std::upper_bound(starts.begin(), starts.end(), at) -
                                              starts.begin() - 1);
      std::vector<size_t> ends;
      if (size_t end = text.find_first_of(",(", from); end != std::string::npos)
        ends.push_back(end);
      // A heading that starts with the civility ("M. Victor Yanis PERRIN" over an app's
      // screen, perhaps after an avatar read as a symbol): the name is the rest of its line.
      if (CountLetters(text.substr(starts[line], at - starts[line])) == 0 &&
          CountDigits(text.substr(starts[line], at - starts[line])) == 0) {
        ends.push_back(line + 1 < starts.size() ? starts[line + 1] - 1 : text.size());
      }
      for (size_t end : ends) {
        if (end <= from || end - from > 80) continue;
        if (auto name = AsGivenNamesAndSurname(text.substr(from, end - from))) {
          return CivilName{std::move(*name), std::string(sex), lines[line].confidence};
        }
      }
    }
  }
  return std::nullopt;
}

}  // namespace

// `word` in capitals, Latin-1 letters included ("Lefèvre" -> "LEFÈVRE").
std::string InCapitals(std::string_view word) {
  std::string out(word);
  for (size_t i = 0; i < out.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(out[i]);
    if (c < 0x80) {
      out[i] = static_cast<char>(std::toupper(c));
    } else if (c == 0xC3 && i + 1 < out.size()) {
      const unsigned char d = static_cast<unsigned char>(out[i + 1]);
      if (d >= 0xA0 && d <= 0xBE && d != 0xB7) out[i + 1] = static_cast<char>(d - 0x20);
      ++i;
    }
  }
  return out;
}

// A name in mixed case, given names first: (given names, surname in capitals). A particle
// before the last word belongs to the surname ("Sarah Le Bris" -> "LE BRIS").
std::pair<std::string, std::string> GivenNamesThenSurname(const std::vector<std::string>& words) {
  static constexpr std::string_view kParticles[] = {"le",  "la",  "de", "du",  "da", "des",
                                                    "van", "von", "di", "del", "dos"};
  size_t surname = words.size() - 1;
  if (words.size() >= 3) {
    const std::string before = NormalizeLabelText(words[surname - 1]);
    if (std::find(std::begin(kParticles), std::end(kParticles), before) != std::end(kParticles)) {
      --surname;
    }
  }
  std::string given, last;
  for (size_t k = 0; k < words.size(); ++k) {
    std::string& part = k < surname ? given : last;
    part += (part.empty() ? "" : " ") + (k < surname ? words[k] : InCapitals(words[k]));
  }
  return {given, last};
}

// An app's header: the avatar's initials, then the holder's name in mixed case, given
// names first ("HL  Hugo Lefèvre"; the disc's letters read with one slip, "HD", or its first
// letter as a look-alike, "JA  Inès Arnaud"). Without the initials two capitalised words may
// be anything ("Licence Valide"); with them they are the name the initials abbreviate.
std::optional<std::pair<std::string, std::string>> NameBesideInitials(std::string_view text) {
  std::vector<std::string> words = SplitWords(text);
  if (words.size() < 3 || words.size() > 5) return std::nullopt;
  // The disc: the first given name's initial and the surname's ("RB" for "Rémi Sébastien
  // Boyer"), or every name's. Its round edge may be read as a bracket and its letters in
  // lower case ("MP)", "sp"): then both letters must be the names' initials.
  std::string read_disc = words.front();
  // Its rim read as an accented letter after the initials ("JNà", the French model's lone
  // "à"): one character beyond ASCII at its end, taken as the bracket is.
  size_t last = read_disc.size();
  while (last > 0 && (static_cast<unsigned char>(read_disc[last - 1]) & 0xC0) == 0x80) --last;
  const bool accented_rim = last >= 3 && last < read_disc.size() &&
                            static_cast<unsigned char>(read_disc[last - 1]) >= 0xC0;
  if (accented_rim) read_disc = read_disc.substr(0, last - 1) + ")";
  std::string disc;
  for (char c : read_disc) {
    if (std::isalpha(static_cast<unsigned char>(c))) {
      disc += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    } else if (c != ')' && c != '(' && c != '|') {
      return std::nullopt;
    }
  }
  const size_t names = words.size() - 1;
  if ((disc.size() != 2 && disc.size() != names) || read_disc.size() > disc.size() + 1) {
    return std::nullopt;
  }
  for (size_t k = 1; k < words.size(); ++k) {
    if (CaseOf(words[k]) != WordCase::kCapitalised || IsAClubWord(NormalizeLabelText(words[k]))) {
      return std::nullopt;
    }
  }
  // The surname's letter may be a slip; the first name's only a look-alike ("JA" for
  // "Inès Arnaud"), and then the surname's must be right.
  const bool first_alike = words[1][0] == disc[0] ||
                           (disc == read_disc && disc.size() == 2 &&
                            LookAlikeCapitals(disc[0], words[1][0]) && words.back()[0] == disc[1]);
  if (!first_alike) return std::nullopt;
  if (disc != read_disc && (disc.size() != 2 || words.back()[0] != disc[1])) return std::nullopt;
  return GivenNamesThenSurname(std::vector<std::string>(words.begin() + 1, words.end()));
}

namespace {

// The sex a civility word names ("Monsieur", "M.": M; "Madame", "Mme", "Mlle": F).
std::optional<std::string> SexOfCivility(std::string_view word) {
  for (const auto& [civility, sex] : kCivilities) {
    if (word == civility) return std::string(sex);
  }
  return std::nullopt;
}

}  // namespace

// An app's header: the holder's name in mixed case, given names first, set right over
// the club's name ("Grégoire Gauthier" / "Tennis Club de Vannes"), or a letter's address
// block, a civility first ("Monsieur Jérôme Noël Perrin", which also gives the sex). Two to
// four capitalised words, none a club's word or a word no name holds; the surname in
// capitals.
void AddNameOverTheClub(const std::vector<OcrLine>& lines, Fields& fields) {
  const auto club = fields.find(FieldName::kClubName);
  if (club == fields.end()) return;
  const std::string club_text = NormalizeLabelText(club->second.value);
  for (const OcrLine& under : lines) {
    if (NormalizeLabelText(under.text) != club_text) continue;
    for (const OcrLine& line : lines) {
      const cv::Rect& a = line.box;
      const cv::Rect& b = under.box;
      if (a.br().y > b.y + b.height / 2 || b.y - a.br().y > b.height ||
          std::abs(a.x - b.x) > 2 * b.height) {
        continue;
      }
      std::vector<std::string> words = SplitWords(line.text);
      // A letter's address block: "Monsieur Jérôme Noël PERRIN" over the club's name.
      const std::optional<std::string> sex =
          words.empty() ? std::nullopt : SexOfCivility(words.front());
      if (sex) words.erase(words.begin());
      if (words.size() < 2 || words.size() > 4) continue;
      const bool names = std::all_of(words.begin(), words.end(), [](const std::string& w) {
        const std::string norm = NormalizeLabelText(w);
        return CaseOf(w) == WordCase::kCapitalised && !IsAClubWord(norm) && !IsOnlyALabel(w) &&
               !IsANoNameWord(norm);
      });
      if (!names) continue;
      auto [given, surname] = GivenNamesThenSurname(words);
      // Each part is as sure as its least sure word (a surname in small capitals read at
      // 0.05 under given names read at 0.95), when the reader gave the line's words.
      const size_t skipped = sex ? 1 : 0;
      const size_t given_words = SplitWords(given).size();
      double given_confidence = line.confidence, surname_confidence = line.confidence;
      double sex_confidence = line.confidence;
      if (line.words.size() == words.size() + skipped) {
        if (sex) sex_confidence = line.words.front().confidence;
        for (size_t k = 0; k < words.size(); ++k) {
          double& part = k < given_words ? given_confidence : surname_confidence;
          part = std::min(part, line.words[k + skipped].confidence);
        }
      }
      fields[FieldName::kGivenNames] =
          Field{std::move(given), given_confidence, FieldSource::kVisual};
      fields[FieldName::kSurname] =
          Field{std::move(surname), surname_confidence, FieldSource::kVisual};
      if (sex && !fields.count(FieldName::kSex)) {
        fields[FieldName::kSex] = Field{*sex, sex_confidence, FieldSource::kVisual};
      }
      return;
    }
  }
}

namespace {

// A person's name as a heading gives it: (given names, surname), or nullopt.
using NameParse = std::optional<std::pair<std::string, std::string>> (*)(const OcrLine&);

// The heading among `headings` whose text `parse` reads as a name and that is no value of
// `fields`: the tallest, the topmost of equals; and the name it gives.
std::optional<std::pair<const OcrLine*, std::pair<std::string, std::string>>> TallestNameHeading(
    const std::vector<OcrLine>& headings, const Fields& fields, NameParse parse) {
  std::optional<std::pair<const OcrLine*, std::pair<std::string, std::string>>> best;
  for (const auto& line : headings) {
    auto name = parse(line);
    if (!name) continue;
    const bool is_a_value = std::any_of(fields.begin(), fields.end(), [&](const auto& f) {
      return NormalizeLabelText(f.second.value) == NormalizeLabelText(line.text);
    });
    if (is_a_value) continue;
    const OcrLine* tallest = best ? best->first : nullptr;
    if (!tallest || line.box.height > tallest->box.height ||
        (line.box.height == tallest->box.height && line.box.y < tallest->box.y)) {
      best.emplace(&line, std::move(*name));
    }
  }
  return best;
}

// A heading that writes the holder's name in one case ("Blanchard Odile Léa"), parted by
// its given names (NameByItsGivenNames), each of its words read surely (confidence 0.6 at
// least: a misread caption is no surname, "Prec Joël" for "Prénom Joël").
std::optional<std::pair<std::string, std::string>> NameInOneCase(const OcrLine& line) {
  constexpr double kSure = 0.6;
  const bool sure =
      line.words.empty()
          ? line.confidence >= kSure
          : std::all_of(line.words.begin(), line.words.end(),
                        [&](const OcrWord& word) { return word.confidence >= kSure; });
  if (!sure) return std::nullopt;
  return NameByItsGivenNames(line.text);
}

// The tallest heading NameInOneCase reads, as AddNameHeading takes a heading: the surname in
// capitals, as the other headings give it.
void AddNameInOneCase(const std::vector<OcrLine>& headings, Fields& fields) {
  auto best = TallestNameHeading(headings, fields, NameInOneCase);
  if (!best) return;
  auto& [line, name] = *best;
  std::string surname;
  for (const std::string& w : SplitWords(name.second)) {
    surname += (surname.empty() ? "" : " ") + InCapitals(w);
  }
  fields[FieldName::kGivenNames] =
      Field{std::move(name.first), line->confidence, FieldSource::kVisual};
  fields[FieldName::kSurname] = Field{std::move(surname), line->confidence, FieldSource::kVisual};
}

}  // namespace

void AddNameHeading(const std::vector<OcrLine>& lines, Fields& fields) {
  if (fields.count(FieldName::kSurname) || fields.count(FieldName::kGivenNames)) return;
  if (auto named = NameAfterCivility(lines)) {
    fields[FieldName::kGivenNames] =
        Field{std::move(named->name.first), named->confidence, FieldSource::kVisual};
    fields[FieldName::kSurname] =
        Field{std::move(named->name.second), named->confidence, FieldSource::kVisual};
    if (!fields.count(FieldName::kSex)) {
      fields[FieldName::kSex] = Field{named->sex, named->confidence, FieldSource::kVisual};
    }
    return;
  }
  // Each line, and each line with the one right under it (a name set on two lines,
  // "Hugo" over "CHEVALIER"), the avatar's initials beside it ("HC") left out.
  std::vector<OcrLine> headings(lines.begin(), lines.end());
  for (const OcrLine& line : lines) {
    if (auto first = FirstColumn(line)) headings.push_back(std::move(*first));
    for (OcrLine& column : NamedLaterColumns(line)) headings.push_back(std::move(column));
  }
  for (size_t i = 0; i + 1 < lines.size(); ++i) {
    const OcrLine upper = WithoutAvatar(lines[i]);
    const OcrLine lower = WithoutAvatar(lines[i + 1]);
    const cv::Rect& a = upper.box;
    const cv::Rect& b = lower.box;
    const int h = std::max(a.height, b.height);
    if (b.y <= a.y || b.y - (a.y + a.height) > h || std::min(a.height, b.height) * 10 < h * 6) {
      continue;
    }
    headings.push_back(OcrLine{WithoutInitials(upper.text + " " + lower.text), a | b,
                               std::min(lines[i].confidence, lines[i + 1].confidence)});
    headings.back().box.height = h;  // a line's height, for the tallest heading
  }
  // The heading: the tallest such line, the topmost of equals.
  auto best = TallestNameHeading(headings, fields, [](const OcrLine& line) {
    auto name = NameBesideInitials(line.text);
    return name ? name : AsGivenNamesAndSurname(line.text);
  });
  if (!best) {
    AddNameOverTheClub(lines, fields);
    if (!fields.count(FieldName::kSurname)) AddNameInOneCase(headings, fields);
    return;
  }
  auto& [line, name] = *best;
  fields[FieldName::kGivenNames] =
      Field{std::move(name.first), line->confidence, FieldSource::kVisual};
  fields[FieldName::kSurname] =
      Field{std::move(name.second), line->confidence, FieldSource::kVisual};
}

namespace {

// The ranking of a round badge: a word of ranking form standing in its own column right
// over (or under) the word "Classement", which OCR reads into another line (the badge
// beside the club's name, its caption beside the club's number: "US Orléans Tennis 15/2"
// over "82042146 Classement"). The caption's first letter may be lost ("lassement").
std::optional<Field> RankingOverItsCaption(const std::vector<OcrLine>& lines) {
  for (const auto& caption_line : lines) {
    for (const auto& caption : caption_line.words) {
      const std::string name = NormalizeLabelText(caption.text);
      if (name != "classement" && name != "lassement") continue;
      for (const auto& line : lines) {
        for (const auto& word : line.words) {
          std::string w = WithoutBracketEnds(word.text);
          w = SlashForAOne(std::move(w));  // "216": the badge's slash read as a 1
          if (w.empty() || !IsRanking(w) || (CountDigits(w) == 0 && w != "NC")) continue;
          const int h = std::max(1, word.box.height);
          const int gap_under = caption.box.y - word.box.br().y;
          const int gap_over = word.box.y - caption.box.br().y;
          const bool stacked = (gap_under >= -h / 4 && gap_under <= 3 * h) ||
                               (gap_over >= -h / 4 && gap_over <= 3 * h);
          const int overlap =
              std::min(word.box.br().x, caption.box.br().x) - std::max(word.box.x, caption.box.x);
          if (&line != &caption_line && stacked && overlap > 0) {
            return Field{w, word.confidence, FieldSource::kVisual};
          }
          // Or the badge leads its row, left of the caption, as an app's list item puts its
          // round icon before its title ("(15/4)  Classement simple" over "Messieurs"):
          // within a few letters' heights of the caption, level with the caption or with
          // the block it heads (the disc centred on the caption and a line or two under it,
          // its figures read into the second line).
          const int ch = std::max(1, caption.box.height);
          const int gap_left = caption.box.x - word.box.br().x;
          const int rows_overlap =
              std::min(word.box.br().y, caption.box.br().y) - std::max(word.box.y, caption.box.y);
          const int middle = word.box.y + word.box.height / 2;
          const bool beside_the_block =
              rows_overlap > 0 || (middle > caption.box.y && middle <= caption.box.br().y + 2 * ch);
          // (A big disc's figures stand further from the caption: its heights count.)
          const int reach = 4 * std::max(ch, word.box.height);
          if (gap_left > 0 && gap_left <= reach && beside_the_block && word.box.height >= ch) {
            return Field{w, word.confidence, FieldSource::kVisual};
          }
        }
      }
    }
  }
  return std::nullopt;
}

}  // namespace

void AddUnlabelledRanking(const std::vector<OcrLine>& lines, Fields& fields) {
  if (fields.count(FieldName::kRanking)) return;
  if (std::optional<Field> badge = RankingOverItsCaption(lines)) {
    fields[FieldName::kRanking] = std::move(*badge);
    return;
  }
  // A season as a chip prints it: "2025", "2024/2025", "2024-2025".
  auto is_season = [](const std::string& w) {
    if (w.size() == 4) return CountDigits(w) == 4;
    return w.size() == 9 && CountDigits(w) == 8 && (w[4] == '/' || w[4] == '-');
  };
  for (const auto& line : lines) {
    // The chip alone, or beside the season's ("Saison 2025", "Saison 2024/2025"); the
    // chips' rounded ends read as brackets or a stray letter ("[NC À Saison 2025/2026").
    std::vector<std::string> others;
    std::optional<std::string> ranking;
    for (const std::string& read : SplitWords(line.text)) {
      const std::string w = WithoutBracketEnds(read);
      if (w.empty()) continue;
      const bool slashed = std::count(w.begin(), w.end(), '/') == 1 && w.back() != '/' &&
                           std::isdigit(static_cast<unsigned char>(w.back())) &&
                           w.size() - w.find('/') == 2;
      const bool plain =
          w == "NC" || w == "40" || w == "30" || w == "15" || w == "0" || w == "-15" || w == "-30";
      if ((slashed || plain) && IsRanking(w) && !ranking) {
        ranking = w;
      } else if (!(w.size() <= 2 && CountLetters(w) == 1 && CountDigits(w) == 0)) {
        others.push_back(w);
      }
    }
    if (!ranking) continue;
    const bool beside_season =
        others.size() == 2 && is_season(others[1]) &&
        (NormalizeLabelText(others[0]) == "saison" || NormalizeLabelText(others[0]) == "season");
    // A number alone ("30", "15") may be anything; beside the season it is the ranking.
    const bool slashed = ranking->find('/') != std::string::npos;
    if (!beside_season && !(others.empty() && (slashed || *ranking == "NC"))) continue;
    fields[FieldName::kRanking] = Field{*ranking, line.confidence, FieldSource::kVisual};
    return;
  }
}

void AddClubNumberAfterItsName(const std::vector<OcrLine>& lines, Fields& fields) {
  auto club = fields.find(FieldName::kClubName);
  if (club == fields.end() || fields.count(FieldName::kClubNumber)) return;
  std::string text;
  for (const auto& line : lines) text += (text.empty() ? "" : " ") + line.text;
  for (size_t at = text.find(club->second.value); at != std::string::npos;
       at = text.find(club->second.value, at + 1)) {
    size_t i = at + club->second.value.size();
    while (i < text.size() && text[i] == ' ') ++i;
    if (i >= text.size() || text[i] != '(') continue;
    const size_t close = text.find(')', i);
    if (close == std::string::npos || close - i > 30) continue;
    std::string inside = NormalizeLabelText(text.substr(i + 1, close - i - 1));
    for (std::string_view prefix : {"no ", "n "}) {
      if (inside.rfind(prefix, 0) == 0) inside = inside.substr(prefix.size());
    }
    if (inside.find_first_not_of("0123456789 ") != std::string::npos) continue;
    std::string digits;
    for (char c : inside) {
      if (c != ' ') digits += c;
    }
    if (digits.size() < 5 || digits.size() > 10) continue;
    fields[FieldName::kClubNumber] = Field{digits, 0.9, FieldSource::kVisual};
    return;
  }
}

void AddClubWithItsNumberInBrackets(const std::vector<OcrLine>& lines, Fields& fields) {
  if (fields.count(FieldName::kClubName)) return;
  std::optional<std::pair<Field, std::string>> found;  // the name, its number
  for (const auto& line : lines) {
    auto split = NameAndBracketedNumber(Trim(line.text));
    if (!split) continue;
    const std::string& name = split->first;
    const std::vector<std::string> words = SplitWords(name);
    const bool club_word = std::any_of(words.begin(), words.end(), [](const std::string& w) {
      return IsAClubNameWord(NormalizeLabelText(w));
    });
    if (!club_word || !std::isalpha(static_cast<unsigned char>(name.front())) ||
        !FitsForm(FieldName::kClubName, name) || IsOnlyALabel(name)) {
      continue;
    }
    if (found && (found->first.value != name || found->second != split->second)) return;
    found.emplace(Field{name, line.confidence, FieldSource::kVisual}, std::move(split->second));
  }
  if (!found) return;
  const double confidence = found->first.confidence.value_or(0.0);
  fields[FieldName::kClubName] = std::move(found->first);
  if (!fields.count(FieldName::kClubNumber)) {
    fields[FieldName::kClubNumber] =
        Field{std::move(found->second), confidence, FieldSource::kVisual};
  }
}

namespace {

// Whether `line` stands right under the line holding the club's name: a licence number
// misread by one character ("6305446 Z" as "63054467") also has eight digits, but it
// stands under the holder's name.
bool UnderTheClubsName(const std::vector<OcrLine>& lines, const OcrLine& line,
                       const Fields& fields) {
  auto club = fields.find(FieldName::kClubName);
  if (club == fields.end()) return false;
  for (const auto& above : lines) {
    const int gap = line.box.y - (above.box.y + above.box.height);
    if (gap < -line.box.height / 2 || gap > 2 * line.box.height) continue;
    if (std::abs(above.box.x - line.box.x) > 3 * line.box.height) continue;
    if (above.text.find(club->second.value) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

void AddClubNameOverItsNumber(const std::vector<OcrLine>& lines, Fields& fields) {
  auto number = fields.find(FieldName::kClubNumber);
  if (number == fields.end() || fields.count(FieldName::kClubName)) return;
  const std::string& digits = number->second.value;
  for (const auto& line : lines) {
    std::string line_digits;
    for (char c : line.text) {
      if (std::isdigit(static_cast<unsigned char>(c))) line_digits += c;
    }
    if (line_digits != digits) continue;
    const OcrLine* over = nullptr;
    for (const auto& above : lines) {
      // From the middle of the line above (an icon beside the name makes its box tall).
      const int gap = line.box.y - (above.box.y + above.box.height / 2);
      if (gap <= 0 || gap > 3 * line.box.height) continue;
      if (!over || above.box.y > over->box.y) over = &above;
    }
    if (!over) return;
    // Without an icon before the name (a pin read as a symbol).
    std::vector<Word> words = WordsOf(*over);
    size_t first = 0;
    while (first < words.size() && CountLetters(words[first].text) == 0) ++first;
    if (first == words.size() || std::abs(words[first].box.x - line.box.x) > 3 * line.box.height) {
      return;
    }
    words.erase(words.begin(), words.begin() + static_cast<long>(first));
    const std::string name =
        RepairValue(FieldName::kClubName, Trim(JoinWords(words, 0, words.size())));
    if (!FitsForm(FieldName::kClubName, name) || IsOnlyALabel(name) || CountDigits(name) > 0 ||
        !FindLabels(words, std::max(1, over->box.height)).empty()) {
      return;
    }
    fields[FieldName::kClubName] = Field{name, over->confidence, FieldSource::kVisual};
    return;
  }
}

// How surely a line must be read for its words alone to make it the club's name (a photo's
// misread "Ractay Club Tennis" is read less surely).
constexpr double kSureClubName = 0.85;

void AddClubNameByItsWords(const std::vector<OcrLine>& lines, Fields& fields) {
  if (fields.count(FieldName::kClubName)) return;
  std::optional<Field> found;
  for (const auto& line : lines) {
    for (const std::string& column : ColumnTexts(line)) {
      const std::string name = Trim(column);
      const std::vector<std::string> words = SplitWords(name);
      // Read surely, and whole: no caption's ':' or a column's '/' in it.
      if (line.confidence < kSureClubName || words.size() < 2 || words.size() > 7 ||
          CountDigits(name) > 0 || name.find_first_of(":/") != std::string::npos ||
          CaseOf(words.front()) == WordCase::kOther) {
        continue;
      }
      // A short first word that is no club's ("Cu ASPTT Brest Tennis", "Ce Tennis Club"): a
      // caption misread and glued to the name, which makes the line's reading unsure.
      const std::string first = NormalizeLabelText(words.front());
      if (first.size() <= 3 && !IsAClubNameWord(first)) continue;
      bool club = false, other = false;
      for (const std::string& w : words) {
        const std::string norm = NormalizeLabelText(w);
        club = club || IsAClubNameWord(norm);
        // A federation's, league's or committee's name, a licence's heading, or a sentence
        // about the club ("licencié au club").
        // (The federation's name broken over two lines, "Française de Tennis", and its
        // address, "Stade Roland-Garros".)
        other = other || (IsAClubWord(norm) && !IsAClubNameWord(norm)) || norm == "licencie" ||
                norm == "licenciee" || norm == "titulaire" || norm == "atteste" ||
                norm == "francaise" || norm.find("garros") != std::string::npos;
      }
      if (!club || other || !FitsForm(FieldName::kClubName, name) || IsOnlyALabel(name) ||
          !FindLabels(WordsOf(OcrLine{name, line.box, line.confidence}),
                      std::max(1, line.box.height))
               .empty()) {
        continue;
      }
      if (found && NormalizeLabelText(found->value) != NormalizeLabelText(name)) return;
      found = Field{name, line.confidence, FieldSource::kVisual};
    }
  }
  if (found) fields[FieldName::kClubName] = std::move(*found);
}

void CompleteAWrappedClubName(const std::vector<OcrLine>& lines, Fields& fields) {
  auto club = fields.find(FieldName::kClubName);
  if (club == fields.end()) return;
  const std::vector<std::string> name = SplitWords(club->second.value);
  if (name.empty()) return;
  static constexpr std::string_view kUnfinished[] = {"de",  "du", "des", "d",   "la", "le",
                                                     "les", "l",  "et",  "sur", "en"};
  auto unfinished = [](std::string_view word) {
    return std::find(std::begin(kUnfinished), std::end(kUnfinished), word) != std::end(kUnfinished);
  };
  const bool ends_unfinished = unfinished(NormalizeLabelText(name.back()));
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::vector<OcrWord>& words = lines[i].words;
    for (size_t s = 0; s + name.size() <= words.size(); ++s) {
      bool same = true;
      for (size_t k = 0; k < name.size() && same; ++k) same = words[s + k].text == name[k];
      if (!same) continue;
      const cv::Rect first = words[s].box;
      const int height = std::max(1, first.height);
      const int column_end = s + name.size() < words.size() ? words[s + name.size()].box.x
                                                            : std::numeric_limits<int>::max();
      // The next line down, its top within a line's height and a half of the name's foot.
      const OcrLine* under = nullptr;
      for (const auto& line : lines) {
        const int gap = line.box.y - first.br().y;
        if (line.box.y <= first.y + height / 2 || gap > 3 * height / 2) continue;
        if (!under || line.box.y < under->box.y) under = &line;
      }
      if (!under) return;
      std::string rest;
      for (const OcrWord& w : under->words) {
        if (w.box.x >= column_end) break;
        if (w.box.x < first.x - height) continue;
        if (rest.empty() && std::abs(w.box.x - first.x) > height) return;
        rest += (rest.empty() ? "" : " ") + w.text;
      }
      if (rest.empty() || LongestKey(NormalizeLabelText(rest))) return;
      // Or the next line starts with such a word in small letters ("de Vannes", "sur
      // Mer"): the rest of a name, never the start of another line's text.
      if (!ends_unfinished) {
        const std::vector<std::string> rest_words = SplitWords(rest);
        std::string head = rest_words.front();
        const size_t apostrophe = head.find_first_of("'\xE2");
        if (apostrophe != std::string::npos) head.resize(apostrophe);  // d'Armor, l'Étang
        if ((rest_words.size() < 2 && apostrophe == std::string::npos) || head.empty() ||
            !std::islower(static_cast<unsigned char>(head[0])) || !unfinished(head)) {
          return;
        }
      }
      std::string whole = club->second.value + " " + rest;
      // The club's number in brackets may end the line ("VALLÉE (57 92 0123)").
      std::optional<std::string> number;
      if (auto split = NameAndBracketedNumber(whole)) {
        whole = std::move(split->first);
        number = std::move(split->second);
      }
      if (CountDigits(whole) > 0 || !FitsForm(FieldName::kClubName, whole)) return;
      club->second.value = std::move(whole);
      if (number && !fields.count(FieldName::kClubNumber)) {
        const Field read = club->second;
        fields[FieldName::kClubNumber] = Field{std::move(*number), read.confidence, read.source};
      }
      return;
    }
  }
}

namespace {

// What follows the last separator of a list of facts on one line ("·", "•", "|", or ':' and
// dashes between spaces); "" when there is none.
std::string LastItem(const std::string& text) {
  size_t cut = std::string::npos, size = 0;
  for (std::string_view mark : {"\u00b7", "\u2022", "|", " : ", " - ", " \u2013 ", " \u2014 "}) {
    const size_t at = text.rfind(mark);
    if (at != std::string::npos && (cut == std::string::npos || at > cut)) {
      cut = at;
      size = mark.size();
    }
  }
  return cut == std::string::npos ? std::string() : text.substr(cut + size);
}

}  // namespace

void AddLoneSexWord(const std::vector<OcrLine>& lines, Fields& fields) {
  if (fields.count(FieldName::kSex)) return;
  // The word alone, or the civility a pass prints beside its icon: "M." with its dot (a
  // lone letter may be a speck), "Mme".
  static constexpr std::pair<std::string_view, const char*> kWords[] = {
      {"homme", "M"},   {"masculin", "M"}, {"monsieur", "M"}, {"femme", "F"},
      {"feminin", "F"}, {"madame", "F"},   {"mme", "F"}};
  // A licence's category names the players' sex as tennis does ("Catégorie  Dames",
  // "Messieurs · Senior +45"): the word first on its line, after the caption if any.
  static constexpr std::pair<std::string_view, const char*> kCategories[] = {
      {"dames", "F"}, {"messieurs", "M"}, {"homme", "M"}, {"femme", "F"}};
  for (const auto& line : lines) {
    const std::string word = NormalizeLabelText(line.text);
    const char* sex = Trim(line.text) == "M." ? "M" : nullptr;
    // Or the line's last item, after a separator ("Née le 17/08/2001 · Femme", the dot
    // read as ':' or '-').
    const std::string last = NormalizeLabelText(LastItem(line.text));
    for (const auto& [known, letter] : kWords) {
      if (word == known || last == known) sex = letter;
    }
    std::vector<std::string> words = SplitWords(word);
    for (auto& w : words) {
      if (w.size() > 1 && w.back() == ':') w.pop_back();
    }
    if (!words.empty() && words.front() == "categorie") words.erase(words.begin());
    // A ranking badge read into the category's line ("15/4 Messieurs · Senior +45").
    if (words.size() > 1 && IsRanking(WithoutBracketEnds(words.front())) &&
        (CountDigits(words.front()) > 0 || WithoutBracketEnds(words.front()) == "nc")) {
      words.erase(words.begin());
    }
    if (!sex && !words.empty() && words.size() <= 5) {
      for (const auto& [known, letter] : kCategories) {
        if (words.front() == known) sex = letter;
      }
    }
    if (sex) {
      fields[FieldName::kSex] = Field{sex, line.confidence, FieldSource::kVisual};
      return;
    }
  }
}

namespace {

// Whether eight `digits` are the licence number read in `fields` with its letter taken for
// a digit ("32742227" for "3274222 T"): the same seven digits first.
bool IsTheLicenceNumberMisread(const std::string& digits, const Fields& fields) {
  const auto licence = fields.find(FieldName::kLicenceNumber);
  if (licence == fields.end()) return false;
  std::string seven;
  for (char c : licence->second.value) {
    if (std::isdigit(static_cast<unsigned char>(c))) seven += c;
  }
  return seven.size() == 7 && digits.rfind(seven, 0) == 0;
}

void AddBareNumbersOnce(const std::vector<OcrLine>& lines, Fields& fields) {
  for (const auto& line : lines) {
    const std::string norm = NormalizeLabelText(line.text);
    std::string rest;
    for (std::string_view prefix : {"no", "n0", "n"}) {
      if (norm.rfind(prefix, 0) == 0) {
        rest = norm.substr(prefix.size());
        break;
      }
    }
    // Or the number alone on its line, with no "N°" at all (an app's pass).
    // (Its text only letters, digits and spaces: "27.01.1987" is a date.)
    if (rest.empty() && !norm.empty() && std::isdigit(static_cast<unsigned char>(norm.front())) &&
        std::all_of(line.text.begin(), line.text.end(), [](char c) {
          return std::isalnum(static_cast<unsigned char>(c)) || c == ' ';
        })) {
      rest = norm;
    }
    if (rest.empty() || !std::isdigit(static_cast<unsigned char>(Trim(rest).front()))) continue;
    std::string digits, letters;
    for (char c : rest) {
      if (std::isdigit(static_cast<unsigned char>(c))) {
        if (!letters.empty()) digits.clear();  // a digit after the letter: no such form
        digits += c;
      } else if (std::isalpha(static_cast<unsigned char>(c))) {
        letters += c;
      } else if (c != ' ') {
        digits.clear();
        break;
      }
    }
    if (digits.size() == 7 && letters.size() == 1 && !fields.count(FieldName::kLicenceNumber)) {
      std::string value = digits + " " + letters;
      value.back() = static_cast<char>(std::toupper(static_cast<unsigned char>(value.back())));
      fields[FieldName::kLicenceNumber] = Field{value, line.confidence, FieldSource::kVisual};
    } else if (digits.size() == 8 && letters.empty() && !fields.count(FieldName::kClubNumber) &&
               (UnderTheClubsName(lines, line, fields) ||
                fields.count(FieldName::kLicenceNumber)) &&
               !IsTheLicenceNumberMisread(digits, fields)) {
      fields[FieldName::kClubNumber] = Field{digits, line.confidence, FieldSource::kVisual};
    }
  }
}

}  // namespace

void AddBareNumbers(const std::vector<OcrLine>& lines, Fields& fields) {
  // Twice: eight digits are the club's number once the licence number is known (a
  // misread licence number has eight digits too), wherever the two stand on the page.
  // (Not the columns of a line: tried, it read misread numbers on hard photos as the club's.)
  for (int pass = 0; pass < 2; ++pass) AddBareNumbersOnce(lines, fields);
}

namespace {

// `line` without the icon an app sets before a value (a trophy, a calendar, a pin), which
// OCR reads as a letter or a sign ("E 4129835K", "9 Homme", "© Cercle Sportif de Pau"):
// a first word of one character (or two with a sign) set apart from the next by most of a
// character's height, where the gap between words is a third of it.
OcrLine WithoutLeadingIcon(const OcrLine& line) {
  if (line.words.size() < 2) return line;
  const OcrWord& icon = line.words[0];
  const OcrWord& next = line.words[1];
  const size_t glyphs = static_cast<size_t>(
      std::count_if(icon.text.begin(), icon.text.end(), [](char c) { return (c & 0xC0) != 0x80; }));
  const int gap = next.box.x - (icon.box.x + icon.box.width);
  // Two characters only with a sign among them ("F)", "2,"): "30" or "NC" is a chip.
  const bool sign = std::any_of(icon.text.begin(), icon.text.end(), [](char c) {
    return (c & 0x80) == 0 && !std::isalnum(static_cast<unsigned char>(c));
  });
  if (glyphs > 2 || (glyphs == 2 && !sign) || gap * 10 < next.box.height * 8) return line;
  OcrLine out{"", next.box, line.confidence, {line.words.begin() + 1, line.words.end()}};
  for (const auto& w : out.words) {
    out.text += (out.text.empty() ? "" : " ") + w.text;
    out.box |= w.box;
  }
  return out;
}

}  // namespace

namespace {

// The latest year (1900-2100, four digits) `text` names, or 0.
int LatestYear(std::string_view text) {
  int latest = 0;
  for (const auto& g : DigitGroups(text)) {
    const int y = g.size() == 4 ? std::atoi(g.c_str()) : 0;
    if (y >= 1900 && y <= 2100) latest = std::max(latest, y);
  }
  return latest;
}

// The one date the page prints (PrintedDates: in figures or with its month in words, among
// other words: "NéCEJLE 20 juin 1982", its caption misread) at least four years before the
// latest year the page names, when there is exactly one such date (printed once or more).
// Why: a licence's other dates are its own (its season, printed on, valid until, a medical
// certificate's), of the season's year or just before; the holder's birth is the one old
// date.
void AddTheOneOldDate(const std::vector<OcrLine>& lines, Fields& fields) {
  int page_year = 0;
  for (const auto& line : lines) page_year = std::max(page_year, LatestYear(line.text));
  if (auto season = fields.find(FieldName::kSeason); season != fields.end()) {
    page_year = std::max(page_year, LatestYear(season->second.value));
  }
  std::optional<PrintedDate> old;
  for (PrintedDate& printed : PrintedDates(lines)) {
    if (printed.date.year > page_year - 4) continue;
    // In figures, day and month of two each, as a licence prints them: "1/05/1958" is a
    // date read in part ("21/05/1958"), which no caption vouches for here.
    const std::vector<std::string> groups = DigitGroups(printed.text);
    if (groups.size() == 3 && (groups[0].size() != 2 || groups[1].size() != 2)) continue;
    if (old && old->date != printed.date) return;  // two old dates: which no rule tells
    if (!old) old = std::move(printed);
  }
  if (old) {
    fields[FieldName::kBirthDate] =
        Field{std::move(old->text), old->confidence, FieldSource::kVisual};
  }
}

}  // namespace

void AddLoneBirthDate(const std::vector<OcrLine>& lines, Fields& fields) {
  if (fields.count(FieldName::kBirthDate)) return;
  const OcrLine* lone = nullptr;
  for (const auto& line : lines) {
    if (CountLetters(line.text) > 0 || !IsDate(RepairValue(FieldName::kBirthDate, line.text))) {
      continue;
    }
    if (lone) return;  // two dates alone: which is the birth no form tells
    lone = &line;
  }
  if (!lone) {
    AddTheOneOldDate(lines, fields);
    return;
  }
  // A date of the page's latest year or just before is the page's own (printed on, valid
  // until), not a player's birth: the latest year anywhere on the page (the season's) must
  // come at least four years after it. A page that names no other year proves nothing.
  const std::string date = RepairValue(FieldName::kBirthDate, lone->text);
  int page_year = 0;
  for (const auto& line : lines) {
    if (&line != lone) page_year = std::max(page_year, LatestYear(line.text));
  }
  if (auto season = fields.find(FieldName::kSeason); season != fields.end()) {
    page_year = std::max(page_year, LatestYear(season->second.value));
  }
  const int birth_year = LatestYear(date);
  if (birth_year == 0 || birth_year > page_year - 4) return;
  fields[FieldName::kBirthDate] = Field{date, lone->confidence, FieldSource::kVisual};
}

void AddFromTheSentence(const std::vector<OcrLine>& lines, Fields& fields) {
  std::vector<std::string> words;
  std::vector<double> confidences;  // each word's line's
  for (const auto& line : lines) {
    for (auto& w : SplitWords(line.text)) {
      words.push_back(std::move(w));
      confidences.push_back(line.confidence);
    }
  }
  // The value's words' lines: the least of their confidences.
  auto confidence_of = [&](size_t from, size_t n) {
    return *std::min_element(confidences.begin() + from, confidences.begin() + from + n);
  };
  auto strip = [](std::string w) {
    while (!w.empty() && (w.back() == ',' || w.back() == '.' || w.back() == ';')) w.pop_back();
    return WithoutBracketEnds(std::move(w));
  };
  for (size_t i = 0; i + 1 < words.size(); ++i) {
    const std::string word = NormalizeLabelText(words[i]);
    // "... pour la saison 2025/2026, ...": the season, named after its end year; or on a
    // pill ("(Saison 2026-2027]").
    if ((word == "saison" || NormalizeLabelText(WithoutBracketEnds(words[i])) == "saison") &&
        !fields.count(FieldName::kSeason)) {
      const bool sportive = NormalizeLabelText(words[i + 1]) == "sportive" && i + 2 < words.size();
      const std::string season =
          RepairValue(FieldName::kSeason, strip(words[i + (sportive ? 2 : 1)]));
      if (FitsForm(FieldName::kSeason, season)) {
        fields[FieldName::kSeason] = Field{season, confidence_of(i + 1, 1), FieldSource::kVisual};
      }
    }
    // "... titulaire de la licence n°" / "3358056 S pour la saison ...", "licenciée sous le
    // numéro 1029384 J": the number after the caption, wherever the line wraps, with its
    // letter when one follows.
    const bool licence_word = word == "licence" || word == "license";
    const bool under_number = word == "le" && i > 0 && NormalizeLabelText(words[i - 1]) == "sous";
    auto numbered = [&] {
      const std::string sign = NormalizeLabelText(words[i + 1]);
      return sign == "n" || sign == "no" || sign == "n0" || sign == "numero";
    };
    if ((licence_word || under_number) && !fields.count(FieldName::kLicenceNumber) &&
        i + 2 < words.size() && numbered()) {
      std::string number = strip(words[i + 2]);
      size_t n = 1;
      // Its letter, a capital or the '$' an S is misread as in a serif face.
      if (i + 3 < words.size() && words[i + 3].size() == 1 &&
          (std::isupper(static_cast<unsigned char>(words[i + 3][0])) || words[i + 3] == "$")) {
        number += " " + strip(words[i + 3]);
        n = 2;
      }
      number = RepairValue(FieldName::kLicenceNumber, number);
      if (CountDigits(number) == 7 && FitsForm(FieldName::kLicenceNumber, number)) {
        fields[FieldName::kLicenceNumber] =
            Field{number, confidence_of(i + 2, n), FieldSource::kVisual};
      }
    }
    // "..., classée -2/6.", "..., classement 15/4.": the ranking after the word.
    if ((word == "classe" || word == "classee" || word == "classe(e)" || word == "classement") &&
        !fields.count(FieldName::kRanking)) {
      const std::string ranking = RepairValue(FieldName::kRanking, strip(words[i + 1]));
      if (IsRanking(ranking)) {
        fields[FieldName::kRanking] = Field{ranking, confidence_of(i + 1, 1), FieldSource::kVisual};
      }
    }
    // "... titulaire de la licence n° 5050172" / "U pour la saison ...": the licence's
    // letter wrapped to the next line, read as a word of its own.
    const auto licence = fields.find(FieldName::kLicenceNumber);
    if (licence != fields.end() && words[i] == licence->second.value &&
        CountDigits(words[i]) == 7 && words[i].size() == 7 && words[i + 1].size() == 1 &&
        std::isupper(static_cast<unsigned char>(words[i + 1][0]))) {
      licence->second.value += " " + words[i + 1];
    }
    // "... licencié au club US Orléans Tennis (club n° 44748449).": the club's name up to
    // its bracket or the sentence's end, its number the bracket's digits.
    const std::string before = i > 0 ? NormalizeLabelText(words[i - 1]) : "";
    // ("du club" is a caption's: "N° du club", "Nom du club".)
    if (word == "club" && before == "au" && !fields.count(FieldName::kClubName)) {
      std::string name;
      size_t k = i + 1;
      for (; k < words.size() && k < i + 9 && words[k][0] != '('; ++k) {
        const char last = words[k].back();
        name += (name.empty() ? "" : " ") + strip(words[k]);
        if (last == '.' || last == ',' || last == ';') {
          ++k;
          break;
        }
      }
      if (FitsForm(FieldName::kClubName, name) && HasCapitalisedWord(name)) {
        fields[FieldName::kClubName] =
            Field{name, confidence_of(i + 1, k - i - 1), FieldSource::kVisual};
      }
      if (k < words.size() && words[k][0] == '(' && !fields.count(FieldName::kClubNumber)) {
        // The bracket's digits, in one word or spaced in groups ("(57 92 0123)").
        std::string digits;
        for (size_t b = k; b < words.size() && b < k + 5; ++b) {
          const bool closes = words[b].find(')') != std::string::npos;
          if (CountDigits(words[b]) == 0) {
            std::string sign = NormalizeLabelText(words[b]);
            std::erase_if(sign, [](char c) { return c == '(' || c == ')'; });
            const bool a_sign = sign == "club" || sign == "n" || sign == "no" || sign == "n0";
            if (closes || !digits.empty() || !a_sign) break;
            continue;  // "(club", "(n°"
          }
          if (words[b].find('/') != std::string::npos) break;  // a date ("01/10/2024")
          // A word of the number is all digits once its look-alikes are read as digits
          // ("s1592163", an old-style 5): a letter left in it is no digit to drop.
          std::string group = strip(words[b]);
          std::erase_if(group, [](char c) { return c == '(' || c == ')'; });
          for (std::string_view sign : {"n\u00B0", "N\u00B0"}) {  // "(n°57920123)"
            if (group.starts_with(sign)) group.erase(0, sign.size());
          }
          group = RepairValue(FieldName::kClubNumber, std::move(group));
          if (group.empty() || CountDigits(group) != static_cast<int>(group.size())) break;
          digits += group;
          if (closes) break;
        }
        if (digits.size() >= 5 && FitsForm(FieldName::kClubNumber, digits)) {
          fields[FieldName::kClubNumber] = Field{digits, confidence_of(k, 1), FieldSource::kVisual};
        }
      }
    }
    // "..., né le 14 février 1968, ...": the longest of the next three words that is a date.
    const bool born = (word == "ne" || word == "nee" || word == "nee)" || word == "ne(e)") &&
                      NormalizeLabelText(words[i + 1]) == "le";
    if (born && !fields.count(FieldName::kBirthDate)) {
      for (size_t n = std::min<size_t>(3, words.size() - i - 2); n >= 1; --n) {
        std::string date;
        for (size_t k = 0; k < n; ++k) date += (k ? " " : "") + words[i + 2 + k];
        date = RepairValue(FieldName::kBirthDate, strip(date));
        if (FitsForm(FieldName::kBirthDate, date)) {
          fields[FieldName::kBirthDate] =
              Field{date, confidence_of(i + 2, n), FieldSource::kVisual};
          break;
        }
      }
    }
  }
}

// A sporting year printed without its label ("2023/2024" as a chip or a subtitle): two
// consecutive years joined by a slash or a dash, the only such pair on the licence.
void AddLoneSeason(const std::vector<OcrLine>& lines, Fields& fields) {
  if (fields.count(FieldName::kSeason)) return;
  std::optional<Field> found;
  for (const auto& line : lines) {
    const std::vector<std::string> words = SplitWords(line.text);
    for (size_t k = 0; k < words.size(); ++k) {
      std::string pair = WithoutBracketEnds(words[k]);
      // "2023 - 2024", "2023 / 2024": the joiner read as a word of its own.
      if (pair.size() == 4 && k + 2 < words.size() &&
          (words[k + 1] == "-" || words[k + 1] == "/" || words[k + 1] == "\u2013")) {
        pair += words[k + 1] + words[k + 2];
      }
      const std::vector<std::string> years = DigitGroups(pair);
      if (years.size() != 2 || years[0].size() != 4 || years[1].size() != 4 ||
          !std::isdigit(static_cast<unsigned char>(pair.front())) ||
          !std::isdigit(static_cast<unsigned char>(pair.back())) ||
          std::atoi(years[1].c_str()) != std::atoi(years[0].c_str()) + 1) {
        continue;
      }
      std::string between = pair.substr(4, pair.size() - 8);
      if (between != "-" && between != "/" && between != "\u2013") continue;
      std::string value = years[1];
      if (!FitsForm(FieldName::kSeason, value)) continue;
      if (found && found->value != value) return;  // two seasons: neither is sure
      found = Field{std::move(value), line.confidence, FieldSource::kVisual};
    }
  }
  if (found) fields[FieldName::kSeason] = std::move(*found);
}

void AddSeasonOfItsValidity(const std::vector<OcrLine>& lines, Fields& fields) {
  if (fields.count(FieldName::kSeason)) return;
  std::vector<std::string> words;
  std::vector<double> confidences;
  for (const auto& line : lines) {
    for (auto& w : SplitWords(line.text)) {
      words.push_back(std::move(w));
      confidences.push_back(line.confidence);
    }
  }
  // The dates of the text, in order: where each starts and ends (words), and what it is.
  struct Dated {
    size_t first, end;
    CivilDate date;
  };
  std::vector<Dated> dates;
  for (size_t i = 0; i < words.size();) {
    std::optional<Dated> found;
    for (size_t n = std::min<size_t>(3, words.size() - i); n >= 1 && !found; --n) {
      std::string text;
      for (size_t k = i; k < i + n; ++k) text += (text.empty() ? "" : " ") + words[k];
      while (!text.empty() && (text.back() == ',' || text.back() == '.' || text.back() == ';' ||
                               text.back() == ')')) {
        text.pop_back();
      }
      if (CountDigits(text) < 4) continue;
      const auto date = verify::NormalizeDate(text, verify::DateKind::kPast, CivilDate{2100, 1, 1});
      if (date.value && date.value->year >= 1990) found = Dated{i, i + n, *date.value};
    }
    if (!found) {
      ++i;
      continue;
    }
    dates.push_back(*found);
    i = found->end;
  }
  std::optional<Field> season;
  auto give = [&](int year, const Dated& end) {
    const std::string value = std::to_string(year);
    if (season && season->value != value) return false;  // two seasons: neither is sure
    season = Field{value, confidences[end.first], FieldSource::kVisual};
    return true;
  };
  for (size_t d = 0; d < dates.size(); ++d) {
    const CivilDate& date = dates[d].date;
    if (date.month != 8 || date.day != 31) continue;
    const bool after_start = d > 0 && dates[d - 1].date == CivilDate{date.year - 1, 9, 1} &&
                             dates[d].first - dates[d - 1].end <= 2;
    bool until = false;
    for (size_t k = dates[d].first; k > 0 && k + 3 > dates[d].first; --k) {
      until = until || NormalizeLabelText(words[k - 1]).rfind("jusqu", 0) == 0;
    }
    if ((after_start || until) && !give(date.year, dates[d])) return;
  }
  if (season && FitsForm(FieldName::kSeason, season->value)) {
    fields[FieldName::kSeason] = std::move(*season);
  }
}

void KeepLicenceFields(Fields& fields) {
  for (FieldName field :
       {FieldName::kBirthPlace, FieldName::kNationality, FieldName::kDocumentNumber,
        FieldName::kIssueDate, FieldName::kExpiryDate, FieldName::kAddress}) {
    fields.erase(field);
  }
}

void AddUnlabelledLicenceFields(const std::vector<OcrLine>& raw_lines, Fields& fields) {
  std::vector<OcrLine> lines;
  lines.reserve(raw_lines.size());
  for (const auto& line : raw_lines) lines.push_back(WithoutLeadingIcon(line));
  AddNameHeading(lines, fields);
  AddUnlabelledRanking(lines, fields);
  AddClubWithItsNumberInBrackets(lines, fields);
  AddClubNumberAfterItsName(lines, fields);
  AddBareNumbers(lines, fields);
  AddLoneSexWord(lines, fields);
  AddClubNameOverItsNumber(lines, fields);
  AddFromTheSentence(lines, fields);
  AddClubNameByItsWords(lines, fields);
  CompleteAWrappedClubName(lines, fields);
  AddLoneBirthDate(lines, fields);
  AddLoneSeason(lines, fields);
  AddSeasonOfItsValidity(lines, fields);
}

}  // namespace jae::local
