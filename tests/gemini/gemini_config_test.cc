#include "engine/gemini/gemini_config.h"

#include <gtest/gtest.h>

#include "engine/gemini/gemini_engine.h"

namespace jae {
namespace {

using EnvMap = std::map<std::string, std::string, std::less<>>;

TEST(GeminiConfigTest, DeveloperDefaults) {
  auto c = GeminiConfigFromEnv(EngineName::kGemini, MapEnv(EnvMap{{"GEMINI_API_KEY", "k"}}));
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->model, "gemini-3.8-flash");
  EXPECT_EQ(c->api_key, "k");
  EXPECT_EQ(c->GenerateContentUrl(),
            "https://generativelanguage.googleapis.com/v1beta/models/"
            "gemini-3.8-flash:generateContent");
  EXPECT_EQ(c->thinking_level, "MINIMAL");
  EXPECT_FALSE(c->thinking_budget);
  EXPECT_EQ(c->media_resolution, "MEDIA_RESOLUTION_MEDIUM");
}

TEST(GeminiConfigTest, GoogleApiKeyWinsAsInTheSdks) {
  auto c = GeminiConfigFromEnv(EngineName::kGemini,
                               MapEnv(EnvMap{{"GEMINI_API_KEY", "g"}, {"GOOGLE_API_KEY", "o"}}));
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->api_key, "o");
}

TEST(GeminiConfigTest, MissingKeyNamesTheVariable) {
  auto c = GeminiConfigFromEnv(EngineName::kGemini, MapEnv());
  EXPECT_EQ(c.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(c.status().message().find("GEMINI_API_KEY"), std::string::npos);
}

TEST(GeminiConfigTest, VertexUrlAndDefaults) {
  auto c =
      GeminiConfigFromEnv(EngineName::kVertex, MapEnv(EnvMap{{"GOOGLE_CLOUD_PROJECT", "p-1"}}));
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->location, "europe-west1");
  EXPECT_EQ(c->GenerateContentUrl(),
            "https://europe-west1-aiplatform.googleapis.com/v1/projects/p-1/locations/"
            "europe-west1/publishers/google/models/gemini-3.8-flash:generateContent");
  auto global = GeminiConfigFromEnv(
      EngineName::kVertex,
      MapEnv(EnvMap{{"GOOGLE_CLOUD_PROJECT", "p"}, {"GOOGLE_CLOUD_LOCATION", "global"}}));
  ASSERT_TRUE(global.ok());
  EXPECT_TRUE(global->GenerateContentUrl().starts_with("https://aiplatform.googleapis.com/v1/"));
  auto missing = GeminiConfigFromEnv(EngineName::kVertex, MapEnv());
  EXPECT_NE(missing.status().message().find("GOOGLE_CLOUD_PROJECT"), std::string::npos);
}

TEST(GeminiConfigTest, BaseUrlOverride) {
  auto c = GeminiConfigFromEnv(
      EngineName::kGemini,
      MapEnv(EnvMap{{"GEMINI_API_KEY", "k"}, {"GEMINI_BASE_URL", "http://127.0.0.1:9/"}}));
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->GenerateContentUrl(),
            "http://127.0.0.1:9/v1beta/models/gemini-3.8-flash:generateContent");
  auto bad = GeminiConfigFromEnv(
      EngineName::kGemini, MapEnv(EnvMap{{"GEMINI_API_KEY", "k"}, {"GEMINI_BASE_URL", "ftp://x"}}));
  EXPECT_NE(bad.status().message().find("GEMINI_BASE_URL"), std::string::npos);
}

TEST(GeminiConfigTest, RejectsModelIdsThatWouldBendTheUrl) {
  for (const char* model : {"../x", "a/b", "m?x=1", "a b"}) {
    auto c = GeminiConfigFromEnv(EngineName::kGemini,
                                 MapEnv(EnvMap{{"GEMINI_API_KEY", "k"}, {"GEMINI_MODEL", model}}));
    EXPECT_NE(c.status().message().find("GEMINI_MODEL"), std::string::npos) << model;
  }
}

TEST(GeminiConfigTest, ThinkingDefaultsFollowTheModelFamily) {
  GeminiConfig c;
  c.model = "gemini-2.5-flash-lite";
  ApplyDefaultThinking(c);
  EXPECT_EQ(c.thinking_budget, 0);
  EXPECT_FALSE(c.thinking_level);
  c.model = "gemini-2.5-pro";
  ApplyDefaultThinking(c);
  EXPECT_FALSE(c.thinking_budget);
  EXPECT_FALSE(c.thinking_level);
  c.model = "gemini-3.1-pro-preview";
  ApplyDefaultThinking(c);
  EXPECT_EQ(c.thinking_level, "LOW");
}

