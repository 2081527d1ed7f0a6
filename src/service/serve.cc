#include "service/serve.h"

#include <malloc.h>
#include <pthread.h>
#include <signal.h>

#include <cstdio>
#include <cstdlib>
#include <future>
#include <iostream>
#include <thread>

#include "engine/engine_factory.h"
#include "image/image_module.h"
#include "processing/dossier_check.h"
#include "processing/object_processor.h"
#include "processing/source_stores.h"
#include "service/access_control.h"
#include "service/http_server.h"
#include "service/service.h"

namespace jae {

int RunServe(const ServeConfig& config, const Env& env) {
  // glibc gives threads up to 8 malloc arenas per core, and an arena keeps what is freed
  // in it for reuse. With up to 192 worker threads the multi-megabyte buffers of the few
  // documents being decoded at any moment (see AdmissionGate) ended up retained in
  // every arena: peak RSS 232 MB at 64 in flight. Two arenas: 107 MB, and unlike a low
  // mmap threshold (90 MB) the buffers stay page-faulted in for the next document — in
  // this VM a fresh 3 MB mapping costs ~14 ms of page faults (bench/load, same run).
  if (std::getenv("MALLOC_ARENA_MAX") == nullptr) mallopt(M_ARENA_MAX, 2);
  // Signals are taken synchronously by this thread (sigwait below); every thread created
  // from here on inherits the mask, so no handler runs in the middle of a request.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  SystemClock clock;
  JsonLog log(stdout, config.log_level, config.project, clock);

  auto results = OpenStore(config.results_uri);
  if (!results.ok()) {
    std::cerr << "jae-ocr serve: RESULTS_BUCKET/--results: " << results.status().ToString() << "\n";
    return 2;
  }
  auto engine =
      MakeEngine(config.engine_from_flag ? std::optional(config.engine) : std::nullopt, env);
  if (!engine.ok()) {
    std::cerr << "jae-ocr serve: " << engine.status().message() << "\n";
    return 2;
  }
  PipelineOptions pipeline;
  pipeline.max_image_bytes = config.max_image_bytes;
  pipeline.image_max_side = config.image_max_side;
  pipeline.engine_timeout = config.engine_timeout;
  Engine& engine_ref = **engine;
  ModuleImageNormalizer normalizer;
  ProcessFn process = [&engine_ref, &normalizer, &clock, pipeline](DocumentInput input) {
    return ProcessDocument(std::move(input), normalizer, engine_ref, clock, pipeline);
  };
  AdmissionGate source_gate(DefaultSourceSlots());

  ProcessorOptions processor_options;
  processor_options.max_image_bytes = config.max_image_bytes;
  processor_options.delete_source = config.delete_source;
  processor_options.source_gate = &source_gate;
  DossierChecks dossier_checks(**results, clock);  // event mode's player check
  processor_options.after_result = [&](std::string_view name) {
    return dossier_checks.Update(name);
  };
  ObjectProcessor processor(**results, process, clock, processor_options);
  CachingSourceStores sources([](std::string_view uri) { return OpenStore(uri); },
                              config.source_root);
  ServiceOptions service_options;
  service_options.max_in_flight = config.max_in_flight;
  service_options.max_image_bytes = config.max_image_bytes;
  service_options.results_bucket = config.results_bucket;
  service_options.results_prefix = config.results_prefix;
  service_options.source_gate = &source_gate;
  service_options.source_buckets = config.source_buckets;
  if (config.source_buckets.empty()) {
    log.Write(Severity::kWarning,
              "SOURCE_BUCKETS is not set: events naming any bucket readable by this service "
              "account are processed");
  }
  Metrics metrics;
  Service service(service_options, processor, sources, process, log, metrics);

  // Who may call /v1/* and /app/ (TRUST_PLATFORM_AUTH, IAP_AUDIENCE, ACCESS_TOKENS_FILE).
  auto access = MakeAccessPolicy(env, std::shared_ptr<HttpClient>(MakeCurlHttpClient()));
  if (!access.ok()) {
    std::cerr << "jae-ocr serve: " << access.status().message() << "\n";
    return 2;
  }
  log.Write(Severity::kInfo, "access to /v1/* and /app/", {{"allowed", (*access)->Describe()}});

  HttpServerOptions http;
  http.port = config.port;
  http.access = access->get();
  // Each keep-alive connection holds a worker thread: leave room for probes and 429s.
  http.threads = 2 * config.max_in_flight + 64;
  http.max_body_bytes = config.max_image_bytes + 1024 * 1024;  // multipart framing
  http.app = {config.image_max_side, config.max_image_bytes};
  HttpServer server(service, http);
  auto port = server.Bind();
  if (!port.ok()) {
    std::cerr << "jae-ocr serve: PORT/--port: " << port.status().ToString() << "\n";
    return 2;
  }
  std::promise<void> stopped;
  std::future<void> serving_done = stopped.get_future();
  std::thread serving([&server, &stopped] {
    server.Serve();
    stopped.set_value();
  });
  log.Write(Severity::kInfo, "listening",
            {{"port", *port},
             {"engine", ToString(engine_ref.name())},
             {"max_in_flight", config.max_in_flight},
             {"version", JAE_VERSION}});
  // The image module (image_module.h) loads while the first event is on its way, not
  // before /readyz answers and not in the first event's time.
  std::thread preload([&normalizer, &log, &service] {
    if (Status loaded = normalizer.Preload(); !loaded.ok()) {
      // Events are answered 503 (nothing written, nothing deleted) and /readyz fails
      // until the installation is fixed.
      service.MarkMisconfigured();
      log.Write(Severity::kError,
                "image module not loaded: install libjae-ocr-image.so next to jae-ocr; "
                "events answer 503 until then",
                {{"error", loaded.message()}});
    }
  });

  int signal_number = 0;
  sigwait(&signals, &signal_number);
  service.BeginDrain();
  const bool idle = service.WaitIdle(std::chrono::steady_clock::now() + config.drain_timeout);
  if (!idle) {
    // Whatever is still running wrote nothing yet; its sender will redeliver.
    log.Write(Severity::kWarning, "drain timeout: exiting with work in flight",
              {{"in_flight", service.in_flight()}});
    std::fflush(stdout);
    std::_Exit(0);
  }
  server.Stop();
  // Idle keep-alive connections hold workers until they time out; nothing is in flight,
  // so do not let them eat into the 10 s Cloud Run allows after SIGTERM.
  if (serving_done.wait_for(std::chrono::seconds(1)) != std::future_status::ready) {
    log.Write(Severity::kInfo, "drained, exiting", {{"signal", signal_number}});
    std::fflush(stdout);
    std::_Exit(0);
  }
  serving.join();
  preload.join();
  log.Write(Severity::kInfo, "drained, exiting", {{"signal", signal_number}});
  return 0;
}

}  // namespace jae
