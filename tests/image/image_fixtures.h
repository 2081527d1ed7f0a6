// Synthetic images for tests, generated with libvips at test time (nothing committed).
// Every generator returns the encoded bytes, or an empty string if this libvips cannot
// write the format (callers skip with a reason).
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace jae::testing {

enum class Pattern {
  kLeftHalfBlack,  // black for x < width/2, white elsewhere: shows rotations
  kNoise,          // grey noise: compresses badly, so truncation cuts real pixel data
};

// An 8-bit sRGB image.
std::string MakeJpeg(int width, int height, Pattern pattern, int exif_orientation = 1,
                     int quality = 90);
std::string MakePng(int width, int height, Pattern pattern, bool alpha = false);
// A fully transparent PNG (black colour, alpha 0).
std::string MakeTransparentPng(int width, int height);
// Unusual colour: 16-bit RGB PNG, 8-bit grey PNG and JPEG, CMYK JPEG (all the left-half
// pattern).
std::string MakePng16(int width, int height);
std::string MakeGreyPng(int width, int height);
std::string MakeGreyJpeg(int width, int height);
std::string MakeCmykJpeg(int width, int height);
// Number of bands of the decoded image, or -1.
int BandsOf(const std::string& bytes);
std::string MakeWebp(int width, int height, Pattern pattern);
std::string MakeTiff(int width, int height, Pattern pattern);
std::string MakeHeic(int width, int height, Pattern pattern);  // empty if no HEVC encoder

// A PDF whose pages have these sizes in points; page i is filled black when i is even,
// left white when odd.
std::string MakePdf(const std::vector<std::pair<int, int>>& page_sizes);

// A valid PNG signature and IHDR (correct CRC) claiming width x height, then a tiny IDAT
// and IEND: what a decompression bomb looks like before decoding.
std::string MakePngHeaderOnly(std::uint32_t width, std::uint32_t height);

// Hostile input (issue 12): a progressive JPEG whose SOF2 claims width x height, cut
// after 16 bytes of its first scan (then EOI when `end_marker`): ~200 bytes that commit a
// decoder to width x height x 6 bytes of coefficients and decode to grey.
std::string MakeProgressiveJpegClaiming(int width, int height, bool end_marker);
// A one-page PDF drawing `strokes` line segments (Flate-compressed: 400000 strokes are
// ~20 KB) — seconds of rendering for a few KB.
std::string MakeStrokeBombPdf(int strokes);

// Decodes `bytes` and returns the mean of the pixels in the given box (0..255), or -1.
double MeanOfBox(const std::string& bytes, int left, int top, int width, int height);

}  // namespace jae::testing
