// OpenStore(uri) with the process's real dependencies. Kept apart from open_store.cc so
// that programs and tests which inject their own never link the credential code.
#include "auth/default_credentials.h"
#include "common/env.h"
#include "store/store.h"

namespace jae {

StatusOr<std::unique_ptr<Store>> OpenStore(std::string_view uri) {
  StoreContext context;
  context.make_token_source = [](const Env& env, HttpClient& http) {
    return MakeDefaultTokenSource(env, http);
  };
  return OpenStore(uri, context);
}

}  // namespace jae
