#include "engine/gemini/gemini_engine.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <thread>

#include "testing/fake_clock.h"
#include "testing/fake_http_client.h"

namespace jae {

using testing::FakeRetryClock;

namespace {

using nlohmann::json;
using std::chrono::milliseconds;
using std::chrono::seconds;
using testing::FakeHttpClient;
using testing::MakeResponse;
using testing::RequestHeader;

const std::string kModelOutput =
    json{{"document_type", "passport"},
         {"side", "front"},
         {"issuing_country", "UTO"},
         {"fields", {{"surname", "ERIKSSON"}, {"given_names", "ANNA MARIA"}}},
         {"mrz_lines",
          {"P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
           "L898902C36UTO7408122F1204159ZE184226B<<<<<10"}}}
        .dump();

HttpResponse Ok(const std::string& text = kModelOutput, const std::string& finish = "STOP") {
  return MakeResponse(
      200, json{{"candidates",
                 {{{"content", {{"role", "model"}, {"parts", {{{"text", text}}}}}},
                   {"finishReason", finish}}}},
                {"usageMetadata", {{"promptTokenCount", 600}, {"candidatesTokenCount", 100}}},
                {"modelVersion", "gemini-3.8-flash-002"}}
               .dump());
}

HttpResponse Error(int code, const std::string& status, HttpHeaders headers = {},
                   json details = json::array()) {
  return MakeResponse(code,
                      json{{"error",
                            {{"code", code},
                             {"message", "synthetic " + status},
                             {"status", status},
                             {"details", details}}}}
                          .dump(),
                      std::move(headers));
}

NormalizedImage Jpeg() {
  NormalizedImage image;
  image.bytes = std::string("\xff\xd8\xff\xe0 synthetic jpeg", 20);
  image.mime_type = "image/jpeg";
  image.width = image.height = 100;
  return image;
}

class GeminiEngineTest : public ::testing::Test {
 protected:
  // Each test scripts the answers in order; the last one repeats.
  void Script(std::vector<StatusOr<HttpResponse>> answers) {
    answers_ = std::move(answers);
    http_->SetHandler([this](const HttpRequest&) -> StatusOr<HttpResponse> {
      std::lock_guard lock(mu_);
      const std::size_t i = std::min(next_++, answers_.size() - 1);
      return answers_[i];
    });
  }

  std::unique_ptr<Engine> MakeEngine(EngineName which = EngineName::kGemini,
                                     std::shared_ptr<AccessTokenSource> tokens = nullptr) {
    GeminiConfig config;
    config.engine = which;
    config.base_url = "http://fake";
    config.api_version = which == EngineName::kGemini ? "v1beta" : "v1";
    config.api_key = "test-key";
    config.project = "proj";
    config.location = "europe-west1";
    ApplyDefaultThinking(config);
    config.backoff = backoff_;
    config.max_attempts = max_attempts_;
    auto engine = MakeGeminiEngine(config, http_, std::move(tokens), clock_);
    EXPECT_TRUE(engine.ok()) << engine.status().ToString();
    return std::move(*engine);
  }

  StatusOr<EngineResult> Run(std::unique_ptr<Engine>& engine, milliseconds budget = seconds(60)) {
    return engine->Extract(Jpeg(), clock_->Now() + budget);
  }

