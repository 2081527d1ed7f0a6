// TEMPORARY: stand-ins for parts built on other branches (store, pipeline, engine
// factory), so that the jae-ocr binary links before they are merged. Deleted at merge.
#include "engine/engine.h"
#include "pipeline/pipeline.h"
#include "server/engine_setup.h"
#include "store/store.h"

namespace jae {

StatusOr<std::unique_ptr<Store>> OpenStore(std::string_view) {
  return Status(StatusCode::kUnimplemented, "storage is not in this build yet");
}

StatusOr<Result> ProcessDocument(const DocumentInput&, Engine&, const Clock&,
                                 const PipelineOptions&) {
  return Status(StatusCode::kUnimplemented, "the pipeline is not in this build yet");
}

StatusOr<std::unique_ptr<Engine>> CreateEngine(std::string_view, const Env&) {
  return Status(StatusCode::kUnimplemented, "engines are not in this build yet");
}

}  // namespace jae
