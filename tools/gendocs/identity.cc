#include "identity.h"

#include <array>
#include <cstdio>

namespace jae::gendocs {
namespace {

constexpr std::array kSurnames = {
    "DUPONT",       "LEFÈVRE",     "MARTIN-LAMBERT", "DE LA TOUR", "N'DIAYE",  "LE GOFF",
    "BÉNARD",       "GIRARD",      "CHÂTEAU",        "FAURE",      "LEMAÎTRE", "ROUSSEAU-VIDAL",
    "DA SILVA",     "NGUYEN",      "BENALI",         "PERRIN",     "ÉVRARD",   "D'ALMEIDA",
    "LACROIX",      "MOREL",       "ROUX",           "BRÛLÉ",      "GIRAUD",   "FOURNIER",
    "MÉNARD",       "DUBOIS-RENÉ", "SAINT-AUBIN",    "LOPEZ",      "BLANC",    "GARNIER",
    "VAN DER BERG", "HÉBERT",      "COLIN",          "MERCIER",    "AUBRY",    "PÉREZ"};
constexpr std::array kFemale = {"Hélène",  "Zoé",     "Maëlys", "Noémie", "Anaïs",       "Céline",
                                "Gaëlle",  "Léa",     "Chloé",  "Inès",   "Agnès",       "Océane",
                                "Margaux", "Camille", "Éloïse", "Marie",  "Anne-Sophie", "Lucie"};
constexpr std::array kMale = {"Jean-Pierre", "François",    "Loïc",    "Jérôme",  "Aurélien",
                              "Mathéo",      "Benoît",      "Clément", "Raphaël", "Thibault",
                              "Hugo",        "Lucas",       "Noël",    "Étienne", "Marc",
                              "Jean",        "Pierre-Yves", "Joël"};
constexpr std::array kPlaces = {"PARIS",
                                "LYON",
                                "SAINT-ÉTIENNE",
                                "BESANÇON",
                                "NÎMES",
                                "AIX-EN-PROVENCE",
                                "ORLÉANS",
                                "PÉRIGUEUX",
                                "MÂCON",
                                "CLERMONT-FERRAND",
                                "VILLENEUVE-D'ASCQ",
                                "BREST"};
constexpr std::array kClubs = {
    "TC Saint-Étienne",   "Tennis Club de Besançon", "AS Montferrand Tennis",
    "US Créteil Tennis",  "Lyon Tennis Club",        "TC Nîmes Garrigues",
    "Stade Français",     "Racing Club Orléans",     "TC Mâcon",
    "ASPTT Brest Tennis", "Tennis Club d'Aix",       "Élan Périgueux Tennis"};
constexpr std::array kRankings = {"NC",   "40",   "30/5", "30/4", "30/3", "30/2", "30/1", "30",
                                  "15/5", "15/4", "15/3", "15/2", "15/1", "15",   "5/6",  "4/6",
                                  "3/6",  "2/6",  "1/6",  "0",    "-2/6", "-4/6", "-15"};

template <typename Array>
const char* Pick(std::mt19937_64& rng, const Array& a) {
  return a[std::uniform_int_distribution<size_t>(0, a.size() - 1)(rng)];
}

int Uniform(std::mt19937_64& rng, int lo, int hi) {
  return std::uniform_int_distribution<int>(lo, hi)(rng);
}

Date RandomDate(std::mt19937_64& rng, int year_lo, int year_hi) {
  return Date{Uniform(rng, year_lo, year_hi), Uniform(rng, 1, 12), Uniform(rng, 1, 28)};
}

}  // namespace

std::string RandomDigits(std::mt19937_64& rng, int n) {
  std::string s;
  for (int i = 0; i < n; ++i) s += static_cast<char>('0' + Uniform(rng, 0, 9));
  return s;
}

std::string RandomUpperAlnum(std::mt19937_64& rng, int n) {
  static constexpr char kChars[] = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
  std::string s;
  for (int i = 0; i < n; ++i) s += kChars[Uniform(rng, 0, sizeof(kChars) - 2)];
  return s;
}

std::string FormatDate(const Date& d, char sep) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%02d%c%02d%c%04d", d.day, sep, d.month, sep, d.year);
  return buf;
}

std::string IsoDate(const Date& d) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

std::string JoinGivenNames(const Identity& id, bool comma) {
  std::string out;
  for (const auto& g : id.given_names) {
    if (!out.empty()) out += comma ? ", " : " ";
    out += g;
  }
  return out;
}

Identity RandomIdentity(std::mt19937_64& rng) {
  Identity id;
  id.surname = Pick(rng, kSurnames);
  id.sex = Uniform(rng, 0, 1) ? 'F' : 'M';
  const int given = Uniform(rng, 1, 3);
  for (int i = 0; i < given; ++i) {
    std::string name = id.sex == 'F' ? Pick(rng, kFemale) : Pick(rng, kMale);
    bool dup = false;
    for (const auto& g : id.given_names) dup = dup || g == name;
    if (!dup) id.given_names.push_back(name);
  }
  id.birth_date = RandomDate(rng, 1950, 2012);
  id.birth_place = Pick(rng, kPlaces);
  id.issue_date = RandomDate(rng, 2017, 2025);
  id.expiry_date = Date{id.issue_date.year + 10, id.issue_date.month, id.issue_date.day};
  id.licence_number = RandomDigits(rng, 7) + " " + static_cast<char>('A' + Uniform(rng, 0, 25));
  id.club_name = Pick(rng, kClubs);
  id.club_number = RandomDigits(rng, 8);
  id.ranking = Pick(rng, kRankings);
  id.season = std::to_string(Uniform(rng, 2024, 2027));
  id.nationality_label = "Française";
  return id;
}

}  // namespace jae::gendocs
