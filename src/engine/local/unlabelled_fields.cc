#include "engine/local/unlabelled_fields.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <set>
#include <string>
#include <string_view>
#include <utility>

#include "engine/local/caption_table.h"
#include "engine/local/ocr_text.h"
#include "engine/local/value_forms.h"
#include "mrz/forms.h"
#include "verify/normalize.h"
#include "verify/text.h"

namespace jae::local {

void AddNamesTheMrzSpells(const std::vector<OcrLine>& lines, const mrz::ParsedMrz& proved_mrz,
                          Fields& fields) {
  if (!proved_mrz.valid) return;
  for (const auto& [name, mrz_value] :
       {std::pair{FieldName::kSurname, proved_mrz.data.surname},
        std::pair{FieldName::kGivenNames, proved_mrz.data.given_names}}) {
    const std::string want = LettersOf(mrz_value);
    if (fields.contains(name) || want.size() < 3) continue;
    std::optional<Field> best;
    bool best_accented = false;
    for (const OcrLine& line : lines) {
      for (size_t first = 0; first < line.words.size(); ++first) {
        std::string letters, value;
        double confidence = 0;
        for (size_t last = first; last < line.words.size(); ++last) {
          const OcrWord& word = line.words[last];
          if (CountDigits(word.text) > 0) break;
          letters += LettersOf(word.text);
          if (want.compare(0, letters.size(), letters) != 0) break;
          // A lone last letter is a word the reader split ("RENAU D"): no name ends so.
          const bool split =
              !value.empty() && LettersOf(word.text).size() == 1 && letters.size() == want.size();
          value += (value.empty() || split ? "" : " ") + word.text;
          confidence += word.confidence;
          if (letters.size() < want.size()) continue;
          const bool accented =
              std::any_of(value.begin(), value.end(), [](char c) { return (c & 0x80) != 0; });
          if (!best || (accented && !best_accented)) {
            const double mean = confidence / static_cast<double>(last - first + 1);
            best = Field{RepairValue(name, value), mean, FieldSource::kVisual};
            best_accented = accented;
          }
          break;
        }
      }
    }
    if (best && !best->value.empty()) fields[name] = std::move(*best);
  }
}

void SpaceNamesAsTheMrz(const mrz::ParsedMrz& proved_mrz, Fields& fields) {
  if (!proved_mrz.valid) return;
  for (const auto& [name, mrz_value] :
       {std::pair{FieldName::kSurname, proved_mrz.data.surname},
        std::pair{FieldName::kGivenNames, proved_mrz.data.given_names}}) {
    const auto it = fields.find(name);
    if (it == fields.end() || LettersOf(it->second.value) != LettersOf(mrz_value)) continue;
    std::vector<size_t> name_ends;  // letters counted up to the end of each MRZ name
    size_t letters = 0;
    for (const std::string& word : SplitWords(mrz_value)) {
      letters += LettersOf(word).size();
      name_ends.push_back(letters);
    }
    const std::string& value = it->second.value;
    std::string spaced, between;
    letters = 0;
    for (size_t i = 0; i < value.size();) {
      size_t length = 1;  // one character: its first byte and its continuation bytes
      while (i + length < value.size() && (value[i + length] & 0xC0) == 0x80) ++length;
      const std::string_view piece = std::string_view(value).substr(i, length);
      i += length;
      const size_t its_letters = LettersOf(piece).size();
      if (its_letters == 0) {
        between += piece;
        continue;
      }
      if (letters > 0) {
        const bool names_part =
            std::find(name_ends.begin(), name_ends.end(), letters) != name_ends.end();
        std::string kept = between;
        std::erase(kept, ' ');
        if (names_part) kept = kept.empty() ? " " : between;
        spaced += kept;
      } else {
        spaced += between;
      }
      between.clear();
      spaced += piece;
      letters += its_letters;
    }
    it->second.value = spaced + between;
  }
}

std::vector<PrintedDate> PrintedDates(const std::vector<OcrLine>& lines) {
  std::vector<PrintedDate> dates;
  for (const OcrLine& line : lines) {
    for (size_t first = 0; first < line.words.size(); ++first) {
      std::string text;
      for (size_t last = first; last < line.words.size() && last < first + 4; ++last) {
        text += (text.empty() ? "" : " ") + line.words[last].text;
        const std::string repaired = RepairValue(FieldName::kIssueDate, text);
        const auto groups = DigitGroups(repaired);
        if (std::none_of(groups.begin(), groups.end(),
                         [](const std::string& g) { return g.size() == 4; })) {
          continue;
        }
        // Four-digit years only: the day of reading does not matter.
        const auto date = verify::NormalizeDate(repaired, verify::DateKind::kPast, CivilDate{});
        if (!date.value) continue;
        dates.push_back(PrintedDate{*date.value, repaired, line.confidence, &line, last + 1});
        first = last;
        break;
      }
    }
  }
  return dates;
}

namespace {

// Whether a document issued on `issue` and expiring on `expiry` was valid a whole number of
// years (1 to 15): `expiry` is an anniversary of `issue`, or the day before one, as
// check/id_validity.cc counts a card's validity.
bool ValidWholeYears(const CivilDate& issue, const CivilDate& expiry) {
  // Valid N years, it expires in the year N after its issue, or (the day before a 1 January
  // anniversary) the year before.
  if (issue >= expiry || expiry.year - issue.year > 15) return false;
  for (int years = std::max(1, expiry.year - issue.year);
       years <= std::min(15, expiry.year - issue.year + 1); ++years) {
    const CivilDate anniversary = AddYears(issue, years);
    if (expiry == anniversary || expiry == AddDays(anniversary, -1)) return true;
  }
  return false;
}

// The date `fields` holds for `name`, when it reads as one.
std::optional<CivilDate> DateOfField(const Fields& fields, FieldName name) {
  const auto it = fields.find(name);
  if (it == fields.end()) return std::nullopt;
  return verify::NormalizeDate(it->second.value, verify::DateKind::kPast, CivilDate{}).value;
}

}  // namespace

void AddIssueDateByValidity(const std::vector<OcrLine>& lines, const mrz::ParsedMrz* proved_mrz,
                            Fields& fields) {
  if (fields.contains(FieldName::kIssueDate)) return;
  const bool proved = proved_mrz && proved_mrz->valid;
  const std::optional<CivilDate> expiry_date = proved && proved_mrz->data.expiry_date
                                                   ? proved_mrz->data.expiry_date
                                                   : DateOfField(fields, FieldName::kExpiryDate);
  const std::optional<CivilDate> birth_date =
      proved ? proved_mrz->data.birth_date : DateOfField(fields, FieldName::kBirthDate);
  // A 1988 card's number starts with the year and month of its issue (year 0: none known).
  const CivilDate issued_in = proved && proved_mrz->format == MrzFormat::kFrId1988
                                  ? proved_mrz->data.issue_month.value_or(CivilDate{})
                                  : CivilDate{};
  if (!expiry_date && issued_in.year == 0) return;
  // Issued in the month the card's number says, or valid from `date` a whole number of
  // years.
  auto is_issue = [&](const CivilDate& date) {
    if (date == birth_date) return false;
    if (issued_in.year != 0 && date.year == issued_in.year && date.month == issued_in.month) {
      return true;
    }
    return expiry_date && ValidWholeYears(date, *expiry_date);
  };
  std::optional<PrintedDate> issue;
  for (PrintedDate& printed : PrintedDates(lines)) {
    if (!is_issue(printed.date)) continue;
    if (issue && issue->date != printed.date) return;  // two: which one no rule tells
    if (!issue) issue = std::move(printed);
  }
  if (issue) {
    fields[FieldName::kIssueDate] =
        Field{std::move(issue->text), issue->confidence, FieldSource::kVisual};
  }
}

void AddDatesOfACardFront(const std::vector<OcrLine>& lines, Fields& fields) {
  const std::optional<CivilDate> birth = DateOfField(fields, FieldName::kBirthDate);
  const std::optional<CivilDate> expiry = DateOfField(fields, FieldName::kExpiryDate);
  const std::optional<CivilDate> issue = DateOfField(fields, FieldName::kIssueDate);
  if (fields.contains(FieldName::kBirthDate) && fields.contains(FieldName::kExpiryDate)) return;
  std::vector<PrintedDate> others;  // the dates no field holds, each once
  for (PrintedDate& printed : PrintedDates(lines)) {
    if (printed.date == birth || printed.date == expiry || printed.date == issue) continue;
    if (std::any_of(others.begin(), others.end(),
                    [&](const PrintedDate& o) { return o.date == printed.date; })) {
      continue;
    }
    others.push_back(std::move(printed));
  }
  if (others.empty() || others.size() > 2) return;
  // A caption of the issue date, its value unread: the page shows a back too. (Asked last:
  // it searches every line for captions.)
  if (!issue && LabelWithoutValue(lines, fields, FieldName::kIssueDate)) return;
  auto put = [&](FieldName name, PrintedDate& printed) {
    fields[name] = Field{std::move(printed.text), printed.confidence, FieldSource::kVisual};
  };
  if (!fields.contains(FieldName::kBirthDate) && !fields.contains(FieldName::kExpiryDate)) {
    if (others.size() != 2 || issue) return;
    std::sort(others.begin(), others.end(),
              [](const PrintedDate& a, const PrintedDate& b) { return a.date < b.date; });
    // Whole years apart, they are an issue and an expiry: the back of a card on the same
    // page (a 1988 card scanned on both sides), its holder's birth unread.
    if (ValidWholeYears(others[0].date, others[1].date)) return;
    put(FieldName::kBirthDate, others[0]);
    put(FieldName::kExpiryDate, others[1]);
    return;
  }
  if (others.size() != 1) return;
  if (!birth &&
      (!expiry || (others[0].date < *expiry && !ValidWholeYears(others[0].date, *expiry))) &&
      (!issue || others[0].date < *issue)) {
    put(FieldName::kBirthDate, others[0]);
  } else if (!expiry && (!birth || others[0].date > *birth) &&
             (!issue || others[0].date > *issue)) {
    put(FieldName::kExpiryDate, others[0]);
  }
}

namespace {

// The one value the page's words give: the text of those `confidence_of(line, k)` accepts
// (a confidence; nullopt for a word that is no such value), with the highest confidence
// among them, when they all read the same; nullopt when none does or two differ (which one
// nothing tells).
template <typename ConfidenceOf>
std::optional<Field> OneWordValue(const std::vector<OcrLine>& lines, ConfidenceOf confidence_of) {
  std::optional<Field> found;
  for (const OcrLine& line : lines) {
    for (size_t k = 0; k < line.words.size(); ++k) {
      const std::optional<double> confidence = confidence_of(line, k);
      if (!confidence) continue;
      const std::string& text = line.words[k].text;
      if (found && found->value != text) return std::nullopt;
      if (!found) found = Field{text, *confidence, FieldSource::kVisual};
      found->confidence = std::max(*found->confidence, *confidence);
    }
  }
  return found;
}

}  // namespace

void AddSexByItsLetter(const std::vector<OcrLine>& lines, Fields& fields) {
  if (fields.contains(FieldName::kSex)) return;
  auto letter = [](const OcrLine& line, size_t k) -> std::optional<double> {
    const std::vector<OcrWord>& words = line.words;
    const OcrWord& word = words[k];
    if (word.text != "M" && word.text != "F") return std::nullopt;
    // A letter's shape (not a speck an emblem left), alone in its column: one a word runs
    // on to is that word's part ("RÉPUBLIQUE F" for a header cut short).
    const cv::Rect& box = word.box;
    if (box.height < 8 || box.width * 4 < box.height || box.width * 2 > box.height * 3) {
      return std::nullopt;
    }
    if (k > 0 && box.x - words[k - 1].box.br().x < box.height) return std::nullopt;
    if (k + 1 < words.size() && words[k + 1].box.x - box.br().x < box.height) return std::nullopt;
    return word.confidence;
  };
  if (auto sex = OneWordValue(lines, letter)) fields[FieldName::kSex] = std::move(*sex);
}

void AddNationalityByItsCode(const std::vector<OcrLine>& lines, Fields& fields) {
  if (fields.contains(FieldName::kNationality)) return;
  auto code = [](const OcrLine& line, size_t k) -> std::optional<double> {
    const std::string& word = line.words[k].text;
    if (word.size() != 3 || !mrz::IsKnownCountryCode(word)) return std::nullopt;
    if (k + 1 < line.words.size() && CountDigits(line.words[k + 1].text) > 0) return std::nullopt;
    return line.confidence;
  };
  if (auto nationality = OneWordValue(lines, code)) {
    fields[FieldName::kNationality] = std::move(*nationality);
  }
}

void AddFrenchNationalityInWords(const std::vector<OcrLine>& lines, Fields& fields) {
  if (fields.contains(FieldName::kNationality)) return;
  auto in_words = [](const OcrLine& line, size_t k) -> std::optional<double> {
    const std::string folded = verify::FoldForMatching(line.words[k].text);
    if (folded != "francaise" && folded != "francais") return std::nullopt;
    if (k == 0 || !line.words[k - 1].text.ends_with(':')) return std::nullopt;
    return line.words[k].confidence;
  };
  if (auto nationality = OneWordValue(lines, in_words)) {
    nationality->value = "Française";
    fields[FieldName::kNationality] = std::move(*nationality);
  }
}

namespace {

// Whether `word` is a French street's type, as the postal standard (AFNOR NF Z10-011)
// writes them, in full or shortened.
bool IsStreetType(std::string_view word) {
  static const std::set<std::string, std::less<>> kTypes = {
      "rue",     "avenue",  "av",       "bd",       "boulevard",  "allee",     "place",  "pl",
      "chemin",  "impasse", "imp",      "route",    "rte",        "quai",      "cours",  "square",
      "sentier", "passage", "voie",     "cite",     "esplanade",  "promenade", "montee", "clos",
      "parvis",  "ruelle",  "traverse", "faubourg", "lotissement"};
  return kTypes.contains(NormalizeLabelText(word));
}

// Whether `word` is a street's type or a word of an address's complement or locality.
bool IsAddressWord(std::string_view word) {
  static const std::set<std::string, std::less<>> kComplements = {
      "residence", "appartement", "appt",  "app",    "batiment", "bat",
      "etage",     "escalier",    "esc",   "porte",  "chez",     "immeuble",
      "lieu dit",  "lieu-dit",    "bourg", "hameau", "bis",      "ter"};
  return IsStreetType(word) || kComplements.contains(NormalizeLabelText(word));
}

// A town as an address's last line writes it: capitals (accents, hyphens, apostrophes and
// spaces between), then "CEDEX" and its number or not.
bool IsTownInCapitals(std::string_view town) {
  bool letter = false;
  for (const char c : town) {
    if (c >= 'a' && c <= 'z') return false;
    if (std::isdigit(static_cast<unsigned char>(c))) return false;
    letter = letter || (c >= 'A' && c <= 'Z');
  }
  return letter;
}

// Where `words` hold a French postcode followed by a town in capitals to their end: the
// postcode's index.
std::optional<size_t> PostcodeAndTown(const std::vector<std::string>& words) {
  for (size_t k = 0; k + 1 < words.size(); ++k) {
    if (words[k].size() != 5 || CountDigits(words[k]) != 5) continue;
    std::string town;
    for (size_t t = k + 1; t < words.size(); ++t) {
      const bool cedex_number = t > k + 1 && words[t - 1] == "CEDEX" && CountDigits(words[t]) > 0;
      if (!cedex_number) town += words[t] + " ";
    }
    if (IsTownInCapitals(town)) return k;
  }
  return std::nullopt;
}

// Whether `words` are a street's line or an address's complement: in capitals, a street's
// type or a complement's word among them (a misread one, "AUE" for "RUE", makes it none: a
// street half read is no address), and a number first only as numbers are written ("12",
// "12B").
bool IsStreetOrComplement(const std::vector<std::string>& words) {
  if (words.empty()) return false;
  for (const std::string& word : words) {
    if (std::any_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
      return false;
    }
  }
  const std::string& first = words.front();
  const size_t digits = first.find_first_not_of("0123456789");
  if (digits != 0 && digits != std::string::npos &&
      std::any_of(first.begin() + static_cast<long>(digits), first.end(),
                  [](char c) { return !std::isalpha(static_cast<unsigned char>(c)); })) {
    return false;
  }
  if (digits == 0 && CountDigits(first) > 0) return false;  // "#0"
  return std::any_of(words.begin(), words.end(),
                     [](const std::string& w) { return IsAddressWord(w); });
}

// Whether `words` (a street's line or a complement's) are a numbered street: a number
// first and a street's type after it.
bool IsNumberedStreet(const std::vector<std::string>& words) {
  return !words.empty() && std::isdigit(static_cast<unsigned char>(words.front()[0])) &&
         std::any_of(words.begin() + 1, words.end(),
                     [](const std::string& w) { return IsStreetType(w); });
}

}  // namespace

void AddAddressByItsPostcode(const std::vector<OcrLine>& lines, Fields& fields) {
  if (fields.contains(FieldName::kAddress)) return;
  const OcrLine* last = nullptr;
  size_t postcode_at = 0;
  for (const OcrLine& line : lines) {
    const auto at = PostcodeAndTown(SplitWords(line.text));
    if (!at) continue;
    if (last) return;  // two towns: which one is the holder's no rule tells
    last = &line;
    postcode_at = *at;
  }
  if (!last || NamesAField(*last)) return;
  const std::vector<std::string> last_words = SplitWords(last->text);
  const std::vector<std::string> street_on_it(last_words.begin(), last_words.begin() + postcode_at);
  if (!street_on_it.empty() && !IsStreetOrComplement(street_on_it)) return;
  // The lines over it, each right above the one under it (across it) and starting where it
  // starts.
  std::vector<const OcrLine*> block = {last};
  bool has_street = IsNumberedStreet(street_on_it);
  while (block.size() < 5) {
    const OcrLine& under = *block.back();
    const int height = std::max(1, under.box.height);
    const OcrLine* above = nullptr;
    for (const OcrLine& line : lines) {
      const int gap = under.box.y - line.box.br().y;
      if (&line == &under || gap < -height / 2 || gap > 3 * height / 2) continue;
      if (line.box.x >= under.box.br().x || line.box.br().x <= under.box.x) continue;
      if (!above || line.box.br().y > above->box.br().y) above = &line;
    }
    if (!above) break;
    const std::vector<std::string> words = SplitWords(above->text);
    if (NamesAField(*above)) break;  // the address's caption, read
    if (std::abs(above->box.x - under.box.x) > height || !IsStreetOrComplement(words)) {
      // A line of the address misread ("APPT 4 di j") or read apart from the others would
      // leave it cut: a line with an address's word or a number right over it makes the
      // block unsure. Other print there (a caption misread, "ADOBE / ADR VU") ends it.
      const bool part_of_it = CountDigits(above->text) > 0 ||
                              std::any_of(words.begin(), words.end(),
                                          [](const std::string& w) { return IsAddressWord(w); });
      if (part_of_it) return;
      break;
    }
    block.push_back(above);
    has_street = has_street || IsNumberedStreet(words);
  }
  if (!has_street) return;
  std::string value;
  double confidence = 1;
  for (auto it = block.rbegin(); it != block.rend(); ++it) {
    value += (value.empty() ? "" : " ") + (*it)->text;
    confidence = std::min(confidence, (*it)->confidence);
  }
  fields[FieldName::kAddress] =
      Field{RepairValue(FieldName::kAddress, std::move(value)), confidence, FieldSource::kVisual};
}

namespace {

// Whether `word` names an authority (a prefecture, a town hall, a consulate): a town in
// capitals after it is where the document was issued, not where anyone was born.
bool NamesAnAuthority(std::string_view word) {
  const std::string folded = NormalizeLabelText(word);
  return folded.find("prefecture") != std::string::npos || folded == "mairie" ||
         folded == "consulat" || folded == "ambassade" || folded == "ministere";
}

// `words` as a birth place: capitals only (a department in brackets after them, "(13)",
// or a country, "(MAROC)"), three letters at least, a leading "à" dropped, a trailing
// lone letter (the sex printed beside it) or country code (the nationality) dropped.
// Empty when they are not one.
std::string BirthPlaceOf(std::vector<std::string> words) {
  if (!words.empty() && (NormalizeLabelText(words.front()) == "a")) words.erase(words.begin());
  if (!words.empty() && words.back().size() == 1) words.pop_back();
  // A nationality's code printed in the next column ("NANTES FRA"): no town's last word.
  if (words.size() > 1 && words.back().size() == 3 &&
      verify::NormalizeCountryCode(words.back()).problem == verify::Problem::kNone) {
    words.pop_back();
  }
  if (words.empty()) return "";
  std::string town;
  for (size_t k = 0; k < words.size(); ++k) {
    const std::string& w = words[k];
    if (k + 1 == words.size() && k > 0 && w.size() >= 4 && w.front() == '(' && w.back() == ')') {
      const std::string inside = w.substr(1, w.size() - 2);
      const bool department =
          (CountDigits(inside) == static_cast<int>(inside.size()) && inside.size() <= 3) ||
          inside == "2A" || inside == "2B";
      if (!department && !IsTownInCapitals(inside)) return "";
    } else if (NamesAnAuthority(w) || CountDigits(w) > 0 || !IsTownInCapitals(w)) {
      return "";
    }
    town += (town.empty() ? "" : " ") + w;
  }
  return CountLetters(town) >= 3 ? town : "";
}

}  // namespace

void AddBirthPlaceUncaptioned(const std::vector<OcrLine>& lines, const mrz::ParsedMrz* proved_mrz,
                              Fields& fields) {
  if (fields.contains(FieldName::kBirthPlace)) return;
  const std::optional<CivilDate> birth_date = proved_mrz && proved_mrz->valid
                                                  ? proved_mrz->data.birth_date
                                                  : DateOfField(fields, FieldName::kBirthDate);
  auto put = [&](std::string town, double confidence) {
    fields[FieldName::kBirthPlace] = Field{RepairValue(FieldName::kBirthPlace, std::move(town)),
                                           confidence, FieldSource::kVisual};
  };
  // After the birth date in its cell: "Date et lieu de naissance" over "12 06 1965 NANTES".
  if (birth_date) {
    std::string found;
    double confidence = 0;
    for (const PrintedDate& printed : PrintedDates(lines)) {
      if (printed.date != *birth_date) continue;
      // The words after the date in its own cell: a gap wider than a line's height and a
      // half is the next column's (a nationality, a sex), no part of the place.
      const std::vector<OcrWord>& words = printed.line->words;
      const int column_gap = printed.line->box.height * 3 / 2;
      std::vector<std::string> rest;
      for (size_t k = printed.after; k < words.size(); ++k) {
        if (words[k].box.x - words[k - 1].box.br().x > column_gap) break;
        rest.push_back(words[k].text);
      }
      std::string town = BirthPlaceOf(std::move(rest));
      if (town.empty()) continue;
      if (!found.empty() && town != found) return;  // two places: which one nothing tells
      found = std::move(town);
      confidence = printed.confidence;
    }
    if (!found.empty()) return put(std::move(found), confidence);
  }
  // A town with its department in brackets, "AMIENS (80)", on a line of its own (a caption
  // misread before it, "s:" for "à :", left out): only birth places are written so.
  std::string found;
  double confidence = 0;
  for (const OcrLine& line : lines) {
    std::vector<std::string> words = SplitWords(line.text);
    if (words.size() < 2 || words.back().front() != '(') continue;
    if (words.size() > 2 && words.front().back() == ':' && !IsTownInCapitals(words.front())) {
      words.erase(words.begin());
    }
    const std::string& last = words.back();
    if (last.size() < 4 || CountDigits(last) == 0) continue;  // a department's number
    std::string town = BirthPlaceOf(std::move(words));
    if (town.empty()) continue;
    if (!found.empty()) return;  // two
    found = std::move(town);
    confidence = line.confidence;
  }
  if (!found.empty()) put(std::move(found), confidence);
}

}  // namespace jae::local
