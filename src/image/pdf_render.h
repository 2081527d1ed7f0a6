// The first page of a PDF rendered to RGB pixels in a child process, under a hard time
// limit.
//
// Why a process: poppler has no way to stop a page half-drawn, and a page is one call —
// an 18 KB PDF drawing 400,000 strokes rendered for 27 s (51 s on a loaded machine)
// against the 15 s limit, which libvips checks only between strips (issue 12, item 4).
// A child is killed at the deadline, whatever it is doing.
//
// Why fork without exec is safe enough here: the child uses only poppler-cpp, malloc
// and write(2), and the parent process never calls poppler itself (every PDF goes
// through here, its header included), so no poppler or fontconfig lock can be held by
// another thread at fork time; glibc resets malloc's locks in the child.
//
// Contract: renders page 1 so that its longer side is `max_side` pixels (up- or
// down-scaled, like the other formats' output bound). Errors: DeadlineExceeded past
// `time_limit` (the child is killed); DataLoss for a file poppler cannot open or
// render (or that has no page); Internal when no child can be started. Thread-safe.
// The page's own text layer comes back too (`words`, in the rendered pixels): at most
// kMaxPdfWords words of at most kMaxPdfWordBytes bytes each, the rest dropped, so that a
// hostile file costs bounded memory.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace jae {

inline constexpr int kMaxPdfWords = 4000;
inline constexpr int kMaxPdfWordBytes = 256;

struct PdfWord {
  std::string text;                           // UTF-8
  float x = 0, y = 0, width = 0, height = 0;  // pixels of the rendered page, top left origin
  bool space_after = false;
};

struct RenderedPdfPage {
  std::vector<std::uint8_t> rgb;  // rows top to bottom, 3 bytes per pixel, no padding
  int width = 0;
  int height = 0;
  double long_side_pt = 0;     // the page's longer side in points (1/72 in)
  std::vector<PdfWord> words;  // the text layer, in reading order as poppler gives it
};

StatusOr<RenderedPdfPage> RenderFirstPdfPage(std::string_view pdf, int max_side,
                                             std::chrono::milliseconds time_limit);

}  // namespace jae
