// A fresh RSA key for tests (generated with OpenSSL, never committed), and JWT helpers
// to check what the code under test signed.
#pragma once

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace jae::testing {

struct TestRsaKey {
  std::string private_pem;  // PKCS#8, as in Google key files
  std::string public_pem;
};

inline TestRsaKey GenerateRsaKey() {
  EVP_PKEY* key = EVP_RSA_gen(2048);
  if (key == nullptr) throw std::runtime_error("EVP_RSA_gen failed");
  auto to_string = [](BIO* bio) {
    char* data = nullptr;
    const long n = BIO_get_mem_data(bio, &data);
    std::string s(data, static_cast<std::size_t>(n));
    BIO_free(bio);
    return s;
  };
  BIO* priv = BIO_new(BIO_s_mem());
  PEM_write_bio_PrivateKey(priv, key, nullptr, nullptr, 0, nullptr, nullptr);
  BIO* pub = BIO_new(BIO_s_mem());
  PEM_write_bio_PUBKEY(pub, key);
  EVP_PKEY_free(key);
  return {to_string(priv), to_string(pub)};
}

inline std::string Base64UrlDecode(std::string s) {
  for (char& c : s) {
    if (c == '-') c = '+';
    if (c == '_') c = '/';
  }
  while (s.size() % 4 != 0) s.push_back('=');
  std::string out(s.size() / 4 * 3 + 3, '\0');
  const int n =
      EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                      reinterpret_cast<const unsigned char*>(s.data()), static_cast<int>(s.size()));
  if (n < 0) throw std::runtime_error("bad base64");
  std::size_t pad = 0;
  while (pad < 2 && !s.empty() && s[s.size() - 1 - pad] == '=') ++pad;
  out.resize(static_cast<std::size_t>(n) - pad);
  return out;
}

// True if `jwt` is header.claims.signature with a valid RS256 signature by `public_pem`.
inline bool VerifyRs256(const std::string& jwt, const std::string& public_pem) {
  const auto last_dot = jwt.rfind('.');
  if (last_dot == std::string::npos) return false;
  const std::string signing_input = jwt.substr(0, last_dot);
  const std::string signature = Base64UrlDecode(jwt.substr(last_dot + 1));
  BIO* bio = BIO_new_mem_buf(public_pem.data(), static_cast<int>(public_pem.size()));
  EVP_PKEY* key = PEM_read_bio_PUBKEY(bio, nullptr, nullptr, nullptr);
  BIO_free(bio);
  if (key == nullptr) return false;
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  const bool ok = EVP_DigestVerifyInit(ctx, nullptr, EVP_sha256(), nullptr, key) == 1 &&
                  EVP_DigestVerify(ctx, reinterpret_cast<const unsigned char*>(signature.data()),
                                   signature.size(),
                                   reinterpret_cast<const unsigned char*>(signing_input.data()),
                                   signing_input.size()) == 1;
  EVP_MD_CTX_free(ctx);
  EVP_PKEY_free(key);
  return ok;
}

// The decoded header (part 0) or claims (part 1) of a JWT.
inline std::string JwtPart(const std::string& jwt, int part) {
  std::size_t start = 0;
  for (int i = 0; i < part; ++i) start = jwt.find('.', start) + 1;
  const auto end = jwt.find('.', start);
  return Base64UrlDecode(jwt.substr(start, end - start));
}

}  // namespace jae::testing
