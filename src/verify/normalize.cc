#include "verify/normalize.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <utility>
#include <vector>

#include "mrz/forms.h"
#include "verify/text.h"

namespace jae::verify {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::string Without(std::string_view s, std::string_view drop) {
  std::string out;
  for (char c : s) {
    if (drop.find(c) == std::string_view::npos) out.push_back(c);
  }
  return out;
}

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!IsDigit(c)) return false;
  }
  return true;
}

int ToInt(std::string_view digits) {
  int v = 0;
  for (char c : digits) v = v * 10 + (c - '0');
  return v;
}

struct Token {
  bool number = false;
  std::string text;  // digits, or a folded lower-case word
};

// Digit runs and letter runs (UTF-8 letters included); everything else separates.
std::vector<Token> Tokenize(std::string_view raw) {
  std::vector<Token> tokens;
  std::string word;
  const auto flush_word = [&] {
    if (!word.empty()) tokens.push_back({false, FoldForMatching(word)});
    word.clear();
  };
  for (std::size_t i = 0; i < raw.size();) {
    const char c = raw[i];
    if (IsDigit(c)) {
      flush_word();
      std::size_t j = i;
      while (j < raw.size() && IsDigit(raw[j])) ++j;
      tokens.push_back({true, std::string(raw.substr(i, j - i))});
      i = j;
    } else if (std::isalpha(static_cast<unsigned char>(c)) ||
               static_cast<unsigned char>(c) >= 0x80) {
      word.push_back(c);
      ++i;
    } else {
      flush_word();
      ++i;
    }
  }
  flush_word();
  return tokens;
}

// Month number of a French or English month name or abbreviation (folded), 0 if none.
int MonthOf(std::string_view word) {
  static constexpr std::array<std::array<std::string_view, 5>, 12> kNames = {{
      {"janvier", "janv", "jan", "january", ""},
      {"fevrier", "fevr", "fev", "feb", "february"},
      {"mars", "mar", "march", "", ""},
      {"avril", "avr", "apr", "april", ""},
      {"mai", "may", "", "", ""},
      {"juin", "jun", "june", "", ""},
      {"juillet", "juil", "jul", "july", ""},
      {"aout", "aug", "august", "", ""},
      {"septembre", "sept", "sep", "september", ""},
      {"octobre", "oct", "october", "", ""},
      {"novembre", "nov", "november", "", ""},
      {"decembre", "dec", "december", "", ""},
  }};
  for (std::size_t m = 0; m < kNames.size(); ++m) {
    for (std::string_view name : kNames[m]) {
      if (!name.empty() && name == word) return static_cast<int>(m) + 1;
    }
  }
  return 0;
}

Normalized<CivilDate> MakeDate(std::string_view year, int month, std::string_view day,
                               DateKind kind, const CivilDate& today) {
  if (day.empty() || day.size() > 2 || (year.size() != 2 && year.size() != 4)) {
    return {std::nullopt, Problem::kNotADate};
  }
  CivilDate date{ToInt(year), month, ToInt(day)};
  if (year.size() == 2) {
    date.year += 2000;
    if (kind == DateKind::kPast && date > today) date.year -= 100;
  }
  if (date.year < 1900 || date.year > 2199 || !IsValidCivilDate(date.year, date.month, date.day)) {
    return {std::nullopt, Problem::kInvalidDate};
  }
  return {date, Problem::kNone};
}

}  // namespace

