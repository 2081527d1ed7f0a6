#include "check/names.h"

#include <set>

#include "verify/text.h"

namespace jae::check {
namespace {

// Keeps letters and digits of an already transliterated (upper-case ASCII) spelling.
std::string Compact(std::string_view s) {
  std::string out;
  for (char c : s) {
    if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) out += c;
    if (c >= 'a' && c <= 'z') out += static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

std::vector<std::string> Split(std::string_view s) {
  std::vector<std::string> words;
  std::string word;
  for (char c : s) {
    if (c == ' ' || c == ',' || c == '<' || c == '-' || c == '.' || c == '/') {
      if (!word.empty()) words.push_back(std::move(word));
      word.clear();
    } else {
      word += c;
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

bool Prefix(std::string_view whole, std::string_view part) {
  return part.size() >= 2 && whole.starts_with(part);
}

// Does a run of consecutive words of `longer` spell `shorter` (compact)? With `cut`,
// `shorter` came from a cut MRZ field and may stop inside the run's last word.
bool RunSpells(const std::vector<std::string>& longer, const std::string& shorter, bool cut) {
  for (std::size_t i = 0; i < longer.size(); ++i) {
    std::string run;
    for (std::size_t j = i; j < longer.size(); ++j) {
      run += longer[j];
      if (run == shorter) return true;
      if (cut && run.starts_with(shorter) && shorter.size() >= 2) return true;
      if (run.size() >= shorter.size() && !cut) break;
    }
  }
  return false;
}

}  // namespace

std::vector<std::string> FoldedSpellings(std::string_view name) {
  std::set<std::string> seen;
  std::vector<std::string> out;
  for (const std::string& v : verify::MrzNameVariants(name, 16)) {
    std::string c = Compact(v);
    if (seen.insert(c).second) out.push_back(std::move(c));
  }
  return out;
}

std::vector<std::string> FoldedWords(std::string_view names) {
  const auto variants = verify::MrzNameVariants(names, 1);
  std::vector<std::string> out;
  if (variants.empty()) return out;
  for (const std::string& w : Split(variants.front())) {
    std::string c = Compact(w);
    if (!c.empty()) out.push_back(std::move(c));
  }
  return out;
}

std::optional<UsageName> SplitUsageName(std::string_view surname) {
  // Folded lower-case words; apostrophes vanish ("nom d'usage" -> "nom dusage").
  const std::string folded = verify::FoldForMatching(surname);
  const std::vector<std::string> words = Split(folded);
  static const std::set<std::string> kMarkers = {"epouse", "ep",    "epse",   "veuve",
                                                 "vve",    "usage", "dusage", "divorcee"};
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (!kMarkers.contains(words[i])) continue;
    std::size_t first_end = i;
    if (first_end > 0 && words[first_end - 1] == "nom") --first_end;  // "nom d'usage"
    std::size_t second_begin = i + 1;
    UsageName out;
    for (std::size_t j = 0; j < first_end; ++j) out.first += (j ? " " : "") + words[j];
    for (std::size_t j = second_begin; j < words.size(); ++j) {
      out.second += (j > second_begin ? " " : "") + words[j];
    }
    if (out.first.empty() && out.second.empty()) return std::nullopt;
    return out;
  }
  return std::nullopt;
}

bool SurnamesMatch(std::string_view a, std::string_view b, bool a_may_be_cut, bool b_may_be_cut) {
  const auto fa = FoldedSpellings(a);
  const auto fb = FoldedSpellings(b);
  for (const auto& x : fa) {
    for (const auto& y : fb) {
      if (x.empty() || y.empty()) continue;
      if (x == y) return true;
      if (a_may_be_cut && Prefix(y, x)) return true;
      if (b_may_be_cut && Prefix(x, y)) return true;
    }
  }
  return false;
}

bool GivenNamesMatch(std::string_view a, std::string_view b, bool a_may_be_cut, bool b_may_be_cut) {
  const auto wa = FoldedWords(a);
  const auto wb = FoldedWords(b);
  if (wa.empty() || wb.empty()) return false;
  std::string ca, cb;
  for (const auto& w : wa) ca += w;
  for (const auto& w : wb) cb += w;
  if (ca == cb) return true;
  // The shorter list is the one that names fewer letters; try both ways.
  if (RunSpells(wa, cb, b_may_be_cut) || RunSpells(wb, ca, a_may_be_cut)) return true;
  // Accent alternatives (Ä = AE = A): compare whole spellings.
  for (const auto& x : FoldedSpellings(a)) {
    for (const auto& y : FoldedSpellings(b)) {
      if (!x.empty() && x == y) return true;
    }
  }
  return false;
}

}  // namespace jae::check
