#include "service/metrics.h"

#include <cstdio>

namespace jae {
namespace {

std::string FormatNumber(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;
}

std::vector<double> LatencyBuckets() {
  return {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 1.5, 2, 2.5, 5, 10, 20, 30, 60, 120};
}

}  // namespace

Histogram::Histogram(std::vector<double> upper_bounds)
    : bounds_(std::move(upper_bounds)), counts_(bounds_.size() + 1, 0) {}

void Histogram::Observe(double value) {
  std::size_t i = 0;
  while (i < bounds_.size() && value > bounds_[i]) ++i;
  ++counts_[i];
  sum_ += value;
  ++count_;
}

void Histogram::Render(std::string_view name, std::string_view labels, std::string& out) const {
  const std::string prefix = labels.empty() ? "" : std::string(labels) + ",";
  std::uint64_t cumulative = 0;
  for (std::size_t i = 0; i <= bounds_.size(); ++i) {
    cumulative += counts_[i];
    const std::string le = i < bounds_.size() ? FormatNumber(bounds_[i]) : "+Inf";
    out += std::string(name) + "_bucket{" + prefix + "le=\"" + le + "\"} " +
           std::to_string(cumulative) + "\n";
  }
  const std::string braces = labels.empty() ? "" : "{" + std::string(labels) + "}";
  out += std::string(name) + "_sum" + braces + " " + FormatNumber(sum_) + "\n";
  out += std::string(name) + "_count" + braces + " " + std::to_string(count_) + "\n";
}

Metrics::Metrics() : engine_seconds_(LatencyBuckets()), overhead_seconds_(LatencyBuckets()) {}

void Metrics::CountRequest(std::string_view route, int status_code, double seconds) {
  const std::string route_label = "route=\"" + std::string(route) + "\"";
  MutexLock lock(mu_);
  ++requests_[route_label + ",code=\"" + std::to_string(status_code) + "\""];
  request_seconds_.try_emplace(route_label, LatencyBuckets()).first->second.Observe(seconds);
}

void Metrics::CountEvent(std::string_view outcome) {
  MutexLock lock(mu_);
  ++events_["outcome=\"" + std::string(outcome) + "\""];
}

void Metrics::CountResult(ResultStatus status, const ErrorCode* error) {
  std::string labels = "status=\"" + std::string(ToString(status)) + "\",error=\"" +
                       (error ? std::string(ToString(*error)) : "") + "\"";
  MutexLock lock(mu_);
  ++results_[labels];
}

void Metrics::ObserveEngine(const EngineInfo& engine) {
  MutexLock lock(mu_);
  if (engine.latency_ms) engine_seconds_.Observe(*engine.latency_ms / 1000.0);
  if (engine.input_tokens && *engine.input_tokens > 0) input_tokens_ += *engine.input_tokens;
  if (engine.output_tokens && *engine.output_tokens > 0) output_tokens_ += *engine.output_tokens;
}

void Metrics::ObserveOverhead(double seconds) {
  MutexLock lock(mu_);
  overhead_seconds_.Observe(seconds < 0 ? 0 : seconds);
}

std::string Metrics::Render(int in_flight, int max_in_flight) const {
  std::string out;
  MutexLock lock(mu_);
  out += "# HELP jae_http_requests_total HTTP requests by route and status code.\n";
  out += "# TYPE jae_http_requests_total counter\n";
  for (const auto& [labels, n] : requests_) {
    out += "jae_http_requests_total{" + labels + "} " + std::to_string(n) + "\n";
  }
  out += "# HELP jae_http_request_duration_seconds Time to answer a request.\n";
  out += "# TYPE jae_http_request_duration_seconds histogram\n";
  for (const auto& [labels, h] : request_seconds_) {
    h.Render("jae_http_request_duration_seconds", labels, out);
  }
  out += "# HELP jae_events_total Events on POST / by outcome.\n";
  out += "# TYPE jae_events_total counter\n";
  for (const auto& [labels, n] : events_) {
    out += "jae_events_total{" + labels + "} " + std::to_string(n) + "\n";
  }
  out += "# HELP jae_results_total Results produced, by status and rejection code.\n";
  out += "# TYPE jae_results_total counter\n";
  for (const auto& [labels, n] : results_) {
    out += "jae_results_total{" + labels + "} " + std::to_string(n) + "\n";
  }
  out += "# HELP jae_engine_latency_seconds Extraction engine latency per document.\n";
  out += "# TYPE jae_engine_latency_seconds histogram\n";
  engine_seconds_.Render("jae_engine_latency_seconds", "", out);
  out +=
      "# HELP jae_service_overhead_seconds Time per document in the service minus engine "
      "latency.\n";
  out += "# TYPE jae_service_overhead_seconds histogram\n";
  overhead_seconds_.Render("jae_service_overhead_seconds", "", out);
  out += "# HELP jae_engine_tokens_total Model tokens used.\n";
  out += "# TYPE jae_engine_tokens_total counter\n";
  out += "jae_engine_tokens_total{direction=\"input\"} " + std::to_string(input_tokens_) + "\n";
  out += "jae_engine_tokens_total{direction=\"output\"} " + std::to_string(output_tokens_) + "\n";
  out += "# HELP jae_in_flight Extractions in progress.\n";
  out += "# TYPE jae_in_flight gauge\n";
  out += "jae_in_flight " + std::to_string(in_flight) + "\n";
  out += "# HELP jae_max_in_flight MAX_INFLIGHT.\n";
  out += "# TYPE jae_max_in_flight gauge\n";
  out += "jae_max_in_flight " + std::to_string(max_in_flight) + "\n";
  return out;
}

}  // namespace jae
