// OpenStore: from a storage URI to the store behind it.
#include <openssl/evp.h>

#include <algorithm>
#include <cctype>
#include <utility>

#include "auth/token_source.h"
#include "http/http_client.h"
#include "store/gcs_store.h"
#include "store/local_store.h"
#include "store/object_name.h"
#include "store/store.h"

namespace jae {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

StatusOr<std::string> PercentDecode(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      out.push_back(text[i]);
      continue;
    }
    if (i + 2 >= text.size() || HexValue(text[i + 1]) < 0 || HexValue(text[i + 2]) < 0) {
      return InvalidArgumentError("file URI has an invalid percent escape");
    }
    out.push_back(static_cast<char>(HexValue(text[i + 1]) * 16 + HexValue(text[i + 2])));
    i += 2;
  }
  return out;
}

// "scheme" of "scheme://…" in lower case, or "" when `uri` has none.
std::string SchemeOf(std::string_view uri) {
  const auto sep = uri.find("://");
  if (sep == std::string_view::npos || sep == 0) return "";
  std::string scheme;
  for (size_t i = 0; i < sep; ++i) {
    const auto c = static_cast<unsigned char>(uri[i]);
    const bool ok =
        std::isalpha(c) || (i > 0 && (std::isdigit(c) || c == '+' || c == '-' || c == '.'));
    if (!ok) return "";
    scheme.push_back(static_cast<char>(std::tolower(c)));
  }
  return scheme;
}

StatusOr<std::string> LocalPathOf(std::string_view uri, const std::string& scheme) {
  if (scheme.empty()) return std::string(uri);
  std::string_view rest = uri.substr(scheme.size() + 3);
  if (rest.starts_with("localhost/")) rest.remove_prefix(9);
  if (!rest.starts_with("/")) {
    return InvalidArgumentError("file URIs name a local absolute path: file:///path");
  }
  if (rest.find_first_of("?#") != std::string_view::npos) {
    return InvalidArgumentError("file URIs take no query or fragment");
  }
  return PercentDecode(rest);
}

}  // namespace

std::string ResultObjectName(std::string_view source_name) {
  constexpr std::size_t kMaxName = 1024;    // Cloud Storage, in bytes
  constexpr std::size_t kMaxSegment = 255;  // a file name on Linux file systems
  constexpr std::string_view kSuffix = ".json";
  const std::size_t slash = source_name.rfind('/');
  const std::size_t base = slash == std::string_view::npos ? 0 : slash + 1;
  if (source_name.size() + kSuffix.size() <= kMaxName &&
      source_name.size() - base + kSuffix.size() <= kMaxSegment) {
    return std::string(source_name) + std::string(kSuffix);
  }
  // Too long for "<name>.json": keep as much of the name as fits, then "~" and 16 hex
  // digits of the SHA-256 of the whole name, so that two long names sharing their first
  // kilobyte still get different results.
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(source_name.data(), source_name.size(), digest, &length, EVP_sha256(), nullptr);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string tag = "~";
  for (unsigned int i = 0; i < 8 && i < length; ++i) {
    tag.push_back(kHex[digest[i] >> 4]);
    tag.push_back(kHex[digest[i] & 0xF]);
  }
  tag += kSuffix;
  std::size_t keep = std::min(source_name.size(), kMaxName - tag.size());
  keep = std::min(keep, base + (kMaxSegment - tag.size()));
  // Never cut a UTF-8 sequence: back up to the start of the character at `keep`.
  while (keep > 0 && keep < source_name.size() &&
         (static_cast<unsigned char>(source_name[keep]) & 0xC0) == 0x80) {
    --keep;
  }
  return std::string(source_name.substr(0, keep)) + tag;
}

StatusOr<std::unique_ptr<Store>> OpenStore(std::string_view uri, const StoreContext& context) {
  if (uri.empty()) return InvalidArgumentError("empty storage URI");
  if (uri.find('\0') != std::string_view::npos) {
    return InvalidArgumentError("storage URI contains NUL");
  }
  const std::string scheme = SchemeOf(uri);
  if (scheme.empty() || scheme == "file") {
    auto path = LocalPathOf(uri, scheme);
    if (!path.ok()) return path.status();
    return MakeLocalStore(*std::move(path));
  }
  if (scheme != "gs") {
    return InvalidArgumentError("unsupported storage URI scheme '" + scheme +
                                "': use gs://bucket[/prefix], file:///path or a path");
  }
  const std::string_view rest = uri.substr(5);
  const auto slash = rest.find('/');
  const std::string bucket(rest.substr(0, slash));
  std::string prefix(slash == std::string_view::npos ? "" : rest.substr(slash + 1));
  if (Status s = ValidateBucketName(bucket); !s.ok()) {
    return InvalidArgumentError("invalid gs:// URI: " + s.message());
  }

  // The token source reads the environment now and keeps nothing of it.
  const ProcessEnv process_env;
  const Env& env = context.env != nullptr ? *context.env : process_env;
  std::shared_ptr<HttpClient> http = context.http;
  if (!http) http = MakeCurlHttpClient();
  GcsStoreOptions options;
  std::shared_ptr<AccessTokenSource> tokens;
  if (auto emulator = GcsEmulatorEndpoint(env)) {
    options.endpoint = *emulator;  // emulators get no credentials, like Google's clients
  } else if (context.make_token_source) {
    auto made = context.make_token_source(env, http);
    if (!made.ok()) return made.status();
    tokens = *std::move(made);
  }
  return MakeGcsStore(bucket, std::move(prefix), std::move(http), std::move(tokens),
                      std::move(options));
}

}  // namespace jae
