// ServeConfig: `jae-ocr serve` settings from the environment (CONTRACT.md
// "Environment"), with command-line flags winning over variables.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/env.h"
#include "common/env_vars.h"
#include "common/log.h"
#include "common/status.h"

namespace jae {

struct ServeFlags {
  std::optional<int> port;
  std::optional<std::string> results;  // URI: gs://b[/p], file:///p or a path
  std::optional<std::string> engine;
  std::optional<std::string> source_root;
};

struct ServeConfig {
  int port = 8080;
  std::string results_uri;     // as OpenStore takes it
  std::string results_bucket;  // when results_uri is gs://, else empty
  std::string results_prefix;  // "" or ending in '/'
  std::string engine = "auto";
  bool engine_from_flag = false;  // --engine given (else JAE_ENGINE decides)
  std::string source_root;        // empty: events name GCS buckets; else <root>/<bucket> folders
  std::vector<std::string> source_buckets;  // SOURCE_BUCKETS; empty: any bucket
  std::int64_t max_image_bytes = 20971520;
  int image_max_side = 1536;
  int max_in_flight = 64;
  bool delete_source = false;
  Severity log_level = Severity::kInfo;
  std::string project;  // GOOGLE_CLOUD_PROJECT, for trace ids in logs
  std::chrono::seconds engine_timeout{120};  // ENGINE_TIMEOUT_SECONDS, see PipelineOptions
  std::chrono::seconds drain_timeout{8};
};

// InvalidArgument naming the flag or variable at fault.
StatusOr<ServeConfig> LoadServeConfig(const Env& env, const ServeFlags& flags);

}  // namespace jae
