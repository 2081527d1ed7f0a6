#include "service/es256_jwt.h"

#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/ecdsa.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>

#include <nlohmann/json.hpp>

namespace jae {
namespace {

using nlohmann::json;

int Base64UrlValue(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '-') return 62;
  if (c == '_') return 63;
  return -1;
}

StatusOr<PublicKey> P256Key(const std::string& x, const std::string& y) {
  if (x.size() != 32 || y.size() != 32)
    return InvalidArgumentError("EC key coordinates are not 32 bytes");
  std::string point = "\x04" + x + y;
  OSSL_PARAM_BLD* build = OSSL_PARAM_BLD_new();
  if (build == nullptr) return InternalError("OpenSSL: out of memory");
  OSSL_PARAM_BLD_push_utf8_string(build, OSSL_PKEY_PARAM_GROUP_NAME, "prime256v1", 0);
  OSSL_PARAM_BLD_push_octet_string(build, OSSL_PKEY_PARAM_PUB_KEY, point.data(), point.size());
  OSSL_PARAM* params = OSSL_PARAM_BLD_to_param(build);
  OSSL_PARAM_BLD_free(build);
  EVP_PKEY_CTX* ctx = EVP_PKEY_CTX_new_from_name(nullptr, "EC", nullptr);
  EVP_PKEY* key = nullptr;
  const bool ok = params != nullptr && ctx != nullptr && EVP_PKEY_fromdata_init(ctx) == 1 &&
                  EVP_PKEY_fromdata(ctx, &key, EVP_PKEY_PUBLIC_KEY, params) == 1;
  EVP_PKEY_CTX_free(ctx);
  OSSL_PARAM_free(params);
  if (!ok || key == nullptr) return InvalidArgumentError("EC key is not a P-256 point");
  // fromdata does not check that the point is on the curve.
  EVP_PKEY_CTX* check = EVP_PKEY_CTX_new(key, nullptr);
  const bool on_curve = check != nullptr && EVP_PKEY_public_check(check) == 1;
  EVP_PKEY_CTX_free(check);
  if (!on_curve) {
    EVP_PKEY_free(key);
    return InvalidArgumentError("EC key is not a P-256 point");
  }
  return PublicKey(key, EVP_PKEY_free);
}

bool VerifySignature(EVP_PKEY* key, std::string_view signed_part, const std::string& raw) {
  if (raw.size() != 64) return false;
  ECDSA_SIG* sig = ECDSA_SIG_new();
  BIGNUM* r = BN_bin2bn(reinterpret_cast<const unsigned char*>(raw.data()), 32, nullptr);
  BIGNUM* s = BN_bin2bn(reinterpret_cast<const unsigned char*>(raw.data()) + 32, 32, nullptr);
  if (sig == nullptr || r == nullptr || s == nullptr || ECDSA_SIG_set0(sig, r, s) != 1) {
    BN_free(r);
    BN_free(s);
    ECDSA_SIG_free(sig);
    return false;
  }
  unsigned char* der = nullptr;
  const int der_length = i2d_ECDSA_SIG(sig, &der);
  ECDSA_SIG_free(sig);
  if (der_length <= 0) return false;
  EVP_MD_CTX* md = EVP_MD_CTX_new();
  const bool ok = md != nullptr &&
                  EVP_DigestVerifyInit(md, nullptr, EVP_sha256(), nullptr, key) == 1 &&
                  EVP_DigestVerify(md, der, static_cast<std::size_t>(der_length),
                                   reinterpret_cast<const unsigned char*>(signed_part.data()),
                                   signed_part.size()) == 1;
  EVP_MD_CTX_free(md);
  OPENSSL_free(der);
  return ok;
}

std::optional<std::int64_t> NumericClaim(const json& payload, const char* name) {
  const auto it = payload.find(name);
  if (it == payload.end() || !it->is_number()) return std::nullopt;
  if (it->is_number_integer()) return it->get<std::int64_t>();
  const double v = it->get<double>();
  if (!(v > -1e15 && v < 1e15)) return std::nullopt;
  return static_cast<std::int64_t>(v);
}

bool AudienceMatches(const json& payload, const std::string& audience) {
  const auto it = payload.find("aud");
  if (it == payload.end()) return false;
  if (it->is_string()) return it->get_ref<const std::string&>() == audience;
  if (it->is_array()) {
    for (const auto& a : *it) {
      if (a.is_string() && a.get_ref<const std::string&>() == audience) return true;
    }
  }
  return false;
}

}  // namespace

