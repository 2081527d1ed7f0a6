#include "mrz_build.h"

#include <cstdio>
#include <utility>

namespace jae::gendocs {
namespace {

// Two-byte UTF-8 Latin letters (U+00C0..U+017F subset) and their ICAO transliteration.
const std::pair<const char*, const char*> kLatin[] = {
    {"À", "A"},  {"Â", "A"},  {"Ä", "AE"}, {"Ç", "C"},  {"È", "E"},  {"É", "E"},  {"Ê", "E"},
    {"Ë", "E"},  {"Î", "I"},  {"Ï", "I"},  {"Ô", "O"},  {"Ö", "OE"}, {"Ù", "U"},  {"Û", "U"},
    {"Ü", "UE"}, {"Œ", "OE"}, {"Æ", "AE"}, {"à", "A"},  {"â", "A"},  {"ä", "AE"}, {"ç", "C"},
    {"è", "E"},  {"é", "E"},  {"ê", "E"},  {"ë", "E"},  {"î", "I"},  {"ï", "I"},  {"ô", "O"},
    {"ö", "OE"}, {"ù", "U"},  {"û", "U"},  {"ü", "UE"}, {"œ", "OE"}, {"æ", "AE"}, {"ÿ", "Y"},
};

}  // namespace

char CheckDigitChar(const std::string& text) {
  static constexpr int kWeights[] = {7, 3, 1};
  int sum = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    int v = 0;
    if (c >= '0' && c <= '9')
      v = c - '0';
    else if (c >= 'A' && c <= 'Z')
      v = c - 'A' + 10;
    sum += v * kWeights[i % 3];
  }
  return static_cast<char>('0' + sum % 10);
}

std::string TransliterateName(const std::string& utf8) {
  std::string out;
  for (size_t i = 0; i < utf8.size();) {
    const unsigned char c = static_cast<unsigned char>(utf8[i]);
    if (c < 0x80) {
      if (c >= 'a' && c <= 'z')
        out += static_cast<char>(c - 'a' + 'A');
      else if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        out += static_cast<char>(c);
      else if (c == '-' || c == ' ' || c == ',')
        out += '<';
      ++i;
      continue;
    }
    bool found = false;
    for (const auto& [from, to] : kLatin) {
      const std::string f = from;
      if (utf8.compare(i, f.size(), f) == 0) {
        out += to;
        i += f.size();
        found = true;
        break;
      }
    }
    if (!found) ++i;  // unknown byte: dropped
  }
  // Collapse runs produced by ", " into single separators.
  std::string collapsed;
  for (char ch : out) {
    if (ch == '<' && !collapsed.empty() && collapsed.back() == '<') continue;
    collapsed += ch;
  }
  return collapsed;
}

std::string Fit(std::string s, size_t n) {
  if (s.size() > n) s.resize(n);
  while (s.size() < n) s += '<';
  return s;
}

std::string MrzDate(const Date& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d%02d%02d", d.year % 100, d.month, d.day);
  return buf;
}

namespace {
std::string NameField(const Identity& id, size_t n) {
  std::string given;
  for (const auto& g : id.given_names) {
    if (!given.empty()) given += '<';
    given += TransliterateName(g);
  }
  return Fit(TransliterateName(id.surname) + "<<" + given, n);
}
}  // namespace

std::vector<std::string> BuildTd3(const Identity& id, const std::string& state) {
  const std::string l1 = Fit("P<" + state + NameField(id, 39), 44);
  const std::string num = Fit(id.document_number, 9);
  const std::string birth = MrzDate(id.birth_date);
  const std::string expiry = MrzDate(id.expiry_date);
  const std::string personal = Fit("", 14);
  std::string l2 = num + CheckDigitChar(num) + Fit(id.nationality, 3) + birth +
                   CheckDigitChar(birth) + id.sex + expiry + CheckDigitChar(expiry) + personal +
                   '<';
  const std::string composite = l2.substr(0, 10) + l2.substr(13, 7) + l2.substr(21, 22);
  l2 += CheckDigitChar(composite);
  return {l1, l2};
}

std::vector<std::string> BuildTd1(const Identity& id, const std::string& code,
                                  const std::string& state) {
  const std::string num = Fit(id.document_number, 9);
  const std::string l1 = Fit(code, 2) + state + num + CheckDigitChar(num) + Fit("", 15);
  const std::string birth = MrzDate(id.birth_date);
  const std::string expiry = MrzDate(id.expiry_date);
  std::string l2 = birth + CheckDigitChar(birth) + id.sex + expiry + CheckDigitChar(expiry) +
                   Fit(id.nationality, 3) + Fit("", 11);
  const std::string composite =
      l1.substr(5, 25) + l2.substr(0, 7) + l2.substr(8, 7) + l2.substr(18, 11);
  l2 += CheckDigitChar(composite);
  return {l1, l2, NameField(id, 30)};
}

std::vector<std::string> BuildFrId1988(const Identity& id, const std::string& card_number,
                                       const std::string& admin_code) {
  const std::string l1 = "IDFRA" + Fit(TransliterateName(id.surname), 25) + Fit(admin_code, 6);
  std::string given;
  for (const auto& g : id.given_names) {
    if (!given.empty()) given += "<<";
    given += TransliterateName(g);
  }
  const std::string birth = MrzDate(id.birth_date);
  std::string l2 = card_number + CheckDigitChar(card_number) + Fit(given, 14) + birth +
                   CheckDigitChar(birth) + id.sex;
  l2 += CheckDigitChar(l1 + l2);
  return {l1, l2};
}

}  // namespace jae::gendocs
