// The JSON `jae-ocr mrz` prints (CONTRACT.md): format, valid, lines, failed_checks,
// fields (schema field names, ISO dates), plus form_problems, corrected/corrections/
// warnings, decided_by (the rules behind the verdict, in words) and the
// MRZ-only data (document code, issuing state, optional data).
#pragma once

#include <nlohmann/json.hpp>

#include "mrz/mrz.h"

namespace jae::mrz {

nlohmann::json ToJson(const ParsedMrz& parsed);

}  // namespace jae::mrz
