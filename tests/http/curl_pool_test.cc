// The curl handle pool of CurlHttpClient against a real local server: connections are
// reused, nothing of one request leaks into the next, concurrency is not limited by the
// pool bound, and a refused option still fails only its own request.
#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "http/curl_http_client.h"
#include "testing/local_http_server.h"

namespace jae {
namespace {

using testing::LocalHttpServer;

CurlClientOptions Options(std::size_t max_idle_handles, std::string ca_file = "") {
  CurlClientOptions options;
  options.max_idle_handles = max_idle_handles;
  options.ca_file = std::move(ca_file);
  return options;
}

class CurlPoolTest : public ::testing::Test {
 protected:
  void Serve(LocalHttpServer& server) {
    server.server().Get("/echo", [](const httplib::Request& req, httplib::Response& res) {
      res.set_content("GET " + req.body, "text/plain");
    });
    server.server().Post("/echo", [](const httplib::Request& req, httplib::Response& res) {
      res.set_content("POST " + req.body + " " + req.get_header_value("X-Tag"), "text/plain");
    });
    server.Start();
  }

  static HttpRequest Request(const LocalHttpServer& server, std::string method,
                             std::string body = "") {
    HttpRequest request;
    request.method = std::move(method);
    request.url = server.Url("/echo");
    request.body = std::move(body);
    request.timeout = std::chrono::milliseconds(10000);
    return request;
  }
};

TEST_F(CurlPoolTest, SequentialRequestsShareOneConnection) {
  LocalHttpServer server(LocalHttpServer::Scheme::kHttp);
  Serve(server);
  auto client = MakeCurlHttpClient(CurlClientOptions{});
  for (int i = 0; i < 5; ++i) {
    auto r = client->Send(Request(server, "GET"));
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    EXPECT_EQ(r->status, 200);
  }
  EXPECT_EQ(server.connections(), 1u);
}

TEST_F(CurlPoolTest, WithoutAPoolEveryRequestConnects) {
  LocalHttpServer server(LocalHttpServer::Scheme::kHttp);
  Serve(server);
  auto client = MakeCurlHttpClient(Options(0));
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(client->Send(Request(server, "GET")).ok());
  EXPECT_EQ(server.connections(), 3u);
}

TEST_F(CurlPoolTest, NothingOfOneRequestLeaksIntoTheNext) {
  LocalHttpServer server(LocalHttpServer::Scheme::kHttp);
  Serve(server);
  auto client = MakeCurlHttpClient(Options(1));
  HttpRequest post = Request(server, "POST", "payload");
  post.headers = {{"X-Tag", "first"}};
  auto r = client->Send(post);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->body, "POST payload first");
  // HEAD sets CURLOPT_NOBODY; a GET on the same handle afterwards must have a body again.
  ASSERT_TRUE(client->Send(Request(server, "HEAD")).ok());
  r = client->Send(Request(server, "GET"));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->body, "GET ");  // no body, no method or header left from the POST
  r = client->Send(Request(server, "POST", "two"));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->body, "POST two ");
  EXPECT_EQ(server.connections(), 1u);
}

TEST_F(CurlPoolTest, ARefusedOptionFailsOnlyItsOwnRequest) {
  LocalHttpServer server(LocalHttpServer::Scheme::kHttp);
  Serve(server);
  auto client = MakeCurlHttpClient(Options(1));
  ASSERT_TRUE(client->Send(Request(server, "GET")).ok());
  HttpRequest refused = Request(server, "GET");
  refused.url = server.Url("/") + std::string(9 * 1024 * 1024, 'a');  // past CURL_MAX_INPUT_LENGTH
  EXPECT_EQ(client->Send(refused).status().code(), StatusCode::kInvalidArgument);
  auto r = client->Send(Request(server, "GET"));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(server.connections(), 1u);
}

TEST_F(CurlPoolTest, ConcurrencyIsNotBoundedByThePool) {
  LocalHttpServer server(LocalHttpServer::Scheme::kHttp);
  Serve(server);
  auto client = MakeCurlHttpClient(Options(2));
  std::atomic<int> ok{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 6; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 10; ++i) {
        auto r = client->Send(Request(server, "POST", std::to_string(t)));
        if (r.ok() && r->body == "POST " + std::to_string(t) + " ") ++ok;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(ok.load(), 60);
}

TEST_F(CurlPoolTest, TlsSessionsAreReused) {
  LocalHttpServer server(LocalHttpServer::Scheme::kHttps);
  Serve(server);
  auto client = MakeCurlHttpClient(Options(16, server.ca_file()));
  for (int i = 0; i < 4; ++i) {
    auto r = client->Send(Request(server, "GET"));
    ASSERT_TRUE(r.ok()) << r.status().ToString();
  }
  EXPECT_EQ(server.full_handshakes(), 1);
  EXPECT_EQ(server.connections(), 1u);
}

TEST_F(CurlPoolTest, AnUntrustedCertificateIsRefused) {
  LocalHttpServer server(LocalHttpServer::Scheme::kHttps);
  Serve(server);
  auto client = MakeCurlHttpClient(CurlClientOptions{});
  EXPECT_EQ(client->Send(Request(server, "GET")).status().code(), StatusCode::kUnavailable);
}

}  // namespace
}  // namespace jae
