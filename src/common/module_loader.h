// Loading one of jae-ocr's own shared modules (libjae-ocr-*.so) with dlopen.
//
// Why modules at all: a library loaded by the binary is loaded — relocated, initialised —
// by every process at exec, and Cloud Run counts that against a cold request. The heavy
// ones (libvips with ~100 dependencies, OpenCV + Tesseract) are modules, loaded by the
// processes that use them, when they first do.
//
// Contract: a module is looked for next to the running binary, in ../lib/jae-ocr/ from
// it, then in `build_dir` (the build tree, for test binaries in its subfolders). It must
// export `build_symbol`, a `const char* ()` returning `expected_build` (version/ABI of the
// same build): anything else is refused. Modules are never unloaded.
#pragma once

#include <string>
#include <string_view>

#include "common/status.h"

// "VERSION/ABI": what a module of this build reports from its build symbol, and what its
// loader expects. `abi` is the module's ABI macro.
#define JAE_MODULE_STRINGIFY(x) #x
#define JAE_MODULE_BUILD(abi) JAE_VERSION "/" JAE_MODULE_STRINGIFY(abi)

namespace jae {

// The opened module (a dlopen handle) or FailedPrecondition saying where it looked and
// why it failed (missing, unloadable, or from another build).
StatusOr<void*> OpenModule(std::string_view file_name, std::string_view build_dir,
                           const char* build_symbol, std::string_view expected_build);

// dlsym: the address of `name` in `module`, or null.
void* ModuleSymbol(void* module, const char* name);

}  // namespace jae
