// Store: where source documents are read from and results written to. Two real
// implementations: the GCS JSON API (gs://bucket[/prefix]) and a local folder.
//
// Contract for implementations:
//  - Object names are untrusted: names that would escape a local folder ("..", absolute
//    paths, NUL) or are not valid object names are refused with InvalidArgument.
//  - Write is atomic: readers see the old object or the new one, never a partial one.
//  - `if_generation_match` is a precondition: "0" means "only if absent"; a precondition
//    that does not hold gives FailedPrecondition and writes nothing.
//  - Transient failures (5xx, 429, network) are retried with backoff inside the store
//    (only where the call is idempotent); what remains is returned with a transient code.
//  - Thread-safe.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/env.h"
#include "common/status.h"

namespace jae {

class AccessTokenSource;
class HttpClient;

struct ObjectMeta {
  std::string name;        // relative to the store's root/prefix
  std::string generation;  // GCS generation; for local files, mtime in ns
  std::int64_t size = 0;
  std::string content_type;  // declared, untrusted
};

struct ListPage {
  std::vector<ObjectMeta> objects;
  std::string next_page_token;  // empty when this is the last page
};

class Store {
 public:
  virtual ~Store() = default;
  // The URI naming `name` in this store (gs://b/p/name or file:///dir/name).
  virtual std::string UriOf(std::string_view name) const = 0;
  virtual StatusOr<ObjectMeta> Stat(std::string_view name) = 0;
  // Reads the object (pinned to `generation` when given: NotFound when the object's
  // current generation differs). More than `max_bytes` gives OutOfRange without reading
  // the rest.
  virtual StatusOr<std::string> Read(std::string_view name, std::optional<std::string> generation,
                                     std::int64_t max_bytes) = 0;
  virtual StatusOr<ObjectMeta> Write(std::string_view name, std::string_view bytes,
                                     std::string_view content_type,
                                     std::optional<std::string> if_generation_match) = 0;
  // Objects whose names start with `prefix` (recursively, in name order), one page at a
  // time; pass the previous page's `next_page_token` to continue.
  virtual StatusOr<ListPage> List(std::string_view prefix, std::string_view page_token) = 0;
  virtual Status Delete(std::string_view name, std::optional<std::string> if_generation_match) = 0;
};

// Opens gs://bucket[/prefix], file:///path or a plain path, with the process
// environment, libcurl, and Application Default Credentials (auth/default_credentials.h)
// for gs:// unless STORAGE_EMULATOR_HOST / CLOUD_STORAGE_EMULATOR_ENDPOINT is set.
// Anything else (another scheme, an invalid bucket name, an empty URI) is InvalidArgument.
StatusOr<std::unique_ptr<Store>> OpenStore(std::string_view uri);

// What OpenStore needs from the outside world, injectable so tests never need real
// credentials. Unset members take the defaults above, except `make_token_source`: when
// it is empty and no emulator is configured, requests to GCS carry no credentials.
struct StoreContext {
  const Env* env = nullptr;          // default: the process environment; read during the call
  std::shared_ptr<HttpClient> http;  // default: libcurl; shared by the store and its tokens
  std::function<StatusOr<std::unique_ptr<AccessTokenSource>>(const Env&,
                                                             std::shared_ptr<HttpClient>)>
      make_token_source;
};
StatusOr<std::unique_ptr<Store>> OpenStore(std::string_view uri, const StoreContext& context);

// The name of the result of source object `source_name`: "scans/a.jpg" → "scans/a.jpg.json"
// (CONTRACT.md "Storage URIs"). When that would not fit — over 1024 bytes (Cloud
// Storage's limit) or a last segment over 255 bytes (a local file name) — the name is
// cut (never inside a UTF-8 character) and "~<16 hex digits of SHA-256(name)>.json"
// appended, so every valid source name has a valid, distinct result name.
std::string ResultObjectName(std::string_view source_name);

}  // namespace jae
