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
// `printed_surname` non-empty: the visual zone prints it while the MRZ keeps the generated
// surname; the truth then says "mrz_matches_printed": false.
Sample MakeSample(Kind kind, Condition condition, std::uint64_t seed, int index, Fonts& fonts,
                  const std::string& printed_surname = "");

}  // namespace jae::gendocs
