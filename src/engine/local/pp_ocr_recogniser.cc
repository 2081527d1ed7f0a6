#include "engine/local/pp_ocr_recogniser.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <opencv2/imgproc.hpp>

namespace jae::local {

namespace {
constexpr int kHeight = 48;  // PP-OCRv3/v4 rec input height
constexpr int kStride = 8;   // input columns per CTC time step
}  // namespace

StatusOr<std::unique_ptr<PpOcrRecogniser>> PpOcrRecogniser::Load(
    const std::string& model_dir, const std::vector<int>& only_widths) {
  const std::filesystem::path dir(model_dir);
  std::ifstream keys(dir / "ppocr_keys_v1.txt");
  if (!keys) return NotFoundError("no ppocr_keys_v1.txt in " + model_dir);
  // PaddleOCR's CTC label decoder: the blank first, the dictionary's lines, then a space.
  std::vector<std::string> dict = {""};
  std::string line;
  while (std::getline(keys, line)) dict.push_back(line);
  dict.push_back(" ");
  std::vector<int> widths;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
    const std::string name = e.path().filename().string();
    if (name.rfind("rec_", 0) == 0 && e.path().extension() == ".onnx") {
      const int w = std::atoi(name.c_str() + 4);
      const bool wanted = only_widths.empty() ||
                          std::find(only_widths.begin(), only_widths.end(), w) != only_widths.end();
      if (w > 0 && w % kStride == 0 && wanted) widths.push_back(w);
    }
  }
  if (widths.empty() || (!only_widths.empty() && widths.size() != only_widths.size())) {
    std::string missing = only_widths.empty() ? "rec_<width>.onnx" : "";
    for (int w : only_widths) {
      if (std::find(widths.begin(), widths.end(), w) != widths.end()) continue;
      missing += (missing.empty() ? "rec_" : ", rec_") + std::to_string(w) + ".onnx";
    }
    return NotFoundError("no " + missing + " in " + model_dir);
  }
  std::unique_ptr<PpOcrRecogniser> r(new PpOcrRecogniser(std::move(dict)));
  for (size_t k = 1; k < r->dict_.size(); ++k) {
    const std::string& s = r->dict_[k];
    if (s.size() == 1 && (std::isupper(static_cast<unsigned char>(s[0])) ||
                          std::isdigit(static_cast<unsigned char>(s[0])) || s[0] == '<')) {
      r->mrz_classes_.push_back(static_cast<int>(k));
    }
  }
  if (r->mrz_classes_.size() != 37) {
    return InvalidArgumentError((dir / "ppocr_keys_v1.txt").string() +
                                " lacks part of the MRZ alphabet");
  }
  const auto start = std::chrono::steady_clock::now();
  for (int width : widths) {
    const std::string file = (dir / ("rec_" + std::to_string(width) + ".onnx")).string();
    auto copy = std::make_unique<Copy>();
    try {
      MutexLock lock(copy->mu);
      copy->net = cv::dnn::readNetFromONNX(file);
      copy->net.setPreferableBackend(cv::dnn::DNN_BACKEND_OPENCV);
      copy->net.setPreferableTarget(cv::dnn::DNN_TARGET_CPU);
      // A first pass allocates the layers' buffers (part of loading, not of reading a
      // line) and proves the copy runs: OpenCV 4.6 imports some graphs it cannot run.
      copy->net.setInput(cv::Mat(std::vector<int>{1, 3, kHeight, width}, CV_32F, cv::Scalar(0)));
      const cv::Mat out = copy->net.forward();
      if (out.dims != 3 || out.size[2] != static_cast<int>(r->dict_.size())) {
        return InvalidArgumentError(file + ": not a PP-OCR rec model for ppocr_keys_v1.txt");
      }
    } catch (const cv::Exception& e) {
      return InvalidArgumentError(file + ": OpenCV cannot load or run it (" + e.msg + ")");
    }
    r->copies_.emplace(width, std::move(copy));
  }
  r->load_ms_ =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  return r;
}

std::string PpOcrRecogniser::ReadLine(const cv::Mat& bgr_line, bool mrz_alphabet,
                                      std::vector<float>* rival, std::string* rival_char) const {
  if (rival) rival->clear();
  if (rival_char) rival_char->clear();
  if (bgr_line.empty()) return {};
  const int scaled =
      std::max(kStride, static_cast<int>(std::ceil(kHeight * static_cast<double>(bgr_line.cols) /
                                                   std::max(1, bgr_line.rows))));
  // A quarter of padding at least: a line that ends at the copy's edge (a 1988 card's 36
  // characters in the 1280 copy) was read differently from the same line in a wider one.
  auto fit = copies_.lower_bound(scaled + scaled / 4);
  if (fit == copies_.end()) fit = std::prev(copies_.end());
  const int width = fit->first;
  cv::Mat resized;
  cv::resize(bgr_line, resized, cv::Size(std::min(scaled, width), kHeight), 0, 0, cv::INTER_LINEAR);
  // PaddleOCR's resize_norm_img: (x / 255 - 0.5) / 0.5 per channel, BGR, the rest of the
  // width zero (mid grey) after normalisation.
  cv::Mat norm;
  resized.convertTo(norm, CV_32FC3, 1.0 / 127.5, -1.0);
  cv::Mat padded(kHeight, width, CV_32FC3, cv::Scalar::all(0));
  norm.copyTo(padded(cv::Rect(0, 0, norm.cols, norm.rows)));
  cv::Mat out;  // 1 x T x classes, softmax
  {
    Copy& copy = *fit->second;
    MutexLock lock(copy.mu);
    copy.net.setInput(cv::dnn::blobFromImage(padded));
    out = copy.net.forward().clone();  // the layers' buffer is reused by the next call
  }
  const int steps = out.size[1];
  const int classes = out.size[2];
  const auto* p = reinterpret_cast<const float*>(out.data);
  std::string text;
  int previous = -1;
  float peak = 0;  // the current character's highest probability so far
  for (int t = 0; t < steps; ++t) {
    const float* row = p + static_cast<size_t>(t) * classes;
    int best = 0;
    if (mrz_alphabet) {
      for (int c : mrz_classes_) {
        if (row[c] > row[best]) best = c;
      }
    } else {
      best = static_cast<int>(std::max_element(row, row + classes) - row);
    }
    if (best != 0 && best != previous) {
      text += dict_[static_cast<size_t>(best)];
      if (rival) rival->push_back(0);
      if (rival_char) rival_char->push_back(' ');
      peak = 0;
    }
    if (best != 0 && rival && row[best] > peak) {
      peak = row[best];
      float other = 0;
      int other_class = 0;
      for (int c : mrz_classes_) {
        if (c != best && row[c] > other) {
          other = row[c];
          other_class = c;
        }
      }
      rival->back() = other;
      if (rival_char && other_class > 0) rival_char->back() = dict_[other_class][0];
    }
    previous = best;
  }
  return text;
}

}  // namespace jae::local
