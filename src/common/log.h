// JsonLog: structured logs in Google Cloud Logging's format, one JSON object per line
// (severity, message, time, logging.googleapis.com/trace, ...), written whole under a
// lock so concurrent requests never interleave lines.
//
// Contract: callers pass only operational facts (codes, counts, durations, hashes of
// object names); never extracted fields, image bytes or credentials.
#pragma once

#include <cstdio>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "common/clock.h"
#include "common/status.h"
#include "common/thread_annotations.h"

namespace jae {

enum class Severity { kDebug = 100, kInfo = 200, kWarning = 400, kError = 500 };

// LOG_LEVEL values: debug, info, warning, error.
StatusOr<Severity> ParseSeverity(std::string_view text);

// A request's trace, from `traceparent` (preferred) or `X-Cloud-Trace-Context`.
struct TraceContext {
  std::string trace_id;  // 32 lower-case hex digits
  std::string span_id;   // 16 hex digits (traceparent) or decimal (X-Cloud-Trace-Context)
  bool sampled = false;
};
std::optional<TraceContext> ParseTraceHeaders(std::string_view traceparent,
                                              std::string_view cloud_trace_context);

class JsonLog {
 public:
  // `project` (GOOGLE_CLOUD_PROJECT) qualifies trace ids as Cloud Logging expects.
  JsonLog(std::FILE* out, Severity min_severity, std::string project, const Clock& clock);

  bool Enabled(Severity severity) const { return severity >= min_; }
  void Write(Severity severity, std::string_view message, nlohmann::json fields = nullptr,
             const TraceContext* trace = nullptr);

 private:
  std::FILE* out_;
  Severity min_;
  std::string project_;
  const Clock& clock_;
  Mutex mu_;
};

// A short, stable, non-reversible tag for an object name (first 16 hex digits of its
// SHA-256): lets operators correlate log lines without writing names that may contain
// personal data.
std::string NameTag(std::string_view name);

}  // namespace jae
