// The local engine's MRZ reader: the lines of a located MRZ read into a checked MRZ, by
// our OCR-B classifier, Tesseract's legacy engine, or both; and, for places where both
// fail, PaddleOCR's recogniser (ReadWithDnn).
//
// Contract:
// - Read() tries the OCR-B classifier first (unless MrzReader::kTesseract), over the line
//   lengths the zone's shape suggests, then Tesseract (unless MrzReader::kOcrb) over its
//   three preprocessing variants — only where the classifier's templates matched the
//   lines as OCR-B at all, no worse than the other way up when that was read, and while
//   the document's MrzReadLimits allow it — until a read holds every check; otherwise it
//   returns
//   the read with the fewest failed checks, or an MrzRead with no lines (unreadable).
// - A Tesseract read counts as valid only when its checks hold as read, without the
//   MRZ reader's confusion repairs (see TryLines in the .cc for why).
// - A classifier read whose check digits would also prove another value from a
//   near-tie of one or two characters keeps its lines only when Tesseract reads the same
//   proven values; otherwise `lines` is empty and `parsed` still tells the format.
// - ReadWithDnn() (only with a recogniser: has_dnn()) reads the lines with PP-OCR and
//   trusts a read only when every check holds once digits and letters are forced by
//   their position class (dnn_accept.h), never after check-digit-guided repairs; a
//   valid read where some character nearly read another that the check digits cannot
//   tell from it (runner-up probability >= 0.2: '<' and K, 0 and A ...) keeps `lines`
//   empty, like the classifier's withheld case. The caller decides where and how often
//   (~0.4 s CPU a line): local_engine.cc runs it on one place per document, after the
//   other readers failed on every place.
// - Errors: only a Tesseract instance that cannot be created. No exception of its own.
// Why a file of its own: the hardest decisions of the engine (which read to trust) sit
//   here, apart from the image handling of local_engine.cc, so they can be read, tested
//   and measured alone.
//
// Thread-safe: the classifier is immutable, Tesseract instances are pooled, the
// recogniser locks its model.
#pragma once

#include <chrono>
#include <memory>
#include <opencv2/core.hpp>
#include <string>
#include <vector>

#include "common/status.h"
#include "engine/local/local_engine.h"
#include "engine/local/mrz_zone.h"
#include "engine/local/ocrb_classifier.h"
#include "engine/local/pp_ocr_recogniser.h"
#include "engine/local/tess_pool.h"
#include "mrz/mrz.h"

namespace jae::local {

struct MrzRead {
  mrz::ParsedMrz parsed;
  std::vector<std::string> lines;  // as proved (after repairs); empty: withheld or unread
  // False when the OCR-B templates matched the lines badly, or the classifier read no run
  // of fillers in them (text in another font taken for a zone): no reader is worth its
  // time there.
  bool ocrb_like = true;
  // The mean score of the OCR-B templates the classifier chose (1 when it did not run).
  float ocrb_likeness = 1.0f;
  bool tesseract_ran = false;
};

// What a document's MRZ search still allows one Read().
struct MrzReadLimits {
  // The ocrb_likeness of the same lines read the other way up, which gave no valid MRZ
  // (0: none). Tesseract is then spent here only when these lines look at least as much
  // like OCR-B: an MRZ upside down scores ~0.15 lower than upright.
  float other_way_likeness = 0.0f;
  // False once the document has spent Tesseract on as many places as it may (the caller
  // counts, with MrzRead::tesseract_ran).
  bool tesseract = true;
};

// Whether another reading of the same lines (`others`: the OCR-B classifier's, which
// failed) holds, within two characters of where the valid `read` has a checked field, the
// same field read one or two characters otherwise with its own check digit holding too. Two readers
// then prove two values and the check digit cannot say which: the read proves nothing (seen:
// Tesseract read 2 as Z and S as 5 in one number, the two changes cancelling in its check digit,
// where the classifier read it right, shifted by a stray character).
bool AnotherReadProvesOtherwise(const mrz::ParsedMrz& read,
                                const std::vector<std::vector<std::string>>& others);

class MrzLineReader {
 public:
  // `ocrb` may be null when `which` is MrzReader::kTesseract; `dnn` may be null (no
  // third reader).
  MrzLineReader(TessConfig tesseract, std::unique_ptr<OcrbClassifier> ocrb, MrzReader which,
                std::unique_ptr<PpOcrRecogniser> dnn = nullptr);

  // Loads one Tesseract instance when Tesseract is used, so a broken model fails early.
  Status Warm();

  // Reads the MRZ of the upright, light-flattened document `gray` at `where`.
  // `o_zero_blind`: the characters were too small in the photo for O and 0 to differ.
  StatusOr<MrzRead> Read(const cv::Mat& gray, const MrzLocation& where, bool o_zero_blind,
                         std::chrono::steady_clock::time_point deadline,
                         const MrzReadLimits& limits = {});

  bool has_dnn() const { return dnn_ != nullptr; }

  // The third reader on the same place (see the contract above). Without a recogniser:
  // an MrzRead with no lines. `withheld`: the classifier's valid read that was withheld
  // as ambiguous at this place; the dnn read then keeps its lines only when it proves
  // the same values (a second recogniser settling the near-tie, as Tesseract does).
  MrzRead ReadWithDnn(const cv::Mat& gray, const MrzLocation& where,
                      const mrz::ParsedMrz* withheld = nullptr) const;

 private:
  StatusOr<bool> ReadWithOcrb(const cv::Mat& gray, const MrzLocation& where, bool o_zero_blind,
                              const mrz::ParseOptions& options,
                              std::chrono::steady_clock::time_point deadline,
                              std::optional<MrzRead>& best, size_t& best_failed, float& likeness,
                              std::vector<std::vector<std::string>>& raws);
  Status ReadWithTesseract(const cv::Mat& gray, const MrzLocation& where,
                           const mrz::ParseOptions& options,
                           std::chrono::steady_clock::time_point deadline,
                           std::optional<MrzRead>& best, size_t& best_failed);
  StatusOr<bool> TesseractConfirms(const cv::Mat& gray, const MrzLocation& where,
                                   const mrz::ParsedMrz& read, const mrz::ParseOptions& options,
                                   std::chrono::steady_clock::time_point deadline);

  TessPool tesseract_;
  std::unique_ptr<OcrbClassifier> ocrb_;
  MrzReader which_;
  std::unique_ptr<PpOcrRecogniser> dnn_;
};

}  // namespace jae::local
