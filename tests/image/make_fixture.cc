// make_fixture KIND OUT: writes a synthetic test input (for the Node end-to-end tests,
// which cannot make images themselves). KIND: jpeg-rotated (2000x1500, EXIF 6), heic,
// pdf (two pages), png-bomb (100000x100000 header), jpeg-truncated,
// jpeg-progressive-bomb (10000x10000 claimed, truncated), pdf-strokes (400000 strokes).
// Exit 77 if this
// libvips cannot write KIND (no HEVC encoder).
#include <cstring>
#include <fstream>
#include <iostream>

#include "image/image_fixtures.h"

int main(int argc, char** argv) {
  using namespace jae::testing;
  if (argc != 3) {
    std::cerr << "usage: make_fixture KIND OUT\n";
    return 2;
  }
  const std::string kind = argv[1];
  std::string bytes;
  if (kind == "jpeg-rotated") {
    bytes = MakeJpeg(2000, 1500, Pattern::kLeftHalfBlack, 6);
  } else if (kind == "heic") {
    bytes = MakeHeic(1200, 800, Pattern::kLeftHalfBlack);
    if (bytes.empty()) return 77;
  } else if (kind == "pdf") {
    bytes = MakePdf({{420, 595}, {595, 420}});
  } else if (kind == "png-bomb") {
    bytes = MakePngHeaderOnly(100000, 100000);
  } else if (kind == "jpeg-truncated") {
    bytes = MakeJpeg(800, 600, Pattern::kNoise);
    bytes.resize(bytes.size() / 2);
  } else if (kind == "jpeg-progressive-bomb") {
    bytes = MakeProgressiveJpegClaiming(10000, 10000, /*end_marker=*/false);
  } else if (kind == "pdf-strokes") {
    bytes = MakeStrokeBombPdf(400000);
  } else {
    std::cerr << "make_fixture: unknown kind " << kind << "\n";
    return 2;
  }
  std::ofstream out(argv[2], std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return out ? 0 : 1;
}
