// Application Default Credentials, in the order Google's auth libraries use
// (see shared/reference/gcs-json-api.md §6):
//  1. GOOGLE_APPLICATION_CREDENTIALS: a JSON file, "type" service_account (RS256 JWT →
//     OAuth2 token at its token_uri) or authorized_user (refresh_token grant);
//  2. gcloud's user ADC file: $CLOUDSDK_CONFIG/application_default_credentials.json, else
//     $HOME/.config/gcloud/application_default_credentials.json, when it exists;
//  3. the metadata server (GCE_METADATA_HOST, default metadata.google.internal). It is not
//     probed here: off Google Cloud the first Token() fails Unavailable, saying what to set.
// The scope is cloud-platform. Tokens are cached and refreshed 5 minutes before expiry,
// one refresh at a time (CachingTokenSource).
#pragma once

#include <memory>
#include <string>

#include "auth/token_source.h"
#include "common/clock.h"
#include "common/env.h"
#include "common/status.h"
#include "http/http_client.h"

namespace jae {

// The source shares `http`. A configuration that can never work (the
// GOOGLE_APPLICATION_CREDENTIALS file is missing, unreadable, of an unsupported type or
// holds a bad key) is InvalidArgument naming the variable; no secret is quoted.
StatusOr<std::unique_ptr<AccessTokenSource>> MakeDefaultTokenSource(
    const Env& env, std::shared_ptr<HttpClient> http);
// The same with the clock injected (tests).
StatusOr<std::unique_ptr<AccessTokenSource>> MakeDefaultTokenSource(
    const Env& env, std::shared_ptr<HttpClient> http, std::shared_ptr<const Clock> clock);

// A token source for one credentials JSON document (service_account or authorized_user).
// `origin` names where it came from in error messages.
StatusOr<std::unique_ptr<AccessTokenSource>> MakeTokenSourceFromJson(
    const std::string& json_text, const std::string& origin, std::shared_ptr<HttpClient> http,
    std::shared_ptr<const Clock> clock);

}  // namespace jae
