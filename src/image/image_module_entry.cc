// Entry points of libjae-ocr-image.so (see image/image_module.h).
#include "image/image_module.h"

#define JAE_STRINGIFY2(x) #x
#define JAE_STRINGIFY(x) JAE_STRINGIFY2(x)

extern "C" {

__attribute__((visibility("default"))) const char* jae_image_module_build() {
  return JAE_VERSION "/" JAE_STRINGIFY(JAE_IMAGE_MODULE_ABI);
}

__attribute__((visibility("default"))) jae::ImageNormalizer* jae_image_module_make_normalizer() {
  return jae::MakeInProcessNormalizer().release();
}
}
