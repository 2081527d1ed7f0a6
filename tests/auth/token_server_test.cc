// The service-account flow over a real socket: libcurl client → a cpp-httplib token
// endpoint that verifies the JWT signature with the public key, as Google's would.
#include <gtest/gtest.h>
#include <httplib.h>

#include <nlohmann/json.hpp>
#include <thread>

#include "auth/default_credentials.h"
#include "auth/rsa_test_key.h"

namespace jae {
namespace {

TEST(TokenServerTest, ServiceAccountOverCurl) {
  const auto key = testing::GenerateRsaKey();
  httplib::Server server;
  std::atomic<int> calls{0};
  server.Post("/token", [&](const httplib::Request& req, httplib::Response& res) {
    ++calls;
    const std::string assertion = req.get_param_value("assertion");
    if (req.get_param_value("grant_type") != "urn:ietf:params:oauth:grant-type:jwt-bearer" ||
        !testing::VerifyRs256(assertion, key.public_pem)) {
      res.status = 400;
      res.set_content(R"({"error":"invalid_grant","error_description":"Invalid JWT Signature."})",
                      "application/json");
      return;
    }
    res.set_content(
        R"({"access_token":"ya29.from-server","expires_in":3599,"token_type":"Bearer"})",
        "application/json");
  });
  const int port = server.bind_to_any_port("127.0.0.1");
  ASSERT_GT(port, 0);
  std::thread thread([&] { server.listen_after_bind(); });

  const std::string token_uri = "http://127.0.0.1:" + std::to_string(port) + "/token";
  const std::string json = nlohmann::json{
      {"type", "service_account"},
      {"private_key", key.private_pem},
      {"client_email", "robot@demo.iam.gserviceaccount.com"},
      {"token_uri", token_uri}}.dump();
  std::shared_ptr<HttpClient> http = MakeCurlHttpClient();
  auto source = MakeTokenSourceFromJson(json, "test", http, std::make_shared<SystemClock>());
  ASSERT_TRUE(source.ok()) << source.status().ToString();
  auto token = (*source)->Token();
  EXPECT_TRUE(token.ok()) << token.status().ToString();
  if (token.ok()) {
    EXPECT_EQ(*token, "ya29.from-server");
  }

  // A key the server does not know is refused: Unauthenticated, not retried as transient.
  const auto other = testing::GenerateRsaKey();
  auto wrong =
      MakeTokenSourceFromJson(nlohmann::json{{"type", "service_account"},
                                             {"private_key", other.private_pem},
                                             {"client_email", "robot@demo.iam.gserviceaccount.com"},
                                             {"token_uri", token_uri}}
                                  .dump(),
                              "test", http, std::make_shared<SystemClock>());
  ASSERT_TRUE(wrong.ok());
  auto refused = (*wrong)->Token();
  EXPECT_EQ(refused.status().code(), StatusCode::kUnauthenticated);
  EXPECT_NE(refused.status().message().find("invalid_grant"), std::string::npos);

  server.stop();
  thread.join();
  EXPECT_EQ(calls, 2);
}

}  // namespace
}  // namespace jae
