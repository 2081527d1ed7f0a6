#include "auth/metadata_token_source.h"

#include "auth/token_endpoint.h"

namespace jae {
namespace {

class MetadataTokenFetcher final : public TokenFetcher {
 public:
  MetadataTokenFetcher(std::shared_ptr<HttpClient> http, std::string host)
      : http_(std::move(http)), host_(std::move(host)) {}

  StatusOr<FetchedToken> Fetch() override {
    HttpRequest request;
    request.method = "GET";
    request.url = "http://" + host_ +
                  "/computeMetadata/v1/instance/service-accounts/default/token?scopes=" +
                  UrlEncode(kCloudPlatformScope);
    request.headers = {{"Metadata-Flavor", "Google"}};
    // google-auth gives the metadata server 3 s; off GCP the host does not resolve at all.
    request.timeout = std::chrono::seconds(5);
    request.max_response_bytes = 1 << 20;
    StatusOr<HttpResponse> response = http_->Send(request);
    if (response.ok() && response->status == 200 &&
        response->Header("metadata-flavor") != "Google") {
      // Something answered that is not a metadata server (a captive portal, a proxy).
      return UnavailableError("metadata server at " + host_ +
                              " answered without Metadata-Flavor: Google");
    }
    StatusOr<FetchedToken> token = ParseTokenResponse(response, "metadata server");
    if (!token.ok() && !response.ok()) {
      return UnavailableError(token.status().message() +
                              " (no GOOGLE_APPLICATION_CREDENTIALS and no gcloud ADC file "
                              "either: set one of them when not running on Google Cloud)");
    }
    return token;
  }

 private:
  const std::shared_ptr<HttpClient> http_;
  const std::string host_;
};

}  // namespace

std::string MetadataHost(const Env& env) {
  if (auto host = env.Get("GCE_METADATA_HOST")) return *host;
  if (auto host = env.Get("GCE_METADATA_ROOT")) return *host;
  return "metadata.google.internal";
}

std::unique_ptr<TokenFetcher> MakeMetadataTokenFetcher(std::shared_ptr<HttpClient> http,
                                                       std::string host) {
  return std::make_unique<MetadataTokenFetcher>(http, std::move(host));
}

}  // namespace jae
