// AccessTokenSource: OAuth2 access tokens for Google APIs (Vertex AI, GCS).
//
// Contract: Token() returns a token valid for at least the next minute, from a cache
// when possible; implementations refresh before expiry and let only one caller refresh
// at a time under concurrency. Failure to obtain one is Unavailable (transient: the
// metadata server or token endpoint is down) or Unauthenticated/PermissionDenied
// (configuration: bad key file). Tokens are never logged.
#pragma once

#include <memory>
#include <string>

#include "common/status.h"

namespace jae {

class AccessTokenSource {
 public:
  virtual ~AccessTokenSource() = default;
  virtual StatusOr<std::string> Token() = 0;
};

// A fixed token, for tests and emulators.
class StaticTokenSource final : public AccessTokenSource {
 public:
  explicit StaticTokenSource(std::string token) : token_(std::move(token)) {}
  StatusOr<std::string> Token() override { return token_; }

 private:
  std::string token_;
};

}  // namespace jae
