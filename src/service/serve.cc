#include "service/serve.h"

#include <malloc.h>
#include <pthread.h>
#include <signal.h>

#include <cstdio>
#include <cstdlib>
#include <future>
#include <iostream>
#include <thread>

#include "processing/runtime.h"
#include "processing/source_stores.h"
#include "service/access_control.h"
#include "service/http_server.h"
#include "service/service.h"

namespace jae {
namespace {

// Must run before any thread starts: both settings are inherited by every thread.
sigset_t PrepareProcess() {
  // glibc gives threads up to 8 malloc arenas per core, and an arena keeps what is freed
  // in it for reuse. With up to 192 worker threads the multi-megabyte buffers of the few
  // documents being decoded at any moment (see AdmissionGate) ended up retained in
  // every arena: peak RSS 232 MB at 64 in flight. Two arenas: 107 MB, and unlike a low
  // mmap threshold (90 MB) the buffers stay page-faulted in for the next document — in
  // this VM a fresh 3 MB mapping costs ~14 ms of page faults (bench/load, same run).
  if (std::getenv("MALLOC_ARENA_MAX") == nullptr) mallopt(M_ARENA_MAX, 2);
  // Signals are taken synchronously by the main thread (sigwait in RunServe); every
  // thread created from here on inherits the mask, so no handler runs in the middle of a
  // request.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  return signals;
}

ServiceOptions ServiceOptionsOf(const ServeConfig& config, Runtime& runtime) {
  ServiceOptions options;
  options.max_in_flight = config.max_in_flight;
  options.max_image_bytes = config.runtime.pipeline.max_image_bytes;
  options.results_bucket = config.results_bucket;
  options.results_prefix = config.results_prefix;
  options.source_gate = runtime.source_gate.get();
  options.source_buckets = config.source_buckets;
  if (config.source_buckets.empty()) {
    runtime.log->Write(Severity::kWarning,
                       "SOURCE_BUCKETS is not set: events naming any bucket readable by this "
                       "service account are processed");
  }
  return options;
}

HttpServerOptions HttpOptionsOf(const ServeConfig& config, AccessPolicy* access) {
  const PipelineOptions& pipeline = config.runtime.pipeline;
  HttpServerOptions http;
  http.port = config.port;
  http.access = access;
  // Each keep-alive connection holds a worker thread: leave room for probes and 429s.
  http.threads = 2 * config.max_in_flight + 64;
  http.max_body_bytes = pipeline.max_image_bytes + 1024 * 1024;  // multipart framing
  http.app = {pipeline.image_max_side, pipeline.max_image_bytes};
  return http;
}

// The image module (image_module.h) loads while the first event is on its way, not
// before /readyz answers and not in the first event's time.
std::thread PreloadImageModule(ModuleImageNormalizer& normalizer, JsonLog& log, Service& service) {
  return std::thread([&normalizer, &log, &service] {
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
}

// Serve() on its own thread; the future is ready when it has returned.
struct Serving {
  std::future<void> done;
  std::thread thread;
};
Serving StartServing(HttpServer& server) {
  auto stopped = std::make_shared<std::promise<void>>();
  Serving serving{stopped->get_future(), {}};
  serving.thread = std::thread([&server, stopped] {
    server.Serve();
    stopped->set_value();
  });
  return serving;
}

// After the signal: drain (CONTRACT.md), then stop. Returns the exit status, or leaves
// the process at once when waiting longer would only eat into the time Cloud Run allows.
int DrainAndStop(const ServeConfig& config, Service& service, HttpServer& server, Serving& serving,
                 std::thread& preload, JsonLog& log, int signal_number) {
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
  if (serving.done.wait_for(std::chrono::seconds(1)) != std::future_status::ready) {
    log.Write(Severity::kInfo, "drained, exiting", {{"signal", signal_number}});
    std::fflush(stdout);
    std::_Exit(0);
  }
  serving.thread.join();
  preload.join();
  log.Write(Severity::kInfo, "drained, exiting", {{"signal", signal_number}});
  return 0;
}

int ConfigurationError(const std::string& message) {
  std::cerr << "jae-ocr serve: " << message << "\n";
  return 2;
}

}  // namespace

int RunServe(const ServeConfig& config, const Env& env) {
  sigset_t signals = PrepareProcess();
  // Store, engine, processor: built as for watch and backfill (processing/runtime.h).
  auto made = MakeRuntime(config.runtime, env, stdout);
  if (!made.ok()) return ConfigurationError(made.status().message());
  Runtime& runtime = **made;
  JsonLog& log = *runtime.log;

  CachingSourceStores sources([](std::string_view uri) { return OpenStore(uri); },
                              config.source_root);
  Metrics metrics;
  Service service(ServiceOptionsOf(config, runtime), *runtime.processor, sources, runtime.process,
                  log, metrics);
  // Who may call /v1/* and /app/ (TRUST_PLATFORM_AUTH, IAP_AUDIENCE, ACCESS_TOKENS_FILE).
  auto access = MakeAccessPolicy(env, MakeCurlHttpClient());
  if (!access.ok()) return ConfigurationError(access.status().message());
  log.Write(Severity::kInfo, "access to /v1/* and /app/", {{"allowed", (*access)->Describe()}});

  HttpServer server(service, HttpOptionsOf(config, access->get()));
  auto port = server.Bind();
  if (!port.ok()) return ConfigurationError("PORT/--port: " + port.status().ToString());
  Serving serving = StartServing(server);
  log.Write(Severity::kInfo, "listening",
            {{"port", *port},
             {"engine", ToString(runtime.engine->name())},
             {"max_in_flight", config.max_in_flight},
             {"version", JAE_VERSION}});
  std::thread preload = PreloadImageModule(runtime.normalizer, log, service);

  int signal_number = 0;
  sigwait(&signals, &signal_number);
  return DrainAndStop(config, service, server, serving, preload, log, signal_number);
}

}  // namespace jae
