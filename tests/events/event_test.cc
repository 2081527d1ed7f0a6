#include "events/event.h"

#include <gtest/gtest.h>

#include <string>

namespace jae::events {
namespace {

const char kObject[] =
    R"({"bucket":"sample-bucket","contentType":"image/jpeg","generation":"1587627537231057",)"
    R"("id":"sample-bucket/scans/a.jpg/1587627537231057","kind":"storage#object",)"
    R"("metageneration":"1","name":"scans/a.jpg","size":"352"})";

EventHeaders BinaryHeaders(std::string type = std::string(kStorageFinalized)) {
  return {{"Content-Type", "application/json"},
          {"ce-id", "1234567"},
          {"ce-specversion", "1.0"},
          {"ce-type", type},
          {"ce-source", "//storage.googleapis.com/projects/_/buckets/sample-bucket"},
          {"ce-subject", "objects/scans/a.jpg"},
          {"ce-time", "2020-04-23T07:38:57.230Z"}};
}

std::string Base64(std::string_view in) {
  static const char* k = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  unsigned val = 0;
  int bits = -6;
  for (unsigned char c : in) {
    val = (val << 8) + c;
    bits += 8;
    while (bits >= 0) {
      out += k[(val >> bits) & 0x3F];
      bits -= 6;
    }
  }
  if (bits > -6) out += k[((val << 8) >> (bits + 8)) & 0x3F];
  while (out.size() % 4) out += '=';
  return out;
}

std::string PushEnvelope(std::string event_type, std::string object_json,
                         std::string name = "scans/a.jpg") {
  return R"({"message":{"attributes":{"eventType":")" + event_type +
         R"(","bucketId":"b","objectId":")" + name +
         R"(","objectGeneration":"1587627537231057","payloadFormat":"JSON_API_V1"},"data":")" +
         Base64(object_json) +
         R"(","messageId":"3103425958877813","message_id":"3103425958877813",)"
         R"("publishTime":"2021-02-05T04:06:14.109Z"},"subscription":"projects/p/subscriptions/s"})";
}

TEST(ParseEvent, BinaryStorageFinalized) {
  auto e = ParseEvent(BinaryHeaders(), kObject);
  ASSERT_TRUE(e.ok()) << e.status().ToString();
  EXPECT_EQ(e->format, EventFormat::kCloudEventBinary);
  EXPECT_EQ(e->disposition, Disposition::kProcess);
  EXPECT_EQ(e->object.bucket, "sample-bucket");
  EXPECT_EQ(e->object.name, "scans/a.jpg");
  EXPECT_EQ(e->object.generation, "1587627537231057");
  EXPECT_EQ(e->object.size, 352);
  EXPECT_EQ(e->object.content_type, "image/jpeg");
  EXPECT_EQ(e->id, "1234567");
}

TEST(ParseEvent, BinaryHeaderNamesAreCaseInsensitive) {
  EventHeaders h = BinaryHeaders();
  for (auto& [k, v] : h) {
    for (auto& c : k) c = static_cast<char>(std::toupper(c));
  }
  auto e = ParseEvent(h, kObject);
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->disposition, Disposition::kProcess);
}

TEST(ParseEvent, BinaryFallsBackOnSubjectAndSource) {
  auto h = BinaryHeaders();
  h[5].second = "objects/scans/%C3%A9%20t.jpg";
  auto e = ParseEvent(h, R"({"generation":12,"size":5})");
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->disposition, Disposition::kProcess);
  EXPECT_EQ(e->object.bucket, "sample-bucket");
  EXPECT_EQ(e->object.name, "scans/\xC3\xA9 t.jpg");
  EXPECT_EQ(e->object.generation, "12");  // JSON numbers accepted too
  EXPECT_EQ(e->object.size, 5);
}

TEST(ParseEvent, StructuredStorageFinalized) {
  std::string body =
      R"({"specversion":"1.0","id":"9","source":"//storage.googleapis.com/projects/_/buckets/sample-bucket",)"
      R"("type":"google.cloud.storage.object.v1.finalized","datacontenttype":"application/json",)"
      R"("subject":"objects/scans/a.jpg","data":)" +
      std::string(kObject) + "}";
  auto e = ParseEvent({{"content-type", "application/cloudevents+json; charset=UTF-8"}}, body);
  ASSERT_TRUE(e.ok()) << e.status().ToString();
  EXPECT_EQ(e->format, EventFormat::kCloudEventStructured);
  EXPECT_EQ(e->disposition, Disposition::kProcess);
  EXPECT_EQ(e->object.name, "scans/a.jpg");
  EXPECT_EQ(e->object.generation, "1587627537231057");
}

