#include "service/service.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <ifaddrs.h>
#include <netinet/in.h>

#include <cstdio>
#include <thread>

#include "pipeline/pipeline.h"
#include "service/access_control.h"
#include "service/http_server.h"
#include "service/serve_config.h"
#include "testing/fake_clock.h"
#include "testing/fake_pipeline.h"
#include "testing/memory_store.h"

namespace jae {

using testing::FakeClock;

namespace {

using testing::FakePipeline;
using testing::kJpeg;
using testing::MemoryStore;

class OneBucket final : public SourceStores {
 public:
  explicit OneBucket(MemoryStore& store) : store_(store) {}
  StatusOr<Store*> ForBucket(std::string_view bucket) override {
    if (!IsValidBucketName(bucket)) return InvalidArgumentError("not a valid bucket name");
    if (bucket != "src-bucket") return UnavailableError("unknown bucket");
    return &store_;
  }

 private:
  MemoryStore& store_;
};

events::EventHeaders Binary() {
  return {{"Content-Type", "application/json"},
          {"ce-id", "1"},
          {"ce-specversion", "1.0"},
          {"ce-type", "google.cloud.storage.object.v1.finalized"},
          {"ce-source", "//storage.googleapis.com/projects/_/buckets/src-bucket"}};
}

std::string ObjectJson(const std::string& name, const std::string& generation, long size = 104) {
  return R"({"bucket":"src-bucket","name":")" + name + R"(","generation":")" + generation +
         R"(","size":")" + std::to_string(size) + R"(","contentType":"image/jpeg"})";
}

class ServiceTest : public ::testing::Test {
 protected:
  ServiceTest()
      : log_file_(std::tmpfile()),
        log_(log_file_, Severity::kDebug, "demo-project", clock_),
        processor_(results_, [this](const DocumentInput& in) { return pipeline_(in); }, clock_, {}),
        sources_(source_) {
    ServiceOptions options;
    options.max_in_flight = 2;
    options.results_bucket = "src-bucket";
    options.results_prefix = "results/";
    service_ = std::make_unique<Service>(
        options, processor_, sources_, [this](const DocumentInput& in) { return pipeline_(in); },
        log_, metrics_);
  }
  ~ServiceTest() override { std::fclose(log_file_); }

  std::string Logs() {
    std::fflush(log_file_);
    std::rewind(log_file_);
    std::string out;
    char buf[4096];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, log_file_)) > 0) out.append(buf, n);
    return out;
  }

  FakeClock clock_{std::chrono::system_clock::time_point{}};
  std::FILE* log_file_;
  JsonLog log_;
  Metrics metrics_;
  MemoryStore source_{"gs://src-bucket"};
  MemoryStore results_{"gs://src-bucket/results"};
  FakePipeline pipeline_;
  ObjectProcessor processor_;
  OneBucket sources_;
  std::unique_ptr<Service> service_;
};

TEST_F(ServiceTest, EventWritesResultOnceAnswering200) {
  const std::string gen = source_.Put("scans/a.jpg", kJpeg);
  for (int i = 0; i < 3; ++i) {
    Answer a = service_->HandleEvent(Binary(), ObjectJson("scans/a.jpg", gen), nullptr);
    EXPECT_EQ(a.status, 200) << a.body;
  }
  EXPECT_EQ(pipeline_.calls, 1);
  EXPECT_EQ(results_.writes, 1);
  const std::string metrics = service_->MetricsText().body;
  EXPECT_NE(metrics.find("jae_events_total{outcome=\"processed\"} 1"), std::string::npos);
  EXPECT_NE(metrics.find("jae_events_total{outcome=\"duplicate\"} 2"), std::string::npos);
  EXPECT_NE(metrics.find("jae_results_total{status=\"ok\",error=\"\"} 1"), std::string::npos);
  EXPECT_NE(metrics.find("jae_engine_tokens_total{direction=\"input\"} 1000"), std::string::npos);
  // Logs name no object: only a tag.
  const std::string logs = Logs();
  EXPECT_EQ(logs.find("scans/a.jpg"), std::string::npos);
  EXPECT_NE(logs.find(NameTag("scans/a.jpg")), std::string::npos);
}

