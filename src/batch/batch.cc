#include "batch/batch.h"

#include <unistd.h>

#include <filesystem>
#include <random>
#include <thread>

#include "common/backoff.h"

namespace jae {
namespace {

bool EndsWith(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  for (std::size_t i = 0; i < suffix.size(); ++i) {
    const char a = s[s.size() - suffix.size() + i];
    const char lower = (a >= 'A' && a <= 'Z') ? static_cast<char>(a - 'A' + 'a') : a;
    if (lower != suffix[i]) return false;
  }
  return true;
}

std::string LocalPath(const std::string& uri) {
  if (uri.rfind("file://", 0) == 0) return uri.substr(7);
  return uri;
}

}  // namespace

std::string NestedPrefix(const std::string& outer, const std::string& inner) {
  const bool outer_gs = outer.rfind("gs://", 0) == 0;
  const bool inner_gs = inner.rfind("gs://", 0) == 0;
  if (outer_gs != inner_gs) return "";
  std::string a = outer, b = inner;
  if (!outer_gs) {
    std::error_code ec;
    a = std::filesystem::weakly_canonical(LocalPath(outer), ec).generic_string();
    if (ec) return "";
    b = std::filesystem::weakly_canonical(LocalPath(inner), ec).generic_string();
    if (ec) return "";
  }
  while (!a.empty() && a.back() == '/') a.pop_back();
  while (!b.empty() && b.back() == '/') b.pop_back();
  if (b.size() <= a.size() + 1 || b.compare(0, a.size(), a) != 0 || b[a.size()] != '/') return "";
  return b.substr(a.size() + 1) + "/";
}

bool IsDocumentName(std::string_view name, std::string_view results_prefix) {
  if (name.empty() || name.back() == '/') return false;
  if (!results_prefix.empty() && name.substr(0, results_prefix.size()) == results_prefix)
    return false;
  const std::size_t slash = name.rfind('/');
  const std::string_view base = slash == std::string_view::npos ? name : name.substr(slash + 1);
  if (base.empty() || base.front() == '.' || base.back() == '~') return false;
  for (std::string_view suffix : {".json", ".tmp", ".part", ".crdownload", ".partial"}) {
    if (EndsWith(base, suffix)) return false;
  }
  return true;
}

ProcessReport ProcessWithRetries(ObjectProcessor& processor, Store& source,
                                 const SourceObject& object, const BatchRetry& retry) {
  Backoff backoff(retry.backoff, std::random_device{}());
  ProcessReport last;
  auto done = RetryLoop<ProcessReport>(
      retry.policy, Idempotency::kIdempotent, backoff, *retry.clock, "processing",
      [&](std::chrono::milliseconds) {
        last = processor.Process(source, object);
        if (last.outcome != Outcome::kTransient) return AttemptOutcome<ProcessReport>::Ok(last);
        return AttemptOutcome<ProcessReport>::Transient(
            last.status.ok() ? UnavailableError("transient failure") : last.status);
      });
  return done.ok() ? *done : last;
}

void Tally::Add(const ProcessReport& report) {
  switch (report.outcome) {
    case Outcome::kWritten:
      (report.result_status == ResultStatus::kOk ? ok : rejected) += 1;
      break;
    case Outcome::kDuplicate:
    case Outcome::kStale:
    case Outcome::kGone:
      ++skipped;
      break;
    case Outcome::kTransient:
    case Outcome::kFailed:
      ++failed;
      break;
  }
}

std::string Tally::Summary() const {
  return std::to_string(ok.load()) + " ok, " + std::to_string(rejected.load()) + " rejected, " +
         std::to_string(skipped.load()) + " already done, " + std::to_string(failed.load()) +
         " failed";
}

Progress::Progress(std::string label)
    : label_(std::move(label)), enabled_(isatty(STDERR_FILENO) == 1) {}

Progress::~Progress() {
  if (enabled_) std::fputs("\n", stderr);
}

void Progress::Update(int done, int total) {
  if (!enabled_) return;
  if (total > 0) {
    std::fprintf(stderr, "\r%s %d/%d", label_.c_str(), done, total);
  } else {
    std::fprintf(stderr, "\r%s %d", label_.c_str(), done);
  }
  std::fflush(stderr);
}

}  // namespace jae
