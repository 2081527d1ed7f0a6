// Object names: the checks every store applies to untrusted names, and the content type
// guessed from a name's extension.
#pragma once

#include <string>
#include <string_view>

#include "common/status.h"

namespace jae {

// Cloud Storage's own rules: 1..1024 bytes of valid UTF-8, no CR/LF (nor NUL, which no
// file system or log line survives), not "." or "..", not under ".well-known/acme-challenge/".
Status ValidateObjectName(std::string_view name);

// ValidateObjectName, plus what a name must be to stay inside a local folder: relative
// ('/'-separated, no leading '/'), no empty, "." or ".." segment, no backslash, no
// trailing '/', and no segment starting with ".jae-tmp-" (the store's temporary files).
Status ValidateLocalObjectName(std::string_view name);

// A list prefix for a local folder: empty, or a name as above that may end with '/'.
Status ValidateLocalPrefix(std::string_view prefix);

// The temporary-file marker of the local store (also hidden from listings).
inline constexpr std::string_view kLocalTempPrefix = ".jae-tmp-";

// A content type from the extension (".jpg" → "image/jpeg"); "application/octet-stream"
// when unknown. Local files have no declared type, so this stands in for it.
std::string GuessContentType(std::string_view name);

}  // namespace jae
