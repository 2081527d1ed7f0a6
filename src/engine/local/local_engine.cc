#include "engine/local/local_engine.h"

#include <tesseract/resultiterator.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <memory>
#include <opencv2/core/utility.hpp>
#include <opencv2/imgproc.hpp>
#include <optional>
#include <utility>
#include <variant>

#include "common/clock.h"
#include "common/cpu_time.h"
#include "engine/local/agreeing_readings.h"
#include "engine/local/caption_table.h"
#include "engine/local/classify.h"
#include "engine/local/document_finder.h"
#include "engine/local/field_reader.h"
#include "engine/local/flatten_light.h"
#include "engine/local/french_names.h"
#include "engine/local/licence_fields.h"
#include "engine/local/lone_letter.h"
#include "engine/local/mrz_finder.h"
#include "engine/local/mrz_reader.h"
#include "engine/local/mrz_zone.h"
#include "engine/local/ocr_lines.h"
#include "engine/local/ocr_text.h"
#include "engine/local/ocrb_classifier.h"
#include "engine/local/polarity.h"
#include "engine/local/pp_ocr_recogniser.h"
#include "engine/local/qr_codes.h"
#include "engine/local/round_glyphs.h"
#include "engine/local/rule_lines.h"
#include "engine/local/small_words.h"
#include "engine/local/tess_pool.h"
#include "engine/local/text_layer.h"
#include "engine/local/unlabelled_fields.h"
#include "engine/local/upright_frame.h"
#include "engine/local/value_forms.h"
#include "image/jpeg_decode.h"
#include "mrz/mrz.h"

namespace jae {
namespace {

using local::FlattenLight;
using local::OcrLine;
using local::TessConfig;
using local::TessPool;

constexpr int kDocumentWidth = 1200;  // rectified width: MRZ characters ~40 px high
constexpr char kMrzWhitelist[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<";
constexpr long kMaxPixels = 50'000'000;
// The shorter side below which no document can be read (a strip, a thumbnail's edge).
constexpr int kMinSide = 64;
constexpr int kMaxOutlines = 3;
// The MRZ finder's candidates read per document: the best, both ways up when its
// orientation is unsure, and the next ones only while those read showed no OCR-B at all
// (MrzRead::ocrb_like: lines of a page's print the finder took for a zone, such as a
// passport's facing page turned on its side, scored above the data page's own zone) and
// only those whose fillers sit at one end (kRunnerUpOdds).
// A runner-up behind a candidate that was OCR-B but failed its checks never gave a valid
// read (14 tries on PassportEye, the seen families and the generator), and a CPU-time
// budget made the same image read differently on a busy machine: no budget, a count.
constexpr int kFoundCandidates = 3;
// upright_odds below which a runner-up candidate is no zone: measured, the print of pages
// and licences the finder ranked second 0.01-0.07, zones behind a facing page 0.20-0.25.
constexpr float kRunnerUpOdds = 0.1f;
// |upright_odds| above which a found MRZ's reversed reading is not tried: the fillers
// clearly sit at one end (measured on the independent set: true zones score 0.2-0.5).
constexpr float kSureOrientation = 0.25f;
// The third MRZ reader (PP-OCR, ~0.4 s CPU a line, ~0.8-1.3 s a place): on the first place
// where OCR-B and Tesseract failed (where 12 of PassportEye's 25 valid reads come from).
// A second place, tried before 2 s of CPU, never gave a valid read (PassportEye, the seen
// families and the generator: 7 tries) and took photos where every reader fails past the
// issue's 3 s.
constexpr size_t kDnnPlaces = 1;
// ... and only on lines at least this like OCR-B (MrzRead::ocrb_likeness). Real zones score
// 0.67-0.93, the places where the third reader read valid 0.71-0.91 (PassportEye, the seen
// families, the generator); the justified paragraph of an FFT attestation in bold type
// scores up to 0.59, and PP-OCR spent ~0.8 s on it for nothing.
constexpr float kDnnLeastLikeness = 0.65f;
// Tesseract (0.5-1.2 s a place on a hard photo) on at most this many places per document.
// Measured on PassportEye, the seen families and the generator (664 documents): its valid
// reads all came from the first place it read; the 14 later places gave none.
constexpr int kTesseractPlaces = 2;
// The model copy every line fits: wide enough for a 44-character line at height 48
// (narrower lines are padded). Measured best of the single copies
// (tools/mrz_dnn_probe/README.md).
constexpr int kDnnWidth = 1920;
// A narrower copy, loaded when installed, for the lines it holds with room to spare (TD1's
// 30 characters scale to 900-1010 columns; a 1988 card's 36 to 1120-1240 stay in the wide
// copy): a third less work a line. On PassportEye's photos the same reads, the slowest
// document 2.5-2.6 s instead of 2.8-3.2 s, for 60 MB more memory.
constexpr int kDnnNarrowWidth = 1280;

// The fields whose value, when the page reading dropped it, is looked for alone under its
// caption (ReadLoneWord): those of a strict form, which tells a value from a stray word
// (the sex, one letter, has ReadLoneLetter).
constexpr FieldName kFieldsReadUnderTheirCaption[] = {
    FieldName::kNationality, FieldName::kBirthDate,      FieldName::kIssueDate,
    FieldName::kExpiryDate,  FieldName::kDocumentNumber, FieldName::kLicenceNumber,
    FieldName::kClubNumber,  FieldName::kRanking,        FieldName::kSeason};

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

// Tesseract's lines (text, box, confidence as it reports them per line) with their words,
// whose boxes tell where the columns of a line split. Boxes are in the frame where the text
// stands upright (UprightBox), offset by `offset`. `facing`, when given, is set to the way
// most of the text's characters face (ORIENTATION_PAGE_UP when none).
std::vector<OcrLine> RecogniseLines(tesseract::TessBaseAPI& api, const cv::Mat& gray,
                                    cv::Point offset, tesseract::Orientation* facing = nullptr) {
  std::vector<OcrLine> lines;
  std::array<std::size_t, 4> characters_facing{};  // by tesseract::Orientation
  if (facing) *facing = tesseract::ORIENTATION_PAGE_UP;
  api.SetImage(gray.data, gray.cols, gray.rows, 1, static_cast<int>(gray.step));
  api.SetSourceResolution(300);
  if (api.Recognize(nullptr) != 0) return lines;
  std::unique_ptr<tesseract::ResultIterator> it(api.GetIterator());
  if (!it) return lines;
  bool in_line = false;  // the words met belong to lines.back()
  tesseract::Orientation orientation = tesseract::ORIENTATION_PAGE_UP;
  const cv::Size size = gray.size();
  auto box_of = [&](int x0, int y0, int x1, int y1) {
    const cv::Rect upright =
        local::UprightBox(cv::Rect(x0, y0, x1 - x0, y1 - y0), size, orientation);
    return upright + offset;
  };
  do {
    if (it->IsAtBeginningOf(tesseract::RIL_TEXTLINE)) {
      in_line = false;
      std::unique_ptr<char[]> text(it->GetUTF8Text(tesseract::RIL_TEXTLINE));
      int x0, y0, x1, y1;
      if (!text || !it->BoundingBox(tesseract::RIL_TEXTLINE, &x0, &y0, &x1, &y1)) continue;
      tesseract::WritingDirection direction;
      tesseract::TextlineOrder order;
      float deskew = 0;
      it->Orientation(&orientation, &direction, &order, &deskew);
      // Latin text on its side is read as a top-to-bottom script: its top points right.
      if (orientation == tesseract::ORIENTATION_PAGE_UP &&
          direction == tesseract::WRITING_DIRECTION_TOP_TO_BOTTOM) {
        orientation = tesseract::ORIENTATION_PAGE_RIGHT;
      }
      OcrLine line;
      line.text = local::WithoutLigatures(text.get());
      while (!line.text.empty() && (line.text.back() == '\n' || line.text.back() == ' ')) {
        line.text.pop_back();
      }
      if (!line.text.empty()) {
        line.box = box_of(x0, y0, x1, y1);
        line.confidence = std::clamp(it->Confidence(tesseract::RIL_TEXTLINE) / 100.0, 0.0, 1.0);
        characters_facing[static_cast<std::size_t>(orientation) % 4] += line.text.size();
        lines.push_back(std::move(line));
        in_line = true;
      }
    }
    if (!in_line) continue;
    std::unique_ptr<char[]> word(it->GetUTF8Text(tesseract::RIL_WORD));
    int x0, y0, x1, y1;
    if (!word || !it->BoundingBox(tesseract::RIL_WORD, &x0, &y0, &x1, &y1)) continue;
    const double confidence = std::clamp(it->Confidence(tesseract::RIL_WORD) / 100.0, 0.0, 1.0);
    lines.back().words.push_back(
        local::OcrWord{local::WithoutLigatures(word.get()), box_of(x0, y0, x1, y1), confidence});
  } while (it->Next(tesseract::RIL_WORD));
  for (OcrLine& line : lines) local::DropTallBars(line);
  if (facing) {
    const auto most = std::max_element(characters_facing.begin(), characters_facing.end());
    *facing = static_cast<tesseract::Orientation>(most - characters_facing.begin());
  }
  return lines;
}

// Letters and digits of `word` (a non-ASCII byte counts: accented letters weigh a little
// more, which does not matter here).
int Characters(const std::string& word) {
  return static_cast<int>(std::count_if(word.begin(), word.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || (c & 0x80);
  }));
}

int ReadCharacters(const OcrLine& line) {
  int n = 0;
  for (const auto& word : line.words) n += Characters(word.text);
  return n;
}

// How much of `line` was read, and how surely: its words' confidences summed, each
// weighed by its letters and digits (a stray mark read as "©" adds nothing).
double ReadConfidence(const OcrLine& line) {
  double sum = 0;
  for (const auto& word : line.words) sum += word.confidence * Characters(word.text);
  return sum;
}

// A reading of a light-on-dark region by the page's pass that needs no second one: the
// mean confidence of its characters at least this.
constexpr double kSureReading = 0.8;

// The printed text as Tesseract reads it best: the flattened image darkened by a gamma,
// so that the light, thin labels of the 2021 card and the passport ("Prénoms / Given
// names") survive Tesseract's global threshold next to the bold values; without it a
// photo's labels vanish and the values they anchor are lost. 1.6: 2.5 was measured too,
// and fills the accents of crisp scans.
cv::Mat DarkenForText(const cv::Mat& flat) {
  cv::Mat lut(1, 256, CV_8U);
  for (int v = 0; v < 256; ++v) {
    lut.at<uchar>(v) = cv::saturate_cast<uchar>(255.0 * std::pow(v / 255.0, 1.6));
  }
  cv::Mat out;
  cv::LUT(flat, lut, out);
  return out;
}

using local::MrzRead;
using local::MrzReadLimits;

struct Zone {
  local::FoundDocument doc;
  cv::Mat gray;  // the document, light flattened
  std::optional<local::MrzLocation> where;
  std::optional<MrzRead> mrz_read;
  // How much the located lines looked like OCR-B and whether Tesseract read them
  // (MrzRead's), kept when mrz_read is dropped as no MRZ at all.
  float ocrb_likeness = 0.0f;
  bool tesseract_ran = false;
  // Every plausible outline in the photo (FindOutlines), `doc`'s among them: a page
  // copied with both sides of a card holds the other side's too.
  std::vector<std::vector<cv::Point2f>> page_outlines;

