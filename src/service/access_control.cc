#include "service/access_control.h"

#include <openssl/crypto.h>

#include <fstream>
#include <sstream>

#include "common/env_vars.h"
#include "pipeline/pipeline.h"

namespace jae {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

bool IsHex64(std::string_view s) {
  if (s.size() != 64) return false;
  for (char c : s) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

AccessDecision Allow(std::string via) { return {true, 200, std::move(via), ""}; }
AccessDecision Refuse(int status, std::string reason) {
  return {false, status, "", std::move(reason)};
}

}  // namespace

bool IsLoopbackPeer(std::string_view address) {
  if (address.starts_with("::ffff:")) address.remove_prefix(7);
  return address == "::1" || address.starts_with("127.");
}

JwksCache::JwksCache(std::string url, std::shared_ptr<HttpClient> http,
                     std::function<std::chrono::steady_clock::time_point()> now,
                     std::chrono::seconds ttl, std::chrono::seconds min_refresh)
    : url_(std::move(url)),
      http_(std::move(http)),
      now_(std::move(now)),
      ttl_(ttl),
      min_refresh_(min_refresh) {}

Status JwksCache::Refresh() {
  attempted_ = now_();
  HttpRequest request;
  request.url = url_;
  request.timeout = std::chrono::seconds(5);
  request.max_response_bytes = 256 * 1024;
  auto response = http_->Send(request);
  if (!response.ok()) return UnavailableError("IAP key set: " + response.status().message());
  if (response->status != 200) {
    return UnavailableError("IAP key set: HTTP " + std::to_string(response->status));
  }
  auto keys = ParseEs256Jwks(response->body);
  if (!keys.ok()) return UnavailableError("IAP key set: " + keys.status().message());
  keys_ = *std::move(keys);
  fetched_ = *attempted_;
  return OkStatus();
}

StatusOr<PublicKey> JwksCache::Key(const std::string& kid) {
  MutexLock lock(mu_);
  const auto now = now_();
  const bool stale = !fetched_ || now - *fetched_ >= ttl_;
  const bool may_refresh = !attempted_ || now - *attempted_ >= min_refresh_;
  auto it = keys_.find(kid);
  if ((stale || it == keys_.end()) && (may_refresh || !fetched_)) {
    if (!may_refresh && attempted_) {
      return UnavailableError("IAP key set unavailable (retrying shortly)");
    }
    Status refreshed = Refresh();
    // A stale set still verifies tokens while the URL is down.
    if (!refreshed.ok() && keys_.empty()) return refreshed;
    it = keys_.find(kid);
  }
  if (it == keys_.end()) return NotFoundError("token kid is not in the IAP key set");
  return it->second;
}

ConfiguredAccess::ConfiguredAccess(AccessOptions options, std::unique_ptr<JwksCache> jwks,
                                   std::function<std::chrono::system_clock::time_point()> wall_now)
    : options_(std::move(options)), jwks_(std::move(jwks)), wall_now_(std::move(wall_now)) {}

AccessDecision ConfiguredAccess::Decide(const AccessRequest& request) {
  if (options_.trust_platform) return Allow("platform");
  if (IsLoopbackPeer(request.peer)) return Allow("loopback");
  std::string refused;
  if (!request.iap_assertion.empty()) {
    if (options_.iap_audience.empty() || !jwks_) {
      refused = "IAP assertion presented but IAP_AUDIENCE is not set";
    } else {
      JwtExpectations expect;
      expect.issuer = std::string(kIapIssuer);
      expect.audience = options_.iap_audience;
      expect.now = wall_now_();
      auto verified = VerifyEs256Jwt(
          request.iap_assertion, [this](const std::string& kid) { return jwks_->Key(kid); },
          expect);
      if (verified.ok()) return Allow("iap");
      if (verified.status().code() == StatusCode::kUnavailable) {
        return Refuse(503, verified.status().message());
      }
      refused = "IAP assertion refused: " + verified.status().message();
    }
  }
  std::string_view auth = Trim(request.authorization);
  if (!auth.empty()) {
    constexpr std::string_view kBearer = "bearer ";
    std::string lead(auth.substr(0, kBearer.size()));
    for (char& c : lead) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lead == kBearer && !options_.token_hashes.empty()) {
      const std::string hash = Sha256Hex(Trim(auth.substr(kBearer.size())));
      // Compare against every entry without stopping early: the time taken says nothing
      // about which hash was close.
      bool match = false;
      for (const std::string& known : options_.token_hashes) {
        match |= known.size() == hash.size() &&
                 CRYPTO_memcmp(known.data(), hash.data(), hash.size()) == 0;
      }
      if (match) return Allow("token");
      if (refused.empty()) refused = "bearer token not in ACCESS_TOKENS_FILE";
    } else if (refused.empty()) {
      refused = "authorization header not accepted (no ACCESS_TOKENS_FILE, or not Bearer)";
    }
  }
  if (!refused.empty()) return Refuse(403, std::move(refused));
  return Refuse(401, "no credentials");
}

