// FakeEngine: a scripted Engine for tests. Answers come from a queue (in order), then a
// default; every call is counted and its input recorded. Thread-safe, like real engines.
// (A test double: it lives with the others in tests/testing/, not in src/.)
//
//   FakeEngine engine;
//   engine.Push(FakeEngine::Extracted(extraction));
//   engine.Push(UnavailableError("quota"));       // transient: the pipeline returns it
//   engine.SetDefault(FakeEngine::Rejected(ErrorCode::kNoDocument, "no document"));
#pragma once

#include <chrono>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <utility>

#include "common/thread_annotations.h"
#include "engine/engine.h"

namespace jae::testing {

class FakeEngine final : public Engine {
 public:
  explicit FakeEngine(EngineName name = EngineName::kLocal) : name_(name) {}

  static EngineResult Extracted(verify::Extraction extraction,
                                EngineName name = EngineName::kLocal) {
    EngineResult result;
    result.extraction = std::move(extraction);
    result.info.name = name;
    return result;
  }
  static EngineResult Rejected(ErrorCode code, std::string message,
                               EngineName name = EngineName::kLocal) {
    EngineResult result;
    result.rejection = ErrorInfo{code, std::move(message)};
    result.info.name = name;
    return result;
  }

  // Answers in order of Push; when none is left, the default.
  void Push(StatusOr<EngineResult> response) {
    MutexLock lock(mu_);
    script_.push_back(std::move(response));
  }
  void SetDefault(StatusOr<EngineResult> response) {
    MutexLock lock(mu_);
    default_ = std::move(response);
  }
  // Each call takes this long (or until its deadline: then DeadlineExceeded).
  void SetDelay(std::chrono::milliseconds delay) {
    MutexLock lock(mu_);
    delay_ = delay;
  }

  int calls() const {
    MutexLock lock(mu_);
    return calls_;
  }
  std::optional<NormalizedImage> last_image() const {
    MutexLock lock(mu_);
    return last_image_;
  }
  std::optional<std::chrono::steady_clock::time_point> last_deadline() const {
    MutexLock lock(mu_);
    return last_deadline_;
  }

  EngineName name() const override { return name_; }

  StatusOr<EngineResult> Extract(const NormalizedImage& image,
                                 std::chrono::steady_clock::time_point deadline) override {
    std::chrono::milliseconds delay;
    std::optional<StatusOr<EngineResult>> response;
    {
      MutexLock lock(mu_);
      ++calls_;
      last_image_ = image;
      last_deadline_ = deadline;
      delay = delay_;
      if (!script_.empty()) {
        response.emplace(std::move(script_.front()));
        script_.pop_front();
      } else {
        response.emplace(default_);
      }
    }
    if (delay.count() > 0) {
      const auto wake = std::chrono::steady_clock::now() + delay;
      std::this_thread::sleep_until(std::min(wake, deadline));
      if (wake > deadline) return DeadlineExceededError("fake engine: deadline exceeded");
    }
    return std::move(*response);
  }

 private:
  const EngineName name_;
  mutable Mutex mu_;
  std::deque<StatusOr<EngineResult>> script_ JAE_GUARDED_BY(mu_);
  StatusOr<EngineResult> default_ JAE_GUARDED_BY(mu_) =
      UnavailableError("fake engine: no scripted response");
  std::chrono::milliseconds delay_ JAE_GUARDED_BY(mu_){0};
  int calls_ JAE_GUARDED_BY(mu_) = 0;
  std::optional<NormalizedImage> last_image_ JAE_GUARDED_BY(mu_);
  std::optional<std::chrono::steady_clock::time_point> last_deadline_ JAE_GUARDED_BY(mu_);
};

}  // namespace jae::testing
