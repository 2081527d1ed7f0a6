// The form each MRZ field must have beyond its position class: a date that is a date, a
// sex the standard knows, a country code from the ISO 3166 / ICAO list, the French 1988
// card number. Pure.
//
// Contract:
//  - FormProblems names every field of `lines` (already fitted to `format`) whose value
//    breaks its form, in layout order ("birth_date", "sex", "nationality", ...). An MRZ
//    with a problem is not valid, whatever its check digits say: a check digit only
//    proves the characters were copied as printed, not that they mean anything.
//  - Why here and not in the layouts: these rules need whole fields (a month is two
//    positions), the layouts only describe single positions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "result/result.h"

namespace jae::mrz {

// ISO 3166-1 alpha-3 codes plus the ICAO 9303-3 specials (D, GBD ... GBS, EUE, UNO, UNA,
// UNK, XBA, XIM, XCC, XCE, XCO, XEC, XPO, XES, XOM, XDC, XXA, XXB, XXC, XXX, XXK) and UTO
// (ICAO's specimen state). `code` without fillers.
bool IsKnownCountryCode(std::string_view code);

// YYMMDD with '<' allowed for an unknown month or day as a pair (ICAO) or all six
// unknown; otherwise two-digit month 01-12 and a day that exists in that month (29
// February is accepted: the century is not known here).
bool IsDateForm(std::string_view yymmdd);

// French identity card 1988-2021, line 2 positions 1-12: YYMM (month 01-12), a 3-character
// office (department as 2 digits or 2A/2B, then a digit or a letter, e.g. "75K"; or 3
// letters for a consular post, e.g. "GVA"), then 5 digits.
bool IsFrId1988NumberForm(std::string_view number);

std::vector<std::string> FormProblems(MrzFormat format, const std::vector<std::string>& lines);

}  // namespace jae::mrz
