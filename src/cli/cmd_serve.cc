// jae-ocr serve [--port N] [--results URI] [--engine E]: the HTTP service (see
// server/serve.h). Flags win over the environment variables of CONTRACT.md.
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "common/env.h"
#include "service/serve.h"
#include "service/serve_config.h"

namespace jae::cli {

void AddServeCommand(CLI::App& app, int* exit_code) {
  auto* cmd = app.add_subcommand("serve", "HTTP service: Cloud Storage events, uploads, health");
  auto flags = std::make_shared<ServeFlags>();
  auto port = std::make_shared<int>(-1);
  auto results = std::make_shared<std::string>();
  auto engine = std::make_shared<std::string>();
  auto source_root = std::make_shared<std::string>();
  cmd->add_option("--port", *port, "listen port (default: $PORT or 8080)")
      ->check(CLI::Range(0, 65535));
  cmd->add_option("--results", *results, "results location: gs://bucket[/prefix] or a folder");
  cmd->add_option("--engine", *engine, "auto, gemini, vertex or local (default: $JAE_ENGINE)");
  cmd->add_option("--source-root", *source_root,
                  "offline: read bucket B's objects from the folder ROOT/B instead of GCS");
  cmd->callback([=] {
    if (*port >= 0) flags->port = *port;
    if (!results->empty()) flags->results = *results;
    if (!engine->empty()) flags->engine = *engine;
    if (!source_root->empty()) flags->source_root = *source_root;
    ProcessEnv env;
    auto config = LoadServeConfig(env, *flags);
    if (!config.ok()) {
      std::cerr << "jae-ocr serve: " << config.status().message() << "\n";
      *exit_code = 2;
      return;
    }
    *exit_code = RunServe(*config, env);
  });
}

}  // namespace jae::cli
