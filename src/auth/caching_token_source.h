// CachingTokenSource: the AccessTokenSource every credential kind shares. It asks its
// TokenFetcher for a new token only when the cached one is within `refresh_margin` of
// expiry, and lets one caller refresh at a time: the others keep using the cached token
// while it is still valid for at least a minute, and otherwise wait for that refresh and
// share its outcome (a failed refresh is not repeated by every waiter in turn).
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "auth/token_source.h"
#include "common/clock.h"
#include "common/status.h"
#include "common/thread_annotations.h"

namespace jae {

struct FetchedToken {
  std::string access_token;
  std::chrono::seconds expires_in{0};
};

// One round trip to a token endpoint. Called by one thread at a time.
class TokenFetcher {
 public:
  virtual ~TokenFetcher() = default;
  virtual StatusOr<FetchedToken> Fetch() = 0;
};

class CachingTokenSource final : public AccessTokenSource {
 public:
  static constexpr std::chrono::seconds kDefaultRefreshMargin{300};
  // Tokens handed out are valid for at least this long (the AccessTokenSource contract).
  static constexpr std::chrono::seconds kMinimumValidity{60};

  CachingTokenSource(std::unique_ptr<TokenFetcher> fetcher, std::shared_ptr<const Clock> clock,
                     std::chrono::seconds refresh_margin = kDefaultRefreshMargin);

  StatusOr<std::string> Token() JAE_EXCLUDES(mu_) override;

 private:
  bool ValidFor(std::chrono::seconds d) const JAE_REQUIRES(mu_);

  const std::unique_ptr<TokenFetcher> fetcher_;
  const std::shared_ptr<const Clock> clock_;
  const std::chrono::seconds refresh_margin_;

  Mutex mu_;
  std::condition_variable refreshed_;
  bool refreshing_ JAE_GUARDED_BY(mu_) = false;
  std::uint64_t refresh_count_ JAE_GUARDED_BY(mu_) = 0;  // completed refreshes, ok or not
  std::optional<std::string> token_ JAE_GUARDED_BY(mu_);
  std::chrono::system_clock::time_point expiry_ JAE_GUARDED_BY(mu_) = {};
  Status last_error_ JAE_GUARDED_BY(mu_);
};

}  // namespace jae
