// Deterministic verification of what an engine extracted. Pure code, shared by every
// engine so that `gemini`, `vertex` and `local` results have exactly the same shape.
//
// Contract: Verify never trusts its input. It parses the MRZ lines with the MRZ reader;
// fields the MRZ proves take precedence and are marked source "mrz"; MRZ and printed
// fields are compared (accent-insensitive, transliteration-aware); dates are normalised
// to ISO 8601, sex to F/M/X, licence numbers to 7 digits + letter, club numbers to
// digits. A value that breaks its field's form (a date that is no date, a sex that is
// not F, M or X, a nationality that is not a code, a name without a letter, ...) or whose
// confidence is below kMinFieldConfidence is not a fact: it goes to
// `document.unreadable` with a warning naming the field, is never compared with the MRZ
// and never fills `fields`. `mrz_matches_visual` is `mismatch` only when a readable
// printed value and the same field of a valid MRZ truly differ, names compared the way
// each layout cuts them (verify/names.h); the warning names the field and both sources.
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

// Below this, a field's confidence says the engine did not really read it (the local
// engine gives ~0.15 to a stray comma; real reads of the samples are above 0.75).
inline constexpr double kMinFieldConfidence = 0.5;

struct VerifyOptions {
  CivilDate today;  // reference for expiry, age and MRZ century resolution
};

struct Verified {
  Document document;
  Verification verification;
};

Verified Verify(const Extraction& extraction, const VerifyOptions& options);

}  // namespace jae::verify
