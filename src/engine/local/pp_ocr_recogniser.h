// A text-line recogniser on PaddleOCR's PP-OCRv4 rec model run through OpenCV's dnn module:
// the local engine's third MRZ reader (mrz_reader.h), also measured alone by
// tools/mrz_dnn_probe.
//
// Contract:
// - Load() reads the dictionary (ppocr_keys_v1.txt) and every fixed-width model copy
//   (rec_<W>.onnx, W a multiple of 8; `only_widths` not empty: those copies alone) written by
//   tools/mrz_dnn_probe/fetch_models.sh, eagerly, with one pass each (so a broken copy
//   fails here). Errors: NotFound when the folder lacks the dictionary or a copy;
//   InvalidArgument naming the file when a copy is present but OpenCV cannot load or run
//   it, or the dictionary lacks part of the MRZ alphabet.
// - ReadLine() takes one line's image (BGR, any size, the text filling most of its
//   height), scales it to height 48, pads it to the narrowest copy at least 1.25 times as
//   wide, else the widest (squeezed into it when wider still) and decodes the CTC output
//   greedily. With
//   `mrz_alphabet`, each time step chooses among the blank and A-Z, 0-9, '<' only (as the
//   engine restricts Tesseract to the MRZ alphabet); otherwise among every class, and
//   characters outside that alphabet are dropped. No exception of its own; OpenCV's
//   propagate (the engine turns them into an internal error).
// Why fixed widths: OpenCV 4.6 resolves every shape at load time (see fetch_models.sh).
//
// Thread-safe: cv::dnn::Net::forward is not (it reuses its layers' buffers), so each copy
// is used under its own mutex. Not a pool: a copy costs ~115 MB, and the engine reads with
// it only the rare documents its other two readers fail on (~1 s a document), so waiting
// for the copy is cheaper than holding several.
#pragma once

#include <map>
#include <memory>
#include <opencv2/core.hpp>
#include <opencv2/dnn.hpp>
#include <string>
#include <vector>

#include "common/status.h"
#include "common/thread_annotations.h"

namespace jae::local {

class PpOcrRecogniser {
 public:
  static StatusOr<std::unique_ptr<PpOcrRecogniser>> Load(const std::string& model_dir,
                                                         const std::vector<int>& only_widths = {});

  // `rival`, when given, gets per character read the highest probability of another
  // character of the alphabet at the step where the character peaked (the blank not
  // counted): how near the read came to saying something else (a '<' read 'K').
  // `rival_char` gets that other character.
  std::string ReadLine(const cv::Mat& bgr_line, bool mrz_alphabet,
                       std::vector<float>* rival = nullptr,
                       std::string* rival_char = nullptr) const;

  // Time spent loading the model copies (load + first pass), and how many there are.
  double load_ms() const { return load_ms_; }
  int loaded() const { return static_cast<int>(copies_.size()); }

 private:
  struct Copy {
    mutable Mutex mu;
    mutable cv::dnn::Net net JAE_GUARDED_BY(mu);
  };

  PpOcrRecogniser(std::vector<std::string> dict) : dict_(std::move(dict)) {}

  std::vector<std::string> dict_;                // class k (k >= 1) is dict_[k]; 0 is the CTC blank
  std::vector<int> mrz_classes_;                 // the classes of A-Z, 0-9, '<'
  std::map<int, std::unique_ptr<Copy>> copies_;  // by width; fixed after Load
  double load_ms_ = 0;
};

}  // namespace jae::local
