#include "verify/text.h"

#include <cctype>
#include <cstdint>

namespace jae::verify {
namespace {

// Decodes one UTF-8 code point at `i`, advancing `i`. Invalid sequences give U+FFFD.
char32_t NextCodePoint(std::string_view s, std::size_t& i) {
  const auto byte = [&](std::size_t k) { return static_cast<std::uint8_t>(s[k]); };
  const std::uint8_t b0 = byte(i);
  int extra = 0;
  char32_t cp = 0;
  if (b0 < 0x80) {
    ++i;
    return b0;
  } else if ((b0 & 0xE0) == 0xC0) {
    extra = 1;
    cp = b0 & 0x1F;
  } else if ((b0 & 0xF0) == 0xE0) {
    extra = 2;
    cp = b0 & 0x0F;
  } else if ((b0 & 0xF8) == 0xF0) {
    extra = 3;
    cp = b0 & 0x07;
  } else {
    ++i;
    return 0xFFFD;
  }
  if (i + extra >= s.size()) {  // sequence cut by the end of the text
    i = s.size();
    return 0xFFFD;
  }
  for (int k = 1; k <= extra; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) {
      i += k;
      return 0xFFFD;
    }
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  i += extra + 1;
  return cp;
}

// Transliteration options of one code point; empty = dropped; {" "} = separator.
std::vector<std::string_view> Options(char32_t c) {
  if (c < 0x80) {
    if (std::isalnum(static_cast<unsigned char>(c))) return {};  // handled by caller
    // Apostrophes: ICAO omits them (D'ARTAGNAN -> DARTAGNAN); some issuers write a filler.
    if (c == '\'' || c == '`') return {"", " "};
    if (c == '.') return {""};
    if (c == '-' || c == ',' || c == '<' || c == '/' || std::isspace(static_cast<int>(c))) {
      return {" "};
    }
    return {""};  // other punctuation is omitted
  }
  switch (c) {
    case 0xC4:
    case 0xE4:
      return {"AE", "A"};
    case 0xC5:
    case 0xE5:
      return {"AA", "A"};
    case 0xC6:
    case 0xE6:
      return {"AE"};
    case 0xD6:
    case 0xF6:
      return {"OE", "O"};
    case 0xD8:
    case 0xF8:
      return {"OE"};
    case 0xDC:
    case 0xFC:
      return {"UE", "UXX", "U"};
    case 0xD1:
    case 0xF1:
      return {"N", "NXX"};
    case 0xDF:
      return {"SS"};
    case 0xDE:
    case 0xFE:
      return {"TH"};
    case 0x152:
    case 0x153:
      return {"OE"};
    case 0x132:
    case 0x133:
      return {"IJ"};
    case 0x2019:
    case 0x2018:
    case 0x2BC:
    case 0xB4:
      return {"", " "};  // apostrophes, as above
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0xA0:
      return {" "};
    default:
      break;
  }
  if (c >= 0xC0 && c <= 0xFF) {
    // Latin-1 letters with a plain diacritic, upper then lower case (same base letter).
    if (c == 0xD7 || c == 0xF7) return {""};  // multiplication/division signs
    if (c == 0xFF) return {"Y"};
    static constexpr std::string_view kBase = "AAAAAAACEEEEIIIIDNOOOOOxOUUUUYTS";
    const char base = kBase[(c - 0xC0) & 0x1F];
    static const std::string_view kLetters[26] = {"A", "B", "C", "D", "E", "F", "G", "H", "I",
                                                  "J", "K", "L", "M", "N", "O", "P", "Q", "R",
                                                  "S", "T", "U", "V", "W", "X", "Y", "Z"};
    return {kLetters[base - 'A']};
  }
  if (c >= 0x100 && c <= 0x17F) {
    // Latin Extended-A: ranges of one base letter (upper/lower pairs).
    struct Range {
      char32_t first, last;
      std::string_view base;
    };
    static constexpr Range kRanges[] = {
        {0x100, 0x105, "A"}, {0x106, 0x10D, "C"}, {0x10E, 0x111, "D"}, {0x112, 0x11B, "E"},
        {0x11C, 0x123, "G"}, {0x124, 0x127, "H"}, {0x128, 0x131, "I"}, {0x134, 0x135, "J"},
        {0x136, 0x138, "K"}, {0x139, 0x142, "L"}, {0x143, 0x14B, "N"}, {0x14C, 0x151, "O"},
        {0x154, 0x159, "R"}, {0x15A, 0x161, "S"}, {0x162, 0x167, "T"}, {0x168, 0x173, "U"},
        {0x174, 0x175, "W"}, {0x176, 0x178, "Y"}, {0x179, 0x17E, "Z"}, {0x17F, 0x17F, "S"},
    };
    for (const auto& r : kRanges) {
      if (c >= r.first && c <= r.last) return {r.base};
    }
  }
  return {"?"};
}

std::string Tidy(const std::string& s) {
  std::string out;
  for (char ch : s) {
    if (ch == ' ') {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(ch);
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace

std::vector<std::string> MrzNameVariants(std::string_view text, std::size_t max_variants) {
  std::vector<std::string> variants = {""};
  if (max_variants == 0) max_variants = 1;
  for (std::size_t i = 0; i < text.size();) {
    const char32_t c = NextCodePoint(text, i);
    if (c < 0x80 && std::isalnum(static_cast<unsigned char>(c))) {
      for (auto& v : variants) v.push_back(static_cast<char>(std::toupper(static_cast<int>(c))));
      continue;
    }
    const std::vector<std::string_view> options = Options(c);
    std::vector<std::string> next;
    for (const auto& v : variants) {
      for (std::size_t k = 0; k < options.size(); ++k) {
        // Past the cap, only the first option of each letter is followed.
        if (k > 0 && next.size() + (variants.size()) > max_variants) break;
        next.push_back(v + std::string(options[k]));
      }
    }
    variants = std::move(next);
  }
  for (auto& v : variants) v = Tidy(v);
  return variants;
}

std::string FoldForMatching(std::string_view text) {
  std::string folded = MrzNameVariants(text, 1).front();
  for (char& ch : folded) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return folded;
}

std::string CollapseWhitespace(std::string_view text) {
  std::string out;
  bool pending_space = false;
  for (char ch : text) {
    if (std::isspace(static_cast<unsigned char>(ch))) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(ch);
  }
  return out;
}

std::string FoldConfusions(const std::string& text) {
  std::string out = text;
  for (char& c : out) {
    switch (c) {
      case 'O':
      case 'Q':
      case 'D':
        c = '0';
        break;
      case 'I':
        c = '1';
        break;
      case 'Z':
        c = '2';
        break;
      case 'S':
        c = '5';
        break;
      case 'G':
        c = '6';
        break;
      case 'B':
        c = '8';
        break;
      default:
        break;
    }
  }
  return out;
}

}  // namespace jae::verify
