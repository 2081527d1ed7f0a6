#include "engine/local/dnn_accept.h"

#include <cctype>

#include "engine/local/mrz_zone.h"
#include "mrz/confusions.h"
#include "mrz/layouts.h"

namespace jae::local {

namespace {

bool CoveredByACheck(const mrz::Layout& layout, int line, int pos) {
  for (const mrz::CheckSpec& check : layout.checks) {
    for (const mrz::Span& span : check.covered) {
      if (span.line == line && pos >= span.start && pos < span.start + span.length) return true;
    }
  }
  return false;
}

std::vector<std::string> Coerce(std::vector<std::string> lines, MrzFormat format, bool digits_too) {
  const mrz::Layout& layout = mrz::LayoutFor(format);
  for (size_t i = 0; i < lines.size() && i < layout.classes.size(); ++i) {
    for (size_t k = 0; k < lines[i].size() && k < layout.classes[i].size(); ++k) {
      char& c = lines[i][k];
      const auto cls = mrz::ClassAt(layout, static_cast<int>(i), static_cast<int>(k));
      const bool digit = std::isdigit(static_cast<unsigned char>(c)) != 0;
      const bool letter = std::isupper(static_cast<unsigned char>(c)) != 0;
      char to = '\0';
      if (digits_too && cls == mrz::PosClass::kDigit && letter) to = mrz::LetterAsDigit(c);
      if (cls == mrz::PosClass::kAlpha && digit &&
          (digits_too || !CoveredByACheck(layout, static_cast<int>(i), static_cast<int>(k)))) {
        to = mrz::DigitAsLetter(c);
      }
      if (to != '\0') c = to;
    }
  }
  return lines;
}

}  // namespace

std::vector<std::string> CoerceByPosition(std::vector<std::string> lines, MrzFormat format) {
  return Coerce(std::move(lines), format, true);
}

std::vector<std::string> LettersByPosition(std::vector<std::string> lines, MrzFormat format) {
  return Coerce(std::move(lines), format, false);
}

std::optional<mrz::ParsedMrz> AcceptCoerced(const std::vector<std::string>& raw, int length,
                                            const mrz::ParseOptions& options) {
  mrz::ParseOptions as_written = options;
  as_written.correct = false;
  std::optional<mrz::ParsedMrz> accepted;
  ForEachLengthCombination(raw, length, [&](const std::vector<std::string>& lines) {
    // The format as the MRZ reader recognises it (with its repairs, which only tell the
    // layout here); the lines themselves are judged coerced and as written.
    auto parsed = mrz::ParseMrz(lines, options);
    if (!parsed.ok()) return false;
    auto coerced = mrz::ParseMrz(CoerceByPosition(lines, parsed->format), as_written);
    if (!coerced.ok() || !coerced->valid) return false;
    accepted = std::move(*coerced);
    return true;
  });
  return accepted;
}

bool CheckBlind(char a, char b) {
  auto value = [](char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    return 0;
  };
  return a == '<' || b == '<' || value(a) % 10 == value(b) % 10;
}

bool HasBlindRival(const DnnLine& line, float gate) {
  for (size_t k = 0; k < line.text.size() && k < line.rival.size(); ++k) {
    const char other = k < line.rival_char.size() ? line.rival_char[k] : ' ';
    if (line.rival[k] >= gate && other != ' ' && CheckBlind(line.text[k], other)) return true;
  }
  return false;
}

}  // namespace jae::local
