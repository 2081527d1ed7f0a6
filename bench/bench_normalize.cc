// Normalisation of a 12-megapixel phone photo (4000x3000 JPEG with EXIF orientation 6,
// and the same picture as HEIC), against two baselines from the same run: a pipeline that
// decodes at full size and then resizes (what a decoder without shrink-on-load does), and
// for the JPEG the floor of any decoder (entropy decoding at 1/8 scale). Per image it reports: time
// per normalisation (one core: libvips runs one worker thread per pipeline), the peak RSS of a
// fresh process doing one normalisation (measured in a child process so that the benchmark's own
// fixtures do not count) next to the peak RSS of the same process that only starts libvips and
// reads the file, the output size, and the Gemini image tokens by the published tile rule for the
// original and for the normalised image.
//
//   build/bench/bench_normalize --benchmark_counters_tabular=true
//
// Target (issue 3): <= 80 ms and <= 80 MB on one core for the JPEG.
#include <benchmark/benchmark.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vips/vips.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <memory>
#include <string>

#include "image/image.h"
#include "image/jpeg_decode.h"
#include "image/tokens.h"

extern char** environ;

namespace {

constexpr int kWidth = 4000;
constexpr int kHeight = 3000;

struct Unref {
  void operator()(VipsImage* p) const {
    if (p) g_object_unref(p);
  }
};
using Img = std::unique_ptr<VipsImage, Unref>;

void Check(int rc, const char* what) {
  if (rc != 0) {
    std::cerr << "bench_normalize: " << what << " failed: " << vips_error_buffer() << "\n";
    std::exit(1);
  }
}

// A phone-like photo of a card: lighting gradient, sensor noise, slight colour cast and
// dark printed text, so that encoder and decoder see realistic entropy.
Img PhonePhoto() {
  VipsImage* out = nullptr;
  Check(vips_xyz(&out, kWidth, kHeight, nullptr), "xyz");
  Img xyz(out);
  Img x, y;
  Check(vips_extract_band(xyz.get(), &out, 0, nullptr), "band");
  x.reset(out);
  Check(vips_extract_band(xyz.get(), &out, 1, nullptr), "band");
  y.reset(out);
  Check(vips_linear1(x.get(), &out, 60.0 / kWidth, 140.0, nullptr), "linear");
  Img gx(out);
  Check(vips_linear1(y.get(), &out, 50.0 / kHeight, 0.0, nullptr), "linear");
  Img gy(out);
  Check(vips_add(gx.get(), gy.get(), &out, nullptr), "add");
  Img light(out);
  Check(vips_gaussnoise(&out, kWidth, kHeight, "mean", 0.0, "sigma", 6.0, nullptr), "noise");
  Img noise(out);
  Check(vips_add(light.get(), noise.get(), &out, nullptr), "add");
  Img base(out);
  // Pango markup: "<" is written &lt;.
  Check(vips_text(
            &out,
            "CARTE NATIONALE D'IDENTITE\nNOM: EXEMPLE\nPRENOMS: CAMILLE, ANDREE\n"
            "NE(E) LE: 01.01.1990  A: "
            "PARIS\nIDFRAX4RTBPFW46&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;\n"
            "9007138F3002119FRA&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;6\nEXEMPLE&lt;&lt;"
            "CAMILLE&lt;ANDREE&lt;&lt;&lt;&lt;&lt;&lt;&lt;",
            "width", 3400, "dpi", 600, "font", "DejaVu Sans Mono", nullptr),
        "text");
  Img text(out);
  Check(vips_embed(text.get(), &out, 300, 500, kWidth, kHeight, nullptr), "embed");
  Img ink(out);
  Check(vips_linear1(ink.get(), &out, -0.7, 0.0, nullptr), "linear");
  Img dark(out);
  Check(vips_add(base.get(), dark.get(), &out, nullptr), "add");
  Img grey(out);
  Img r, g, b;
  Check(vips_linear1(grey.get(), &out, 1.0, 4.0, nullptr), "linear");
  r.reset(out);
  Check(vips_linear1(grey.get(), &out, 0.97, 0.0, nullptr), "linear");
  g.reset(out);
  Check(vips_linear1(grey.get(), &out, 0.9, 0.0, nullptr), "linear");
  b.reset(out);
  VipsImage* bands[3] = {r.get(), g.get(), b.get()};
  Check(vips_bandjoin(bands, &out, 3, nullptr), "bandjoin");
  Img rgb(out);
  Check(vips_cast_uchar(rgb.get(), &out, nullptr), "cast");
  Img u8(out);
  Check(vips_copy(u8.get(), &out, "interpretation", VIPS_INTERPRETATION_sRGB, nullptr), "copy");
  Img photo(out);
  // Held by the phone sideways: the pixels are stored landscape, EXIF says rotate 90.
  vips_image_set_int(photo.get(), VIPS_META_ORIENTATION, 6);
  Check(vips_image_wio_input(photo.get()), "render");  // render once, encode twice
  return photo;
}

struct Fixtures {
  std::string jpeg;
  std::string heic;  // empty when this libheif has no HEVC encoder
};

const Fixtures& GetFixtures() {
  static const Fixtures fixtures = [] {
    Fixtures f;
    Img photo = PhonePhoto();
    void* buf = nullptr;
    size_t len = 0;
    Check(vips_jpegsave_buffer(photo.get(), &buf, &len, "Q", 92, nullptr), "jpegsave");
    f.jpeg.assign(static_cast<char*>(buf), len);
    g_free(buf);
    buf = nullptr;
    if (vips_heifsave_buffer(photo.get(), &buf, &len, "compression",
                             VIPS_FOREIGN_HEIF_COMPRESSION_HEVC, "Q", 50, nullptr) == 0) {
      f.heic.assign(static_cast<char*>(buf), len);
      g_free(buf);
    }
    vips_error_clear();
    return f;
  }();
  return fixtures;
}

// The naive pipeline: full-size decode, rotate, resize, encode.
std::string FullDecodeThenResize(const std::string& bytes) {
  Img full(vips_image_new_from_buffer(bytes.data(), bytes.size(), "", nullptr));
  VipsImage* out = nullptr;
  Check(full ? 0 : -1, "load");
  Check(vips_autorot(full.get(), &out, nullptr), "autorot");
  Img rotated(out);
  const double scale = 1536.0 / std::max(rotated->Xsize, rotated->Ysize);
  Check(vips_resize(rotated.get(), &out, scale, nullptr), "resize");
  Img small(out);
  void* buf = nullptr;
  size_t len = 0;
  Check(vips_jpegsave_buffer(small.get(), &buf, &len, "Q", 85, "strip", TRUE, nullptr), "save");
  std::string encoded(static_cast<char*>(buf), len);
  g_free(buf);
  return encoded;
}

// Peak RSS (MB) of a child process running `mode` ("read", "normalize" or "naive") on the
// bytes of `kind` ("jpeg"/"heic"), written to a temporary file for it.
double ProbePeakRssMb(const std::string& kind, const std::string& mode) {
  static std::map<std::string, double> cache;
  const std::string key = kind + "/" + mode;
  if (auto it = cache.find(key); it != cache.end()) return it->second;
  const std::string& bytes = kind == "jpeg" ? GetFixtures().jpeg : GetFixtures().heic;
  char path[] = "/tmp/bench_normalize_XXXXXX";
  const int fd = mkstemp(path);
  if (fd < 0) return -1;
  if (write(fd, bytes.data(), bytes.size()) != static_cast<ssize_t>(bytes.size())) return -1;
  close(fd);
  int pipe_fds[2];
  if (pipe(pipe_fds) != 0) return -1;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], STDOUT_FILENO);
  posix_spawn_file_actions_addclose(&actions, pipe_fds[0]);
  std::string self = "/proc/self/exe", flag = "--jae-probe=" + mode;
  char* argv[] = {self.data(), flag.data(), path, nullptr};
  pid_t pid = 0;
  const int rc = posix_spawn(&pid, "/proc/self/exe", &actions, nullptr, argv, environ);
  posix_spawn_file_actions_destroy(&actions);
  close(pipe_fds[1]);
  std::string output;
  char chunk[256];
  ssize_t n;
  while (rc == 0 && (n = read(pipe_fds[0], chunk, sizeof chunk)) > 0) output.append(chunk, n);
  close(pipe_fds[0]);
  int status = 0;
  if (rc == 0) waitpid(pid, &status, 0);
  unlink(path);
  const double mb = (rc == 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0)
                        ? std::atof(output.c_str()) / 1024.0
                        : -1;
  cache[key] = mb;
  return mb;
}

