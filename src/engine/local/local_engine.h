// The local engine: on-machine document reading (OpenCV + Tesseract + the MRZ reader).
// No network, no key.
//
// What it does with one image: finds the document's outline and straightens it (any
// background, perspective, 0/90/180/270 and small skew), locates and reads the MRZ
// (our OCR-B classifier, then Tesseract's legacy classifier restricted to A-Z0-9<, then —
// when neither holds every check anywhere and its model is installed — PaddleOCR's
// recogniser through OpenCV dnn on the first MRZ-like place found), reads the printed
// fields next to their labels (Tesseract LSTM, French), and classifies the document.
// Output: a verify::Extraction with `mrz_lines` and fields of source "visual";
// verification (MRZ precedence etc.) is the caller's job.
//
// Thread-safe: Tesseract instances are pooled (one per concurrent call, created on demand
// and reused); OpenMP inside Tesseract is limited to one thread, and so are OpenCV's own
// parallel loops once the PP-OCR model is loaded; its one copy is used under a lock.
#pragma once

#include <memory>
#include <string>

#include "common/env.h"
#include "common/status.h"
#include "engine/engine.h"

namespace jae {

// How the MRZ is recognised: our OCR-B template classifier, Tesseract's legacy engine, or
// the classifier first and Tesseract when its read does not pass the check digits.
enum class MrzReader { kOcrb, kTesseract, kBoth };

struct LocalEngineOptions {
  MrzReader mrz_reader = MrzReader::kBoth;
  std::string ocrb_font = "/usr/share/fonts/opentype/ocr-b/OCRB.otf";
  // Folder holding an `eng.traineddata` with the legacy engine (npm @tesseract.js-data/eng);
  // empty: search the default places (see MakeLocalEngine). When only an LSTM-only model is
  // found the engine still works, with a weaker MRZ read.
  std::string mrz_tessdata_dir;
  // Folder holding PaddleOCR's recogniser for the third MRZ reader (rec_1920.onnx and
  // ppocr_keys_v1.txt, written by tools/mrz_dnn_probe/fetch_models.sh); "off": no third
  // reader; empty: search the default places (see MakeLocalEngine), then `dnn_cache_dir`.
  // Not found: the engine works with two readers and says so in its configuration
  // warnings. Only with MrzReader::kBoth.
  std::string dnn_models_dir;
  std::string dnn_cache_dir;  // the user's cache (fetch_models.sh's default), searched last
  // Folder holding the printed-text model(s) named by `text_language`.
  std::string text_tessdata_dir = "/usr/share/tesseract-ocr/5/tessdata";
  std::string text_language = "fra";
};

// Reads JAE_MRZ_READER (ocrb | tesseract | both, default both), JAE_OCRB_FONT,
// JAE_TESSDATA_MRZ (folder of the legacy eng model; default: the build tree's
// share/jae-ocr/tessdata, then <binary>/../share/jae-ocr/tessdata,
// /usr/local/share/jae-ocr/tessdata, /usr/share/jae-ocr/tessdata, then Debian's eng) and
// JAE_TESSDATA / TESSDATA_PREFIX (folder of `fra`), JAE_DNN_MODELS (folder of the PP-OCR
// recogniser, or "off"; default: the build tree's share/jae-ocr/dnn, then
// <binary>/../share/jae-ocr/dnn, /usr/local/share/jae-ocr/dnn, /usr/share/jae-ocr/dnn,
// $HOME/.cache/jae-ocr/dnn). Loads one instance of each model eagerly so that a missing
// model fails here: NotFound naming the folder searched; a recogniser present but broken
// (or absent from a folder named explicitly) is an error naming the file.
StatusOr<std::unique_ptr<Engine>> MakeLocalEngine(const Env& env);
StatusOr<std::unique_ptr<Engine>> MakeLocalEngine(const LocalEngineOptions& options);

}  // namespace jae
