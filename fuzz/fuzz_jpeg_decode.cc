// The scaled JPEG decoder (src/image/jpeg_decode.h) on arbitrary bytes: the first byte
// picks the scale, the rest is the file. Beyond "no crash, no leak": a decoded image has
// the buffer its dimensions say, and the limit on pixels is never exceeded.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "image/jpeg_decode.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  const int eighths = 1 + data[0] % 8;
  const std::string_view bytes(reinterpret_cast<const char*>(data + 1), size - 1);
  // Small enough that the fuzzer's memory limit is never what stops a bomb.
  constexpr std::int64_t kMaxPixels = 4'000'000;
  auto decoded = jae::DecodeJpegScaled(bytes, eighths, kMaxPixels);
  if (!decoded.ok()) return 0;
  if (decoded->bands != 1 && decoded->bands != 3) std::abort();
  if (decoded->pixels.size() !=
      static_cast<std::size_t>(decoded->width) * decoded->height * decoded->bands) {
    std::abort();
  }
  if (std::int64_t{decoded->width} * decoded->height > kMaxPixels) std::abort();
  return 0;
}
