#include "processing/object_processor.h"

#include <gtest/gtest.h>

#include <thread>
#include <utility>
#include <vector>

#include "result/result_json.h"
#include "testing/fake_clock.h"
#include "testing/fake_pipeline.h"
#include "testing/memory_store.h"
#include "testing/racing_store.h"

namespace jae {

using testing::FakeClock;
using testing::FakeRetryClock;

namespace {

using testing::FakePipeline;
using testing::kJpeg;
using testing::MemoryStore;
using testing::RacingStore;

class ObjectProcessorTest : public ::testing::Test {
 protected:
  ObjectProcessor MakeProcessor(ProcessorOptions options = {}) {
    return ObjectProcessor(
        results_, [this](const DocumentInput& in) { return pipeline_(in); }, clock_, options);
  }
  SourceObject Object(const std::string& name, const std::string& generation) {
    return SourceObject{name, generation, std::nullopt, "image/jpeg"};
  }
  Result StoredResult(const std::string& name) {
    auto text = results_.Get(name);
    EXPECT_TRUE(text.has_value());
    auto r = ParseResult(text.value_or(""));
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? *r : Result{};
  }

  MemoryStore source_{"gs://src"};
  MemoryStore results_{"gs://res"};
  FakePipeline pipeline_;
  FakeClock clock_{std::chrono::system_clock::time_point{}};
};

TEST_F(ObjectProcessorTest, SameEventThreeTimesGivesOneResultAndOneModelCall) {
  const std::string gen = source_.Put("scans/a.jpg", kJpeg);
  auto processor = MakeProcessor();
  EXPECT_EQ(processor.Process(source_, Object("scans/a.jpg", gen)).outcome, Outcome::kWritten);
  EXPECT_EQ(processor.Process(source_, Object("scans/a.jpg", gen)).outcome, Outcome::kDuplicate);
  EXPECT_EQ(processor.Process(source_, Object("scans/a.jpg", gen)).outcome, Outcome::kDuplicate);
  EXPECT_EQ(pipeline_.calls, 1);
  EXPECT_EQ(results_.writes, 1);
  EXPECT_EQ(source_.reads, 1);  // duplicates do not even read the source
  const Result r = StoredResult("scans/a.jpg.json");
  EXPECT_EQ(r.status, ResultStatus::kOk);
  EXPECT_EQ(r.source.generation, gen);
  EXPECT_EQ(r.source.uri, "gs://src/scans/a.jpg");
  EXPECT_EQ(r.source.size_bytes, static_cast<std::int64_t>(kJpeg.size()));
}

TEST_F(ObjectProcessorTest, ConcurrentDuplicatesShareOneRun) {
  const std::string gen = source_.Put("a.jpg", kJpeg);
  pipeline_.delay = std::chrono::milliseconds(100);
  auto processor = MakeProcessor();
  std::vector<std::thread> threads;
  std::atomic<int> written{0}, duplicate{0};
  for (int i = 0; i < 3; ++i) {
    threads.emplace_back([&] {
      auto report = processor.Process(source_, Object("a.jpg", gen));
      if (report.outcome == Outcome::kWritten) ++written;
      if (report.outcome == Outcome::kDuplicate) ++duplicate;
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(written, 1);
  EXPECT_EQ(duplicate, 2);
  EXPECT_EQ(pipeline_.calls, 1);
  EXPECT_EQ(results_.writes, 1);
}

TEST_F(ObjectProcessorTest, NewGenerationReplacesOlderIsStale) {
  const std::string gen1 = source_.Put("a.jpg", kJpeg);
  auto processor = MakeProcessor();
  ASSERT_EQ(processor.Process(source_, Object("a.jpg", gen1)).outcome, Outcome::kWritten);
  const std::string gen2 = source_.Put("a.jpg", kJpeg + "more");
  ASSERT_EQ(processor.Process(source_, Object("a.jpg", gen2)).outcome, Outcome::kWritten);
  EXPECT_EQ(StoredResult("a.jpg.json").source.generation, gen2);
  EXPECT_EQ(pipeline_.calls, 2);
  // A late redelivery of the first generation changes nothing.
  EXPECT_EQ(processor.Process(source_, Object("a.jpg", gen1)).outcome, Outcome::kStale);
  EXPECT_EQ(StoredResult("a.jpg.json").source.generation, gen2);
  EXPECT_EQ(pipeline_.calls, 2);
}

TEST_F(ObjectProcessorTest, OverwrittenGenerationIsGone) {
  const std::string gen1 = source_.Put("a.jpg", kJpeg);
  source_.Put("a.jpg", kJpeg + "v2");
  auto processor = MakeProcessor();
  EXPECT_EQ(processor.Process(source_, Object("a.jpg", gen1)).outcome, Outcome::kGone);
  EXPECT_FALSE(results_.Has("a.jpg.json"));
  EXPECT_EQ(pipeline_.calls, 0);
}

TEST_F(ObjectProcessorTest, TransientEngineErrorWritesNothing) {
  const std::string gen = source_.Put("a.jpg", kJpeg);
  pipeline_.down = true;
  auto processor = MakeProcessor();
  auto report = processor.Process(source_, Object("a.jpg", gen));
  EXPECT_EQ(report.outcome, Outcome::kTransient);
  EXPECT_EQ(report.status.code(), StatusCode::kUnavailable);
  EXPECT_FALSE(results_.Has("a.jpg.json"));
  pipeline_.down = false;
  EXPECT_EQ(processor.Process(source_, Object("a.jpg", gen)).outcome, Outcome::kWritten);
}

TEST_F(ObjectProcessorTest, StorageDownIsTransient) {
  const std::string gen = source_.Put("a.jpg", kJpeg);
  auto processor = MakeProcessor();
  results_.SetDown(true);
  EXPECT_EQ(processor.Process(source_, Object("a.jpg", gen)).outcome, Outcome::kTransient);
  results_.SetDown(false);
  source_.SetDown(true);
  EXPECT_EQ(processor.Process(source_, Object("a.jpg", gen)).outcome, Outcome::kTransient);
  EXPECT_EQ(pipeline_.calls, 0);
  EXPECT_FALSE(results_.Has("a.jpg.json"));
}

TEST_F(ObjectProcessorTest, TooLargeIsRejectedWithoutReading) {
  const std::string gen = source_.Put("big.jpg", kJpeg);
  ProcessorOptions options;
  options.max_image_bytes = 50;
  auto processor = MakeProcessor(options);
  SourceObject announced = Object("big.jpg", gen);
  announced.size = 30 * 1024 * 1024;
  auto report = processor.Process(source_, announced);
  EXPECT_EQ(report.outcome, Outcome::kWritten);
  EXPECT_EQ(report.error_code, ErrorCode::kTooLarge);
  EXPECT_EQ(source_.reads, 0);
  EXPECT_EQ(pipeline_.calls, 0);
  EXPECT_EQ(StoredResult("big.jpg.json").error->code, ErrorCode::kTooLarge);
}

TEST_F(ObjectProcessorTest, TooLargeFoundWhileReading) {
  const std::string gen = source_.Put("big.jpg", kJpeg);
  ProcessorOptions options;
  options.max_image_bytes = 50;
  auto processor = MakeProcessor(options);
  auto report = processor.Process(source_, Object("big.jpg", gen));  // size not announced
  EXPECT_EQ(report.error_code, ErrorCode::kTooLarge);
  EXPECT_EQ(pipeline_.calls, 0);
}

TEST_F(ObjectProcessorTest, TextFileIsRejectedUnsupportedMediaType) {
  const std::string gen = source_.Put("notes.txt", "hello, world");
  auto processor = MakeProcessor();
  auto report = processor.Process(source_, Object("notes.txt", gen));
  EXPECT_EQ(report.outcome, Outcome::kWritten);
  EXPECT_EQ(report.result_status, ResultStatus::kRejected);
  EXPECT_EQ(StoredResult("notes.txt.json").error->code, ErrorCode::kUnsupportedMediaType);
}

TEST_F(ObjectProcessorTest, HostileNameIsRefusedByTheStore) {
  const std::string gen = source_.Put("ok.jpg", kJpeg);
  auto processor = MakeProcessor();
  SourceObject hostile = Object("../../etc/passwd", gen);
  hostile.size = 100000000;  // rejected without reading, then the write is refused
  auto report = processor.Process(source_, hostile);
  EXPECT_EQ(report.outcome, Outcome::kFailed);
  EXPECT_EQ(report.status.code(), StatusCode::kInvalidArgument);
}

TEST_F(ObjectProcessorTest, MissingGenerationIsLookedUp) {
  const std::string gen = source_.Put("a.jpg", kJpeg);
  auto processor = MakeProcessor();
  EXPECT_EQ(processor.Process(source_, Object("a.jpg", "")).outcome, Outcome::kWritten);
  EXPECT_EQ(StoredResult("a.jpg.json").source.generation, gen);
  EXPECT_EQ(processor.Process(source_, Object("missing.jpg", "")).outcome, Outcome::kGone);
}

TEST_F(ObjectProcessorTest, DeleteSourceOnlyAfterTheResultIsWritten) {
  ProcessorOptions options;
  options.delete_source = true;
  auto processor = MakeProcessor(options);
  const std::string gen = source_.Put("a.jpg", kJpeg);
  pipeline_.down = true;
  EXPECT_EQ(processor.Process(source_, Object("a.jpg", gen)).outcome, Outcome::kTransient);
  EXPECT_TRUE(source_.Has("a.jpg"));
  pipeline_.down = false;
  EXPECT_EQ(processor.Process(source_, Object("a.jpg", gen)).outcome, Outcome::kWritten);
  EXPECT_FALSE(source_.Has("a.jpg"));
  EXPECT_TRUE(results_.Has("a.jpg.json"));
}

TEST_F(ObjectProcessorTest, RacingWriterForSameGenerationWins) {
  const std::string gen = source_.Put("a.jpg", kJpeg);
  Result theirs = MakeRejected(SourceInfo{"gs://src/a.jpg", gen, {}, {}, {}},
                               ErrorCode::kNoDocument, "x", "2026-11-26T12:00:00.000Z");
  // Another writer slips in between our read and our write, once.
  bool raced = false;
  RacingStore racing(results_, [&](std::string_view) {
    if (!std::exchange(raced, true)) results_.Put("a.jpg.json", SerializeResult(theirs));
  });
  ObjectProcessor processor(racing, [this](const DocumentInput& in) { return pipeline_(in); },
                            clock_, {});
  auto report = processor.Process(source_, Object("a.jpg", gen));
  EXPECT_EQ(report.outcome, Outcome::kDuplicate);
  EXPECT_EQ(StoredResult("a.jpg.json").error->code, ErrorCode::kNoDocument);  // theirs kept
}

// Another writer replaces the result with older generations' results again and again:
// after `write_retry.max_attempts` writes the delivery is transient, nothing of ours is
// stored, and the waits between the tries went to the injected clock.
TEST_F(ObjectProcessorTest, ResultKeptChangingIsTransientAfterTheRetryPolicy) {
  const std::string gen = source_.Put("a.jpg", kJpeg);
  int rivals = 0;  // their generations 1, 2, 3 are older than ours
  std::function<void()> rival = [&] {
    ++rivals;
    Result older = MakeRejected(SourceInfo{"gs://src/a.jpg", std::to_string(rivals), {}, {}, {}},
                                ErrorCode::kNoDocument, "x", "2026-11-26T12:00:00.000Z");
    results_.Put("a.jpg.json", SerializeResult(older));
  };
  RacingStore racing(results_, [&](std::string_view) { rival(); });  // before every write
  ProcessorOptions options;
  auto retry_clock = std::make_shared<FakeRetryClock>();
  options.retry_clock = retry_clock;
  options.write_backoff = {std::chrono::milliseconds(10), std::chrono::milliseconds(10), 2.0};
  ObjectProcessor processor(
      racing, [this](const DocumentInput& in) { return pipeline_(in); }, clock_, options);
  auto report = processor.Process(source_, Object("a.jpg", gen));
  EXPECT_EQ(report.outcome, Outcome::kTransient);
  EXPECT_EQ(report.status.code(), StatusCode::kUnavailable);
  EXPECT_NE(report.status.message().find("result kept changing"), std::string::npos);
  EXPECT_EQ(rivals, options.write_retry.max_attempts);
  EXPECT_EQ(retry_clock->sleeps().size(), static_cast<std::size_t>(rivals - 1));
  EXPECT_EQ(StoredResult("a.jpg.json").source.generation, std::to_string(rivals));  // theirs
}

// Issue 12 item 10: a throw inside the run used to leave a broken promise in the
// duplicate guard: every later delivery of that generation failed until a restart.
TEST_F(ObjectProcessorTest, ExceptionDoesNotPoisonTheGeneration) {
  const std::string gen = source_.Put("a.jpg", kJpeg);
  auto processor = MakeProcessor();
  pipeline_.throws = 1;
  ProcessReport first;
  EXPECT_NO_THROW(first = processor.Process(source_, Object("a.jpg", gen)));
  EXPECT_EQ(first.outcome, Outcome::kFailed);
  EXPECT_EQ(first.status.code(), StatusCode::kInternal);
  EXPECT_FALSE(results_.Has("a.jpg.json"));
  EXPECT_EQ(processor.Process(source_, Object("a.jpg", gen)).outcome, Outcome::kWritten);
}

// Issue 12 item 8: configuration errors (model retired, key refused, request refused,
// module missing) wrote a final rejected/internal result and, with DELETE_SOURCE, deleted
// the source: after the fix every redelivery was a "duplicate" and the inbox was lost.
TEST_F(ObjectProcessorTest, ConfigurationErrorWritesNothingAndKeepsTheSource) {
  ProcessorOptions options;
  options.delete_source = true;
  auto processor = MakeProcessor(options);
  const std::vector<Status> errors = {
      NotFoundError("model not found; set GEMINI_MODEL"),
      Status(StatusCode::kPermissionDenied, "denied; check GEMINI_API_KEY"),
      Status(StatusCode::kUnauthenticated, "credentials; check GEMINI_API_KEY"),
      InvalidArgumentError("API refused the request; check GEMINI_API_KEY"),
      FailedPreconditionError("the module libjae-ocr-image.so cannot be loaded"),
  };
  for (const Status& error : errors) {
    const std::string name = "c" + std::to_string(static_cast<int>(error.code())) + ".jpg";
    const std::string gen = source_.Put(name, kJpeg);
    pipeline_.FailWith(error);
    const ProcessReport report = processor.Process(source_, Object(name, gen));
    EXPECT_EQ(report.outcome, Outcome::kFailed) << error.ToString();
    EXPECT_TRUE(report.configuration_error) << error.ToString();
    EXPECT_FALSE(results_.Has(name + ".json"));
    EXPECT_TRUE(source_.Has(name));
    pipeline_.Clear();
    EXPECT_EQ(processor.Process(source_, Object(name, gen)).outcome, Outcome::kWritten);
    EXPECT_EQ(StoredResult(name + ".json").status, ResultStatus::kOk);
    EXPECT_FALSE(source_.Has(name));
  }
}

// A bug met by one document is still recorded, so the document is not retried forever.
TEST_F(ObjectProcessorTest, InternalErrorIsRecorded) {
  const std::string gen = source_.Put("a.jpg", kJpeg);
  auto processor = MakeProcessor();
  pipeline_.FailWith(InternalError("bug"));
  EXPECT_EQ(processor.Process(source_, Object("a.jpg", gen)).outcome, Outcome::kWritten);
  EXPECT_EQ(StoredResult("a.jpg.json").error->code, ErrorCode::kInternal);
}

TEST(GenerationIsNewer, ComparesNumerically) {
  EXPECT_TRUE(GenerationIsNewer("10", "9"));
  EXPECT_FALSE(GenerationIsNewer("9", "10"));
  EXPECT_FALSE(GenerationIsNewer("9", "9"));
  EXPECT_TRUE(GenerationIsNewer("1587627537231058", "1587627537231057"));
  EXPECT_FALSE(GenerationIsNewer("x", "1"));
  EXPECT_FALSE(GenerationIsNewer("", "1"));
}

}  // namespace
}  // namespace jae
