// evaluate: runs the local engine over a generated set (tools/gendocs, or the independent
// set of tests/independent) and prints, per document kind, condition and source (the
// truth's "source", "gendocs" when absent; a held-out family is marked), the MRZ exact-read rate,
// per-field accuracy, document-type accuracy, median / p95 time per document, and the process's
// peak memory. A benchmark, not a unit test: it prints figures and fails only on the safety rule (a
// field proved by a valid MRZ must equal the truth). It also prints the two figures a referee
// relies on (issue 11): the false-alarm rate (documents whose truth says the MRZ and the printed
// zone agree — every generated one unless its truth has "mrz_matches_printed": false — but
// whose result says `mismatch`) and the false-proof count (fields marked source "mrz" whose
// value differs from the truth's MRZ).
//   evaluate --data DIR [--limit N] [--verbose]
#include <sys/resource.h>
#include <time.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <opencv2/imgproc.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "common/cpu_time.h"
#include "common/env.h"
#include "engine/local/local_engine.h"
#include "image/image.h"
#include "mrz/mrz.h"
#include "verify/normalize.h"
#include "verify/verify.h"

namespace {

using jae::ThreadCpuMs;

using nlohmann::json;

// The pipeline's own normalisation (src/image), so that the engine is measured on the
// pixels it gets in production. A rejected upload becomes an empty image, which the
// engine rejects in turn.
jae::NormalizedImage Normalize(const std::string& bytes) {
  auto outcome = jae::NormalizeImage(bytes, jae::NormalizeOptions{});
  if (!outcome.ok() || !outcome->image) return {};
  return *std::move(outcome->image);
}

std::string Lower(const std::string& s) {
  static const std::pair<const char*, const char*> kMap[] = {
      {"À", "à"}, {"Â", "â"}, {"Ä", "ä"}, {"Ç", "ç"}, {"È", "è"}, {"É", "é"},
      {"Ê", "ê"}, {"Ë", "ë"}, {"Î", "î"}, {"Ï", "ï"}, {"Ô", "ô"}, {"Ö", "ö"},
      {"Ù", "ù"}, {"Û", "û"}, {"Ü", "ü"}, {"Œ", "œ"}};
  std::string out;
  for (size_t i = 0; i < s.size();) {
    bool mapped = false;
    for (const auto& [up, low] : kMap) {
      const std::string u = up;
      if (s.compare(i, u.size(), u) == 0) {
        out += low;
        i += u.size();
        mapped = true;
        break;
      }
    }
    if (mapped) continue;
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(s[i])));
    ++i;
  }
  return out;
}

