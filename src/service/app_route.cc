#include "service/app_route.h"

#include <httplib.h>
#include <openssl/evp.h>

#include <nlohmann/json.hpp>
#include <string_view>

#include "service/web_assets.h"

namespace jae {
namespace {

const WebAsset* FindAsset(std::string_view name) {
  for (const WebAsset& asset : WebAssets()) {
    if (asset.name == name) return &asset;
  }
  return nullptr;
}

// 'sha256-<base64>' of a <style> element's text, as CSP Level 2 spells a hash source.
std::string StyleHashSource(std::string_view text) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(text.data(), text.size(), digest, &length, EVP_sha256(), nullptr);
  std::string base64(4 * ((length + 2) / 3) + 1, '\0');
  const int written = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(base64.data()), digest,
                                      static_cast<int>(length));
  base64.resize(static_cast<std::size_t>(written));
  return "'sha256-" + base64 + "'";
}

void SetSecurityHeaders(httplib::Response& res, const std::string& csp) {
  res.set_header("Content-Security-Policy", csp);
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("Referrer-Policy", "no-referrer");
  res.set_header("X-Frame-Options", "DENY");
}

}  // namespace

std::string AppContentSecurityPolicy() {
  std::string style = "style-src 'self'";
  if (const WebAsset* css = FindAsset("app.css")) style += " " + StyleHashSource(css->body);
  // blob: images are the thumbnails of the photos being checked (object URLs, never
  // stored); nothing else leaves 'self'.
  return "default-src 'self'; script-src 'self'; " + style +
         "; img-src 'self' blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
         "form-action 'self'; frame-ancestors 'none'";
}

void AddAppRoutes(httplib::Server& server, const AppSettings& settings) {
  const std::string csp = AppContentSecurityPolicy();

  server.Get("/app", [csp](const httplib::Request&, httplib::Response& res) {
    SetSecurityHeaders(res, csp);
    res.set_redirect("/app/", 301);
  });

  const std::string config = nlohmann::json{{"image_max_side", settings.image_max_side},
                                            {"max_image_bytes", settings.max_image_bytes}}
                                 .dump() +
                             "\n";
  server.Get("/app/config.json", [csp, config](const httplib::Request&, httplib::Response& res) {
    SetSecurityHeaders(res, csp);
    res.set_header("Cache-Control", "no-store");
    res.set_content(config, "application/json");
  });

  server.Get(
      R"(/app/([A-Za-z0-9._-]*))", [csp](const httplib::Request& req, httplib::Response& res) {
        SetSecurityHeaders(res, csp);
        std::string name = req.matches[1].str();
        if (name.empty()) name = "index.html";
        const WebAsset* asset = FindAsset(name);
        if (asset == nullptr) {
          res.status = 404;
          res.set_header("Cache-Control", "no-store");
          res.set_content("Page introuvable.\n", "text/plain; charset=utf-8");
          return;
        }
        res.set_header("ETag", std::string(asset->etag));
        // Revalidated every time (a 304 costs one small round trip), so that a new
        // binary's page is never mixed with an old cached module.
        res.set_header("Cache-Control", "no-cache");
        if (req.get_header_value("If-None-Match").find(asset->etag) != std::string::npos) {
          res.status = 304;
          return;
        }
        res.set_content(asset->body.data(), asset->body.size(), std::string(asset->content_type));
      });
}

}  // namespace jae
