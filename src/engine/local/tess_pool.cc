#include "engine/local/tess_pool.h"

#include <leptonica/allheaders.h>

// libgomp's entry point, declared here so that no -fopenmp flag is needed to build.
extern "C" void omp_set_max_active_levels(int max_levels);

namespace jae::local {

void LimitOpenMpToOneThread() {
  static std::once_flag once;
  // With zero active levels every parallel region runs on one thread; unlike
  // OMP_THREAD_LIMIT this works after libgomp has been loaded.
  std::call_once(once, [] {
    omp_set_max_active_levels(0);
    // Leptonica prints harmless clipping notices on stderr; our logs stay ours.
    setMsgSeverity(L_SEVERITY_NONE);
  });
}

TessPool::~TessPool() {
  for (auto& api : idle_) api->End();
}

StatusOr<TessPool::Lease> TessPool::Borrow() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (!idle_.empty()) {
      auto api = std::move(idle_.back());
      idle_.pop_back();
      return Lease(this, std::move(api));
    }
  }
  LimitOpenMpToOneThread();
  auto api = std::make_unique<tesseract::TessBaseAPI>();
  if (api->Init(config_.tessdata_dir.c_str(), config_.language.c_str(), config_.mode) != 0) {
    return NotFoundError("cannot load OCR model '" + config_.language + "' from " +
                         config_.tessdata_dir);
  }
  api->SetPageSegMode(config_.psm);
  if (!config_.whitelist.empty()) {
    api->SetVariable("tessedit_char_whitelist", config_.whitelist.c_str());
  }
  // The legacy engine adapts its classifier to every page it reads: results would then
  // depend on the documents read before (other people's), and differ between runs.
  api->SetVariable("classify_enable_learning", "0");
  // The dictionaries help words, not codes; they also bias names and numbers.
  api->SetVariable("debug_file", "/dev/null");
  return Lease(this, std::move(api));
}

void TessPool::Return(std::unique_ptr<tesseract::TessBaseAPI> api) {
  api->Clear();
  std::lock_guard<std::mutex> lock(mu_);
  idle_.push_back(std::move(api));
}

}  // namespace jae::local
