// Placeholder until the serve mode lands; it says so rather than pretending to work.
#include <iostream>

#include "cli/commands.h"

namespace jae::cli {

void AddServeCommand(CLI::App& app, int* exit_code) {
  auto* cmd = app.add_subcommand("serve", "(not implemented yet)");
  cmd->allow_extras();
  cmd->callback([exit_code] {
    std::cerr << "jae-ocr serve: not implemented yet\n";
    *exit_code = 2;
  });
}

}  // namespace jae::cli
