#include "engine/engine_factory.h"

#include <algorithm>
#include <cctype>

#include "engine/gemini/gemini_engine.h"
#include "engine/local_engine_module.h"

namespace jae {
namespace {

// Google's SDKs treat "true" and "1" (any case) as on.
bool IsTrue(const std::optional<std::string>& value) {
  if (!value) return false;
  std::string v = *value;
  std::transform(v.begin(), v.end(), v.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return v == "true" || v == "1";
}

}  // namespace

std::optional<EngineChoice> ParseEngineChoice(std::string_view text) {
  if (text == "auto") return EngineChoice::kAuto;
  if (text == "gemini") return EngineChoice::kGemini;
  if (text == "vertex") return EngineChoice::kVertex;
  if (text == "local") return EngineChoice::kLocal;
  return std::nullopt;
}

StatusOr<EngineName> ResolveEngineName(const std::optional<std::string>& flag, const Env& env) {
  const bool from_flag = flag && !flag->empty();
  const std::string text = from_flag ? *flag : env.GetOr("JAE_ENGINE", "auto");
  const auto choice = ParseEngineChoice(text);
  if (!choice) {
    return InvalidArgumentError(std::string(from_flag ? "--engine" : "JAE_ENGINE") +
                                ": unknown engine '" + text +
                                "' (expected auto, gemini, vertex or local)");
  }
  switch (*choice) {
    case EngineChoice::kGemini:
      return EngineName::kGemini;
    case EngineChoice::kVertex:
      return EngineName::kVertex;
    case EngineChoice::kLocal:
      return EngineName::kLocal;
    case EngineChoice::kAuto:
      break;
  }
  if (IsTrue(env.Get("GOOGLE_GENAI_USE_VERTEXAI"))) return EngineName::kVertex;
  if (env.Get("GEMINI_API_KEY") || env.Get("GOOGLE_API_KEY")) return EngineName::kGemini;
  return EngineName::kLocal;
}

StatusOr<std::unique_ptr<Engine>> MakeEngine(const std::optional<std::string>& flag,
                                             const Env& env) {
  const auto name = ResolveEngineName(flag, env);
  if (!name.ok()) return name.status();
  return MakeEngine(*name, env);
}

StatusOr<std::unique_ptr<Engine>> MakeEngine(EngineName name, const Env& env) {
  if (name == EngineName::kLocal) return LoadLocalEngine(env);
  return MakeGeminiEngine(name, env);
}

}  // namespace jae
