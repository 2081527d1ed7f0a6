// OpenStore(uri) with the process's real dependencies. Kept apart from open_store.cc so
// that programs and tests which inject their own never link the credential code.
#include "auth/token_source.h"
#include "common/env.h"
#include "store/store.h"
#if JAE_HAVE_DEFAULT_CREDENTIALS
#include "auth/default_credentials.h"
#endif

namespace jae {

StatusOr<std::unique_ptr<Store>> OpenStore(std::string_view uri) {
  StoreContext context;
  context.make_token_source =
      [](const Env& env,
         std::shared_ptr<HttpClient> http) -> StatusOr<std::unique_ptr<AccessTokenSource>> {
#if JAE_HAVE_DEFAULT_CREDENTIALS
    return MakeDefaultTokenSource(env, std::move(http));
#else
    (void)env;
    (void)http;
    return Status(StatusCode::kUnimplemented,
                  "Google credentials (src/auth) are not built into this binary yet; "
                  "gs:// works only with STORAGE_EMULATOR_HOST");
#endif
  };
  return OpenStore(uri, context);
}

}  // namespace jae
