// The form each field's value has — a date, a ranking of French tennis, a licence or a
// club's number, a name — and the OCR slips that form makes known.
//
// Why: a value that fails its field's form is no fact (a misread, or another column's
// text glued on), and an absent field is better than a wrong one; a value that nearly has
// it ("08 O1 2019", "30 / 3") is the value with a slip its form tells how to undo.
//
// Contract: RepairValue() brings a value as read to its field's form where an OCR slip or
// another way of writing it keeps it out ("08 O1 2019", "Masculin", "2025/2026" for the
// season 2026), and leaves any other value as read; FitsForm() says whether a value has
// its field's form. The rest are the forms and the parts of a value the field readers
// share. Pure functions on UTF-8 strings.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "result/result.h"

namespace jae::local {

// `value` as read for `field`, the OCR slips its field's form makes known repaired: look-
// alike digits in a date or number, a ranking's spaced slash, a town's lost accents ...
std::string RepairValue(FieldName field, std::string value);

// Whether `value` has the form its field must have. A value that fails is no fact: the
// label's value was mis-read or mis-placed (the next column's date glued to a
// nationality), and an absent field is better than a wrong one.
bool FitsForm(FieldName field, std::string_view value);

// Whether a field's form tells its value from stray words: a date, a number, a sex, a
// season or ranking — not a name, a place or an address.
bool HasStrictForm(FieldName field);

// Day, month and year, in either order (D M Y or Y M D), in digits or with the month in
// words (French or English, "12 MARS 1985", "12 Mar 1985"); nothing else.
bool IsDate(std::string_view value);

// A ranking of French tennis: NC, 40, 30/5 ... 15/1, 15, 5/6 ... 1/6, 0, -2/6 ... -15, or
// a numbered top player ("N° 12", "Top 40").
bool IsRanking(std::string_view value);

// A ranking in large type whose slash was read as a 1 ("216" for 2/6 on a licence's badge,
// "3011" for 30/1): `figures` (digits, perhaps after a minus) with that 1 as the slash, when
// they are no ranking as read and exactly one of their 1s (not the first figure) makes one;
// otherwise `figures` unchanged. Only for a badge's big figures: in a line of small print a
// blur that turns the slash into a 1 also loses a minus ("-4/6" read "416").
std::string SlashForAOne(std::string figures);

// A French passport's number read with a letter taken for a digit or a digit for a letter
// ("200070177" for "20OO70177", "O4RT63681" for "04RT63681"): its form is two digits, two
// letters, five digits, so in the digits' places O, Q and D are 0, I and L 1, Z 2, A 4,
// S 5, G 6, T 7, B 8, and in the letters' places 0 is O, 1 I, 2 Z, 4 A, 5 S, 6 G, 7 T,
// 8 B. Returns `number` so mended when that gives the form; otherwise `number` unchanged
// (another country's passport, a read too far off). For a passport the MRZ or the page
// says is French, never another.
std::string FrenchPassportNumberByPlace(std::string number);

// Whether a word of `value` starts with a capital letter (ASCII, or Latin-1's À-Þ in
// UTF-8: "Élise", "ÉMILIE").
bool HasCapitalisedWord(std::string_view value);

// Strips separators around a value: ASCII ones, and whole dashes and ellipses (dot
// leaders read as "…"). UTF-8 aware: a byte set holding "—" would also strip the first
// bytes of "…" or "é" and leave a broken character (seen: a leader before given names).
std::string Trim(std::string s);

// A licence number in full, as the federation prints it: seven digits and a capital
// letter, spaced or not ("1234567 A", "1234567A").
bool IsAWholeLicenceNumber(std::string_view value);

// "AS Montferrand Tennis (04650337)", "TC Pau (n° 45526434)": a name and the number in
// brackets after it (five to ten digits, spaces and a leading "n°" dropped), or nullopt
// when `text` does not end so.
std::optional<std::pair<std::string, std::string>> NameAndBracketedNumber(std::string_view text);

// A club's name and number as a caption's value prints them: in brackets (above), or
// parted by a dash, either first ("TC PAU - 57920123", "57920123 – TC PAU"); the number five
// to ten digits, spaces dropped, the name none. nullopt when `text` holds no number so:
// without a dash, a number beside a name may be the next column's (a photo's "RENAUD
// 32742227" under "Club", the licence number beside it, misread).
std::optional<std::pair<std::string, std::string>> ClubNameAndNumber(std::string_view text);

// Words of a club's name ("TC Paris", "ASPTT Lille", "Cercle Sportif de Pau"); `norm` as
// NormalizeLabelText gives it.
bool IsAClubNameWord(std::string_view norm);

// Words of a club's or a federation's name, or of a licence's heading, which a heading of
// two cases may also be: no person's name. `norm` as NormalizeLabelText gives it.
bool IsAClubWord(std::string_view norm);

// Words that name a sex or a tennis category ("Homme", "Féminin", "Dames"), which an app
// prints in a name's cases beside or under the name: no person's name. `norm` as
// NormalizeLabelText gives it.
bool IsASexWord(std::string_view norm);

// Words that no person's name holds but a line naming one may: a greeting ("Bonjour"), a
// civility ("Monsieur", "Mme"), a possessive ("Mon"), a player's role ("Capitaine"), an
// app's menu item beside the name ("Accueil"). `norm` as NormalizeLabelText gives it.
bool IsANoNameWord(std::string_view norm);

// "Odile Juliette N'GUESSAN" or "N'GUESSAN Odile Juliette": given names capitalised and
// the surname in capitals, the way French documents and apps write a person's name —
// two to six words, one run of each case, no label, no club's word and no sex's word
// ("Homme DO": the sex read into one line with a QR code's corner). (given names,
// surname), or nullopt when `text` is not written so.
std::optional<std::pair<std::string, std::string>> AsGivenNamesAndSurname(std::string_view text);

// "Blanchard Odile Léa", "Da Silva Victor Hugo" or "Odile Léa Blanchard": a name written in
// one case (each word capitalised), parted where the French given names (given_names.h)
// meet the other words — the given names one run of listed words, the surname one run of
// unlisted ones, either first; a particle ("de", "Da", "Le" ...) belongs to the surname's
// run. Two to five words, no label, club's, sex's or greeting's word ("Bonjour Camille" is
// no name). A name all of listed words ("Gauthier Sébastien", "Martin Paul") or with the
// runs interleaved gives nothing: the list cannot part it. (given names, surname), or
// nullopt. Why: an app or a card may print the holder's name with no label and in one
// case, surname first or last.
std::optional<std::pair<std::string, std::string>> NameByItsGivenNames(std::string_view text);

}  // namespace jae::local
