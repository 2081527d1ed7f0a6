// Service: what `jae-ocr serve` answers, independent of the HTTP library so that tests
// can drive it directly. HttpServer (http_server.h) maps routes onto these calls.
//
// Status codes follow CONTRACT.md "Event answers" exactly, because they drive the
// sender's retries (Pub/Sub push acks only 102/200/201/202/204):
//  - 200: a result was written, or the event is not for us, or it can never succeed
//         (unusable: logged as an error, counted in jae_events_total{outcome="unusable"});
//  - 400: the request is not an event at all;
//  - 429: too many in flight (MAX_INFLIGHT) or model quota;
//  - 503: model or storage unavailable, timeouts, draining. Nothing is written.
// Thread-safe.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "common/admission_gate.h"
#include "common/clock.h"
#include "common/log.h"
#include "events/event.h"
#include "processing/object_processor.h"
#include "processing/source_stores.h"
#include "service/check_route.h"
#include "service/metrics.h"

namespace jae {

struct ServiceOptions {
  int max_in_flight = 64;
  std::int64_t max_image_bytes = 20 * 1024 * 1024;
  // Where results go when they are in a bucket: events for objects under this bucket and
  // prefix are our own output and are ignored (results bucket == source bucket).
  std::string results_bucket;
  std::string results_prefix;  // "" or ending in '/'
  // SOURCE_BUCKETS: the buckets whose events are processed; events naming another bucket
  // are refused with 200 (redelivery cannot help), logged and counted. Empty: any bucket.
  std::vector<std::string> source_buckets;
  // Entered by POST /v1/extract before its upload is normalised (the same gate as the
  // processor's, so uploads and events share the decoding slots). Null: no limit.
  AdmissionGate* source_gate = nullptr;
};

struct Answer {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
};

class Service {
 public:
  // Everything passed by reference must outlive the Service.
  Service(ServiceOptions options, ObjectProcessor& processor, SourceStores& sources,
          ProcessFn extract, JsonLog& log, Metrics& metrics);

  Answer HandleEvent(const events::EventHeaders& headers, std::string_view body,
                     const TraceContext* trace);
  // A direct upload; `name` is the client's file name (may be empty), untrusted.
  Answer HandleExtract(std::string bytes, std::string_view content_type, std::string_view name,
                       const TraceContext* trace);
  // POST /v1/check (service/check_route.cc).
  Answer HandleCheck(CheckRequest request, const TraceContext* trace);
  Answer Healthz() const;
  // 503 while draining, after a configuration error (for a minute, or until a document
  // succeeds), or for good after MarkMisconfigured.
  Answer Readyz() const;
  // A configuration problem found outside a request (e.g. the image module did not load):
  // /readyz answers 503 until the process is restarted with the fix.
  void MarkMisconfigured();
  Answer MetricsText() const;

  // SIGTERM: stop taking work. /readyz and new work answer 503 from now on.
  void BeginDrain();
  bool draining() const { return draining_.load(); }
  int in_flight() const { return in_flight_.load(); }
  // Waits until nothing is in flight; false if `deadline` passed first.
  bool WaitIdle(std::chrono::steady_clock::time_point deadline);

  Metrics& metrics() { return metrics_; }
  JsonLog& log() { return log_; }

 private:
  class Slot;  // one unit of MAX_INFLIGHT, released on destruction
  std::optional<Answer> Admit(std::string_view what, const TraceContext* trace);
  void Release();
  void CountResult(const ProcessReport& report);
  // HandleEvent's stages. `fields` are the event's log fields, completed by each stage.
  // An answer for an event that is not to be processed here (unusable, ignored, refused).
  std::optional<Answer> ScreenEvent(const events::Event& event, nlohmann::json& fields,
                                    const TraceContext* trace);
  // The source bucket's store, or the answer when it cannot be opened.
  std::variant<Store*, Answer> OpenSource(const std::string& bucket, nlohmann::json& fields,
                                          const TraceContext* trace);
  Answer AnswerReport(const ProcessReport& report, double seconds, nlohmann::json& fields,
                      const TraceContext* trace);
  Answer AnswerFailure(const ProcessReport& report, nlohmann::json& fields,
                       const TraceContext* trace);

  ServiceOptions options_;
  ObjectProcessor& processor_;
  SourceStores& sources_;
  ProcessFn extract_;
  JsonLog& log_;
  Metrics& metrics_;

  void NoteConfigurationError();

  std::atomic<bool> draining_{false};
  // Configuration errors make /readyz fail: for good (a module that did not load), or
  // until a document succeeds or a minute passes (credentials fixed outside the process).
  std::atomic<bool> misconfigured_{false};
  std::atomic<std::int64_t> config_error_until_ns_{0};
  std::atomic<int> in_flight_{0};
  // A full service refuses every retry of every waiting sender (the load benchmark: up to
  // ~1,700 a second); each is counted in jae_events_total, but a line for each would flood
  // Cloud Logging (billed per GiB). One warning a second at most, with the count.
  std::atomic<std::int64_t> next_busy_log_ns_{0};
  std::atomic<int> busy_unlogged_{0};
  std::mutex idle_mu_;
  std::condition_variable idle_cv_;
};

// 429 for quota (ResourceExhausted), else 503.
int TransientHttpStatus(const Status& status);

}  // namespace jae
