#include "engine/gemini/gemini_engine.h"

#include <atomic>
#include <random>

#include "auth/default_credentials.h"
#include "common/backoff.h"
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

// Why the last attempt failed in a way that a later attempt may fix.
struct TransientFailure {
  Status status;
  milliseconds server_hint{0};
};

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

  StatusOr<EngineResult> Extract(const NormalizedImage& image,
                                 steady_clock::time_point deadline) override {
    const auto start = clock_->Now();
    EngineResult result;
    result.info.name = config_.engine;
    result.info.model = config_.model;
    if (image.bytes.empty()) {
      result.rejection = ErrorInfo{ErrorCode::kUndecodable, "the image is empty"};
      return result;
    }
    if (!gemini::IsSupportedMimeType(image.mime_type)) {
      result.rejection = ErrorInfo{ErrorCode::kUnsupportedMediaType,
                                   "Gemini does not read " + image.mime_type.substr(0, 64)};
      return result;
    }
    // Built once: the body holds the whole image in base64 and is the same every attempt.
    HttpRequest request;
    request.method = "POST";
    request.url = url_;
    request.body = gemini::SerializeGenerateContentRequest(config_, image);
    request.max_response_bytes = kMaxResponseBytes;
    Backoff backoff(config_.backoff, seed_base_ ^ (calls_.fetch_add(1) * 0x9E3779B97F4A7C15ULL));

    int attempts = 0;
    int transient_attempts = 0;
    int invalid_outputs = 0;
    std::optional<Status> last_transient;
    const auto finish = [&](EngineResult r) -> StatusOr<EngineResult> {
      r.info.attempts = attempts;
      r.info.latency_ms = std::chrono::duration<double, std::milli>(clock_->Now() - start).count();
      return r;
    };
    const auto give_up = [&](const Status& last, const std::string& why) {
      return Status(last.code(), why + " after " + std::to_string(attempts) +
                                     " attempt(s); last error: " + last.message());
    };

    while (true) {
      const auto now = clock_->Now();
      const auto left = std::chrono::duration_cast<milliseconds>(deadline - now);
      if (left < kMinimumAttemptTime) {
        if (last_transient) return give_up(*last_transient, "deadline reached");
        return DeadlineExceededError("no time left for a Gemini request before the deadline");
      }

      std::optional<TransientFailure> failure;
      StatusOr<HttpResponse> response = Status(StatusCode::kInternal, "not sent");
      request.timeout = std::min(config_.attempt_timeout, left);
      request.headers = {{"Content-Type", "application/json"}};
      Status auth = AddAuth(request);
      if (!auth.ok()) {
        if (!IsTransient(auth.code())) return auth;
        failure = TransientFailure{auth};
      } else {
        ++attempts;
        response = http_->Send(request);
        if (!response.ok()) {
          // Transport failures (connection refused, reset, timeout, oversize body).
          const StatusCode code = response.status().code() == StatusCode::kDeadlineExceeded
                                      ? StatusCode::kDeadlineExceeded
                                      : StatusCode::kUnavailable;
          failure = TransientFailure{
              Status(code, "Gemini request failed: " + response.status().message())};
        } else if (response->status == 200) {
          gemini::ParsedResponse parsed = gemini::ParseGenerateContentResponse(response->body);
          AddUsage(result.info, parsed.usage);
          switch (parsed.kind) {
            case gemini::ParsedResponse::Kind::kExtraction:
              result.extraction = std::move(parsed.extraction);
              return finish(std::move(result));
            case gemini::ParsedResponse::Kind::kRefused:
              result.rejection = ErrorInfo{ErrorCode::kModelRefused, parsed.reason};
              return finish(std::move(result));
            case gemini::ParsedResponse::Kind::kOutputLimit:
              // The same settings stop every document the same way: nothing is recorded
              // for the document; the operator raises the limit.
              return FailedPreconditionError(
                  parsed.reason + ": raise GEMINI_MAX_OUTPUT_TOKENS (now " +
                  std::to_string(config_.max_output_tokens) +
                  ") or lower GEMINI_THINKING_LEVEL / GEMINI_THINKING_BUDGET for GEMINI_MODEL " +
                  config_.model);
            case gemini::ParsedResponse::Kind::kInvalidOutput:
              if (++invalid_outputs >= 2) {
                result.rejection = ErrorInfo{ErrorCode::kModelOutputInvalid,
                                             "model output did not match the response schema "
                                             "twice: " +
                                                 parsed.reason};
                return finish(std::move(result));
              }
              continue;  // ask again at once: the service is fine, the answer was not
            case gemini::ParsedResponse::Kind::kBadEnvelope:
              failure = TransientFailure{UnavailableError(parsed.reason)};
              break;
          }
        } else if (gemini::IsRetryableHttpStatus(response->status)) {
          failure = TransientFailure{gemini::HttpErrorStatus(config_, *response),
                                     gemini::ServerRetryHint(*response, clock_->WallNow())};
        } else {
          return gemini::HttpErrorStatus(config_, *response);
        }
      }

      last_transient = failure->status;
      if (++transient_attempts >= config_.backoff.max_attempts) {
        return give_up(failure->status, "Gemini still failing");
      }
      const milliseconds delay = backoff.NextDelay(failure->server_hint);
      if (clock_->Now() + delay + kMinimumAttemptTime >= deadline) {
        return give_up(failure->status, "next retry (in " + std::to_string(delay.count()) +
                                            " ms) would pass the deadline");
      }
      clock_->SleepFor(delay);
    }
  }

 private:
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
    auto source = MakeDefaultTokenSource(env, *http);
    if (!source.ok()) return source.status();
    tokens = std::move(*source);
  }
  return MakeGeminiEngine(std::move(*config), std::move(http), std::move(tokens),
                          std::make_shared<RealRetryClock>());
}

}  // namespace jae
