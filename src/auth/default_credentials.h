// Application Default Credentials, in the order Google's auth libraries use
// (see shared/reference/gcs-json-api.md §6): GOOGLE_APPLICATION_CREDENTIALS (service
// account key → RS256 JWT → OAuth2 token, or an authorized_user file), gcloud's user ADC
// file, then the metadata server (GCE_METADATA_HOST, default metadata.google.internal).
#pragma once

#include <memory>

#include "auth/token_source.h"
#include "common/env.h"
#include "common/status.h"
#include "http/http_client.h"

namespace jae {

// `http` must outlive the returned source. The scope is cloud-platform.
StatusOr<std::unique_ptr<AccessTokenSource>> MakeDefaultTokenSource(const Env& env,
                                                                     HttpClient& http);

}  // namespace jae
