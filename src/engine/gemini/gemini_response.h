// Reading a generateContent answer (HTTP 200) and the model's JSON inside it. The whole
// answer is hostile input: any shape the schema does not allow is "invalid output", and
// nothing the model wrote is quoted in a message (it is personal data).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/status.h"
#include "verify/verify.h"

namespace jae::gemini {

struct Usage {
  std::optional<std::int64_t> input_tokens;   // promptTokenCount
  std::optional<std::int64_t> output_tokens;  // candidatesTokenCount + thoughtsTokenCount
  std::optional<std::string> model_version;   // modelVersion
};

struct ParsedResponse {
  enum class Kind {
    kExtraction,     // `extraction` is set
    kRefused,        // blocked prompt, or finishReason other than STOP and MAX_TOKENS
    kOutputLimit,    // finishReason MAX_TOKENS: GEMINI_MAX_OUTPUT_TOKENS is too low for the
                     // model (thinking counts against it): a configuration problem
    kInvalidOutput,  // the text is not JSON of the response schema
    kBadEnvelope,    // not a generateContent response (proxy, truncation), or one with no
                     // candidate and no block reason (`{}`): transient, not the document's fault
  };
  Kind kind = Kind::kBadEnvelope;
  std::optional<verify::Extraction> extraction;
  std::string reason;  // for refusals and invalid output; free of model text
  Usage usage;
};

ParsedResponse ParseGenerateContentResponse(std::string_view body);

// The model's JSON text → Extraction (field sources "model"). InvalidArgument says which
// part of the schema did not hold.
StatusOr<verify::Extraction> ParseModelOutput(std::string_view text);

}  // namespace jae::gemini
