// Normalisers for single field values, as printed or as a model wrote them. Pure.
// Each returns the canonical value, or a Problem saying why there is none; callers turn
// problems into warnings that name the field, never the value.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "common/clock.h"

namespace jae::verify {

enum class Problem {
  kNone,
  kNotADate,       // cannot be read as a date at all
  kInvalidDate,    // reads as a date that does not exist (31 February, month 13)
  kNotRecognised,  // a value outside the field's vocabulary/format
};

template <typename T>
struct Normalized {
  std::optional<T> value;
  Problem problem = Problem::kNone;
};

// How to resolve a two-digit year: births and issues are in the past (latest century
// not after today), expiries in the future (20YY).
enum class DateKind { kPast, kFuture };

// Day-first dates as printed in France: "12/03/1990", "12.03.1990", "12-03-1990",
// "12 03 1990", "12 mars 1990", "1er mars 1990", "12 MARS 90", "12 déc. 1990", plus ISO
// "1990-03-12", "1990/03/12", "19900312" and English "March 12, 1990" / "12 Mar 1990".
Normalized<CivilDate> NormalizeDate(std::string_view raw, DateKind kind, const CivilDate& today);

// "F", "M" or "X" from F/M/X, H (homme), Féminin/Masculin, Femme/Homme, Female/Male, '<'.
Normalized<std::string> NormalizeSex(std::string_view raw);

// FFT licence number: separators removed, upper case. A value that is not 7 digits and a
// letter after that comes back as its compact form with kNotRecognised (the format is a
// hint, not a rule: reference/fft-licence.md §1).
Normalized<std::string> NormalizeLicenceNumber(std::string_view raw);

// Club number: spaces, dots and dashes removed; anything but digits is kNotRecognised.
Normalized<std::string> NormalizeClubNumber(std::string_view raw);

// French singles ranking in its canonical spelling ("NC", "30/5", "-2/6", "N°12"), or the
// trimmed input with kNotRecognised when it is not a step of the ladder
// (reference/fft-licence.md §3, including -30, Promotion and the announced 40/2, 40/1).
Normalized<std::string> NormalizeRanking(std::string_view raw);

// Sporting season as its year ("2026"; "2025/2026" and "2025-26" give the end year).
Normalized<std::string> NormalizeSeason(std::string_view raw);

// A code of the ISO 3166 / ICAO list, upper case, fillers stripped ("fra" -> "FRA",
// "D<<" -> "D"), or the state a nationality's word names, in French (either gender) or
// English, alone or both '/'-joined ("Française" -> "FRA", "MAROCAINE / MOROCCAN" -> "MAR";
// the nationalities most often seen in France, each word naming one state); anything else
// (digits, unknown codes, other words) comes back trimmed with kNotRecognised.
Normalized<std::string> NormalizeCountryCode(std::string_view raw);

// Document numbers: upper case, white space removed.
std::string NormalizeDocumentNumber(std::string_view raw);

}  // namespace jae::verify
