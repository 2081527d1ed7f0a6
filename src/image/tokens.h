// What an image costs in Gemini input tokens, by the published tile rule (Gemini 2.x
// Developer API docs, "Token calculation"; see reference/gemini-api.md §6): both sides
// <= 384 px cost 258 tokens; otherwise the image is cut into square tiles of side
// floor(min(w, h) / 1.5), each 258 tokens. Gemini 3 caps an image by media_resolution
// instead; this is the estimate for the documented rule only.
#pragma once

#include <cstdint>

namespace jae {

inline constexpr std::int64_t kGeminiTokensPerTile = 258;

// 0 for an empty image.
std::int64_t GeminiImageTiles(int width, int height);
std::int64_t GeminiImageTokens(int width, int height);

}  // namespace jae
