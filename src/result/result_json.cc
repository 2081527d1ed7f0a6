#include "result/result_json.h"

#include <cctype>
#include <set>

namespace jae {
namespace {

using nlohmann::json;

template <typename T>
void PutIf(json& out, const char* key, const std::optional<T>& v) {
  if (v) out[key] = *v;
}

json FieldToJson(const Field& f) {
  json j = {{"value", f.value}};
  if (f.confidence) j["confidence"] = *f.confidence;
  if (f.source) j["source"] = ToString(*f.source);
  return j;
}

// --- parsing helpers: each returns an error naming the JSON path ---

Status Bad(const std::string& path, std::string_view what) {
  return InvalidArgumentError(path + ": " + std::string(what));
}

Status CheckKeys(const json& j, const std::string& path,
                 std::initializer_list<const char*> allowed) {
  if (!j.is_object()) return Bad(path, "must be an object");
  for (const auto& [key, _] : j.items()) {
    bool known = false;
    for (const char* a : allowed) known = known || key == a;
    if (!known) return Bad(path, "unknown property '" + key + "'");
  }
  return OkStatus();
}

Status GetString(const json& j, const char* key, const std::string& path, std::string& out) {
  const auto it = j.find(key);
  if (it == j.end()) return Bad(path + "." + key, "is required");
  if (!it->is_string()) return Bad(path + "." + key, "must be a string");
  out = it->get<std::string>();
  return OkStatus();
}

Status GetOptString(const json& j, const char* key, const std::string& path,
                    std::optional<std::string>& out) {
  const auto it = j.find(key);
  if (it == j.end()) return OkStatus();
  if (!it->is_string()) return Bad(path + "." + key, "must be a string");
  out = it->get<std::string>();
  return OkStatus();
}

Status GetOptInt(const json& j, const char* key, const std::string& path,
                 std::optional<std::int64_t>& out, bool nullable = false) {
  const auto it = j.find(key);
  if (it == j.end()) return OkStatus();
  if (nullable && it->is_null()) return OkStatus();
  if (!it->is_number_integer()) return Bad(path + "." + key, "must be an integer");
  const auto v = it->is_number_unsigned() && it->get<std::uint64_t>() > INT64_MAX
                     ? -1
                     : it->get<std::int64_t>();
  if (v < 0) return Bad(path + "." + key, "must be >= 0");
  out = v;
  return OkStatus();
}

Status GetOptNumber(const json& j, const char* key, const std::string& path,
                    std::optional<double>& out) {
  const auto it = j.find(key);
  if (it == j.end()) return OkStatus();
  if (!it->is_number()) return Bad(path + "." + key, "must be a number");
  out = it->get<double>();
  return OkStatus();
}

template <typename Enum>
Status GetEnum(const json& j, const char* key, const std::string& path, std::optional<Enum>& out,
               bool required) {
  const auto it = j.find(key);
  if (it == j.end()) return required ? Bad(path + "." + key, "is required") : OkStatus();
  if (!it->is_string()) return Bad(path + "." + key, "must be a string");
  out = EnumFromString<Enum>(it->get<std::string>());
  if (!out) return Bad(path + "." + key, "has an unknown value");
  return OkStatus();
}

bool IsIsoDateShape(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (int i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  }
  return true;
}

bool IsDateField(FieldName n) {
  return n == FieldName::kBirthDate || n == FieldName::kIssueDate || n == FieldName::kExpiryDate;
}

StatusOr<Field> ParseField(const json& j, const std::string& path, FieldName name) {
  JAE_RETURN_IF_ERROR(CheckKeys(j, path, {"value", "confidence", "source"}));
  Field f;
  JAE_RETURN_IF_ERROR(GetString(j, "value", path, f.value));
  if (f.value.empty()) return Bad(path + ".value", "must not be empty");
  if (IsDateField(name) && !IsIsoDateShape(f.value))
    return Bad(path + ".value", "must be YYYY-MM-DD");
  JAE_RETURN_IF_ERROR(GetOptNumber(j, "confidence", path, f.confidence));
  if (f.confidence && !(*f.confidence >= 0.0 && *f.confidence <= 1.0)) {
    return Bad(path + ".confidence", "must be within 0..1");
  }
  std::optional<FieldSource> src;
  JAE_RETURN_IF_ERROR(GetEnum(j, "source", path, src, false));
  f.source = src;
  return f;
}

StatusOr<UnreadableField> ParseUnreadable(const json& j, const std::string& path) {
  JAE_RETURN_IF_ERROR(CheckKeys(j, path, {"value", "confidence", "source", "reason"}));
  UnreadableField u;
  JAE_RETURN_IF_ERROR(GetString(j, "value", path, u.read.value));
  if (u.read.value.empty()) return Bad(path + ".value", "must not be empty");
  JAE_RETURN_IF_ERROR(GetOptNumber(j, "confidence", path, u.read.confidence));
  if (u.read.confidence && !(*u.read.confidence >= 0.0 && *u.read.confidence <= 1.0)) {
    return Bad(path + ".confidence", "must be within 0..1");
  }
  std::optional<FieldSource> src;
  JAE_RETURN_IF_ERROR(GetEnum(j, "source", path, src, false));
  u.read.source = src;
  JAE_RETURN_IF_ERROR(GetString(j, "reason", path, u.reason));
  if (u.reason != "form" && u.reason != "low_confidence") {
    return Bad(path + ".reason", "must be form or low_confidence");
  }
  return u;
}

StatusOr<std::vector<std::string>> ParseStringArray(const json& j, const std::string& path) {
  if (!j.is_array()) return Bad(path, "must be an array");
  std::vector<std::string> out;
  for (const auto& item : j) {
    if (!item.is_string()) return Bad(path, "items must be strings");
    out.push_back(item.get<std::string>());
  }
  return out;
}

StatusOr<MrzBlock> ParseMrz(const json& j, const std::string& path) {
  JAE_RETURN_IF_ERROR(
      CheckKeys(j, path, {"format", "lines", "valid", "failed_checks", "corrected"}));
  MrzBlock m;
  std::optional<MrzFormat> format;
  JAE_RETURN_IF_ERROR(GetEnum(j, "format", path, format, true));
  m.format = *format;
  if (!j.contains("lines")) return Bad(path + ".lines", "is required");
  auto lines = ParseStringArray(j["lines"], path + ".lines");
  if (!lines.ok()) return lines.status();
  for (const auto& line : *lines) {
    if (line.empty()) return Bad(path + ".lines", "lines must not be empty");
    for (char c : line) {
      if (!(std::isupper(static_cast<unsigned char>(c)) ||
            std::isdigit(static_cast<unsigned char>(c)) || c == '<')) {
        return Bad(path + ".lines", "lines may contain only A-Z, 0-9 and <");
      }
    }
  }
  m.lines = std::move(*lines);
  const auto valid = j.find("valid");
  if (valid == j.end() || !valid->is_boolean()) return Bad(path + ".valid", "must be a boolean");
  m.valid = valid->get<bool>();
  if (j.contains("failed_checks")) {
    auto failed = ParseStringArray(j["failed_checks"], path + ".failed_checks");
    if (!failed.ok()) return failed.status();
    m.failed_checks = std::move(*failed);
  }
  if (j.contains("corrected")) {
    if (!j["corrected"].is_boolean()) return Bad(path + ".corrected", "must be a boolean");
    m.corrected = j["corrected"].get<bool>();
  }
  return m;
}

StatusOr<Document> ParseDocument(const json& j, const std::string& path) {
  JAE_RETURN_IF_ERROR(
      CheckKeys(j, path, {"type", "side", "issuing_country", "fields", "unreadable", "mrz"}));
  Document d;
  std::optional<DocumentType> type;
  JAE_RETURN_IF_ERROR(GetEnum(j, "type", path, type, true));
  d.type = *type;
  JAE_RETURN_IF_ERROR(GetEnum(j, "side", path, d.side, false));
  JAE_RETURN_IF_ERROR(GetOptString(j, "issuing_country", path, d.issuing_country));
  if (d.issuing_country) {
    const auto& c = *d.issuing_country;
    bool ok = c.size() == 3;
    for (char ch : c) ok = ok && ((ch >= 'A' && ch <= 'Z') || ch == '<');
    if (!ok) return Bad(path + ".issuing_country", "must be three letters A-Z or <");
  }
  const auto fields = j.find("fields");
  if (fields == j.end()) return Bad(path + ".fields", "is required");
  if (!fields->is_object()) return Bad(path + ".fields", "must be an object");
  for (const auto& [key, value] : fields->items()) {
    const auto name = EnumFromString<FieldName>(key);
    if (!name) return Bad(path + ".fields", "unknown property '" + key + "'");
    auto f = ParseField(value, path + ".fields." + key, *name);
    if (!f.ok()) return f.status();
    d.fields[*name] = std::move(*f);
  }
  if (j.contains("unreadable")) {
    const json& u = j["unreadable"];
    if (!u.is_object()) return Bad(path + ".unreadable", "must be an object");
    for (const auto& [key, value] : u.items()) {
      const auto name = EnumFromString<FieldName>(key);
      if (!name) return Bad(path + ".unreadable", "unknown property '" + key + "'");
      auto f = ParseUnreadable(value, path + ".unreadable." + key);
      if (!f.ok()) return f.status();
      d.unreadable[*name] = std::move(*f);
    }
  }
  if (j.contains("mrz")) {
    auto m = ParseMrz(j["mrz"], path + ".mrz");
    if (!m.ok()) return m.status();
    d.mrz = std::move(*m);
  }
  return d;
}

StatusOr<Verification> ParseVerification(const json& j, const std::string& path) {
  JAE_RETURN_IF_ERROR(CheckKeys(
      j, path, {"mrz_check_digits", "mrz_matches_visual", "expired", "age_years", "warnings"}));
  Verification v;
  JAE_RETURN_IF_ERROR(GetEnum(j, "mrz_check_digits", path, v.mrz_check_digits, false));
  JAE_RETURN_IF_ERROR(GetEnum(j, "mrz_matches_visual", path, v.mrz_matches_visual, false));
  if (j.contains("expired") && !j["expired"].is_null()) {
    if (!j["expired"].is_boolean()) return Bad(path + ".expired", "must be a boolean or null");
    v.expired = j["expired"].get<bool>();
  }
  std::optional<std::int64_t> age;
  JAE_RETURN_IF_ERROR(GetOptInt(j, "age_years", path, age, /*nullable=*/true));
  if (age) {
    if (*age > 200) return Bad(path + ".age_years", "is implausible");
    v.age_years = static_cast<int>(*age);
  }
  if (j.contains("warnings")) {
    auto w = ParseStringArray(j["warnings"], path + ".warnings");
    if (!w.ok()) return w.status();
    v.warnings = std::move(*w);
  }
  return v;
}

StatusOr<EngineInfo> ParseEngine(const json& j, const std::string& path) {
  JAE_RETURN_IF_ERROR(CheckKeys(j, path,
                                {"name", "model", "model_version", "input_tokens", "output_tokens",
                                 "attempts", "latency_ms"}));
  EngineInfo e;
  std::optional<EngineName> name;
  JAE_RETURN_IF_ERROR(GetEnum(j, "name", path, name, true));
  e.name = *name;
  JAE_RETURN_IF_ERROR(GetOptString(j, "model", path, e.model));
  JAE_RETURN_IF_ERROR(GetOptString(j, "model_version", path, e.model_version));
  JAE_RETURN_IF_ERROR(GetOptInt(j, "input_tokens", path, e.input_tokens));
  JAE_RETURN_IF_ERROR(GetOptInt(j, "output_tokens", path, e.output_tokens));
  std::optional<std::int64_t> attempts;
  JAE_RETURN_IF_ERROR(GetOptInt(j, "attempts", path, attempts));
  if (attempts) {
    if (*attempts < 1 || *attempts > 1000) return Bad(path + ".attempts", "must be within 1..1000");
    e.attempts = static_cast<int>(*attempts);
  }
  JAE_RETURN_IF_ERROR(GetOptNumber(j, "latency_ms", path, e.latency_ms));
  if (e.latency_ms && !(*e.latency_ms >= 0)) return Bad(path + ".latency_ms", "must be >= 0");
  return e;
}

bool IsLowerHex64(const std::string& s) {
  if (s.size() != 64) return false;
  for (char c : s) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

}  // namespace

json ToJson(const Fields& fields) {
  json out = json::object();
  for (const auto& [name, field] : fields) out[std::string(ToString(name))] = FieldToJson(field);
  return out;
}

json ToJson(const MrzBlock& mrz) {
  json j = {{"format", ToString(mrz.format)}, {"lines", mrz.lines}, {"valid", mrz.valid}};
  j["failed_checks"] = mrz.failed_checks;
  if (mrz.corrected) j["corrected"] = *mrz.corrected;
  return j;
}

json ToJson(const Result& r) {
  json j;
  j["schema_version"] = "1";
  j["status"] = ToString(r.status);
  json source = {{"uri", r.source.uri}};
  PutIf(source, "generation", r.source.generation);
  PutIf(source, "content_type", r.source.content_type);
  PutIf(source, "size_bytes", r.source.size_bytes);
  PutIf(source, "sha256", r.source.sha256);
  j["source"] = std::move(source);
  if (r.document) {
    const Document& d = *r.document;
    json doc = {{"type", ToString(d.type)}};
    if (d.side) doc["side"] = ToString(*d.side);
    PutIf(doc, "issuing_country", d.issuing_country);
    doc["fields"] = ToJson(d.fields);
    if (!d.unreadable.empty()) {
      json u = json::object();
      for (const auto& [name, field] : d.unreadable) {
        json f = FieldToJson(field.read);
        f["reason"] = field.reason;
        u[std::string(ToString(name))] = std::move(f);
      }
      doc["unreadable"] = std::move(u);
    }
    if (d.mrz) doc["mrz"] = ToJson(*d.mrz);
    j["document"] = std::move(doc);
  }
  if (r.verification) {
    const Verification& v = *r.verification;
    json ver = json::object();
    if (v.mrz_check_digits) ver["mrz_check_digits"] = ToString(*v.mrz_check_digits);
    if (v.mrz_matches_visual) ver["mrz_matches_visual"] = ToString(*v.mrz_matches_visual);
    ver["expired"] = v.expired ? json(*v.expired) : json(nullptr);
    ver["age_years"] = v.age_years ? json(*v.age_years) : json(nullptr);
    ver["warnings"] = v.warnings;
    j["verification"] = std::move(ver);
  }
  if (r.engine) {
    const EngineInfo& e = *r.engine;
    json eng = {{"name", ToString(e.name)}};
    PutIf(eng, "model", e.model);
    PutIf(eng, "model_version", e.model_version);
    PutIf(eng, "input_tokens", e.input_tokens);
    PutIf(eng, "output_tokens", e.output_tokens);
    PutIf(eng, "attempts", e.attempts);
    PutIf(eng, "latency_ms", e.latency_ms);
    j["engine"] = std::move(eng);
  }
  if (r.error) j["error"] = {{"code", ToString(r.error->code)}, {"message", r.error->message}};
  j["processed_at"] = r.processed_at;
  return j;
}

std::string SerializeResult(const Result& result, int indent) {
  // Replace invalid UTF-8 rather than throw: names come from OCR and models.
  return ToJson(result).dump(indent, ' ', false, json::error_handler_t::replace);
}

StatusOr<Result> ResultFromJson(const json& j) {
  const std::string root = "$";
  JAE_RETURN_IF_ERROR(CheckKeys(j, root,
                                {"schema_version", "status", "source", "document", "verification",
                                 "engine", "error", "processed_at"}));
  const auto version = j.find("schema_version");
  if (version == j.end() || *version != "1") return Bad("$.schema_version", "must be \"1\"");
  Result r;
  std::optional<ResultStatus> status;
  JAE_RETURN_IF_ERROR(GetEnum(j, "status", root, status, true));
  r.status = *status;

  const auto source = j.find("source");
  if (source == j.end()) return Bad("$.source", "is required");
  JAE_RETURN_IF_ERROR(CheckKeys(*source, "$.source",
                                {"uri", "generation", "content_type", "size_bytes", "sha256"}));
  JAE_RETURN_IF_ERROR(GetString(*source, "uri", "$.source", r.source.uri));
  JAE_RETURN_IF_ERROR(GetOptString(*source, "generation", "$.source", r.source.generation));
  JAE_RETURN_IF_ERROR(GetOptString(*source, "content_type", "$.source", r.source.content_type));
  JAE_RETURN_IF_ERROR(GetOptInt(*source, "size_bytes", "$.source", r.source.size_bytes));
  JAE_RETURN_IF_ERROR(GetOptString(*source, "sha256", "$.source", r.source.sha256));
  if (r.source.sha256 && !IsLowerHex64(*r.source.sha256)) {
    return Bad("$.source.sha256", "must be 64 lower-case hex digits");
  }

  if (j.contains("document")) {
    auto d = ParseDocument(j["document"], "$.document");
    if (!d.ok()) return d.status();
    r.document = std::move(*d);
  }
  if (j.contains("verification")) {
    auto v = ParseVerification(j["verification"], "$.verification");
    if (!v.ok()) return v.status();
    r.verification = std::move(*v);
  }
  if (j.contains("engine")) {
    auto e = ParseEngine(j["engine"], "$.engine");
    if (!e.ok()) return e.status();
    r.engine = std::move(*e);
  }
  if (j.contains("error")) {
    const auto& err = j["error"];
    JAE_RETURN_IF_ERROR(CheckKeys(err, "$.error", {"code", "message"}));
    std::optional<ErrorCode> code;
    JAE_RETURN_IF_ERROR(GetEnum(err, "code", "$.error", code, true));
    ErrorInfo info{*code, {}};
    JAE_RETURN_IF_ERROR(GetString(err, "message", "$.error", info.message));
    r.error = std::move(info);
  }
  JAE_RETURN_IF_ERROR(GetString(j, "processed_at", root, r.processed_at));
  if (r.status == ResultStatus::kOk && (!r.document || !r.engine)) {
    return Bad("$", "an ok result needs document and engine");
  }
  if (r.status == ResultStatus::kRejected && !r.error) {
    return Bad("$", "a rejected result needs error");
  }
  return r;
}

StatusOr<Result> ParseResult(std::string_view text) {
  json j = json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return InvalidArgumentError("result is not valid JSON");
  return ResultFromJson(j);
}

}  // namespace jae
