#include "engine/local/agreeing_readings.h"

#include <algorithm>
#include <string>

#include "engine/local/caption_table.h"

namespace jae::local {

void FillFromAnAgreeingReading(Fields& kept, const Fields& other) {
  static constexpr FieldName kHolder[] = {FieldName::kSurname, FieldName::kGivenNames,
                                          FieldName::kBirthDate, FieldName::kLicenceNumber};
  int alike = 0;
  for (FieldName name : kHolder) {
    const auto mine = kept.find(name);
    const auto theirs = other.find(name);
    if (mine == kept.end() || theirs == other.end()) continue;
    const std::string& a = mine->second.value;
    const std::string& b = theirs->second.value;
    if (a == b) {
      ++alike;
      continue;
    }
    // A long name one letter apart is one name read twice ("HÉBERT", "HÉPERT"): it neither
    // proves nor refutes the holder.
    const bool a_name = name == FieldName::kSurname || name == FieldName::kGivenNames;
    if (!a_name || std::min(a.size(), b.size()) < 5 || EditDistance(a, b) > 1) return;
  }
  if (alike < 2) return;
  for (const auto& [name, field] : other) kept.emplace(name, field);
}

}  // namespace jae::local
