#include "processing/runtime.h"

#include "common/env_vars.h"
#include "engine/engine_factory.h"

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

  auto pipeline_env = PipelineOptionsFromEnv(env);
  if (!pipeline_env.ok()) return pipeline_env.status();
  rt->pipeline = *pipeline_env;
  auto del = BoolVar(env, "DELETE_SOURCE", false);
  if (!del.ok()) return del.status();

  auto results = OpenStore(results_uri);
  if (!results.ok()) {
    return InvalidArgumentError("--results: " + results.status().message());
  }
  rt->results = std::move(*results);
  // The factory's errors name the flag or variable at fault (--engine, JAE_ENGINE,
  // GEMINI_API_KEY, ...): passed on as they are.
  auto engine = MakeEngine(engine_flag.empty() ? std::nullopt : std::optional(engine_flag), env);
  if (!engine.ok()) return engine.status();
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
