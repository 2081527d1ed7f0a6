#include "batch/batch.h"

#include <dlfcn.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <stdlib.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <string>

#include "batch/backfill.h"
#include "batch/batch.h"
#include "batch/watch.h"
#include "store/local_store.h"
#include "testing/fake_clock.h"
#include "testing/fake_pipeline.h"
#include "testing/memory_store.h"

namespace jae::testing_poll {
// Fault injection for poll(2): this definition replaces libc's in this test binary, so a
// test can make the watcher's poll fail (0: pass through).
std::atomic<int> fail_with{0};
}  // namespace jae::testing_poll

extern "C" int poll(struct pollfd* fds, nfds_t count, int timeout) {
  if (const int err = jae::testing_poll::fail_with.load(); err != 0) {
    errno = err;
    return -1;
  }
  using Poll = int (*)(struct pollfd*, nfds_t, int);
  static const auto real = reinterpret_cast<Poll>(::dlsym(RTLD_NEXT, "poll"));
  return real(fds, count, timeout);
}

namespace jae {

using testing::FakeClock;
using testing::FakeRetryClock;

namespace {

using testing::FakePipeline;
using testing::kJpeg;
using testing::MemoryStore;

TEST(IsDocumentName, Filters) {
  EXPECT_TRUE(IsDocumentName("a.jpg", ""));
  EXPECT_TRUE(IsDocumentName("scans/b.pdf", ""));
  EXPECT_FALSE(IsDocumentName("a.jpg.json", ""));
  EXPECT_FALSE(IsDocumentName("a.JSON", ""));
  EXPECT_FALSE(IsDocumentName("folder/", ""));
  EXPECT_FALSE(IsDocumentName(".hidden.jpg", ""));
  EXPECT_FALSE(IsDocumentName("scans/.a.jpg.tmp123", ""));
  EXPECT_FALSE(IsDocumentName("a.jpg.part", ""));
  EXPECT_FALSE(IsDocumentName("a.jpg~", ""));
  EXPECT_FALSE(IsDocumentName("results/a.jpg", "results/"));
  EXPECT_TRUE(IsDocumentName("resultsx/a.jpg", "results/"));
}

TEST(NestedPrefix, Locations) {
  EXPECT_EQ(NestedPrefix("gs://b", "gs://b/results"), "results/");
  EXPECT_EQ(NestedPrefix("gs://b/in", "gs://b/in/out/"), "out/");
  EXPECT_EQ(NestedPrefix("gs://b", "gs://bb/results"), "");
  EXPECT_EQ(NestedPrefix("gs://b", "gs://c"), "");
  EXPECT_EQ(NestedPrefix("/tmp/inbox", "/tmp/inbox/results"), "results/");
  EXPECT_EQ(NestedPrefix("/tmp/inbox", "/tmp/results"), "");
  EXPECT_EQ(NestedPrefix("/tmp/inbox", "file:///tmp/inbox/r"), "r/");
}

TEST(Backfill, ProcessesWhatHasNoResultAndReportsRejections) {
  MemoryStore source("gs://src"), results("gs://res");
  FakePipeline pipeline;
  FakeClock clock{std::chrono::system_clock::time_point{}};
  ObjectProcessor processor(results, [&](const DocumentInput& in) { return pipeline(in); }, clock,
                            {});
  source.Put("a.jpg", kJpeg);
  source.Put("b.jpg", kJpeg);
  source.Put("scans/c.jpg", kJpeg);
  source.Put("old.json", "{}");
  std::FILE* sink = std::tmpfile();
  JsonLog log(sink, Severity::kError, "", clock);
  BackfillOptions options;
  options.jobs = 2;
  auto retry_clock = std::make_shared<FakeRetryClock>();
  options.retry.clock = retry_clock;
  EXPECT_EQ(RunBackfill(source, processor, options, log), 0);
  EXPECT_EQ(pipeline.calls, 3);
  EXPECT_TRUE(results.Has("scans/c.jpg.json"));
  EXPECT_FALSE(results.Has("old.json.json"));
  // Run again: nothing to do, no model call.
  EXPECT_EQ(RunBackfill(source, processor, options, log), 0);
  EXPECT_EQ(pipeline.calls, 3);
  // A text file gets a rejected result: exit status 1.
  source.Put("notes.txt", "hello");
  EXPECT_EQ(RunBackfill(source, processor, options, log), 1);
  EXPECT_TRUE(results.Has("notes.txt.json"));
  // Model down: retried, then counted as failed; nothing written.
  source.Put("d.jpg", kJpeg);
  pipeline.down = true;
  const int calls_before = pipeline.calls;
  EXPECT_EQ(RunBackfill(source, processor, options, log), 1);
  EXPECT_FALSE(results.Has("d.jpg.json"));
  EXPECT_EQ(pipeline.calls - calls_before, options.retry.policy.max_attempts);
  EXPECT_EQ(retry_clock->sleeps().size(),
            static_cast<size_t>(options.retry.policy.max_attempts - 1));  // no real sleeps
  std::fclose(sink);
}

// Issue 12, item 11: `watch` used to exit 0 without a word when poll failed.
TEST(Watch, AFailingPollIsAnErrorNotACleanStop) {
  char dir[] = "/tmp/jae-watch-test-XXXXXX";
  ASSERT_NE(::mkdtemp(dir), nullptr);
  auto inbox = MakeLocalStore(dir, {});
  ASSERT_TRUE(inbox.ok());
  MemoryStore results("gs://res");
  FakePipeline pipeline;
  FakeClock clock{std::chrono::system_clock::time_point{}};
  ObjectProcessor processor(results, [&](const DocumentInput& in) { return pipeline(in); }, clock,
                            {});
  std::FILE* sink = std::tmpfile();
  JsonLog log(sink, Severity::kInfo, "", clock);
  WatchOptions options;
  options.inbox_dir = dir;
  testing_poll::fail_with = EINVAL;
  const int status = RunWatch(**inbox, processor, options, log);
  testing_poll::fail_with = 0;
  EXPECT_EQ(status, 2);
  std::fflush(sink);
  std::rewind(sink);
  std::string logged(4096, '\0');
  logged.resize(std::fread(logged.data(), 1, logged.size(), sink));
  EXPECT_NE(logged.find("\"severity\":\"ERROR\""), std::string::npos) << logged;
  EXPECT_NE(logged.find("poll failed"), std::string::npos) << logged;
  std::fclose(sink);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace jae
