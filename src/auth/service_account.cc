#include "auth/service_account.h"

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include <nlohmann/json.hpp>

#include "auth/base64.h"
#include "auth/token_endpoint.h"

namespace jae {
namespace {

struct PkeyDeleter {
  void operator()(EVP_PKEY* p) const { EVP_PKEY_free(p); }
};
using PkeyPtr = std::unique_ptr<EVP_PKEY, PkeyDeleter>;

StatusOr<PkeyPtr> LoadPrivateKey(const std::string& pem) {
  std::unique_ptr<BIO, decltype(&BIO_free)> bio(
      BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())), &BIO_free);
  if (!bio) return InternalError("BIO_new_mem_buf failed");
  PkeyPtr key(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr));
  if (!key) return InvalidArgumentError("service account private_key is not a PEM private key");
  if (EVP_PKEY_get_base_id(key.get()) != EVP_PKEY_RSA) {
    return InvalidArgumentError("service account private_key is not an RSA key");
  }
  return key;
}

StatusOr<std::string> SignRs256(EVP_PKEY* key, std::string_view data) {
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
  if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key) != 1) {
    return InternalError("EVP_DigestSignInit failed");
  }
  size_t size = 0;
  const auto* in = reinterpret_cast<const unsigned char*>(data.data());
  if (EVP_DigestSign(ctx.get(), nullptr, &size, in, data.size()) != 1) {
    return InternalError("EVP_DigestSign (size) failed");
  }
  std::string signature(size, '\0');
  if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(signature.data()), &size, in,
                     data.size()) != 1) {
    return InternalError("EVP_DigestSign failed");
  }
  signature.resize(size);
  return signature;
}

std::string FormEncode(std::initializer_list<std::pair<std::string_view, std::string_view>> kv) {
  std::string out;
  for (const auto& [k, v] : kv) {
    if (!out.empty()) out += '&';
    out += UrlEncode(k) + "=" + UrlEncode(v);
  }
  return out;
}

StatusOr<std::string> MakeAssertion(EVP_PKEY* pkey, const ServiceAccountKey& key,
                                    std::string_view scope,
                                    std::chrono::system_clock::time_point now) {
  nlohmann::json header = {{"alg", "RS256"}, {"typ", "JWT"}};
  if (!key.private_key_id.empty()) header["kid"] = key.private_key_id;
  const auto iat = std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
  const nlohmann::json claims = {{"iss", key.client_email},
                                 {"scope", scope},
                                 {"aud", key.token_uri},
                                 {"iat", iat},
                                 {"exp", iat + 3600}};
  const std::string signing_input =
      Base64UrlEncode(header.dump()) + "." + Base64UrlEncode(claims.dump());
  StatusOr<std::string> signature = SignRs256(pkey, signing_input);
  if (!signature.ok()) return signature.status();
  return signing_input + "." + Base64UrlEncode(*signature);
}

class ServiceAccountTokenFetcher final : public TokenFetcher {
 public:
  ServiceAccountTokenFetcher(ServiceAccountKey key, PkeyPtr pkey, std::shared_ptr<HttpClient> http,
                             std::shared_ptr<const Clock> clock)
      : key_(std::move(key)),
        pkey_(std::move(pkey)),
        http_(std::move(http)),
        clock_(std::move(clock)) {}

  StatusOr<FetchedToken> Fetch() override {
    StatusOr<std::string> assertion =
        MakeAssertion(pkey_.get(), key_, kCloudPlatformScope, clock_->Now());
    if (!assertion.ok()) return assertion.status();
    return PostTokenRequest(
        *http_, key_.token_uri,
        FormEncode({{"grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer"},
                    {"assertion", *assertion}}));
  }

 private:
  const ServiceAccountKey key_;
  const PkeyPtr pkey_;
  const std::shared_ptr<HttpClient> http_;
  const std::shared_ptr<const Clock> clock_;
};

}  // namespace

StatusOr<std::string> MakeJwtAssertion(const ServiceAccountKey& key, std::string_view scope,
                                       std::chrono::system_clock::time_point now) {
  StatusOr<PkeyPtr> pkey = LoadPrivateKey(key.private_key_pem);
  if (!pkey.ok()) return pkey.status();
  return MakeAssertion(pkey->get(), key, scope, now);
}

StatusOr<std::unique_ptr<TokenFetcher>> MakeServiceAccountTokenFetcher(
    ServiceAccountKey key, std::shared_ptr<HttpClient> http, std::shared_ptr<const Clock> clock) {
  if (key.client_email.empty())
    return InvalidArgumentError("service account key has no client_email");
  if (key.token_uri.empty()) key.token_uri = std::string(kDefaultTokenUri);
  if (!IsAcceptableTokenUri(key.token_uri)) {
    return InvalidArgumentError("service account token_uri must be an https URL");
  }
  StatusOr<PkeyPtr> pkey = LoadPrivateKey(key.private_key_pem);
  if (!pkey.ok()) return pkey.status();
  return std::unique_ptr<TokenFetcher>(std::make_unique<ServiceAccountTokenFetcher>(
      std::move(key), std::move(*pkey), std::move(http), std::move(clock)));
}

}  // namespace jae
