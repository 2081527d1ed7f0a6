#include "service/service.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "result/result_json.h"

namespace jae {
namespace {

using nlohmann::json;
using Steady = std::chrono::steady_clock;

Answer JsonAnswer(int status, json body) {
  return Answer{status, "application/json", body.dump() + "\n"};
}

double SecondsSince(Steady::time_point start) {
  return std::chrono::duration<double>(Steady::now() - start).count();
}

// A client-supplied file name, made safe to echo in a result: printable ASCII, bounded.
std::string SafeUploadName(std::string_view name) {
  std::string out;
  for (char c : name.substr(0, 200)) {
    out += (c >= 0x20 && c < 0x7f) ? c : '_';
  }
  return out.empty() ? "body" : out;
}

std::int64_t SteadyNowNs() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(Steady::now().time_since_epoch())
      .count();
}

// How long a configuration error keeps /readyz failing without a success in between.
constexpr std::chrono::seconds kConfigErrorHold{60};

}  // namespace

int TransientHttpStatus(const Status& status) {
  return status.code() == StatusCode::kResourceExhausted ? 429 : 503;
}

Service::Service(ServiceOptions options, ObjectProcessor& processor, SourceStores& sources,
                 ProcessFn extract, JsonLog& log, Metrics& metrics)
    : options_(std::move(options)),
      processor_(processor),
      sources_(sources),
      extract_(std::move(extract)),
      log_(log),
      metrics_(metrics) {}

class Service::Slot {
 public:
  explicit Slot(Service& s) : s_(s) {}
  ~Slot() { s_.Release(); }
  Slot(const Slot&) = delete;
  Slot& operator=(const Slot&) = delete;

 private:
  Service& s_;
};

std::optional<Answer> Service::Admit(std::string_view what, const TraceContext* trace) {
  if (draining_.load()) {
    return JsonAnswer(503, {{"error", "shutting down"}});
  }
  int current = in_flight_.load();
  do {
    if (current >= options_.max_in_flight) {
      busy_unlogged_.fetch_add(1);
      using std::chrono::nanoseconds;
      const std::int64_t now = nanoseconds(Steady::now().time_since_epoch()).count();
      std::int64_t due = next_busy_log_ns_.load();
      if (now >= due && next_busy_log_ns_.compare_exchange_strong(
                            due, now + nanoseconds(std::chrono::seconds(1)).count())) {
        log_.Write(Severity::kWarning, "too many in flight, answering 429",
                   {{"what", what},
                    {"in_flight", current},
                    {"refused_since_last_line", busy_unlogged_.exchange(0)}},
                   trace);
      }
      return JsonAnswer(429, {{"error", "too many requests in flight"}});
    }
  } while (!in_flight_.compare_exchange_weak(current, current + 1));
  return std::nullopt;
}

void Service::Release() {
  if (in_flight_.fetch_sub(1) == 1) {
    std::lock_guard lock(idle_mu_);
    idle_cv_.notify_all();
  }
}

void Service::BeginDrain() {
  if (!draining_.exchange(true)) {
    log_.Write(Severity::kInfo, "draining: no new work accepted", {{"in_flight", in_flight()}});
  }
}

bool Service::WaitIdle(std::chrono::steady_clock::time_point deadline) {
  std::unique_lock lock(idle_mu_);
  return idle_cv_.wait_until(lock, deadline, [&] { return in_flight_.load() == 0; });
}

void Service::CountResult(const ProcessReport& report) {
  if (report.result_status) {
    const ErrorCode* error = report.error_code ? &*report.error_code : nullptr;
    metrics_.CountResult(*report.result_status, error);
  }
  if (report.engine) metrics_.ObserveEngine(*report.engine);
}

Answer Service::HandleEvent(const events::EventHeaders& headers, std::string_view body,
                            const TraceContext* trace) {
  const auto start = Steady::now();
  auto parsed = events::ParseEvent(headers, body);
  if (!parsed.ok()) {
    metrics_.CountEvent("not_event");
    log_.Write(Severity::kWarning, "request is not an event",
               {{"reason", parsed.status().message()}}, trace);
    return JsonAnswer(400, {{"error", parsed.status().message()}});
  }
  const events::Event& event = *parsed;
  json fields = {{"event_format", events::ToString(event.format)},
                 {"event_type", event.type.substr(0, 100)},
                 {"event_id", event.id.substr(0, 100)}};
  if (!event.object.name.empty()) fields["object_tag"] = NameTag(event.object.name);
  if (!event.object.generation.empty()) fields["generation"] = event.object.generation;
  if (auto screened = ScreenEvent(event, fields, trace)) return *screened;

  if (auto refused = Admit("event", trace)) {
    metrics_.CountEvent(refused->status == 429 ? "busy" : "draining");
    return *refused;
  }
  Slot slot(*this);
  auto source = OpenSource(event.object.bucket, fields, trace);
  if (auto* answer = std::get_if<Answer>(&source)) return *answer;
  // The announced size is not passed on: the object's bytes decide (issue 12, item 9).
  const auto& object = event.object;
  SourceObject target{object.name, object.generation, std::nullopt, object.content_type};
  ProcessReport report = processor_.Process(*std::get<Store*>(source), target);
  return AnswerReport(report, SecondsSince(start), fields, trace);
}