  bool HasValidMrz() const {
    return mrz_read && mrz_read->parsed.valid && !mrz_read->lines.empty();
  }
};

// Whether a document's page holds ink of both polarities, as far as its readings have
// looked (InkOfBothPolarities): the page's turns share one answer.
enum class BothPolarities { kUnchecked, kNone, kRead };

// Whether a reading reads small captions again apart (ReadFields).
enum class SmallCaptions { kReadApart, kAsRead };

// The printed text read from one image, and the labelled fields found in it.
struct PrintedText {
  std::vector<OcrLine> lines;
  Fields fields;
};

// All the lines, normalised for classification, one a line.
std::string AllText(const std::vector<OcrLine>& lines) {
  std::string all_text;
  for (const auto& l : lines) all_text += local::NormalizeLabelText(l.text) + "\n";
  return all_text;
}

class LocalEngine final : public Engine {
 public:
  LocalEngine(TessConfig mrz_config, TessConfig text_config, std::string model_name,
              std::unique_ptr<local::OcrbClassifier> ocrb, MrzReader reader,
              std::unique_ptr<local::PpOcrRecogniser> dnn, std::vector<std::string> warnings)
      : mrz_reader_(std::move(mrz_config), std::move(ocrb), reader, std::move(dnn)),
        text_pool_(std::move(text_config)),
        model_name_(std::move(model_name)),
        warnings_(std::move(warnings)) {}

  // Loads one instance of each model (so that a broken model fails at start-up).
  Status Warm() {
    if (Status m = mrz_reader_.Warm(); !m.ok()) return m;
    auto t = text_pool_.Borrow();
    if (!t.ok()) return t.status();
    return OkStatus();
  }

  EngineName name() const override { return EngineName::kLocal; }
  std::vector<std::string> ConfigurationWarnings() const override { return warnings_; }

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

  static EngineResult Extracted(const local::Classification& cls, Fields fields,
                                std::vector<std::string> mrz_lines) {
    verify::Extraction ex;
    ex.type = cls.type;
    ex.side = cls.side;
    ex.issuing_country = cls.issuing_country;
    ex.fields = std::move(fields);
    ex.mrz_lines = std::move(mrz_lines);
    EngineResult r;
    r.extraction = std::move(ex);
    return r;
  }

  // Stages: the PDF's own text when it has some; else decode, find the document and read
  // its MRZ (FindZone), read the printed text (ReadPrintedText), classify.
  StatusOr<EngineResult> ExtractImpl(const NormalizedImage& image,
                                     std::chrono::steady_clock::time_point deadline) {
    if (image.mime_type == "application/pdf") {
      return Reject(ErrorCode::kUnsupportedMediaType, "the local engine reads images, not PDF");
    }
    if (image.bytes.empty()) return Reject(ErrorCode::kUndecodable, "empty image");
    std::optional<EngineResult> from_text = ReadTextLayer(image);
    if (!from_text) return ExtractFromPixels(image, deadline);
    // A licence whose text lacks some of a licence's fields: a PDF may draw part of what its
    // page shows as pictures or outlines (a name in a script font, a number in a badge), or
    // encode it without the letters' codes. The page's pixels are read too, and give only
    // the fields the text lacks, when they show a licence as well.
    const auto missing = MissingLicenceFields(*from_text);
    if (missing.empty()) return std::move(*from_text);
    auto from_pixels = ExtractFromPixels(image, deadline);
    if (from_pixels.ok() && from_pixels->extraction &&
        from_pixels->extraction->type == DocumentType::kFftLicence) {
      Fields& fields = from_text->extraction->fields;
      for (FieldName name : missing) {
        auto it = from_pixels->extraction->fields.find(name);
        if (it != from_pixels->extraction->fields.end()) fields.emplace(name, it->second);
      }
    }
    return std::move(*from_text);
  }

  // The fields a licence shows that `read` (a licence read from a PDF's text) lacks; none
  // for any other document.
  static std::vector<FieldName> MissingLicenceFields(const EngineResult& read) {
    std::vector<FieldName> missing;
    if (!read.extraction || read.extraction->type != DocumentType::kFftLicence) return missing;
    for (FieldName name : {FieldName::kSurname, FieldName::kGivenNames, FieldName::kBirthDate,
                           FieldName::kSex, FieldName::kLicenceNumber, FieldName::kRanking,
                           FieldName::kClubName, FieldName::kClubNumber, FieldName::kSeason}) {
      if (!read.extraction->fields.count(name)) missing.push_back(name);
    }
    return missing;
  }

