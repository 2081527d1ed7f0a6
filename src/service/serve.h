// RunServe: `jae-ocr serve` from start to exit. Listens on config.port, answers until
// SIGTERM/SIGINT, then drains (CONTRACT.md: /readyz → 503, new work → 503, in-flight
// work gets config.drain_timeout to finish) and returns the exit status (0; 2 for a
// configuration error found at start).
#pragma once

#include "common/env.h"
#include "service/serve_config.h"

namespace jae {

int RunServe(const ServeConfig& config, const Env& env);

}  // namespace jae
