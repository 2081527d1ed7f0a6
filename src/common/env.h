// Env: read-only access to configuration variables, injected so that tests never
// mutate the process environment and no code reads getenv behind its caller's back.
#pragma once

#include <cstdlib>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace jae {

class Env {
 public:
  virtual ~Env() = default;
  // The variable's value; nullopt when unset. An empty value counts as unset.
  virtual std::optional<std::string> Get(std::string_view name) const = 0;
  std::string GetOr(std::string_view name, std::string fallback) const {
    auto v = Get(name);
    return v ? *v : std::move(fallback);
  }
};

class ProcessEnv final : public Env {
 public:
  std::optional<std::string> Get(std::string_view name) const override {
    const char* v = std::getenv(std::string(name).c_str());
    if (v == nullptr || *v == '\0') return std::nullopt;
    return std::string(v);
  }
};

class MapEnv final : public Env {
 public:
  MapEnv() = default;
  explicit MapEnv(std::map<std::string, std::string, std::less<>> vars) : vars_(std::move(vars)) {}
  void Set(std::string name, std::string value) { vars_[std::move(name)] = std::move(value); }
  std::optional<std::string> Get(std::string_view name) const override {
    const auto it = vars_.find(name);
    if (it == vars_.end() || it->second.empty()) return std::nullopt;
    return it->second;
  }

 private:
  std::map<std::string, std::string, std::less<>> vars_;
};

}  // namespace jae
