#include "events/event.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <limits>
#include <nlohmann/json.hpp>

namespace jae::events {
namespace {

using nlohmann::json;

// GCS limits names to 1024 bytes of UTF-8; anything longer cannot be a real object.
constexpr std::size_t kMaxObjectNameBytes = 1024;
constexpr std::size_t kMaxBucketNameBytes = 222;
// Real events nest 4 levels at most (push envelope → message → data → metadata map).
// Why a bound: nlohmann parses iteratively, but copying and comparing values recurse, so
// a body nested ~200,000 levels deep overflowed the stack (issue 12, item 1).
constexpr int kMaxJsonDepth = 32;

// JSON text parsed with nesting bounded by kMaxJsonDepth. Containers deeper than that are
// dropped while parsing (never built), and `too_deep` says the value is incomplete.
struct BoundedJson {
  json value;  // discarded when not JSON
  bool too_deep = false;
};

BoundedJson ParseBoundedJson(std::string_view text) {
  BoundedJson out;
  json::parser_callback_t keep_shallow = [&out](int depth, json::parse_event_t event, json&) {
    if ((event == json::parse_event_t::object_start || event == json::parse_event_t::array_start) &&
        depth >= kMaxJsonDepth) {
      out.too_deep = true;
      return false;
    }
    return true;
  };
  out.value = json::parse(text, keep_shallow, /*allow_exceptions=*/false);
  return out;
}

char Lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                            [](char x, char y) { return Lower(x) == Lower(y); });
}

bool StartsWithIgnoreCase(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && EqualsIgnoreCase(text.substr(0, prefix.size()), prefix);
}

bool EndsWithIgnoreCase(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() &&
         EqualsIgnoreCase(text.substr(text.size() - suffix.size()), suffix);
}

const std::string* FindHeader(const EventHeaders& headers, std::string_view name) {
  for (const auto& [key, value] : headers) {
    if (EqualsIgnoreCase(key, name)) return &value;
  }
  return nullptr;
}

