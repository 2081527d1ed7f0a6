// Metrics: the service's counters and histograms, rendered in the Prometheus text
// exposition format (version 0.0.4) for GET /metrics. Thread-safe.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "common/thread_annotations.h"
#include "result/result.h"

namespace jae {

class Histogram {
 public:
  explicit Histogram(std::vector<double> upper_bounds);
  void Observe(double value);
  // Appends `name_bucket{le=...}`, `name_sum` and `name_count` lines.
  void Render(std::string_view name, std::string_view labels, std::string& out) const;

 private:
  std::vector<double> bounds_;
  std::vector<std::uint64_t> counts_;  // per bucket, not cumulative
  double sum_ = 0;
  std::uint64_t count_ = 0;
};

class Metrics {
 public:
  Metrics();

  void CountRequest(std::string_view route, int status_code, double seconds);
  // Event outcomes: processed, duplicate, stale, gone, ignored, unusable, not_event,
  // transient, failed, misconfigured, refused_bucket, busy, draining.
  void CountEvent(std::string_view outcome);
  void CountResult(ResultStatus status, const ErrorCode* error);
  void ObserveEngine(const EngineInfo& engine);
  // Time in the service for one document minus the engine's own latency.
  void ObserveOverhead(double seconds);

  std::string Render(int in_flight, int max_in_flight) const;

 private:
  mutable Mutex mu_;
  std::map<std::string, std::uint64_t> requests_ JAE_GUARDED_BY(mu_);  // label set → count
  std::map<std::string, Histogram> request_seconds_ JAE_GUARDED_BY(mu_);
  std::map<std::string, std::uint64_t> events_ JAE_GUARDED_BY(mu_);
  std::map<std::string, std::uint64_t> results_ JAE_GUARDED_BY(mu_);
  Histogram engine_seconds_ JAE_GUARDED_BY(mu_);
  Histogram overhead_seconds_ JAE_GUARDED_BY(mu_);
  std::uint64_t input_tokens_ JAE_GUARDED_BY(mu_) = 0;
  std::uint64_t output_tokens_ JAE_GUARDED_BY(mu_) = 0;
};

}  // namespace jae
