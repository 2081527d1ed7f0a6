// Events that announce a new Cloud Storage object, in every shape they reach `POST /`:
//  - CloudEvents 1.0 over HTTP, binary mode (Eventarc's default) or structured mode, of
//    type google.cloud.storage.object.v1.finalized (data: the JSON-API object resource);
//  - CloudEvents of type google.cloud.pubsub.topic.v1.messagePublished (Eventarc over
//    Pub/Sub) whose data is a push envelope carrying a GCS notification;
//  - a plain Pub/Sub push envelope carrying a GCS OBJECT_FINALIZE notification.
//
// Pure parsing: no I/O, no clock, no logging; every input is hostile. The answer drives
// the sender's retries (CONTRACT.md "Event answers"):
//  - non-OK Status (InvalidArgument): not an event at all (no CloudEvent attributes, no
//    push envelope) → the server answers 400;
//  - kProcess: an object to process;
//  - kIgnore: an event not for us (other type, a `.json` result, a folder) → 2xx;
//  - kUnusable: an event whose data can never be used → 2xx, logged as an error and
//    counted, since redelivery cannot help. JSON nested deeper than a real event ever is
//    (32 levels) is unusable; it is never built in memory past that depth.
// Reasons are fixed phrases plus event types; they never contain object names.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/status.h"

namespace jae::events {

// Header names compare case-insensitively; values are raw (not yet percent-decoded).
using EventHeaders = std::vector<std::pair<std::string, std::string>>;

inline constexpr std::string_view kStorageFinalized = "google.cloud.storage.object.v1.finalized";
inline constexpr std::string_view kPubSubPublished =
    "google.cloud.pubsub.topic.v1.messagePublished";

// The object an event announces. `generation` and `size` are decimal digits when known.
struct StorageObject {
  std::string bucket;
  std::string name;
  std::string generation;  // empty when the event does not say
  // As announced, for logs only: absent when the event does not say or it is past int64.
  // No decision may rest on it (the object's bytes are the truth).
  std::optional<std::int64_t> size;
  std::string content_type;  // declared by the uploader, untrusted
};

enum class EventFormat { kCloudEventBinary, kCloudEventStructured, kPubSubPush };
enum class Disposition { kProcess, kIgnore, kUnusable };

struct Event {
  EventFormat format = EventFormat::kCloudEventBinary;
  Disposition disposition = Disposition::kUnusable;
  std::string reason;    // why ignored/unusable; empty for kProcess
  std::string type;      // CloudEvent type, or "pubsub:<eventType>" for a plain push
  std::string id;        // CloudEvent id or Pub/Sub message id (may be empty)
  StorageObject object;  // complete for kProcess; best effort otherwise
};

StatusOr<Event> ParseEvent(const EventHeaders& headers, std::string_view body);

std::string_view ToString(EventFormat format);
std::string_view ToString(Disposition disposition);

// Helpers, exposed for tests and for other callers that meet the same encodings.
// One round of CloudEvents header-value percent-decoding; nullopt for a bad escape or
// invalid UTF-8. A legacy double-quoted value is unquoted first.
std::optional<std::string> DecodeHeaderValue(std::string_view value);
// Standard or URL-safe base64, padding optional; nullopt when malformed.
std::optional<std::string> DecodeBase64(std::string_view text);
bool IsValidUtf8(std::string_view text);

}  // namespace jae::events
