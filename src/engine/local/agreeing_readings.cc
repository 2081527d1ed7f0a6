#include "engine/local/agreeing_readings.h"

#include <algorithm>
#include <string>

#include "engine/local/caption_table.h"

namespace jae::local {

// How much surer one reading of a field must be than the other's to replace it.
constexpr double kSurerBy = 0.1;

void FillFromAnAgreeingReading(Fields& kept, const Fields& other) {
  static constexpr FieldName kHolder[] = {FieldName::kSurname, FieldName::kGivenNames,
                                          FieldName::kBirthDate, FieldName::kLicenceNumber};
  int alike = 0, otherwise = 0;
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
    if (a_name && std::min(a.size(), b.size()) >= 5 && EditDistance(a, b) <= 1) continue;
    ++otherwise;
  }
  if (alike < 2 || otherwise > (alike >= 3 ? 1 : 0)) return;
  for (const auto& [name, field] : other) {
    auto [mine, added] = kept.emplace(name, field);
    if (!added && mine->second.value != field.value &&
        field.confidence.value_or(0.0) > mine->second.confidence.value_or(0.0) + kSurerBy) {
      mine->second = field;
    }
  }
}

}  // namespace jae::local
