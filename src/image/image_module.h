// The image normaliser lives in a loadable module, libjae-ocr-image.so, installed next to
// jae-ocr (or in ../lib/jae-ocr/ from it).
//
// Why: libvips brings ~100 shared libraries (libheif, poppler, cairo, glib, ...). Linked
// into the binary they were loaded by every exec — ~50 of the ~70 ms from exec to a ready
// `serve`, which Cloud Run counts against a cold request — and by every `--version`.
// `serve` now starts the load in the background once it listens; `extract` and `watch`
// load it on their first document.
//
// The module and the binary come from the same build: the module reports the version
// and ABI it was built with, and the loader refuses any other (common/module_loader.h).
#pragma once

#include <memory>
#include <mutex>

#include "common/status.h"
#include "image/image.h"

// Bumped whenever a type crossing the module boundary (ImageNormalizer, NormalizeOptions,
// NormalizeOutcome, NormalizedImage, Status) changes layout.
#define JAE_IMAGE_MODULE_ABI 2

// The module's two entry points (C linkage: looked up by name).
extern "C" {
// JAE_VERSION and JAE_IMAGE_MODULE_ABI the module was built with, e.g. "0.1.0/1".
const char* jae_image_module_build();
// The in-process normaliser of the module (never null).
jae::ImageNormalizer* jae_image_module_make_normalizer();
}

namespace jae {

// Loads the module once, on the first Preload or Normalize; thread-safe (callers that
// arrive during the load wait for it). When the module cannot be loaded every call
// returns that FailedPrecondition, naming where it looked.
class ModuleImageNormalizer final : public ImageNormalizer {
 public:
  Status Preload();
  StatusOr<NormalizeOutcome> Normalize(std::string_view bytes,
                                       const NormalizeOptions& options) override;

 private:
  std::once_flag once_;
  Status status_;
  std::unique_ptr<ImageNormalizer> loaded_;
};

}  // namespace jae
