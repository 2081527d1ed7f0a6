// The printed-field reader on arbitrary OCR output: bytes split into lines (one a '\n'),
// each given a box from its index and its first byte, read with captions above and under
// their values, then every licence rule run on the result. Beyond "no crash", it checks the
// reader's contract: no field is emitted with an empty value.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "engine/local/field_reader.h"

namespace {

void RequireValues(const jae::Fields& fields) {
  for (const auto& [name, field] : fields) {
    if (field.value.empty()) std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // A page of OCR is a few hundred words; label matching is quadratic in a line's words,
  // and longer inputs only slow the search down.
  if (size > 1024) return 0;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  std::vector<jae::local::OcrLine> lines;
  size_t start = 0;
  for (int i = 0; start <= text.size() && i < 64; ++i) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(start, end - start);
    const int x = line.empty() ? 0 : static_cast<unsigned char>(line[0]) * 4;
    const int y = 30 * i + (line.size() % 7) * 9;
    lines.push_back(
        {std::string(line),
         {x, y, 10 * static_cast<int>(line.size()) + 1, 12 + static_cast<int>(i % 3) * 6},
         0.9});
    start = end + 1;
  }
  for (auto captions : {jae::local::Captions::kAboveValues, jae::local::Captions::kUnderValues}) {
    jae::Fields fields = jae::local::ReadLabelledFields(lines, 1200, captions);
    RequireValues(fields);
    jae::local::AddNameHeading(lines, fields);
    jae::local::AddUnlabelledRanking(lines, fields);
    jae::local::AddClubNumberAfterItsName(lines, fields);
    jae::local::AddBareNumbers(lines, fields);
    RequireValues(fields);
    (void)jae::local::LabelWithoutValue(lines, fields, jae::FieldName::kSex);
  }
  return 0;
}
