#include "common/env_vars.h"

#include <cctype>
#include <charconv>
#include <string>

namespace jae {

StatusOr<std::int64_t> IntVar(const Env& env, std::string_view name, std::int64_t fallback,
                              std::int64_t min, std::int64_t max) {
  const auto value = env.Get(name);
  if (!value) return fallback;
  std::int64_t parsed = 0;
  const char* end = value->data() + value->size();
  const auto [ptr, ec] = std::from_chars(value->data(), end, parsed);
  if (ec != std::errc() || ptr != end || parsed < min || parsed > max) {
    return InvalidArgumentError(std::string(name) + " must be a whole number between " +
                                std::to_string(min) + " and " + std::to_string(max) + ", got '" +
                                value->substr(0, 40) + "'");
  }
  return parsed;
}

StatusOr<bool> BoolVar(const Env& env, const char* name, bool fallback) {
  const auto value = env.Get(name);
  if (!value) return fallback;
  std::string v = *value;
  for (char& c : v) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (v == "true" || v == "1" || v == "yes") return true;
  if (v == "false" || v == "0" || v == "no") return false;
  return InvalidArgumentError(std::string(name) + " must be true or false, got '" + *value + "'");
}

}  // namespace jae
