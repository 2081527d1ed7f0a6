// Latin text folding for comparisons: UTF-8 in, upper-case ASCII out, following the ICAO
// 9303-3 transliteration used for machine readable zones (reference/identity-documents.md
// §6). Pure functions; invalid UTF-8 never crashes, it becomes '?'.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace jae::verify {

// Every way ICAO allows `text` to be written in an MRZ name field: diacritics dropped,
// Ä -> AE or A, Ö -> OE or O, Ü -> UE, UXX or U, Å -> AA or A, Ñ -> N or NXX, Æ -> AE,
// Œ/Ø -> OE, ß -> SS, Þ -> TH; apostrophes removed (ICAO) or a filler (some issuers:
// N'GUESSAN as N<GUESSAN); hyphens, commas, '<' and white space
// become single spaces; trimmed. Characters outside Latin script become '?'. At most
// `max_variants` results (the first uses the first option of every letter).
std::vector<std::string> MrzNameVariants(std::string_view text, std::size_t max_variants = 64);

// The first of MrzNameVariants, lower-cased: for matching words like month names and
// "Féminin" without caring about accents or case.
std::string FoldForMatching(std::string_view text);

// Printed-zone OCR cannot tell these apart (OCR-B and the fonts of the printed zone):
// O/Q/D and 0, I and 1, Z and 2, S and 5, G and 6, B and 8, each pair made its digit
// (upper case only). Two document numbers that differ only there are the same number
// misread, not two numbers; the MRZ's, proven by its check digit, is the one kept.
std::string FoldConfusions(const std::string& text);

// Leading/trailing white space removed and inner runs of white space collapsed to one
// space (UTF-8 safe: only ASCII white space is touched).
std::string CollapseWhitespace(std::string_view text);

}  // namespace jae::verify
