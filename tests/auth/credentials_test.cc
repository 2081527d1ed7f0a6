#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "auth/authorized_user.h"
#include "auth/base64.h"
#include "auth/default_credentials.h"
#include "auth/metadata_token_source.h"
#include "auth/rsa_test_key.h"
#include "auth/service_account.h"
#include "auth/token_endpoint.h"
#include "testing/fake_clock.h"
#include "testing/fake_http_client.h"

namespace jae {

using testing::FakeClock;

namespace {

using testing::FakeHttpClient;
using testing::MakeResponse;
using testing::RequestHeader;
using EnvMap = std::map<std::string, std::string, std::less<>>;

std::map<std::string, std::string> ParseForm(const std::string& body) {
  std::map<std::string, std::string> out;
  auto decode = [](std::string_view s) {
    std::string r;
    for (std::size_t i = 0; i < s.size(); ++i) {
      if (s[i] == '%' && i + 2 < s.size()) {
        r.push_back(static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16)));
        i += 2;
      } else {
        r.push_back(s[i] == '+' ? ' ' : s[i]);
      }
    }
    return r;
  };
  std::size_t pos = 0;
  while (pos <= body.size()) {
    auto amp = body.find('&', pos);
    if (amp == std::string::npos) amp = body.size();
    const std::string_view kv(body.data() + pos, amp - pos);
    const auto eq = kv.find('=');
    out[decode(kv.substr(0, eq))] = eq == std::string_view::npos ? "" : decode(kv.substr(eq + 1));
    pos = amp + 1;
  }
  return out;
}

const testing::TestRsaKey& Key() {
  static const testing::TestRsaKey key = testing::GenerateRsaKey();
  return key;
}

