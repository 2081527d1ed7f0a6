// Hostile HTTP requests through the real routes and limits (HttpServer::ServeBytes), and
// the waiting room that keeps idle connections off the worker threads (issue 12, items 1,
// 2 and 5). The same cases against the running binary, with RSS: hostile-service.mjs.
#include <gtest/gtest.h>
#include <sys/socket.h>
#include <unistd.h>
#include <zlib.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <string>
#include <thread>

#include "service/http_server.h"
#include "service/service.h"
#include "service/waiting_room.h"
#include "testing/fake_clock.h"
#include "testing/fake_pipeline.h"
#include "testing/memory_store.h"

namespace jae {

using testing::FakeClock;

namespace {

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

class HostileHttpTest : public ::testing::Test {
 protected:
  HostileHttpTest()
      : log_file_(std::tmpfile()),
        log_(log_file_, Severity::kError, "", clock_),
        processor_(results_, [this](const DocumentInput& in) { return pipeline_(in); }, clock_, {}),
        sources_(source_),
        service_(
            ServiceOptions{}, processor_, sources_,
            [this](const DocumentInput& in) { return pipeline_(in); }, log_, metrics_),
        server_(service_, HttpServerOptions{}) {}
  ~HostileHttpTest() override { std::fclose(log_file_); }

  static std::string Post(const std::string& path, const std::string& headers,
                          const std::string& body) {
    return "POST " + path + " HTTP/1.1\r\nHost: x\r\n" + headers +
           "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
  }
  static std::string Chunked(const std::string& path, const std::string& headers,
                             std::size_t chunks, std::size_t chunk_size) {
    std::string request = "POST " + path + " HTTP/1.1\r\nHost: x\r\n" + headers +
                          "Transfer-Encoding: chunked\r\n\r\n";
    char size[32];
    std::snprintf(size, sizeof size, "%zx\r\n", chunk_size);
    const std::string chunk = size + std::string(chunk_size, ' ') + "\r\n";
    for (std::size_t i = 0; i < chunks; ++i) request += chunk;
    return request + "0\r\n\r\n";
  }
  static std::string GzipZeros(std::size_t size) {
    z_stream z{};
    deflateInit2(&z, 9, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY);  // gzip wrapper
    const std::string zeros(1 << 20, '\0');
    std::string out(1 << 20, '\0');
    std::size_t produced = 0;
    for (std::size_t fed = 0; fed < size; fed += zeros.size()) {
      z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(zeros.data()));
      z.avail_in = static_cast<uInt>(zeros.size());
      const int flush = fed + zeros.size() >= size ? Z_FINISH : Z_NO_FLUSH;
      do {
        if (out.size() - produced < 4096) out.resize(out.size() * 2);
        z.next_out = reinterpret_cast<Bytef*>(out.data() + produced);
        z.avail_out = static_cast<uInt>(out.size() - produced);
        deflate(&z, flush);
        produced = out.size() - z.avail_out;
      } while (z.avail_in > 0 || (flush == Z_FINISH && z.avail_out == 0));
    }
    deflateEnd(&z);
    out.resize(produced);
    return out;
  }

