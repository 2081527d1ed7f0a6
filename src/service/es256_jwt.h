// ES256 JSON Web Tokens (RFC 7515/7519 with ECDSA P-256 + SHA-256, RFC 7518 §3.4), as
// Identity-Aware Proxy signs its `x-goog-iap-jwt-assertion` header, and the JSON Web Key
// Sets (RFC 7517) that publish the verification keys.
//
// Contract:
//  - ParseEs256Jwks keeps the keys of a JWKS that are EC P-256 (`kty` EC, `crv` P-256),
//    by `kid`; other keys are skipped. InvalidArgument when the document is not a JWKS.
//  - VerifyEs256Jwt accepts a token only when: three base64url segments; header `alg`
//    ES256 and a `kid` found by `key_for`; a valid 64-byte r||s signature over
//    "header.payload"; payload `exp` after now − leeway, `iat` before now + leeway,
//    `iss` == expected issuer, `aud` == expected audience (string or array). Anything
//    else is a non-OK Status whose message names the failed check, never token content.
// Why OpenSSL directly: it is already linked (TLS, SHA-256), and the whole check is a few
//    dozen lines; a JWT library would be a new dependency for one header.
#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "common/status.h"

typedef struct evp_pkey_st EVP_PKEY;

namespace jae {

using PublicKey = std::shared_ptr<EVP_PKEY>;

// base64url without padding (padding tolerated); nullopt-like error on bad input.
StatusOr<std::string> Base64UrlDecode(std::string_view text);

StatusOr<std::map<std::string, PublicKey>> ParseEs256Jwks(std::string_view json);

struct JwtExpectations {
  std::string issuer;
  std::string audience;
  std::chrono::system_clock::time_point now;
  std::chrono::seconds leeway{30};
};

// Looks a key up by `kid`; NotFound when unknown (the caller may refresh its key set).
using KeyLookup = std::function<StatusOr<PublicKey>(const std::string& kid)>;

// On success returns the payload's `sub` claim (may be empty).
StatusOr<std::string> VerifyEs256Jwt(std::string_view token, const KeyLookup& key_for,
                                     const JwtExpectations& expect);

}  // namespace jae
