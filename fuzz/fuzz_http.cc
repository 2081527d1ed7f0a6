// libFuzzer target for the HTTP request path: the input is the bytes a client sends
// (request line, headers, body — chunked, gzip, multipart, pipelined), fed through
// cpp-httplib's parser, our body limits and every route of the real Service, with an
// in-memory source bucket and a fake pipeline behind it. Any crash, hang, sanitizer
// report or unbounded allocation (-rss_limit_mb) is a bug.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <string_view>

#include "service/http_server.h"
#include "service/service.h"
#include "testing/fake_clock.h"
#include "testing/fake_pipeline.h"
#include "testing/memory_store.h"

namespace {

using namespace jae;
using jae::testing::FakeClock;

class OneBucket final : public SourceStores {
 public:
  explicit OneBucket(Store& store) : store_(store) {}
  StatusOr<Store*> ForBucket(std::string_view bucket) override {
    if (bucket != "src-bucket") return InvalidArgumentError("unknown bucket");
    return &store_;
  }

 private:
  Store& store_;
};

// Built once: the fuzzer calls the target millions of times.
struct World {
  World()
      : log_file(std::fopen("/dev/null", "w")),
        log(log_file, Severity::kError, "", clock),
        processor(results, [this](const DocumentInput& in) { return pipeline(in); }, clock, {}),
        sources(source),
        service(
            [] {
              ServiceOptions options;
              options.max_in_flight = 4;
              options.results_bucket = "src-bucket";
              options.results_prefix = "results/";
              options.max_image_bytes = 64 * 1024;
              return options;
            }(),
            processor, sources, [this](const DocumentInput& in) { return pipeline(in); }, log,
            metrics),
        server(service, [] {
          HttpServerOptions options;
          options.max_body_bytes = 96 * 1024;
          options.max_event_bytes = 32 * 1024;
          return options;
        }()) {
    source.Put("a.jpg", testing::kJpeg);
  }
  FakeClock clock{std::chrono::system_clock::time_point{}};
  std::FILE* log_file;
  JsonLog log;
  Metrics metrics;
  testing::MemoryStore source{"gs://src-bucket"};
  testing::MemoryStore results{"gs://src-bucket/results"};
  testing::FakePipeline pipeline;
  ObjectProcessor processor;
  OneBucket sources;
  Service service;
  HttpServer server;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static World* world = new World();  // never destroyed: libFuzzer exits without unwinding
  const std::string response =
      world->server.ServeBytes(std::string_view(reinterpret_cast<const char*>(data), size));
  volatile std::size_t sink = response.size();
  (void)sink;
  return 0;
}
