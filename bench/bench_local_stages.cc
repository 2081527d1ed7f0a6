// The local engine's own image and text stages against a floor measured in the same run:
// one Otsu threshold of the same page (every stage binarises at least once), and a copy of
// the same OCR lines (what any pass over them costs). Pages and lines are drawn here.
//   build/bench/bench_local_stages --benchmark_counters_tabular=true
// Report the ratios (stage / floor), not the times: these machines are shared and noisy.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <opencv2/imgproc.hpp>
#include <random>
#include <string>
#include <vector>

#include "engine/local/field_reader.h"
#include "engine/local/flatten_light.h"
#include "engine/local/mrz_finder.h"
#include "engine/local/ocrb_classifier.h"
#include "engine/local/polarity.h"
#include "engine/local/rule_lines.h"
#include "engine/local/unlabelled_fields.h"
#include "mrz/mrz.h"

namespace {

using jae::local::OcrLine;
using jae::local::OcrWord;

// An A4 form at 150 dpi: captions, values and dotted leaders between them, ruled boxes,
// and an MRZ-like zone of two monospace lines at its foot.
cv::Mat FormPage() {
  cv::Mat page(1754, 1240, CV_8UC1, cv::Scalar(250));
  for (int row = 0; row < 24; ++row) {
    const int y = 120 + row * 56;
    cv::putText(page, "Date de naissance", {80, y}, cv::FONT_HERSHEY_SIMPLEX, 0.7, cv::Scalar(30),
                2);
    for (int x = 330; x < 900; x += 12) cv::circle(page, {x, y}, 2, cv::Scalar(40), cv::FILLED);
    cv::putText(page, "13 07 1990", {920, y}, cv::FONT_HERSHEY_SIMPLEX, 0.7, cv::Scalar(20), 2);
  }
  cv::rectangle(page, {60, 80, 1120, 1380}, cv::Scalar(60), 2);
  for (int k = 0; k < 2; ++k) {
    cv::putText(page, "P<FRAMARTIN<<MAELYS<GAELLE<<<<<<<<<<<<<<<<<", {80, 1580 + 60 * k},
                cv::FONT_HERSHEY_PLAIN, 2.2, cv::Scalar(10), 2);
  }
  return page;
}

// A photo's worst case for the dot search: the page covered in specks.
cv::Mat SpeckledPage() {
  cv::Mat page(1754, 1240, CV_8UC1, cv::Scalar(245));
  std::mt19937 random(7);
  std::uniform_int_distribution<int> x(0, page.cols - 1), y(0, page.rows - 1);
  for (int k = 0; k < 60000; ++k) cv::circle(page, {x(random), y(random)}, 1, cv::Scalar(40), -1);
  return page;
}

// A licence attestation as the engine rectifies it (1200 wide): dark header rows of a
// table holding light captions over dark values, a dark card band with a light name.
cv::Mat BandsPage() {
  cv::Mat page(850, 1200, CV_8UC1, cv::Scalar(245));
  cv::putText(page, "Attestation de licence", {60, 80}, cv::FONT_HERSHEY_SIMPLEX, 1.2,
              cv::Scalar(20), 2);
  cv::rectangle(page, {40, 120, 1120, 70}, cv::Scalar(40), cv::FILLED);
  cv::putText(page, "Lucie MARTIN", {60, 170}, cv::FONT_HERSHEY_SIMPLEX, 1.2, cv::Scalar(245), 2);
  for (int table = 0; table < 3; ++table) {
    const int top = 240 + table * 190;
    cv::rectangle(page, {40, top, 1120, 40}, cv::Scalar(60), cv::FILLED);
    for (int column = 0; column < 4; ++column) {
      cv::putText(page, "Classement", {60 + column * 270, top + 27}, cv::FONT_HERSHEY_SIMPLEX, 0.6,
                  cv::Scalar(250), 1);
      cv::putText(page, "15/4 AB", {60 + column * 270, top + 90}, cv::FONT_HERSHEY_SIMPLEX, 0.8,
                  cv::Scalar(20), 2);
    }
  }
  return page;
}

// A card's OCR lines: bilingual captions over values, some misread.
std::vector<OcrLine> CardLines() {
  const std::vector<std::pair<std::string, std::string>> rows = {
      {"NOM / Surname", "MARTIN"},
      {"Prénoms / Given names", "Maëlis-Gaëlle, Marie"},
      {"SEXE / Sex  NATIONALITÉ / Nationality", "F  FRA"},
      {"DATE DE NAISS. / Date of birth", "13 07 1990"},
      {"LIEU DE NAISSANCE / Place of birth", "PARIS"},
      {"N° DU DOCUMENT / Document No", "D2H6862M2"},
      {"détvrée le: 03.04.2015", "Carte valable jusqu'es : 02.04.2030"},
      {"Adresse du titulaire", "12 RUE DES LILAS"},
      {"75001 PARIS", "Signature du titulaire"},
  };
  std::vector<OcrLine> lines;
  int y = 40;
  for (const auto& [caption, value] : rows) {
    for (const std::string& text : {caption, value}) {
      OcrLine line;
      line.text = text;
      line.confidence = 0.9;
      int x = 40;
      size_t start = 0;
      while (start < text.size()) {
        size_t end = text.find(' ', start);
        if (end == std::string::npos) end = text.size();
        if (end > start) {
          const int width = 11 * static_cast<int>(end - start);
          line.words.push_back(OcrWord{text.substr(start, end - start), {x, y, width, 20}});
          x += width + 11;
        }
        start = end + 1;
      }
      line.box = cv::Rect(40, y, x - 40, 20);
      lines.push_back(std::move(line));
      y += 30;
    }
  }
  return lines;
}

void BM_OtsuFloor(benchmark::State& state, cv::Mat (*make)()) {
  const cv::Mat page = make();
  cv::Mat out;
  for (auto _ : state) {
    cv::threshold(page, out, 0, 255, cv::THRESH_BINARY | cv::THRESH_OTSU);
    benchmark::DoNotOptimize(out.data);
  }
}

void BM_FlattenLight(benchmark::State& state, cv::Mat (*make)()) {
  const cv::Mat page = make();
  for (auto _ : state) benchmark::DoNotOptimize(jae::local::FlattenLight(page).data);
}

// FlattenLight as it was until the twenty-ninth session, kept as the reference in the same
// run: the paper's level smoothed at full size, divided in floats.
void BM_FlattenLightFullSize(benchmark::State& state, cv::Mat (*make)()) {
  const cv::Mat page = make();
  for (auto _ : state) {
    cv::Mat paper;
    const int k = std::max(15, page.cols / 40) | 1;
    cv::dilate(page, paper, cv::getStructuringElement(cv::MORPH_RECT, cv::Size(k, k)));
    cv::GaussianBlur(paper, paper, cv::Size(0, 0), k / 4.0);
    cv::Mat ink, base, out;
    page.convertTo(ink, CV_32F);
    paper.convertTo(base, CV_32F);
    cv::Mat ratio = ink / cv::max(base, 1.0f);
    ratio.convertTo(out, CV_8U, 255);
    benchmark::DoNotOptimize(out.data);
  }
}

void BM_WithoutRuleLines(benchmark::State& state, cv::Mat (*make)()) {
  const cv::Mat page = make();
  for (auto _ : state) benchmark::DoNotOptimize(jae::local::WithoutRuleLines(page).data);
}

void BM_WithoutDotLeaders(benchmark::State& state, cv::Mat (*make)()) {
  const cv::Mat page = make();
  for (auto _ : state) benchmark::DoNotOptimize(jae::local::WithoutDotLeaders(page).data);
}

void BM_WithoutCharacterBoxes(benchmark::State& state, cv::Mat (*make)()) {
  const cv::Mat page = make();
  for (auto _ : state) benchmark::DoNotOptimize(jae::local::WithoutCharacterBoxes(page).data);
}

// Both stages as the engine ran them before they shared one labelling of the ink, and now.
void BM_LeadersThenBoxes(benchmark::State& state, cv::Mat (*make)()) {
  const cv::Mat page = make();
  for (auto _ : state) {
    benchmark::DoNotOptimize(
        jae::local::WithoutCharacterBoxes(jae::local::WithoutDotLeaders(page)).data);
  }
}

void BM_LeadersAndBoxesInOnePass(benchmark::State& state, cv::Mat (*make)()) {
  const cv::Mat page = make();
  for (auto _ : state) {
    benchmark::DoNotOptimize(jae::local::WithoutDotLeadersOrCharacterBoxes(page).data);
  }
}

// The form with its values printed one character a box: every frame found and painted.
cv::Mat CombPage() {
  cv::Mat page = FormPage();
  for (int row = 0; row < 24; ++row) {
    for (int k = 0; k < 10; ++k) {
      const int x = 920 + k * 26, y = 120 + row * 56 - 30;
      page(cv::Rect(x, y, 24, 40)).setTo(250);
      cv::rectangle(page, cv::Rect(x, y, 24, 40), cv::Scalar(90), 1);
      cv::putText(page, std::to_string(k), {x + 5, y + 30}, cv::FONT_HERSHEY_SIMPLEX, 0.7,
                  cv::Scalar(20), 2);
    }
  }
  return page;
}

void BM_FindMrzCandidates(benchmark::State& state, cv::Mat (*make)()) {
  const cv::Mat page = make();
  for (auto _ : state) {
    benchmark::DoNotOptimize(jae::local::FindMrzCandidates(page, 3).size());
  }
}

void BM_LightTextRegions(benchmark::State& state, cv::Mat (*make)()) {
  const cv::Mat page = make();
  for (auto _ : state) benchmark::DoNotOptimize(jae::local::LightTextRegions(page).size());
}

void BM_LightTextChips(benchmark::State& state, cv::Mat (*make)()) {
  const cv::Mat page = make();
  for (auto _ : state) benchmark::DoNotOptimize(jae::local::LightTextChips(page).size());
}

void BM_InkOfBothPolarities(benchmark::State& state, cv::Mat (*make)()) {
  const cv::Mat page = make();
  for (auto _ : state) benchmark::DoNotOptimize(jae::local::InkOfBothPolarities(page).rows);
}

void BM_CopyLinesFloor(benchmark::State& state) {
  const std::vector<OcrLine> lines = CardLines();
  for (auto _ : state) {
    std::vector<OcrLine> copy = lines;
    benchmark::DoNotOptimize(copy.data());
  }
}

void BM_ReadLabelledFields(benchmark::State& state) {
  const std::vector<OcrLine> lines = CardLines();
  for (auto _ : state) {
    benchmark::DoNotOptimize(jae::local::ReadLabelledFields(lines, 1000).size());
  }
}

// Every caption-free pass over the card's lines, none of their fields read yet (each
// pass then searches the whole page), with the state's 2021 specimen MRZ proved.
void BM_UnlabelledFields(benchmark::State& state) {
  const std::vector<OcrLine> lines = CardLines();
  jae::mrz::ParseOptions options;
  options.today = {2026, 12, 6};
  const auto mrz =
      jae::mrz::ParseMrz({"IDFRAX4RTBPFW46<<<<<<<<<<<<<<<", "9007138F3002119FRA<<<<<<<<<<<6",
                          "MARTIN<<MAELYS<GAELLE<MARIE<<<"},
                         options);
  if (!mrz.ok() || !mrz->valid) {
    state.SkipWithError("the specimen MRZ does not parse");
    return;
  }
  for (auto _ : state) {
    jae::Fields fields;
    jae::local::AddNamesTheMrzSpells(lines, *mrz, fields);
    jae::local::SpaceNamesAsTheMrz(*mrz, fields);
    jae::local::AddDatesOfACardFront(lines, fields);
    jae::local::AddSexByItsLetter(lines, fields);
    jae::local::AddNationalityByItsCode(lines, fields);
    jae::local::AddAddressByItsPostcode(lines, fields);
    jae::local::AddIssueDateByValidity(lines, &*mrz, fields);
    jae::local::AddBirthPlaceUncaptioned(lines, &*mrz, fields);
    benchmark::DoNotOptimize(fields.size());
  }
}

// One TD3 line read by the OCR-B template classifier (every cell against the 37 templates),
// the MRZ reader's inner loop; the line drawn at a photo's scale, ~26 pixels high.
void BM_OcrbReadLine(benchmark::State& state) {
  auto classifier = jae::local::OcrbClassifier::Load("/usr/share/fonts/opentype/ocr-b/OCRB.otf");
  if (!classifier.ok()) {
    state.SkipWithError("no OCR-B font (fonts-ocr-b)");
    return;
  }
  cv::Mat line(80, 1240, CV_8UC1, cv::Scalar(245));
  cv::putText(line, "L898902C36UTO7408122F1204159ZE184226B<<<<<10", {20, 55},
              cv::FONT_HERSHEY_PLAIN, 2.0, cv::Scalar(20), 2);
  const cv::Rect box(20, 30, 1180, 28);
  for (auto _ : state) {
    benchmark::DoNotOptimize((*classifier)->ReadLine(line, box, 44));
  }
}

BENCHMARK_CAPTURE(BM_OtsuFloor, form, FormPage)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_FlattenLight, form, FormPage)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_FlattenLightFullSize, form, FormPage)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_WithoutRuleLines, form, FormPage)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_WithoutDotLeaders, form, FormPage)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_WithoutCharacterBoxes, form, FormPage)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_WithoutCharacterBoxes, comb, CombPage)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_LeadersThenBoxes, comb, CombPage)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_LeadersAndBoxesInOnePass, comb, CombPage)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_FindMrzCandidates, form, FormPage)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_OtsuFloor, speckled, SpeckledPage)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_WithoutDotLeaders, speckled, SpeckledPage)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_WithoutCharacterBoxes, speckled, SpeckledPage)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_FindMrzCandidates, speckled, SpeckledPage)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_OtsuFloor, bands, BandsPage)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_LightTextRegions, bands, BandsPage)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_LightTextRegions, form, FormPage)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_LightTextChips, bands, BandsPage)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_InkOfBothPolarities, bands, BandsPage)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_OcrbReadLine)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CopyLinesFloor)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_ReadLabelledFields)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_UnlabelledFields)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
