#include "engine/local/french_names.h"

#include <map>
#include <string_view>

#include "engine/local/ocr_text.h"
#include "verify/text.h"

namespace jae::local {
namespace {

constexpr std::string_view kNames[] = {
    // Given names.
    "Agnès", "Amélie", "Anaëlle", "Anaïs", "André", "Andrée", "Aurélie", "Aurélien", "Bérénice",
    "Cécile", "Cédric", "Célia", "Céline", "Chloé", "Clémence", "Clément", "Clémentine", "Désiré",
    "Élie", "Éliane", "Élisabeth", "Élise", "Élodie", "Éloïse", "Émeline", "Émile", "Émilie",
    "Éric", "Étienne", "Félix", "Frédéric", "Frédérique", "Gaël", "Gaëlle", "Geneviève", "Gérard",
    "Grégoire", "Grégory", "Hélène", "Héloïse", "Hervé", "Inès", "Irène", "Jérémie", "Jérémy",
    "Jérôme", "Joël", "Joëlle", "Joséphine", "Léa", "Léna", "Léo", "Léon", "Léonie", "Loïc", "Maël",
    "Maëlle", "Maëlys", "Mathéo", "Mélanie", "Noé", "Noël", "Noëlle", "Océane", "Pénélope",
    "Raphaël", "Raphaëlle", "Rémi", "Rémy", "René", "Renée", "Sébastien", "Séverine", "Stéphane",
    "Stéphanie", "Thérèse", "Théo", "Timothée", "Valérie", "Zoé",
    // Surnames.
    "Bénard", "Dupré", "Hébert", "Lefèvre", "Léger", "Lemaître", "Ménard", "Rivière", "Traoré"};

// Each name folded to unaccented capitals, and the name.
const std::map<std::string, std::string_view, std::less<>>& FoldedNames() {
  static const std::map<std::string, std::string_view, std::less<>> folded = [] {
    std::map<std::string, std::string_view, std::less<>> out;
    for (std::string_view name : kNames) out[verify::MrzNameVariants(name, 1).front()] = name;
    return out;
  }();
  return folded;
}

// A Latin-1 lower-case letter's UTF-8 second byte (after 0xC3): à (0xA0) to þ, ÷ aside.
bool IsLowerByte(unsigned char b) { return b >= 0xA0 && b <= 0xBE && b != 0xB7; }

std::string Upper(std::string_view name) {
  std::string out(name);
  for (size_t i = 0; i < out.size(); ++i) {
    const auto c = static_cast<unsigned char>(out[i]);
    if (c >= 'a' && c <= 'z') {
      out[i] = static_cast<char>(c - 'a' + 'A');
    } else if (c == 0xC3 && i + 1 < out.size() &&
               IsLowerByte(static_cast<unsigned char>(out[i + 1]))) {
      out[i + 1] = static_cast<char>(static_cast<unsigned char>(out[i + 1]) - 0x20);
      ++i;
    }
  }
  return out;
}

std::string WordWithAccents(std::string_view word) {
  const WordCase word_case = CaseOf(word);
  if (word_case == WordCase::kOther) return std::string(word);
  const auto& names = FoldedNames();
  const auto it = names.find(verify::MrzNameVariants(word, 1).front());
  if (it == names.end()) return std::string(word);
  return word_case == WordCase::kUpper ? Upper(it->second) : std::string(it->second);
}

}  // namespace

std::string WithNameAccents(std::string value) {
  std::string out;
  size_t start = 0;
  for (size_t i = 0; i <= value.size(); ++i) {
    if (i < value.size() && value[i] != ' ' && value[i] != ',' && value[i] != '-') continue;
    out += WordWithAccents(std::string_view(value).substr(start, i - start));
    if (i < value.size()) out += value[i];
    start = i + 1;
  }
  return out;
}

}  // namespace jae::local
