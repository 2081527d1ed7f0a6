#include "verify/verify.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "mrz/mrz.h"
#include "verify/names.h"

namespace jae::verify {
namespace {

using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;

const VerifyOptions kOptions{CivilDate{2026, 11, 26}};

// The specimens of reference/identity-documents.md §8 (all check digits hold).
const std::vector<std::string> kCnie2021 = {"IDFRAX4RTBPFW46<<<<<<<<<<<<<<<",
                                            "9007138F3002119FRA<<<<<<<<<<<6",
                                            "MARTIN<<MAELYS<GAELLE<MARIE<<<"};
const std::vector<std::string> kUtopiaTd3 = {"P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
                                             "L898902C36UTO7408122F1204159ZE184226B<<<<<10"};
const std::vector<std::string> kFr1988 = {"IDFRABERTHIER<<<<<<<<<<<<<<<<<<<<<<<",
                                          "9409923102854CORINNE<<<<<<<6512068F4"};

// The MRZ reader lands on main separately; until then these tests say so and skip.
bool MrzReaderReady() {
  const auto parsed = mrz::ParseMrz(kUtopiaTd3, {});
  return parsed.ok() || parsed.status().code() != StatusCode::kUnimplemented;
}
#define REQUIRE_MRZ_READER() \
  if (!MrzReaderReady()) GTEST_SKIP() << "MRZ reader not merged yet (ParseMrz unimplemented)"

Field Visual(std::string value) { return Field{std::move(value), 0.9, FieldSource::kVisual}; }

// An extraction of `type` with only these MRZ lines.
Extraction WithMrz(DocumentType type, std::vector<std::string> mrz_lines) {
  Extraction e;
  e.type = type;
  e.mrz_lines = std::move(mrz_lines);
  return e;
}

Extraction CnieFront() {
  Extraction e;
  e.type = DocumentType::kIdCard;
  e.side = DocumentSide::kBoth;
  e.issuing_country = "FRA";
  e.fields[FieldName::kSurname] = Visual("MARTIN");
  e.fields[FieldName::kGivenNames] = Visual("Maëlys, Gaëlle, Marie");
  e.fields[FieldName::kBirthDate] = Visual("13 07 1990");
  e.fields[FieldName::kSex] = Visual("F");
  e.fields[FieldName::kNationality] = Visual("FRA");
  e.fields[FieldName::kDocumentNumber] = Visual("X4RTBPFW4");
  e.fields[FieldName::kExpiryDate] = Visual("11.02.2030");
  e.fields[FieldName::kBirthPlace] = Visual("  PARIS  ");
  e.mrz_lines = kCnie2021;
  return e;
}

std::string ValueOf(const Verified& v, FieldName name) {
  const auto it = v.document.fields.find(name);
  return it == v.document.fields.end() ? std::string("<absent>") : it->second.value;
}
std::optional<FieldSource> SourceOf(const Verified& v, FieldName name) {
  const auto it = v.document.fields.find(name);
  return it == v.document.fields.end() ? std::nullopt : it->second.source;
}

// ---- without an MRZ -----------------------------------------------------------------

TEST(Verify, NoMrzMeansAbsentAndNotApplicable) {
  Extraction e;
  e.type = DocumentType::kDrivingLicence;
  e.fields[FieldName::kSurname] = Visual("DUPONT");
  const Verified v = Verify(e, kOptions);
  EXPECT_EQ(v.verification.mrz_check_digits, CheckDigitState::kAbsent);
  EXPECT_EQ(v.verification.mrz_matches_visual, VisualMatch::kNotApplicable);
  EXPECT_FALSE(v.document.mrz);
  EXPECT_FALSE(v.verification.expired);    // unknown: serialised as null
  EXPECT_FALSE(v.verification.age_years);  // unknown
  EXPECT_THAT(v.verification.warnings, IsEmpty());
  EXPECT_EQ(v.document.type, DocumentType::kDrivingLicence);
}

TEST(Verify, NormalisesFieldsAndKeepsTheirSource) {
  Extraction e;
  e.type = DocumentType::kPassport;
  e.issuing_country = "fra";
  e.fields[FieldName::kBirthDate] = Visual("12 mars 1990");
  e.fields[FieldName::kIssueDate] = Visual("01/02/2020");
  e.fields[FieldName::kExpiryDate] = Visual("31 janvier 2030");
  e.fields[FieldName::kSex] = Visual("Masculin");
  e.fields[FieldName::kNationality] = Visual("Française");
  e.fields[FieldName::kDocumentNumber] = Visual("18ab 12345");
  e.fields[FieldName::kSurname] = Visual("  DE  LA TOUR ");
  e.fields[FieldName::kGivenNames] = Field{"   ", std::nullopt, FieldSource::kModel};  // empty
  const Verified v = Verify(e, kOptions);
  EXPECT_EQ(ValueOf(v, FieldName::kBirthDate), "1990-03-12");
  EXPECT_EQ(ValueOf(v, FieldName::kIssueDate), "2020-02-01");
  EXPECT_EQ(ValueOf(v, FieldName::kExpiryDate), "2030-01-31");
  EXPECT_EQ(ValueOf(v, FieldName::kSex), "M");
  EXPECT_EQ(ValueOf(v, FieldName::kNationality), "FRA");
  EXPECT_EQ(ValueOf(v, FieldName::kDocumentNumber), "18AB12345");
  EXPECT_EQ(ValueOf(v, FieldName::kSurname), "DE LA TOUR");
  EXPECT_EQ(ValueOf(v, FieldName::kGivenNames), "<absent>");
  EXPECT_EQ(SourceOf(v, FieldName::kSex), FieldSource::kVisual);
  EXPECT_EQ(v.document.issuing_country, "FRA");
  EXPECT_THAT(v.verification.warnings, IsEmpty());
}

TEST(Verify, ExpiryAndAgeFromToday) {
  Extraction e;
  e.fields[FieldName::kBirthDate] = Visual("27/11/2008");   // 18 tomorrow
  e.fields[FieldName::kExpiryDate] = Visual("26/11/2026");  // valid through today
  Verified v = Verify(e, kOptions);
  EXPECT_EQ(v.verification.age_years, 17);
  EXPECT_EQ(v.verification.expired, false);

  e.fields[FieldName::kBirthDate] = Visual("26/11/2008");
  e.fields[FieldName::kExpiryDate] = Visual("25/11/2026");
  v = Verify(e, kOptions);
  EXPECT_EQ(v.verification.age_years, 18);
  EXPECT_EQ(v.verification.expired, true);
}

TEST(Verify, ImpossibleAndUnreadableDatesAreDroppedWithAWarningWithoutTheValue) {
  Extraction e;
  e.fields[FieldName::kBirthDate] = Visual("31/02/1990");
  e.fields[FieldName::kExpiryDate] = Visual("bientôt");
  e.fields[FieldName::kIssueDate] = Visual("12/03/2031");  // after today
  const Verified v = Verify(e, kOptions);
  EXPECT_EQ(ValueOf(v, FieldName::kBirthDate), "<absent>");
  EXPECT_EQ(ValueOf(v, FieldName::kExpiryDate), "<absent>");
  EXPECT_THAT(v.verification.warnings, Contains("birth_date: not a valid date"));
  EXPECT_THAT(v.verification.warnings, Contains("expiry_date: not a date"));
  EXPECT_THAT(v.verification.warnings, Contains("issue_date: in the future"));
  for (const auto& w : v.verification.warnings) {
    EXPECT_THAT(w, Not(HasSubstr("1990")));
    EXPECT_THAT(w, Not(HasSubstr("bient")));
  }
  EXPECT_FALSE(v.verification.expired);
  EXPECT_FALSE(v.verification.age_years);
}

TEST(Verify, BirthInTheFutureGivesNoAge) {
  Extraction e;
  e.fields[FieldName::kBirthDate] = Visual("2030-01-01");
  const Verified v = Verify(e, kOptions);
  EXPECT_FALSE(v.verification.age_years);
  EXPECT_THAT(v.verification.warnings, Contains("birth_date: in the future"));
}

TEST(Verify, FftLicenceFields) {
  Extraction e;
  e.type = DocumentType::kFftLicence;
  e.fields[FieldName::kLicenceNumber] = Visual("1234567 a");
  e.fields[FieldName::kClubNumber] = Visual("5775 0123");
  e.fields[FieldName::kRanking] = Visual("15 / 2");
  e.fields[FieldName::kSeason] = Visual("2025/2026");
  e.fields[FieldName::kClubName] = Visual("TC  Exemple");
  Verified v = Verify(e, kOptions);
  EXPECT_EQ(ValueOf(v, FieldName::kLicenceNumber), "1234567A");
  EXPECT_EQ(ValueOf(v, FieldName::kClubNumber), "57750123");
  EXPECT_EQ(ValueOf(v, FieldName::kRanking), "15/2");
  EXPECT_EQ(ValueOf(v, FieldName::kSeason), "2026");
  EXPECT_EQ(ValueOf(v, FieldName::kClubName), "TC Exemple");
  EXPECT_THAT(v.verification.warnings, IsEmpty());

  e.fields[FieldName::kLicenceNumber] = Visual("12345");
  e.fields[FieldName::kClubNumber] = Visual("TC57");
  e.fields[FieldName::kRanking] = Visual("35");
  e.fields[FieldName::kSeason] = Visual("l'an dernier");
  v = Verify(e, kOptions);
  EXPECT_EQ(ValueOf(v, FieldName::kLicenceNumber), "12345");  // kept, flagged
  EXPECT_EQ(ValueOf(v, FieldName::kClubNumber), "<absent>");
  EXPECT_EQ(ValueOf(v, FieldName::kRanking), "35");  // kept, flagged
  EXPECT_EQ(ValueOf(v, FieldName::kSeason), "<absent>");
  EXPECT_THAT(v.verification.warnings, Contains("licence_number: not 7 digits and a letter"));
  EXPECT_THAT(v.verification.warnings, Contains("club_number: not digits"));
  EXPECT_THAT(v.verification.warnings, Contains("ranking: not on the French ranking scale"));
  EXPECT_THAT(v.verification.warnings, Contains("season: not a season year"));
}

TEST(Verify, UnknownSexAndCountryAreFlagged) {
  Extraction e;
  e.issuing_country = "Utopia";
  e.fields[FieldName::kSex] = Visual("?");
  e.fields[FieldName::kNationality] = Visual("Utopian");
  const Verified v = Verify(e, kOptions);
  EXPECT_EQ(ValueOf(v, FieldName::kSex), "<absent>");
  EXPECT_FALSE(v.document.issuing_country);
  EXPECT_THAT(v.verification.warnings, Contains("sex: not F, M or X"));
  EXPECT_THAT(v.verification.warnings, Contains("issuing_country: not a three-letter code"));
  EXPECT_THAT(v.verification.warnings,
              Contains("nationality: not a country code of the ISO 3166 / ICAO list"));
  // Not facts: kept for a person under document.unreadable, never in fields.
  EXPECT_EQ(ValueOf(v, FieldName::kNationality), "<absent>");
  ASSERT_TRUE(v.document.unreadable.contains(FieldName::kSex));
  EXPECT_EQ(v.document.unreadable.at(FieldName::kSex).reason, "form");
  EXPECT_EQ(v.document.unreadable.at(FieldName::kNationality).read.value, "Utopian");
}

TEST(Verify, ConfidenceOutsideZeroToOneIsDropped) {
  Extraction e;
  e.fields[FieldName::kSurname] = Field{"DUPONT", 7.0, FieldSource::kModel};
  const Verified v = Verify(e, kOptions);
  EXPECT_FALSE(v.document.fields.at(FieldName::kSurname).confidence);
  EXPECT_THAT(v.verification.warnings, Contains("surname: confidence out of range"));
}

TEST(Verify, FrenchCardsIssuedToAdultsFrom2004To2013LastFifteenYears) {
  Extraction e;
  e.type = DocumentType::kIdCard;
  e.issuing_country = "FRA";
  e.fields[FieldName::kBirthDate] = Visual("01/01/1970");
  e.fields[FieldName::kIssueDate] = Visual("15/06/2012");
  e.fields[FieldName::kExpiryDate] = Visual("14/06/2022");
  Verified v = Verify(e, kOptions);
  EXPECT_EQ(v.verification.expired, false);
  EXPECT_THAT(v.verification.warnings, Contains(HasSubstr("extended by 5 years")));

  e.fields[FieldName::kBirthDate] = Visual("01/01/2000");  // a minor at issue: 10 years
  v = Verify(e, kOptions);
  EXPECT_EQ(v.verification.expired, true);
}

TEST(Verify, SomethingThatIsNotAnMrzFails) {
  Extraction e;
  e.mrz_lines = {"THIS IS NOT", "A MACHINE READABLE ZONE"};
  const Verified v = Verify(e, kOptions);
  EXPECT_EQ(v.verification.mrz_check_digits, CheckDigitState::kFail);
  EXPECT_EQ(v.verification.mrz_matches_visual, VisualMatch::kNotApplicable);
  EXPECT_THAT(v.verification.warnings, Contains("mrz: not a machine readable zone"));
}

// ---- with an MRZ --------------------------------------------------------------------

TEST(VerifyMrz, MatchingCardPassesAndMrzProvesItsFields) {
  REQUIRE_MRZ_READER();
  const Verified v = Verify(CnieFront(), kOptions);
  EXPECT_EQ(v.verification.mrz_check_digits, CheckDigitState::kPass);
  EXPECT_EQ(v.verification.mrz_matches_visual, VisualMatch::kMatch)
      << ::testing::PrintToString(v.verification.warnings);
  ASSERT_TRUE(v.document.mrz);
  EXPECT_EQ(v.document.mrz->format, MrzFormat::kTD1);
  EXPECT_TRUE(v.document.mrz->valid);
  EXPECT_EQ(ValueOf(v, FieldName::kDocumentNumber), "X4RTBPFW4");
  EXPECT_EQ(SourceOf(v, FieldName::kDocumentNumber), FieldSource::kMrz);
  EXPECT_EQ(SourceOf(v, FieldName::kBirthDate), FieldSource::kMrz);
  EXPECT_EQ(SourceOf(v, FieldName::kExpiryDate), FieldSource::kMrz);
  EXPECT_EQ(ValueOf(v, FieldName::kBirthDate), "1990-07-13");
  EXPECT_EQ(ValueOf(v, FieldName::kExpiryDate), "2030-02-11");
  // Printed names keep their accents.
  EXPECT_EQ(ValueOf(v, FieldName::kGivenNames), "Maëlys, Gaëlle, Marie");
  EXPECT_EQ(SourceOf(v, FieldName::kGivenNames), FieldSource::kVisual);
  EXPECT_EQ(ValueOf(v, FieldName::kBirthPlace), "PARIS");
  EXPECT_EQ(v.verification.expired, false);
  EXPECT_EQ(v.verification.age_years, 36);
  EXPECT_THAT(v.verification.warnings, IsEmpty());
}

TEST(VerifyMrz, PrintedNameThatDisagreesIsAMismatch) {
  REQUIRE_MRZ_READER();
  Extraction e = CnieFront();
  e.fields[FieldName::kSurname] = Visual("MARTINEZ");
  const Verified v = Verify(e, kOptions);
  EXPECT_EQ(v.verification.mrz_check_digits, CheckDigitState::kPass);
  EXPECT_EQ(v.verification.mrz_matches_visual, VisualMatch::kMismatch);
  EXPECT_THAT(
      v.verification.warnings,
      Contains("mrz_matches_visual: surname differs between the MRZ and the visual reading"));
  for (const auto& w : v.verification.warnings) EXPECT_THAT(w, Not(HasSubstr("MARTIN")));
}

// A visa's or passport's MRZ has room for 9 characters of the number and no overflow: a
// longer printed number agrees when the MRZ holds its start. TD1 carries a long number on
// into its optional data, so there a 9-character MRZ number under a longer one disagrees.
TEST(VerifyMrz, ALongerPrintedNumberAgreesWithTheNineCharactersAVisaHolds) {
  REQUIRE_MRZ_READER();
  Extraction visa = WithMrz(DocumentType::kOther, {"V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
                                                   "L8988901C4XXX4009078F96121096ZE184226B<<<<<<"});
  visa.fields[FieldName::kDocumentNumber] = Visual("L8988901C27");
  EXPECT_EQ(Verify(visa, kOptions).verification.mrz_matches_visual, VisualMatch::kMatch);
  visa.fields[FieldName::kDocumentNumber] = Visual("L8988907C27");
  EXPECT_EQ(Verify(visa, kOptions).verification.mrz_matches_visual, VisualMatch::kMismatch);

  // A French card's number has 9 characters: a longer printed one is a misread, not a
  // number that disagrees (ID cards carry an overflow, but France's fit in 9).
  Extraction card = CnieFront();
  card.fields[FieldName::kDocumentNumber] = Visual("X4RTBPFW412");
  const Verified v = Verify(card, kOptions);
  EXPECT_EQ(v.verification.mrz_matches_visual, VisualMatch::kMatch);
  EXPECT_EQ(ValueOf(v, FieldName::kDocumentNumber), "X4RTBPFW4");
  EXPECT_TRUE(v.document.unreadable.count(FieldName::kDocumentNumber));
}

// Without an MRZ (a 2021 card's front) the number's form is the only check: a French
// card's is 9 letters or digits, or the 1988 card's 12 (YYMM, office, 5 digits).
TEST(VerifyFields, AFrenchCardsNumberOfAnotherFormIsNotAFact) {
  Extraction front;
  front.type = DocumentType::kIdCard;
  front.side = DocumentSide::kFront;
  front.issuing_country = "FRA";
  for (const char* misread : {"WTSUDIJV3G", "X4RTBPF", "178402391264", "16040323"}) {
    front.fields[FieldName::kDocumentNumber] = Visual(misread);
    const Verified v = Verify(front, kOptions);
    EXPECT_FALSE(v.document.fields.count(FieldName::kDocumentNumber)) << misread;
    EXPECT_EQ(v.document.unreadable.at(FieldName::kDocumentNumber).reason, "form") << misread;
    EXPECT_THAT(v.verification.warnings,
                Contains(HasSubstr("document_number: not a French identity card's number")));
    for (const auto& w : v.verification.warnings) EXPECT_THAT(w, Not(HasSubstr(misread)));
  }
  for (const char* number : {"X4RTBPFW4", "x4rt bpf w4", "170402391264", "9409 923 10285"}) {
    front.fields[FieldName::kDocumentNumber] = Visual(number);
    EXPECT_TRUE(Verify(front, kOptions).document.fields.count(FieldName::kDocumentNumber))
        << number;
  }
  // A card whose country was not read is French when its holder is.
  front.issuing_country.reset();
  front.fields[FieldName::kDocumentNumber] = Visual("WTSUDIJV3G");
  front.fields[FieldName::kNationality] = Visual("Française");
  EXPECT_FALSE(Verify(front, kOptions).document.fields.count(FieldName::kDocumentNumber));
  front.fields[FieldName::kNationality] = Visual("BEL");
  EXPECT_TRUE(Verify(front, kOptions).document.fields.count(FieldName::kDocumentNumber));
  // Other countries' cards and other documents keep their own numbers.
  front.issuing_country = "ROU";
  front.fields[FieldName::kDocumentNumber] = Visual("WTSUDIJV3G");
  EXPECT_EQ(ValueOf(Verify(front, kOptions), FieldName::kDocumentNumber), "WTSUDIJV3G");
  front.issuing_country = "FRA";
  front.type = DocumentType::kResidencePermit;
  EXPECT_EQ(ValueOf(Verify(front, kOptions), FieldName::kDocumentNumber), "WTSUDIJV3G");
}

TEST(VerifyFields, ABirthPlaceOfNoPlacesFormIsNotAFact) {
  Extraction e;
  e.type = DocumentType::kPassport;
  for (const char* place : {"Tale: 1,79 M", "ro) :4", "NANTES (44", "PARIS 1975", "PARIS 8 RUE",
                            "LYON3E", "TOULON (83) 12", "4", "d'identité", "été"}) {
    e.fields[FieldName::kBirthPlace] = Visual(place);
    const Verified v = Verify(e, kOptions);
    EXPECT_FALSE(v.document.fields.count(FieldName::kBirthPlace)) << place;
    EXPECT_EQ(v.document.unreadable.at(FieldName::kBirthPlace).reason, "form") << place;
  }
  for (const char* place :
       {"PARIS 15E ARRONDISSEMENT", "Lyon 3ème", "MARSEILLE 1ER", "NANTES (44)", "AJACCIO (2A)",
        "CASABLANCA (MAROC)", "SAINT-ÉTIENNE", "L'HAŸ-LES-ROSES", "St. Louis", "BASSE-TERRE (971)",
        "PARIS 8", "LYON 03 (69)"}) {
    e.fields[FieldName::kBirthPlace] = Visual(place);
    EXPECT_EQ(ValueOf(Verify(e, kOptions), FieldName::kBirthPlace), place);
  }
}

TEST(VerifyMrz, ProvenFieldsOverrideMisreadPrintedOnes) {
  REQUIRE_MRZ_READER();
  Extraction e = CnieFront();
  e.fields[FieldName::kBirthDate] = Visual("18/07/1990");  // model misread 3 as 8
  e.fields[FieldName::kDocumentNumber] = Visual("X4RTBPFW1");
  const Verified v = Verify(e, kOptions);
  EXPECT_EQ(ValueOf(v, FieldName::kBirthDate), "1990-07-13");
  EXPECT_EQ(SourceOf(v, FieldName::kBirthDate), FieldSource::kMrz);
  EXPECT_EQ(ValueOf(v, FieldName::kDocumentNumber), "X4RTBPFW4");
  EXPECT_EQ(v.verification.mrz_matches_visual, VisualMatch::kMismatch);
  EXPECT_THAT(
      v.verification.warnings,
      Contains("mrz_matches_visual: birth_date differs between the MRZ and the visual reading"));
  EXPECT_THAT(v.verification.warnings,
              Contains("mrz_matches_visual: document_number differs between the MRZ and the visual "
                       "reading"));
}

// Synthetic: a number "AB1234" padded with fillers, one of them read K (K weighs 20, a
// multiple of 10 like the filler): every check holds, and the number proved would be
// "AB1234<K" — nobody's.
TEST(VerifyMrz, AFillerReadAsAnEqualWeightProvesNothing) {
  REQUIRE_MRZ_READER();
  Extraction e = WithMrz(DocumentType::kPassport, {"P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
                                                   "AB1234<K<1UTO7408122F3204153<<<<<<<<<<<<<<<4"});
  const Verified v = Verify(e, kOptions);
  EXPECT_EQ(v.verification.mrz_check_digits, CheckDigitState::kPass);
  EXPECT_THAT(v.verification.warnings,
              Contains(HasSubstr("a character alone among fillers weighs like a filler")));
  EXPECT_NE(SourceOf(v, FieldName::kDocumentNumber), FieldSource::kMrz);
  EXPECT_NE(SourceOf(v, FieldName::kBirthDate), FieldSource::kMrz);
  // Read as written, the same MRZ proves its fields.
  e.mrz_lines[1] = "AB1234<<<1UTO7408122F3204153<<<<<<<<<<<<<<<4";
  const Verified plain = Verify(e, kOptions);
  EXPECT_EQ(SourceOf(plain, FieldName::kDocumentNumber), FieldSource::kMrz);
}

TEST(VerifyMrz, AWrongCheckDigitFailsAndProvesNothing) {
  REQUIRE_MRZ_READER();
  Extraction e = CnieFront();
  // Birth date 900713 -> 900714: not an OCR confusion, so no repair can hide it.
  e.mrz_lines[1] = "9007148F3002119FRA<<<<<<<<<<<6";
  e.fields[FieldName::kBirthDate] = Visual("13/07/1990");
  const Verified v = Verify(e, kOptions);
  EXPECT_EQ(v.verification.mrz_check_digits, CheckDigitState::kFail);
  ASSERT_TRUE(v.document.mrz);
  EXPECT_FALSE(v.document.mrz->valid);
  EXPECT_THAT(v.document.mrz->failed_checks, Contains("birth_date"));
  EXPECT_THAT(v.verification.warnings, Contains("mrz: check digits do not hold"));
  // The printed date stays, the unproven MRZ one does not replace it.
  EXPECT_EQ(ValueOf(v, FieldName::kBirthDate), "1990-07-13");
  EXPECT_EQ(SourceOf(v, FieldName::kBirthDate), FieldSource::kVisual);
  // An MRZ that is not valid says nothing reliable: nothing is compared with it.
  EXPECT_EQ(v.verification.mrz_matches_visual, VisualMatch::kNotApplicable);
}

TEST(VerifyMrz, AFieldsOwnCheckProvesNothingWhenAnotherCheckFails) {
  REQUIRE_MRZ_READER();
  Extraction e = CnieFront();
  e.mrz_lines[1] = "9007148F3002119FRA<<<<<<<<<<<6";  // birth date check fails
  e.fields.erase(FieldName::kDocumentNumber);
  const Verified v = Verify(e, kOptions);
  ASSERT_TRUE(v.document.mrz);
  EXPECT_FALSE(v.document.mrz->valid);
  // The number's own check holds, but a misread line is no proof (a check digit cannot
  // tell G from 6): it fills the gap, unmarked; the printed expiry is not replaced.
  EXPECT_EQ(ValueOf(v, FieldName::kDocumentNumber), "X4RTBPFW4");
  EXPECT_EQ(SourceOf(v, FieldName::kDocumentNumber), std::nullopt);
  EXPECT_EQ(SourceOf(v, FieldName::kExpiryDate), FieldSource::kVisual);
}

TEST(VerifyMrz, FrenchPassportNumberOutOfFormatIsNotProven) {
  REQUIRE_MRZ_READER();
  // Synthetic (tools/gendocs). Printed 68EN63423; on a glare-damaged photo the MRZ read
  // 055N63423, whose check digit and composite still hold (6x7+8x3+14 = 0x7+5x3+5 mod 10).
  Extraction e;
  e.type = DocumentType::kPassport;
  e.mrz_lines = {"P<FRADE<LA<TOUR<<MARIE<HELENE<<<<<<<<<<<<<<<",
                 "055N634239FRA9607192F3210248<<<<<<<<<<<<<<<0"};
  Verified v = Verify(e, kOptions);
  ASSERT_TRUE(v.document.mrz);
  EXPECT_TRUE(v.document.mrz->valid);
  EXPECT_EQ(ValueOf(v, FieldName::kDocumentNumber), "<absent>");
  EXPECT_EQ(SourceOf(v, FieldName::kBirthDate), FieldSource::kMrz);
  EXPECT_THAT(v.verification.warnings,
              Contains(::testing::HasSubstr("not the format of a French passport number")));

  e.fields[FieldName::kDocumentNumber] = Visual("68EN63423");
  v = Verify(e, kOptions);
  EXPECT_EQ(ValueOf(v, FieldName::kDocumentNumber), "68EN63423");
  EXPECT_EQ(SourceOf(v, FieldName::kDocumentNumber), FieldSource::kVisual);
  EXPECT_EQ(v.verification.mrz_matches_visual, VisualMatch::kMismatch);

  e.mrz_lines[1] = "68EN634239FRA9607192F3210248<<<<<<<<<<<<<<<0";
  v = Verify(e, kOptions);
  EXPECT_EQ(SourceOf(v, FieldName::kDocumentNumber), FieldSource::kMrz);
  EXPECT_EQ(v.verification.mrz_matches_visual, VisualMatch::kMatch);
}

TEST(VerifyMrz, MrzAloneFillsTheDocument) {
  REQUIRE_MRZ_READER();
  Extraction e;
  e.mrz_lines = kCnie2021;
  const Verified v = Verify(e, kOptions);
  EXPECT_EQ(v.document.type, DocumentType::kIdCard);
  EXPECT_EQ(v.document.issuing_country, "FRA");
  EXPECT_EQ(ValueOf(v, FieldName::kSurname), "MARTIN");
  // No check digit covers a name line: filled, but not claimed as verified.
  EXPECT_EQ(SourceOf(v, FieldName::kSurname), std::nullopt);
  EXPECT_EQ(SourceOf(v, FieldName::kBirthDate), FieldSource::kMrz);
  EXPECT_EQ(ValueOf(v, FieldName::kSex), "F");
  EXPECT_EQ(ValueOf(v, FieldName::kBirthDate), "1990-07-13");
  EXPECT_EQ(v.verification.mrz_matches_visual, VisualMatch::kNotApplicable);
  EXPECT_EQ(v.verification.expired, false);
}

TEST(VerifyMrz, TransliteratedNamesMatch) {
  REQUIRE_MRZ_READER();
  Extraction e;
  e.type = DocumentType::kPassport;
  e.fields[FieldName::kSurname] = Visual("Eriksson");
  e.fields[FieldName::kGivenNames] = Visual("Änna María");
  e.fields[FieldName::kBirthDate] = Visual("12.08.1974");
  e.mrz_lines = kUtopiaTd3;
  const Verified v = Verify(e, kOptions);
  EXPECT_EQ(v.verification.mrz_matches_visual, VisualMatch::kMatch)
      << ::testing::PrintToString(v.verification.warnings);
  EXPECT_EQ(v.verification.expired, true);  // 2012-04-15
  EXPECT_EQ(v.verification.age_years, 52);
}

TEST(VerifyMrz, TruncatedMrzNamesMatchByPrefixOnlyWhenTheFieldIsFull) {
  REQUIRE_MRZ_READER();
  Extraction e;
  e.type = DocumentType::kPassport;
  e.fields[FieldName::kSurname] = Visual("ERIKSSON");
  e.fields[FieldName::kGivenNames] = Visual("Anna Maria Christina Elisabeth");
  // The name field (39 characters) is full: the last given name is cut.
  e.mrz_lines = {"P<UTOERIKSSON<<ANNA<MARIA<CHRISTINA<ELISABET", kUtopiaTd3[1]};
  Verified v = Verify(e, kOptions);
  EXPECT_EQ(v.verification.mrz_matches_visual, VisualMatch::kMatch)
      << ::testing::PrintToString(v.verification.warnings);

  // Not full: a shorter MRZ name is a different name, not a truncation.
  e.fields[FieldName::kGivenNames] = Visual("Anna Mariana");
  e.mrz_lines = kUtopiaTd3;
  v = Verify(e, kOptions);
  EXPECT_EQ(v.verification.mrz_matches_visual, VisualMatch::kMismatch);
}

TEST(VerifyMrz, French1988CardWithoutExpiryInTheMrz) {
  REQUIRE_MRZ_READER();
  Extraction e;
  e.type = DocumentType::kOther;
  e.fields[FieldName::kSurname] = Visual("BERTHIER");
  e.fields[FieldName::kGivenNames] = Visual("Corinne");
  e.fields[FieldName::kBirthDate] = Visual("6 décembre 1965");
  e.mrz_lines = kFr1988;
  const Verified v = Verify(e, kOptions);
  EXPECT_EQ(v.verification.mrz_check_digits, CheckDigitState::kPass);
  EXPECT_EQ(v.verification.mrz_matches_visual, VisualMatch::kMatch)
      << ::testing::PrintToString(v.verification.warnings);
  EXPECT_EQ(v.document.type, DocumentType::kIdCard);
  ASSERT_TRUE(v.document.mrz);
  EXPECT_EQ(v.document.mrz->format, MrzFormat::kFrId1988);
  EXPECT_FALSE(v.verification.expired);  // unknown: no printed expiry, none in the MRZ
  EXPECT_EQ(v.verification.age_years, 60);
}

// A printed 1988 card number cut short or misread into no such number (month 84) is a
// misread: left unread, never a mismatch against the valid MRZ, whose number stands.
TEST(VerifyMrz, French1988PrintedNumberThatIsNoneIsNotCompared) {
  REQUIRE_MRZ_READER();
  for (const char* printed : {"94099231", "948992310285"}) {
    Extraction e;
    e.type = DocumentType::kIdCard;
    e.fields[FieldName::kSurname] = Visual("BERTHIER");
    e.fields[FieldName::kDocumentNumber] = Visual(printed);
    e.mrz_lines = kFr1988;
    const Verified v = Verify(e, kOptions);
    EXPECT_EQ(v.verification.mrz_matches_visual, VisualMatch::kMatch) << printed;
    EXPECT_EQ(ValueOf(v, FieldName::kDocumentNumber), "940992310285") << printed;
    EXPECT_TRUE(v.document.unreadable.count(FieldName::kDocumentNumber)) << printed;
  }
  // A number of the right form that differs still is one.
  Extraction e;
  e.type = DocumentType::kIdCard;
  e.fields[FieldName::kDocumentNumber] = Visual("940992310286");
  e.mrz_lines = kFr1988;
  EXPECT_EQ(Verify(e, kOptions).verification.mrz_matches_visual, VisualMatch::kMismatch);
}

TEST(VerifyMrz, OcrConfusionRepairedByTheReaderStillPasses) {
  REQUIRE_MRZ_READER();
  Extraction e = CnieFront();
  e.mrz_lines[1] = "90O7138F3002119FRA<<<<<<<<<<<6";  // O read for 0 in the birth date
  const Verified v = Verify(e, kOptions);
  ASSERT_TRUE(v.document.mrz);
  EXPECT_EQ(v.document.mrz->corrected, true);
  EXPECT_EQ(v.verification.mrz_check_digits, CheckDigitState::kPass);
  EXPECT_EQ(ValueOf(v, FieldName::kBirthDate), "1990-07-13");
  EXPECT_EQ(v.verification.mrz_matches_visual, VisualMatch::kMatch);
  EXPECT_THAT(v.verification.warnings,
              ::testing::Contains("mrz: 1 character(s) repaired along OCR confusions"));
}

TEST(VerifyMrz, FrenchDrivingLicenceLineProvesOnlyTheNumber) {
  REQUIRE_MRZ_READER();
  Extraction e;
  e.type = DocumentType::kOther;
  e.fields[FieldName::kSurname] = Visual("MARTIN");
  e.fields[FieldName::kExpiryDate] = Visual("01/01/2035");
  e.mrz_lines = {"D1FRA13AA000026181231MARTIN<<9"};
  const Verified v = Verify(e, kOptions);
  EXPECT_EQ(v.document.type, DocumentType::kDrivingLicence);
  EXPECT_EQ(v.verification.mrz_check_digits, CheckDigitState::kPass);
  EXPECT_EQ(ValueOf(v, FieldName::kDocumentNumber), "13AA00002");
  EXPECT_EQ(SourceOf(v, FieldName::kDocumentNumber), FieldSource::kMrz);
  // The line's date has no confirmed meaning: the printed expiry stands, unchallenged.
  EXPECT_EQ(ValueOf(v, FieldName::kExpiryDate), "2035-01-01");
  EXPECT_EQ(SourceOf(v, FieldName::kExpiryDate), FieldSource::kVisual);
  EXPECT_EQ(v.verification.mrz_matches_visual, VisualMatch::kMatch)
      << ::testing::PrintToString(v.verification.warnings);
}

}  // namespace
}  // namespace jae::verify

