#include "mrz/mrz.h"
namespace jae::mrz {
int CheckDigit(std::string_view) { return -1; }
StatusOr<ParsedMrz> ParseMrz(const std::vector<std::string>&, const ParseOptions&) {
  return Status(StatusCode::kUnimplemented, "soon");
}
StatusOr<ParsedMrz> ParseMrzText(std::string_view, const ParseOptions&) {
  return Status(StatusCode::kUnimplemented, "soon");
}
Fields ToResultFields(const MrzData&) { return {}; }
MrzBlock ToMrzBlock(const ParsedMrz&) { return {}; }
}  // namespace jae::mrz
