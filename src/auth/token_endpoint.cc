#include "auth/token_endpoint.h"

#include <nlohmann/json.hpp>
#include <string>

namespace jae {
namespace {

std::string OAuthErrorDetail(const std::string& body) {
  const auto json = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (!json.is_object()) return "";
  std::string detail;
  if (auto it = json.find("error"); it != json.end() && it->is_string())
    detail = it->get<std::string>();
  if (auto it = json.find("error_description"); it != json.end() && it->is_string()) {
    detail += (detail.empty() ? "" : ": ") + it->get<std::string>();
  }
  if (detail.size() > 300) detail.resize(300);
  return detail.empty() ? "" : " (" + detail + ")";
}

}  // namespace

StatusOr<FetchedToken> ParseTokenResponse(const StatusOr<HttpResponse>& response,
                                          std::string_view what) {
  const std::string name(what);
  if (!response.ok()) {
    return UnavailableError(name + " unreachable: " + response.status().message());
  }
  const int code = response->status;
  if (code != 200) {
    const std::string msg =
        name + " answered HTTP " + std::to_string(code) + OAuthErrorDetail(response->body);
    if (code == 408 || code == 429 || code >= 500) return UnavailableError(msg);
    if (code == 403) return Status(StatusCode::kPermissionDenied, msg);
    return Status(StatusCode::kUnauthenticated, msg);
  }
  const auto json = nlohmann::json::parse(response->body, nullptr, /*allow_exceptions=*/false);
  if (!json.is_object()) return UnavailableError(name + " answered 200 without a JSON object");
  const auto token = json.find("access_token");
  if (token == json.end() || !token->is_string() || token->get<std::string>().empty()) {
    return UnavailableError(name + " answered without access_token");
  }
  FetchedToken out;
  out.access_token = token->get<std::string>();
  const auto expires = json.find("expires_in");
  long long seconds = -1;
  if (expires != json.end() && expires->is_number_integer()) {
    seconds = expires->get<long long>();
  } else if (expires != json.end() && expires->is_number()) {
    seconds = static_cast<long long>(expires->get<double>());
  } else if (expires != json.end() && expires->is_string()) {
    try {
      seconds = std::stoll(expires->get<std::string>());
    } catch (...) {
      seconds = -1;
    }
  }
  if (seconds <= 0 || seconds > 24 * 3600) {
    return UnavailableError(name + " answered without a usable expires_in");
  }
  out.expires_in = std::chrono::seconds(seconds);
  return out;
}

StatusOr<FetchedToken> PostTokenRequest(HttpClient& http, const std::string& token_uri,
                                        const std::string& form_body) {
  HttpRequest request;
  request.method = "POST";
  request.url = token_uri;
  request.headers = {{"Content-Type", "application/x-www-form-urlencoded"},
                     {"Accept", "application/json"}};
  request.body = form_body;
  request.timeout = std::chrono::seconds(30);
  request.max_response_bytes = 1 << 20;
  return ParseTokenResponse(http.Send(request), "token endpoint");
}

bool IsAcceptableTokenUri(std::string_view uri) {
  if (uri.starts_with("https://")) return uri.size() > 8;
  if (!uri.starts_with("http://")) return false;
  std::string_view rest = uri.substr(7);
  for (std::string_view host : {"127.0.0.1", "localhost", "[::1]"}) {
    if (rest.starts_with(host)) {
      rest.remove_prefix(host.size());
      return rest.empty() || rest.front() == ':' || rest.front() == '/';
    }
  }
  return false;
}

}  // namespace jae
