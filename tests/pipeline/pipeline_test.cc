#include "pipeline/pipeline.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "image/image_fixtures.h"
#include "result/result_json.h"
#include "testing/fake_clock.h"
#include "testing/fake_engine.h"

namespace jae {

using testing::FakeClock;

namespace {

using testing::FakeEngine;

MapEnv EnvOf(std::map<std::string, std::string, std::less<>> vars) {
  return MapEnv(std::move(vars));
}

using ::testing::HasSubstr;
using testing::Pattern;

// 2026-11-26T12:00:00Z
const auto kNow = std::chrono::system_clock::time_point(std::chrono::seconds(1795694400));

class PipelineTest : public ::testing::Test {
 protected:
  DocumentInput Input(std::string bytes, std::string declared_type = "image/jpeg") {
    DocumentInput input;
    input.source.uri = "gs://bucket/scans/a.jpg";
    input.source.generation = "1700000000000001";
    input.source.content_type = std::move(declared_type);
    input.bytes = std::move(bytes);
    return input;
  }
  StatusOr<Result> Run(DocumentInput input) {
    return ProcessDocument(std::move(input), *normalizer_, engine_, clock_, options_);
  }
  static verify::Extraction Licence() {
    verify::Extraction e;
    e.type = DocumentType::kFftLicence;
    e.fields[FieldName::kSurname] = Field{"DUPONT", 0.98, FieldSource::kModel};
    e.fields[FieldName::kSex] = Field{"Féminin", std::nullopt, FieldSource::kModel};
    e.fields[FieldName::kBirthDate] = Field{"12/03/1990", std::nullopt, FieldSource::kModel};
    e.fields[FieldName::kLicenceNumber] = Field{"1234567 A", std::nullopt, FieldSource::kModel};
    return e;
  }
  static EngineResult Extracted() {
    EngineResult r = FakeEngine::Extracted(Licence(), EngineName::kGemini);
    r.info.model = "gemini-test";
    r.info.input_tokens = 1290;
    r.info.attempts = 1;
    return r;
  }

  FakeEngine engine_{EngineName::kGemini};
  std::unique_ptr<ImageNormalizer> normalizer_ = MakeInProcessNormalizer();
  FakeClock clock_{kNow};
  PipelineOptions options_;
};

TEST(Sha256Hex, KnownVector) {
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_F(PipelineTest, OkDocumentGoesThroughNormalisationEngineAndVerification) {
  // A PNG declared as JPEG: the declared type is kept as declared, never trusted.
  const std::string png = testing::MakePng(3000, 2000, Pattern::kLeftHalfBlack);
  engine_.Push(Extracted());
  auto result = Run(Input(png, "image/jpeg"));
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  EXPECT_EQ(result->status, ResultStatus::kOk);
  EXPECT_EQ(result->source.uri, "gs://bucket/scans/a.jpg");
  EXPECT_EQ(result->source.generation, "1700000000000001");
  EXPECT_EQ(result->source.content_type, "image/jpeg");
  EXPECT_EQ(result->source.size_bytes, static_cast<std::int64_t>(png.size()));
  EXPECT_EQ(result->source.sha256, Sha256Hex(png));
  EXPECT_EQ(result->processed_at, "2026-11-26T12:00:00.000Z");
  ASSERT_TRUE(result->engine);
  EXPECT_EQ(result->engine->name, EngineName::kGemini);
  EXPECT_EQ(result->engine->model, "gemini-test");
  ASSERT_TRUE(result->document);
  EXPECT_EQ(result->document->type, DocumentType::kFftLicence);
  EXPECT_EQ(result->document->fields.at(FieldName::kSex).value, "F");
  EXPECT_EQ(result->document->fields.at(FieldName::kBirthDate).value, "1990-03-12");
  EXPECT_EQ(result->document->fields.at(FieldName::kLicenceNumber).value, "1234567A");
  ASSERT_TRUE(result->verification);
  EXPECT_EQ(result->verification->age_years, 36);
  EXPECT_EQ(result->verification->mrz_check_digits, CheckDigitState::kAbsent);

  // The engine saw the normalised image, not the upload.
  ASSERT_EQ(engine_.calls(), 1);
  const NormalizedImage seen = *engine_.last_image();
  EXPECT_EQ(seen.mime_type, "image/jpeg");
  EXPECT_EQ(seen.source_type, "image/png");
  EXPECT_EQ(seen.width, 1536);
  EXPECT_EQ(seen.height, 1024);
  EXPECT_GT(*engine_.last_deadline(), std::chrono::steady_clock::now() + std::chrono::seconds(60));

  // What we produce is what the schema's parser accepts.
  auto reparsed = ParseResult(SerializeResult(*result));
  ASSERT_TRUE(reparsed.ok()) << reparsed.status().ToString();
  EXPECT_EQ(*reparsed, *result);
}

TEST_F(PipelineTest, HonoursImageMaxSide) {
  options_.image_max_side = 800;
  engine_.Push(Extracted());
  ASSERT_TRUE(Run(Input(testing::MakeJpeg(1600, 1200, Pattern::kNoise))).ok());
  EXPECT_EQ(engine_.last_image()->width, 800);
}

TEST_F(PipelineTest, TooLargeIsRejectedBeforeAnyWork) {
  options_.max_image_bytes = 1000;
  auto result = Run(Input(std::string(1001, 'x')));
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result->status, ResultStatus::kRejected);
  ASSERT_TRUE(result->error);
  EXPECT_EQ(result->error->code, ErrorCode::kTooLarge);
  EXPECT_EQ(result->source.size_bytes, 1001);
  EXPECT_FALSE(result->engine);
  EXPECT_EQ(engine_.calls(), 0);
  EXPECT_TRUE(ParseResult(SerializeResult(*result)).ok());
}

TEST_F(PipelineTest, NotAnImageIsUnsupported) {
  auto result = Run(Input("%!PS-Adobe-3.0 not a format we take", "image/jpeg"));
  ASSERT_TRUE(result.ok());
  ASSERT_TRUE(result->error);
  EXPECT_EQ(result->error->code, ErrorCode::kUnsupportedMediaType);
  EXPECT_TRUE(result->source.sha256);
  EXPECT_EQ(engine_.calls(), 0);

  auto empty = Run(Input(""));
  ASSERT_TRUE(empty.ok());
  EXPECT_EQ(empty->error->code, ErrorCode::kUnsupportedMediaType);
}

TEST_F(PipelineTest, TruncatedImageIsUndecodable) {
  const std::string jpeg = testing::MakeJpeg(800, 600, Pattern::kNoise);
  auto result = Run(Input(jpeg.substr(0, jpeg.size() / 2)));
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result->error->code, ErrorCode::kUndecodable);
  EXPECT_EQ(engine_.calls(), 0);
}

TEST_F(PipelineTest, PixelBombIsTooLarge) {
  auto result = Run(Input(testing::MakePngHeaderOnly(100000, 100000), "image/png"));
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result->error->code, ErrorCode::kTooLarge);
}

