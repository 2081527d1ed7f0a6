#include "common/log.h"

#include <openssl/sha.h>

#include <algorithm>
#include <cctype>

namespace jae {
namespace {

bool IsHex(std::string_view s, std::size_t n) {
  return s.size() == n && std::all_of(s.begin(), s.end(), [](char c) {
           return std::isxdigit(static_cast<unsigned char>(c));
         });
}

std::string_view SeverityName(Severity severity) {
  switch (severity) {
    case Severity::kDebug:
      return "DEBUG";
    case Severity::kInfo:
      return "INFO";
    case Severity::kWarning:
      return "WARNING";
    case Severity::kError:
      return "ERROR";
  }
  return "DEFAULT";
}

std::string ToLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

StatusOr<Severity> ParseSeverity(std::string_view text) {
  const std::string t = ToLower(text);
  if (t == "debug") return Severity::kDebug;
  if (t == "info") return Severity::kInfo;
  if (t == "warning" || t == "warn") return Severity::kWarning;
  if (t == "error") return Severity::kError;
  return InvalidArgumentError("LOG_LEVEL must be debug, info, warning or error");
}

std::optional<TraceContext> ParseTraceHeaders(std::string_view traceparent,
                                              std::string_view cloud_trace_context) {
  // W3C: 00-<32 hex trace>-<16 hex span>-<2 hex flags>
  if (traceparent.size() == 55 && traceparent[2] == '-' && traceparent[35] == '-' &&
      traceparent[52] == '-' && IsHex(traceparent.substr(0, 2), 2) &&
      IsHex(traceparent.substr(3, 32), 32) && IsHex(traceparent.substr(36, 16), 16) &&
      IsHex(traceparent.substr(53, 2), 2)) {
    TraceContext t;
    t.trace_id = ToLower(traceparent.substr(3, 32));
    t.span_id = ToLower(traceparent.substr(36, 16));
    const int flags = std::stoi(std::string(traceparent.substr(53, 2)), nullptr, 16);
    t.sampled = (flags & 1) != 0;
    if (t.trace_id != std::string(32, '0')) return t;
  }
  // Legacy: TRACE_ID/SPAN_ID;o=OPTIONS (span decimal, both parts after the id optional).
  if (!cloud_trace_context.empty()) {
    const std::size_t slash = cloud_trace_context.find('/');
    const std::string_view trace = cloud_trace_context.substr(0, slash);
    if (!IsHex(trace, 32)) return std::nullopt;
    TraceContext t;
    t.trace_id = ToLower(trace);
    if (slash != std::string_view::npos) {
      std::string_view rest = cloud_trace_context.substr(slash + 1);
      const std::size_t semi = rest.find(';');
      const std::string_view span = rest.substr(0, semi);
      if (!span.empty() && span.size() <= 20 &&
          std::all_of(span.begin(), span.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        t.span_id = std::string(span);
      }
      if (semi != std::string_view::npos) t.sampled = rest.substr(semi + 1) == "o=1";
    }
    return t;
  }
  return std::nullopt;
}

JsonLog::JsonLog(std::FILE* out, Severity min_severity, std::string project, const Clock& clock)
    : out_(out), min_(min_severity), project_(std::move(project)), clock_(clock) {}

void JsonLog::Write(Severity severity, std::string_view message, nlohmann::json fields,
                    const TraceContext* trace) {
  if (!Enabled(severity)) return;
  nlohmann::json line = fields.is_object() ? std::move(fields) : nlohmann::json::object();
  line["severity"] = SeverityName(severity);
  line["message"] = message;
  line["time"] = FormatRfc3339(clock_.Now());
  if (trace != nullptr) {
    line["logging.googleapis.com/trace"] =
        project_.empty() ? trace->trace_id : "projects/" + project_ + "/traces/" + trace->trace_id;
    if (!trace->span_id.empty()) line["logging.googleapis.com/spanId"] = trace->span_id;
    line["logging.googleapis.com/trace_sampled"] = trace->sampled;
  }
  // Invalid UTF-8 is replaced rather than thrown on: log lines must never fail.
  std::string text = line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  text += '\n';
  MutexLock lock(mu_);
  std::fwrite(text.data(), 1, text.size(), out_);
  std::fflush(out_);
}

std::string NameTag(std::string_view name) {
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(name.data()), name.size(), digest);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (int i = 0; i < 8; ++i) {
    out += kHex[digest[i] >> 4];
    out += kHex[digest[i] & 15];
  }
  return out;
}

}  // namespace jae
