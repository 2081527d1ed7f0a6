// What the OAuth2 token endpoint and the metadata server answer, turned into a
// FetchedToken or a Status that says whether trying again later can help.
#pragma once

#include <string_view>

#include "auth/caching_token_source.h"
#include "common/status.h"
#include "http/http_client.h"

namespace jae {

inline constexpr std::string_view kCloudPlatformScope =
    "https://www.googleapis.com/auth/cloud-platform";
inline constexpr std::string_view kDefaultTokenUri = "https://oauth2.googleapis.com/token";

// `what` names the endpoint in error messages ("metadata server", "token endpoint").
// 200 with access_token/expires_in → the token; 408/429/5xx or a transport error →
// Unavailable; 403 → PermissionDenied; other statuses → Unauthenticated. The OAuth
// error code and description are quoted; the token never is.
StatusOr<FetchedToken> ParseTokenResponse(const StatusOr<HttpResponse>& response,
                                          std::string_view what);

// POSTs an application/x-www-form-urlencoded body to `token_uri`.
StatusOr<FetchedToken> PostTokenRequest(HttpClient& http, const std::string& token_uri,
                                        const std::string& form_body);

// True for https URLs, and for http URLs on a loopback host (tests, local emulators):
// credentials are never sent in the clear over a network.
bool IsAcceptableTokenUri(std::string_view uri);

}  // namespace jae
