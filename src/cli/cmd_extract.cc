// Placeholder until the extract mode lands; it says so rather than pretending to work.
#include <iostream>

#include "cli/commands.h"

namespace jae::cli {

void AddExtractCommand(CLI::App& app, int* exit_code) {
  auto* cmd = app.add_subcommand("extract", "(not implemented yet)");
  cmd->allow_extras();
  cmd->callback([exit_code] {
    std::cerr << "jae-ocr extract: not implemented yet\n";
    *exit_code = 2;
  });
}

}  // namespace jae::cli