  std::shared_ptr<FakeHttpClient> http_ = std::make_shared<FakeHttpClient>();
  std::shared_ptr<FakeRetryClock> clock_ = std::make_shared<FakeRetryClock>();
  BackoffPolicy backoff_{milliseconds(1000), milliseconds(16000), 2.0};
  int max_attempts_ = 5;
  std::mutex mu_;
  std::vector<StatusOr<HttpResponse>> answers_;
  std::size_t next_ = 0;
};

TEST_F(GeminiEngineTest, DeveloperApiSuccess) {
  Script({Ok()});
  auto engine = MakeEngine();
  EXPECT_EQ(engine->name(), EngineName::kGemini);
  auto r = Run(engine);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_TRUE(r->extraction);
  EXPECT_FALSE(r->rejection);
  EXPECT_EQ(r->extraction->type, DocumentType::kPassport);
  EXPECT_EQ(r->extraction->fields.at(FieldName::kSurname).value, "ERIKSSON");
  EXPECT_EQ(r->extraction->mrz_lines.size(), 2u);
  EXPECT_EQ(r->info.name, EngineName::kGemini);
  EXPECT_EQ(r->info.model, "gemini-3.8-flash");
  EXPECT_EQ(r->info.model_version, "gemini-3.8-flash-002");
  EXPECT_EQ(r->info.input_tokens, 600);
  EXPECT_EQ(r->info.output_tokens, 100);
  EXPECT_EQ(r->info.attempts, 1);
  EXPECT_TRUE(r->info.latency_ms.has_value());

  const HttpRequest req = http_->requests().at(0);
  EXPECT_EQ(req.method, "POST");
  EXPECT_EQ(req.url, "http://fake/v1beta/models/gemini-3.8-flash:generateContent");
  EXPECT_EQ(RequestHeader(req, "x-goog-api-key"), "test-key");
  EXPECT_EQ(RequestHeader(req, "content-type"), "application/json");
  EXPECT_EQ(RequestHeader(req, "authorization"), "");
  const json body = json::parse(req.body);
  EXPECT_EQ(body["generationConfig"]["responseMimeType"], "application/json");
  EXPECT_TRUE(body["generationConfig"].contains("responseSchema"));
}

TEST_F(GeminiEngineTest, VertexSendsTheBearerToken) {
  Script({Ok()});
  auto engine = MakeEngine(EngineName::kVertex, std::make_shared<StaticTokenSource>("ya29.t"));
  auto r = Run(engine);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->info.name, EngineName::kVertex);
  const HttpRequest req = http_->requests().at(0);
  EXPECT_EQ(req.url,
            "http://fake/v1/projects/proj/locations/europe-west1/publishers/google/models/"
            "gemini-3.8-flash:generateContent");
  EXPECT_EQ(RequestHeader(req, "authorization"), "Bearer ya29.t");
  EXPECT_EQ(RequestHeader(req, "x-goog-api-key"), "");
}

class FailingTokens final : public AccessTokenSource {
 public:
  explicit FailingTokens(Status s, int failures) : status_(std::move(s)), failures_(failures) {}
  StatusOr<std::string> Token() override {
    if (failures_-- > 0) return status_;
    return std::string("ya29.late");
  }

 private:
  Status status_;
  int failures_;
};

TEST_F(GeminiEngineTest, TransientTokenFailureIsRetried) {
  Script({Ok()});
  auto engine =
      MakeEngine(EngineName::kVertex, std::make_shared<FailingTokens>(UnavailableError("md"), 1));
  auto r = Run(engine);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(clock_->sleeps().size(), 1u);
  EXPECT_EQ(RequestHeader(http_->requests().at(0), "authorization"), "Bearer ya29.late");
}

TEST_F(GeminiEngineTest, PermanentTokenFailureIsReturned) {
  Script({Ok()});
  auto engine = MakeEngine(
      EngineName::kVertex,
      std::make_shared<FailingTokens>(Status(StatusCode::kUnauthenticated, "invalid_grant"), 9));
  auto r = Run(engine);
  EXPECT_EQ(r.status().code(), StatusCode::kUnauthenticated);
  EXPECT_EQ(http_->count(), 0u);
}

TEST_F(GeminiEngineTest, ClientErrorsAreNotRetried) {
  const std::vector<std::pair<int, StatusCode>> cases = {{400, StatusCode::kInvalidArgument},
                                                         {401, StatusCode::kUnauthenticated},
                                                         {403, StatusCode::kPermissionDenied},
                                                         {404, StatusCode::kNotFound}};
  for (const auto& [http_status, code] : cases) {
    http_ = std::make_shared<FakeHttpClient>();
    next_ = 0;
    Script({Error(http_status, "X"), Ok()});
    auto engine = MakeEngine();
    auto r = Run(engine);
    EXPECT_EQ(r.status().code(), code) << http_status;
    EXPECT_FALSE(IsTransient(r.status().code()));
    EXPECT_EQ(http_->count(), 1u) << http_status;
    EXPECT_NE(r.status().message().find("synthetic X"), std::string::npos);
  }
}

TEST_F(GeminiEngineTest, ModelNotFoundNamesTheVariable) {
  Script({Error(404, "NOT_FOUND")});
  auto engine = MakeEngine();
  auto r = Run(engine);
  EXPECT_EQ(r.status().code(), StatusCode::kNotFound);
  EXPECT_NE(r.status().message().find("GEMINI_MODEL"), std::string::npos);
  EXPECT_NE(r.status().message().find("gemini-3.8-flash"), std::string::npos);
}

// Issue 12 item 8: the error of a configuration problem names the variable to fix.
TEST_F(GeminiEngineTest, CredentialErrorsNameTheVariable) {
  for (int code : {400, 401, 403}) {
    http_ = std::make_shared<FakeHttpClient>();
    next_ = 0;
    Script({Error(code, "X")});
    auto engine = MakeEngine();
    auto r = Run(engine);
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.status().message().find("GEMINI_API_KEY"), std::string::npos) << code;
  }
}

