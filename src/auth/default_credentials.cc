#include "auth/default_credentials.h"

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "auth/authorized_user.h"
#include "auth/caching_token_source.h"
#include "auth/metadata_token_source.h"
#include "auth/service_account.h"

namespace jae {
namespace {

constexpr std::uintmax_t kMaxCredentialsFileBytes = 64 * 1024;

std::string StringField(const nlohmann::json& json, const char* name) {
  const auto it = json.find(name);
  return it != json.end() && it->is_string() ? it->get<std::string>() : "";
}

StatusOr<std::string> ReadSmallFile(const std::string& path, const std::string& origin) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) return InvalidArgumentError(origin + ": cannot read " + path + ": " + ec.message());
  if (size > kMaxCredentialsFileBytes) {
    return InvalidArgumentError(origin + ": " + path + " is too large for a credentials file");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return InvalidArgumentError(origin + ": cannot open " + path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

StatusOr<std::unique_ptr<AccessTokenSource>> Cached(StatusOr<std::unique_ptr<TokenFetcher>> fetcher,
                                                    const std::string& origin,
                                                    std::shared_ptr<const Clock> clock) {
  if (!fetcher.ok()) {
    return Status(fetcher.status().code(), origin + ": " + fetcher.status().message());
  }
  return std::unique_ptr<AccessTokenSource>(
      std::make_unique<CachingTokenSource>(std::move(*fetcher), std::move(clock)));
}

std::string GcloudAdcPath(const Env& env) {
  if (auto dir = env.Get("CLOUDSDK_CONFIG")) return *dir + "/application_default_credentials.json";
  if (auto home = env.Get("HOME")) {
    return *home + "/.config/gcloud/application_default_credentials.json";
  }
  return "";
}

}  // namespace

StatusOr<std::unique_ptr<AccessTokenSource>> MakeTokenSourceFromJson(
    const std::string& json_text, const std::string& origin, std::shared_ptr<HttpClient> http,
    std::shared_ptr<const Clock> clock) {
  const auto json = nlohmann::json::parse(json_text, nullptr, /*allow_exceptions=*/false);
  if (!json.is_object()) return InvalidArgumentError(origin + ": not a JSON credentials file");
  const std::string type = StringField(json, "type");
  if (type == "service_account") {
    ServiceAccountKey key;
    key.client_email = StringField(json, "client_email");
    key.private_key_pem = StringField(json, "private_key");
    key.private_key_id = StringField(json, "private_key_id");
    key.token_uri = StringField(json, "token_uri");
    key.project_id = StringField(json, "project_id");
    return Cached(MakeServiceAccountTokenFetcher(std::move(key), http, clock), origin, clock);
  }
  if (type == "authorized_user") {
    AuthorizedUser user;
    user.client_id = StringField(json, "client_id");
    user.client_secret = StringField(json, "client_secret");
    user.refresh_token = StringField(json, "refresh_token");
    user.token_uri = StringField(json, "token_uri");
    return Cached(MakeAuthorizedUserTokenFetcher(std::move(user), http), origin, clock);
  }
  return InvalidArgumentError(origin + ": credentials type \"" + type.substr(0, 40) +
                              "\" is not supported (service_account or authorized_user)");
}

StatusOr<std::unique_ptr<AccessTokenSource>> MakeDefaultTokenSource(
    const Env& env, std::shared_ptr<HttpClient> http, std::shared_ptr<const Clock> clock) {
  if (auto path = env.Get("GOOGLE_APPLICATION_CREDENTIALS")) {
    const std::string origin = "GOOGLE_APPLICATION_CREDENTIALS";
    StatusOr<std::string> text = ReadSmallFile(*path, origin);
    if (!text.ok()) return text.status();
    return MakeTokenSourceFromJson(*text, origin + " (" + *path + ")", http, std::move(clock));
  }
  const std::string adc = GcloudAdcPath(env);
  std::error_code ec;
  if (!adc.empty() && std::filesystem::is_regular_file(adc, ec)) {
    StatusOr<std::string> text = ReadSmallFile(adc, "gcloud ADC file");
    if (!text.ok()) return text.status();
    return MakeTokenSourceFromJson(*text, "gcloud ADC file (" + adc + ")", http, std::move(clock));
  }
  return std::unique_ptr<AccessTokenSource>(std::make_unique<CachingTokenSource>(
      MakeMetadataTokenFetcher(http, MetadataHost(env)), std::move(clock)));
}

StatusOr<std::unique_ptr<AccessTokenSource>> MakeDefaultTokenSource(
    const Env& env, std::shared_ptr<HttpClient> http) {
  return MakeDefaultTokenSource(env, http, std::make_shared<SystemClock>());
}

}  // namespace jae
