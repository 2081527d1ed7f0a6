#include "locate.h"

#include <opencv2/imgproc.hpp>
#include <optional>

#include "engine/local/document_finder.h"
#include "engine/local/flatten_light.h"
#include "engine/local/mrz_finder.h"
#include "engine/local/mrz_zone.h"

namespace jae::probe {

namespace {

// Copied from src/engine/local/local_engine.cc (212c468): private there.
constexpr int kDocumentWidth = 1200;
constexpr int kMaxOutlines = 3;
constexpr int kMaxCandidates = 2;
constexpr float kSureOrientation = 0.25f;

void Rotate(MrzPlace& p, cv::RotateFlags how) {
  cv::rotate(p.doc, p.doc, how);
  cv::rotate(p.flat, p.flat, how);
}

// LocalEngine::ReadZone's location part: the MRZ lines of one rectified document.
std::optional<MrzPlace> Zone(local::FoundDocument found, const std::vector<cv::Rect>* known) {
  MrzPlace p;
  p.doc = found.image;
  p.outline_found = found.outline_found;
  cv::Mat gray;
  cv::cvtColor(p.doc, gray, cv::COLOR_BGR2GRAY);
  p.flat = local::FlattenLight(gray);
  std::optional<local::MrzLocation> where;
  if (known) {
    std::vector<cv::Rect> tight = local::TightenLines(p.flat, *known);
    if (tight.size() == known->size() && tight.size() >= 2) {
      where = local::MrzLocation{std::move(tight), false};
    }
  } else {
    where = local::LocateMrz(p.flat);
  }
  if (where && where->upside_down) {
    Rotate(p, cv::ROTATE_180);
    where = local::LocateMrz(p.flat);
  }
  if (!where && !found.outline_found && !known) {
    for (auto rotation : {cv::ROTATE_90_CLOCKWISE, cv::ROTATE_90_COUNTERCLOCKWISE}) {
      cv::Mat turned;
      cv::rotate(p.flat, turned, rotation);
      if (local::LocateMrz(turned)) {
        Rotate(p, rotation);
        where = local::LocateMrz(p.flat);
        if (where && where->upside_down) {
          Rotate(p, cv::ROTATE_180);
          where = local::LocateMrz(p.flat);
        }
        break;
      }
    }
  }
  if (!where) return std::nullopt;
  p.lines = where->lines;
  return p;
}

}  // namespace

int ForEachMrzPlace(const cv::Mat& bgr, const std::function<bool(const MrzPlace&)>& read) {
  int offered = 0;
  auto offer = [&](std::optional<MrzPlace> p, std::string how) {
    if (!p) return false;
    p->how = std::move(how);
    ++offered;
    return read(*p);
  };
  const auto outlines = local::FindOutlines(bgr, kMaxOutlines);
  if (offer(Zone(outlines.empty() ? local::WholeImage(bgr, kDocumentWidth)
                                  : local::Rectify(bgr, outlines.front(), kDocumentWidth),
                 nullptr),
            outlines.empty() ? "whole image" : "outline")) {
    return offered;
  }
  for (size_t k = 1; k < outlines.size(); ++k) {
    if (offer(Zone(local::Rectify(bgr, outlines[k], kDocumentWidth), nullptr),
              "outline " + std::to_string(k + 1))) {
      return offered;
    }
  }
  cv::Mat gray;
  cv::cvtColor(bgr, gray, cv::COLOR_BGR2GRAY);
  int n = 0;
  for (const auto& candidate : local::FindMrzCandidates(gray, kMaxCandidates)) {
    ++n;
    std::vector<local::MrzCandidate> ways = {candidate};
    if (candidate.upright_odds < kSureOrientation) ways.push_back(local::Reversed(candidate));
    for (size_t w = 0; w < ways.size(); ++w) {
      const auto& oriented = ways[w];
      local::FoundDocument doc =
          local::Rectify(bgr, local::ImpliedDocument(oriented), kDocumentWidth);
      const std::vector<cv::Rect> approx =
          local::LinesInDocument(oriented, doc.corners, doc.image.size());
      if (offer(Zone(std::move(doc), &approx),
                "finder " + std::to_string(n) + (w ? " reversed" : ""))) {
        return offered;
      }
    }
  }
  return offered;
}

}  // namespace jae::probe
