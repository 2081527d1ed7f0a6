// mrz_dnn_probe: measures PaddleOCR's PP-OCR recogniser (OpenCV dnn, ONNX) as an MRZ line
// reader on a folder of images with truth files (the layout of tools/evaluate: gendocs
// output with "mrz_lines", or real photos with "expect_valid_mrz"). A measurement for
// issue 16, item 5; the engine does not use it.
//
// Each image goes through the pipeline's normalisation and the engine's JPEG decoding,
// its MRZ is located as the local engine locates it (locate.h), each line box is read by
// the recogniser, and the lines go to the MRZ reader (src/mrz) with the engine's options:
// the line-length candidates of mrz_zone.h, repairs on, and — as the engine requires of
// Tesseract, whose errors are anything — a read counts as valid only when its checks hold
// as read (--accept coerced / repaired count more, see Coerce). The first place whose read is
// valid wins, as in the engine.
//   mrz_dnn_probe --data DIR [--models DIR] [--verbose] [--input flat|raw] [--any-char]
//                 [--accept as-read|coerced|repaired] [--pad F] [--width W] [--gate P]
//                 [--gate-blind-only]
//                 [--limit N]
#include <sys/resource.h>
#include <time.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <numeric>
#include <opencv2/core/utility.hpp>
#include <opencv2/imgproc.hpp>
#include <optional>
#include <sstream>

#include "common/cpu_time.h"
#include "engine/local/dnn_accept.h"
#include "engine/local/mrz_zone.h"
#include "engine/local/pp_ocr_recogniser.h"
#include "image/image.h"
#include "image/jpeg_decode.h"
#include "locate.h"
#include "mrz/mrz.h"

namespace {

using jae::ThreadCpuMs;

using nlohmann::json;

double PeakRssMb() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmHWM:", 0) == 0) return std::strtod(line.c_str() + 6, nullptr) / 1024.0;
  }
  return 0;
}

std::filesystem::path ImageFor(const std::filesystem::path& truth) {
  for (const char* ext : {".jpg", ".jpeg", ".png"}) {
    auto p = truth;
    p.replace_extension(ext);
    if (std::filesystem::exists(p)) return p;
  }
  return {};
}

// The engine's decoding of a normalised image (LocalEngine::ExtractImpl).
std::optional<cv::Mat> Decode(const std::string& bytes) {
  auto outcome = jae::NormalizeImage(bytes, jae::NormalizeOptions{});
  if (!outcome.ok() || !outcome->image) return std::nullopt;
  auto decoded = jae::DecodeJpegScaled(outcome->image->bytes, 8, 50'000'000);
  if (!decoded.ok()) return std::nullopt;
  const cv::Mat pixels(decoded->height, decoded->width, decoded->bands == 1 ? CV_8UC1 : CV_8UC3,
                       decoded->pixels.data());
  cv::Mat bgr;
  cv::cvtColor(pixels, bgr, decoded->bands == 1 ? cv::COLOR_GRAY2BGR : cv::COLOR_RGB2BGR);
  return bgr;
}

struct Read {
  std::vector<std::string> raw;    // as the recogniser gave them
  std::vector<std::string> lines;  // the MRZ reader's, when valid
  std::vector<std::string> coerced_lines;
  bool valid_as_read = false;
  bool valid_repaired = false;  // valid only after the MRZ reader's repairs
  bool valid_coerced = false;   // valid once coerced by position class (Coerce), no repairs
  size_t failed = 1000;         // fewest failed checks among the length candidates
  bool doubtful = false;        // a character came near another (--gate)
};

// Digits/letters forced by position class: the engine's rule (dnn_accept.h).
std::vector<std::string> Coerce(std::vector<std::string> lines, jae::MrzFormat format) {
  return jae::local::CoerceByPosition(std::move(lines), format);
}

// LocalEngine::TryLines, keeping the three verdicts.
Read Judge(const std::vector<std::string>& raw, int length, const jae::mrz::ParseOptions& opts) {
  Read r;
  r.raw = raw;
  std::vector<std::vector<std::string>> per_line;
  for (const auto& line : raw) {
    per_line.push_back(jae::local::LengthCandidates(line, length));
    if (per_line.back().empty()) return r;
  }
  jae::mrz::ParseOptions as_read = opts;
  as_read.correct = false;
  std::vector<size_t> index(per_line.size(), 0);
  for (int combos = 0; combos < 64; ++combos) {
    std::vector<std::string> lines;
    for (size_t i = 0; i < per_line.size(); ++i) lines.push_back(per_line[i][index[i]]);
    auto parsed = jae::mrz::ParseMrz(lines, opts);
    if (parsed.ok() && !r.valid_coerced) {
      auto coerced = jae::mrz::ParseMrz(Coerce(lines, parsed->format), as_read);
      if (coerced.ok() && coerced->valid) {
        r.valid_coerced = true;
        r.coerced_lines = coerced->lines;
      }
    }
    if (parsed.ok()) {
      r.failed = std::min(r.failed, parsed->failed_checks.size());
      if (parsed->valid) {
        auto plain = jae::mrz::ParseMrz(lines, as_read);
        if (plain.ok() && plain->valid) {
          r.valid_as_read = true;
          r.valid_repaired = false;
          r.lines = plain->lines;
          // Names are covered by no check digit: a 0 in a name is still an O.
          r.valid_coerced = true;
          r.coerced_lines = Coerce(plain->lines, plain->format);
          return r;
        }
        if (!r.valid_repaired) {
          r.valid_repaired = true;
          r.lines = parsed->lines;
        }
      }
    }
    size_t i = 0;
    while (i < index.size() && ++index[i] == per_line[i].size()) index[i++] = 0;
    if (i == index.size()) break;
  }
  return r;
}

