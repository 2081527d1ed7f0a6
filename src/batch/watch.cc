#include "batch/watch.h"

#include <poll.h>
#include <signal.h>
#include <sys/inotify.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <deque>
#include <filesystem>
#include <map>
#include <set>
#include <thread>

namespace jae {
namespace {

namespace fs = std::filesystem;

constexpr std::uint32_t kDirMask =
    IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_DELETE_SELF | IN_ONLYDIR;

class Watcher {
 public:
  Watcher(Store& inbox, ObjectProcessor& processor, const WatchOptions& options, JsonLog& log)
      : inbox_(inbox), processor_(processor), options_(options), log_(log) {}
  ~Watcher() {
    if (inotify_fd_ >= 0) close(inotify_fd_);
    if (signal_fd_ >= 0) close(signal_fd_);
  }

  int Run() {
    std::error_code ec;
    if (!fs::is_directory(options_.inbox_dir, ec)) {
      std::fprintf(stderr, "jae-ocr watch: --inbox %s is not a folder\n",
                   options_.inbox_dir.c_str());
      return 2;
    }
    if (!options_.once) {
      sigset_t signals;
      sigemptyset(&signals);
      sigaddset(&signals, SIGINT);
      sigaddset(&signals, SIGTERM);
      pthread_sigmask(SIG_BLOCK, &signals, nullptr);
      signal_fd_ = signalfd(-1, &signals, SFD_CLOEXEC);
      // Watch before the first scan so that nothing written meanwhile is missed.
      inotify_fd_ = inotify_init1(IN_CLOEXEC | IN_NONBLOCK);
      if (inotify_fd_ < 0 || signal_fd_ < 0) {
        std::fprintf(stderr, "jae-ocr watch: cannot watch --inbox (inotify)\n");
        return 2;
      }
      AddWatches("");
    }
    if (!ScanAll()) return 2;
    SettleAndProcess();
    if (options_.once) {
      log_.Write(Severity::kInfo, "watch --once done", {{"summary", tally_.Summary()}});
      std::fprintf(stderr, "jae-ocr watch: %s\n", tally_.Summary().c_str());
      return tally_.ExitCode();
    }
    log_.Write(Severity::kInfo, "watching for new files");
    const bool stopped_by_signal = Loop();
    std::fprintf(stderr, "jae-ocr watch: %s\n", tally_.Summary().c_str());
    return stopped_by_signal ? 0 : 2;
  }

 private:
  // Adds an inotify watch on the folder `relative` (and its sub-folders).
  void AddWatches(const std::string& relative) {
    const fs::path root = fs::path(options_.inbox_dir) / relative;
    AddWatch(root, relative);
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(
             root, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (it->is_directory(ec) && !it->is_symlink(ec)) {
        AddWatch(it->path(), fs::relative(it->path(), options_.inbox_dir, ec).generic_string());
      }
    }
  }

  void AddWatch(const fs::path& path, const std::string& relative) {
    const int wd = inotify_add_watch(inotify_fd_, path.c_str(), kDirMask);
    if (wd >= 0) folders_[wd] = relative == "." ? "" : relative;
  }

  static std::string Join(const std::string& folder, std::string_view name) {
    return folder.empty() ? std::string(name) : folder + "/" + std::string(name);
  }

  bool ScanAll() {
    std::string token;
    do {
      auto page = inbox_.List("", token);
      if (!page.ok()) {
        std::fprintf(stderr, "jae-ocr watch: cannot list --inbox: %s\n",
                     page.status().ToString().c_str());
        return false;
      }
      for (const auto& meta : page->objects) Candidate(meta.name);
      token = page->next_page_token;
    } while (!token.empty());
    return true;
  }

  void Candidate(const std::string& name) {
    if (IsDocumentName(name, options_.results_prefix) && queued_.insert(name).second) {
      unsettled_.push_back(name);
    }
  }

  // Files found by scanning: take each once its size and mtime stop changing.
  void SettleAndProcess() {
    Progress progress("watch");
    int total = static_cast<int>(unsettled_.size());
    for (int round = 0; !unsettled_.empty() && round < options_.settle_rounds; ++round) {
      std::map<std::string, ObjectMeta> before;
      for (const auto& name : unsettled_) {
        auto meta = inbox_.Stat(name);
        if (meta.ok()) before[name] = *meta;
      }
      std::this_thread::sleep_for(options_.settle);
      std::deque<std::string> still_changing;
      for (const auto& name : unsettled_) {
        auto meta = inbox_.Stat(name);
        auto it = before.find(name);
        if (!meta.ok() || it == before.end()) {
          queued_.erase(name);  // vanished: nothing to do
          --total;
          continue;
        }
        if (meta->size != it->second.size || meta->generation != it->second.generation) {
          still_changing.push_back(name);
          continue;
        }
        queued_.erase(name);
        if (meta->size == 0) {
          --total;
          continue;
        }
        ProcessOne(SourceObject{name, meta->generation, meta->size, ""});
        progress.Update(tally_.done(), total);
      }
      unsettled_ = std::move(still_changing);
    }
    for (const auto& name : unsettled_) {
      log_.Write(Severity::kWarning, "file still being written; skipped",
                 {{"object_tag", NameTag(name)}});
      queued_.erase(name);
      ++tally_.failed;
    }
    unsettled_.clear();
  }

