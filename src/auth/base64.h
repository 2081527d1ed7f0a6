// Base64 as Google APIs want it: standard (RFC 4648 §4, padded) for inlineData, and
// URL-safe without padding (RFC 4648 §5) for JWT segments. Backed by OpenSSL.
#pragma once

#include <string>
#include <string_view>

namespace jae {

std::string Base64Encode(std::string_view bytes);
std::string Base64UrlEncode(std::string_view bytes);

}  // namespace jae