// Child side of ProbePeakRssMb: prints the peak resident set in kB.
int RunProbe(const std::string& mode, const char* path) {
  std::ifstream file(path, std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  if (VIPS_INIT("bench_normalize") != 0) return 1;
  vips_concurrency_set(1);
  vips_cache_set_max(0);
  if (mode == "normalize") {
    auto outcome = jae::NormalizeImage(bytes, {});
    if (!outcome.ok() || !outcome->image) return 1;
  } else if (mode == "naive") {
    if (FullDecodeThenResize(bytes).empty()) return 1;
  }
  // VmHWM, not getrusage's ru_maxrss: Linux carries ru_maxrss over exec from the parent
  // (posix_spawn shares its memory until exec), VmHWM belongs to this image only.
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);) {
    if (line.rfind("VmHWM:", 0) == 0) {
      std::printf("%ld\n", std::atol(line.c_str() + 6));  // kB
      return 0;
    }
  }
  return 1;
}

void ReportImage(benchmark::State& state, const std::string& kind, const std::string& mode,
                 const std::string& input, const std::string& output, int out_w, int out_h) {
  state.counters["in_KB"] = static_cast<double>(input.size()) / 1024;
  state.counters["out_KB"] = static_cast<double>(output.size()) / 1024;
  state.counters["out_w"] = out_w;
  state.counters["out_h"] = out_h;
  state.counters["tokens_orig"] = static_cast<double>(jae::GeminiImageTokens(kHeight, kWidth));
  state.counters["tokens_norm"] = static_cast<double>(jae::GeminiImageTokens(out_w, out_h));
  state.counters["rss_read_MB"] = ProbePeakRssMb(kind, "read");
  state.counters["rss_peak_MB"] = ProbePeakRssMb(kind, mode);
}

