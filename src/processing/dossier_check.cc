#include "processing/dossier_check.h"

#include <algorithm>
#include <chrono>
#include <random>
#include <vector>

#include "check/check.h"
#include "check/check_json.h"

namespace jae {

std::optional<std::string> DossierOf(std::string_view source_name) {
  const auto slash = source_name.find_last_of('/');
  if (slash == std::string_view::npos || slash == 0) return std::nullopt;
  return std::string(source_name.substr(0, slash + 1));
}

DossierChecks::DossierChecks(Store& results, const Clock& clock, DossierCheckOptions options)
    : results_(results), clock_(clock), options_(options) {}

Status DossierChecks::Update(std::string_view source_name) {
  const auto dossier = DossierOf(source_name);
  if (!dossier) return OkStatus();
  // Another writer came first: start again from the read, after the backoff. Any other
  // status ends the loop as it is.
  using Outcome = AttemptOutcome<bool>;
  Backoff backoff(options_.backoff, std::random_device{}());
  auto updated = RetryLoop<bool>(
      options_.retry, Idempotency::kIdempotent, backoff, *options_.retry_clock,
      "updating check.json", [&](std::chrono::milliseconds) -> Outcome {
        Status status = Attempt(*dossier);
        if (status.ok()) return Outcome::Ok(true);
        if (status.code() != StatusCode::kFailedPrecondition) return Outcome::Permanent(status);
        // Transient when it gives up: the event is delivered again, the update retried then.
        return Outcome::Transient(
            UnavailableError("check.json: too many concurrent updates: " + status.message()));
      });
  return updated.ok() ? OkStatus() : updated.status();
}

Status DossierChecks::Attempt(const std::string& dossier) {
  const std::string check_name = dossier + std::string(kDossierCheckName);
  // 1. The check's current generation, before anything is listed (see the header).
  std::optional<std::string> generation = "0";
  std::optional<std::string> stored;
  if (auto meta = results_.Stat(check_name); meta.ok()) {
    generation = meta->generation;
    auto bytes = results_.Read(check_name, meta->generation, 4 * options_.max_result_bytes);
    if (bytes.ok()) {
      stored = std::move(*bytes);
    } else if (bytes.status().code() == StatusCode::kNotFound) {
      return FailedPreconditionError("check.json changed while read");
    } else if (bytes.status().code() != StatusCode::kOutOfRange) {
      return bytes.status();
    }
  } else if (meta.status().code() != StatusCode::kNotFound) {
    return meta.status();
  }

  // 2. Every result of the dossier: its direct children named *.json, but the check.
  std::vector<std::string> names;
  std::string token;
  do {
    auto page = results_.List(dossier, token);
    if (!page.ok()) return page.status();
    for (const ObjectMeta& o : page->objects) {
      const std::string_view rest = std::string_view(o.name).substr(dossier.size());
      if (rest.find('/') != std::string_view::npos || !rest.ends_with(".json")) continue;
      if (rest == kDossierCheckName) continue;
      names.push_back(o.name);
    }
    token = page->next_page_token;
  } while (!token.empty());
  std::sort(names.begin(), names.end());

  std::vector<check::Input> inputs;
  for (const std::string& name : names) {
    // The referee knows a document by its file name: the result's name without ".json".
    std::string shown = name.substr(dossier.size());
    shown.resize(shown.size() - 5);
    if (static_cast<int>(inputs.size()) >= check::kMaxDocuments) {
      // Past the most one player's dossier holds, results are named, not read: every
      // event of a crowded folder would otherwise re-read all of it.
      check::Input in;
      in.name = shown;
      in.error =
          "not read: a dossier has at most " + std::to_string(check::kMaxDocuments) + " documents";
      inputs.push_back(std::move(in));
      continue;
    }
    auto bytes = results_.Read(name, std::nullopt, options_.max_result_bytes);
    if (bytes.ok()) {
      inputs.push_back(check::InputFromResultJson(shown, *bytes));
    } else if (bytes.status().code() == StatusCode::kNotFound) {
      continue;  // deleted since listed: no longer part of the dossier
    } else if (bytes.status().code() == StatusCode::kOutOfRange) {
      check::Input in;
      in.name = shown;
      in.error = "the result is too large to read";
      inputs.push_back(std::move(in));
    } else {
      return bytes.status();
    }
  }

  // 3. The new check; written only when it says something new.
  check::Options options;
  options.match_date = clock_.Today();
  const std::string json = check::SerializeCheck(check::CheckPlayer(inputs, options), 2) + "\n";
  if (stored && *stored == json) return OkStatus();
  auto written = results_.Write(check_name, json, "application/json", generation);
  return written.ok() ? OkStatus() : written.status();
}

}  // namespace jae
