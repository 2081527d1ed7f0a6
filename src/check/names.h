// Name comparison for the player check. Pure.
//
// Contract: names are folded for comparison — case, accents (ICAO transliteration, with
// its alternatives: Ä = AE = A), hyphens, apostrophes and spaces do not count, so
// N'DIAYE = NDIAYE and LE GOFF = LE-GOFF = LEGOFF. A name read from a machine readable
// zone whose name field is full may have been cut (reference/identity-documents.md §6):
// such a name matches any name it is a prefix of, after folding.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jae::check {

// Every folded spelling of `name` (upper-case ASCII letters and digits only).
std::vector<std::string> FoldedSpellings(std::string_view name);

// The words of a list of names ("Maëlys, Gaëlle-Marie" -> MAELYS GAELLE MARIE), folded.
std::vector<std::string> FoldedWords(std::string_view names);

// A surname as written with a usage-name mention: "DUPONT épouse MARTIN", "MARTIN ép.
// DUPONT", "DUPONT nom d'usage MARTIN", "DUPONT veuve MARTIN". nullopt when there is
// no such mention.
struct UsageName {
  std::string first;   // the name before the mention
  std::string second;  // the name after it
};
std::optional<UsageName> SplitUsageName(std::string_view surname);

// Surnames equal after folding; `a_may_be_cut` / `b_may_be_cut`: that side came from a
// full MRZ name field, so it may be a prefix of the other.
bool SurnamesMatch(std::string_view a, std::string_view b, bool a_may_be_cut = false,
                   bool b_may_be_cut = false);

// Given names agree when the shorter list (after folding) is a run of consecutive words
// of the other: a licence's "Jean-Pierre" matches an ID's "JEAN PIERRE LOUIS", its
// "Gaëlle" matches "MAELYS GAELLE MARIE". With a cut side, its last word may be cut.
bool GivenNamesMatch(std::string_view a, std::string_view b, bool a_may_be_cut = false,
                     bool b_may_be_cut = false);

}  // namespace jae::check
