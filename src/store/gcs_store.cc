#include "store/gcs_store.h"

#include <algorithm>
#include <mutex>
#include <nlohmann/json.hpp>
#include <random>
#include <thread>
#include <utility>

#include "common/retry_loop.h"
#include "common/thread_annotations.h"
#include "store/object_name.h"

namespace jae {
namespace {

using Json = nlohmann::json;

bool IsRetryableHttpStatus(int status) {
  return status == 408 || status == 429 || (status >= 500 && status <= 599);
}

// Retry-After in seconds (the HTTP-date form is not used by Google APIs).
std::chrono::milliseconds RetryAfter(const HttpResponse& response) {
  const std::string value = response.Header("retry-after");
  if (value.empty() || value.size() > 6 ||
      !std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return {};
  }
  return std::chrono::seconds(std::stoi(value));
}

// What a Google API error body may tell a log: the machine-readable reason of its first
// error ("notFound", "forbidden", "invalid"...), letters only. The human-readable message
// is dropped: GCS quotes the bucket and object name in it ("No such object: b/scans/...")
// and object names may carry personal data (CONTRACT.md "Logs").
std::string ErrorReason(const HttpResponse& response) {
  const Json body = Json::parse(response.body, nullptr, /*allow_exceptions=*/false);
  if (!body.is_object() || !body.contains("error") || !body["error"].is_object()) return {};
  const Json& error = body["error"];
  if (!error.contains("errors") || !error["errors"].is_array() || error["errors"].empty()) {
    return {};
  }
  const Json& first = error["errors"][0];
  if (!first.is_object() || !first.contains("reason") || !first["reason"].is_string()) return {};
  std::string reason = first["reason"].get<std::string>().substr(0, 40);
  for (char c : reason) {
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return {};
  }
  return reason;
}

Status ErrorFromResponse(const HttpResponse& response, std::string_view what) {
  std::string message = std::string(what) + ": HTTP " + std::to_string(response.status);
  if (const std::string reason = ErrorReason(response); !reason.empty()) {
    message += " (" + reason + ")";
  }
  switch (response.status) {
    case 400:
      // Our own checks (ValidateObjectName...) already refused every name GCS would; a
      // 400 from the server is something else gone wrong, and must not make an event
      // final (it used to be answered 200 "object name refused" with nothing written).
      return InternalError(std::move(message) + ": the request was refused");
    case 401:
      return Status(StatusCode::kUnauthenticated, std::move(message));
    case 403:
      return Status(StatusCode::kPermissionDenied, std::move(message));
    case 404:
      return NotFoundError(std::move(message));
    case 409:
      return Status(StatusCode::kAlreadyExists, std::move(message));
    case 304:
    case 412:
      return FailedPreconditionError(std::move(message));
    case 429:
      return ResourceExhaustedError(std::move(message));
    default:
      break;
  }
  if (IsRetryableHttpStatus(response.status)) return UnavailableError(std::move(message));
  return InternalError(std::move(message));
}

// 64-bit integers are JSON strings in GCS output; numbers are accepted too.
std::optional<std::string> IntegerField(const Json& object, const char* field) {
  if (!object.contains(field)) return std::nullopt;
  const Json& v = object[field];
  if (v.is_string()) return v.get<std::string>();
  if (v.is_number_integer()) return std::to_string(v.get<std::int64_t>());
  return std::nullopt;
}

StatusOr<std::int64_t> ParseSize(const std::string& text) {
  if (text.empty() || text.size() > 18 ||
      !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return InternalError("Cloud Storage returned an invalid object size");
  }
  return static_cast<std::int64_t>(std::stoll(text));
}

bool IsDecimal(std::string_view text) {
  return !text.empty() && text.size() <= 20 &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

Status ValidateContentType(std::string_view type) {
  for (unsigned char c : type) {
    if (c < 0x20 || c == 0x7F) return InvalidArgumentError("content type has control characters");
  }
  if (type.size() > 256) return InvalidArgumentError("content type is too long");
  return OkStatus();
}

Status ValidatePrefix(std::string_view prefix) {
  if (prefix.empty()) return OkStatus();
  if (prefix.size() > 1024) return InvalidArgumentError("list prefix is longer than 1024 bytes");
  if (prefix.find_first_of(std::string_view("\r\n\0", 3)) != std::string_view::npos) {
    return InvalidArgumentError("list prefix contains CR, LF or NUL");
  }
  return OkStatus();
}

class GcsStore final : public Store {
 public:
  GcsStore(std::string bucket, std::string prefix, std::shared_ptr<HttpClient> http,
           std::shared_ptr<AccessTokenSource> tokens, GcsStoreOptions options)
      : bucket_(std::move(bucket)),
        prefix_(std::move(prefix)),
        http_(std::move(http)),
        tokens_(std::move(tokens)),
        options_(std::move(options)),
        seeds_(options_.seed != 0 ? options_.seed : std::random_device{}()) {
    while (!options_.endpoint.empty() && options_.endpoint.back() == '/') {
      options_.endpoint.pop_back();
    }
    if (!options_.clock) options_.clock = std::make_shared<RealRetryClock>();
  }

  std::string UriOf(std::string_view name) const override {
    return "gs://" + bucket_ + "/" + FullName(name);
  }

  StatusOr<ObjectMeta> Stat(std::string_view name) override {
    JAE_RETURN_IF_ERROR(ValidateObjectName(name));
    HttpRequest request;
    request.url = ObjectUrl(name);
    auto response = Execute(std::move(request), /*idempotent=*/true);
    if (!response.ok()) return response.status();
    if (response->status != 200) return ErrorFromResponse(*response, "stat object");
    return ParseObject(response->body);
  }

  StatusOr<std::string> Read(std::string_view name, std::optional<std::string> generation,
                             std::int64_t max_bytes) override {
    JAE_RETURN_IF_ERROR(ValidateObjectName(name));
    if (generation && !IsDecimal(*generation)) return InvalidArgumentError("invalid generation");
    HttpRequest request;
    request.url = ObjectUrl(name) + "?alt=media";
    if (generation) request.url += "&generation=" + *generation;
    // Room for an error body even when max_bytes is tiny; the 200 body is checked below.
    request.max_response_bytes = std::max<std::int64_t>(max_bytes, 64 * 1024);
    auto response = Execute(std::move(request), /*idempotent=*/true);
    if (!response.ok()) return response.status();
    if (response->status != 200) return ErrorFromResponse(*response, "read object");
    if (static_cast<std::int64_t>(response->body.size()) > max_bytes) {
      return Status(StatusCode::kOutOfRange,
                    "object is larger than " + std::to_string(max_bytes) + " bytes");
    }
    return std::move(response->body);
  }

  StatusOr<ObjectMeta> Write(std::string_view name, std::string_view bytes,
                             std::string_view content_type,
                             std::optional<std::string> if_generation_match) override {
    JAE_RETURN_IF_ERROR(ValidateObjectName(name));
    JAE_RETURN_IF_ERROR(ValidateContentType(content_type));
    if (if_generation_match && !IsDecimal(*if_generation_match)) {
      return InvalidArgumentError("invalid generation precondition");
    }
    const std::string type =
        content_type.empty() ? "application/octet-stream" : std::string(content_type);
    const std::string metadata = Json{{"name", FullName(name)}, {"contentType", type}}.dump();
    std::string boundary;
    do {
      boundary = NewBoundary();
    } while (bytes.find(boundary) != std::string_view::npos);

    HttpRequest request;
    request.method = "POST";
    request.url = options_.endpoint + "/upload/storage/v1/b/" + UrlEncode(bucket_) +
                  "/o?uploadType=multipart";
    if (if_generation_match) request.url += "&ifGenerationMatch=" + *if_generation_match;
    request.headers.emplace_back("Content-Type",
                                 "multipart/related; boundary=\"" + boundary + "\"");
    std::string& body = request.body;
    body.reserve(bytes.size() + metadata.size() + 256);
    body += "--" + boundary + "\r\ncontent-type: application/json; charset=UTF-8\r\n\r\n";
    body += metadata;
    body += "\r\n--" + boundary + "\r\ncontent-type: " + type + "\r\n\r\n";
    body += bytes;
    body += "\r\n--" + boundary + "--";
    // Without a precondition a retry could overwrite a newer object: not idempotent.
    auto response = Execute(std::move(request), if_generation_match.has_value());
    if (!response.ok()) return response.status();
    if (response->status != 200) return ErrorFromResponse(*response, "write object");
    return ParseObject(response->body);
  }

  StatusOr<ListPage> List(std::string_view prefix, std::string_view page_token) override {
    JAE_RETURN_IF_ERROR(ValidatePrefix(prefix));
    const std::string full_prefix =
        prefix_.empty() ? std::string(prefix) : prefix_ + "/" + std::string(prefix);
    HttpRequest request;
    request.url = options_.endpoint + "/storage/v1/b/" + UrlEncode(bucket_) +
                  "/o?maxResults=" + std::to_string(std::max(1, options_.page_size));
    if (!full_prefix.empty()) request.url += "&prefix=" + UrlEncode(full_prefix);
    if (!page_token.empty()) request.url += "&pageToken=" + UrlEncode(page_token);
    auto response = Execute(std::move(request), /*idempotent=*/true);
    if (!response.ok()) return response.status();
    if (response->status != 200) return ErrorFromResponse(*response, "list objects");
    const Json body = Json::parse(response->body, nullptr, /*allow_exceptions=*/false);
    if (!body.is_object()) return InternalError("Cloud Storage returned an invalid listing");
    ListPage page;
    if (body.contains("items") && body["items"].is_array()) {
      for (const Json& item : body["items"]) {
        auto meta = ObjectFromJson(item);
        if (!meta.ok()) return meta.status();
        if (meta->name.empty()) continue;  // the prefix's own "folder" placeholder
        page.objects.push_back(*std::move(meta));
      }
    }
    if (body.contains("nextPageToken") && body["nextPageToken"].is_string()) {
      page.next_page_token = body["nextPageToken"].get<std::string>();
    }
    return page;
  }

  Status Delete(std::string_view name, std::optional<std::string> if_generation_match) override {
    JAE_RETURN_IF_ERROR(ValidateObjectName(name));
    if (if_generation_match && !IsDecimal(*if_generation_match)) {
      return InvalidArgumentError("invalid generation precondition");
    }
    HttpRequest request;
    request.method = "DELETE";
    request.url = ObjectUrl(name);
    if (if_generation_match) request.url += "?ifGenerationMatch=" + *if_generation_match;
    auto response = Execute(std::move(request), if_generation_match.has_value());
    if (!response.ok()) return response.status();
    if (response->status != 204 && response->status != 200) {
      return ErrorFromResponse(*response, "delete object");
    }
    return OkStatus();
  }

 private:
  std::string FullName(std::string_view name) const {
    return prefix_.empty() ? std::string(name) : prefix_ + "/" + std::string(name);
  }

  std::string ObjectUrl(std::string_view name) const {
    return options_.endpoint + "/storage/v1/b/" + UrlEncode(bucket_) + "/o/" +
           UrlEncode(FullName(name));
  }

  StatusOr<ObjectMeta> ParseObject(const std::string& text) const {
    const Json body = Json::parse(text, nullptr, /*allow_exceptions=*/false);
    return ObjectFromJson(body);
  }

  StatusOr<ObjectMeta> ObjectFromJson(const Json& object) const {
    if (!object.is_object() || !object.contains("name") || !object["name"].is_string()) {
      return InternalError("Cloud Storage returned an invalid object resource");
    }
    ObjectMeta meta;
    std::string full = object["name"].get<std::string>();
    if (!prefix_.empty()) {
      const std::string lead = prefix_ + "/";
      if (full.starts_with(lead)) {
        full.erase(0, lead.size());
      } else if (full == prefix_) {
        full.clear();
      }
    }
    meta.name = std::move(full);
    meta.generation = IntegerField(object, "generation").value_or("");
    if (auto size = IntegerField(object, "size")) {
      auto parsed = ParseSize(*size);
      if (!parsed.ok()) return parsed.status();
      meta.size = *parsed;
    }
    meta.content_type = object.contains("contentType") && object["contentType"].is_string()
                            ? object["contentType"].get<std::string>()
                            : "application/octet-stream";
    return meta;
  }

  std::string NewBoundary() {
    MutexLock lock(mutex_);
    std::uniform_int_distribution<int> digit(0, 9);
    std::string out = "===============";
    for (int i = 0; i < 19; ++i) out.push_back(static_cast<char>('0' + digit(seeds_)));
    return out + "==";
  }

  std::uint64_t NextSeed() {
    MutexLock lock(mutex_);
    return seeds_();
  }

  // Sends `request`, retrying transient failures when `idempotent`. Returns the last
  // response (any status) or the last transport error.
  StatusOr<HttpResponse> Execute(HttpRequest request, bool idempotent) {
    request.timeout = options_.timeout;
    request.headers.emplace_back("User-Agent", "jae-ocr/" JAE_VERSION);
    const size_t base_headers = request.headers.size();
    Backoff backoff(options_.backoff, NextSeed());
    const RetryPolicy& policy = options_.retry;
    // A retryable answer (429, 5xx) on the last attempt is returned as an answer, so that
    // the caller maps it like any other (ErrorFromResponse).
    std::optional<HttpResponse> last_retryable;
    using Outcome = AttemptOutcome<HttpResponse>;
    auto done = RetryLoop<HttpResponse>(
        policy, idempotent ? Idempotency::kIdempotent : Idempotency::kNonIdempotent, backoff,
        *options_.clock, "Cloud Storage request", [&](std::chrono::milliseconds) -> Outcome {
          last_retryable.reset();
          request.headers.resize(base_headers);
          if (tokens_ != nullptr) {
            auto token = tokens_->Token();
            if (!token.ok()) return Outcome::Permanent(token.status());
            request.headers.emplace_back("Authorization", "Bearer " + *token);
          }
          auto response = http_->Send(request);
          if (!response.ok()) {
            return IsTransient(response.status().code()) ? Outcome::Transient(response.status())
                                                         : Outcome::Permanent(response.status());
          }
          if (!IsRetryableHttpStatus(response->status)) return Outcome::Ok(std::move(*response));
          const auto hint = std::min(RetryAfter(*response), options_.backoff.maximum);
          const int code = response->status;
          last_retryable = std::move(*response);
          return Outcome::Transient(UnavailableError("HTTP " + std::to_string(code)), hint);
        });
    if (!done.ok() && last_retryable) return std::move(*last_retryable);
    return done;
  }

  const std::string bucket_;
  const std::string prefix_;
  const std::shared_ptr<HttpClient> http_;
  const std::shared_ptr<AccessTokenSource> tokens_;  // null: anonymous
  GcsStoreOptions options_;
  Mutex mutex_;
  std::mt19937_64 seeds_ JAE_GUARDED_BY(mutex_);
};

}  // namespace

std::optional<std::string> GcsEmulatorEndpoint(const Env& env) {
  auto value = env.Get("STORAGE_EMULATOR_HOST");
  if (!value) value = env.Get("CLOUD_STORAGE_EMULATOR_ENDPOINT");
  if (!value) return std::nullopt;
  std::string endpoint = *value;
  if (endpoint.find("://") == std::string::npos) endpoint = "http://" + endpoint;
  while (!endpoint.empty() && endpoint.back() == '/') endpoint.pop_back();
  return endpoint;
}

Status ValidateBucketName(std::string_view bucket) {
  const bool dotted = bucket.find('.') != std::string_view::npos;
  if (bucket.size() < 3 || bucket.size() > (dotted ? 222u : 63u)) {
    return InvalidArgumentError("bucket names have 3 to 63 characters (222 with dots)");
  }
  auto alnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  if (!alnum(bucket.front()) || !alnum(bucket.back())) {
    return InvalidArgumentError("bucket names start and end with a letter or digit");
  }
  size_t part = 0;
  for (char c : bucket) {
    if (!alnum(c) && c != '-' && c != '_' && c != '.') {
      return InvalidArgumentError("bucket names use only a-z, 0-9, '-', '_' and '.'");
    }
    part = c == '.' ? 0 : part + 1;
    if (part > 63) return InvalidArgumentError("bucket name parts have at most 63 characters");
  }
  if (bucket.find("..") != std::string_view::npos) {
    return InvalidArgumentError("bucket names have no empty dot-separated part");
  }
  return OkStatus();
}

StatusOr<std::unique_ptr<Store>> MakeGcsStore(std::string bucket, std::string prefix,
                                              std::shared_ptr<HttpClient> http,
                                              std::shared_ptr<AccessTokenSource> tokens,
                                              GcsStoreOptions options) {
  JAE_RETURN_IF_ERROR(ValidateBucketName(bucket));
  while (!prefix.empty() && prefix.back() == '/') prefix.pop_back();
  if (!prefix.empty()) JAE_RETURN_IF_ERROR(ValidateObjectName(prefix));
  return std::unique_ptr<Store>(std::make_unique<GcsStore>(std::move(bucket), std::move(prefix),
                                                           std::move(http), std::move(tokens),
                                                           std::move(options)));
}

}  // namespace jae