  void ProcessOne(const SourceObject& object) {
    ProcessReport report = ProcessWithRetries(processor_, inbox_, object, options_.retry);
    tally_.Add(report);
    nlohmann::json fields = {{"object_tag", NameTag(object.name)},
                             {"generation", object.generation},
                             {"outcome", ToString(report.outcome)}};
    if (report.result_status) fields["result_status"] = ToString(*report.result_status);
    if (report.error_code) fields["error_code"] = ToString(*report.error_code);
    if (!report.status.ok()) fields["error"] = report.status.ToString();
    const bool bad = report.outcome == Outcome::kFailed || report.outcome == Outcome::kTransient;
    log_.Write(bad ? Severity::kError : Severity::kInfo, "file processed", fields);
  }

  // Returns true when stopped by SIGINT/SIGTERM, false when the inbox can no longer be
  // watched (logged at ERROR: a watcher that silently exits 0 looks like a clean stop).
  bool Loop() {
    alignas(inotify_event) char buffer[64 * 1024];
    for (;;) {
      pollfd fds[2] = {{inotify_fd_, POLLIN, 0}, {signal_fd_, POLLIN, 0}};
      // Re-check scanned-but-unsettled files (new sub-folders) every settle interval.
      const int timeout = unsettled_.empty() ? -1 : static_cast<int>(options_.settle.count());
      const int ready = poll(fds, 2, timeout);
      if (ready < 0 || ((fds[0].revents | fds[1].revents) & (POLLERR | POLLNVAL)) != 0) {
        if (ready < 0 && errno == EINTR) continue;
        const int err = ready < 0 ? errno : EBADF;
        log_.Write(Severity::kError, "cannot watch the inbox any more (poll failed)",
                   {{"error", std::strerror(err)}});
        std::fprintf(stderr, "jae-ocr watch: poll failed: %s\n", std::strerror(err));
        return false;
      }
      if (fds[1].revents & POLLIN) {
        log_.Write(Severity::kInfo, "signal received, stopping");
        return true;
      }
      if (fds[0].revents & POLLIN) {
        for (;;) {
          const ssize_t n = read(inotify_fd_, buffer, sizeof buffer);
          if (n <= 0) break;
          for (ssize_t off = 0; off < n;) {
            const auto* ev = reinterpret_cast<const inotify_event*>(buffer + off);
            off += static_cast<ssize_t>(sizeof(inotify_event) + ev->len);
            HandleEvent(*ev);
          }
        }
      }
      if (!pending_.empty()) {
        auto names = std::move(pending_);
        pending_.clear();
        for (const auto& name : names) {
          auto meta = inbox_.Stat(name);
          if (!meta.ok() || meta->size == 0) continue;
          ProcessOne(SourceObject{name, meta->generation, meta->size, ""});
        }
      }
      if (!unsettled_.empty()) SettleAndProcess();
    }
  }

  void HandleEvent(const inotify_event& ev) {
    if (ev.mask & IN_Q_OVERFLOW) {
      ScanAll();  // events were lost: look at everything again
      return;
    }
    const auto folder = folders_.find(ev.wd);
    if (folder == folders_.end() || ev.len == 0) return;
    const std::string name = Join(folder->second, ev.name);
    if (ev.mask & IN_ISDIR) {
      if (ev.mask & (IN_CREATE | IN_MOVED_TO)) {
        AddWatches(name);
        // Files may already be inside (moved in whole, or written before the watch).
        std::string token;
        do {
          auto page = inbox_.List(name + "/", token);
          if (!page.ok()) break;
          for (const auto& meta : page->objects) Candidate(meta.name);
          token = page->next_page_token;
        } while (!token.empty());
      }
      return;
    }
    if ((ev.mask & (IN_CLOSE_WRITE | IN_MOVED_TO)) &&
        IsDocumentName(name, options_.results_prefix)) {
      pending_.insert(name);
    }
  }

  Store& inbox_;
  ObjectProcessor& processor_;
  const WatchOptions& options_;
  JsonLog& log_;
  Tally tally_;
  int inotify_fd_ = -1;
  int signal_fd_ = -1;
  std::map<int, std::string> folders_;  // watch descriptor → folder relative to the inbox
  std::deque<std::string> unsettled_;   // found by scanning, not yet known to be complete
  std::set<std::string> queued_;
  std::set<std::string> pending_;  // announced complete by inotify
};

}  // namespace

int RunWatch(Store& inbox, ObjectProcessor& processor, const WatchOptions& options, JsonLog& log) {
  Watcher watcher(inbox, processor, options, log);
  return watcher.Run();
}

}  // namespace jae
