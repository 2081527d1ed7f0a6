#include "store/gcs_store.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "testing/fake_clock.h"
#include "testing/fake_http_client.h"

namespace jae {

using testing::FakeRetryClock;

namespace {

using ::jae::testing::FakeHttpClient;
using ::jae::testing::RequestHeader;
using ::testing::HasSubstr;
using ::testing::StartsWith;

constexpr char kRoot[] = "https://gcs.test";

std::string ObjectJson(const std::string& name, const std::string& generation = "1700000000000001",
                       const std::string& size = "4") {
  return nlohmann::json{{"kind", "storage#object"},   {"name", name},          {"bucket", "bkt"},
                        {"generation", generation},   {"metageneration", "1"}, {"size", size},
                        {"contentType", "image/jpeg"}}
      .dump();
}

std::string ErrorJson(int code, const std::string& message) {
  return nlohmann::json{{"error", {{"code", code}, {"message", message}}}}.dump();
}

class GcsStoreTest : public ::testing::Test {
 protected:
  std::unique_ptr<Store> Make(std::string prefix = "pre",
                              std::shared_ptr<AccessTokenSource> tokens = nullptr) {
    GcsStoreOptions options;
    options.endpoint = kRoot;
    options.seed = 42;
    options.clock = clock_;
    auto store = MakeGcsStore("bkt", std::move(prefix), http_, tokens, options);
    EXPECT_TRUE(store.ok()) << store.status().ToString();
    return std::move(store).value();
  }