bool AllDigits(std::string_view s) {
  return !s.empty() && s.size() <= 19 &&
         std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// A JSON string or a non-negative JSON integer as decimal digits (GCS writes int64 as
// strings in the JSON API, some samples as numbers). nullopt for anything else.
std::optional<std::string> DigitsField(const json& object, const char* key) {
  const auto it = object.find(key);
  if (it == object.end() || it->is_null()) return std::string();
  if (it->is_string()) {
    const auto& s = it->get_ref<const std::string&>();
    if (s.empty()) return std::string();
    if (!AllDigits(s)) return std::nullopt;
    return s;
  }
  if (it->is_number_unsigned()) return std::to_string(it->get<std::uint64_t>());
  if (it->is_number_integer() && it->get<std::int64_t>() >= 0) {
    return std::to_string(it->get<std::int64_t>());
  }
  return std::nullopt;
}

// The announced object size when it is a non-negative int64, as a string of digits or a
// number; nullopt for anything else (it is never a reason to refuse an event).
std::optional<std::int64_t> SizeField(const json& object) {
  const auto it = object.find("size");
  if (it == object.end()) return std::nullopt;
  if (it->is_number_integer() && !it->is_number_unsigned()) {
    const auto value = it->get<std::int64_t>();
    return value >= 0 ? std::optional(value) : std::nullopt;
  }
  if (it->is_number_unsigned()) {
    const auto value = it->get<std::uint64_t>();
    if (value > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
      return std::nullopt;
    return static_cast<std::int64_t>(value);
  }
  if (!it->is_string()) return std::nullopt;
  const auto& text = it->get_ref<const std::string&>();
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < 0) return std::nullopt;
  return value;
}

std::string StringField(const json& object, const char* key) {
  const auto it = object.find(key);
  if (it == object.end() || !it->is_string()) return {};
  return it->get<std::string>();
}

const json* ObjectField(const json& object, const char* key) {
  const auto it = object.find(key);
  if (it == object.end() || !it->is_object()) return nullptr;
  return &*it;
}

Event Unusable(Event event, std::string reason) {
  event.disposition = Disposition::kUnusable;
  event.reason = std::move(reason);
  return event;
}

Event Ignore(Event event, std::string reason) {
  event.disposition = Disposition::kIgnore;
  event.reason = std::move(reason);
  return event;
}

// Reads the JSON-API object resource fields into `object`, keeping what is already set
// (attributes win over the payload for Pub/Sub, the payload wins for CloudEvents: the
// caller orders the calls). Returns an error phrase for malformed numbers.
std::optional<std::string> ReadObjectResource(const json& resource, StorageObject& object) {
  if (object.bucket.empty()) object.bucket = StringField(resource, "bucket");
  if (object.name.empty()) object.name = StringField(resource, "name");
  if (object.content_type.empty()) object.content_type = StringField(resource, "contentType");
  const auto generation = DigitsField(resource, "generation");
  if (!generation) return "object generation is not a number";
  if (object.generation.empty()) object.generation = *generation;
  // Informational only (the object's bytes decide): malformed or past int64 → unknown.
  if (!object.size) object.size = SizeField(resource);
  return std::nullopt;
}

// The checks every announced object goes through, whatever the envelope.
Event Classify(Event event) {
  const StorageObject& o = event.object;
  if (o.bucket.empty()) return Unusable(std::move(event), "event names no bucket");
  if (o.name.empty()) return Unusable(std::move(event), "event names no object");
  if (o.bucket.size() > kMaxBucketNameBytes || !IsValidUtf8(o.bucket) ||
      o.bucket.find_first_of(std::string_view("/\0\r\n", 4)) != std::string::npos) {
    return Unusable(std::move(event), "bucket name is not valid");
  }
  if (o.name.size() > kMaxObjectNameBytes || !IsValidUtf8(o.name) ||
      o.name.find_first_of(std::string_view("\0\r\n", 3)) != std::string::npos) {
    return Unusable(std::move(event), "object name is not valid");
  }
  if (!o.generation.empty() && !AllDigits(o.generation)) {
    return Unusable(std::move(event), "object generation is not a number");
  }
  if (o.name.back() == '/') return Ignore(std::move(event), "folder placeholder object");
  // No decision rests on the announced size: the event's metadata is not the object's
  // truth (a "size":"0" on a real 40 KB object used to skip it unread; issue 12, item 9).
  if (EndsWithIgnoreCase(o.name, ".json")) return Ignore(std::move(event), "result object (.json)");
  event.disposition = Disposition::kProcess;
  event.reason.clear();
  return event;
}

// A Pub/Sub push `message` carrying a Cloud Storage notification.
Event FromPushMessage(Event event, const json& message) {
  if (event.id.empty()) {
    event.id = StringField(message, "messageId");
    if (event.id.empty()) event.id = StringField(message, "message_id");
  }
  const json* attributes = ObjectField(message, "attributes");
  if (attributes == nullptr) {
    return Unusable(std::move(event), "Pub/Sub message has no attributes (not a GCS notification)");
  }
  const std::string event_type = StringField(*attributes, "eventType");
  if (event.format == EventFormat::kPubSubPush) event.type = "pubsub:" + event_type;
  if (event_type.empty()) {
    return Unusable(std::move(event), "Pub/Sub message is not a Cloud Storage notification");
  }
  if (event_type != "OBJECT_FINALIZE") {
    // Only a fixed vocabulary goes into logs; anything else is summarised.
    static constexpr std::string_view kKnown[] = {"OBJECT_METADATA_UPDATE", "OBJECT_DELETE",
                                                  "OBJECT_ARCHIVE"};
    const bool known =
        std::find(std::begin(kKnown), std::end(kKnown), event_type) != std::end(kKnown);
    return Ignore(
        std::move(event),
        "notification type " + (known ? event_type : std::string("(unknown)")) + " ignored");
  }
  StorageObject& object = event.object;
  object.bucket = StringField(*attributes, "bucketId");
  object.name = StringField(*attributes, "objectId");
  const auto generation = DigitsField(*attributes, "objectGeneration");
  if (!generation) return Unusable(std::move(event), "objectGeneration is not a number");
  object.generation = *generation;

  const auto data = message.find("data");
  if (data != message.end() && data->is_string() && !data->get_ref<const std::string&>().empty()) {
    const std::string payload_format = StringField(*attributes, "payloadFormat");
    const auto decoded = DecodeBase64(data->get_ref<const std::string&>());
    if (!decoded) return Unusable(std::move(event), "Pub/Sub message data is not base64");
    if (payload_format.empty() || payload_format == "JSON_API_V1") {
      const BoundedJson parsed = ParseBoundedJson(*decoded);
      if (parsed.too_deep)
        return Unusable(std::move(event), "Pub/Sub message data nests too deeply");
      const json& resource = parsed.value;
      if (resource.is_object()) {
        if (auto error = ReadObjectResource(resource, object)) {
          return Unusable(std::move(event), *error);
        }
      } else if (object.name.empty()) {
        return Unusable(std::move(event), "Pub/Sub message data is not an object resource");
      }
    }
  }
  return Classify(std::move(event));
}

// CloudEvent data for a storage finalized event (object resource) or a Pub/Sub message
// (push envelope); `data` is null when the event carried none.
Event FromCloudEventData(Event event, const json& data, std::string_view subject,
                         std::string_view source, std::string_view bucket_extension) {
  if (event.type == kStorageFinalized) {
    if (data.is_object()) {
      if (auto error = ReadObjectResource(data, event.object)) {
        return Unusable(std::move(event), *error);
      }
    } else if (!data.is_null()) {
      return Unusable(std::move(event), "storage event data is not a JSON object");
    }
    // Fall back on the attributes when the data lacks the names.
    if (event.object.bucket.empty()) event.object.bucket = std::string(bucket_extension);
    constexpr std::string_view kBuckets = "//storage.googleapis.com/projects/_/buckets/";
    if (event.object.bucket.empty() && source.substr(0, kBuckets.size()) == kBuckets) {
      event.object.bucket = std::string(source.substr(kBuckets.size()));
    }
    if (event.object.name.empty() && subject.substr(0, 8) == "objects/") {
      event.object.name = std::string(subject.substr(8));
    }
    return Classify(std::move(event));
  }
  if (event.type == kPubSubPublished) {
    if (!data.is_object()) return Unusable(std::move(event), "Pub/Sub event data is not an object");
    const json* message = ObjectField(data, "message");
    if (message == nullptr) return Unusable(std::move(event), "Pub/Sub event has no message");
    return FromPushMessage(std::move(event), *message);
  }
  if (StartsWithIgnoreCase(event.type, "google.cloud.storage.object.v1.")) {
    return Ignore(std::move(event), "event type " + event.type + " ignored");
  }
  // Unknown types are summarised: their names are attacker-chosen text.
  return Ignore(std::move(event), "event type not handled");
}

// Parses a data payload by its declared content type: JSON for json types (and when
// absent), otherwise it cannot be an object resource (null).
json ParseData(std::string_view content_type, std::string_view bytes, bool* unusable) {
  *unusable = false;
  if (bytes.empty()) return json();
  const std::string_view media = content_type.substr(0, content_type.find(';'));
  const bool is_json = media.empty() || EndsWithIgnoreCase(media, "/json") ||
                       EndsWithIgnoreCase(media, "+json") || EqualsIgnoreCase(media, "text/json");
  if (!is_json) {
    *unusable = true;
    return json();
  }
  BoundedJson parsed = ParseBoundedJson(bytes);
  if (parsed.value.is_discarded() || parsed.too_deep) {
    *unusable = true;
    return json();
  }
  return std::move(parsed.value);
}

StatusOr<Event> ParseBinary(const EventHeaders& headers, std::string_view body) {
  Event event;
  event.format = EventFormat::kCloudEventBinary;
  auto attribute = [&](std::string_view name) -> std::optional<std::string> {
    const std::string* raw = FindHeader(headers, std::string("ce-") + std::string(name));
    if (raw == nullptr) return std::string();
    return DecodeHeaderValue(*raw);
  };
  const auto specversion = attribute("specversion");
  const auto type = attribute("type");
  const auto id = attribute("id");
  const auto source = attribute("source");
  const auto subject = attribute("subject");
  const auto bucket = attribute("bucket");
  if (!specversion || !type || !id || !source || !subject || !bucket) {
    return Unusable(std::move(event), "CloudEvent header value is not valid percent-encoded UTF-8");
  }
  event.type = *type;
  event.id = *id;
  if (specversion->empty() || type->empty() || id->empty() || source->empty()) {
    return Unusable(std::move(event), "CloudEvent lacks a required attribute");
  }
  if (*specversion != "1.0") return Unusable(std::move(event), "CloudEvent specversion is not 1.0");
  const std::string* content_type = FindHeader(headers, "content-type");
  bool unusable = false;
  const json data = ParseData(content_type ? *content_type : "", body, &unusable);
  if (unusable && (event.type == kStorageFinalized || event.type == kPubSubPublished)) {
    return Unusable(std::move(event), "CloudEvent data is not JSON (or nests too deeply)");
  }
  return FromCloudEventData(std::move(event), data, *subject, *source, *bucket);
}

StatusOr<Event> ParseStructured(std::string_view body) {
  const BoundedJson parsed = ParseBoundedJson(body);
  const json& envelope = parsed.value;
  if (!envelope.is_object()) {
    return InvalidArgumentError("structured CloudEvent body is not a JSON object");
  }
  Event event;
  event.format = EventFormat::kCloudEventStructured;
  const std::string specversion = StringField(envelope, "specversion");
  event.type = StringField(envelope, "type");
  event.id = StringField(envelope, "id");
  const std::string source = StringField(envelope, "source");
  if (specversion.empty() && event.type.empty()) {
    return InvalidArgumentError("structured CloudEvent has no attributes");
  }
  if (specversion.empty() || event.type.empty() || event.id.empty() || source.empty()) {
    return Unusable(std::move(event), "CloudEvent lacks a required attribute");
  }
  if (specversion != "1.0") return Unusable(std::move(event), "CloudEvent specversion is not 1.0");
  // The attributes are shallow and were kept; something deeper was dropped, so the data
  // is incomplete and can never be used.
  if (parsed.too_deep) return Unusable(std::move(event), "CloudEvent nests too deeply");
  json data;
  if (const auto it = envelope.find("data_base64"); it != envelope.end()) {
    const auto decoded =
        it->is_string() ? DecodeBase64(it->get_ref<const std::string&>()) : std::nullopt;
    if (!decoded) return Unusable(std::move(event), "CloudEvent data_base64 is not base64");
    bool unusable = false;
    data = ParseData(StringField(envelope, "datacontenttype"), *decoded, &unusable);
    if (unusable) data = json();
  } else if (const auto d = envelope.find("data"); d != envelope.end()) {
    data = *d;
    // A JSON string holding JSON text (some emitters stringify the data).
    if (data.is_string()) {
      BoundedJson inner = ParseBoundedJson(data.get_ref<const std::string&>());
      if (inner.too_deep) return Unusable(std::move(event), "CloudEvent data nests too deeply");
      if (inner.value.is_object()) data = std::move(inner.value);
    }
  }
  return FromCloudEventData(std::move(event), data, StringField(envelope, "subject"), source,
                            StringField(envelope, "bucket"));
}

StatusOr<Event> ParsePushEnvelope(std::string_view body) {
  const BoundedJson parsed = ParseBoundedJson(body);
  const json& envelope = parsed.value;
  if (!envelope.is_object())
    return InvalidArgumentError("body is not a CloudEvent or push envelope");
  const json* message = ObjectField(envelope, "message");
  if (message == nullptr) return InvalidArgumentError("body is not a CloudEvent or push envelope");
  Event event;
  event.format = EventFormat::kPubSubPush;
  event.type = "pubsub:";
  if (parsed.too_deep) return Unusable(std::move(event), "push envelope nests too deeply");
  return FromPushMessage(std::move(event), *message);
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

StatusOr<Event> ParseEvent(const EventHeaders& headers, std::string_view body) {
  const std::string* content_type = FindHeader(headers, "content-type");
  const std::string_view media = content_type ? std::string_view(*content_type) : "";
  if (StartsWithIgnoreCase(media, "application/cloudevents-batch")) {
    Event event;
    event.format = EventFormat::kCloudEventStructured;
    return Unusable(std::move(event), "batched CloudEvents are not accepted");
  }
  if (StartsWithIgnoreCase(media, "application/cloudevents")) return ParseStructured(body);
  if (FindHeader(headers, "ce-specversion") != nullptr ||
      FindHeader(headers, "ce-type") != nullptr || FindHeader(headers, "ce-id") != nullptr) {
    return ParseBinary(headers, body);
  }
  return ParsePushEnvelope(body);
}

std::string_view ToString(EventFormat format) {
  switch (format) {
    case EventFormat::kCloudEventBinary:
      return "cloudevent-binary";
    case EventFormat::kCloudEventStructured:
      return "cloudevent-structured";
    case EventFormat::kPubSubPush:
      return "pubsub-push";
  }
  return "unknown";
}

std::string_view ToString(Disposition disposition) {
  switch (disposition) {
    case Disposition::kProcess:
      return "process";
    case Disposition::kIgnore:
      return "ignore";
    case Disposition::kUnusable:
      return "unusable";
  }
  return "unknown";
}

std::optional<std::string> DecodeHeaderValue(std::string_view value) {
  if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
    value = value.substr(1, value.size() - 2);
  }
  std::string out;
  out.reserve(value.size());
  for (std::size_t i = 0; i < value.size(); ++i) {
    if (value[i] != '%') {
      out += value[i];
      continue;
    }
    if (i + 2 >= value.size()) return std::nullopt;
    const int hi = HexValue(value[i + 1]);
    const int lo = HexValue(value[i + 2]);
    if (hi < 0 || lo < 0) return std::nullopt;
    out += static_cast<char>(hi * 16 + lo);
    i += 2;
  }
  if (!IsValidUtf8(out)) return std::nullopt;
  return out;
}

std::optional<std::string> DecodeBase64(std::string_view text) {
  auto value = [](char c) -> int {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+' || c == '-') return 62;
    if (c == '/' || c == '_') return 63;
    return -1;
  };
  while (!text.empty() && text.back() == '=') text.remove_suffix(1);
  if (text.size() % 4 == 1) return std::nullopt;
  std::string out;
  out.reserve(text.size() * 3 / 4);
  std::uint32_t buffer = 0;
  int bits = 0;
  for (char c : text) {
    const int v = value(c);
    if (v < 0) return std::nullopt;
    buffer = (buffer << 6) | static_cast<std::uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((buffer >> bits) & 0xFF);
    }
  }
  return out;
}

bool IsValidUtf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    int extra = 0;
    std::uint32_t cp = 0;
    if (c < 0x80) {
      ++i;
      continue;
    } else if ((c & 0xE0) == 0xC0) {
      extra = 1;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      extra = 2;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      extra = 3;
      cp = c & 0x07;
    } else {
      return false;
    }
    if (i + static_cast<std::size_t>(extra) >= text.size()) return false;
    for (int k = 1; k <= extra; ++k) {
      const auto cc = static_cast<unsigned char>(text[i + k]);
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
    if ((extra == 1 && cp < 0x80) || (extra == 2 && cp < 0x800) || (extra == 3 && cp < 0x10000) ||
        cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      return false;
    }
    i += static_cast<std::size_t>(extra) + 1;
  }
  return true;
}

}  // namespace jae::events
