#include "engine/local_engine_module.h"

#include <dlfcn.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#define JAE_STRINGIFY2(x) #x
#define JAE_STRINGIFY(x) JAE_STRINGIFY2(x)

namespace jae {
namespace {

constexpr char kModuleFile[] = "libjae-ocr-local.so";

std::string DirectoryOfThisExecutable() {
  std::vector<char> path(4096);
  const ssize_t n = ::readlink("/proc/self/exe", path.data(), path.size() - 1);
  if (n <= 0) return {};
  std::string exe(path.data(), static_cast<std::size_t>(n));
  const auto slash = exe.rfind('/');
  return slash == std::string::npos ? std::string() : exe.substr(0, slash);
}

// Next to the binary (build tree, Docker image), the usual lib/ layout of an install,
// and the build tree for test binaries that live in its subfolders.
std::vector<std::string> Candidates() {
  std::vector<std::string> out;
  if (const std::string dir = DirectoryOfThisExecutable(); !dir.empty()) {
    out.push_back(dir + "/" + kModuleFile);
    out.push_back(dir + "/../lib/jae-ocr/" + kModuleFile);
  }
#ifdef JAE_BUILD_DIR
  const std::string built = std::string(JAE_BUILD_DIR) + "/" + kModuleFile;
  if (std::find(out.begin(), out.end(), built) == out.end()) out.push_back(built);
#endif
  return out;
}

}  // namespace

StatusOr<std::unique_ptr<Engine>> LoadLocalEngine(const Env& env) {
  std::string looked;
  std::string last_error;
  void* module = nullptr;
  for (const std::string& path : Candidates()) {
    if (::access(path.c_str(), F_OK) != 0) {
      looked += (looked.empty() ? "" : ", ") + path;
      continue;
    }
    // RTLD_LOCAL: the module's copies of our static libraries stay its own.
    module = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (module != nullptr) break;
    const char* why = ::dlerror();
    last_error = why != nullptr ? why : "unknown error";
    looked += (looked.empty() ? "" : ", ") + path;
  }
  if (module == nullptr) {
    return FailedPreconditionError("the local engine module " + std::string(kModuleFile) +
                                   " cannot be loaded (looked in " + looked +
                                   (last_error.empty() ? "" : "; " + last_error) + ")");
  }
  using BuildFn = const char* (*)();
  using MakeFn = Engine* (*)(const Env*, Status*);
  auto build = reinterpret_cast<BuildFn>(::dlsym(module, "jae_local_module_build"));
  auto make = reinterpret_cast<MakeFn>(::dlsym(module, "jae_local_module_make_engine"));
  static constexpr char kExpected[] = JAE_VERSION "/" JAE_STRINGIFY(JAE_LOCAL_MODULE_ABI);
  if (build == nullptr || make == nullptr || std::strcmp(build(), kExpected) != 0) {
    return FailedPreconditionError("the local engine module does not match this jae-ocr " +
                                   std::string(kExpected) + " (reinstall both together)");
  }
  Status error;
  Engine* engine = make(&env, &error);
  if (engine == nullptr) {
    return error.ok() ? InternalError("the local engine module made no engine") : error;
  }
  return std::unique_ptr<Engine>(engine);
}

}  // namespace jae
