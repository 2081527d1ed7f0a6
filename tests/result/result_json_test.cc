#include "result/result_json.h"

#include <gtest/gtest.h>

#include "result_samples.h"

namespace jae {
namespace {

TEST(ResultJson, RoundTripsEveryShape) {
  std::vector<Result> all = testing::RejectedResults();
  all.push_back(testing::FullOkResult());
  all.push_back(testing::MinimalOkResult());
  for (const Result& r : all) {
    const std::string text = SerializeResult(r);
    auto back = ParseResult(text);
    ASSERT_TRUE(back.ok()) << back.status().ToString() << "\n" << text;
    EXPECT_EQ(*back, r) << text;
  }
}

TEST(ResultJson, UnreadableValuesAreOutsideFields) {
  const std::string text = SerializeResult(testing::FullOkResult());
  const auto j = nlohmann::json::parse(text);
  EXPECT_EQ(j["document"]["unreadable"]["nationality"]["reason"], "form");
  EXPECT_EQ(j["document"]["unreadable"]["birth_place"]["reason"], "low_confidence");
  EXPECT_FALSE(j["document"].contains("unreadable") &&
               SerializeResult(testing::MinimalOkResult()).find("unreadable") != std::string::npos);
  auto bad = j;
  bad["document"]["unreadable"]["sex"] = {{"value", "?"}, {"reason", "because"}};
  EXPECT_FALSE(ParseResult(bad.dump()).ok());
}

TEST(ResultJson, EmitsSchemaSpellings) {
  const auto j = ToJson(testing::FullOkResult());
  EXPECT_EQ(j["schema_version"], "1");
  EXPECT_EQ(j["document"]["type"], "id_card");
  EXPECT_EQ(j["document"]["mrz"]["format"], "TD1");
  EXPECT_EQ(j["document"]["fields"]["birth_date"]["source"], "mrz");
  EXPECT_EQ(j["verification"]["mrz_matches_visual"], "match");
  EXPECT_TRUE(ToJson(testing::MinimalOkResult())["document"]["fields"].is_object());
}

TEST(ResultJson, UnknownIsNullNotAbsent) {
  Result r = testing::FullOkResult();
  r.verification->expired.reset();
  r.verification->age_years.reset();
  const auto j = ToJson(r);
  EXPECT_TRUE(j["verification"]["expired"].is_null());
  EXPECT_TRUE(j["verification"]["age_years"].is_null());
}

TEST(ResultJson, SingleLineAndPretty) {
  const std::string one = SerializeResult(testing::FullOkResult());
  EXPECT_EQ(one.find('\n'), std::string::npos);
  EXPECT_NE(SerializeResult(testing::FullOkResult(), 2).find('\n'), std::string::npos);
}

TEST(ResultJson, InvalidUtf8IsReplacedNotThrown) {
  Result r = testing::FullOkResult();
  r.document->fields[FieldName::kSurname].value = "MART\xFFIN";
  EXPECT_NO_THROW(SerializeResult(r));
}

struct BadCase {
  const char* name;
  const char* json;
  const char* expected_in_message;
};

class ResultJsonRejects : public ::testing::TestWithParam<BadCase> {};

TEST_P(ResultJsonRejects, WithAMessageNamingThePath) {
  auto r = ParseResult(GetParam().json);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(r.status().message().find(GetParam().expected_in_message), std::string::npos)
      << r.status().message();
}

INSTANTIATE_TEST_SUITE_P(
    Hostile, ResultJsonRejects,
    ::testing::Values(
        BadCase{"not_json", "{", "not valid JSON"}, BadCase{"array", "[]", "must be an object"},
        BadCase{"version", R"({"schema_version":"2"})", "schema_version"},
        BadCase{"unknown_key", R"({"schema_version":"1","status":"ok","x":1})", "'x'"},
        BadCase{"bad_status",
                R"({"schema_version":"1","status":"done","source":{"uri":"u"},"processed_at":"t"})",
                "$.status"},
        BadCase{"ok_without_document",
                R"({"schema_version":"1","status":"ok","source":{"uri":"u"},"processed_at":"t"})",
                "needs document"},
        BadCase{
            "rejected_without_error",
            R"({"schema_version":"1","status":"rejected","source":{"uri":"u"},"processed_at":"t"})",
            "needs error"},
        BadCase{
            "bad_date",
            R"({"schema_version":"1","status":"ok","source":{"uri":"u"},"processed_at":"t","engine":{"name":"local"},"document":{"type":"passport","fields":{"birth_date":{"value":"12/03/1990"}}}})",
            "$.document.fields.birth_date.value"},
        BadCase{
            "empty_value",
            R"({"schema_version":"1","status":"ok","source":{"uri":"u"},"processed_at":"t","engine":{"name":"local"},"document":{"type":"passport","fields":{"surname":{"value":""}}}})",
            "must not be empty"},
        BadCase{
            "confidence",
            R"({"schema_version":"1","status":"ok","source":{"uri":"u"},"processed_at":"t","engine":{"name":"local"},"document":{"type":"passport","fields":{"surname":{"value":"A","confidence":2}}}})",
            "confidence"},
        BadCase{
            "mrz_chars",
            R"({"schema_version":"1","status":"ok","source":{"uri":"u"},"processed_at":"t","engine":{"name":"local"},"document":{"type":"passport","fields":{},"mrz":{"format":"TD3","lines":["p<"],"valid":true}}})",
            "A-Z, 0-9"},
        BadCase{
            "sha",
            R"({"schema_version":"1","status":"ok","source":{"uri":"u","sha256":"ABC"},"processed_at":"t"})",
            "sha256"},
        BadCase{
            "negative_tokens",
            R"({"schema_version":"1","status":"ok","source":{"uri":"u"},"processed_at":"t","engine":{"name":"gemini","input_tokens":-1},"document":{"type":"other","fields":{}}})",
            "input_tokens"},
        BadCase{
            "huge_int",
            R"({"schema_version":"1","status":"ok","source":{"uri":"u","size_bytes":18446744073709551615},"processed_at":"t"})",
            "size_bytes"}),
    [](const auto& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace jae