  // The image's pixels: decoded, the document and its MRZ found, its printed text read,
  // classified.
  StatusOr<EngineResult> ExtractFromPixels(const NormalizedImage& image,
                                           std::chrono::steady_clock::time_point deadline) {
    std::variant<cv::Mat, EngineResult> decoded = Decode(image);
    if (EngineResult* rejected = std::get_if<EngineResult>(&decoded)) return std::move(*rejected);
    const cv::Mat& bgr = std::get<cv::Mat>(decoded);
    auto zone = FindZone(bgr, deadline);
    if (!zone.ok()) return zone.status();
    auto printed = ReadPrintedText(bgr, *zone);
    if (!printed.ok()) return printed.status();
    const std::optional<MrzRead>& mrz_read = zone->mrz_read;
    const local::Classification cls =
        local::Classify(mrz_read ? &mrz_read->parsed : nullptr, AllText(printed->lines));
    if (cls.type == DocumentType::kFftLicence) {
      local::AddUnlabelledLicenceFields(printed->lines, printed->fields);
      local::KeepLicenceFields(printed->fields);
    }
    if (cls.type == DocumentType::kIdCard && !mrz_read) {
      local::AddDatesOfACardFront(printed->lines, printed->fields);
      local::AddSexByItsLetter(printed->lines, printed->fields);
      local::AddNationalityByItsCode(printed->lines, printed->fields);
    }
    if (cls.type == DocumentType::kIdCard) {
      local::AddFrenchNationalityInWords(printed->lines, printed->fields);
    }
    if (cls.type == DocumentType::kIdCard || cls.type == DocumentType::kResidencePermit) {
      local::AddAddressByItsPostcode(printed->lines, printed->fields);
    }
    if (cls.type == DocumentType::kIdCard || cls.type == DocumentType::kResidencePermit ||
        cls.type == DocumentType::kPassport) {
      const bool proved = mrz_read && mrz_read->parsed.valid && !mrz_read->lines.empty();
      local::AddIssueDateByValidity(printed->lines, proved ? &mrz_read->parsed : nullptr,
                                    printed->fields);
      local::AddBirthPlaceUncaptioned(printed->lines, proved ? &mrz_read->parsed : nullptr,
                                      printed->fields);
    }
    if (!mrz_read && printed->fields.empty() &&
        (cls.type == DocumentType::kOther || !zone->doc.outline_found)) {
      return Reject(ErrorCode::kNoDocument, "no identity document or licence found in the image");
    }
    if (cls.type == DocumentType::kPassport && cls.issuing_country == "FRA") {
      if (auto it = printed->fields.find(FieldName::kDocumentNumber); it != printed->fields.end()) {
        it->second.value = local::FrenchPassportNumberByPlace(std::move(it->second.value));
      }
    }
    // A printed name's accents, which OCR drops or confuses on capitals (french_names.h);
    // a PDF's own text (ReadTextLayer) is as printed.
    for (FieldName name : {FieldName::kSurname, FieldName::kGivenNames}) {
      if (auto it = printed->fields.find(name); it != printed->fields.end()) {
        it->second.value = local::WithNameAccents(std::move(it->second.value));
      }
    }
    return Extracted(cls, std::move(printed->fields),
                     mrz_read ? mrz_read->lines : std::vector<std::string>());
  }

  // The image as BGR pixels, or the rejection saying why there are none. libjpeg-turbo,
  // not cv::imdecode: OpenCV's codec module drags ~140 shared libraries (GDAL, DCMTK,
  // ...) into every process, tripling start-up time.
  static std::variant<cv::Mat, EngineResult> Decode(const NormalizedImage& image) {
    auto decoded = DecodeJpegScaled(image.bytes, 8, kMaxPixels);
    if (!decoded.ok()) {
      if (decoded.status().code() == StatusCode::kOutOfRange) {
        return Reject(ErrorCode::kTooLarge, "the image has too many pixels for the local engine");
      }
      return Reject(ErrorCode::kUndecodable, "the image cannot be decoded");
    }
    cv::Mat bgr;
    const cv::Mat pixels(decoded->height, decoded->width, decoded->bands == 1 ? CV_8UC1 : CV_8UC3,
                         decoded->pixels.data());
    cv::cvtColor(pixels, bgr, decoded->bands == 1 ? cv::COLOR_GRAY2BGR : cv::COLOR_RGB2BGR);
    if (static_cast<long>(bgr.cols) * bgr.rows > kMaxPixels) {
      return Reject(ErrorCode::kTooLarge, "the image has too many pixels for the local engine");
    }
    // A strip no document fits in (and that every later stage would shrink to nothing).
    // The size named is the upload's (normalisation may have scaled it down), which is
    // what its sender knows.
    if (std::min(bgr.cols, bgr.rows) < kMinSide) {
      const bool known = image.source_width > 0 && image.source_height > 0;
      const int width = known ? image.source_width : bgr.cols;
      const int height = known ? image.source_height : bgr.rows;
      return Reject(ErrorCode::kNoDocument, "the image is " + std::to_string(width) + " x " +
                                                std::to_string(height) +
                                                " pixels: too narrow to hold a document");
    }
    // A screenshot in dark mode: every stage below reads dark ink on light paper.
    if (local::LightTextOnDark(bgr)) cv::bitwise_not(bgr, bgr);
    return bgr;
  }

  // The document and its MRZ. A line or a shadow crossing the table can make a better
  // outline than the document's own; the MRZ is then warped out of shape, or out of the
  // picture. The runners-up are tried when the first outline gives no MRZ whose checks
  // hold, and one is taken only when its MRZ holds every check. Documents whose MRZ reads
  // at once pay nothing; the others one more warp, search and read per runner-up.
  //
  // When no place gave a valid MRZ, the third reader (PP-OCR) gets a second look at the
  // first place where an MRZ was located (ReadWithDnn): documents the first two readers
  // read never pay for it. Tesseract reads at most kTesseractPlaces places (MrzSearch).
  StatusOr<Zone> FindZone(const cv::Mat& bgr, std::chrono::steady_clock::time_point deadline) {
    MrzSearch search;
    const std::vector<std::vector<cv::Point2f>> outlines = local::FindOutlines(bgr, kMaxOutlines);
    auto zone = ReadZone(outlines.empty() ? local::WholeImage(bgr, kDocumentWidth)
                                          : local::Rectify(bgr, outlines.front(), kDocumentWidth),
                         deadline, nullptr, search.Limits());
    if (!zone.ok()) return zone.status();
    search.Note(*zone);
    for (size_t k = 1; k < outlines.size() && !zone->HasValidMrz(); ++k) {
      if (std::chrono::steady_clock::now() > deadline) break;
      auto other = ReadZone(local::Rectify(bgr, outlines[k], kDocumentWidth), deadline, nullptr,
                            search.Limits());
      if (!other.ok()) return other.status();
      search.Note(*other);
      if (other->HasValidMrz()) zone = std::move(other);
    }
    if (!zone->HasValidMrz() && std::chrono::steady_clock::now() < deadline) {
      auto found = ReadFoundMrz(bgr, deadline, search);
      if (!found.ok()) return found.status();
      if (*found) zone = std::move(**found);
    }
    if (!zone->HasValidMrz()) {
      if (std::optional<Zone> read = ReadWithDnn(search, deadline)) {
        zone = std::move(*read);
      } else if (!zone->where && !search.places.empty() &&
                 local::LiesWithin(zone->doc.corners, search.places.front().doc.corners)) {
        // The outline showed no zone and lies within the document the finder's MRZ
        // implies: it was a part of that document (its photo, a frame). No reader proved
        // that MRZ, but its OCR-B lines say where the document is and which way is up:
        // its printed text is read there once, above them, rather than in the part,
        // turned and as a whole photo (three page readings, ~1.2 s of CPU on a real
        // photo). An outline beside it (a card's other side on a scanned sheet) keeps
        // its own reading.
        zone = std::move(search.places.front());
      }
    }
    zone->page_outlines = outlines;
    return zone;
  }

  // One document's MRZ search so far. `places`: those whose MRZ was located but read valid
  // by neither OCR-B nor Tesseract, the first kDnnPlaces in the order tried. Where the
  // classifier withheld a valid but ambiguous read, only such places are kept: the third
  // reader may then confirm that read's values there, never replace them by another
  // reading of its own. `tesseract_places`: how many places Tesseract has read in search
  // of a valid MRZ (its confirmation of a withheld classifier read is not counted).
  struct MrzSearch {
    std::vector<Zone> places;
    bool withheld = false;
    int tesseract_places = 0;

    MrzReadLimits Limits(float other_way_likeness = 0.0f) const {
      return MrzReadLimits{other_way_likeness, tesseract_places < kTesseractPlaces};
    }

    void Note(const Zone& zone) {
      tesseract_places += zone.tesseract_ran;
      if (!zone.where || zone.HasValidMrz()) return;
      if (zone.mrz_read && !zone.mrz_read->ocrb_like) return;  // text, not a zone
      if (zone.ocrb_likeness < kDnnLeastLikeness) return;
      const bool held = zone.mrz_read && zone.mrz_read->parsed.valid;
      if (held && !withheld) {
        withheld = true;
        places.clear();
      }
      if (held == withheld && places.size() < kDnnPlaces) {
        places.push_back(zone);  // shares the pixels
      }
    }
  };

  // The third reader on `search`'s places, in order, within the deadline: the first place
  // it reads valid, lines kept (not withheld).
  std::optional<Zone> ReadWithDnn(MrzSearch& search,
                                  std::chrono::steady_clock::time_point deadline) const {
    if (!mrz_reader_.has_dnn()) return std::nullopt;
    for (Zone& place : search.places) {
      if (std::chrono::steady_clock::now() > deadline) break;
      MrzRead read = mrz_reader_.ReadWithDnn(place.gray, *place.where,
                                             search.withheld ? &place.mrz_read->parsed : nullptr);
      if (read.parsed.valid && !read.lines.empty()) {
        place.mrz_read = std::move(read);
        return std::move(place);
      }
    }
    return std::nullopt;
  }

