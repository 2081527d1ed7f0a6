// Writes a synthetic "phone photo" JPEG for the load benchmark: 4032x3024 (12 MP, a
// phone camera's size), a card-like layout with text over a textured background and
// sensor-like noise, at the JPEG quality that lands closest to the wanted size (3 MB by
// default). Deterministic (fixed seed); no real document, no personal data.
// LONG_SIDE scales the photo down (e.g. 1200: a picture already at the size the service
// sends, which it copies losslessly without decoding it to pixels — the control that
// shows what the service costs apart from decoding a 12 MP JPEG).
//   make_phone_jpeg OUT.jpg [BYTES] [LONG_SIDE]
#include <cstdio>
#include <cstdlib>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <vector>

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: make_phone_jpeg OUT.jpg [BYTES] [LONG_SIDE]\n");
    return 2;
  }
  const long target = argc > 2 ? std::atol(argv[2]) : 3L * 1024 * 1024;
  cv::Mat img(3024, 4032, CV_8UC3);
  cv::RNG rng(12345);
  for (int y = 0; y < img.rows; ++y) {
    for (int x = 0; x < img.cols; ++x) {
      img.at<cv::Vec3b>(y, x) =
          cv::Vec3b(static_cast<uchar>(90 + x / 40), static_cast<uchar>(110 + y / 40),
                    static_cast<uchar>(140 + (x + y) / 80));
    }
  }
  cv::rectangle(img, {600, 500}, {3400, 2300}, {235, 230, 220}, cv::FILLED);
  for (int i = 0; i < 40; ++i) {
    cv::putText(img, "SPECIMEN LINE " + std::to_string(i), {700, 620 + i * 42},
                cv::FONT_HERSHEY_SIMPLEX, 1.2, {40, 40, 40}, 2);
  }
  cv::putText(img, "IDFRASPECIMEN<<<<<<<<<<<<<<<<<<<<<<<<", {700, 2250}, cv::FONT_HERSHEY_PLAIN, 4,
              {10, 10, 10}, 3);
  cv::Mat noise(img.size(), img.type());
  rng.fill(noise, cv::RNG::NORMAL, 0, 14);
  img += noise;
  const int long_side = argc > 3 ? std::atoi(argv[3]) : img.cols;
  if (long_side > 0 && long_side < img.cols) {
    cv::resize(img, img, {}, static_cast<double>(long_side) / img.cols,
               static_cast<double>(long_side) / img.cols, cv::INTER_AREA);
  }

  std::vector<uchar> best;
  for (int q = 95; q >= 40; q -= 5) {
    std::vector<uchar> buf;
    cv::imencode(".jpg", img, buf, {cv::IMWRITE_JPEG_QUALITY, q});
    if (best.empty() || std::labs(static_cast<long>(buf.size()) - target) <
                            std::labs(static_cast<long>(best.size()) - target)) {
      best = buf;
    }
    if (static_cast<long>(buf.size()) <= target) break;
  }
  std::FILE* f = std::fopen(argv[1], "wb");
  if (f == nullptr || std::fwrite(best.data(), 1, best.size(), f) != best.size()) return 1;
  std::fclose(f);
  std::printf("%s: %zu bytes\n", argv[1], best.size());
  return 0;
}
