// Check-guided decoding of an OCR-B read: when the characters the classifier liked best
// break the MRZ's checks, look for the cheapest set of runner-up characters that makes
// every check hold as read. The classifier's scores say which characters were in doubt,
// which the MRZ reader's blind confusion table (src/mrz/confusions.h) cannot know: on
// small, blurred zones E/F, O/D, H/M and 6/8 go wrong, and only the scores tell which
// cell to change.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/local/ocrb_classifier.h"
#include "mrz/mrz.h"

namespace jae::local {

struct CheckGuidedOptions {
  // A runner-up is considered only if it scored at most this much below the character
  // read (normalised cross-correlation, -1..1).
  float max_gap = 0.12f;
  // At most this many changed characters, among the `max_candidates` closest runners-up.
  int max_changes = 3;
  int max_candidates = 20;
  // The cheapest valid reading is taken only if every other valid reading (with other
  // lines) costs at least this much more: otherwise the scores cannot choose.
  float min_margin = 0.03f;
};

// `lines`: the line texts as read (each of the classifier's line length); `cells`: each
// character's template scores (OcrbClassifier::ReadLine). Every position first gets the
// best-scoring character its layout allows (a letter is never a date digit); then, if
// checks still fail, sets of up to `max_changes` runners-up are tried, cheapest first.
// Returns lines whose every check holds as read (no confusion repair needed), or nullopt
// when the read is not an MRZ layout, when nothing cheap enough fits, or when two
// readings fit about as cheaply.
std::optional<std::vector<std::string>> DecodeWithChecks(
    const std::vector<std::string>& lines, const std::vector<std::vector<CellMatch>>& cells,
    const mrz::ParseOptions& parse_options, const CheckGuidedOptions& options = {});

}  // namespace jae::local
