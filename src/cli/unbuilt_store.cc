// Stand-in for OpenStore while the storage library is not in this build (jae_store is
// still an INTERFACE placeholder); CMakeLists.txt stops compiling it once it is.
#include "store/store.h"

namespace jae {

StatusOr<std::unique_ptr<Store>> OpenStore(std::string_view) {
  return Status(StatusCode::kUnimplemented,
                "storage (gs:// and --out) is not built into this binary yet");
}

}  // namespace jae
