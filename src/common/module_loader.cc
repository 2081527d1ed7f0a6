#include "common/module_loader.h"

#include <dlfcn.h>
#include <unistd.h>

#include <algorithm>
#include <vector>

namespace jae {
namespace {

std::string DirectoryOfThisExecutable() {
  std::vector<char> path(4096);
  const ssize_t n = ::readlink("/proc/self/exe", path.data(), path.size() - 1);
  if (n <= 0) return {};
  std::string exe(path.data(), static_cast<std::size_t>(n));
  const auto slash = exe.rfind('/');
  return slash == std::string::npos ? std::string() : exe.substr(0, slash);
}

std::vector<std::string> Candidates(std::string_view file_name, std::string_view build_dir) {
  std::vector<std::string> out;
  const std::string file(file_name);
  if (const std::string dir = DirectoryOfThisExecutable(); !dir.empty()) {
    out.push_back(dir + "/" + file);
    out.push_back(dir + "/../lib/jae-ocr/" + file);
  }
  if (!build_dir.empty()) {
    const std::string built = std::string(build_dir) + "/" + file;
    if (std::find(out.begin(), out.end(), built) == out.end()) out.push_back(built);
  }
  return out;
}

}  // namespace

StatusOr<void*> OpenModule(std::string_view file_name, std::string_view build_dir,
                           const char* build_symbol, std::string_view expected_build) {
  std::string looked;
  std::string last_error;
  void* module = nullptr;
  for (const std::string& path : Candidates(file_name, build_dir)) {
    looked += (looked.empty() ? "" : ", ") + path;
    if (::access(path.c_str(), F_OK) != 0) continue;
    // RTLD_LOCAL: the module's copies of our static libraries stay its own.
    module = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (module != nullptr) break;
    const char* why = ::dlerror();
    last_error = why != nullptr ? why : "unknown error";
  }
  if (module == nullptr) {
    return FailedPreconditionError("the module " + std::string(file_name) +
                                   " cannot be loaded (looked in " + looked +
                                   (last_error.empty() ? "" : "; " + last_error) + ")");
  }
  using BuildFn = const char* (*)();
  auto build = reinterpret_cast<BuildFn>(::dlsym(module, build_symbol));
  if (build == nullptr || std::string_view(build()) != expected_build) {
    return FailedPreconditionError("the module " + std::string(file_name) +
                                   " does not match this jae-ocr " + std::string(expected_build) +
                                   " (reinstall both together)");
  }
  return module;
}

void* ModuleSymbol(void* module, const char* name) { return ::dlsym(module, name); }

}  // namespace jae