std::string ConfiguredAccess::Describe() const {
  if (options_.trust_platform) return "platform (TRUST_PLATFORM_AUTH=true)";
  std::string out = "loopback";
  if (!options_.iap_audience.empty()) out += ", iap";
  if (!options_.token_hashes.empty()) {
    out += ", tokens (" + std::to_string(options_.token_hashes.size()) + ")";
  }
  return out;
}

StatusOr<std::set<std::string>> ParseAccessTokens(std::string_view text) {
  std::set<std::string> hashes;
  int line_number = 0;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    std::string_view line = Trim(text.substr(0, end));
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    ++line_number;
    if (line.empty() || line.front() == '#') continue;
    std::string hash(line);
    for (char& c : hash) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (!IsHex64(hash)) {
      return InvalidArgumentError("ACCESS_TOKENS_FILE line " + std::to_string(line_number) +
                                  ": expected the 64-digit hex SHA-256 of a token");
    }
    hashes.insert(std::move(hash));
  }
  return hashes;
}

StatusOr<std::unique_ptr<ConfiguredAccess>> MakeAccessPolicy(const Env& env,
                                                             std::shared_ptr<HttpClient> http) {
  AccessOptions options;
  auto trust = BoolVar(env, "TRUST_PLATFORM_AUTH", false);
  if (!trust.ok()) return trust.status();
  options.trust_platform = *trust;
  options.iap_audience = env.GetOr("IAP_AUDIENCE", "");
  if (auto path = env.Get("ACCESS_TOKENS_FILE")) {
    std::ifstream in(*path, std::ios::binary);
    if (!in) return InvalidArgumentError("ACCESS_TOKENS_FILE: cannot read the file");
    std::ostringstream text;
    text << in.rdbuf();
    if (text.str().size() > 1024 * 1024) {
      return InvalidArgumentError("ACCESS_TOKENS_FILE: larger than 1 MiB");
    }
    auto hashes = ParseAccessTokens(text.str());
    if (!hashes.ok()) return hashes.status();
    options.token_hashes = *std::move(hashes);
  }
  std::unique_ptr<JwksCache> jwks;
  if (!options.iap_audience.empty()) {
    const std::string url = env.GetOr("IAP_JWKS_URL", std::string(kIapJwksUrl));
    if (!url.starts_with("https://") && !url.starts_with("http://")) {
      return InvalidArgumentError("IAP_JWKS_URL: expected an http(s) URL");
    }
    if (!http) return InvalidArgumentError("IAP_AUDIENCE: no HTTP client to fetch IAP keys");
    jwks = std::make_unique<JwksCache>(url, std::move(http),
                                       [] { return std::chrono::steady_clock::now(); });
  }
  return std::make_unique<ConfiguredAccess>(std::move(options), std::move(jwks),
                                            [] { return std::chrono::system_clock::now(); });
}

}  // namespace jae
