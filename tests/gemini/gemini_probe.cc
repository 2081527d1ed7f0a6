// gemini_probe: runs the Gemini engine once from the command line, configured by the
// process environment exactly as jae-ocr is (GEMINI_API_KEY, GEMINI_BASE_URL, ...).
// For the node integration tests (real libcurl against tests/node/fake-gemini.mjs) and
// for a manual end-to-end check before `jae-ocr extract` lands.
//
//   gemini_probe [--engine gemini|vertex] [--deadline-ms N] [--mime TYPE] IMAGE_FILE
//
// Prints one JSON object: {"extraction": {...}} or {"rejection": {...}}, with "engine"
// (EngineInfo), exit 0; or {"status": {"code", "message", "transient"}}, exit 3.
// Usage errors exit 2.
#include <chrono>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "engine/gemini/gemini_engine.h"
#include "result/result.h"
#include "result/result_json.h"

namespace {

int Usage(const std::string& why) {
  std::cerr << "gemini_probe: " << why
            << "\nusage: gemini_probe [--engine gemini|vertex] [--deadline-ms N] [--mime TYPE] "
               "IMAGE_FILE\n";
  return 2;
}

nlohmann::json InfoJson(const jae::EngineInfo& info) {
  nlohmann::json j = {{"name", jae::ToString(info.name)}};
  if (info.model) j["model"] = *info.model;
  if (info.model_version) j["model_version"] = *info.model_version;
  if (info.input_tokens) j["input_tokens"] = *info.input_tokens;
  if (info.output_tokens) j["output_tokens"] = *info.output_tokens;
  if (info.attempts) j["attempts"] = *info.attempts;
  if (info.latency_ms) j["latency_ms"] = *info.latency_ms;
  return j;
}

}  // namespace

int main(int argc, char** argv) {
  jae::EngineName which = jae::EngineName::kGemini;
  long long deadline_ms = 60000;
  std::string mime = "image/jpeg";
  std::string path;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    auto value = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
    if (arg == "--engine") {
      const std::string e = value();
      if (e == "gemini") {
        which = jae::EngineName::kGemini;
      } else if (e == "vertex") {
        which = jae::EngineName::kVertex;
      } else {
        return Usage("--engine must be gemini or vertex");
      }
    } else if (arg == "--deadline-ms") {
      try {
        deadline_ms = std::stoll(value());
      } catch (...) {
        return Usage("--deadline-ms needs a number");
      }
    } else if (arg == "--mime") {
      mime = value();
    } else if (!arg.empty() && arg[0] == '-') {
      return Usage("unknown option " + arg);
    } else {
      path = arg;
    }
  }
  if (path.empty()) return Usage("no IMAGE_FILE");
  std::ifstream in(path, std::ios::binary);
  if (!in) return Usage("cannot read " + path);
  std::ostringstream bytes;
  bytes << in.rdbuf();

  jae::ProcessEnv env;
  auto engine = jae::MakeGeminiEngine(which, env);
  if (!engine.ok()) {
    std::cerr << "gemini_probe: " << engine.status().ToString() << "\n";
    return 2;
  }
  jae::NormalizedImage image;
  image.bytes = bytes.str();
  image.mime_type = mime;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(deadline_ms);
  auto result = (*engine)->Extract(image, deadline);
  nlohmann::json out;
  if (!result.ok()) {
    out["status"] = {{"code", jae::StatusCodeName(result.status().code())},
                     {"message", result.status().message()},
                     {"transient", jae::IsTransient(result.status().code())}};
    std::cout << out.dump() << "\n";
    return 3;
  }
  out["engine"] = InfoJson(result->info);
  if (result->rejection) {
    out["rejection"] = {{"code", jae::ToString(result->rejection->code)},
                        {"message", result->rejection->message}};
  }
  if (result->extraction) {
    const auto& e = *result->extraction;
    nlohmann::json x = {{"type", jae::ToString(e.type)},
                        {"fields", jae::ToJson(e.fields)},
                        {"mrz_lines", e.mrz_lines}};
    if (e.side) x["side"] = jae::ToString(*e.side);
    if (e.issuing_country) x["issuing_country"] = *e.issuing_country;
    out["extraction"] = x;
  }
  std::cout << out.dump() << "\n";
  return 0;
}
