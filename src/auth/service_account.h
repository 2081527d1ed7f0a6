// Service-account key files: an RS256-signed JWT assertion (RFC 7523) exchanged at the
// key's token_uri for an access token, as google-auth's service_account.py does.
#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "auth/caching_token_source.h"
#include "common/clock.h"
#include "common/status.h"
#include "http/http_client.h"

namespace jae {

struct ServiceAccountKey {
  std::string client_email;
  std::string private_key_pem;  // PKCS#8 PEM as Google issues it
  std::string private_key_id;   // becomes the JWT "kid"; may be empty
  std::string token_uri;
  std::string project_id;  // may be empty
};

// The signed assertion: header {"alg":"RS256","typ":"JWT","kid"}, claims iss=client_email,
// scope, aud=token_uri, iat=now, exp=now+1h. InvalidArgument if the key does not load.
StatusOr<std::string> MakeJwtAssertion(const ServiceAccountKey& key, std::string_view scope,
                                       std::chrono::system_clock::time_point now);

// Checks the key (it must load as an RSA private key) before returning the fetcher.
// The fetcher shares `http`.
StatusOr<std::unique_ptr<TokenFetcher>> MakeServiceAccountTokenFetcher(
    ServiceAccountKey key, std::shared_ptr<HttpClient> http, std::shared_ptr<const Clock> clock);

}  // namespace jae
