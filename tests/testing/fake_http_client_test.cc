// The shared test double's own contract: queue first, then the handler, then 200 "{}".
#include "testing/fake_http_client.h"

#include <gtest/gtest.h>

namespace jae::testing {
namespace {

TEST(FakeHttpClientTest, QueueThenHandlerThenDefault) {
  FakeHttpClient http;
  EXPECT_EQ(http.Send({}).value().status, 200);
  http.Push(503, "busy");
  http.Push(UnavailableError("reset"));
  http.SetHandler([](const HttpRequest&) { return MakeResponse(404, "none"); });
  EXPECT_EQ(http.Send({}).value().body, "busy");
  EXPECT_EQ(http.Send({}).status().code(), StatusCode::kUnavailable);
  EXPECT_EQ(http.Send({}).value().status, 404);
  http.SetHandler(nullptr);
  EXPECT_EQ(http.Send({}).value().body, "{}");
  EXPECT_EQ(http.count(), 5u);
}

TEST(FakeHttpClientTest, RecordsRequestsAndFindsHeadersCaseInsensitively) {
  FakeHttpClient http([](const HttpRequest& r) { return MakeResponse(200, r.body); });
  HttpRequest request;
  request.body = "hello";
  request.headers = {{"Content-Type", "text/plain"}};
  EXPECT_EQ(http.Send(request).value().body, "hello");
  ASSERT_EQ(http.requests().size(), 1u);
  EXPECT_EQ(RequestHeader(http.requests()[0], "content-type"), "text/plain");
  EXPECT_EQ(RequestHeader(http.requests()[0], "authorization"), "");
}

}  // namespace
}  // namespace jae::testing
