#include "engine/gemini/gemini_engine.h"

#include <atomic>
#include <optional>
#include <random>
#include <variant>

#include "auth/default_credentials.h"
#include "common/backoff.h"
#include "common/retry_loop.h"
#include "engine/gemini/gemini_errors.h"
#include "engine/gemini/gemini_request.h"
#include "engine/gemini/gemini_response.h"

namespace jae {
namespace {

using std::chrono::milliseconds;
using std::chrono::steady_clock;

constexpr std::int64_t kMaxResponseBytes = 8 * 1024 * 1024;
// Below this much time left an attempt cannot succeed; give up instead.
constexpr milliseconds kMinimumAttemptTime{50};

class GeminiEngine final : public Engine {
 public:
  GeminiEngine(GeminiConfig config, std::shared_ptr<HttpClient> http,
               std::shared_ptr<AccessTokenSource> tokens, std::shared_ptr<RetryClock> clock)
      : config_(std::move(config)),
        url_(config_.GenerateContentUrl()),
        http_(std::move(http)),
        tokens_(std::move(tokens)),
        clock_(std::move(clock)),
        seed_base_(std::random_device{}()) {}

  EngineName name() const override { return config_.engine; }
  std::vector<std::string> ConfigurationWarnings() const override { return config_.warnings; }

  // Stages: refuse what Gemini cannot read, build the request once, then one RetryLoop
  // over Attempt (send, classify the HTTP answer, parse the model's answer).
  StatusOr<EngineResult> Extract(const NormalizedImage& image,
                                 steady_clock::time_point deadline) override {
    const auto start = clock_->Now();
    Call call;
    call.result.info.name = config_.engine;
    call.result.info.model = config_.model;
    if (std::optional<ErrorInfo> refused = RefuseUnreadable(image)) {
      call.result.rejection = std::move(*refused);
      return std::move(call.result);
    }
    HttpRequest request = BuildRequest(image);
    Backoff backoff(config_.backoff, seed_base_ ^ (calls_.fetch_add(1) * 0x9E3779B97F4A7C15ULL));
    RetryPolicy policy{.max_attempts = config_.max_attempts,
                       .deadline = deadline,
                       .min_attempt_time = kMinimumAttemptTime};
    StatusOr<EngineResult> done = RetryLoop<EngineResult>(
        policy, Idempotency::kIdempotent, backoff, *clock_, "Gemini",
        [&](milliseconds left) { return Attempt(request, left, deadline, call); });
    if (!done.ok()) return done.status();
    done->info.attempts = call.attempts;
    done->info.latency_ms =
        std::chrono::duration<double, std::milli>(clock_->Now() - start).count();
    return done;
  }

 private:
  using Outcome = AttemptOutcome<EngineResult>;

  // What one Extract call accumulates over its attempts: tokens (in result.info), requests
  // sent, answers that did not match the schema.
  struct Call {
    EngineResult result;
    int attempts = 0;
    int invalid_outputs = 0;
  };

  // A rejection for an image Gemini cannot be asked about; nothing is sent.
  static std::optional<ErrorInfo> RefuseUnreadable(const NormalizedImage& image) {
    if (image.bytes.empty()) return ErrorInfo{ErrorCode::kUndecodable, "the image is empty"};
    if (!gemini::IsSupportedMimeType(image.mime_type)) {
      return ErrorInfo{ErrorCode::kUnsupportedMediaType,
                       "Gemini does not read " + image.mime_type.substr(0, 64)};
    }
    return std::nullopt;
  }

  // Built once: the body holds the whole image in base64 and is the same every attempt.
  HttpRequest BuildRequest(const NormalizedImage& image) const {
    HttpRequest request;
    request.method = "POST";
    request.url = url_;
    request.body = gemini::SerializeGenerateContentRequest(config_, image);
    request.max_response_bytes = kMaxResponseBytes;
    return request;
  }

  // One attempt of the RetryLoop. An answer that did not match the schema is asked again
  // at once, once, inside the same attempt: the service is fine, the answer was not.
  Outcome Attempt(HttpRequest& request, milliseconds left, steady_clock::time_point deadline,
                  Call& call) {
    while (true) {
      std::variant<HttpResponse, Outcome> sent = Send(request, left, call);
      if (Outcome* failed = std::get_if<Outcome>(&sent)) return std::move(*failed);
      gemini::ParsedResponse parsed =
          gemini::ParseGenerateContentResponse(std::get<HttpResponse>(sent).body);
      AddUsage(call.result.info, parsed.usage);
      if (std::optional<Outcome> answered = Answer(std::move(parsed), call)) {
        return std::move(*answered);
      }
      left = std::chrono::duration_cast<milliseconds>(deadline - clock_->Now());
      if (left < kMinimumAttemptTime) {
        return Outcome::Permanent(
            DeadlineExceededError("no time left for a Gemini request before the deadline"));
      }
    }
  }

