// Check-guided decoding of OCR-B reads, on hand-made template scores.
#include "engine/local/mrz_decode.h"

#include <gtest/gtest.h>

#include <cstring>

namespace jae::local {
namespace {

// The ICAO 9303 specimen (every check holds).
const std::vector<std::string> kTruth = {"P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
                                         "L898902C36UTO7408122F1204159ZE184226B<<<<<10"};

size_t IndexOf(char c) {
  return static_cast<size_t>(std::strchr(kOcrbAlphabet, c) - kOcrbAlphabet);
}

// Cells where the character read scores 0.9 and every other template 0.3.
std::vector<std::vector<CellMatch>> ConfidentCells(const std::vector<std::string>& read) {
  std::vector<std::vector<CellMatch>> cells;
  for (const auto& line : read) {
    std::vector<CellMatch> row;
    for (char c : line) {
      CellMatch m;
      m.scores.fill(0.3f);
      m.scores[IndexOf(c)] = 0.9f;
      row.push_back(m);
    }
    cells.push_back(row);
  }
  return cells;
}

mrz::ParseOptions Today() {
  mrz::ParseOptions o;
  o.today = {2026, 11, 26};
  return o;
}

TEST(MrzDecodeTest, TakesTheRunnerUpThatMakesTheChecksHold) {
  // The birth date's last 2 read as 3 (the 2 close behind): the birth-date check and the
  // composite fail as read.
  ASSERT_EQ(kTruth[1][18], '2');
  std::vector<std::string> read = kTruth;
  read[1][18] = '3';
  auto cells = ConfidentCells(read);
  cells[1][18].scores[IndexOf('2')] = 0.88f;
  auto decoded = DecodeWithChecks(read, cells, Today());
  ASSERT_TRUE(decoded.has_value());
  EXPECT_EQ(*decoded, kTruth);
}

TEST(MrzDecodeTest, APositionGetsTheBestCharacterItsLayoutAllows) {
  // An O in the expiry date is no letter: the best digit there is the 0 scored second,
  // however far behind.
  ASSERT_EQ(kTruth[1][23], '0');
  std::vector<std::string> read = kTruth;
  read[1][23] = 'O';
  auto cells = ConfidentCells(read);
  cells[1][23].scores[IndexOf('0')] = 0.5f;
  auto decoded = DecodeWithChecks(read, cells, Today());
  ASSERT_TRUE(decoded.has_value());
  EXPECT_EQ(*decoded, kTruth);
}

TEST(MrzDecodeTest, TwoReadingsAsCheapAsEachOtherAreNoAnswer) {
  // The document number's 8 read as 5, with 8 and S close behind: S (28) weighs like 8
  // in every check, so both readings hold them and nothing can choose.
  std::vector<std::string> read = kTruth;
  read[1][3] = '5';
  auto cells = ConfidentCells(read);
  cells[1][3].scores[IndexOf('8')] = 0.89f;
  cells[1][3].scores[IndexOf('S')] = 0.89f;
  EXPECT_FALSE(DecodeWithChecks(read, cells, Today()).has_value());
  // With S clearly behind, 8 is the answer.
  cells[1][3].scores[IndexOf('S')] = 0.8f;
  auto decoded = DecodeWithChecks(read, cells, Today());
  ASSERT_TRUE(decoded.has_value());
  EXPECT_EQ(*decoded, kTruth);
}

TEST(MrzDecodeTest, NothingWhenTheNeededChangeScoredFarBehind) {
  std::vector<std::string> read = kTruth;
  read[1][18] = '3';
  auto cells = ConfidentCells(read);  // the 2 at 0.3: 0.6 behind
  EXPECT_FALSE(DecodeWithChecks(read, cells, Today()).has_value());
}

TEST(MrzDecodeTest, NothingForWhatIsNoMrzLayout) {
  const std::vector<std::string> read = {"HELLO", "WORLD"};
  EXPECT_FALSE(DecodeWithChecks(read, ConfidentCells(read), Today()).has_value());
  // Cells that do not match the lines are refused, not read out of bounds.
  EXPECT_FALSE(DecodeWithChecks(kTruth, {}, Today()).has_value());
}

}  // namespace
}  // namespace jae::local
