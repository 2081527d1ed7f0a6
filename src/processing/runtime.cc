#include "processing/runtime.h"

#include "common/env_vars.h"
#include "engine/engine_factory.h"

namespace jae {

StatusOr<RuntimeConfig> LoadRuntimeConfig(const Env& env,
                                          const std::optional<std::string>& engine_flag,
                                          std::string results_uri, Severity default_level) {
  RuntimeConfig config;
  config.results_uri = std::move(results_uri);
  // Only the choice is checked here (a usage error before anything starts); the engine
  // itself is built by MakeRuntime, from this choice.
  auto engine = ResolveEngineName(engine_flag, env);
  if (!engine.ok()) return engine.status();
  config.engine = *engine;
  auto pipeline = PipelineOptionsFromEnv(env);
  if (!pipeline.ok()) return pipeline.status();
  config.pipeline = *pipeline;
  auto del = BoolVar(env, "DELETE_SOURCE", false);
  if (!del.ok()) return del.status();
  config.delete_source = *del;
  config.log_level = default_level;
  if (auto v = env.Get("LOG_LEVEL")) {
    auto parsed = ParseSeverity(*v);
    if (!parsed.ok()) return parsed.status();
    config.log_level = *parsed;
  }
  config.project = env.GetOr("GOOGLE_CLOUD_PROJECT", "");
  return config;
}

StatusOr<std::unique_ptr<Runtime>> MakeRuntime(const RuntimeConfig& config, const Env& env,
                                               std::FILE* log_out) {
  auto rt = std::make_unique<Runtime>();
  rt->log = std::make_unique<JsonLog>(log_out, config.log_level, config.project, rt->clock);
  rt->pipeline = config.pipeline;

  auto results = OpenStore(config.results_uri);
  if (!results.ok()) {
    return InvalidArgumentError(config.results_source + ": " + results.status().message());
  }
  rt->results = std::move(*results);
  // The factory's errors name the variable at fault (GEMINI_API_KEY, ...): passed on.
  auto engine = MakeEngine(config.engine, env);
  if (!engine.ok()) return engine.status();
  rt->engine = std::move(*engine);
  for (const std::string& warning : rt->engine->ConfigurationWarnings()) {
    rt->log->Write(Severity::kWarning, warning);
  }

  rt->process = [&engine = *rt->engine, &normalizer = rt->normalizer, &clock = rt->clock,
                 pipeline = rt->pipeline](DocumentInput input) {
    return ProcessDocument(std::move(input), normalizer, engine, clock, pipeline);
  };
  rt->source_gate = std::make_unique<AdmissionGate>(DefaultSourceSlots());
  rt->dossier_checks = std::make_unique<DossierChecks>(*rt->results, rt->clock);
  ProcessorOptions options;
  options.max_image_bytes = rt->pipeline.max_image_bytes;
  options.delete_source = config.delete_source;
  options.source_gate = rt->source_gate.get();
  options.after_result = [checks = rt->dossier_checks.get()](std::string_view name) {
    return checks->Update(name);  // event mode's player check
  };
  rt->processor = std::make_unique<ObjectProcessor>(*rt->results, rt->process, rt->clock, options);
  return rt;
}

StatusOr<std::unique_ptr<Runtime>> MakeRuntime(const Env& env, const std::string& engine_flag,
                                               const std::string& results_uri, std::FILE* log_out,
                                               Severity default_level) {
  auto config = LoadRuntimeConfig(env, engine_flag, results_uri, default_level);
  if (!config.ok()) return config.status();
  return MakeRuntime(*config, env, log_out);
}

}  // namespace jae
