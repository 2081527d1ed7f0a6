// Reads JSON Lines {"lines": [...], "correct": bool} on stdin and prints, per line, what
// `jae-ocr mrz` would print (or {"error": ...}). Used by the differential test so that
// 10,000 MRZs cost one process, not 10,000.
#include <iostream>
#include <string>

#include "mrz/mrz.h"
#include "mrz/mrz_json.h"

int main() {
  jae::mrz::ParseOptions options;
  options.today = {2026, 11, 26};
  std::string line;
  while (std::getline(std::cin, line)) {
    const auto in = nlohmann::json::parse(line, nullptr, false);
    if (in.is_discarded() || !in.contains("lines")) {
      std::cout << nlohmann::json{{"error", "bad request"}}.dump() << "\n";
      continue;
    }
    options.correct = in.value("correct", true);
    const auto parsed = jae::mrz::ParseMrz(in["lines"].get<std::vector<std::string>>(), options);
    if (parsed.ok()) {
      std::cout << jae::mrz::ToJson(*parsed).dump() << "\n";
    } else {
      std::cout << nlohmann::json{{"error", parsed.status().message()}}.dump() << "\n";
    }
  }
}
