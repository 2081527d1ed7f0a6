// The accents of French towns given back to a capitalised reading that lost them
// (src/engine/local/french_places.h).
#include "engine/local/french_places.h"

#include <gtest/gtest.h>

namespace jae::local {
namespace {

TEST(FrenchPlacesTest, ABirthPlaceReadWithoutItsAccents) {
  EXPECT_EQ(WithTownAccents("NIMES"), "NÎMES");
  EXPECT_EQ(WithTownAccents("SAINT-ETIENNE"), "SAINT-ÉTIENNE");
  EXPECT_EQ(WithTownAccents("SAINT-ÉTIENNE"), "SAINT-ÉTIENNE");
  EXPECT_EQ(WithTownAccents("SAINT-ETIENNE-DU-ROUVRAY"), "SAINT-ÉTIENNE-DU-ROUVRAY");
  EXPECT_EQ(WithTownAccents("LE FRANCOIS"), "LE FRANÇOIS");
  EXPECT_EQ(WithTownAccents("CHALONS-EN-CHAMPAGNE"), "CHÂLONS-EN-CHAMPAGNE");
}

TEST(FrenchPlacesTest, TheTownAfterAnAddresssPostcode) {
  EXPECT_EQ(WithTownAccents("41 BOULEVARD GAMBETTA 88514 NIMES"),
            "41 BOULEVARD GAMBETTA 88514 NÎMES");
  EXPECT_EQ(WithTownAccents("7 RUE DES ÉCOLES 42100 SAINT-ETIENNE"),
            "7 RUE DES ÉCOLES 42100 SAINT-ÉTIENNE");
  EXPECT_EQ(WithTownAccents("3 PLACE DU MARCHÉ 97200 LE FRANCOIS"),
            "3 PLACE DU MARCHÉ 97200 LE FRANÇOIS");
}

TEST(FrenchPlacesTest, NothingElseChanges) {
  EXPECT_EQ(WithTownAccents("PARIS"), "PARIS");
  EXPECT_EQ(WithTownAccents("Nimes"), "Nimes");                      // not a capitalised reading
  EXPECT_EQ(WithTownAccents("12 RUE DES ALES"), "12 RUE DES ALES");  // a street's word
  EXPECT_EQ(WithTownAccents("SAINTE NIMES"), "SAINTE NIMES");        // no such town
  EXPECT_EQ(WithTownAccents("DUNIMES"), "DUNIMES");
  EXPECT_EQ(WithTownAccents(""), "");
  EXPECT_EQ(WithTownAccents("123 NIMES"), "123 NIMES");  // no postcode
}

}  // namespace
}  // namespace jae::local
