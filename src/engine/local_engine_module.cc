#include "engine/local_engine_module.h"

#include "common/module_loader.h"

namespace jae {

StatusOr<std::unique_ptr<Engine>> LoadLocalEngine(const Env& env) {
  static constexpr char kExpected[] = JAE_MODULE_BUILD(JAE_LOCAL_MODULE_ABI);
  auto module =
      OpenModule("libjae-ocr-local.so", JAE_BUILD_DIR, "jae_local_module_build", kExpected);
  if (!module.ok()) return module.status();
  using MakeFn = Engine* (*)(const Env*, Status*);
  auto make = reinterpret_cast<MakeFn>(ModuleSymbol(*module, "jae_local_module_make_engine"));
  if (make == nullptr) return FailedPreconditionError("the local engine module has no engine");
  Status error;
  Engine* engine = make(&env, &error);
  if (engine == nullptr) {
    return error.ok() ? InternalError("the local engine module made no engine") : error;
  }
  return std::unique_ptr<Engine>(engine);
}

}  // namespace jae
