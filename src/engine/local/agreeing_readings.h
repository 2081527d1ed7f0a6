// Two readings of one document (the outlined card and the whole photo, a page turned and
// not): one is kept whole, and the other may fill its gaps.
//
// Contract: FillFromAnAgreeingReading adds to `kept` every field of `other` that `kept`
// lacks, and replaces a field the two read otherwise by `other`'s when `other` is surer of
// it by more than 0.1, only when the two readings name the same holder: of surname, given
// names, birth date and licence number, two at least read alike in both and none read
// otherwise, or three alike and one otherwise; a name of five bytes or more one edit apart
// in the two ("HÉBERT", "HÉPERT": one name, one letter misread) counts neither way. Pure.
// Why: the reading with more fields wins, and what only the other held was lost (a
// licence's season on the card's dark band is read on the card, where it is large, not on
// the whole page, where it is small). A reading of junk, or of another part of the
// picture, agrees with none: merging without that test added six false fields of 1440 on
// the seen families' licences. An app's screen read at two scales gives two readings of one
// holder that differ in a number (a 3 read 8 in a rounded font at the smaller scale, less
// surely: "17793833 R" at 0.61 against "1779333 R" at 0.87); the names and the birth date
// still tell the holder, and the surer reading of the number is the right one more often.
#pragma once

#include "result/result.h"

namespace jae::local {

void FillFromAnAgreeingReading(Fields& kept, const Fields& other);

}  // namespace jae::local
