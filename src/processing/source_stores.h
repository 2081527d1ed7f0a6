// SourceStores: the Store holding a bucket's objects, for events that name a bucket.
// In production each bucket is `gs://<bucket>`; with a source root (offline runs and
// tests) each bucket is the folder `<root>/<bucket>`. Stores are opened once and kept.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "common/status.h"
#include "store/store.h"

namespace jae {

class SourceStores {
 public:
  virtual ~SourceStores() = default;
  // InvalidArgument for a name that is not a valid bucket name. The Store lives as long
  // as this object.
  virtual StatusOr<Store*> ForBucket(std::string_view bucket) = 0;
};

// True for names GCS accepts as bucket names ([a-z0-9._-], 3..222, starts and ends with
// a letter or digit). Anything else in an event is hostile.
bool IsValidBucketName(std::string_view bucket);

// Opens stores with `open` (OpenStore in production) from the URI `uri_for(bucket)`.
class CachingSourceStores final : public SourceStores {
 public:
  using Opener = std::function<StatusOr<std::unique_ptr<Store>>(std::string_view uri)>;
  CachingSourceStores(Opener open, std::string source_root);
  StatusOr<Store*> ForBucket(std::string_view bucket) override;

 private:
  Opener open_;
  std::string source_root_;  // empty: gs://<bucket>
  std::mutex mu_;
  std::map<std::string, std::unique_ptr<Store>, std::less<>> stores_;
};

}  // namespace jae
