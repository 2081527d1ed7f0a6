#include "engine/local/mrz_decode.h"

#include <algorithm>
#include <string_view>

#include "mrz/layouts.h"

namespace jae::local {
namespace {

using Lines = std::vector<std::string>;

constexpr std::string_view kFrId1988Prefix = "IDFRA";

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsLetter(char c) { return c >= 'A' && c <= 'Z'; }

// What a position may hold: the layout's class, narrowed where the French 1988 card's
// format is stricter than its layout (the reader accepts any character in the number, but
// it is YYMM, a 3-character office code and a 5-digit serial; line 1 opens with IDFRA).
bool Allowed(const mrz::Layout& layout, int line, int pos, char c) {
  if (layout.format == MrzFormat::kFrId1988) {
    if (line == 0 && pos < static_cast<int>(kFrId1988Prefix.size())) {
      return c == kFrId1988Prefix[static_cast<size_t>(pos)];
    }
    if (line == 1 && (pos <= 3 || (pos >= 7 && pos <= 11))) return IsDigit(c);
  }
  switch (mrz::ClassAt(layout, line, pos)) {
    case mrz::PosClass::kAlpha:
      return IsLetter(c) || c == '<';
    case mrz::PosClass::kDigit:
      return IsDigit(c) || c == '<';
    case mrz::PosClass::kSex:
      return c == 'M' || c == 'F' || c == 'X' || c == '<';
    case mrz::PosClass::kAlnum:
      return true;
  }
  return true;
}

// Positions some check digit covers, the check digits included: only there can the
// checks choose between readings.
std::vector<std::vector<bool>> CheckedPositions(const mrz::Layout& layout) {
  std::vector<std::vector<bool>> checked(
      static_cast<size_t>(layout.line_count),
      std::vector<bool>(static_cast<size_t>(layout.line_length)));
  for (const mrz::CheckSpec& spec : layout.checks) {
    for (const mrz::Span& s : spec.covered) {
      for (int p = s.start; p < s.start + s.length; ++p) {
        checked[static_cast<size_t>(s.line)][static_cast<size_t>(p)] = true;
      }
    }
    checked[static_cast<size_t>(spec.check_line)][static_cast<size_t>(spec.check_pos)] = true;
  }
  return checked;
}

// The format the lines are in. A two-line, 36-character read whose first line is most of
// "IDFRA" is taken as the French 1988 card (the reader needs the exact prefix).
std::optional<MrzFormat> FormatOf(Lines& lines, const mrz::ParseOptions& as_read) {
  if (lines.size() == 2 && lines[0].size() == 36 && lines[1].size() == 36) {
    int same = 0;
    for (size_t i = 0; i < kFrId1988Prefix.size(); ++i) same += lines[0][i] == kFrId1988Prefix[i];
    if (same >= 3) lines[0].replace(0, kFrId1988Prefix.size(), kFrId1988Prefix);
  }
  auto parsed = mrz::ParseMrz(lines, as_read);
  if (!parsed.ok()) return std::nullopt;
  return parsed->format;
}

struct Change {
  size_t line;
  size_t pos;
  char to;
  float gap;
};

struct Reading {
  float cost;
  Lines lines;
};

}  // namespace

std::optional<std::vector<std::string>> DecodeWithChecks(
    const std::vector<std::string>& read, const std::vector<std::vector<CellMatch>>& cells,
    const mrz::ParseOptions& parse_options, const CheckGuidedOptions& options) {
  mrz::ParseOptions as_read = parse_options;
  as_read.correct = false;
  if (read.size() != cells.size()) return std::nullopt;
  Lines base = read;
  const auto format = FormatOf(base, as_read);
  if (!format) return std::nullopt;
  const mrz::Layout& layout = mrz::LayoutFor(*format);
  if (static_cast<int>(base.size()) != layout.line_count) return std::nullopt;
  for (size_t l = 0; l < base.size(); ++l) {
    if (static_cast<int>(base[l].size()) != layout.line_length ||
        cells[l].size() != base[l].size()) {
      return std::nullopt;
    }
  }

  // The best character each position may hold, then the runners-up worth a try.
  const auto checked = CheckedPositions(layout);
  std::vector<Change> changes;
  for (size_t l = 0; l < base.size(); ++l) {
    for (size_t p = 0; p < base[l].size(); ++p) {
      const int line = static_cast<int>(l);
      const int pos = static_cast<int>(p);
      const CellMatch& cell = cells[l][p];
      if (!Allowed(layout, line, pos, base[l][p])) {
        char best = '\0';
        float best_score = -2;
        for (int a = 0; a < kOcrbAlphabetSize; ++a) {
          const char c = kOcrbAlphabet[a];
          const float score = cell.scores[static_cast<size_t>(a)];
          if (Allowed(layout, line, pos, c) && score > best_score) {
            best = c;
            best_score = score;
          }
        }
        if (best == '\0') return std::nullopt;
        base[l][p] = best;
      }
      if (!checked[l][p]) continue;
      const float own = cell.ScoreOf(base[l][p]);
      for (int a = 0; a < kOcrbAlphabetSize; ++a) {
        const char c = kOcrbAlphabet[a];
        if (c == base[l][p] || !Allowed(layout, line, pos, c)) continue;
        const float gap = std::max(0.0f, own - cell.scores[static_cast<size_t>(a)]);
        if (gap <= options.max_gap) changes.push_back(Change{l, p, c, gap});
      }
    }
  }
  std::sort(changes.begin(), changes.end(),
            [](const Change& a, const Change& b) { return a.gap < b.gap; });
  if (changes.size() > static_cast<size_t>(options.max_candidates)) {
    changes.resize(static_cast<size_t>(options.max_candidates));
  }

  // Every set of up to max_changes changes (one per position) whose checks hold as read.
  std::vector<Reading> valid;
  std::vector<size_t> chosen;
  Lines trial = base;
  const auto visit = [&](const auto& self, size_t from, float cost) -> void {
    if (auto parsed = mrz::ParseMrz(trial, as_read); parsed.ok() && parsed->valid) {
      valid.push_back(Reading{cost, trial});
    }
    if (chosen.size() == static_cast<size_t>(options.max_changes)) return;
    for (size_t i = from; i < changes.size(); ++i) {
      const Change& c = changes[i];
      const bool same_cell = std::any_of(chosen.begin(), chosen.end(), [&](size_t k) {
        return changes[k].line == c.line && changes[k].pos == c.pos;
      });
      if (same_cell) continue;
      const char before = trial[c.line][c.pos];
      trial[c.line][c.pos] = c.to;
      chosen.push_back(i);
      self(self, i + 1, cost + c.gap);
      chosen.pop_back();
      trial[c.line][c.pos] = before;
    }
  };
  visit(visit, 0, 0.0f);
  if (valid.empty()) return std::nullopt;
  std::sort(valid.begin(), valid.end(),
            [](const Reading& a, const Reading& b) { return a.cost < b.cost; });
  for (size_t i = 1; i < valid.size(); ++i) {
    if (valid[i].cost >= valid[0].cost + options.min_margin) break;
    if (valid[i].lines != valid[0].lines) return std::nullopt;
  }
  return std::move(valid[0].lines);
}

}  // namespace jae::local
