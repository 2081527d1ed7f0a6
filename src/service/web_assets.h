// WebAssets: the files of the referee's web app (web/), embedded into the binary at build
// time by embed_web.cmake (generated web_assets.cc). Served by app_route.h under /app/.
#pragma once

#include <span>
#include <string_view>

namespace jae {

struct WebAsset {
  std::string_view name;          // file name under web/, e.g. "app.js"
  std::string_view content_type;  // with charset for text
  std::string_view etag;          // strong, quoted: a digest of the bytes
  std::string_view body;
};

// Every embedded file, sorted by name. index.html carries app.css inlined (<style>).
std::span<const WebAsset> WebAssets();

}  // namespace jae
