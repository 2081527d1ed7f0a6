// Fuzzes the untrusted-name checks of the stores and storage URI parsing: no input may
// crash, and every name the local store accepts must stay inside its folder.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include "common/env.h"
#include "http/http_client.h"
#include "store/object_name.h"
#include "store/store.h"

namespace {

class NoHttp final : public jae::HttpClient {
 public:
  jae::StatusOr<jae::HttpResponse> Send(const jae::HttpRequest&) override {
    return jae::UnavailableError("no network in the fuzzer");
  }
};

void CheckStaysInside(std::string_view name) {
  if (name.empty() || name.front() == '/' || name.back() == '/') std::abort();
  if (name.find('\\') != std::string_view::npos || name.find('\0') != std::string_view::npos) {
    std::abort();
  }
  size_t start = 0;
  while (start <= name.size()) {
    size_t end = name.find('/', start);
    if (end == std::string_view::npos) end = name.size();
    const auto segment = name.substr(start, end - start);
    if (segment.empty() || segment == "." || segment == "..") std::abort();
    start = end + 1;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  if (jae::ValidateLocalObjectName(input).ok()) CheckStaysInside(input);
  (void)jae::ValidateObjectName(input);
  (void)jae::ValidateLocalPrefix(input);
  (void)jae::GuessContentType(input);
  // URIs: only gs:// ones (a plain path would be a local folder, harmless but slow to vary).
  if (input.starts_with("gs://") || input.starts_with("file:")) {
    jae::MapEnv env;
    env.Set("STORAGE_EMULATOR_HOST", "http://127.0.0.1:1");
    jae::StoreContext context{&env, std::make_shared<NoHttp>(), nullptr};
    auto store = jae::OpenStore(input, context);
    if (store.ok()) (void)(*store)->UriOf("a/b.jpg");
  }
  return 0;
}