// Issue 12 item 8: `{}` (no candidate, no block reason) is retried, never a rejection.
TEST_F(GeminiEngineTest, EmptyAnswerIsRetriedThenSucceeds) {
  Script({MakeResponse(200, "{}"), Ok()});
  auto engine = MakeEngine();
  auto r = Run(engine);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_TRUE(r->extraction);
  EXPECT_EQ(http_->count(), 2u);
}

TEST_F(GeminiEngineTest, EmptyAnswerEveryTimeIsTransient) {
  Script({MakeResponse(200, "{}")});
  auto engine = MakeEngine();
  auto r = Run(engine);
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(IsTransient(r.status().code())) << r.status().ToString();
}

// Issue 12 item 8: MAX_TOKENS is the output limit's fault: a configuration error naming
// GEMINI_MAX_OUTPUT_TOKENS, not a `rejected` result.
TEST_F(GeminiEngineTest, MaxTokensIsAConfigurationError) {
  Script({Ok(kModelOutput, "MAX_TOKENS")});
  auto engine = MakeEngine();
  auto r = Run(engine);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(r.status().message().find("GEMINI_MAX_OUTPUT_TOKENS"), std::string::npos);
  EXPECT_EQ(http_->count(), 1u);
}

TEST_F(GeminiEngineTest, TransientErrorsAreRetriedThenSucceed) {
  for (int code : {429, 500, 502, 503, 504, 408}) {
    http_ = std::make_shared<FakeHttpClient>();
    clock_ = std::make_shared<FakeRetryClock>();
    next_ = 0;
    Script({Error(code, "E"), Ok()});
    auto engine = MakeEngine();
    auto r = Run(engine);
    ASSERT_TRUE(r.ok()) << code << " " << r.status().ToString();
    EXPECT_TRUE(r->extraction) << code;
    EXPECT_EQ(r->info.attempts, 2) << code;
    ASSERT_EQ(clock_->sleeps().size(), 1u);
    EXPECT_LE(clock_->sleeps()[0], milliseconds(1000));  // full jitter under the first cap
  }
}

TEST_F(GeminiEngineTest, NetworkErrorsAreRetried) {
  Script({StatusOr<HttpResponse>(UnavailableError("connection refused")),
          StatusOr<HttpResponse>(DeadlineExceededError("timeout")), Ok()});
  auto engine = MakeEngine();
  auto r = Run(engine);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->info.attempts, 3);
}

TEST_F(GeminiEngineTest, HonoursRetryAfter) {
  Script({Error(429, "RESOURCE_EXHAUSTED", {{"retry-after", "7"}}), Ok()});
  auto engine = MakeEngine();
  ASSERT_TRUE(Run(engine).ok());
  ASSERT_EQ(clock_->sleeps().size(), 1u);
  EXPECT_EQ(clock_->sleeps()[0], milliseconds(7000));
}

TEST_F(GeminiEngineTest, HonoursRetryInfo) {
  Script({Error(429, "RESOURCE_EXHAUSTED", {},
                json::array({{{"@type", "type.googleapis.com/google.rpc.RetryInfo"},
                              {"retryDelay", "2.5s"}}})),
          Ok()});
  auto engine = MakeEngine();
  ASSERT_TRUE(Run(engine).ok());
  ASSERT_EQ(clock_->sleeps().size(), 1u);
  EXPECT_EQ(clock_->sleeps()[0], milliseconds(2500));
}

