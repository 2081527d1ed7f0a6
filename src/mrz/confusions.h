// The characters OCR engines typically confuse in OCR-B, and what each may really be.
#pragma once

#include <string_view>

namespace jae::mrz {

// The digit a letter stands for in a digits-only position ('\0' if none).
char LetterAsDigit(char c);
// The letter a digit stands for in a letters-only position ('\0' if none).
char DigitAsLetter(char c);
// For positions that may hold anything: the other readings of `c` ("" if none).
std::string_view AlnumAlternatives(char c);

}  // namespace jae::mrz
