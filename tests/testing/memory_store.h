// An in-memory Store for tests, honouring the Store contract (generations,
// ifGenerationMatch, bounded reads, refused names) with switchable faults.
#pragma once

#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <string>
#include <thread>

#include "store/store.h"

namespace jae::testing {

class MemoryStore final : public Store {
 public:
  explicit MemoryStore(std::string root = "mem://b") : root_(std::move(root)) {}

  std::string UriOf(std::string_view name) const override {
    return root_ + "/" + std::string(name);
  }

  StatusOr<ObjectMeta> Stat(std::string_view name) override {
    std::lock_guard lock(mu_);
    ++stats;
    if (auto s = Fault("stat"); !s.ok()) return s;
    auto it = objects_.find(std::string(name));
    if (it == objects_.end()) return NotFoundError("no such object");
    return it->second.meta;
  }

  StatusOr<std::string> Read(std::string_view name, std::optional<std::string> generation,
                             std::int64_t max_bytes) override {
    std::lock_guard lock(mu_);
    ++reads;
    if (auto s = Fault("read"); !s.ok()) return s;
    auto it = objects_.find(std::string(name));
    if (it == objects_.end()) return NotFoundError("no such object");
    if (generation && *generation != it->second.meta.generation)
      return NotFoundError("no such generation");
    if (static_cast<std::int64_t>(it->second.bytes.size()) > max_bytes) {
      return Status(StatusCode::kOutOfRange, "too big");
    }
    return it->second.bytes;
  }

  StatusOr<ObjectMeta> Write(std::string_view name, std::string_view bytes,
                             std::string_view content_type,
                             std::optional<std::string> if_generation_match) override {
    std::lock_guard lock(mu_);
    ++writes_attempted;
    if (auto s = Fault("write"); !s.ok()) return s;
    if (name.find("..") != std::string_view::npos || name.empty() || name.front() == '/') {
      return InvalidArgumentError("object name refused");
    }
    auto it = objects_.find(std::string(name));
    if (if_generation_match) {
      const std::string current = it == objects_.end() ? "0" : it->second.meta.generation;
      if (current != *if_generation_match) return FailedPreconditionError("generation mismatch");
    }
    Entry e;
    e.bytes = std::string(bytes);
    e.meta.name = std::string(name);
    e.meta.generation = std::to_string(++next_generation_);
    e.meta.size = static_cast<std::int64_t>(bytes.size());
    e.meta.content_type = std::string(content_type);
    objects_[std::string(name)] = e;
    ++writes;
    return e.meta;
  }

  StatusOr<ListPage> List(std::string_view prefix, std::string_view) override {
    std::lock_guard lock(mu_);
    if (auto s = Fault("list"); !s.ok()) return s;
    ListPage page;
    for (const auto& [name, e] : objects_) {
      if (name.compare(0, prefix.size(), prefix) == 0) page.objects.push_back(e.meta);
    }
    return page;
  }

  Status Delete(std::string_view name, std::optional<std::string> if_generation_match) override {
    std::lock_guard lock(mu_);
    if (auto s = Fault("delete"); !s.ok()) return s;
    auto it = objects_.find(std::string(name));
    if (it == objects_.end()) return NotFoundError("no such object");
    if (if_generation_match && *if_generation_match != it->second.meta.generation) {
      return FailedPreconditionError("generation mismatch");
    }
    objects_.erase(it);
    ++deletes;
    return OkStatus();
  }

  // Test helpers.
  std::string Put(const std::string& name, const std::string& bytes) {
    auto meta = Write(name, bytes, "application/octet-stream", std::nullopt);
    return meta->generation;
  }
  std::optional<std::string> Get(const std::string& name) {
    std::lock_guard lock(mu_);
    auto it = objects_.find(name);
    if (it == objects_.end()) return std::nullopt;
    return it->second.bytes;
  }
  bool Has(const std::string& name) { return Get(name).has_value(); }
  void SetDown(bool down) { down_ = down; }
  // Every `op` ("stat", "read", "write", "list", "delete") fails with `status` (after
  // `delay`, for slow-then-failing backends) until ClearFaults().
  void FailOn(const std::string& op, Status status,
              std::chrono::milliseconds delay = std::chrono::milliseconds(0)) {
    std::lock_guard lock(mu_);
    faults_[op] = std::move(status);
    slow_ = delay;
  }
  void ClearFaults() {
    std::lock_guard lock(mu_);
    faults_.clear();
    slow_ = std::chrono::milliseconds(0);
  }

  std::atomic<int> stats{0}, reads{0}, writes{0}, writes_attempted{0}, deletes{0};

 private:
  struct Entry {
    ObjectMeta meta;
    std::string bytes;
  };
  // Called with mu_ held.
  Status Fault(const std::string& op) {
    if (down_) return UnavailableError("storage down");
    auto it = faults_.find(op);
    if (it == faults_.end()) return OkStatus();
    if (slow_.count() > 0) std::this_thread::sleep_for(slow_);
    return it->second;
  }
  std::map<std::string, Status> faults_;
  std::chrono::milliseconds slow_{0};

  std::string root_;
  std::mutex mu_;
  std::map<std::string, Entry> objects_;
  std::int64_t next_generation_ = 1000;
  std::atomic<bool> down_{false};
};

}  // namespace jae::testing
