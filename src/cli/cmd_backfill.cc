// jae-ocr backfill --source URI --results URI [--engine E] [--jobs N]: every source
// object that has no result yet (see server/backfill.h).
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "common/env.h"
#include "batch/backfill.h"
#include "processing/runtime.h"

namespace jae::cli {

void AddBackfillCommand(CLI::App& app, int* exit_code) {
  auto* cmd = app.add_subcommand("backfill", "process every source object that has no result yet");
  auto source = std::make_shared<std::string>();
  auto results = std::make_shared<std::string>();
  auto engine = std::make_shared<std::string>();
  auto jobs = std::make_shared<int>(4);
  cmd->add_option("--source", *source, "gs://bucket[/prefix] or a folder")->required();
  cmd->add_option("--results", *results, "gs://bucket[/prefix] or a folder")->required();
  cmd->add_option("--engine", *engine, "auto, gemini, vertex or local (default: $JAE_ENGINE)");
  cmd->add_option("--jobs", *jobs, "documents processed at once")->check(CLI::Range(1, 256));
  cmd->callback([=] {
    ProcessEnv env;
    auto source_store = OpenStore(*source);
    if (!source_store.ok()) {
      std::cerr << "jae-ocr backfill: --source: " << source_store.status().message() << "\n";
      *exit_code = 2;
      return;
    }
    auto runtime = MakeRuntime(env, *engine, *results, stderr, Severity::kWarning);
    if (!runtime.ok()) {
      std::cerr << "jae-ocr backfill: " << runtime.status().message() << "\n";
      *exit_code = 2;
      return;
    }
    BackfillOptions options;
    options.jobs = *jobs;
    options.results_prefix = NestedPrefix(*source, *results);
    *exit_code = RunBackfill(**source_store, *(*runtime)->processor, options, *(*runtime)->log);
  });
}

}  // namespace jae::cli
