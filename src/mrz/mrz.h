// Machine readable zones (ICAO Doc 9303 and the French national formats): parsing,
// check digits and check-digit-guided repair of OCR confusions. Pure code, no I/O.
//
// Contract:
//  - ParseMrz never crashes or throws on any input; text that is not an MRZ gives a
//    non-OK Status with a message saying why (wrong line count/length, bad characters).
//  - A well-formed MRZ always parses, even when check digits fail: `valid` is false and
//    `failed_checks` names every check that does not hold.
//  - A well-formed MRZ whose fields break their form (a month 13, a sex that is not F, M,
//    X or '<', a country code outside the ISO 3166 / ICAO list, a French 1988 card number
//    that is not YYMM + office + 5 digits) is not valid either: `form_problems` names them.
//  - With correction enabled, characters are changed only along known OCR confusions
//    (O/0, I/1, B/8, S/5, Z/2, G/6, D/0, Q/0, ...) and only to what the position and the
//    field's form allow. A repair is kept only when it makes every check hold, every field
//    respect its form, and no other single-character change that respects the forms does
//    the same (whatever the character: the misreading may not have been a confusion).
//  - `decided_by` says, in words, which rules gave the verdict (for `jae-ocr mrz`).
//  - TD1 and TD2 document numbers longer than 9 characters (ICAO 9303-5/-6: '<' in the
//    check digit position, the rest of the number and then its check digit at the start
//    of the optional data) are read whole; the check digit covers the whole number.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.h"
#include "common/status.h"
#include "result/result.h"

namespace jae::mrz {

// The ICAO 7-3-1 check digit of `text` ('<' = 0, A = 10 ... Z = 35). Returns -1 if
// `text` holds a character outside A-Z, 0-9, '<'.
int CheckDigit(std::string_view text);

// What the MRZ says. Empty strings / nullopt when the MRZ does not carry the field.
struct MrzData {
  std::string document_code;            // "P<", "ID", "I<", "V<", "D1", ...
  std::string issuing_state;            // "FRA", "D", "UTO" (fillers stripped)
  std::string surname;                  // spaces for '<' inside the name, e.g. "DE LA TOUR"
  std::string given_names;              // space-separated
  std::string document_number;          // without fillers; TD1/TD2 long numbers joined
  std::string nationality;              // fillers stripped
  std::optional<CivilDate> birth_date;  // century resolved against the reference date
  std::string sex;  // "F", "M", "X" ('<' reads as X: unspecified); empty if neither
  std::optional<CivilDate> expiry_date;  // TD*/MRV/FR_DL
  std::string personal_number;           // TD3 personal number / optional data, no fillers
  std::string optional_data;             // TD1/TD2 optional data, no fillers
  // French 1988 card: issue year-month (day unknown) and administrative codes.
  std::optional<CivilDate> issue_month;  // day = 1
  std::string issuing_office;            // FR 1988 line 2 pos 5-7
};

struct ParsedMrz {
  MrzFormat format = MrzFormat::kTD3;
  std::vector<std::string> lines;          // as read (normalised), or as corrected
  bool valid = false;                      // every check digit holds and every field has its form
  std::vector<std::string> failed_checks;  // e.g. "document_number", "birth_date", "composite"
  std::vector<std::string> form_problems;  // e.g. "birth_date" (month 13), "sex", "nationality"
  std::vector<std::string> decided_by;     // the rules behind the verdict, in words
  bool corrected = false;
  std::vector<std::string> corrections;  // e.g. "line 2 pos 15: O->0"
  std::vector<std::string> warnings;     // e.g. "birth_date: not a valid date"
  MrzData data;
};

struct ParseOptions {
  // The day the document is read: births are resolved to the latest century not after
  // it, expiry dates to a window around it.
  CivilDate today{2026, 1, 1};
  bool correct = true;  // try OCR-confusion repairs when checks fail
};

// Parses one MRZ given as its lines. Hygiene applied first: surrounding white space
// removed, lower case folded, inner spaces removed, a line one or two characters short
// padded with '<'. Empty lines are dropped.
StatusOr<ParsedMrz> ParseMrz(const std::vector<std::string>& lines, const ParseOptions& options);

// Splits free text (e.g. an OCR block or stdin) into candidate lines and parses it.
StatusOr<ParsedMrz> ParseMrzText(std::string_view text, const ParseOptions& options);

// False when the issuer's document-number format is known and the number breaks it — a
// misread its check digit cannot see (6 read for G: both weigh 6; O/0 twice at weights 7
// and 3). French passports (P<FRA, TD3): 2 digits, 2 letters, 5 digits. (The CNIe number
// is 9 free alphanumerics; other formats are not documented in our references.)
bool DocumentNumberFitsIssuerFormat(const ParsedMrz& parsed);

// True when a field with its own check digit holds, alone among fillers (a filler before
// it, a filler or the field's end after it), a character whose check-digit value is a
// multiple of 10 like the filler's (0, A, K, U): a filler misread, which no check digit
// can see — "AB1234<<<" read "AB1234<K<" proves a number nobody wrote. Characters after a
// filler are no misread by themselves: Finland writes its personal code "211271-426U" as
// "211271<426U". Composite spans are no field; dates hold no filler.
bool BlindCharacterAfterFiller(const ParsedMrz& parsed);

// True when the name field of an ICAO layout (TD1, TD2, TD3, visas) holds text after
// a run of fillers that follows the secondary identifier: "MOREL<<ODILE<<<<<<II". ICAO
// 9303 writes the primary identifier, "<<", the secondary one, then fillers only, so such
// text is a misread (seen: a card edge read as "II"), and a read that made it may have
// made others the check digits cannot see (seen: 2 read Z and S read 5 in one number,
// each change cancelling the other in the check digit). The French 1988 card is not
// checked: it separates given names with "<<".
bool StrayTextAfterNames(const ParsedMrz& parsed);

// The shape of `mrz` printed by `jae-ocr mrz` (CONTRACT.md): format, valid, lines,
// failed_checks, corrected, fields (schema field names, ISO dates).
Fields ToResultFields(const MrzData& data);
MrzBlock ToMrzBlock(const ParsedMrz& parsed);

}  // namespace jae::mrz
