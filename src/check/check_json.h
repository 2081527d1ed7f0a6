// JSON for the player check (schema/check.schema.json), and the inputs it reads.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "check/check.h"

namespace jae::check {

// Ordered as a reader reads it: the verdict and its reasons first.
nlohmann::ordered_json ToJson(const PlayerCheck& check);

// indent < 0: one line; otherwise pretty-printed.
std::string SerializeCheck(const PlayerCheck& check, int indent = -1);

// An input from a result JSON as jae-ocr writes it (possibly corrected by hand). Text
// that is not a valid result gives an input with no result and the parse error (which
// names a JSON path, never a value).
Input InputFromResultJson(std::string name, std::string_view text);

// True when `bytes` look like JSON (first non-blank byte is '{'), i.e. a result rather
// than a document image.
bool LooksLikeJson(std::string_view bytes);

}  // namespace jae::check
