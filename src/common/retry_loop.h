// RetryLoop: the one loop that retries an operation against a remote service (GCS, Gemini,
// token endpoints, a batch's documents). Modelled on google-cloud-cpp's RetryLoop: the
// attempt says what happened (ok / transient with the server's hint / permanent), a
// RetryPolicy says when to stop (attempts, deadline), a Backoff says how long to wait,
// the idempotency of the operation says whether a second attempt is allowed at all, and
// a RetryClock is the only way to read the time or wait, so tests never sleep.
//
// Contract:
// - An attempt runs only when at least `min_attempt_time` is left before the deadline; it
//   is told how much time is left (to bound its own timeout).
// - kOk and kPermanent end the loop at once with the attempt's value or status.
// - kTransient is retried after Backoff::NextDelay(hint) while attempts remain, the
//   operation is idempotent and the wait plus `min_attempt_time` fits before the
//   deadline. A non-idempotent operation is attempted once: its transient status is
//   returned as is.
// - When it gives up, the status keeps the last transient code and says where and why:
//   "<operation> <why> after N attempt(s); last error: <message>".
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "common/backoff.h"
#include "common/clock.h"
#include "common/status.h"

namespace jae {

enum class Idempotency { kIdempotent, kNonIdempotent };

struct RetryPolicy {
  int max_attempts = 5;  // transient failures tolerated, the first attempt included
  std::optional<std::chrono::steady_clock::time_point> deadline;
  // Below this much time left an attempt cannot succeed; stop instead of starting one.
  std::chrono::milliseconds min_attempt_time{0};
};

// What one attempt says. Build it with the factory functions.
template <typename T>
class AttemptOutcome {
 public:
  enum class Kind { kOk, kTransient, kPermanent };

  static AttemptOutcome Ok(T value) {
    AttemptOutcome o(Kind::kOk, OkStatus());
    o.value_.emplace(std::move(value));
    return o;
  }
  // `server_hint`: the server's Retry-After / RetryInfo, honoured as a floor.
  static AttemptOutcome Transient(Status status, std::chrono::milliseconds server_hint = {}) {
    AttemptOutcome o(Kind::kTransient, std::move(status));
    o.hint_ = server_hint;
    return o;
  }
  static AttemptOutcome Permanent(Status status) {
    return AttemptOutcome(Kind::kPermanent, std::move(status));
  }

  Kind kind() const { return kind_; }
  std::chrono::milliseconds server_hint() const { return hint_; }
  const Status& status() const { return status_; }
  StatusOr<T> TakeResult() {
    if (value_) return std::move(*value_);
    return status_;
  }

 private:
  AttemptOutcome(Kind kind, Status status) : kind_(kind), status_(std::move(status)) {}
  Kind kind_;
  Status status_;
  std::optional<T> value_;
  std::chrono::milliseconds hint_{};
};

// `attempt(time_left)`: time_left is milliseconds::max() without a deadline.
template <typename T>
StatusOr<T> RetryLoop(
    const RetryPolicy& policy, Idempotency idempotency, Backoff& backoff, RetryClock& clock,
    std::string_view operation,
    const std::function<AttemptOutcome<T>(std::chrono::milliseconds time_left)>& attempt) {
  using std::chrono::milliseconds;
  const auto give_up = [&](const Status& last, int attempts, const std::string& why) {
    return Status(last.code(), std::string(operation) + " " + why + " after " +
                                   std::to_string(attempts) +
                                   " attempt(s); last error: " + last.message());
  };
  const auto time_left = [&]() -> milliseconds {
    if (!policy.deadline) return milliseconds::max();
    return std::chrono::duration_cast<milliseconds>(*policy.deadline - clock.Now());
  };
  std::optional<Status> last_transient;
  for (int attempts = 0;;) {
    const milliseconds left = time_left();
    if (left < policy.min_attempt_time || left <= milliseconds::zero()) {
      if (last_transient) return give_up(*last_transient, attempts, "deadline reached");
      return DeadlineExceededError(std::string(operation) +
                                   ": no time left for an attempt before the deadline");
    }
    ++attempts;
    AttemptOutcome<T> outcome = attempt(left);
    if (outcome.kind() != AttemptOutcome<T>::Kind::kTransient) return outcome.TakeResult();
    Status status = outcome.status();
    if (idempotency == Idempotency::kNonIdempotent) return status;
    if (attempts >= std::max(1, policy.max_attempts)) {
      return give_up(status, attempts, "still failing");
    }
    const milliseconds delay = backoff.NextDelay(outcome.server_hint());
    if (policy.deadline && clock.Now() + delay + policy.min_attempt_time >= *policy.deadline) {
      return give_up(status, attempts,
                     "stopped (the next retry, in " + std::to_string(delay.count()) +
                         " ms, would pass the deadline)");
    }
    last_transient = std::move(status);
    clock.SleepFor(delay);
  }
}

}  // namespace jae