Normalized<CivilDate> NormalizeDate(std::string_view raw, DateKind kind, const CivilDate& today) {
  std::vector<Token> tokens = Tokenize(raw);
  // "1er mars 1990": the ordinal suffix of the first of the month.
  for (std::size_t i = 1; i < tokens.size(); ++i) {
    if (!tokens[i].number && tokens[i].text == "er" && tokens[i - 1].number &&
        ToInt(tokens[i - 1].text) == 1) {
      tokens.erase(tokens.begin() + static_cast<std::ptrdiff_t>(i));
      break;
    }
  }
  // "02 JUIN/JUN 1973": a bilingual document names the month in both languages, its '/'
  // maybe read as a letter ("23 APR R AVR 12").
  for (std::size_t i = 2; i < tokens.size(); ++i) {
    if (!tokens[i - 1].number && tokens[i - 1].text.size() == 1 && !tokens[i].number &&
        !tokens[i - 2].number && MonthOf(tokens[i].text) != 0 &&
        MonthOf(tokens[i].text) == MonthOf(tokens[i - 2].text)) {
      tokens.erase(tokens.begin() + static_cast<std::ptrdiff_t>(i - 1));
      break;
    }
  }
  for (std::size_t i = 1; i < tokens.size(); ++i) {
    if (!tokens[i].number && !tokens[i - 1].number && MonthOf(tokens[i].text) != 0 &&
        MonthOf(tokens[i].text) == MonthOf(tokens[i - 1].text)) {
      tokens.erase(tokens.begin() + static_cast<std::ptrdiff_t>(i));
      break;
    }
  }
  const auto month_number = [](const Token& t) {
    return t.number && t.text.size() <= 2 ? ToInt(t.text) : -1;
  };
  if (tokens.size() == 1 && tokens[0].number && tokens[0].text.size() == 8) {
    const std::string& d = tokens[0].text;  // YYYYMMDD, else DDMMYYYY
    const int head = ToInt(std::string_view(d).substr(0, 4));
    if (head >= 1900 && head <= 2199) {
      return MakeDate(d.substr(0, 4), ToInt(d.substr(4, 2)), d.substr(6, 2), kind, today);
    }
    return MakeDate(d.substr(4, 4), ToInt(d.substr(2, 2)), d.substr(0, 2), kind, today);
  }
  if (tokens.size() != 3) return {std::nullopt, Problem::kNotADate};
  const Token& a = tokens[0];
  const Token& b = tokens[1];
  const Token& c = tokens[2];
  if (a.number && b.number && c.number) {
    if (a.text.size() == 4) return MakeDate(a.text, month_number(b), c.text, kind, today);
    if (a.text.size() <= 2) return MakeDate(c.text, month_number(b), a.text, kind, today);
    return {std::nullopt, Problem::kNotADate};
  }
  if (a.number && !b.number && c.number) {
    const int month = MonthOf(b.text);
    if (month == 0) return {std::nullopt, Problem::kNotADate};
    return MakeDate(c.text, month, a.text, kind, today);
  }
  if (!a.number && b.number && c.number) {
    const int month = MonthOf(a.text);
    if (month == 0) return {std::nullopt, Problem::kNotADate};
    return MakeDate(c.text, month, b.text, kind, today);
  }
  return {std::nullopt, Problem::kNotADate};
}

Normalized<std::string> NormalizeSex(std::string_view raw) {
  const std::string trimmed = CollapseWhitespace(raw);
  if (trimmed == "<") return {"X", Problem::kNone};
  const std::string folded = FoldForMatching(trimmed);
  for (std::string_view f : {"f", "feminin", "femme", "female"}) {
    if (folded == f) return {"F", Problem::kNone};
  }
  for (std::string_view m : {"m", "h", "masculin", "homme", "male"}) {
    if (folded == m) return {"M", Problem::kNone};
  }
  for (std::string_view x : {"x", "non specifie", "unspecified", "neutre", "indetermine"}) {
    if (folded == x) return {"X", Problem::kNone};
  }
  return {std::nullopt, Problem::kNotRecognised};
}

Normalized<std::string> NormalizeLicenceNumber(std::string_view raw) {
  const std::string compact = Upper(Without(CollapseWhitespace(raw), " -./"));
  if (compact.empty()) return {std::nullopt, Problem::kNotRecognised};
  const bool ok = compact.size() == 8 && AllDigits(std::string_view(compact).substr(0, 7)) &&
                  IsUpper(compact[7]);
  return {compact, ok ? Problem::kNone : Problem::kNotRecognised};
}

Normalized<std::string> NormalizeClubNumber(std::string_view raw) {
  const std::string compact = Without(CollapseWhitespace(raw), " -.");
  if (!AllDigits(compact)) return {std::nullopt, Problem::kNotRecognised};
  return {compact, Problem::kNone};
}

Normalized<std::string> NormalizeRanking(std::string_view raw) {
  const std::string trimmed = CollapseWhitespace(raw);
  const std::string folded = FoldForMatching(trimmed);
  if (folded == "nc" || folded == "non classe") return {"NC", Problem::kNone};
  if (folded == "nd" || folded == "non determine") return {"ND", Problem::kNone};
  if (folded == "promotion") return {"Promotion", Problem::kNone};
  std::string s;
  for (std::size_t i = 0; i < trimmed.size(); ++i) {
    const std::string_view rest = std::string_view(trimmed).substr(i);
    if (rest.starts_with("\xE2\x88\x92") || rest.starts_with("\xE2\x80\x93")) {  // − –
      s.push_back('-');
      i += 2;
    } else if (rest.starts_with("\xC2\xB0") || rest.starts_with("\xC2\xBA")) {  // ° º
      s.push_back('#');
      ++i;
    } else if (trimmed[i] != ' ') {
      s.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(trimmed[i]))));
    }
  }
  // Numbered players: N°12, Nº12, N12, NO12, N.12, #12.
  for (std::string_view prefix : {"N#", "NO", "N.", "N", "#"}) {
    if (s.starts_with(prefix) && AllDigits(std::string_view(s).substr(prefix.size()))) {
      const std::string digits = s.substr(prefix.size());
      const int n = digits.size() <= 3 ? ToInt(digits) : 0;
      if (n >= 1 && n <= 100) return {"N\xC2\xB0" + std::to_string(n), Problem::kNone};
      return {trimmed, Problem::kNotRecognised};
    }
  }
  static constexpr std::array<std::string_view, 27> kLadder = {
      "40/2", "40/1", "40",   "30/5", "30/4", "30/3", "30/2", "30/1", "30",
      "15/5", "15/4", "15/3", "15/2", "15/1", "15",   "5/6",  "4/6",  "3/6",
      "2/6",  "1/6",  "0",    "-2/6", "-4/6", "-15",  "-30",  "NC",   "ND"};
  for (std::string_view step : kLadder) {
    if (s == step) return {std::string(step), Problem::kNone};
  }
  return {trimmed, Problem::kNotRecognised};
}

