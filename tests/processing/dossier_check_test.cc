#include "processing/dossier_check.h"

#include <gtest/gtest.h>

#include <iostream>
#include <nlohmann/json.hpp>
#include <thread>
#include <vector>

#include "processing/object_processor.h"
#include "testing/fake_clock.h"
#include "testing/memory_store.h"
#include "testing/racing_store.h"

namespace jae {

using testing::FakeClock;
using testing::FakeRetryClock;

namespace {

using testing::MemoryStore;
using testing::RacingStore;

std::string ResultJson(const std::string& type, const std::string& surname) {
  return R"({"schema_version":"1","status":"ok","source":{"uri":"mem://in/x"},)"
         R"("processed_at":"2026-12-01T10:00:00Z","engine":{"name":"local"},)"
         R"("document":{"type":")" +
         type + R"(","fields":{"surname":{"value":")" + surname + R"("}}}})";
}

std::vector<std::string> DocumentNames(MemoryStore& store, const std::string& name) {
  const auto text = store.Get(name);
  std::vector<std::string> out;
  if (!text) return out;
  const auto check = nlohmann::json::parse(*text);
  for (const auto& d : check["documents"]) out.push_back(d["name"]);
  return out;
}

class DossierCheckTest : public ::testing::Test {
 protected:
  MemoryStore results_;
  // 2026-12-05T12:00:00Z.
  FakeClock clock_{std::chrono::system_clock::time_point{std::chrono::seconds(1796472000)}};
};

TEST_F(DossierCheckTest, DossierOfIsTheFolder) {
  EXPECT_EQ(DossierOf("club/dupont/cni.jpg"), "club/dupont/");
  EXPECT_EQ(DossierOf("dupont/cni.jpg"), "dupont/");
  EXPECT_EQ(DossierOf("cni.jpg"), std::nullopt);
  EXPECT_EQ(DossierOf("/cni.jpg"), std::nullopt);
}

TEST_F(DossierCheckTest, CheckHoldsEveryResultOfTheDossierOnly) {
  results_.Put("club/dupont/cni.jpg.json", ResultJson("id_card", "DUPONT"));
  results_.Put("club/dupont/licence.png.json", ResultJson("fft_licence", "DUPONT"));
  results_.Put("club/dupont/sub/other.jpg.json", ResultJson("fft_licence", "AUTRE"));
  results_.Put("club/martin/licence.png.json", ResultJson("fft_licence", "MARTIN"));
  DossierChecks checks(results_, clock_);
  ASSERT_TRUE(checks.Update("club/dupont/licence.png").ok());
  EXPECT_EQ(DocumentNames(results_, "club/dupont/check.json"),
            (std::vector<std::string>{"cni.jpg", "licence.png"}));
  const auto check = nlohmann::json::parse(*results_.Get("club/dupont/check.json"));
  EXPECT_EQ(check["match_date"], "2026-12-05");
  EXPECT_NE(check["verdict"], "ok");  // no birth dates, no expiry: never ok

  // A redelivered event changes nothing: same check, no write.
  const int writes = results_.writes_attempted.load();
  ASSERT_TRUE(checks.Update("club/dupont/licence.png").ok());
  EXPECT_EQ(results_.writes_attempted.load(), writes);
}

TEST_F(DossierCheckTest, CrowdedFolderIsNamedNotRead) {
  for (int i = 0; i < 30; ++i) {
    results_.Put("d/doc" + std::to_string(100 + i) + ".jpg.json", ResultJson("id_card", "X"));
  }
  DossierChecks checks(results_, clock_);
  const int reads = results_.reads.load();
  ASSERT_TRUE(checks.Update("d/doc100.jpg").ok());
  EXPECT_LE(results_.reads.load() - reads, 11);
  const auto check = nlohmann::json::parse(*results_.Get("d/check.json"));
  EXPECT_EQ(check["documents"].size(), 30u);
  EXPECT_EQ(check["checks"]["documents_readable"]["code"], "too_many_documents");
  EXPECT_NE(check["verdict"], "ok");
}

TEST_F(DossierCheckTest, TopLevelSourcesHaveNoDossier) {
  results_.Put("cni.jpg.json", ResultJson("id_card", "DUPONT"));
  DossierChecks checks(results_, clock_);
  ASSERT_TRUE(checks.Update("cni.jpg").ok());
  EXPECT_FALSE(results_.Has("check.json"));
}

TEST_F(DossierCheckTest, StorageDownIsTransient) {
  results_.SetDown(true);
  DossierChecks checks(results_, clock_);
  EXPECT_TRUE(IsTransient(checks.Update("d/cni.jpg").code()));
}

