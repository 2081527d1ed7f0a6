// End to end through the binary: `jae-ocr extract --engine local` on generated photos of
// every kind (tools/gendocs), checking the JSON Lines it prints against the ground truth,
// and its rejection of a photo with no document. JAE_OCR_BIN is the built binary.
#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/wait.h>

#include <array>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "gendocs.h"

namespace jae {
namespace {

using nlohmann::json;

struct CliRun {
  int exit_code = -1;
  std::vector<json> results;  // one per output line
  std::string errors;         // what it said on stderr
};

// Runs the binary with `args` (paths we made: no quoting needed beyond single quotes).
CliRun Extract(const std::vector<std::string>& files, const std::filesystem::path& stderr_file) {
  std::string command = std::string("'") + JAE_OCR_BIN + "' extract --engine local";
  for (const auto& f : files) command += " '" + f + "'";
  command += " 2>'" + stderr_file.string() + "'";
  CliRun run;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return run;
  std::string out;
  std::array<char, 4096> buf;
  for (size_t n; (n = fread(buf.data(), 1, buf.size(), pipe)) > 0;) out.append(buf.data(), n);
  const int status = pclose(pipe);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::istringstream lines(out);
  for (std::string line; std::getline(lines, line);) {
    if (!line.empty()) run.results.push_back(json::parse(line, nullptr, false));
  }
  std::ifstream errors(stderr_file);
  run.errors.assign(std::istreambuf_iterator<char>(errors), std::istreambuf_iterator<char>());
  return run;
}

// Exit code 2 is a start-up failure. Only missing OCR data (a machine without the
// Debian models or fonts) is a reason to skip; anything else — the engine module not
// found or not matching, say — is a failure the test must show.
bool MissingOcrData(const CliRun& run) {
  return run.exit_code == 2 && (run.errors.find("traineddata") != std::string::npos ||
                                run.errors.find("MRZ model") != std::string::npos ||
                                run.errors.find("OCR-B font") != std::string::npos);
}

// A fresh folder under the system's temporary directory, removed with the test.
class TempDir {
 public:
  TempDir() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "jae-local-e2e-XXXXXX").string();
    if (mkdtemp(pattern.data())) path_ = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    if (!path_.empty()) std::filesystem::remove_all(path_, ec);
  }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

void Write(const std::filesystem::path& path, const std::string& bytes) {
  std::ofstream f(path, std::ios::binary);
  f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

std::string Compact(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c != ' ') out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return out;
}

TEST(LocalCliEndToEnd, ExtractsEveryKindFromPhotos) {
  auto fonts = gendocs::Fonts::Load();
  if (!fonts) GTEST_SKIP() << "fonts missing (fonts-dejavu, fonts-ocr-b)";
  TempDir dir;
  ASSERT_FALSE(dir.path().empty());
  std::vector<std::string> files;
  std::vector<json> truths;
  for (gendocs::Kind kind : gendocs::kAllKinds) {
    const gendocs::Sample s = gendocs::MakeSample(kind, gendocs::Condition::kPhoto, 42, 0, *fonts);
    const auto path = dir.path() / (s.name + ".jpg");
    Write(path, s.jpeg);
    files.push_back(path.string());
    truths.push_back(s.truth);
  }
  const CliRun run = Extract(files, dir.path() / "stderr.txt");
  if (MissingOcrData(run)) GTEST_SKIP() << "OCR models or fonts missing: " << run.errors;
  EXPECT_EQ(run.exit_code, 0) << run.errors;
  ASSERT_EQ(run.results.size(), files.size());
  for (size_t i = 0; i < files.size(); ++i) {
    const json& r = run.results[i];
    const json& truth = truths[i];
    SCOPED_TRACE(files[i]);
    ASSERT_TRUE(r.is_object());
    EXPECT_EQ(r.value("status", ""), "ok");
    EXPECT_EQ(r["engine"].value("name", ""), "local");
    EXPECT_EQ(r["source"].value("uri", ""), "file://" + files[i]);
    const json& doc = r["document"];
    EXPECT_EQ(doc.value("type", ""), truth["document_type"].get<std::string>());
    const auto truth_fields = truth["fields"].get<std::map<std::string, std::string>>();
    const auto truth_lines = truth["mrz_lines"].get<std::vector<std::string>>();
    if (!truth_lines.empty()) {
      ASSERT_TRUE(doc.contains("mrz"));
      EXPECT_TRUE(doc["mrz"].value("valid", false));
      EXPECT_EQ(doc["mrz"]["lines"].get<std::vector<std::string>>(), truth_lines);
      EXPECT_EQ(r["verification"].value("mrz_check_digits", ""), "pass");
    }
    // Whatever is marked as read from the MRZ must be the truth (dates and numbers are
    // printed alike in both).
    for (const auto& [name, field] : doc["fields"].items()) {
      if (field.value("source", "") != "mrz") continue;
      auto want = truth_fields.find(name);
      if (want == truth_fields.end()) continue;
      EXPECT_EQ(Compact(field.value("value", "")), Compact(want->second)) << name;
    }
    // One printed field per kind that every model carries: the birth date.
    if (truth_fields.count("birth_date") && doc["fields"].contains("birth_date")) {
      EXPECT_EQ(doc["fields"]["birth_date"].value("value", ""), truth_fields.at("birth_date"));
    } else if (truth_fields.count("birth_date")) {
      ADD_FAILURE() << "no birth_date read";
    }
  }
}

TEST(LocalCliEndToEnd, RejectsAPhotoWithoutDocument) {
  TempDir dir;
  ASSERT_FALSE(dir.path().empty());
  std::mt19937_64 rng(7);
  const auto path = dir.path() / "table.jpg";
  Write(path, gendocs::BackgroundOnly(rng, cv::Size(1200, 900)));
  const CliRun run = Extract({path.string()}, dir.path() / "stderr.txt");
  if (MissingOcrData(run)) GTEST_SKIP() << "OCR models or fonts missing: " << run.errors;
  EXPECT_EQ(run.exit_code, 1) << run.errors;
  ASSERT_EQ(run.results.size(), 1u);
  EXPECT_EQ(run.results[0].value("status", ""), "rejected");
  EXPECT_FALSE(run.results[0].contains("document") && run.results[0]["document"].contains("mrz"));
}

}  // namespace
}  // namespace jae
