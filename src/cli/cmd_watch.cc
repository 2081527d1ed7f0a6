// jae-ocr watch --inbox DIR --results DIR [--engine E] [--once]: the local, cloud-free
// mode (see server/watch.h). Logs (JSON lines) go to stderr; LOG_LEVEL defaults to
// warning here so a terminal shows progress and problems only.
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "common/env.h"
#include "processing/runtime.h"
#include "batch/watch.h"

namespace jae::cli {

void AddWatchCommand(CLI::App& app, int* exit_code) {
  auto* cmd = app.add_subcommand("watch", "process documents dropped into a local folder");
  auto inbox = std::make_shared<std::string>();
  auto results = std::make_shared<std::string>();
  auto engine = std::make_shared<std::string>();
  auto once = std::make_shared<bool>(false);
  cmd->add_option("--inbox", *inbox, "folder to watch")->required();
  cmd->add_option("--results", *results, "folder for the results (<name>.json)")->required();
  cmd->add_option("--engine", *engine, "auto, gemini, vertex or local (default: $JAE_ENGINE)");
  cmd->add_flag("--once", *once, "process what is in the inbox, then exit");
  cmd->callback([=] {
    ProcessEnv env;
    auto inbox_store = OpenStore(*inbox);
    if (!inbox_store.ok()) {
      std::cerr << "jae-ocr watch: --inbox: " << inbox_store.status().message() << "\n";
      *exit_code = 2;
      return;
    }
    auto runtime = MakeRuntime(env, *engine, *results, stderr, Severity::kWarning);
    if (!runtime.ok()) {
      std::cerr << "jae-ocr watch: " << runtime.status().message() << "\n";
      *exit_code = 2;
      return;
    }
    WatchOptions options;
    options.inbox_dir = inbox->rfind("file://", 0) == 0 ? inbox->substr(7) : *inbox;
    options.results_prefix = NestedPrefix(*inbox, *results);
    options.once = *once;
    *exit_code = RunWatch(**inbox_store, *(*runtime)->processor, options, *(*runtime)->log);
  });
}

}  // namespace jae::cli
