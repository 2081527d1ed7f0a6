// The object processor with the real pipeline (ProcessDocument: sniff, normalise,
// verify) and a scripted engine: what `serve` runs, minus HTTP and the cloud.
#include <gtest/gtest.h>

#include "image/image_fixtures.h"
#include "image/image_module.h"
#include "processing/object_processor.h"
#include "result/result_json.h"
#include "testing/fake_clock.h"
#include "testing/fake_engine.h"
#include "testing/memory_store.h"

namespace jae {

using testing::FakeClock;

namespace {

using testing::FakeEngine;

using testing::MemoryStore;

ProcessorOptions ProcessorOptionsFor(const PipelineOptions& pipeline) {
  ProcessorOptions options;
  options.max_image_bytes = pipeline.max_image_bytes;
  return options;
}

class RealPipelineTest : public ::testing::Test {
 protected:
  RealPipelineTest()
      : processor_(
            results_,
            [this](DocumentInput in) {
              return ProcessDocument(std::move(in), normalizer_, engine_, clock_, options_);
            },
            clock_, ProcessorOptionsFor(options_)) {
    verify::Extraction extraction;
    extraction.type = DocumentType::kIdCard;
    extraction.fields[FieldName::kSurname] = Field{"MARTIN", 0.9, FieldSource::kModel};
    engine_.SetDefault(FakeEngine::Extracted(extraction, EngineName::kGemini));
  }

  SourceObject Object(const std::string& name, const std::string& gen) {
    return SourceObject{name, gen, std::nullopt, ""};
  }
  ErrorCode RejectionOf(const std::string& name) {
    auto r = ParseResult(results_.Get(name).value_or(""));
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() && r->error ? r->error->code : ErrorCode::kInternal;
  }

  PipelineOptions options_{1024 * 1024, 1536, std::chrono::milliseconds(5000)};
  FakeClock clock_{std::chrono::sys_days{std::chrono::year{2026} / 11 / 26}};
  FakeEngine engine_{EngineName::kGemini};
  // The module the service loads (libjae-ocr-image.so in the build tree), not a copy.
  ModuleImageNormalizer normalizer_;
  MemoryStore source_{"gs://inbox"};
  MemoryStore results_{"gs://results"};
  ObjectProcessor processor_;
};

TEST_F(RealPipelineTest, SameEventThreeTimesOneEngineCall) {
  const std::string jpeg = jae::testing::MakeJpeg(640, 400, jae::testing::Pattern::kNoise);
  ASSERT_FALSE(jpeg.empty());
  const std::string gen = source_.Put("scans/card.jpg", jpeg);
  EXPECT_EQ(processor_.Process(source_, Object("scans/card.jpg", gen)).outcome, Outcome::kWritten);
  EXPECT_EQ(processor_.Process(source_, Object("scans/card.jpg", gen)).outcome,
            Outcome::kDuplicate);
  EXPECT_EQ(processor_.Process(source_, Object("scans/card.jpg", gen)).outcome,
            Outcome::kDuplicate);
  EXPECT_EQ(engine_.calls(), 1);
  auto r = ParseResult(*results_.Get("scans/card.jpg.json"));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->status, ResultStatus::kOk);
  EXPECT_EQ(r->source.generation, gen);
  EXPECT_TRUE(r->source.sha256.has_value());
}

TEST_F(RealPipelineTest, TransientEngineErrorWritesNothing) {
  const std::string gen =
      source_.Put("a.jpg", jae::testing::MakeJpeg(320, 200, jae::testing::Pattern::kNoise));
  engine_.Push(UnavailableError("model down"));
  auto report = processor_.Process(source_, Object("a.jpg", gen));
  EXPECT_EQ(report.outcome, Outcome::kTransient);
  EXPECT_FALSE(results_.Has("a.jpg.json"));
  EXPECT_EQ(processor_.Process(source_, Object("a.jpg", gen)).outcome, Outcome::kWritten);
  EXPECT_EQ(engine_.calls(), 2);
}

TEST_F(RealPipelineTest, HostileInputsGetRejectedResults) {
  const std::string text_gen = source_.Put("notes.txt", "just some text, not a document\n");
  EXPECT_EQ(processor_.Process(source_, Object("notes.txt", text_gen)).outcome, Outcome::kWritten);
  EXPECT_EQ(RejectionOf("notes.txt.json"), ErrorCode::kUnsupportedMediaType);

  std::string jpeg = jae::testing::MakeJpeg(640, 400, jae::testing::Pattern::kNoise);
  const std::string truncated_gen = source_.Put("cut.jpg", jpeg.substr(0, jpeg.size() / 3));
  EXPECT_EQ(processor_.Process(source_, Object("cut.jpg", truncated_gen)).outcome,
            Outcome::kWritten);
  EXPECT_EQ(RejectionOf("cut.jpg.json"), ErrorCode::kUndecodable);

  const std::string big_gen = source_.Put("big.jpg", std::string(2 * 1024 * 1024, '\xFF'));
  EXPECT_EQ(processor_.Process(source_, Object("big.jpg", big_gen)).outcome, Outcome::kWritten);
  EXPECT_EQ(RejectionOf("big.jpg.json"), ErrorCode::kTooLarge);
  EXPECT_EQ(engine_.calls(), 0);
}

}  // namespace
}  // namespace jae
