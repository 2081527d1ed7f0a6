#include "mrz/confusions.h"

namespace jae::mrz {

// O/Q/D look like 0, I like 1, Z like 2, S like 5, G like 6, B like 8 (ICAO OCR-B and
// every MRZ reader's experience). L, T, A are left out: too often real letters.
char LetterAsDigit(char c) {
  switch (c) {
    case 'O':
    case 'Q':
    case 'D':
      return '0';
    case 'I':
      return '1';
    case 'Z':
      return '2';
    case 'S':
      return '5';
    case 'G':
      return '6';
    case 'B':
      return '8';
    default:
      return '\0';
  }
}

char DigitAsLetter(char c) {
  switch (c) {
    case '0':
      return 'O';
    case '1':
      return 'I';
    case '2':
      return 'Z';
    case '5':
      return 'S';
    case '6':
      return 'G';
    case '8':
      return 'B';
    default:
      return '\0';
  }
}

std::string_view AlnumAlternatives(char c) {
  switch (c) {
    // Symmetric within each group, so that undoing any single confusion is a candidate.
    case '0':
      return "ODQ";
    case 'O':
      return "0DQ";
    case 'Q':
      return "0OD";
    case 'D':
      return "0OQ";
    case 'I':
      return "1";
    case '1':
      return "I";
    case 'Z':
      return "2";
    case '2':
      return "Z";
    case 'S':
      return "5";
    case '5':
      return "S";
    case 'G':
      return "6";
    case '6':
      return "G";
    case 'B':
      return "8";
    case '8':
      return "B";
    default:
      return "";
  }
}

}  // namespace jae::mrz
