#include "image/tokens.h"

#include <gtest/gtest.h>

namespace jae {
namespace {

TEST(GeminiImageTokens, FollowsThePublishedTileRule) {
  EXPECT_EQ(GeminiImageTokens(384, 384), 258);
  EXPECT_EQ(GeminiImageTokens(100, 50), 258);
  EXPECT_EQ(GeminiImageTokens(960, 540), 1548);  // the documentation's own example: 6 tiles
  EXPECT_EQ(GeminiImageTiles(4000, 3000), 4);
  EXPECT_EQ(GeminiImageTiles(1536, 1152), 4);
  EXPECT_EQ(GeminiImageTiles(0, 10), 0);
  EXPECT_EQ(GeminiImageTiles(4000, 1), 4000);  // unit clamps to 1 px
}

}  // namespace
}  // namespace jae
