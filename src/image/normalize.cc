// Normalisation with libvips: one library covers every accepted format (libheif and
// poppler sit behind its heif and pdf loaders). JPEG, the phone format, is decoded by
// libjpeg-turbo at a DCT-domain scale first (jpeg_decode.h) and only then handed to
// libvips for rotation and encoding.
#include <vips/vips.h>

#include <algorithm>
#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include "image/image.h"
#include "image/jpeg_decode.h"
#include "image/pdf_render.h"

namespace jae {
namespace {

struct GObjectUnref {
  void operator()(VipsImage* image) const {
    if (image != nullptr) g_object_unref(image);
  }
};
using ImagePtr = std::unique_ptr<VipsImage, GObjectUnref>;

struct GFree {
  void operator()(void* p) const { g_free(p); }
};

// Starts libvips once per process, configured for a server:
//  - no operation cache: every document is different, caching only holds memory;
//  - one worker thread per pipeline: parallelism comes from concurrent documents, and a
//    request must not grab every core;
//  - every loader blocked except the five raster formats we accept, so bytes that get
//    past the sniffer can never reach a rarely fuzzed loader (matload, magick, svg, ...);
//    PDFs never reach libvips' pdfload either (pdf_render.h renders them).
Status StartVips() {
  static const Status status = [] {
    if (VIPS_INIT("jae-ocr") != 0) return InternalError("image library failed to start");
    vips_cache_set_max(0);
    vips_cache_set_max_mem(0);
    vips_cache_set_max_files(0);
    vips_concurrency_set(1);
    vips_block_untrusted_set(TRUE);
    vips_operation_block_set("VipsForeignLoad", TRUE);
    for (const char* loader : {"VipsForeignLoadJpeg", "VipsForeignLoadPng", "VipsForeignLoadWebp",
                               "VipsForeignLoadTiff", "VipsForeignLoadHeif"}) {
      vips_operation_block_set(loader, FALSE);
    }
    return OkStatus();
  }();
  return status;
}

NormalizeOutcome Reject(ErrorCode code, std::string message) {
  // libvips keeps a process-wide error log; ours are reported through the outcome.
  // (Its lock only exists once vips has started: inputs rejected before any decode
  // must not touch it first.)
  if (StartVips().ok()) vips_error_clear();
  NormalizeOutcome outcome;
  outcome.rejection = ErrorInfo{code, std::move(message)};
  return outcome;
}

double MaxAlpha(VipsInterpretation interpretation) {
  switch (interpretation) {
    case VIPS_INTERPRETATION_GREY16:
    case VIPS_INTERPRETATION_RGB16:
      return 65535.0;
    case VIPS_INTERPRETATION_scRGB:
      return 1.0;
    default:
      return 255.0;
  }
}

// Alpha composited on white (a transparent scan background must not turn black in JPEG),
// then 8-bit sRGB or 8-bit grey.
ImagePtr ToOpaque8Bit(ImagePtr image) {
  if (vips_image_hasalpha(image.get())) {
    const double max_alpha = MaxAlpha(image->Type);
    VipsArrayDouble* background = vips_array_double_newv(3, max_alpha, max_alpha, max_alpha);
    VipsImage* flat = nullptr;
    const int rc = vips_flatten(image.get(), &flat, "background", background, nullptr);
    vips_area_unref(VIPS_AREA(background));
    if (rc != 0) return nullptr;
    image.reset(flat);
  }
  const VipsInterpretation interpretation = vips_image_guess_interpretation(image.get());
  const bool grey = image->Bands == 1;
  const VipsInterpretation target = grey ? VIPS_INTERPRETATION_B_W : VIPS_INTERPRETATION_sRGB;
  if (interpretation != target || image->BandFmt != VIPS_FORMAT_UCHAR) {
    VipsImage* converted = nullptr;
    if (vips_colourspace(image.get(), &converted, target, nullptr) != 0) return nullptr;
    image.reset(converted);
  }
  if (image->BandFmt != VIPS_FORMAT_UCHAR) {
    VipsImage* cast = nullptr;
    if (vips_cast_uchar(image.get(), &cast, nullptr) != 0) return nullptr;
    image.reset(cast);
  }
  return image;
}

struct Deadline {
  std::chrono::steady_clock::time_point at;
  bool expired;
};

void KillPastDeadline(VipsImage* image, VipsProgress* /*progress*/, void* data) {
  auto* deadline = static_cast<Deadline*>(data);
  if (std::chrono::steady_clock::now() < deadline->at) return;
  deadline->expired = true;
  vips_image_set_kill(image, TRUE);
}

// Encodes `image` as the normalised output. Pixels are decoded here, pulled through the
// pipeline by the encoder. No optimize_coding: its extra Huffman pass cost ~30% of a 12 MP
// normalisation (bench_normalize) to save ~5% of a ~150 KB output.
NormalizeOutcome Encode(VipsImage* image, const NormalizeOptions& options, NormalizedImage out) {
  void* buffer = nullptr;
  std::size_t length = 0;
  // libvips reports progress between strips; past the time limit the computation is
  // killed. A page crafted to render slowly (PDF) then costs one strip, not a worker.
  Deadline deadline{std::chrono::steady_clock::now() + options.time_limit, false};
  vips_image_set_progress(image, TRUE);
  const gulong handler = g_signal_connect(image, "eval", G_CALLBACK(KillPastDeadline), &deadline);
  const int rc = vips_jpegsave_buffer(image, &buffer, &length, "Q", options.jpeg_quality, "strip",
                                      TRUE, nullptr);
  g_signal_handler_disconnect(image, handler);
  if (rc != 0) {
    g_free(buffer);
    if (deadline.expired) {
      return Reject(ErrorCode::kTooLarge, "the image takes longer than the limit to decode");
    }
    return Reject(ErrorCode::kUndecodable, "the image data is corrupt or truncated");
  }
  std::unique_ptr<void, GFree> owned(buffer);
  out.bytes.assign(static_cast<const char*>(buffer), length);
  out.mime_type = "image/jpeg";
  out.width = vips_image_get_width(image);
  out.height = vips_image_get_height(image);
  NormalizeOutcome outcome;
  outcome.image = std::move(out);
  return outcome;
}

// The JPEG fast path; nullopt when this JPEG needs the general decoder (CMYK, ...).
std::optional<NormalizeOutcome> NormalizeJpeg(std::string_view bytes, int orientation,
                                              const NormalizeOptions& options,
                                              const NormalizedImage& out) {
  const int long_side = std::max(out.source_width, out.source_height);
  if (long_side <= options.max_side && orientation <= 1) {
    auto copy = CopyJpegWithoutMetadata(bytes, options.max_pixels);
    if (copy.ok()) {
      NormalizeOutcome outcome;
      outcome.image = out;
      outcome.image->bytes = *std::move(copy);
      outcome.image->mime_type = "image/jpeg";
      outcome.image->width = out.source_width;
      outcome.image->height = out.source_height;
      return outcome;
    }
    if (copy.status().code() == StatusCode::kOutOfRange) {
      return Reject(ErrorCode::kTooLarge, "the image has more pixels than the limit");
    }
    if (copy.status().code() != StatusCode::kUnimplemented) {
      return Reject(ErrorCode::kUndecodable, "the image cannot be decoded");
    }
  }
  auto decoded =
      DecodeJpegScaled(bytes, JpegScaleEighths(long_side, options.max_side), options.max_pixels);
  if (!decoded.ok()) {
    if (decoded.status().code() == StatusCode::kUnimplemented) return std::nullopt;
    if (decoded.status().code() == StatusCode::kOutOfRange) {
      return Reject(ErrorCode::kTooLarge, "the image has more pixels than the limit");
    }
    return Reject(ErrorCode::kUndecodable, "the image cannot be decoded");
  }
  // Wraps, does not copy: `decoded` outlives every image made from it below.
  ImagePtr image(vips_image_new_from_memory(decoded->pixels.data(), decoded->pixels.size(),
                                            decoded->width, decoded->height, decoded->bands,
                                            VIPS_FORMAT_UCHAR));
  if (!image) return Reject(ErrorCode::kUndecodable, "the image cannot be decoded");
  image->Type = decoded->bands == 1 ? VIPS_INTERPRETATION_B_W : VIPS_INTERPRETATION_sRGB;
  const int decoded_long = std::max(decoded->width, decoded->height);
  if (decoded_long > options.max_side) {
    VipsImage* resized = nullptr;
    if (vips_resize(image.get(), &resized, static_cast<double>(options.max_side) / decoded_long,
                    nullptr) != 0) {
      return Reject(ErrorCode::kUndecodable, "the image cannot be resized");
    }
    image.reset(resized);
  }
  if (orientation > 1) {
    vips_image_set_int(image.get(), VIPS_META_ORIENTATION, orientation);
    VipsImage* rotated = nullptr;
    if (vips_autorot(image.get(), &rotated, nullptr) != 0) {
      return Reject(ErrorCode::kUndecodable, "the image cannot be rotated");
    }
    image.reset(rotated);
  }
  return Encode(image.get(), options, out);
}

// A PDF's first page, rendered in a child process under the hard time limit
// (pdf_render.h); libvips only encodes the pixels. poppler is never called in this
// process, not even for the header.
NormalizeOutcome NormalizePdf(std::string_view bytes, const NormalizeOptions& options) {
  auto page = RenderFirstPdfPage(bytes, options.max_side, options.time_limit);
  if (!page.ok()) {
    if (page.status().code() == StatusCode::kDeadlineExceeded) {
      return Reject(ErrorCode::kTooLarge, "the image takes longer than the limit to decode");
    }
    return Reject(ErrorCode::kUndecodable, "the image cannot be decoded");
  }
  NormalizedImage out;
  out.source_type = "application/pdf";
  const double long_px = std::max(page->width, page->height);
  out.source_width = static_cast<int>(page->long_side_pt * page->width / long_px + 0.5);
  out.source_height = static_cast<int>(page->long_side_pt * page->height / long_px + 0.5);
  // Wraps, does not copy: `page` outlives every image made from it below.
  ImagePtr image(vips_image_new_from_memory(page->rgb.data(), page->rgb.size(), page->width,
                                            page->height, 3, VIPS_FORMAT_UCHAR));
  if (!image) return Reject(ErrorCode::kUndecodable, "the image cannot be decoded");
  image->Type = VIPS_INTERPRETATION_sRGB;
  NormalizeOutcome outcome = Encode(image.get(), options, std::move(out));
  if (outcome.image) {
    // The text layer in the encoded image's pixels (Encode may have shrunk the page).
    const double sx = static_cast<double>(outcome.image->width) / page->width;
    const double sy = static_cast<double>(outcome.image->height) / page->height;
    for (const PdfWord& w : page->words) {
      if (w.text.empty() || !(w.width > 0) || !(w.height > 0)) continue;
      outcome.image->text_layer.push_back(
          TextLayerWord{w.text, static_cast<int>(w.x * sx + 0.5), static_cast<int>(w.y * sy + 0.5),
                        std::max(1, static_cast<int>(w.width * sx + 0.5)),
                        std::max(1, static_cast<int>(w.height * sy + 0.5)), w.space_after});
    }
  }
  return outcome;
}

}  // namespace

StatusOr<NormalizeOutcome> NormalizeImage(std::string_view bytes, const NormalizeOptions& options) {
  // Started first: even a rejection touches libvips (its error log), and libvips used
  // before VIPS_INIT crashes.
  JAE_RETURN_IF_ERROR(StartVips());
  if (bytes.empty()) return Reject(ErrorCode::kUnsupportedMediaType, "empty input");
  const std::string_view type = SniffMediaType(bytes);
  if (type.empty()) {
    return Reject(ErrorCode::kUnsupportedMediaType,
                  "not a JPEG, PNG, WebP, HEIC/HEIF, TIFF or PDF file");
  }
  if (options.max_side < 1) return InvalidArgumentError("max_side must be positive");
  if (type == "application/pdf") return NormalizePdf(bytes, options);

  // Header only: sequential access decodes no pixel until the pipeline is pulled.
  ImagePtr header(vips_image_new_from_buffer(bytes.data(), bytes.size(), "", "access",
                                             VIPS_ACCESS_SEQUENTIAL, nullptr));
  if (!header) return Reject(ErrorCode::kUndecodable, "the image header cannot be read");
  NormalizedImage out;
  out.source_type = std::string(type);
  out.source_width = vips_image_get_width(header.get());
  out.source_height = vips_image_get_height(header.get());
  // A raster must be decoded in full (or 1/8th for JPEG) to be shrunk.
  if (std::int64_t{out.source_width} * out.source_height > options.max_pixels) {
    return Reject(ErrorCode::kTooLarge, "the image has more pixels than the limit");
  }
  const int orientation = vips_image_get_orientation(header.get());
  header.reset();

  if (type == "image/jpeg") {
    if (auto fast = NormalizeJpeg(bytes, orientation, options, out)) return *std::move(fast);
  }

  VipsImage* thumbnail = nullptr;
  // fail_on=truncated: a cut-off upload is an error, not a half-grey document.
  if (vips_thumbnail_buffer(const_cast<char*>(bytes.data()), bytes.size(), &thumbnail,
                            options.max_side, "height", options.max_side, "size", VIPS_SIZE_DOWN,
                            "option_string", "fail_on=truncated", nullptr) != 0) {
    return Reject(ErrorCode::kUndecodable, "the image cannot be decoded");
  }
  ImagePtr image = ToOpaque8Bit(ImagePtr(thumbnail));
  if (!image) return Reject(ErrorCode::kUndecodable, "the image colours cannot be converted");

  return Encode(image.get(), options, std::move(out));
}

namespace {

class InProcessNormalizer final : public ImageNormalizer {
 public:
  StatusOr<NormalizeOutcome> Normalize(std::string_view bytes,
                                       const NormalizeOptions& options) override {
    return NormalizeImage(bytes, options);
  }
};

}  // namespace

std::unique_ptr<ImageNormalizer> MakeInProcessNormalizer() {
  return std::make_unique<InProcessNormalizer>();
}

}  // namespace jae
