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
// each layout cuts them (verify/names.h), and the printed value was read with at least
// kMinConfidenceToDisagree; the warning names the field and both sources.
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

// Below this, a field's confidence says the engine did not really read it: the local
// engine gives a value its least word's confidence, ~0.15 for a stray comma, 0.3-0.5 for
// some right reads of a photo's short words ("30/2", "NÎMES"), which 0.5 withheld. Values
// that disagree with a valid MRZ meet the stricter kMinConfidenceToDisagree.
inline constexpr double kMinFieldConfidence = 0.3;

// Below this, a printed value that disagrees with a valid MRZ is taken for a misread, not
// for a disagreement: it goes to `document.unreadable` ("low_confidence") and the MRZ's
// value takes its place. An altered printed zone is clear print, read with confidence; a
// misread word of a photo is not (the local engine's misreads of names and numbers that
// raised false alarms were read at 0.55-0.83; its correct reads are mostly above 0.9).
// A value without a confidence (a model's) always stands.
inline constexpr double kMinConfidenceToDisagree = 0.85;

struct VerifyOptions {
  CivilDate today;  // reference for expiry, age and MRZ century resolution
};

struct Verified {
  Document document;
  Verification verification;
};

Verified Verify(const Extraction& extraction, const VerifyOptions& options);

}  // namespace jae::verify
