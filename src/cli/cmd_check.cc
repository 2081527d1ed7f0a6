// jae-ocr check [--date YYYY-MM-DD] [--min-age N] [--max-age N] [--engine E] [--pretty] FILE...
// One player check (schema/check.schema.json) on stdout for one player's documents. A
// FILE is a document (run through the pipeline of `extract`) or a result JSON.
// Exit status: 0 only when the verdict is ok, 1 otherwise, 2 on usage errors.
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "check/check.h"
#include "check/check_json.h"
#include "check/dates.h"
#include "cli/commands.h"
#include "cli/load_input.h"
#include "common/clock.h"
#include "common/env.h"
#include "engine/engine_factory.h"
#include "image/image_module.h"
#include "pipeline/pipeline.h"
#include "processing/check_inputs.h"

namespace jae::cli {
namespace {

struct CheckArgs {
  std::string date;
  std::optional<int> min_age;
  std::optional<int> max_age;
  std::string engine;
  bool pretty = false;
  std::vector<std::string> files;
};

int Usage(const std::string& message) {
  std::cerr << "jae-ocr check: " << message << "\n";
  return 2;
}

// The name the referee sees: the file's own name, not its folder (which may say more).
std::string DisplayName(const std::string& arg) {
  const std::string_view a(arg);
  const auto slash = a.find_last_of('/');
  return std::string(slash == std::string_view::npos ? a : a.substr(slash + 1));
}

int RunCheck(const CheckArgs& args) {
  const ProcessEnv env;
  const SystemClock clock;
  check::Options options;
  options.match_date = clock.Today();
  if (!args.date.empty()) {
    const auto date = check::ParseIsoDate(args.date);
    if (!date) return Usage("--date: expected YYYY-MM-DD");
    options.match_date = *date;
  }
  options.min_age = args.min_age;
  options.max_age = args.max_age;
  if (options.min_age && options.max_age && *options.min_age > *options.max_age) {
    return Usage("--min-age is greater than --max-age");
  }
  const auto pipeline = PipelineOptionsFromEnv(env);
  if (!pipeline.ok()) return Usage(pipeline.status().message());

  // The engine is made on the first document: results alone need no engine (nor key).
  std::unique_ptr<Engine> engine;
  ModuleImageNormalizer normalizer;
  Status engine_status = OkStatus();
  const ProcessFn process = [&](DocumentInput input) -> StatusOr<Result> {
    if (!engine && engine_status.ok()) {
      auto made = MakeEngine(args.engine.empty() ? std::nullopt : std::optional(args.engine), env);
      if (!made.ok()) {
        engine_status = made.status();
      } else {
        engine = std::move(*made);
      }
    }
    if (!engine) return engine_status;
    return ProcessDocument(std::move(input), normalizer, *engine, clock, *pipeline);
  };

  std::vector<check::Input> inputs;
  for (std::size_t i = 0; i < args.files.size(); ++i) {
    const std::string& arg = args.files[i];
    const std::string name = DisplayName(arg);
    if (static_cast<int>(i) >= check::kMaxDocuments) {
      inputs.push_back(NotProcessedInput(name));
      continue;
    }
    auto loaded = arg.starts_with("gs://") ? LoadGcs(arg, *pipeline, clock)
                                           : LoadLocal(arg, *pipeline, clock);
    if (!loaded.ok()) {
      std::cerr << "jae-ocr check: " << arg << ": " << loaded.status().ToString() << "\n";
      check::Input in;
      in.name = name;
      in.error =
          "cannot read the file (" + std::string(StatusCodeName(loaded.status().code())) + ")";
      inputs.push_back(std::move(in));
      continue;
    }
    if (loaded->decided) {
      inputs.push_back(check::Input{name, std::move(*loaded->decided), ""});
      continue;
    }
    auto input = CheckInputFromFile(name, std::move(loaded->input), process);
    if (!input.ok()) {
      // Transient (quota, network): this document has no result; the check says so.
      std::cerr << "jae-ocr check: " << arg << ": " << input.status().ToString() << "\n";
      check::Input in;
      in.name = name;
      in.error = "temporarily unavailable (" + std::string(StatusCodeName(input.status().code())) +
                 "): try again";
      inputs.push_back(std::move(in));
      continue;
    }
    inputs.push_back(std::move(*input));
  }
  if (!engine_status.ok()) {
    std::cerr << "jae-ocr check: " << engine_status.message() << "\n";
    return 2;
  }
  const check::PlayerCheck result = check::CheckPlayer(inputs, options);
  std::cout << check::SerializeCheck(result, args.pretty ? 2 : -1) << "\n" << std::flush;
  return result.verdict == check::Verdict::kOk ? 0 : 1;
}

}  // namespace

void AddCheckCommand(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<CheckArgs>();
  auto* cmd = app.add_subcommand(
      "check", "check one player's documents (ID, licence) or results: one player check JSON");
  cmd->add_option("--date", args->date, "match date, YYYY-MM-DD (default: today)");
  cmd->add_option("--min-age", args->min_age, "minimum age reached in the season's year")
      ->check(CLI::Range(0, 150));
  cmd->add_option("--max-age", args->max_age, "maximum age reached in the season's year")
      ->check(CLI::Range(0, 150));
  cmd->add_option("--engine", args->engine,
                  "auto, gemini, vertex or local (default: JAE_ENGINE, else auto)");
  cmd->add_flag("--pretty", args->pretty, "indent the JSON");
  cmd->add_option("FILE", args->files, "document (image, PDF) or result JSON of one player");
  cmd->callback([args, exit_code] { *exit_code = RunCheck(*args); });
}

}  // namespace jae::cli
