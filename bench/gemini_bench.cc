// Gemini engine CPU cost per document, against the unavoidable part (base64 of the image):
//   BM_Base64Baseline       base64 of a 400 KB normalised JPEG (what any client must do)
//   BM_BuildRequest         the whole request body: prompt, schema, base64, JSON text
//   BM_BuildRequestViaJsonDump  the same through nlohmann::json::dump (the slow way)
//   BM_ParseResponse        a typical answer → Extraction
//   BM_ExtractInMemory      Engine::Extract end to end over an in-memory HttpClient
#include <benchmark/benchmark.h>

#include <nlohmann/json.hpp>
#include <random>

#include "auth/base64.h"
#include "engine/gemini/gemini_engine.h"
#include "engine/gemini/gemini_request.h"
#include "engine/gemini/gemini_response.h"

namespace {

jae::NormalizedImage Image() {
  jae::NormalizedImage image;
  std::mt19937 rng(7);
  image.bytes.resize(400 * 1024);
  for (auto& c : image.bytes) c = static_cast<char>(rng());
  image.bytes[0] = '\xff';
  image.bytes[1] = '\xd8';
  image.mime_type = "image/jpeg";
  return image;
}

std::string Answer() {
  const nlohmann::json output = {
      {"document_type", "id_card"},
      {"side", "back"},
      {"issuing_country", "FRA"},
      {"fields",
       {{"surname", "MARTIN"},
        {"given_names", "MAELYS GAELLE MARIE"},
        {"birth_date", "1990-07-13"},
        {"sex", "F"},
        {"nationality", "FRA"},
        {"document_number", "X4RTBPFW4"},
        {"expiry_date", "2030-02-11"}}},
      {"mrz_lines",
       {"IDFRAX4RTBPFW46<<<<<<<<<<<<<<<", "9007138F3002119FRA<<<<<<<<<<<6",
        "MARTIN<<MAELYS<GAELLE<MARIE<<<"}}};
  return nlohmann::json{
      {"candidates",
       {{{"content", {{"role", "model"}, {"parts", {{{"text", output.dump()}}}}}},
         {"finishReason", "STOP"}}}},
      {"usageMetadata", {{"promptTokenCount", 1400}, {"candidatesTokenCount", 180}}},
      {"modelVersion", "gemini-3.8-flash"}}
      .dump();
}

class CannedHttp final : public jae::HttpClient {
 public:
  jae::StatusOr<jae::HttpResponse> Send(const jae::HttpRequest&) override {
    jae::HttpResponse r;
    r.status = 200;
    r.body = body_;
    return r;
  }

 private:
  const std::string body_ = Answer();
};

void BM_Base64Baseline(benchmark::State& state) {
  const auto image = Image();
  for (auto _ : state) benchmark::DoNotOptimize(jae::Base64Encode(image.bytes));
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(image.bytes.size()));
}
BENCHMARK(BM_Base64Baseline);

void BM_BuildRequest(benchmark::State& state) {
  const auto image = Image();
  jae::GeminiConfig config;
  jae::ApplyDefaultThinking(config);
  for (auto _ : state) {
    benchmark::DoNotOptimize(jae::gemini::SerializeGenerateContentRequest(config, image));
  }
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(image.bytes.size()));
}
BENCHMARK(BM_BuildRequest);

// The straightforward way, kept to show why SerializeGenerateContentRequest exists.
void BM_BuildRequestViaJsonDump(benchmark::State& state) {
  const auto image = Image();
  jae::GeminiConfig config;
  jae::ApplyDefaultThinking(config);
  for (auto _ : state) {
    benchmark::DoNotOptimize(jae::gemini::BuildGenerateContentRequest(config, image).dump());
  }
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(image.bytes.size()));
}
BENCHMARK(BM_BuildRequestViaJsonDump);

void BM_ParseResponse(benchmark::State& state) {
  const std::string body = Answer();
  for (auto _ : state) benchmark::DoNotOptimize(jae::gemini::ParseGenerateContentResponse(body));
}
BENCHMARK(BM_ParseResponse);

void BM_ExtractInMemory(benchmark::State& state) {
  jae::GeminiConfig config;
  config.api_key = "k";
  config.base_url = "http://fake";
  config.api_version = "v1beta";
  jae::ApplyDefaultThinking(config);
  auto engine = jae::MakeGeminiEngine(config, std::make_shared<CannedHttp>(), nullptr,
                                      std::make_shared<jae::RealRetryClock>());
  const auto image = Image();
  for (auto _ : state) {
    auto r = (*engine)->Extract(image, std::chrono::steady_clock::now() + std::chrono::seconds(5));
    benchmark::DoNotOptimize(r);
  }
}
BENCHMARK(BM_ExtractInMemory);

}  // namespace

BENCHMARK_MAIN();
