// Event mode's player check: the documents uploaded under one folder of the inbox
// (`<...>/<dossier>/<file>`) are one player's dossier, and after each of their results
// is stored, `<results>/<...>/<dossier>/check.json` is rewritten from every result of
// that dossier (CONTRACT.md "Storage URIs").
//
// Contract:
//  - Read-modify-write under a generation precondition: the check object's generation
//    is read *before* the dossier's results are listed, and the new check is written
//    with ifGenerationMatch on it ("0" when absent; the local store's equivalent). A
//    writer whose precondition fails starts again from the read, so of two documents
//    finishing at once the last successful write has seen both results.
//  - A check equal to the stored one is not written: a redelivered event changes nothing.
//  - Past check::kMaxDocuments results, the others are named in the check but not read.
//  - Sources at the top of the inbox (no folder) have no dossier: nothing is done.
//  - The match date is the day of the update (the clock): event mode has no match date.
//  - Never logs (the caller logs its report; a check holds personal data).
//  - Thread-safe (no state besides the references it holds).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "common/clock.h"
#include "common/retry_loop.h"
#include "common/status.h"
#include "store/store.h"

namespace jae {

inline constexpr std::string_view kDossierCheckName = "check.json";

// "club/dupont/cni.jpg" -> "club/dupont/"; "cni.jpg" -> nullopt.
std::optional<std::string> DossierOf(std::string_view source_name);

struct DossierCheckOptions {
  // Precondition conflicts (another writer came first) before giving up; between two
  // tries a short, growing, jittered wait, since a tight loop would only collide again
  // with the same writer. The clock is the test seam.
  RetryPolicy retry{.max_attempts = 25, .deadline = std::nullopt, .min_attempt_time = {}};
  BackoffPolicy backoff{std::chrono::milliseconds(5), std::chrono::milliseconds(100), 2.0};
  std::shared_ptr<RetryClock> retry_clock = std::make_shared<RealRetryClock>();
  std::int64_t max_result_bytes = 1 << 20;  // a larger result is not read (no_result)
};

class DossierChecks {
 public:
  // `results` and `clock` must outlive this object.
  DossierChecks(Store& results, const Clock& clock, DossierCheckOptions options = {});

  // Brings the check of `source_name`'s dossier up to date. Non-OK: storage failures
  // (transient codes when a retry may help, Unavailable after `retry.max_attempts`
  // conflicts).
  Status Update(std::string_view source_name);

 private:
  // One read-modify-write; FailedPrecondition when another writer came first.
  Status Attempt(const std::string& dossier);

  Store& results_;
  const Clock& clock_;
  DossierCheckOptions options_;
};

}  // namespace jae
