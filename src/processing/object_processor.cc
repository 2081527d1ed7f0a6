#include "processing/object_processor.h"

#include <algorithm>
#include <chrono>
#include <nlohmann/json.hpp>
#include <random>

#include "result/result_json.h"

namespace jae {
namespace {

// Results are small; anything bigger is not ours to parse.
constexpr std::int64_t kMaxResultBytes = 4 * 1024 * 1024;

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

double MillisSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
      .count();
}

ProcessReport Transient(Status status) {
  ProcessReport report;
  report.outcome = Outcome::kTransient;
  report.status = std::move(status);
  return report;
}

ProcessReport Failed(Status status) {
  ProcessReport report;
  report.outcome = IsTransient(status.code()) ? Outcome::kTransient : Outcome::kFailed;
  report.status = std::move(status);
  return report;
}

ProcessReport WithOutcome(Outcome outcome) {
  ProcessReport report;
  report.outcome = outcome;
  return report;
}

}  // namespace

bool GenerationIsNewer(std::string_view a, std::string_view b) {
  if (!AllDigits(a) || !AllDigits(b)) return false;
  a.remove_prefix(std::min(a.find_first_not_of('0'), a.size()));
  b.remove_prefix(std::min(b.find_first_not_of('0'), b.size()));
  if (a.size() != b.size()) return a.size() > b.size();
  return a > b;
}

bool IsConfigurationError(StatusCode code) {
  switch (code) {
    case StatusCode::kInvalidArgument:
    case StatusCode::kNotFound:
    case StatusCode::kPermissionDenied:
    case StatusCode::kUnauthenticated:
    case StatusCode::kFailedPrecondition:
      return true;
    default:
      return false;
  }
}

std::string_view ToString(Outcome outcome) {
  switch (outcome) {
    case Outcome::kWritten:
      return "written";
    case Outcome::kDuplicate:
      return "duplicate";
    case Outcome::kStale:
      return "stale";
    case Outcome::kGone:
      return "gone";
    case Outcome::kTransient:
      return "transient";
    case Outcome::kFailed:
      return "failed";
  }
  return "unknown";
}

ObjectProcessor::ObjectProcessor(Store& results, ProcessFn process, const Clock& clock,
                                 ProcessorOptions options)
    : results_(results), process_(std::move(process)), clock_(clock), options_(options) {}

ProcessReport ObjectProcessor::Process(Store& source, const SourceObject& object) {
  SourceObject resolved = object;
  if (resolved.generation.empty()) {
    auto meta = source.Stat(resolved.name);
    if (!meta.ok()) {
      if (meta.status().code() == StatusCode::kNotFound) return WithOutcome(Outcome::kGone);
      return Failed(meta.status());
    }
    resolved.generation = meta->generation;
    if (!resolved.size) resolved.size = meta->size;
    if (resolved.content_type.empty()) resolved.content_type = meta->content_type;
  }

  // One run per object generation in this process; concurrent duplicates wait for it.
  const std::string key = source.UriOf(resolved.name) + "#" + resolved.generation;
  std::promise<ProcessReport> promise;
  {
    std::unique_lock lock(mu_);
    if (auto it = running_.find(key); it != running_.end()) {
      std::shared_future<ProcessReport> first = it->second;
      lock.unlock();
      ProcessReport report = first.get();
      if (report.outcome == Outcome::kWritten) {
        return WithOutcome(Outcome::kDuplicate);
      }
      report.engine_called = false;  // that call was counted by the first delivery
      return report;
    }
    running_.emplace(key, promise.get_future().share());
  }
  const std::string name = resolved.name;
  ProcessReport report;
  try {
    report = Run(source, std::move(resolved));
    if (options_.after_result &&
        (report.outcome == Outcome::kWritten || report.outcome == Outcome::kDuplicate)) {
      report.after_result_status = options_.after_result(name);
      if (IsTransient(report.after_result_status.code())) {
        report.outcome = Outcome::kTransient;
        report.status = report.after_result_status;
      }
    }
  } catch (...) {
    // Whatever threw, this delivery wrote nothing it could vouch for; the waiters get the
    // same answer and the next delivery runs again (a broken promise would answer 500 to
    // every later delivery of this generation).
    report = Failed(InternalError("unexpected exception while processing"));
  }
  promise.set_value(report);
  std::lock_guard lock(mu_);
  running_.erase(key);
  return report;
}

