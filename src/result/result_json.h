// JSON for the result model, both ways.
//
// ToJson never fails: it emits exactly what the schema allows for a well-formed
// Result. ParseResult treats its input as hostile: unknown keys, wrong types, bad
// enum values, empty field values and malformed dates are errors naming the path.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "common/status.h"
#include "result/result.h"

namespace jae {

nlohmann::json ToJson(const Result& result);
nlohmann::json ToJson(const Fields& fields);
nlohmann::json ToJson(const MrzBlock& mrz);

// indent < 0: one line (JSON Lines); otherwise pretty-printed.
std::string SerializeResult(const Result& result, int indent = -1);

StatusOr<Result> ParseResult(std::string_view text);
StatusOr<Result> ResultFromJson(const nlohmann::json& json);

}  // namespace jae
