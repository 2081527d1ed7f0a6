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

// What to process for one INPUT: bytes to run, or a result already decided (too large).
struct Loaded {
  std::string output_name;  // <output_name>.json under --out
  DocumentInput input;
  std::optional<Result> decided;
};

StatusOr<Loaded> LoadLocal(std::string_view arg, const PipelineOptions& options,
                           const Clock& clock) {
  std::string path(arg);
  if (arg.starts_with("file://")) {
    path = std::string(arg.substr(7));
    if (!path.starts_with("/")) return InvalidArgumentError("file:// URIs need an absolute path");
  }
  std::error_code ec;
  const std::filesystem::path absolute = std::filesystem::absolute(path, ec);
  if (ec || !std::filesystem::exists(absolute, ec)) return NotFoundError("no such file");
  if (!std::filesystem::is_regular_file(absolute, ec)) {
    return InvalidArgumentError("not a regular file");
  }
  const auto size = std::filesystem::file_size(absolute, ec);
  if (ec) return UnavailableError("cannot read the file size");
  Loaded loaded;
  loaded.output_name = absolute.filename().string();
  loaded.input.source.uri = "file://" + absolute.string();
  if (static_cast<std::int64_t>(size) > options.max_image_bytes) {
    SourceInfo source = loaded.input.source;
    source.size_bytes = static_cast<std::int64_t>(size);
    loaded.decided =
        MakeRejected(source, ErrorCode::kTooLarge, "the file is larger than MAX_IMAGE_BYTES",
                     FormatRfc3339(clock.Now()));
    return loaded;
  }
  std::ifstream file(absolute, std::ios::binary);
  std::string bytes(size, '\0');
  if (!file.read(bytes.data(), static_cast<std::streamsize>(size))) {
    return UnavailableError("cannot read the file");
  }
  loaded.input.bytes = std::move(bytes);
  return loaded;
}

StatusOr<Loaded> LoadGcs(std::string_view uri, const PipelineOptions& options, const Clock& clock) {
  const std::string_view rest = uri.substr(5);  // after gs://
  const auto slash = rest.find('/');
  if (slash == std::string_view::npos || slash == 0 || slash + 1 == rest.size()) {
    return InvalidArgumentError("expected gs://bucket/object");
  }
  auto store = OpenStore(std::string("gs://") + std::string(rest.substr(0, slash)));
  if (!store.ok()) return store.status();
  const std::string object(rest.substr(slash + 1));
  auto meta = (*store)->Stat(object);
  if (!meta.ok()) return meta.status();
  Loaded loaded;
  loaded.output_name = object;
  loaded.input.source.uri = std::string(uri);
  loaded.input.source.generation = meta->generation;
  if (!meta->content_type.empty()) loaded.input.source.content_type = meta->content_type;
  if (meta->size > options.max_image_bytes) {
    SourceInfo source = loaded.input.source;
    source.size_bytes = meta->size;
    loaded.decided =
        MakeRejected(source, ErrorCode::kTooLarge, "the file is larger than MAX_IMAGE_BYTES",
                     FormatRfc3339(clock.Now()));
    return loaded;
  }
  auto bytes = (*store)->Read(object, meta->generation, options.max_image_bytes);
  if (!bytes.ok()) return bytes.status();
  loaded.input.bytes = std::move(*bytes);
  return loaded;
}

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