  // Printed text: everything above the MRZ (or the whole document). Without an MRZ to
  // say which way is up, the document upside down and the whole photo are read too, and
  // the reading with the most labelled fields kept.
  StatusOr<PrintedText> ReadPrintedText(const cv::Mat& bgr, const Zone& zone) {
    const cv::Mat& gray = zone.gray;
    int text_bottom = gray.rows;
    if (zone.where) text_bottom = std::max(gray.rows / 3, zone.where->lines.front().y - 4);
    auto lease = text_pool_.Borrow();
    if (!lease.ok()) return lease.status();
    // A QR code's modules are no text and make Tesseract join the rows beside them.
    // Looked for where no MRZ was located (licences; identity documents carry none).
    const std::vector<local::Quad> qr_codes =
        zone.where ? std::vector<local::Quad>() : local::FindQrCodes(gray);
    cv::Mat without_codes = gray;
    if (!qr_codes.empty()) {
      without_codes = gray.clone();
      local::PaintQrCodesWhite(without_codes, qr_codes);
    }
    // Frames around words are taken out of a flat image only (a screen, a scan): out of
    // photos too, they cost the seen set 7 fields. Judged once, on the photo as taken.
    cv::Mat source_gray;
    cv::cvtColor(bgr, source_gray, cv::COLOR_BGR2GRAY);
    const bool flat = local::IsAFlatImage(source_gray);
    cv::Mat without_marks =
        local::WithoutDotLeadersOrCharacterBoxes(local::WithoutRuleLines(without_codes));
    if (flat) without_marks = local::WithoutFramesAroundWords(without_marks);
    const cv::Mat text_image = DarkenForText(without_marks);
    const bool proved =
        zone.mrz_read && zone.mrz_read->parsed.valid && !zone.mrz_read->lines.empty();
    const mrz::ParsedMrz* proved_mrz = proved ? &zone.mrz_read->parsed : nullptr;
    // A licence shows some fields without labels (the app's screen): with no MRZ, each
    // reading counts those too, so that the reading that holds them is the one kept; and
    // only a licence's fields, which are all it will keep (a birth place read out of its
    // holder's name made a misread reading the longer).
    auto with_unlabelled = [&](PrintedText text) {
      if (!zone.mrz_read &&
          local::Classify(nullptr, AllText(text.lines)).type == DocumentType::kFftLicence) {
        local::AddUnlabelledLicenceFields(text.lines, text.fields);
        local::KeepLicenceFields(text.fields);
      }
      return text;
    };
    cv::Mat plain;
    cv::cvtColor(zone.doc.image, plain, cv::COLOR_BGR2GRAY);
    local::PaintQrCodesWhite(plain, qr_codes);
    BothPolarities both_polarities = BothPolarities::kUnchecked;
    // Whether rectification turned the document a quarter: its top edge runs more down
    // the photo than across. Without an MRZ to say which way is up, printed text upright
    // in the photo (a portrait attestation, a screenshot) is then read sideways.
    const cv::Point2f top_edge = zone.doc.corners[1] - zone.doc.corners[0];
    const bool turned = std::abs(top_edge.y) > std::abs(top_edge.x);
    // A page in portrait (an attestation) that the landscape rectification laid on its
    // side: turned back a quarter, it stands as it stood in the photo, and straightened
    // by its outline, which the whole photo is not.
    auto read_upright = [&] {
      const auto back = top_edge.y > 0 ? cv::ROTATE_90_CLOCKWISE : cv::ROTATE_90_COUNTERCLOCKWISE;
      cv::Mat upright, plain_upright;
      cv::rotate(text_image, upright, back);
      cv::rotate(plain, plain_upright, back);
      return with_unlabelled(ReadFields(lease->get(), upright, plain_upright, upright.cols, nullptr,
                                        both_polarities, SmallCaptions::kReadApart));
    };
    // No MRZ and a page that rectification turned a quarter: a page in portrait, laid on
    // its side. Whether it fills the frame (a scanned attestation, an app's screen: no
    // outline) or lies on a table (outlined), it was photographed as it is read, upright,
    // so it is read upright first; when that reading names the holder (surname and given
    // names) and one more field, the page is not read on its side, nor upside down (one or
    // two page readings, ~0.15-0.3 s of CPU each). On its side, Tesseract picked the wrong
    // way up for nearly every seen licence photographed on a table (0 fields, then the
    // page read again upside down).
    std::optional<PrintedText> upright_first;
    if (!zone.where && turned) upright_first = read_upright();
    PrintedText printed;
    if (upright_first && NamesTheHolder(upright_first->fields) &&
        upright_first->fields.size() >= 3) {
      printed = std::move(*upright_first);
    } else {
      printed = with_unlabelled(ReadFields(lease->get(), text_image.rowRange(0, text_bottom),
                                           plain.rowRange(0, text_bottom), gray.cols,
                                           proved ? &zone.mrz_read->parsed : nullptr,
                                           both_polarities, SmallCaptions::kReadApart));
      if (!zone.where && printed.fields.size() < 2) {
        // Few labels found: maybe upside down (no MRZ told us).
        cv::Mat flipped, plain_flipped;
        cv::rotate(text_image, flipped, cv::ROTATE_180);
        cv::rotate(plain, plain_flipped, cv::ROTATE_180);
        KeepBetter(printed,
                   with_unlabelled(ReadFields(lease->get(), flipped, plain_flipped, gray.cols,
                                              nullptr, both_polarities, SmallCaptions::kAsRead)));
      }
      if (upright_first) {
        KeepBetter(printed, std::move(*upright_first));
      } else if (!zone.where && turned && printed.fields.size() < 3) {
        KeepBetter(printed, read_upright());
      }
    }
    // A licence outlined as a small part of a flat image (a panel of an app's screen, a box
    // of a scanned page, document_finder.h) shows more than its outline holds: the
    // holder's name over the panel, the season under it.
    // (Looked for only where the whole photo is not read anyway; the text first, the
    // pixels' count after.)
    auto part_of_a_licence = [&] {
      return zone.doc.outline_found &&
             local::Classify(nullptr, AllText(printed.lines)).type == DocumentType::kFftLicence &&
             local::IsASmallPartOfAFlatImage(bgr, zone.doc.corners);
    };
    if (!zone.where && (printed.fields.size() < 3 || turned || part_of_a_licence())) {
      // Few labels and no MRZ: the outline may be a part of the document (its photo, a
      // frame) or a page in portrait that the landscape rectification turned sideways.
      KeepBetter(printed,
                 with_unlabelled(ReadWholePhoto(lease->get(), bgr, flat, both_polarities)));
    }
    // A page holding both sides of a card, the other side under this one's MRZ (a sheet
    // photocopied, front over back): the fields printed under the MRZ, where the page's
    // reading has none. Only when a quarter of the page lies under it, and when it names
    // two fields at least, as a side of a card does.
    if (zone.where) {
      const int under = zone.where->lines.back().br().y + 4;
      if (under < gray.rows * 3 / 4) {
        PrintedText below = ReadFields(lease->get(), text_image.rowRange(under, gray.rows),
                                       plain.rowRange(under, gray.rows), gray.cols, nullptr,
                                       both_polarities, SmallCaptions::kAsRead);
        if (below.fields.size() >= 2) {
          AddFieldsOfAnotherSide(std::move(below.fields), proved_mrz, printed.fields);
          AddLinesOfAnotherSide(std::move(below.lines), cv::Point(0, under), printed.lines);
        }
      }
    }
    AddOtherSide(lease->get(), bgr, zone, proved_mrz, printed);
    if (proved_mrz) {
      local::AddNamesTheMrzSpells(printed.lines, *proved_mrz, printed.fields);
      local::SpaceNamesAsTheMrz(*proved_mrz, printed.fields);
    }
    return printed;
  }

