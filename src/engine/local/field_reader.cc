#include "engine/local/field_reader.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <limits>
#include <optional>
#include <string>
#include <utility>

#include "engine/local/caption_table.h"
#include "engine/local/licence_fields.h"
#include "engine/local/ocr_text.h"
#include "engine/local/value_forms.h"
#include "verify/text.h"

namespace jae::local {

// ---- labels and their values on a line ------------------------------------------------

namespace {

// Where a one-word caption ends in `text` when OCR glued it to the value after it, the
// value starting with a capital ("ClubUnion Sportive", "NomBERTRAND": a long value pushed
// against its caption on a phone's row); 0 when it did not. The caption is capitalised,
// its letters after the first in small letters, and it is a whole key of the caption
// table; what follows has two characters at least.
size_t GluedCaptionEnd(std::string_view text) {
  if (text.size() < 5 || !std::isupper(static_cast<unsigned char>(text[0]))) return 0;
  for (size_t p = 1; p + 2 <= text.size(); ++p) {
    const unsigned char c = static_cast<unsigned char>(text[p]);
    if (std::isupper(c)) {
      if (p < 3 || text.size() - p < 2) return 0;
      const std::string norm = NormalizeLabelText(text.substr(0, p));
      const auto key = LongestKey(norm);
      return key && key->second == norm.size() ? p : 0;
    }
    if (!std::islower(c) && c < 0x80) return 0;  // a digit, a mark: no caption
  }
  return 0;
}

}  // namespace

std::vector<Word> WordsOf(const OcrLine& line) {
  std::vector<Word> words;
  if (!line.words.empty()) {
    for (const auto& w : line.words) {
      if (const size_t end = GluedCaptionEnd(w.text)) {
        // Each part given a share of the box by its length.
        const int split = w.box.width * static_cast<int>(end) / static_cast<int>(w.text.size());
        const std::string caption = w.text.substr(0, end), value = w.text.substr(end);
        words.push_back(Word{caption, NormalizeLabelText(caption),
                             cv::Rect(w.box.x, w.box.y, split, w.box.height), w.confidence});
        words.push_back(Word{value, NormalizeLabelText(value),
                             cv::Rect(w.box.x + split, w.box.y, w.box.width - split, w.box.height),
                             w.confidence});
        continue;
      }
      words.push_back(Word{w.text, NormalizeLabelText(w.text), w.box, w.confidence});
    }
    return words;
  }
  std::vector<std::pair<size_t, size_t>> spans;  // start, length in bytes
  for (size_t i = 0; i < line.text.size();) {
    const size_t b = line.text.find_first_not_of(' ', i);
    if (b == std::string::npos) break;
    size_t e = line.text.find(' ', b);
    if (e == std::string::npos) e = line.text.size();
    spans.emplace_back(b, e - b);
    i = e;
  }
  const double per_char =
      static_cast<double>(line.box.width) / std::max<size_t>(1, line.text.size());
  for (const auto& [b, n] : spans) {
    const std::string text = line.text.substr(b, n);
    const cv::Rect box(line.box.x + static_cast<int>(b * per_char), line.box.y,
                       std::max(1, static_cast<int>(n * per_char)), line.box.height);
    words.push_back(Word{text, NormalizeLabelText(text), box, line.confidence});
  }
  return words;
}

namespace {

// A gap between two words wide enough to part two columns: twice the line's height.
bool ColumnGap(const Word& left, const Word& right, int height) {
  return right.box.x - (left.box.x + left.box.width) > 2 * height;
}

// The normalised text of words [from, from + n) joined by spaces, and for each character
// the word it belongs to; up to a column gap: a label never spans two columns ("Club" and
// "N° club" of a table's head row are two labels, not "club n").
std::string JoinNorms(const std::vector<Word>& words, size_t from, size_t n, int height,
                      std::vector<size_t>& owner) {
  std::string joined;
  owner.clear();
  for (size_t k = from; k < std::min(words.size(), from + n); ++k) {
    // ("ADRESSE /   ADDRESS": a '/' joins two languages across any gap.)
    if (k > from && ColumnGap(words[k - 1], words[k], height) &&
        !std::string_view(words[k - 1].text).ends_with('/') &&
        !std::string_view(words[k].text).starts_with('/')) {
      break;
    }
    if (words[k].norm.empty()) continue;
    // No space before ':' ("à :" matches the key "a:", as the line's text would).
    if (!joined.empty() && words[k].norm[0] != ':') {
      joined += ' ';
      owner.push_back(k);
    }
    joined += words[k].norm;
    owner.insert(owner.end(), words[k].norm.size(), k);
  }
  return joined;
}

std::string FormPrefix(FieldName field, const std::string& value);

// The length of the start of `norm` (one to four words, up to a ':' or '/') that is a key of
// `field` misread beyond one slip: the other language of a bilingual caption, printed
// small ("Place ofbirh" for "Place of birth", "Sumame" for "Surname"). Its letters within a
// third of a key's, as IsOnlyALabel allows, for keys of at least five letters.
std::optional<size_t> MisreadKeyOf(const std::optional<FieldName>& field, std::string_view norm) {
  std::optional<size_t> best;
  int best_distance = 0;
  size_t end = 0;
  for (int n = 0; n < 4 && end < norm.size(); ++n) {
    while (end < norm.size() && norm[end] == ' ') ++end;
    while (end < norm.size() && norm[end] != ' ' && norm[end] != ':' && norm[end] != '/') ++end;
    const std::string mine = LettersOf(norm.substr(0, end));
    for (const Rule& rule : Rules()) {
      if (rule.field != field) continue;
      for (std::string_view k : rule.keys) {
        const std::string theirs = LettersOf(k);
        if (theirs.size() < 5 || mine.size() + 2 < theirs.size() ||
            mine.size() > theirs.size() + 2) {
          continue;
        }
        const int distance = EditDistance(mine, theirs);
        if (distance * 3 <= static_cast<int>(theirs.size()) &&
            (!best || distance < best_distance)) {
          best = end;
          best_distance = distance;
        }
      }
    }
    if (end < norm.size() && (norm[end] == ':' || norm[end] == '/')) break;
  }
  return best;
}

// Whether `text` is a caption's field number ("1.", "4a.", "(2)", "3)"), as passports and
// permits number their captions after ICAO's zones: one or two digits and at most one
// letter, in brackets or before a point.
bool IsCaptionNumber(std::string_view text) {
  if (text.starts_with('(')) text.remove_prefix(1);
  if (!text.empty() && (text.back() == '.' || text.back() == ')')) text.remove_suffix(1);
  size_t digits = 0;
  while (digits < text.size() && std::isdigit(static_cast<unsigned char>(text[digits]))) {
    ++digits;
  }
  if (digits == 0 || digits > 2) return false;
  text.remove_prefix(digits);
  return text.empty() || (text.size() == 1 && text[0] >= 'a' && text[0] <= 'd');
}

// Whether word `i` starts its column but for caption numbers before it ("1. NOM").
bool StartsItsColumn(const std::vector<Word>& words, size_t i, int height) {
  size_t k = i;
  while (k > 0 && !ColumnGap(words[k - 1], words[k], height) &&
         IsCaptionNumber(words[k - 1].text)) {
    --k;
  }
  return k == 0 || (k < i && ColumnGap(words[k - 1], words[k], height));
}

// A caption's number glued to the first word of its column ("1.Nom", or "1." read as "L'"
// in "L'Adresse du titulaire"): the word's normalised text without it, when that starts a
// known caption and the word as read does not.
std::optional<std::string> WithoutGluedNumber(const Word& word) {
  std::string_view text = word.text;
  if (text.size() < 3) return std::nullopt;
  const unsigned char c = static_cast<unsigned char>(text[0]);
  const bool number_like = std::isdigit(c) || c == 'l' || c == 'L' || c == 'I' || c == '|';
  size_t glue = 0;
  if (number_like && (text[1] == '.' || text[1] == '\'')) {
    glue = 2;
  } else if (number_like && text.substr(1).starts_with("\u2019")) {
    glue = 4;
  } else if (std::isdigit(c) && std::isupper(static_cast<unsigned char>(text[1]))) {
    glue = 1;  // "1NOM"
  }
  if (glue == 0 || glue >= text.size() || LongestKey(word.norm)) return std::nullopt;
  std::string rest = NormalizeLabelText(text.substr(glue));
  if (rest.empty() || !LongestKey(rest)) return std::nullopt;
  return rest;
}

}  // namespace

std::vector<LabelHit> FindLabels(const std::vector<Word>& read_words, int height) {
  std::vector<LabelHit> hits;
  std::vector<size_t> owner;
  // The words as matched: a caption number glued to a column's first word left out.
  std::vector<Word> words = read_words;
  for (size_t k = 0; k < words.size(); ++k) {
    if (k > 0 && !ColumnGap(words[k - 1], words[k], height)) continue;
    if (auto rest = WithoutGluedNumber(words[k])) words[k].norm = std::move(*rest);
  }
  for (size_t i = 0; i < words.size();) {
    // Twelve words hold the longest bilingual label ("Date et lieu de naissance / Date and
    // place of birth").
    const std::string joined = JoinNorms(words, i, 12, height, owner);
    const auto key = joined.empty() ? std::nullopt : LongestKey(joined);
    // Inside a line a label starts a column (after a wide gap) or is a long one or ends
    // in ':' — "Club" in "Tennis Club de Lyon" is a value's word, not a label.
    bool allowed = key.has_value() && StartsItsColumn(words, i, height);
    if (key && i > 0 && !allowed) {
      // Marks with no letter between two captions ("Nom ——— Prénom": a rule read as
      // dashes) fill no column: the gap is the one from the last word.
      size_t previous = i - 1;
      while (previous > 0 && words[previous].norm.empty()) --previous;
      const bool gap = ColumnGap(words[previous], words[i], height);
      const size_t len = key->second;
      const bool colon = (len < joined.size() && joined[len] == ':') ||
                         (len + 1 < joined.size() && joined[len] == ' ' && joined[len + 1] == ':');
      allowed = gap || colon || len >= 7;
      // "né le 02/01/1965", "saison 2026/2027" inside a sentence: a short label with a
      // value of its field's strict form right after it.
      const auto field = key->first->field;
      if (!allowed && field) {
        const size_t after = owner[std::min(len, owner.size()) - 1] + 1;
        allowed =
            !FormPrefix(*field, JoinWords(words, after, std::min(after + 4, words.size()))).empty();
      }
    }
    // The birth alone ("Naissance", "Born") starts its caption: after "de" or "of" it is
    // the tail of another whose first words were misread ("ot birth/Date de naissance",
    // "nabranon" for "Lieu de naissance"), which names no date and place together.
    if (key && i > 0 && key->first->field == FieldName::kBirthDate) {
      const std::string& before = words[i - 1].norm;
      if (IsTheBirthAlone(std::string_view(joined).substr(0, key->second)) &&
          (before == "de" || before == "of" || before == "du" || before.ends_with("/date") ||
           before.ends_with(" de") || before.ends_with(" of"))) {
        allowed = false;
      }
    }
    // A caption whose first language was misread ("L'sumame / Nom", "Sumame / NOM"): its
    // other language after the '/', at most three words into the column, starts it.
    std::optional<size_t> misread_first;
    if (key && !allowed && i > 0 && key->first->field && key->second >= 3) {
      const size_t slash = i - 1;
      if (words[slash].text == "/" || words[slash].text.ends_with('/')) {
        size_t start = slash;
        while (start > 0 && !ColumnGap(words[start - 1], words[start], height)) --start;
        if (slash - start <= 3 && !(words[slash].text == "/" && slash == start)) {
          allowed = true;
          misread_first = start;
        }
      }
    }
    // A label that is also a short word ("à" or "in" above the birth place, after "Né(e)
    // le" or "Born") only alone in its column.
    const bool short_word = key && (key->second < 2 || joined.compare(0, key->second, "in") == 0);
    if (allowed && short_word) {
      const bool alone = i + 1 >= words.size() || ColumnGap(words[i], words[i + 1], height);
      allowed = alone && (i == 0 || ColumnGap(words[i - 1], words[i], height));
      // A lone letter at a line's end after a number of five digits or more is that
      // number's letter ("7834894 À", a licence's "A" read with its French accent).
      const bool after_a_number =
          i > 0 && i + 1 == words.size() && words[i - 1].text.size() >= 5 &&
          std::all_of(words[i - 1].text.begin(), words[i - 1].text.end(),
                      [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
      if (after_a_number) allowed = false;
    }
    // Or the phrase "Né(e) le 15 MARS 1970 à TOULON" (or "à : TOULON"): right after a
    // date, before a word.
    const bool joins = short_word || (key && joined.compare(0, key->second, "a:") == 0);
    if (joins && !allowed && i + 1 < words.size()) {
      for (size_t k = 1; !allowed && k <= std::min<size_t>(3, i); ++k) {
        allowed = IsDate(JoinWords(words, i - k, i));
      }
    }
    if (!allowed) {
      ++i;
      continue;
    }
    LabelHit hit;
    hit.first = owner.front();  // words without letters ("\\", "|") before it are not its
    if (misread_first) hit.first = *misread_first;
    hit.field = key->first->field;
    hit.weak = short_word;
    size_t pos = key->second;   // characters of `joined` looked at
    size_t last = key->second;  // end of the characters that are the label's
    // A longer caption of the same field misread beyond one slip, of which only the first
    // word matched ("Nom defamile" for "Nom de famille"): all of it is the caption.
    if (hit.field) {
      if (auto longer = MisreadKeyOf(hit.field, joined); longer && *longer > pos) {
        pos = last = *longer;
      }
    }
    // A '/'-joined other language: "Nom / Surname", "Surname / Nom", "Date de naiss. /
    // Date of birth"; the other wording is consumed when it is a known label.
    auto skip_spaces = [&] {
      while (pos < joined.size() && joined[pos] == ' ') ++pos;
    };
    skip_spaces();
    // The French passport adds Spanish: "Lieu de naissance/Place of birth/Lugar de
    // nacimiento".
    for (int language = 0; language < 2 && pos < joined.size() && joined[pos] == '/'; ++language) {
      last = ++pos;
      skip_spaces();
      if (auto other = LongestKey(std::string_view(joined).substr(pos))) {
        pos += other->second;
        last = pos;
      } else if (auto misread =
                     MisreadKeyOf(key->first->field, std::string_view(joined).substr(pos))) {
        pos += *misread;
        last = pos;
      }
      skip_spaces();
    }
    // The other language with its '/' lost ("Sex Sexe") or read as a colon ("NOM · SURNAME"
    // as "NOM: SURNAME"): a key of the same field. After a colon anything else is a value.
    if (last == key->second && hit.field) {
      size_t at = pos;
      if (at < joined.size() && joined[at] == ':') {
        ++at;
        while (at < joined.size() && joined[at] == ' ') ++at;
      }
      if (auto other = LongestKey(std::string_view(joined).substr(at));
          other && other->first->field == hit.field) {
        pos = at + other->second;
        last = pos;
        skip_spaces();
      }
    }
    if (pos < joined.size() && joined[pos] == ':') {
      hit.colon = true;
      last = ++pos;
    }
    // The word holding the label's last character ends it (a label cut inside a word,
    // "Nom:MARTIN", keeps that word; its value part is read by TailAfterColon).
    hit.end = owner[std::min(last, owner.size()) - 1] + 1;
    hits.push_back(hit);
    i = hit.end;
  }
  return hits;
}

std::string JoinWords(const std::vector<Word>& words, size_t from, size_t to) {
  std::string out;
  for (size_t k = from; k < to; ++k) {
    if (!out.empty()) out += ' ';
    out += words[k].text;
  }
  return out;
}

namespace {

// A word a value was taken from: its text folded for matching, and the reader's
// confidence in it.
struct ScoredWord {
  std::string folded;
  double confidence;
};

// NormalizeLabelText without spaces, in capitals, the characters a reader confuses made
// one (verify::FoldConfusions): a repaired value ("151127801488" from "I5II27801488")
// still shows which words it kept.
std::string FoldForMatch(std::string_view utf8) {
  std::string out;
  for (const char c : NormalizeLabelText(utf8)) {
    if (c != ' ') out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return verify::FoldConfusions(out);
}

std::vector<ScoredWord> ScoredWords(const std::vector<Word>& words, size_t from, size_t to) {
  std::vector<ScoredWord> out;
  for (size_t k = from; k < to && k < words.size(); ++k) {
    out.push_back({FoldForMatch(words[k].text), words[k].confidence});
  }
  return out;
}

// The reader's confidence in `value` taken from `words`: the least of the words the value
// kept (a value's trimming drops stray words after it; a repair changes characters, not
// which words). A one-character word counts when it is a word of the value. `otherwise`
// when no word can be told kept.
double ValueConfidence(const std::vector<ScoredWord>& words, std::string_view value,
                       double otherwise) {
  const std::string folded = FoldForMatch(value);
  std::vector<std::string> tokens;
  {
    const std::string norm = NormalizeLabelText(value);
    size_t i = 0;
    while (i < norm.size()) {
      const size_t e = std::min(norm.find(' ', i), norm.size());
      if (e > i) tokens.push_back(FoldForMatch(norm.substr(i, e - i)));
      i = e + 1;
    }
  }
  double least = 2;
  for (const auto& w : words) {
    if (w.folded.empty()) continue;
    const bool kept = w.folded.size() == 1
                          ? std::find(tokens.begin(), tokens.end(), w.folded) != tokens.end()
                          : folded.find(w.folded) != std::string::npos;
    if (kept) least = std::min(least, w.confidence);
  }
  return least > 1 ? otherwise : least;
}

// What remains of a label's last word after the label ("Nom:MARTIN" -> "MARTIN").
std::string TailAfterColon(const std::string& text) {
  const auto colon = text.find(':');
  return colon == std::string::npos ? "" : text.substr(colon + 1);
}

struct LineLabels {
  std::vector<Word> words;
  std::vector<LabelHit> hits;
  int height = 0;
};

// Words [from, ...) of `line` up to the next label, a column gap, or x >= `stop_x`.
size_t ValueEnd(const LineLabels& line, size_t from, size_t next_label, int stop_x) {
  size_t k = from;
  for (; k < next_label; ++k) {
    if (line.words[k].box.x >= stop_x) break;
    if (k > from && ColumnGap(line.words[k - 1], line.words[k], line.height)) break;
  }
  return k;
}

// Whether the value's last word is a French postcode (5 digits): an address whose town
// is on the next line.
bool EndsWithPostcode(const std::string& value) {
  const auto space = value.find_last_of(' ');
  const std::string last = space == std::string::npos ? value : value.substr(space + 1);
  return last.size() == 5 && CountDigits(last) == 5;
}

// Whether the value's first word is a French postcode followed by a town.
bool StartsWithPostcode(const std::string& value) {
  const auto space = value.find(' ');
  if (space != 5 || CountDigits(value.substr(0, 5)) != 5) return false;
  return CountLetters(value.substr(space)) >= 2;
}

// Whether any word of the value is a French postcode.
bool HasPostcode(const std::string& value) {
  const std::vector<std::string> words = SplitWords(value);
  return std::any_of(words.begin(), words.end(),
                     [](const std::string& w) { return w.size() == 5 && CountDigits(w) == 5; });
}

// A value of a field that is no date, without a date glued at its end: the next column's
// ("34 PLACE DE LA MAIRIE 72364 AMIENS 07/11/2016" beside "Date de délivrance").
std::string WithoutTrailingDate(FieldName field, const std::string& value) {
  if (field == FieldName::kBirthDate || field == FieldName::kIssueDate ||
      field == FieldName::kExpiryDate) {
    return value;
  }
  std::vector<size_t> starts;  // where each word starts
  for (size_t i = 0; i < value.size(); ++i) {
    if (value[i] != ' ' && (i == 0 || value[i - 1] == ' ')) starts.push_back(i);
  }
  for (size_t n : {1, 3}) {
    if (starts.size() <= n) continue;
    const size_t cut = starts[starts.size() - n];
    const std::string tail = value.substr(cut);
    if (IsDate(tail) && CountLetters(tail) == 0) return Trim(value.substr(0, cut));
  }
  return value;
}

// The longest run of `value`'s first words (all of them included) that has `field`'s form, for
// fields whose form is strict (dates, numbers, season, ranking); "" when none. A label in a
// sentence
// ("né le 02/01/1965, est titulaire de la licence n° 1234567 A pour la saison 2027")
// runs on into the sentence; the value is where the form stops.
std::string FormPrefix(FieldName field, const std::string& value) {
  switch (field) {
    case FieldName::kBirthDate:
    case FieldName::kIssueDate:
    case FieldName::kExpiryDate:
    case FieldName::kLicenceNumber:
    case FieldName::kClubNumber:
    case FieldName::kSeason:
    case FieldName::kRanking:
      break;
    default:
      return "";
  }
  std::vector<size_t> ends;  // where each word ends
  for (size_t i = 0; i < value.size(); ++i) {
    if (value[i] != ' ' && (i + 1 == value.size() || value[i + 1] == ' ')) ends.push_back(i + 1);
  }
  for (size_t n = ends.size(); n >= 1; --n) {
    std::string prefix = value.substr(0, ends[n - 1]);
    while (!prefix.empty() && (prefix.back() == ',' || prefix.back() == '.')) prefix.pop_back();
    std::string repaired = RepairValue(field, Trim(prefix));
    if (!FitsForm(field, repaired)) continue;
    // "15" out of "15 7": the number after it is what a lost slash leaves.
    if (field == FieldName::kRanking && n < ends.size()) {
      const std::vector<std::string> rest = SplitWords(value.substr(ends[n - 1]));
      if (!rest.empty() && rest[0].size() <= 2 &&
          CountDigits(rest[0]) == static_cast<int>(rest[0].size())) {
        continue;
      }
    }
    // "2022" out of "2022 2073": a season's second year, misread, follows; the first year
    // alone names the season before the one printed.
    if (field == FieldName::kSeason && n < ends.size()) {
      const std::vector<std::string> rest = SplitWords(value.substr(ends[n - 1]));
      if (!rest.empty() && CountDigits(rest[0]) >= 2) continue;
    }
    return repaired;
  }
  return "";
}

// A value found for a label: its text, the line's confidence, and the line under the
// label's that holds it, if it is one.
struct Candidate {
  std::string value;
  double confidence;
  std::optional<size_t> line_below;
  std::vector<ScoredWord> words = {};  // what the value was taken from
};

// A run of words taken from line `line`.
struct Segment {
  size_t line;
  std::string value;
  std::vector<ScoredWord> words;
};

// The page's lines with their words and labels, and where a label's value may stand.
// Whether a line is a table's head row: three captions or more (weak ones not counted) and
// no word with letters outside them.
bool IsHeadRow(const LineLabels& line) {
  int strong = 0;
  std::vector<bool> covered(line.words.size(), false);
  for (const LabelHit& hit : line.hits) {
    if (!hit.weak) ++strong;
    for (size_t k = hit.first; k < hit.end && k < covered.size(); ++k) covered[k] = true;
  }
  if (strong < 3) return false;
  for (size_t k = 0; k < line.words.size(); ++k) {
    if (!covered[k] && CountLetters(line.words[k].text) > 0) return false;
  }
  return true;
}

class LabelledPage {
 public:
  LabelledPage(const std::vector<OcrLine>& lines, int document_width, Captions captions)
      : lines_(lines),
        captions_(captions),
        x_tolerance_(std::max(10, document_width / 12)),
        x_reach_(std::max(40, document_width * 2 / 5)),
        row_reach_(std::max(40, document_width * 4 / 5)) {
    parsed_.reserve(lines.size());
    for (const auto& l : lines) {
      LineLabels p;
      p.words = WordsOf(l);
      p.height = std::max(1, l.box.height);
      p.hits = FindLabels(p.words, p.height);
      parsed_.push_back(std::move(p));
    }
  }

  size_t size() const { return lines_.size(); }
  const LineLabels& parsed(size_t i) const { return parsed_[i]; }
  const OcrLine& line(size_t i) const { return lines_[i]; }

  // The column label `h` of line `i` heads: from its left edge to the next label's.
  int ColumnX(size_t i, size_t h) const { return parsed_[i].words[parsed_[i].hits[h].first].box.x; }
  int ColumnEnd(size_t i, size_t h) const {
    const LineLabels& l = parsed_[i];
    return h + 1 < l.hits.size() ? l.words[l.hits[h + 1].first].box.x - 2
                                 : std::numeric_limits<int>::max();
  }

  // The value under line `i` in the column [column_x, column_end): the nearest line
  // below (within two of line i's heights; above, when captions stand under their
  // values) with a word starting near column_x, that word not a label; its words up to a
  // column gap, a label or column_end. The word is the first within reach of the
  // column's edge ("LE BRIS" under "4. Nom" starts left of the caption's word) or, with
  // `nearest_word`, the one starting nearest it (a caption's words further left on the
  // same line, "Signature du titulaire … 20 05 2016", may start within reach too).
  std::optional<Segment> Below(size_t i, int column_x, int column_end,
                               bool nearest_word = false) const {
    const cv::Rect& label = lines_[i].box;
    // A table's head row (three captions or more and nothing else) stands over its row of
    // values with a cell's padding between them, several text heights apart.
    const int reach = (IsHeadRow(parsed_[i]) ? 5 : 2) * label.height + 10;
    int best = -1;
    size_t best_word = 0;
    for (size_t j = 0; j < lines_.size(); ++j) {
      if (j == i) continue;
      const cv::Rect& b = lines_[j].box;
      if (captions_ == Captions::kUnderValues) {
        if (b.y + b.height / 2 >= label.y) continue;
        if (b.y + b.height < label.y - reach) continue;
        if (best >= 0 && b.y <= lines_[best].box.y) continue;
      } else {
        if (b.y + b.height / 2 <= label.y + label.height) continue;
        if (b.y > label.y + label.height + reach) continue;
        if (best >= 0 && b.y >= lines_[best].box.y) continue;
      }
      int nearest = x_tolerance_ + 1;
      for (size_t k = 0; k < parsed_[j].words.size(); ++k) {
        // A word that starts where the caption's line has ended is in the next column, not
        // under (or over) the caption: a form's value right of its right-aligned caption,
        // the next row's value below it ("Nom" | "HOARAU", then "Agathe Léa" under the
        // row, not under "Nom").
        if (parsed_[j].words[k].box.x > label.br().x + label.height) continue;
        const int dx = std::abs(parsed_[j].words[k].box.x - column_x);
        if (dx < nearest) {
          nearest = dx;
          best = static_cast<int>(j);
          best_word = k;
          if (!nearest_word) break;
        }
      }
    }
    if (best < 0) return std::nullopt;
    const LineLabels& below = parsed_[best];
    // Under a table's head row, a word that ends a value begun in the column to the left
    // ("2810764 X" under "N° licence" with "X" near "Nom"'s edge): this column's value is
    // the next group of words after a column gap, when there is one in the column.
    if (IsHeadRow(parsed_[i]) && best_word > 0 &&
        below.words[best_word - 1].box.x < column_x - x_tolerance_ &&
        !ColumnGap(below.words[best_word - 1], below.words[best_word], below.height)) {
      size_t k = best_word + 1;
      while (k < below.words.size() &&
             !ColumnGap(below.words[k - 1], below.words[k], below.height)) {
        ++k;
      }
      if (k < below.words.size() && below.words[k].box.x < column_end &&
          below.words[k].box.x <= column_x + x_reach_) {
        best_word = k;
      } else if (best_word + 1 < below.words.size()) {
        // No wide gap on the row ("3314475 L DA SILVA" under "N° licence" and "Nom"): the
        // next word starts the value when it stands nearer the column's edge.
        const int next_x = below.words[best_word + 1].box.x;
        if (next_x < column_end &&
            std::abs(next_x - column_x) < std::abs(below.words[best_word].box.x - column_x)) {
          best_word = best_word + 1;
        }
      }
    }
    size_t next = below.words.size();
    for (const auto& o : below.hits) {
      if (o.first == best_word) return std::nullopt;  // a label, not a value
      if (o.first > best_word) {
        next = o.first;
        break;
      }
    }
    const size_t end = ValueEnd(below, best_word, next, column_end);
    std::string value = Trim(JoinWords(below.words, best_word, end));
    if (value.empty()) return std::nullopt;
    return Segment{static_cast<size_t>(best), std::move(value),
                   ScoredWords(below.words, best_word, end)};
  }

  // The value right of line `i`'s label on another line of the same row: a table whose
  // captions and values Tesseract read as two blocks ("nom / surname" | "BLANCHARD"), or a
  // form whose values stand right-aligned at the page's edge ("Nom ........ HOARAU"). The
  // nearest line right of the label's line whose middle lies within the row, within
  // four fifths of the page, not starting with a label; its words up to a column gap or a
  // label.
  std::optional<Segment> Right(size_t i) const {
    const cv::Rect& label = lines_[i].box;
    const int label_mid = label.y + label.height / 2;
    int best = -1;
    for (size_t j = 0; j < lines_.size(); ++j) {
      if (j == i || parsed_[j].words.empty()) continue;
      const cv::Rect& b = lines_[j].box;
      const int gap = b.x - (label.x + label.width);
      if (gap < 0 || gap > row_reach_) continue;
      const int reach = std::max(label.height, b.height) * 3 / 5;
      if (std::abs(b.y + b.height / 2 - label_mid) > reach) continue;
      if (best >= 0 && b.x >= lines_[best].box.x) continue;
      best = static_cast<int>(j);
    }
    if (best < 0) return std::nullopt;
    const LineLabels& right = parsed_[best];
    size_t next = right.words.size();
    for (const auto& o : right.hits) {
      if (o.first == 0) return std::nullopt;  // a label, not a value
      next = std::min(next, o.first);
    }
    const size_t end = ValueEnd(right, 0, next, std::numeric_limits<int>::max());
    std::string value = Trim(JoinWords(right.words, 0, end));
    if (value.empty()) return std::nullopt;
    return Segment{static_cast<size_t>(best), std::move(value), ScoredWords(right.words, 0, end)};
  }

  // Where label `h` of line `i`'s value may be, the likeliest first.
  std::vector<Candidate> CandidatesFor(size_t i, size_t h) const {
    const LineLabels& line = parsed_[i];
    const LabelHit& hit = line.hits[h];
    const FieldName field = *hit.field;
    const int column_x = ColumnX(i, h), column_end = ColumnEnd(i, h);
    const size_t next_label = h + 1 < line.hits.size() ? line.hits[h + 1].first : line.words.size();
    std::vector<Candidate> candidates;
    // 1. On the label's line, right of it (after ':' or not): up to the next label or a
    //    column gap.
    {
      std::string value = Trim(TailAfterColon(line.words[hit.end - 1].text));
      const size_t from = value.empty() ? hit.end : hit.end - 1;
      const size_t end = ValueEnd(line, hit.end, next_label, std::numeric_limits<int>::max());
      const std::string rest = JoinWords(line.words, hit.end, end);
      value = Trim(value.empty() ? rest : value + (rest.empty() ? "" : " " + rest));
      if (!value.empty()) {
        candidates.push_back(
            {value, lines_[i].confidence, std::nullopt, ScoredWords(line.words, from, end)});
      }
      // A caption's words after the key, then ':' ("Classement actuel : 15/4",
      // "Classement au 01/10/2025 : 15/4", "Adresse postale : ...", "Club affilié : ..."):
      // the value follows the colon. For a field whose form tells a value from words, the
      // value after the colon is one more candidate; for a field of free form, a few words
      // without a digit before the colon are the caption's, and the value is only what
      // follows it.
      if (!hit.colon && !candidates.empty()) {
        const bool strict = HasStrictForm(field);
        for (size_t k = hit.end; k < end && k < hit.end + (strict ? 4 : 3); ++k) {
          if (!strict && CountDigits(line.words[k].text) > 0) break;
          if (line.words[k].text.find(':') == std::string::npos) continue;
          const std::string after = Trim(TailAfterColon(line.words[k].text));
          const std::string tail = JoinWords(line.words, k + 1, end);
          const std::string behind = Trim(after.empty() ? tail : after + " " + tail);
          const Candidate candidate{behind, lines_[i].confidence, std::nullopt,
                                    ScoredWords(line.words, after.empty() ? k + 1 : k, end)};
          if (!strict) candidates.pop_back();
          if (!behind.empty()) candidates.push_back(candidate);
          break;
        }
      }
    }
    const size_t inline_count = candidates.size();
    // 2. Label above value: the nearest line below with a word starting near the label's
    //    left edge; its words up to a column gap or the next label's column.
    const std::optional<Segment> below = Below(i, column_x, column_end);
    if (below) {
      candidates.push_back(
          {below->value, lines_[below->line].confidence, below->line, below->words});
    }
    // An address runs on over a second line when the first ends with its postcode. So
    // does one whose next line starts with it ("10 IMPASSE DES ROSIERS" / "08537 PAU").
    if (field == FieldName::kAddress && below) {
      candidates.back().value += AddressRunOn(below->line, below->value, column_x, column_end);
    }
    // With ':' the value follows the label; without, a value below is the likelier one
    // (a label line's right end also holds stray marks: a photo's edge, a pattern).
    if (!hit.colon && inline_count == 1 && candidates.size() == 2 &&
        !IsATablesNextRow(i, hit, below->line)) {
      std::swap(candidates[0], candidates[1]);
    }
    // 2b. Under the label from the word starting nearest the column's edge, when the
    //     first word within reach gives no value of the field's form. Only for a field
    //     whose form tells a value from stray words (a date, a number): any words pass
    //     for a name, and a name cut to its last word ("BRIS" of "LE BRIS") is a false
    //     alarm against the MRZ.
    if (below && HasStrictForm(field)) {
      auto nearest = Below(i, column_x, column_end, true);
      if (nearest && nearest->value != below->value) {
        candidates.push_back(
            {nearest->value, lines_[nearest->line].confidence, nearest->line, nearest->words});
      }
    }
    // 3. Label left of a value Tesseract read as another line of the same row, when
    //    nothing follows the label on its own line: alone, or after the values under it
    //    for a field of strict form (the line under a table's caption is the next caption,
    //    or a value of no form).
    const bool nothing_after =
        std::all_of(line.words.begin() + static_cast<std::ptrdiff_t>(hit.end), line.words.end(),
                    [](const Word& w) { return w.norm.empty(); });
    if (h + 1 == line.hits.size() && nothing_after &&
        (candidates.empty() || HasStrictForm(field))) {
      if (auto right = Right(i)) {
        if (field == FieldName::kAddress) {
          right->value += AddressRunOn(right->line, right->value, lines_[right->line].box.x,
                                       std::numeric_limits<int>::max());
        }
        candidates.push_back(
            {right->value, lines_[right->line].confidence, std::nullopt, right->words});
      }
    }
    // An address right of its label whose town is on the next line, under its street.
    // Up to the next caption's column when one follows on the label's line ("Domicile : 71
    // BIS ALLÉE DES CHÊNES   DATE DE DÉLIVRANCE": the town under the street, the issuing
    // prefecture under the date, on one row).
    if (field == FieldName::kAddress && inline_count == 1 && hit.end < line.words.size()) {
      const int value_x = line.words[hit.end].box.x;
      const int value_end = next_label < line.words.size() ? line.words[next_label].box.x
                                                           : std::numeric_limits<int>::max();
      for (auto& c : candidates) {
        if (!c.line_below && c.value == candidates.front().value) {
          c.value += AddressRunOn(i, c.value, value_x, value_end);
          break;
        }
      }
    }
    return candidates;
  }

  // Whether line `below` is the next row of a two-column table whose row `i` holds label
  // `hit` and, right of it, its value: the value printed larger than the caption (a stray
  // mark or a misread caption is not), and `below` holding, after a column gap, a word
  // aligned with that value and printed as large — the next row's value, so that the words
  // under the label are the next row's caption, however misread ("Nom / Surname  GIRAUD"
  // over "TT  Chloé Anne": a photo's "Prénoms / Given names" read as "TT").
  bool IsATablesNextRow(size_t i, const LabelHit& hit, size_t below) const {
    const std::vector<Word>& words = parsed_[i].words;
    if (hit.end >= words.size()) return false;
    const cv::Rect& value = words[hit.end].box;
    int caption_height = 0;
    for (size_t k = hit.first; k < hit.end; ++k) {
      caption_height = std::max(caption_height, words[k].box.height);
    }
    if (value.height * 5 < caption_height * 6) return false;
    const std::vector<Word>& next = parsed_[below].words;
    const int height = std::max(1, lines_[below].box.height);
    for (size_t k = 1; k < next.size(); ++k) {
      const cv::Rect& box = next[k].box;
      if (ColumnGap(next[k - 1], next[k], height) && std::abs(box.x - value.x) <= x_tolerance_ &&
          std::abs(box.height - value.height) * 4 <= value.height) {
        return true;
      }
    }
    return false;
  }

  // The rest of an address whose first part `value` stands on line `i` from column_x: " "
  // + the line under it when the first part ends with its postcode (the town); else, when
  // the first part has no postcode, its next lines in the column down to the one holding
  // the postcode and town, at most three and none holding a label ("APPARTEMENT 12" /
  // "59 TER RUE VICTOR HUGO" / "22440 DIJON"). "" when no such line is within reach: the
  // lines under are then another field's, and a French address ends with its town.
  std::string AddressRunOn(size_t i, const std::string& value, int column_x, int column_end) const {
    if (EndsWithPostcode(value)) {
      auto more = Below(i, column_x, column_end);
      return more ? " " + more->value : "";
    }
    if (HasPostcode(value)) return "";
    std::string rest;
    size_t at = i;
    for (int k = 0; k < 3; ++k) {
      auto more = Below(at, column_x, column_end);
      if (!more || !parsed_[more->line].hits.empty()) return "";
      rest += " " + more->value;
      if (StartsWithPostcode(more->value)) return rest;
      if (HasPostcode(more->value)) return "";
      at = more->line;
    }
    return "";
  }

 private:
  const std::vector<OcrLine>& lines_;
  const Captions captions_;
  const int x_tolerance_, x_reach_, row_reach_;
  std::vector<LineLabels> parsed_;
};

// Whether label `hit` names both names ("Nom et prénom  MARCHAND Camille").
bool NamesBothNames(const LineLabels& line, const LabelHit& hit) {
  if (hit.field != FieldName::kSurname) return false;
  for (size_t k = hit.first; k < hit.end; ++k) {
    if (line.words[k].norm.rfind("prenom", 0) == 0) return true;
  }
  return false;
}

// Whether label `hit` names both the birth date and the place ("Date et lieu de naissance",
// "Date and place of birth"): one value holds both.
bool NamesDateAndPlace(const LineLabels& line, const LabelHit& hit) {
  if (hit.field != FieldName::kBirthDate) return false;
  std::string_view bare;  // the label's one word, "" when it has more
  for (size_t k = hit.first; k < hit.end; ++k) {
    std::string_view norm = line.words[k].norm;
    while (norm.ends_with(':') || norm.ends_with(' ')) norm.remove_suffix(1);
    if (norm.empty()) continue;
    bare = bare.empty() && k == hit.first ? norm : std::string_view("-");
  }
  if (IsTheBirthAlone(bare)) return true;
  for (size_t k = hit.first; k < hit.end; ++k) {
    // "Date/Lieu de naissance": one word.
    std::string_view rest = line.words[k].norm;
    while (!rest.empty()) {
      const size_t slash = std::min(rest.find('/'), rest.size());
      const std::string_view part = rest.substr(0, slash);
      if (part == "lieu" || part == "place") return true;
      rest.remove_prefix(std::min(rest.size(), slash + 1));
    }
  }
  return false;
}

struct DateAndPlace {
  std::string date, place;  // place "" when what is left is no place
};

// A date and a place in one value, in either order ("13.07.1990 à PARIS", "PARIS, le
// 13.07.1990"): the longest run of first (else last) words that is a date, and the rest
// without the words that join them ("à", "in", "le", "on", commas).
std::optional<DateAndPlace> SplitDateAndPlace(const std::string& value) {
  const std::vector<std::string> words = SplitWords(value);
  auto join = [&](size_t from, size_t to) {
    std::string out;
    for (size_t k = from; k < to; ++k) out += (out.empty() ? "" : " ") + words[k];
    return out;
  };
  auto is_joiner = [](const std::string& word) {
    const std::string norm = NormalizeLabelText(word);
    return norm.empty() || norm == "a" || norm == "in" || norm == "le" || norm == "on" ||
           norm == "at";
  };
  auto place_of = [&](size_t from, size_t to) {
    while (from < to && is_joiner(words[from])) ++from;
    while (to > from && is_joiner(words[to - 1])) --to;
    std::string place = join(from, to);
    while (!place.empty() && (place.back() == ',' || place.back() == '.')) place.pop_back();
    place = RepairValue(FieldName::kBirthPlace, Trim(place));
    return FitsForm(FieldName::kBirthPlace, place) && !IsOnlyALabel(place) ? place : "";
  };
  auto date_of = [&](size_t from, size_t to) {
    std::string date = join(from, to);
    while (!date.empty() && (date.back() == ',' || date.back() == '.')) date.pop_back();
    date = RepairValue(FieldName::kBirthDate, Trim(date));
    return FitsForm(FieldName::kBirthDate, date) ? date : "";
  };
  for (size_t n = words.size(); n >= 1; --n) {
    if (std::string date = date_of(0, n); !date.empty()) {
      return DateAndPlace{date, place_of(n, words.size())};
    }
  }
  for (size_t n = words.size(); n-- > 1;) {  // shorter runs of last words
    if (std::string date = date_of(words.size() - n, words.size()); !date.empty()) {
      return DateAndPlace{date, place_of(0, words.size() - n)};
    }
  }
  return std::nullopt;
}

}  // namespace

Fields ReadLabelledFields(const std::vector<OcrLine>& lines, int document_width,
                          Captions captions) {
  Fields fields;
  const LabelledPage page(lines, document_width, captions);
  // Where a birth date stood under a "born on" label ("Né(e) le", "Born"), for the place.
  struct BornOn {
    size_t line;
    int column_x, column_end;
  };
  std::optional<BornOn> born_on;
  // Full labels first; a label that is also a short word ("à", "in") only for a field no
  // full label gave.
  for (const bool weak_pass : {false, true}) {
    for (size_t i = 0; i < page.size(); ++i) {
      const LineLabels& line = page.parsed(i);
      for (size_t h = 0; h < line.hits.size(); ++h) {
        const LabelHit& hit = line.hits[h];
        if (!hit.field || fields.count(*hit.field) || hit.weak != weak_pass) continue;
        const FieldName field = *hit.field;
        const std::vector<Candidate> candidates = page.CandidatesFor(i, h);
        if (NamesBothNames(line, hit)) {
          for (const auto& candidate : candidates) {
            if (auto names = AsGivenNamesAndSurname(candidate.value)) {
              fields[FieldName::kSurname] =
                  Field{names->second,
                        ValueConfidence(candidate.words, names->second, candidate.confidence),
                        FieldSource::kVisual};
              if (!fields.count(FieldName::kGivenNames)) {
                fields[FieldName::kGivenNames] =
                    Field{names->first,
                          ValueConfidence(candidate.words, names->first, candidate.confidence),
                          FieldSource::kVisual};
              }
              break;
            }
          }
          continue;
        }
        if (NamesDateAndPlace(line, hit)) {
          // The first candidate with a date gives it; the first with a place too gives both
          // (a candidate cut at a column's edge may hold the date alone).
          for (const auto& candidate : candidates) {
            const auto both = SplitDateAndPlace(candidate.value);
            if (!both) continue;
            if (!fields.count(field) || !both->place.empty()) {
              fields[field] = Field{
                  both->date, ValueConfidence(candidate.words, both->date, candidate.confidence),
                  FieldSource::kVisual};
            }
            if (both->place.empty()) continue;
            if (!fields.count(FieldName::kBirthPlace)) {
              fields[FieldName::kBirthPlace] = Field{
                  both->place, ValueConfidence(candidate.words, both->place, candidate.confidence),
                  FieldSource::kVisual};
            }
            break;
          }
          continue;
        }
        // "Licence" alone names the number only when the value is a whole one, seven digits
        // and the letter: "Licence 2027" is a heading, "Licence Club Adulte" a type.
        // (One word, as read: "licencié" is "licence" with a slip; a stray ':' or '·' in
        // the caption is no word.)
        int key_words = 0;
        if (field == FieldName::kLicenceNumber) {
          for (size_t k = hit.first; k < hit.end; ++k) {
            const std::string& norm = line.words[k].norm;
            key_words += CountLetters(norm) + CountDigits(norm) > 0;
          }
        }
        const bool bare_licence = field == FieldName::kLicenceNumber && key_words == 1;
        for (const auto& candidate : candidates) {
          // A club's number beside its name, either first ("57920123 – TC PAU"): the name is
          // repaired alone (a repair drops a name's leading digits), the number kept.
          std::optional<std::pair<std::string, std::string>> club_and_number;
          if (field == FieldName::kClubName) club_and_number = ClubNameAndNumber(candidate.value);
          const std::string& read = club_and_number ? club_and_number->first : candidate.value;
          std::string repaired = RepairValue(field, WithoutTrailingDate(field, read));
          if (!FitsForm(field, repaired)) repaired = FormPrefix(field, read);
          if (repaired.empty() || !FitsForm(field, repaired) || IsOnlyALabel(repaired)) continue;
          if (bare_licence && !IsAWholeLicenceNumber(repaired)) continue;
          const double confidence =
              ValueConfidence(candidate.words, repaired, candidate.confidence);
          fields[field] = Field{std::move(repaired), confidence, FieldSource::kVisual};
          if (club_and_number && !fields.count(FieldName::kClubNumber)) {
            fields[FieldName::kClubNumber] =
                Field{std::move(club_and_number->second), confidence, FieldSource::kVisual};
          }
          const std::string& first = line.words[hit.first].norm;
          if (field == FieldName::kBirthDate && candidate.line_below &&
              (first.rfind("ne", 0) == 0 || first == "born")) {
            born_on = BornOn{*candidate.line_below, page.ColumnX(i, h), page.ColumnEnd(i, h)};
          }
          break;
        }
      }
    }
  }
  // "Né(e) le" / its date / "à" / the place: the "à" is small, and Tesseract drops it
  // as a speck; the place still follows the date in its column, as the phrase does.
  if (born_on && !fields.count(FieldName::kBirthPlace)) {
    if (auto place = page.Below(born_on->line, born_on->column_x, born_on->column_end)) {
      std::string value = RepairValue(FieldName::kBirthPlace, place->value);
      if (FitsForm(FieldName::kBirthPlace, value) && !IsOnlyALabel(value) &&
          page.parsed(place->line).hits.empty()) {
        const double confidence =
            ValueConfidence(place->words, value, lines[place->line].confidence);
        fields[FieldName::kBirthPlace] = Field{std::move(value), confidence, FieldSource::kVisual};
      }
    }
  }
  if (!fields.count(FieldName::kSeason)) {
    if (auto season = SeasonOfALicenceHeading(lines)) fields[FieldName::kSeason] = *season;
  }
  // "AS Montferrand Tennis (04650337)", "TC PAU - 57920123": the club's number beside its
  // name.
  if (auto club = fields.find(FieldName::kClubName); club != fields.end()) {
    if (auto split = ClubNameAndNumber(club->second.value)) {
      club->second.value = std::move(split->first);
      if (!fields.count(FieldName::kClubNumber)) {
        fields[FieldName::kClubNumber] =
            Field{std::move(split->second), club->second.confidence, club->second.source};
      }
    }
  }
  // "Nom  LE BRIS Victor" (an app's one row for the holder): both names after the
  // surname's label, told apart by their case, as French documents write them.
  if (auto surname = fields.find(FieldName::kSurname); surname != fields.end()) {
    if (auto names = AsGivenNamesAndSurname(surname->second.value)) {
      const Field read = surname->second;
      surname->second.value = std::move(names->second);
      if (!fields.count(FieldName::kGivenNames)) {
        fields[FieldName::kGivenNames] =
            Field{std::move(names->first), read.confidence, read.source};
      }
    }
  }
  // A French document's address ends with its postcode and town. Without a postcode the
  // value is a part of one: its next line misread ("090.DFEN-FROVENCE" for "13090
  // AIX-EN-PROVENCE") or out of the reading. Kept, but below the confidence a value
  // needs to be told as read (verify's kMinFieldConfidence): not a whole address.
  if (auto address = fields.find(FieldName::kAddress);
      address != fields.end() && !HasPostcode(address->second.value)) {
    address->second.confidence = std::min(address->second.confidence.value_or(1.0), 0.2);
  }
  return fields;
}

bool NamesAField(const OcrLine& line) {
  const std::vector<LabelHit> hits = FindLabels(WordsOf(line), std::max(1, line.box.height));
  return std::any_of(hits.begin(), hits.end(),
                     [](const LabelHit& hit) { return hit.field.has_value() && !hit.weak; });
}

std::optional<cv::Rect> LabelWithoutValue(const std::vector<OcrLine>& lines, const Fields& fields,
                                          FieldName field) {
  if (fields.count(field)) return std::nullopt;
  for (const auto& line : lines) {
    const std::vector<Word> words = WordsOf(line);
    const int height = std::max(1, line.box.height);
    for (const LabelHit& hit : FindLabels(words, height)) {
      if (hit.field != field) continue;
      cv::Rect box = words[hit.first].box;
      for (size_t k = hit.first + 1; k < hit.end; ++k) box |= words[k].box;
      return box;
    }
  }
  return std::nullopt;
}

int NamesContradictingMrz(const mrz::ParsedMrz* proved_mrz, const Fields& fields) {
  if (!proved_mrz || !proved_mrz->valid) return 0;
  int contradicted = 0;
  for (const auto& [name, mrz_value] :
       {std::pair{FieldName::kSurname, proved_mrz->data.surname},
        std::pair{FieldName::kGivenNames, proved_mrz->data.given_names}}) {
    const auto it = fields.find(name);
    const std::string want = LettersOf(mrz_value);
    if (it == fields.end() || want.empty()) continue;
    const std::string got = LettersOf(it->second.value);
    const bool agrees = name == FieldName::kSurname
                            ? got == want
                            : got.rfind(want, 0) == 0 || want.rfind(got, 0) == 0;
    contradicted += agrees ? 0 : 1;
  }
  return contradicted;
}

void ChooseCaptionPlacement(const mrz::ParsedMrz* proved_mrz, const std::vector<OcrLine>& lines,
                            int document_width, Fields& fields) {
  auto surname_of = [&](const Fields& f) {
    auto it = f.find(FieldName::kSurname);
    return it == f.end() ? std::string() : LettersOf(it->second.value);
  };
  const bool mrz_named = proved_mrz && proved_mrz->valid && !proved_mrz->data.surname.empty();
  const std::string want = mrz_named ? LettersOf(proved_mrz->data.surname) : std::string();
  if (mrz_named && surname_of(fields) == want) return;
  Fields under = ReadLabelledFields(lines, document_width, Captions::kUnderValues);
  if (mrz_named ? surname_of(under) != want : under.size() < fields.size() + 2) return;
  // A sex read alone under its label (ReadLoneLetter) stays: M, F or X whatever the
  // captions.
  if (auto sex = fields.find(FieldName::kSex); sex != fields.end()) under.emplace(*sex);
  fields = std::move(under);
}

}  // namespace jae::local
