#include "processing/runtime.h"

#include "common/env_vars.h"
#include "processing/engine_setup.h"

namespace jae {
StatusOr<std::unique_ptr<Runtime>> MakeRuntime(const Env& env, const std::string& engine_flag,
                                               const std::string& results_uri, std::FILE* log_out,
                                               Severity default_level) {
  auto rt = std::make_unique<Runtime>();
  Severity level = default_level;
  if (auto v = env.Get("LOG_LEVEL")) {
    auto parsed = ParseSeverity(*v);
    if (!parsed.ok()) return parsed.status();
    level = *parsed;
  }
  rt->log =
      std::make_unique<JsonLog>(log_out, level, env.GetOr("GOOGLE_CLOUD_PROJECT", ""), rt->clock);

  auto pipeline_env = PipelineOptionsFromEnv(env);  // MAX_IMAGE_BYTES, IMAGE_MAX_SIDE
  if (!pipeline_env.ok()) return pipeline_env.status();
  rt->pipeline = *pipeline_env;
  auto timeout = PositiveIntVar(env, "ENGINE_TIMEOUT_SECONDS", 120, 3600);
  if (!timeout.ok()) return timeout.status();
  rt->pipeline.engine_timeout = std::chrono::seconds(*timeout);
  auto del = BoolVar(env, "DELETE_SOURCE", false);
  if (!del.ok()) return del.status();

  auto results = OpenStore(results_uri);
  if (!results.ok()) {
    return InvalidArgumentError("--results: " + results.status().message());
  }
  rt->results = std::move(*results);
  const std::string engine_choice =
      engine_flag.empty() ? env.GetOr("JAE_ENGINE", "auto") : engine_flag;
  auto engine = CreateEngine(engine_choice, env);
  if (!engine.ok()) {
    return Status(engine.status().code(),
                  std::string(engine_flag.empty() ? "JAE_ENGINE" : "--engine") + ": " +
                      engine.status().message());
  }
  rt->engine = std::move(*engine);

  ProcessorOptions options;
  options.max_image_bytes = rt->pipeline.max_image_bytes;
  options.delete_source = *del;
  rt->source_gate = std::make_unique<AdmissionGate>(DefaultSourceSlots());
  options.source_gate = rt->source_gate.get();
  rt->dossier_checks = std::make_unique<DossierChecks>(*rt->results, rt->clock);
  options.after_result = [checks = rt->dossier_checks.get()](std::string_view name) {
    return checks->Update(name);
  };
  Engine& engine_ref = *rt->engine;
  ImageNormalizer& normalizer = rt->normalizer;
  const Clock& clock = rt->clock;
  const PipelineOptions pipeline = rt->pipeline;
  rt->processor = std::make_unique<ObjectProcessor>(
      *rt->results,
      [&engine_ref, &normalizer, &clock, pipeline](DocumentInput input) {
        return ProcessDocument(std::move(input), normalizer, engine_ref, clock, pipeline);
      },
      rt->clock, options);
  return rt;
}

}  // namespace jae
