// How the Gemini engine is configured, and reading that from the environment.
//
// Variables (CONTRACT.md): GEMINI_API_KEY / GOOGLE_API_KEY (Developer API; as in Google's
// SDKs, GOOGLE_API_KEY wins when both are set), GEMINI_MODEL (default gemini-3.8-flash),
// GEMINI_BASE_URL (API root override), GOOGLE_CLOUD_PROJECT (legacy GCLOUD_PROJECT) and
// GOOGLE_CLOUD_LOCATION (default europe-west1) for Vertex AI.
// Tuning variables of this engine:
//   GEMINI_API_VERSION       path version; default v1beta (Developer API), v1 (Vertex AI)
//   GEMINI_THINKING_LEVEL    minimal | low | medium | high | off (off: no thinkingConfig);
//                            Gemini 3 models only
//   GEMINI_THINKING_BUDGET   integer token budget (0 = no thinking, -1 = dynamic); Gemini
//                            1.x/2.x models only. Never both (the API answers 400).
//                            Default: see ApplyDefaultThinking().
//   GEMINI_TEMPERATURE       0..2; default: not sent for Gemini 3 models (Google's Gemini 3
//                            prompting guide strongly recommends the default 1.0: lower
//                            values may cause looping or degraded output; setting it adds
//                            a warning to GeminiConfig::warnings), 0 for Gemini 1.x/2.x
//   GEMINI_MEDIA_RESOLUTION  low | medium | high | default (default: not sent); default medium
//   GEMINI_MAX_OUTPUT_TOKENS default 4096 (the JSON answer is < 1000 tokens)
//   GEMINI_TIMEOUT_MS        per-attempt HTTP timeout, default 60000 (the Extract deadline
//                            always wins)
//   GEMINI_MAX_ATTEMPTS      HTTP attempts for transient errors, incl. the first; default 5
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/backoff.h"
#include "common/env.h"
#include "common/status.h"
#include "result/result.h"

namespace jae {

inline constexpr char kDefaultGeminiModel[] = "gemini-3.8-flash";
inline constexpr char kDefaultVertexLocation[] = "europe-west1";

struct GeminiConfig {
  EngineName engine = EngineName::kGemini;  // kGemini (Developer API) or kVertex
  std::string model = kDefaultGeminiModel;
  std::string base_url;     // scheme://host[:port][/prefix], no trailing '/'
  std::string api_version;  // "v1beta", "v1", ...
  std::string api_key;      // Developer API only
  std::string project;      // Vertex only
  std::string location;     // Vertex only
  // At most one of the two; neither means no thinkingConfig is sent.
  std::optional<std::string> thinking_level;  // "MINIMAL", "LOW", "MEDIUM", "HIGH"
  std::optional<int> thinking_budget;
  std::optional<double> temperature;  // nullopt: not sent (the model's default)
  // Advice for the operator about this configuration (e.g. a temperature set for Gemini
  // 3); the caller logs them once. Never secrets.
  std::vector<std::string> warnings;
  std::string media_resolution = "MEDIA_RESOLUTION_MEDIUM";  // "" = not sent
  int max_output_tokens = 4096;
  std::chrono::milliseconds attempt_timeout{60000};
  BackoffPolicy backoff{std::chrono::milliseconds(1000), std::chrono::milliseconds(16000), 2.0};
  int max_attempts = 5;  // GEMINI_MAX_ATTEMPTS, the first included (the call's deadline too)

  // The generateContent URL for this configuration.
  std::string GenerateContentUrl() const;
};

// True for Gemini 3 and later model ids (anything not gemini-1.x or gemini-2.x).
bool IsGemini3OrLater(std::string_view model);

// The thinking and temperature settings used when no variable is set: the cheapest
// thinking the model family accepts. Gemini 3 Flash models: thinkingLevel MINIMAL;
// Gemini 3 Pro (no MINIMAL): LOW; no temperature. Gemini 2.x Flash(-Lite): thinkingBudget
// 0; Gemini 2.x Pro (cannot turn thinking off): nothing; temperature 0 for both.
void ApplyDefaultThinking(GeminiConfig& config);

// InvalidArgument naming the variable when the configuration is unusable (missing key or
// project, a model id or location that is not a plain identifier, a bad number).
StatusOr<GeminiConfig> GeminiConfigFromEnv(EngineName which, const Env& env);

}  // namespace jae
