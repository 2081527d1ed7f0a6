#include "engine/local/mrz_reader.h"

#include <algorithm>
#include <cctype>
#include <opencv2/imgproc.hpp>
#include <optional>

#include "common/clock.h"
#include "engine/local/dnn_accept.h"
#include "mrz/confusions.h"
#include "mrz/layouts.h"

namespace jae::local {
namespace {

// Scores closer than this to the character read make a near-tie (ProofIsAmbiguous).
constexpr float kNearTie = 0.035f;
// PP-OCR: a line box grown by this many line heights above and below (twice that on each
// side), and the runner-up probability from which a check-blind rival voids a valid read.
// Measured with tools/mrz_dnn_probe (README): pad 0.25 with gate 0.2 gave 0 wrong valid
// reads on generated documents; pad 0.1 reads more photos but fillers turn to K.
constexpr double kDnnPad = 0.25;
constexpr float kDnnGate = 0.2f;

// Tries the combinations of each line's length candidates, keeping the read with the
// fewest failed checks in `best`. Returns true once one is valid.
//
// `trust_repairs`: whether a read whose checks hold only after the MRZ reader's
// confusion repairs may count as valid. The repairs undo the confusions of the OCR-B
// font (O/0, E/F, 8/B, ...), which our classifier makes; Tesseract's errors are
// anything (4 read L, a dropped character), and a repair that happens to satisfy the
// check digits is then a wrong value proved valid (seen: 42CH75027 -> L2CH75D27, both
// with check digit 4). Such a read is dropped, never returned: the shared verification
// would repair it the same way.
bool TryLines(const std::vector<std::string>& raw, int length, const mrz::ParseOptions& options,
              bool trust_repairs, std::optional<MrzRead>& best, size_t& best_failed) {
  mrz::ParseOptions as_read = options;
  as_read.correct = false;
  return ForEachLengthCombination(raw, length, [&](const std::vector<std::string>& lines) {
    auto parsed = mrz::ParseMrz(lines, options);
    bool usable = parsed.ok();
    if (usable && parsed->valid && !trust_repairs) {
      // A digit where only letters stand and no check digit looks (Tesseract's AU5 for
      // AUS in a nationality) is read as the letter: that proves nothing either way.
      auto plain = mrz::ParseMrz(LettersByPosition(lines, parsed->format), as_read);
      usable = plain.ok() && plain->valid;
    }
    // A filler read as a character of the same check-digit value proves a wrong value;
    // text after the names is a misread beside which others may hide.
    if (usable && parsed->valid &&
        (mrz::BlindCharacterAfterFiller(*parsed) || mrz::StrayTextAfterNames(*parsed))) {
      usable = false;
    }
    if (!usable) return false;
    const size_t failed = parsed->failed_checks.size();
    // A valid read beats one whose check digits all hold but whose form does not (a
    // nationality read AU3): both have no failed check.
    if (!best || failed < best_failed || (parsed->valid && !best->parsed.valid)) {
      best_failed = failed;
      best = MrzRead{*parsed, parsed->valid ? parsed->lines : lines};
    }
    return parsed->valid;
  });
}

// Positions a format fills with digits only where the MRZ reader accepts any character:
// the French 1988 card's number is YYMM, a 3-character office code, then a 5-digit
// serial (line 2, 0-based 0-3 and 7-11).
bool DigitOnly(MrzFormat format, size_t line, size_t pos) {
  return format == MrzFormat::kFrId1988 && line == 1 && (pos <= 3 || (pos >= 7 && pos <= 11));
}

// `glyph` as the MRZ reader takes it at (line, pos): letters in digit-only positions
// and digits in letter-only positions along the OCR-B confusions, '\0' where the
// position cannot hold it at all.
char AsReadAt(const mrz::Layout& layout, MrzFormat format, size_t line, size_t pos, char glyph) {
  const bool digit = std::isdigit(static_cast<unsigned char>(glyph)) != 0;
  const bool letter = std::isupper(static_cast<unsigned char>(glyph)) != 0;
  if (DigitOnly(format, line, pos)) return letter ? mrz::LetterAsDigit(glyph) : glyph;
  switch (mrz::ClassAt(layout, static_cast<int>(line), static_cast<int>(pos))) {
    case mrz::PosClass::kDigit:
      return letter ? mrz::LetterAsDigit(glyph) : glyph;
    case mrz::PosClass::kAlpha:
      return digit ? mrz::DigitAsLetter(glyph) : glyph;
    case mrz::PosClass::kSex:
      return glyph == 'M' || glyph == 'F' || glyph == 'X' || glyph == '<' ? glyph : '\0';
    case mrz::PosClass::kAlnum:
      return glyph;
  }
  return glyph;
}

// The fields a valid MRZ proves (those with their own check digit).
std::vector<std::string> ProvenValues(const mrz::ParsedMrz& parsed) {
  const Fields fields = mrz::ToResultFields(parsed.data);
  std::vector<std::string> out;
  for (FieldName name :
       {FieldName::kDocumentNumber, FieldName::kBirthDate, FieldName::kExpiryDate}) {
    auto it = fields.find(name);
    out.push_back(it == fields.end() ? std::string() : it->second.value);
  }
  return out;
}

// A character the classifier nearly read instead, as the MRZ reader would take it.
struct Flip {
  size_t line, pos;
  char to;
  float gap;  // score of the character read minus this one's
};

// The near-ties of `lines`, closest first, at most 24: every template within kNearTie of
// the character read (any O for a 0 and back when `o_zero_blind`), as the MRZ reader
// takes it where it stands in `base`'s layout.
std::vector<Flip> NearTieFlips(const std::vector<std::string>& lines,
                               const std::vector<std::vector<CellMatch>>& cells, bool o_zero_blind,
                               const mrz::ParsedMrz& base) {
  constexpr size_t kMaxFlips = 24;
  std::vector<Flip> flips;
  const mrz::Layout& layout = mrz::LayoutFor(base.format);
  for (size_t i = 0; i < lines.size(); ++i) {
    for (size_t k = 0; k < lines[i].size() && k < cells[i].size(); ++k) {
      const float own = cells[i][k].ScoreOf(lines[i][k]);
      for (int a = 0; a < kOcrbAlphabetSize; ++a) {
        const char glyph = kOcrbAlphabet[a];
        const float score = cells[i][k].scores[static_cast<size_t>(a)];
        const bool o_zero =
            (glyph == 'O' && lines[i][k] == '0') || (glyph == '0' && lines[i][k] == 'O');
        if (glyph == lines[i][k] || (score < own - kNearTie && !(o_zero_blind && o_zero))) {
          continue;
        }
        // What the MRZ reader makes of that glyph where it stands: an S in a date is
        // read 5, so the rival is the 5 (an S as such would pass the check digit, S
        // weighing 28 like 8, with a value it never has).
        const char to = AsReadAt(layout, base.format, i, k, glyph);
        if (to == '\0' || to == lines[i][k]) continue;
        flips.push_back(Flip{i, k, to, std::min(own - score, kNearTie)});
      }
    }
  }
  std::sort(flips.begin(), flips.end(), [](const Flip& a, const Flip& b) { return a.gap < b.gap; });
  if (flips.size() > kMaxFlips) flips.resize(kMaxFlips);
  return flips;
}

// Whether the valid `lines` (OCR-B, after repairs) would have proved different values
// had one or two characters gone to a template that scored nearly as well. Check digits
// cannot tell some readings apart: G and Q (values 16 and 26) anywhere; O and 0 twice in
// one number at weights 7 and 3 (24 * 10). On small, blurred MRZs (the `hard`
// condition) the classifier confuses exactly these, and would prove a wrong number.
// `o_zero_blind`: the characters were too small for O and 0 to differ; each is then
// as likely as the other whatever the templates say.
bool ProofIsAmbiguous(const std::vector<std::string>& lines,
                      const std::vector<std::vector<CellMatch>>& cells, bool o_zero_blind,
                      const mrz::ParseOptions& options) {
  mrz::ParseOptions as_read = options;
  as_read.correct = false;
  auto base = mrz::ParseMrz(lines, options);
  if (!base.ok() || !base->valid || cells.size() != lines.size()) return false;
  const std::vector<std::string> proven = ProvenValues(*base);
  const std::vector<Flip> flips = NearTieFlips(lines, cells, o_zero_blind, *base);
  // A trial counts when its checks hold as read; its values are then taken as the MRZ
  // reader gives them, letters in digit-only fields coerced (an O in a date or in the
  // 1988 card's serial number is a 0 whatever the templates say).
  auto proves_other = [&](const std::vector<std::string>& trial) {
    auto plain = mrz::ParseMrz(trial, as_read);
    // A reading the issuer's number format rules out is no rival (verification would
    // refuse it too).
    if (!plain.ok() || !plain->valid || !mrz::DocumentNumberFitsIssuerFormat(*plain)) {
      return false;
    }
    auto parsed = mrz::ParseMrz(trial, options);
    return parsed.ok() && ProvenValues(*parsed) != proven;
  };
  for (size_t f = 0; f < flips.size(); ++f) {
    std::vector<std::string> trial = lines;
    trial[flips[f].line][flips[f].pos] = flips[f].to;
    if (proves_other(trial)) return true;
    for (size_t g = f + 1; g < flips.size(); ++g) {
      if (flips[g].line == flips[f].line && flips[g].pos == flips[f].pos) continue;
      std::vector<std::string> pair = trial;
      pair[flips[g].line][flips[g].pos] = flips[g].to;
      if (proves_other(pair)) return true;
    }
  }
  return false;
}

// Below this mean template score, lines are no OCR-B (measured: a card's printed lines
// 0.31-0.42; real zones, blurred photos and PassportEye's worst included, 0.67-0.93).
constexpr float kLeastOcrbLikeness = 0.55f;
// Read both ways up, an MRZ's lines score 0.83-0.87 upright and 0.66-0.70 upside down
// (PassportEye); a page's printed lines score alike both ways (within 0.1). Tesseract
// (0.5-1.2 s on a textured photo's three lines) is spared on the way that scores lower by
// more than this: measured on PassportEye, the seen families and the generator, no valid
// read came from Tesseract on the second way of a candidate that scored lower.
constexpr float kOtherWayTie = 0.02f;

// The shortest run of fillers the classifier must read in some line for Tesseract to be
// spent on the lines. Every MRZ pads its names and its optional data with fillers, and the
// chevron is the classifier's most distinct shape: measured on PassportEye, the seen
// families and the generator, every valid read came from lines where it read a run of 7
// or more. Lines of print the finder took for a zone (the justified paragraph of a
// licence's attestation, OCR-B-like at 0.52-0.59) read at most single ones, and Tesseract
// spent 1.4-1.7 s a document on them.
constexpr int kLeastFillerRun = 2;

// The longest run of fillers in any line of `raws` (the classifier's reads, one per line
// length tried).
int LongestFillerRunOf(const std::vector<std::vector<std::string>>& raws) {
  int longest = 0;
  for (const auto& lines : raws) {
    for (const std::string& line : lines)
      longest = std::max(longest, LongestFillerRun(line).length);
  }
  return longest;
}

// The mean score of the templates the classifier chose, fillers left out (a blank cell
// between two words also looks like one).
float MeanCharacterScore(const std::vector<std::string>& lines,
                         const std::vector<std::vector<CellMatch>>& cells) {
  double sum = 0;
  int n = 0;
  for (size_t i = 0; i < lines.size() && i < cells.size(); ++i) {
    for (size_t k = 0; k < lines[i].size() && k < cells[i].size(); ++k) {
      if (lines[i][k] == '<') continue;
      sum += cells[i][k].ScoreOf(lines[i][k]);
      ++n;
    }
  }
  return n == 0 ? 0.0f : static_cast<float>(sum / n);
}

// The line lengths to try with the classifier, likelier first. Fixed pitch: the length
// must be known; three lines are TD1 (30); with two lines try both 44 (passport) and 36
// (French 1988 card / TD2).
std::vector<int> OcrbLineLengths(const MrzLocation& where) {
  if (where.lines.size() != 2) return {30};
  // Line pitch against line width: ~25 for 44 characters (passports), ~21 for 36 (TD2,
  // French 1988 card). The band heights themselves vary with the text.
  const cv::Rect& a = where.lines[0];
  const cv::Rect& b = where.lines[1];
  const double pitch = (b.y + b.height / 2.0) - (a.y + a.height / 2.0);
  const double ratio = std::max(a.width, b.width) / std::max(1.0, pitch);
  return ratio > 23.3 ? std::vector<int>{44, 36} : std::vector<int>{36, 44};
}

}  // namespace

bool AnotherReadProvesOtherwise(const mrz::ParsedMrz& read,
                                const std::vector<std::vector<std::string>>& others) {
  const mrz::Layout& layout = mrz::LayoutFor(read.format);
  if (read.lines.size() != static_cast<size_t>(layout.line_count)) return false;
  for (const mrz::CheckSpec& check : layout.checks) {
    if (check.name == "composite" || check.covered.size() != 1) continue;
    const mrz::Span& span = check.covered.front();
    if (check.check_line != span.line || check.check_pos != span.start + span.length) continue;
    const std::string& line = read.lines[static_cast<size_t>(span.line)];
    const std::string value =
        line.substr(static_cast<size_t>(span.start), static_cast<size_t>(span.length + 1));
    for (const auto& other : others) {
      if (other.size() != read.lines.size()) continue;
      const std::string& text = other[static_cast<size_t>(span.line)];
      for (int shift = -2; shift <= 2; ++shift) {
        const int at = span.start + shift;
        if (at < 0 || at + span.length + 1 > static_cast<int>(text.size())) continue;
        const std::string candidate =
            text.substr(static_cast<size_t>(at), static_cast<size_t>(span.length + 1));
        // The same field read otherwise: one or two characters apart (anything further
        // is another part of the line, which a check digit may pass by chance).
        int apart = 0;
        for (size_t k = 0; k < value.size(); ++k) apart += candidate[k] != value[k];
        if (apart == 0 || apart > 2) continue;
        const int digit = mrz::CheckDigit(candidate.substr(0, candidate.size() - 1));
        if (digit >= 0 && candidate.back() == static_cast<char>('0' + digit)) return true;
      }
    }
  }
  return false;
}

MrzLineReader::MrzLineReader(TessConfig tesseract, std::unique_ptr<OcrbClassifier> ocrb,
                             MrzReader which, std::unique_ptr<PpOcrRecogniser> dnn)
    : tesseract_(std::move(tesseract)),
      ocrb_(std::move(ocrb)),
      which_(which),
      dnn_(std::move(dnn)) {}

Status MrzLineReader::Warm() {
  if (which_ == MrzReader::kOcrb) return OkStatus();
  auto lease = tesseract_.Borrow();
  return lease.ok() ? OkStatus() : lease.status();
}

StatusOr<MrzRead> MrzLineReader::Read(const cv::Mat& gray, const MrzLocation& where,
                                      bool o_zero_blind,
                                      std::chrono::steady_clock::time_point deadline,
                                      const MrzReadLimits& limits) {
  mrz::ParseOptions options;
  options.today = SystemClock().Today();
  std::optional<MrzRead> best;
  size_t best_failed = 1000;
  float ocrb_likeness = 1.0f;
  std::vector<std::vector<std::string>> ocrb_raws;
  if (ocrb_ && which_ != MrzReader::kTesseract) {
    ocrb_likeness = 0.0f;
    StatusOr<bool> done = ReadWithOcrb(gray, where, o_zero_blind, options, deadline, best,
                                       best_failed, ocrb_likeness, ocrb_raws);
    if (!done.ok()) return done.status();
    if (*done) {
      best->ocrb_likeness = ocrb_likeness;
      return std::move(*best);
    }
  }
  // Lines whose characters match no OCR-B template well are text in another font (a
  // card's printed lines the finder took for a zone), not an MRZ, however blurred; nor
  // are lines without a run of fillers. Tesseract's three readings (a third of a second
  // each, more on long lines of print) are spared.
  const bool ocrb_like = ocrb_likeness >= kLeastOcrbLikeness &&
                         (ocrb_raws.empty() || LongestFillerRunOf(ocrb_raws) >= kLeastFillerRun);
  const bool likelier_way = ocrb_likeness + kOtherWayTie >= limits.other_way_likeness;
  const bool tesseract_ran =
      which_ != MrzReader::kOcrb && ocrb_like && likelier_way && limits.tesseract;
  if (tesseract_ran) {
    Status status = ReadWithTesseract(gray, where, options, deadline, best, best_failed);
    if (!status.ok()) return status;
    // Tesseract's valid read against the classifier's failed one: withheld when they
    // prove different values that both satisfy a check digit.
    if (best && best->parsed.valid && !best->lines.empty() &&
        AnotherReadProvesOtherwise(best->parsed, ocrb_raws)) {
      best->lines.clear();
    }
  }
  MrzRead read = best ? std::move(*best) : MrzRead{};  // no best: unreadable, no lines
  read.ocrb_like = ocrb_like;
  read.ocrb_likeness = ocrb_likeness;
  read.tesseract_ran = tesseract_ran;
  return read;
}

// True once `best` holds a valid read (its lines withheld when ambiguous and unconfirmed).
StatusOr<bool> MrzLineReader::ReadWithOcrb(const cv::Mat& gray, const MrzLocation& where,
                                           bool o_zero_blind, const mrz::ParseOptions& options,
                                           std::chrono::steady_clock::time_point deadline,
                                           std::optional<MrzRead>& best, size_t& best_failed,
                                           float& likeness,
                                           std::vector<std::vector<std::string>>& raws) {
  for (int length : OcrbLineLengths(where)) {
    std::vector<std::string> raw;
    std::vector<std::vector<CellMatch>> cells(where.lines.size());
    for (size_t i = 0; i < where.lines.size(); ++i) {
      raw.push_back(ocrb_->ReadLine(gray, where.lines[i], length, nullptr, &cells[i]));
    }
    likeness = std::max(likeness, MeanCharacterScore(raw, cells));
    raws.push_back(raw);
    if (!TryLines(raw, length, options, true, best, best_failed)) continue;
    // A near-tie that proves another value as well as this one proves nothing by itself.
    // Tesseract — another recogniser, with other features — settles it when its own read
    // holds every check as read and proves the same values; otherwise the lines are
    // withheld (the format still tells the document type).
    if (ProofIsAmbiguous(best->lines, cells, o_zero_blind, options)) {
      auto confirmed = TesseractConfirms(gray, where, best->parsed, options, deadline);
      if (!confirmed.ok()) return confirmed.status();
      if (!*confirmed) best->lines.clear();
    }
    return true;
  }
  return false;
}

Status MrzLineReader::ReadWithTesseract(const cv::Mat& gray, const MrzLocation& where,
                                        const mrz::ParseOptions& options,
                                        std::chrono::steady_clock::time_point deadline,
                                        std::optional<MrzRead>& best, size_t& best_failed) {
  auto lease = tesseract_.Borrow();
  if (!lease.ok()) return lease.status();
  for (int variant = 0; variant < 3; ++variant) {
    if (variant > 0 && std::chrono::steady_clock::now() > deadline) break;
    std::vector<std::string> raw = ReadMrzLines(gray, where.lines, variant, lease->get());
    const int length = ExpectedLineLength(where, raw);
    if (TryLines(raw, length, options, false, best, best_failed)) break;
  }
  return OkStatus();
}

// Whether Tesseract reads, with every check holding as read, an MRZ proving the same
// values as `read`.
StatusOr<bool> MrzLineReader::TesseractConfirms(const cv::Mat& gray, const MrzLocation& where,
                                                const mrz::ParsedMrz& read,
                                                const mrz::ParseOptions& options,
                                                std::chrono::steady_clock::time_point deadline) {
  if (which_ == MrzReader::kOcrb) return false;
  auto lease = tesseract_.Borrow();
  if (!lease.ok()) return lease.status();
  const std::vector<std::string> proven = ProvenValues(read);
  for (int variant = 0; variant < 3; ++variant) {
    if (variant > 0 && std::chrono::steady_clock::now() > deadline) break;
    std::vector<std::string> raw = ReadMrzLines(gray, where.lines, variant, lease->get());
    std::optional<MrzRead> other;
    size_t other_failed = 1000;
    if (TryLines(raw, ExpectedLineLength(where, raw), options, false, other, other_failed)) {
      return ProvenValues(other->parsed) == proven;
    }
  }
  return false;
}

MrzRead MrzLineReader::ReadWithDnn(const cv::Mat& gray, const MrzLocation& where,
                                   const mrz::ParsedMrz* withheld) const {
  if (!dnn_) return MrzRead{};
  std::vector<std::string> raw;
  bool doubtful = false;
  for (const cv::Rect& box : where.lines) {
    const int my = static_cast<int>(kDnnPad * box.height), mx = 2 * my;
    const cv::Rect grown =
        (box + cv::Size(2 * mx, 2 * my) - cv::Point(mx, my)) & cv::Rect(0, 0, gray.cols, gray.rows);
    if (grown.empty()) return MrzRead{};
    // The model reads colour: the grey line as three equal channels (measured as good as
    // the colour document, tools/mrz_dnn_probe --input flat).
    cv::Mat bgr;
    cv::cvtColor(gray(grown), bgr, cv::COLOR_GRAY2BGR);
    DnnLine line;
    line.text = dnn_->ReadLine(bgr, true, &line.rival, &line.rival_char);
    doubtful = doubtful || HasBlindRival(line, kDnnGate);
    raw.push_back(CleanMrzText(line.text));
  }
  mrz::ParseOptions options;
  options.today = SystemClock().Today();
  auto accepted = AcceptCoerced(raw, ExpectedLineLength(where, raw), options);
  if (!accepted) return MrzRead{};
  MrzRead read{*accepted, accepted->lines};
  if (doubtful || mrz::BlindCharacterAfterFiller(*accepted) ||
      mrz::StrayTextAfterNames(*accepted) ||
      (withheld && ProvenValues(*accepted) != ProvenValues(*withheld))) {
    read.lines.clear();
  }
  return read;
}

}  // namespace jae::local
