#include "processing/source_stores.h"

#include <algorithm>

namespace jae {

bool IsValidBucketName(std::string_view b) {
  if (b.size() < 3 || b.size() > 222) return false;
  auto alnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  if (!alnum(b.front()) || !alnum(b.back())) return false;
  if (b.find("..") != std::string_view::npos) return false;
  return std::all_of(b.begin(), b.end(),
                     [&](char c) { return alnum(c) || c == '-' || c == '_' || c == '.'; });
}

CachingSourceStores::CachingSourceStores(Opener open, std::string source_root)
    : open_(std::move(open)), source_root_(std::move(source_root)) {}

StatusOr<Store*> CachingSourceStores::ForBucket(std::string_view bucket) {
  if (!IsValidBucketName(bucket)) return InvalidArgumentError("not a valid bucket name");
  std::lock_guard lock(mu_);
  if (auto it = stores_.find(bucket); it != stores_.end()) return it->second.get();
  const std::string uri = source_root_.empty() ? "gs://" + std::string(bucket)
                                               : source_root_ + "/" + std::string(bucket);
  auto store = open_(uri);
  if (!store.ok()) return store.status();
  Store* raw = store->get();
  stores_.emplace(std::string(bucket), std::move(*store));
  return raw;
}

}  // namespace jae
