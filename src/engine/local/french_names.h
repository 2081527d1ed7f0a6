// The accents of French names that OCR reads without them, or with the wrong one. Pure.
//
// Contract: WithNameAccents(value) gives `value` with each of its words (parted by spaces,
// commas and hyphens, which are kept) that, folded to unaccented capitals, spells a name
// of the list below written with that name's accents, in the word's own case: capitals
// stay capitals ("LEA" -> "LÉA", "LEFÊVRE" -> "LEFÈVRE"), a capitalised word stays
// capitalised ("Chloë" -> "Chloé"); a word in any other case, or of no listed name, is
// kept as read.
// Why: Tesseract drops the accents of capitals and confuses é, è, ê and ë on small print,
// and a document prints a person's name with its accents. The list holds French given
// names and surnames whose accented spelling is by far the usual one in France; names
// spelt commonly both ways ("Benoit", "Michael", "Perez", "Lefebvre") are not in it, so that
// a name printed without an accent keeps it.
#pragma once

#include <string>

namespace jae::local {

std::string WithNameAccents(std::string value);

}  // namespace jae::local
