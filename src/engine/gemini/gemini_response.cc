#include "engine/gemini/gemini_response.h"

#include <cctype>
#include <nlohmann/json.hpp>

namespace jae::gemini {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxFieldChars = 512;
constexpr std::size_t kMaxMrzLines = 6;
constexpr std::size_t kMaxMrzLineChars = 64;

std::string Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return std::string(s);
}

// An optional string member: absent or null → nullopt; a string → its trimmed text;
// anything else → an error.
StatusOr<std::optional<std::string>> OptionalString(const json& object, const std::string& key,
                                                    const std::string& path) {
  const auto it = object.find(key);
  if (it == object.end() || it->is_null()) return std::optional<std::string>();
  if (!it->is_string()) return InvalidArgumentError(path + " is not a string");
  std::string value = Trim(it->get_ref<const std::string&>());
  if (value.size() > kMaxFieldChars) return InvalidArgumentError(path + " is too long");
  if (value.empty()) return std::optional<std::string>();
  return std::optional<std::string>(std::move(value));
}

std::optional<std::int64_t> Count(const json& usage, const char* key) {
  const auto it = usage.find(key);
  if (it == usage.end() || !it->is_number_integer()) return std::nullopt;
  const auto v = it->get<std::int64_t>();
  return v >= 0 ? std::optional<std::int64_t>(v) : std::nullopt;
}

Usage ReadUsage(const json& body) {
  Usage usage;
  if (auto it = body.find("modelVersion");
      it != body.end() && it->is_string() && !it->get_ref<const std::string&>().empty()) {
    usage.model_version = it->get<std::string>().substr(0, 128);
  }
  const auto meta = body.find("usageMetadata");
  if (meta == body.end() || !meta->is_object()) return usage;
  usage.input_tokens = Count(*meta, "promptTokenCount");
  const auto candidates = Count(*meta, "candidatesTokenCount");
  const auto thoughts = Count(*meta, "thoughtsTokenCount");  // billed as output
  if (candidates || thoughts) usage.output_tokens = candidates.value_or(0) + thoughts.value_or(0);
  return usage;
}

std::string SafeEnumText(const json& value) {
  // Enum names from the API; anything else is reduced so that no model text leaks.
  if (!value.is_string()) return "?";
  std::string s = value.get<std::string>().substr(0, 48);
  for (char c : s) {
    if (!std::isupper(static_cast<unsigned char>(c)) && c != '_') return "?";
  }
  return s;
}

}  // namespace

StatusOr<verify::Extraction> ParseModelOutput(std::string_view text) {
  const json out = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (out.is_discarded()) return InvalidArgumentError("model output is not JSON");
  if (!out.is_object()) return InvalidArgumentError("model output is not a JSON object");
  verify::Extraction extraction;

  const auto type = out.find("document_type");
  if (type == out.end() || !type->is_string()) {
    return InvalidArgumentError("document_type is missing");
  }
  const auto parsed_type = EnumFromString<DocumentType>(type->get_ref<const std::string&>());
  if (!parsed_type) return InvalidArgumentError("document_type is not one of the schema's values");
  extraction.type = *parsed_type;

  auto side = OptionalString(out, "side", "side");
  if (!side.ok()) return side.status();
  if (*side) {
    const auto parsed_side = EnumFromString<DocumentSide>(**side);
    if (!parsed_side) return InvalidArgumentError("side is not one of the schema's values");
    extraction.side = *parsed_side;
  }

  auto country = OptionalString(out, "issuing_country", "issuing_country");
  if (!country.ok()) return country.status();
  extraction.issuing_country = std::move(*country);

  const auto fields = out.find("fields");
  if (fields == out.end() || !fields->is_object()) {
    return InvalidArgumentError("fields is missing or not an object");
  }
  for (int i = 0; i < kFieldNameCount; ++i) {
    const auto name = static_cast<FieldName>(i);
    const std::string key(ToString(name));
    auto value = OptionalString(*fields, key, "fields." + key);
    if (!value.ok()) return value.status();
    if (*value)
      extraction.fields[name] = Field{std::move(**value), std::nullopt, FieldSource::kModel};
  }

  const auto mrz = out.find("mrz_lines");
  if (mrz == out.end() || !mrz->is_array()) {
    return InvalidArgumentError("mrz_lines is missing or not an array");
  }
  if (mrz->size() > kMaxMrzLines) return InvalidArgumentError("mrz_lines has too many lines");
  for (const auto& line : *mrz) {
    if (!line.is_string()) return InvalidArgumentError("mrz_lines holds a non-string");
    std::string compact;
    for (char c : line.get_ref<const std::string&>()) {
      if (!std::isspace(static_cast<unsigned char>(c))) compact.push_back(c);
    }
    if (compact.size() > kMaxMrzLineChars) return InvalidArgumentError("an MRZ line is too long");
    if (!compact.empty()) extraction.mrz_lines.push_back(std::move(compact));
  }
  return extraction;
}

