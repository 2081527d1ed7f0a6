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
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace jae {

struct ObjectMeta {
  std::string name;           // relative to the store's root/prefix
  std::string generation;     // GCS generation; for local files, mtime in ns
  std::int64_t size = 0;
  std::string content_type;   // declared, untrusted
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
  // Reads the object (pinned to `generation` when given). More than `max_bytes` gives
  // OutOfRange without reading the rest.
  virtual StatusOr<std::string> Read(std::string_view name, std::optional<std::string> generation,
                                     std::int64_t max_bytes) = 0;
  virtual StatusOr<ObjectMeta> Write(std::string_view name, std::string_view bytes,
                                     std::string_view content_type,
                                     std::optional<std::string> if_generation_match) = 0;
  virtual StatusOr<ListPage> List(std::string_view prefix, std::string_view page_token) = 0;
  virtual Status Delete(std::string_view name, std::optional<std::string> if_generation_match) = 0;
};

// Opens gs://bucket[/prefix], file:///path or a plain path.
StatusOr<std::unique_ptr<Store>> OpenStore(std::string_view uri);

}  // namespace jae
