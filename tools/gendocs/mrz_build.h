// Builds the machine readable zone of a synthetic document from its identity, with the
// check digits computed independently of src/mrz (so the generator can test the reader).
#pragma once

#include <string>
#include <vector>

#include "identity.h"

namespace jae::gendocs {

// ICAO 7-3-1 check digit ('<' = 0, A = 10 ... Z = 35).
char CheckDigitChar(const std::string& text);

// ICAO transliteration of a printed UTF-8 name: diacritics dropped, hyphens and spaces
// become '<', apostrophes and other punctuation dropped, upper case.
std::string TransliterateName(const std::string& utf8);

// Pads with '<' or truncates to `n` characters.
std::string Fit(std::string s, size_t n);

// YYMMDD.
std::string MrzDate(const Date& d);

std::vector<std::string> BuildTd3(const Identity& id, const std::string& state);
std::vector<std::string> BuildTd1(const Identity& id, const std::string& code,
                                  const std::string& state);
// The French national identity card of 1988-2021 (2 x 36). `card_number` is the 12-char
// number (YYMM + office + 5-digit sequence).
std::vector<std::string> BuildFrId1988(const Identity& id, const std::string& card_number,
                                       const std::string& admin_code);

}  // namespace jae::gendocs
