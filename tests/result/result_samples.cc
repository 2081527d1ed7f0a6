#include "result_samples.h"

namespace jae::testing {

Result FullOkResult() {
  Result r;
  r.status = ResultStatus::kOk;
  r.source = {"gs://cards/scans/a.jpg", "1732610000000000", "image/jpeg", 123456,
              std::string(64, 'a')};
  Document d;
  d.type = DocumentType::kIdCard;
  d.side = DocumentSide::kBoth;
  d.issuing_country = "FRA";
  const auto put = [&d](FieldName n, std::string v, FieldSource s) {
    d.fields[n] = Field{std::move(v), 0.97, s};
  };
  put(FieldName::kSurname, "MARTIN", FieldSource::kMrz);
  put(FieldName::kGivenNames, "MAËLYS GAËLLE MARIE", FieldSource::kVisual);
  put(FieldName::kBirthDate, "1990-07-13", FieldSource::kMrz);
  put(FieldName::kBirthPlace, "PARIS 15E (75)", FieldSource::kModel);
  put(FieldName::kSex, "F", FieldSource::kMrz);
  put(FieldName::kNationality, "FRA", FieldSource::kMrz);
  put(FieldName::kDocumentNumber, "X4RTBPFW4", FieldSource::kMrz);
  put(FieldName::kIssueDate, "2020-02-12", FieldSource::kVisual);
  put(FieldName::kExpiryDate, "2030-02-11", FieldSource::kMrz);
  put(FieldName::kIssuingAuthority, "PRÉFECTURE DE POLICE", FieldSource::kVisual);
  put(FieldName::kAddress, "1 RUE DE L'EXEMPLE 75015 PARIS", FieldSource::kVisual);
  put(FieldName::kLicenceNumber, "1234567A", FieldSource::kBarcode);
  put(FieldName::kClubName, "TC EXEMPLE", FieldSource::kVisual);
  put(FieldName::kClubNumber, "57920123", FieldSource::kVisual);
  put(FieldName::kRanking, "15/2", FieldSource::kVisual);
  put(FieldName::kSeason, "2026", FieldSource::kVisual);
  d.unreadable[FieldName::kBirthPlace] =
      UnreadableField{Field{"P4R1S ;", 0.31, FieldSource::kVisual}, "low_confidence"};
  d.unreadable[FieldName::kNationality] =
      UnreadableField{Field{"Française 10 11 1950", std::nullopt, std::nullopt}, "form"};
  d.mrz = MrzBlock{MrzFormat::kTD1,
                   {"IDFRAX4RTBPFW46<<<<<<<<<<<<<<<", "9007138F3002119FRA<<<<<<<<<<<6",
                    "MARTIN<<MAELYS<GAELLE<MARIE<<<"},
                   true,
                   {},
                   false};
  r.document = std::move(d);
  r.verification = Verification{
      CheckDigitState::kPass, VisualMatch::kMatch, false, 36, {"ranking: not on the French scale"}};
  r.engine = EngineInfo{
      EngineName::kGemini, "gemini-3.8-flash", "gemini-3.8-flash-001", 1290, 210, 1, 1834.5};
  r.processed_at = "2026-11-26T12:00:00.123Z";
  return r;
}

Result MinimalOkResult() {
  Result r;
  r.source.uri = "upload:card.jpg";
  r.document = Document{};
  r.engine = EngineInfo{};
  r.processed_at = "2026-11-26T12:00:00Z";
  return r;
}

std::vector<Result> RejectedResults() {
  std::vector<Result> out;
  for (auto code : {ErrorCode::kUnsupportedMediaType, ErrorCode::kTooLarge, ErrorCode::kUndecodable,
                    ErrorCode::kNoDocument, ErrorCode::kModelRefused,
                    ErrorCode::kModelOutputInvalid, ErrorCode::kInternal}) {
    out.push_back(MakeRejected(
        {"file:///inbox/x.pdf", std::nullopt, "application/pdf", 10, std::nullopt}, code,
        "the input is " + std::string(ToString(code)), "2026-11-26T12:00:00.000Z"));
  }
  return out;
}

}  // namespace jae::testing
