// Placeholder until the backfill mode lands; it says so rather than pretending to work.
#include <iostream>

#include "cli/commands.h"

namespace jae::cli {

void AddBackfillCommand(CLI::App& app, int* exit_code) {
  auto* cmd = app.add_subcommand("backfill", "(not implemented yet)");
  cmd->allow_extras();
  cmd->callback([exit_code] {
    std::cerr << "jae-ocr backfill: not implemented yet\n";
    *exit_code = 2;
  });
}

}  // namespace jae::cli