StatusOr<ObjectProcessor::Existing> ObjectProcessor::LoadExisting(const std::string& result_name) {
  Existing existing;
  auto meta = results_.Stat(result_name);
  if (!meta.ok()) {
    if (meta.status().code() == StatusCode::kNotFound) return existing;
    return meta.status();
  }
  existing.present = true;
  existing.object_generation = meta->generation;
  auto bytes = results_.Read(result_name, meta->generation, kMaxResultBytes);
  if (!bytes.ok()) {
    // Replaced or deleted between Stat and Read: the caller's precondition will fail and
    // it will look again.
    if (bytes.status().code() == StatusCode::kNotFound ||
        bytes.status().code() == StatusCode::kFailedPrecondition) {
      return existing;
    }
    // A result too big or otherwise unreadable is replaced, not trusted.
    if (bytes.status().code() == StatusCode::kOutOfRange) return existing;
    return bytes.status();
  }
  // Only the recorded generation matters here; read it leniently so that a result written
  // by another version of jae-ocr still prevents a second model call.
  const auto json = nlohmann::json::parse(*bytes, nullptr, /*allow_exceptions=*/false);
  if (json.is_object()) {
    const auto source = json.find("source");
    if (source != json.end() && source->is_object()) {
      const auto generation = source->find("generation");
      if (generation != source->end() && generation->is_string()) {
        existing.source_generation = generation->get<std::string>();
      }
    }
  }
  return existing;
}

ProcessReport ObjectProcessor::Run(Store& source, SourceObject object) {
  const std::string result_name = ResultObjectName(object.name);
  auto existing = LoadExisting(result_name);
  if (!existing.ok()) return Failed(existing.status());
  if (existing->present && existing->source_generation == object.generation) {
    ProcessReport report = WithOutcome(Outcome::kDuplicate);
    MaybeDeleteSource(source, object, report);
    return report;
  }
  if (existing->present && GenerationIsNewer(existing->source_generation, object.generation)) {
    return WithOutcome(Outcome::kStale);
  }
  ProcessReport report;
  auto made = MakeResult(source, object, report);
  if (auto* instead = std::get_if<ProcessReport>(&made)) return std::move(*instead);
  const Result& result = std::get<Result>(made);
  report = WriteResult(result_name, object, *existing, result, std::move(report));
  if (report.outcome != Outcome::kWritten) return report;
  report.result_status = result.status;
  if (result.error) report.error_code = result.error->code;
  MaybeDeleteSource(source, object, report);
  return report;
}

