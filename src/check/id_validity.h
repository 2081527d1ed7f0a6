// How long an identity document is valid, including the 15-year rule of French ID cards
// of the 1988 model. Pure.
//
// Why: cards of the 1988 model issued to adults between 2 January 2004 and 31 December
// 2013 are valid 15 years, not the 10 printed (décret n° 2013-1188; no formality, the
// printed date is unchanged), and since 1 January 2014 adult cards are issued for 15
// years; minors' cards stay at 10 (reference/rules-and-licences.md, identity-documents.md
// §7). The issue month is the first four digits of the card number (YYMM), so the exact
// issue day may be unknown: the result is a window [earliest, latest] of possible expiry
// dates, and the caller decides "unknown" when the match date falls inside it.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "common/clock.h"

namespace jae::check {

// True for a 12-character card number of the 1988 model: YYMM, 3-character office code,
// 5-digit sequence (e.g. 940992310285, 970675K00277).
bool IsFrId1988Number(std::string_view number);

// The issue month encoded in a 1988 card number (day 1), or nullopt.
std::optional<CivilDate> IssueMonthOf1988Number(std::string_view number);

struct Fr1988Inputs {
  std::optional<CivilDate> issue_date;   // printed, exact
  std::optional<CivilDate> issue_month;  // from the card number (day ignored)
  std::optional<CivilDate> printed_expiry;
  std::optional<CivilDate> birth_date;
};

struct ExpiryWindow {
  CivilDate earliest;
  CivilDate latest;
  // "yes": the 15-year rule applies for every possible issue day and age; "no": for none;
  // "maybe": it depends on what is not known (issue day, birth date).
  enum class Rule { kNo, kYes, kMaybe } fifteen_years = Rule::kNo;
  bool issued_to_minor = false;  // certain: a minor on every possible issue day
};

// nullopt when neither an issue date/month nor a printed expiry is known.
std::optional<ExpiryWindow> Fr1988Expiry(const Fr1988Inputs& in);

}  // namespace jae::check
