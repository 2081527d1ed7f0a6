#include "auth/authorized_user.h"

#include "auth/token_endpoint.h"

namespace jae {
namespace {

class AuthorizedUserTokenFetcher final : public TokenFetcher {
 public:
  AuthorizedUserTokenFetcher(AuthorizedUser user, std::shared_ptr<HttpClient> http)
      : user_(std::move(user)), http_(std::move(http)) {}

  StatusOr<FetchedToken> Fetch() override {
    const std::string body = "grant_type=refresh_token&client_id=" + UrlEncode(user_.client_id) +
                             "&client_secret=" + UrlEncode(user_.client_secret) +
                             "&refresh_token=" + UrlEncode(user_.refresh_token);
    return PostTokenRequest(*http_, user_.token_uri, body);
  }

 private:
  const AuthorizedUser user_;
  const std::shared_ptr<HttpClient> http_;
};

}  // namespace

StatusOr<std::unique_ptr<TokenFetcher>> MakeAuthorizedUserTokenFetcher(
    AuthorizedUser user, std::shared_ptr<HttpClient> http) {
  if (user.client_id.empty() || user.client_secret.empty() || user.refresh_token.empty()) {
    return InvalidArgumentError(
        "authorized_user credentials need client_id, client_secret and refresh_token");
  }
  if (user.token_uri.empty()) user.token_uri = std::string(kDefaultTokenUri);
  if (!IsAcceptableTokenUri(user.token_uri)) {
    return InvalidArgumentError("authorized_user token_uri must be an https URL");
  }
  return std::unique_ptr<TokenFetcher>(
      std::make_unique<AuthorizedUserTokenFetcher>(std::move(user), std::move(http)));
}

}  // namespace jae
