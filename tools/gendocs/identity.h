// Fake identities for synthetic documents: names with accents, hyphens, apostrophes and
// compound surnames, plausible dates and numbers. Deterministic for a given generator.
// Nothing here is a real person or a real document number.
#pragma once

#include <random>
#include <string>
#include <vector>

namespace jae::gendocs {

struct Date {
  int year = 2000, month = 1, day = 1;
};

struct Identity {
  std::string surname;                   // as printed, upper case with accents: "LEFÈVRE"
  std::vector<std::string> given_names;  // as printed: "Hélène", "Jean-Pierre"
  Date birth_date;
  std::string birth_place;
  char sex = 'F';  // 'F' or 'M'
  std::string nationality = "FRA";
  // Document data (each kind uses what it prints).
  std::string document_number;
  Date issue_date;
  Date expiry_date;
  std::string licence_number;  // "1234567 A"
  std::string club_name;
  std::string club_number;                      // 8 digits
  std::string ranking;                          // "15/4"
  std::string season;                           // "2026"
  std::string nationality_label = "Française";  // printed nationality
  // Non-empty: printed instead of `surname` while the MRZ keeps `surname` — a document
  // whose two zones disagree (the demo's true alarm). Empty for every normal sample.
  std::string printed_surname;
  const std::string& PrintedSurname() const {
    return printed_surname.empty() ? surname : printed_surname;
  }
};

// A random identity. `rng` drives every choice.
Identity RandomIdentity(std::mt19937_64& rng);

// Random alphanumeric / digit strings.
std::string RandomDigits(std::mt19937_64& rng, int n);
std::string RandomUpperAlnum(std::mt19937_64& rng, int n);

// "DD.MM.YYYY" / "DD/MM/YYYY" / "YYYY-MM-DD".
std::string FormatDate(const Date& d, char sep);
std::string IsoDate(const Date& d);

// Given names joined as printed: "Hélène, Marie" when `comma`, else space-separated.
std::string JoinGivenNames(const Identity& id, bool comma);

}  // namespace jae::gendocs
