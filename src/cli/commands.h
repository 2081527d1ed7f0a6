// The subcommands of jae-ocr; each lives in its own cmd_*.cc and registers itself on
// the CLI11 app. A command's callback stores its exit status in `*exit_code`
// (0 all ok, 1 some input rejected/failed, 2 usage or configuration error).
#pragma once

#include <CLI/CLI.hpp>

namespace jae::cli {

void AddMrzCommand(CLI::App& app, int* exit_code);
void AddExtractCommand(CLI::App& app, int* exit_code);
void AddServeCommand(CLI::App& app, int* exit_code);
void AddWatchCommand(CLI::App& app, int* exit_code);
void AddBackfillCommand(CLI::App& app, int* exit_code);
void AddCheckCommand(CLI::App& app, int* exit_code);

}  // namespace jae::cli
