// The captions documents print before their values ("Nom / Surname", "Date de naissance",
// "N° de licence"), and how a line's text is matched against them.
//
// Contract: NormalizeLabelText() gives the form every caption is matched in. LongestKey()
// finds the caption a normalised text starts with: as printed or abbreviated ("Lieu de
// naiss."), else with one OCR slip in a long key, else with two in a key of several words;
// a key matches whole words only ("nom" is not the start of "nombre"). IsOnlyALabel() tells
// a value that is nothing but a caption, misread or not. Pure functions; the table is
// built once, on first use.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "result/result.h"

namespace jae::local {

// A caption: the field it names and how documents word it.
struct Rule {
  std::optional<FieldName> field;      // none: a known label of no field we read (a stop)
  std::vector<std::string_view> keys;  // normalised label prefixes
};

// French and English wordings of each label (real documents print both, "Nom / Surname",
// in either order). Where two keys start alike the longest match wins ("nom du club" over
// "nom", "date de naissance" over "date").
const std::vector<Rule>& Rules();

// Lower case, accents folded to ASCII, '°' and 'º' to 'o', æ and œ to their two letters,
// punctuation other than ':' and '/' dropped, spaces collapsed: the form labels are
// matched in.
std::string NormalizeLabelText(std::string_view utf8);

// The longest key of any rule that `norm` starts with: its rule and length.
std::optional<std::pair<const Rule*, size_t>> LongestKey(std::string_view norm);

// Whether `value` is nothing but a label ("Nom", "Prénom :"): read where the value should
// be when the real one was lost (too faint, out of the frame), it names a field, it is
// not the value of one — a surname "nom" would pass every form a name has.
bool IsOnlyALabel(std::string_view value);

// A caption that names the birth alone ("Naissance", "Born"): its value holds the date and
// the place.
bool IsTheBirthAlone(std::string_view key);

// Levenshtein distance; for short strings (a caption's letters).
int EditDistance(std::string_view a, std::string_view b);

}  // namespace jae::local