std::shared_ptr<FakeClock> Clock0() {
  return std::make_shared<FakeClock>(
      std::chrono::system_clock::time_point(std::chrono::seconds(1'800'000'000)));
}

class TempDir {
 public:
  TempDir() {
    path_ = std::filesystem::temp_directory_path() /
            ("jae-auth-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter_++));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  std::string Write(const std::string& name, const std::string& content) {
    const auto p = path_ / name;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p) << content;
    return p.string();
  }
  std::string path() const { return path_.string(); }

 private:
  static inline int counter_ = 0;
  std::filesystem::path path_;
};

std::string ServiceAccountJson(std::string token_uri = "https://oauth2.googleapis.com/token") {
  return nlohmann::json{{"type", "service_account"},
                        {"project_id", "demo"},
                        {"private_key_id", "kid-123"},
                        {"private_key", Key().private_pem},
                        {"client_email", "robot@demo.iam.gserviceaccount.com"},
                        {"token_uri", token_uri}}
      .dump();
}

std::string AuthorizedUserJson() {
  return nlohmann::json{{"type", "authorized_user"},
                        {"client_id", "cid.apps.googleusercontent.com"},
                        {"client_secret", "s3cret"},
                        {"refresh_token", "1//refresh"}}
      .dump();
}

HttpResponse TokenOk(std::string token = "ya29.fake", int expires_in = 3599) {
  return MakeResponse(
      200,
      nlohmann::json{{"access_token", token}, {"expires_in", expires_in}, {"token_type", "Bearer"}}
          .dump());
}

TEST(Base64Test, KnownVectors) {
  EXPECT_EQ(Base64Encode(""), "");
  EXPECT_EQ(Base64Encode("f"), "Zg==");
  EXPECT_EQ(Base64Encode("fo"), "Zm8=");
  EXPECT_EQ(Base64Encode("foo"), "Zm9v");
  EXPECT_EQ(Base64Encode("foob"), "Zm9vYg==");
  EXPECT_EQ(Base64Encode(std::string("\xfb\xff", 2)), "+/8=");
  EXPECT_EQ(Base64UrlEncode(std::string("\xfb\xff", 2)), "-_8");
}

TEST(Base64Test, LargeInputAcrossChunks) {
  std::string big(3 * (1 << 20) + 5, 'a');
  const std::string encoded = Base64Encode(big);
  EXPECT_EQ(encoded.size(), (big.size() + 2) / 3 * 4);
  EXPECT_EQ(encoded.substr(0, 4), "YWFh");
  EXPECT_EQ(encoded.substr(encoded.size() - 4), "YWE=");  // 5 bytes left: "aa" padded
}

TEST(JwtTest, SignedWithTheKeyAndCarriesGoogleClaims) {
  ServiceAccountKey key{"robot@demo.iam.gserviceaccount.com", Key().private_pem, "kid-123",
                        "https://oauth2.googleapis.com/token", "demo"};
  const auto now = std::chrono::system_clock::time_point(std::chrono::seconds(1'800'000'000));
  auto jwt = MakeJwtAssertion(key, kCloudPlatformScope, now);
  ASSERT_TRUE(jwt.ok()) << jwt.status().ToString();
  EXPECT_TRUE(testing::VerifyRs256(*jwt, Key().public_pem));
  const auto header = nlohmann::json::parse(testing::JwtPart(*jwt, 0));
  EXPECT_EQ(header, (nlohmann::json{{"alg", "RS256"}, {"typ", "JWT"}, {"kid", "kid-123"}}));
  const auto claims = nlohmann::json::parse(testing::JwtPart(*jwt, 1));
  EXPECT_EQ(claims["iss"], "robot@demo.iam.gserviceaccount.com");
  EXPECT_EQ(claims["aud"], "https://oauth2.googleapis.com/token");
  EXPECT_EQ(claims["scope"], "https://www.googleapis.com/auth/cloud-platform");
  EXPECT_EQ(claims["iat"], 1'800'000'000);
  EXPECT_EQ(claims["exp"], 1'800'003'600);
  // A different key does not verify it.
  EXPECT_FALSE(testing::VerifyRs256(*jwt, testing::GenerateRsaKey().public_pem));
}

TEST(JwtTest, BadKeyIsInvalidArgument) {
  ServiceAccountKey key{"a@b", "-----BEGIN PRIVATE KEY-----\nnope\n-----END PRIVATE KEY-----\n", "",
                        "https://oauth2.googleapis.com/token", ""};
  EXPECT_EQ(MakeJwtAssertion(key, kCloudPlatformScope, {}).status().code(),
            StatusCode::kInvalidArgument);
}

TEST(ServiceAccountTest, ExchangesASignedAssertionForAToken) {
  auto http = std::make_shared<FakeHttpClient>([](const HttpRequest&) { return TokenOk(); });
  auto source = MakeTokenSourceFromJson(ServiceAccountJson(), "test", http, Clock0());
  ASSERT_TRUE(source.ok()) << source.status().ToString();
  auto token = (*source)->Token();
  ASSERT_TRUE(token.ok()) << token.status().ToString();
  EXPECT_EQ(*token, "ya29.fake");
  EXPECT_EQ(*(*source)->Token(), "ya29.fake");
  ASSERT_EQ(http->count(), 1u);  // cached
  const HttpRequest req = http->requests()[0];
  EXPECT_EQ(req.method, "POST");
  EXPECT_EQ(req.url, "https://oauth2.googleapis.com/token");
  EXPECT_EQ(RequestHeader(req, "content-type"), "application/x-www-form-urlencoded");
  auto form = ParseForm(req.body);
  EXPECT_EQ(form["grant_type"], "urn:ietf:params:oauth:grant-type:jwt-bearer");
  EXPECT_TRUE(testing::VerifyRs256(form["assertion"], Key().public_pem));
}

TEST(ServiceAccountTest, PlainHttpTokenUriOnlyForLoopback) {
  auto http = std::make_shared<FakeHttpClient>();
  EXPECT_EQ(
      MakeTokenSourceFromJson(ServiceAccountJson("http://evil.example/token"), "t", http, Clock0())
          .status()
          .code(),
      StatusCode::kInvalidArgument);
  EXPECT_TRUE(MakeTokenSourceFromJson(ServiceAccountJson("http://127.0.0.1:1234/token"), "t", http,
                                      Clock0())
                  .ok());
}

TEST(TokenEndpointTest, MapsStatusesAndNeverQuotesTheToken) {
  EXPECT_EQ(ParseTokenResponse(MakeResponse(503, "busy"), "x").status().code(),
            StatusCode::kUnavailable);
  EXPECT_EQ(ParseTokenResponse(MakeResponse(429, ""), "x").status().code(),
            StatusCode::kUnavailable);
  auto bad = ParseTokenResponse(
      MakeResponse(400,
                   R"({"error":"invalid_grant","error_description":"Invalid JWT Signature."})"),
      "token endpoint");
  EXPECT_EQ(bad.status().code(), StatusCode::kUnauthenticated);
  EXPECT_NE(bad.status().message().find("invalid_grant"), std::string::npos);
  EXPECT_EQ(ParseTokenResponse(MakeResponse(403, ""), "x").status().code(),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(
      ParseTokenResponse(StatusOr<HttpResponse>(UnavailableError("refused")), "x").status().code(),
      StatusCode::kUnavailable);
  auto no_expiry = ParseTokenResponse(MakeResponse(200, R"({"access_token":"ya29.secret"})"), "x");
  EXPECT_EQ(no_expiry.status().code(), StatusCode::kUnavailable);
  EXPECT_EQ(no_expiry.status().message().find("ya29.secret"), std::string::npos);
  EXPECT_EQ(ParseTokenResponse(MakeResponse(200, "<html>"), "x").status().code(),
            StatusCode::kUnavailable);
  auto as_string =
      ParseTokenResponse(MakeResponse(200, R"({"access_token":"t","expires_in":"3600"})"), "x");
  ASSERT_TRUE(as_string.ok());
  EXPECT_EQ(as_string->expires_in.count(), 3600);
}

TEST(AuthorizedUserTest, RefreshTokenGrant) {
  auto http =
      std::make_shared<FakeHttpClient>([](const HttpRequest&) { return TokenOk("ya29.user"); });
  auto source = MakeTokenSourceFromJson(AuthorizedUserJson(), "t", http, Clock0());
  ASSERT_TRUE(source.ok());
  EXPECT_EQ(*(*source)->Token(), "ya29.user");
  auto form = ParseForm(http->requests()[0].body);
  EXPECT_EQ(form["grant_type"], "refresh_token");
  EXPECT_EQ(form["client_id"], "cid.apps.googleusercontent.com");
  EXPECT_EQ(form["client_secret"], "s3cret");
  EXPECT_EQ(form["refresh_token"], "1//refresh");
}

TEST(AuthorizedUserTest, MissingFieldsAreInvalidArgument) {
  auto http = std::make_shared<FakeHttpClient>();
  auto s =
      MakeTokenSourceFromJson(R"({"type":"authorized_user","client_id":"x"})", "t", http, Clock0());
  EXPECT_EQ(s.status().code(), StatusCode::kInvalidArgument);
}

TEST(MetadataTest, AsksTheConfiguredHostWithTheFlavorHeader) {
  auto http = std::make_shared<FakeHttpClient>([](const HttpRequest&) {
    auto r = TokenOk("ya29.meta");
    r.headers = {{"metadata-flavor", "Google"}};
    return r;
  });
  MapEnv env({{"GCE_METADATA_HOST", "127.0.0.1:9999"}, {"HOME", "/nonexistent-home"}});
  auto source = MakeDefaultTokenSource(env, http, Clock0());
  ASSERT_TRUE(source.ok());
  EXPECT_EQ(*(*source)->Token(), "ya29.meta");
  const HttpRequest req = http->requests()[0];
  EXPECT_EQ(req.method, "GET");
  EXPECT_TRUE(req.url.starts_with(
      "http://127.0.0.1:9999/computeMetadata/v1/instance/service-accounts/default/token"))
      << req.url;
  EXPECT_EQ(RequestHeader(req, "Metadata-Flavor"), "Google");
}

TEST(MetadataTest, AnswerWithoutFlavorIsNotTrusted) {
  auto http = std::make_shared<FakeHttpClient>([](const HttpRequest&) { return TokenOk(); });
  auto fetcher = MakeMetadataTokenFetcher(http, "metadata.google.internal");
  EXPECT_EQ(fetcher->Fetch().status().code(), StatusCode::kUnavailable);
}

TEST(MetadataTest, UnreachableSaysWhatToConfigure) {
  auto http = std::make_shared<FakeHttpClient>([](const HttpRequest&) -> StatusOr<HttpResponse> {
    return UnavailableError("Couldn't resolve host name");
  });
  auto fetcher = MakeMetadataTokenFetcher(http, "metadata.google.internal");
  auto token = fetcher->Fetch();
  EXPECT_EQ(token.status().code(), StatusCode::kUnavailable);
  EXPECT_NE(token.status().message().find("GOOGLE_APPLICATION_CREDENTIALS"), std::string::npos);
}

TEST(MetadataTest, DefaultHost) {
  EXPECT_EQ(MetadataHost(MapEnv()), "metadata.google.internal");
  EXPECT_EQ(MetadataHost(MapEnv(EnvMap{{"GCE_METADATA_HOST", "h:1"}})), "h:1");
}

TEST(DefaultCredentialsTest, ApplicationCredentialsFileComesFirst) {
  TempDir dir;
  const std::string sa = dir.Write("sa.json", ServiceAccountJson());
  dir.Write("gcloud/application_default_credentials.json", AuthorizedUserJson());
  auto http = std::make_shared<FakeHttpClient>([](const HttpRequest&) { return TokenOk(); });
  MapEnv env({{"GOOGLE_APPLICATION_CREDENTIALS", sa}, {"CLOUDSDK_CONFIG", dir.path() + "/gcloud"}});
  auto source = MakeDefaultTokenSource(env, http, Clock0());
  ASSERT_TRUE(source.ok()) << source.status().ToString();
  ASSERT_TRUE((*source)->Token().ok());
  EXPECT_EQ(ParseForm(http->requests()[0].body)["grant_type"],
            "urn:ietf:params:oauth:grant-type:jwt-bearer");
}

TEST(DefaultCredentialsTest, GcloudFileNext) {
  TempDir dir;
  dir.Write("gcloud/application_default_credentials.json", AuthorizedUserJson());
  auto http = std::make_shared<FakeHttpClient>([](const HttpRequest&) { return TokenOk(); });
  MapEnv env(EnvMap{{"CLOUDSDK_CONFIG", dir.path() + "/gcloud"}});
  auto source = MakeDefaultTokenSource(env, http, Clock0());
  ASSERT_TRUE(source.ok());
  ASSERT_TRUE((*source)->Token().ok());
  EXPECT_EQ(ParseForm(http->requests()[0].body)["grant_type"], "refresh_token");

  // Under $HOME/.config/gcloud when CLOUDSDK_CONFIG is unset.
  TempDir home;
  home.Write(".config/gcloud/application_default_credentials.json", AuthorizedUserJson());
  auto http2 = std::make_shared<FakeHttpClient>([](const HttpRequest&) { return TokenOk(); });
  auto from_home = MakeDefaultTokenSource(MapEnv(EnvMap{{"HOME", home.path()}}), http2, Clock0());
  ASSERT_TRUE(from_home.ok());
  ASSERT_TRUE((*from_home)->Token().ok());
  EXPECT_EQ(ParseForm(http2->requests()[0].body)["grant_type"], "refresh_token");
}

TEST(DefaultCredentialsTest, BadApplicationCredentialsNameTheVariable) {
  TempDir dir;
  auto http = std::make_shared<FakeHttpClient>();
  for (const auto& [content, exists] :
       std::vector<std::pair<std::string, bool>>{{"", false},
                                                 {"not json", true},
                                                 {R"({"type":"external_account"})", true},
                                                 {R"({"type":"service_account"})", true}}) {
    const std::string path = exists ? dir.Write("c.json", content) : dir.path() + "/missing.json";
    auto source = MakeDefaultTokenSource(MapEnv(EnvMap{{"GOOGLE_APPLICATION_CREDENTIALS", path}}),
                                         http, Clock0());
    ASSERT_FALSE(source.ok()) << content;
    EXPECT_EQ(source.status().code(), StatusCode::kInvalidArgument) << content;
    EXPECT_NE(source.status().message().find("GOOGLE_APPLICATION_CREDENTIALS"), std::string::npos);
  }
  // The private key never appears in an error.
  const std::string path = dir.Write("k.json", nlohmann::json{{"type", "service_account"},
                                                              {"client_email", "a@b"},
                                                              {"private_key", "SECRET-KEY-TEXT"}}
                                                   .dump());
  auto source = MakeDefaultTokenSource(MapEnv(EnvMap{{"GOOGLE_APPLICATION_CREDENTIALS", path}}),
                                       http, Clock0());
  ASSERT_FALSE(source.ok());
  EXPECT_EQ(source.status().message().find("SECRET-KEY-TEXT"), std::string::npos);
}

}  // namespace
}  // namespace jae