  // A photocopy of both sides of a card on one page (the 1988 card's address and issue
  // date are on its back, the 2021 card's names on its front): the fields of the other
  // side, found as an outline of the same size beside the document's, or as the card-sized
  // place above or under it on the sheet around it, added where the document's own
  // reading has none. The other side counts only when it names at least two fields, as a
  // side of a card does; a stray box in a photo's background does not.
  static void AddOtherSide(tesseract::TessBaseAPI& api, const cv::Mat& bgr, const Zone& zone,
                           const mrz::ParsedMrz* proved_mrz, PrintedText& printed) {
    std::vector<std::vector<cv::Point2f>> places;
    if (zone.doc.outline_found) {
      if (auto other = local::OtherSideOutline(zone.page_outlines, zone.doc.corners)) {
        places.push_back(std::move(*other));
      }
    }
    // In a photo the sheet is the outline, and the card was found by its MRZ: the other
    // side is the card-sized place above or under it on the sheet.
    if (places.empty()) places = local::SidesBesideOnItsSheet(zone.page_outlines, zone.doc.corners);
    for (const auto& place : places) {
      const local::FoundDocument side = local::Rectify(bgr, place, kDocumentWidth);
      cv::Mat plain;
      cv::cvtColor(side.image, plain, cv::COLOR_BGR2GRAY);
      const cv::Mat flat = FlattenLight(plain);
      BothPolarities both_polarities = BothPolarities::kNone;
      PrintedText read = ReadFields(
          api,
          DarkenForText(local::WithoutDotLeadersOrCharacterBoxes(local::WithoutRuleLines(flat))),
          plain, flat.cols, nullptr, both_polarities, SmallCaptions::kAsRead);
      if (read.fields.size() >= 2) {
        AddFieldsOfAnotherSide(std::move(read.fields), proved_mrz, printed.fields);
        // Laid under the page and the sides before it, so that no line of one side is
        // taken for a neighbour of another's.
        int bottom = zone.gray.rows;
        for (const OcrLine& line : printed.lines) bottom = std::max(bottom, line.box.br().y);
        AddLinesOfAnotherSide(std::move(read.lines), cv::Point(0, bottom + flat.rows / 4),
                              printed.lines);
      }
    }
  }

  // `other`'s lines, moved by `offset` into the page's frame, after `lines`: what the label-
  // free readings (a postcode's address, an issue date by its validity) look at.
  static void AddLinesOfAnotherSide(std::vector<OcrLine> other, cv::Point offset,
                                    std::vector<OcrLine>& lines) {
    for (OcrLine& line : other) {
      line.box += offset;
      for (local::OcrWord& word : line.words) word.box += offset;
      lines.push_back(std::move(line));
    }
  }

  // `other`'s fields (another side's, read without the MRZ's help) where `fields` has none.
  // Against a proved MRZ, another side only adds what the MRZ cannot say or says the same:
  // its names when the MRZ does not refute them (the printed form keeps the accents the
  // MRZ drops), never a number, date, sex or nationality the MRZ already proves, whose
  // misread ("AUY97WY8Y" for "4UY97WY8Y") would only be a false alarm.
  static void AddFieldsOfAnotherSide(Fields other, const mrz::ParsedMrz* proved_mrz,
                                     Fields& fields) {
    for (auto& [name, field] : other) {
      if (proved_mrz) {
        const bool names = name == FieldName::kSurname || name == FieldName::kGivenNames;
        const bool in_mrz = name == FieldName::kDocumentNumber || name == FieldName::kBirthDate ||
                            name == FieldName::kExpiryDate || name == FieldName::kSex ||
                            name == FieldName::kNationality;
        if (in_mrz) continue;
        if (names && local::NamesContradictingMrz(proved_mrz, Fields{{name, field}}) > 0) continue;
      }
      fields.try_emplace(name, std::move(field));
    }
  }

  // Light text on a dark card or band of `plain` read apart, made dark on white, in place
  // of what the page's reading (`lines`) made of it.
  static void ReadLightTextApart(tesseract::TessBaseAPI& api, const cv::Mat& plain,
                                 std::vector<OcrLine>& lines) {
    for (const local::LightTextRegion& light : local::LightTextRegions(plain)) {
      const cv::Rect& region = light.box;
      auto inside_region = [&](const OcrLine& line) {
        return region.contains((line.box.tl() + line.box.br()) / 2);
      };
      // Tesseract inverts some light-on-dark lines itself (a clean band's title): when the
      // page's reading holds a character for each light mark there, surely, it stands.
      double page_reads = 0;
      int page_characters = 0;
      for (const auto& line : lines) {
        if (!inside_region(line)) continue;
        page_reads += ReadConfidence(line);
        page_characters += ReadCharacters(line);
      }
      if (page_characters >= light.marks && page_reads >= kSureReading * page_characters) continue;
      cv::Mat apart_image = local::DarkTextOnWhite(plain, light);
      if (apart_image.empty()) continue;
      // A card photographed small prints its captions a few pixels high: enlarged to a
      // page's scale, Tesseract reads them.
      const double enlarge = std::clamp(1000.0 / region.width, 1.0, 2.0);
      if (enlarge > 1.0) {
        cv::resize(apart_image, apart_image, cv::Size(), enlarge, enlarge, cv::INTER_CUBIC);
      }
      auto to_page = [&](cv::Rect box) {
        return cv::Rect(static_cast<int>(box.x / enlarge), static_cast<int>(box.y / enlarge),
                        static_cast<int>(std::ceil(box.width / enlarge)),
                        static_cast<int>(std::ceil(box.height / enlarge))) +
               region.tl();
      };
      std::vector<OcrLine> apart = RecogniseLines(api, apart_image, {0, 0});
      local::ReadUnsureColumnsApart(api, apart_image, apart);
      double apart_reads = 0;
      for (auto& line : apart) {
        line.box = to_page(line.box);
        for (auto& word : line.words) word.box = to_page(word.box);
        apart_reads += ReadConfidence(line);
      }
      // The reading apart replaces the page's there only when it reads more, more surely.
      // Otherwise it adds the lines, read surely, where the page read nothing (the holder's
      // name on an app's header, under the title that the page read).
      if (apart_reads <= page_reads) {
        std::vector<OcrLine> missed;
        for (auto& line : apart) {
          const int characters = ReadCharacters(line);
          const bool sure = characters > 0 && ReadConfidence(line) >= kSureReading * characters;
          const bool read_there = std::any_of(lines.begin(), lines.end(), [&](const OcrLine& l) {
            return (l.box & line.box).area() > 0.3 * std::min(l.box.area(), line.box.area());
          });
          if (sure && !read_there) missed.push_back(std::move(line));
        }
        for (auto& line : missed) lines.push_back(std::move(line));
        continue;
      }
      std::erase_if(lines, inside_region);
      for (auto& line : apart) lines.push_back(std::move(line));
    }
  }

  // `text_image` with each caption on a small dark tag of `plain` (LightTextChips) made
  // dark on white in its place, and each small tinted tag's ground (TintedTextChips) made
  // white under its dark letters; `text_image` itself when there is neither.
  static cv::Mat WithTagsMadeDark(const cv::Mat& text_image, const cv::Mat& plain) {
    const std::vector<local::LightTextRegion> tags = local::LightTextChips(plain);
    const std::vector<local::LightTextRegion> tinted = local::TintedTextChips(plain);
    if (tags.empty() && tinted.empty()) return text_image;
    cv::Mat page = text_image.clone();
    for (const local::LightTextRegion& tag : tags) {
      const cv::Mat dark_on_white = local::DarkTextOnWhite(plain, tag);
      if (!dark_on_white.empty()) dark_on_white.copyTo(page(tag.box));
    }
    for (const local::LightTextRegion& tag : tinted) {
      const cv::Mat on_white = local::DarkTextOnTintMadeWhite(plain, tag);
      if (!on_white.empty()) on_white.copyTo(page(tag.box), tag.mask);
    }
    return page;
  }

