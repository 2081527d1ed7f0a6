// jae-ocr extract [--engine E] [--out URI] [--pretty] INPUT...
// One result per input, as JSON Lines on stdout, or <name>.json under --out.
// Exit status (CONTRACT.md): 0 all ok, 1 some input rejected or failed, 2 usage/config.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/load_input.h"
#include "common/clock.h"
#include "common/env.h"
#include "engine/engine_factory.h"
#include "image/image_module.h"
#include "pipeline/pipeline.h"
#include "result/result_json.h"
#include "store/store.h"

namespace jae::cli {
namespace {

struct ExtractArgs {
  std::string engine;
  std::string out;
  bool pretty = false;
  std::vector<std::string> inputs;
};

int RunExtract(const ExtractArgs& args) {
  const ProcessEnv env;
  const SystemClock clock;
  const auto options = PipelineOptionsFromEnv(env);
  if (!options.ok()) {
    std::cerr << "jae-ocr extract: " << options.status().message() << "\n";
    return 2;
  }
  auto engine = MakeEngine(args.engine.empty() ? std::nullopt : std::optional(args.engine), env);
  if (!engine.ok()) {
    std::cerr << "jae-ocr extract: " << engine.status().message() << "\n";
    return 2;
  }
  for (const std::string& warning : (*engine)->ConfigurationWarnings()) {
    std::cerr << "jae-ocr extract: warning: " << warning << "\n";
  }
  ModuleImageNormalizer normalizer;
  std::unique_ptr<Store> out;
  if (!args.out.empty()) {
    auto store = OpenStore(args.out);
    if (!store.ok()) {
      std::cerr << "jae-ocr extract: --out: " << store.status().message() << "\n";
      return 2;
    }
    out = std::move(*store);
  }

  const bool progress = args.inputs.size() > 1 && isatty(STDERR_FILENO) == 1;
  int exit_code = 0;
  for (std::size_t i = 0; i < args.inputs.size(); ++i) {
    const std::string& arg = args.inputs[i];
    if (progress) std::cerr << "\rextract: " << i << "/" << args.inputs.size() << std::flush;
    const auto fail = [&](const Status& status) {
      if (progress) std::cerr << "\r";
      std::cerr << "jae-ocr extract: " << arg << ": " << status.ToString() << "\n";
      exit_code = 1;
    };
    auto loaded =
        arg.starts_with("gs://") ? LoadGcs(arg, *options, clock) : LoadLocal(arg, *options, clock);
    if (!loaded.ok()) {
      fail(loaded.status());
      continue;
    }
    std::optional<Result> result = std::move(loaded->decided);
    if (!result) {
      auto processed =
          ProcessDocument(std::move(loaded->input), normalizer, **engine, clock, *options);
      if (!processed.ok()) {
        fail(processed.status());
        continue;
      }
      result = std::move(*processed);
    }
    if (result->status != ResultStatus::kOk) exit_code = 1;
    const std::string json = SerializeResult(*result, args.pretty ? 2 : -1);
    if (out) {
      auto written =
          out->Write(loaded->output_name + ".json", json + "\n", "application/json", std::nullopt);
      if (!written.ok()) fail(written.status());
    } else {
      std::cout << json << "\n" << std::flush;
    }
  }
  if (progress) {
    std::cerr << "\rextract: " << args.inputs.size() << "/" << args.inputs.size() << "\n";
  }
  return exit_code;
}

}  // namespace

void AddExtractCommand(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<ExtractArgs>();
  auto* cmd = app.add_subcommand("extract",
                                 "read documents and print one result JSON per input (JSON Lines)");
  cmd->add_option("--engine", args->engine,
                  "auto, gemini, vertex or local (default: JAE_ENGINE, else auto)");
  cmd->add_option("--out", args->out, "write <name>.json under this folder or gs:// URI instead");
  cmd->add_flag("--pretty", args->pretty, "indent the JSON");
  cmd->add_option("INPUT", args->inputs, "file path, file:///path or gs://bucket/object")
      ->required();
  cmd->callback([args, exit_code] { *exit_code = RunExtract(*args); });
}

}  // namespace jae::cli
