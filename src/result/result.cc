#include "result/result.h"

#include <array>
#include <utility>

namespace jae {
namespace {

// One table per enum, in enumerator order: the schema's spelling of each value.
template <typename Enum>
struct Names;

template <>
struct Names<ResultStatus> {
  static constexpr std::array<std::string_view, 2> kValues = {"ok", "rejected"};
};
template <>
struct Names<ErrorCode> {
  static constexpr std::array<std::string_view, 7> kValues = {
      "unsupported_media_type", "too_large", "undecodable", "no_document", "model_refused",
      "model_output_invalid",   "internal"};
};
template <>
struct Names<DocumentType> {
  static constexpr std::array<std::string_view, 6> kValues = {
      "id_card", "passport", "residence_permit", "driving_licence", "fft_licence", "other"};
};
template <>
struct Names<DocumentSide> {
  static constexpr std::array<std::string_view, 4> kValues = {"front", "back", "both", "unknown"};
};
template <>
struct Names<FieldSource> {
  static constexpr std::array<std::string_view, 5> kValues = {"mrz", "visual", "barcode", "model",
                                                              "manual"};
};
template <>
struct Names<MrzFormat> {
  static constexpr std::array<std::string_view, 7> kValues = {"TD1",  "TD2",        "TD3",  "MRVA",
                                                              "MRVB", "FR_ID_1988", "FR_DL"};
};
template <>
struct Names<CheckDigitState> {
  static constexpr std::array<std::string_view, 3> kValues = {"pass", "fail", "absent"};
};
template <>
struct Names<VisualMatch> {
  static constexpr std::array<std::string_view, 3> kValues = {"match", "mismatch", "n/a"};
};
template <>
struct Names<EngineName> {
  static constexpr std::array<std::string_view, 3> kValues = {"gemini", "vertex", "local"};
};
template <>
struct Names<FieldName> {
  static constexpr std::array<std::string_view, kFieldNameCount> kValues = {
      "surname",     "given_names",       "birth_date",      "birth_place",
      "sex",         "nationality",       "document_number", "issue_date",
      "expiry_date", "issuing_authority", "address",         "licence_number",
      "club_name",   "club_number",       "ranking",         "season"};
};

template <typename Enum>
std::string_view NameOf(Enum v) {
  const auto i = static_cast<std::size_t>(v);
  return i < Names<Enum>::kValues.size() ? Names<Enum>::kValues[i] : std::string_view("?");
}

}  // namespace

template <typename Enum>
std::optional<Enum> EnumFromString(std::string_view text) {
  const auto& values = Names<Enum>::kValues;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (values[i] == text) return static_cast<Enum>(i);
  }
  return std::nullopt;
}

template std::optional<ResultStatus> EnumFromString<ResultStatus>(std::string_view);
template std::optional<ErrorCode> EnumFromString<ErrorCode>(std::string_view);
template std::optional<DocumentType> EnumFromString<DocumentType>(std::string_view);
template std::optional<DocumentSide> EnumFromString<DocumentSide>(std::string_view);
template std::optional<FieldSource> EnumFromString<FieldSource>(std::string_view);
template std::optional<MrzFormat> EnumFromString<MrzFormat>(std::string_view);
template std::optional<CheckDigitState> EnumFromString<CheckDigitState>(std::string_view);
template std::optional<VisualMatch> EnumFromString<VisualMatch>(std::string_view);
template std::optional<EngineName> EnumFromString<EngineName>(std::string_view);
template std::optional<FieldName> EnumFromString<FieldName>(std::string_view);

std::string_view ToString(ResultStatus v) { return NameOf(v); }
std::string_view ToString(ErrorCode v) { return NameOf(v); }
std::string_view ToString(DocumentType v) { return NameOf(v); }
std::string_view ToString(DocumentSide v) { return NameOf(v); }
std::string_view ToString(FieldSource v) { return NameOf(v); }
std::string_view ToString(MrzFormat v) { return NameOf(v); }
std::string_view ToString(CheckDigitState v) { return NameOf(v); }
std::string_view ToString(VisualMatch v) { return NameOf(v); }
std::string_view ToString(EngineName v) { return NameOf(v); }
std::string_view ToString(FieldName v) { return NameOf(v); }

Result MakeRejected(SourceInfo source, ErrorCode code, std::string message,
                    std::string processed_at) {
  Result r;
  r.status = ResultStatus::kRejected;
  r.source = std::move(source);
  r.error = ErrorInfo{code, std::move(message)};
  r.processed_at = std::move(processed_at);
  return r;
}

}  // namespace jae
