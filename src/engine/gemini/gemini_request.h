// The generateContent request the engine sends: a system instruction and a prompt written
// for French documents, the image as inlineData, and a generationConfig that forces JSON
// output shaped by ResponseSchema() (temperature 0, thinking and media resolution from
// GeminiConfig).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "engine/gemini/gemini_config.h"
#include "image/image.h"

namespace jae::gemini {

const std::string& SystemInstruction();
const std::string& ExtractionPrompt();

// The OpenAPI-subset schema (gemini-api.md §3) of the model's answer:
// {document_type, side, issuing_country, fields{<every result field>: string|null},
//  mrz_lines[string]}.
const nlohmann::json& ResponseSchema();

// True for the MIME types Gemini reads inline (images and PDF).
bool IsSupportedMimeType(std::string_view mime_type);

nlohmann::json BuildGenerateContentRequest(const GeminiConfig& config,
                                           const NormalizedImage& image);

// The same request as JSON text, built without passing the base64 image through the
// JSON serializer (which escapes it byte by byte: 30x the cost of the encoding itself).
std::string SerializeGenerateContentRequest(const GeminiConfig& config,
                                            const NormalizedImage& image);

}  // namespace jae::gemini
