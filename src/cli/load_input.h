// Reading one command-line INPUT (a path, file:///path or gs://bucket/object) into a
// DocumentInput, shared by `extract` and `check`.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "common/clock.h"
#include "common/status.h"
#include "pipeline/pipeline.h"
#include "result/result.h"

namespace jae::cli {

// What to process for one INPUT: bytes to run, or a result already decided (too large).
struct Loaded {
  std::string output_name;  // <output_name>.json under --out
  DocumentInput input;
  std::optional<Result> decided;
};

StatusOr<Loaded> LoadLocal(std::string_view arg, const PipelineOptions& options,
                           const Clock& clock);
StatusOr<Loaded> LoadGcs(std::string_view uri, const PipelineOptions& options, const Clock& clock);

}  // namespace jae::cli
