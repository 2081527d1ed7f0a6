// Exponential backoff with full jitter (the AWS/Google recommendation): the n-th delay
// is uniform in [0, min(max, initial * multiplier^n)]. A server-provided delay
// (Retry-After, RetryInfo) replaces the computed one when larger.
//
// Why no attempt limit here: how long to wait is the backoff's business, when to stop is
// the retry policy's (RetryPolicy in common/retry_loop.h), as in google-cloud-cpp.
#pragma once

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <random>

namespace jae {

struct BackoffPolicy {
  std::chrono::milliseconds initial{500};
  std::chrono::milliseconds maximum{16000};
  double multiplier = 2.0;
};

class Backoff {
 public:
  Backoff(BackoffPolicy policy, std::uint64_t seed) : policy_(policy), rng_(seed) {}

  // The delay before the next attempt; `server_hint` (0 if none) is honoured as a floor.
  std::chrono::milliseconds NextDelay(std::chrono::milliseconds server_hint = {}) {
    double cap = static_cast<double>(policy_.initial.count());
    for (int i = 0; i < attempt_ && cap < policy_.maximum.count(); ++i) cap *= policy_.multiplier;
    cap = std::min(cap, static_cast<double>(policy_.maximum.count()));
    ++attempt_;
    std::uniform_real_distribution<double> jitter(0.0, cap);
    const auto computed = std::chrono::milliseconds(static_cast<std::int64_t>(jitter(rng_)));
    return std::max(computed, server_hint);
  }

  int attempts_so_far() const { return attempt_; }

 private:
  BackoffPolicy policy_;
  std::mt19937_64 rng_;
  int attempt_ = 0;
};

}  // namespace jae
