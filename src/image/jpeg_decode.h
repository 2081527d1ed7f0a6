// Scaled JPEG decoding with libjpeg-turbo: the fast path of normalisation for the format
// almost every phone upload is.
//
// Why not libvips for this: its JPEG shrink-on-load stops at 1/2, 1/4 and 1/8, so a 12 MP
// photo is decoded at 2000x1500 and then resampled to 1536 (bench_normalize: ~3x the CPU).
// libjpeg-turbo scales inside the inverse DCT by any M/8, so 4000x3000 comes out at
// 1500x1125 directly, at almost the cost of entropy decoding alone.
//
// Contract: never crashes, hangs or throws on hostile bytes; thread-safe (no shared state).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace jae {

struct DecodedJpeg {
  std::vector<std::uint8_t> pixels;  // rows top to bottom, interleaved 8-bit samples
  int width = 0;
  int height = 0;
  int bands = 0;  // 1 (grey) or 3 (RGB)
};

// The M/8 scale (M in 1..8) for an image whose longer side is `long_side`: the largest
// whose output still fits in `max_side` when that output keeps at least 90 % of max_side
// (1500 of 1536 for a 4000 px photo); otherwise the smallest whose output is at least
// max_side, to be resampled down by the caller (an 8000 px photo: 2000, not 1000).
// 8 when the image already fits.
int JpegScaleEighths(int long_side, int max_side);

// The most memory a JPEG may commit us to for its whole-image DCT coefficients
// (progressive decoding, the lossless copy): a progressive 10000x10000 header of 192
// bytes used to cost 629 MB of RSS (issue 12, item 3). 96 MiB holds a 32 MP 4:2:0
// progressive photo; phones write baseline JPEGs, which need no such buffer.
inline constexpr std::int64_t kMaxJpegCoefficientBytes = 96LL << 20;

// Decodes `bytes` at scale `eighths`/8 to 8-bit grey or RGB.
//  - OutOfRange: the header declares more than `max_pixels` (full size), or a progressive
//    JPEG whose coefficients need more than kMaxJpegCoefficientBytes (they are buffered
//    at full size whatever the scale); checked before any allocation.
//  - Unimplemented: a valid JPEG this path does not handle (CMYK/YCCK, or an unusual
//    component count): the caller uses its general decoder.
//  - DataLoss: corrupt or truncated data, including a scan cut short by a marker (a
//    cut-off upload must not become a half-grey document); benign warnings (extraneous bytes
//    between markers) are not errors.
StatusOr<DecodedJpeg> DecodeJpegScaled(std::string_view bytes, int eighths,
                                       std::int64_t max_pixels);

// The same JPEG without its metadata, losslessly: the DCT coefficients are copied, the
// APPn/COM segments (EXIF, GPS, XMP, ...) are not. For a JPEG that needs neither scaling
// nor rotation this is what normalisation sends on: no second lossy generation (it cost
// the local engine MRZ reads on scans re-encoded at quality 85), at about the cost of
// one entropy decode and encode.
// Errors as DecodeJpegScaled (OutOfRange, Unimplemented for other than YCbCr or grey,
// DataLoss).
StatusOr<std::string> CopyJpegWithoutMetadata(std::string_view bytes, std::int64_t max_pixels);

}  // namespace jae
