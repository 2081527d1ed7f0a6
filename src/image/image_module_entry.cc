// Entry points of libjae-ocr-image.so (see image/image_module.h).
#include "common/module_loader.h"
#include "image/image_module.h"

extern "C" {

__attribute__((visibility("default"))) const char* jae_image_module_build() {
  return JAE_MODULE_BUILD(JAE_IMAGE_MODULE_ABI);
}

__attribute__((visibility("default"))) jae::ImageNormalizer* jae_image_module_make_normalizer() {
  return jae::MakeInProcessNormalizer().release();
}
}