TEST_F(GeminiEngineTest, BackoffGrowsWithFullJitter) {
  Script({Error(503, "UNAVAILABLE")});
  auto engine = MakeEngine();
  auto r = Run(engine, seconds(600));
  EXPECT_EQ(r.status().code(), StatusCode::kUnavailable);
  EXPECT_EQ(http_->count(), 5u);  // max_attempts
  const auto sleeps = clock_->sleeps();
  ASSERT_EQ(sleeps.size(), 4u);
  milliseconds cap(1000);
  for (const auto s : sleeps) {
    EXPECT_LE(s, cap);
    cap *= 2;
  }
  EXPECT_NE(r.status().message().find("5 attempt"), std::string::npos) << r.status().message();
}

TEST_F(GeminiEngineTest, QuotaExhaustedStaysResourceExhausted) {
  Script({Error(429, "RESOURCE_EXHAUSTED")});
  auto engine = MakeEngine();
  auto r = Run(engine, seconds(600));
  EXPECT_EQ(r.status().code(), StatusCode::kResourceExhausted);
  EXPECT_TRUE(IsTransient(r.status().code()));
}

TEST_F(GeminiEngineTest, DeadlineBoundsTheRetries) {
  max_attempts_ = 100;
  Script({Error(503, "UNAVAILABLE")});
  auto engine = MakeEngine();
  const auto start = clock_->Now();
  auto r = Run(engine, seconds(10));
  EXPECT_TRUE(IsTransient(r.status().code()));
  EXPECT_LT(clock_->Now() - start, seconds(10));  // never slept past the deadline
  EXPECT_GE(http_->count(), 2u);
  // Every request's timeout fit inside the remaining time.
  for (const auto& req : http_->requests()) EXPECT_LE(req.timeout, seconds(10));
}

TEST_F(GeminiEngineTest, ServerDelayBeyondTheDeadlineGivesUpAtOnce) {
  Script({Error(429, "RESOURCE_EXHAUSTED", {{"retry-after", "120"}}), Ok()});
  auto engine = MakeEngine();
  auto r = Run(engine, seconds(30));
  EXPECT_EQ(r.status().code(), StatusCode::kResourceExhausted);
  EXPECT_TRUE(clock_->sleeps().empty());
  EXPECT_EQ(http_->count(), 1u);
}

TEST_F(GeminiEngineTest, NoTimeLeftSendsNothing) {
  Script({Ok()});
  auto engine = MakeEngine();
  auto r = engine->Extract(Jpeg(), clock_->Now() - seconds(1));
  EXPECT_EQ(r.status().code(), StatusCode::kDeadlineExceeded);
  EXPECT_EQ(http_->count(), 0u);
}

TEST_F(GeminiEngineTest, AttemptTimeoutIsCappedByTheDeadline) {
  Script({Ok()});
  auto engine = MakeEngine();
  ASSERT_TRUE(Run(engine, milliseconds(1500)).ok());
  EXPECT_EQ(http_->requests().at(0).timeout, milliseconds(1500));
}

TEST_F(GeminiEngineTest, RefusalsAreRejectionsNotRetries) {
  for (const char* finish : {"SAFETY", "SPII", "PROHIBITED_CONTENT"}) {
    http_ = std::make_shared<FakeHttpClient>();
    next_ = 0;
    Script({Ok(kModelOutput, finish)});
    auto engine = MakeEngine();
    auto r = Run(engine);
    ASSERT_TRUE(r.ok());
    ASSERT_TRUE(r->rejection);
    EXPECT_FALSE(r->extraction);
    EXPECT_EQ(r->rejection->code, ErrorCode::kModelRefused);
    EXPECT_NE(r->rejection->message.find(finish), std::string::npos);
    EXPECT_EQ(http_->count(), 1u);
  }
}

