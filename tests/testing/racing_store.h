// RacingStore: a Store that forwards every call to another and runs a hook before each
// write, so that a test can put another writer between our read and our write (once, or
// every time, as the hook decides). Not thread-safe beyond what `inner` and the hook are.
//
//   RacingStore racing(results, [&](std::string_view name) { results.Put(std::string(name),
//   theirs); });
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "store/store.h"

namespace jae::testing {

class RacingStore final : public Store {
 public:
  RacingStore(Store& inner, std::function<void(std::string_view name)> before_write)
      : inner_(inner), before_write_(std::move(before_write)) {}

  std::string UriOf(std::string_view n) const override { return inner_.UriOf(n); }
  StatusOr<ObjectMeta> Stat(std::string_view n) override { return inner_.Stat(n); }
  StatusOr<std::string> Read(std::string_view n, std::optional<std::string> g,
                             std::int64_t max) override {
    return inner_.Read(n, g, max);
  }
  StatusOr<ObjectMeta> Write(std::string_view n, std::string_view b, std::string_view ct,
                             std::optional<std::string> g) override {
    before_write_(n);
    return inner_.Write(n, b, ct, g);
  }
  StatusOr<ListPage> List(std::string_view p, std::string_view t) override {
    return inner_.List(p, t);
  }
  Status Delete(std::string_view n, std::optional<std::string> g) override {
    return inner_.Delete(n, g);
  }

 private:
  Store& inner_;
  std::function<void(std::string_view name)> before_write_;
};

}  // namespace jae::testing
