// A text-line recogniser on PaddleOCR's PP-OCR rec model run through OpenCV's dnn module:
// a measurement tool's part (tools/mrz_dnn_probe), not the engine's.
//
// Contract: Load() reads the dictionary and finds the fixed-width model copies written by
// fetch_models.sh (rec_<W>.onnx, W a multiple of 8); each copy is loaded on first use
// and kept. ReadLine() takes one line's image (BGR, any size, the text filling most of its
// height), scales it to height 48, pads it to the narrowest copy at least as wide (wider
// lines are squeezed into the widest) and decodes the CTC output greedily. With
// `mrz_alphabet`, each time step chooses among the blank and A-Z, 0-9, '<' only (as the
// engine restricts Tesseract to the MRZ alphabet); otherwise among every class, and
// characters outside that alphabet are dropped.
// Why fixed widths: OpenCV 4.6 resolves every shape at load time (see fetch_models.sh).
#pragma once

#include <map>
#include <memory>
#include <opencv2/core.hpp>
#include <opencv2/dnn.hpp>
#include <string>
#include <vector>

#include "common/status.h"

namespace jae::probe {

class PpOcrRecogniser {
 public:
  // `only_width` > 0: use that copy alone (narrower lines padded, wider ones squeezed):
  // one copy's memory instead of all of them.
  static StatusOr<std::unique_ptr<PpOcrRecogniser>> Load(const std::string& model_dir,
                                                         int only_width = 0);

  // `rival`, when given, gets per character read the highest probability of another
  // character of the alphabet at the step where the character peaked (the blank not
  // counted): how near the read came to saying something else (a '<' read 'K').
  // `rival_char` gets that other character.
  std::string ReadLine(const cv::Mat& bgr_line, bool mrz_alphabet,
                       std::vector<float>* rival = nullptr, std::string* rival_char = nullptr);

  // Time spent loading model copies so far, and how many were loaded.
  double load_ms() const { return load_ms_; }
  int loaded() const { return static_cast<int>(nets_.size()); }

 private:
  PpOcrRecogniser(std::string dir, std::vector<int> widths, std::vector<std::string> dict)
      : dir_(std::move(dir)), widths_(std::move(widths)), dict_(std::move(dict)) {}
  cv::dnn::Net& NetFor(int width);

  std::string dir_;
  std::vector<int> widths_;        // ascending
  std::vector<std::string> dict_;  // class k (k >= 1) is dict_[k]; 0 is the CTC blank
  std::vector<int> mrz_classes_;   // the classes of A-Z, 0-9, '<'
  std::map<int, cv::dnn::Net> nets_;
  double load_ms_ = 0;
};

}  // namespace jae::probe
