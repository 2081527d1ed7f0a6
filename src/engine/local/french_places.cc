#include "engine/local/french_places.h"

#include <algorithm>
#include <string_view>

namespace jae::local {
namespace {

// Prefectures, sub-prefectures and the larger communes of France (overseas included)
// whose names carry an accent, in capitals as documents print them.
constexpr std::string_view kTowns[] = {
    "ALENÇON",
    "ALÈS",
    "ANGOULÊME",
    "ASNIÈRES-SUR-SEINE",
    "AUBIÈRE",
    "BAGNÈRES-DE-BIGORRE",
    "BÈGLES",
    "BESANÇON",
    "BÉTHUNE",
    "BÉZIERS",
    "BRÉTIGNY-SUR-ORGE",
    "BRIANÇON",
    "CHALON-SUR-SAÔNE",
    "CHÂLONS-EN-CHAMPAGNE",
    "CHAMBÉRY",
    "CHARLEVILLE-MÉZIÈRES",
    "CHÂTEAU-THIERRY",
    "CHÂTEAUDUN",
    "CHÂTEAUROUX",
    "CHÂTELLERAULT",
    "CHÂTENAY-MALABRY",
    "CHÂTILLON",
    "CLÉON",
    "COMPIÈGNE",
    "CRÉTEIL",
    "DÉCINES-CHARPIEU",
    "ÉCHIROLLES",
    "ÉCULLY",
    "ÉLANCOURT",
    "ÉPERNAY",
    "ÉPINAL",
    "ÉPINAY-SUR-SEINE",
    "ÉTAMPES",
    "ÉVIAN-LES-BAINS",
    "ÉVREUX",
    "ÉVRY",
    "ÉVRY-COURCOURONNES",
    "FÉCAMP",
    "FOUGÈRES",
    "FRÉJUS",
    "GÉRARDMER",
    "GUÉRET",
    "HÉRICOURT",
    "HÉROUVILLE-SAINT-CLAIR",
    "HYÈRES",
    "LE FRANÇOIS",
    "LE PLESSIS-ROBINSON",
    "LODÈVE",
    "LUNÉVILLE",
    "MÂCON",
    "MÉRIGNAC",
    "MONTBÉLIARD",
    "MONTÉLIMAR",
    "MONTLUÇON",
    "NÉRAC",
    "NÎMES",
    "NOUMÉA",
    "ORLÉANS",
    "PÉRIGUEUX",
    "PÉRONNE",
    "PÉZENAS",
    "POINTE-À-PITRE",
    "PONT-À-MOUSSON",
    "SAINT-ANDRÉ",
    "SAINT-BENOÎT",
    "SAINT-DIÉ-DES-VOSGES",
    "SAINT-ÉTIENNE",
    "SAINT-ÉTIENNE-DU-ROUVRAY",
    "SAINT-LÔ",
    "SAINT-MAUR-DES-FOSSÉS",
    "SAINT-RAPHAËL",
    "SARLAT-LA-CANÉDA",
    "SÉLESTAT",
    "SÈTE",
    "SÈVRES",
    "THÔNES",
    "UZÈS",
    "VALRÉAS",
    "VÉLIZY-VILLACOUBLAY",
    "VÉNISSIEUX",
    "VILLEFRANCHE-SUR-SAÔNE",
    "VITRÉ",
};

// `s` in capitals without accents (the two-byte Latin-1 letters of UTF-8 folded); a
// lower-case ASCII letter makes it "" (not a capitalised reading).
std::string FoldedCapitals(std::string_view s) {
  static constexpr std::string_view kFrom[] = {"À", "Â", "Ä", "Ç", "È", "É", "Ê", "Ë",
                                               "Î", "Ï", "Ô", "Ö", "Ù", "Û", "Ü"};
  static constexpr char kTo[] = "AAACEEEEIIOOUUU";
  std::string out;
  for (size_t i = 0; i < s.size();) {
    if (s[i] >= 'a' && s[i] <= 'z') return "";
    bool folded = false;
    for (size_t k = 0; k < std::size(kFrom); ++k) {
      if (s.compare(i, kFrom[k].size(), kFrom[k]) == 0) {
        out += kTo[k];
        i += kFrom[k].size();
        folded = true;
        break;
      }
    }
    if (!folded) out += s[i++];
  }
  return out;
}

}  // namespace

std::string WithTownAccents(std::string value) {
  const std::string folded_value = FoldedCapitals(value);
  if (folded_value.empty()) return value;
  for (std::string_view town : kTowns) {
    const std::string folded_town = FoldedCapitals(town);
    if (folded_town == town) continue;  // no accent to give back
    if (folded_value.size() < folded_town.size()) continue;
    const size_t at = folded_value.size() - folded_town.size();
    if (folded_value.compare(at, std::string::npos, folded_town) != 0) continue;
    // The whole value (a birth place), or the town after an address's postcode: a street's
    // last word that spells a town ("RUE DES ALES") is no town.
    if (at > 0 && (at < 6 || folded_value[at - 1] != ' ' ||
                   !std::all_of(folded_value.begin() + static_cast<std::ptrdiff_t>(at - 6),
                                folded_value.begin() + static_cast<std::ptrdiff_t>(at - 1),
                                [](char c) { return c >= '0' && c <= '9'; }) ||
                   (at > 6 && folded_value[at - 7] != ' '))) {
      continue;
    }
    // Where the town starts in `value` itself: after as many spaces from its end as the
    // town's name holds plus one (folding keeps every space).
    const auto spaces = std::count(folded_town.begin(), folded_town.end(), ' ');
    size_t start = value.size();
    for (std::ptrdiff_t seen = -1; seen < spaces && start > 0;) {
      if (value[--start] == ' ') ++seen;
    }
    if (start > 0 || value[0] == ' ') ++start;
    return value.substr(0, start) + std::string(town);
  }
  return value;
}

}  // namespace jae::local
