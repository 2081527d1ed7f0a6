#include "pp_ocr_recogniser.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <opencv2/imgproc.hpp>

namespace jae::probe {

namespace {
constexpr int kHeight = 48;  // PP-OCRv3/v4 rec input height
constexpr int kStride = 8;   // input columns per CTC time step
}  // namespace

StatusOr<std::unique_ptr<PpOcrRecogniser>> PpOcrRecogniser::Load(const std::string& model_dir,
                                                                 int only_width) {
  std::ifstream keys(std::filesystem::path(model_dir) / "ppocr_keys_v1.txt");
  if (!keys) return NotFoundError("no ppocr_keys_v1.txt in " + model_dir);
  // PaddleOCR's CTC label decoder: the blank first, the dictionary's lines, then a space.
  std::vector<std::string> dict = {""};
  std::string line;
  while (std::getline(keys, line)) dict.push_back(line);
  dict.push_back(" ");
  std::vector<int> widths;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(model_dir, ec)) {
    const std::string name = e.path().filename().string();
    if (name.rfind("rec_", 0) == 0 && e.path().extension() == ".onnx") {
      const int w = std::atoi(name.c_str() + 4);
      if (w > 0 && w % kStride == 0 && (only_width == 0 || w == only_width)) widths.push_back(w);
    }
  }
  if (widths.empty()) return NotFoundError("no rec_<width>.onnx in " + model_dir);
  std::sort(widths.begin(), widths.end());
  std::unique_ptr<PpOcrRecogniser> r(
      new PpOcrRecogniser(model_dir, std::move(widths), std::move(dict)));
  for (size_t k = 1; k < r->dict_.size(); ++k) {
    const std::string& s = r->dict_[k];
    if (s.size() == 1 && (std::isupper(static_cast<unsigned char>(s[0])) ||
                          std::isdigit(static_cast<unsigned char>(s[0])) || s[0] == '<')) {
      r->mrz_classes_.push_back(static_cast<int>(k));
    }
  }
  if (r->mrz_classes_.size() != 37) {
    return InvalidArgumentError("the dictionary lacks part of the MRZ alphabet");
  }
  return r;
}

cv::dnn::Net& PpOcrRecogniser::NetFor(int width) {
  auto it = nets_.find(width);
  if (it != nets_.end()) return it->second;
  const auto start = std::chrono::steady_clock::now();
  cv::dnn::Net net = cv::dnn::readNetFromONNX(
      (std::filesystem::path(dir_) / ("rec_" + std::to_string(width) + ".onnx")).string());
  net.setPreferableBackend(cv::dnn::DNN_BACKEND_OPENCV);
  net.setPreferableTarget(cv::dnn::DNN_TARGET_CPU);
  // A first pass allocates the layers' buffers: part of loading, not of reading a line.
  net.setInput(cv::Mat(std::vector<int>{1, 3, kHeight, width}, CV_32F, cv::Scalar(0)));
  net.forward();
  load_ms_ +=
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  return nets_.emplace(width, std::move(net)).first->second;
}

std::string PpOcrRecogniser::ReadLine(const cv::Mat& bgr_line, bool mrz_alphabet,
                                      std::vector<float>* rival, std::string* rival_char) {
  if (rival) rival->clear();
  if (rival_char) rival_char->clear();
  if (bgr_line.empty()) return {};
  const int scaled =
      std::max(kStride, static_cast<int>(std::ceil(kHeight * static_cast<double>(bgr_line.cols) /
                                                   std::max(1, bgr_line.rows))));
  auto fit = std::lower_bound(widths_.begin(), widths_.end(), scaled);
  const int width = fit == widths_.end() ? widths_.back() : *fit;
  cv::Mat resized;
  cv::resize(bgr_line, resized, cv::Size(std::min(scaled, width), kHeight), 0, 0, cv::INTER_LINEAR);
  // PaddleOCR's resize_norm_img: (x / 255 - 0.5) / 0.5 per channel, BGR, the rest of the
  // width zero (mid grey) after normalisation.
  cv::Mat norm;
  resized.convertTo(norm, CV_32FC3, 1.0 / 127.5, -1.0);
  cv::Mat padded(kHeight, width, CV_32FC3, cv::Scalar::all(0));
  norm.copyTo(padded(cv::Rect(0, 0, norm.cols, norm.rows)));
  cv::dnn::Net& net = NetFor(width);
  net.setInput(cv::dnn::blobFromImage(padded));
  const cv::Mat out = net.forward();  // 1 x T x classes, softmax
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

}  // namespace jae::probe
