// The engine a command runs with, from its --engine flag / JAE_ENGINE ("auto", "gemini",
// "vertex", "local"). Thin seam over the engine factory so serve/watch/backfill share one
// place that knows how engines are made.
#pragma once

#include <memory>
#include <string_view>

#include "common/env.h"
#include "common/status.h"
#include "engine/engine.h"

namespace jae {

// InvalidArgument naming the flag/variable when the engine cannot be configured.
StatusOr<std::unique_ptr<Engine>> CreateEngine(std::string_view choice, const Env& env);

}  // namespace jae
