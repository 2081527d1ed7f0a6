#include "batch/backfill.h"

#include <mutex>
#include <thread>
#include <vector>

namespace jae {

int RunBackfill(Store& source, ObjectProcessor& processor, const BackfillOptions& options,
                JsonLog& log) {
  std::vector<ObjectMeta> todo;
  std::string token;
  do {
    auto page = source.List("", token);
    if (!page.ok()) {
      std::fprintf(stderr, "jae-ocr backfill: cannot list --source: %s\n",
                   page.status().ToString().c_str());
      return 1;
    }
    for (auto& meta : page->objects) {
      if (meta.size > 0 && IsDocumentName(meta.name, options.results_prefix)) {
        todo.push_back(std::move(meta));
      }
    }
    token = page->next_page_token;
  } while (!token.empty());

  Tally tally;
  Progress progress("backfill");
  std::mutex mu;
  std::size_t next = 0;
  auto worker = [&] {
    for (;;) {
      std::size_t i;
      {
        std::lock_guard lock(mu);
        if (next >= todo.size()) return;
        i = next++;
      }
      const ObjectMeta& meta = todo[i];
      ProcessReport report = ProcessWithRetries(
          processor, source, SourceObject{meta.name, meta.generation, meta.size, meta.content_type},
          options.retry);
      tally.Add(report);
      nlohmann::json fields = {{"object_tag", NameTag(meta.name)},
                               {"generation", meta.generation},
                               {"outcome", ToString(report.outcome)}};
      if (report.error_code) fields["error_code"] = ToString(*report.error_code);
      if (!report.status.ok()) fields["error"] = report.status.ToString();
      const bool bad = report.outcome == Outcome::kFailed || report.outcome == Outcome::kTransient;
      log.Write(bad ? Severity::kError : Severity::kDebug, "backfill: object processed", fields);
      std::lock_guard lock(mu);
      progress.Update(tally.done(), static_cast<int>(todo.size()));
    }
  };
  std::vector<std::thread> threads;
  const int jobs = std::max(1, std::min<int>(options.jobs, static_cast<int>(todo.size())));
  for (int j = 0; j < jobs; ++j) threads.emplace_back(worker);
  for (auto& t : threads) t.join();
  std::fprintf(stderr, "jae-ocr backfill: %zu documents: %s\n", todo.size(),
               tally.Summary().c_str());
  return tally.ExitCode();
}

}  // namespace jae
