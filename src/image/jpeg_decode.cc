// libjpeg reports fatal errors through a callback that must not return; the documented
// way out is longjmp. DecodeInto keeps every libjpeg call in one frame whose locals are
// trivial, so the jump skips no destructor; the pixel buffer lives in the caller.
#include "image/jpeg_decode.h"

#include <jpeglib.h>

#include <algorithm>
#include <csetjmp>
#include <cstdio>  // jpeglib.h uses FILE without declaring it
#include <cstdlib>
#include <cstring>
// clang-format off
#include <jerror.h>  // message codes; needs jpeglib.h first
// clang-format on

namespace jae {
namespace {

// A progressive JPEG may carry thousands of tiny scans, each a full pass over the
// coefficients: a known CPU bomb. Real encoders write about ten.
constexpr int kMaxScans = 256;

// Coefficients held for the whole image (progressive decoding, lossless copy): blocks of
// 64 JCOEFs per component, allocated and zeroed in full by libjpeg whatever the output
// scale. The bytes the header commits us to, counted before anything is allocated.
std::int64_t WholeImageCoefficientBytes(const jpeg_decompress_struct& cinfo) {
  std::int64_t bytes = 0;
  for (int ci = 0; ci < cinfo.num_components; ++ci) {
    const jpeg_component_info& c = cinfo.comp_info[ci];
    // Rounded up to whole iMCU rows, as libjpeg allocates them.
    const std::int64_t rows = (std::int64_t{c.height_in_blocks} + c.v_samp_factor - 1) /
                              c.v_samp_factor * c.v_samp_factor;
    bytes += std::int64_t{c.width_in_blocks} * rows * DCTSIZE2 * std::int64_t{sizeof(JCOEF)};
  }
  return bytes;
}

// Belt and braces: libjpeg's own memory manager refuses (JERR_NO_BACKING_STORE, a
// longjmp here) to allocate past this, whatever the header arithmetic above missed.
void LimitLibjpegMemory(j_common_ptr cinfo) {
  cinfo->mem->max_memory_to_use = static_cast<long>(kMaxJpegCoefficientBytes + (16 << 20));
}

struct ErrorManager {
  jpeg_error_mgr pub;  // first: libjpeg only knows this part
  std::jmp_buf jump;
  bool truncated = false;
  bool too_many_scans = false;
};

ErrorManager* ErrorsOf(j_common_ptr cinfo) { return reinterpret_cast<ErrorManager*>(cinfo->err); }

[[noreturn]] void ExitOnError(j_common_ptr cinfo) { std::longjmp(ErrorsOf(cinfo)->jump, 1); }

// Warnings are not printed (stderr belongs to the logs). A premature end of data (the
// file ends, or a marker cuts a scan's entropy data short) is what makes the picture
// wrong — libjpeg fills the rest with grey; the others (extraneous bytes before a
// marker, ...) are common in phone files and harmless.
void OnMessage(j_common_ptr cinfo, int level) {
  if (level != -1) return;
  const int code = cinfo->err->msg_code;
  if (code == JWRN_JPEG_EOF || code == JWRN_HIT_MARKER) ErrorsOf(cinfo)->truncated = true;
}

void OnProgress(j_common_ptr cinfo) {
  if (!cinfo->is_decompressor) return;
  if (reinterpret_cast<j_decompress_ptr>(cinfo)->input_scan_number > kMaxScans) {
    ErrorsOf(cinfo)->too_many_scans = true;
    std::longjmp(ErrorsOf(cinfo)->jump, 1);
  }
}

// Whether this process should hand the JPEG to a general decoder instead.
bool IsPlainColour(const jpeg_decompress_struct& cinfo) {
  return (cinfo.jpeg_color_space == JCS_GRAYSCALE && cinfo.num_components == 1) ||
         ((cinfo.jpeg_color_space == JCS_YCbCr || cinfo.jpeg_color_space == JCS_RGB) &&
          cinfo.num_components == 3);
}

enum class DecodeOutcome { kOk, kCorrupt, kUnsupportedColour, kTooManyPixels };

DecodeOutcome DecodeInto(std::string_view bytes, int eighths, std::int64_t max_pixels,
                         DecodedJpeg& out, ErrorManager& errors) {
  jpeg_decompress_struct cinfo;
  jpeg_progress_mgr progress;
  cinfo.err = jpeg_std_error(&errors.pub);
  errors.pub.error_exit = ExitOnError;
  errors.pub.emit_message = OnMessage;
  progress.progress_monitor = OnProgress;
  if (setjmp(errors.jump) != 0) {
    jpeg_destroy_decompress(&cinfo);
    return DecodeOutcome::kCorrupt;
  }
  jpeg_create_decompress(&cinfo);
  LimitLibjpegMemory(reinterpret_cast<j_common_ptr>(&cinfo));
  cinfo.progress = &progress;
  jpeg_mem_src(&cinfo, reinterpret_cast<const unsigned char*>(bytes.data()),
               static_cast<unsigned long>(bytes.size()));
  jpeg_read_header(&cinfo, TRUE);
  if (std::int64_t{cinfo.image_width} * cinfo.image_height > max_pixels ||
      (jpeg_has_multiple_scans(&cinfo) &&
       WholeImageCoefficientBytes(cinfo) > kMaxJpegCoefficientBytes)) {
    jpeg_destroy_decompress(&cinfo);
    return DecodeOutcome::kTooManyPixels;
  }
  if (!IsPlainColour(cinfo)) {
    jpeg_destroy_decompress(&cinfo);
    return DecodeOutcome::kUnsupportedColour;
  }
  cinfo.out_color_space = cinfo.num_components == 1 ? JCS_GRAYSCALE : JCS_RGB;
  cinfo.scale_num = static_cast<unsigned int>(eighths);
  cinfo.scale_denom = 8;
  jpeg_start_decompress(&cinfo);
  out.width = static_cast<int>(cinfo.output_width);
  out.height = static_cast<int>(cinfo.output_height);
  out.bands = cinfo.output_components;
  const std::size_t stride = std::size_t{cinfo.output_width} * cinfo.output_components;
  out.pixels.resize(stride * cinfo.output_height);
  while (cinfo.output_scanline < cinfo.output_height) {
    JSAMPROW row = out.pixels.data() + stride * cinfo.output_scanline;
    jpeg_read_scanlines(&cinfo, &row, 1);
  }
  jpeg_finish_decompress(&cinfo);
  jpeg_destroy_decompress(&cinfo);
  return DecodeOutcome::kOk;
}

// jpeg_mem_dest writes its buffer pointer here after the jump point: kept in the
// caller's memory, so a longjmp cannot leave a stale copy of it in a register.
struct CopyTarget {
  unsigned char* buffer = nullptr;
  unsigned long length = 0;
};

DecodeOutcome CopyInto(std::string_view bytes, std::int64_t max_pixels, CopyTarget& target,
                       ErrorManager& errors) {
  jpeg_decompress_struct in;
  jpeg_compress_struct out;
  jpeg_progress_mgr progress;
  // Zeroed: destroying a struct that was never created is then a no-op.
  std::memset(&in, 0, sizeof in);
  std::memset(&out, 0, sizeof out);
  in.err = jpeg_std_error(&errors.pub);
  out.err = &errors.pub;
  errors.pub.error_exit = ExitOnError;
  errors.pub.emit_message = OnMessage;
  progress.progress_monitor = OnProgress;
  if (setjmp(errors.jump) != 0) {
    jpeg_destroy_compress(&out);
    jpeg_destroy_decompress(&in);
    return DecodeOutcome::kCorrupt;
  }
  jpeg_create_decompress(&in);
  jpeg_create_compress(&out);
  LimitLibjpegMemory(reinterpret_cast<j_common_ptr>(&in));
  in.progress = &progress;
  jpeg_mem_src(&in, reinterpret_cast<const unsigned char*>(bytes.data()),
               static_cast<unsigned long>(bytes.size()));
  jpeg_read_header(&in, TRUE);  // no jpeg_save_markers: APPn and COM are skipped
  DecodeOutcome outcome = DecodeOutcome::kOk;
  if (std::int64_t{in.image_width} * in.image_height > max_pixels ||
      WholeImageCoefficientBytes(in) > kMaxJpegCoefficientBytes) {
    outcome = DecodeOutcome::kTooManyPixels;
  } else if (!IsPlainColour(in)) {
    outcome = DecodeOutcome::kUnsupportedColour;
  } else {
    jvirt_barray_ptr* coefficients = jpeg_read_coefficients(&in);
    jpeg_copy_critical_parameters(&in, &out);
    jpeg_mem_dest(&out, &target.buffer, &target.length);
    jpeg_write_coefficients(&out, coefficients);
    jpeg_finish_compress(&out);
    jpeg_finish_decompress(&in);
  }
  jpeg_destroy_compress(&out);
  jpeg_destroy_decompress(&in);
  return outcome;
}

// The one mapping of both operations' outcomes to the errors jpeg_decode.h documents.
Status ToStatus(DecodeOutcome outcome, const ErrorManager& errors) {
  switch (outcome) {
    case DecodeOutcome::kTooManyPixels:
      return Status(StatusCode::kOutOfRange,
                    "the JPEG has more pixels than the limit (or needs too much memory)");
    case DecodeOutcome::kUnsupportedColour:
      return Status(StatusCode::kUnimplemented, "JPEG colour space not handled here");
    case DecodeOutcome::kCorrupt:
      return Status(StatusCode::kDataLoss, errors.too_many_scans
                                               ? "the JPEG has too many progressive scans"
                                               : "the JPEG data is corrupt");
    case DecodeOutcome::kOk:
      break;
  }
  if (errors.truncated) return Status(StatusCode::kDataLoss, "the JPEG data is truncated");
  return OkStatus();
}

}  // namespace

int JpegScaleEighths(int long_side, int max_side) {
  if (long_side <= max_side || long_side <= 0 || max_side <= 0) return 8;
  const auto scaled = [&](int m) { return (std::int64_t{long_side} * m + 7) / 8; };
  int fits = 0;  // largest M whose output fits
  for (int m = 1; m <= 8; ++m) {
    if (scaled(m) <= max_side) fits = m;
  }
  if (fits > 0 && scaled(fits) * 10 >= std::int64_t{max_side} * 9) return fits;
  return std::min(8, fits + 1);
}

StatusOr<DecodedJpeg> DecodeJpegScaled(std::string_view bytes, int eighths,
                                       std::int64_t max_pixels) {
  if (eighths < 1 || eighths > 8) return InvalidArgumentError("scale must be 1..8 eighths");
  DecodedJpeg out;
  ErrorManager errors;
  JAE_RETURN_IF_ERROR(ToStatus(DecodeInto(bytes, eighths, max_pixels, out, errors), errors));
  return out;
}

StatusOr<std::string> CopyJpegWithoutMetadata(std::string_view bytes, std::int64_t max_pixels) {
  CopyTarget target;
  ErrorManager errors;
  const DecodeOutcome outcome = CopyInto(bytes, max_pixels, target, errors);
  std::string copy;
  if (target.buffer != nullptr) {
    if (outcome == DecodeOutcome::kOk) {
      copy.assign(reinterpret_cast<const char*>(target.buffer), target.length);
    }
    std::free(target.buffer);  // allocated by libjpeg's memory destination
  }
  JAE_RETURN_IF_ERROR(ToStatus(outcome, errors));
  return copy;
}

}  // namespace jae
