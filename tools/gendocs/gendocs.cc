#include "gendocs.h"

namespace jae::gendocs {

Sample MakeSample(Kind kind, Condition condition, std::uint64_t seed, int index, Fonts& fonts,
                  const std::string& printed_surname) {
  // Mix kind, condition and index into the seed so that every sample differs.
  std::seed_seq seq{seed, static_cast<std::uint64_t>(kind), static_cast<std::uint64_t>(condition),
                    static_cast<std::uint64_t>(index)};
  std::mt19937_64 rng(seq);
  Identity id = RandomIdentity(rng);
  id.printed_surname = printed_surname;
  const RenderedDoc doc = RenderDocument(kind, id, rng, fonts);
  const Captured cap = Capture(doc.image, doc.mask, condition, rng);
  Sample s;
  s.name = KindName(kind) + "-" + ConditionName(condition) + "-" + std::to_string(index);
  s.jpeg = cap.jpeg;
  const Truth& t = doc.truth;
  nlohmann::json corners = nlohmann::json::array();
  for (const auto& p : cap.corners) corners.push_back({p.x, p.y});
  s.truth = {{"corners", corners},
             {"kind", t.kind},
             {"condition", ConditionName(condition)},
             {"seed", seed},
             {"index", index},
             {"document_type", t.document_type},
             {"side", t.side},
             {"issuing_country", "FRA"},
             {"mrz_lines", t.mrz_lines},
             {"fields", t.fields},
             {"rotation_deg", cap.rotation_deg},
             {"document_width_px", cap.document_width}};
  if (!printed_surname.empty()) s.truth["mrz_matches_printed"] = false;
  return s;
}

}  // namespace jae::gendocs
