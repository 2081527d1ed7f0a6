#include "engine/local/french_places.h"

#include <algorithm>
#include <string_view>
#include <utility>
#include <vector>

#include "verify/text.h"

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

// Each town with its name as OCR without accents reads it, folded as the MRZ writes
// names (verify/text.h: accents dropped, hyphens as spaces).
const std::vector<std::pair<std::string, std::string_view>>& FoldedTowns() {
  static const std::vector<std::pair<std::string, std::string_view>> folded = [] {
    std::vector<std::pair<std::string, std::string_view>> out;
    for (std::string_view town : kTowns) {
      out.emplace_back(verify::MrzNameVariants(town, 1).front(), town);
    }
    return out;
  }();
  return folded;
}

bool IsPostcode(std::string_view word) {
  return word.size() == 5 &&
         std::all_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::string WithTownAccents(std::string value) {
  // Only a capitalised reading, as documents print places.
  if (std::any_of(value.begin(), value.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
    return value;
  }
  std::vector<std::string_view> words;
  for (size_t start = 0; start < value.size();) {
    size_t end = value.find(' ', start);
    if (end == std::string::npos) end = value.size();
    if (end > start) words.push_back(std::string_view(value).substr(start, end - start));
    start = end + 1;
  }
  for (const auto& [folded_town, town] : FoldedTowns()) {
    const size_t count = static_cast<size_t>(std::count(town.begin(), town.end(), ' ')) + 1;
    if (words.size() < count) continue;
    const size_t first = words.size() - count;
    // The whole value (a birth place), or the town after an address's postcode: a street's
    // last word that spells a town ("RUE DES ALES") is no town.
    if (first > 0 && !IsPostcode(words[first - 1])) continue;
    std::string tail;
    for (size_t k = first; k < words.size(); ++k)
      tail += (tail.empty() ? "" : " ") + std::string(words[k]);
    if (verify::MrzNameVariants(tail, 1).front() != folded_town) continue;
    std::string out;
    for (size_t k = 0; k < first; ++k) out += std::string(words[k]) + " ";
    return out + std::string(town);
  }
  return value;
}

}  // namespace jae::local
