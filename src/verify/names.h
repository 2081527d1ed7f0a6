// Does a printed name agree with the name an MRZ holds? Pure.
//
// Contract: NamesAgree is true when the MRZ name is what the layout makes of the printed
// one: the ICAO transliterations (accents dropped, Ä as AE or A, ...), hyphens, commas,
// apostrophes and '<' / "<<" separators all as word breaks (apostrophes vanish), and the
// cuts a layout makes when the name field is too short:
//  - whole given names dropped from the end, but only when the first one dropped would
//    not have fitted in the fillers left at the end of the field;
//  - the last name kept cut short, but only when the field is full to its last position.
// Why: the French 1988 card keeps "LUCIE<<HELENE<" of "Lucie, Hélène, Anaïs" (no room for
// "<<ANAIS"); counting that as a mismatch is a false alarm, while a dropped name that
// would have fitted is a real difference.
#pragma once

#include <string>
#include <string_view>

namespace jae::verify {

// How much room the MRZ name field had: fillers left at its end, and how many characters
// separate two given names in this layout (1, or 2 on the French 1988 card).
struct NameRoom {
  int fillers_left = 0;
  int separator = 1;
};

bool NamesAgree(std::string_view printed, std::string_view from_mrz, const NameRoom& room);

// NamesAgree, or the two differ only where a reader of OCR-B confuses letters (D and Q
// read for O, F for E). Why: no check digit covers a name, so a misread letter of the
// MRZ's name is not caught there; "BDYER" against a printed "Boyer" is that misread, not
// another person, and calling it a mismatch is a false alarm. A name changed into
// another name still differs. Spaces do not count here ("I NÈ S" is INES): OCR splits
// the letters of a spaced-out font into words.
bool NamesAgreeUpToMisreads(std::string_view printed, std::string_view from_mrz,
                            const NameRoom& room);

}  // namespace jae::verify
