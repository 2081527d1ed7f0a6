// Storage costs on the path of every event: writing a result (a few KiB of JSON) to a
// local folder atomically, against a plain non-durable write as the baseline; reading a
// 3 MB source; and building + parsing one GCS multipart upload (no network: a fake client).
#include <benchmark/benchmark.h>
#include <fcntl.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "http/http_client.h"
#include "store/gcs_store.h"
#include "store/local_store.h"

namespace {

namespace fs = std::filesystem;

struct TempDir {
  TempDir() {
    char tmpl[] = "/tmp/jae-store-bench-XXXXXX";
    path = ::mkdtemp(tmpl);
  }
  ~TempDir() { fs::remove_all(path); }
  std::string path;
};

const std::string kResult(4096, 'r');

// Baseline: open/write/close in place, no fsync, no rename (not atomic, not durable).
void BM_PlainWriteBaseline(benchmark::State& state) {
  TempDir dir;
  const std::string path = dir.path + "/a.jpg.json";
  for (auto _ : state) {
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0640);
    benchmark::DoNotOptimize(::write(fd, kResult.data(), kResult.size()));
    ::close(fd);
  }
}
BENCHMARK(BM_PlainWriteBaseline)->UseRealTime();

// LocalStore::Write: temp file + fsync + rename (+ folder fsync).
void BM_LocalStoreWriteResult(benchmark::State& state) {
  TempDir dir;
  auto store = std::move(jae::MakeLocalStore(dir.path).value());
  for (auto _ : state) {
    auto meta = store->Write("scans/a.jpg.json", kResult, "application/json", std::nullopt);
    if (!meta.ok()) state.SkipWithError(meta.status().ToString().c_str());
  }
}
BENCHMARK(BM_LocalStoreWriteResult)->UseRealTime();

// The create-only variant used for exactly-once results.
void BM_LocalStoreCreateOnlyResult(benchmark::State& state) {
  TempDir dir;
  auto store = std::move(jae::MakeLocalStore(dir.path).value());
  std::int64_t i = 0;
  for (auto _ : state) {
    auto meta = store->Write("r/" + std::to_string(i++) + ".json", kResult, "", "0");
    if (!meta.ok()) state.SkipWithError(meta.status().ToString().c_str());
  }
}
BENCHMARK(BM_LocalStoreCreateOnlyResult)->UseRealTime();

void BM_LocalStoreRead3MB(benchmark::State& state) {
  TempDir dir;
  auto store = std::move(jae::MakeLocalStore(dir.path).value());
  const std::string jpeg(3 << 20, 'j');
  auto meta = store->Write("scans/a.jpg", jpeg, "", std::nullopt);
  for (auto _ : state) {
    auto bytes = store->Read("scans/a.jpg", meta->generation, 20 << 20);
    benchmark::DoNotOptimize(bytes);
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(jpeg.size()));
}
BENCHMARK(BM_LocalStoreRead3MB)->UseRealTime();

class EchoUploadHttp final : public jae::HttpClient {
 public:
  jae::StatusOr<jae::HttpResponse> Send(const jae::HttpRequest& request) override {
    benchmark::DoNotOptimize(request.body.size());
    return jae::HttpResponse{200, {}, kObject};
  }
  static inline const std::string kObject =
      R"({"kind":"storage#object","name":"scans/a.jpg.json","bucket":"b","generation":"1700000000000001","metageneration":"1","size":"4096","contentType":"application/json"})";
};

void BM_GcsStoreWriteResultNoNetwork(benchmark::State& state) {
  auto http = std::make_shared<EchoUploadHttp>();
  auto store = std::move(jae::MakeGcsStore("bucket", "", http, nullptr).value());
  for (auto _ : state) {
    auto meta = store->Write("scans/a.jpg.json", kResult, "application/json", "0");
    if (!meta.ok()) state.SkipWithError(meta.status().ToString().c_str());
  }
}
BENCHMARK(BM_GcsStoreWriteResultNoNetwork);

}  // namespace

BENCHMARK_MAIN();
