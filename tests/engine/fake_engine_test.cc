#include "testing/fake_engine.h"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

namespace jae {
namespace {

using testing::FakeEngine;

const auto kFarDeadline = std::chrono::steady_clock::now() + std::chrono::hours(1);

TEST(FakeEngine, AnswersInScriptOrderThenTheDefault) {
  FakeEngine engine(EngineName::kGemini);
  EXPECT_EQ(engine.name(), EngineName::kGemini);
  verify::Extraction extraction;
  extraction.type = DocumentType::kPassport;
  engine.Push(FakeEngine::Extracted(extraction));
  engine.Push(UnavailableError("quota"));
  engine.SetDefault(FakeEngine::Rejected(ErrorCode::kNoDocument, "no document"));
  NormalizedImage image;
  image.width = 7;

  auto first = engine.Extract(image, kFarDeadline);
  ASSERT_TRUE(first.ok());
  ASSERT_TRUE(first->extraction);
  EXPECT_EQ(first->extraction->type, DocumentType::kPassport);
  auto second = engine.Extract(image, kFarDeadline);
  EXPECT_EQ(second.status().code(), StatusCode::kUnavailable);
  for (int i = 0; i < 2; ++i) {
    auto later = engine.Extract(image, kFarDeadline);
    ASSERT_TRUE(later.ok());
    ASSERT_TRUE(later->rejection);
    EXPECT_EQ(later->rejection->code, ErrorCode::kNoDocument);
  }
  EXPECT_EQ(engine.calls(), 4);
  EXPECT_EQ(engine.last_image()->width, 7);
  EXPECT_EQ(engine.last_deadline(), kFarDeadline);
}

TEST(FakeEngine, WithoutScriptItIsUnavailable) {
  FakeEngine engine;
  EXPECT_EQ(engine.Extract({}, kFarDeadline).status().code(), StatusCode::kUnavailable);
}

TEST(FakeEngine, HonoursItsDeadline) {
  FakeEngine engine;
  engine.SetDefault(FakeEngine::Rejected(ErrorCode::kNoDocument, "x"));
  engine.SetDelay(std::chrono::milliseconds(1000));
  const auto start = std::chrono::steady_clock::now();
  auto result = engine.Extract({}, start + std::chrono::milliseconds(20));
  EXPECT_EQ(result.status().code(), StatusCode::kDeadlineExceeded);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(900));
}

TEST(FakeEngine, CountsConcurrentCalls) {
  FakeEngine engine;
  engine.SetDefault(FakeEngine::Rejected(ErrorCode::kNoDocument, "x"));
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 100; ++i) (void)engine.Extract({}, kFarDeadline);
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(engine.calls(), 800);
}

}  // namespace
}  // namespace jae
