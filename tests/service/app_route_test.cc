#include "service/app_route.h"

#include <gtest/gtest.h>
#include <httplib.h>

#include <chrono>
#include <thread>

#include "service/web_assets.h"

namespace jae {
namespace {

// The /app routes on a real httplib server on a loopback port.
class AppRouteTest : public ::testing::Test {
 protected:
  void SetUp() override {
    AddAppRoutes(server_, AppSettings{1200, 5000000});
    port_ = server_.bind_to_any_port("127.0.0.1");
    ASSERT_GT(port_, 0);
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  void TearDown() override {
    server_.stop();
    thread_.join();
  }
  httplib::Result Get(const std::string& path, const httplib::Headers& headers = {}) {
    httplib::Client client("127.0.0.1", port_);
    return client.Get(path, headers);
  }

  httplib::Server server_;
  int port_ = 0;
  std::thread thread_;
};

TEST_F(AppRouteTest, ServesTheEmbeddedPageWithSecurityHeaders) {
  auto res = Get("/app/");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_NE(res->body.find("<html lang=\"fr\">"), std::string::npos);
  // app.css is inlined, and allowed by its hash only.
  EXPECT_EQ(res->body.find("href=\"app.css\""), std::string::npos);
  EXPECT_NE(res->body.find("<style>"), std::string::npos);
  const std::string csp = res->get_header_value("Content-Security-Policy");
  EXPECT_NE(csp.find("default-src 'self'"), std::string::npos);
  EXPECT_NE(csp.find("script-src 'self';"), std::string::npos);
  EXPECT_NE(csp.find("'sha256-"), std::string::npos);
  EXPECT_EQ(csp.find("unsafe"), std::string::npos);
  EXPECT_EQ(res->get_header_value("X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(res->get_header_value("Referrer-Policy"), "no-referrer");
  EXPECT_EQ(res->get_header_value("Cache-Control"), "no-cache");
}

TEST_F(AppRouteTest, StrongEtagsAndRevalidation) {
  auto first = Get("/app/app.js");
  ASSERT_TRUE(first);
  EXPECT_EQ(first->status, 200);
  EXPECT_EQ(first->get_header_value("Content-Type"), "text/javascript; charset=utf-8");
  const std::string etag = first->get_header_value("ETag");
  ASSERT_EQ(etag.size(), 34u);
  EXPECT_EQ(etag.front(), '"');
  auto again = Get("/app/app.js", {{"If-None-Match", etag}});
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 304);
  EXPECT_TRUE(again->body.empty());
  auto other = Get("/app/api.js", {{"If-None-Match", etag}});
  ASSERT_TRUE(other);
  EXPECT_EQ(other->status, 200);
}

TEST_F(AppRouteTest, ConfigCarriesTheServerLimits) {
  auto res = Get("/app/config.json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->body, "{\"image_max_side\":1200,\"max_image_bytes\":5000000}\n");
  EXPECT_EQ(res->get_header_value("Cache-Control"), "no-store");
}

TEST_F(AppRouteTest, UnknownFilesAndOddPathsAre404) {
  for (const char* path : {"/app/nope.js", "/app/README.md", "/app/..%2Fetc", "/app/a/b.js"}) {
    auto res = Get(path);
    ASSERT_TRUE(res) << path;
    EXPECT_EQ(res->status, 404) << path;
  }
  auto bare = Get("/app");
  ASSERT_TRUE(bare);
  EXPECT_EQ(bare->status, 301);
  EXPECT_EQ(bare->get_header_value("Location"), "/app/");
}

TEST(WebAssetsTest, EveryAssetHasATypeAndATag) {
  ASSERT_FALSE(WebAssets().empty());
  for (const WebAsset& asset : WebAssets()) {
    EXPECT_FALSE(asset.content_type.empty()) << asset.name;
    EXPECT_EQ(asset.etag.size(), 34u) << asset.name;
    EXPECT_FALSE(asset.body.empty()) << asset.name;
  }
}

}  // namespace
}  // namespace jae
