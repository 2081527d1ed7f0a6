// gendocs: writes synthetic identity documents and FFT licences with ground truth.
//   gendocs --out DIR [--count N] [--seed S] [--kinds k1,k2] [--conditions scan,photo,hard]
// For each sample: DIR/<kind>-<condition>-<i>.jpg and .json (truth). N is per kind and
// condition. Generated data is not committed.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

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
  if (ec) {
    std::cerr << "gendocs: cannot create " << out_dir << "\n";
    return 2;
  }
  int written = 0;
  for (Kind kind : kinds) {
    for (Condition condition : conditions) {
      for (int i = 0; i < count; ++i) {
        const Sample s = MakeSample(kind, condition, seed, i, *fonts);
        const std::filesystem::path base = std::filesystem::path(out_dir) / s.name;
        if (!WriteFile(base.string() + ".jpg", s.jpeg) ||
            !WriteFile(base.string() + ".json", s.truth.dump(2) + "\n")) {
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
