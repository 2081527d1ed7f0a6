#include "store/object_name.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

namespace jae {
namespace {

// True if `s` is well-formed UTF-8 (no overlongs, no surrogates, ≤ U+10FFFF).
bool IsValidUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    int len = 0;
    std::uint32_t cp = 0;
    if (c < 0x80) {
      ++i;
      continue;
    } else if ((c & 0xE0) == 0xC0) {
      len = 2;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4;
      cp = c & 0x07;
    } else {
      return false;
    }
    if (i + len > s.size()) return false;
    for (int k = 1; k < len; ++k) {
      const auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
        cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      return false;
    }
    i += len;
  }
  return true;
}

// Checks each '/'-separated segment of a relative path.
Status ValidateSegments(std::string_view name) {
  if (name.front() == '/') return InvalidArgumentError("object name is an absolute path");
  if (name.find('\\') != std::string_view::npos) {
    return InvalidArgumentError("object name contains a backslash");
  }
  size_t start = 0;
  while (start <= name.size()) {
    size_t end = name.find('/', start);
    if (end == std::string_view::npos) end = name.size();
    const auto segment = name.substr(start, end - start);
    if (segment.empty()) return InvalidArgumentError("object name has an empty path segment");
    if (segment == "." || segment == "..") {
      return InvalidArgumentError("object name has a '.' or '..' path segment");
    }
    if (segment.starts_with(kLocalTempPrefix)) {
      return InvalidArgumentError("object name uses the reserved prefix .jae-tmp-");
    }
    start = end + 1;
  }
  return OkStatus();
}

}  // namespace

Status ValidateObjectName(std::string_view name) {
  if (name.empty()) return InvalidArgumentError("object name is empty");
  if (name.size() > 1024) return InvalidArgumentError("object name is longer than 1024 bytes");
  if (name.find_first_of(std::string_view("\r\n\0", 3)) != std::string_view::npos) {
    return InvalidArgumentError("object name contains CR, LF or NUL");
  }
  if (!IsValidUtf8(name)) return InvalidArgumentError("object name is not valid UTF-8");
  if (name == "." || name == "..") return InvalidArgumentError("object name is '.' or '..'");
  if (name.starts_with(".well-known/acme-challenge/")) {
    return InvalidArgumentError("object name is under .well-known/acme-challenge/");
  }
  return OkStatus();
}

Status ValidateLocalObjectName(std::string_view name) {
  JAE_RETURN_IF_ERROR(ValidateObjectName(name));
  return ValidateSegments(name);
}

Status ValidateLocalPrefix(std::string_view prefix) {
  if (prefix.empty()) return OkStatus();
  if (prefix.back() == '/') prefix.remove_suffix(1);
  if (prefix.empty()) return InvalidArgumentError("list prefix is an absolute path");
  return ValidateLocalObjectName(prefix);
}

std::string GuessContentType(std::string_view name) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 14> kTypes{{
      {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},
      {".png", "image/png"},
      {".webp", "image/webp"},
      {".heic", "image/heic"},
      {".heif", "image/heif"},
      {".tif", "image/tiff"},
      {".tiff", "image/tiff"},
      {".gif", "image/gif"},
      {".bmp", "image/bmp"},
      {".pdf", "application/pdf"},
      {".json", "application/json"},
      {".txt", "text/plain"},
      {".jsonl", "application/jsonl"},
  }};
  const auto slash = name.rfind('/');
  const auto base = slash == std::string_view::npos ? name : name.substr(slash + 1);
  const auto dot = base.rfind('.');
  if (dot == std::string_view::npos) return "application/octet-stream";
  std::string ext(base.substr(dot));
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (const auto& [e, type] : kTypes) {
    if (ext == e) return std::string(type);
  }
  return "application/octet-stream";
}

}  // namespace jae