  // The labelled fields of `text_image`, captions above or under their values as the
  // page itself tells (ChooseCaptionPlacement; `proved_mrz`: a proved MRZ or null).
  // `plain_as_read`: the same gray image before its light was flattened (flattening whitens
  // a dark card's ground away from its letters), where light text on a dark ground is found.
  // `width`: `text_image`'s width as the caller sees the document; the fields' boxes and
  // tolerances are in the frame where the page's text stands (upright_frame.h), which for a
  // page read sideways is `text_image` turned a quarter.
  // `both_polarities`: how far this document's ink of both polarities (InkOfBothPolarities) has
  // been looked at; updated by this call. `small_captions`: whether small captions beside or
  // over large values are read again apart (small_words.h): on the document's first
  // and on a portrait page's upright one only: a photo read four ways (no MRZ, few labels)
  // paid it four times, up to ~0.4 s of CPU.
  static PrintedText ReadFields(tesseract::TessBaseAPI& api, const cv::Mat& text_image,
                                const cv::Mat& plain_as_read, int width,
                                const mrz::ParsedMrz* proved_mrz, BothPolarities& both_polarities,
                                SmallCaptions small_captions) {
    PrintedText printed;
    const cv::Mat read_page = WithTagsMadeDark(text_image, plain_as_read);
    tesseract::Orientation facing = tesseract::ORIENTATION_PAGE_UP;
    printed.lines = RecogniseLines(api, read_page, {0, 0}, &facing);
    // A page Tesseract read mostly sideways (a portrait attestation that rectification laid
    // on its side) has its lines' boxes in the frame where its text stands upright: the
    // looks at its pixels below search there, not in the image as it was read.
    const cv::Mat page = local::UprightImage(read_page, facing);
    const cv::Mat plain = local::UprightImage(plain_as_read, facing);
    // The document's width as its text stands, which scales the reader's tolerances.
    auto upright_width = [&](tesseract::Orientation way) {
      return width * local::UprightSize(read_page.size(), way).width / std::max(1, read_page.cols);
    };
    if (small_captions == SmallCaptions::kReadApart) {
      local::ReadSmallWordsApart(api, page, printed.lines);
      local::ReadStackedCaptionsApart(api, page, printed.lines);
      local::ReadMergedCaptionsApart(api, page, printed.lines);
      local::ReadDroppedCaptionsApart(api, page, printed.lines);
      local::ReadUnsureColumnsApart(api, page, printed.lines);
    }
    ReadLightTextApart(api, plain, printed.lines);
    printed.fields = local::ReadLabelledFields(printed.lines, upright_width(facing));
    // Captions lighter than a tinted ground beside darker values: the page read again with
    // its ink of both polarities made dark, kept when it finds more labelled fields and
    // a proved MRZ refutes none of its names that it did not refute before.
    cv::Mat read_image = page;
    // Once a document: its other readings (turned, the whole photo) show the same ground,
    // and each costs a page's reading.
    cv::Mat both;
    if (both_polarities == BothPolarities::kUnchecked) {
      both = local::InkOfBothPolarities(plain_as_read);
      both_polarities = both.empty() ? BothPolarities::kNone : BothPolarities::kRead;
    }
    if (!both.empty()) {
      PrintedText other;
      tesseract::Orientation both_facing = tesseract::ORIENTATION_PAGE_UP;
      other.lines = RecogniseLines(api, both, {0, 0}, &both_facing);
      both = local::UprightImage(both, both_facing);
      if (small_captions == SmallCaptions::kReadApart) {
        local::ReadSmallWordsApart(api, both, other.lines);
      }
      other.fields = local::ReadLabelledFields(other.lines, upright_width(both_facing));
      if (other.fields.size() > printed.fields.size() &&
          local::NamesContradictingMrz(proved_mrz, other.fields) <=
              local::NamesContradictingMrz(proved_mrz, printed.fields)) {
        printed = std::move(other);
        read_image = both;
        facing = both_facing;
      }
    }
    if (auto label = local::LabelWithoutValue(printed.lines, printed.fields, FieldName::kSex)) {
      if (auto sex = local::ReadLoneLetter(api, read_image, *label, "MFX")) {
        printed.fields[FieldName::kSex] = std::move(*sex);
      }
    }
    // A short value of a strict form, dropped with its line ("M  FRA  30 01 1957" under
    // three captions): read alone under its caption, kept when it has its field's form.
    for (FieldName field : kFieldsReadUnderTheirCaption) {
      if (auto label = local::LabelWithoutValue(printed.lines, printed.fields, field)) {
        if (auto word = local::ReadLoneWord(api, read_image, *label)) {
          word->value = local::RepairValue(field, std::move(word->value));
          if (local::FitsForm(field, word->value)) printed.fields[field] = std::move(*word);
        }
      }
    }
    // A ranking's badge over its caption, where the page read nothing.
    if (auto label = local::LabelWithoutValue(printed.lines, printed.fields, FieldName::kRanking)) {
      const cv::Rect over = local::AreaOverLabel(*label);
      const bool read_there =
          std::any_of(printed.lines.begin(), printed.lines.end(),
                      [&](const OcrLine& line) { return (line.box & over).area() > 0; });
      if (!read_there) {
        if (auto word = local::ReadLoneWordOver(api, read_image, *label)) {
          word->value = local::RepairValue(FieldName::kRanking, std::move(word->value));
          if (local::FitsForm(FieldName::kRanking, word->value)) {
            printed.fields[FieldName::kRanking] = std::move(*word);
          }
        }
      }
    }
    // Or its big figures on a disc by it, which the page read apart ("L 5") or not at all.
    if (auto label = local::LabelWithoutValue(printed.lines, printed.fields, FieldName::kRanking)) {
      if (auto badge = local::ReadBigFiguresBy(api, read_image, *label, "0123456789/-NC")) {
        badge->value = local::RepairValue(FieldName::kRanking, std::move(badge->value));
        if (local::FitsForm(FieldName::kRanking, badge->value)) {
          printed.fields[FieldName::kRanking] = std::move(*badge);
        }
      }
    }
    local::ChooseCaptionPlacement(proved_mrz, printed.lines, upright_width(facing), printed.fields);
    ReadLicenceLetterAgain(api, read_image, printed);
    DecideNoughtsAndOs(read_image, printed);
    return printed;
  }

  // A document number read in one word, or in words of one line (a number printed letter-
  // spaced, "Y 8 B OAZ N 1 G"), whose O and 0 its glyphs' widths tell apart (see
  // NoughtsAndOsByWidth), and whose glyphs tell an I it holds too many.
  static void DecideNoughtsAndOs(const cv::Mat& read_image, PrintedText& printed) {
    const auto number = printed.fields.find(FieldName::kDocumentNumber);
    if (number == printed.fields.end()) return;
    std::string& value = number->second.value;
    for (const OcrLine& line : printed.lines) {
      for (size_t first = 0; first < line.words.size(); ++first) {
        std::string text = line.words[first].text;
        cv::Rect box = line.words[first].box;
        size_t last = first;
        while (text.size() < value.size() && last + 1 < line.words.size()) {
          text += " " + line.words[++last].text;
          box |= line.words[last].box;
        }
        if (text != value) continue;
        std::string glyphs = value;
        std::erase(glyphs, ' ');
        if (value.find(' ') == std::string::npos) {
          glyphs = local::WithoutAnInventedI(read_image, box, glyphs);
          value = glyphs;
        }
        const std::string decided = local::NoughtsAndOsByWidth(read_image, box, glyphs);
        for (size_t k = 0, g = 0; k < value.size(); ++k) {
          if (value[k] != ' ') value[k] = decided[g++];
        }
        return;
      }
    }
  }

  // A licence number read as its seven digits alone, its letter dropped or taken for a sign
  // ("8741185 \"): the mark right of the number's word read alone among capitals. Where the
  // page read a sign there, a glyph is known to stand there and only its letter is asked:
  // both page modes reading the same capital is enough, whatever their confidence. Read as
  // eight digits in one word ("72007640" for "7200764 U", "90116873" for "9011687 J"), the
  // eighth glyph is the letter taken for a digit: the word is cut into its glyphs and that
  // one read alike, among capitals.
  static void ReadLicenceLetterAgain(tesseract::TessBaseAPI& api, const cv::Mat& read_image,
                                     PrintedText& printed) {
    constexpr const char* kCapitals = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    const auto number = printed.fields.find(FieldName::kLicenceNumber);
    if (number == printed.fields.end()) return;
    const std::string digits = number->second.value;
    if ((digits.size() != 7 && digits.size() != 8) ||
        !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      return;
    }
    for (const OcrLine& line : printed.lines) {
      for (size_t k = 0; k < line.words.size(); ++k) {
        const local::OcrWord& word = line.words[k];
        if (word.text != digits) continue;
        cv::Rect seven = word.box;
        bool glyph_after = k + 1 < line.words.size() && IsOneSign(line.words[k + 1].text);
        if (digits.size() == 8) {
          const auto leading =
              local::LeadingGlyphs(local::CutIntoGlyphs(read_image, word.box, 8), 7);
          if (!leading) return;
          seven = *leading;
          glyph_after = true;
        }
        if (auto letter =
                local::ReadLetterAfter(api, read_image, seven, kCapitals, glyph_after ? 0 : 75)) {
          number->second.value = digits.substr(0, 7) + " " + letter->value;
        }
        return;
      }
    }
  }

  // One character that is no letter or digit: ASCII punctuation ("\", ")"), Latin-1's signs
  // (U+00A0-U+00BF: "°", "«") or the general punctuation and symbols (U+2000-U+2BFF: "€",
  // "—"). An accented letter is a letter.
  static bool IsOneSign(const std::string& text) {
    const auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
    if (text.size() == 1) return byte(0) > ' ' && byte(0) < 0x80 && !std::isalnum(byte(0));
    if (text.size() == 2) return byte(0) == 0xC2 && byte(1) >= 0xA0;
    return text.size() == 3 && byte(0) == 0xE2 && byte(1) < 0xB0;
  }

