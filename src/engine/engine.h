// Engine: turns one normalised document image into an Extraction.
//
// Contract for implementations:
//  - Returns EngineResult with `extraction` set on success, or `rejection` set when the
//    input can never succeed (no document found, model refused, model output invalid
//    after its retry). Exactly one of the two is set.
//  - Returns a non-OK Status for failures that a later attempt may fix (quota, network,
//    timeouts: IsTransient(code) is true) or for internal errors. Callers turn a
//    transient Status into 429/503 and write nothing.
//  - Thread-safe: one Engine serves many concurrent Extract calls.
//  - Never logs personal data or image bytes.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "image/image.h"
#include "result/result.h"
#include "verify/verify.h"

namespace jae {

struct EngineResult {
  std::optional<verify::Extraction> extraction;
  std::optional<ErrorInfo> rejection;
  EngineInfo info;  // name always set; model/tokens/attempts/latency when known
};

class Engine {
 public:
  virtual ~Engine() = default;
  virtual EngineName name() const = 0;
  // Settings the engine accepted but advises against (e.g. a temperature on Gemini 3),
  // each a sentence naming the variable; the caller reports them once at start-up.
  virtual std::vector<std::string> ConfigurationWarnings() const { return {}; }
  // `deadline`: the engine gives up (transient DeadlineExceeded) past this point.
  virtual StatusOr<EngineResult> Extract(const NormalizedImage& image,
                                         std::chrono::steady_clock::time_point deadline) = 0;
};

}  // namespace jae
