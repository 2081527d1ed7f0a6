// The result model: one Result per processed source object, as specified by
// schema/result.schema.json (a copy of the shared contract). Every mode and engine
// produces this type; result_json.h turns it into JSON and back.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jae {

enum class ResultStatus { kOk, kRejected };

// Rejection codes of the schema: each means "this input can never succeed".
enum class ErrorCode {
  kUnsupportedMediaType,
  kTooLarge,
  kUndecodable,
  kNoDocument,
  kModelRefused,
  kModelOutputInvalid,
  kInternal,
};

enum class DocumentType {
  kIdCard,
  kPassport,
  kResidencePermit,
  kDrivingLicence,
  kFftLicence,
  kOther
};
enum class DocumentSide { kFront, kBack, kBoth, kUnknown };
// kManual: a value corrected by hand in a stored result; never counts as MRZ-proven.
enum class FieldSource { kMrz, kVisual, kBarcode, kModel, kManual };
enum class MrzFormat { kTD1, kTD2, kTD3, kMRVA, kMRVB, kFrId1988, kFrDl };
enum class CheckDigitState { kPass, kFail, kAbsent };
enum class VisualMatch { kMatch, kMismatch, kNotApplicable };
enum class EngineName { kGemini, kVertex, kLocal };

// The document fields the schema knows, in schema order.
enum class FieldName {
  kSurname,
  kGivenNames,
  kBirthDate,
  kBirthPlace,
  kSex,
  kNationality,
  kDocumentNumber,
  kIssueDate,
  kExpiryDate,
  kIssuingAuthority,
  kAddress,
  kLicenceNumber,
  kClubName,
  kClubNumber,
  kRanking,
  kSeason,
};
inline constexpr int kFieldNameCount = 16;

struct Field {
  std::string value;                 // never empty in a valid result
  std::optional<double> confidence;  // 0..1
  std::optional<FieldSource> source;
  friend bool operator==(const Field&, const Field&) = default;
};

// Only the fields the document shows; absent fields are not in the map.
using Fields = std::map<FieldName, Field>;

struct MrzBlock {
  MrzFormat format = MrzFormat::kTD3;
  std::vector<std::string> lines;
  bool valid = false;
  std::vector<std::string> failed_checks;
  std::optional<bool> corrected;
  friend bool operator==(const MrzBlock&, const MrzBlock&) = default;
};

struct Document {
  DocumentType type = DocumentType::kOther;
  std::optional<DocumentSide> side;
  std::optional<std::string> issuing_country;  // ICAO alpha-3, e.g. "FRA"
  Fields fields;
  std::optional<MrzBlock> mrz;
  friend bool operator==(const Document&, const Document&) = default;
};

struct Verification {
  std::optional<CheckDigitState> mrz_check_digits;
  std::optional<VisualMatch> mrz_matches_visual;
  // For the two below, "unknown" is serialised as JSON null, as the schema allows.
  std::optional<bool> expired;
  std::optional<int> age_years;
  std::vector<std::string> warnings;
  friend bool operator==(const Verification&, const Verification&) = default;
};

struct EngineInfo {
  EngineName name = EngineName::kLocal;
  std::optional<std::string> model;
  std::optional<std::string> model_version;
  std::optional<std::int64_t> input_tokens;
  std::optional<std::int64_t> output_tokens;
  std::optional<int> attempts;
  std::optional<double> latency_ms;
  friend bool operator==(const EngineInfo&, const EngineInfo&) = default;
};

struct ErrorInfo {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;  // never contains personal data
  friend bool operator==(const ErrorInfo&, const ErrorInfo&) = default;
};

struct SourceInfo {
  std::string uri;  // gs://bucket/object, file:///path or upload:<name>
  std::optional<std::string> generation;
  std::optional<std::string> content_type;
  std::optional<std::int64_t> size_bytes;
  std::optional<std::string> sha256;  // lower-case hex
  friend bool operator==(const SourceInfo&, const SourceInfo&) = default;
};

struct Result {
  ResultStatus status = ResultStatus::kOk;
  SourceInfo source;
  std::optional<Document> document;  // required when status is ok
  std::optional<Verification> verification;
  std::optional<EngineInfo> engine;  // required when status is ok
  std::optional<ErrorInfo> error;    // required when status is rejected
  std::string processed_at;          // RFC 3339
  friend bool operator==(const Result&, const Result&) = default;
};

// Builds a `rejected` result; the message must be free of personal data.
Result MakeRejected(SourceInfo source, ErrorCode code, std::string message,
                    std::string processed_at);

// Schema spellings of the enums, and their inverses (nullopt for unknown text).
std::string_view ToString(ResultStatus v);
std::string_view ToString(ErrorCode v);
std::string_view ToString(DocumentType v);
std::string_view ToString(DocumentSide v);
std::string_view ToString(FieldSource v);
std::string_view ToString(MrzFormat v);
std::string_view ToString(CheckDigitState v);
std::string_view ToString(VisualMatch v);
std::string_view ToString(EngineName v);
std::string_view ToString(FieldName v);

template <typename Enum>
std::optional<Enum> EnumFromString(std::string_view text);

}  // namespace jae