  // The whole image as it was taken, upright, scaled to at most 1600 pixels, and a small one
  // (under 1000 pixels its longest side) enlarged to 1200: a card scanned at ~130 dpi
  // (556 x 351) has captions 7 pixels high, which Tesseract reads as noise, and its
  // outline found may be its photo's frame, so this is its only reading (0 fields read
  // at its own size, 7 of 8 enlarged). `flat`: IsAFlatImage of the photo, whose frames
  // around words are then taken out.
  static PrintedText ReadWholePhoto(tesseract::TessBaseAPI& api, const cv::Mat& bgr, bool flat,
                                    BothPolarities& both_polarities) {
    cv::Mat whole;
    cv::cvtColor(bgr, whole, cv::COLOR_BGR2GRAY);
    const int longest = std::max(whole.cols, whole.rows);
    const double scale = longest > 1600   ? 1600.0 / longest
                         : longest < 1000 ? 1200.0 / longest
                                          : 1.0;
    if (scale < 1.0) cv::resize(whole, whole, cv::Size(), scale, scale, cv::INTER_AREA);
    if (scale > 1.0) cv::resize(whole, whole, cv::Size(), scale, scale, cv::INTER_CUBIC);
    local::PaintQrCodesWhite(whole, local::FindQrCodes(whole));
    // Character boxes out (a scanned form's comb field), but not rules and leaders: taken
    // out of the whole photo, they cost the seen licences' screens and photos 6 fields.
    cv::Mat without_marks = local::WithoutCharacterBoxes(FlattenLight(whole));
    if (flat) without_marks = local::WithoutFramesAroundWords(without_marks);
    const cv::Mat whole_text = DarkenForText(without_marks);
    // The whole photo is another image than the document's page: its marks are counted
    // again, unless the page was already read both ways.
    if (both_polarities == BothPolarities::kNone) both_polarities = BothPolarities::kUnchecked;
    return ReadFields(api, whole_text, whole, whole_text.cols, nullptr, both_polarities,
                      SmallCaptions::kAsRead);
  }

  // Both names: a reading that lost one (a caption in white on a dark card missed) is
  // not enough to skip the others.
  static bool NamesTheHolder(const Fields& fields) {
    return fields.count(FieldName::kSurname) && fields.count(FieldName::kGivenNames);
  }

  // `other` replaces `current` when it found more labelled fields, or as many (at least
  // one) read more surely (the sum of its fields' confidences): the same page read at two
  // scales (a screenshot rectified and as taken) gives the same fields, and the one whose
  // digits OCR was surer of is the one whose digits are right more often. The reading left
  // aside fills the kept one's gaps when both read the same holder (agreeing_readings.h).
  static void KeepBetter(PrintedText& current, PrintedText other) {
    auto sureness = [](const PrintedText& text) {
      double sum = 0;
      for (const auto& [name, field] : text.fields) sum += field.confidence.value_or(0.0);
      return sum;
    };
    const bool tie = !other.fields.empty() && other.fields.size() == current.fields.size();
    if (other.fields.size() > current.fields.size() ||
        (tie && sureness(other) > sureness(current))) {
      std::swap(current, other);
    }
    local::FillFromAnAgreeingReading(current.fields, other.fields);
  }

  // A PDF with its own text (an attestation exported by the federation's site): the
  // labelled fields read from that text, no OCR. Only when it names at least two fields;
  // otherwise (a scan saved as PDF, a page of pictures) the rendered pixels are read.
  //
  // An MRZ in the text (a PDF made from a document's data, or a scan its scanner OCR'd) is
  // taken only when every check holds as written, with no repair: a scanner's OCR makes
  // the same slips ours does, and the pixels are then read instead.
  static std::optional<EngineResult> ReadTextLayer(const NormalizedImage& image) {
    if (image.text_layer.empty()) return std::nullopt;
    const std::vector<OcrLine> lines = local::LinesFromTextLayer(image.text_layer);
    std::string raw;
    for (const auto& line : lines) raw += line.text + "\n";
    mrz::ParseOptions as_written;
    as_written.today = SystemClock().Today();
    as_written.correct = false;
    const auto parsed = mrz::ParseMrzText(raw, as_written);
    Fields fields = local::ReadLabelledFields(lines, image.width);
    local::ChooseCaptionPlacement(parsed.ok() && parsed->valid ? &*parsed : nullptr, lines,
                                  image.width, fields);
    const bool mrz_like = parsed.ok() || HasMrzLikeLine(lines);
    if (mrz_like && !(parsed.ok() && parsed->valid)) return std::nullopt;
    if (fields.size() < 2 && !mrz_like) return std::nullopt;
    const local::Classification cls =
        local::Classify(mrz_like ? &*parsed : nullptr, AllText(lines));
    if (cls.type == DocumentType::kFftLicence) {
      local::AddUnlabelledLicenceFields(lines, fields);
      local::KeepLicenceFields(fields);
    }
    return Extracted(cls, std::move(fields), mrz_like ? parsed->lines : std::vector<std::string>());
  }

  // A line of MRZ length made of MRZ characters only, with a filler run: the PDF's text
  // holds a zone, read or not.
  static bool HasMrzLikeLine(const std::vector<OcrLine>& lines) {
    for (const auto& line : lines) {
      std::string compact;
      for (char c : line.text) {
        if (c != ' ') compact += c;
      }
      if (compact.size() < 28 || compact.size() > 46) continue;
      if (compact.find("<<") == std::string::npos) continue;
      if (std::all_of(compact.begin(), compact.end(), [](char c) {
            return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '<';
          })) {
        return true;
      }
    }
    return false;
  }

  // The MRZ looked for by its own shape anywhere in the image (local/mrz_finder.h), each
  // candidate read as the document it implies, the likelier orientation first: the first
  // whose read holds every check. For images whose outline gave no valid MRZ: a scan with
  // no background, a card on a white table, a mistaken outline, a page turned 90 degrees.
  StatusOr<std::optional<Zone>> ReadFoundMrz(const cv::Mat& bgr,
                                             std::chrono::steady_clock::time_point deadline,
                                             MrzSearch& search) {
    cv::Mat gray;
    cv::cvtColor(bgr, gray, cv::COLOR_BGR2GRAY);
    bool first = true;
    for (const auto& candidate : local::FindMrzCandidates(gray, kFoundCandidates)) {
      // A runner-up only when its fillers sit at one end, as a zone's do: a page's print
      // taken for lines scores near 0, and reading it cost a licence's photo 1.4 s.
      if (!std::exchange(first, false) && candidate.upright_odds < kRunnerUpOdds) continue;
      std::vector<local::MrzCandidate> ways = {candidate};
      if (candidate.upright_odds < kSureOrientation) ways.push_back(local::Reversed(candidate));
      float first_way_likeness = 0.0f;
      bool ocrb_like = false;
      for (const auto& oriented : ways) {
        if (std::chrono::steady_clock::now() > deadline) {
          return std::optional<Zone>();
        }
        local::FoundDocument doc =
            local::Rectify(bgr, local::ImpliedDocument(oriented), kDocumentWidth);
        const std::vector<cv::Rect> approx =
            local::LinesInDocument(oriented, doc.corners, doc.image.size());
        auto zone = ReadZone(std::move(doc), deadline, &approx, search.Limits(first_way_likeness));
        if (!zone.ok()) return zone.status();
        search.Note(*zone);
        if (zone->HasValidMrz()) return std::optional<Zone>(std::move(*zone));
        first_way_likeness = zone->ocrb_likeness;
        ocrb_like = ocrb_like || !zone->mrz_read || zone->mrz_read->ocrb_like;
      }
      if (ocrb_like) break;
    }
    return std::optional<Zone>();
  }

  // The document as one outline gives it: upright, light flattened, its MRZ located and
  // read. `known_lines`: the MRZ lines' approximate boxes in `found` (from the MRZ
  // finder); they replace the search of the page.
  StatusOr<Zone> ReadZone(local::FoundDocument found,
                          std::chrono::steady_clock::time_point deadline,
                          const std::vector<cv::Rect>* known_lines, const MrzReadLimits& limits) {
    Zone zone;
    zone.doc = std::move(found);
    // A dark card on a light page (a licence in the federation's colours, printed from the
    // app): the photo as a whole is not light on dark, its outline's content is. (Without
    // an outline the document is the photo, which Decode judged whole; a light one, by its
    // mean, is not worth the count.)
    if (zone.doc.outline_found && cv::mean(zone.doc.image)[1] < 128 &&
        local::LightTextOnDark(zone.doc.image)) {
      cv::bitwise_not(zone.doc.image, zone.doc.image);
      // The light page the outline took with the card's edge is now a dark frame, which
      // OCR reads as letters glued to the card's first column: its margin made white.
      const int margin = std::max(2, zone.doc.image.cols / 100);
      cv::rectangle(zone.doc.image, cv::Rect(0, 0, zone.doc.image.cols, zone.doc.image.rows),
                    cv::Scalar(255, 255, 255), margin);
    }
    cv::cvtColor(zone.doc.image, zone.gray, cv::COLOR_BGR2GRAY);
    zone.gray = FlattenLight(zone.gray);
    LocateZoneMrz(zone, known_lines);
    if (std::chrono::steady_clock::now() > deadline) {
      return DeadlineExceededError("local engine: deadline passed");
    }
    if (zone.where) {
      if (Status read = ReadLocatedMrz(zone, deadline, limits); !read.ok()) {
        return read;
      }
    }
    return zone;
  }

