// The accents of French towns whose names OCR reads without them. Pure.
//
// Contract: WithTownAccents(value) gives `value` with its last words replaced by a known
// town's name as spelt with its accents when, folded to unaccented capitals, they are
// that name ("SAINT-ETIENNE" -> "SAINT-ÉTIENNE", "41 BOULEVARD GAMBETTA 88514 NIMES" ->
// "... NÎMES"); `value` unchanged otherwise (no known town, or already accented, or in
// lower case: only a capitalised reading, as documents print places, is changed).
// Why: Tesseract drops or confuses the accents of small capitals (Î, É), and a birth place
// or an address ends with a real commune, whose spelling is known; a list of the larger
// communes whose names carry an accent, not of any renderer's.
#pragma once

#include <string>

namespace jae::local {

std::string WithTownAccents(std::string value);

}  // namespace jae::local
