#include "engine/local/field_reader.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdlib>
#include <limits>
#include <optional>
#include <set>
#include <tuple>
#include <utility>

#include "engine/local/french_places.h"
#include "engine/local/ocr_text.h"
#include "verify/forms.h"
#include "verify/normalize.h"
#include "verify/text.h"

namespace jae::local {
namespace {

struct Rule {
  std::optional<FieldName> field;      // none: a known label of no field we read (a stop)
  std::vector<std::string_view> keys;  // normalised label prefixes
};

// French and English wordings of each label (real documents print both, "Nom / Surname",
// in either order). Where two keys start alike the longest match wins ("nom du club" over
// "nom", "date de naissance" over "date").
const std::vector<Rule>& Rules() {
  static const std::vector<Rule> rules = {
      {FieldName::kLicenceNumber,
       {"n de licence", "no de licence", "n0 de licence", "numero de licence", "numero licence",
        "licence n", "licence no", "licence number", "license number", "license no", "n licence",
        "no licence", "licence fft n", "licence fft no", "n fft", "no fft", "numero fft"}},
      // "N° d'affiliation": the FFT's own word for a club's number.
      {FieldName::kClubNumber,
       {"n d affiliation", "no d affiliation", "n0 d affiliation", "numero d affiliation",
        "n affiliation",   "no affiliation",   "n0 affiliation",   "numero affiliation",
        "affiliation",     "code fft du club", "code fft club",    "n de club",
        "no de club",      "n0 de club",       "n du club",        "no du club",
        "numero du club",  "numero de club",   "code club",        "code du club",
        "club number",     "club code",        "club no",          "n club",
        "no club"}},
      {FieldName::kDocumentNumber,
       {"n du document", "no du document", "n0 du document", "numero du document",
        "numero de document", "n de document", "no de document", "n0 de document",
        // Abbreviated where the caption's column is narrow ("N° DOC.").
        "n doc", "no doc", "n0 doc", "numero de carte", "n de carte", "no de carte", "n du titre",
        "no du titre", "numero du titre", "passeport n", "passeport no", "n de passeport",
        "carte nationale d identite no", "carte nationale d identite n", "document no",
        "n de la carte", "no de la carte", "numero de la carte", "carte n", "carte no",
        "n document", "no document", "document n", "document number", "passport no",
        "passport number", "card no", "card number", "numero de passeport", "numero du passeport",
        "n titre", "no titre", "n cni", "no cni", "numero cni"}},
      // "Date et lieu de naissance": one caption over both, the date and then the place.
      {FieldName::kBirthDate,
       {"date et lieu de naissance", "date et lieu de naiss", "date lieu de naissance",
        "date/lieu de naissance", "date and place of birth", "date place of birth",
        "lieu et date de naissance", "place and date of birth", "date de naissance",
        "date de naiss", "ne(e) le", "nee le", "ne e le", "ne le", "date of birth", "birth date",
        "date naissance", "fecha de nacimiento", "dob",
        // The birth alone names both too ("Naissance : 12/03/1990 à Lyon").
        "naissance", "born", "birth"}},
      {FieldName::kBirthPlace,
       {"lieu de naissance", "lieu de naiss", "lieu naissance", "lieu naiss", "ne(e) a", "nee a",
        "ne e a", "ne a", "a:", "a", "in", "place of birth", "birth place", "birthplace", "born in",
        "ville de naissance", "commune de naissance", "lugar de nacimiento", "ville natale"}},
      {FieldName::kIssueDate,
       {"date de delivrance", "date de delivr", "date de deliv", "date delivrance", "delivre le",
        "delivree le", "emis le", "emise le", "date of issue", "issue date", "issued on",
        "date d emission", "fecha de expedicion", "delivrance", "issued", "fait le", "etabli le",
        "etablie le", "date d etablissement"}},
      {FieldName::kExpiryDate,
       {"date d expiration", "date dexpiration", "date d expir", "date of expiry", "expiry date",
        "expiration date", "date de fin de validite", "fin de validite", "valable jusqu au",
        "valide jusqu au", "expire le", "valid until", "valid thru", "expires", "expiry",
        "expiration", "validite", "fecha de caducidad"}},
      {FieldName::kGivenNames,
       {"prenoms", "prenom(s)", "prenom", "given names", "given name", "first names", "first name",
        "forenames", "nombres", "prenom du titulaire", "prenom du licencie", "prenom du joueur",
        "prenoms du titulaire"}},
      // "Mon club": the app's heading over its club's name.
      // "Club d'appartenance": the club a player belongs to, as forms word it.
      {FieldName::kClubName,
       {"nom du club", "club name", "mon club", "club d appartenance", "club"}},
      // "Nom et prénom  MARCHAND Camille": both names after one label, split by their case.
      {FieldName::kSurname,
       {"nom", "surname", "last name", "family name", "nom de naissance", "nom de famille",
        "birth name", "nom et prenoms", "nom et prenom", "nom et prenom(s)", "apellidos", "noms",
        "nom patronymique", "nom du titulaire", "nom du licencie", "nom du joueur"}},
      {FieldName::kSex, {"sexe", "sex", "genre", "gender", "sexo"}},
      {FieldName::kNationality, {"nationalite", "nationality", "nacionalidad"}},
      {FieldName::kAddress,
       {"adresse", "address", "domicile", "adresse du titulaire", "holder s address",
        "holders address", "demeurant", "lieu de residence", "domicilie(e) a", "domiciliee a",
        "domicilie a", "domicilie e a", "adresse du domicile", "adresse postale",
        "adresse de residence"}},
      {FieldName::kRanking, {"classement simple", "classement", "ranking"}},
      // "Millésime 2027": the FFT's word for a licence's season.
      {FieldName::kSeason,
       {"saison sportive", "saison en cours", "saison", "season", "millesime", "annee sportive"}},
      // Labels of fields we do not read: they end the value before them.
      {std::nullopt,
       {"nom d usage",
        "usage name",
        "alternate name",
        "taille",
        "height",
        "signature",
        "autorite",
        "authority",
        "lieu de delivrance",
        "issued by",
        "issuing authority",
        "autoridad",
        "type",
        "code pays",
        "country code",
        "pays emetteur",
        "issuing state",
        "categorie",
        "classement double",
        "meilleur classement",
        "ligue",
        "licencie(e) depuis",
        "licencie depuis",
        "licenciee depuis",
        "licencie e depuis",
        "edite le",
        "date d edition"}},
  };
  return rules;
}

// A caption that names the birth alone ("Naissance", "Born"): its value holds the date and
// the place.
bool IsTheBirthAlone(std::string_view key) {
  return key == "naissance" || key == "born" || key == "birth";
}

// `a` and `b` without their common prefix and suffix: where they differ.
std::pair<std::string_view, std::string_view> WhereTheyDiffer(std::string_view a,
                                                              std::string_view b) {
  size_t i = 0;
  while (i < a.size() && i < b.size() && a[i] == b[i]) ++i;
  size_t ja = a.size(), jb = b.size();
  while (ja > i && jb > i && a[ja - 1] == b[jb - 1]) {
    --ja;
    --jb;
  }
  return {a.substr(i, ja - i), b.substr(i, jb - i)};
}

// Whether `a` and `b` are at most one edit apart (one character changed, added or
// dropped): at most one character left on each side where they differ; linear, where a
// full edit distance ran for every key at every word.
bool WithinOneEdit(std::string_view a, std::string_view b) {
  const auto [in_a, in_b] = WhereTheyDiffer(a, b);
  return in_a.size() <= 1 && in_b.size() <= 1;
}

int EditDistance(std::string_view a, std::string_view b);

// Whether `a` and `b` are at most two edits apart: the edit distance of where they differ
// (most pairs part at once on their lengths).
bool WithinTwoEdits(std::string_view a, std::string_view b) {
  if (a.size() > b.size() + 2 || b.size() > a.size() + 2) return false;
  const auto [in_a, in_b] = WhereTheyDiffer(a, b);
  return EditDistance(in_a, in_b) <= 2;
}

// Levenshtein distance; for short strings (a caption's letters).
int EditDistance(std::string_view a, std::string_view b) {
  std::vector<int> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = static_cast<int>(j);
  for (size_t i = 1; i <= a.size(); ++i) {
    int diagonal = row[0];
    row[0] = static_cast<int>(i);
    for (size_t j = 1; j <= b.size(); ++j) {
      const int above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

// Whether `norm` starts with `key` and, if so, how many characters of `norm` the label
// spans: as printed or abbreviated (`slips` 0), else with one OCR slip in a long key
// (`slips` 1), else with two in a key of several words (`slips` 2). Each call tries its
// own level only: the caller asks them in turn, most of its keys failing at the first.
std::optional<size_t> MatchPrefix(std::string_view norm, std::string_view key, int slips) {
  if (norm.substr(0, key.size()) == key) {
    if (slips > 0) return std::nullopt;  // settled as printed
    // A whole-word match: "nom" must not match "nombre".
    if (norm.size() == key.size() || !std::isalpha(static_cast<unsigned char>(norm[key.size()])) ||
        !std::isalpha(static_cast<unsigned char>(key.back()))) {
      return key.size();
    }
    return std::nullopt;
  }
  if (slips == 0) {
    // An abbreviated label ("Date de déliv.", "Lieu de naiss."): a key of several words cut
    // inside its last word, at least four of that word's letters kept.
    if (const size_t space = key.rfind(' '); space != std::string_view::npos) {
      for (size_t len = key.size() - 1; len >= space + 5; --len) {
        if (norm.substr(0, len) == key.substr(0, len) &&
            (len == norm.size() || !std::isalpha(static_cast<unsigned char>(norm[len])))) {
          return len;
        }
      }
    }
    return std::nullopt;
  }
  // One slip: a character changed, added or dropped ("Née) à" for "Né(e) à").
  if (slips == 1 && key.size() >= 6 && norm.size() + 1 >= key.size()) {
    for (size_t len : {key.size() - 1, key.size(), key.size() + 1}) {
      if (len > norm.size()) continue;
      if (WithinOneEdit(norm.substr(0, len), key) &&
          (len == norm.size() || !std::isalpha(static_cast<unsigned char>(norm[len])))) {
        return len;
      }
    }
  }
  // Two slips in a caption of several words and ten letters or more, its first two letters
  // right and as many words: a blurred scan's "détvrée le" (délivrée le), "valable
  // jusqu'es" (jusqu'au). A single word that near a caption may be a name ("NATIONALE").
  const auto words = [](std::string_view s) { return std::count(s.begin(), s.end(), ' '); };
  if (slips == 2 && key.size() >= 10 && words(key) > 0 && norm.size() + 2 >= key.size() &&
      norm.substr(0, 2) == key.substr(0, 2)) {
    for (size_t len = key.size() - 2; len <= key.size() + 2 && len <= norm.size(); ++len) {
      // Ending where a word does, no digit in it: a street's number after "Domicile" is two
      // slips from "domicilie a" ("domicile 1|34").
      const std::string_view read = norm.substr(0, len);
      if ((len == norm.size() ||
           std::string_view(" :/").find(norm[len]) != std::string_view::npos) &&
          std::none_of(read.begin(), read.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
          words(read) == words(key) && WithinTwoEdits(read, key)) {
        return len;
      }
    }
  }
  return std::nullopt;
}

// Strips separators around a value: ASCII ones, and whole dashes and ellipses (dot
// leaders read as "…"). UTF-8 aware: a byte set holding "—" would also strip the first
// bytes of "…" or "é" and leave a broken character (seen: a leader before given names).
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

// "AS Montferrand Tennis (04650337)": a name and the number in brackets after it (five to
// ten digits, spaces dropped), or nullopt when `text` does not end so.
std::optional<std::pair<std::string, std::string>> NameAndBracketedNumber(std::string_view text) {
  const size_t open = text.rfind(" (");
  if (open == std::string_view::npos || text.empty() || text.back() != ')') return std::nullopt;
  std::string number(text.substr(open + 2, text.size() - open - 3));
  std::erase(number, ' ');
  if (number.size() < 5 || number.size() > 10 ||
      !std::all_of(number.begin(), number.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return std::nullopt;
  }
  return std::make_pair(std::string(text.substr(0, open)), std::move(number));
}

// Letters OCR gives for digits, where a field holds digits only: a date ("08 O1 2019") or
// a ranking ("O", "3O/5"). Applied only when the rest already looks like such a value, so
// "NC" or a date written in words stays as read.
std::string DigitsForLookAlikes(std::string value) {
  int digits = 0;
  for (char c : value) {
    if (c >= '0' && c <= '9') {
      ++digits;
    } else if (c != 'O' && c != 'o' && c != 'I' && c != 'l' && c != ' ' && c != '.' && c != '/' &&
               c != '-') {
      return value;
    }
  }
  if (digits == 0 && value != "O") return value;
  for (char& c : value) {
    if (c == 'O' || c == 'o') c = '0';
    if (c == 'I' || c == 'l') c = '1';
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

bool IsRanking(std::string_view value);

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
    case FieldName::kLicenceNumber: {
      // "3570355 1": a licence number ends with its letter (reference/fft-licence.md §1),
      // so a lone character after seven digits is that letter, and a digit there is the
      // letter it looks like.
      static constexpr std::string_view kDigits = "012568", kLetters = "OIZSGB";
      // "1234567-A": the letter joined by a dash.
      if (value.size() == 9 && value[7] == '-' && CountDigits(value.substr(0, 7)) == 7 &&
          std::isupper(static_cast<unsigned char>(value[8]))) {
        value[7] = ' ';
      }
      const size_t at = kDigits.find(value.empty() ? ' ' : value.back());
      if (value.size() == 9 && value[7] == ' ' && CountDigits(value.substr(0, 7)) == 7 &&
          at != std::string_view::npos) {
        value.back() = kLetters[at];
      }
      return value;
    }
    case FieldName::kSurname:
      return GraveForMisreadDiaeresis(WithoutLetterlessEnds(std::move(value)));
    case FieldName::kGivenNames:
      return GraveForMisreadDiaeresis(WithoutSexAfter(WithoutLetterlessEnds(std::move(value))));
    case FieldName::kClubName:
      return GraveForMisreadDiaeresis(WithoutLetterlessEnds(std::move(value), /*trailing=*/false));
    case FieldName::kAddress:
      return WithTownAccents(GraveForMisreadDiaeresis(std::move(value)));
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

namespace {

// ---- the value's own form ------------------------------------------------------------

// Day, month and year, in either order (D M Y or Y M D), in digits or with the month in
// words (French or English, "12 MARS 1985", "12 Mar 1985"); nothing else.
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

// A ranking of French tennis: NC, 40, 30/5 ... 15/1, 15, 5/6 ... 1/6, 0, -2/6 ... -15, or
// a numbered top player ("N° 12", "Top 40").
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

// Whether a word of `value` starts with a capital letter (ASCII, or Latin-1's À-Þ in
// UTF-8: "Élise", "ÉMILIE").
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

// Whether `value` has the form its field must have. A value that fails is no fact: the
// label's value was mis-read or mis-placed (the next column's date glued to a
// nationality), and an absent field is better than a wrong one.
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
      // in capitals, lower case only in its particles ("de", "le").
      return IsWords(value) && CountLetters(value) >= 2 && HasCapitalisedWord(value);
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
      // documents' carry digits. A word of a name ("GARNIER") is neither.
      return alnum >= 6 && alnum <= 14 && (CountDigits(value) >= 1 || alnum == 9);
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
      const auto words = std::count(value.begin(), value.end(), ' ') + 1;
      return CountLetters(value) >= 2 && !IsDate(value) && words <= 8 &&
             value.find(", ") == std::string_view::npos;
    }
    case FieldName::kAddress:
      return CountLetters(value) >= 2 && !IsDate(value);
    default:
      return !value.empty();
  }
}

// Whether a field's form tells its value from stray words: a date, a number, a sex, a
// season or ranking — not a name, a place or an address.
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

// ---- labels and their values on a line ------------------------------------------------

// A word with its normalised text.
struct Word {
  std::string text;
  std::string norm;
  cv::Rect box;
  double confidence;
};

// The words of a line: the reader's, or (when it gave none) the text split on spaces,
// each given a share of the line's box by its length.
std::vector<Word> WordsOf(const OcrLine& line) {
  std::vector<Word> words;
  if (!line.words.empty()) {
    for (const auto& w : line.words) {
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

// A label found on a line: words [first, end) (its '/'-joined other language and its ':'
// included), and the field it names (none for a stop label).
struct LabelHit {
  size_t first = 0, end = 0;
  std::optional<FieldName> field;
  bool colon = false;
  // A label that is also a short word ("à", "in"): it gives its field only when no full
  // label on the page does ("LIEU DE NAISSANCE" over a speck read "a" left of "FRA").
  bool weak = false;
};

// The longest key of any rule that `norm` starts with: its rule and length.
std::optional<std::pair<const Rule*, size_t>> LongestKey(std::string_view norm) {
  // The key that spans most of `norm`; of two that span as much, one as printed before one
  // read with a slip ("N° du club" is "no du club", not "nom du club" with its 'm' lost),
  // then the longer.
  std::optional<std::pair<const Rule*, size_t>> best;
  std::tuple<size_t, int, size_t> best_rank{0, -2, 0};
  size_t best_key = 0;
  for (const auto& rule : Rules()) {
    for (auto key : rule.keys) {
      int slips = 0;
      auto len = MatchPrefix(norm, key, 0);
      if (!len) len = MatchPrefix(norm, key, ++slips);
      if (!len) continue;
      const std::tuple<size_t, int, size_t> rank{*len, -slips, key.size()};
      if (!best || rank > best_rank) {
        best = std::make_pair(&rule, *len);
        best_rank = rank;
      }
    }
  }
  if (best) return best;
  // Two slips only where no key matched with fewer: they would outspan a key read right.
  for (const auto& rule : Rules()) {
    for (auto key : rule.keys) {
      const auto len = MatchPrefix(norm, key, 2);
      if (len && (!best || std::pair(*len, key.size()) > std::pair(best->second, best_key))) {
        best = std::make_pair(&rule, *len);
        best_key = key.size();
      }
    }
  }
  return best;
}

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

// Whether `value` is nothing but a label ("Nom", "Prénom :"): read where the value should
// be when the real one was lost (too faint, out of the frame), it names a field, it is
// not the value of one — a surname "nom" would pass every form a name has.
bool IsOnlyALabel(std::string_view value) {
  std::string norm = NormalizeLabelText(value);
  while (!norm.empty() && (norm.back() == ':' || norm.back() == ' ')) norm.pop_back();
  if (norm.empty()) return false;
  const auto key = LongestKey(norm);
  if (key && key->second >= norm.size()) return true;
  // A caption misread beyond one slip ("Surnatne", "Place of hérth", "Natiohafty."): its
  // letters as many as a long key's, give or take one, and within a third of them of that
  // key. A value is never its caption.
  const std::string mine = LettersOf(norm);
  for (const Rule& rule : Rules()) {
    for (std::string_view k : rule.keys) {
      const std::string theirs = LettersOf(k);
      if (theirs.size() < 7 || mine.size() + 1 < theirs.size() || mine.size() > theirs.size() + 1) {
        continue;
      }
      if (EditDistance(mine, theirs) * 3 <= static_cast<int>(theirs.size())) return true;
    }
  }
  return false;
}

std::string FormPrefix(FieldName field, const std::string& value);
std::string JoinWords(const std::vector<Word>& words, size_t from, size_t to);

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
    return repaired;
  }
  return "";
}

}  // namespace

std::string NormalizeLabelText(std::string_view s) {
  static const std::pair<std::string_view, char> kFold[] = {
      {"à", 'a'}, {"â", 'a'}, {"ä", 'a'}, {"ç", 'c'}, {"è", 'e'}, {"é", 'e'},
      {"ê", 'e'}, {"ë", 'e'}, {"î", 'i'}, {"ï", 'i'}, {"ô", 'o'}, {"ö", 'o'},
      {"ù", 'u'}, {"û", 'u'}, {"ü", 'u'}, {"À", 'a'}, {"Â", 'a'}, {"Ç", 'c'},
      {"È", 'e'}, {"É", 'e'}, {"Ê", 'e'}, {"Ë", 'e'}, {"Î", 'i'}, {"Ï", 'i'},
      {"Ô", 'o'}, {"Ù", 'u'}, {"Û", 'u'}, {"°", 'o'}, {"º", 'o'}};
  std::string out;
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      char ch = static_cast<char>(std::tolower(c));
      if (std::isalnum(static_cast<unsigned char>(ch)) || ch == ':' || ch == '/' || ch == '(' ||
          ch == ')') {
        out += ch;
      } else if (!out.empty() && out.back() != ' ') {
        out += ' ';
      }
      ++i;
      continue;
    }
    bool folded = false;
    for (const auto& [from, to] : kFold) {
      if (s.substr(i, from.size()) == from) {
        out += to;
        i += from.size();
        folded = true;
        break;
      }
    }
    if (!folded) ++i;
  }
  // "n o de" (N° read as two tokens) -> "n de"; "no" stays for the rules that list it.
  std::string collapsed;
  for (char ch : out) {
    if (ch == ' ' && (collapsed.empty() || collapsed.back() == ' ')) continue;
    collapsed += ch;
  }
  while (!collapsed.empty() && collapsed.back() == ' ') collapsed.pop_back();
  // Drop the space OCR puts before ':' so inline labels match the same keys.
  std::string final_text;
  for (size_t i = 0; i < collapsed.size(); ++i) {
    if (collapsed[i] == ' ' && i + 1 < collapsed.size() && collapsed[i + 1] == ':') continue;
    final_text += collapsed[i];
  }
  return final_text;
}

// ---- what an app prints without labels ---------------------------------------------

// "Licence 2027", "Licence 2026-2027", "LICENCE FFT 2023-2024": the season a licence
// heading names (the app shows the licence's season under the holder's name or in its
// card's title, with no "Saison" label).
std::optional<Field> SeasonOfALicenceHeading(const std::vector<OcrLine>& lines) {
  for (const auto& line : lines) {
    const std::string norm = NormalizeLabelText(line.text);
    for (std::string_view key : {"licence ", "license "}) {
      if (norm.rfind(key, 0) != 0) continue;
      // The raw text after the word (the normalised one lost the '-' of "2023-2024"), or
      // after the federation's name.
      const std::vector<std::string> words = SplitWords(line.text);
      for (size_t from = 1; from < words.size() && from <= 2; ++from) {
        if (from == 2 && NormalizeLabelText(words[1]) != "fft") break;
        std::string rest;
        for (size_t k = from; k < words.size(); ++k) rest += (rest.empty() ? "" : " ") + words[k];
        std::string value = RepairValue(FieldName::kSeason, rest);
        if (FitsForm(FieldName::kSeason, value)) {
          return Field{std::move(value), line.confidence, FieldSource::kVisual};
        }
      }
    }
  }
  return std::nullopt;
}

// Words of a club's name ("TC Paris", "ASPTT Lille", "Cercle Sportif de Pau").
bool IsAClubNameWord(std::string_view norm) {
  for (std::string_view w :
       {"tennis", "club", "tc", "padel", "sport", "sports", "sportif", "sportive", "association",
        "as", "us", "asptt", "stade", "racing", "cercle"}) {
    if (norm == w) return true;
  }
  return false;
}

// Words of a club's or a federation's name, or of a licence's heading, which a heading of
// two cases may also be: no person's name.
bool IsAClubWord(std::string_view norm) {
  if (IsAClubNameWord(norm)) return true;
  for (std::string_view w : {"ligue", "comite", "federation", "fft", "licence", "license",
                             "attestation", "saison", "season"}) {
    if (norm == w) return true;
  }
  return false;
}

// "Odile Juliette N'GUESSAN" or "N'GUESSAN Odile Juliette": given names capitalised and
// the surname in capitals, the way French documents and apps write a person's name —
// two to six words, one run of each case, no label and no club's word.
std::optional<std::pair<std::string, std::string>> AsGivenNamesAndSurname(std::string_view text) {
  // Commas part given names ("CAMILLE, ANAËLLE"); one read after the last name is a speck.
  std::vector<std::string> words;
  for (std::string w : SplitWords(text)) {
    while (!w.empty() && w.back() == ',') w.pop_back();
    if (!w.empty()) words.push_back(std::move(w));
  }
  if (words.size() < 2 || words.size() > 6) return std::nullopt;
  std::vector<WordCase> cases;
  for (const auto& w : words) {
    const WordCase c = CaseOf(w);
    if (c == WordCase::kOther || IsAClubWord(NormalizeLabelText(w)) || IsOnlyALabel(w)) {
      return std::nullopt;
    }
    cases.push_back(c);
  }
  size_t split = 1;
  while (split < cases.size() && cases[split] == cases[0]) ++split;
  if (split == cases.size()) return std::nullopt;
  for (size_t k = split; k < cases.size(); ++k) {
    if (cases[k] == cases[0]) return std::nullopt;
  }
  auto join = [&](size_t from, size_t to) {
    std::string out;
    for (size_t k = from; k < to; ++k) out += (out.empty() ? "" : " ") + words[k];
    return out;
  };
  if (cases[0] == WordCase::kCapitalised)
    return std::make_pair(join(0, split), join(split, words.size()));
  return std::make_pair(join(split, words.size()), join(0, split));
}

namespace {

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
    if (!hit.colon && inline_count == 1 && candidates.size() == 2) {
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
    if (field == FieldName::kAddress && inline_count == 1 && hit.end < line.words.size()) {
      const int value_x = line.words[hit.end].box.x;
      for (auto& c : candidates) {
        if (!c.line_below && c.value == candidates.front().value) {
          c.value += AddressRunOn(i, c.value, value_x, std::numeric_limits<int>::max());
          break;
        }
      }
    }
    return candidates;
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
        for (const auto& candidate : candidates) {
          std::string repaired = RepairValue(field, WithoutTrailingDate(field, candidate.value));
          if (!FitsForm(field, repaired)) repaired = FormPrefix(field, candidate.value);
          if (repaired.empty() || !FitsForm(field, repaired) || IsOnlyALabel(repaired)) continue;
          const double confidence =
              ValueConfidence(candidate.words, repaired, candidate.confidence);
          fields[field] = Field{std::move(repaired), confidence, FieldSource::kVisual};
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
  // "AS Montferrand Tennis (04650337)": the club's number in brackets after its name.
  if (auto club = fields.find(FieldName::kClubName); club != fields.end()) {
    if (auto split = NameAndBracketedNumber(club->second.value)) {
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

namespace {

// The name after a civility in the text of `lines` read as one paragraph (a name may
// wrap), up to the comma or parenthesis that ends it; with the sex the civility says.
// `text` without a word of two or three capitals that are the initials of its other
// words, in order (an avatar's "HC" beside "Hugo" / "CHEVALIER").
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
    if (initials.size() != w.size() || initials != w) continue;
    std::string out;
    for (size_t j = 0; j < words.size(); ++j) {
      if (j != k) out += (out.empty() ? "" : " ") + words[j];
    }
    return out;
  }
  return text;
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
  OcrLine rest{"", line.words[1].box, line.confidence, {line.words.begin() + 1, line.words.end()}};
  for (const auto& word : rest.words) {
    rest.text += (rest.text.empty() ? "" : " ") + word.text;
    rest.box |= word.box;
  }
  // Taller than the words, or standing off their line (the disc spans both name lines).
  const int centre_offset =
      std::abs((first.box.y * 2 + first.box.height) - (rest.box.y * 2 + rest.box.height));
  if (first.box.height * 10 < rest.box.height * 13 && centre_offset <= rest.box.height) return line;
  return rest;
}

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
  static const std::pair<std::string_view, std::string_view> kCivilities[] = {
      {"Monsieur ", "M"}, {"Madame ", "F"}, {"Mademoiselle ", "F"}, {"M. ", "M"},
      {"Mme ", "F"},      {"Mme. ", "F"},   {"Mlle ", "F"}};
  for (const auto& [civility, sex] : kCivilities) {
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
// names first ("HL  Hugo Lefèvre"; the disc's letters read with one slip, "HD"). Without
// the initials two capitalised words may be anything ("Licence Valide"); with them they
// are the name the initials abbreviate.
std::optional<std::pair<std::string, std::string>> NameBesideInitials(std::string_view text) {
  std::vector<std::string> words = SplitWords(text);
  if (words.size() < 3 || words.size() > 5) return std::nullopt;
  // The disc: the first given name's initial and the surname's ("RB" for "Rémi Sébastien
  // Boyer"), or every name's. Its round edge may be read as a bracket and its letters in
  // lower case ("MP)", "sp"): then both letters must be the names' initials.
  const std::string& read_disc = words.front();
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
  if (words[1][0] != disc[0]) return std::nullopt;  // the surname's letter may be a slip
  if (disc != read_disc && (disc.size() != 2 || words.back()[0] != disc[1])) return std::nullopt;
  return GivenNamesThenSurname(std::vector<std::string>(words.begin() + 1, words.end()));
}

// An app's header: the holder's name in mixed case, given names first, set right over
// the club's name ("Grégoire Gauthier" / "Tennis Club de Vannes"). Two to four capitalised
// words, none a club's word; the surname in capitals.
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
      const std::vector<std::string> words = SplitWords(line.text);
      if (words.size() < 2 || words.size() > 4) continue;
      const bool names = std::all_of(words.begin(), words.end(), [](const std::string& w) {
        return CaseOf(w) == WordCase::kCapitalised && !IsAClubWord(NormalizeLabelText(w)) &&
               !IsOnlyALabel(w);
      });
      if (!names) continue;
      auto [given, surname] = GivenNamesThenSurname(words);
      fields[FieldName::kGivenNames] =
          Field{std::move(given), line.confidence, FieldSource::kVisual};
      fields[FieldName::kSurname] =
          Field{std::move(surname), line.confidence, FieldSource::kVisual};
      return;
    }
  }
}

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
  const OcrLine* best = nullptr;
  std::pair<std::string, std::string> best_name;
  for (const auto& line : headings) {
    auto name = NameBesideInitials(line.text);
    if (!name) name = AsGivenNamesAndSurname(line.text);
    if (!name) continue;
    const bool is_a_value = std::any_of(fields.begin(), fields.end(), [&](const auto& f) {
      return NormalizeLabelText(f.second.value) == NormalizeLabelText(line.text);
    });
    if (is_a_value) continue;
    // The heading: the tallest such line, the topmost of equals.
    if (!best || line.box.height > best->box.height ||
        (line.box.height == best->box.height && line.box.y < best->box.y)) {
      best = &line;
      best_name = std::move(*name);
    }
  }
  if (!best) {
    AddNameOverTheClub(lines, fields);
    return;
  }
  fields[FieldName::kGivenNames] =
      Field{std::move(best_name.first), best->confidence, FieldSource::kVisual};
  fields[FieldName::kSurname] =
      Field{std::move(best_name.second), best->confidence, FieldSource::kVisual};
}

namespace {

// `word` without the brackets and bars at its ends: a chip's or badge's rounded ends, or a
// box's edge, read as characters ("[NC", "15/2)").
std::string WithoutBracketEnds(std::string word) {
  constexpr std::string_view kBrackets = "[](){}|";
  while (!word.empty() && kBrackets.find(word.front()) != std::string_view::npos) word.erase(0, 1);
  while (!word.empty() && kBrackets.find(word.back()) != std::string_view::npos) word.pop_back();
  return word;
}

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
          const std::string w = WithoutBracketEnds(word.text);
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
          // level with the caption, within a few of its letters' heights.
          const int ch = std::max(1, caption.box.height);
          const int gap_left = caption.box.x - word.box.br().x;
          const int rows_overlap =
              std::min(word.box.br().y, caption.box.br().y) - std::max(word.box.y, caption.box.y);
          if (gap_left > 0 && gap_left <= 4 * ch && rows_overlap > 0 && word.box.height >= ch) {
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
    const std::string name = Trim(JoinWords(words, 0, words.size()));
    if (!FitsForm(FieldName::kClubName, name) || IsOnlyALabel(name) || CountDigits(name) > 0 ||
        !FindLabels(words, std::max(1, over->box.height)).empty()) {
      return;
    }
    fields[FieldName::kClubName] = Field{name, over->confidence, FieldSource::kVisual};
    return;
  }
}

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
    for (const auto& [known, letter] : kWords) {
      if (word == known) sex = letter;
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
                fields.count(FieldName::kLicenceNumber))) {
      fields[FieldName::kClubNumber] = Field{digits, line.confidence, FieldSource::kVisual};
    }
  }
}

}  // namespace

void AddBareNumbers(const std::vector<OcrLine>& lines, Fields& fields) {
  // Twice: eight digits are the club's number once the licence number is known (a
  // misread licence number has eight digits too), wherever the two stand on the page.
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
  if (!lone) return;
  // A date of the page's latest year or just before is the page's own (printed on, valid
  // until), not a player's birth: the latest year anywhere on the page (the season's) must
  // come at least four years after it. A page that names no other year proves nothing.
  const std::string date = RepairValue(FieldName::kBirthDate, lone->text);
  auto year_of = [](std::string_view text) {
    int latest = 0;
    for (const auto& g : DigitGroups(text)) {
      const int y = g.size() == 4 ? std::atoi(g.c_str()) : 0;
      if (y >= 1900 && y <= 2100) latest = std::max(latest, y);
    }
    return latest;
  };
  int page_year = 0;
  for (const auto& line : lines) {
    if (&line != lone) page_year = std::max(page_year, year_of(line.text));
  }
  if (auto season = fields.find(FieldName::kSeason); season != fields.end()) {
    page_year = std::max(page_year, year_of(season->second.value));
  }
  const int birth_year = year_of(date);
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
    return w;
  };
  for (size_t i = 0; i + 1 < words.size(); ++i) {
    const std::string word = NormalizeLabelText(words[i]);
    // "... pour la saison 2025/2026, ...": the season, named after its end year.
    if (word == "saison" && !fields.count(FieldName::kSeason)) {
      const bool sportive = NormalizeLabelText(words[i + 1]) == "sportive" && i + 2 < words.size();
      const std::string season =
          RepairValue(FieldName::kSeason, strip(words[i + (sportive ? 2 : 1)]));
      if (FitsForm(FieldName::kSeason, season)) {
        fields[FieldName::kSeason] = Field{season, confidence_of(i + 1, 1), FieldSource::kVisual};
      }
    }
    // "... titulaire de la licence n°" / "3358056 S pour la saison ...": the number after
    // the caption, wherever the line wraps, with its letter when one follows.
    if ((word == "licence" || word == "license") && !fields.count(FieldName::kLicenceNumber) &&
        i + 2 < words.size()) {
      const std::string sign = NormalizeLabelText(words[i + 1]);
      if (sign == "n" || sign == "no" || sign == "n0") {
        std::string number = strip(words[i + 2]);
        size_t n = 1;
        if (i + 3 < words.size() && words[i + 3].size() == 1 &&
            std::isupper(static_cast<unsigned char>(words[i + 3][0]))) {
          number += " " + words[i + 3];
          n = 2;
        }
        number = RepairValue(FieldName::kLicenceNumber, number);
        if (CountDigits(number) == 7 && FitsForm(FieldName::kLicenceNumber, number)) {
          fields[FieldName::kLicenceNumber] =
              Field{number, confidence_of(i + 2, n), FieldSource::kVisual};
        }
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
        for (size_t b = k; b < words.size() && b < k + 4; ++b) {
          std::string digits;
          for (char c : words[b]) {
            if (std::isdigit(static_cast<unsigned char>(c))) digits += c;
          }
          if (digits.size() >= 5 && FitsForm(FieldName::kClubNumber, digits)) {
            fields[FieldName::kClubNumber] =
                Field{digits, confidence_of(b, 1), FieldSource::kVisual};
            break;
          }
          if (words[b].find(')') != std::string::npos) break;
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
      std::string pair = words[k];
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
  AddLoneBirthDate(lines, fields);
  AddLoneSeason(lines, fields);
  AddSeasonOfItsValidity(lines, fields);
}

}  // namespace jae::local
