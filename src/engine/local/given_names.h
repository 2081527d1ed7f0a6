// French given names, to tell in a name written in one case which words are the given
// names and which the surname. Pure.
//
// Contract: IsAFrenchGivenName(word) is true when `word`, folded to unaccented capitals
// ("Jérôme", "JEROME", "jerome" alike), is a given name of the list, or a hyphenated
// compound each of whose parts is ("Jean-Baptiste", "Anne-Sophie").
// Why: an app or a card may print the holder's name in one case ("Blanchard Odile Léa"),
// where only knowing which words are given names parts it. The list holds given names
// common in France since the 1930s (the INSEE's most given, both sexes); many are also
// surnames ("Martin", "Colin", "Arnaud"), and a name made only of listed words is not
// parted by it. A word missing from the list counts as a surname's: a rare given name
// leaves the name unparted, or with it among the surname's words, never a surname among
// the given names unless that surname is itself a listed given name.
#pragma once

#include <string_view>

namespace jae::local {

bool IsAFrenchGivenName(std::string_view word);

}  // namespace jae::local