Normalized<std::string> NormalizeSeason(std::string_view raw) {
  const std::vector<Token> tokens = Tokenize(raw);
  const auto year = [](const Token& t) {
    return t.number && t.text.size() == 4 ? ToInt(t.text) : 0;
  };
  const auto plausible = [](int y) { return y >= 1900 && y <= 2199; };
  if (tokens.size() == 1 && plausible(year(tokens[0]))) return {tokens[0].text, Problem::kNone};
  if (tokens.size() == 2 && plausible(year(tokens[0])) && tokens[1].number) {
    const int start = year(tokens[0]);
    int end = -1;
    if (tokens[1].text.size() == 4) end = ToInt(tokens[1].text);
    if (tokens[1].text.size() == 2) end = start / 100 * 100 + ToInt(tokens[1].text);
    if (end == start + 1) return {std::to_string(end), Problem::kNone};
  }
  return {std::nullopt, Problem::kNotRecognised};
}

namespace {

// The state a nationality's word names (French masculine and feminine, English), for the
// nationalities most often seen in France; nullopt for any other word. Only words that name
// one state: "congolais" (COG or COD) is not here.
std::optional<std::string_view> StateOfNationalityWord(std::string_view word) {
  // Each word and the state it names, one state a line.
  // clang-format off
  static constexpr std::pair<std::string_view, std::string_view> kWords[] = {
      {"francais", "FRA"}, {"francaise", "FRA"}, {"france", "FRA"}, {"french", "FRA"},
      {"algerien", "DZA"}, {"algerienne", "DZA"}, {"algerian", "DZA"},
      {"marocain", "MAR"}, {"marocaine", "MAR"}, {"moroccan", "MAR"},
      {"tunisien", "TUN"}, {"tunisienne", "TUN"}, {"tunisian", "TUN"},
      {"portugais", "PRT"}, {"portugaise", "PRT"}, {"portuguese", "PRT"},
      {"italien", "ITA"}, {"italienne", "ITA"}, {"italian", "ITA"},
      {"espagnol", "ESP"}, {"espagnole", "ESP"}, {"spanish", "ESP"},
      {"allemand", "D"}, {"allemande", "D"}, {"german", "D"},
      {"britannique", "GBR"}, {"british", "GBR"},
      {"belge", "BEL"}, {"belgian", "BEL"},
      {"suisse", "CHE"}, {"swiss", "CHE"},
      {"luxembourgeois", "LUX"}, {"luxembourgeoise", "LUX"}, {"luxembourgish", "LUX"},
      {"neerlandais", "NLD"}, {"neerlandaise", "NLD"}, {"dutch", "NLD"},
      {"polonais", "POL"}, {"polonaise", "POL"}, {"polish", "POL"},
      {"roumain", "ROU"}, {"roumaine", "ROU"}, {"romanian", "ROU"},
      {"bulgare", "BGR"}, {"bulgarian", "BGR"},
      {"grec", "GRC"}, {"grecque", "GRC"}, {"greek", "GRC"},
      {"turc", "TUR"}, {"turque", "TUR"}, {"turkish", "TUR"},
      {"russe", "RUS"}, {"russian", "RUS"},
      {"ukrainien", "UKR"}, {"ukrainienne", "UKR"}, {"ukrainian", "UKR"},
      {"senegalais", "SEN"}, {"senegalaise", "SEN"}, {"senegalese", "SEN"},
      {"camerounais", "CMR"}, {"camerounaise", "CMR"}, {"cameroonian", "CMR"},
      {"ivoirien", "CIV"}, {"ivoirienne", "CIV"}, {"ivorian", "CIV"},
      {"malien", "MLI"}, {"malienne", "MLI"}, {"malian", "MLI"},
      {"mauritanien", "MRT"}, {"mauritanienne", "MRT"}, {"mauritanian", "MRT"},
      {"nigerien", "NER"}, {"nigerienne", "NER"},
      {"nigerian", "NGA"}, {"nigeriane", "NGA"},
      {"togolais", "TGO"}, {"togolaise", "TGO"}, {"togolese", "TGO"},
      {"beninois", "BEN"}, {"beninoise", "BEN"}, {"beninese", "BEN"},
      {"gabonais", "GAB"}, {"gabonaise", "GAB"}, {"gabonese", "GAB"},
      {"malgache", "MDG"}, {"malagasy", "MDG"},
      {"comorien", "COM"}, {"comorienne", "COM"}, {"comorian", "COM"},
      {"egyptien", "EGY"}, {"egyptienne", "EGY"}, {"egyptian", "EGY"},
      {"libanais", "LBN"}, {"libanaise", "LBN"}, {"lebanese", "LBN"},
      {"syrien", "SYR"}, {"syrienne", "SYR"}, {"syrian", "SYR"},
      {"chinois", "CHN"}, {"chinoise", "CHN"}, {"chinese", "CHN"},
      {"japonais", "JPN"}, {"japonaise", "JPN"}, {"japanese", "JPN"},
      {"vietnamien", "VNM"}, {"vietnamienne", "VNM"}, {"vietnamese", "VNM"},
      {"indien", "IND"}, {"indienne", "IND"}, {"indian", "IND"},
      {"pakistanais", "PAK"}, {"pakistanaise", "PAK"}, {"pakistani", "PAK"},
      {"americain", "USA"}, {"americaine", "USA"}, {"american", "USA"},
      {"canadien", "CAN"}, {"canadienne", "CAN"}, {"canadian", "CAN"},
      {"bresilien", "BRA"}, {"bresilienne", "BRA"}, {"brazilian", "BRA"},
      {"mexicain", "MEX"}, {"mexicaine", "MEX"}, {"mexican", "MEX"},
      {"colombien", "COL"}, {"colombienne", "COL"}, {"colombian", "COL"},
      {"haitien", "HTI"}, {"haitienne", "HTI"}, {"haitian", "HTI"},
      {"autrichien", "AUT"}, {"autrichienne", "AUT"}, {"austrian", "AUT"},
      {"irlandais", "IRL"}, {"irlandaise", "IRL"}, {"irish", "IRL"},
      {"suedois", "SWE"}, {"suedoise", "SWE"}, {"swedish", "SWE"},
      {"tcheque", "CZE"}, {"czech", "CZE"},
      {"hongrois", "HUN"}, {"hongroise", "HUN"}, {"hungarian", "HUN"},
      {"serbe", "SRB"}, {"serbian", "SRB"},
      {"croate", "HRV"}, {"croatian", "HRV"},
      {"albanais", "ALB"}, {"albanaise", "ALB"}, {"albanian", "ALB"},
      {"armenien", "ARM"}, {"armenienne", "ARM"}, {"armenian", "ARM"},
      {"georgien", "GEO"}, {"georgienne", "GEO"}, {"georgian", "GEO"},
      {"afghan", "AFG"}, {"afghane", "AFG"},
      {"iranien", "IRN"}, {"iranienne", "IRN"}, {"iranian", "IRN"},
      {"sud-coreen", "KOR"}, {"sud-coreenne", "KOR"}, {"south korean", "KOR"},
      {"philippin", "PHL"}, {"philippine", "PHL"}, {"filipino", "PHL"},
      {"australien", "AUS"}, {"australienne", "AUS"}, {"australian", "AUS"},
  };
  // clang-format on
  const std::string folded = FoldForMatching(CollapseWhitespace(word));
  for (const auto& [nationality, code] : kWords) {
    if (folded == nationality) return code;
  }
  return std::nullopt;
}

}  // namespace

Normalized<std::string> NormalizeCountryCode(std::string_view raw) {
  const std::string trimmed = CollapseWhitespace(raw);
  std::string code = Upper(trimmed);
  while (!code.empty() && code.back() == '<') code.pop_back();  // "D<<" -> "D"
  if (!code.empty() && code.size() <= 3 && std::all_of(code.begin(), code.end(), IsUpper) &&
      mrz::IsKnownCountryCode(code)) {
    return {code, Problem::kNone};
  }
  // The word in French or English, or both ("FRANÇAISE / FRENCH", "Marocaine / Moroccan",
  // as bilingual pages print): the two halves must name the same state.
  const size_t slash = trimmed.find('/');
  const std::optional<std::string_view> named =
      StateOfNationalityWord(slash == std::string::npos ? trimmed : trimmed.substr(0, slash));
  if (named &&
      (slash == std::string::npos || StateOfNationalityWord(trimmed.substr(slash + 1)) == named)) {
    return {std::string(*named), Problem::kNone};
  }
  return {trimmed, Problem::kNotRecognised};
}

std::string NormalizeDocumentNumber(std::string_view raw) {
  return Upper(Without(CollapseWhitespace(raw), " "));
}

}  // namespace jae::verify
