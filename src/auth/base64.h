// Base64 as Google APIs want it: standard (RFC 4648 §4, padded) for inlineData, and
// URL-safe without padding (RFC 4648 §5) for JWT segments. Backed by OpenSSL.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace jae {

std::string Base64Encode(std::string_view bytes);
// Appends the standard encoding to `out` (no intermediate copy of large payloads).
void AppendBase64(std::string_view bytes, std::string& out);
// The length of the standard encoding of `n` bytes.
constexpr std::size_t Base64Length(std::size_t n) { return (n + 2) / 3 * 4; }
std::string Base64UrlEncode(std::string_view bytes);

}  // namespace jae
