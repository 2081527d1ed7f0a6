#include "engine/local/caption_table.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "engine/local/ocr_text.h"

namespace jae::local {

const std::vector<Rule>& Rules() {
  static const std::vector<Rule> rules = {
      {FieldName::kLicenceNumber,
       {"n de licence", "no de licence", "n0 de licence", "numero de licence", "numero licence",
        "licence n", "licence no", "licence number", "license number", "license no", "n licence",
        "no licence", "licence fft n", "licence fft no", "n fft", "no fft", "numero fft",
        // Alone, only over a whole number (field_reader.cc): "Licence 2027" is a heading.
        "licence", "license"}},
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
      // "NAT.": the residence permit's abbreviation.
      {FieldName::kNationality, {"nationalite", "nationality", "nacionalidad", "nat"}},
      {FieldName::kAddress,
       {"adresse", "address", "domicile", "adresse du titulaire", "holder s address",
        "holders address", "demeurant", "lieu de residence", "domicilie(e) a", "domiciliee a",
        "domicilie a", "domicilie e a", "adresse du domicile", "adresse postale",
        "adresse de residence"}},
      // The ranking is computed monthly (reference/fft-licence.md §2): an app names the
      // one in force "actuel", "mensuel" or "en cours" ("Meilleur classement", a past
      // best, is no caption of it).
      {FieldName::kRanking,
       {"classement simple", "classement actuel", "classement mensuel", "classement en cours",
        "classement", "ranking"}},
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

bool IsTheBirthAlone(std::string_view key) {
  return key == "naissance" || key == "born" || key == "birth";
}

namespace {

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

// Whether `a` and `b` are at most two edits apart: the edit distance of where they differ
// (most pairs part at once on their lengths).
bool WithinTwoEdits(std::string_view a, std::string_view b) {
  if (a.size() > b.size() + 2 || b.size() > a.size() + 2) return false;
  const auto [in_a, in_b] = WhereTheyDiffer(a, b);
  return EditDistance(in_a, in_b) <= 2;
}

}  // namespace

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

namespace {

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
  // A caption of several words printed small, read with its spaces lost and one slip
  // ("lieudevaissance" for "lieu de naissance"): its first word, up to a space, a colon or a
  // slash, is the key without its spaces, give or take one character. Not a key ending in a
  // word of one or two letters: "passeport" alone (a title) is one slip from "passeport n".
  const size_t last_word = key.rfind(' ');
  if (slips == 1 && last_word != std::string_view::npos && key.size() - last_word > 3) {
    std::string compact(key);
    std::erase(compact, ' ');
    const size_t end = std::min(norm.find_first_of(" :/"), norm.size());
    if (compact.size() >= 10 && end + 1 >= compact.size() && end <= compact.size() + 1 &&
        WithinOneEdit(norm.substr(0, end), compact)) {
      return end;
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

}  // namespace

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

bool IsOnlyALabel(std::string_view value) {
  std::string norm = NormalizeLabelText(value);
  while (!norm.empty() && (norm.back() == ':' || norm.back() == ' ')) norm.pop_back();
  if (norm.empty()) return false;
  const auto key = LongestKey(norm);
  if (key && key->second >= norm.size()) return true;
  // A bilingual caption misread ("Sitorité / Atthortey"): each of its two languages a
  // caption.
  if (const size_t slash = norm.find('/'); slash != std::string::npos && slash == norm.rfind('/')) {
    const std::string_view whole = norm;
    const std::string_view first = whole.substr(0, slash), second = whole.substr(slash + 1);
    if (!LettersOf(first).empty() && !LettersOf(second).empty() && IsOnlyALabel(first) &&
        IsOnlyALabel(second)) {
      return true;
    }
  }
  // A caption misread beyond one slip ("Surnatne", "Place of hérth", "Natiohafty.", "Pace
  // of bath"): its letters as many as a long key's, give or take one (two when both are
  // words of ten letters or more: a one-word name such as NATIONALE stays one letter's
  // length from "nationalité"), and within a third of them of that key. A value is never
  // its caption.
  const std::string mine = LettersOf(norm);
  const bool several_words = norm.find(' ') != std::string::npos;
  for (const Rule& rule : Rules()) {
    for (std::string_view k : rule.keys) {
      const std::string theirs = LettersOf(k);
      const bool long_phrase =
          several_words && theirs.size() >= 10 && k.find(' ') != std::string_view::npos;
      const size_t give = long_phrase ? 2 : 1;
      if (theirs.size() < 7 || mine.size() + give < theirs.size() ||
          mine.size() > theirs.size() + give) {
        continue;
      }
      if (EditDistance(mine, theirs) * 3 <= static_cast<int>(theirs.size())) return true;
    }
  }
  return false;
}

std::string NormalizeLabelText(std::string_view s) {
  static const std::pair<std::string_view, std::string_view> kFold[] = {
      {"à", "a"},
      {"â", "a"},
      {"ä", "a"},
      {"ç", "c"},
      {"è", "e"},
      {"é", "e"},
      {"ê", "e"},
      {"ë", "e"},
      {"î", "i"},
      {"ï", "i"},
      {"ô", "o"},
      {"ö", "o"},
      {"ù", "u"},
      {"û", "u"},
      {"ü", "u"},
      {"À", "a"},
      {"Â", "a"},
      {"Ç", "c"},
      {"È", "e"},
      {"É", "e"},
      {"Ê", "e"},
      {"Ë", "e"},
      {"Î", "i"},
      {"Ï", "i"},
      {"Ô", "o"},
      {"Ù", "u"},
      {"Û", "u"},
      {"°", "o"},
      {"º", "o"},
      // Ligatures as their two letters ("Cæn" is a misread "Caen", "Cœur" "coeur").
      {"æ", "ae"},
      {"Æ", "ae"},
      {"œ", "oe"},
      {"Œ", "oe"}};
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

}  // namespace jae::local
