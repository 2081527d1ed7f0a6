#include "image/tokens.h"

#include <algorithm>

namespace jae {

std::int64_t GeminiImageTiles(int width, int height) {
  if (width <= 0 || height <= 0) return 0;
  if (width <= 384 && height <= 384) return 1;
  const std::int64_t unit = std::max<std::int64_t>(1, std::min(width, height) * 2 / 3);
  const auto ceil_div = [](std::int64_t a, std::int64_t b) { return (a + b - 1) / b; };
  return ceil_div(width, unit) * ceil_div(height, unit);
}

std::int64_t GeminiImageTokens(int width, int height) {
  return GeminiImageTiles(width, height) * kGeminiTokensPerTile;
}

}  // namespace jae
