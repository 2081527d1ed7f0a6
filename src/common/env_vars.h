// Typed configuration variables, shared by every command that reads the environment
// (serve, watch, backfill, extract, check).
#pragma once

#include <cstdint>

#include "common/env.h"
#include "common/status.h"

namespace jae {

// `fallback` when unset; InvalidArgument naming the variable unless a whole number in
// [1, max].
StatusOr<std::int64_t> PositiveIntVar(const Env& env, const char* name, std::int64_t fallback,
                                      std::int64_t max);

// `fallback` when unset; true/1/yes, false/0/no (any case); else InvalidArgument naming
// the variable.
StatusOr<bool> BoolVar(const Env& env, const char* name, bool fallback);

}  // namespace jae