  FakeClock clock_{std::chrono::system_clock::time_point{}};
  std::FILE* log_file_;
  JsonLog log_;
  Metrics metrics_;
  testing::MemoryStore source_{"gs://src-bucket"};
  testing::MemoryStore results_{"gs://src-bucket/results"};
  testing::FakePipeline pipeline_;
  ObjectProcessor processor_;
  OneBucket sources_;
  Service service_;
  HttpServer server_;
};

const char kCloudEvent[] =
    "Content-Type: application/json\r\nce-id: 1\r\nce-specversion: 1.0\r\n"
    "ce-type: google.cloud.storage.object.v1.finalized\r\n"
    "ce-source: //storage.googleapis.com/projects/_/buckets/src-bucket\r\n";

TEST_F(HostileHttpTest, DeeplyNestedEventIsUnusableNotACrash) {
  const std::string deep = std::string(200'000, '[') + std::string(200'000, ']');
  const std::string response = server_.ServeBytes(Post("/", kCloudEvent, deep));
  EXPECT_EQ(response.rfind("HTTP/1.1 200", 0), 0u) << response.substr(0, 200);
  EXPECT_NE(response.find("unusable"), std::string::npos);
}

TEST_F(HostileHttpTest, ChunkedBodiesAreCountedAndRefusedPastTheLimit) {
  // 2 MB of chunks on an event (limit 1 MiB): 413, and the connection closes, so the
  // unread rest is never parsed as a next request.
  const std::string response = server_.ServeBytes(Chunked("/", kCloudEvent, 32, 64 * 1024));
  EXPECT_EQ(response.rfind("HTTP/1.1 413", 0), 0u) << response.substr(0, 200);
  EXPECT_NE(response.find("Connection: close"), std::string::npos);
  EXPECT_EQ(response.find("HTTP/1.1", 10), std::string::npos) << "a second response";
  // A chunked upload past MAX_IMAGE_BYTES + 1 MiB on /v1/extract.
  const std::string upload =
      server_.ServeBytes(Chunked("/v1/extract", "Content-Type: image/jpeg\r\n", 23, 1 << 20));
  EXPECT_EQ(upload.rfind("HTTP/1.1 413", 0), 0u) << upload.substr(0, 200);
}

TEST_F(HostileHttpTest, CompressedBodiesAreCountedDecompressed) {
  // 64 MB of zeros in ~64 KB of gzip.
  const std::string bomb = GzipZeros(64u << 20);
  ASSERT_LT(bomb.size(), 200u * 1024);
  const std::string event =
      server_.ServeBytes(Post("/", std::string(kCloudEvent) + "Content-Encoding: gzip\r\n", bomb));
  EXPECT_EQ(event.rfind("HTTP/1.1 413", 0), 0u) << event.substr(0, 200);
  const std::string upload = server_.ServeBytes(
      Post("/v1/extract", "Content-Type: image/jpeg\r\nContent-Encoding: gzip\r\n", bomb));
  EXPECT_EQ(upload.rfind("HTTP/1.1 413", 0), 0u) << upload.substr(0, 200);
  // A small compressed event still works.
  const std::string small = server_.ServeBytes(
      Post("/", std::string(kCloudEvent) + "Content-Encoding: gzip\r\n", GzipZeros(1000)));
  EXPECT_NE(small.rfind("HTTP/1.1 413", 0), 0u) << small.substr(0, 200);
}

TEST_F(HostileHttpTest, MultipartPartsAreCountedTogether) {
  const std::string boundary = "xXx";
  std::string body;
  for (int i = 0; i < 24; ++i) {
    body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"junk" +
            std::to_string(i) + "\"\r\n\r\n" + std::string(1 << 20, 'a') + "\r\n";
  }
  body += "--" + boundary + "--\r\n";
  const std::string response = server_.ServeBytes(Post(
      "/v1/extract", "Content-Type: multipart/form-data; boundary=" + boundary + "\r\n", body));
  EXPECT_EQ(response.rfind("HTTP/1.1 413", 0), 0u) << response.substr(0, 200);
}

// The waiting room: a connection that never finishes its request head is closed at its
// deadline without ever reaching a worker; one that does is handed on.
TEST(WaitingRoom, HandsOnCompleteHeadsAndClosesTheRestAtTheirDeadline) {
  std::atomic<int> ready{0};
  WaitingRoom room([&](std::shared_ptr<Connection>) { ++ready; }, 16);
  int idle[2], complete[2];
  ASSERT_EQ(::socketpair(AF_UNIX, SOCK_STREAM, 0, idle), 0);
  ASSERT_EQ(::socketpair(AF_UNIX, SOCK_STREAM, 0, complete), 0);
  const auto now = WaitingRoom::Clock::now();
  room.Park(std::make_shared<Connection>(idle[0]), now + std::chrono::milliseconds(300));
  room.Park(std::make_shared<Connection>(complete[0]), now + std::chrono::seconds(10));
  ASSERT_EQ(::write(idle[1], "POST / HTTP/1.1\r\nHost: x\r\n", 26), 26);
  ASSERT_EQ(::write(complete[1], "GET /healthz HTTP/1.1\r\n\r\n", 25), 25);
  for (int i = 0; i < 100 && (ready < 1 || room.parked() > 0); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_EQ(ready.load(), 1);
  EXPECT_EQ(room.parked(), 0u);
  char byte;
  EXPECT_EQ(::read(idle[1], &byte, 1), 0) << "the idle connection is closed";
  ::close(idle[1]);
  ::close(complete[1]);
}

TEST(WaitingRoom, PastItsCapacityTheOldestIsClosed) {
  WaitingRoom room([](std::shared_ptr<Connection>) {}, 2);
  int a[2], b[2], c[2];
  ASSERT_EQ(::socketpair(AF_UNIX, SOCK_STREAM, 0, a), 0);
  ASSERT_EQ(::socketpair(AF_UNIX, SOCK_STREAM, 0, b), 0);
  ASSERT_EQ(::socketpair(AF_UNIX, SOCK_STREAM, 0, c), 0);
  const auto now = WaitingRoom::Clock::now();
  room.Park(std::make_shared<Connection>(a[0]), now + std::chrono::seconds(5));
  room.Park(std::make_shared<Connection>(b[0]), now + std::chrono::seconds(6));
  room.Park(std::make_shared<Connection>(c[0]), now + std::chrono::seconds(7));
  EXPECT_EQ(room.parked(), 2u);
  char byte;
  EXPECT_EQ(::read(a[1], &byte, 1), 0) << "the oldest was closed";
  for (int* pair : {a, b, c}) ::close(pair[1]);
}

TEST_F(HostileHttpTest, BusyAndUnavailableAnswersSayWhenToComeBack) {
  const std::string gen = source_.Put("a.jpg", "\xFF\xD8\xFFjpeg");
  const std::string event =
      R"({"bucket":"src-bucket","name":"a.jpg","generation":")" + gen + R"("})";
  pipeline_.quota = true;
  const std::string busy = server_.ServeBytes(Post("/", kCloudEvent, event));
  EXPECT_EQ(busy.rfind("HTTP/1.1 429", 0), 0u) << busy.substr(0, 200);
  EXPECT_NE(busy.find("Retry-After: 2"), std::string::npos) << busy.substr(0, 300);
  pipeline_.quota = false;
  pipeline_.down = true;
  const std::string down = server_.ServeBytes(Post("/", kCloudEvent, event));
  EXPECT_EQ(down.rfind("HTTP/1.1 503", 0), 0u) << down.substr(0, 200);
  EXPECT_NE(down.find("Retry-After: 5"), std::string::npos) << down.substr(0, 300);
}

}  // namespace
}  // namespace jae
