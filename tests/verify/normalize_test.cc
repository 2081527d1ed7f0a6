#include "verify/normalize.h"

#include <gtest/gtest.h>

namespace jae::verify {
namespace {

const CivilDate kToday{2026, 11, 26};

std::string Date(std::string_view raw, DateKind kind = DateKind::kPast) {
  const auto d = NormalizeDate(raw, kind, kToday);
  return d.value ? FormatIsoDate(*d.value) : std::string("problem");
}

Problem DateProblem(std::string_view raw) {
  return NormalizeDate(raw, DateKind::kPast, kToday).problem;
}

TEST(NormalizeDate, ReadsFrenchAndIsoForms) {
  EXPECT_EQ(Date("12/03/1990"), "1990-03-12");
  EXPECT_EQ(Date("12.03.1990"), "1990-03-12");
  EXPECT_EQ(Date("12-03-1990"), "1990-03-12");
  EXPECT_EQ(Date("12 03 1990"), "1990-03-12");
  EXPECT_EQ(Date(" 2/3/1990 "), "1990-03-02");
  EXPECT_EQ(Date("1990-03-12"), "1990-03-12");
  EXPECT_EQ(Date("1990/03/12"), "1990-03-12");
  EXPECT_EQ(Date("19900312"), "1990-03-12");
  EXPECT_EQ(Date("12031990"), "1990-03-12");
}

TEST(NormalizeDate, ReadsMonthNames) {
  EXPECT_EQ(Date("12 mars 1990"), "1990-03-12");
  EXPECT_EQ(Date("12 MARS 1990"), "1990-03-12");
  EXPECT_EQ(Date("1er août 2001"), "2001-08-01");
  EXPECT_EQ(Date("3 FÉVRIER 2010"), "2010-02-03");
  EXPECT_EQ(Date("12 déc. 1990"), "1990-12-12");
  EXPECT_EQ(Date("7 juil 1985"), "1985-07-07");
  EXPECT_EQ(Date("March 12, 1990"), "1990-03-12");
  EXPECT_EQ(Date("12 Mar 1990"), "1990-03-12");
  // Bilingual documents name the month twice; two different months are no date.
  EXPECT_EQ(Date("02 JUIN/JUN 1973"), "1973-06-02");
  EXPECT_EQ(Date("26 FÉVR./FEB 1960"), "1960-02-26");
  EXPECT_EQ(Date("02 JUIN/JUL 1973"), "problem");
  // Its '/' read as a letter; an ICAO page's year of two digits.
  EXPECT_EQ(Date("23 APR R AVR 12"), "2012-04-23");
  EXPECT_EQ(Date("20 MAY /MAI 95"), "1995-05-20");
  EXPECT_EQ(Date("23 APR R JUN 12"), "problem");
}

TEST(NormalizeDate, ResolvesTwoDigitYearsByKind) {
  EXPECT_EQ(Date("12/03/90"), "1990-03-12");
  EXPECT_EQ(Date("12/03/20"), "2020-03-12");
  EXPECT_EQ(Date("12/12/26"), "1926-12-12");  // a birth cannot be after today
  EXPECT_EQ(Date("12/03/30", DateKind::kFuture), "2030-03-12");
  EXPECT_EQ(Date("12/03/99", DateKind::kFuture), "2099-03-12");
}

TEST(NormalizeDate, TellsImpossibleDatesFromNonDates) {
  EXPECT_EQ(DateProblem("31/02/1990"), Problem::kInvalidDate);
  EXPECT_EQ(DateProblem("29/02/2001"), Problem::kInvalidDate);
  EXPECT_EQ(DateProblem("12/13/1990"), Problem::kInvalidDate);
  EXPECT_EQ(DateProblem("00/01/1990"), Problem::kInvalidDate);
  EXPECT_EQ(DateProblem("12/03/1790"), Problem::kInvalidDate);
  EXPECT_EQ(DateProblem("29/02/2000"), Problem::kNone);
  EXPECT_EQ(DateProblem("hello"), Problem::kNotADate);
  EXPECT_EQ(DateProblem(""), Problem::kNotADate);
  EXPECT_EQ(DateProblem("12 foo 1990"), Problem::kNotADate);
  EXPECT_EQ(DateProblem("12/03"), Problem::kNotADate);
  EXPECT_EQ(DateProblem("123/03/1990"), Problem::kNotADate);
  EXPECT_EQ(DateProblem("12/03/19900"), Problem::kNotADate);
  EXPECT_EQ(DateProblem("1/2/3/4"), Problem::kNotADate);
  EXPECT_EQ(DateProblem(std::string(5000, '9')), Problem::kNotADate);
}

TEST(NormalizeSex, MapsFrenchAndEnglishWords) {
  for (const char* f : {"F", "f", "Féminin", "FEMININ", "Femme", "female"}) {
    EXPECT_EQ(NormalizeSex(f).value, "F") << f;
  }
  for (const char* m : {"M", "H", "Masculin", "homme", "Male"}) {
    EXPECT_EQ(NormalizeSex(m).value, "M") << m;
  }
  EXPECT_EQ(NormalizeSex("X").value, "X");
  EXPECT_EQ(NormalizeSex("<").value, "X");
  EXPECT_EQ(NormalizeSex("Q").problem, Problem::kNotRecognised);
  EXPECT_FALSE(NormalizeSex("Q").value);
}

TEST(NormalizeLicenceNumber, SevenDigitsAndALetter) {
  EXPECT_EQ(NormalizeLicenceNumber("1234567 A").value, "1234567A");
  EXPECT_EQ(NormalizeLicenceNumber(" 1234567a ").value, "1234567A");
  EXPECT_EQ(NormalizeLicenceNumber("1234567-A").problem, Problem::kNone);
  const auto odd = NormalizeLicenceNumber("123 456");
  EXPECT_EQ(odd.problem, Problem::kNotRecognised);
  EXPECT_EQ(odd.value, "123456");
}

TEST(NormalizeClubNumber, DigitsOnly) {
  EXPECT_EQ(NormalizeClubNumber("5775 0123").value, "57750123");
  EXPECT_EQ(NormalizeClubNumber("57.75.01.23").value, "57750123");
  EXPECT_EQ(NormalizeClubNumber("57AB").problem, Problem::kNotRecognised);
  EXPECT_FALSE(NormalizeClubNumber("").value);
}

TEST(NormalizeRanking, AcceptsTheLadder) {
  EXPECT_EQ(NormalizeRanking("30/5").value, "30/5");
  EXPECT_EQ(NormalizeRanking(" 15 / 2 ").value, "15/2");
  EXPECT_EQ(NormalizeRanking("-2/6").value, "-2/6");
  EXPECT_EQ(NormalizeRanking("\xE2\x88\x92"
                             "4/6")
                .value,
            "-4/6");  // U+2212 minus
  EXPECT_EQ(NormalizeRanking("0").value, "0");
  EXPECT_EQ(NormalizeRanking("-15").value, "-15");
  EXPECT_EQ(NormalizeRanking("40").value, "40");
  EXPECT_EQ(NormalizeRanking("nc").value, "NC");
  EXPECT_EQ(NormalizeRanking("Non classé").value, "NC");
  EXPECT_EQ(NormalizeRanking("ND").value, "ND");
  EXPECT_EQ(NormalizeRanking("N°12").value,
            "N\xC2\xB0"
            "12");
  EXPECT_EQ(NormalizeRanking("Nº 100").value,
            "N\xC2\xB0"
            "100");
  EXPECT_EQ(NormalizeRanking("n 3").value,
            "N\xC2\xB0"
            "3");
}

TEST(NormalizeRanking, FlagsValuesOffTheLadder) {
  for (const char* bad : {"35", "30/6", "15/0", "N°150", "N°0", "A", "-3/6", "40/3"}) {
    const auto r = NormalizeRanking(bad);
    EXPECT_EQ(r.problem, Problem::kNotRecognised) << bad;
    EXPECT_TRUE(r.value) << bad;  // kept, with a warning from Verify
  }
}

TEST(NormalizeSeason, GivesTheEndYear) {
  EXPECT_EQ(NormalizeSeason("2026").value, "2026");
  EXPECT_EQ(NormalizeSeason("2025/2026").value, "2026");
  EXPECT_EQ(NormalizeSeason("2025 - 2026").value, "2026");
  EXPECT_EQ(NormalizeSeason("2025-26").value, "2026");
  EXPECT_EQ(NormalizeSeason("2025/2027").problem, Problem::kNotRecognised);
  EXPECT_EQ(NormalizeSeason("saison").problem, Problem::kNotRecognised);
}

TEST(NormalizeCountryCode, IcaoCodes) {
  EXPECT_EQ(NormalizeCountryCode("fra").value, "FRA");
  EXPECT_EQ(NormalizeCountryCode("D<<").value, "D");                        // fillers stripped
  EXPECT_EQ(NormalizeCountryCode("QQQ").problem, Problem::kNotRecognised);  // not on the list
  EXPECT_EQ(NormalizeCountryCode("Française 10 11 1950").problem, Problem::kNotRecognised);
  // A nationality's word names its state, in French or English, either gender.
  EXPECT_EQ(NormalizeCountryCode("MAROCAINE").value, "MAR");
  EXPECT_EQ(NormalizeCountryCode("Algérien").value, "DZA");
  EXPECT_EQ(NormalizeCountryCode("Allemande").value, "D");
  EXPECT_EQ(NormalizeCountryCode("PORTUGAISE / PORTUGUESE").value, "PRT");
  EXPECT_EQ(NormalizeCountryCode("Sénégalaise").value, "SEN");
  EXPECT_EQ(NormalizeCountryCode("Marocaine / Algerian").problem, Problem::kNotRecognised);
  EXPECT_EQ(NormalizeCountryCode("Congolaise").problem, Problem::kNotRecognised);  // COG or COD
  EXPECT_EQ(NormalizeCountryCode("Nigérien").value, "NER");
  EXPECT_EQ(NormalizeCountryCode("Nigérian").value, "NGA");
  EXPECT_EQ(NormalizeCountryCode("Française").value, "FRA");
  // The English word, and both as a bilingual page prints them; never two nationalities.
  EXPECT_EQ(NormalizeCountryCode("French").value, "FRA");
  EXPECT_EQ(NormalizeCountryCode("FRANÇAISE / FRENCH").value, "FRA");
  EXPECT_EQ(NormalizeCountryCode("FRANÇAISE / ITALIENNE").problem, Problem::kNotRecognised);
  EXPECT_EQ(NormalizeCountryCode("Frenchman").problem, Problem::kNotRecognised);
}

TEST(NormalizeDocumentNumber, UpperCaseNoSpaces) {
  EXPECT_EQ(NormalizeDocumentNumber(" x4rt bpfw4 "), "X4RTBPFW4");
}

}  // namespace
}  // namespace jae::verify
