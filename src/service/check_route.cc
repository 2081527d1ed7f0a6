// POST /v1/check (see check_route.h). Service::HandleCheck lives here, not in service.cc,
// so the route is one file.
#include "service/check_route.h"

#include <httplib.h>

#include <nlohmann/json.hpp>

#include "check/check.h"
#include "check/check_json.h"
#include "check/dates.h"
#include "processing/check_inputs.h"
#include "service/service.h"

namespace jae {
namespace {

using nlohmann::json;

Answer Json(int status, const json& body) {
  return Answer{status, "application/json", body.dump() + "\n"};
}

// A client-supplied file name, safe to echo: printable ASCII, bounded, no folder.
std::string SafeName(std::string_view name, std::size_t index) {
  const auto slash = name.find_last_of("/\\");
  if (slash != std::string_view::npos) name = name.substr(slash + 1);
  std::string out;
  for (char c : name.substr(0, 200)) out += (c >= 0x20 && c < 0x7f) ? c : '_';
  return out.empty() ? "file" + std::to_string(index + 1) : out;
}

std::optional<int> ParseAge(const std::string& text) {
  if (text.empty() || text.size() > 3) return std::nullopt;
  int v = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  return v <= 150 ? std::optional(v) : std::nullopt;
}

}  // namespace

Answer Service::HandleCheck(CheckRequest request, const TraceContext* trace) {
  check::Options options;
  options.match_date = SystemClock().Today();
  if (request.date && !request.date->empty()) {
    const auto date = check::ParseIsoDate(*request.date);
    if (!date) return Json(400, {{"error", "date: expected YYYY-MM-DD"}});
    options.match_date = *date;
  }
  for (auto [field, raw, out] : {std::tuple{"min_age", &request.min_age, &options.min_age},
                                 std::tuple{"max_age", &request.max_age, &options.max_age}}) {
    if (!*raw || (*raw)->empty()) continue;
    const auto age = ParseAge(**raw);
    if (!age) return Json(400, {{"error", std::string(field) + ": expected an integer 0..150"}});
    *out = *age;
  }
  if (options.min_age && options.max_age && *options.min_age > *options.max_age) {
    return Json(400, {{"error", "min_age: greater than max_age"}});
  }
  if (auto refused = Admit("check", trace)) return *refused;
  // One unit of MAX_INFLIGHT for the whole dossier (Service::Slot lives in service.cc).
  struct Release {
    Service& s;
    ~Release() { s.Release(); }
  } release{*this};

  std::vector<check::Input> inputs;
  for (std::size_t i = 0; i < request.files.size(); ++i) {
    CheckUpload& file = request.files[i];
    std::string name = SafeName(file.name, i);
    if (static_cast<int>(i) >= check::kMaxDocuments) {
      inputs.push_back(NotProcessedInput(std::move(name)));
      continue;
    }
    if (static_cast<std::int64_t>(file.bytes.size()) > options_.max_image_bytes) {
      SourceInfo source;
      source.uri = "upload:" + name;
      source.size_bytes = static_cast<std::int64_t>(file.bytes.size());
      inputs.push_back(check::Input{
          name,
          MakeRejected(source, ErrorCode::kTooLarge, "the file is larger than MAX_IMAGE_BYTES",
                       FormatRfc3339(SystemClock().Now())),
          ""});
      continue;
    }
    DocumentInput document;
    document.source.uri = "upload:" + name;
    if (!file.content_type.empty()) document.source.content_type = file.content_type.substr(0, 200);
    document.source.size_bytes = static_cast<std::int64_t>(file.bytes.size());
    document.bytes = std::move(file.bytes);
    const bool is_json = check::LooksLikeJson(document.bytes);
    if (!is_json) document.ticket = EnterIfGated(options_.source_gate);
    auto input = CheckInputFromFile(name, std::move(document), extract_);
    if (!input.ok()) {
      log_.Write(Severity::kWarning, "check: transient failure",
                 {{"error", input.status().ToString()}}, trace);
      return Json(TransientHttpStatus(input.status()),
                  {{"error", std::string(StatusCodeName(input.status().code()))}});
    }
    if (!is_json && input->result) {
      ProcessReport report;
      report.result_status = input->result->status;
      if (input->result->error) report.error_code = input->result->error->code;
      report.engine = input->result->engine;
      CountResult(report);
    }
    inputs.push_back(std::move(*input));
  }
  const check::PlayerCheck result = check::CheckPlayer(inputs, options);
  // No personal data in the log: counts and the verdict only.
  log_.Write(Severity::kInfo, "check answered",
             {{"documents", request.files.size()}, {"verdict", check::ToString(result.verdict)}},
             trace);
  return Answer{200, "application/json", check::SerializeCheck(result) + "\n"};
}

Answer HandleCheckHttp(Service& service, const httplib::Request& req, const TraceContext* trace) {
  if (!req.is_multipart_form_data()) {
    return Json(400, {{"error", "expected multipart/form-data with file parts"}});
  }
  CheckRequest request;
  const auto [first, last] = req.files.equal_range("file");
  for (auto it = first; it != last; ++it) {
    request.files.push_back(
        CheckUpload{it->second.filename, it->second.content_type, it->second.content});
  }
  const auto field = [&](const char* key) -> std::optional<std::string> {
    if (req.has_file(key)) return req.get_file_value(key).content.substr(0, 32);
    return std::nullopt;
  };
  request.date = field("date");
  request.min_age = field("min_age");
  request.max_age = field("max_age");
  return service.HandleCheck(std::move(request), trace);
}

}  // namespace jae