TEST(ParseEvent, StructuredWithDataBase64) {
  std::string body =
      R"({"specversion":"1.0","id":"9","source":"s","type":"google.cloud.storage.object.v1.finalized",)"
      R"("datacontenttype":"application/json","data_base64":")" +
      Base64(kObject) + R"("})";
  auto e = ParseEvent({{"Content-Type", "application/cloudevents+json"}}, body);
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->disposition, Disposition::kProcess);
  EXPECT_EQ(e->object.bucket, "sample-bucket");
}

TEST(ParseEvent, EventarcPubSubMessagePublished) {
  auto h = BinaryHeaders(std::string(kPubSubPublished));
  h[4].second = "//pubsub.googleapis.com/projects/p/topics/t";
  auto e = ParseEvent(h, PushEnvelope("OBJECT_FINALIZE", kObject));
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->disposition, Disposition::kProcess) << e->reason;
  EXPECT_EQ(e->object.bucket, "b");  // attributes win over the payload
  EXPECT_EQ(e->object.name, "scans/a.jpg");
  EXPECT_EQ(e->object.size, 352);
}

TEST(ParseEvent, PlainPubSubPush) {
  auto e =
      ParseEvent({{"Content-Type", "application/json"}}, PushEnvelope("OBJECT_FINALIZE", kObject));
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->format, EventFormat::kPubSubPush);
  EXPECT_EQ(e->disposition, Disposition::kProcess);
  EXPECT_EQ(e->object.generation, "1587627537231057");
  EXPECT_EQ(e->id, "3103425958877813");
}

TEST(ParseEvent, PubSubPushWithoutPayload) {
  std::string body =
      R"({"message":{"attributes":{"eventType":"OBJECT_FINALIZE","bucketId":"b",)"
      R"("objectId":"x.png","objectGeneration":"7","payloadFormat":"NONE"},"messageId":"1"}})";
  auto e = ParseEvent({}, body);
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->disposition, Disposition::kProcess);
  EXPECT_FALSE(e->object.size.has_value());
}

TEST(ParseEvent, IgnoresOtherTypes) {
  auto e = ParseEvent(BinaryHeaders("google.cloud.storage.object.v1.deleted"), kObject);
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->disposition, Disposition::kIgnore);
  auto f = ParseEvent(BinaryHeaders("com.example.something"), "{}");
  ASSERT_TRUE(f.ok());
  EXPECT_EQ(f->disposition, Disposition::kIgnore);
  EXPECT_EQ(f->reason.find("com.example"), std::string::npos);  // attacker text not echoed
  auto g = ParseEvent({}, PushEnvelope("OBJECT_DELETE", kObject));
  ASSERT_TRUE(g.ok());
  EXPECT_EQ(g->disposition, Disposition::kIgnore);
}

TEST(ParseEvent, IgnoresResultsAndFolders) {
  auto json =
      ParseEvent({}, PushEnvelope("OBJECT_FINALIZE", R"({"size":"10"})", "scans/a.jpg.JSON"));
  ASSERT_TRUE(json.ok());
  EXPECT_EQ(json->disposition, Disposition::kIgnore);
  auto folder = ParseEvent({}, PushEnvelope("OBJECT_FINALIZE", R"({"size":"0"})", "scans/"));
  ASSERT_TRUE(folder.ok());
  EXPECT_EQ(folder->disposition, Disposition::kIgnore);
}

// Hostile input (issue 12, items 1 and 9).
std::string Nested(std::size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); }

