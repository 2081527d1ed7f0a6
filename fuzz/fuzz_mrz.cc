// The MRZ reader on arbitrary bytes: as free text and as lines, with and without repair.
// Beyond "no crash", it checks the reader's contract: a parsed MRZ has the layout's line
// lengths, and `valid` holds exactly when no check digit fails and every field has its form.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "mrz/mrz.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  jae::mrz::ParseOptions options;
  options.today = {2026, 11, 26};
  for (bool correct : {false, true}) {
    options.correct = correct;
    auto parsed = jae::mrz::ParseMrzText(text, options);
    if (!parsed.ok()) continue;
    const bool sound = parsed->failed_checks.empty() && parsed->form_problems.empty();
    if (parsed->valid != sound) std::abort();
    if (parsed->corrected && !correct) std::abort();
    for (const auto& line : parsed->lines) {
      if (line.size() != parsed->lines[0].size()) std::abort();
    }
    (void)jae::mrz::ToResultFields(parsed->data);
  }
  return 0;
}
