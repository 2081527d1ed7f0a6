// The local engine: on-machine document reading (OpenCV + Tesseract + the MRZ reader).
// No network, no key.
#pragma once

#include <memory>

#include "common/env.h"
#include "common/status.h"
#include "engine/engine.h"

namespace jae {

// Fails (InvalidArgument/NotFound naming what is missing) when the OCR models cannot
// be found.
StatusOr<std::unique_ptr<Engine>> MakeLocalEngine(const Env& env);

}  // namespace jae
