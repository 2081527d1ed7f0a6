// Parse + verify one MRZ, per format, as read and with OCR confusions to repair.
// Baseline in the same run: copying the lines (what any reader must at least do), so
// the figures can be read as ratios on a noisy shared machine.
//   build/bench/bench_mrz --benchmark_min_time=0.5
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "mrz/mrz.h"

namespace {

const std::vector<std::string> kTd3 = {"P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
                                       "L898902C36UTO7408122F1204159ZE184226B<<<<<10"};
const std::vector<std::string> kTd1 = {"IDFRAX4RTBPFW46<<<<<<<<<<<<<<<",
                                       "9007138F3002119FRA<<<<<<<<<<<6",
                                       "MARTIN<<MAELYS<GAELLE<MARIE<<<"};
const std::vector<std::string> kFr1988 = {"IDFRABERTHIER<<<<<<<<<<<<<<<<<<<<<<<",
                                          "9409923102854CORINNE<<<<<<<6512068F4"};
// Two letters in dates and one in the document number: class coercion + a check-guided
// repair.
const std::vector<std::string> kTd3Confused = {"P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
                                               "L8989O2C36UTO74O8122F12O4159ZE184226B<<<<<10"};
// A genuinely wrong digit: every repair is tried and refused (the worst case).
const std::vector<std::string> kTd3Wrong = {"P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
                                            "L898902C36UTO7408172F1204159ZE184226B<<<<<10"};

void BM_CopyLinesBaseline(benchmark::State& state) {
  for (auto _ : state) {
    std::vector<std::string> copy = kTd3;
    benchmark::DoNotOptimize(copy);
  }
}

void Parse(benchmark::State& state, const std::vector<std::string>& lines, bool expect_valid) {
  jae::mrz::ParseOptions options;
  options.today = {2026, 11, 26};
  for (auto _ : state) {
    auto parsed = jae::mrz::ParseMrz(lines, options);
    if (!parsed.ok() || parsed->valid != expect_valid) {
      state.SkipWithError("unexpected parse result");
      break;
    }
    benchmark::DoNotOptimize(parsed);
  }
}

void BM_ParseTd3(benchmark::State& s) { Parse(s, kTd3, true); }
void BM_ParseTd1(benchmark::State& s) { Parse(s, kTd1, true); }
void BM_ParseFrId1988(benchmark::State& s) { Parse(s, kFr1988, true); }
void BM_ParseTd3WithRepairs(benchmark::State& s) { Parse(s, kTd3Confused, true); }
void BM_ParseTd3Invalid(benchmark::State& s) { Parse(s, kTd3Wrong, false); }

BENCHMARK(BM_CopyLinesBaseline);
BENCHMARK(BM_ParseTd3);
BENCHMARK(BM_ParseTd1);
BENCHMARK(BM_ParseFrId1988);
BENCHMARK(BM_ParseTd3WithRepairs);
BENCHMARK(BM_ParseTd3Invalid);

}  // namespace

BENCHMARK_MAIN();