  std::shared_ptr<FakeHttpClient> http_ = std::make_shared<FakeHttpClient>();
  std::shared_ptr<FakeRetryClock> clock_ = std::make_shared<FakeRetryClock>();
  std::vector<std::chrono::milliseconds> sleeps() const { return clock_->sleeps(); }
};

TEST_F(GcsStoreTest, HostileNamesAreEncodedAsOnePathSegment) {
  auto store = Make();
  http_->Push(200, ObjectJson("pre/dir/a b?#%+&=é.jpg"));
  auto meta = store->Stat("dir/a b?#%+&=é.jpg");
  ASSERT_TRUE(meta.ok()) << meta.status().ToString();
  EXPECT_EQ(meta->name, "dir/a b?#%+&=é.jpg");  // relative to the prefix
  EXPECT_EQ(meta->generation, "1700000000000001");
  EXPECT_EQ(meta->size, 4);
  EXPECT_EQ(meta->content_type, "image/jpeg");
  ASSERT_EQ(http_->requests().size(), 1u);
  EXPECT_EQ(http_->requests()[0].method, "GET");
  EXPECT_EQ(http_->requests()[0].url,
            "https://gcs.test/storage/v1/b/bkt/o/pre%2Fdir%2Fa%20b%3F%23%25%2B%26%3D%C3%A9.jpg");
  // "../" is a legal GCS name and stays inside the one path segment.
  http_->Push(200, ObjectJson("pre/../x"));
  ASSERT_TRUE(store->Stat("../x").ok());
  EXPECT_EQ(http_->requests()[1].url, "https://gcs.test/storage/v1/b/bkt/o/pre%2F..%2Fx");
  EXPECT_EQ(store->UriOf("a/b.jpg"), "gs://bkt/pre/a/b.jpg");
}

TEST_F(GcsStoreTest, InvalidNamesNeverReachTheNetwork) {
  auto store = Make();
  for (const std::string& name : std::vector<std::string>{
           std::string(), std::string("a\nb"), std::string("a\rb"), std::string("a\0b", 3),
           std::string("\xff"), std::string(".."), std::string(".well-known/acme-challenge/x")}) {
    EXPECT_EQ(store->Stat(name).status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(store->Read(name, std::nullopt, 10).status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(store->Write(name, "x", "", "0").status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(store->Delete(name, std::nullopt).code(), StatusCode::kInvalidArgument);
  }
  EXPECT_EQ(store->Read("a", "12; DROP", 10).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(store->Write("a", "x", "", "0&x=1").status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(store->Write("a", "x", "text/plain\r\nX-Evil: 1", "0").status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_TRUE(http_->requests().empty());
}

TEST_F(GcsStoreTest, ReadIsPinnedToTheGenerationAndBounded) {
  auto store = Make("");
  http_->Push(200, "JPEG");
  auto bytes = store->Read("scans/a.jpg", "123", 1000);
  ASSERT_TRUE(bytes.ok());
  EXPECT_EQ(*bytes, "JPEG");
  EXPECT_EQ(http_->requests()[0].url,
            "https://gcs.test/storage/v1/b/bkt/o/scans%2Fa.jpg?alt=media&generation=123");
  EXPECT_GE(http_->requests()[0].max_response_bytes, 1000);

  http_->Push(200, std::string(1001, 'x'));
  EXPECT_EQ(store->Read("a.jpg", std::nullopt, 1000).status().code(), StatusCode::kOutOfRange);
  http_->Push(Status(StatusCode::kOutOfRange, "response body larger than 65536 bytes"));
  EXPECT_EQ(store->Read("a.jpg", std::nullopt, 1000).status().code(), StatusCode::kOutOfRange);
  EXPECT_EQ(http_->requests().size(), 3u);  // OutOfRange is final, not retried
  http_->Push(404, ErrorJson(404, "No such object: bkt/a.jpg"));
  auto missing = store->Read("a.jpg", "1", 0);  // a small error body still gets through
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  EXPECT_THAT(missing.status().message(), HasSubstr("HTTP 404"));
}

TEST_F(GcsStoreTest, WriteIsOneMultipartUploadWithThePrecondition) {
  auto store = Make();
  http_->Push(200, ObjectJson("pre/r/a.jpg.json", "77", "2"));
  auto meta = store->Write("r/a.jpg.json", "{}", "application/json", "0");
  ASSERT_TRUE(meta.ok()) << meta.status().ToString();
  EXPECT_EQ(meta->name, "r/a.jpg.json");
  EXPECT_EQ(meta->generation, "77");
  const HttpRequest r = http_->requests().at(0);
  EXPECT_EQ(r.method, "POST");
  EXPECT_EQ(r.url,
            "https://gcs.test/upload/storage/v1/b/bkt/o?uploadType=multipart&ifGenerationMatch=0");
  const std::string type = RequestHeader(r, "Content-Type");
  ASSERT_THAT(type, StartsWith("multipart/related; boundary=\"==============="));
  const std::string boundary = type.substr(type.find('"') + 1, 36);
  EXPECT_EQ(boundary.size(), 36u);
  EXPECT_EQ(r.body, "--" + boundary +
                        "\r\ncontent-type: application/json; charset=UTF-8\r\n\r\n"
                        "{\"contentType\":\"application/json\",\"name\":\"pre/r/a.jpg.json\"}\r\n"
                        "--" +
                        boundary +
                        "\r\ncontent-type: application/json\r\n\r\n{}\r\n"
                        "--" +
                        boundary + "--");
}

TEST_F(GcsStoreTest, StatusCodesMapToStatus) {
  auto store = Make();
  const std::vector<std::pair<int, StatusCode>> cases = {
      // Issue 12 item 6: a server 400 is not "the name is invalid" (our own checks refuse
      // those first): it must not make an event final.
      {400, StatusCode::kInternal},         {401, StatusCode::kUnauthenticated},
      {403, StatusCode::kPermissionDenied}, {404, StatusCode::kNotFound},
      {409, StatusCode::kAlreadyExists},    {412, StatusCode::kFailedPrecondition},
      {418, StatusCode::kInternal},
  };
  for (const auto& [http, code] : cases) {
    http_->Push(http, ErrorJson(http, "nope"));
    EXPECT_EQ(store->Write("a", "x", "", "0").status().code(), code) << http;
  }
  EXPECT_EQ(http_->requests().size(), cases.size());  // none of these is retried
  EXPECT_TRUE(sleeps().empty());
}

// Issue 12 item 14: GCS quotes the object name in its messages; errors keep the HTTP
// status and the machine-readable reason only.
TEST_F(GcsStoreTest, ErrorsDoNotQuoteTheServerMessage) {
  auto store = Make();
  const std::string body =
      R"({"error":{"code":404,"message":"No such object: b/pre/scans/MARTIN_Maelys_id.jpg",)"
      R"("errors":[{"message":"No such object: b/pre/scans/MARTIN_Maelys_id.jpg",)"
      R"("domain":"global","reason":"notFound"}]}})";
  http_->Push(404, body);
  const Status status = store->Read("scans/MARTIN_Maelys_id.jpg", std::nullopt, 10).status();
  EXPECT_EQ(status.code(), StatusCode::kNotFound);
  EXPECT_EQ(status.message().find("MARTIN"), std::string::npos) << status.message();
  EXPECT_NE(status.message().find("HTTP 404"), std::string::npos);
  EXPECT_NE(status.message().find("notFound"), std::string::npos);
}

TEST_F(GcsStoreTest, IdempotentCallsAreRetriedWithBackoff) {
  auto store = Make();
  http_->Push(503, ErrorJson(503, "backend"));
  http_->Push(Status(StatusCode::kUnavailable, "connection reset"));
  http_->Push(429, ErrorJson(429, "slow down"), {{"retry-after", "2"}});
  http_->Push(500, "");
  http_->Push(200, ObjectJson("pre/a"));
  ASSERT_TRUE(store->Stat("a").ok());
  EXPECT_EQ(http_->requests().size(), 5u);
  ASSERT_EQ(sleeps().size(), 4u);
  // Full jitter under a growing cap (250 ms × 2^n), Retry-After as a floor.
  EXPECT_LE(sleeps()[0].count(), 250);
  EXPECT_LE(sleeps()[1].count(), 500);
  EXPECT_GE(sleeps()[2].count(), 2000);
  EXPECT_LE(sleeps()[3].count(), 2000);
}

TEST_F(GcsStoreTest, RetriesGiveUpWithATransientCode) {
  auto store = Make();
  http_->SetHandler([](const HttpRequest&) { return HttpResponse{429, {}, ErrorJson(429, "q")}; });
  EXPECT_EQ(store->Read("a", std::nullopt, 10).status().code(), StatusCode::kResourceExhausted);
  EXPECT_EQ(http_->requests().size(), 5u);  // max_attempts
  http_->SetHandler([](const HttpRequest&) { return HttpResponse{502, {}, ""}; });
  EXPECT_EQ(store->List("", "").status().code(), StatusCode::kUnavailable);
  http_->SetHandler([](const HttpRequest&) -> StatusOr<HttpResponse> {
    return DeadlineExceededError("timeout");
  });
  EXPECT_EQ(store->Stat("a").status().code(), StatusCode::kDeadlineExceeded);
  EXPECT_EQ(http_->requests().size(), 15u);
}

TEST_F(GcsStoreTest, NonIdempotentCallsAreNotRetried) {
  auto store = Make();
  http_->SetHandler([](const HttpRequest&) { return HttpResponse{503, {}, ""}; });
  EXPECT_EQ(store->Write("a", "x", "", std::nullopt).status().code(), StatusCode::kUnavailable);
  EXPECT_EQ(http_->requests().size(), 1u);
  EXPECT_EQ(store->Delete("a", std::nullopt).code(), StatusCode::kUnavailable);
  EXPECT_EQ(http_->requests().size(), 2u);
  http_->SetHandler([](const HttpRequest&) -> StatusOr<HttpResponse> {
    return UnavailableError("connection refused");
  });
  EXPECT_EQ(store->Write("a", "x", "", std::nullopt).status().code(), StatusCode::kUnavailable);
  EXPECT_EQ(http_->requests().size(), 3u);
  EXPECT_TRUE(sleeps().empty());

  // With a generation precondition the same calls are idempotent, hence retried.
  http_->SetHandler(nullptr);
  http_->Push(503, "");
  http_->Push(200, ObjectJson("pre/a"));
  ASSERT_TRUE(store->Write("a", "x", "", "0").ok());
  http_->Push(503, "");
  http_->Push(204, "");
  ASSERT_TRUE(store->Delete("a", "5").ok());
  const auto requests = http_->requests();
  ASSERT_EQ(requests.size(), 7u);
  EXPECT_EQ(requests[6].method, "DELETE");
  EXPECT_EQ(requests[6].url, "https://gcs.test/storage/v1/b/bkt/o/pre%2Fa?ifGenerationMatch=5");
  EXPECT_EQ(requests[3].body, requests[4].body);  // the same upload, resent
  EXPECT_EQ(sleeps().size(), 2u);
}

TEST_F(GcsStoreTest, BearerTokenOnlyWhenATokenSourceIsGiven) {
  auto tokens = std::make_shared<StaticTokenSource>("ya29.secret");
  auto authed = Make("", tokens);
  http_->Push(200, ObjectJson("a"));
  ASSERT_TRUE(authed->Stat("a").ok());
  EXPECT_EQ(RequestHeader(http_->requests()[0], "Authorization"), "Bearer ya29.secret");
  auto anonymous = Make("");
  http_->Push(200, ObjectJson("a"));
  ASSERT_TRUE(anonymous->Stat("a").ok());
  EXPECT_EQ(RequestHeader(http_->requests()[1], "Authorization"), "");
}

TEST_F(GcsStoreTest, ListPagesAndStripsThePrefix) {
  auto store = Make("in/box/");
  http_->Push(200, nlohmann::json{{"kind", "storage#objects"},
                                  {"items",
                                   {nlohmann::json::parse(ObjectJson("in/box/scans/a.jpg")),
                                    {{"name", "in/box/scans/b.jpg"},
                                     {"generation", 17},  // numbers are accepted too
                                     {"size", 3}}}},
                                  {"nextPageToken", "tok/+="}}
                       .dump());
  auto page = store->List("scans/", "");
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  ASSERT_EQ(page->objects.size(), 2u);
  EXPECT_EQ(page->objects[0].name, "scans/a.jpg");
  EXPECT_EQ(page->objects[1].name, "scans/b.jpg");
  EXPECT_EQ(page->objects[1].generation, "17");
  EXPECT_EQ(page->objects[1].content_type, "application/octet-stream");
  EXPECT_EQ(page->next_page_token, "tok/+=");
  EXPECT_EQ(http_->requests()[0].url,
            "https://gcs.test/storage/v1/b/bkt/o?maxResults=1000&prefix=in%2Fbox%2Fscans%2F");

  http_->Push(200, R"({"kind":"storage#objects"})");
  auto last = store->List("scans/", page->next_page_token);
  ASSERT_TRUE(last.ok());
  EXPECT_TRUE(last->objects.empty());
  EXPECT_TRUE(last->next_page_token.empty());
  EXPECT_THAT(http_->requests()[1].url, HasSubstr("&pageToken=tok%2F%2B%3D"));

  http_->Push(200, "<html>not json</html>");
  EXPECT_EQ(store->List("", "").status().code(), StatusCode::kInternal);
}

TEST(GcsBucketNames, FollowCloudStorageRules) {
  for (const std::string& ok :
       std::vector<std::string>{"abc", "my-bucket_1", "a.b.c", "0ab", std::string(63, 'a')}) {
    EXPECT_TRUE(ValidateBucketName(ok).ok()) << ok;
  }
  for (const std::string& bad :
       std::vector<std::string>{"", "ab", "Abc", "-ab", "ab-", "a b", "a/b", "a..b", "ab?x",
                                std::string(64, 'a'), "é-bucket"}) {
    EXPECT_EQ(ValidateBucketName(bad).code(), StatusCode::kInvalidArgument) << bad;
  }
}

MapEnv Env2(std::map<std::string, std::string, std::less<>> vars) {
  return MapEnv(std::move(vars));
}

TEST(GcsEmulator, BothVariableNamesAndBareHosts) {
  EXPECT_EQ(GcsEmulatorEndpoint(MapEnv()), std::nullopt);
  EXPECT_EQ(GcsEmulatorEndpoint(Env2({{"STORAGE_EMULATOR_HOST", "http://127.0.0.1:9199/"}})),
            "http://127.0.0.1:9199");
  EXPECT_EQ(GcsEmulatorEndpoint(Env2({{"STORAGE_EMULATOR_HOST", "localhost:4443"}})),
            "http://localhost:4443");
  EXPECT_EQ(GcsEmulatorEndpoint(Env2({{"CLOUD_STORAGE_EMULATOR_ENDPOINT", "https://emu:1"}})),
            "https://emu:1");
  EXPECT_EQ(GcsEmulatorEndpoint(Env2({{"STORAGE_EMULATOR_HOST", "http://a:1"},
                                      {"CLOUD_STORAGE_EMULATOR_ENDPOINT", "http://b:2"}})),
            "http://a:1");
}

}  // namespace
}  // namespace jae
