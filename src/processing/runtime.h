// Runtime: what every document-processing command (serve, watch, backfill) builds from
// one RuntimeConfig: results store, engine, pipeline options, processor, log.
//
// Contract:
//  - LoadRuntimeConfig reads and checks every shared setting once (engine choice, limits,
//    timeouts, DELETE_SOURCE, LOG_LEVEL); its errors are usage errors (exit status 2)
//    naming the flag or variable at fault. The limits and timeouts, with their reasons,
//    are defined in PipelineOptions (pipeline/pipeline.h) and nowhere else.
//  - MakeRuntime builds from a loaded configuration without re-reading or re-checking it;
//    its errors are those of opening the results store or building the engine.
//  - Command-only settings (serve's port, MAX_INFLIGHT, access control) stay in the
//    command's own configuration (service/serve_config.h).
#pragma once

#include <cstdio>
#include <memory>
#include <optional>
#include <string>

#include "common/admission_gate.h"
#include "common/clock.h"
#include "common/env.h"
#include "common/log.h"
#include "common/status.h"
#include "engine/engine.h"
#include "image/image_module.h"
#include "pipeline/pipeline.h"
#include "processing/dossier_check.h"
#include "processing/object_processor.h"
#include "store/store.h"

namespace jae {

struct RuntimeConfig {
  EngineName engine = EngineName::kLocal;    // --engine, else JAE_ENGINE (chosen once)
  std::string results_uri;                   // as OpenStore takes it
  std::string results_source = "--results";  // names it in errors (serve: RESULTS_BUCKET)
  PipelineOptions pipeline;              // MAX_IMAGE_BYTES, IMAGE_MAX_SIDE, ENGINE_TIMEOUT_SECONDS
  bool delete_source = false;            // DELETE_SOURCE
  Severity log_level = Severity::kInfo;  // LOG_LEVEL, else the command's default
  std::string project;                   // GOOGLE_CLOUD_PROJECT, for trace ids in logs
};

// `engine_flag` nullopt or empty: JAE_ENGINE decides. InvalidArgument naming the flag or
// variable at fault.
StatusOr<RuntimeConfig> LoadRuntimeConfig(const Env& env,
                                          const std::optional<std::string>& engine_flag,
                                          std::string results_uri, Severity default_level);

struct Runtime {
  SystemClock clock;
  std::unique_ptr<JsonLog> log;
  std::unique_ptr<Store> results;
  std::unique_ptr<Engine> engine;
  ModuleImageNormalizer normalizer;
  PipelineOptions pipeline;
  ProcessFn process;  // one document through ProcessDocument with the members above
  std::unique_ptr<AdmissionGate> source_gate;
  std::unique_ptr<DossierChecks> dossier_checks;  // each dossier's check.json
  std::unique_ptr<ObjectProcessor> processor;
};

// Logs go to `log_out` at config.log_level.
StatusOr<std::unique_ptr<Runtime>> MakeRuntime(const RuntimeConfig& config, const Env& env,
                                               std::FILE* log_out);

// LoadRuntimeConfig then MakeRuntime, for the batch commands. `engine_flag` empty:
// JAE_ENGINE.
StatusOr<std::unique_ptr<Runtime>> MakeRuntime(const Env& env, const std::string& engine_flag,
                                               const std::string& results_uri, std::FILE* log_out,
                                               Severity default_level);

}  // namespace jae
