// Engine selection (CONTRACT.md): `--engine` wins over JAE_ENGINE; `auto` (the default)
// is `vertex` when GOOGLE_GENAI_USE_VERTEXAI is true, else `gemini` when GEMINI_API_KEY
// or GOOGLE_API_KEY is set, else `local`.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "common/env.h"
#include "common/status.h"
#include "engine/engine.h"

namespace jae {

enum class EngineChoice { kAuto, kGemini, kVertex, kLocal };

// "auto", "gemini", "vertex", "local" (exact, lower case); nullopt otherwise.
std::optional<EngineChoice> ParseEngineChoice(std::string_view text);

// The engine to build. `flag` is the --engine value (nullopt or empty: not given).
// InvalidArgument naming "--engine" or "JAE_ENGINE" when the value is unknown.
StatusOr<EngineName> ResolveEngineName(const std::optional<std::string>& flag, const Env& env);

// Builds the engine already chosen (ResolveEngineName): the runtime resolves once, when
// it reads its configuration, and builds later. Errors as below.
StatusOr<std::unique_ptr<Engine>> MakeEngine(EngineName name, const Env& env);

// Resolves and builds the engine. Errors name the flag or variable to fix; they are
// configuration errors (exit status 2 for the CLI), never transient.
StatusOr<std::unique_ptr<Engine>> MakeEngine(const std::optional<std::string>& flag,
                                             const Env& env);

}  // namespace jae