StatusOr<std::string> Base64UrlDecode(std::string_view text) {
  while (!text.empty() && text.back() == '=') text.remove_suffix(1);
  if (text.size() % 4 == 1) return InvalidArgumentError("bad base64url length");
  std::string out;
  out.reserve(text.size() * 3 / 4);
  std::uint32_t buffer = 0;
  int bits = 0;
  for (char c : text) {
    const int v = Base64UrlValue(c);
    if (v < 0) return InvalidArgumentError("bad base64url character");
    buffer = (buffer << 6) | static_cast<std::uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((buffer >> bits) & 0xFF));
    }
  }
  return out;
}

StatusOr<std::map<std::string, PublicKey>> ParseEs256Jwks(std::string_view text) {
  const json doc = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!doc.is_object() || !doc.contains("keys") || !doc["keys"].is_array()) {
    return InvalidArgumentError("not a JSON Web Key Set");
  }
  std::map<std::string, PublicKey> keys;
  for (const json& jwk : doc["keys"]) {
    if (!jwk.is_object()) continue;
    auto str = [&](const char* name) -> std::string {
      const auto it = jwk.find(name);
      return it != jwk.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    if (str("kty") != "EC" || str("crv") != "P-256" || str("kid").empty()) continue;
    if (!str("alg").empty() && str("alg") != "ES256") continue;
    auto x = Base64UrlDecode(str("x"));
    auto y = Base64UrlDecode(str("y"));
    if (!x.ok() || !y.ok()) continue;
    auto key = P256Key(*x, *y);
    if (!key.ok()) continue;
    keys[str("kid")] = *std::move(key);
  }
  return keys;
}

StatusOr<std::string> VerifyEs256Jwt(std::string_view token, const KeyLookup& key_for,
                                     const JwtExpectations& expect) {
  if (token.size() > 16 * 1024) return InvalidArgumentError("token too long");
  const std::size_t dot1 = token.find('.');
  const std::size_t dot2 = dot1 == std::string_view::npos ? dot1 : token.find('.', dot1 + 1);
  if (dot2 == std::string_view::npos || token.find('.', dot2 + 1) != std::string_view::npos) {
    return InvalidArgumentError("token is not a compact JWS");
  }
  auto header_text = Base64UrlDecode(token.substr(0, dot1));
  auto payload_text = Base64UrlDecode(token.substr(dot1 + 1, dot2 - dot1 - 1));
  auto signature = Base64UrlDecode(token.substr(dot2 + 1));
  if (!header_text.ok() || !payload_text.ok() || !signature.ok()) {
    return InvalidArgumentError("token segment is not base64url");
  }
  const json header = json::parse(*header_text, nullptr, false);
  const json payload = json::parse(*payload_text, nullptr, false);
  if (!header.is_object() || !payload.is_object()) {
    return InvalidArgumentError("token header or payload is not a JSON object");
  }
  const auto alg = header.find("alg");
  if (alg == header.end() || !alg->is_string() || *alg != "ES256") {
    return InvalidArgumentError("token algorithm is not ES256");
  }
  const auto kid = header.find("kid");
  if (kid == header.end() || !kid->is_string()) return InvalidArgumentError("token has no kid");
  auto key = key_for(kid->get<std::string>());
  if (!key.ok()) return key.status();
  if (!VerifySignature(key->get(), token.substr(0, dot2), *signature)) {
    return Status(StatusCode::kPermissionDenied, "token signature does not verify");
  }
  const auto now =
      std::chrono::duration_cast<std::chrono::seconds>(expect.now.time_since_epoch()).count();
  const auto exp = NumericClaim(payload, "exp");
  const auto iat = NumericClaim(payload, "iat");
  if (!exp || *exp <= now - expect.leeway.count()) {
    return Status(StatusCode::kPermissionDenied, "token expired or without exp");
  }
  if (!iat || *iat > now + expect.leeway.count()) {
    return Status(StatusCode::kPermissionDenied, "token issued in the future or without iat");
  }
  const auto iss = payload.find("iss");
  if (iss == payload.end() || !iss->is_string() || *iss != expect.issuer) {
    return Status(StatusCode::kPermissionDenied, "token issuer is not the expected one");
  }
  if (!AudienceMatches(payload, expect.audience)) {
    return Status(StatusCode::kPermissionDenied, "token audience is not IAP_AUDIENCE");
  }
  const auto sub = payload.find("sub");
  return sub != payload.end() && sub->is_string() ? sub->get<std::string>() : std::string();
}

}  // namespace jae
