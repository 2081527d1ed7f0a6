// A small pool of Tesseract instances sharing one configuration. TessBaseAPI is not
// thread-safe, so each Extract call borrows one instance for its whole use; instances are
// created lazily (the first borrow pays the model load) and kept for reuse.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <tesseract/baseapi.h>

#include "common/status.h"

namespace jae::local {

struct TessConfig {
  std::string tessdata_dir;  // folder holding <language>.traineddata
  std::string language;      // "eng", "fra", "fra+eng"
  tesseract::OcrEngineMode mode = tesseract::OEM_DEFAULT;
  std::string whitelist;     // empty: no restriction
  tesseract::PageSegMode psm = tesseract::PSM_SINGLE_BLOCK;
};

class TessPool {
 public:
  explicit TessPool(TessConfig config) : config_(std::move(config)) {}
  ~TessPool();
  TessPool(const TessPool&) = delete;
  TessPool& operator=(const TessPool&) = delete;

  // A borrowed instance, returned to the pool when destroyed.
  class Lease {
   public:
    Lease(TessPool* pool, std::unique_ptr<tesseract::TessBaseAPI> api)
        : pool_(pool), api_(std::move(api)) {}
    Lease(Lease&&) = default;
    ~Lease() {
      if (api_) pool_->Return(std::move(api_));
    }
    tesseract::TessBaseAPI* operator->() { return api_.get(); }
    tesseract::TessBaseAPI& get() { return *api_; }

   private:
    TessPool* pool_;
    std::unique_ptr<tesseract::TessBaseAPI> api_;
  };

  // Fails (NotFound) when the model cannot be loaded.
  StatusOr<Lease> Borrow();
  const TessConfig& config() const { return config_; }

 private:
  void Return(std::unique_ptr<tesseract::TessBaseAPI> api);
  const TessConfig config_;
  std::mutex mu_;
  std::vector<std::unique_ptr<tesseract::TessBaseAPI>> idle_;
};

// Makes Tesseract's OpenMP loops run on the calling thread only: parallel regions inside
// one OCR call cost more than they give when callers already run documents in parallel.
// Process-wide and idempotent.
void LimitOpenMpToOneThread();

}  // namespace jae::local
