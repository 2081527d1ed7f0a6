#include "engine/gemini/gemini_response.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "engine/gemini/gemini_errors.h"
#include "engine/gemini/gemini_request.h"

namespace jae::gemini {
namespace {

using nlohmann::json;

json GoodOutput() {
  return json{{"document_type", "id_card"},
              {"side", "back"},
              {"issuing_country", "FRA"},
              {"fields",
               {{"surname", "MARTIN"},
                {"given_names", "MAËLYS GAELLE MARIE"},
                {"birth_date", "1990-07-13"},
                {"address", nullptr},
                {"ranking", "  "}}},
              {"mrz_lines",
               {"IDFRAX4RTBPFW46<<<<<<<<<<<<<<<", "9007138F3002119FRA<<<<<<<<<<< 6",
                "MARTIN<<MAELYS<GAELLE<MARIE<<<"}}};
}

std::string Envelope(const std::string& text, const std::string& finish = "STOP") {
  return json{{"candidates",
               {{{"content", {{"role", "model"}, {"parts", {{{"text", text}}}}}},
                 {"finishReason", finish},
                 {"index", 0}}}},
              {"usageMetadata",
               {{"promptTokenCount", 612},
                {"candidatesTokenCount", 140},
                {"thoughtsTokenCount", 20},
                {"totalTokenCount", 772}}},
              {"modelVersion", "gemini-3.8-flash-001"},
              {"responseId", "abc"}}
      .dump();
}

TEST(ModelOutputTest, ReadsEveryPart) {
  auto e = ParseModelOutput(GoodOutput().dump());
  ASSERT_TRUE(e.ok()) << e.status().ToString();
  EXPECT_EQ(e->type, DocumentType::kIdCard);
  EXPECT_EQ(e->side, DocumentSide::kBack);
  EXPECT_EQ(e->issuing_country, "FRA");
  ASSERT_EQ(e->fields.size(), 3u);  // null and blank values are absent
  EXPECT_EQ(e->fields.at(FieldName::kGivenNames).value, "MAËLYS GAELLE MARIE");
  EXPECT_EQ(e->fields.at(FieldName::kSurname).source, FieldSource::kModel);
  ASSERT_EQ(e->mrz_lines.size(), 3u);
  EXPECT_EQ(e->mrz_lines[1], "9007138F3002119FRA<<<<<<<<<<<6");  // stray space removed
}

TEST(ModelOutputTest, SchemaViolationsAreInvalid) {
  auto with = [](const std::function<void(json&)>& edit) {
    json j = GoodOutput();
    edit(j);
    return ParseModelOutput(j.dump()).status().code();
  };
  EXPECT_EQ(ParseModelOutput("not json").status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(ParseModelOutput("[1]").status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(ParseModelOutput(R"({"document_type":"id_card")").status().code(),
            StatusCode::kInvalidArgument);  // truncated
  EXPECT_EQ(with([](json& j) { j["document_type"] = "library_card"; }),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(with([](json& j) { j.erase("document_type"); }), StatusCode::kInvalidArgument);
  EXPECT_EQ(with([](json& j) { j["side"] = "top"; }), StatusCode::kInvalidArgument);
  EXPECT_EQ(with([](json& j) { j["fields"] = "MARTIN"; }), StatusCode::kInvalidArgument);
  EXPECT_EQ(with([](json& j) { j["fields"]["surname"] = 42; }), StatusCode::kInvalidArgument);
  EXPECT_EQ(with([](json& j) { j["fields"]["surname"] = std::string(600, 'A'); }),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(with([](json& j) { j.erase("mrz_lines"); }), StatusCode::kInvalidArgument);
  EXPECT_EQ(with([](json& j) { j["mrz_lines"] = {1, 2}; }), StatusCode::kInvalidArgument);
  EXPECT_EQ(with([](json& j) { j["mrz_lines"] = json::array({std::string(100, '<')}); }),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(with([](json& j) { j["issuing_country"] = json::object(); }),
            StatusCode::kInvalidArgument);
  // Unknown keys are ignored; a missing side is allowed.
  EXPECT_EQ(with([](json& j) {
              j["extra"] = 1;
              j.erase("side");
            }),
            StatusCode::kOk);
}

TEST(EnvelopeTest, ExtractionWithUsage) {
  auto r = ParseGenerateContentResponse(Envelope(GoodOutput().dump()));
  ASSERT_EQ(r.kind, ParsedResponse::Kind::kExtraction) << r.reason;
  EXPECT_EQ(r.usage.input_tokens, 612);
  EXPECT_EQ(r.usage.output_tokens, 160);
  EXPECT_EQ(r.usage.model_version, "gemini-3.8-flash-001");
}

TEST(EnvelopeTest, TextSplitAcrossPartsAndThoughtsSkipped) {
  const std::string text = GoodOutput().dump();
  json body = {{"candidates",
                {{{"content",
                   {{"parts",
                     {{{"text", "thinking about {"}, {"thought", true}},
                      {{"text", text.substr(0, 10)}},
                      {{"text", text.substr(10)}}}}}},
                  {"finishReason", "STOP"}}}}};
  EXPECT_EQ(ParseGenerateContentResponse(body.dump()).kind, ParsedResponse::Kind::kExtraction);
}

TEST(EnvelopeTest, Refusals) {
  for (const char* reason : {"SAFETY", "SPII", "RECITATION", "OTHER"}) {
    auto r = ParseGenerateContentResponse(Envelope(GoodOutput().dump(), reason));
    EXPECT_EQ(r.kind, ParsedResponse::Kind::kRefused) << reason;
    EXPECT_NE(r.reason.find(reason), std::string::npos);
  }
  auto blocked = ParseGenerateContentResponse(
      R"({"promptFeedback":{"blockReason":"PROHIBITED_CONTENT"},"usageMetadata":{"promptTokenCount":9}})");
  EXPECT_EQ(blocked.kind, ParsedResponse::Kind::kRefused);
  EXPECT_NE(blocked.reason.find("PROHIBITED_CONTENT"), std::string::npos);
  EXPECT_EQ(blocked.usage.input_tokens, 9);
  // Issue 12 item 8: no candidate without a block reason is transient, not a refusal.
  EXPECT_EQ(ParseGenerateContentResponse(R"({"candidates":[]})").kind,
            ParsedResponse::Kind::kBadEnvelope);
  EXPECT_EQ(ParseGenerateContentResponse("{}").kind, ParsedResponse::Kind::kBadEnvelope);
  // MAX_TOKENS is the configuration's limit, not the document's fault.
  EXPECT_EQ(ParseGenerateContentResponse(Envelope(GoodOutput().dump(), "MAX_TOKENS")).kind,
            ParsedResponse::Kind::kOutputLimit);
  // A finish reason that is not an API enum name is not quoted.
  auto odd = ParseGenerateContentResponse(Envelope("{}", "MARTIN Maëlys"));
  EXPECT_EQ(odd.reason.find("MARTIN"), std::string::npos);
}

TEST(EnvelopeTest, InvalidOutputNeverQuotesTheModel) {
  auto r = ParseGenerateContentResponse(Envelope("MARTIN MAELYS born 1990"));
  EXPECT_EQ(r.kind, ParsedResponse::Kind::kInvalidOutput);
  EXPECT_EQ(r.reason.find("MARTIN"), std::string::npos);
  EXPECT_EQ(ParseGenerateContentResponse(Envelope("")).kind, ParsedResponse::Kind::kInvalidOutput);
}

TEST(EnvelopeTest, NotAnEnvelope) {
  EXPECT_EQ(ParseGenerateContentResponse("<html>proxy</html>").kind,
            ParsedResponse::Kind::kBadEnvelope);
}

TEST(RetryHintTest, RetryAfterSecondsAndDates) {
  const auto now = std::chrono::system_clock::from_time_t(1445412480);  // 2015-10-21 07:28:00
  EXPECT_EQ(ParseRetryAfter("7", now).count(), 7000);
  EXPECT_EQ(ParseRetryAfter(" 0 ", now).count(), 0);
  EXPECT_EQ(ParseRetryAfter("Wed, 21 Oct 2015 07:28:30 GMT", now).count(), 30000);
  EXPECT_EQ(ParseRetryAfter("Wed, 21 Oct 2015 07:27:00 GMT", now).count(), 0);  // past
  EXPECT_EQ(ParseRetryAfter("soon", now).count(), 0);
  EXPECT_EQ(ParseRetryAfter("999999999", now).count(), 3600 * 1000);  // capped
}

TEST(RetryHintTest, RetryInfoDelay) {
  const std::string body = R"({"error":{"code":429,"status":"RESOURCE_EXHAUSTED","message":"q",
    "details":[{"@type":"type.googleapis.com/google.rpc.QuotaFailure"},
               {"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"1.5s"}]}})";
  EXPECT_EQ(ParseRetryInfoDelay(body).count(), 1500);
  EXPECT_EQ(ParseRetryInfoDelay(R"({"error":{"details":[{"@type":"x.RetryInfo"}]}})").count(), 0);
  EXPECT_EQ(ParseRetryInfoDelay("nope").count(), 0);
  EXPECT_EQ(
      ParseRetryInfoDelay(
          R"({"error":{"details":[{"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"22"}]}})")
          .count(),
      0);
}

TEST(HttpErrorTest, ApiMessagesNeverEchoLongValues) {
  GeminiConfig config;
  HttpResponse response;
  response.status = 400;
  const std::string data(200, 'A');
  response.body = json{{"error",
                        {{"code", 400},
                         {"status", "INVALID_ARGUMENT"},
                         {"message", "Base64 decoding failed for \"" + data + "\" at x"}}}}
                      .dump();
  const Status s = HttpErrorStatus(config, response);
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(s.message().find(std::string(41, 'A')), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("Base64 decoding failed for \"[...]\" at x"), std::string::npos)
      << s.message();
}

TEST(RequestTest, SerializedTextIsTheSameRequest) {
  GeminiConfig config;
  ApplyDefaultThinking(config);
  NormalizedImage image;
  image.bytes = std::string(1000, '\xff');
  image.mime_type = "image/png";
  EXPECT_EQ(json::parse(SerializeGenerateContentRequest(config, image)),
            BuildGenerateContentRequest(config, image));
}

TEST(RequestTest, TemperatureAndThinkingFollowTheModelFamily) {
  NormalizedImage image{"\xff\xd8\xff\xe0", "image/jpeg", 10, 10, "image/jpeg", 10, 10};
  GeminiConfig old;
  old.model = "gemini-2.5-flash";
  ApplyDefaultThinking(old);
  json g = BuildGenerateContentRequest(old, image)["generationConfig"];
  EXPECT_EQ(g["temperature"], 0);
  EXPECT_EQ(g["thinkingConfig"], (json{{"thinkingBudget", 0}}));
  GeminiConfig three;
  ApplyDefaultThinking(three);
  three.temperature = 0.3;     // set by the user
  three.thinking_budget = 10;  // never sent next to a level
  g = BuildGenerateContentRequest(three, image)["generationConfig"];
  EXPECT_EQ(g["temperature"], 0.3);
  EXPECT_EQ(g["thinkingConfig"], (json{{"thinkingLevel", "MINIMAL"}}));
}

TEST(RequestTest, ShapeAndSchema) {
  GeminiConfig config;
  ApplyDefaultThinking(config);
  NormalizedImage image{"\xff\xd8\xff\xe0", "image/jpeg", 10, 10, "image/jpeg", 10, 10};
  const json r = BuildGenerateContentRequest(config, image);
  EXPECT_EQ(r["systemInstruction"]["parts"][0]["text"], SystemInstruction());
  EXPECT_EQ(r["contents"][0]["role"], "user");
  EXPECT_EQ(r["contents"][0]["parts"][0]["inlineData"]["mimeType"], "image/jpeg");
  EXPECT_EQ(r["contents"][0]["parts"][0]["inlineData"]["data"], "/9j/4A==");
  EXPECT_EQ(r["contents"][0]["parts"][1]["text"], ExtractionPrompt());
  const json& g = r["generationConfig"];
  EXPECT_FALSE(g.contains("temperature"));  // Gemini 3: the model's default
  EXPECT_EQ(g["responseMimeType"], "application/json");
  EXPECT_EQ(g["thinkingConfig"], (json{{"thinkingLevel", "MINIMAL"}}));
  EXPECT_EQ(g["mediaResolution"], "MEDIA_RESOLUTION_MEDIUM");
  const json& schema = g["responseSchema"];
  EXPECT_EQ(schema["type"], "OBJECT");
  EXPECT_EQ(schema["properties"]["fields"]["properties"].size(),
            static_cast<std::size_t>(kFieldNameCount));
  for (int i = 0; i < kFieldNameCount; ++i) {
    const std::string key(ToString(static_cast<FieldName>(i)));
    EXPECT_EQ(schema["properties"]["fields"]["properties"][key]["type"], "STRING") << key;
  }
  EXPECT_EQ(schema["properties"]["mrz_lines"]["items"]["type"], "STRING");
  // Every document type of the result schema can be answered.
  for (const auto t :
       {DocumentType::kIdCard, DocumentType::kPassport, DocumentType::kResidencePermit,
        DocumentType::kDrivingLicence, DocumentType::kFftLicence, DocumentType::kOther}) {
    const auto& e = schema["properties"]["document_type"]["enum"];
    EXPECT_NE(std::find(e.begin(), e.end(), std::string(ToString(t))), e.end());
  }
}

}  // namespace
}  // namespace jae::gemini
