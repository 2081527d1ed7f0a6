// The words, letters and digits of text as OCR read it: what the field readers count and
// compare. Pure functions on UTF-8 strings.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace jae::local {

// The words of `text`, split on spaces (runs of spaces give no empty word).
std::vector<std::string> SplitWords(std::string_view text);

// How many ASCII digits `s` holds.
int CountDigits(std::string_view s);

// How many letters `utf8` holds, an accented Latin letter counting once.
int CountLetters(std::string_view utf8);

// The digit groups of a value, e.g. "14/03/1987" -> {14, 03, 1987}.
std::vector<std::string> DigitGroups(std::string_view s);

// The letters of `text` without accents, case, digits, spaces or punctuation: how a name
// or a caption is compared with another reading of it ("Da Silva" and "DA-SILVA" alike).
std::string LettersOf(std::string_view text);

// How a word is written: "Juliette" and "Jean-Baptiste" (each part capitalised) are
// capitalised, "N'GUESSAN" and "LE GALL"'s words upper case; anything with a digit, a lone
// letter or mixed case inside a part is neither. UTF-8: Latin-1
// letters and Œ/œ count as letters (hyphens and apostrophes are skipped).
enum class WordCase { kCapitalised, kUpper, kOther };
WordCase CaseOf(std::string_view word);

// `utf8` with the typographic ligatures (U+FB00-FB06: "ﬁ", "ﬂ", "ﬀ", ...) as their
// letters. Why: a recogniser or a PDF's text layer may give "ﬁ" for "fi", which no caption,
// name or town is matched in.
std::string WithoutLigatures(std::string utf8);

}  // namespace jae::local
