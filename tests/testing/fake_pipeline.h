// A stand-in for ProcessDocument: JPEG bytes give an `ok` result (after an optional
// delay), anything else a `rejected` unsupported_media_type result, and a switch makes
// it fail transiently. Counts calls, like a model would be billed.
#pragma once

#include <atomic>
#include <chrono>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <thread>

#include "pipeline/pipeline.h"
#include "result/result.h"

namespace jae::testing {

class FakePipeline {
 public:
  StatusOr<Result> operator()(const DocumentInput& input) {
    ++calls;
    if (delay.count() > 0) std::this_thread::sleep_for(delay);
    if (throws.load() > 0) {
      --throws;
      throw std::runtime_error("synthetic failure");
    }
    {
      std::lock_guard lock(mu_);
      if (fail_) return *fail_;
    }
    if (quota.load()) return ResourceExhaustedError("model quota");
    if (down.load()) return UnavailableError("model unavailable");
    if (input.bytes.rfind("\xFF\xD8\xFF", 0) != 0) {
      return MakeRejected(input.source, ErrorCode::kUnsupportedMediaType, "not an image",
                          "2026-11-26T12:00:00.000Z");
    }
    Result r;
    r.status = ResultStatus::kOk;
    r.source = input.source;
    r.document = Document{};
    r.document->type = DocumentType::kIdCard;
    r.document->fields[FieldName::kSurname] = Field{"MARTIN", 0.9, FieldSource::kModel};
    EngineInfo engine;
    engine.name = EngineName::kGemini;
    engine.latency_ms = static_cast<double>(delay.count());
    engine.input_tokens = 1000;
    engine.output_tokens = 100;
    r.engine = engine;
    r.processed_at = "2026-11-26T12:00:00.000Z";
    return r;
  }

  // Every call fails with `status` until Clear().
  void FailWith(Status status) {
    std::lock_guard lock(mu_);
    fail_ = std::move(status);
  }
  void Clear() {
    std::lock_guard lock(mu_);
    fail_.reset();
  }

  std::atomic<int> calls{0};
  std::atomic<int> throws{0};  // the next N calls throw
  std::atomic<bool> down{false};
  std::atomic<bool> quota{false};
  std::chrono::milliseconds delay{0};

 private:
  std::mutex mu_;
  std::optional<Status> fail_;
};

inline const std::string kJpeg = std::string("\xFF\xD8\xFF\xE0", 4) + std::string(100, 'x');

}  // namespace jae::testing
