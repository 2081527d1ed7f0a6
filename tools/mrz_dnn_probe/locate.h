// Where the local engine would read an MRZ: its own document finding and MRZ location
// (src/engine/local), replayed in the order LocalEngine::ExtractImpl tries them, so that
// the recogniser under test reads the same line boxes the engine's readers get.
//
// Contract: calls `read` with each place in turn — the first outline's document (or the
// whole image), the runners-up outlines, then the MRZ finder's candidates in each likely
// orientation — and stops at the first for which it returns true (its read holds every
// check). Returns how many places were offered.
// Why duplicated: the order and the constants are private to local_engine.cc, which is
// being restructured; this copy is from commit 212c468. FlattenLight and LinesInDocument
// are the engine's own.
#pragma once

#include <functional>
#include <opencv2/core.hpp>
#include <string>
#include <vector>

namespace jae::probe {

struct MrzPlace {
  cv::Mat doc;                  // the rectified document, BGR
  cv::Mat flat;                 // the same, grey, light flattened (what the engine reads)
  std::vector<cv::Rect> lines;  // the MRZ lines in `doc`, top first
  bool outline_found = false;
  std::string how;  // "outline", "outline 2", "finder 1", "finder 1 reversed"
};

int ForEachMrzPlace(const cv::Mat& bgr, const std::function<bool(const MrzPlace&)>& read);

}  // namespace jae::probe
