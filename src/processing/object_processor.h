// ObjectProcessor: one source object → at most one stored result, exactly once per
// object generation. Shared by `serve` (events), `watch` and `backfill`.
//
// Contract:
//  - The result for source `name` is `<results>/<name>.json` and records the source's
//    generation. If it already records this generation, nothing is read, no model is
//    called and nothing is written (kDuplicate). If it records a newer generation, the
//    event is stale (kStale). Otherwise the document is processed and the result written
//    with ifGenerationMatch (absent → "0", else the result's current generation), so two
//    racing deliveries cannot both write; the loser re-reads and reports kDuplicate.
//    Concurrent calls for the same object generation in this process share one run.
//  - A transient failure (storage, model quota/outage, timeouts) writes nothing and
//    reports kTransient: the caller answers 429/503 or retries later.
//  - A configuration failure of the processing function (IsConfigurationError: model not
//    found, credentials refused, request refused, module missing, output limit) writes
//    nothing either and reports kFailed with `configuration_error`: every document would
//    fail the same way, so none may get a final result before the operator fixes it (the
//    sender's redeliveries then succeed). Other permanent failures (kInternal: a bug met
//    by this document) are recorded as a `rejected` internal result.
//  - Storage failures are never final unless the store refused the name itself
//    (InvalidArgument from its own checks): they report kFailed/kTransient, nothing is
//    acknowledged as done.
//  - An exception from the processing function or a store is caught: the delivery
//    reports kFailed (Internal) and later deliveries of the generation run again.
//  - Sources above `max_image_bytes` get a `rejected` too_large result without being read.
//  - `delete_source`: the source generation is deleted only after its result is written
//    (and again on a duplicate delivery, in case the first delete failed).
//  - Never logs; the caller logs the report (which holds no personal data).
//  - Thread-safe.
#pragma once

#include <cstdint>
#include <functional>
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <variant>

#include "common/admission_gate.h"
#include "common/clock.h"
#include "common/retry_loop.h"
#include "common/status.h"
#include "pipeline/pipeline.h"
#include "result/result.h"
#include "store/store.h"

namespace jae {

// True when generation `a` is later than `b` (both decimal digits; otherwise false).
bool GenerationIsNewer(std::string_view a, std::string_view b);

// Turns one document into a Result; in production ProcessDocument with an Engine.
using ProcessFn = std::function<StatusOr<Result>(DocumentInput)>;

// True for the codes a ProcessFn returns when the deployment, not the document, is at
// fault: InvalidArgument (the model API refused the request), NotFound (model retired),
// PermissionDenied, Unauthenticated, FailedPrecondition (module missing, output limit).
bool IsConfigurationError(StatusCode code);

struct ProcessorOptions {
  std::int64_t max_image_bytes = 20 * 1024 * 1024;
  bool delete_source = false;
  // Writing the result when another writer keeps replacing it (precondition failures
  // whose winner is not this generation's result): three tries, then kTransient (the
  // sender redelivers). No wait by default: the rival has already written, so the next
  // try can only meet a newer rival. The clock is the test seam.
  RetryPolicy write_retry{.max_attempts = 3, .deadline = std::nullopt, .min_attempt_time = {}};
  BackoffPolicy write_backoff{std::chrono::milliseconds(0), std::chrono::milliseconds(0), 2.0};
  std::shared_ptr<RetryClock> retry_clock = std::make_shared<RealRetryClock>();
  // Entered before a source is read; the ticket travels in the DocumentInput and is let
  // go of once the image is normalised. Null: no limit.
  AdmissionGate* source_gate = nullptr;
  // Called with the source name once its result is stored (kWritten) or found stored
  // (kDuplicate): event mode's player check (processing/dossier_check.h). A transient
  // error turns the report into kTransient, so that the event is delivered again and the
  // call repeated (the result itself is then a duplicate); another error is reported in
  // `after_result_status` only. Empty: nothing.
  std::function<Status(std::string_view source_name)> after_result{};
};

struct SourceObject {
  std::string name;
  std::string generation;            // empty: the processor Stats the source
  std::optional<std::int64_t> size;  // as announced; the read is bounded anyway
  std::string content_type;          // declared, untrusted
};

enum class Outcome {
  kWritten,    // a result (ok or rejected) was stored
  kDuplicate,  // a result for this generation already existed; nothing done
  kStale,      // a result for a newer generation exists; nothing done
  kGone,       // this source generation no longer exists; nothing to do
  kTransient,  // nothing written; a later attempt may succeed
  kFailed,     // nothing written; a permanent problem (see status)
};
std::string_view ToString(Outcome outcome);

struct ProcessReport {
  Outcome outcome = Outcome::kFailed;
  Status status;                              // why, for kTransient / kFailed
  std::optional<ResultStatus> result_status;  // kWritten
  std::optional<ErrorCode> error_code;        // kWritten, rejected
  std::optional<EngineInfo> engine;           // when the engine ran
  bool engine_called = false;
  bool configuration_error = false;  // kFailed: IsConfigurationError(status.code())
  Status delete_status;              // a failed DELETE_SOURCE (the result is stored regardless)
  double gate_wait_ms = 0;           // time waiting for the source gate (queueing, not work)
  double source_read_ms = 0;         // time spent reading the source
  double result_write_ms = 0;
  Status after_result_status;  // a failed ProcessorOptions::after_result
};

class ObjectProcessor {
 public:
  // `results` must outlive the processor.
  ObjectProcessor(Store& results, ProcessFn process, const Clock& clock, ProcessorOptions options);

  ProcessReport Process(Store& source, const SourceObject& object);

 private:
  struct Existing {
    bool present = false;
    std::string object_generation;  // of the result object (precondition)
    std::string source_generation;  // recorded in it; empty if unreadable
  };
  StatusOr<Existing> LoadExisting(const std::string& result_name);
  ProcessReport Run(Store& source, SourceObject object);
  // Reads the source and runs the processing function: the Result to store, or the report
  // to give instead (gone, transient, configuration error). Fills `report`'s timings.
  std::variant<Result, ProcessReport> MakeResult(Store& source, const SourceObject& object,
                                                 ProcessReport& report);
  // Stores `result` under the generation precondition (see the contract), on RetryLoop.
  ProcessReport WriteResult(const std::string& result_name, const SourceObject& object,
                            const Existing& existing, const Result& result, ProcessReport report);
  void MaybeDeleteSource(Store& source, const SourceObject& object, ProcessReport& report);

  Store& results_;
  ProcessFn process_;
  const Clock& clock_;
  ProcessorOptions options_;

  std::mutex mu_;
  std::map<std::string, std::shared_future<ProcessReport>> running_;  // by source uri#generation
};

}  // namespace jae
