// The libcurl client refuses to send a request libcurl did not fully accept (issue 12,
// item 11: curl_easy_setopt results were never checked).
#include "http/http_client.h"

#include <gtest/gtest.h>

#include <string>

namespace jae {
namespace {

TEST(CurlHttpClient, ARefusedOptionFailsTheRequestWithoutSendingIt) {
  auto client = MakeCurlHttpClient();
  HttpRequest request;
  // libcurl refuses strings past 8 MB (CURL_MAX_INPUT_LENGTH) in curl_easy_setopt; the
  // request used to go ahead without a URL and fail as "unavailable" (retried forever).
  request.url = "http://127.0.0.1:9/" + std::string(9 * 1024 * 1024, 'a');
  request.timeout = std::chrono::milliseconds(2000);
  auto response = client->Send(request);
  ASSERT_FALSE(response.ok());
  EXPECT_EQ(response.status().code(), StatusCode::kInvalidArgument) << response.status().ToString();
}

}  // namespace
}  // namespace jae
