#include "mrz/mrz_json.h"

namespace jae::mrz {

nlohmann::json ToJson(const ParsedMrz& parsed) {
  nlohmann::json fields = nlohmann::json::object();
  for (const auto& [name, field] : ToResultFields(parsed.data)) {
    fields[std::string(jae::ToString(name))] = field.value;
  }
  nlohmann::json j = {
      {"format", jae::ToString(parsed.format)},
      {"valid", parsed.valid},
      {"lines", parsed.lines},
      {"failed_checks", parsed.failed_checks},
      {"form_problems", parsed.form_problems},
      {"corrected", parsed.corrected},
      {"fields", fields},
  };
  const MrzData& d = parsed.data;
  j["document_code"] = d.document_code;
  j["issuing_country"] = d.issuing_state;
  if (!d.personal_number.empty()) j["personal_number"] = d.personal_number;
  if (!d.optional_data.empty()) j["optional_data"] = d.optional_data;
  if (d.issue_month) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%04d-%02d", d.issue_month->year, d.issue_month->month);
    j["issue_month"] = buf;
  }
  if (!d.issuing_office.empty()) j["issuing_office"] = d.issuing_office;
  if (!parsed.corrections.empty()) j["corrections"] = parsed.corrections;
  if (!parsed.warnings.empty()) j["warnings"] = parsed.warnings;
  j["decided_by"] = parsed.decided_by;
  return j;
}

}  // namespace jae::mrz
