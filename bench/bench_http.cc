// The libcurl client's handle pool (issue 13, item 5), before and after, in one run:
// `pool:0` is a new curl handle per request (the behaviour before the pool: a new TCP
// connection and a full TLS handshake every call), `pool:1` the default pooled client.
// Two request shapes against a local cpp-httplib server, over TLS (a self-signed P-256
// certificate made at start-up) and plain HTTP:
//  - GeminiCall: a warm generateContent call, a 200 KB JSON body (a normalised JPEG in
//    base64) answered by 1.5 KB of JSON;
//  - GcsWrite: a result upload, a 4 KB multipart body answered by the object's metadata.
// Counters per request: conns (new TCP connections), full_tls and resumed_tls (TLS
// handshakes). The request shapes are built here rather than through GeminiEngine and
// GcsStore, so the figures isolate the transport.
#include <benchmark/benchmark.h>

#include <memory>
#include <string>

#include "http/curl_http_client.h"
#include "testing/local_http_server.h"

namespace {

using jae::testing::LocalHttpServer;

const std::string kGeminiRequest = R"({"contents":[{"parts":[{"inline_data":{"data":")" +
                                   std::string(200 * 1024, 'Q') + R"("}}]}]})";
const std::string kGeminiResponse =
    R"({"candidates":[{"content":{"parts":[{"text":")" + std::string(1400, 'x') + R"("}]}}]})";
const std::string kObject =
    R"({"kind":"storage#object","name":"r/a.jpg.json","bucket":"b","generation":"1700000000000001","metageneration":"1","size":"4096"})";

LocalHttpServer& Server(bool tls) {
  auto make = [](LocalHttpServer::Scheme scheme) {
    auto server = std::make_unique<LocalHttpServer>(scheme);
    server->server().Post("/v1beta/models/m:generateContent",
                          [](const httplib::Request&, httplib::Response& res) {
                            res.set_content(kGeminiResponse, "application/json");
                          });
    server->server().Post("/upload/storage/v1/b/b/o",
                          [](const httplib::Request&, httplib::Response& res) {
                            res.set_content(kObject, "application/json");
                          });
    server->Start();
    return server;
  };
  // One server per scheme for the whole run (stopped at exit).
  static auto https = make(LocalHttpServer::Scheme::kHttps);
  static auto http = make(LocalHttpServer::Scheme::kHttp);
  return tls ? *https : *http;
}

jae::HttpRequest GeminiCall(const LocalHttpServer& server) {
  jae::HttpRequest request;
  request.method = "POST";
  request.url = server.Url("/v1beta/models/m:generateContent");
  request.headers = {{"Content-Type", "application/json"}, {"x-goog-api-key", "bench-key"}};
  request.body = kGeminiRequest;
  return request;
}

jae::HttpRequest GcsWrite(const LocalHttpServer& server) {
  jae::HttpRequest request;
  request.method = "POST";
  request.url = server.Url("/upload/storage/v1/b/b/o?uploadType=multipart&ifGenerationMatch=0");
  request.headers = {{"Content-Type", "multipart/related; boundary=jae"},
                     {"Authorization", "Bearer ya29.bench"}};
  request.body =
      "--jae\r\nContent-Type: application/json\r\n\r\n{\"name\":\"r/a.jpg.json\"}\r\n"
      "--jae\r\nContent-Type: application/json\r\n\r\n" +
      std::string(4096, 'r') + "\r\n--jae--\r\n";
  return request;
}

template <jae::HttpRequest (*Shape)(const LocalHttpServer&)>
void BM_Request(benchmark::State& state) {
  const bool pooled = state.range(0) != 0;
  const bool tls = state.range(1) != 0;
  LocalHttpServer& server = Server(tls);
  auto client = jae::MakeCurlHttpClient(jae::CurlClientOptions{
      .max_idle_handles = pooled ? jae::CurlClientOptions{}.max_idle_handles : 0u,
      .ca_file = server.ca_file()});
  const jae::HttpRequest request = Shape(server);
  // Warm: the first call (connection, handshake) is outside the measurement.
  if (auto r = client->Send(request); !r.ok() || r->status != 200) {
    state.SkipWithError("warm-up request failed");
    return;
  }
  server.ResetCounts();
  for (auto _ : state) {
    auto r = client->Send(request);
    if (!r.ok() || r->status != 200) {
      state.SkipWithError(r.ok() ? "unexpected HTTP status" : r.status().ToString().c_str());
      break;
    }
    benchmark::DoNotOptimize(r->body.data());
  }
  const double n = static_cast<double>(state.iterations());
  // Distinct client ports; a pooled run keeps its warm-up connection (seen again: 1).
  state.counters["conns"] = static_cast<double>(server.connections()) / n;
  state.counters["full_tls"] = server.full_handshakes() / n;
  state.counters["resumed_tls"] = server.resumed_handshakes() / n;
}

void Args(benchmark::internal::Benchmark* b) {
  b->ArgNames({"pool", "tls"});
  for (int tls : {1, 0}) {
    for (int pool : {0, 1}) b->Args({pool, tls});
  }
  b->UseRealTime()->Unit(benchmark::kMicrosecond);
}

BENCHMARK(BM_Request<GeminiCall>)->Name("BM_GeminiCall")->Apply(Args);
BENCHMARK(BM_Request<GcsWrite>)->Name("BM_GcsWrite")->Apply(Args);

}  // namespace

BENCHMARK_MAIN();
