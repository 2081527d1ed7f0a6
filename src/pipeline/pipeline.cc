#include "pipeline/pipeline.h"

#include <openssl/evp.h>

#include <algorithm>
#include <thread>

#include "common/env_vars.h"
#include "image/image.h"
#include "verify/verify.h"

namespace jae {
StatusOr<PipelineOptions> PipelineOptionsFromEnv(const Env& env) {
  PipelineOptions options;
  const auto bytes =
      IntVar(env, "MAX_IMAGE_BYTES", options.max_image_bytes, 1, std::int64_t{1} << 40);
  if (!bytes.ok()) return bytes.status();
  const auto side = IntVar(env, "IMAGE_MAX_SIDE", options.image_max_side, 64, 8192);
  if (!side.ok()) return side.status();
  const auto timeout = IntVar(
      env, "ENGINE_TIMEOUT_SECONDS",
      std::chrono::duration_cast<std::chrono::seconds>(options.engine_timeout).count(), 1, 3600);
  if (!timeout.ok()) return timeout.status();
  options.max_image_bytes = *bytes;
  options.image_max_side = static_cast<int>(*side);
  options.engine_timeout = std::chrono::seconds(*timeout);
  return options;
}

int DefaultSourceSlots() {
  return 2 * std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
}

std::string Sha256Hex(std::string_view bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (EVP_Digest(bytes.data(), bytes.size(), digest, &length, EVP_sha256(), nullptr) != 1) {
    return {};
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(2 * length);
  for (unsigned int i = 0; i < length; ++i) {
    hex.push_back(kHex[digest[i] >> 4]);
    hex.push_back(kHex[digest[i] & 0xF]);
  }
  return hex;
}

StatusOr<Result> ProcessDocument(DocumentInput input, ImageNormalizer& normalizer, Engine& engine,
                                 const Clock& clock, const PipelineOptions& options) {
  SourceInfo source = input.source;
  source.size_bytes = static_cast<std::int64_t>(input.bytes.size());
  const auto reject = [&](ErrorCode code, std::string message) {
    return MakeRejected(source, code, std::move(message), FormatRfc3339(clock.Now()));
  };
  if (source.size_bytes > options.max_image_bytes) {
    // Not hashed: the point of the limit is not to spend work on it.
    return reject(ErrorCode::kTooLarge, "the file is larger than MAX_IMAGE_BYTES");
  }
  const std::string sha256 = Sha256Hex(input.bytes);
  if (sha256.empty()) return InternalError("SHA-256 is unavailable");
  source.sha256 = sha256;

  NormalizeOptions normalize;
  normalize.max_side = options.image_max_side;
  auto normalized = normalizer.Normalize(input.bytes, normalize);
  if (!normalized.ok()) return normalized.status();
  if (normalized->rejection) {
    return reject(normalized->rejection->code, normalized->rejection->message);
  }
  if (!normalized->image) return InternalError("normalisation returned no image");
  std::string().swap(input.bytes);  // a phone photo is ~20x its normalised image
  input.ticket.Release();

  const auto deadline = std::chrono::steady_clock::now() + options.engine_timeout;
  auto extracted = engine.Extract(*normalized->image, deadline);
  if (!extracted.ok()) return extracted.status();
  EngineResult& engine_result = *extracted;
  if (engine_result.extraction.has_value() == engine_result.rejection.has_value()) {
    return InternalError("the engine returned neither exactly an extraction nor a rejection");
  }
  if (engine_result.rejection) {
    Result result = reject(engine_result.rejection->code, engine_result.rejection->message);
    result.engine = engine_result.info;
    return result;
  }

  const verify::Verified verified =
      verify::Verify(*engine_result.extraction, verify::VerifyOptions{clock.Today()});
  Result result;
  result.status = ResultStatus::kOk;
  result.source = std::move(source);
  result.document = verified.document;
  result.verification = verified.verification;
  result.engine = engine_result.info;
  result.processed_at = FormatRfc3339(clock.Now());
  return result;
}

}  // namespace jae
