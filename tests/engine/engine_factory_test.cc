#include "engine/engine_factory.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace jae {
namespace {

MapEnv EnvOf(std::map<std::string, std::string, std::less<>> vars) {
  return MapEnv(std::move(vars));
}

using ::testing::HasSubstr;

EngineName Resolve(std::optional<std::string> flag, MapEnv env) {
  auto name = ResolveEngineName(flag, env);
  EXPECT_TRUE(name.ok()) << name.status().ToString();
  return name.ok() ? *name : EngineName::kLocal;
}

TEST(ResolveEngineName, AutoFollowsTheContract) {
  EXPECT_EQ(Resolve(std::nullopt, MapEnv()), EngineName::kLocal);
  EXPECT_EQ(Resolve(std::nullopt, EnvOf({{"GEMINI_API_KEY", "k"}})), EngineName::kGemini);
  EXPECT_EQ(Resolve(std::nullopt, EnvOf({{"GOOGLE_API_KEY", "k"}})), EngineName::kGemini);
  EXPECT_EQ(Resolve(std::nullopt,
                    EnvOf({{"GOOGLE_GENAI_USE_VERTEXAI", "true"}, {"GEMINI_API_KEY", "k"}})),
            EngineName::kVertex);
  EXPECT_EQ(Resolve(std::nullopt, EnvOf({{"GOOGLE_GENAI_USE_VERTEXAI", "TRUE"}})),
            EngineName::kVertex);
  EXPECT_EQ(Resolve(std::nullopt, EnvOf({{"GOOGLE_GENAI_USE_VERTEXAI", "1"}})),
            EngineName::kVertex);
  EXPECT_EQ(Resolve(std::nullopt,
                    EnvOf({{"GOOGLE_GENAI_USE_VERTEXAI", "false"}, {"GOOGLE_API_KEY", "k"}})),
            EngineName::kGemini);
  EXPECT_EQ(Resolve(std::nullopt, EnvOf({{"GEMINI_API_KEY", ""}})), EngineName::kLocal);
  EXPECT_EQ(Resolve("auto", EnvOf({{"JAE_ENGINE", "local"}, {"GEMINI_API_KEY", "k"}})),
            EngineName::kGemini);
}

TEST(ResolveEngineName, FlagWinsOverVariable) {
  EXPECT_EQ(Resolve("local", EnvOf({{"JAE_ENGINE", "gemini"}})), EngineName::kLocal);
  EXPECT_EQ(Resolve(std::nullopt, EnvOf({{"JAE_ENGINE", "vertex"}})), EngineName::kVertex);
  EXPECT_EQ(Resolve("", EnvOf({{"JAE_ENGINE", "gemini"}})), EngineName::kGemini);
  EXPECT_EQ(Resolve("gemini", EnvOf({{"GOOGLE_GENAI_USE_VERTEXAI", "true"}})), EngineName::kGemini);
}

TEST(ResolveEngineName, UnknownNamesSayWhereTheyCameFrom) {
  auto bad_flag = ResolveEngineName("openai", MapEnv());
  ASSERT_FALSE(bad_flag.ok());
  EXPECT_EQ(bad_flag.status().code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(bad_flag.status().message(), HasSubstr("--engine"));
  auto bad_env = ResolveEngineName(std::nullopt, EnvOf({{"JAE_ENGINE", "Gemini"}}));
  ASSERT_FALSE(bad_env.ok());
  EXPECT_THAT(bad_env.status().message(), HasSubstr("JAE_ENGINE"));
}

TEST(MakeEngine, PropagatesResolutionErrors) {
  auto engine = MakeEngine("nope", MapEnv());
  ASSERT_FALSE(engine.ok());
  EXPECT_EQ(engine.status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace jae
