#include "dossier.h"

#include <functional>

#include "identity.h"

namespace jae::gendocs {
namespace {

Sample Render(const std::string& name, Kind kind, const Identity& id, Condition condition,
              std::mt19937_64& rng, Fonts& fonts) {
  const RenderedDoc doc = RenderDocument(kind, id, rng, fonts);
  const Captured cap = Capture(doc.image, doc.mask, condition, rng);
  Sample s;
  s.name = name;
  s.jpeg = cap.jpeg;
  s.truth = {{"kind", doc.truth.kind},
             {"document_type", doc.truth.document_type},
             {"side", doc.truth.side},
             {"mrz_lines", doc.truth.mrz_lines},
             {"fields", doc.truth.fields}};
  return s;
}

// An adult with a valid ID (issued 2018-2024, 10 years) and a licence of season 2027.
Identity Player(std::mt19937_64& rng) {
  Identity id = RandomIdentity(rng);
  id.birth_date.year = 1960 + static_cast<int>(rng() % 40);
  id.issue_date = Date{2018 + static_cast<int>(rng() % 7), 1 + static_cast<int>(rng() % 12),
                       1 + static_cast<int>(rng() % 28)};
  id.expiry_date = Date{id.issue_date.year + 10, id.issue_date.month, id.issue_date.day};
  id.season = "2027";
  return id;
}

}  // namespace

std::vector<Sample> MakeDossier(const std::string& scenario, Condition condition,
                                std::uint64_t seed, Fonts& fonts) {
  std::seed_seq seq{seed, static_cast<std::uint64_t>(std::hash<std::string>{}(scenario)),
                    static_cast<std::uint64_t>(condition)};
  std::mt19937_64 rng(seq);
  Identity a = Player(rng);
  std::vector<Sample> out;
  const auto add = [&](const std::string& name, Kind kind, const Identity& id) {
    out.push_back(Render(name, kind, id, condition, rng, fonts));
  };
  if (scenario == "same_person") {
    add("passeport", Kind::kFrPassport, a);
    add("licence", Kind::kFftLicence, a);
  } else if (scenario == "two_people") {
    Identity b = Player(rng);
    while (b.surname == a.surname) b = Player(rng);
    add("passeport", Kind::kFrPassport, a);
    add("licence", Kind::kFftLicence, b);
  } else if (scenario == "expired_id") {
    a.issue_date = Date{2015, 3, 14};
    a.expiry_date = Date{2025, 3, 13};
    add("passeport", Kind::kFrPassport, a);
    add("licence", Kind::kFftLicence, a);
  } else if (scenario == "last_season_licence") {
    add("passeport", Kind::kFrPassport, a);
    a.season = "2026";
    add("licence", Kind::kFftLicence, a);
  } else if (scenario == "card_2021" || scenario == "card_2021_front_only") {
    a.document_number = RandomUpperAlnum(rng, 9);  // both sides print the same number
    add("cni-recto", Kind::kFrId2021Front, a);
    if (scenario == "card_2021") add("cni-verso", Kind::kFrId2021Back, a);
    add("licence", Kind::kFftLicence, a);
  } else if (scenario == "not_a_document") {
    add("licence", Kind::kFftLicence, a);
    Sample s;
    s.name = "photo";
    s.jpeg = BackgroundOnly(rng, cv::Size(1200, 900));
    s.truth = {{"kind", "none"}};
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace jae::gendocs
