#include "check/names.h"

#include <gtest/gtest.h>

namespace jae::check {
namespace {

TEST(Names, SurnameFolding) {
  EXPECT_TRUE(SurnamesMatch("N'DIAYE", "NDIAYE"));
  EXPECT_TRUE(SurnamesMatch("LE GOFF", "LE-GOFF"));
  EXPECT_TRUE(SurnamesMatch("Le Goff", "LEGOFF"));
  EXPECT_TRUE(SurnamesMatch("Lefèvre", "LEFEVRE"));
  EXPECT_TRUE(SurnamesMatch("MÜLLER", "MUELLER"));
  EXPECT_TRUE(SurnamesMatch("MÜLLER", "MULLER"));
  EXPECT_TRUE(SurnamesMatch("D’ARTAGNAN", "DARTAGNAN"));  // typographic apostrophe
  EXPECT_FALSE(SurnamesMatch("MARTIN", "MARTINEZ"));
  EXPECT_FALSE(SurnamesMatch("DUPONT", "DUPOND"));
  EXPECT_FALSE(SurnamesMatch("", "DUPOND"));
}

TEST(Names, CutMrzNameIsAPrefix) {
  EXPECT_TRUE(SurnamesMatch("MARTIN", "MARTINEZ-DELACROIX", /*a_may_be_cut=*/true));
  EXPECT_FALSE(SurnamesMatch("MARTINEZ-DELACROIX", "MARTIN", /*a_may_be_cut=*/true));
  EXPECT_TRUE(GivenNamesMatch("MAELYS GAELLE MA", "Maëlys, Gaëlle, Marie", true, false));
}

TEST(Names, GivenNames) {
  EXPECT_TRUE(GivenNamesMatch("MAELYS GAELLE MARIE", "Maëlys"));
  EXPECT_TRUE(GivenNamesMatch("Maëlys", "MAELYS GAELLE MARIE"));
  EXPECT_TRUE(GivenNamesMatch("MAELYS, GAELLE, MARIE", "Gaëlle"));
  EXPECT_TRUE(GivenNamesMatch("JEAN PIERRE LOUIS", "Jean-Pierre"));
  EXPECT_TRUE(GivenNamesMatch("JEAN<PIERRE", "JEAN-PIERRE"));
  EXPECT_FALSE(GivenNamesMatch("JEAN PIERRE", "PIERRE-JEAN"));
  EXPECT_FALSE(GivenNamesMatch("MARIE", "MARC"));
  EXPECT_FALSE(GivenNamesMatch("ANNE MARIE", "ANN"));
}

TEST(Names, UsageName) {
  auto u = SplitUsageName("DUPONT épouse MARTIN");
  ASSERT_TRUE(u);
  EXPECT_EQ(u->first, "dupont");
  EXPECT_EQ(u->second, "martin");
  u = SplitUsageName("MARTIN ép. DUPONT");
  ASSERT_TRUE(u);
  EXPECT_EQ(u->second, "dupont");
  u = SplitUsageName("DUPONT nom d'usage MARTIN");
  ASSERT_TRUE(u);
  EXPECT_EQ(u->first, "dupont");
  EXPECT_EQ(u->second, "martin");
  EXPECT_FALSE(SplitUsageName("LEPOUSE"));
  EXPECT_FALSE(SplitUsageName("MARTIN"));
}

}  // namespace
}  // namespace jae::check