using jae::local::CheckBlind;

double Median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"PP-OCR (OpenCV dnn) as an MRZ line reader, measured"};
  std::string data,
      models = std::string(std::getenv("HOME") ? std::getenv("HOME") : ".") + "/.cache/jae-ocr/dnn";
  std::string input = "raw";
  bool verbose = false, any_char = false;
  std::string accept = "as-read";
  double pad = 0.25;
  int limit = 0, only_width = 0;
  double gate = 0;
  bool blind_only = false;
  app.add_option("--data", data, "folder of images and their .json truth")->required();
  app.add_option("--models", models, "fetch_models.sh's folder");
  app.add_option("--input", input,
                 "what a line is cut from: raw (the rectified colour "
                 "document) or flat (the engine's light-flattened grey)")
      ->check(CLI::IsMember({"raw", "flat"}));
  app.add_option("--pad", pad, "margin around a line box, in line heights");
  app.add_option("--limit", limit, "at most this many images");
  app.add_option("--width", only_width, "use the model copy of this width only");
  app.add_flag("--gate-blind-only", blind_only,
               "--gate only for rivals the check digits cannot tell apart (CheckBlind)");
  app.add_option("--gate", gate,
                 "refuse a valid read when any character had a rival of at least this "
                 "probability (0: off)");
  app.add_flag("--any-char", any_char, "decode over the whole dictionary, not the MRZ alphabet");
  app.add_option("--accept", accept,
                 "which reads count as valid: as-read (the engine's rule for Tesseract), "
                 "coerced (digits/letters by position class), repaired (src/mrz repairs)")
      ->check(CLI::IsMember({"as-read", "coerced", "repaired"}));
  app.add_flag("--verbose", verbose, "one line per image");
  CLI11_PARSE(app, argc, argv);

  cv::setNumThreads(1);  // CPU per line on one core, as the engine's targets are stated
  const double rss_before = PeakRssMb();
  auto recogniser = jae::local::PpOcrRecogniser::Load(
      models, only_width > 0 ? std::vector<int>{only_width} : std::vector<int>{});
  if (!recogniser.ok()) {
    std::fprintf(stderr, "mrz_dnn_probe: %s (run tools/mrz_dnn_probe/fetch_models.sh)\n",
                 recogniser.status().ToString().c_str());
    return 1;
  }
  auto& rec = **recogniser;

  std::vector<std::filesystem::path> truths;
  for (const auto& e : std::filesystem::directory_iterator(data)) {
    if (e.path().extension() == ".json") truths.push_back(e.path());
  }
  std::sort(truths.begin(), truths.end());
  if (limit > 0 && static_cast<int>(truths.size()) > limit) truths.resize(limit);

  jae::mrz::ParseOptions opts;
  {
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    opts.today = {tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
  }
  int images = 0, expected = 0, with_truth_lines = 0, located = 0, valid = 0, valid_expected = 0,
      repaired_only = 0, coerced_only = 0, gated = 0, exact = 0, wrong_valid = 0;
  std::vector<double> line_ms, image_ms;
  auto Accepted = [&](const Read& r) {
    if (r.doubtful) return false;
    return r.valid_as_read || (accept == "coerced" && r.valid_coerced) ||
           (accept == "repaired" && (r.valid_repaired || r.valid_coerced));
  };
  // The lines a read gives under --accept.
  auto Output = [&](const Read& r) {
    if (accept != "as-read" && r.valid_coerced) return r.coerced_lines;
    return r.lines;
  };
  for (const auto& truth_path : truths) {
    const json truth = json::parse(std::ifstream(truth_path));
    const auto truth_lines =
        truth.value("mrz_lines", json::array()).get<std::vector<std::string>>();
    const bool real = truth.contains("expect_valid_mrz");
    if (!real && truth_lines.empty()) continue;  // no MRZ on this kind
    const auto image_path = ImageFor(truth_path);
    if (image_path.empty()) continue;
    ++images;
    if (real) expected += truth["expect_valid_mrz"].get<bool>();
    if (!truth_lines.empty()) ++with_truth_lines;
    std::ifstream in(image_path, std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    const auto bgr = Decode(bytes.str());
    if (!bgr) {
      if (verbose) std::printf("UNDECODABLE %s\n", image_path.filename().c_str());
      continue;
    }
    std::optional<Read> best;
    std::string best_how;
    double ms_this_image = 0;
    const int places = jae::probe::ForEachMrzPlace(*bgr, [&](const jae::probe::MrzPlace& p) {
      const cv::Mat& from = p.doc;
      cv::Mat flat_bgr;
      if (input == "flat") cv::cvtColor(p.flat, flat_bgr, cv::COLOR_GRAY2BGR);
      const cv::Mat& src = input == "flat" ? flat_bgr : from;
      std::vector<std::string> raw;
      bool doubtful = false;
      for (const auto& box : p.lines) {
        const int my = static_cast<int>(pad * box.height), mx = 2 * my;
        const cv::Rect grown = (box + cv::Size(2 * mx, 2 * my) - cv::Point(mx, my)) &
                               cv::Rect(0, 0, src.cols, src.rows);
        const double cpu0 = ThreadCpuMs();
        std::vector<float> rival;
        std::string rival_char;
        const std::string text = rec.ReadLine(src(grown), !any_char, &rival, &rival_char);
        raw.push_back(jae::local::CleanMrzText(text));
        for (size_t k = 0; gate > 0 && k < rival.size() && k < text.size(); ++k) {
          doubtful =
              doubtful || (rival[k] >= gate && (!blind_only || CheckBlind(text[k], rival_char[k])));
        }
        line_ms.push_back(ThreadCpuMs() - cpu0);
        ms_this_image += line_ms.back();
      }
      const int length =
          jae::local::ExpectedLineLength(jae::local::MrzLocation{p.lines, false}, raw);
      Read r = Judge(raw, length, opts);
      r.doubtful = doubtful;
      const bool ok = Accepted(r);
      if (!best || ok || r.failed < best->failed) {
        best = std::move(r);
        best_how = p.how;
      }
      return ok;
    });
    image_ms.push_back(ms_this_image);
    if (places > 0) ++located;
    const bool ok = best && Accepted(*best);
    valid += ok;
    if (real && ok) valid_expected += truth["expect_valid_mrz"].get<bool>();
    if (best && !best->valid_as_read && best->valid_repaired) ++repaired_only;
    if (best && !best->valid_as_read && best->valid_coerced) ++coerced_only;
    if (best && best->doubtful && (best->valid_as_read || best->valid_coerced)) ++gated;
    const bool is_exact = ok && !truth_lines.empty() && Output(*best) == truth_lines;
    exact += is_exact;
    if (ok && !truth_lines.empty() && !is_exact) ++wrong_valid;
    if (verbose) {
      std::printf("%s %s: %s",
                  ok ? (truth_lines.empty() ? "VALID"
                        : is_exact          ? "EXACT"
                                            : "WRONG")
                     : "FAIL",
                  image_path.filename().c_str(),
                  places == 0 ? "no MRZ located"
                              : (best_how + ", " + std::to_string(places) + " place(s)").c_str());
      if (best) {
        std::printf(", failed checks %zu%s%s%s, %.0f ms\n",
                    best->valid_as_read ? size_t{0} : best->failed,
                    best->valid_coerced && !best->valid_as_read ? " (valid coerced)" : "",
                    best->valid_repaired && !best->valid_as_read ? " (valid after repairs)" : "",
                    best->doubtful ? " (doubtful)" : "", ms_this_image);
        for (const auto& l : best->raw) std::printf("    %s\n", l.c_str());
        if (!truth_lines.empty() && !is_exact) {
          for (const auto& l : truth_lines) std::printf("  T %s\n", l.c_str());
        }
      } else {
        std::printf("\n");
      }
    }
  }
  const double mean_line =
      line_ms.empty() ? 0 : std::accumulate(line_ms.begin(), line_ms.end(), 0.0) / line_ms.size();
  std::printf("images with an MRZ expected or known: %d (PassportEye score 100: %d)\n", images,
              expected);
  std::printf("MRZ located: %d\n", located);
  std::printf(
      "valid MRZ (--accept %s): %d%s\n", accept.c_str(), valid,
      expected ? (" (" + std::to_string(valid_expected) + " of the score-100 ones)").c_str() : "");
  std::printf("best read not valid as read, valid coerced: %d, valid after repairs: %d\n",
              coerced_only, repaired_only);
  if (gate > 0) std::printf("valid reads refused by --gate %.2f: %d\n", gate, gated);
  if (with_truth_lines) {
    std::printf("exact MRZ: %d / %d; valid but not the truth: %d\n", exact, with_truth_lines,
                wrong_valid);
  }
  std::printf("lines read: %zu; CPU ms per line: median %.0f, mean %.0f; per image: median %.0f\n",
              line_ms.size(), Median(line_ms), mean_line, Median(image_ms));
  std::printf("model copies loaded: %d, %.0f ms in all (load + first pass)\n", rec.loaded(),
              rec.load_ms());
  std::printf("peak RSS: %.0f MB (%.0f MB before the recogniser)\n", PeakRssMb(), rss_before);
  return 0;
}
