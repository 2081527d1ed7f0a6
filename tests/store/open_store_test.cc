#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <memory>

#include "auth/token_source.h"
#include "store/object_name.h"
#include "store/store.h"
#include "testing/fake_http_client.h"

namespace jae {
namespace {

using ::jae::testing::FakeHttpClient;
using ::jae::testing::RequestHeader;

TEST(ResultObjectName, AppendsJson) {
  EXPECT_EQ(ResultObjectName("scans/a.jpg"), "scans/a.jpg.json");
  EXPECT_EQ(ResultObjectName("a"), "a.json");
}

// Issue 12 item 7: a valid GCS name of 1020..1024 bytes used to get "<name>.json" (over
// 1024 bytes): the write was refused and the event acknowledged with no result.
TEST(ResultObjectName, LongNamesGetAResultNameThatFits) {
  for (std::size_t n : {1019u, 1020u, 1023u, 1024u}) {
    const std::string name = "dossiers/" + std::string(n - 9 - 4, 'a') + ".jpg";
    ASSERT_EQ(name.size(), n);
    const std::string result = ResultObjectName(name);
    EXPECT_LE(result.size(), 1024u) << n;
    EXPECT_TRUE(ValidateObjectName(result).ok()) << n;
    EXPECT_TRUE(result.ends_with(".json"));
    EXPECT_TRUE(result.starts_with("dossiers/aaaa"));
    EXPECT_NE(ResultObjectName(name.substr(0, n - 5) + "b.jpg"), result);  // distinct
    EXPECT_EQ(ResultObjectName(name), result);                             // stable
  }
  std::string folders;  // 1019 bytes in segments of 99: "<name>.json" still fits
  while (folders.size() < 1019) folders += std::string(99, 'a') + "/";
  folders.resize(1019);
  EXPECT_EQ(ResultObjectName(folders), folders + ".json");
  // Never cut inside a UTF-8 character ("é" is two bytes).
  std::string accents;
  while (accents.size() < 1030) accents += "\xC3\xA9";
  EXPECT_TRUE(ValidateObjectName(ResultObjectName(accents.substr(0, 1024))).ok());
  EXPECT_TRUE(ValidateObjectName(ResultObjectName("x" + accents.substr(0, 1022))).ok());
  // A local file name (last segment) over 255 bytes is shortened the same way.
  const std::string local = ResultObjectName("in/" + std::string(252, 'b'));
  EXPECT_LE(local.size() - 3, 255u);
  EXPECT_TRUE(local.starts_with("in/bbb"));
}

TEST(OpenStore, RefusesBadUris) {
  MapEnv env;
  StoreContext context{&env, std::make_shared<FakeHttpClient>(), nullptr};
  for (const std::string& uri : std::vector<std::string>{
           std::string(), std::string("gs://"), std::string("gs:///x"), std::string("gs://AB/x"),
           std::string("gs://ab"), std::string("gs://bad bucket/x"), std::string("gs://b?x=1"),
           std::string("s3://bucket/x"), std::string("http://example.com/x"),
           std::string("file://host/tmp"), std::string("file://relative"),
           std::string("file:///tmp/x%2"), std::string("file:///tmp/x%zz"),
           std::string("file:///tmp/x?q"), std::string("/tmp/a\0b", 8),
           std::string("gs://bucket/a\nb")}) {
    EXPECT_EQ(OpenStore(uri, context).status().code(), StatusCode::kInvalidArgument)
        << ::testing::PrintToString(uri);
  }
}

TEST(OpenStore, LocalPathsAndFileUris) {
  MapEnv env;
  StoreContext context{&env, nullptr, nullptr};
  auto plain = OpenStore("/tmp/jae results", context);
  ASSERT_TRUE(plain.ok());
  EXPECT_EQ((*plain)->UriOf("a.json"), "file:///tmp/jae%20results/a.json");
  auto uri = OpenStore("file:///tmp/jae%20results/", context);
  ASSERT_TRUE(uri.ok());
  EXPECT_EQ((*uri)->UriOf("a.json"), "file:///tmp/jae%20results/a.json");
  auto localhost = OpenStore("FILE://localhost/tmp/x", context);
  ASSERT_TRUE(localhost.ok());
  EXPECT_EQ((*localhost)->UriOf("a"), "file:///tmp/x/a");
  auto relative = OpenStore("results", context);
  ASSERT_TRUE(relative.ok());
  EXPECT_EQ((*relative)->UriOf("a"),
            "file://" + std::filesystem::current_path().string() + "/results/a");
}

TEST(OpenStore, GcsWithCredentials) {
  MapEnv env;
  auto http = std::make_shared<FakeHttpClient>();
  int made = 0;
  StoreContext context{&env, http, [&](const Env&, std::shared_ptr<HttpClient>) {
                         ++made;
                         return StatusOr<std::unique_ptr<AccessTokenSource>>(
                             std::make_unique<StaticTokenSource>("tok"));
                       }};
  auto store = OpenStore("gs://my-bucket/results/", context);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  EXPECT_EQ(made, 1);
  EXPECT_EQ((*store)->UriOf("a.jpg.json"), "gs://my-bucket/results/a.jpg.json");
  http->Push(404, "{}");
  EXPECT_EQ((*store)->Stat("a.jpg.json").status().code(), StatusCode::kNotFound);
  const auto r = http->requests().at(0);
  EXPECT_EQ(r.url, "https://storage.googleapis.com/storage/v1/b/my-bucket/o/results%2Fa.jpg.json");
  EXPECT_EQ(RequestHeader(r, "Authorization"), "Bearer tok");

  StoreContext failing{&env, http, [](const Env&, std::shared_ptr<HttpClient>) {
                         return StatusOr<std::unique_ptr<AccessTokenSource>>(
                             Status(StatusCode::kUnauthenticated, "no credentials"));
                       }};
  EXPECT_EQ(OpenStore("gs://my-bucket", failing).status().code(), StatusCode::kUnauthenticated);
}

// Issue 13 item 4: the store shares its HTTP client and token source (no forwarding
// wrapper): they live exactly as long as the last store using them.
TEST(OpenStore, GcsStoreOwnsItsClientAndCredentials) {
  MapEnv env;
  auto http = std::make_shared<FakeHttpClient>();
  StoreContext context{&env, http, [](const Env&, std::shared_ptr<HttpClient>) {
                         return StatusOr<std::unique_ptr<AccessTokenSource>>(
                             std::make_unique<StaticTokenSource>("tok"));
                       }};
  auto store = OpenStore("gs://my-bucket", context);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  std::weak_ptr<FakeHttpClient> client = http;
  http->Push(404, "{}");
  http.reset();
  context = {};
  ASSERT_FALSE(client.expired());  // kept by the store
  EXPECT_EQ((*store)->Stat("a").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(RequestHeader(client.lock()->requests().at(0), "Authorization"), "Bearer tok");
  store->reset();
  EXPECT_TRUE(client.expired());
}

TEST(OpenStore, GcsEmulatorGetsNoCredentials) {
  for (const char* var : {"STORAGE_EMULATOR_HOST", "CLOUD_STORAGE_EMULATOR_ENDPOINT"}) {
    MapEnv env;
    env.Set(var, "http://127.0.0.1:9");
    auto http = std::make_shared<FakeHttpClient>();
    bool asked = false;
    StoreContext context{&env, http, [&](const Env&, std::shared_ptr<HttpClient>) {
                           asked = true;
                           return StatusOr<std::unique_ptr<AccessTokenSource>>(
                               std::make_unique<StaticTokenSource>("tok"));
                         }};
    auto store = OpenStore("gs://bkt", context);
    ASSERT_TRUE(store.ok());
    EXPECT_FALSE(asked);
    http->Push(204, "");
    EXPECT_TRUE((*store)->Delete("x y", std::nullopt).ok());
    const auto r = http->requests().at(0);
    EXPECT_EQ(r.method, "DELETE");
    EXPECT_EQ(r.url, "http://127.0.0.1:9/storage/v1/b/bkt/o/x%20y");
    EXPECT_EQ(RequestHeader(r, "Authorization"), "");
  }
}

TEST(ObjectNames, ContentTypeFromExtension) {
  EXPECT_EQ(GuessContentType("a/B.JPG"), "image/jpeg");
  EXPECT_EQ(GuessContentType("x.pdf"), "application/pdf");
  EXPECT_EQ(GuessContentType("x.jpg.json"), "application/json");
  EXPECT_EQ(GuessContentType("dir.jpg/noext"), "application/octet-stream");
  EXPECT_EQ(GuessContentType(".heic"), "image/heic");
}

TEST(ObjectNames, GcsRulesAcceptWhatGcsAccepts) {
  EXPECT_TRUE(ValidateObjectName("a/../b").ok());  // legal in GCS, refused only locally
  EXPECT_TRUE(ValidateObjectName("é/日本.jpg").ok());
  EXPECT_EQ(ValidateLocalObjectName("a/../b").code(), StatusCode::kInvalidArgument);
  EXPECT_TRUE(ValidateLocalObjectName("é/日本.jpg").ok());
  EXPECT_TRUE(ValidateLocalObjectName("..a/b..").ok());
  EXPECT_TRUE(ValidateLocalPrefix("").ok());
  EXPECT_TRUE(ValidateLocalPrefix("scans/").ok());
  EXPECT_EQ(ValidateLocalPrefix("/").code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace jae
