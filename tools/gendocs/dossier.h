// Dossiers: the documents of one player, rendered for the player check (jae-ocr check).
// Each scenario is what a referee meets on a Saturday morning; the expected verdict on
// 2026-12-05 (season 2027) is in its comment. Deterministic for a given seed.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "gendocs.h"

namespace jae::gendocs {

// same_person          passport + licence 2027 of the same person      -> ok
// two_people           passport of one person, licence of another      -> refuse
// expired_id           expired passport + licence 2027                  -> refuse
// last_season_licence  passport + licence 2026                          -> refuse
// card_2021            2021 ID card front + back + licence 2027         -> ok
// card_2021_front_only 2021 ID card front + licence 2027                -> review
// not_a_document       a background with no document on it              -> refuse/review
inline const std::vector<std::string> kDossierScenarios = {
    "same_person", "two_people",           "expired_id",    "last_season_licence",
    "card_2021",   "card_2021_front_only", "not_a_document"};

// Empty when `scenario` is unknown. Sample names are file names without extension.
std::vector<Sample> MakeDossier(const std::string& scenario, Condition condition,
                                std::uint64_t seed, Fonts& fonts);

}  // namespace jae::gendocs