// Issue 12 item 13: events naming a bucket outside SOURCE_BUCKETS are refused (2xx,
// logged, counted) before any storage is touched.
TEST_F(ServiceTest, BucketOutsideSourceBucketsIsRefused) {
  ServiceOptions options;
  options.source_buckets = {"other-bucket"};
  Service service(
      options, processor_, sources_, [this](const DocumentInput& in) { return pipeline_(in); },
      log_, metrics_);
  const std::string gen = source_.Put("scans/a.jpg", kJpeg);
  const Answer a = service.HandleEvent(Binary(), ObjectJson("scans/a.jpg", gen), nullptr);
  EXPECT_EQ(a.status, 200);
  EXPECT_NE(a.body.find("refused"), std::string::npos);
  EXPECT_EQ(source_.reads, 0);
  EXPECT_EQ(pipeline_.calls, 0);
  EXPECT_EQ(results_.writes, 0);
  EXPECT_NE(metrics_.Render(0, 1).find("jae_events_total{outcome=\"refused_bucket\"} 1"),
            std::string::npos);
  EXPECT_NE(Logs().find("SOURCE_BUCKETS"), std::string::npos);
  ServiceOptions allowed;
  allowed.source_buckets = {"other-bucket", "src-bucket"};
  Service service2(
      allowed, processor_, sources_, [this](const DocumentInput& in) { return pipeline_(in); },
      log_, metrics_);
  EXPECT_EQ(service2.HandleEvent(Binary(), ObjectJson("scans/a.jpg", gen), nullptr).status, 200);
  EXPECT_TRUE(results_.Has("scans/a.jpg.json"));
}

// Issue 12 item 8: a configuration error answers 503, writes nothing, logs at ERROR
// naming the variable, and fails /readyz until a document succeeds.
TEST_F(ServiceTest, ConfigurationErrorAnswers503AndFailsReadyz) {
  const std::string gen = source_.Put("a.jpg", kJpeg);
  pipeline_.FailWith(NotFoundError("model not found: set GEMINI_MODEL to a current model id"));
  const Answer a = service_->HandleEvent(Binary(), ObjectJson("a.jpg", gen), nullptr);
  EXPECT_EQ(a.status, 503);
  EXPECT_FALSE(results_.Has("a.jpg.json"));
  EXPECT_EQ(service_->Readyz().status, 503);
  const std::string logs = Logs();
  EXPECT_NE(logs.find("\"severity\":\"ERROR\""), std::string::npos);
  EXPECT_NE(logs.find("GEMINI_MODEL"), std::string::npos);
  EXPECT_EQ(service_->HandleExtract(kJpeg, "image/jpeg", "", nullptr).status, 503);
  pipeline_.Clear();
  EXPECT_EQ(service_->HandleEvent(Binary(), ObjectJson("a.jpg", gen), nullptr).status, 200);
  EXPECT_TRUE(results_.Has("a.jpg.json"));
  EXPECT_EQ(service_->Readyz().status, 200);
  service_->MarkMisconfigured();  // e.g. the image module did not load
  EXPECT_EQ(service_->Readyz().status, 503);
}

// Issue 12 item 6: a result write the store refuses for another reason than the name is
// not acknowledged: 503, and the redelivery writes the result.
TEST_F(ServiceTest, ResultWriteFailureIsNotAcknowledged) {
  const std::string gen = source_.Put("a.jpg", kJpeg);
  results_.FailOn("write", InternalError("write object: HTTP 400 (invalid)"));
  EXPECT_EQ(service_->HandleEvent(Binary(), ObjectJson("a.jpg", gen), nullptr).status, 503);
  results_.ClearFaults();
  EXPECT_EQ(service_->HandleEvent(Binary(), ObjectJson("a.jpg", gen), nullptr).status, 200);
  EXPECT_TRUE(results_.Has("a.jpg.json"));
}

