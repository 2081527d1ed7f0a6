// Stand-ins for engines whose library is not in this build yet (their CMake target is
// still an INTERFACE placeholder). CMakeLists.txt compiles each stand-in only while the
// real engine is missing, so merging an engine needs no change here; once both engines
// exist this file is unused and can be deleted.
#include "engine/gemini/gemini_engine.h"
#include "engine/local/local_engine.h"

namespace jae {

#ifdef JAE_UNBUILT_GEMINI_ENGINE
StatusOr<std::unique_ptr<Engine>> MakeGeminiEngine(EngineName which, const Env&) {
  return Status(StatusCode::kUnimplemented,
                std::string("engine ") + std::string(ToString(which)) + " is not built yet");
}
#endif

#ifdef JAE_UNBUILT_LOCAL_ENGINE
StatusOr<std::unique_ptr<Engine>> MakeLocalEngine(const Env&) {
  return Status(StatusCode::kUnimplemented, "engine local is not built yet");
}
#endif

}  // namespace jae