// Many documents of one dossier finishing at once: the last check holds them all.
TEST_F(DossierCheckTest, ConcurrentUpdatesLoseNothing) {
  int conflicts = 0;  // writes refused by the precondition, then retried
  for (int round = 0; round < 20; ++round) {
    MemoryStore store;
    DossierChecks checks(store, clock_);
    std::vector<std::thread> threads;
    for (int i = 0; i < 4; ++i) {
      threads.emplace_back([&, i] {
        const std::string name = "d/doc" + std::to_string(i) + ".jpg";
        store.Put(name + ".json", ResultJson("fft_licence", "DUPONT"));
        EXPECT_TRUE(checks.Update(name).ok());
      });
    }
    for (auto& t : threads) t.join();
    EXPECT_EQ(DocumentNames(store, "d/check.json").size(), 4u) << "round " << round;
    conflicts += store.writes_attempted.load() - store.writes.load();
  }
  std::cout << "precondition conflicts resolved over 20 rounds of 4 writers: " << conflicts << "\n";
}

TEST_F(DossierCheckTest, ALostRaceStartsAgainFromTheRead) {
  results_.Put("d/a.jpg.json", ResultJson("id_card", "DUPONT"));
  // Another writer gets in between our read and our write, once: its document's result
  // appears and it writes its own check.
  bool raced = false;
  RacingStore racing(results_, [&](std::string_view name) {
    if (raced || !name.ends_with("check.json")) return;
    raced = true;
    results_.Put("d/b.jpg.json", ResultJson("fft_licence", "DUPONT"));
    results_.Put("d/check.json", "{\"written by\": \"the other writer\"}");
  });
  DossierChecks checks(racing, clock_);
  ASSERT_TRUE(checks.Update("d/a.jpg").ok());
  EXPECT_EQ(DocumentNames(results_, "d/check.json"), (std::vector<std::string>{"a.jpg", "b.jpg"}));
}

TEST_F(DossierCheckTest, EndlessConflictsGiveUpOnTheRetryPolicyWithoutSleeping) {
  results_.Put("d/a.jpg.json", ResultJson("id_card", "DUPONT"));
  // A writer that always comes first: the update gives up after the policy's attempts,
  // Unavailable (the event is redelivered), having waited only on the injected clock.
  int writes = 0;
  RacingStore beaten(results_, [&](std::string_view name) {
    ++writes;
    results_.Put(std::string(name),
                 "{\"written by\": \"the other writer \" + std::to_string(writes) + \"\"}");
  });
  auto retry_clock = std::make_shared<FakeRetryClock>();
  DossierCheckOptions options;
  options.retry.max_attempts = 4;
  options.retry_clock = retry_clock;
  DossierChecks checks(beaten, clock_, options);
  const Status status = checks.Update("d/a.jpg");
  EXPECT_EQ(status.code(), StatusCode::kUnavailable);
  EXPECT_NE(status.message().find("too many concurrent updates"), std::string::npos);
  EXPECT_EQ(writes, 4);
  const auto sleeps = retry_clock->sleeps();
  ASSERT_EQ(sleeps.size(), 3u);  // between the attempts only
  for (std::size_t i = 0; i < sleeps.size(); ++i) {
    EXPECT_LE(sleeps[i], options.backoff.initial * (1 << i)) << i;  // full jitter under the cap
  }
}

TEST_F(DossierCheckTest, ProcessorCallsTheHookOnWrittenAndDuplicate) {
  MemoryStore source("mem://in");
  source.Put("d/cni.jpg", "not an image");
  std::vector<std::string> called;
  ProcessorOptions options;
  options.after_result = [&](std::string_view name) {
    called.emplace_back(name);
    return OkStatus();
  };
  ObjectProcessor processor(
      results_,
      [](DocumentInput in) -> StatusOr<Result> {
        return MakeRejected(in.source, ErrorCode::kUndecodable, "x", "2026-12-05T12:00:00.000Z");
      },
      clock_, options);
  EXPECT_EQ(processor.Process(source, SourceObject{"d/cni.jpg", "", {}, ""}).outcome,
            Outcome::kWritten);
  EXPECT_EQ(processor.Process(source, SourceObject{"d/cni.jpg", "", {}, ""}).outcome,
            Outcome::kDuplicate);
  EXPECT_EQ(called, (std::vector<std::string>{"d/cni.jpg", "d/cni.jpg"}));
  // A transient failure of the hook makes the event transient (delivered again).
  options.after_result = [](std::string_view) { return UnavailableError("down"); };
  ObjectProcessor failing(
      results_, [](DocumentInput) -> StatusOr<Result> { return InternalError("x"); }, clock_,
      options);
  EXPECT_EQ(failing.Process(source, SourceObject{"d/cni.jpg", "", {}, ""}).outcome,
            Outcome::kTransient);
}

}  // namespace
}  // namespace jae
