#include "processing/engine_setup.h"

#include "engine/engine_factory.h"

namespace jae {

StatusOr<std::unique_ptr<Engine>> CreateEngine(std::string_view choice, const Env& env) {
  std::optional<std::string> flag;
  if (!choice.empty()) flag = std::string(choice);
  return MakeEngine(flag, env);
}

}  // namespace jae
