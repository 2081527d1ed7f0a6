// Entry points of libjae-ocr-local.so (see engine/local_engine_module.h).
#include "engine/local_engine_module.h"

#include "common/module_loader.h"
#include "engine/local/local_engine.h"

extern "C" {

__attribute__((visibility("default"))) const char* jae_local_module_build() {
  return JAE_MODULE_BUILD(JAE_LOCAL_MODULE_ABI);
}

__attribute__((visibility("default"))) jae::Engine* jae_local_module_make_engine(
    const jae::Env* env, jae::Status* error) {
  auto engine = jae::MakeLocalEngine(*env);
  if (!engine.ok()) {
    *error = engine.status();
    return nullptr;
  }
  return engine->release();
}
}