void BM_Normalize(benchmark::State& state, const std::string& kind) {
  const std::string& bytes = kind == "jpeg" ? GetFixtures().jpeg : GetFixtures().heic;
  if (bytes.empty()) {
    state.SkipWithError("this libheif has no HEVC encoder: no HEIC fixture");
    return;
  }
  jae::NormalizedImage last;
  for (auto _ : state) {
    auto outcome = jae::NormalizeImage(bytes, {});
    if (!outcome.ok() || !outcome->image) {
      state.SkipWithError("normalisation failed");
      return;
    }
    last = std::move(*outcome->image);
    benchmark::DoNotOptimize(last.bytes.data());
  }
  ReportImage(state, kind, "normalize", bytes, last.bytes, last.width, last.height);
}

void BM_NaiveFullDecode(benchmark::State& state, const std::string& kind) {
  const std::string& bytes = kind == "jpeg" ? GetFixtures().jpeg : GetFixtures().heic;
  if (bytes.empty()) {
    state.SkipWithError("this libheif has no HEVC encoder: no HEIC fixture");
    return;
  }
  std::string out;
  for (auto _ : state) {
    out = FullDecodeThenResize(bytes);
    benchmark::DoNotOptimize(out.data());
  }
  Img decoded(vips_image_new_from_buffer(out.data(), out.size(), "", nullptr));
  ReportImage(state, kind, "naive", bytes, out, decoded ? decoded->Xsize : 0,
              decoded ? decoded->Ysize : 0);
}

// The floor for any JPEG normalisation: entropy decoding cannot be skipped, and 1/8 scale
// decodes little else (only DC coefficients are transformed).
void BM_JpegEntropyFloor(benchmark::State& state) {
  const std::string& bytes = GetFixtures().jpeg;
  for (auto _ : state) {
    auto decoded = jae::DecodeJpegScaled(bytes, 1, 100'000'000);
    if (!decoded.ok()) {
      state.SkipWithError("decode failed");
      return;
    }
    benchmark::DoNotOptimize(decoded->pixels.data());
  }
}

BENCHMARK(BM_JpegEntropyFloor)
    ->Name("BM_JpegEntropyFloor/jpeg_12mp")
    ->Unit(benchmark::kMillisecond)
    ->MeasureProcessCPUTime()
    ->UseRealTime();
BENCHMARK_CAPTURE(BM_Normalize, jpeg_12mp, std::string("jpeg"))
    ->Unit(benchmark::kMillisecond)
    ->MeasureProcessCPUTime()
    ->UseRealTime();
BENCHMARK_CAPTURE(BM_NaiveFullDecode, jpeg_12mp, std::string("jpeg"))
    ->Unit(benchmark::kMillisecond)
    ->MeasureProcessCPUTime()
    ->UseRealTime();
BENCHMARK_CAPTURE(BM_Normalize, heic_12mp, std::string("heic"))
    ->Unit(benchmark::kMillisecond)
    ->MeasureProcessCPUTime()
    ->UseRealTime();
BENCHMARK_CAPTURE(BM_NaiveFullDecode, heic_12mp, std::string("heic"))
    ->Unit(benchmark::kMillisecond)
    ->MeasureProcessCPUTime()
    ->UseRealTime();

}  // namespace

int main(int argc, char** argv) {
  if (argc == 3 && std::strncmp(argv[1], "--jae-probe=", 12) == 0) {
    return RunProbe(argv[1] + 12, argv[2]);
  }
  if (VIPS_INIT(argv[0]) != 0) return 1;
  vips_concurrency_set(1);  // one core, as the target says
  // Writes the fixtures out, so other tools (djpeg, the load generator) can use them.
  if (argc == 2 && std::strncmp(argv[1], "--jae-dump=", 11) == 0) {
    const std::string prefix = argv[1] + 11;
    std::ofstream(prefix + ".jpg", std::ios::binary) << GetFixtures().jpeg;
    if (!GetFixtures().heic.empty()) {
      std::ofstream(prefix + ".heic", std::ios::binary) << GetFixtures().heic;
    }
    return 0;
  }
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
