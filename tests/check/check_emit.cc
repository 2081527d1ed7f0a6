// Prints player checks of several dossiers, one JSON object per line, for the schema
// test (check-schema.mjs): every shape the module emits must validate.
#include <iostream>
#include <string>
#include <vector>

#include "check/check.h"
#include "check/check_json.h"

namespace {

using jae::check::Input;
using jae::check::InputFromResultJson;

std::string Result(const std::string& type, const std::string& fields,
                   const std::string& extra = "") {
  return R"({"schema_version":"1","status":"ok","source":{"uri":"upload:x"},)"
         R"("processed_at":"2026-12-01T10:00:00Z","engine":{"name":"local"},)"
         R"("verification":{"mrz_check_digits":"absent","warnings":["season: x"]},)"
         R"("document":{"type":")" +
         type + R"(","side":"both","fields":{)" + fields + "}" + extra + "}}";
}

std::string F(const std::string& name, const std::string& value) {
  return "\"" + name + "\":{\"value\":\"" + value + "\",\"confidence\":0.9,\"source\":\"visual\"}";
}

}  // namespace

int main() {
  const std::string id = Result(
      "id_card", F("surname", "MARTIN") + "," + F("given_names", "MAELYS") + "," +
                     F("birth_date", "1990-07-13") + "," + F("sex", "F") + "," +
                     F("expiry_date", "2030-02-11") + "," + F("document_number", "X4RTBPFW4"));
  const std::string lic =
      Result("fft_licence", F("surname", "MARTIN") + "," + F("given_names", "Maëlys") + "," +
                                F("birth_date", "1990-07-13") + "," + F("season", "2027") + "," +
                                F("licence_number", "1234567A"));
  const std::string old_lic =
      Result("fft_licence", F("surname", "DURAND") + "," + F("given_names", "Paul") + "," +
                                F("birth_date", "1980-01-01") + "," + F("season", "2026"));
  const std::string rejected =
      R"({"schema_version":"1","status":"rejected","source":{"uri":"upload:y"},)"
      R"("processed_at":"2026-12-01T10:00:00Z","error":{"code":"no_document","message":"none"}})";
  const std::vector<std::vector<Input>> dossiers = {
      {},
      {InputFromResultJson("cni.json", id), InputFromResultJson("licence.json", lic)},
      {InputFromResultJson("cni.json", id), InputFromResultJson("old.json", old_lic)},
      {InputFromResultJson("cni.json", id), InputFromResultJson("chat.json", rejected),
       InputFromResultJson("bad.json", "{")},
  };
  for (const auto& d : dossiers) {
    for (const auto& ages : {std::pair<int, int>{0, 0}, std::pair<int, int>{18, 40}}) {
      jae::check::Options o{{2026, 12, 5}, std::nullopt, std::nullopt};
      if (ages.first) o.min_age = ages.first, o.max_age = ages.second;
      std::cout << jae::check::SerializeCheck(jae::check::CheckPlayer(d, o)) << "\n";
    }
  }
  return 0;
}