TEST(ParseEvent, AnnouncedSizeDecidesNothing) {
  // A real 40 KB object announced as empty is read, not skipped.
  auto empty = ParseEvent({}, PushEnvelope("OBJECT_FINALIZE", R"({"size":"0"})", "a.jpg"));
  ASSERT_TRUE(empty.ok());
  EXPECT_EQ(empty->disposition, Disposition::kProcess);
  // Past int64 (used to throw std::out_of_range from std::stoll → 500): size unknown.
  for (const char* size : {"9999999999999999999", "18446744073709551615"}) {
    auto e = ParseEvent(BinaryHeaders(), std::string(R"({"size":")") + size +
                                             R"(","generation":"7","bucket":"b","name":"a.jpg"})");
    ASSERT_TRUE(e.ok()) << size;
    EXPECT_EQ(e->disposition, Disposition::kProcess) << size;
    EXPECT_FALSE(e->object.size.has_value()) << size;
  }
  auto number = ParseEvent(BinaryHeaders(), R"({"size":18446744073709551615,"name":"a.jpg"})");
  ASSERT_TRUE(number.ok());
  EXPECT_EQ(number->disposition, Disposition::kProcess);
  EXPECT_FALSE(number->object.size.has_value());
}

TEST(ParseEvent, DeeplyNestedDataIsUnusableNotACrash) {
  const std::string deep = Nested(200'000);
  // Binary mode: the body is the data.
  auto binary = ParseEvent(BinaryHeaders(), deep);
  ASSERT_TRUE(binary.ok());
  EXPECT_EQ(binary->disposition, Disposition::kUnusable);
  auto in_object = ParseEvent(BinaryHeaders(), R"({"name":"a.jpg","metadata":)" + deep + "}");
  ASSERT_TRUE(in_object.ok());
  EXPECT_EQ(in_object->disposition, Disposition::kUnusable);
  // Structured mode: data, and data as a JSON string.
  const std::string head =
      R"({"specversion":"1.0","type":"google.cloud.storage.object.v1.finalized","id":"1",)"
      R"("source":"//storage.googleapis.com/projects/_/buckets/b","subject":"objects/a.jpg",)";
  const EventHeaders structured = {{"Content-Type", "application/cloudevents+json"}};
  auto data = ParseEvent(structured, head + R"("data":)" + deep + "}");
  ASSERT_TRUE(data.ok());
  EXPECT_EQ(data->disposition, Disposition::kUnusable);
  auto stringified = ParseEvent(structured, head + R"("data":")" + deep + "\"}");
  ASSERT_TRUE(stringified.ok());
  EXPECT_EQ(stringified->disposition, Disposition::kUnusable);
  // Pub/Sub push: the envelope itself, and the base64 data inside it.
  auto push = ParseEvent({}, R"({"message":{"attributes":{},"x":)" + deep + "}}");
  ASSERT_TRUE(push.ok());
  EXPECT_EQ(push->disposition, Disposition::kUnusable);
  auto push_data = ParseEvent({}, PushEnvelope("OBJECT_FINALIZE", R"({"metadata":)" + deep + "}"));
  ASSERT_TRUE(push_data.ok());
  EXPECT_EQ(push_data->disposition, Disposition::kUnusable);
  // Depths real events use still parse.
  auto shallow =
      ParseEvent(BinaryHeaders(), R"({"name":"a.jpg","bucket":"b","metadata":)" + Nested(8) + "}");
  ASSERT_TRUE(shallow.ok());
  EXPECT_EQ(shallow->disposition, Disposition::kProcess);
}

TEST(ParseEvent, NotAnEvent) {
  EXPECT_FALSE(ParseEvent({}, "").ok());
  EXPECT_FALSE(ParseEvent({}, "hello").ok());
  EXPECT_FALSE(ParseEvent({}, "[]").ok());
  EXPECT_FALSE(ParseEvent({}, R"({"foo":1})").ok());
  EXPECT_FALSE(ParseEvent({{"content-type", "application/cloudevents+json"}}, "{").ok());
  EXPECT_FALSE(ParseEvent({{"content-type", "application/cloudevents+json"}}, R"({"a":1})").ok());
}

