// GcsStore: a Store over the Cloud Storage JSON API (shared/reference/gcs-json-api.md).
//
// - Read = GET …/o/{name}?alt=media[&generation=N]; Stat = GET …/o/{name}; Write = one
//   multipart upload (metadata part with name and contentType, then the bytes) with
//   ifGenerationMatch; List = GET …/o?prefix=&pageToken=; Delete = DELETE …/o/{name}.
//   Names are percent-encoded as one path segment ('/' → %2F).
// - Retries with exponential backoff and full jitter on 408, 429, 5xx and transport
//   errors, honouring Retry-After (capped at the policy maximum so an event handler still
//   answers in time), and only for idempotent calls: every GET, and a write
//   or delete that carries a generation precondition. What still fails is Unavailable
//   (ResourceExhausted for 429); 404 → NotFound; 412 → FailedPrecondition. A create-only
//   write ("0") whose first attempt landed but whose answer was lost comes back as
//   FailedPrecondition from its retry: callers treat that as "already written".
// - List returns every object under the prefix, "folder" placeholders (names ending in
//   '/') included; callers skip what is not a document.
// - Authorization: Bearer from the token source when one is given (none for emulators).
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "auth/token_source.h"
#include "common/backoff.h"
#include "common/clock.h"
#include "common/env.h"
#include "common/retry_loop.h"
#include "http/http_client.h"
#include "store/store.h"

namespace jae {

inline constexpr std::string_view kGcsDefaultEndpoint = "https://storage.googleapis.com";

struct GcsStoreOptions {
  // API root: "/storage/v1/…" and "/upload/storage/v1/…" are appended.
  std::string endpoint = std::string(kGcsDefaultEndpoint);
  // Total worst-case wait ≈ 0.25+0.5+1+2 s: short enough for an event handler to answer
  // 503 in time and let Pub/Sub/Eventarc redeliver later.
  BackoffPolicy backoff{std::chrono::milliseconds(250), std::chrono::milliseconds(4000), 2.0};
  // When to stop: five attempts, the first included (no deadline: the timeout bounds each).
  RetryPolicy retry{.max_attempts = 5, .deadline = std::nullopt, .min_attempt_time = {}};
  std::chrono::milliseconds timeout{60000};  // per HTTP attempt
  int page_size = 1000;
  // How to wait between attempts (default: real time); tests record the delays.
  std::shared_ptr<RetryClock> clock;
  std::uint64_t seed = 0;  // backoff jitter; 0 = random
};

// The emulator root from STORAGE_EMULATOR_HOST (Python/Go/Node clients' name) or
// CLOUD_STORAGE_EMULATOR_ENDPOINT (google-cloud-cpp's), in that order; "http://" is
// added when the value has no scheme. nullopt when neither is set.
std::optional<std::string> GcsEmulatorEndpoint(const Env& env);

// `bucket` must be a valid bucket name; `prefix` ("" or "a/b", no trailing '/') is
// prepended to every object name with a '/'. The store shares `http` and `tokens`;
// `tokens` may be null (anonymous: emulators, public buckets).
StatusOr<std::unique_ptr<Store>> MakeGcsStore(std::string bucket, std::string prefix,
                                              std::shared_ptr<HttpClient> http,
                                              std::shared_ptr<AccessTokenSource> tokens,
                                              GcsStoreOptions options = {});

// Cloud Storage bucket naming rules (3–63 characters per dot-separated part, lower-case
// letters, digits, '-', '_', '.', starting and ending with a letter or digit).
Status ValidateBucketName(std::string_view bucket);

}  // namespace jae
