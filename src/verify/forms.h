// The forms single printed values take on real documents, whoever read them (a model or
// the local engine): a value outside its field's form is a misread, not a fact. Pure.
#pragma once

#include <string_view>

namespace jae::verify {

// A name: at least one letter, and nothing but letters (any script), spaces, hyphens,
// apostrophes, commas and dots. A digit or a ':' means something else was read with it
// ("O Sexe :F Noémie").
bool IsNameForm(std::string_view text);

// A place of birth: words of letters (any script) with hyphens, apostrophes, dots, commas or
// slashes; a Paris, Lyon or Marseille district after the town ("PARIS 15E", "LYON 3ÈME",
// "MARSEILLE 1ER"); and at its end one bracketed department or country ("NANTES (44)",
// "AJACCIO (2A)", "CASABLANCA (MAROC)"). A ':' or any other sign, a stray bracket or a
// number of another shape ("Taille: 1,79 M") is something else read as the place.
bool IsPlaceForm(std::string_view text);

// A French identity card's number, white space removed and upper case: 9 letters or digits
// (the card of 2021, reference/identity-documents.md §7) or the 1988 card's 12 (issue year
// and month, office, 5 digits: mrz::IsFrId1988NumberForm).
bool IsFrenchIdCardNumberForm(std::string_view number);

}  // namespace jae::verify
