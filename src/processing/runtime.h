// Runtime: what every document-processing command (watch, backfill) builds from its
// flags and the environment: results store, engine, pipeline options, processor, log.
#pragma once

#include <cstdio>
#include <memory>
#include <optional>
#include <string>

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

struct Runtime {
  SystemClock clock;
  std::unique_ptr<JsonLog> log;
  std::unique_ptr<Store> results;
  std::unique_ptr<Engine> engine;
  ModuleImageNormalizer normalizer;
  PipelineOptions pipeline;
  std::unique_ptr<AdmissionGate> source_gate;
  std::unique_ptr<DossierChecks> dossier_checks;  // each dossier's check.json
  std::unique_ptr<ObjectProcessor> processor;
};

// InvalidArgument naming the flag or variable at fault. `engine_flag` empty: JAE_ENGINE.
// Logs go to `log_out` at LOG_LEVEL (default `default_level`).
StatusOr<std::unique_ptr<Runtime>> MakeRuntime(const Env& env, const std::string& engine_flag,
                                               const std::string& results_uri, std::FILE* log_out,
                                               Severity default_level);

}  // namespace jae
