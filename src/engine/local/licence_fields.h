// The fields a licence of the French tennis federation shows without labels: the
// federation's app prints the holder's name as a heading, the ranking as a chip, the club
// with its number in brackets, the numbers and the birth date alone on their lines, the
// season in the licence's heading; its attestation writes them in a sentence.
//
// Contract: each Add... fills fields `fields` lacks from OCR lines (pure), and changes none
// it has but to complete a licence number whose letter wrapped to the next line
// (AddFromTheSentence). Used only where the document is known to be a licence: elsewhere
// such a line may be anyone's name or any number.
#pragma once

#include <optional>
#include <vector>

#include "engine/local/field_reader.h"
#include "result/result.h"

namespace jae::local {

// "Licence 2027", "Licence 2026-2027", "LICENCE FFT 2023-2024", "ATTESTATION DE LICENCE
// 2026", "Ma licence 2026", "FFT · Licence 2026": the season a licence heading names (the
// app shows the licence's season under the holder's name or in its card's title, with no
// "Saison" label). A heading may share its line with another column (the holder's name on a
// card's band, the heading far right of it): each column of a line, parted at gaps of twice its
// words' median height, is looked at alone. ReadLabelledFields takes it when no caption gives
// the season.
std::optional<Field> SeasonOfALicenceHeading(const std::vector<OcrLine>& lines);

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

// When `fields` has no club name: the one text on the page (a line, or a column of one)
// that is a club's name by its words — two to seven words, a capital first, no digit, one
// of them a club's ("Tennis", "Club", "TC", "Cercle", "Stade", "AS" ...), none of a
// federation's, league's, licence's or sentence's, and no label. Two such texts give
// nothing. Why: a licence always names its club, and its caption may be lost (small
// capitals read "CLus", "Cuus") while the name itself reads clean.
void AddClubNameByItsWords(const std::vector<OcrLine>& lines, Fields& fields);

// When `fields`' club name ends with a word no name ends with ("Tennis Club Municipal de":
// de, du, des, d', la, le, les, l', et, sur, en): a narrow column wrapped it, and the
// words right under its first word on the next line ("Rennes"), up to the next column,
// complete it, and the number in brackets after them gives the club's number when it is
// missing ("VALLÉE (57 92 0123)"). Only when those words hold no other digit and no
// caption. The same when the next line, under the name's first word, starts with such a
// word in small letters ("Tennis Club" over "de Vannes"). Used on licences.
void CompleteAWrappedClubName(const std::vector<OcrLine>& lines, Fields& fields);

// When `fields` has no sex: a line that is only "Homme" or "Femme" ("Masculin",
// "Féminin"), as the federation's app shows it without a label, or ends with one after a
// separator ("Née le 17/08/2001 · Femme"). Used on licences.
void AddLoneSexWord(const std::vector<OcrLine>& lines, Fields& fields);

// A line that is "N°" and a number alone, or the number alone (the federation's app
// prints both numbers so): the number's own form says which it is — a licence number is
// seven digits and a letter ("0723155 T"), a club's number eight digits ("5792 0123"),
// unless they start with the licence number's seven (its letter read as a digit). Fills
// only missing fields. Used on licences.
void AddBareNumbers(const std::vector<OcrLine>& lines, Fields& fields);

// When `fields` has no birth date: the one line that is a date and nothing else (the app
// prints the birth date under an icon, without a label). Two such lines: neither. A date
// less than four years before the latest year the page names (the season's) is the page's
// own (printed on, valid until), and a page that names no other year proves nothing. With
// no date alone on its line: the one date printed anywhere (among other words, its caption
// misread) that is that old. Used on licences, whose only personal date is the birth date.
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
