#include "http/curl_http_client.h"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <mutex>
#include <vector>

#include "common/thread_annotations.h"

namespace jae {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

struct Transfer {
  HttpResponse response;
  std::int64_t max_bytes = 0;
  bool too_large = false;
};

size_t OnBody(char* data, size_t size, size_t count, void* user) {
  auto* t = static_cast<Transfer*>(user);
  const size_t n = size * count;
  if (static_cast<std::int64_t>(t->response.body.size() + n) > t->max_bytes) {
    t->too_large = true;
    return 0;  // aborts the transfer
  }
  t->response.body.append(data, n);
  return n;
}

size_t OnHeader(char* data, size_t size, size_t count, void* user) {
  auto* t = static_cast<Transfer*>(user);
  const size_t n = size * count;
  std::string_view line(data, n);
  if (line.starts_with("HTTP/")) {
    t->response.headers.clear();  // a new response (after 100-continue or a redirect)
    return n;
  }
  const auto colon = line.find(':');
  if (colon == std::string_view::npos) return n;
  auto value = line.substr(colon + 1);
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
  while (!value.empty() && (value.back() == '\r' || value.back() == '\n' || value.back() == ' ')) {
    value.remove_suffix(1);
  }
  t->response.headers.emplace_back(Lower(line.substr(0, colon)), std::string(value));
  return n;
}

// Idle curl handles, most recently used last (its connection is the likeliest alive).
class CurlHandlePool {
 public:
  explicit CurlHandlePool(std::size_t max_idle) : max_idle_(max_idle) {}
  ~CurlHandlePool() {
    MutexLock lock(mu_);
    for (CURL* handle : idle_) curl_easy_cleanup(handle);
  }
  CurlHandlePool(const CurlHandlePool&) = delete;
  CurlHandlePool& operator=(const CurlHandlePool&) = delete;

  // An idle handle, or a new one; nullptr if libcurl cannot make one.
  CURL* Acquire() JAE_EXCLUDES(mu_) {
    {
      MutexLock lock(mu_);
      if (!idle_.empty()) {
        CURL* handle = idle_.back();
        idle_.pop_back();
        return handle;
      }
    }
    return curl_easy_init();
  }

  // Takes `handle` back. curl_easy_reset drops every option of the finished request
  // (and its pointers into the request's buffers) but keeps the handle's open
  // connections, TLS session cache and DNS cache, which is the point of the pool.
  void Release(CURL* handle) JAE_EXCLUDES(mu_) {
    curl_easy_reset(handle);
    {
      MutexLock lock(mu_);
      if (idle_.size() < max_idle_) {
        idle_.push_back(handle);
        return;
      }
    }
    curl_easy_cleanup(handle);  // over the bound: closed, not kept
  }

 private:
  const std::size_t max_idle_;
  Mutex mu_;
  std::vector<CURL*> idle_ JAE_GUARDED_BY(mu_);
};

class CurlHttpClient final : public HttpClient {
 public:
  explicit CurlHttpClient(CurlClientOptions options)
      : ca_file_(std::move(options.ca_file)), pool_(options.max_idle_handles) {
    static std::once_flag once;  // curl_global_init is not thread-safe; do it once
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  }

  StatusOr<HttpResponse> Send(const HttpRequest& request) override {
    CURL* curl = pool_.Acquire();
    if (curl == nullptr) return InternalError("curl_easy_init failed");
    // Gives the handle back on every path, after the header list it points to is freed.
    struct Return {
      CurlHandlePool& pool;
      CURL* curl;
      ~Return() { pool.Release(curl); }
    } give_back{pool_, curl};
    Transfer transfer;
    transfer.max_bytes = request.max_response_bytes;
    curl_slist* headers = nullptr;
    for (const auto& [name, value] : request.headers) {
      headers = curl_slist_append(headers, (name + ": " + value).c_str());
    }
    // libcurl adds "Expect: 100-continue" to large POSTs; Google APIs don't need it.
    headers = curl_slist_append(headers, "Expect:");
    // Every option is checked: one refused (a URL past libcurl's 8 MB input limit, an
    // option this libcurl lacks such as the protocol allow-list) must fail the request,
    // not send a different one.
    CURLcode set = CURLE_OK;
    auto option = [&](CURLoption name, auto value) {
      if (set == CURLE_OK) set = curl_easy_setopt(curl, name, value);
    };
    option(CURLOPT_URL, request.url.c_str());
    option(CURLOPT_CUSTOMREQUEST, request.method.c_str());
    if (request.method == "HEAD") option(CURLOPT_NOBODY, 1L);
    if (!request.body.empty() || request.method == "POST" || request.method == "PUT" ||
        request.method == "PATCH") {
      option(CURLOPT_POSTFIELDS, request.body.data());
      option(CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
    }
    option(CURLOPT_HTTPHEADER, headers);
    option(CURLOPT_TIMEOUT_MS, static_cast<long>(request.timeout.count()));
    option(CURLOPT_CONNECTTIMEOUT_MS,
           static_cast<long>(std::min<std::int64_t>(request.timeout.count(), 10000)));
    option(CURLOPT_NOSIGNAL, 1L);  // required for multi-threaded use
    option(CURLOPT_WRITEFUNCTION, OnBody);
    option(CURLOPT_WRITEDATA, static_cast<void*>(&transfer));
    option(CURLOPT_HEADERFUNCTION, OnHeader);
    option(CURLOPT_HEADERDATA, static_cast<void*>(&transfer));
    option(CURLOPT_PROTOCOLS_STR, "http,https");
    option(CURLOPT_ACCEPT_ENCODING, "");  // gzip/deflate, decoded by curl
    if (!ca_file_.empty()) option(CURLOPT_CAINFO, ca_file_.c_str());
    if (set != CURLE_OK) {
      curl_slist_free_all(headers);
      return InvalidArgumentError(std::string("HTTP request not sent: ") + curl_easy_strerror(set));
    }

    const CURLcode rc = curl_easy_perform(curl);
    long status = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    curl_slist_free_all(headers);

    if (transfer.too_large) {
      return Status(
          StatusCode::kOutOfRange,
          "response body larger than " + std::to_string(request.max_response_bytes) + " bytes");
    }
    if (rc == CURLE_OPERATION_TIMEDOUT) {
      return DeadlineExceededError(std::string("HTTP timeout: ") + curl_easy_strerror(rc));
    }
    if (rc != CURLE_OK)
      return UnavailableError(std::string("HTTP error: ") + curl_easy_strerror(rc));
    transfer.response.status = static_cast<int>(status);
    return std::move(transfer.response);
  }

 private:
  const std::string ca_file_;
  CurlHandlePool pool_;
};

}  // namespace

std::string HttpResponse::Header(std::string_view name) const {
  const std::string wanted = Lower(name);
  for (const auto& [n, v] : headers) {
    if (n == wanted) return v;
  }
  return "";
}

std::unique_ptr<HttpClient> MakeCurlHttpClient() { return MakeCurlHttpClient(CurlClientOptions{}); }

std::unique_ptr<HttpClient> MakeCurlHttpClient(CurlClientOptions options) {
  return std::make_unique<CurlHttpClient>(std::move(options));
}

std::string UrlEncode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size() * 3);
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    }
  }
  return out;
}

}  // namespace jae
