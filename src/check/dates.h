// Calendar arithmetic for the player check: ISO parsing, year steps, ages, seasons. Pure.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "common/clock.h"

namespace jae::check {

// "YYYY-MM-DD" that exists in the calendar, else nullopt.
std::optional<CivilDate> ParseIsoDate(std::string_view iso);

// AddYears and AddDays: common/clock.h.
// The last day of d's month.
CivilDate EndOfMonth(const CivilDate& d);

// Full years lived on `on` (negative when `on` is before `birth`). Someone born on
// 29 February turns a year older on 1 March of a common year.
int AgeOn(const CivilDate& birth, const CivilDate& on);

// The FFT sporting season that contains `d`, named after the year it ends: season N runs
// from 1 September N-1 to 31 August N (reference/rules-and-licences.md).
int SeasonOf(const CivilDate& d);

// "DD/MM/YYYY", as French readers write dates.
std::string FrenchDate(const CivilDate& d);

}  // namespace jae::check
