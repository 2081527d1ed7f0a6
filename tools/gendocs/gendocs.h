// One synthetic sample: a captured document image and its ground truth as JSON.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "degrade.h"
#include "render.h"

namespace jae::gendocs {

struct Sample {
  std::string name;  // "<kind>-<condition>-<index>", no extension
  std::string jpeg;
  nlohmann::json truth;  // {kind, condition, seed, document_type, side, mrz_lines, fields, ...}
};

// Deterministic: the same (kind, condition, seed) always gives the same bytes.
Sample MakeSample(Kind kind, Condition condition, std::uint64_t seed, int index, Fonts& fonts);

}  // namespace jae::gendocs
