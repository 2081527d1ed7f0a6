#include "engine/gemini/gemini_errors.h"

#include <cctype>
#include <charconv>
#include <cstdlib>
#include <ctime>
#include <nlohmann/json.hpp>

namespace jae::gemini {
namespace {

using std::chrono::milliseconds;
constexpr milliseconds kMaxHint{3600 * 1000};

milliseconds Clamp(double ms) {
  if (!(ms > 0)) return milliseconds(0);
  if (ms > static_cast<double>(kMaxHint.count())) return kMaxHint;
  return milliseconds(static_cast<std::int64_t>(ms));
}

// "1.5s" (google.protobuf.Duration in JSON) → milliseconds.
milliseconds ParseDuration(std::string_view text) {
  if (text.size() < 2 || text.back() != 's') return milliseconds(0);
  text.remove_suffix(1);
  double seconds = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), seconds);
  if (ec != std::errc() || end != text.data() + text.size()) return milliseconds(0);
  return Clamp(seconds * 1000.0);
}

// The API quotes bad values back in some messages (e.g. "Base64 decoding failed for
// \"/9j/4AAQ...\""), which could carry document data into our logs: long unbroken runs
// of value characters are elided.
std::string SanitizeApiMessage(std::string_view message) {
  constexpr std::size_t kMaxRun = 40;
  std::string out;
  std::size_t run = 0;
  for (char c : message.substr(0, 1000)) {
    const bool value_char = std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '/' ||
                            c == '=' || c == '-' || c == '_';
    run = value_char ? run + 1 : 0;
    if (run == kMaxRun + 1) {
      out.resize(out.size() - kMaxRun);
      out += "[...]";
    }
    if (run <= kMaxRun) out.push_back(c);
  }
  if (out.size() > 300) out.resize(300);
  return out;
}

struct ApiError {
  std::string status;
  std::string message;
};

ApiError ReadApiError(std::string_view body) {
  ApiError e;
  const auto json = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (!json.is_object()) return e;
  const auto error = json.find("error");
  if (error == json.end() || !error->is_object()) return e;
  if (auto s = error->find("status"); s != error->end() && s->is_string()) {
    e.status = s->get<std::string>().substr(0, 64);
  }
  if (auto m = error->find("message"); m != error->end() && m->is_string()) {
    e.message = SanitizeApiMessage(m->get<std::string>());
  }
  return e;
}

}  // namespace

bool IsRetryableHttpStatus(int status) {
  return status == 408 || status == 429 || status == 500 || status == 502 || status == 503 ||
         status == 504;
}

milliseconds ParseRetryAfter(std::string_view value, std::chrono::system_clock::time_point now) {
  while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
  while (!value.empty() && value.back() == ' ') value.remove_suffix(1);
  if (value.empty()) return milliseconds(0);
  long long seconds = 0;
  const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), seconds);
  if (ec == std::errc() && end == value.data() + value.size()) {
    return Clamp(static_cast<double>(seconds) * 1000.0);
  }
  // IMF-fixdate, e.g. "Wed, 21 Oct 2015 07:28:00 GMT".
  std::tm tm{};
  const std::string copy(value);
  const char* rest = strptime(copy.c_str(), "%a, %d %b %Y %H:%M:%S GMT", &tm);
  if (rest == nullptr || *rest != '\0') return milliseconds(0);
  const auto when = std::chrono::system_clock::from_time_t(timegm(&tm));
  return Clamp(static_cast<double>(std::chrono::duration_cast<milliseconds>(when - now).count()));
}

milliseconds ParseRetryInfoDelay(std::string_view body) {
  const auto json = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (!json.is_object()) return milliseconds(0);
  const auto error = json.find("error");
  if (error == json.end() || !error->is_object()) return milliseconds(0);
  const auto details = error->find("details");
  if (details == error->end() || !details->is_array()) return milliseconds(0);
  for (const auto& detail : *details) {
    if (!detail.is_object()) continue;
    const auto type = detail.find("@type");
    if (type == detail.end() || !type->is_string() ||
        !type->get_ref<const std::string&>().ends_with("google.rpc.RetryInfo")) {
      continue;
    }
    const auto delay = detail.find("retryDelay");
    if (delay != detail.end() && delay->is_string())
      return ParseDuration(delay->get<std::string>());
  }
  return milliseconds(0);
}

milliseconds ServerRetryHint(const HttpResponse& response,
                             std::chrono::system_clock::time_point now) {
  return std::max(ParseRetryAfter(response.Header("retry-after"), now),
                  ParseRetryInfoDelay(response.body));
}

Status HttpErrorStatus(const GeminiConfig& config, const HttpResponse& response) {
  const ApiError e = ReadApiError(response.body);
  const std::string api = config.engine == EngineName::kVertex ? "Vertex AI" : "Gemini API";
  // The variable an operator fixes: configuration errors are logged naming it.
  const std::string credentials = config.engine == EngineName::kVertex
                                      ? "the service account (GOOGLE_APPLICATION_CREDENTIALS)"
                                      : "GEMINI_API_KEY / GOOGLE_API_KEY";
  std::string detail = "HTTP " + std::to_string(response.status);
  if (!e.status.empty()) detail += " " + e.status;
  if (!e.message.empty()) detail += ": " + e.message;
  switch (response.status) {
    case 400:
      return InvalidArgumentError(api + " rejected the request (" + detail + "); check " +
                                  credentials + " and GEMINI_MODEL (" + config.model + ")");
    case 401:
      return Status(StatusCode::kUnauthenticated,
                    api + " did not accept the credentials (" + detail + "); check " + credentials);
    case 403:
      return Status(StatusCode::kPermissionDenied,
                    api + " denied access (" + detail + "); check " + credentials +
                        (config.engine == EngineName::kVertex
                             ? " (role roles/aiplatform.user) and GOOGLE_CLOUD_PROJECT"
                             : ""));
    case 404:
      return NotFoundError(api + ": model \"" + config.model + "\" not found (" + detail +
                           "). Models are retired often: set GEMINI_MODEL to a current model id");
    case 429:
      return ResourceExhaustedError(api + " quota exhausted (" + detail + ")");
    case 408:
    case 504:
      return DeadlineExceededError(api + " timed out (" + detail + ")");
    default:
      break;
  }
  if (response.status >= 500) return UnavailableError(api + " unavailable (" + detail + ")");
  return InvalidArgumentError(api + " answered " + detail);
}

}  // namespace jae::gemini
