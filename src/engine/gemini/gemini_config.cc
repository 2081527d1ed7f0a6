#include "engine/gemini/gemini_config.h"

#include <algorithm>
#include <cctype>
#include <charconv>

#include "common/env_vars.h"

namespace jae {
namespace {

bool IsIdentifier(std::string_view s, std::string_view extra) {
  return !s.empty() && s.size() <= 128 && std::all_of(s.begin(), s.end(), [&](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || extra.find(c) != std::string_view::npos;
  });
}

std::string Upper(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return s;
}

std::string VertexHost(const std::string& location) {
  if (location == "global") return "https://aiplatform.googleapis.com";
  if (location == "us" || location == "eu") {
    return "https://aiplatform." + location + ".rep.googleapis.com";
  }
  return "https://" + location + "-aiplatform.googleapis.com";
}

}  // namespace

std::string GeminiConfig::GenerateContentUrl() const {
  std::string url = base_url + "/";
  if (!api_version.empty()) url += api_version + "/";
  if (engine == EngineName::kVertex) {
    url += "projects/" + project + "/locations/" + location + "/publishers/google/";
  }
  return url + "models/" + model + ":generateContent";
}

bool IsGemini3OrLater(std::string_view model) {
  return !model.starts_with("gemini-1") && !model.starts_with("gemini-2");
}

void ApplyDefaultThinking(GeminiConfig& config) {
  config.thinking_level.reset();
  config.thinking_budget.reset();
  config.temperature.reset();
  const std::string& m = config.model;
  const bool pro = m.find("pro") != std::string::npos;
  if (!IsGemini3OrLater(m)) {
    if (!pro) config.thinking_budget = 0;
    config.temperature = 0.0;
    return;
  }
  config.thinking_level = pro ? "LOW" : "MINIMAL";
}

StatusOr<GeminiConfig> GeminiConfigFromEnv(EngineName which, const Env& env) {
  if (which == EngineName::kLocal) return InvalidArgumentError("the local engine is not Gemini");
  GeminiConfig c;
  c.engine = which;
  c.model = env.GetOr("GEMINI_MODEL", kDefaultGeminiModel);
  if (!IsIdentifier(c.model, "-._")) {
    return InvalidArgumentError("GEMINI_MODEL must be a bare model id such as gemini-3.8-flash");
  }

  if (which == EngineName::kGemini) {
    auto key = env.Get("GOOGLE_API_KEY");
    if (!key) key = env.Get("GEMINI_API_KEY");
    if (!key) {
      return InvalidArgumentError("engine gemini needs GEMINI_API_KEY (or GOOGLE_API_KEY)");
    }
    c.api_key = *key;
    c.api_version = env.GetOr("GEMINI_API_VERSION", "v1beta");
    c.base_url = env.GetOr("GEMINI_BASE_URL", "https://generativelanguage.googleapis.com");
  } else {
    auto project = env.Get("GOOGLE_CLOUD_PROJECT");
    if (!project) project = env.Get("GCLOUD_PROJECT");
    if (!project) return InvalidArgumentError("engine vertex needs GOOGLE_CLOUD_PROJECT");
    if (!IsIdentifier(*project, "-.:_")) {
      return InvalidArgumentError("GOOGLE_CLOUD_PROJECT is not a valid project id");
    }
    c.project = *project;
    c.location = env.GetOr("GOOGLE_CLOUD_LOCATION", kDefaultVertexLocation);
    if (!IsIdentifier(c.location, "-")) {
      return InvalidArgumentError(
          "GOOGLE_CLOUD_LOCATION is not a valid location (e.g. europe-west1)");
    }
    c.api_version = env.GetOr("GEMINI_API_VERSION", "v1");
    c.base_url = env.GetOr("GEMINI_BASE_URL", VertexHost(c.location));
  }
  while (c.base_url.ends_with('/')) c.base_url.pop_back();
  if (!c.base_url.starts_with("https://") && !c.base_url.starts_with("http://")) {
    return InvalidArgumentError("GEMINI_BASE_URL must start with https:// or http://");
  }
  if (!c.api_version.empty() && !IsIdentifier(c.api_version, "")) {
    return InvalidArgumentError("GEMINI_API_VERSION must look like v1beta or v1");
  }

  ApplyDefaultThinking(c);
  const auto level = env.Get("GEMINI_THINKING_LEVEL");
  const auto budget = env.Get("GEMINI_THINKING_BUDGET");
  if (level && budget) {
    return InvalidArgumentError("set GEMINI_THINKING_LEVEL or GEMINI_THINKING_BUDGET, not both");
  }
  const bool gemini3 = IsGemini3OrLater(c.model);
  if (level) {
    if (!gemini3) {
      return InvalidArgumentError(
          "GEMINI_THINKING_LEVEL is for Gemini 3 models; use GEMINI_THINKING_BUDGET with " +
          c.model);
    }
    const std::string l = Upper(*level);
    c.thinking_level.reset();
    c.thinking_budget.reset();
    if (l != "OFF") {
      if (l != "MINIMAL" && l != "LOW" && l != "MEDIUM" && l != "HIGH") {
        return InvalidArgumentError(
            "GEMINI_THINKING_LEVEL must be minimal, low, medium, high or off");
      }
      c.thinking_level = l;
    }
  }
  if (budget) {
    if (gemini3) {
      return InvalidArgumentError(
          "GEMINI_THINKING_BUDGET is for Gemini 1.x/2.x models; Gemini 3 models take "
          "GEMINI_THINKING_LEVEL");
    }
    auto b = IntVar(env, "GEMINI_THINKING_BUDGET", 0, -1, 32768);
    if (!b.ok()) return b.status();
    c.thinking_level.reset();
    c.thinking_budget = static_cast<int>(*b);
  }
  if (auto text = env.Get("GEMINI_TEMPERATURE")) {
    double t = 0;
    const auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), t);
    if (ec != std::errc() || end != text->data() + text->size() || !(t >= 0.0 && t <= 2.0)) {
      return InvalidArgumentError("GEMINI_TEMPERATURE must be a number in [0, 2]");
    }
    c.temperature = t;
    if (gemini3) {
      c.warnings.push_back(
          "GEMINI_TEMPERATURE is set for a Gemini 3 model: Google recommends the default 1.0 "
          "(lower values may cause looping or degraded output)");
    }
  }

  if (auto media = env.Get("GEMINI_MEDIA_RESOLUTION")) {
    const std::string m = Upper(*media);
    if (m == "DEFAULT") {
      c.media_resolution.clear();
    } else if (m == "LOW" || m == "MEDIUM" || m == "HIGH") {
      c.media_resolution = "MEDIA_RESOLUTION_" + m;
    } else {
      return InvalidArgumentError("GEMINI_MEDIA_RESOLUTION must be low, medium, high or default");
    }
  }

  auto max_tokens = IntVar(env, "GEMINI_MAX_OUTPUT_TOKENS", c.max_output_tokens, 256, 65536);
  if (!max_tokens.ok()) return max_tokens.status();
  c.max_output_tokens = static_cast<int>(*max_tokens);
  auto timeout = IntVar(env, "GEMINI_TIMEOUT_MS", c.attempt_timeout.count(), 100, 600000);
  if (!timeout.ok()) return timeout.status();
  c.attempt_timeout = std::chrono::milliseconds(*timeout);
  auto attempts = IntVar(env, "GEMINI_MAX_ATTEMPTS", c.max_attempts, 1, 20);
  if (!attempts.ok()) return attempts.status();
  c.max_attempts = static_cast<int>(*attempts);
  return c;
}

}  // namespace jae
