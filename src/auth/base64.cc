#include "auth/base64.h"

#include <openssl/evp.h>

#include <algorithm>

namespace jae {

std::string Base64Encode(std::string_view bytes) {
  std::string out;
  AppendBase64(bytes, out);
  return out;
}

void AppendBase64(std::string_view bytes, std::string& out) {
  // EVP_EncodeBlock takes an int length: encode in chunks that are a multiple of 3 so
  // that only the last chunk carries padding.
  constexpr std::size_t kChunk = 3 * (1 << 20);
  out.reserve(out.size() + Base64Length(bytes.size()) + 1);
  for (std::size_t pos = 0; pos < bytes.size(); pos += kChunk) {
    const std::size_t n = std::min(kChunk, bytes.size() - pos);
    const std::size_t start = out.size();
    out.resize(start + (n + 2) / 3 * 4 + 1);
    const int written = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data() + start),
                                        reinterpret_cast<const unsigned char*>(bytes.data() + pos),
                                        static_cast<int>(n));
    out.resize(start + static_cast<std::size_t>(written));
  }
}

std::string Base64UrlEncode(std::string_view bytes) {
  std::string out = Base64Encode(bytes);
  while (!out.empty() && out.back() == '=') out.pop_back();
  for (char& c : out) {
    if (c == '+') c = '-';
    if (c == '/') c = '_';
  }
  return out;
}

}  // namespace jae