TEST_F(ServiceTest, StatusCodes) {
  EXPECT_EQ(service_->HandleEvent({}, "hello", nullptr).status, 400);
  EXPECT_EQ(service_->HandleEvent({}, R"({"x":1})", nullptr).status, 400);
  // Unusable: 2xx, logged as an error and counted.
  EXPECT_EQ(service_->HandleEvent(Binary(), "{broken", nullptr).status, 200);
  EXPECT_NE(Logs().find("\"severity\":\"ERROR\""), std::string::npos);
  EXPECT_NE(service_->MetricsText().body.find("jae_events_total{outcome=\"unusable\"} 1"),
            std::string::npos);
  // Ignored kinds.
  EXPECT_EQ(service_->HandleEvent(Binary(), ObjectJson("a.jpg.json", "5"), nullptr).status, 200);
  EXPECT_EQ(service_->HandleEvent(Binary(), ObjectJson("results/x.jpg", "5"), nullptr).status, 200);
  EXPECT_EQ(pipeline_.calls, 0);
  // Transient engine failure: 503, then quota: 429; nothing written.
  const std::string gen = source_.Put("a.jpg", kJpeg);
  pipeline_.down = true;
  EXPECT_EQ(service_->HandleEvent(Binary(), ObjectJson("a.jpg", gen), nullptr).status, 503);
  pipeline_.down = false;
  pipeline_.quota = true;
  EXPECT_EQ(service_->HandleEvent(Binary(), ObjectJson("a.jpg", gen), nullptr).status, 429);
  pipeline_.quota = false;
  EXPECT_FALSE(results_.Has("a.jpg.json"));
  // Storage down: 503.
  results_.SetDown(true);
  EXPECT_EQ(service_->HandleEvent(Binary(), ObjectJson("a.jpg", gen), nullptr).status, 503);
  results_.SetDown(false);
  EXPECT_EQ(service_->HandleEvent(Binary(), ObjectJson("a.jpg", gen), nullptr).status, 200);
  EXPECT_TRUE(results_.Has("a.jpg.json"));
  // A hostile name the store refuses: unusable, 2xx (redelivery cannot help).
  EXPECT_EQ(service_->HandleEvent(Binary(), ObjectJson("../x.jpg", gen, 999999999), nullptr).status,
            200);
  // A bucket name that is not one.
  std::string bad_bucket = R"({"bucket":"../etc","name":"a.jpg","generation":"1","size":"3"})";
  EXPECT_EQ(service_->HandleEvent(Binary(), bad_bucket, nullptr).status, 200);
}

TEST_F(ServiceTest, BackPressureAndDrain) {
  const std::string gen = source_.Put("a.jpg", kJpeg);
  const std::string gen_b = source_.Put("b.jpg", kJpeg);
  const std::string gen_c = source_.Put("c.jpg", kJpeg);
  pipeline_.delay = std::chrono::milliseconds(300);
  std::vector<std::thread> busy;
  std::atomic<int> ok{0};
  busy.emplace_back([&] {
    ok += service_->HandleEvent(Binary(), ObjectJson("a.jpg", gen), nullptr).status == 200;
  });
  busy.emplace_back([&] {
    ok += service_->HandleEvent(Binary(), ObjectJson("b.jpg", gen_b), nullptr).status == 200;
  });
  while (service_->in_flight() < 2) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  EXPECT_EQ(service_->HandleEvent(Binary(), ObjectJson("c.jpg", gen_c), nullptr).status, 429);
  EXPECT_EQ(service_->HandleEvent(Binary(), ObjectJson("c.jpg", gen_c), nullptr).status, 429);
  EXPECT_EQ(service_->HandleEvent(Binary(), ObjectJson("c.jpg", gen_c), nullptr).status, 429);
  // Every refusal counted; one log line for the three (the next one a second later at most).
  EXPECT_NE(service_->MetricsText().body.find(R"(jae_events_total{outcome="busy"} 3)"),
            std::string::npos);
  const std::string logs = Logs();
  const auto first = logs.find("too many in flight");
  ASSERT_NE(first, std::string::npos);
  EXPECT_EQ(logs.find("too many in flight", first + 1), std::string::npos);
  EXPECT_NE(logs.find(R"("refused_since_last_line":1)"), std::string::npos);
  service_->BeginDrain();
  EXPECT_EQ(service_->Readyz().status, 503);
  EXPECT_EQ(service_->Healthz().status, 200);
  EXPECT_EQ(service_->HandleEvent(Binary(), ObjectJson("c.jpg", gen_c), nullptr).status, 503);
  EXPECT_TRUE(service_->WaitIdle(std::chrono::steady_clock::now() + std::chrono::seconds(5)));
  for (auto& t : busy) t.join();
  EXPECT_EQ(ok, 2);  // in-flight work finished
  EXPECT_FALSE(results_.Has("c.jpg.json"));
}