// Comparison form, applied to both sides: dates to ISO from D M Y digit groups (or a
// day, a month in words and a year), case
// folded, commas dropped, spaces collapsed; numbers without spaces. (The verified values
// are already normalised by src/verify; raw reads are not.)
std::string NormalizeValue(const std::string& field, const std::string& value) {
  if (field.find("date") != std::string::npos) {
    std::vector<std::string> groups;
    std::string cur;
    for (char c : value) {
      if (std::isdigit(static_cast<unsigned char>(c))) {
        cur += c;
      } else if (!cur.empty()) {
        groups.push_back(cur);
        cur.clear();
      }
    }
    if (!cur.empty()) groups.push_back(cur);
    if (groups.size() == 3 && groups[0].size() == 4)
      return groups[0] + "-" + groups[1] + "-" + groups[2];
    if (groups.size() == 3 && groups[2].size() == 4 && groups[0].size() == 2 &&
        groups[1].size() == 2) {
      return groups[2] + "-" + groups[1] + "-" + groups[0];
    }
    // A month in words ("26 FÉVR. 1960", "02 JUIN/JUN 1973"), read as verification reads
    // it: the year has four digits, so the day of the run does not matter.
    const auto worded =
        jae::verify::NormalizeDate(value, jae::verify::DateKind::kPast, jae::CivilDate{2026, 1, 1});
    if (worded.value && groups.size() == 2) return jae::FormatIsoDate(*worded.value);
    return value;
  }
  // "Française", "FRANÇAISE" or "FRA": the printed word names the code, as verification
  // reads it; the word is a right reading, not a false field.
  if (field == "nationality") {
    const auto code = jae::verify::NormalizeCountryCode(value);
    if (code.problem == jae::verify::Problem::kNone && code.value) return *code.value;
  }
  std::string out;
  for (char c : Lower(value)) {
    if (c == ',') c = ' ';
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    out += c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  if (field == "licence_number" || field == "club_number" || field == "document_number") {
    std::string compact;
    for (char c : out) {
      if (c != ' ') compact += c;
    }
    return compact;
  }
  return out;
}

struct Stats {
  int docs = 0, mrz_docs = 0, mrz_exact = 0, fields = 0, fields_ok = 0, type_ok = 0;
  int visual_ok = 0;  // printed fields as read, before MRZ precedence
  // Printed fields the engine emitted (for a field the truth has) and those of them whose
  // value is wrong: a false field is worse than a missing one.
  int visual_emitted = 0, visual_wrong = 0;
  int facts_emitted = 0, facts_wrong = 0;  // after verification: what a user is told
  int rejected = 0, errors = 0, mrz_valid_wrong = 0;
  int agreeing = 0, false_alarms = 0;  // truth: MRZ and printed agree; result: mismatch
  int altered = 0, true_alarms = 0;    // truth: printed zone altered; result: mismatch
  std::vector<double> ms;              // CPU time of the calling thread: one core's worth
  std::vector<double> wall_ms;
  std::map<std::string, std::pair<int, int>> per_field;  // ok, total
  std::map<std::string, std::pair<int, int>> per_field_false;  // false fields, false facts
  // Real photos, whose MRZ text is unknown (truth "expect_valid_mrz"): reads whose checks
  // all hold, and how many the truth expects.
  int real = 0, real_valid = 0, real_expected = 0;
  std::vector<double> peak_mb;  // the process's peak RSS while reading each document
};

// The process's peak resident memory since the last ResetPeakRss (VmHWM), in MB; 0 when
// /proc is unavailable.
double PeakRssMb() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmHWM:", 0) == 0) return std::strtod(line.c_str() + 6, nullptr) / 1024.0;
  }
  return 0;
}

// Writing 5 to clear_refs resets VmHWM to the current RSS: each document's peak is then
// its own (model and earlier documents' freed memory excluded only when returned).
void ResetPeakRss() { std::ofstream("/proc/self/clear_refs") << "5"; }

// The image next to a truth file: same name, .jpg (gendocs), .jpeg or .png (real photos),
// .pdf (attestations).
std::filesystem::path ImageFor(const std::filesystem::path& dir,
                               const std::filesystem::path& truth) {
  for (const char* ext : {".jpg", ".jpeg", ".png", ".pdf"}) {
    auto p = dir / truth.filename();
    p.replace_extension(ext);
    std::error_code ec;
    if (std::filesystem::exists(p, ec)) return p;
  }
  auto p = dir / truth.filename();
  return p.replace_extension(".jpg");
}

double Percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const size_t i = std::min(v.size() - 1, static_cast<size_t>(p * (v.size() - 1) + 0.5));
  return v[i];
}

std::string Pct(int ok, int n) {
  if (n == 0) return "   -  ";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%5.1f%%", 100.0 * ok / n);
  return buf;
}

void PrintTrustRow(const std::string& name, const Stats& s) {
  std::printf("%-24s %4d  false alarms %3d/%-4d %s   false proofs %d   true alarms %d/%d\n",
              name.c_str(), s.docs, s.false_alarms, s.agreeing,
              Pct(s.false_alarms, s.agreeing).c_str(), s.mrz_valid_wrong, s.true_alarms, s.altered);
}

void PrintRow(const std::string& name, const Stats& s) {
  std::printf("%-36s %4d  %s (%3d)  %s  %s (%4d)  %s  %5.0f  %5.0f  %6.0f  %5.0f  %d/%d\n",
              name.c_str(), s.docs, Pct(s.mrz_exact, s.mrz_docs).c_str(), s.mrz_docs,
              Pct(s.visual_ok, s.fields).c_str(), Pct(s.fields_ok, s.fields).c_str(), s.fields,
              Pct(s.type_ok, s.docs).c_str(), Percentile(s.ms, 0.5), Percentile(s.ms, 0.95),
              Percentile(s.wall_ms, 0.5), Percentile(s.peak_mb, 1.0), s.rejected, s.errors);
}

