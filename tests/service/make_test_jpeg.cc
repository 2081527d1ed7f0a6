// Writes a synthetic JPEG for the node integration tests (nothing committed):
//   make_test_jpeg OUT.jpg [WIDTH HEIGHT]
#include <cstdio>
#include <cstdlib>

#include "image/image_fixtures.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: make_test_jpeg OUT.jpg [WIDTH HEIGHT]\n");
    return 2;
  }
  const int width = argc > 3 ? std::atoi(argv[2]) : 640;
  const int height = argc > 3 ? std::atoi(argv[3]) : 400;
  const std::string jpeg =
      jae::testing::MakeJpeg(width, height, jae::testing::Pattern::kLeftHalfBlack);
  std::FILE* f = std::fopen(argv[1], "wb");
  if (jpeg.empty() || f == nullptr || std::fwrite(jpeg.data(), 1, jpeg.size(), f) != jpeg.size()) {
    return 1;
  }
  return std::fclose(f) == 0 ? 0 : 1;
}