TEST_F(ServiceTest, ExtractAnswersTheResultAndStoresNothing) {
  Answer a = service_->HandleExtract(kJpeg, "image/jpeg", "card.jpg", nullptr);
  EXPECT_EQ(a.status, 200);
  EXPECT_NE(a.body.find("\"status\":\"ok\""), std::string::npos);
  EXPECT_NE(a.body.find("upload:card.jpg"), std::string::npos);
  EXPECT_EQ(results_.writes, 0);
  Answer text = service_->HandleExtract("hello", "text/plain", "", nullptr);
  EXPECT_EQ(text.status, 200);
  EXPECT_NE(text.body.find("unsupported_media_type"), std::string::npos);
  pipeline_.down = true;
  EXPECT_EQ(service_->HandleExtract(kJpeg, "image/jpeg", "", nullptr).status, 503);
}

TEST_F(ServiceTest, TraceGoesIntoLogs) {
  auto trace = ParseTraceHeaders("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", "");
  ASSERT_TRUE(trace.has_value());
  service_->HandleEvent({}, "hello", &*trace);
  EXPECT_NE(Logs().find("\"logging.googleapis.com/trace\":\"projects/demo-project/traces/"
                        "4bf92f3577b34da6a3ce929d0e0e4736\""),
            std::string::npos);
}

TEST(ParseTraceHeaders, BothForms) {
  auto w3c = ParseTraceHeaders("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
                               "105445aa7843bc8bf206b12000100000/1;o=0");
  ASSERT_TRUE(w3c);
  EXPECT_EQ(w3c->trace_id, "4bf92f3577b34da6a3ce929d0e0e4736");
  EXPECT_TRUE(w3c->sampled);
  auto legacy = ParseTraceHeaders("garbage", "105445aa7843bc8bf206b12000100000/123;o=1");
  ASSERT_TRUE(legacy);
  EXPECT_EQ(legacy->trace_id, "105445aa7843bc8bf206b12000100000");
  EXPECT_EQ(legacy->span_id, "123");
  EXPECT_TRUE(legacy->sampled);
  EXPECT_FALSE(ParseTraceHeaders("", "nothex/1"));
  EXPECT_FALSE(ParseTraceHeaders("", ""));
}

// The real HTTP layer over a socket: chunked event bodies, multipart uploads, probes.
TEST_F(ServiceTest, OverHttp) {
  HttpServerOptions options;
  options.host = "127.0.0.1";
  options.port = 0;
  options.threads = 8;
  HttpServer server(*service_, options);
  auto port = server.Bind();
  ASSERT_TRUE(port.ok());
  std::thread serving([&] { server.Serve(); });
  httplib::Client client("127.0.0.1", *port);

  EXPECT_EQ(client.Get("/healthz")->status, 200);
  EXPECT_EQ(client.Get("/readyz")->status, 200);

  const std::string gen = source_.Put("chunked.jpg", kJpeg);
  const std::string body = ObjectJson("chunked.jpg", gen);
  httplib::Headers headers;
  for (const auto& [k, v] : Binary()) {
    if (k != "Content-Type") headers.emplace(k, v);
  }
  // No length: httplib sends Transfer-Encoding: chunked, as the CloudEvents emitter does.
  auto res = client.Post(
      "/", headers,
      [&](std::size_t offset, httplib::DataSink& sink) {
        if (offset < body.size()) {
          sink.write(body.data() + offset, std::min<std::size_t>(7, body.size() - offset));
        } else {
          sink.done();
        }
        return true;
      },
      "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200) << res->body;
  EXPECT_TRUE(results_.Has("chunked.jpg.json"));

  httplib::MultipartFormDataItems items = {{"file", kJpeg, "card.jpg", "image/jpeg"}};
  auto multipart = client.Post("/v1/extract", items);
  ASSERT_TRUE(multipart);
  EXPECT_EQ(multipart->status, 200);
  EXPECT_NE(multipart->body.find("upload:card.jpg"), std::string::npos);
  auto raw = client.Post("/v1/extract", kJpeg, "image/jpeg");
  ASSERT_TRUE(raw);
  EXPECT_EQ(raw->status, 200);
  auto no_part =
      client.Post("/v1/extract", httplib::MultipartFormDataItems{{"other", "x", "", ""}});
  EXPECT_EQ(no_part->status, 400);
  EXPECT_EQ(client.Post("/", "nonsense", "text/plain")->status, 400);

  auto metrics = client.Get("/metrics");
  EXPECT_EQ(metrics->status, 200);
  EXPECT_NE(metrics->body.find("jae_http_requests_total{route=\"event\",code=\"200\"} 1"),
            std::string::npos);
  EXPECT_NE(metrics->get_header_value("Content-Type").find("text/plain"), std::string::npos);
  server.Stop();
  serving.join();
}

}  // namespace
}  // namespace jae

