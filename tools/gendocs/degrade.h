// Turns a flat rendered document into what a scanner or a phone camera would produce.
#pragma once

#include <opencv2/core.hpp>
#include <random>
#include <string>
#include <vector>

namespace jae::gendocs {

enum class Condition { kScan, kPhoto, kHard };
inline constexpr Condition kAllConditions[] = {Condition::kScan, Condition::kPhoto,
                                               Condition::kHard};
std::string ConditionName(Condition c);
bool ConditionFromName(const std::string& name, Condition* c);

struct Captured {
  std::string jpeg;         // encoded image
  double rotation_deg = 0;  // rotation applied to the document (counter-clockwise)
  int document_width = 0;   // width of the document in the output, in pixels
  // Where the document's corners landed (top-left, top-right, bottom-right, bottom-left
  // of the upright document), in output pixels.
  std::vector<cv::Point2f> corners;
};

// `scan`: straight, on a white bed, clean. `photo`: on a textured background, rotated by up
// to 15 degrees, perspective, blur, noise, uneven light, JPEG quality 55-85, document 700-2000
// px wide. `hard`: any rotation, glare, low resolution (document 420-700 px wide).
Captured Capture(const cv::Mat& document, const cv::Mat& mask, Condition condition,
                 std::mt19937_64& rng);

// A background with no document on it (for no_document tests).
std::string BackgroundOnly(std::mt19937_64& rng, cv::Size size);

}  // namespace jae::gendocs
