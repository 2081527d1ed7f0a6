#include "engine/local/agreeing_readings.h"

namespace jae::local {

void FillFromAnAgreeingReading(Fields& kept, const Fields& other) {
  static constexpr FieldName kHolder[] = {FieldName::kSurname, FieldName::kGivenNames,
                                          FieldName::kBirthDate, FieldName::kLicenceNumber};
  int alike = 0;
  for (FieldName name : kHolder) {
    const auto mine = kept.find(name);
    const auto theirs = other.find(name);
    if (mine == kept.end() || theirs == other.end()) continue;
    if (mine->second.value != theirs->second.value) return;
    ++alike;
  }
  if (alike < 2) return;
  for (const auto& [name, field] : other) kept.emplace(name, field);
}

}  // namespace jae::local