  // Sends `request` once with this attempt's timeout and credentials: the 200 response,
  // or the outcome of a request that brought no answer (credentials, transport, HTTP
  // error; only the retryable ones transient, with the server's hint).
  std::variant<HttpResponse, Outcome> Send(HttpRequest& request, milliseconds left, Call& call) {
    request.timeout = std::min(config_.attempt_timeout, left);
    request.headers = {{"Content-Type", "application/json"}};
    if (Status auth = AddAuth(request); !auth.ok()) {
      return IsTransient(auth.code()) ? Outcome::Transient(auth) : Outcome::Permanent(auth);
    }
    ++call.attempts;
    StatusOr<HttpResponse> response = http_->Send(request);
    if (!response.ok()) {
      // Transport failures (connection refused, reset, timeout, oversize body).
      const StatusCode code = response.status().code() == StatusCode::kDeadlineExceeded
                                  ? StatusCode::kDeadlineExceeded
                                  : StatusCode::kUnavailable;
      return Outcome::Transient(
          Status(code, "Gemini request failed: " + response.status().message()));
    }
    if (response->status != 200) {
      if (!gemini::IsRetryableHttpStatus(response->status)) {
        return Outcome::Permanent(gemini::HttpErrorStatus(config_, *response));
      }
      return Outcome::Transient(gemini::HttpErrorStatus(config_, *response),
                                gemini::ServerRetryHint(*response, clock_->WallNow()));
    }
    return std::move(*response);
  }

  // What the model's answer ends the attempt with; nullopt: ask again (the first answer
  // that did not match the schema).
  std::optional<Outcome> Answer(gemini::ParsedResponse parsed, Call& call) const {
    EngineResult& result = call.result;
    switch (parsed.kind) {
      case gemini::ParsedResponse::Kind::kExtraction:
        result.extraction = std::move(parsed.extraction);
        return Outcome::Ok(std::move(result));
      case gemini::ParsedResponse::Kind::kRefused:
        result.rejection = ErrorInfo{ErrorCode::kModelRefused, parsed.reason};
        return Outcome::Ok(std::move(result));
      case gemini::ParsedResponse::Kind::kOutputLimit:
        // The same settings stop every document the same way: nothing is recorded for
        // the document; the operator raises the limit.
        return Outcome::Permanent(FailedPreconditionError(
            parsed.reason + ": raise GEMINI_MAX_OUTPUT_TOKENS (now " +
            std::to_string(config_.max_output_tokens) +
            ") or lower GEMINI_THINKING_LEVEL / GEMINI_THINKING_BUDGET for GEMINI_MODEL " +
            config_.model));
      case gemini::ParsedResponse::Kind::kInvalidOutput:
        if (++call.invalid_outputs >= 2) {
          result.rejection = ErrorInfo{ErrorCode::kModelOutputInvalid,
                                       "model output did not match the response schema "
                                       "twice: " +
                                           parsed.reason};
          return Outcome::Ok(std::move(result));
        }
        return std::nullopt;
      case gemini::ParsedResponse::Kind::kBadEnvelope:
        return Outcome::Transient(UnavailableError(parsed.reason));
    }
    return std::nullopt;
  }

  Status AddAuth(HttpRequest& request) const {
    if (config_.engine == EngineName::kGemini) {
      request.headers.emplace_back("x-goog-api-key", config_.api_key);
      return OkStatus();
    }
    StatusOr<std::string> token = tokens_->Token();
    if (!token.ok()) {
      return Status(token.status().code(),
                    "no access token for Vertex AI: " + token.status().message());
    }
    request.headers.emplace_back("Authorization", "Bearer " + *token);
    return OkStatus();
  }

  static void AddUsage(EngineInfo& info, const gemini::Usage& usage) {
    if (usage.input_tokens) info.input_tokens = info.input_tokens.value_or(0) + *usage.input_tokens;
    if (usage.output_tokens) {
      info.output_tokens = info.output_tokens.value_or(0) + *usage.output_tokens;
    }
    if (usage.model_version) info.model_version = usage.model_version;
  }

  const GeminiConfig config_;
  const std::string url_;
  // Declared before tokens_: a token source may hold a reference to this client.
  const std::shared_ptr<HttpClient> http_;
  const std::shared_ptr<AccessTokenSource> tokens_;
  const std::shared_ptr<RetryClock> clock_;
  const std::uint64_t seed_base_;
  std::atomic<std::uint64_t> calls_{0};
};

}  // namespace

StatusOr<std::unique_ptr<Engine>> MakeGeminiEngine(GeminiConfig config,
                                                   std::shared_ptr<HttpClient> http,
                                                   std::shared_ptr<AccessTokenSource> tokens,
                                                   std::shared_ptr<RetryClock> clock) {
  if (!http || !clock)
    return InvalidArgumentError("MakeGeminiEngine needs an HttpClient and a clock");
  if (config.engine == EngineName::kVertex && !tokens) {
    return InvalidArgumentError("engine vertex needs an access token source");
  }
  if (config.engine == EngineName::kLocal) return InvalidArgumentError("not a Gemini engine");
  return std::unique_ptr<Engine>(std::make_unique<GeminiEngine>(
      std::move(config), std::move(http), std::move(tokens), std::move(clock)));
}

StatusOr<std::unique_ptr<Engine>> MakeGeminiEngine(EngineName which, const Env& env) {
  StatusOr<GeminiConfig> config = GeminiConfigFromEnv(which, env);
  if (!config.ok()) return config.status();
  std::shared_ptr<HttpClient> http = MakeCurlHttpClient();
  std::shared_ptr<AccessTokenSource> tokens;
  if (which == EngineName::kVertex) {
    auto source = MakeDefaultTokenSource(env, http);
    if (!source.ok()) return source.status();
    tokens = std::move(*source);
  }
  return MakeGeminiEngine(std::move(*config), std::move(http), std::move(tokens),
                          std::make_shared<RealRetryClock>());
}

}  // namespace jae
