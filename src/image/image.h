// The image a document becomes before any engine sees it.
#pragma once

#include <string>

namespace jae {

// A document image after normalisation: EXIF orientation applied, longer side at most
// IMAGE_MAX_SIDE, re-encoded. `bytes` is what an engine sends or decodes.
struct NormalizedImage {
  std::string bytes;        // encoded image (JPEG unless mime_type says otherwise)
  std::string mime_type;    // "image/jpeg" (or "application/pdf" if sent as is)
  int width = 0;            // after normalisation
  int height = 0;
  std::string source_type;  // the sniffed type of the original, e.g. "image/heic"
  int source_width = 0;
  int source_height = 0;
};

}  // namespace jae
