// Two readings of one document (the outlined card and the whole photo, a page turned and
// not): one is kept whole, and the other may fill its gaps.
//
// Contract: FillFromAnAgreeingReading adds to `kept` every field of `other` that `kept`
// lacks, and changes no field `kept` has, only when the two readings name the same holder:
// two at least of surname, given names, birth date and licence number read alike in both,
// and none of them read otherwise; a name of five bytes or more one edit apart in the two
// ("HÉBERT", "HÉPERT": one name, one letter misread) counts neither way. Pure.
// Why: the reading with more fields wins, and what only the other held was lost (a
// licence's season on the card's dark band is read on the card, where it is large, not on
// the whole page, where it is small). A reading of junk, or of another part of the
// picture, agrees with none: merging without that test added six false fields of 1440 on
// the seen families' licences.
#pragma once

#include "result/result.h"

namespace jae::local {

void FillFromAnAgreeingReading(Fields& kept, const Fields& other);

}  // namespace jae::local
