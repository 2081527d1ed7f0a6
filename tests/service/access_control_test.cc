// Access to /v1/* and /app/ (issue 12): loopback, IAP JWT (ES256, keys from a JWKS URL
// served locally, made in the test with OpenSSL), hashed bearer tokens, platform trust.
#include "service/access_control.h"

#include <gtest/gtest.h>
#include <httplib.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/ecdsa.h>
#include <openssl/evp.h>

#include <nlohmann/json.hpp>
#include <thread>

#include "auth/base64.h"
#include "pipeline/pipeline.h"

namespace jae {
namespace {

using nlohmann::json;
using std::chrono::system_clock;

// An ES256 signing key made for the test, with its public JWK.
class TestKey {
 public:
  explicit TestKey(std::string kid) : kid_(std::move(kid)) {
    key_ = EVP_EC_gen("P-256");
    EXPECT_NE(key_, nullptr);
  }
  ~TestKey() { EVP_PKEY_free(key_); }
  TestKey(const TestKey&) = delete;
  TestKey& operator=(const TestKey&) = delete;

  json Jwk() const {
    return {{"kty", "EC"},
            {"crv", "P-256"},
            {"alg", "ES256"},
            {"use", "sig"},
            {"kid", kid_},
            {"x", Coordinate(OSSL_PKEY_PARAM_EC_PUB_X)},
            {"y", Coordinate(OSSL_PKEY_PARAM_EC_PUB_Y)}};
  }

  std::string Sign(const json& header, const json& payload) const {
    const std::string signing_input =
        Base64UrlEncode(header.dump()) + "." + Base64UrlEncode(payload.dump());
    EVP_MD_CTX* md = EVP_MD_CTX_new();
    std::size_t length = 0;
    EVP_DigestSignInit(md, nullptr, EVP_sha256(), nullptr, key_);
    EVP_DigestSign(md, nullptr, &length,
                   reinterpret_cast<const unsigned char*>(signing_input.data()),
                   signing_input.size());
    std::string der(length, '\0');
    EVP_DigestSign(md, reinterpret_cast<unsigned char*>(der.data()), &length,
                   reinterpret_cast<const unsigned char*>(signing_input.data()),
                   signing_input.size());
    EVP_MD_CTX_free(md);
    const unsigned char* p = reinterpret_cast<const unsigned char*>(der.data());
    ECDSA_SIG* sig = d2i_ECDSA_SIG(nullptr, &p, static_cast<long>(length));
    std::string raw(64, '\0');
    BN_bn2binpad(ECDSA_SIG_get0_r(sig), reinterpret_cast<unsigned char*>(raw.data()), 32);
    BN_bn2binpad(ECDSA_SIG_get0_s(sig), reinterpret_cast<unsigned char*>(raw.data()) + 32, 32);
    ECDSA_SIG_free(sig);
    return signing_input + "." + Base64UrlEncode(raw);
  }

  std::string Token(const std::string& audience, system_clock::time_point now,
                    const std::string& issuer = std::string(kIapIssuer)) const {
    const auto t = std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
    return Sign({{"alg", "ES256"}, {"typ", "JWT"}, {"kid", kid_}},
                {{"iss", issuer},
                 {"aud", audience},
                 {"iat", t - 10},
                 {"exp", t + 600},
                 {"sub", "accounts.google.com:1"},
                 {"email", "referee@example.test"}});
  }

 private:
  std::string Coordinate(const char* name) const {
    BIGNUM* bn = nullptr;
    EVP_PKEY_get_bn_param(key_, name, &bn);
    std::string bytes(32, '\0');
    BN_bn2binpad(bn, reinterpret_cast<unsigned char*>(bytes.data()), 32);
    BN_free(bn);
    return Base64UrlEncode(bytes);
  }
  std::string kid_;
  EVP_PKEY* key_ = nullptr;
};

// A JWKS URL on 127.0.0.1, counting fetches.
class JwksServer {
 public:
  explicit JwksServer(json jwks) : jwks_(std::move(jwks)) {
    server_.Get("/keys", [this](const httplib::Request&, httplib::Response& res) {
      ++fetches;
      std::lock_guard lock(mu_);
      res.set_content(jwks_.dump(), "application/json");
    });
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  ~JwksServer() {
    server_.stop();
    thread_.join();
  }
  void Set(json jwks) {
    std::lock_guard lock(mu_);
    jwks_ = std::move(jwks);
  }
  std::string Url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/keys"; }
  std::atomic<int> fetches{0};

 private:
  std::mutex mu_;
  json jwks_;
  httplib::Server server_;
  int port_ = 0;
  std::thread thread_;
};

constexpr char kAudience[] = "/projects/123/global/backendServices/456";
constexpr char kRemote[] = "203.0.113.9";

class IapTest : public ::testing::Test {
 protected:
  IapTest() : jwks_server_(json{{"keys", json::array({key_.Jwk()})}}) {}