TEST_F(PipelineTest, EngineRejectionBecomesARejectedResultWithEngineInfo) {
  EngineResult rejected =
      FakeEngine::Rejected(ErrorCode::kNoDocument, "no document in the image", EngineName::kGemini);
  rejected.info.input_tokens = 1290;
  engine_.Push(rejected);
  auto result = Run(Input(testing::MakeJpeg(200, 100, Pattern::kNoise)));
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result->status, ResultStatus::kRejected);
  EXPECT_EQ(result->error->code, ErrorCode::kNoDocument);
  EXPECT_EQ(result->error->message, "no document in the image");
  ASSERT_TRUE(result->engine);
  EXPECT_EQ(result->engine->input_tokens, 1290);
  EXPECT_FALSE(result->document);
  EXPECT_TRUE(ParseResult(SerializeResult(*result)).ok());
}

TEST_F(PipelineTest, TransientEngineFailureIsReturnedNotWritten) {
  engine_.Push(ResourceExhaustedError("quota"));
  auto result = Run(Input(testing::MakeJpeg(200, 100, Pattern::kNoise)));
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().code(), StatusCode::kResourceExhausted);
  EXPECT_TRUE(IsTransient(result.status().code()));
}

TEST_F(PipelineTest, EngineTimeoutIsTransient) {
  options_.engine_timeout = std::chrono::milliseconds(20);
  engine_.SetDelay(std::chrono::milliseconds(2000));
  engine_.SetDefault(Extracted());
  auto result = Run(Input(testing::MakeJpeg(200, 100, Pattern::kNoise)));
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().code(), StatusCode::kDeadlineExceeded);
}

TEST_F(PipelineTest, MalformedEngineAnswerIsInternal) {
  engine_.Push(EngineResult{});  // neither extraction nor rejection
  auto result = Run(Input(testing::MakeJpeg(200, 100, Pattern::kNoise)));
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().code(), StatusCode::kInternal);
}

TEST(PipelineOptionsFromEnv, DefaultsAndOverrides) {
  auto defaults = PipelineOptionsFromEnv(MapEnv());
  ASSERT_TRUE(defaults.ok());
  EXPECT_EQ(defaults->max_image_bytes, 20971520);
  EXPECT_EQ(defaults->image_max_side, 1536);
  auto set =
      PipelineOptionsFromEnv(EnvOf({{"MAX_IMAGE_BYTES", "1000"}, {"IMAGE_MAX_SIDE", "768"}}));
  ASSERT_TRUE(set.ok());
  EXPECT_EQ(set->max_image_bytes, 1000);
  EXPECT_EQ(set->image_max_side, 768);
  for (const char* bad : {"0", "-5", "12ab", "99999999999999999999"}) {
    auto r = PipelineOptionsFromEnv(EnvOf({{"MAX_IMAGE_BYTES", bad}}));
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_THAT(r.status().message(), HasSubstr("MAX_IMAGE_BYTES"));
  }
  auto side = PipelineOptionsFromEnv(EnvOf({{"IMAGE_MAX_SIDE", "10"}}));
  ASSERT_FALSE(side.ok());
  EXPECT_THAT(side.status().message(), HasSubstr("IMAGE_MAX_SIDE"));
}

}  // namespace
}  // namespace jae