std::variant<Result, ProcessReport> ObjectProcessor::MakeResult(Store& source,
                                                                const SourceObject& object,
                                                                ProcessReport& report) {
  SourceInfo info;
  info.uri = source.UriOf(object.name);
  info.generation = object.generation;
  if (!object.content_type.empty()) info.content_type = object.content_type;
  info.size_bytes = object.size;
  const auto too_large = [&] {
    return MakeRejected(info, ErrorCode::kTooLarge,
                        "source is larger than MAX_IMAGE_BYTES (" +
                            std::to_string(options_.max_image_bytes) + " bytes)",
                        FormatRfc3339(clock_.Now()));
  };
  if (object.size && *object.size > options_.max_image_bytes) return too_large();

  const auto gate_start = std::chrono::steady_clock::now();
  GateTicket ticket = EnterIfGated(options_.source_gate);
  report.gate_wait_ms = MillisSince(gate_start);
  const auto read_start = std::chrono::steady_clock::now();
  auto bytes = source.Read(object.name, object.generation, options_.max_image_bytes);
  report.source_read_ms = MillisSince(read_start);
  if (!bytes.ok()) {
    const StatusCode code = bytes.status().code();
    if (code == StatusCode::kNotFound || code == StatusCode::kFailedPrecondition) {
      return WithOutcome(Outcome::kGone);
    }
    if (code != StatusCode::kOutOfRange) return Failed(bytes.status());
    return too_large();
  }

  info.size_bytes = static_cast<std::int64_t>(bytes->size());
  DocumentInput input{info, std::move(*bytes), std::move(ticket)};
  report.engine_called = true;
  auto processed = process_(std::move(input));
  if (processed.ok()) {
    report.engine = processed->engine;
    return std::move(*processed);
  }
  const StatusCode code = processed.status().code();
  if (IsTransient(code) || IsConfigurationError(code)) {
    ProcessReport failed =
        IsTransient(code) ? Transient(processed.status()) : Failed(processed.status());
    failed.configuration_error = !IsTransient(code);
    failed.engine_called = true;
    failed.source_read_ms = report.source_read_ms;
    return failed;
  }
  // A bug or an unexpected permanent failure: recorded, so the document is not silently
  // lost and a new upload can try again. The message names no data.
  return MakeRejected(info, ErrorCode::kInternal,
                      "internal error: " + std::string(StatusCodeName(code)),
                      FormatRfc3339(clock_.Now()));
}

ProcessReport ObjectProcessor::WriteResult(const std::string& result_name,
                                           const SourceObject& object, const Existing& existing,
                                           const Result& result, ProcessReport report) {
  const std::string serialized = SerializeResult(result);
  std::string precondition = existing.present ? existing.object_generation : "0";
  const auto with_engine = [&report](ProcessReport ended) {
    ended.engine_called = report.engine_called;
    ended.engine = report.engine;
    return ended;
  };
  // Every end but "another writer came first with an older result" is final: Ok carries
  // the report to give. A failed precondition is idempotent to retry (it writes nothing).
  using Attempt = AttemptOutcome<ProcessReport>;
  const auto attempt = [&](std::chrono::milliseconds) -> Attempt {
    auto written = results_.Write(result_name, serialized, "application/json", precondition);
    if (written.ok()) return Attempt::Ok(WithOutcome(Outcome::kWritten));
    if (written.status().code() != StatusCode::kFailedPrecondition) {
      return Attempt::Ok(with_engine(Failed(written.status())));
    }
    // Someone else wrote meanwhile: theirs may already be this generation's result.
    auto now = LoadExisting(result_name);
    if (!now.ok()) return Attempt::Ok(Failed(now.status()));
    if (now->present && now->source_generation == object.generation) {
      return Attempt::Ok(with_engine(WithOutcome(Outcome::kDuplicate)));
    }
    if (now->present && GenerationIsNewer(now->source_generation, object.generation)) {
      return Attempt::Ok(with_engine(WithOutcome(Outcome::kStale)));
    }
    precondition = now->present ? now->object_generation : "0";
    return Attempt::Transient(UnavailableError("result kept changing while writing it"));
  };
  Backoff backoff(options_.write_backoff, std::random_device{}());
  const auto write_start = std::chrono::steady_clock::now();
  auto ended = RetryLoop<ProcessReport>(options_.write_retry, Idempotency::kIdempotent, backoff,
                                        *options_.retry_clock, "writing the result", attempt);
  if (!ended.ok()) return Transient(ended.status());
  if (ended->outcome != Outcome::kWritten) return std::move(*ended);
  report.result_write_ms = MillisSince(write_start);
  report.outcome = Outcome::kWritten;
  return report;
}

void ObjectProcessor::MaybeDeleteSource(Store& source, const SourceObject& object,
                                        ProcessReport& report) {
  if (!options_.delete_source) return;
  Status deleted = source.Delete(object.name, object.generation);
  if (!deleted.ok() && deleted.code() != StatusCode::kNotFound &&
      deleted.code() != StatusCode::kFailedPrecondition) {
    report.delete_status = std::move(deleted);
  }
}

}  // namespace jae
