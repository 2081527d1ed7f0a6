// The pipeline for one document: type sniff and size check → normalisation → engine →
// verification → Result. No storage and no transport here: callers (serve, watch,
// extract, backfill) fetch the bytes and store or print the Result.
//
// Contract: returns a Result (`ok`, or `rejected` with a schema error code) for every
// input that can never succeed; returns a non-OK Status only for failures a later
// attempt may fix (IsTransient) or internal errors — then nothing must be written.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

#include "common/admission_gate.h"
#include "common/clock.h"
#include "common/env.h"
#include "common/status.h"
#include "engine/engine.h"
#include "image/image.h"
#include "result/result.h"

namespace jae {

struct PipelineOptions {
  std::int64_t max_image_bytes = 20 * 1024 * 1024;  // MAX_IMAGE_BYTES
  int image_max_side = 1536;                        // IMAGE_MAX_SIDE
  // ENGINE_TIMEOUT_SECONDS, for every command: one document's model calls, retries
  // included. Two full Gemini attempts (GEMINI_TIMEOUT_MS, 60 s) fit, and it stays well
  // inside the deployment's Cloud Run --timeout and push acknowledgement deadline (300 s,
  // deploy/README.md), so a sender never gives up on a document still being read.
  std::chrono::milliseconds engine_timeout{120000};
};

struct DocumentInput {
  SourceInfo source;  // uri, generation, declared content type, size
  std::string bytes;
  // Held while `bytes` are in memory (see AdmissionGate); ProcessDocument releases it,
  // with the bytes, as soon as the image is normalised — before the long engine call.
  GateTicket ticket;
};

// How many documents may hold their source bytes and be normalised at once (the size of
// the AdmissionGate the commands give their DocumentInputs): two per core, so that one
// document's download overlaps another's decoding without a crowd competing for the CPU.
int DefaultSourceSlots();

// MAX_IMAGE_BYTES and IMAGE_MAX_SIDE from the environment (CONTRACT.md defaults when
// unset). InvalidArgument naming the variable when a value is not a positive integer
// in range (IMAGE_MAX_SIDE: 64..8192).
StatusOr<PipelineOptions> PipelineOptionsFromEnv(const Env& env);  // + ENGINE_TIMEOUT_SECONDS

// Lower-case hex SHA-256 of `bytes` (OpenSSL EVP).
std::string Sha256Hex(std::string_view bytes);

// Takes the input by value: its bytes and ticket are let go of before the engine runs.
StatusOr<Result> ProcessDocument(DocumentInput input, ImageNormalizer& normalizer, Engine& engine,
                                 const Clock& clock, const PipelineOptions& options);

}  // namespace jae
