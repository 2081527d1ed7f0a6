// `jae-ocr mrz [LINE...]`: parse and verify one machine readable zone given as
// arguments or on stdin; prints one JSON object, whose `decided_by` names the rules behind
// the verdict (check digits, field forms, long numbers, repair made or refused and why).
// Exit 0 when every check digit holds and every field has its form,
// 1 when the MRZ is invalid or not an MRZ.
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "common/clock.h"
#include "mrz/mrz.h"
#include "mrz/mrz_json.h"

namespace jae::cli {

void AddMrzCommand(CLI::App& app, int* exit_code) {
  auto* cmd =
      app.add_subcommand("mrz", "Parse and verify a machine readable zone (stdin if no LINE)");
  auto lines = std::make_shared<std::vector<std::string>>();
  auto no_correct = std::make_shared<bool>(false);
  cmd->add_option("LINE", *lines, "MRZ lines, in order");
  cmd->add_flag("--no-correct", *no_correct, "report check digits as read, without OCR repairs");
  cmd->callback([lines, no_correct, exit_code] {
    mrz::ParseOptions options;
    options.today = SystemClock().Today();
    options.correct = !*no_correct;
    StatusOr<mrz::ParsedMrz> parsed = Status(StatusCode::kInternal, "unreachable");
    if (lines->empty()) {
      const std::string text{std::istreambuf_iterator<char>(std::cin), {}};
      parsed = mrz::ParseMrzText(text, options);
    } else {
      parsed = mrz::ParseMrz(*lines, options);
    }
    if (!parsed.ok()) {
      std::cout << nlohmann::json{{"error", parsed.status().message()}}.dump() << "\n";
      *exit_code = 1;
      return;
    }
    std::cout << mrz::ToJson(*parsed).dump() << "\n";
    *exit_code = parsed->valid ? 0 : 1;
  });
}

}  // namespace jae::cli
