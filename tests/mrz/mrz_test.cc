#include "mrz/mrz.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "mrz/forms.h"
#include "mrz/layouts.h"

namespace jae::mrz {
namespace {

using ::testing::ElementsAre;

ParseOptions Today() {
  ParseOptions o;
  o.today = {2026, 11, 26};
  return o;
}

ParsedMrz MustParse(const std::vector<std::string>& lines, ParseOptions options = Today()) {
  auto parsed = ParseMrz(lines, options);
  EXPECT_TRUE(parsed.ok()) << parsed.status().ToString();
  return parsed.ok() ? *parsed : ParsedMrz{};
}

std::string Iso(const std::optional<CivilDate>& d) { return d ? FormatIsoDate(*d) : "none"; }

TEST(CheckDigit, ReferenceExamples) {
  EXPECT_EQ(CheckDigit("L898902C3"), 6);
  EXPECT_EQ(CheckDigit("740812"), 2);
  EXPECT_EQ(CheckDigit("123456BB"), 5);
  EXPECT_EQ(CheckDigit("<<<"), 0);
  EXPECT_EQ(CheckDigit(""), 0);
  EXPECT_EQ(CheckDigit("ab"), -1);
}

TEST(Specimens, IcaoTd3) {
  const auto p = MustParse({"P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
                            "L898902C36UTO7408122F1204159ZE184226B<<<<<10"});
  EXPECT_EQ(p.format, MrzFormat::kTD3);
  EXPECT_TRUE(p.valid);
  EXPECT_FALSE(p.corrected);
  EXPECT_EQ(p.data.surname, "ERIKSSON");
  EXPECT_EQ(p.data.given_names, "ANNA MARIA");
  EXPECT_EQ(p.data.document_number, "L898902C3");
  EXPECT_EQ(p.data.nationality, "UTO");
  EXPECT_EQ(Iso(p.data.birth_date), "1974-08-12");
  EXPECT_EQ(Iso(p.data.expiry_date), "2012-04-15");
  EXPECT_EQ(p.data.sex, "F");
  EXPECT_EQ(p.data.personal_number, "ZE184226B");
}

TEST(Specimens, IcaoTd2) {
  const auto p =
      MustParse({"I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "D231458907UTO7408122F1204159<<<<<<<6"});
  EXPECT_EQ(p.format, MrzFormat::kTD2);
  EXPECT_TRUE(p.valid);
  EXPECT_EQ(p.data.document_number, "D23145890");
  EXPECT_EQ(Iso(p.data.expiry_date), "2012-04-15");
}

TEST(Specimens, IcaoTd1) {
  const auto p = MustParse({"I<UTOD231458907<<<<<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<6",
                            "ERIKSSON<<ANNA<MARIA<<<<<<<<<<"});
  EXPECT_EQ(p.format, MrzFormat::kTD1);
  EXPECT_TRUE(p.valid);
  EXPECT_EQ(p.data.document_number, "D23145890");
  EXPECT_EQ(p.data.surname, "ERIKSSON");
  EXPECT_EQ(p.data.given_names, "ANNA MARIA");
}

TEST(Specimens, Td1LongDocumentNumber) {
  const auto p = MustParse({"I<UTOD23145890<1233<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<2",
                            "ERIKSSON<<ANNA<MARIA<<<<<<<<<<"});
  EXPECT_TRUE(p.valid) << ::testing::PrintToString(p.failed_checks);
  EXPECT_EQ(p.data.document_number, "D23145890123");
  EXPECT_EQ(p.data.optional_data, "");
}

TEST(Specimens, FranceCnie2021) {
  const auto p = MustParse({"IDFRAX4RTBPFW46<<<<<<<<<<<<<<<", "9007138F3002119FRA<<<<<<<<<<<6",
                            "MARTIN<<MAELYS<GAELLE<MARIE<<<"});
  EXPECT_EQ(p.format, MrzFormat::kTD1);
  EXPECT_TRUE(p.valid);
  EXPECT_EQ(p.data.surname, "MARTIN");
  EXPECT_EQ(p.data.given_names, "MAELYS GAELLE MARIE");
  EXPECT_EQ(p.data.document_number, "X4RTBPFW4");
  EXPECT_EQ(Iso(p.data.birth_date), "1990-07-13");
  EXPECT_EQ(Iso(p.data.expiry_date), "2030-02-11");
  EXPECT_EQ(p.data.nationality, "FRA");
}

TEST(Specimens, FranceCni1988) {
  const auto p =
      MustParse({"IDFRABERTHIER<<<<<<<<<<<<<<<<<<<<<<<", "9409923102854CORINNE<<<<<<<6512068F4"});
  EXPECT_EQ(p.format, MrzFormat::kFrId1988);
  EXPECT_TRUE(p.valid) << ::testing::PrintToString(p.failed_checks);
  EXPECT_EQ(p.data.surname, "BERTHIER");
  EXPECT_EQ(p.data.given_names, "CORINNE");
  EXPECT_EQ(p.data.document_number, "940992310285");
  EXPECT_EQ(Iso(p.data.birth_date), "1965-12-06");
  EXPECT_EQ(Iso(p.data.issue_month), "1994-09-01");
  EXPECT_EQ(p.data.sex, "F");
}

TEST(Specimens, FranceCni1988Others) {
  const auto a =
      MustParse({"IDFRATEST<NAME<<<<<<<<<<<<<<<<0CHE02", "1710GVA123451ROBERTA<<<<<<<9112311F2"});
  EXPECT_TRUE(a.valid) << ::testing::PrintToString(a.failed_checks);
  EXPECT_EQ(a.data.surname, "TEST NAME");
  EXPECT_EQ(a.data.document_number, "1710GVA12345");
  EXPECT_EQ(Iso(a.data.birth_date), "1991-12-31");
  const auto b =
      MustParse({"IDFRALOISEAU<<<<<<<<<<<<<<<<<<<<<<<<", "970675K002774HERVE<<DJAMEL<7303216M4"});
  EXPECT_TRUE(b.valid) << ::testing::PrintToString(b.failed_checks);
  EXPECT_EQ(b.data.given_names, "HERVE DJAMEL");
  EXPECT_EQ(b.data.document_number, "970675K00277");
  EXPECT_EQ(b.data.sex, "M");
}

TEST(Specimens, GermanPassportEmptyPersonalNumber) {
  const auto p = MustParse({"P<D<<MUSTERMANN<<ERIKA<<<<<<<<<<<<<<<<<<<<<<",
                            "C01X0006H1D<<6408125F1710319<<<<<<<<<<<<<<<0"});
  EXPECT_TRUE(p.valid) << ::testing::PrintToString(p.failed_checks);
  EXPECT_EQ(p.data.issuing_state, "D");  // fillers stripped
  EXPECT_EQ(p.data.nationality, "D");
  EXPECT_EQ(p.data.document_number, "C01X0006H");
  EXPECT_EQ(Iso(p.data.expiry_date), "2017-10-31");
  EXPECT_EQ(p.data.personal_number, "");
}

TEST(Specimens, IcaoMrvA) {
  const auto p = MustParse({"V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
                            "L8988901C4XXX4009078F96121096ZE184226B<<<<<<"});
  EXPECT_EQ(p.format, MrzFormat::kMRVA);
  EXPECT_TRUE(p.valid);
  EXPECT_EQ(p.data.document_number, "L8988901C");
  EXPECT_EQ(Iso(p.data.birth_date), "1940-09-07");
  EXPECT_EQ(Iso(p.data.expiry_date), "1996-12-10");
}

TEST(Specimens, MrvB) {
  // The TD2 specimen's data in an MRV-B layout (no composite).
  const auto p =
      MustParse({"V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "L8988901C4XXX4009078F9612109<<<<<<<<"});
  EXPECT_EQ(p.format, MrzFormat::kMRVB);
  EXPECT_TRUE(p.valid);
}

TEST(Specimens, FrenchDrivingLicence) {
  const auto p = MustParse({"D1FRA13AA000026181231MARTIN<<9"});
  EXPECT_EQ(p.format, MrzFormat::kFrDl);
  EXPECT_TRUE(p.valid) << ::testing::PrintToString(p.failed_checks);
  EXPECT_EQ(p.data.document_number, "13AA00002");
  EXPECT_EQ(p.data.surname, "MARTIN");
  EXPECT_EQ(Iso(p.data.expiry_date), "2018-12-31");
}

TEST(Checks, ReportsEveryFailedCheck) {
  const auto p = MustParse({"P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
                            "L898902C37UTO7408124F1204159ZE184226B<<<<<10"},
                           [] {
                             auto o = Today();
                             o.correct = false;
                             return o;
                           }());
  EXPECT_FALSE(p.valid);
  EXPECT_THAT(p.failed_checks, ElementsAre("document_number", "birth_date", "composite"));
}

TEST(Checks, SexUnspecifiedIsX) {
  auto p =
      MustParse({"I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "D231458907UTO7408122<1204159<<<<<<<6"});
  EXPECT_TRUE(p.valid);
  EXPECT_EQ(p.data.sex, "X");
}

TEST(Correction, DigitsMisreadAsLettersInDates) {
  const auto p = MustParse({"P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
                            "L898902C36UTO74O8I22F12O4I59ZE184226B<<<<<10"});
  EXPECT_TRUE(p.valid);
  EXPECT_TRUE(p.corrected);
  EXPECT_EQ(p.lines[1], "L898902C36UTO7408122F1204159ZE184226B<<<<<10");
  EXPECT_EQ(Iso(p.data.birth_date), "1974-08-12");
}

TEST(Correction, LettersMisreadAsDigitsInNames) {
  const auto p = MustParse({"P<UT0ERIK5S0N<<ANNA<MAR1A<<<<<<<<<<<<<<<<<<<",
                            "L898902C36UTO7408122F1204159ZE184226B<<<<<10"});
  EXPECT_TRUE(p.valid);
  EXPECT_TRUE(p.corrected);
  EXPECT_EQ(p.data.surname, "ERIKSSON");
  EXPECT_EQ(p.data.given_names, "ANNA MARIA");
  EXPECT_EQ(p.data.issuing_state, "UTO");
}

TEST(Correction, FreeDocumentNumberRepairIsRefusedWhenNotUnique) {
  // '0' read as 'O' in a free-format document number: the composite weighs the number as
  // its own check does, so 'A', 'K' and 'U' there (and changes elsewhere) satisfy every
  // check just as well. Proving "0" would be a guess.
  const auto p = MustParse({"P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
                            "L8989O2C36UTO7408122F1204159ZE184226B<<<<<10"});
  EXPECT_FALSE(p.valid);
  EXPECT_FALSE(p.corrected);
  ASSERT_FALSE(p.decided_by.empty());
  EXPECT_THAT(p.decided_by.back(), ::testing::HasSubstr("not unique"));
}

TEST(Correction, AmbiguousRepairIsRefused) {
  // 'B' for '8' at position 4: "L898902C3" and "LB9B902C3" both satisfy every check
  // digit (the composite repeats the document number's weights), so neither is chosen.
  const auto p = MustParse({"P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
                            "L89B902C36UTO7408122F1204159ZE184226B<<<<<10"});
  EXPECT_FALSE(p.valid);
  EXPECT_FALSE(p.corrected);
  EXPECT_THAT(p.failed_checks, ElementsAre("document_number", "composite"));
}

TEST(Correction, Td1CardNumber) {
  const auto p = MustParse({"IDFRAX4RTBPFW46<<<<<<<<<<<<<<<", "9OO7138F3OO2119FRA<<<<<<<<<<<6",
                            "MARTIN<<MAELYS<GAELLE<MARIE<<<"});
  EXPECT_TRUE(p.valid);
  EXPECT_TRUE(p.corrected);
  EXPECT_EQ(Iso(p.data.birth_date), "1990-07-13");
}

TEST(Correction, NeverTurnsAGenuinelyWrongDigitIntoAPass) {
  // 7 instead of 2 in the birth date is not an OCR confusion: stays invalid.
  const auto p = MustParse({"P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
                            "L898902C36UTO7408172F1204159ZE184226B<<<<<10"});
  EXPECT_FALSE(p.valid);
  EXPECT_FALSE(p.corrected);
  EXPECT_THAT(p.failed_checks, ElementsAre("birth_date", "composite"));
  EXPECT_EQ(p.lines[1], "L898902C36UTO7408172F1204159ZE184226B<<<<<10");
}

TEST(Correction, DisabledReportsAsRead) {
  auto o = Today();
  o.correct = false;
  const auto p = MustParse({"P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
                            "L898902C36UTO74O8122F1204159ZE184226B<<<<<10"},
                           o);
  EXPECT_FALSE(p.valid);
  EXPECT_FALSE(p.corrected);
}

TEST(Hygiene, SpacesLowerCaseAndMissingFillers) {
  const auto p = MustParse({"  p<utoeriksson<<anna<maria<<<<<<<<<<<<<<<<<  ",
                            "L898902C36 UTO7408122F1204159ZE184226B<<<<<10\r"});
  EXPECT_TRUE(p.valid);
  EXPECT_EQ(p.lines[0], "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<");
}

TEST(Hygiene, ClearErrors) {
  EXPECT_FALSE(ParseMrz({}, Today()).ok());
  EXPECT_FALSE(ParseMrz({"", "  "}, Today()).ok());
  auto bad_char = ParseMrz({"P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
                            "L898902C36UTO7408122F1204159ZE18#226B<<<<<10"},
                           Today());
  ASSERT_FALSE(bad_char.ok());
  EXPECT_NE(bad_char.status().message().find("line 2, position 33"), std::string::npos);
  auto short_line =
      ParseMrz({"P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO74"}, Today());
  ASSERT_FALSE(short_line.ok());
  EXPECT_NE(short_line.status().message().find("line 2 has 15 characters"), std::string::npos);
  EXPECT_FALSE(ParseMrz({"A", "B", "C", "D"}, Today()).ok());
  EXPECT_FALSE(ParseMrz({"\xC3\xA9\xC3\xA9"}, Today()).ok());
}

TEST(Dates, CenturyResolution) {
  // Born "250101" on 2026-11-26: 2025. Born "300101": 1930. Expiry "960101": 1996.
  auto p =
      MustParse({"I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "D231458907UTO2501011F3001012<<<<<<<0"});
  EXPECT_EQ(Iso(p.data.birth_date), "2025-01-01");
  EXPECT_EQ(Iso(p.data.expiry_date), "2030-01-01");
}

// A TD2 line 2 with every check digit computed for `birth` (YYMMDD as written).
std::string Td2Line2(const std::string& birth) {
  const std::string head =
      "D231458907UTO" + birth + std::to_string(CheckDigit(birth)) + "F1204159<<<<<<<";
  const std::string composite = head.substr(0, 10) + head.substr(13, 7) + head.substr(21, 14);
  return head + std::to_string(CheckDigit(composite));
}

TEST(Dates, ImpossibleDateMakesTheMrzInvalid) {
  // 31 February and month 13, with check digits that hold: copied faithfully, but not
  // dates. The MRZ proves nothing.
  for (const std::string birth : {"740231", "741312"}) {
    auto p = MustParse({"I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", Td2Line2(birth)});
    EXPECT_TRUE(p.failed_checks.empty()) << birth;
    EXPECT_FALSE(p.valid) << birth;
    EXPECT_THAT(p.form_problems, ElementsAre("birth_date")) << birth;
    EXPECT_FALSE(p.data.birth_date.has_value());
    EXPECT_THAT(p.warnings, ElementsAre("birth_date: not a valid date"));
  }
}

TEST(Dates, UnknownMonthAndDayAreAForm) {
  // ICAO: an unknown day or month is written '<<'; that is not a form problem.
  auto p = MustParse({"I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", Td2Line2("7408<<")});
  EXPECT_TRUE(p.valid) << ::testing::PrintToString(p.form_problems);
  EXPECT_FALSE(p.data.birth_date.has_value());
}

TEST(Forms, SexAndCountryCodes) {
  EXPECT_TRUE(IsKnownCountryCode("FRA"));
  EXPECT_TRUE(IsKnownCountryCode("D"));
  EXPECT_TRUE(IsKnownCountryCode("UTO"));
  EXPECT_TRUE(IsKnownCountryCode("XXA"));
  EXPECT_FALSE(IsKnownCountryCode("D<<"));
  EXPECT_FALSE(IsKnownCountryCode("QQQ"));
  // A digit in the sex position, with the composite recomputed: not valid, no sex.
  std::string l2 =
      "D231458907UTO7408122"
      "4"
      "1204159<<<<<<<";
  l2 += std::to_string(CheckDigit(l2.substr(0, 10) + l2.substr(13, 7) + l2.substr(21, 14)));
  auto p = MustParse({"I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", l2});
  EXPECT_FALSE(p.valid);
  EXPECT_THAT(p.form_problems, ElementsAre("sex"));
  EXPECT_EQ(p.data.sex, "");
  EXPECT_EQ(ToResultFields(p.data).count(FieldName::kSex), 0u);
  // An unknown nationality code.
  auto q =
      MustParse({"I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "D231458907QQQ7408122F1204159<<<<<<<6"});
  EXPECT_TRUE(q.failed_checks.empty());
  EXPECT_THAT(q.form_problems, ElementsAre("nationality"));
  EXPECT_FALSE(q.valid);
}

// Cards of ID-1 size with a code other than A, C or I exist (Macau's resident card
// starts "T<"); a visa (V) or a passport (P) code on such a card is still refused.
TEST(Forms, CardDocumentCodeIsAnyLetterButVisaOrPassport) {
  const std::string l2 = "7408122F1204159UTO<<<<<<<<<<<6";
  const std::string l3 = "ERIKSSON<<ANNA<MARIA<<<<<<<<<<";
  EXPECT_TRUE(MustParse({"T<UTOD231458907<<<<<<<<<<<<<<<", l2, l3}).valid);
  for (const char* bad : {"P<UTOD231458907<<<<<<<<<<<<<<<", "<<UTOD231458907<<<<<<<<<<<<<<<"}) {
    const auto p = MustParse({bad, l2, l3});
    EXPECT_FALSE(p.valid) << bad;
    EXPECT_THAT(p.form_problems, ElementsAre("document_code")) << bad;
  }
}

TEST(Forms, FrenchCard1988Number) {
  EXPECT_TRUE(IsFrId1988NumberForm("940992310285"));
  EXPECT_TRUE(IsFrId1988NumberForm("970675K00277"));
  EXPECT_TRUE(IsFrId1988NumberForm("88062A123456"));
  EXPECT_TRUE(IsFrId1988NumberForm("1710GVA12345"));
  EXPECT_FALSE(IsFrId1988NumberForm("881375123456"));  // month 13
  EXPECT_FALSE(IsFrId1988NumberForm("88067Z123456"));  // Z inside the department
  EXPECT_FALSE(IsFrId1988NumberForm("8806751234S6"));  // a letter in the sequence
  EXPECT_FALSE(IsFrId1988NumberForm("8806Z5123456"));
}

TEST(LongNumbers, Td1IcaoExample) {
  // ICAO 9303-5: document number D23145890734, '<' at position 15, "734" and the check
  // digit 9 in the optional data.
  std::string l1 = "I<UTOD23145890<7349<<<<<<<<<<<";
  std::string l2 = "7408122F1204159UTO<<<<<<<<<<<";
  l2 += std::to_string(
      CheckDigit(l1.substr(5, 25) + l2.substr(0, 7) + l2.substr(8, 7) + l2.substr(18, 11)));
  const auto p = MustParse({l1, l2, "ERIKSSON<<ANNA<MARIA<<<<<<<<<<"});
  EXPECT_EQ(CheckDigit("D23145890734"), 9);
  EXPECT_TRUE(p.valid) << ::testing::PrintToString(p.failed_checks);
  EXPECT_EQ(p.data.document_number, "D23145890734");
  EXPECT_EQ(p.data.optional_data, "");
  EXPECT_THAT(p.decided_by, ::testing::Contains(::testing::HasSubstr("long document number")));
}

TEST(LongNumbers, Td2) {
  // TD2: number D23145890734 → "D23145890" + '<' + optional data "7349<<<".
  std::string l2 =
      "D23145890<UTO7408122F1204159"
      "7349<<<";
  l2 += std::to_string(CheckDigit(l2.substr(0, 10) + l2.substr(13, 7) + l2.substr(21, 14)));
  const auto p = MustParse({"I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", l2});
  EXPECT_TRUE(p.valid) << ::testing::PrintToString(p.failed_checks);
  EXPECT_EQ(p.data.document_number, "D23145890734");
  EXPECT_EQ(p.data.optional_data, "");
  // Optional data after the overflow is kept apart.
  std::string l2b =
      "D23145890<UTO7408122F1204159"
      "7349<AB";
  l2b += std::to_string(CheckDigit(l2b.substr(0, 10) + l2b.substr(13, 7) + l2b.substr(21, 14)));
  const auto q = MustParse({"I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", l2b});
  EXPECT_TRUE(q.valid);
  EXPECT_EQ(q.data.document_number, "D23145890734");
  EXPECT_EQ(q.data.optional_data, "AB");
}

TEST(Text, FindsTheMrzInAnOcrBlock) {
  auto p = ParseMrzText(
      "REPUBLIQUE FRANCAISE\nPASSEPORT\nsome noise\n"
      "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<"
      "10\n",
      Today());
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_TRUE(p->valid);
}

TEST(ResultFields, SchemaNamesAndIsoDates) {
  const auto p = MustParse({"P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
                            "L898902C36UTO7408122F1204159ZE184226B<<<<<10"});
  const Fields f = ToResultFields(p.data);
  EXPECT_EQ(f.at(FieldName::kBirthDate).value, "1974-08-12");
  EXPECT_EQ(f.at(FieldName::kSurname).source, FieldSource::kMrz);
  const MrzBlock b = ToMrzBlock(p);
  EXPECT_EQ(b.format, MrzFormat::kTD3);
  EXPECT_TRUE(b.valid);
}

TEST(Layouts, ClassStringsMatchLineLengths) {
  for (auto f : {MrzFormat::kTD1, MrzFormat::kTD2, MrzFormat::kTD3, MrzFormat::kMRVA,
                 MrzFormat::kMRVB, MrzFormat::kFrId1988, MrzFormat::kFrDl}) {
    const Layout& l = LayoutFor(f);
    ASSERT_EQ(static_cast<int>(l.classes.size()), l.line_count);
    for (auto c : l.classes) EXPECT_EQ(static_cast<int>(c.size()), l.line_length) << ToString(f);
  }
}

TEST(DocumentNumberFitsIssuerFormat, KnowsTheFrenchPassportNumber) {
  ParseOptions options;
  options.today = {2026, 11, 26};
  // Synthetic (tools/gendocs): 68EN63423 fits; 055N63423 holds the same check digits.
  auto fits = ParseMrz({"P<FRADE<LA<TOUR<<MARIE<HELENE<<<<<<<<<<<<<<<",
                        "68EN634239FRA9607192F3210248<<<<<<<<<<<<<<<0"},
                       options);
  auto breaks = ParseMrz({"P<FRADE<LA<TOUR<<MARIE<HELENE<<<<<<<<<<<<<<<",
                          "055N634239FRA9607192F3210248<<<<<<<<<<<<<<<0"},
                         options);
  ASSERT_TRUE(fits.ok() && breaks.ok());
  EXPECT_TRUE(fits->valid && breaks->valid);
  EXPECT_TRUE(DocumentNumberFitsIssuerFormat(*fits));
  EXPECT_FALSE(DocumentNumberFitsIssuerFormat(*breaks));
  // Other issuers and layouts: no known format, nothing refused.
  auto utopia = ParseMrz({"P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
                          "L898902C36UTO7408122F1204159ZE184226B<<<<<10"},
                         options);
  ASSERT_TRUE(utopia.ok());
  EXPECT_TRUE(DocumentNumberFitsIssuerFormat(*utopia));
}

// Synthetic lines; a filler read K weighs 20, a multiple of 10 like the filler's 0: every
// check still holds.
TEST(StrayTextAfterNames, TextAfterTheSecondaryIdentifierIsSeen) {
  ParseOptions options;
  options.today = {2026, 11, 26};
  const std::string td1_1 = "I<UTOD231458907<<<<<<<<<<<<<<<",
                    td1_2 = "7408122F1204159UTO<<<<<<<<<<<6";
  auto td1 = [&](const std::string& names) { return ParseMrz({td1_1, td1_2, names}, options); };
  auto clean = td1("ERIKSSON<<ANNA<MARIA<<<<<<<<<<");
  auto stray = td1("ERIKSSON<<ANNA<MARIA<<<<<<<<II");
  auto no_given = td1("ERIKSSON<<<<<<<<<<<<<<<<<<<<<<");
  for (auto* p : {&clean, &stray, &no_given}) ASSERT_TRUE(p->ok());
  EXPECT_FALSE(StrayTextAfterNames(*clean));
  EXPECT_TRUE(StrayTextAfterNames(*stray));
  EXPECT_FALSE(StrayTextAfterNames(*no_given));
  auto td3 = ParseMrz({"P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<1<<",
                       "L898902C36UTO7408122F1204159ZE184226B<<<<<10"},
                      options);
  ASSERT_TRUE(td3.ok());
  EXPECT_TRUE(StrayTextAfterNames(*td3));
  // The French 1988 card separates given names with "<<": not looked at.
  auto fr = ParseMrz(
      {"IDFRABERTHIER<<<<<<<<<<<<<<<<<<<<<<<", "9409923102854CORINNE<<NICOLE6512068F6"}, options);
  if (fr.ok()) {
    EXPECT_FALSE(StrayTextAfterNames(*fr));
  }
}

TEST(BlindCharacterAfterFiller, AFillerReadAsAnEqualWeightIsSeen) {
  ParseOptions options;
  options.today = {2026, 11, 26};
  const std::string names = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<";
  auto parse = [&](const std::string& line2) { return ParseMrz({names, line2}, options); };
  auto short_number = parse("AB1234<<<1UTO7408122F3204153<<<<<<<<<<<<<<<4");
  auto number_k = parse("AB1234<K<1UTO7408122F3204153<<<<<<<<<<<<<<<4");
  auto personal = parse("L898902C36UTO7408122F3204153ZE184226B<<<<<16");
  auto personal_k = parse("L898902C36UTO7408122F3204153ZE184226B<<K<<16");
  for (auto* p : {&short_number, &number_k, &personal, &personal_k}) {
    ASSERT_TRUE(p->ok());
    EXPECT_TRUE((*p)->valid);
  }
  EXPECT_FALSE(BlindCharacterAfterFiller(*short_number));
  EXPECT_TRUE(BlindCharacterAfterFiller(*number_k));
  EXPECT_FALSE(BlindCharacterAfterFiller(*personal));
  EXPECT_TRUE(BlindCharacterAfterFiller(*personal_k));
  // Finland's personal code keeps its '-' as a filler; the characters after it are its own.
  auto finnish = parse("L898902C36UTO7408122F3204153211271<426U<<<04");
  ASSERT_TRUE(finnish.ok());
  EXPECT_FALSE(BlindCharacterAfterFiller(*finnish));
  // Names hold fillers between their parts, and no check digit: not looked at.
  auto name_k = ParseMrz({"P<UTOERIKSSON<<ANNA<K<MARIA<<<<<<<<<<<<<<<<<",
                          "L898902C36UTO7408122F3204153ZE184226B<<<<<16"},
                         options);
  ASSERT_TRUE(name_k.ok());
  EXPECT_FALSE(BlindCharacterAfterFiller(*name_k));
}

}  // namespace
}  // namespace jae::mrz

namespace jae::mrz {
namespace {

TEST(Correction, NeverProvesAnotherFrenchCard1988Number) {
  // Every single-character misreading of the number, of any kind: a repair may give the
  // truth back or nothing, never another number with every check holding (e.g. a 'Z'
  // in the office code, which the format does not allow there).
  const std::string l1 = "IDFRABERTHIER<<<<<<<<<<<<<<<<<<<<<<<";
  const std::string l2 = "9409923102854CORINNE<<<<<<<6512068F4";
  constexpr std::string_view kAll = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ<";
  int repaired = 0;
  for (int pos = 0; pos < 13; ++pos) {
    for (char c : kAll) {
      if (c == l2[pos]) continue;
      std::string bad = l2;
      bad[pos] = c;
      const auto p = MustParse({l1, bad});
      // Some misreadings the check digits cannot see ('D' weighs like '3'): not repairs.
      if (!p.valid || !p.corrected) continue;
      EXPECT_EQ(p.data.document_number, "940992310285") << bad;
      ++repaired;
    }
  }
  EXPECT_GT(repaired, 0);  // letters read for digits are still repaired
}

}  // namespace
}  // namespace jae::mrz
