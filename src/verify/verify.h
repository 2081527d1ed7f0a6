// Deterministic verification of what an engine extracted. Pure code, shared by every
// engine so that `gemini`, `vertex` and `local` results have exactly the same shape.
//
// Contract: Verify never trusts its input. It parses the MRZ lines with the MRZ reader;
// fields the MRZ proves take precedence and are marked source "mrz"; MRZ and printed
// fields are compared (accent-insensitive, transliteration-aware); dates are normalised
// to ISO 8601, sex to F/M/X, licence numbers to 7 digits + letter, club numbers to
// digits. Anything that cannot be normalised is dropped or kept with a warning, never
// silently passed on.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/clock.h"
#include "result/result.h"

namespace jae::verify {

// What an engine read, before verification. Field values are raw (as printed or as the
// model wrote them); sources say who read them ("visual" for OCR, "model" for Gemini).
struct Extraction {
  DocumentType type = DocumentType::kOther;
  std::optional<DocumentSide> side;
  std::optional<std::string> issuing_country;
  Fields fields;
  std::vector<std::string> mrz_lines;  // verbatim transcription, possibly empty
};

struct VerifyOptions {
  CivilDate today;  // reference for expiry, age and MRZ century resolution
};

struct Verified {
  Document document;
  Verification verification;
};

Verified Verify(const Extraction& extraction, const VerifyOptions& options);

}  // namespace jae::verify
