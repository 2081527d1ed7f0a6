// Prints every sample result as JSON Lines, for the schema test (tests/node/result-schema.mjs).
#include <iostream>

#include "result/result_json.h"
#include "result_samples.h"

int main() {
  std::vector<jae::Result> all = jae::testing::RejectedResults();
  all.push_back(jae::testing::FullOkResult());
  all.push_back(jae::testing::MinimalOkResult());
  for (const auto& r : all) std::cout << jae::SerializeResult(r) << "\n";
}
