// The local engine lives in a loadable module, libjae-ocr-local.so, installed next to
// jae-ocr (or in ../lib/jae-ocr/ from it).
//
// Why: OpenCV, Tesseract and Leptonica are ~16 more shared libraries. Loaded by every
// process they cost every `serve` start (Cloud Run counts start-up against cold
// requests) and ~4 MB of resident memory — also for a service that only ever calls
// Gemini. Now only a process that picks the local engine loads them.
//
// The module and the binary come from the same build: the module reports the version
// and ABI it was built with, and the loader refuses any other.
#pragma once

#include <memory>

#include "common/env.h"
#include "common/status.h"
#include "engine/engine.h"

// Bumped whenever a type crossing the module boundary (Engine, EngineResult,
// NormalizedImage, Env, Status) changes layout.
#define JAE_LOCAL_MODULE_ABI 2

// The module's two entry points (C linkage: looked up by name).
extern "C" {
// JAE_VERSION and JAE_LOCAL_MODULE_ABI the module was built with, e.g. "0.1.0/1".
const char* jae_local_module_build();
// A local engine, or null with `*error` set.
jae::Engine* jae_local_module_make_engine(const jae::Env* env, jae::Status* error);
}

namespace jae {

// Loads the module (once per process; it is never unloaded) and makes an engine.
// FailedPrecondition naming where it looked when the module is missing or does not
// match this binary; the engine's own errors otherwise (e.g. InvalidArgument).
StatusOr<std::unique_ptr<Engine>> LoadLocalEngine(const Env& env);

}  // namespace jae
