// The accents of French names given back to a reading that lost or confused them
// (src/engine/local/french_names.h).
#include "engine/local/french_names.h"

#include <gtest/gtest.h>

namespace jae::local {
namespace {

TEST(FrenchNamesTest, CapitalsGetTheirAccentsBack) {
  EXPECT_EQ(WithNameAccents("LEA"), "LÉA");
  EXPECT_EQ(WithNameAccents("HEBERT"), "HÉBERT");
  EXPECT_EQ(WithNameAccents("YANIS JEROME"), "YANIS JÉRÔME");
  EXPECT_EQ(WithNameAccents("JULIETTE, INES"), "JULIETTE, INÈS");
  EXPECT_EQ(WithNameAccents("JEAN-JEROME"), "JEAN-JÉRÔME");
  EXPECT_EQ(WithNameAccents("LEFÊVRE"), "LEFÈVRE");  // the wrong accent
}

TEST(FrenchNamesTest, CapitalisedNamesToo) {
  EXPECT_EQ(WithNameAccents("Chloë"), "Chloé");
  EXPECT_EQ(WithNameAccents("Clément, Loic"), "Clément, Loïc");
  EXPECT_EQ(WithNameAccents("Maëlys"), "Maëlys");
}

TEST(FrenchNamesTest, NothingElseChanges) {
  EXPECT_EQ(WithNameAccents("BENOIT"), "BENOIT");  // spelt both ways
  EXPECT_EQ(WithNameAccents("Michael"), "Michael");
  EXPECT_EQ(WithNameAccents("MARTIN"), "MARTIN");
  EXPECT_EQ(WithNameAccents("LEFEBVRE-ROUX"), "LEFEBVRE-ROUX");
  EXPECT_EQ(WithNameAccents("lea"), "lea");    // lower case: no name as printed
  EXPECT_EQ(WithNameAccents("LeA"), "LeA");    // mixed case
  EXPECT_EQ(WithNameAccents("LEA2"), "LEA2");  // a digit: no name
  EXPECT_EQ(WithNameAccents(""), "");
  EXPECT_EQ(WithNameAccents(", ,"), ", ,");
  EXPECT_EQ(WithNameAccents("\xC3"), "\xC3");  // cut UTF-8
}

}  // namespace
}  // namespace jae::local
