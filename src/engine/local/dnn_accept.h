// When the local engine trusts an MRZ read by its third reader, PP-OCR (pp_ocr_recogniser.h):
// the acceptance rules, apart from the model so that they can be tested with made-up
// per-character probabilities.
//
// Contract (pure functions, no I/O):
// - CoerceByPosition() forces each letter in a digits-only position of `format` to the
//   digit it stands for and each digit in a letters-only position to the letter (a 0 in a
//   country code or a name is an O, an O in a date a 0); alphanumeric positions (document
//   numbers, optional data) stay as read. What the layout allows, never what the check
//   digits would like.
// - LettersByPosition() does only the second half, and only where no check digit covers
//   the position (country codes and names, but not the French 1988 card's names, which its
//   composite covers): it can never make a check hold, so it is safe for a reader whose
//   misreads are anything (Tesseract).
// - AcceptCoerced() tries the combinations of each raw line's length candidates (as the
//   engine does for Tesseract) and returns the first MRZ whose every check holds as
//   written once coerced — no check-digit-guided repair; nullopt when none does.
// - CheckBlind(a, b): a check digit cannot tell a from b (ICAO 9303 values equal mod 10:
//   0 A K U <, 1 B L V, ...; or one of them the filler, which names hold and no check
//   digit covers).
// - HasBlindRival(): some character of the line had a runner-up of probability >= `gate`
//   that the check digits cannot tell from it: a valid read proves nothing then.
// Why: PP-OCR confuses what any general recogniser confuses where glyphs look alike (O/0,
//   I/1); the MRZ's layout settles those without a guess. But on small blurred fillers it
//   reads K, which weighs 20 (0 mod 10) like '<' and passes every check digit: measured on
//   generated documents, 3 wrong "valid" MRZs out of 24 without the gate, 0 with it
//   (tools/mrz_dnn_probe/README.md).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "mrz/mrz.h"

namespace jae::local {

// A line as PP-OCR read it, with per character the runner-up's probability and class.
struct DnnLine {
  std::string text;
  std::vector<float> rival;
  std::string rival_char;
};

std::vector<std::string> CoerceByPosition(std::vector<std::string> lines, MrzFormat format);
std::vector<std::string> LettersByPosition(std::vector<std::string> lines, MrzFormat format);

std::optional<mrz::ParsedMrz> AcceptCoerced(const std::vector<std::string>& raw, int length,
                                            const mrz::ParseOptions& options);

bool CheckBlind(char a, char b);

bool HasBlindRival(const DnnLine& line, float gate);

}  // namespace jae::local
