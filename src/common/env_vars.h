// Typed configuration variables, shared by every command that reads the environment
// (serve, watch, backfill, extract, check).
#pragma once

#include <cstdint>
#include <string_view>

#include "common/env.h"
#include "common/status.h"

namespace jae {

// The one integer parser for configuration variables. `fallback` when unset;
// InvalidArgument naming the variable and the range unless the whole value is a decimal
// integer in [min, max] (the value is quoted, cut to 40 characters).
StatusOr<std::int64_t> IntVar(const Env& env, std::string_view name, std::int64_t fallback,
                              std::int64_t min, std::int64_t max);

// IntVar in [1, max].
inline StatusOr<std::int64_t> PositiveIntVar(const Env& env, std::string_view name,
                                             std::int64_t fallback, std::int64_t max) {
  return IntVar(env, name, fallback, 1, max);
}

// `fallback` when unset; true/1/yes, false/0/no (any case); else InvalidArgument naming
// the variable.
StatusOr<bool> BoolVar(const Env& env, const char* name, bool fallback);

}  // namespace jae
