// The Gemini engine: Gemini Developer API (EngineName::kGemini, API key) or Gemini on
// Vertex AI (EngineName::kVertex, OAuth2), configured from the environment variables of
// CONTRACT.md (GEMINI_API_KEY/GOOGLE_API_KEY, GEMINI_MODEL, GEMINI_BASE_URL,
// GOOGLE_GENAI_USE_VERTEXAI, GOOGLE_CLOUD_PROJECT, GOOGLE_CLOUD_LOCATION, ...).
#pragma once

#include <memory>

#include "common/env.h"
#include "common/status.h"
#include "engine/engine.h"

namespace jae {

// InvalidArgument naming the missing/bad variable when the configuration is unusable.
StatusOr<std::unique_ptr<Engine>> MakeGeminiEngine(EngineName which, const Env& env);

}  // namespace jae