std::optional<Answer> Service::ScreenEvent(const events::Event& event, json& fields,
                                           const TraceContext* trace) {
  if (event.disposition == events::Disposition::kUnusable) {
    metrics_.CountEvent("unusable");
    fields["reason"] = event.reason;
    log_.Write(Severity::kError, "unusable event dropped (redelivery cannot help)", fields, trace);
    return JsonAnswer(200, {{"outcome", "unusable"}, {"reason", event.reason}});
  }
  if (event.disposition == events::Disposition::kIgnore) {
    metrics_.CountEvent("ignored");
    fields["reason"] = event.reason;
    log_.Write(Severity::kInfo, "event ignored", fields, trace);
    return JsonAnswer(200, {{"outcome", "ignored"}, {"reason", event.reason}});
  }
  const auto& object = event.object;
  fields["bucket"] = object.bucket;
  if (!options_.results_bucket.empty() && object.bucket == options_.results_bucket &&
      object.name.compare(0, options_.results_prefix.size(), options_.results_prefix) == 0 &&
      !options_.results_prefix.empty()) {
    metrics_.CountEvent("ignored");
    fields["reason"] = "object under the results prefix";
    log_.Write(Severity::kInfo, "event ignored", fields, trace);
    return JsonAnswer(200, {{"outcome", "ignored"}, {"reason", "object under the results prefix"}});
  }
  if (!options_.source_buckets.empty() &&
      std::find(options_.source_buckets.begin(), options_.source_buckets.end(), object.bucket) ==
          options_.source_buckets.end()) {
    // Confused deputy: a caller may not make us read a bucket the deployment did not name
    // and copy its documents into the results. Redelivery cannot change that: 200.
    metrics_.CountEvent("refused_bucket");
    fields["reason"] = "bucket not in SOURCE_BUCKETS";
    log_.Write(Severity::kWarning, "event refused: bucket not in SOURCE_BUCKETS", fields, trace);
    return JsonAnswer(200, {{"outcome", "refused"}, {"reason", "bucket not in SOURCE_BUCKETS"}});
  }
  return std::nullopt;
}

std::variant<Store*, Answer> Service::OpenSource(const std::string& bucket, json& fields,
                                                 const TraceContext* trace) {
  auto source = sources_.ForBucket(bucket);
  if (source.ok()) return *source;
  if (source.status().code() == StatusCode::kInvalidArgument) {
    metrics_.CountEvent("unusable");
    fields["reason"] = source.status().message();
    log_.Write(Severity::kError, "unusable event dropped (redelivery cannot help)", fields, trace);
    return JsonAnswer(200, {{"outcome", "unusable"}, {"reason", source.status().message()}});
  }
  metrics_.CountEvent("transient");
  fields["error"] = source.status().ToString();
  log_.Write(Severity::kError, "cannot open the source bucket", fields, trace);
  return JsonAnswer(503, {{"error", "source storage unavailable"}});
}

Answer Service::AnswerReport(const ProcessReport& report, double seconds, json& fields,
                             const TraceContext* trace) {
  const double engine_seconds =
      report.engine && report.engine->latency_ms ? *report.engine->latency_ms / 1000.0 : 0.0;
  fields["outcome"] = ToString(report.outcome);
  fields["duration_ms"] = seconds * 1000.0;
  if (report.engine && report.engine->latency_ms) fields["engine_ms"] = *report.engine->latency_ms;
  if (report.gate_wait_ms > 0) fields["gate_wait_ms"] = report.gate_wait_ms;
  if (report.source_read_ms > 0) fields["read_ms"] = report.source_read_ms;
  if (report.result_write_ms > 0) fields["write_ms"] = report.result_write_ms;
  if (report.result_status) fields["result_status"] = ToString(*report.result_status);
  if (report.error_code) fields["error_code"] = ToString(*report.error_code);
  CountResult(report);
  if (!report.delete_status.ok()) {
    json f = fields;
    f["error"] = report.delete_status.ToString();
    log_.Write(Severity::kWarning, "DELETE_SOURCE failed; will retry on redelivery", f, trace);
  }

  switch (report.outcome) {
    case Outcome::kWritten:
      if (report.engine_called) config_error_until_ns_.store(0);
      metrics_.CountEvent("processed");
      if (report.engine_called) metrics_.ObserveOverhead(seconds - engine_seconds);
      log_.Write(Severity::kInfo, "result written", fields, trace);
      return JsonAnswer(200,
                        {{"outcome", "written"},
                         {"status", ToString(report.result_status.value_or(ResultStatus::kOk))}});
    case Outcome::kDuplicate:
    case Outcome::kStale:
    case Outcome::kGone:
      metrics_.CountEvent(ToString(report.outcome));
      log_.Write(Severity::kInfo, "nothing to do", fields, trace);
      return JsonAnswer(200, {{"outcome", ToString(report.outcome)}});
    case Outcome::kTransient: {
      metrics_.CountEvent("transient");
      fields["error"] = report.status.ToString();
      log_.Write(Severity::kWarning, "transient failure, nothing written; sender will retry",
                 fields, trace);
      const int status = TransientHttpStatus(report.status);
      return JsonAnswer(status, {{"error", std::string(StatusCodeName(report.status.code()))}});
    }
    case Outcome::kFailed:
      break;
  }
  return AnswerFailure(report, fields, trace);
}

