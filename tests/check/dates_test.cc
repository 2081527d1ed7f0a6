#include "check/dates.h"

#include <gtest/gtest.h>

#include "check/id_validity.h"

namespace jae::check {
namespace {

TEST(Dates, SeasonBoundaries) {
  EXPECT_EQ(SeasonOf({2026, 8, 31}), 2026);
  EXPECT_EQ(SeasonOf({2026, 9, 1}), 2027);
  EXPECT_EQ(SeasonOf({2027, 1, 1}), 2027);
}

TEST(Dates, AgesAndLeapDays) {
  EXPECT_EQ(AgeOn({2008, 2, 29}, {2026, 2, 28}), 17);
  EXPECT_EQ(AgeOn({2008, 2, 29}, {2026, 3, 1}), 18);
  EXPECT_EQ(AgeOn({2008, 2, 29}, {2028, 2, 29}), 20);
  EXPECT_EQ(AgeOn({1990, 7, 13}, {2026, 7, 12}), 35);
  EXPECT_EQ(AgeOn({1990, 7, 13}, {2026, 7, 13}), 36);
  EXPECT_EQ(AddYears({2012, 2, 29}, 10), (CivilDate{2022, 2, 28}));
  EXPECT_EQ(AddDays({2024, 3, 1}, -1), (CivilDate{2024, 2, 29}));
  EXPECT_EQ(AddDays({2023, 12, 31}, 1), (CivilDate{2024, 1, 1}));
  EXPECT_EQ(FrenchDate({2026, 9, 1}), "01/09/2026");
  EXPECT_FALSE(ParseIsoDate("2026-02-29"));
  EXPECT_TRUE(ParseIsoDate("2028-02-29"));
}

TEST(Fr1988, NumberCarriesTheIssueMonth) {
  EXPECT_TRUE(IsFrId1988Number("940992310285"));
  EXPECT_TRUE(IsFrId1988Number("970675K00277"));
  EXPECT_FALSE(IsFrId1988Number("X4RTBPFW4"));
  EXPECT_FALSE(IsFrId1988Number("941392310285"));  // month 13
  EXPECT_EQ(*IssueMonthOf1988Number("120575123456"), (CivilDate{2012, 5, 1}));
  EXPECT_EQ(*IssueMonthOf1988Number("940992310285"), (CivilDate{1994, 9, 1}));
}

}  // namespace
}  // namespace jae::check
