// Printed (visual) fields, found next to the labels each document prints: "Nom : X" on one
// line (1988 card, FFT licence) or the label above its value ("NOM / Surname" then
// "MARTIN": 2021 card, passport, residence permit). Pure functions over OCR lines.
#pragma once

#include <opencv2/core.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mrz/mrz.h"
#include "result/result.h"

namespace jae::local {

struct OcrWord {
  std::string text;  // UTF-8
  cv::Rect box;
  double confidence = 1;  // 0..1, the reader's for this word alone
};

struct OcrLine {
  std::string text;  // UTF-8 as recognised
  cv::Rect box;
  double confidence = 0;  // 0..1
  // The line's words, left to right, when the reader knows them (empty otherwise): where
  // the columns of a multi-column line split.
  std::vector<OcrWord> words = {};
};

// Lower case, accents folded to ASCII, '°' and 'º' to 'o', punctuation other than
// ':' and '/' dropped, spaces collapsed: the form labels are matched in.
std::string NormalizeLabelText(std::string_view utf8);

// Reads the labelled fields of `lines` (in any order). `document_width` scales the
// geometric tolerances. Only fields whose label is found and whose value is non-empty
// are returned; their source is "visual" and their confidence the OCR's for the value: the
// least of the confidences of the words the value keeps (a line's confidence is an average
// that a long, clear label lifts over one misread word of its value).
// A licence heading with no "Saison" label ("Licence 2027") counts as the season.
// `captions`: where a label without a value on its own line stands against its value —
// above it (most documents) or under it (a caption under each value, as some cards print).
enum class Captions { kAboveValues, kUnderValues };
Fields ReadLabelledFields(const std::vector<OcrLine>& lines, int document_width,
                          Captions captions = Captions::kAboveValues);

// The document itself tells where its captions stand. With a proved MRZ (every check
// holds, the read not withheld: `proved_mrz`, else null): when the surname read with
// captions above the values is not the MRZ's while the reading with captions under the
// values gives it, `fields` becomes that reading (names compared without accents, case or
// punctuation). Without one: when captions under the values give at least two fields
// more (a value that fails its field's form is no field, so the wrong placement finds
// few).
void ChooseCaptionPlacement(const mrz::ParsedMrz* proved_mrz, const std::vector<OcrLine>& lines,
                            int document_width, Fields& fields);

// How many of `fields`' names (surname, given names) a proved MRZ contradicts (compared by
// their letters, without accents, case or punctuation; the MRZ may cut given names short,
// so one a prefix of the other agrees); 0 without a proved MRZ (`proved_mrz` null). Why:
// of two readings of one page, the one whose names the MRZ's check digits refute is the
// misread one ("ARBIER" for "BARBIER"), and keeping it would raise a false alarm.
int NamesContradictingMrz(const mrz::ParsedMrz* proved_mrz, const Fields& fields);

// `value` as read for `field`, the OCR slips its field's form makes known repaired: look-
// alike digits in a date or number, a ranking's spaced slash, a town's lost accents ...
std::string RepairValue(FieldName field, std::string value);

// Whether `line` holds a caption of a field we read (a full one: not a lone "à").
bool NamesAField(const OcrLine& line);

// The box of `field`'s label in `lines` when `fields` has no value for it: where to look
// again for a value Tesseract's page reading dropped (a lone "F" under "Sexe").
std::optional<cv::Rect> LabelWithoutValue(const std::vector<OcrLine>& lines, const Fields& fields,
                                          FieldName field);

// When `fields` has neither surname nor given names: the line that writes a person's name
// the French way, given names capitalised and the surname in capitals ("Odile Juliette
// N'GUESSAN", either order), the tallest of them, gives both. Why: the federation's app
// shows the holder's name as a heading with no label; used only where the document is
// known to be a licence (elsewhere such a line may be anyone's name).
// An attestation names the holder in a sentence instead ("certifie que M. Sébastien DA
// SILVA, né le ..."): a name written that way right after a civility (M., Mme, Monsieur,
// Madame ...) comes first, and the civility gives the sex when it is missing.
void AddNameHeading(const std::vector<OcrLine>& lines, Fields& fields);

// When `fields` has no ranking: a word that can only be a ranking of French tennis — a
// classification with a slash ("15/5", "30/2", "-2/6"), not a date — alone on its line or
// beside the season ("15/5  Saison 2025"), gives it. Why: the federation's app shows the
// ranking as a chip without a label. Used only on licences.
void AddUnlabelledRanking(const std::vector<OcrLine>& lines, Fields& fields);

// When `fields` has the club's name but not its number: the number in parentheses right
// after the name in the text ("au titre du club TC Pau (n° 45526434)"). Used on licences.
void AddClubNumberAfterItsName(const std::vector<OcrLine>& lines, Fields& fields);

// When `fields` has no club's name: the one line that is a club's name and its number in
// parentheses, nothing else ("US Orléans Tennis (05138805)", as an app lists the club
// under a "Club" heading that is no caption); the name holds a club's word ("Tennis",
// "TC", "AS", ...) and the number five to ten digits. Two such lines: neither. Fills the
// number too when missing. Used on licences.
void AddClubWithItsNumberInBrackets(const std::vector<OcrLine>& lines, Fields& fields);

// When `fields` has the club's number but not its name: the line right over the number's
// line, starting where it starts ("US Orléans Tennis" over "Club n° 49060573", as the
// federation's app prints a club), when it is a club's name in form and no label. Used on
// licences, after the numbers are read.
void AddClubNameOverItsNumber(const std::vector<OcrLine>& lines, Fields& fields);

// When `fields` has no sex: a line that is only "Homme" or "Femme" ("Masculin",
// "Féminin"), as the federation's app shows it without a label. Used on licences.
void AddLoneSexWord(const std::vector<OcrLine>& lines, Fields& fields);

// A line that is "N°" and a number alone, or the number alone (the federation's app
// prints both numbers so): the number's own form says which it is — a licence number is seven
// digits and a letter
// ("0723155 T"), a club's number eight digits ("5792 0123"). Fills only missing fields.
// Used on licences.
void AddBareNumbers(const std::vector<OcrLine>& lines, Fields& fields);

// When `fields` has no birth date: the one line that is a date and nothing else (the app
// prints the birth date under an icon, without a label). Two such lines: neither. A date
// less than four years before the latest year the page names (the season's) is the page's
// own (printed on, valid until), and a page that names no other year proves nothing. Used
// on licences, whose only personal date is the birth date.
void AddLoneBirthDate(const std::vector<OcrLine>& lines, Fields& fields);

// When `fields` has no season or no birth date: the attestation's sentence, its lines
// joined, as the federation writes it ("... né le 14 février 1968, est titulaire de la
// licence n° 7797305 Z pour la saison 2025/2026, ..."), wherever its lines wrap (a label
// at one line's end, its value at the next one's start). Used on licences.
void AddFromTheSentence(const std::vector<OcrLine>& lines, Fields& fields);

// When `fields` has no season: the licence's period of validity, the sporting year itself
// ("valable du 01/09/2025 au 31/08/2026", "du 1er septembre 2025 au 31 août 2026"): a
// 1 September followed by the next year's 31 August gives that year; so does a 31 August
// right after "jusqu'au" ("valable jusqu'au 31/08/2026"). Two such years: neither. Used on
// licences (the sporting year runs 1 September - 31 August, named after its end year).
void AddSeasonOfItsValidity(const std::vector<OcrLine>& lines, Fields& fields);

// Every Add... above, in the order they build on each other: the fields a licence shows
// without labels. Fills only missing fields; used only where the document is a licence.
void AddUnlabelledLicenceFields(const std::vector<OcrLine>& lines, Fields& fields);

// `fields` without those a licence does not print (a birth place, a nationality, an
// identity document's number or dates, an address): on a licence they are another
// caption's or an icon's reading ("à" read from an app's icon over "Accueil").
void KeepLicenceFields(Fields& fields);

}  // namespace jae::local