Answer Service::AnswerFailure(const ProcessReport& report, json& fields,
                              const TraceContext* trace) {
  fields["error"] = report.status.ToString();
  if (report.configuration_error) {
    // Every document would fail the same way: nothing is written, the sender keeps
    // redelivering, and /readyz fails until an operator fixes what the error names.
    NoteConfigurationError();
    metrics_.CountEvent("misconfigured");
    log_.Write(Severity::kError,
               "configuration error, nothing written: fix the variable named in `error`; "
               "redeliveries then succeed",
               fields, trace);
    return JsonAnswer(503, {{"error", "configuration"}});
  }
  if (report.status.code() == StatusCode::kInvalidArgument) {
    // The store refused the name (e.g. it would escape a folder): it never can succeed.
    metrics_.CountEvent("unusable");
    log_.Write(Severity::kError, "unusable event dropped (object name refused)", fields, trace);
    return JsonAnswer(200, {{"outcome", "unusable"}, {"reason", "object name refused"}});
  }
  // Permission or configuration problems: nothing was written; an operator can fix them,
  // and the sender's redelivery then succeeds.
  metrics_.CountEvent("failed");
  log_.Write(Severity::kError, "cannot process event, nothing written", fields, trace);
  return JsonAnswer(503, {{"error", std::string(StatusCodeName(report.status.code()))}});
}

Answer Service::HandleExtract(std::string bytes, std::string_view content_type,
                              std::string_view name, const TraceContext* trace) {
  if (auto refused = Admit("extract", trace)) return *refused;
  Slot slot(*this);
  const auto start = Steady::now();
  DocumentInput input;
  input.source.uri = "upload:" + SafeUploadName(name);
  if (!content_type.empty()) input.source.content_type = std::string(content_type.substr(0, 200));
  input.source.size_bytes = static_cast<std::int64_t>(bytes.size());
  input.bytes = std::move(bytes);
  input.ticket = EnterIfGated(options_.source_gate);
  auto result = extract_(std::move(input));
  json fields = {{"duration_ms", SecondsSince(start) * 1000.0}};
  if (!result.ok()) {
    fields["error"] = result.status().ToString();
    if (IsTransient(result.status().code())) {
      log_.Write(Severity::kWarning, "extract: transient failure", fields, trace);
      return JsonAnswer(TransientHttpStatus(result.status()),
                        {{"error", std::string(StatusCodeName(result.status().code()))}});
    }
    if (IsConfigurationError(result.status().code())) {
      NoteConfigurationError();
      log_.Write(Severity::kError,
                 "extract: configuration error: fix the variable named in `error`", fields, trace);
      return JsonAnswer(503, {{"error", "configuration"}});
    }
    log_.Write(Severity::kError, "extract: internal error", fields, trace);
    return JsonAnswer(500, {{"error", "internal error"}});
  }
  config_error_until_ns_.store(0);
  ProcessReport report;
  report.result_status = result->status;
  if (result->error) report.error_code = result->error->code;
  report.engine = result->engine;
  CountResult(report);
  fields["result_status"] = ToString(result->status);
  if (result->error) fields["error_code"] = ToString(result->error->code);
  log_.Write(Severity::kInfo, "extract answered", fields, trace);
  return Answer{200, "application/json", SerializeResult(*result) + "\n"};
}

Answer Service::Healthz() const { return JsonAnswer(200, {{"status", "up"}}); }

Answer Service::Readyz() const {
  if (draining_.load()) return JsonAnswer(503, {{"status", "draining"}});
  if (misconfigured_.load() || SteadyNowNs() < config_error_until_ns_.load()) {
    return JsonAnswer(503, {{"status", "misconfigured"}});
  }
  return JsonAnswer(200, {{"status", "ready"}});
}

void Service::MarkMisconfigured() { misconfigured_.store(true); }

void Service::NoteConfigurationError() {
  config_error_until_ns_.store(SteadyNowNs() + std::chrono::nanoseconds(kConfigErrorHold).count());
}

Answer Service::MetricsText() const {
  return Answer{200, "text/plain; version=0.0.4; charset=utf-8",
                metrics_.Render(in_flight_.load(), options_.max_in_flight)};
}

}  // namespace jae
