// Tokens from the GCE/Cloud Run metadata server: GET
// http://HOST/computeMetadata/v1/instance/service-accounts/default/token with
// `Metadata-Flavor: Google`. HOST is GCE_METADATA_HOST (google-auth's variable; the
// older GCE_METADATA_ROOT is accepted too), default metadata.google.internal.
#pragma once

#include <memory>
#include <string>

#include "auth/caching_token_source.h"
#include "common/env.h"
#include "http/http_client.h"

namespace jae {

std::string MetadataHost(const Env& env);

// The fetcher shares `http`. `host` may carry a port ("127.0.0.1:8080").
std::unique_ptr<TokenFetcher> MakeMetadataTokenFetcher(std::shared_ptr<HttpClient> http,
                                                       std::string host);

}  // namespace jae
