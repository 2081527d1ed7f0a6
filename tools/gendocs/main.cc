// gendocs: writes synthetic identity documents and FFT licences with ground truth.
//   gendocs --out DIR [--count N] [--seed S] [--kinds k1,k2] [--conditions scan,photo,hard]
// For each sample: DIR/<kind>-<condition>-<i>.jpg and .json (truth). N is per kind and
// condition. Generated data is not committed.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "dossier.h"
#include "gendocs.h"

namespace {

std::vector<std::string> Split(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream ss(s);
  for (std::string item; std::getline(ss, item, ',');) {
    if (!item.empty()) out.push_back(item);
  }
  return out;
}

bool WriteFile(const std::filesystem::path& path, const std::string& bytes) {
  const auto tmp = path.string() + ".tmp";
  {
    std::ofstream f(tmp, std::ios::binary);
    f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!f) return false;
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  return !ec;
}

std::string Reencode(const std::string& jpeg, int max_side, int quality) {
  cv::Mat img = cv::imdecode(
      cv::Mat(1, static_cast<int>(jpeg.size()), CV_8UC1, const_cast<char*>(jpeg.data())),
      cv::IMREAD_COLOR);
  if (max_side > 0) {
    const double scale =
        std::min(1.0, static_cast<double>(max_side) / std::max(img.cols, img.rows));
    if (scale < 1.0) cv::resize(img, img, cv::Size(), scale, scale, cv::INTER_AREA);
  }
  std::vector<uchar> buf;
  cv::imencode(".jpg", img, buf, {cv::IMWRITE_JPEG_QUALITY, quality});
  return std::string(buf.begin(), buf.end());
}

}  // namespace

int main(int argc, char** argv) {
  using namespace jae::gendocs;
  CLI::App app{"Synthetic identity documents and FFT licences with ground truth"};
  std::string out_dir;
  int count = 20;
  std::uint64_t seed = 1;
  std::string kinds_arg, conditions_arg = "scan,photo,hard";
  app.add_option("--out", out_dir, "output directory")->required();
  app.add_option("--count", count, "samples per kind and condition")->check(CLI::Range(1, 100000));
  app.add_option("--seed", seed, "seed");
  app.add_option("--kinds", kinds_arg, "comma-separated kinds (default: all)");
  app.add_option("--conditions", conditions_arg, "comma-separated: scan,photo,hard");
  int max_side = 0, quality = 0;
  std::string truth_dir;
  app.add_option("--max-side", max_side, "re-encode: longer side at most N px (small samples)");
  app.add_option("--quality", quality, "re-encode with this JPEG quality")
      ->check(CLI::Range(20, 100));
  app.add_option("--truth-dir", truth_dir, "write the .json ground truth there (default: --out)");
  std::vector<std::string> only;
  app.add_option("--only", only, "write only these sample names (e.g. fr_passport-photo-3)");
  std::string dossier;
  app.add_option("--dossier", dossier,
                 "write the documents of one player for this scenario instead (see dossier.h): "
                 "same_person, two_people, expired_id, last_season_licence, card_2021, "
                 "card_2021_front_only, not_a_document");
  CLI11_PARSE(app, argc, argv);

  std::vector<Kind> kinds;
  if (kinds_arg.empty()) kinds.assign(std::begin(kAllKinds), std::end(kAllKinds));
  for (const auto& name : Split(kinds_arg)) {
    Kind k;
    if (!KindFromName(name, &k)) {
      std::cerr << "gendocs: unknown kind " << name << "\n";
      return 2;
    }
    kinds.push_back(k);
  }
  std::vector<Condition> conditions;
  for (const auto& name : Split(conditions_arg)) {
    Condition c;
    if (!ConditionFromName(name, &c)) {
      std::cerr << "gendocs: unknown condition " << name << "\n";
      return 2;
    }
    conditions.push_back(c);
  }
  auto fonts = Fonts::Load();
  if (!fonts) {
    std::cerr << "gendocs: fonts missing (install fonts-dejavu-core and fonts-ocr-b)\n";
    return 2;
  }
  std::error_code ec;
  std::filesystem::create_directories(out_dir, ec);
  if (!truth_dir.empty()) std::filesystem::create_directories(truth_dir, ec);
  if (ec) {
    std::cerr << "gendocs: cannot create " << out_dir << "\n";
    return 2;
  }
  int written = 0;
  if (!dossier.empty()) {
    // Only the images go to --out: a truth .json there would be read as a result by
    // `jae-ocr check DIR/*`. The truth goes to --truth-dir when given.
    const auto samples = MakeDossier(dossier, conditions.at(0), seed, *fonts);
    if (samples.empty()) {
      std::cerr << "gendocs: unknown dossier scenario " << dossier << "\n";
      return 2;
    }
    for (const Sample& s : samples) {
      bool ok = WriteFile(std::filesystem::path(out_dir) / (s.name + ".jpg"), s.jpeg);
      if (ok && !truth_dir.empty()) {
        ok = WriteFile(std::filesystem::path(truth_dir) / (s.name + ".json"), s.truth.dump(2));
      }
      if (!ok) {
        std::cerr << "gendocs: cannot write " << s.name << "\n";
        return 1;
      }
    }
    std::cerr << "gendocs: " << samples.size() << " documents of dossier " << dossier << "\n";
    return 0;
  }
  for (Kind kind : kinds) {
    for (Condition condition : conditions) {
      for (int i = 0; i < count; ++i) {
        const std::string name =
            KindName(kind) + "-" + ConditionName(condition) + "-" + std::to_string(i);
        if (!only.empty() && std::find(only.begin(), only.end(), name) == only.end()) continue;
        Sample s = MakeSample(kind, condition, seed, i, *fonts);
        if (max_side > 0 || quality > 0)
          s.jpeg = Reencode(s.jpeg, max_side, quality ? quality : 80);
        const std::filesystem::path base = std::filesystem::path(out_dir) / s.name;
        const std::filesystem::path truth_base =
            std::filesystem::path(truth_dir.empty() ? out_dir : truth_dir) / s.name;
        if (!WriteFile(base.string() + ".jpg", s.jpeg) ||
            !WriteFile(truth_base.string() + ".json", s.truth.dump(2) + "\n")) {
          std::cerr << "gendocs: cannot write " << base.string() << "\n";
          return 1;
        }
        ++written;
      }
    }
  }
  std::cerr << "gendocs: wrote " << written << " samples to " << out_dir << "\n";
  return 0;
}