namespace jae {
namespace {

// A local address that is not loopback (e.g. eth0's), or "" when the machine has none.
std::string NonLoopbackAddress() {
  ifaddrs* list = nullptr;
  if (getifaddrs(&list) != 0) return "";
  std::string found;
  for (ifaddrs* a = list; a != nullptr && found.empty(); a = a->ifa_next) {
    if (a->ifa_addr == nullptr || a->ifa_addr->sa_family != AF_INET) continue;
    char text[INET_ADDRSTRLEN] = {};
    inet_ntop(AF_INET, &reinterpret_cast<sockaddr_in*>(a->ifa_addr)->sin_addr, text, sizeof text);
    if (!std::string_view(text).starts_with("127.")) found = text;
  }
  freeifaddrs(list);
  return found;
}

// Issue 12 item 12: /v1/extract answered full personal data to anyone reaching the port.
// Over a real socket from a non-loopback peer: 401 without credentials, 403 with a wrong
// token, the result with a listed one; events and probes stay open.
TEST_F(ServiceTest, V1RoutesRefuseRemotePeersWithoutCredentials) {
  const std::string address = NonLoopbackAddress();
  if (address.empty()) GTEST_SKIP() << "no non-loopback IPv4 address on this machine";
  AccessOptions access_options;
  access_options.token_hashes = {Sha256Hex("referee-token")};
  ConfiguredAccess access(access_options, nullptr, [] { return std::chrono::system_clock::now(); });
  HttpServerOptions options;
  options.host = "0.0.0.0";
  options.port = 0;
  options.threads = 8;
  options.access = &access;
  HttpServer server(*service_, options);
  auto port = server.Bind();
  ASSERT_TRUE(port.ok());
  std::thread serving([&] { server.Serve(); });
  httplib::Client remote(address, *port);

  auto denied = remote.Post("/v1/extract", kJpeg, "image/jpeg");
  ASSERT_TRUE(denied);
  EXPECT_EQ(denied->status, 401);
  EXPECT_EQ(denied->body.find("MARTIN"), std::string::npos);
  auto wrong = remote.Post("/v1/extract", {{"Authorization", "Bearer guess"}}, kJpeg, "image/jpeg");
  ASSERT_TRUE(wrong);
  EXPECT_EQ(wrong->status, 403);
  EXPECT_EQ(remote.Get("/app/")->status, 401);
  EXPECT_EQ(pipeline_.calls, 0);
  auto allowed =
      remote.Post("/v1/extract", {{"Authorization", "Bearer referee-token"}}, kJpeg, "image/jpeg");
  ASSERT_TRUE(allowed);
  EXPECT_EQ(allowed->status, 200);
  EXPECT_NE(allowed->body.find("MARTIN"), std::string::npos);
  EXPECT_EQ(remote.Get("/healthz")->status, 200);
  EXPECT_EQ(remote.Get("/metrics")->status, 200);
  // Loopback peers need nothing.
  httplib::Client local("127.0.0.1", *port);
  EXPECT_EQ(local.Post("/v1/extract", kJpeg, "image/jpeg")->status, 200);
  EXPECT_EQ(Logs().find("referee-token"), std::string::npos);

  server.Stop();
  serving.join();
}

// Without a policy the server is loopback-only (secure by default).
TEST_F(ServiceTest, NoPolicyMeansLoopbackOnly) {
  const std::string address = NonLoopbackAddress();
  if (address.empty()) GTEST_SKIP() << "no non-loopback IPv4 address on this machine";
  HttpServerOptions options;
  options.host = "0.0.0.0";
  options.port = 0;
  options.threads = 8;
  HttpServer server(*service_, options);
  auto port = server.Bind();
  ASSERT_TRUE(port.ok());
  std::thread serving([&] { server.Serve(); });
  httplib::Client remote(address, *port);
  EXPECT_EQ(remote.Post("/v1/extract", kJpeg, "image/jpeg")->status, 401);
  server.Stop();
  serving.join();
}

}  // namespace
}  // namespace jae

