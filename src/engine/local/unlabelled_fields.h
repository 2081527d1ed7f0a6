// Fields found without their captions, by what a document is: the names a proved MRZ
// spells, an issue date a whole number of years before the expiry, a card front's two
// dates by their order, a French postal address by its postcode, a birth place after its
// date or with its department. For pages whose small captions a photo lost while the
// values under them were read. Pure functions on OCR lines; each adds a field only where
// `fields` has none, and only when one reading of the page is possible.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/clock.h"
#include "engine/local/field_reader.h"
#include "mrz/mrz.h"
#include "result/result.h"

namespace jae::local {

// A date printed on the page: day, month and a four-digit year.
struct PrintedDate {
  CivilDate date;
  std::string text;  // as printed, look-alike digits repaired ("O5 12 2031" -> "05 12 2031")
  double confidence = 0;
  const OcrLine* line = nullptr;  // into the `lines` given
  size_t after = 0;               // the index of the line's first word after the date
};

// Every date `lines` print, in reading order: each shortest run of up to four words of a
// line that reads as a date ("12.03.1990", "20 juin 1982"), the search going on after it.
std::vector<PrintedDate> PrintedDates(const std::vector<OcrLine>& lines);

// When a proved MRZ names the holder and `fields` has no printed surname (or given names):
// the run of whole words on one line whose letters are the MRZ's, in order, gives it as
// printed ("LEFÈVRE", "Élise, Léa"). Why: the check digits prove the letters and the page
// keeps the accents the MRZ cannot write, wherever its layout puts the name and whether
// or not its caption was read. A run with accents is preferred to one without (a name
// printed twice, once in capitals without them); names of fewer than 3 letters are left.
void AddNamesTheMrzSpells(const std::vector<OcrLine>& lines, const mrz::ParsedMrz& proved_mrz,
                          Fields& fields);

// A printed surname or given names whose letters are a proved MRZ's, all of them in
// order, spaced as the MRZ separates its names: a space the reader put inside a name
// dropped ("HU GO, RÉMI" → "HUGO, RÉMI"), one it left out between two added. Separators the
// page prints where the MRZ parts names (", ", "-") and hyphens or apostrophes inside a
// name are kept. Why: the check digits prove the letters, the filler '<' where names part.
void SpaceNamesAsTheMrz(const mrz::ParsedMrz& proved_mrz, Fields& fields);

// When `fields` has no issue date: the one date printed on the page (day, month and a
// four-digit year) a whole number of years (1 to 15) before the expiry, or that less a
// day, gives it; the expiry is a proved MRZ's (`proved_mrz`, or null), else the one read
// in `fields`. On a 1988 card with a proved MRZ, a date of the year and month its number
// starts with (YYMM) does too. Why: a French passport, identity card or residence permit
// is valid a whole number of years from its issue, and a 1988 card's number says when it
// was issued (reference/identity-documents.md §7), so that date is the issue date whatever
// its caption and wherever printed. Two such dates, or none, give nothing; neither does
// the birth date.
void AddIssueDateByValidity(const std::vector<OcrLine>& lines, const mrz::ParsedMrz* proved_mrz,
                            Fields& fields);

// On the front of an identity card that shows no MRZ (the 2021 card prints its MRZ on the
// back), with the holder's birth date or the card's expiry missing: the dates the page
// prints that no field holds give them by their order, the birth before the expiry (and
// before an issue date read), the expiry after both. Both missing: two such dates exactly,
// the earlier the birth; one missing: one such date exactly. Why: the card's front prints
// those two dates, and a misread caption ("Dre deir" for "Date d'expir.") must not lose
// the date under it. Only for identity cards whose MRZ was not read; a value of no date
// form is never taken. Not on a page that shows a back too: an issue date's caption, or
// two dates a whole number of years apart (an issue and an expiry, the birth unread).
void AddDatesOfACardFront(const std::vector<OcrLine>& lines, Fields& fields);

// When `fields` has no sex: the page's words that are a lone capital M or F, shaped as a
// letter and apart from their line's other words by a letter's height at least ("F." is
// an initial, "RÉPUBLIQUE F" a word cut short, neither one of them), all the same letter,
// give it. Why: an identity card prints the holder's sex as one letter, and a photo loses
// or mangles its small caption ("SE.", or merged into the next column's) while the letter
// itself is read. Two letters give nothing. For a card's front whose MRZ was not read:
// against a proved MRZ a stray letter would only be a false alarm. Lines' words are read
// (their boxes), not their text.
void AddSexByItsLetter(const std::vector<OcrLine>& lines, Fields& fields);

// When `fields` has no nationality: the page's words (each line's `words`) that are a
// state's three-letter code (ICAO 9303-3, "FRA"), all the same code, give it; a code
// followed on its line by a number is a caption or a prefix ("CAN 708219": the card access
// number), not one of them. Why: the 2021 card prints the nationality as its code, and a
// photo misreads the caption over it ("NATIONALyry"). For a card's front whose MRZ was not
// read (a passport prints its issuing state's code too, which is not the holder's
// nationality).
void AddNationalityByItsCode(const std::vector<OcrLine>& lines, Fields& fields);

// When `fields` has no nationality: a word "Française" or "Français" (as read, accents and
// case aside: "Françaïse") right after a word ending with a colon — a caption, however
// misread ("m-Narionatrré:") — gives "Française"; every such word must be it. Why: a French
// identity card prints the nationality in words after its caption, on a line it shares
// with the sex and height, and a scan garbles the small capitals of the caption while the
// value reads clean. A colon before it rules out "République française" and a federation's
// name. For French identity cards.
void AddFrenchNationalityInWords(const std::vector<OcrLine>& lines, Fields& fields);

// When `fields` has no address: the one line ending with a French postcode and a town in
// capitals ("28676 ANGERS", "13090 AIX-EN-PROVENCE CEDEX 2"), with the street lines right
// over it that start where it starts (a number first, or a street's type or an address's
// complement among their words: RUE, ALLÉE, APPARTEMENT, LIEU-DIT ...), or the street
// before the postcode on that line. Why: a French postal address ends so (AFNOR NF
// Z10-011), whatever its caption and wherever the card prints it, and a photo often loses
// the small caption but not the address under it. Two such lines, or no street, give
// nothing; lines that name a field are never taken. Used on identity cards and residence
// permits, whose holder's address is the only one they print.
void AddAddressByItsPostcode(const std::vector<OcrLine>& lines, Fields& fields);

// When `fields` has no birth place: the town in capitals right after the birth date, with
// no column's gap between them ("12 06 1965 AIX-EN-PROVENCE (13)", one caption over both,
// "Date et lieu de naissance"), or else the one line holding a town and its department in
// brackets ("AMIENS (80)"), as only birth places are written. The birth date is a proved
// MRZ's (`proved_mrz`, or null), else the one read in `fields`. Why: a photo loses small
// captions, not the values under them. Never a place after an authority's word
// (PRÉFECTURE, MAIRIE ...), never two places.
void AddBirthPlaceUncaptioned(const std::vector<OcrLine>& lines, const mrz::ParsedMrz* proved_mrz,
                              Fields& fields);

}  // namespace jae::local
