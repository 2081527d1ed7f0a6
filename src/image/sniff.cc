// Magic numbers of the formats we accept. Only the first bytes are read.
#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>

#include "image/image.h"

namespace jae {
namespace {

bool StartsWith(std::string_view bytes, std::string_view prefix) {
  return bytes.substr(0, prefix.size()) == prefix;
}

// ISO base media file (HEIF family): size(4) "ftyp" major_brand(4) minor(4) compatible*.
std::string_view SniffIsoBmff(std::string_view bytes) {
  if (bytes.size() < 16 || bytes.substr(4, 4) != "ftyp") return {};
  const auto box_size = (std::uint32_t(std::uint8_t(bytes[0])) << 24) |
                        (std::uint32_t(std::uint8_t(bytes[1])) << 16) |
                        (std::uint32_t(std::uint8_t(bytes[2])) << 8) | std::uint8_t(bytes[3]);
  const std::string_view major = bytes.substr(8, 4);
  static constexpr std::array<std::string_view, 6> kHeicBrands = {"heic", "heix", "hevc",
                                                                  "hevx", "heim", "heis"};
  for (auto brand : kHeicBrands) {
    if (major == brand) return "image/heic";
  }
  if (major != "mif1" && major != "msf1") return {};
  // Generic HEIF: AVIF files use the same major brand; they are not a format we accept.
  const std::size_t end = std::min<std::size_t>(bytes.size(), box_size);
  bool has_heic = false;
  for (std::size_t i = 16; i + 4 <= end; i += 4) {
    const std::string_view brand = bytes.substr(i, 4);
    if (brand == "avif" || brand == "avis") return {};
    for (auto b : kHeicBrands) has_heic |= brand == b;
  }
  return has_heic ? "image/heic" : "image/heif";
}

}  // namespace

std::string_view SniffMediaType(std::string_view bytes) {
  if (StartsWith(bytes, "\xFF\xD8\xFF")) return "image/jpeg";
  if (StartsWith(bytes, "\x89PNG\r\n\x1A\n")) return "image/png";
  if (bytes.size() >= 12 && StartsWith(bytes, "RIFF") && bytes.substr(8, 4) == "WEBP") {
    return "image/webp";
  }
  if (StartsWith(bytes, std::string_view("II*\0", 4)) ||
      StartsWith(bytes, std::string_view("MM\0*", 4)) ||
      StartsWith(bytes, std::string_view("II+\0", 4)) ||  // BigTIFF
      StartsWith(bytes, std::string_view("MM\0+", 4))) {
    return "image/tiff";
  }
  if (StartsWith(bytes, "%PDF-")) return "application/pdf";
  return SniffIsoBmff(bytes);
}

}  // namespace jae