namespace jae {
namespace {

// Issue 12 item 13: SOURCE_BUCKETS is a comma-separated list of bucket names.
// Issue 13 item 1: serve reads the shared settings through LoadRuntimeConfig, like watch
// and backfill: one default per limit, the engine chosen once, errors naming the variable.
TEST(ServeConfig, SharedSettingsComeFromTheRuntimeConfiguration) {
  MapEnv env;
  env.Set("RESULTS_BUCKET", "gs://results-bucket/out");
  auto defaults = LoadServeConfig(env, {});
  ASSERT_TRUE(defaults.ok()) << defaults.status().ToString();
  EXPECT_EQ(defaults->runtime.pipeline.engine_timeout, PipelineOptions{}.engine_timeout);
  EXPECT_EQ(defaults->runtime.pipeline.max_image_bytes, PipelineOptions{}.max_image_bytes);
  EXPECT_EQ(defaults->runtime.results_uri, "gs://results-bucket/out");
  EXPECT_EQ(defaults->results_prefix, "out/");
  EXPECT_EQ(defaults->runtime.log_level, Severity::kInfo);

  env.Set("MAX_IMAGE_BYTES", "1000");
  env.Set("ENGINE_TIMEOUT_SECONDS", "30");
  env.Set("DELETE_SOURCE", "true");
  env.Set("GEMINI_API_KEY", "k");  // auto → gemini, resolved here and only here
  auto set = LoadServeConfig(env, {});
  ASSERT_TRUE(set.ok()) << set.status().ToString();
  EXPECT_EQ(set->runtime.pipeline.max_image_bytes, 1000);
  EXPECT_EQ(set->runtime.pipeline.engine_timeout, std::chrono::seconds(30));
  EXPECT_TRUE(set->runtime.delete_source);
  EXPECT_EQ(set->runtime.engine, EngineName::kGemini);
  ServeFlags local;
  local.engine = "local";
  EXPECT_EQ(LoadServeConfig(env, local)->runtime.engine, EngineName::kLocal);

  env.Set("JAE_ENGINE", "nope");
  auto bad = LoadServeConfig(env, {});
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("JAE_ENGINE"), std::string::npos);
  env.Set("JAE_ENGINE", "local");
  env.Set("IMAGE_MAX_SIDE", "10");
  auto side = LoadServeConfig(env, {});
  ASSERT_FALSE(side.ok());
  EXPECT_NE(side.status().message().find("IMAGE_MAX_SIDE"), std::string::npos);
}

TEST(ServeConfig, SourceBuckets) {
  MapEnv env;
  env.Set("RESULTS_BUCKET", "results-bucket");
  env.Set("SOURCE_BUCKETS", "inbox-a, gs://inbox-b,,");
  auto config = LoadServeConfig(env, {});
  ASSERT_TRUE(config.ok()) << config.status().ToString();
  EXPECT_EQ(config->source_buckets, (std::vector<std::string>{"inbox-a", "inbox-b"}));
  env.Set("SOURCE_BUCKETS", "inbox-a,Not A Bucket");
  auto bad = LoadServeConfig(env, {});
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("SOURCE_BUCKETS"), std::string::npos);
}

}  // namespace
}  // namespace jae
