#include "check/check.h"

#include <gtest/gtest.h>

#include "check/check_json.h"
#include "mrz/mrz.h"

namespace jae::check {
namespace {

Field F(std::string v, std::optional<FieldSource> src = FieldSource::kVisual,
        std::optional<double> conf = 0.95) {
  return Field{std::move(v), conf, src};
}

Input Ok(std::string name, DocumentType type, Fields fields,
         std::optional<DocumentSide> side = std::nullopt) {
  Result r;
  r.status = ResultStatus::kOk;
  r.source.uri = "upload:" + name;
  r.processed_at = "2026-12-01T10:00:00.000Z";
  r.engine = EngineInfo{};
  Document d;
  d.type = type;
  d.side = side;
  d.issuing_country = "FRA";
  d.fields = std::move(fields);
  r.document = std::move(d);
  r.verification = Verification{};
  r.verification->mrz_check_digits = CheckDigitState::kAbsent;
  return Input{std::move(name), std::move(r), ""};
}

Input IdCard(std::string surname = "MARTIN", std::string given = "MAELYS GAELLE MARIE",
             std::string birth = "1990-07-13", std::string expiry = "2030-02-11",
             std::string number = "X4RTBPFW4") {
  return Ok("cni.jpg", DocumentType::kIdCard,
            {{FieldName::kSurname, F(surname)},
             {FieldName::kGivenNames, F(given)},
             {FieldName::kBirthDate, F(birth)},
             {FieldName::kSex, F("F")},
             {FieldName::kExpiryDate, F(expiry)},
             {FieldName::kDocumentNumber, F(number)}},
            DocumentSide::kBoth);
}

Input Licence(std::string surname = "Martin", std::string given = "Maëlys",
              std::string birth = "1990-07-13", std::string season = "2027",
              std::string number = "1234567A") {
  return Ok("licence.png", DocumentType::kFftLicence,
            {{FieldName::kSurname, F(surname)},
             {FieldName::kGivenNames, F(given)},
             {FieldName::kBirthDate, F(birth)},
             {FieldName::kSeason, F(season)},
             {FieldName::kLicenceNumber, F(number)}});
}

// A 1988 card: number YYMM..., birth date, optional printed expiry.
Input Card1988(std::string number, std::string birth, std::optional<std::string> expiry = {}) {
  Fields f = {{FieldName::kSurname, F("MARTIN")},
              {FieldName::kGivenNames, F("MAELYS")},
              {FieldName::kBirthDate, F(birth)},
              {FieldName::kDocumentNumber, F(number)}};
  if (expiry) f[FieldName::kExpiryDate] = F(*expiry);
  return Ok("cni1988.jpg", DocumentType::kIdCard, std::move(f), DocumentSide::kFront);
}

Options On(CivilDate d, std::optional<int> min_age = {}, std::optional<int> max_age = {}) {
  return Options{d, min_age, max_age};
}

constexpr CivilDate kMatch{2026, 12, 5};

TEST(Check, SamePersonValidIdCurrentLicenceIsOk) {
  const auto c = CheckPlayer({IdCard(), Licence()}, On(kMatch));
  EXPECT_EQ(c.verdict, Verdict::kOk) << SerializeCheck(c, 2);
  EXPECT_EQ(c.same_person.status, CheckStatus::kPass);
  EXPECT_EQ(c.id_document_valid.code, "valid");
  EXPECT_EQ(c.licence_valid_for_season.code, "current_season");
  EXPECT_EQ(c.season, 2027);
  EXPECT_TRUE(c.reasons.empty());
  ASSERT_TRUE(c.identity.surname);
  EXPECT_EQ(c.identity.surname->document, 0);  // the ID before the licence
}

TEST(Check, NameFoldingAcrossDocuments) {
  auto c = CheckPlayer({IdCard("N'DIAYE", "AMINATA"), Licence("NDIAYE", "Aminata")}, On(kMatch));
  EXPECT_EQ(c.same_person.status, CheckStatus::kPass);
  c = CheckPlayer({IdCard("LE GOFF", "JEAN PIERRE"), Licence("LE-GOFF", "Jean-Pierre")},
                  On(kMatch));
  EXPECT_EQ(c.same_person.status, CheckStatus::kPass);
}

TEST(Check, TwoDifferentPeopleAreRefused) {
  const auto c = CheckPlayer({IdCard(), Licence("DURAND", "Paul", "1985-01-02")}, On(kMatch));
  EXPECT_EQ(c.verdict, Verdict::kRefuse);
  EXPECT_EQ(c.same_person.status, CheckStatus::kFail);
  EXPECT_EQ(c.same_person.code, "surname_mismatch");
  ASSERT_FALSE(c.reasons.empty());
  EXPECT_EQ(c.reasons.front().check, "same_person");
}

TEST(Check, BirthDateMustBeEqualExactly) {
  const auto c = CheckPlayer({IdCard(), Licence("Martin", "Maëlys", "1990-07-14")}, On(kMatch));
  EXPECT_EQ(c.same_person.code, "birth_date_mismatch");
  EXPECT_EQ(c.verdict, Verdict::kRefuse);
}

TEST(Check, GivenNameNotOnTheIdFails) {
  const auto c = CheckPlayer({IdCard(), Licence("Martin", "Chloé")}, On(kMatch));
  EXPECT_EQ(c.same_person.code, "given_names_mismatch");
}

TEST(Check, UsageNameIsUnknownNotFail) {
  auto c = CheckPlayer({IdCard("DUPONT épouse MARTIN"), Licence("MARTIN")}, On(kMatch));
  EXPECT_EQ(c.same_person.status, CheckStatus::kUnknown);
  EXPECT_EQ(c.same_person.code, "usage_name");
  EXPECT_EQ(c.verdict, Verdict::kReview);
  c = CheckPlayer({IdCard("DUPONT"), Licence("DUPONT nom d'usage MARTIN")}, On(kMatch));
  EXPECT_EQ(c.same_person.code, "usage_name");
  // A usage mention naming neither surname is still a different person.
  c = CheckPlayer({IdCard("DUPONT épouse MARTIN"), Licence("DURAND")}, On(kMatch));
  EXPECT_EQ(c.same_person.code, "surname_mismatch");
}

TEST(Check, LowConfidenceMismatchIsUnknown) {
  Input lic = Licence("MARTLN");
  lic.result->document->fields[FieldName::kSurname].confidence = 0.3;
  const auto c = CheckPlayer({IdCard(), lic}, On(kMatch));
  EXPECT_EQ(c.same_person.code, "low_confidence");
  EXPECT_EQ(c.verdict, Verdict::kReview);
}

TEST(Check, ExpiryBoundaries) {
  EXPECT_EQ(
      CheckPlayer({IdCard("MARTIN", "MAELYS", "1990-07-13", "2026-12-05"), Licence()}, On(kMatch))
          .id_document_valid.status,
      CheckStatus::kPass);
  const auto c =
      CheckPlayer({IdCard("MARTIN", "MAELYS", "1990-07-13", "2026-12-04"), Licence()}, On(kMatch));
  EXPECT_EQ(c.id_document_valid.code, "expired");
  EXPECT_EQ(c.verdict, Verdict::kRefuse);
  EXPECT_NE(c.id_document_valid.message.find("05/12/2026"), std::string::npos);
}

TEST(Check, SeasonBoundaries) {
  // 31 August 2026 is still season 2026; 1 September 2026 starts season 2027.
  EXPECT_EQ(
      CheckPlayer({IdCard(), Licence("Martin", "Maëlys", "1990-07-13", "2026")}, On({2026, 8, 31}))
          .licence_valid_for_season.status,
      CheckStatus::kPass);
  const auto c =
      CheckPlayer({IdCard(), Licence("Martin", "Maëlys", "1990-07-13", "2026")}, On({2026, 9, 1}));
  EXPECT_EQ(c.licence_valid_for_season.code, "wrong_season");
  EXPECT_EQ(c.licence_valid_for_season.season, 2026);
  EXPECT_EQ(c.verdict, Verdict::kRefuse);
  EXPECT_EQ(CheckPlayer({IdCard(), Licence("Martin", "Maëlys", "1990-07-13", "2025/2026")},
                        On({2026, 8, 31}))
                .licence_valid_for_season.status,
            CheckStatus::kPass);
}

TEST(Check, AgeInSeasonAndOnTheDay) {
  // Born 29 February 2012; match 1 September 2026 (season 2027): 15 in the season's year,
  // 14 on the day.
  Input id = IdCard("MARTIN", "MAELYS", "2012-02-29");
  Input lic = Licence("MARTIN", "MAELYS", "2012-02-29");
  auto c = CheckPlayer({id, lic}, On({2026, 9, 1}, 15, 15));
  EXPECT_EQ(c.age.status, CheckStatus::kPass);
  EXPECT_EQ(c.age.age_in_season, 15);
  EXPECT_EQ(c.age.age_on_match_date, 14);
  c = CheckPlayer({id, lic}, On({2026, 8, 31}, 15));
  EXPECT_EQ(c.age.code, "too_young");  // season 2026: 14
  c = CheckPlayer({id, lic}, On({2026, 9, 1}, {}, 14));
  EXPECT_EQ(c.age.code, "too_old");
  c = CheckPlayer({id, lic}, On({2028, 2, 28}));
  EXPECT_EQ(c.age.age_on_match_date, 15);
  c = CheckPlayer({id, lic}, On({2028, 2, 29}));
  EXPECT_EQ(c.age.age_on_match_date, 16);
  EXPECT_EQ(c.age.code, "no_limit");
}

TEST(Check, Fr1988FifteenYearsForAdultsIssued2004To2013) {
  // Issued 05/2012 to an adult: printed 2022, valid until 2027.
  auto c = CheckPlayer({Card1988("120575123456", "1980-01-01", "2022-05-13"),
                        Licence("MARTIN", "MAELYS", "1980-01-01")},
                       On(kMatch));
  EXPECT_EQ(c.id_document_valid.status, CheckStatus::kPass) << SerializeCheck(c, 2);
  EXPECT_EQ(c.id_document_valid.code, "valid_15_years");
  EXPECT_NE(c.id_document_valid.message.find("2013-1188"), std::string::npos);
  EXPECT_EQ(c.id_document_valid.expiry_date, (CivilDate{2027, 5, 13}));
  EXPECT_EQ(c.cards.at(0).model, "fr_id_1988");
  // No printed expiry: computed from the issue month — valid either way in December 2026.
  c = CheckPlayer({Card1988("120575123456", "1980-01-01")}, On(kMatch));
  EXPECT_EQ(c.id_document_valid.code, "valid_15_years");
}

TEST(Check, Fr1988MinorAtIssueKeepsTenYears) {
  // Issued 05/2012 to someone born in 2000 (12): 10 years, expired in 2022.
  const auto c = CheckPlayer({Card1988("120575123456", "2000-03-01", "2022-05-13")}, On(kMatch));
  EXPECT_EQ(c.id_document_valid.code, "expired");
  EXPECT_NE(c.id_document_valid.message.find("mineur"), std::string::npos);
  // Turning 18 during the issue month: the day decides, so it is unknown.
  const auto d = CheckPlayer({Card1988("120575123456", "1994-05-15", "2022-05-13")}, On(kMatch));
  EXPECT_EQ(d.id_document_valid.code, "expiry_uncertain");
}

TEST(Check, Fr1988RuleWindowEdges) {
  // Exact issue dates printed on the back decide the edges.
  auto with_issue = [](std::string number, std::string issue, std::string expiry) {
    Input in = Card1988(std::move(number), "1970-01-01", std::move(expiry));
    in.result->document->fields[FieldName::kIssueDate] = F(std::move(issue));
    return in;
  };
  const CivilDate match{2018, 6, 1};
  EXPECT_EQ(CheckPlayer({with_issue("040175123456", "2004-01-01", "2013-12-31")}, On(match))
                .id_document_valid.code,
            "expired");
  EXPECT_EQ(CheckPlayer({with_issue("040175123456", "2004-01-02", "2014-01-01")}, On(match))
                .id_document_valid.code,
            "valid_15_years");
  EXPECT_EQ(
      CheckPlayer({with_issue("131275123456", "2013-12-31", "2023-12-30")}, On({2028, 12, 30}))
          .id_document_valid.code,
      "valid_15_years");
  EXPECT_EQ(
      CheckPlayer({with_issue("131275123456", "2013-12-31", "2023-12-30")}, On({2028, 12, 31}))
          .id_document_valid.code,
      "expired");
  // January 2004 from the number alone: issued on the 1st (10 years) or later (15).
  EXPECT_EQ(CheckPlayer({Card1988("040175123456", "1970-01-01", "2013-12-31")}, On(match))
                .id_document_valid.code,
            "expiry_uncertain");
  // 2014 onwards: the printed date already says 15 years.
  EXPECT_EQ(CheckPlayer({Card1988("140175123456", "1970-01-01", "2029-01-09")}, On({2029, 1, 10}))
                .id_document_valid.code,
            "expired");
}

TEST(Check, TwoSidesOfA2021CardAreOneCard) {
  Input front = Ok("recto.jpg", DocumentType::kIdCard,
                   {{FieldName::kSurname, F("MARTIN")},
                    {FieldName::kGivenNames, F("MAËLYS, GAËLLE, MARIE")},
                    {FieldName::kBirthDate, F("1990-07-13")},
                    {FieldName::kExpiryDate, F("2030-02-11")},
                    {FieldName::kDocumentNumber, F("X4RTBPFW4")}},
                   DocumentSide::kFront);
  // The back: the specimen MRZ of reference/identity-documents.md §8.5.
  mrz::ParseOptions po;
  po.today = kMatch;
  const auto parsed =
      mrz::ParseMrz({"IDFRAX4RTBPFW46<<<<<<<<<<<<<<<", "9007138F3002119FRA<<<<<<<<<<<6",
                     "MARTIN<<MAELYS<GAELLE<MARIE<<<"},
                    po);
  ASSERT_TRUE(parsed.ok());
  Fields back_fields = mrz::ToResultFields(parsed->data);
  for (auto& [name, f] : back_fields) {
    if (name != FieldName::kSurname && name != FieldName::kGivenNames) f.source = FieldSource::kMrz;
  }
  Input back = Ok("verso.jpg", DocumentType::kIdCard, back_fields, DocumentSide::kBack);
  back.result->document->mrz = mrz::ToMrzBlock(*parsed);
  back.result->verification->mrz_check_digits = CheckDigitState::kPass;

  auto c = CheckPlayer({front, back, Licence()}, On(kMatch));
  ASSERT_EQ(c.cards.size(), 1u) << SerializeCheck(c, 2);
  EXPECT_EQ(c.cards[0].model, "fr_id_2021");
  EXPECT_EQ(c.cards[0].documents, (std::vector<int>{0, 1}));
  EXPECT_TRUE(c.cards[0].complete);
  EXPECT_EQ(c.verdict, Verdict::kOk) << SerializeCheck(c, 2);
  // The MRZ-proven birth date outranks the printed one.
  EXPECT_EQ(c.identity.birth_date->source, "mrz");
  EXPECT_EQ(c.identity.birth_date->document, 1);

  // One side only: review, never ok.
  c = CheckPlayer({front, Licence()}, On(kMatch));
  EXPECT_EQ(c.documents_readable.code, "card_side_missing");
  EXPECT_EQ(c.verdict, Verdict::kReview);

  // Numbers that disagree are two cards.
  Input other_front = front;
  other_front.result->document->fields[FieldName::kDocumentNumber] = F("Y5RTBPFW4");
  c = CheckPlayer({other_front, back, Licence()}, On(kMatch));
  EXPECT_EQ(c.cards.size(), 2u);
  EXPECT_NE(c.verdict, Verdict::kOk);

  // A "mrz" source the lines do not prove is not counted as proven.
  Input forged = back;
  forged.result->document->fields[FieldName::kBirthDate] = F("1990-07-12", FieldSource::kMrz);
  c = CheckPlayer({forged}, On(kMatch));
  EXPECT_NE(c.identity.birth_date->source, "mrz");
}

TEST(Check, ManualValuesAreNeverMrzProven) {
  Input id = IdCard();
  id.result->document->fields[FieldName::kBirthDate] = F("1990-07-13", FieldSource::kManual, {});
  const auto c = CheckPlayer({id, Licence()}, On(kMatch));
  EXPECT_EQ(c.identity.birth_date->source, "manual");
  EXPECT_EQ(c.verdict, Verdict::kOk);
}

TEST(Check, BadInputIsNeverOk) {
  // No document at all.
  auto c = CheckPlayer({}, On(kMatch));
  EXPECT_EQ(c.verdict, Verdict::kReview);
  EXPECT_EQ(c.documents_readable.code, "no_documents");
  // 30 documents.
  std::vector<Input> many;
  for (int i = 0; i < 30; ++i) many.push_back(i % 2 ? Licence() : IdCard());
  c = CheckPlayer(many, On(kMatch));
  EXPECT_NE(c.verdict, Verdict::kOk);
  EXPECT_EQ(c.documents_readable.code, "too_many_documents");
  // Two different licences of the same person.
  c = CheckPlayer(
      {IdCard(), Licence(), Licence("Martin", "Maëlys", "1990-07-13", "2027", "7654321B")},
      On(kMatch));
  EXPECT_EQ(c.licence_valid_for_season.code, "several_licences");
  EXPECT_EQ(c.verdict, Verdict::kReview);
  // An image that is not a document, rejected or read as "other".
  SourceInfo chat;
  chat.uri = "upload:chat.jpg";
  Result rejected =
      MakeRejected(chat, ErrorCode::kNoDocument, "no document found", "2026-12-01T10:00:00.000Z");
  c = CheckPlayer({IdCard(), Licence(), Input{"chat.jpg", rejected, ""}}, On(kMatch));
  EXPECT_EQ(c.verdict, Verdict::kRefuse);
  EXPECT_EQ(c.documents_readable.code, "rejected");
  c = CheckPlayer({IdCard(), Licence(), Ok("chat.jpg", DocumentType::kOther, {})}, On(kMatch));
  EXPECT_EQ(c.documents_readable.code, "not_a_document");
  EXPECT_EQ(c.verdict, Verdict::kReview);
  // No result at all (unreadable JSON), or only a licence, or only an ID.
  c = CheckPlayer({IdCard(), InputFromResultJson("x.json", "{not json")}, On(kMatch));
  EXPECT_NE(c.verdict, Verdict::kOk);
  c = CheckPlayer({Licence()}, On(kMatch));
  EXPECT_EQ(c.verdict, Verdict::kReview);
  EXPECT_EQ(c.id_document_valid.code, "no_identity_document");
  c = CheckPlayer({IdCard()}, On(kMatch));
  EXPECT_EQ(c.licence_valid_for_season.code, "no_licence");
  EXPECT_EQ(c.verdict, Verdict::kReview);
}

TEST(Check, ReasonsInReadingOrderFailuresFirst) {
  const auto c = CheckPlayer({IdCard("MARTIN", "MAELYS", "1990-07-13", "2020-01-01"),
                              Licence("Martin", "Maëlys", "1990-07-13", "2026")},
                             On(kMatch, 18));
  EXPECT_EQ(c.verdict, Verdict::kRefuse);
  ASSERT_EQ(c.reasons.size(), 2u);
  EXPECT_EQ(c.reasons[0].check, "id_document_valid");
  EXPECT_EQ(c.reasons[1].check, "licence_valid_for_season");
}

TEST(Check, ResultJsonRoundTrip) {
  const Input in = InputFromResultJson("r.json", R"({"schema_version":"1","status":"ok",
    "source":{"uri":"upload:x"},"processed_at":"2026-12-01T10:00:00Z","engine":{"name":"local"},
    "document":{"type":"fft_licence","fields":{"surname":{"value":"MARTIN","source":"manual"}}}})");
  ASSERT_TRUE(in.result) << in.error;
  EXPECT_EQ(in.result->document->fields.at(FieldName::kSurname).source, FieldSource::kManual);
  EXPECT_TRUE(LooksLikeJson("  \n{"));
  EXPECT_FALSE(LooksLikeJson("\xff\xd8"));
}

}  // namespace
}  // namespace jae::check
