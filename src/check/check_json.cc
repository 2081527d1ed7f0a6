#include "check/check_json.h"

#include "result/result_json.h"

namespace jae::check {
namespace {

using json = nlohmann::ordered_json;

json OutcomeToJson(const CheckOutcome& o) {
  json j = {{"status", ToString(o.status)}, {"code", o.code}, {"message", o.message}};
  if (o.document) j["document"] = *o.document;
  if (o.expiry_date) j["expiry_date"] = FormatIsoDate(*o.expiry_date);
  if (o.season) j["season"] = *o.season;
  if (o.age_in_season) j["age_in_season"] = *o.age_in_season;
  if (o.age_on_match_date) j["age_on_match_date"] = *o.age_on_match_date;
  return j;
}

void PutIdentity(json& out, const char* key, const std::optional<IdentityValue>& v) {
  if (!v) return;
  out[key] = {{"value", v->value}, {"document", v->document}, {"source", v->source}};
}

}  // namespace

json ToJson(const PlayerCheck& c) {
  json j;
  j["schema_version"] = "1";
  j["verdict"] = ToString(c.verdict);
  json reasons = json::array();
  for (const Reason& r : c.reasons) {
    reasons.push_back({{"check", r.check},
                       {"status", ToString(r.status)},
                       {"code", r.code},
                       {"message", r.message}});
  }
  j["reasons"] = std::move(reasons);
  j["match_date"] = FormatIsoDate(c.match_date);
  j["season"] = c.season;
  if (c.min_age) j["min_age"] = *c.min_age;
  if (c.max_age) j["max_age"] = *c.max_age;
  json identity = json::object();
  PutIdentity(identity, "surname", c.identity.surname);
  PutIdentity(identity, "given_names", c.identity.given_names);
  PutIdentity(identity, "birth_date", c.identity.birth_date);
  PutIdentity(identity, "sex", c.identity.sex);
  j["identity"] = std::move(identity);
  j["checks"] = {
      {"same_person", OutcomeToJson(c.same_person)},
      {"id_document_valid", OutcomeToJson(c.id_document_valid)},
      {"licence_valid_for_season", OutcomeToJson(c.licence_valid_for_season)},
      {"age", OutcomeToJson(c.age)},
      {"documents_readable", OutcomeToJson(c.documents_readable)},
  };
  json docs = json::array();
  for (std::size_t i = 0; i < c.documents.size(); ++i) {
    const DocumentSummary& d = c.documents[i];
    json dj = {{"index", i}, {"name", d.name}, {"status", d.status}};
    if (d.type) dj["type"] = ToString(*d.type);
    if (d.side) dj["side"] = ToString(*d.side);
    if (d.mrz) dj["mrz"] = ToString(*d.mrz);
    if (d.card) dj["card"] = *d.card;
    dj["warnings"] = d.warnings;
    if (d.error_code) dj["error_code"] = ToString(*d.error_code);
    if (!d.error.empty()) dj["error"] = d.error;
    docs.push_back(std::move(dj));
  }
  j["documents"] = std::move(docs);
  json cards = json::array();
  for (const Card& card : c.cards) {
    json sides = json::array();
    for (DocumentSide s : card.sides) sides.push_back(ToString(s));
    cards.push_back({{"type", ToString(card.type)},
                     {"model", card.model},
                     {"documents", card.documents},
                     {"sides", std::move(sides)},
                     {"complete", card.complete}});
  }
  j["cards"] = std::move(cards);
  return j;
}

std::string SerializeCheck(const PlayerCheck& check, int indent) {
  return ToJson(check).dump(indent, ' ', false, json::error_handler_t::replace);
}

Input InputFromResultJson(std::string name, std::string_view text) {
  Input in;
  in.name = std::move(name);
  auto parsed = ParseResult(text);
  if (parsed.ok()) {
    in.result = std::move(*parsed);
  } else {
    in.error = "not a jae-ocr result: " + std::string(parsed.status().message());
  }
  return in;
}

bool LooksLikeJson(std::string_view bytes) {
  for (char c : bytes) {
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t') continue;
    return c == '{';
  }
  return false;
}

}  // namespace jae::check
