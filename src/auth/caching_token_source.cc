#include "auth/caching_token_source.h"

#include <utility>

namespace jae {

CachingTokenSource::CachingTokenSource(std::unique_ptr<TokenFetcher> fetcher,
                                       std::shared_ptr<const Clock> clock,
                                       std::chrono::seconds refresh_margin)
    : fetcher_(std::move(fetcher)), clock_(std::move(clock)), refresh_margin_(refresh_margin) {}

bool CachingTokenSource::ValidFor(std::chrono::seconds d) const {
  return token_.has_value() && clock_->Now() + d < expiry_;
}

StatusOr<std::string> CachingTokenSource::Token() {
  MutexLock lock(mu_);
  while (true) {
    if (ValidFor(refresh_margin_)) return *token_;
    if (!refreshing_) break;
    // Someone else is refreshing: the old token is still good enough, or wait for theirs.
    if (ValidFor(kMinimumValidity)) return *token_;
    const std::uint64_t seen = refresh_count_;
    refreshed_.wait(lock.unique_lock(), [&] {
      mu_.AssertHeld();  // the wait runs the predicate under the lock
      return refresh_count_ != seen;
    });
    if (ValidFor(kMinimumValidity)) return *token_;
    if (!last_error_.ok()) return last_error_;
  }

  refreshing_ = true;
  const auto started = clock_->Now();
  lock.Unlock();
  StatusOr<FetchedToken> fetched = fetcher_->Fetch();
  lock.Lock();
  refreshing_ = false;
  ++refresh_count_;
  if (fetched.ok() && fetched->expires_in <= kMinimumValidity) {
    fetched =
        Status(StatusCode::kUnavailable, "token endpoint returned a token that expires in " +
                                             std::to_string(fetched->expires_in.count()) + " s");
  }
  if (!fetched.ok()) {
    last_error_ = fetched.status();
    refreshed_.notify_all();
    if (ValidFor(kMinimumValidity)) return *token_;  // refresh early failed: keep the old one
    return last_error_;
  }
  last_error_ = OkStatus();
  token_ = std::move(fetched->access_token);
  // Measured from before the request, so the cache never outlives the real token.
  expiry_ = started + fetched->expires_in;
  refreshed_.notify_all();
  return *token_;
}

}  // namespace jae
