// Parsing: hygiene → format → check digits → (correction) → fields.
#include "mrz/mrz.h"

#include <algorithm>
#include <cctype>

#include "mrz/confusions.h"
#include "mrz/forms.h"
#include "mrz/layouts.h"

namespace jae::mrz {
namespace {

using Lines = std::vector<std::string>;

bool IsMrzChar(char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '<'; }

std::string Describe(char c) {
  const auto u = static_cast<unsigned char>(c);
  if (u >= 0x21 && u < 0x7f) return std::string("'") + c + "'";
  char buf[8];
  std::snprintf(buf, sizeof buf, "0x%02X", u);
  return buf;
}

// Upper-cases, drops white space inside and around. Non-ASCII bytes are kept so that
// the character check can name them.
std::string CleanLine(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  for (char c : raw) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v') continue;
    out.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
  }
  return out;
}

// Brings a line to `length`: pads a line up to two characters short with '<', drops
// surplus trailing fillers. Returns false if that is not enough.
bool FitLength(std::string& line, int length) {
  const int n = static_cast<int>(line.size());
  if (n == length) return true;
  if (n < length) {
    if (length - n > 2) return false;
    line.append(length - n, '<');
    return true;
  }
  for (int i = length; i < n; ++i) {
    if (line[i] != '<') return false;
  }
  line.resize(length);
  return true;
}

StatusOr<MrzFormat> DetectFormat(const Lines& lines) {
  const auto len = [&](int i) { return static_cast<int>(lines[i].size()); };
  const auto near = [](int n, int target) { return n >= target - 2; };
  if (lines.size() == 3) return MrzFormat::kTD1;
  if (lines.size() == 1) {
    if (near(len(0), 30) && len(0) <= 36) return MrzFormat::kFrDl;
    return InvalidArgumentError("one line of " + std::to_string(len(0)) +
                                " characters is not an MRZ (a single line must be a French "
                                "driving licence, 30 characters)");
  }
  if (lines.size() == 2) {
    const int longest = std::max(len(0), len(1));
    const bool visa = !lines[0].empty() && lines[0][0] == 'V';
    if (longest > 38) return visa ? MrzFormat::kMRVA : MrzFormat::kTD3;
    if (lines[0].starts_with("IDFRA")) return MrzFormat::kFrId1988;
    return visa ? MrzFormat::kMRVB : MrzFormat::kTD2;
  }
  return InvalidArgumentError("an MRZ has 1, 2 or 3 lines; got " + std::to_string(lines.size()));
}

// The text a check covers and the character holding its digit.
struct BoundCheck {
  const CheckSpec* spec;
  std::vector<Span> covered;
  int check_line;
  int check_pos;
};

// Long document numbers (ICAO 9303-5 §4.2.2 for TD1, 9303-6 for TD2): a number longer
// than 9 characters has '<' in the check digit position; the rest of the number follows
// at the start of the optional data, then its check digit, then a filler. The check digit
// covers the whole number (the 9 characters and the rest, not the '<' between them).
struct Overflow {
  int line = 0;
  int start = 0;   // first character of the rest of the number
  int length = 0;  // rest of the number, without its check digit
};

std::optional<Overflow> LongNumber(MrzFormat format, const Lines& lines) {
  int line, check, start, end;
  if (format == MrzFormat::kTD1) {
    line = 0, check = 14, start = 15, end = 30;
  } else if (format == MrzFormat::kTD2) {
    line = 1, check = 9, start = 28, end = 35;
  } else {
    return std::nullopt;
  }
  const std::string& l = lines[line];
  if (l[check] != '<' || l[start] == '<') return std::nullopt;
  int stop = start;
  while (stop < end && l[stop] != '<') ++stop;
  // lines[line][start..stop) is the rest of the number followed by its check digit.
  if (stop - start < 2) return std::nullopt;
  return Overflow{line, start, stop - start - 1};
}

std::vector<BoundCheck> BindChecks(const Layout& layout, const Lines& lines) {
  std::vector<BoundCheck> out;
  const auto overflow = LongNumber(layout.format, lines);
  for (const CheckSpec& spec : layout.checks) {
    BoundCheck b{&spec, spec.covered, spec.check_line, spec.check_pos};
    if (overflow && spec.name == "document_number") {
      b.covered.push_back({overflow->line, overflow->start, overflow->length});
      b.check_line = overflow->line;
      b.check_pos = overflow->start + overflow->length;
    }
    out.push_back(std::move(b));
  }
  return out;
}

std::string Gather(const Lines& lines, const std::vector<Span>& spans) {
  std::string text;
  for (const Span& s : spans) text.append(lines[s.line], s.start, s.length);
  return text;
}

bool CheckHolds(const Lines& lines, const BoundCheck& b) {
  const std::string text = Gather(lines, b.covered);
  const char digit = lines[b.check_line][b.check_pos];
  if (b.spec->filler_ok_when_empty && digit == '<' &&
      std::all_of(text.begin(), text.end(), [](char c) { return c == '<'; })) {
    return true;
  }
  const int expected = CheckDigit(text);
  return expected >= 0 && digit == static_cast<char>('0' + expected);
}

std::vector<std::string> FailedChecks(const Layout& layout, const Lines& lines) {
  std::vector<std::string> failed;
  for (const BoundCheck& b : BindChecks(layout, lines)) {
    if (!CheckHolds(lines, b)) failed.emplace_back(b.spec->name);
  }
  return failed;
}

struct Edit {
  int line;
  int pos;
  char to;
};

bool FitsClass(PosClass cls, char c) {
  switch (cls) {
    case PosClass::kDigit:
      return (c >= '0' && c <= '9') || c == '<';
    case PosClass::kAlpha:
      return (c >= 'A' && c <= 'Z') || c == '<';
    case PosClass::kSex:
      return c == 'M' || c == 'F' || c == 'X' || c == '<';
    case PosClass::kAlnum:
      return true;
  }
  return true;
}

// Letters in digit-only positions can only be misread digits, and each maps to exactly
// one digit. Digits in letter-only positions are misread letters too, but '0' may be O,
// D or Q: where a check digit covers the position, it is left for the check to decide
// (RepairsFor); elsewhere (names) the likeliest letter is taken.
void CoerceByClass(const Layout& layout, const std::vector<BoundCheck>& bound, Lines& lines) {
  const auto checked = [&](int line, int pos) {
    for (const BoundCheck& b : bound) {
      for (const Span& s : b.covered) {
        if (s.line == line && pos >= s.start && pos < s.start + s.length) return true;
      }
    }
    return false;
  };
  for (int l = 0; l < layout.line_count; ++l) {
    for (int p = 0; p < layout.line_length; ++p) {
      char& c = lines[l][p];
      switch (ClassAt(layout, l, p)) {
        case PosClass::kDigit:
          if (const char d = LetterAsDigit(c)) c = d;
          break;
        case PosClass::kAlpha:
          if (c == '0' && checked(l, p)) break;
          if (const char a = DigitAsLetter(c)) c = a;
          break;
        case PosClass::kSex:
        case PosClass::kAlnum:
          break;
      }
    }
  }
}

bool Holds(const MrzFormat format, const Layout& layout, const Lines& lines) {
  return FailedChecks(layout, lines).empty() && FormProblems(format, lines).empty();
}

// The candidate changes for one failing check.
//
// A character its position cannot hold (a letter among digits left after coercion, a
// digit in a checked name) is certainly misread: the change is there, along the
// confusions. Otherwise the misread character could be anywhere in the field or be its
// check digit, and be any character: every single change that the position allows and
// that makes the check hold is a candidate, confusion or not, so that Repair can demand
// that exactly one of them survives the other checks and the forms.
std::vector<Edit> CandidatesFor(const Layout& layout, const Lines& lines, const BoundCheck& b,
                                bool& forced) {
  std::vector<std::pair<int, int>> positions;
  std::vector<std::pair<int, int>> misfits;
  for (const Span& s : b.covered) {
    for (int p = s.start; p < s.start + s.length; ++p) {
      positions.emplace_back(s.line, p);
      if (!FitsClass(ClassAt(layout, s.line, p), lines[s.line][p])) misfits.emplace_back(s.line, p);
    }
  }
  forced = !misfits.empty();
  if (misfits.size() > 1) return {};
  std::vector<Edit> edits;
  Lines trial = lines;
  const auto try_char = [&](int line, int p, char alt) {
    if (alt == lines[line][p] || !FitsClass(ClassAt(layout, line, p), alt)) return;
    trial[line][p] = alt;
    if (CheckHolds(trial, b)) edits.push_back({line, p, alt});
    trial[line][p] = lines[line][p];
  };
  if (forced) {
    const auto [line, p] = misfits.front();
    for (char alt : AlnumAlternatives(lines[line][p])) try_char(line, p, alt);
    return edits;
  }
  positions.emplace_back(b.check_line, b.check_pos);
  static constexpr std::string_view kAll = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ<";
  for (const auto& [line, p] : positions) {
    for (char alt : kAll) try_char(line, p, alt);
  }
  return edits;
}

bool IsConfusion(char from, char to) {
  return AlnumAlternatives(from).find(to) != std::string_view::npos;
}

// Tries to make every check hold and every field respect its form; succeeds only if
// exactly one repaired MRZ results and each of its changes undoes a known OCR confusion.
// Returns the repaired lines or nullopt, and says why in `rule`.
//
// Letters in digit positions (and digits in letter positions) are certain misreadings
// and are mapped first. A wrong character in a free position can only be found through
// the check digits; that is trusted only when the layout has a composite check (without
// one, a misread check digit explains the failure just as well) and when no other
// single change would do: in TD1, TD2 and TD3 the composite weighs the document number
// exactly as its own check does, so it cannot tell 'O' from '0', 'A', 'K' or 'U' there.
std::optional<Lines> Repair(const Layout& layout, const Lines& original, std::string& rule) {
  Lines base = original;
  CoerceByClass(layout, BindChecks(layout, base), base);
  const auto bound = BindChecks(layout, base);
  std::vector<std::vector<Edit>> choices;
  for (const BoundCheck& b : bound) {
    if (b.spec->name == "composite" || CheckHolds(base, b)) continue;
    if (!layout.has_composite) {
      rule = "repair refused: no composite check digit to confirm a repair in this layout";
      return std::nullopt;
    }
    bool forced = false;
    auto edits = CandidatesFor(layout, base, b, forced);
    if (edits.empty()) {
      rule = "repair refused: no single change along the OCR confusions makes the " +
             std::string(b.spec->name) + " check hold";
      return std::nullopt;
    }
    choices.push_back(std::move(edits));
  }
  std::size_t combos = 1;
  for (const auto& c : choices) {
    combos *= c.size();
    if (combos > 20000) {
      rule = "repair refused: too many possible repairs";
      return std::nullopt;
    }
  }
  std::optional<Lines> found;
  std::size_t count = 0;
  bool confusions_only = true;
  for (std::size_t k = 0; k < combos; ++k) {
    Lines trial = base;
    std::size_t rest = k;
    bool along_confusions = true;
    for (const auto& c : choices) {
      const Edit& e = c[rest % c.size()];
      along_confusions = along_confusions && IsConfusion(trial[e.line][e.pos], e.to);
      trial[e.line][e.pos] = e.to;
      rest /= c.size();
    }
    if (!Holds(layout.format, layout, trial)) continue;
    ++count;
    confusions_only = along_confusions;
    found = std::move(trial);
  }
  if (count == 0 && choices.empty()) {
    // No field check to guide a change: only letters/digits coerced by position.
    rule = FailedChecks(layout, base).empty()
               ? "no repair: a field breaks its form and no check digit says what it should be"
               : "repair refused: only the composite check fails, it cannot say where";
    return std::nullopt;
  }
  if (count != 1) {
    rule = count == 0 ? "repair refused: no repair makes every check hold with every field in "
                        "its form"
                      : "repair refused: " + std::to_string(count) +
                            " different single-character repairs respect the checks and the "
                            "field forms (not unique)";
    return std::nullopt;
  }
  if (!confusions_only) {
    rule = "repair refused: the only repair that makes the checks hold is not an OCR confusion";
    return std::nullopt;
  }
  rule = "repaired: the only change respecting every check and field form, along OCR confusions";
  return found;
}

// --- field extraction ---

std::string Slice(const std::string& line, int start, int length) {
  return line.substr(start, length);
}

std::string StripFillers(std::string_view s) {
  std::string out(s);
  while (!out.empty() && out.back() == '<') out.pop_back();
  while (!out.empty() && out.front() == '<') out.erase(out.begin());
  return out;
}

// '<' runs become single spaces: "DE<LA<TOUR" → "DE LA TOUR", "HERVE<<DJAMEL" → "HERVE DJAMEL".
std::string FillersToSpaces(std::string_view s) {
  std::string out;
  for (char c : StripFillers(s)) {
    if (c == '<') {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  return out;
}

void SplitName(std::string_view field, std::string& surname, std::string& given) {
  const auto sep = field.find("<<");
  if (sep == std::string_view::npos) {
    surname = FillersToSpaces(field);
    given.clear();
    return;
  }
  surname = FillersToSpaces(field.substr(0, sep));
  given = FillersToSpaces(field.substr(sep + 2));
}

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// YYMMDD → a date; `past` selects the latest century not after today (births),
// otherwise 20YY unless that is more than 50 years ahead (expiries of old documents).
std::optional<CivilDate> ResolveDate(std::string_view yymmdd, const CivilDate& today, bool past,
                                     std::string_view name, std::vector<std::string>& warnings) {
  if (!AllDigits(yymmdd) || yymmdd.size() != 6) {
    if (yymmdd.find_first_not_of('<') != std::string_view::npos || yymmdd.size() != 6) {
      warnings.push_back(std::string(name) + ": not a date");
    } else {
      warnings.push_back(std::string(name) + ": unknown");
    }
    return std::nullopt;
  }
  const int yy = (yymmdd[0] - '0') * 10 + (yymmdd[1] - '0');
  const int mm = (yymmdd[2] - '0') * 10 + (yymmdd[3] - '0');
  const int dd = (yymmdd[4] - '0') * 10 + (yymmdd[5] - '0');
  int year = 2000 + yy;
  if (past) {
    if (CivilDate{year, mm, dd} > today) year -= 100;
  } else if (year > today.year + 50) {
    year -= 100;
  }
  if (!IsValidCivilDate(year, mm, dd)) {
    warnings.push_back(std::string(name) + ": not a valid date");
    return std::nullopt;
  }
  return CivilDate{year, mm, dd};
}

std::string SexOf(char c) {
  switch (c) {
    case 'M':
      return "M";
    case 'F':
      return "F";
    case 'X':
    case '<':
      return "X";  // unspecified
    default:
      return "";  // not a sex: a form problem, no value
  }
}

MrzData ExtractData(MrzFormat format, const Lines& lines, const CivilDate& today,
                    std::vector<std::string>& warnings) {
  MrzData d;
  const std::string& l1 = lines[0];
  switch (format) {
    case MrzFormat::kTD3:
    case MrzFormat::kMRVA:
    case MrzFormat::kTD2:
    case MrzFormat::kMRVB: {
      const std::string& l2 = lines[1];
      const int width = static_cast<int>(l1.size());
      d.document_code = Slice(l1, 0, 2);
      d.issuing_state = StripFillers(Slice(l1, 2, 3));
      SplitName(std::string_view(l1).substr(5), d.surname, d.given_names);
      d.document_number = StripFillers(Slice(l2, 0, 9));
      d.nationality = StripFillers(Slice(l2, 10, 3));
      d.birth_date = ResolveDate(Slice(l2, 13, 6), today, true, "birth_date", warnings);
      d.sex = SexOf(l2[20]);
      d.expiry_date = ResolveDate(Slice(l2, 21, 6), today, false, "expiry_date", warnings);
      if (format == MrzFormat::kTD3) {
        d.personal_number = StripFillers(Slice(l2, 28, 14));
      } else if (const auto overflow = LongNumber(format, lines)) {
        d.document_number = Slice(l2, 0, 9) + Slice(l2, overflow->start, overflow->length);
        d.optional_data = StripFillers(Slice(l2, overflow->start + overflow->length + 1,
                                             35 - (overflow->start + overflow->length + 1)));
      } else {
        d.optional_data =
            StripFillers(Slice(l2, 28, (format == MrzFormat::kTD2 ? 35 : width) - 28));
      }
      break;
    }
    case MrzFormat::kTD1: {
      const std::string& l2 = lines[1];
      d.document_code = Slice(l1, 0, 2);
      d.issuing_state = StripFillers(Slice(l1, 2, 3));
      std::string optional1 = Slice(l1, 15, 15);
      d.document_number = StripFillers(Slice(l1, 5, 9));
      if (const auto overflow = LongNumber(format, lines)) {
        d.document_number = Slice(l1, 5, 9) + Slice(l1, overflow->start, overflow->length);
        optional1 = Slice(l1, overflow->start + overflow->length + 1,
                          30 - (overflow->start + overflow->length + 1));
      }
      d.optional_data = StripFillers(optional1);
      const std::string optional2 = StripFillers(Slice(l2, 18, 11));
      if (!optional2.empty()) {
        d.optional_data += (d.optional_data.empty() ? "" : " ") + optional2;
      }
      d.birth_date = ResolveDate(Slice(l2, 0, 6), today, true, "birth_date", warnings);
      d.sex = SexOf(l2[7]);
      d.expiry_date = ResolveDate(Slice(l2, 8, 6), today, false, "expiry_date", warnings);
      d.nationality = StripFillers(Slice(l2, 15, 3));
      SplitName(lines[2], d.surname, d.given_names);
      break;
    }
    case MrzFormat::kFrId1988: {
      const std::string& l2 = lines[1];
      d.document_code = Slice(l1, 0, 2);
      d.issuing_state = StripFillers(Slice(l1, 2, 3));
      d.surname = FillersToSpaces(Slice(l1, 5, 25));
      d.optional_data = StripFillers(Slice(l1, 30, 6));  // administrative code
      d.document_number = Slice(l2, 0, 12);
      d.issuing_office = StripFillers(Slice(l2, 4, 3));
      d.given_names = FillersToSpaces(Slice(l2, 13, 14));
      d.birth_date = ResolveDate(Slice(l2, 27, 6), today, true, "birth_date", warnings);
      d.sex = SexOf(l2[34]);
      const std::string yymm = Slice(l2, 0, 4);
      std::vector<std::string> ignored;
      d.issue_month = ResolveDate(yymm + "01", today, true, "issue_date", ignored);
      break;
    }
    case MrzFormat::kFrDl: {
      d.document_code = Slice(l1, 0, 2);
      d.issuing_state = StripFillers(Slice(l1, 2, 3));
      d.document_number = StripFillers(Slice(l1, 5, 9));
      // cheminfo/mrz calls this the expiry date; no official specification was found.
      d.expiry_date = ResolveDate(Slice(l1, 15, 6), today, false, "expiry_date", warnings);
      d.surname = FillersToSpaces(Slice(l1, 21, 8));
      break;
    }
  }
  return d;
}

}  // namespace

StatusOr<ParsedMrz> ParseMrz(const std::vector<std::string>& raw_lines,
                             const ParseOptions& options) {
  Lines lines;
  for (const auto& raw : raw_lines) {
    std::string line = CleanLine(raw);
    if (!line.empty()) lines.push_back(std::move(line));
  }
  if (lines.empty()) return InvalidArgumentError("no MRZ lines given");
  if (lines.size() > 3) {
    return InvalidArgumentError("an MRZ has 1, 2 or 3 lines; got " + std::to_string(lines.size()));
  }
  for (std::size_t i = 0; i < lines.size(); ++i) {
    for (std::size_t p = 0; p < lines[i].size(); ++p) {
      if (!IsMrzChar(lines[i][p])) {
        return InvalidArgumentError("line " + std::to_string(i + 1) + ", position " +
                                    std::to_string(p + 1) + ": character " + Describe(lines[i][p]) +
                                    " is not allowed in an MRZ (A-Z, 0-9, <)");
      }
    }
  }
  auto format = DetectFormat(lines);
  if (!format.ok()) return format.status();
  const Layout& layout = LayoutFor(*format);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const int got = static_cast<int>(lines[i].size());
    if (!FitLength(lines[i], layout.line_length)) {
      return InvalidArgumentError("line " + std::to_string(i + 1) + " has " + std::to_string(got) +
                                  " characters; a " + std::string(ToString(*format)) +
                                  " line has " + std::to_string(layout.line_length));
    }
  }

  ParsedMrz parsed;
  parsed.format = *format;
  parsed.failed_checks = FailedChecks(layout, lines);
  parsed.form_problems = FormProblems(*format, lines);
  const bool held_as_read = parsed.failed_checks.empty() && parsed.form_problems.empty();
  if (LongNumber(*format, lines)) {
    parsed.decided_by.push_back(
        "long document number: '<' at the check digit position, the rest of the number and its "
        "check digit in the optional data (ICAO 9303)");
  }
  const auto note_corrections = [&](const Lines& repaired) {
    for (int l = 0; l < layout.line_count; ++l) {
      for (int p = 0; p < layout.line_length; ++p) {
        if (lines[l][p] != repaired[l][p]) {
          parsed.corrections.push_back("line " + std::to_string(l + 1) + " pos " +
                                       std::to_string(p + 1) + ": " + lines[l][p] + "->" +
                                       repaired[l][p]);
        }
      }
    }
  };
  if (!held_as_read && options.correct) {
    std::string rule;
    if (auto repaired = Repair(layout, lines, rule)) {
      note_corrections(*repaired);
      lines = std::move(*repaired);
      parsed.corrected = true;
      parsed.failed_checks.clear();
      parsed.form_problems.clear();
    }
    parsed.decided_by.push_back(rule);
  } else if (held_as_read && options.correct) {
    // All checks hold; digits inside names can still only be misread letters.
    Lines coerced = lines;
    CoerceByClass(layout, BindChecks(layout, lines), coerced);
    if (coerced != lines && Holds(*format, layout, coerced)) {
      note_corrections(coerced);
      lines = std::move(coerced);
      parsed.corrected = true;
      parsed.decided_by.push_back(
          "digits in name fields read as the letters they resemble (no check digit involved)");
    }
  }
  parsed.valid = parsed.failed_checks.empty() && parsed.form_problems.empty();
  if (parsed.valid) {
    parsed.decided_by.insert(parsed.decided_by.begin(),
                             "valid: every check digit holds and every field has its form");
  } else {
    std::string why = "invalid:";
    for (const auto& c : parsed.failed_checks) why += " " + c + " check digit fails;";
    for (const auto& f : parsed.form_problems) why += " " + f + " breaks its form;";
    why.pop_back();
    parsed.decided_by.insert(parsed.decided_by.begin(), why);
  }
  parsed.data = ExtractData(*format, lines, options.today, parsed.warnings);
  parsed.lines = std::move(lines);
  return parsed;
}

StatusOr<ParsedMrz> ParseMrzText(std::string_view text, const ParseOptions& options) {
  Lines candidates;
  std::size_t start = 0;
  while (start <= text.size()) {
    auto end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string line = CleanLine(text.substr(start, end - start));
    if (!line.empty()) candidates.push_back(std::move(line));
    start = end + 1;
  }
  if (candidates.size() <= 3) return ParseMrz(candidates, options);
  // An OCR block: the MRZ is the last two or three lines of MRZ length.
  Lines mrz_like;
  for (const auto& line : candidates) {
    if (line.size() >= 28 && line.size() <= 46 &&
        std::all_of(line.begin(), line.end(), IsMrzChar)) {
      mrz_like.push_back(line);
    }
  }
  for (std::size_t take : {3u, 2u}) {
    if (mrz_like.size() >= take) {
      Lines tail(mrz_like.end() - take, mrz_like.end());
      auto parsed = ParseMrz(tail, options);
      if (parsed.ok()) return parsed;
    }
  }
  return InvalidArgumentError("no MRZ found in " + std::to_string(candidates.size()) + " lines");
}

Fields ToResultFields(const MrzData& d) {
  Fields f;
  const auto put = [&f](FieldName name, const std::string& value) {
    if (!value.empty()) f[name] = Field{value, std::nullopt, FieldSource::kMrz};
  };
  put(FieldName::kSurname, d.surname);
  put(FieldName::kGivenNames, d.given_names);
  if (d.birth_date) put(FieldName::kBirthDate, FormatIsoDate(*d.birth_date));
  put(FieldName::kSex, d.sex);
  if (d.nationality.find_first_not_of('<') != std::string::npos) {
    put(FieldName::kNationality, d.nationality);
  }
  put(FieldName::kDocumentNumber, d.document_number);
  if (d.expiry_date) put(FieldName::kExpiryDate, FormatIsoDate(*d.expiry_date));
  return f;
}

MrzBlock ToMrzBlock(const ParsedMrz& parsed) {
  MrzBlock b;
  b.format = parsed.format;
  b.lines = parsed.lines;
  b.valid = parsed.valid;
  b.failed_checks = parsed.failed_checks;
  b.corrected = parsed.corrected;
  return b;
}

bool DocumentNumberFitsIssuerFormat(const ParsedMrz& parsed) {
  const MrzData& data = parsed.data;
  if (parsed.format != MrzFormat::kTD3 || data.issuing_state != "FRA" ||
      !data.document_code.starts_with("P")) {
    return true;
  }
  const std::string& number = data.document_number;
  if (number.size() != 9) return false;
  for (std::size_t i = 0; i < number.size(); ++i) {
    const bool letter_position = i == 2 || i == 3;
    const char c = number[i];
    const bool is_letter = c >= 'A' && c <= 'Z';
    const bool is_digit = c >= '0' && c <= '9';
    if (letter_position ? !is_letter : !is_digit) return false;
  }
  return true;
}

bool BlindCharacterAfterFiller(const ParsedMrz& parsed) {
  const Layout& layout = LayoutFor(parsed.format);
  if (parsed.lines.size() != static_cast<size_t>(layout.line_count)) return false;
  for (const CheckSpec& check : layout.checks) {
    if (check.name == "composite" || check.covered.size() != 1) continue;
    const Span& span = check.covered.front();
    const std::string& line = parsed.lines[static_cast<size_t>(span.line)];
    if (static_cast<size_t>(span.start + span.length) > line.size()) continue;
    const int end = span.start + span.length;
    for (int k = span.start + 1; k < end; ++k) {
      const char c = line[static_cast<size_t>(k)];
      const bool blind = c == '0' || c == 'A' || c == 'K' || c == 'U';
      const bool alone = line[static_cast<size_t>(k - 1)] == '<' &&
                         (k + 1 == end || line[static_cast<size_t>(k + 1)] == '<');
      if (blind && alone) return true;
    }
  }
  return false;
}

bool StrayTextAfterNames(const ParsedMrz& parsed) {
  size_t line = 0, start = 5, length = 0;
  switch (parsed.format) {
    case MrzFormat::kTD1:
      line = 2, start = 0, length = 30;
      break;
    case MrzFormat::kTD2:
    case MrzFormat::kMRVB:
      length = 31;
      break;
    case MrzFormat::kTD3:
    case MrzFormat::kMRVA:
      length = 39;
      break;
    default:
      return false;
  }
  if (line >= parsed.lines.size() || parsed.lines[line].size() < start + length) return false;
  const std::string_view names = std::string_view(parsed.lines[line]).substr(start, length);
  // Parts separated by runs of two or more fillers: primary, secondary, and nothing else.
  int parts = 0;
  size_t i = 0;
  while (i < names.size()) {
    while (i < names.size() && names[i] == '<') ++i;
    if (i == names.size()) break;
    ++parts;
    // One part: characters and single fillers.
    while (i < names.size() && !(names[i] == '<' && i + 1 < names.size() && names[i + 1] == '<')) {
      ++i;
    }
  }
  return parts > 2;
}

}  // namespace jae::mrz
