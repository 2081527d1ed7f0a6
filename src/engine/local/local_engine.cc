#include "engine/local/local_engine.h"

#include <tesseract/resultiterator.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <memory>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <optional>

#include "common/clock.h"
#include "engine/local/classify.h"
#include "engine/local/document_finder.h"
#include "engine/local/field_reader.h"
#include "engine/local/mrz_zone.h"
#include "engine/local/ocrb_classifier.h"
#include "engine/local/tess_pool.h"
#include "mrz/mrz.h"

namespace jae {
namespace {

using local::OcrLine;
using local::TessConfig;
using local::TessPool;

constexpr int kDocumentWidth = 1200;  // rectified width: MRZ characters ~40 px high
constexpr char kMrzWhitelist[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<";
constexpr long kMaxPixels = 50'000'000;

bool HasModel(const std::string& dir, const std::string& language) {
  std::error_code ec;
  return !dir.empty() && std::filesystem::is_regular_file(
                             std::filesystem::path(dir) / (language + ".traineddata"), ec);
}

std::string ExecutableDir() {
  std::error_code ec;
  auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::string() : exe.parent_path().string();
}

std::vector<OcrLine> RecogniseLines(tesseract::TessBaseAPI& api, const cv::Mat& gray,
                                    cv::Point offset) {
  std::vector<OcrLine> lines;
  api.SetImage(gray.data, gray.cols, gray.rows, 1, static_cast<int>(gray.step));
  api.SetSourceResolution(300);
  if (api.Recognize(nullptr) != 0) return lines;
  std::unique_ptr<tesseract::ResultIterator> it(api.GetIterator());
  if (!it) return lines;
  do {
    std::unique_ptr<char[]> text(it->GetUTF8Text(tesseract::RIL_TEXTLINE));
    if (!text) continue;
    int x0, y0, x1, y1;
    if (!it->BoundingBox(tesseract::RIL_TEXTLINE, &x0, &y0, &x1, &y1)) continue;
    OcrLine line;
    line.text = text.get();
    while (!line.text.empty() && (line.text.back() == '\n' || line.text.back() == ' ')) {
      line.text.pop_back();
    }
    if (line.text.empty()) continue;
    line.box = cv::Rect(x0 + offset.x, y0 + offset.y, x1 - x0, y1 - y0);
    line.confidence = std::clamp(it->Confidence(tesseract::RIL_TEXTLINE) / 100.0, 0.0, 1.0);
    lines.push_back(std::move(line));
  } while (it->Next(tesseract::RIL_TEXTLINE));
  return lines;
}

// The printed text as Tesseract reads it best: each pixel divided by its neighbourhood's
// paper brightness (a dilation wider than any stroke, smoothed), which flattens uneven
// light and glare, then darkened by a gamma (1.6: 2.5 fills accents on crisp scans) so that the
// light, thin labels of the 2021 card and the passport ("Prénoms / Given names") survive
// Tesseract's global threshold next to the bold values. Without it a photo's labels vanish and the
// values they anchor are lost.
cv::Mat FlattenForText(const cv::Mat& gray) {
  cv::Mat paper;
  const int k = std::max(15, gray.cols / 40) | 1;
  cv::dilate(gray, paper, cv::getStructuringElement(cv::MORPH_RECT, cv::Size(k, k)));
  cv::GaussianBlur(paper, paper, cv::Size(0, 0), k / 4.0);
  cv::Mat ink, base;
  gray.convertTo(ink, CV_32F);
  paper.convertTo(base, CV_32F);
  cv::Mat ratio = ink / cv::max(base, 1.0f);
  cv::min(ratio, 1.0f, ratio);
  cv::pow(ratio, 1.6, ratio);
  cv::Mat out;
  ratio.convertTo(out, CV_8U, 255);
  return out;
}

struct MrzRead {
  mrz::ParsedMrz parsed;
  std::vector<std::string> lines;
};

class LocalEngine final : public Engine {
 public:
  LocalEngine(TessConfig mrz_config, TessConfig text_config, std::string model_name,
              std::unique_ptr<local::OcrbClassifier> ocrb, MrzReader reader)
      : mrz_pool_(std::move(mrz_config)),
        text_pool_(std::move(text_config)),
        model_name_(std::move(model_name)),
        ocrb_(std::move(ocrb)),
        reader_(reader) {}

  // Loads one instance of each model (so that a broken model fails at start-up).
  Status Warm() {
    if (reader_ != MrzReader::kOcrb) {
      auto m = mrz_pool_.Borrow();
      if (!m.ok()) return m.status();
    }
    auto t = text_pool_.Borrow();
    if (!t.ok()) return t.status();
    return OkStatus();
  }

  EngineName name() const override { return EngineName::kLocal; }

  StatusOr<EngineResult> Extract(const NormalizedImage& image,
                                 std::chrono::steady_clock::time_point deadline) override {
    const auto start = std::chrono::steady_clock::now();
    try {
      auto result = ExtractImpl(image, deadline);
      if (result.ok()) {
        result->info.name = EngineName::kLocal;
        result->info.model = model_name_;
        result->info.attempts = 1;
        result->info.latency_ms =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                .count();
      }
      return result;
    } catch (const std::exception&) {
      // OpenCV reports with exceptions; none may escape an engine.
      return InternalError("local engine: image processing failed");
    }
  }

 private:
  static EngineResult Reject(ErrorCode code, std::string message) {
    EngineResult r;
    r.rejection = ErrorInfo{code, std::move(message)};
    return r;
  }

  StatusOr<EngineResult> ExtractImpl(const NormalizedImage& image,
                                     std::chrono::steady_clock::time_point deadline) {
    if (image.mime_type == "application/pdf") {
      return Reject(ErrorCode::kUnsupportedMediaType, "the local engine reads images, not PDF");
    }
    if (image.bytes.empty()) return Reject(ErrorCode::kUndecodable, "empty image");
    cv::Mat bytes(1, static_cast<int>(image.bytes.size()), CV_8UC1,
                  const_cast<char*>(image.bytes.data()));
    cv::Mat bgr = cv::imdecode(bytes, cv::IMREAD_COLOR);
    if (bgr.empty()) return Reject(ErrorCode::kUndecodable, "the image cannot be decoded");
    if (static_cast<long>(bgr.cols) * bgr.rows > kMaxPixels) {
      return Reject(ErrorCode::kTooLarge, "the image has too many pixels for the local engine");
    }

    local::FoundDocument doc = local::FindDocument(bgr, kDocumentWidth);
    cv::Mat gray;
    cv::cvtColor(doc.image, gray, cv::COLOR_BGR2GRAY);
    std::optional<local::MrzLocation> where = local::LocateMrz(gray);
    if (where && where->upside_down) {
      Rotate(doc, gray, cv::ROTATE_180);
      where = local::LocateMrz(gray);
    }
    if (!where && !doc.outline_found) {
      // No outline: the document may fill the frame in portrait.
      for (auto rotation : {cv::ROTATE_90_CLOCKWISE, cv::ROTATE_90_COUNTERCLOCKWISE}) {
        cv::Mat turned;
        cv::rotate(gray, turned, rotation);
        auto w = local::LocateMrz(turned);
        if (w) {
          Rotate(doc, gray, rotation);
          where = local::LocateMrz(gray);
          if (where && where->upside_down) {
            Rotate(doc, gray, cv::ROTATE_180);
            where = local::LocateMrz(gray);
          }
          break;
        }
      }
    }
    if (std::chrono::steady_clock::now() > deadline) {
      return DeadlineExceededError("local engine: deadline passed");
    }

    std::optional<MrzRead> mrz_read;
    if (where) {
      auto read = ReadMrz(gray, *where, deadline);
      if (!read.ok()) return read.status();
      mrz_read = std::move(*read);
    }

    // Printed text: everything above the MRZ (or the whole document).
    int text_bottom = gray.rows;
    if (where) text_bottom = std::max(gray.rows / 3, where->lines.front().y - 4);
    auto lease = text_pool_.Borrow();
    if (!lease.ok()) return lease.status();
    const cv::Mat text_image = FlattenForText(gray);
    std::vector<OcrLine> lines =
        RecogniseLines(lease->get(), text_image.rowRange(0, text_bottom), {0, 0});
    Fields fields = local::ReadLabelledFields(lines, gray.cols);
    if (!where && fields.size() < 2) {
      // Few labels found: maybe upside down (no MRZ told us).
      cv::Mat flipped;
      cv::rotate(text_image, flipped, cv::ROTATE_180);
      std::vector<OcrLine> other = RecogniseLines(lease->get(), flipped, {0, 0});
      Fields other_fields = local::ReadLabelledFields(other, gray.cols);
      if (other_fields.size() > fields.size()) {
        lines = std::move(other);
        fields = std::move(other_fields);
      }
    }
    std::string all_text;
    for (const auto& l : lines) all_text += local::NormalizeLabelText(l.text) + "\n";

    const local::Classification cls =
        local::Classify(mrz_read ? &mrz_read->parsed : nullptr, all_text);
    if (!mrz_read && fields.empty() && (cls.type == DocumentType::kOther || !doc.outline_found)) {
      return Reject(ErrorCode::kNoDocument, "no identity document or licence found in the image");
    }
    verify::Extraction ex;
    ex.type = cls.type;
    ex.side = cls.side;
    ex.issuing_country = cls.issuing_country;
    ex.fields = std::move(fields);
    if (mrz_read) ex.mrz_lines = mrz_read->lines;
    EngineResult r;
    r.extraction = std::move(ex);
    return r;
  }

  static void Rotate(local::FoundDocument& doc, cv::Mat& gray, cv::RotateFlags how) {
    cv::rotate(doc.image, doc.image, how);
    cv::rotate(gray, gray, how);
  }

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
  static bool TryLines(const std::vector<std::string>& raw, int length,
                       const mrz::ParseOptions& options, bool trust_repairs,
                       std::optional<MrzRead>& best, size_t& best_failed) {
    std::vector<std::vector<std::string>> per_line;
    for (const auto& line : raw) {
      per_line.push_back(local::LengthCandidates(line, length));
      if (per_line.back().empty()) return false;
    }
    mrz::ParseOptions as_read = options;
    as_read.correct = false;
    std::vector<size_t> index(per_line.size(), 0);
    for (int combos = 0; combos < 64; ++combos) {
      std::vector<std::string> lines;
      for (size_t i = 0; i < per_line.size(); ++i) lines.push_back(per_line[i][index[i]]);
      auto parsed = mrz::ParseMrz(lines, options);
      bool usable = parsed.ok();
      if (usable && parsed->valid && !trust_repairs) {
        auto plain = mrz::ParseMrz(lines, as_read);
        usable = plain.ok() && plain->valid;
      }
      if (usable) {
        const size_t failed = parsed->failed_checks.size();
        if (!best || failed < best_failed) {
          best_failed = failed;
          best = MrzRead{*parsed, parsed->valid ? parsed->lines : lines};
        }
        if (parsed->valid) return true;
      }
      size_t i = 0;  // next combination (odometer)
      while (i < index.size() && ++index[i] == per_line[i].size()) index[i++] = 0;
      if (i == index.size()) break;
    }
    return false;
  }

  StatusOr<MrzRead> ReadMrz(const cv::Mat& gray, const local::MrzLocation& where,
                            std::chrono::steady_clock::time_point deadline) {
    mrz::ParseOptions options;
    options.today = SystemClock().Today();
    std::optional<MrzRead> best;
    size_t best_failed = 1000;
    if (ocrb_ && reader_ != MrzReader::kTesseract) {
      // Our OCR-B classifier: fixed pitch, so the line length must be known; with two
      // lines try both 44 (passport) and 36 (French 1988 card / TD2).
      std::vector<int> lengths = {30};
      if (where.lines.size() == 2) {
        // Line pitch against line width: ~25 for 44 characters (passports), ~21 for 36
        // (TD2, French 1988 card). The band heights themselves vary with the text.
        const cv::Rect& a = where.lines[0];
        const cv::Rect& b = where.lines[1];
        const double pitch = (b.y + b.height / 2.0) - (a.y + a.height / 2.0);
        const double ratio = std::max(a.width, b.width) / std::max(1.0, pitch);
        lengths = ratio > 23.3 ? std::vector<int>{44, 36} : std::vector<int>{36, 44};
      }
      for (int length : lengths) {
        std::vector<std::string> raw;
        for (const auto& box : where.lines) raw.push_back(ocrb_->ReadLine(gray, box, length));
        if (TryLines(raw, length, options, true, best, best_failed)) return std::move(*best);
      }
    }
    if (reader_ != MrzReader::kOcrb) {
      auto lease = mrz_pool_.Borrow();
      if (!lease.ok()) return lease.status();
      for (int variant = 0; variant < 3; ++variant) {
        if (variant > 0 && std::chrono::steady_clock::now() > deadline) break;
        std::vector<std::string> raw =
            local::ReadMrzLines(gray, where.lines, variant, lease->get());
        const int length = local::ExpectedLineLength(where, raw);
        if (TryLines(raw, length, options, false, best, best_failed)) break;
      }
    }
    if (!best) return MrzRead{};  // unreadable: no lines
    return std::move(*best);
  }

  TessPool mrz_pool_;
  TessPool text_pool_;
  const std::string model_name_;
  std::unique_ptr<local::OcrbClassifier> ocrb_;
  MrzReader reader_ = MrzReader::kBoth;
};

}  // namespace

StatusOr<std::unique_ptr<Engine>> MakeLocalEngine(const LocalEngineOptions& options) {
  std::vector<std::string> mrz_dirs;
  if (!options.mrz_tessdata_dir.empty()) {
    mrz_dirs.push_back(options.mrz_tessdata_dir);
  } else {
#ifdef JAE_BUILD_TESSDATA_DIR
    mrz_dirs.push_back(JAE_BUILD_TESSDATA_DIR);
#endif
    const std::string exe = ExecutableDir();
    if (!exe.empty()) {
      mrz_dirs.push_back(exe + "/share/jae-ocr/tessdata");
      mrz_dirs.push_back(exe + "/../share/jae-ocr/tessdata");
    }
    mrz_dirs.push_back("/usr/local/share/jae-ocr/tessdata");
    mrz_dirs.push_back("/usr/share/jae-ocr/tessdata");
  }
  if (!HasModel(options.text_tessdata_dir, "fra") &&
      !HasModel(options.text_tessdata_dir, options.text_language)) {
    return NotFoundError("local engine: no '" + options.text_language + ".traineddata' in " +
                         options.text_tessdata_dir +
                         " (install tesseract-ocr-fra or set JAE_TESSDATA)");
  }
  TessConfig text{options.text_tessdata_dir, options.text_language, tesseract::OEM_LSTM_ONLY, "",
                  tesseract::PSM_AUTO};
  std::string mrz_model = "eng-lstm (fallback)";
  TessConfig mrz{options.text_tessdata_dir, "eng", tesseract::OEM_LSTM_ONLY, kMrzWhitelist,
                 tesseract::PSM_SINGLE_LINE};
  for (const auto& dir : mrz_dirs) {
    if (HasModel(dir, "eng")) {
      mrz.tessdata_dir = dir;
      mrz.mode = tesseract::OEM_TESSERACT_ONLY;
      mrz_model = "eng-legacy";
      break;
    }
  }
  if (mrz.mode != tesseract::OEM_TESSERACT_ONLY && !HasModel(options.text_tessdata_dir, "eng")) {
    return NotFoundError(
        "local engine: no MRZ model (eng.traineddata) found; run "
        "scripts/install-tessdata.sh or set JAE_TESSDATA_MRZ");
  }
  std::unique_ptr<local::OcrbClassifier> ocrb;
  if (options.mrz_reader != MrzReader::kTesseract) {
    auto loaded = local::OcrbClassifier::Load(options.ocrb_font);
    if (!loaded.ok()) return loaded.status();
    ocrb = std::move(*loaded);
  }
  const char* reader_name = options.mrz_reader == MrzReader::kOcrb        ? "ocrb"
                            : options.mrz_reader == MrzReader::kTesseract ? mrz_model.c_str()
                                                                          : "ocrb+";
  auto engine = std::make_unique<LocalEngine>(
      mrz, text,
      "tesseract-" + std::string(tesseract::TessBaseAPI::Version()) + " mrz:" + reader_name +
          (options.mrz_reader == MrzReader::kBoth ? mrz_model : "") +
          " text:" + options.text_language,
      std::move(ocrb), options.mrz_reader);
  Status warm = engine->Warm();
  if (!warm.ok()) return warm;
  return std::unique_ptr<Engine>(std::move(engine));
}

StatusOr<std::unique_ptr<Engine>> MakeLocalEngine(const Env& env) {
  LocalEngineOptions options;
  if (auto dir = env.Get("JAE_TESSDATA_MRZ")) options.mrz_tessdata_dir = *dir;
  if (auto font = env.Get("JAE_OCRB_FONT")) options.ocrb_font = *font;
  if (auto reader = env.Get("JAE_MRZ_READER")) {
    if (*reader == "ocrb") {
      options.mrz_reader = MrzReader::kOcrb;
    } else if (*reader == "tesseract") {
      options.mrz_reader = MrzReader::kTesseract;
    } else if (*reader == "both") {
      options.mrz_reader = MrzReader::kBoth;
    } else {
      return InvalidArgumentError("JAE_MRZ_READER must be ocrb, tesseract or both");
    }
  }
  if (auto dir = env.Get("JAE_TESSDATA")) {
    options.text_tessdata_dir = *dir;
  } else if (auto prefix = env.Get("TESSDATA_PREFIX")) {
    options.text_tessdata_dir = *prefix;
  }
  return MakeLocalEngine(options);
}

}  // namespace jae
