// One file of a player's dossier as an input of the player check (src/check), for every
// way to reach the check: `jae-ocr check`, POST /v1/check, and event mode.
//
// Contract: bytes that look like JSON are read as a result JSON as jae-ocr writes it —
// so a check can be recomputed from stored or hand-corrected results without reading
// the images again; anything else is a document, run through `process` (the pipeline of
// `extract`). Returns a non-OK Status only for transient failures (IsTransient: the
// caller retries or answers 429/503); every other failure is an input with no result
// and a reason free of personal data, which the check reports.
#pragma once

#include <string>

#include "check/check.h"
#include "common/status.h"
#include "processing/object_processor.h"

namespace jae {

StatusOr<check::Input> CheckInputFromFile(std::string name, DocumentInput document,
                                          const ProcessFn& process);

// The input for a file that was not processed because the dossier has more than
// check::kMaxDocuments files.
check::Input NotProcessedInput(std::string name);

}  // namespace jae