TEST(GeminiConfigTest, TuningVariables) {
  auto c =
      GeminiConfigFromEnv(EngineName::kGemini, MapEnv(EnvMap{{"GEMINI_API_KEY", "k"},
                                                             {"GEMINI_MODEL", "gemini-2.5-flash"},
                                                             {"GEMINI_THINKING_BUDGET", "128"},
                                                             {"GEMINI_MEDIA_RESOLUTION", "high"},
                                                             {"GEMINI_TIMEOUT_MS", "5000"},
                                                             {"GEMINI_MAX_ATTEMPTS", "3"}}));
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->thinking_budget, 128);
  EXPECT_FALSE(c->thinking_level);
  EXPECT_EQ(c->media_resolution, "MEDIA_RESOLUTION_HIGH");
  EXPECT_EQ(c->attempt_timeout.count(), 5000);
  EXPECT_EQ(c->max_attempts, 3);

  auto off = GeminiConfigFromEnv(EngineName::kGemini,
                                 MapEnv(EnvMap{{"GEMINI_API_KEY", "k"},
                                               {"GEMINI_THINKING_LEVEL", "off"},
                                               {"GEMINI_MEDIA_RESOLUTION", "default"}}));
  ASSERT_TRUE(off.ok());
  EXPECT_FALSE(off->thinking_level);
  EXPECT_FALSE(off->thinking_budget);
  EXPECT_TRUE(off->media_resolution.empty());

  for (const auto& [name, value] :
       std::vector<std::pair<std::string, std::string>>{{"GEMINI_THINKING_LEVEL", "extreme"},
                                                        {"GEMINI_THINKING_BUDGET", "lots"},
                                                        {"GEMINI_MEDIA_RESOLUTION", "ultra"},
                                                        {"GEMINI_TIMEOUT_MS", "-1"},
                                                        {"GEMINI_MAX_ATTEMPTS", "0"}}) {
    auto bad = GeminiConfigFromEnv(EngineName::kGemini,
                                   MapEnv(EnvMap{{"GEMINI_API_KEY", "k"}, {name, value}}));
    ASSERT_FALSE(bad.ok()) << name;
    EXPECT_NE(bad.status().message().find(name), std::string::npos) << bad.status().message();
  }
  auto both =
      GeminiConfigFromEnv(EngineName::kGemini, MapEnv(EnvMap{{"GEMINI_API_KEY", "k"},
                                                             {"GEMINI_THINKING_LEVEL", "low"},
                                                             {"GEMINI_THINKING_BUDGET", "0"}}));
  EXPECT_EQ(both.status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace jae

namespace jae {
namespace {

// Issue 11: Gemini 3 gets no temperature (Google recommends its default 1.0) and
// thinkingLevel; earlier families thinkingBudget; never both.
TEST(GeminiConfigTest, Gemini3SendsNoTemperatureAndTakesThinkingLevelOnly) {
  auto c = GeminiConfigFromEnv(EngineName::kGemini, MapEnv(EnvMap{{"GEMINI_API_KEY", "k"}}));
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_TRUE(IsGemini3OrLater(c->model));
  EXPECT_FALSE(c->temperature);
  EXPECT_TRUE(c->warnings.empty());
  auto budget = GeminiConfigFromEnv(
      EngineName::kGemini,
      MapEnv(EnvMap{{"GEMINI_API_KEY", "k"}, {"GEMINI_THINKING_BUDGET", "128"}}));
  ASSERT_FALSE(budget.ok());
  EXPECT_NE(budget.status().message().find("GEMINI_THINKING_LEVEL"), std::string::npos);
}

TEST(GeminiConfigTest, TheEngineReportsItsConfigurationWarningsForStartUp) {
  auto engine = MakeGeminiEngine(
      EngineName::kGemini, MapEnv(EnvMap{{"GEMINI_API_KEY", "k"}, {"GEMINI_TEMPERATURE", "0.2"}}));
  ASSERT_TRUE(engine.ok()) << engine.status().ToString();
  const auto warnings = (*engine)->ConfigurationWarnings();
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find("GEMINI_TEMPERATURE"), std::string::npos);
  auto plain = MakeGeminiEngine(EngineName::kGemini, MapEnv(EnvMap{{"GEMINI_API_KEY", "k"}}));
  ASSERT_TRUE(plain.ok()) << plain.status().ToString();
  EXPECT_TRUE((*plain)->ConfigurationWarnings().empty());
}

TEST(GeminiConfigTest, ATemperatureSetForGemini3IsKeptWithAWarning) {
  auto c = GeminiConfigFromEnv(
      EngineName::kGemini, MapEnv(EnvMap{{"GEMINI_API_KEY", "k"}, {"GEMINI_TEMPERATURE", "0.2"}}));
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->temperature, 0.2);
  ASSERT_EQ(c->warnings.size(), 1u);
  EXPECT_NE(c->warnings[0].find("1.0"), std::string::npos);
  EXPECT_FALSE(
      GeminiConfigFromEnv(EngineName::kGemini,
                          MapEnv(EnvMap{{"GEMINI_API_KEY", "k"}, {"GEMINI_TEMPERATURE", "hot"}}))
          .ok());
  EXPECT_FALSE(
      GeminiConfigFromEnv(EngineName::kGemini,
                          MapEnv(EnvMap{{"GEMINI_API_KEY", "k"}, {"GEMINI_TEMPERATURE", "2.5"}}))
          .ok());
}

TEST(GeminiConfigTest, EarlierFamiliesKeepTemperatureZeroAndTakeThinkingBudgetOnly) {
  auto c = GeminiConfigFromEnv(
      EngineName::kGemini,
      MapEnv(EnvMap{{"GEMINI_API_KEY", "k"}, {"GEMINI_MODEL", "gemini-2.5-flash"}}));
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->temperature, 0.0);
  EXPECT_EQ(c->thinking_budget, 0);
  EXPECT_FALSE(c->thinking_level);
  EXPECT_TRUE(c->warnings.empty());
  EXPECT_FALSE(
      GeminiConfigFromEnv(EngineName::kGemini, MapEnv(EnvMap{{"GEMINI_API_KEY", "k"},
                                                             {"GEMINI_MODEL", "gemini-2.5-flash"},
                                                             {"GEMINI_THINKING_LEVEL", "low"}}))
          .ok());
}

}  // namespace
}  // namespace jae