namespace jae::verify {
namespace {

// --- issue 11: no false alarms ---

TEST(VerifyNames, French1988CardKeepsTheGivenNamesThatFit) {
  Extraction e;
  e.fields[FieldName::kSurname] = Visual("LE GOFF");
  e.fields[FieldName::kGivenNames] = Visual("Lucie, Hélène, Anaïs");
  e.mrz_lines = {"IDFRALE<GOFF<<<<<<<<<<<<<<<<<<052833", "1404052815497LUCIE<<HELENE<0103015F8"};
  Verified v = Verify(e, kOptions);
  EXPECT_EQ(v.verification.mrz_check_digits, CheckDigitState::kPass);
  EXPECT_EQ(v.verification.mrz_matches_visual, VisualMatch::kMatch)
      << ::testing::PrintToString(v.verification.warnings);
  // A dropped given name that would have fitted is a real difference.
  e.fields[FieldName::kGivenNames] = Visual("Lucie, Hélène, Ana");
  e.mrz_lines = {"IDFRALE<GOFF<<<<<<<<<<<<<<<<<<052833", "1404052815497LUCIE<<HELENE<0103015F8"};
  v = Verify(e, kOptions);
  EXPECT_EQ(v.verification.mrz_matches_visual, VisualMatch::kMatch);  // "<<ANA" needs 5, 1 left
}

TEST(VerifyNames, PunctuationAccentsAndCuts) {
  const NameRoom none{0, 1};
  const NameRoom roomy{10, 1};
  EXPECT_TRUE(NamesAgree("N'Diaye", "NDIAYE", roomy));
  EXPECT_TRUE(NamesAgree("Jean-Pierre", "JEAN PIERRE", roomy));
  EXPECT_TRUE(NamesAgree("Château", "CHATEAU", roomy));
  EXPECT_TRUE(NamesAgree("Maëlys, Gaëlle", "MAELYS GAELLE", roomy));
  // Whole given names dropped only when the first dropped one would not have fitted.
  EXPECT_TRUE(NamesAgree("Anna Maria Christina", "ANNA MARIA", NameRoom{5, 1}));
  EXPECT_FALSE(NamesAgree("Anna Maria Christina", "ANNA MARIA", roomy));
  // The last one cut only when the field is full.
  EXPECT_TRUE(NamesAgree("Anna Elisabeth", "ANNA ELISAB", none));
  EXPECT_FALSE(NamesAgree("Anna Elisabeth", "ANNA ELISAB", roomy));
  EXPECT_FALSE(NamesAgree("Martinez", "MARTIN", roomy));
  EXPECT_FALSE(NamesAgree("Bernard", "MARTIN", none));
  // An apostrophe: omitted (ICAO) or a filler (some issuers).
  EXPECT_TRUE(NamesAgree("N'Guessan", "NGUESSAN", roomy));
  EXPECT_TRUE(NamesAgree("N'Guessan", "N GUESSAN", roomy));
  EXPECT_TRUE(NamesAgree("d\u2019Artagnan", "D ARTAGNAN", roomy));
}

TEST(VerifyNames, MrzNameMisreadIsNotAnotherName) {
  const NameRoom roomy{10, 1};
  EXPECT_FALSE(NamesAgree("Boyer", "BDYER", roomy));
  EXPECT_TRUE(NamesAgreeUpToMisreads("Boyer", "BDYER", roomy));
  EXPECT_TRUE(NamesAgreeUpToMisreads("Eve Flore", "FVE ELORE", roomy));
  EXPECT_TRUE(NamesAgreeUpToMisreads("Héloïse", "HELQISE", roomy));
  // Another name is still another name.
  EXPECT_FALSE(NamesAgreeUpToMisreads("Boyer", "BOYET", roomy));
  EXPECT_FALSE(NamesAgreeUpToMisreads("Martin", "MARTINEZ", roomy));
  EXPECT_FALSE(NamesAgreeUpToMisreads("Dupont", "DURAND", roomy));
  // A typewriter's spaced letters read as words are still the name.
  EXPECT_TRUE(NamesAgreeUpToMisreads("I NÈ S", "INES", roomy));
  EXPECT_FALSE(NamesAgreeUpToMisreads("I NÈ S", "INAS", roomy));
}

// `v`'s printed reading matches its MRZ, and `name`'s reading is kept as unreadable for
// `reason` (never compared, never a fact).
void ExpectMatchWithUnreadable(const Verified& v, FieldName name, const std::string& reason) {
  EXPECT_EQ(v.verification.mrz_matches_visual, VisualMatch::kMatch)
      << ::testing::PrintToString(v.verification.warnings);
  ASSERT_TRUE(v.document.unreadable.contains(name));
  EXPECT_EQ(v.document.unreadable.at(name).reason, reason);
}

TEST(VerifyUnreadable, LowConfidenceValueIsNeitherAFactNorCompared) {
  Extraction e;
  e.type = DocumentType::kPassport;
  e.fields[FieldName::kSurname] = Visual("LOPEZ");
  e.fields[FieldName::kGivenNames] = Field{"Zo;", 0.16, FieldSource::kVisual};
  e.mrz_lines = {"P<FRALOPEZ<<ZOE<NOEMIE<<<<<<<<<<<<<<<<<<<<<<",
                 "04XY481321FRA7701029F3206087<<<<<<<<<<<<<<<4"};
  const Verified v = Verify(e, kOptions);
  ExpectMatchWithUnreadable(v, FieldName::kGivenNames, "low_confidence");
  // The MRZ fills the gap, without claiming a proof (names carry no check digit).
  EXPECT_EQ(ValueOf(v, FieldName::kGivenNames), "ZOE NOEMIE");
  EXPECT_EQ(SourceOf(v, FieldName::kGivenNames), std::nullopt);
  for (const auto& w : v.verification.warnings) EXPECT_THAT(w, Not(HasSubstr("Zo;")));
}

// A misread word of a photo is read with little confidence; an altered printed zone is
// clear print. Only a confident reading stands against a valid MRZ.
TEST(VerifyUnreadable, UnsureReadingThatDisagreesWithTheMrzIsAMisreadNotAnAlarm) {
  REQUIRE_MRZ_READER();
  Extraction e = CnieFront();
  e.fields[FieldName::kSurname] = Field{"MARTINEZ", 0.72, FieldSource::kVisual};
  e.fields[FieldName::kDocumentNumber] = Field{"X4RTBPFW1", 0.80, FieldSource::kVisual};
  const Verified v = Verify(e, kOptions);
  ExpectMatchWithUnreadable(v, FieldName::kSurname, "low_confidence");
  EXPECT_EQ(ValueOf(v, FieldName::kSurname), "MARTIN");
  EXPECT_EQ(ValueOf(v, FieldName::kDocumentNumber), "X4RTBPFW4");
  EXPECT_EQ(SourceOf(v, FieldName::kDocumentNumber), FieldSource::kMrz);
  EXPECT_THAT(v.verification.warnings,
              Contains("surname: the printed reading differs from the MRZ's but was read with "
                       "too little confidence to stand against it; not used"));
  for (const auto& w : v.verification.warnings) EXPECT_THAT(w, Not(HasSubstr("MARTIN")));

  // Read with confidence, the same difference is an alarm; so is one whose engine gives no
  // confidence (PrintedNameThatDisagreesIsAMismatch).
  e.fields[FieldName::kSurname] = Field{"MARTINEZ", kMinConfidenceToDisagree, FieldSource::kVisual};
  EXPECT_EQ(Verify(e, kOptions).verification.mrz_matches_visual, VisualMatch::kMismatch);
}

TEST(VerifyUnreadable, ValuesThatBreakTheirFormAreNotEmitted) {
  Extraction e;
  e.fields[FieldName::kSex] = Visual("Masculin 1.80 m");
  e.fields[FieldName::kNationality] = Visual("Française 10 11 1950");
  e.fields[FieldName::kBirthDate] = Visual("31/02/1990");
  e.fields[FieldName::kGivenNames] = Visual(", .");
  const Verified v = Verify(e, kOptions);
  EXPECT_TRUE(v.document.fields.empty()) << v.document.fields.size();
  EXPECT_EQ(v.document.unreadable.size(), 4u);
  for (const auto& [name, u] : v.document.unreadable) EXPECT_EQ(u.reason, "form");
  EXPECT_THAT(v.verification.warnings,
              Contains("given_names: not a name (a digit, a sign or no letter)"));
}

TEST(VerifyMrz, InvalidMrzDateIsNotAPassAndNotCompared) {
  // Month 13 with every check digit holding: the MRZ is not valid, nothing is compared.
  Extraction e = CnieFront();
  std::string l2 = "901313" + std::to_string(mrz::CheckDigit("901313")) + "F3002119FRA<<<<<<<<<<<";
  const std::string composite =
      e.mrz_lines[0].substr(5, 25) + l2.substr(0, 7) + l2.substr(8, 7) + l2.substr(18, 11);
  e.mrz_lines[1] = l2 + std::to_string(mrz::CheckDigit(composite));
  const Verified v = Verify(e, kOptions);
  EXPECT_EQ(v.verification.mrz_check_digits, CheckDigitState::kFail);
  EXPECT_EQ(v.verification.mrz_matches_visual, VisualMatch::kNotApplicable);
  EXPECT_THAT(v.verification.warnings, Contains("mrz: birth_date breaks its form"));
  for (const auto& [name, f] : v.document.fields) EXPECT_NE(f.source, FieldSource::kMrz);
}

TEST(VerifyMrz, DocumentNumbersThatDifferOnlyByOcrConfusionsAgree) {
  Extraction e = CnieFront();
  e.fields[FieldName::kDocumentNumber] = Visual("X4RTBPFW4");
  e.fields[FieldName::kGivenNames] = Visual("O Sexe :F Maëlys");  // junk read with the name
  e.mrz_lines = kCnie2021;
  Verified v = Verify(e, kOptions);
  EXPECT_EQ(v.verification.mrz_matches_visual, VisualMatch::kMatch)
      << ::testing::PrintToString(v.verification.warnings);
  EXPECT_TRUE(v.document.unreadable.contains(FieldName::kGivenNames));
  // "20OO70177" printed, read "2000070177"-style: O and 0 are one shape to OCR.
  e.fields[FieldName::kDocumentNumber] = Visual("X4RT8PFW4");
  v = Verify(e, kOptions);
  EXPECT_EQ(v.verification.mrz_matches_visual, VisualMatch::kMatch);
  e.fields[FieldName::kDocumentNumber] = Visual("X4RTCPFW4");  // C is not B
  v = Verify(e, kOptions);
  EXPECT_EQ(v.verification.mrz_matches_visual, VisualMatch::kMismatch);
}

TEST(VerifyMrz, GermanCodesWithoutFillers) {
  Extraction e;
  e.fields[FieldName::kNationality] = Visual("DEU");
  e.mrz_lines = {"P<D<<MUSTERMANN<<ERIKA<<<<<<<<<<<<<<<<<<<<<<",
                 "C01X0006H1D<<6408125F1710319<<<<<<<<<<<<<<<0"};
  const Verified v = Verify(e, kOptions);
  EXPECT_EQ(v.document.issuing_country, "D<<");  // the schema's three characters
  EXPECT_EQ(v.verification.mrz_matches_visual, VisualMatch::kMatch)
      << ::testing::PrintToString(v.verification.warnings);
}

}  // namespace
}  // namespace jae::verify
