#include "cli/commands.h"
namespace jae::cli {
void AddMrzCommand(CLI::App& app, int* exit_code) {
  auto* cmd = app.add_subcommand("mrz", "parse and verify a machine readable zone");
  cmd->allow_extras();
  cmd->callback([exit_code] { *exit_code = 2; });
}
}  // namespace jae::cli
