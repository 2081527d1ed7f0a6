#include "image/image_module.h"

#include "common/module_loader.h"

namespace jae {

Status ModuleImageNormalizer::Preload() {
  std::call_once(once_, [this] {
    static constexpr char kExpected[] = JAE_MODULE_BUILD(JAE_IMAGE_MODULE_ABI);
    auto module =
        OpenModule("libjae-ocr-image.so", JAE_BUILD_DIR, "jae_image_module_build", kExpected);
    if (!module.ok()) {
      status_ = module.status();
      return;
    }
    using MakeFn = ImageNormalizer* (*)();
    auto make = reinterpret_cast<MakeFn>(ModuleSymbol(*module, "jae_image_module_make_normalizer"));
    if (make == nullptr) {
      status_ = FailedPreconditionError("the image module has no normaliser");
      return;
    }
    loaded_.reset(make());
  });
  return status_;
}

StatusOr<NormalizeOutcome> ModuleImageNormalizer::Normalize(std::string_view bytes,
                                                            const NormalizeOptions& options) {
  if (Status loaded = Preload(); !loaded.ok()) return loaded;
  return loaded_->Normalize(bytes, options);
}

}  // namespace jae
