// The Gemini engine: Gemini Developer API (EngineName::kGemini, API key) or Gemini on
// Vertex AI (EngineName::kVertex, OAuth2), configured from the environment variables of
// CONTRACT.md (GEMINI_API_KEY/GOOGLE_API_KEY, GEMINI_MODEL, GEMINI_BASE_URL,
// GOOGLE_GENAI_USE_VERTEXAI, GOOGLE_CLOUD_PROJECT, GOOGLE_CLOUD_LOCATION, ...) and the
// tuning variables listed in gemini_config.h.
//
// One Extract call = one generateContent request (gemini_request.h), retried:
//  - 408/429/500/502/503/504 and transport errors: exponential backoff with full jitter,
//    at most config.max_attempts attempts, honouring Retry-After and RetryInfo,
//    never past the caller's deadline. Out of budget → the last error's transient Status
//    (ResourceExhausted, Unavailable or DeadlineExceeded), never a result.
//  - 400/401/403/404: not retried; InvalidArgument/Unauthenticated/PermissionDenied/NotFound
//    (404 names GEMINI_MODEL).
//  - output that is not the schema's JSON: asked once more, then rejection
//    model_output_invalid; a blocked prompt or finishReason other than STOP: rejection
//    model_refused.
// EngineInfo carries model, modelVersion, tokens summed over every model call, HTTP
// attempts and latency.
#pragma once

#include <memory>

#include "auth/token_source.h"
#include "common/clock.h"
#include "common/env.h"
#include "common/status.h"
#include "engine/engine.h"
#include "engine/gemini/gemini_config.h"
#include "http/http_client.h"

namespace jae {

// InvalidArgument naming the missing/bad variable when the configuration is unusable.
StatusOr<std::unique_ptr<Engine>> MakeGeminiEngine(EngineName which, const Env& env);

// The same engine over injected parts (tests, or a caller that shares an HttpClient).
// `tokens` is required for Vertex and unused for the Developer API.
StatusOr<std::unique_ptr<Engine>> MakeGeminiEngine(GeminiConfig config,
                                                   std::shared_ptr<HttpClient> http,
                                                   std::shared_ptr<AccessTokenSource> tokens,
                                                   std::shared_ptr<RetryClock> clock);

}  // namespace jae
