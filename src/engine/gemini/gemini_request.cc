#include "engine/gemini/gemini_request.h"

#include <array>
#include <utility>

#include "auth/base64.h"
#include "result/result.h"

namespace jae::gemini {
namespace {

// What each result field means on the documents we read; this is the model's only
// description of the fields, so it says where each one is printed.
constexpr std::array<std::pair<FieldName, const char*>, kFieldNameCount> kFieldHelp = {{
    {FieldName::kSurname,
     "Surname (Nom) as printed, upper case, accents kept. Birth surname; a usage name "
     "('Nom d'usage', 'épouse', 'ép.') is not part of it."},
    {FieldName::kGivenNames,
     "Given names (Prénoms) as printed, in order, separated by single spaces."},
    {FieldName::kBirthDate, "Date of birth (Né(e) le / Date de naissance / 3.), as YYYY-MM-DD."},
    {FieldName::kBirthPlace, "Place of birth (à / Lieu de naissance / 3.) as printed."},
    {FieldName::kSex, "Sex: F, M or X."},
    {FieldName::kNationality,
     "Nationality as an ICAO three-letter code (FRA for Française/French)."},
    {FieldName::kDocumentNumber,
     "Document number as printed (carte d'identité, passeport, titre de séjour number; field "
     "5 of a driving licence), without spaces."},
    {FieldName::kIssueDate,
     "Date of issue (Délivrée le / Date de délivrance / 4a.), as YYYY-MM-DD."},
    {FieldName::kExpiryDate,
     "Date of expiry (Valable jusqu'au / Date d'expiration / 4b.), as YYYY-MM-DD."},
    {FieldName::kIssuingAuthority,
     "Issuing authority as printed (e.g. Préfecture de ..., 4c. of a driving licence)."},
    {FieldName::kAddress, "Address (Adresse / Domicile) as printed, lines joined with ', '."},
    {FieldName::kLicenceNumber, "FFT licence number: 7 digits and a letter, without spaces."},
    {FieldName::kClubName, "FFT club name as printed."},
    {FieldName::kClubNumber, "FFT club number, digits only."},
    {FieldName::kRanking,
     "FFT singles ranking (classement) as printed: NC, 40, 30/5 ... 15, 5/6 ... 0, -2/6, -4/6, "
     "-15, -30, or a numbered top ranking."},
    {FieldName::kSeason, "FFT sporting season (millésime) as a year, e.g. 2026."},
}};

}  // namespace

const std::string& SystemInstruction() {
  static const std::string text =
      "You transcribe French identity documents and French Tennis Federation (FFT) licences "
      "for an automated verification service. Answer with JSON only, following the response "
      "schema. Copy what is printed; never guess, complete or correct a character: the "
      "service checks every MRZ check digit and compares the MRZ with the printed fields "
      "itself, so a faithful transcription of a wrong-looking value is what it needs. Leave "
      "out (null) any field that the image does not show or that you cannot read.";
  return text;
}

const std::string& ExtractionPrompt() {
  static const std::string text =
      "Read the document in this image.\n"
      "1. document_type:\n"
      "- id_card: French carte nationale d'identité. 1988 model: laminated paper card, MRZ of "
      "2 lines of 36 characters starting IDFRA, printed fields Nom, Prénom(s), Sexe, Né(e) le, "
      "à, Taille, Signature; the back shows Adresse, Valable jusqu'au, Délivrée le, par. "
      "2021 model: credit-card-sized polycarbonate 'CARTE NATIONALE D'IDENTITÉ / IDENTITY "
      "CARD', front with NOM / Surname, Prénoms / Given names, Sexe, Nationalité, Date de "
      "naissance, Lieu de naissance, N° du document, Date d'expiration; back with the MRZ of 3 "
      "lines of 30 characters starting IDFRA, Adresse, Date de délivrance.\n"
      "- passport: Passeport, MRZ of 2 lines of 44 characters starting P<FRA (or P< and another "
      "state).\n"
      "- residence_permit: titre de séjour / carte de séjour / carte de résident, MRZ of 3 lines "
      "of 30 characters.\n"
      "- driving_licence: EU pink permis de conduire with numbered fields (1. surname, 2. given "
      "names, 3. date and place of birth, 4a. issue date, 4b. expiry date, 4c. authority, 5. "
      "licence number), a one-line MRZ of 30 characters starting D1FRA on the back.\n"
      "- fft_licence: Fédération Française de Tennis licence or Ten'Up licence certificate "
      "(licence number of 7 digits and a letter, club, classement, season).\n"
      "- other: anything else.\n"
      "2. side: front, back, both (both faces in the image) or unknown.\n"
      "3. issuing_country: the issuing state as an ICAO three-letter code (FRA for France), "
      "null if not shown.\n"
      "4. fields: every field the document shows, as described in the schema. Dates as "
      "YYYY-MM-DD (French documents print day, month, year).\n"
      "5. mrz_lines: the machine readable zone, one string per line, top to bottom, exactly as "
      "printed: every character including each '<' filler, no spaces, nothing added or "
      "removed, even if a check digit looks wrong. An empty list if there is no MRZ.";
  return text;
}

const nlohmann::json& ResponseSchema() {
  static const nlohmann::json schema = [] {
    nlohmann::json field_properties = nlohmann::json::object();
    nlohmann::json field_order = nlohmann::json::array();
    for (const auto& [name, help] : kFieldHelp) {
      const std::string key(ToString(name));
      field_properties[key] = {{"type", "STRING"}, {"nullable", true}, {"description", help}};
      field_order.push_back(key);
    }
    return nlohmann::json{
        {"type", "OBJECT"},
        {"properties",
         {{"document_type",
           {{"type", "STRING"},
            {"enum",
             {"id_card", "passport", "residence_permit", "driving_licence", "fft_licence",
              "other"}}}},
          {"side", {{"type", "STRING"}, {"enum", {"front", "back", "both", "unknown"}}}},
          {"issuing_country",
           {{"type", "STRING"},
            {"nullable", true},
            {"description", "ICAO 9303 three-letter code of the issuing state, e.g. FRA"}}},
          {"fields",
           {{"type", "OBJECT"},
            {"properties", field_properties},
            {"propertyOrdering", field_order}}},
          {"mrz_lines",
           {{"type", "ARRAY"},
            {"items", {{"type", "STRING"}}},
            {"description", "MRZ lines transcribed verbatim, top to bottom; empty if none"}}}}},
        {"required", {"document_type", "side", "fields", "mrz_lines"}},
        {"propertyOrdering", {"document_type", "side", "issuing_country", "fields", "mrz_lines"}}};
  }();
  return schema;
}

bool IsSupportedMimeType(std::string_view mime_type) {
  return mime_type == "image/jpeg" || mime_type == "image/png" || mime_type == "image/webp" ||
         mime_type == "image/heic" || mime_type == "image/heif" || mime_type == "application/pdf";
}

namespace {

nlohmann::json BuildWithData(const GeminiConfig& config, const NormalizedImage& image,
                             std::string data) {
  nlohmann::json generation = {{"responseMimeType", "application/json"},
                               {"responseSchema", ResponseSchema()},
                               {"maxOutputTokens", config.max_output_tokens}};
  // Gemini 3: no temperature unless the user set one (GeminiConfig), see gemini_config.h.
  if (config.temperature) generation["temperature"] = *config.temperature;
  if (!config.media_resolution.empty()) generation["mediaResolution"] = config.media_resolution;
  // Never both: thinkingLevel (Gemini 3) wins over thinkingBudget (earlier families).
  if (config.thinking_level) {
    generation["thinkingConfig"] = {{"thinkingLevel", *config.thinking_level}};
  } else if (config.thinking_budget) {
    generation["thinkingConfig"] = {{"thinkingBudget", *config.thinking_budget}};
  }
  // The image comes before the text: Google's prompting guide for single-image prompts.
  return nlohmann::json{
      {"systemInstruction", {{"parts", {{{"text", SystemInstruction()}}}}}},
      {"contents",
       {{{"role", "user"},
         {"parts",
          {{{"inlineData", {{"mimeType", image.mime_type}, {"data", std::move(data)}}}},
           {{"text", ExtractionPrompt()}}}}}}},
      {"generationConfig", std::move(generation)}};
}

// Base64 never contains this, and JSON text outside strings cannot either.
constexpr std::string_view kDataPlaceholder = "@@jae-inline-data@@";

}  // namespace

nlohmann::json BuildGenerateContentRequest(const GeminiConfig& config,
                                           const NormalizedImage& image) {
  return BuildWithData(config, image, Base64Encode(image.bytes));
}

std::string SerializeGenerateContentRequest(const GeminiConfig& config,
                                            const NormalizedImage& image) {
  std::string text = BuildWithData(config, image, std::string(kDataPlaceholder)).dump();
  const std::size_t at = text.find(kDataPlaceholder);
  std::string out;
  out.reserve(text.size() + Base64Length(image.bytes.size()) + 1);
  out.append(text, 0, at);
  AppendBase64(image.bytes, out);
  out.append(text, at + kDataPlaceholder.size());
  return out;
}

}  // namespace jae::gemini
