#include "verify/text.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace jae::verify {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;

TEST(MrzNameVariants, DropsDiacriticsAndFollowsIcaoOptions) {
  EXPECT_THAT(MrzNameVariants("Maëlys, Gaëlle, Marie"), ElementsAre("MAELYS GAELLE MARIE"));
  EXPECT_THAT(MrzNameVariants("Hélène Çélia Ìñigo"), Contains("HELENE CELIA INIGO"));
  EXPECT_THAT(MrzNameVariants("Hélène Çélia Ìñigo"), Contains("HELENE CELIA INXXIGO"));
  const auto muller = MrzNameVariants("Müller");
  EXPECT_THAT(muller, Contains("MUELLER"));
  EXPECT_THAT(muller, Contains("MUXXLLER"));
  EXPECT_THAT(muller, Contains("MULLER"));
  EXPECT_THAT(MrzNameVariants("Strauß"), ElementsAre("STRAUSS"));
  EXPECT_THAT(MrzNameVariants("Œdipe Ærø"), ElementsAre("OEDIPE AEROE"));
  EXPECT_THAT(MrzNameVariants("Łukasz Dvořák"), ElementsAre("LUKASZ DVORAK"));
}

TEST(MrzNameVariants, AppliesPunctuationRules) {
  // ICAO omits an apostrophe (first); some issuers write a filler.
  EXPECT_THAT(MrzNameVariants("D'Artagnan"), ElementsAre("DARTAGNAN", "D ARTAGNAN"));
  EXPECT_THAT(MrzNameVariants("d’Artagnan"), ElementsAre("DARTAGNAN", "D ARTAGNAN"));
  EXPECT_THAT(MrzNameVariants("Jean-Pierre"), ElementsAre("JEAN PIERRE"));
  EXPECT_THAT(MrzNameVariants("  de   la  Tour  "), ElementsAre("DE LA TOUR"));
  EXPECT_THAT(MrzNameVariants("HERVE<<DJAMEL"), ElementsAre("HERVE DJAMEL"));
}

TEST(MrzNameVariants, SurvivesHostileText) {
  EXPECT_THAT(MrzNameVariants(""), ElementsAre(""));
  EXPECT_THAT(MrzNameVariants("\xFF\xFE\xC3"), ElementsAre("???"));
  EXPECT_THAT(MrzNameVariants("Иван"), ElementsAre("????"));
  // 40 umlauts would be 3^40 spellings: capped.
  std::string many;
  for (int i = 0; i < 40; ++i) many += "ü";
  EXPECT_LE(MrzNameVariants(many).size(), 64u);
}

TEST(FoldForMatching, LowerCaseWithoutAccents) {
  EXPECT_EQ(FoldForMatching("FÉVRIER"), "fevrier");
  EXPECT_EQ(FoldForMatching("Août"), "aout");
}

TEST(CollapseWhitespace, TrimsAndCollapses) {
  EXPECT_EQ(CollapseWhitespace("  a \t\n b  "), "a b");
  EXPECT_EQ(CollapseWhitespace(" \n "), "");
}

}  // namespace
}  // namespace jae::verify
