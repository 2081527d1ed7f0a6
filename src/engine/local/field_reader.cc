#include "engine/local/field_reader.h"

#include <algorithm>
#include <cstdlib>
#include <optional>
#include <utility>

namespace jae::local {
namespace {

struct Rule {
  FieldName field;
  std::vector<std::string_view> keys;  // normalised label prefixes
};

// Longer, more specific labels first: "n de club" before "club", "date de naiss" before
// "date".
const std::vector<Rule>& Rules() {
  static const std::vector<Rule> rules = {
      {FieldName::kLicenceNumber,
       {"n de licence", "no de licence", "n0 de licence", "numero de licence", "licence n"}},
      {FieldName::kClubNumber,
       {"n de club", "no de club", "n0 de club", "n du club", "no du club", "numero du club",
        "numero de club"}},
      {FieldName::kDocumentNumber,
       {"n du document", "no du document", "n0 du document", "passeport n", "passeport no",
        "carte nationale d identite no", "carte nationale d identite n"}},
      {FieldName::kBirthDate,
       {"date de naissance", "date de naiss", "ne(e) le", "nee le", "ne e le", "ne le",
        "date of birth"}},
      {FieldName::kBirthPlace, {"lieu de naissance", "a:"}},
      {FieldName::kIssueDate, {"date de delivrance"}},
      {FieldName::kExpiryDate, {"date d expiration", "date dexpiration", "date of expiry"}},
      {FieldName::kGivenNames, {"prenoms", "prenom(s)", "prenom", "given names"}},
      {FieldName::kSurname, {"nom", "surname"}},
      {FieldName::kSex, {"sexe"}},
      {FieldName::kNationality, {"nationalite"}},
      {FieldName::kAddress, {"adresse"}},
      {FieldName::kClubName, {"club"}},
      {FieldName::kRanking, {"classement"}},
      {FieldName::kSeason, {"saison"}},
  };
  return rules;
}

// Edit distance, capped: we only need to know whether it is 0, 1 or more.
int Distance(std::string_view a, std::string_view b) {
  std::vector<int> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = static_cast<int>(j);
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = static_cast<int>(i);
    for (size_t j = 1; j <= b.size(); ++j) {
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1])});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

// Whether `norm` starts with `key` (one OCR slip allowed for long keys) and, if so, how
// many characters of `norm` the label spans.
std::optional<size_t> MatchPrefix(std::string_view norm, std::string_view key) {
  if (norm.substr(0, key.size()) == key) {
    // A whole-word match: "nom" must not match "nombre".
    if (norm.size() == key.size() || !std::isalpha(static_cast<unsigned char>(norm[key.size()])) ||
        !std::isalpha(static_cast<unsigned char>(key.back()))) {
      return key.size();
    }
    return std::nullopt;
  }
  if (key.size() >= 6 && norm.size() >= key.size()) {
    for (size_t len : {key.size() - 1, key.size(), key.size() + 1}) {
      if (len > norm.size()) continue;
      if (Distance(norm.substr(0, len), key) <= 1 &&
          (len == norm.size() || !std::isalpha(static_cast<unsigned char>(norm[len])))) {
        return len;
      }
    }
  }
  return std::nullopt;
}

std::string Trim(std::string s) {
  const char* ws = " \t\r\n:;|_-—";
  const auto b = s.find_first_not_of(ws);
  if (b == std::string::npos) return "";
  const auto e = s.find_last_not_of(" \t\r\n:;|_—");
  return s.substr(b, e - b + 1);
}

// The value printed after the label on the same line: the text after the first ':'.
std::string InlineValue(const std::string& text) {
  const auto colon = text.find(':');
  if (colon == std::string::npos) return "";
  return Trim(text.substr(colon + 1));
}

bool IsLabelLine(const std::string& norm) {
  for (const auto& rule : Rules()) {
    for (auto key : rule.keys) {
      if (MatchPrefix(norm, key)) return true;
    }
  }
  return false;
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

// What OCR typically gets wrong in a value whose form the field fixes.
std::string RepairValue(FieldName field, std::string value) {
  switch (field) {
    case FieldName::kBirthDate:
    case FieldName::kIssueDate:
    case FieldName::kExpiryDate:
    case FieldName::kRanking:
      return DigitsForLookAlikes(std::move(value));
    case FieldName::kSex: {
      // F printed alone, its foot-less twin E is what Tesseract sometimes reads; no
      // document writes E for a sex. Attestations spell it out.
      if (value == "E") return "F";
      const std::string word = NormalizeLabelText(value);
      if (word == "masculin" || word == "homme") return "M";
      if (word == "feminin" || word == "femme") return "F";
      return value;
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
      return value;
    }
    default:
      return value;
  }
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

Fields ReadLabelledFields(const std::vector<OcrLine>& lines, int document_width) {
  Fields fields;
  std::vector<std::string> norms;
  norms.reserve(lines.size());
  for (const auto& l : lines) norms.push_back(NormalizeLabelText(l.text));
  const int x_tolerance = std::max(10, document_width / 12);

  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string& norm = norms[i];
    for (const auto& rule : Rules()) {
      if (fields.count(rule.field)) continue;
      std::optional<size_t> matched;
      for (auto key : rule.keys) {
        if ((matched = MatchPrefix(norm, key))) break;
      }
      if (!matched) continue;
      std::string value = InlineValue(lines[i].text);
      double confidence = lines[i].confidence;
      if (value.empty()) {
        // Label above value: the nearest line below, starting near the label's left edge.
        const cv::Rect& label = lines[i].box;
        int best = -1;
        for (size_t j = 0; j < lines.size(); ++j) {
          if (j == i) continue;
          const cv::Rect& b = lines[j].box;
          if (b.y + b.height / 2 <= label.y + label.height) continue;
          if (b.y > label.y + label.height + 2 * label.height + 10) continue;
          if (std::abs(b.x - label.x) > x_tolerance) continue;
          if (best < 0 || b.y < lines[best].box.y) best = static_cast<int>(j);
        }
        if (best >= 0 && !IsLabelLine(norms[best])) {
          value = Trim(lines[best].text);
          confidence = lines[best].confidence;
        }
      }
      if (!value.empty()) {
        fields[rule.field] =
            Field{RepairValue(rule.field, std::move(value)), confidence, FieldSource::kVisual};
      }
      break;  // one label per line
    }
  }
  return fields;
}

}  // namespace jae::local
