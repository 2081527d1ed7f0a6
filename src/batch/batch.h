// Helpers shared by the batch modes (`watch`, `backfill`): which names are documents,
// processing with retries for transient failures, tallies, and terminal progress.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdio>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "common/retry_loop.h"
#include "processing/object_processor.h"

namespace jae {

// True for names worth processing: not a result (.json), not hidden or a temporary file
// of a writer still at work (".x", "x.tmp", "x.part", "x.crdownload", "x~"), not a
// folder placeholder, and not under `results_prefix` (when results live inside the source).
bool IsDocumentName(std::string_view name, std::string_view results_prefix);

// When `inner` is a location inside `outer` (both URIs or paths), the object-name prefix
// of `inner` within `outer`, ending in '/'; otherwise "".
std::string NestedPrefix(const std::string& outer, const std::string& inner);

// How a batch retries a document whose processing failed transiently (model or storage
// unavailable): a few attempts a second or more apart, so that a short outage does not
// fail a whole backfill. The clock is the test seam.
struct BatchRetry {
  RetryPolicy policy{4, std::nullopt, std::chrono::milliseconds(0)};
  BackoffPolicy backoff{std::chrono::milliseconds(1000), std::chrono::milliseconds(16000), 2.0};
  std::shared_ptr<RetryClock> clock = std::make_shared<RealRetryClock>();
};

// Process, retrying kTransient outcomes through RetryLoop; the last report when it gives up.
ProcessReport ProcessWithRetries(ObjectProcessor& processor, Store& source,
                                 const SourceObject& object, const BatchRetry& retry);

struct Tally {
  std::atomic<int> ok{0};        // result written, ok
  std::atomic<int> rejected{0};  // result written, rejected
  std::atomic<int> skipped{0};   // already had a result, stale, or gone
  std::atomic<int> failed{0};    // nothing written

  void Add(const ProcessReport& report);
  int done() const { return ok + rejected + skipped + failed; }
  // 0 when nothing was rejected or failed, else 1 (CONTRACT.md exit status).
  int ExitCode() const { return rejected + failed == 0 ? 0 : 1; }
  std::string Summary() const;
};

// A one-line progress display on stderr, only when stderr is a terminal.
class Progress {
 public:
  explicit Progress(std::string label);
  ~Progress();
  void Update(int done, int total);

 private:
  std::string label_;
  bool enabled_;
};

}  // namespace jae