  // Where the zone's MRZ is (`known_lines` tightened, or searched for), the document and
  // its gray image turned upright by it. With no outline and no MRZ found, the document
  // may fill the frame in portrait: both quarter turns are tried.
  static void LocateZoneMrz(Zone& zone, const std::vector<cv::Rect>* known_lines) {
    local::FoundDocument& doc = zone.doc;
    cv::Mat& gray = zone.gray;
    std::optional<local::MrzLocation>& where = zone.where;
    if (known_lines) {
      std::vector<cv::Rect> tight = local::TightenLines(gray, *known_lines);
      if (tight.size() == known_lines->size() && tight.size() >= 2) {
        where = local::MrzLocation{std::move(tight), false};
      }
    } else {
      where = local::LocateMrz(gray);
    }
    if (where && where->upside_down) {
      Rotate(doc, gray, cv::ROTATE_180);
      where = local::LocateMrz(gray);
    }
    if (where || doc.outline_found || known_lines) return;
    for (auto rotation : {cv::ROTATE_90_CLOCKWISE, cv::ROTATE_90_COUNTERCLOCKWISE}) {
      cv::Mat turned;
      cv::rotate(gray, turned, rotation);
      if (!local::LocateMrz(turned)) continue;
      Rotate(doc, gray, rotation);
      where = local::LocateMrz(gray);
      if (where && where->upside_down) {
        Rotate(doc, gray, cv::ROTATE_180);
        where = local::LocateMrz(gray);
      }
      return;
    }
  }

  // Reads the zone's located MRZ into zone.mrz_read.
  Status ReadLocatedMrz(Zone& zone, std::chrono::steady_clock::time_point deadline,
                        const MrzReadLimits& limits) {
    // How tall the MRZ characters were in the photo itself: below ~16 px the 9 % by which
    // OCR-B digits outgrow the capitals is under 1.5 px, and O cannot be told from 0
    // (they are then always treated as ambiguous, see ProofIsAmbiguous in mrz_reader.cc).
    const auto& c = zone.doc.corners;
    const double long_side = std::max(cv::norm(c[1] - c[0]) + cv::norm(c[2] - c[3]),
                                      cv::norm(c[3] - c[0]) + cv::norm(c[2] - c[1])) /
                             2.0;
    const double source_scale = long_side / std::max(1, zone.gray.cols);
    const double char_px = zone.where->lines.front().height * source_scale;
    auto read = mrz_reader_.Read(zone.gray, *zone.where, char_px < 16.0, deadline, limits);
    if (!read.ok()) return read.status();
    std::optional<MrzRead>& mrz_read = zone.mrz_read;
    mrz_read = std::move(*read);
    zone.ocrb_likeness = mrz_read->ocrb_likeness;
    zone.tesseract_ran = mrz_read->tesseract_ran;
    // Most checks failing, with no card outline around, is what lines of wood grain or
    // fabric read as OCR-B give (flattened light makes a table's texture look like
    // print): no MRZ at all.
    if (!zone.doc.outline_found && !mrz_read->lines.empty() && !mrz_read->parsed.valid &&
        mrz_read->parsed.failed_checks.size() >= 3) {
      mrz_read.reset();
    }
    return OkStatus();
  }

  static void Rotate(local::FoundDocument& doc, cv::Mat& gray, cv::RotateFlags how) {
    cv::rotate(doc.image, doc.image, how);
    cv::rotate(gray, gray, how);
  }

  local::MrzLineReader mrz_reader_;
  TessPool text_pool_;
  const std::string model_name_;
  const std::vector<std::string> warnings_;
};

// The folder holding the one model copy the engine loads, or "" when none does.
std::string FindDnnModels(const LocalEngineOptions& options) {
  std::vector<std::string> dirs;
#ifdef JAE_BUILD_DNN_DIR
  dirs.push_back(JAE_BUILD_DNN_DIR);
#endif
  const std::string exe = ExecutableDir();
  if (!exe.empty()) {
    dirs.push_back(exe + "/share/jae-ocr/dnn");
    dirs.push_back(exe + "/../share/jae-ocr/dnn");
  }
  dirs.push_back("/usr/local/share/jae-ocr/dnn");
  dirs.push_back("/usr/share/jae-ocr/dnn");
  if (!options.dnn_cache_dir.empty()) dirs.push_back(options.dnn_cache_dir);
  for (const auto& dir : dirs) {
    std::error_code ec;
    if (std::filesystem::is_regular_file(
            std::filesystem::path(dir) / ("rec_" + std::to_string(kDnnWidth) + ".onnx"), ec)) {
      return dir;
    }
  }
  return "";
}

// The third MRZ reader as configured: loaded, or null with the warning saying why not.
StatusOr<std::unique_ptr<local::PpOcrRecogniser>> LoadDnn(const LocalEngineOptions& options,
                                                          std::vector<std::string>& warnings) {
  if (options.mrz_reader != MrzReader::kBoth || options.dnn_models_dir == "off") {
    return std::unique_ptr<local::PpOcrRecogniser>();
  }
  const bool named = !options.dnn_models_dir.empty();
  const std::string dir = named ? options.dnn_models_dir : FindDnnModels(options);
  if (dir.empty()) {
    warnings.push_back(
        "local engine: no PP-OCR model (rec_" + std::to_string(kDnnWidth) +
        ".onnx) found; MRZs are read by OCR-B and Tesseract only (run scripts/install-deps.sh "
        "or tools/mrz_dnn_probe/fetch_models.sh, or set JAE_DNN_MODELS)");
    return std::unique_ptr<local::PpOcrRecogniser>();
  }
  std::vector<int> widths = {kDnnWidth};
  std::error_code ec;
  if (std::filesystem::is_regular_file(
          std::filesystem::path(dir) / ("rec_" + std::to_string(kDnnNarrowWidth) + ".onnx"), ec)) {
    widths.push_back(kDnnNarrowWidth);
  }
  auto loaded = local::PpOcrRecogniser::Load(dir, widths);
  if (!loaded.ok()) {
    return Status(loaded.status().code(),
                  "local engine: the PP-OCR MRZ reader: " + loaded.status().message() +
                      " (JAE_DNN_MODELS=off runs without it)");
  }
  // One thread for OpenCV's own parallel loops (the model's layers), as for Tesseract's
  // OpenMP: the engine's CPU budgets count the calling thread, and its targets are
  // stated on one core.
  cv::setNumThreads(1);
  return std::move(*loaded);
}

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
  std::vector<std::string> warnings;
  auto dnn = LoadDnn(options, warnings);
  if (!dnn.ok()) return dnn.status();
  const char* reader_name = options.mrz_reader == MrzReader::kOcrb        ? "ocrb"
                            : options.mrz_reader == MrzReader::kTesseract ? mrz_model.c_str()
                                                                          : "ocrb+";
  auto engine = std::make_unique<LocalEngine>(
      mrz, text,
      "tesseract-" + std::string(tesseract::TessBaseAPI::Version()) + " mrz:" + reader_name +
          (options.mrz_reader == MrzReader::kBoth ? mrz_model : "") + (*dnn ? "+pp-ocrv4" : "") +
          " text:" + options.text_language,
      std::move(ocrb), options.mrz_reader, std::move(*dnn), std::move(warnings));
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
  if (auto dir = env.Get("JAE_DNN_MODELS")) {
    options.dnn_models_dir = *dir;
  } else if (auto home = env.Get("HOME"); home && !home->empty()) {
    options.dnn_cache_dir = *home + "/.cache/jae-ocr/dnn";
  }
  if (auto dir = env.Get("JAE_TESSDATA")) {
    options.text_tessdata_dir = *dir;
  } else if (auto prefix = env.Get("TESSDATA_PREFIX")) {
    options.text_tessdata_dir = *prefix;
  }
  return MakeLocalEngine(options);
}

}  // namespace jae
