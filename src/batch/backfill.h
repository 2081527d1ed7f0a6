// RunBackfill: `jae-ocr backfill`. Every document in `source` whose result is missing
// (or records an older generation) gets processed, with `jobs` documents at a time.
// Objects that already have their result cost one metadata read and nothing else.
#pragma once

#include <string>

#include "batch/batch.h"
#include "common/log.h"
#include "processing/object_processor.h"
#include "store/store.h"

namespace jae {

struct BackfillOptions {
  int jobs = 4;
  std::string results_prefix;  // when results live inside the source: their prefix + '/'
  BatchRetry retry;
};

// Exit status per CONTRACT.md: 0 all ok, 1 something rejected or failed (listing
// included).
int RunBackfill(Store& source, ObjectProcessor& processor, const BackfillOptions& options,
                JsonLog& log);

}  // namespace jae