TEST(ParseEvent, UnusableEvents) {
  auto h = BinaryHeaders();
  auto bad_json = ParseEvent(h, "{not json");
  ASSERT_TRUE(bad_json.ok());
  EXPECT_EQ(bad_json->disposition, Disposition::kUnusable);

  auto missing_id = h;
  missing_id.erase(missing_id.begin() + 1);
  auto e = ParseEvent(missing_id, kObject);
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->disposition, Disposition::kUnusable);

  auto bad_spec = h;
  bad_spec[2].second = "0.3";
  EXPECT_EQ(ParseEvent(bad_spec, kObject)->disposition, Disposition::kUnusable);

  auto bad_escape = h;
  bad_escape[5].second = "objects/%zz";
  EXPECT_EQ(ParseEvent(bad_escape, kObject)->disposition, Disposition::kUnusable);

  auto bad_generation = ParseEvent(h, R"({"bucket":"b","name":"a.jpg","generation":"12x"})");
  EXPECT_EQ(bad_generation->disposition, Disposition::kUnusable);

  auto no_attributes = ParseEvent({}, R"({"message":{"data":"aGVsbG8="}})");
  ASSERT_TRUE(no_attributes.ok());
  EXPECT_EQ(no_attributes->disposition, Disposition::kUnusable);

  std::string bad_b64 = R"({"message":{"attributes":{"eventType":"OBJECT_FINALIZE","bucketId":"b",)"
                        R"("objectId":"x.png","objectGeneration":"7"},"data":"!!!"}})";
  EXPECT_EQ(ParseEvent({}, bad_b64)->disposition, Disposition::kUnusable);

  auto batch = ParseEvent({{"content-type", "application/cloudevents-batch+json"}}, "[]");
  EXPECT_EQ(batch->disposition, Disposition::kUnusable);
}

TEST(ParseEvent, HostileNames) {
  auto nul = ParseEvent({}, PushEnvelope("OBJECT_FINALIZE", R"({"size":"1"})", "a\\u0000b.jpg"));
  EXPECT_EQ(nul->disposition, Disposition::kUnusable);
  auto newline = ParseEvent({}, PushEnvelope("OBJECT_FINALIZE", R"({"size":"1"})", "a\\nb.jpg"));
  EXPECT_EQ(newline->disposition, Disposition::kUnusable);
  auto longname =
      ParseEvent({}, PushEnvelope("OBJECT_FINALIZE", R"({"size":"1"})", std::string(2000, 'a')));
  EXPECT_EQ(longname->disposition, Disposition::kUnusable);
  // Traversal is legal in GCS; the store refuses it when it would escape a folder.
  auto dots =
      ParseEvent({}, PushEnvelope("OBJECT_FINALIZE", R"({"size":"1"})", "../../etc/passwd"));
  EXPECT_EQ(dots->disposition, Disposition::kProcess);
  auto bad_utf8 = BinaryHeaders();
  bad_utf8[5].second = "objects/%C3";
  EXPECT_EQ(ParseEvent(bad_utf8, "")->disposition, Disposition::kUnusable);
  auto bad_bucket = ParseEvent({}, PushEnvelope("OBJECT_FINALIZE", R"({"bucket":"x"})", "a.jpg"));
  EXPECT_EQ(bad_bucket->disposition, Disposition::kProcess);  // attribute bucket "b" wins
}

TEST(DecodeHeaderValue, Rules) {
  EXPECT_EQ(DecodeHeaderValue("a%20b"), "a b");
  EXPECT_EQ(DecodeHeaderValue("%c3%a9"), "\xC3\xA9");
  EXPECT_EQ(DecodeHeaderValue("\"quoted\""), "quoted");
  EXPECT_EQ(DecodeHeaderValue("%2"), std::nullopt);
  EXPECT_EQ(DecodeHeaderValue("%"), std::nullopt);
  EXPECT_EQ(DecodeHeaderValue("%FF"), std::nullopt);
  EXPECT_EQ(DecodeHeaderValue("%252F"), "%2F");  // exactly one round
}

TEST(DecodeBase64, Rules) {
  EXPECT_EQ(DecodeBase64("aGVsbG8="), "hello");
  EXPECT_EQ(DecodeBase64("aGVsbG8"), "hello");
  EXPECT_EQ(DecodeBase64("-_8"), std::string("\xfb\xff"));
  EXPECT_EQ(DecodeBase64("a"), std::nullopt);
  EXPECT_EQ(DecodeBase64("a b"), std::nullopt);
}

TEST(IsValidUtf8, Rules) {
  EXPECT_TRUE(IsValidUtf8("plain"));
  EXPECT_TRUE(IsValidUtf8("\xC3\xA9\xF0\x9F\x98\x80"));
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));          // overlong
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));      // surrogate
  EXPECT_FALSE(IsValidUtf8("\xF4\x90\x80\x80"));  // > U+10FFFF
  EXPECT_FALSE(IsValidUtf8("\xE2\x82"));          // truncated
}

}  // namespace
}  // namespace jae::events