ParsedResponse ParseGenerateContentResponse(std::string_view body) {
  ParsedResponse result;
  const json parsed = json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (!parsed.is_object()) {
    result.reason = "the API answered 200 with a body that is not a JSON object";
    return result;
  }
  result.usage = ReadUsage(parsed);

  if (const auto feedback = parsed.find("promptFeedback");
      feedback != parsed.end() && feedback->is_object()) {
    const auto block = feedback->find("blockReason");
    if (block != feedback->end() && !block->is_null() &&
        SafeEnumText(*block) != "BLOCKED_REASON_UNSPECIFIED") {
      result.kind = ParsedResponse::Kind::kRefused;
      result.reason = "the model blocked the prompt (blockReason " + SafeEnumText(*block) + ")";
      return result;
    }
  }
  const auto candidates = parsed.find("candidates");
  if (candidates == parsed.end() || !candidates->is_array() || candidates->empty() ||
      !(*candidates)[0].is_object()) {
    // `{}` or an empty list without a block reason says nothing about the document (seen
    // from overloaded backends and proxies): retry, never a final rejection.
    result.kind = ParsedResponse::Kind::kBadEnvelope;
    result.reason = "the model returned no candidate and no block reason";
    return result;
  }
  const json& candidate = (*candidates)[0];
  if (const auto finish = candidate.find("finishReason");
      finish != candidate.end() && !finish->is_null() && SafeEnumText(*finish) == "MAX_TOKENS") {
    result.kind = ParsedResponse::Kind::kOutputLimit;
    result.reason = "the model stopped at its output token limit (finishReason MAX_TOKENS)";
    return result;
  }
  if (const auto finish = candidate.find("finishReason");
      finish != candidate.end() && !finish->is_null() && SafeEnumText(*finish) != "STOP") {
    result.kind = ParsedResponse::Kind::kRefused;
    result.reason = "the model stopped with finishReason " + SafeEnumText(*finish);
    return result;
  }
  std::string text;
  if (const auto content = candidate.find("content");
      content != candidate.end() && content->is_object()) {
    if (const auto parts = content->find("parts"); parts != content->end() && parts->is_array()) {
      for (const auto& part : *parts) {
        if (!part.is_object()) continue;
        if (auto thought = part.find("thought");
            thought != part.end() && thought->is_boolean() && thought->get<bool>()) {
          continue;
        }
        if (auto t = part.find("text"); t != part.end() && t->is_string()) {
          text += t->get_ref<const std::string&>();
        }
      }
    }
  }
  if (text.empty()) {
    result.kind = ParsedResponse::Kind::kInvalidOutput;
    result.reason = "the model answered without text";
    return result;
  }
  auto extraction = ParseModelOutput(text);
  if (!extraction.ok()) {
    result.kind = ParsedResponse::Kind::kInvalidOutput;
    result.reason = extraction.status().message();
    return result;
  }
  result.kind = ParsedResponse::Kind::kExtraction;
  result.extraction = std::move(*extraction);
  return result;
}

}  // namespace jae::gemini
