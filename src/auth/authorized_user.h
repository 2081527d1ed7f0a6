// gcloud user credentials ("type": "authorized_user", what `gcloud auth
// application-default login` writes): a refresh_token grant at the token endpoint.
#pragma once

#include <memory>
#include <string>

#include "auth/caching_token_source.h"
#include "common/status.h"
#include "http/http_client.h"

namespace jae {

struct AuthorizedUser {
  std::string client_id;
  std::string client_secret;
  std::string refresh_token;
  std::string token_uri;  // empty: https://oauth2.googleapis.com/token
};

// InvalidArgument if a required field is missing. The fetcher shares `http`.
StatusOr<std::unique_ptr<TokenFetcher>> MakeAuthorizedUserTokenFetcher(
    AuthorizedUser user, std::shared_ptr<HttpClient> http);

}  // namespace jae