void Merge(Stats& into, const Stats& s) {
  into.docs += s.docs;
  into.mrz_docs += s.mrz_docs;
  into.mrz_exact += s.mrz_exact;
  into.fields += s.fields;
  into.fields_ok += s.fields_ok;
  into.visual_ok += s.visual_ok;
  into.visual_emitted += s.visual_emitted;
  into.visual_wrong += s.visual_wrong;
  into.facts_emitted += s.facts_emitted;
  into.facts_wrong += s.facts_wrong;
  into.type_ok += s.type_ok;
  into.rejected += s.rejected;
  into.errors += s.errors;
  into.mrz_valid_wrong += s.mrz_valid_wrong;
  into.agreeing += s.agreeing;
  into.false_alarms += s.false_alarms;
  into.altered += s.altered;
  into.true_alarms += s.true_alarms;
  into.real += s.real;
  into.real_valid += s.real_valid;
  into.real_expected += s.real_expected;
  into.peak_mb.insert(into.peak_mb.end(), s.peak_mb.begin(), s.peak_mb.end());
  into.ms.insert(into.ms.end(), s.ms.begin(), s.ms.end());
  into.wall_ms.insert(into.wall_ms.end(), s.wall_ms.begin(), s.wall_ms.end());
  for (const auto& [k, v] : s.per_field) {
    into.per_field[k].first += v.first;
    into.per_field[k].second += v.second;
  }
  for (const auto& [k, v] : s.per_field_false) {
    into.per_field_false[k].first += v.first;
    into.per_field_false[k].second += v.second;
  }
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Evaluate the local engine on a generated set (tools/gendocs)"};
  std::string data;
  int limit = 0;
  bool verbose = false;
  bool times = false;
  std::string truth_dir;
  app.add_option("--data", data, "folder written by gendocs")->required();
  app.add_option("--truth", truth_dir, "folder of the .json ground truth (default: --data)");
  app.add_option("--limit", limit, "at most N documents (0: all)");
  app.add_flag("--verbose", verbose, "print every miss");
  app.add_flag("--times", times,
               "print each document's CPU time (TIME name ms; not the held-out family's), "
               "to compare two engines document by document");
  // Floors for a CI slice (tests/independent/ci_slice.sh): below one, exit 1.
  double require_mrz = -1, require_fields = -1;
  int require_real_valid = -1;
  app.add_option("--require-mrz-exact", require_mrz, "fail below this MRZ exact rate (%)");
  app.add_option("--require-fields", require_fields, "fail below this verified-field rate (%)");
  app.add_option("--require-real-valid", require_real_valid,
                 "fail with fewer real photos giving a valid MRZ");
  CLI11_PARSE(app, argc, argv);

  std::vector<std::filesystem::path> truths;
  std::error_code ec;
  if (truth_dir.empty()) truth_dir = data;
  for (const auto& e : std::filesystem::directory_iterator(truth_dir, ec)) {
    if (e.path().extension() == ".json") truths.push_back(e.path());
  }
  if (ec || truths.empty()) {
    std::cerr << "evaluate: no ground truth (*.json) in " << data << "\n";
    return 2;
  }
  std::sort(truths.begin(), truths.end());
  if (limit > 0 && static_cast<int>(truths.size()) > limit) truths.resize(limit);

  const auto t0 = std::chrono::steady_clock::now();
  auto engine = jae::MakeLocalEngine(jae::ProcessEnv());
  const double load_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  if (!engine.ok()) {
    std::cerr << "evaluate: " << engine.status().ToString() << "\n";
    return 2;
  }
  // What the engine runs without (a model not found): said before any figure.
  for (const std::string& warning : (*engine)->ConfigurationWarnings()) {
    std::cerr << "evaluate: warning: " << warning << "\n";
  }
  jae::mrz::ParseOptions mrz_options;
  mrz_options.today = jae::SystemClock().Today();
  jae::verify::VerifyOptions verify_options;
  verify_options.today = mrz_options.today;

  std::map<std::string, Stats> by_group;  // "kind/condition"
  // The cap: no document above 3 s of CPU. The slowest is named unless held out.
  constexpr double kSlowMs = 3000;
  int slow_docs = 0;
  double slowest_ms = 0;
  std::string slowest;
  for (const auto& truth_path : truths) {
    json truth;
    try {
      truth = json::parse(std::ifstream(truth_path));
    } catch (const std::exception&) {
      std::cerr << "evaluate: bad truth " << truth_path << "\n";
      continue;
    }
    const auto image_path = ImageFor(data, truth_path);
    std::ifstream in(image_path, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const jae::NormalizedImage image = Normalize(bytes);
    const std::string group = truth["kind"].get<std::string>() + "/" +
                              truth["condition"].get<std::string>() + "/" +
                              truth.value("source", std::string("gendocs")) +
                              (truth.value("held_out", false) ? " (held out)" : "");
    Stats& s = by_group[group];
    ++s.docs;
    const bool real = truth.contains("expect_valid_mrz");
    if (real) {
      ++s.real;
      s.real_expected += truth["expect_valid_mrz"].get<bool>();
    }
    ResetPeakRss();
    const auto start = std::chrono::steady_clock::now();
    const double cpu0 = ThreadCpuMs();
    auto result = (*engine)->Extract(image, start + std::chrono::seconds(60));
    s.ms.push_back(ThreadCpuMs() - cpu0);
    slow_docs += s.ms.back() > kSlowMs;
    if (times && !truth.value("held_out", false)) {
      std::printf("TIME %s %.0f\n", image_path.filename().c_str(), s.ms.back());
    }
    if (verbose && s.ms.back() > kSlowMs && !truth.value("held_out", false)) {
      std::printf("SLOW %s: %.0f ms CPU\n", image_path.filename().c_str(), s.ms.back());
    }
    if (s.ms.back() > slowest_ms) {
      slowest_ms = s.ms.back();
      slowest = truth.value("held_out", false) ? std::string("a held-out document")
                                               : image_path.filename().string();
    }
    s.wall_ms.push_back(
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
            .count());
    s.peak_mb.push_back(PeakRssMb());
    const auto truth_lines =
        truth.value("mrz_lines", json::array()).get<std::vector<std::string>>();
    const auto truth_fields =
        truth.value("fields", json::object()).get<std::map<std::string, std::string>>();
    if (!truth_lines.empty()) ++s.mrz_docs;
    s.fields += static_cast<int>(truth_fields.size());
    for (const auto& [k, v] : truth_fields) s.per_field[k].second++;
    if (!result.ok()) {
      ++s.errors;
      if (verbose)
        std::printf("ERROR %s: %s\n", image_path.filename().c_str(),
                    result.status().ToString().c_str());
      continue;
    }
    if (!result->extraction) {
      ++s.rejected;
      if (verbose) std::printf("REJECTED %s\n", image_path.filename().c_str());
      continue;
    }
    const auto& ex = *result->extraction;
    if (real && !ex.mrz_lines.empty()) {
      auto parsed = jae::mrz::ParseMrz(ex.mrz_lines, mrz_options);
      const bool valid = parsed.ok() && parsed->valid;
      s.real_valid += valid;
      if (verbose) {
        std::printf("REAL %s: MRZ %s\n", image_path.filename().c_str(),
                    valid ? "valid" : "read, checks fail");
      }
    } else if (real && verbose) {
      std::printf("REAL %s: MRZ not found\n", image_path.filename().c_str());
    }
    if (std::string(jae::ToString(ex.type)) == truth.value("document_type", std::string())) {
      ++s.type_ok;
    } else if (verbose) {
      std::printf("TYPE %s: %s\n", image_path.filename().c_str(),
                  std::string(jae::ToString(ex.type)).c_str());
    }
    // The MRZ as read: exact when all its checks hold and it equals the truth.
    if (!ex.mrz_lines.empty() && !real) {
      auto parsed = jae::mrz::ParseMrz(ex.mrz_lines, mrz_options);
      if (parsed.ok() && parsed->valid && parsed->lines == truth_lines) {
        ++s.mrz_exact;
      } else if (verbose) {
        std::printf("MRZ %s: %s\n", image_path.filename().c_str(),
                    !parsed.ok()    ? parsed.status().message().c_str()
                    : parsed->valid ? "valid but not the truth"
                                    : "checks fail");
        for (size_t i = 0; i < ex.mrz_lines.size(); ++i) {
          std::printf("   got  %s\n   want %s\n", ex.mrz_lines[i].c_str(),
                      i < truth_lines.size() ? truth_lines[i].c_str() : "");
        }
      }
    } else if (!truth_lines.empty() && verbose) {
      std::printf("MRZ %s: not found\n", image_path.filename().c_str());
    }
    // What a user gets: the shared verification (MRZ precedence, normalisation).
    const jae::verify::Verified verified = jae::verify::Verify(ex, verify_options);
    const jae::Fields& final_fields = verified.document.fields;
    // Trust: a mismatch is an alarm; it is false when the truth says both zones agree.
    const bool truly_agree = truth.value("mrz_matches_printed", true);
    const bool alarm = verified.verification.mrz_matches_visual == jae::VisualMatch::kMismatch;
    if (truly_agree) {
      ++s.agreeing;
      if (alarm) {
        ++s.false_alarms;
        std::printf("FALSE ALARM %s:", image_path.filename().c_str());
        for (const auto& w : verified.verification.warnings) {
          if (w.starts_with("mrz_matches_visual")) std::printf(" [%s]", w.c_str());
        }
        std::printf("\n");
      }
    } else {
      ++s.altered;
      s.true_alarms += alarm;
    }
    // Safety (false proofs): every field the verification marks as read from the MRZ must
    // be what the true MRZ says.
    if (!real) {
      jae::Fields want;
      if (auto truth_parsed = jae::mrz::ParseMrz(truth_lines, mrz_options); truth_parsed.ok()) {
        want = jae::mrz::ToResultFields(truth_parsed->data);
      }
      for (const auto& [f, field] : final_fields) {
        if (field.source != jae::FieldSource::kMrz) continue;
        auto it = want.find(f);
        if (it == want.end() || it->second.value != field.value) {
          ++s.mrz_valid_wrong;
          std::printf("SAFETY %s: %s from a valid MRZ is wrong\n", image_path.filename().c_str(),
                      std::string(jae::ToString(f)).c_str());
        }
      }
    }
    for (const auto& [name, want] : truth_fields) {
      auto field_name = jae::EnumFromString<jae::FieldName>(name);
      std::string got, got_final;
      if (field_name) {
        if (auto it = ex.fields.find(*field_name); it != ex.fields.end()) got = it->second.value;
        if (auto it = final_fields.find(*field_name); it != final_fields.end()) {
          got_final = it->second.value;
        }
      }
      s.visual_ok += NormalizeValue(name, got) == NormalizeValue(name, want);
      if (!got.empty()) {
        ++s.visual_emitted;
        if (NormalizeValue(name, got) != NormalizeValue(name, want)) {
          ++s.visual_wrong;
          ++s.per_field_false[name].first;
          if (verbose) {
            std::printf("FALSE FIELD %s %s: read '%s', want '%s'\n", image_path.filename().c_str(),
                        name.c_str(), got.c_str(), want.c_str());
          }
        }
      }
      if (!got_final.empty()) {
        ++s.facts_emitted;
        const bool told_wrong = NormalizeValue(name, got_final) != NormalizeValue(name, want);
        s.facts_wrong += told_wrong;
        s.per_field_false[name].second += told_wrong;
      }
      if (NormalizeValue(name, got_final) == NormalizeValue(name, want)) {
        ++s.fields_ok;
        s.per_field[name].first++;
      } else if (verbose) {
        std::printf("FIELD %s %s: read '%s', verified '%s', want '%s'\n",
                    image_path.filename().c_str(), name.c_str(), got.c_str(), got_final.c_str(),
                    want.c_str());
      }
    }
  }

  struct rusage usage {};
  getrusage(RUSAGE_SELF, &usage);
  std::printf("\nlocal engine on %zu documents (one thread); model load %.0f ms\n", truths.size(),
              load_ms);
  std::printf("%-36s %4s  %-13s  %-6s  %-14s  %-6s  %5s  %5s  %6s  %5s  %s\n",
              "kind/condition/source", "n", "MRZ exact", "read", "fields (verified)", "type", "p50",
              "p95", "wall50", "MB", "rejected/errors");
  std::printf(
      "(times in ms: p50/p95 are CPU time of the one extracting thread, wall50 the median wall"
      " time on this shared machine; MB the highest peak RSS of the process while reading one"
      " document, models included)\n");
  std::map<std::string, Stats> by_condition, by_source;
  Stats all;
  for (const auto& [group, s] : by_group) {
    PrintRow(group, s);
    const std::string cond_source = group.substr(group.find('/') + 1);
    Merge(by_condition[cond_source], s);
    Merge(by_source[cond_source.substr(cond_source.find('/') + 1)], s);
    Merge(all, s);
  }
  std::printf("\n");
  for (const auto& [cond, s] : by_condition) PrintRow("ALL/" + cond, s);
  for (const auto& [source, s] : by_source) PrintRow("ALL/ALL/" + source, s);
  PrintRow("ALL", all);
  if (all.real > 0) {
    std::printf(
        "\nreal photos (MRZ text unknown): a valid MRZ (every check holds) on %d/%d; "
        "expected valid by the source: %d\n",
        all.real_valid, all.real, all.real_expected);
  }
  std::printf(
      "\nprinted fields as read (before MRZ precedence): right / truth fields, and false fields ="
      " emitted with a wrong value / emitted; false facts = the same after verification (what"
      " a user is told: MRZ precedence, values of no form or low confidence withheld)\n");
  auto print_printed = [](const std::string& name, const Stats& s) {
    std::printf("%-36s right %4d/%-4d %s   false %3d/%-4d %s   false facts %3d/%-4d %s\n",
                name.c_str(), s.visual_ok, s.fields, Pct(s.visual_ok, s.fields).c_str(),
                s.visual_wrong, s.visual_emitted, Pct(s.visual_wrong, s.visual_emitted).c_str(),
                s.facts_wrong, s.facts_emitted, Pct(s.facts_wrong, s.facts_emitted).c_str());
  };
  for (const auto& [group, s] : by_group) print_printed(group, s);
  for (const auto& [cond, s] : by_condition) print_printed("ALL/" + cond, s);
  for (const auto& [source, s] : by_source) print_printed("ALL/ALL/" + source, s);
  print_printed("ALL", all);
  std::printf("\nper field (all conditions; false fields as read, false facts told):\n");
  for (const auto& [name, v] : all.per_field) {
    const auto& wrong = all.per_field_false[name];
    std::printf("  %-18s %s (%d)   false %d, facts %d\n", name.c_str(),
                Pct(v.first, v.second).c_str(), v.second, wrong.first, wrong.second);
  }
  std::printf(
      "\ntrust (issue 11): false alarm = truth says MRZ and printed agree, result says"
      " mismatch; false proof = a field with source \"mrz\" that differs from the truth\n");
  for (const auto& [group, s] : by_group) PrintTrustRow(group, s);
  for (const auto& [cond, s] : by_condition) PrintTrustRow("ALL/" + cond, s);
  PrintTrustRow("ALL", all);
  std::printf("\nsafety: fields with source mrz that are wrong (false proofs): %d (must be 0)\n",
              all.mrz_valid_wrong);
  std::printf("peak memory (max RSS): %.1f MB\n", usage.ru_maxrss / 1024.0);
  std::printf("CPU per document: slowest %.0f ms (%s); above %.0f ms: %d of %zu\n", slowest_ms,
              slowest.c_str(), kSlowMs, slow_docs, truths.size());
  bool floors_hold = true;
  auto floor = [&](const char* what, double got, double want) {
    if (want < 0 || got >= want) return;
    std::printf("BELOW FLOOR: %s %.1f < %.1f\n", what, got, want);
    floors_hold = false;
  };
  floor("MRZ exact %", all.mrz_docs ? 100.0 * all.mrz_exact / all.mrz_docs : 0, require_mrz);
  floor("verified fields %", all.fields ? 100.0 * all.fields_ok / all.fields : 0, require_fields);
  floor("real photos with a valid MRZ", all.real_valid, require_real_valid);
  return all.mrz_valid_wrong == 0 && floors_hold ? 0 : 1;
}
