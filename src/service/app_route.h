// The referee's web app (issue 15): GET /app/ and its files, embedded in the binary
// (web_assets.h), plus GET /app/config.json, the figures the page needs to prepare
// uploads exactly as the server would (it resizes photos itself before sending them).
//
// Contract:
//  - GET /app and /app/ answer index.html; GET /app/<name> an embedded file; anything
//    else under /app/ is 404. HEAD works too (httplib).
//  - Every answer carries a strong ETag and `Cache-Control: no-cache` (revalidated, so a
//    new binary is picked up at once); If-None-Match with the current tag gets 304.
//  - Security headers on every /app answer: a Content-Security-Policy with
//    default-src 'self' and no inline script (the one inline <style>, app.css, is allowed
//    by its hash), X-Content-Type-Options nosniff, Referrer-Policy no-referrer,
//    X-Frame-Options DENY.
//  - config.json: {"image_max_side": N, "max_image_bytes": N}, `Cache-Control: no-store`.
// Why its own file: the HTTP server keeps only the wiring (one call).
#pragma once

#include <cstdint>
#include <string>

namespace httplib {
class Server;
}

namespace jae {

struct AppSettings {
  int image_max_side = 1536;                        // IMAGE_MAX_SIDE
  std::int64_t max_image_bytes = 20 * 1024 * 1024;  // MAX_IMAGE_BYTES
};

// The Content-Security-Policy sent with the app (exposed for tests).
std::string AppContentSecurityPolicy();

// Registers the /app routes on `server`.
void AddAppRoutes(httplib::Server& server, const AppSettings& settings);

}  // namespace jae
