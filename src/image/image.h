// The image a document becomes before any engine sees it, and how it gets there.
//
// Contract:
//  - SniffMediaType looks only at the bytes (magic numbers), never at a declared content
//    type or a file name.
//  - NormalizeImage never crashes or throws on hostile input. It returns a NormalizeOutcome
//    holding either the normalised image or a rejection with a schema error code
//    (unsupported_media_type, too_large — also for taking longer than time_limit —,
//    undecodable) whose message holds no personal data.
//    A non-OK Status means an internal failure (e.g. the codec library cannot start).
//  - The pixel count is checked from the header, before any pixel is decoded.
//  - Thread-safe; the codec library is initialised once, on first use.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "result/result.h"

namespace jae {

// One word of a PDF's own text layer, where the page draws it in the normalised image
// (pixels of `NormalizedImage`, origin top left).
struct TextLayerWord {
  std::string text;  // UTF-8, as the PDF encodes it
  int x = 0, y = 0, width = 0, height = 0;
  bool space_after = false;  // the PDF puts a space after it (same line)
};

// A document image after normalisation: EXIF orientation applied, longer side at most
// IMAGE_MAX_SIDE, re-encoded. `bytes` is what an engine sends or decodes.
struct NormalizedImage {
  std::string bytes;      // encoded image (JPEG unless mime_type says otherwise)
  std::string mime_type;  // "image/jpeg" (or "application/pdf" if sent as is)
  int width = 0;          // after normalisation
  int height = 0;
  std::string source_type;  // the sniffed type of the original, e.g. "image/heic"
  int source_width = 0;     // as stored in the original (before EXIF rotation); PDF: points
  int source_height = 0;
  // A PDF's first page: the words of its own text layer (empty for rasters and for PDFs
  // that hold only pictures, e.g. a scan). An engine may read these instead of the pixels:
  // an attestation exported as PDF then needs no OCR.
  std::vector<TextLayerWord> text_layer{};
};

// The MIME type the bytes really are: "image/jpeg", "image/png", "image/webp",
// "image/heic", "image/heif", "image/tiff" or "application/pdf"; empty when the bytes are
// none of these (including AVIF, GIF, BMP, text and empty input).
std::string_view SniffMediaType(std::string_view bytes);

struct NormalizeOptions {
  int max_side = 1536;  // IMAGE_MAX_SIDE: longer side of the output, in pixels
  // Decompression-bomb guard, checked on the header. 100 MP is above every phone's default
  // output (12-50 MP) while a 100000x100000 PNG header (10 GP) is refused in microseconds.
  std::int64_t max_pixels = 100'000'000;
  // 85: at 1536 px an MRZ character is ~20 px high; from quality ~85 up JPEG ringing no
  // longer touches glyph shapes, while the file stays ~4-6x smaller than at 95.
  int jpeg_quality = 85;
  // Wall-clock budget for decoding and encoding (libvips path: checked between strips;
  // the JPEG fast path is bounded by max_pixels). Past it: rejected, too_large. A 12 MP
  // HEIC takes ~1.5 s here; 15 s is far above any honest file, well below a request's.
  std::chrono::milliseconds time_limit{15000};
};

struct NormalizeOutcome {
  std::optional<NormalizedImage> image;  // exactly one of the two is set
  std::optional<ErrorInfo> rejection;
};

// Sniffs, decodes (first page/primary image only), applies the EXIF orientation, converts
// to 8-bit sRGB (or grey) on white, shrinks so the longer side is at most max_side (never
// enlarges a raster; a PDF page is rendered at that size) and re-encodes as baseline JPEG
// with all metadata stripped (EXIF/GPS/XMP are personal data we do not need).
//
// A PDF is rendered (first page only) rather than sent as is: every engine then sees the
// same pixels (the local engine needs a raster anyway); active content, attachments and
// further pages never leave the process; the cost is bounded by the output size whatever
// the file holds; and a scan's first page is the document. (The docs bill a PDF page as
// 258 tokens, i.e. one 768x768 tile: cheaper, but likely too coarse for an MRZ.)
StatusOr<NormalizeOutcome> NormalizeImage(std::string_view bytes, const NormalizeOptions& options);

// What turns a document's bytes into the image an engine sees, with NormalizeImage's
// contract. Two implementations: NormalizeImage itself (MakeInProcessNormalizer, which
// links libvips into the caller) and the service's, which loads it from a module on
// first use (image/image_module.h).
class ImageNormalizer {
 public:
  virtual ~ImageNormalizer() = default;
  virtual StatusOr<NormalizeOutcome> Normalize(std::string_view bytes,
                                               const NormalizeOptions& options) = 0;
};

// NormalizeImage behind the interface.
std::unique_ptr<ImageNormalizer> MakeInProcessNormalizer();

}  // namespace jae