  std::unique_ptr<ConfiguredAccess> Policy(std::string audience = kAudience) {
    AccessOptions options;
    options.iap_audience = std::move(audience);
    auto cache = std::make_unique<JwksCache>(
        jwks_server_.Url(), std::shared_ptr<HttpClient>(MakeCurlHttpClient()),
        [this] { return steady_now_; }, std::chrono::hours(1), std::chrono::seconds(30));
    return std::make_unique<ConfiguredAccess>(std::move(options), std::move(cache),
                                              [this] { return now_; });
  }

  TestKey key_{"key-1"};
  JwksServer jwks_server_;
  system_clock::time_point now_ = system_clock::now();
  std::chrono::steady_clock::time_point steady_now_{};
};

TEST_F(IapTest, VerifiedAssertionIsAllowedAndKeysAreCached) {
  auto policy = Policy();
  const std::string token = key_.Token(kAudience, now_);
  for (int i = 0; i < 3; ++i) {
    const AccessDecision d = policy->Decide({kRemote, token, ""});
    EXPECT_TRUE(d.allowed) << d.reason;
    EXPECT_EQ(d.via, "iap");
  }
  EXPECT_EQ(jwks_server_.fetches.load(), 1);
  steady_now_ += std::chrono::hours(2);  // past the TTL: fetched again
  EXPECT_TRUE(policy->Decide({kRemote, token, ""}).allowed);
  EXPECT_EQ(jwks_server_.fetches.load(), 2);
}

TEST_F(IapTest, WrongAudienceIssuerExpiryOrSignatureIsForbidden) {
  auto policy = Policy();
  TestKey other("key-1");  // same kid, different key: a forgery
  const std::vector<std::string> bad = {
      key_.Token("/projects/123/global/backendServices/999", now_),
      key_.Token(kAudience, now_, "https://evil.example"),
      key_.Token(kAudience, now_ - std::chrono::hours(1)),  // expired
      key_.Token(kAudience, now_ + std::chrono::hours(1)),  // issued in the future
      other.Token(kAudience, now_),
      key_.Token(kAudience, now_) + "x",
      "not.a.jwt",
      "garbage",
  };
  for (const std::string& token : bad) {
    const AccessDecision d = policy->Decide({kRemote, token, ""});
    EXPECT_FALSE(d.allowed) << token;
    EXPECT_EQ(d.status, 403) << token;
    EXPECT_EQ(d.reason.find("referee"), std::string::npos);  // no token content
  }
}

TEST_F(IapTest, AlgorithmNoneOrHs256IsForbidden) {
  auto policy = Policy();
  const auto t = std::chrono::duration_cast<std::chrono::seconds>(now_.time_since_epoch()).count();
  const json payload = {{"iss", kIapIssuer}, {"aud", kAudience}, {"iat", t}, {"exp", t + 60}};
  for (const char* alg : {"none", "HS256", "RS256"}) {
    const std::string token = Base64UrlEncode(json{{"alg", alg}, {"kid", "key-1"}}.dump()) + "." +
                              Base64UrlEncode(payload.dump()) + ".";
    EXPECT_EQ(policy->Decide({kRemote, token, ""}).status, 403) << alg;
  }
}

TEST_F(IapTest, KeyRotationFetchesTheNewSetButUnknownKidsDoNotHammerTheUrl) {
  auto policy = Policy();
  ASSERT_TRUE(policy->Decide({kRemote, key_.Token(kAudience, now_), ""}).allowed);
  TestKey rotated("key-2");
  jwks_server_.Set(json{{"keys", json::array({key_.Jwk(), rotated.Jwk()})}});
  steady_now_ += std::chrono::seconds(31);
  EXPECT_TRUE(policy->Decide({kRemote, rotated.Token(kAudience, now_), ""}).allowed);
  EXPECT_EQ(jwks_server_.fetches.load(), 2);
  TestKey stranger("key-3");
  steady_now_ += std::chrono::seconds(31);
  for (int i = 0; i < 5; ++i) {
    EXPECT_FALSE(policy->Decide({kRemote, stranger.Token(kAudience, now_), ""}).allowed);
  }
  EXPECT_EQ(jwks_server_.fetches.load(), 3);  // one refresh for the unknown kid, not five
}

TEST_F(IapTest, AssertionWithoutIapAudienceConfiguredIsForbidden) {
  AccessOptions options;  // no IAP_AUDIENCE
  ConfiguredAccess policy(options, nullptr, [this] { return now_; });
  const AccessDecision d = policy.Decide({kRemote, key_.Token(kAudience, now_), ""});
  EXPECT_FALSE(d.allowed);
  EXPECT_EQ(d.status, 403);
}

TEST(AccessControl, LoopbackOnlyByDefault) {
  ConfiguredAccess policy({}, nullptr, [] { return system_clock::now(); });
  for (const char* peer : {"127.0.0.1", "127.1.2.3", "::1", "::ffff:127.0.0.1"}) {
    EXPECT_TRUE(policy.Decide({peer, "", ""}).allowed) << peer;
  }
  for (const char* peer : {"10.0.0.1", "172.17.0.1", "::ffff:10.0.0.1", "203.0.113.9", ""}) {
    const AccessDecision d = policy.Decide({peer, "", ""});
    EXPECT_FALSE(d.allowed) << peer;
    EXPECT_EQ(d.status, 401) << peer;
  }
  EXPECT_EQ(policy.Decide({kRemote, "", "Bearer whatever"}).status, 403);
}

TEST(AccessControl, HashedBearerTokens) {
  auto hashes = ParseAccessTokens("# referees\n\n" + Sha256Hex("s3cret-token") + "\n" +
                                  Sha256Hex("other") + "  \r\n");
  ASSERT_TRUE(hashes.ok()) << hashes.status().ToString();
  AccessOptions options;
  options.token_hashes = *hashes;
  ConfiguredAccess policy(options, nullptr, [] { return system_clock::now(); });
  EXPECT_TRUE(policy.Decide({kRemote, "", "Bearer s3cret-token"}).allowed);
  EXPECT_TRUE(policy.Decide({kRemote, "", "bearer other"}).allowed);
  EXPECT_EQ(policy.Decide({kRemote, "", "Bearer s3cret-tokem"}).status, 403);
  EXPECT_EQ(policy.Decide({kRemote, "", "Basic czNjcmV0"}).status, 403);
  EXPECT_EQ(policy.Decide({kRemote, "", "Bearer " + Sha256Hex("s3cret-token")}).status, 403);
  EXPECT_EQ(policy.Decide({kRemote, "", ""}).status, 401);
}

TEST(AccessControl, TokenFileRejectsPlainTokens) {
  auto parsed = ParseAccessTokens("s3cret-token\n");
  ASSERT_FALSE(parsed.ok());
  EXPECT_NE(parsed.status().message().find("line 1"), std::string::npos);
  EXPECT_EQ(parsed.status().message().find("s3cret"), std::string::npos);
}

TEST(AccessControl, TrustPlatformAllowsEveryone) {
  AccessOptions options;
  options.trust_platform = true;
  ConfiguredAccess policy(options, nullptr, [] { return system_clock::now(); });
  EXPECT_TRUE(policy.Decide({kRemote, "", ""}).allowed);
}

TEST(AccessControl, FromEnvironment) {
  MapEnv env;
  auto open = MakeAccessPolicy(env, nullptr);
  ASSERT_TRUE(open.ok());
  EXPECT_EQ((*open)->Describe(), "loopback");
  env.Set("TRUST_PLATFORM_AUTH", "maybe");
  EXPECT_NE(MakeAccessPolicy(env, nullptr).status().message().find("TRUST_PLATFORM_AUTH"),
            std::string::npos);
  env.Set("TRUST_PLATFORM_AUTH", "false");
  env.Set("ACCESS_TOKENS_FILE", "/nonexistent/tokens");
  EXPECT_NE(MakeAccessPolicy(env, nullptr).status().message().find("ACCESS_TOKENS_FILE"),
            std::string::npos);
}

}  // namespace
}  // namespace jae
