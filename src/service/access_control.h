// Access control for the routes that answer personal data (`/v1/*`) and the web app
// (`/app/`). Events (`POST /`) and probes are not gated here: Eventarc/Pub/Sub push are
// authenticated by the platform, and SOURCE_BUCKETS bounds what an event may name.
//
// Contract (CONTRACT.md "Environment"): a request is allowed when
//  (a) its peer is a loopback address (127.0.0.0/8, ::1, ::ffff:127.x);
//  (b) it carries `x-goog-iap-jwt-assertion`, an ES256 JWT from Identity-Aware Proxy that
//      verifies against the IAP key set (fetched from `IAP_JWKS_URL`, default Google's
//      public URL, and cached), issuer https://cloud.google.com/iap, audience IAP_AUDIENCE
//      (only when IAP_AUDIENCE is set);
//  (c) it carries `Authorization: Bearer T` and the lower-case hex SHA-256 of T is a line
//      of ACCESS_TOKENS_FILE (blank lines and `#` comments ignored);
//  (d) TRUST_PLATFORM_AUTH=true (Cloud Run --no-allow-unauthenticated: the platform has
//      already authenticated the caller).
// Otherwise 401 (no credentials presented) or 403 (credentials presented, not accepted).
// Decisions name the mechanism and a reason for the log; never a token, subject or IP.
// Why the peer check is by address: inside Docker a published port's peer is the bridge
// gateway, not loopback, so `docker run -p` no longer exposes /v1/extract to the network.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <string_view>

#include "common/env.h"
#include "common/status.h"
#include "common/thread_annotations.h"
#include "http/http_client.h"
#include "service/es256_jwt.h"

namespace jae {

inline constexpr std::string_view kIapJwksUrl = "https://www.gstatic.com/iap/verify/public_key-jwk";
inline constexpr std::string_view kIapIssuer = "https://cloud.google.com/iap";

struct AccessRequest {
  std::string_view peer;           // remote IP address as text
  std::string_view iap_assertion;  // x-goog-iap-jwt-assertion, or ""
  std::string_view authorization;  // Authorization header, or ""
};

struct AccessDecision {
  bool allowed = false;
  int status = 401;    // when refused: 401 or 403
  std::string via;     // allowed: loopback | iap | token | platform
  std::string reason;  // refused: why, free of request content
};

class AccessPolicy {
 public:
  virtual ~AccessPolicy() = default;
  virtual AccessDecision Decide(const AccessRequest& request) = 0;
};

// Allows everything: for tests of other concerns only.
class AllowAllAccess final : public AccessPolicy {
 public:
  AccessDecision Decide(const AccessRequest&) override { return {true, 200, "test", ""}; }
};

bool IsLoopbackPeer(std::string_view address);

// IAP's key set, fetched over `http` and cached: refetched after `ttl`, or when a token
// names an unknown kid (at most once per `min_refresh`, so forged kids cannot make us
// hammer the URL). Thread-safe.
class JwksCache {
 public:
  JwksCache(std::string url, std::shared_ptr<HttpClient> http,
            std::function<std::chrono::steady_clock::time_point()> now,
            std::chrono::seconds ttl = std::chrono::hours(1),
            std::chrono::seconds min_refresh = std::chrono::seconds(30));
  // NotFound for an unknown kid; Unavailable when the key set cannot be fetched.
  StatusOr<PublicKey> Key(const std::string& kid) JAE_EXCLUDES(mu_);

 private:
  Status Refresh() JAE_REQUIRES(mu_);  // holds the lock over the fetch: one fetch at a time
  const std::string url_;
  const std::shared_ptr<HttpClient> http_;
  const std::function<std::chrono::steady_clock::time_point()> now_;
  const std::chrono::seconds ttl_;
  const std::chrono::seconds min_refresh_;
  Mutex mu_;
  std::map<std::string, PublicKey> keys_ JAE_GUARDED_BY(mu_);
  std::optional<std::chrono::steady_clock::time_point> fetched_ JAE_GUARDED_BY(mu_);
  std::optional<std::chrono::steady_clock::time_point> attempted_ JAE_GUARDED_BY(mu_);
};

struct AccessOptions {
  bool trust_platform = false;
  std::string iap_audience;            // empty: IAP tokens not accepted
  std::set<std::string> token_hashes;  // lower-case hex SHA-256
};

class ConfiguredAccess final : public AccessPolicy {
 public:
  // `jwks` may be null when options.iap_audience is empty.
  ConfiguredAccess(AccessOptions options, std::unique_ptr<JwksCache> jwks,
                   std::function<std::chrono::system_clock::time_point()> wall_now);
  AccessDecision Decide(const AccessRequest& request) override;
  // One line for the startup log: which mechanisms are on (no secrets).
  std::string Describe() const;

 private:
  AccessOptions options_;
  std::unique_ptr<JwksCache> jwks_;
  std::function<std::chrono::system_clock::time_point()> wall_now_;
};

// The hashes of an ACCESS_TOKENS_FILE's text: one lower-case (or upper-case) 64-digit hex
// SHA-256 a line; InvalidArgument naming the line number of anything else.
StatusOr<std::set<std::string>> ParseAccessTokens(std::string_view text);

// From TRUST_PLATFORM_AUTH, IAP_AUDIENCE, IAP_JWKS_URL, ACCESS_TOKENS_FILE.
// InvalidArgument naming the variable when one is malformed or the file unreadable.
StatusOr<std::unique_ptr<ConfiguredAccess>> MakeAccessPolicy(const Env& env,
                                                             std::shared_ptr<HttpClient> http);

}  // namespace jae
