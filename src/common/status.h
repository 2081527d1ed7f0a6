// Status and StatusOr: how every boundary in jae-ocr reports failure.
//
// Modelled on absl::Status / google::cloud::Status so that callers can tell a
// transient failure (retry later: the server answers 429/503) from a permanent one
// (the input can never succeed: a `rejected` result) without parsing messages.
#pragma once

#include <cassert>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace jae {

enum class StatusCode {
  kOk,
  kInvalidArgument,     // the caller's input is wrong; never retried
  kNotFound,            // the object/file/model does not exist
  kAlreadyExists,       // e.g. a result for this generation is already stored
  kFailedPrecondition,  // a precondition (ifGenerationMatch) did not hold
  kPermissionDenied,    // auth refused; configuration problem, not retried
  kUnauthenticated,
  kResourceExhausted,  // quota / too many in flight; transient
  kUnavailable,        // service down, network error; transient
  kDeadlineExceeded,   // ran out of time; transient
  kCancelled,
  kOutOfRange,
  kUnimplemented,
  kDataLoss,
  kInternal,
};

std::string_view StatusCodeName(StatusCode code);

// True for codes that a later attempt may turn into success.
bool IsTransient(StatusCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // "CODE: message", for logs and error output.
  std::string ToString() const;

  friend bool operator==(const Status& a, const Status& b) {
    return a.code_ == b.code_ && a.message_ == b.message_;
  }

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

inline Status OkStatus() { return {}; }
inline Status InvalidArgumentError(std::string m) {
  return {StatusCode::kInvalidArgument, std::move(m)};
}
inline Status NotFoundError(std::string m) { return {StatusCode::kNotFound, std::move(m)}; }
inline Status UnavailableError(std::string m) { return {StatusCode::kUnavailable, std::move(m)}; }
inline Status InternalError(std::string m) { return {StatusCode::kInternal, std::move(m)}; }
inline Status FailedPreconditionError(std::string m) {
  return {StatusCode::kFailedPrecondition, std::move(m)};
}
inline Status ResourceExhaustedError(std::string m) {
  return {StatusCode::kResourceExhausted, std::move(m)};
}
inline Status DeadlineExceededError(std::string m) {
  return {StatusCode::kDeadlineExceeded, std::move(m)};
}

// Either a value or a non-OK Status. Accessing the value of an error is a bug
// (asserted), so callers test ok() first, as with absl::StatusOr.
template <typename T>
class [[nodiscard]] StatusOr {
 public:
  StatusOr(T value) : rep_(std::move(value)) {}        // NOLINT: implicit by design
  StatusOr(Status status) : rep_(std::move(status)) {  // NOLINT: implicit by design
    assert(!std::get<Status>(rep_).ok() && "StatusOr built from an OK status");
    if (std::get<Status>(rep_).ok())
      rep_ = Status(StatusCode::kInternal, "OK status without value");
  }

  bool ok() const { return std::holds_alternative<T>(rep_); }
  Status status() const { return ok() ? Status() : std::get<Status>(rep_); }

  T& value() & { return std::get<T>(rep_); }
  const T& value() const& { return std::get<T>(rep_); }
  T&& value() && { return std::get<T>(std::move(rep_)); }

  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T&& operator*() && { return std::move(*this).value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  std::variant<Status, T> rep_;
};

}  // namespace jae

// Propagates a non-OK Status from an expression returning Status.
#define JAE_RETURN_IF_ERROR(expr)              \
  do {                                         \
    ::jae::Status jae_status_ = (expr);        \
    if (!jae_status_.ok()) return jae_status_; \
  } while (0)