TEST_F(GeminiEngineTest, BlockedPromptIsRefused) {
  Script({MakeResponse(200, R"({"promptFeedback":{"blockReason":"SAFETY"},
                                "usageMetadata":{"promptTokenCount":300}})")});
  auto engine = MakeEngine();
  auto r = Run(engine);
  ASSERT_TRUE(r.ok());
  ASSERT_TRUE(r->rejection);
  EXPECT_EQ(r->rejection->code, ErrorCode::kModelRefused);
  EXPECT_EQ(r->info.input_tokens, 300);
}

TEST_F(GeminiEngineTest, InvalidJsonThenValidOnRetry) {
  Script({Ok("{\"document_type\": \"passp"), Ok()});
  auto engine = MakeEngine();
  auto r = Run(engine);
  ASSERT_TRUE(r.ok());
  ASSERT_TRUE(r->extraction);
  EXPECT_EQ(r->info.attempts, 2);
  EXPECT_EQ(r->info.input_tokens, 1200);  // both calls are paid for
  EXPECT_TRUE(clock_->sleeps().empty());
}

TEST_F(GeminiEngineTest, InvalidTwiceIsModelOutputInvalid) {
  Script({Ok("not json"), Ok(R"({"document_type":"spaceship","fields":{},"mrz_lines":[]})")});
  auto engine = MakeEngine();
  auto r = Run(engine);
  ASSERT_TRUE(r.ok());
  ASSERT_TRUE(r->rejection);
  EXPECT_EQ(r->rejection->code, ErrorCode::kModelOutputInvalid);
  EXPECT_EQ(r->info.attempts, 2);
  EXPECT_EQ(http_->count(), 2u);
}

TEST_F(GeminiEngineTest, NonJsonEnvelopeIsTransient) {
  Script({MakeResponse(200, "<html>gateway</html>"), Ok()});
  auto engine = MakeEngine();
  auto r = Run(engine);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->extraction);
  EXPECT_EQ(r->info.attempts, 2);
}

TEST_F(GeminiEngineTest, UnsupportedImagesAreRejectedWithoutACall) {
  Script({Ok()});
  auto engine = MakeEngine();
  NormalizedImage gif = Jpeg();
  gif.mime_type = "image/gif";
  auto r = engine->Extract(gif, clock_->Now() + seconds(5));
  ASSERT_TRUE(r.ok());
  ASSERT_TRUE(r->rejection);
  EXPECT_EQ(r->rejection->code, ErrorCode::kUnsupportedMediaType);
  NormalizedImage empty = Jpeg();
  empty.bytes.clear();
  r = engine->Extract(empty, clock_->Now() + seconds(5));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->rejection->code, ErrorCode::kUndecodable);
  EXPECT_EQ(http_->count(), 0u);
}

TEST_F(GeminiEngineTest, ConcurrentExtractions) {
  Script({Ok()});
  auto engine = MakeEngine();
  std::vector<std::thread> threads;
  std::atomic<int> ok{0};
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&] {
      for (int j = 0; j < 10; ++j) {
        auto r = engine->Extract(Jpeg(), std::chrono::steady_clock::time_point::max());
        if (r.ok() && r->extraction) ++ok;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(ok, 80);
}

TEST(MakeGeminiEngineTest, FromEnv) {
  using EnvMap = std::map<std::string, std::string, std::less<>>;
  auto missing = MakeGeminiEngine(EngineName::kGemini, MapEnv());
  EXPECT_EQ(missing.status().code(), StatusCode::kInvalidArgument);
  auto gemini = MakeGeminiEngine(EngineName::kGemini, MapEnv(EnvMap{{"GEMINI_API_KEY", "k"}}));
  ASSERT_TRUE(gemini.ok());
  EXPECT_EQ((*gemini)->name(), EngineName::kGemini);
  auto vertex = MakeGeminiEngine(
      EngineName::kVertex,
      MapEnv(EnvMap{{"GOOGLE_CLOUD_PROJECT", "p"}, {"HOME", "/nonexistent-jae-home"}}));
  ASSERT_TRUE(vertex.ok()) << vertex.status().ToString();
  EXPECT_EQ((*vertex)->name(), EngineName::kVertex);
  EXPECT_EQ(MakeGeminiEngine(EngineName::kLocal, MapEnv()).status().code(),
            StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace jae
