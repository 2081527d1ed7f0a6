// Results of every shape the service writes, for round-trip and schema tests.
#pragma once

#include <vector>

#include "result/result.h"

namespace jae::testing {

// An ok result with every field, MRZ block, verification and engine info set.
Result FullOkResult();
// A minimal ok result (only required properties).
Result MinimalOkResult();
// One rejected result per error code.
std::vector<Result> RejectedResults();

}  // namespace jae::testing
