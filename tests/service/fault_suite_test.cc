// Fault suite (issue 12): the real Service, ObjectProcessor, pipeline, Cloud Storage
// client (GcsStore) and Gemini engine, with only HTTP and the image module faked. For
// each fault: the answer to the event, what was written (result, source deleted?), and
// that a redelivery once the fault is cleared writes the result. DELETE_SOURCE is on
// throughout, so a lost document would show as a deleted source without a result.
// The table of outcomes is printed at the end (for the closing note).
#include <gtest/gtest.h>

#include <functional>
#include <iostream>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

#include "common/clock.h"
#include "engine/gemini/gemini_engine.h"
#include "service/service.h"
#include "store/gcs_store.h"
#include "testing/fake_clock.h"

namespace jae {

using testing::FakeClock;
using testing::FakeRetryClock;

namespace {

using nlohmann::json;
using std::chrono::milliseconds;

constexpr char kEndpoint[] = "http://fake-gcs";
constexpr int kReset = -1;  // the connection is reset
constexpr int kSlow = -2;   // no answer within the attempt timeout
constexpr int kEmpty = -3;  // model: 200 `{}`

// An in-memory Cloud Storage JSON API behind the HttpClient interface, with faults by
// operation: "stat" (object metadata), "read" (alt=media), "write" (multipart upload).
class FakeGcs final : public HttpClient {
 public:
  void Fail(const std::string& op, int fault) {
    std::lock_guard lock(mu_);
    faults_[op] = fault;
  }
  void Clear() {
    std::lock_guard lock(mu_);
    faults_.clear();
  }
  void Put(const std::string& bucket, const std::string& name, const std::string& bytes) {
    std::lock_guard lock(mu_);
    objects_[bucket + "/" + name] = {bytes, ++generation_};
  }
  std::optional<std::string> Get(const std::string& bucket, const std::string& name) {
    std::lock_guard lock(mu_);
    auto it = objects_.find(bucket + "/" + name);
    if (it == objects_.end()) return std::nullopt;
    return it->second.bytes;
  }
  std::string Generation(const std::string& bucket, const std::string& name) {
    std::lock_guard lock(mu_);
    return std::to_string(objects_.at(bucket + "/" + name).generation);
  }
  void Reset() {
    std::lock_guard lock(mu_);
    objects_.clear();
    faults_.clear();
  }

  StatusOr<HttpResponse> Send(const HttpRequest& request) override {
    std::lock_guard lock(mu_);
    std::string url = request.url.substr(std::string(kEndpoint).size());
    const bool upload = url.starts_with("/upload/");
    if (upload) url.erase(0, 7);
    std::string query;
    if (auto q = url.find('?'); q != std::string::npos) {
      query = url.substr(q + 1);
      url.resize(q);
    }
    // /storage/v1/b/<bucket>/o[/<name>]
    const std::string rest = url.substr(std::string("/storage/v1/b/").size());
    const std::string bucket = rest.substr(0, rest.find('/'));
    const std::string op = upload                                         ? "write"
                           : request.method == "DELETE"                   ? "delete"
                           : query.find("alt=media") != std::string::npos ? "read"
                                                                          : "stat";
    if (auto f = faults_.find(op); f != faults_.end()) {
      if (f->second == kReset) return UnavailableError("connection reset by peer");
      if (f->second == kSlow) return DeadlineExceededError("operation timed out");
      return HttpResponse{f->second, {}, Error(f->second)};
    }
    if (upload) {
      const std::string& body = request.body;
      const auto meta_start = body.find("\r\n\r\n") + 4;
      const auto meta_end = body.find("\r\n--", meta_start);
      const std::string name = json::parse(body.substr(meta_start, meta_end - meta_start))["name"];
      const auto data_start = body.find("\r\n\r\n", meta_end) + 4;
      const auto data_end = body.rfind("\r\n--");
      const std::string key = bucket + "/" + name;
      if (auto m = query.find("ifGenerationMatch="); m != std::string::npos) {
        const std::string want = query.substr(m + 18, query.find('&', m) - m - 18);
        auto it = objects_.find(key);
        const std::string have = it == objects_.end() ? "0" : std::to_string(it->second.generation);
        if (want != have) return HttpResponse{412, {}, Error(412)};
      }
      objects_[key] = {body.substr(data_start, data_end - data_start), ++generation_};
      return HttpResponse{200, {}, Meta(bucket, name, objects_[key])};
    }
    const std::string name = Decode(rest.substr(bucket.size() + 3));
    auto it = objects_.find(bucket + "/" + name);
    if (it == objects_.end()) return HttpResponse{404, {}, Error(404)};
    if (op == "delete") {
      objects_.erase(it);
      return HttpResponse{204, {}, ""};
    }
    if (op == "read") return HttpResponse{200, {}, it->second.bytes};
    return HttpResponse{200, {}, Meta(bucket, name, it->second)};
  }

 private:
  struct Object {
    std::string bytes;
    std::int64_t generation = 0;
  };
  static std::string Error(int code) {
    // As GCS does, the message quotes the object name; it must not reach the logs.
    return json{{"error",
                 {{"code", code},
                  {"message", "No such object: src-bucket/scans/DUPONT_Jeanne_passport.jpg"},
                  {"errors", {{{"reason", "synthetic"}}}}}}}
        .dump();
  }
  static std::string Meta(const std::string& bucket, const std::string& name, const Object& o) {
    return json{{"bucket", bucket},
                {"name", name},
                {"generation", std::to_string(o.generation)},
                {"size", std::to_string(o.bytes.size())},
                {"contentType", "image/jpeg"}}
        .dump();
  }
  static std::string Decode(const std::string& text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '%' && i + 2 < text.size()) {
        out.push_back(static_cast<char>(std::stoi(text.substr(i + 1, 2), nullptr, 16)));
        i += 2;
      } else {
        out.push_back(text[i]);
      }
    }
    return out;
  }
  std::mutex mu_;
  std::map<std::string, int> faults_;
  std::map<std::string, Object> objects_;
  std::int64_t generation_ = 1700000000000000;
};

// The Gemini API: a valid extraction, or the scripted fault on every request.
class FakeModel final : public HttpClient {
 public:
  void Fail(int fault) { fault_ = fault; }
  void Clear() { fault_ = 0; }
  StatusOr<HttpResponse> Send(const HttpRequest&) override {
    ++calls;
    const int fault = fault_.load();
    if (fault == kSlow) return DeadlineExceededError("operation timed out");
    if (fault == kReset) return UnavailableError("connection reset by peer");
    if (fault == kEmpty) return HttpResponse{200, {}, "{}"};
    if (fault != 0) {
      return HttpResponse{
          fault, {}, json{{"error", {{"code", fault}, {"message", "synthetic"}}}}.dump()};
    }
    const std::string output = json{
        {"document_type", "passport"},
        {"side", "front"},
        {"issuing_country", "UTO"},
        {"fields", {{"surname", "ERIKSSON"}, {"given_names", "ANNA MARIA"}}},
        {"mrz_lines",
         json::array()}}.dump();
    return HttpResponse{200,
                        {},
                        json{{"candidates",
                              {{{"content", {{"role", "model"}, {"parts", {{{"text", output}}}}}},
                                {"finishReason", "STOP"}}}}}
                            .dump()};
  }
  std::atomic<int> calls{0};

 private:
  std::atomic<int> fault_{0};
};

// The image module: present, or missing (what ModuleImageNormalizer answers then).
class FakeNormalizer final : public ImageNormalizer {
 public:
  StatusOr<NormalizeOutcome> Normalize(std::string_view, const NormalizeOptions&) override {
    if (missing.load()) {
      return FailedPreconditionError(
          "the module libjae-ocr-image.so cannot be loaded (looked in /nonexistent)");
    }
    NormalizeOutcome out;
    out.image = NormalizedImage{"jpeg", "image/jpeg", 64, 64, "image/jpeg", 64, 64};
    return out;
  }
  std::atomic<bool> missing{false};
};

class Sources final : public SourceStores {
 public:
  explicit Sources(Store& store) : store_(store) {}
  StatusOr<Store*> ForBucket(std::string_view bucket) override {
    if (bucket != "src-bucket") return InvalidArgumentError("unknown bucket");
    return &store_;
  }

 private:
  Store& store_;
};

struct Row {
  std::string fault, answer, written, after;
};
std::vector<Row>& Table() {
  static std::vector<Row> rows;
  return rows;
}

class FaultSuite : public ::testing::Test {
 protected:
  FaultSuite() : log_file_(std::tmpfile()), log_(log_file_, Severity::kDebug, "", clock_) {
    GcsStoreOptions gcs;
    gcs.endpoint = kEndpoint;
    gcs.clock = std::make_shared<FakeRetryClock>();
    source_store_ = *MakeGcsStore("src-bucket", "", gcs_, nullptr, gcs);
    results_store_ = *MakeGcsStore("res-bucket", "", gcs_, nullptr, gcs);
    GeminiConfig config;
    config.engine = EngineName::kGemini;
    config.base_url = "http://fake-gemini";
    config.api_version = "v1beta";
    config.api_key = "test-key";
    engine_ = *MakeGeminiEngine(config, std::shared_ptr<HttpClient>(&model_, [](HttpClient*) {}),
                                nullptr, std::make_shared<FakeRetryClock>());
    process_ = [this](DocumentInput input) {
      return ProcessDocument(std::move(input), normalizer_, *engine_, clock_, PipelineOptions{});
    };
    ProcessorOptions options;
    options.delete_source = true;
    processor_ = std::make_unique<ObjectProcessor>(*results_store_, process_, clock_, options);
    sources_ = std::make_unique<Sources>(*source_store_);
    ServiceOptions service_options;
    service_options.source_buckets = {"src-bucket"};
    service_ = std::make_unique<Service>(service_options, *processor_, *sources_, process_, log_,
                                         metrics_);
  }
  ~FaultSuite() override { std::fclose(log_file_); }

  static void TearDownTestSuite() {
    std::cout << "\n| fault | answer | written | after the fault is cleared |\n|---|---|---|---|\n";
    for (const Row& r : Table()) {
      std::cout << "| " << r.fault << " | " << r.answer << " | " << r.written << " | " << r.after
                << " |\n";
    }
  }

  std::string Logs() {
    std::fflush(log_file_);
    std::rewind(log_file_);
    std::string out;
    char buf[4096];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, log_file_)) > 0) out.append(buf, n);
    return out;
  }

  Answer Deliver(const std::string& name) {
    const std::string body = json{
        {"bucket", "src-bucket"},
        {"name", name},
        {"generation", gcs_->Generation("src-bucket", name)},
        {"size", "4"},
        {"contentType",
         "image/jpeg"}}.dump();
    events::EventHeaders headers = {
        {"Content-Type", "application/json"},
        {"ce-id", "1"},
        {"ce-specversion", "1.0"},
        {"ce-type", "google.cloud.storage.object.v1.finalized"},
        {"ce-source", "//storage.googleapis.com/projects/_/buckets/src-bucket"}};
    return service_->HandleEvent(headers, body, nullptr);
  }

  // Injects a fault, delivers, clears it, delivers again; checks the contract.
  void Run(const std::string& label, const std::function<void()>& inject,
           const std::set<int>& expected_answers) {
    SCOPED_TRACE(label);
    const std::string name = "scans/DUPONT_Jeanne_passport.jpg";
    gcs_->Reset();
    gcs_->Put("src-bucket", name, "\xFF\xD8\xFF\xE0");
    const std::string result = name + ".json";
    inject();
    const Answer first = Deliver(name);
    const bool written = gcs_->Get("res-bucket", result).has_value();
    const bool source_kept = gcs_->Get("src-bucket", name).has_value();
    const bool ready_during = service_->Readyz().status == 200;
    gcs_->Clear();
    model_.Clear();
    normalizer_.missing = false;
    EXPECT_TRUE(expected_answers.count(first.status)) << first.status << " " << first.body;
    // Nothing acknowledged and lost: a 2xx has its result; anything else wrote nothing
    // and kept the source.
    if (first.status / 100 == 2) {
      EXPECT_TRUE(written);
    } else {
      EXPECT_FALSE(written);
      EXPECT_TRUE(source_kept);
    }
    const Answer after = Deliver(name);
    EXPECT_EQ(after.status, 200) << after.body;
    auto stored = gcs_->Get("res-bucket", result);
    ASSERT_TRUE(stored.has_value());
    const json r = json::parse(*stored);
    EXPECT_EQ(r["status"], "ok") << *stored;
    EXPECT_FALSE(gcs_->Get("src-bucket", name).has_value());  // DELETE_SOURCE once written
    EXPECT_EQ(service_->Readyz().status, 200);
    // Logs never carry the object name, even when GCS quotes it in an error.
    EXPECT_EQ(Logs().find("DUPONT"), std::string::npos);
    std::string answer = first.body;
    while (!answer.empty() && answer.back() == '\n') answer.pop_back();
    Table().push_back(
        {label, std::to_string(first.status) + " `" + answer + "`",
         written ? "result"
                 : std::string("nothing; source kept") + (ready_during ? "" : "; /readyz 503"),
         std::to_string(after.status) + ", `ok` result written, source deleted"});
  }

  FakeClock clock_{std::chrono::system_clock::time_point{}};
  std::FILE* log_file_;
  JsonLog log_;
  Metrics metrics_;
  std::shared_ptr<FakeGcs> gcs_ = std::make_shared<FakeGcs>();
  FakeModel model_;
  FakeNormalizer normalizer_;
  std::unique_ptr<Store> source_store_, results_store_;
  std::unique_ptr<Engine> engine_;
  ProcessFn process_;
  std::unique_ptr<ObjectProcessor> processor_;
  std::unique_ptr<Sources> sources_;
  std::unique_ptr<Service> service_;
};

std::string FaultName(int fault) {
  if (fault == kReset) return "reset";
  if (fault == kSlow) return "slow (timeout)";
  if (fault == kEmpty) return "`{}`";
  return std::to_string(fault);
}

TEST_F(FaultSuite, Storage) {
  // The result store's stat (existing result?), the source read, the result write.
  for (const std::string op : {"stat", "read", "write"}) {
    for (int fault : {400, 403, 500, 503, kReset, kSlow}) {
      Run("storage " + FaultName(fault) + " on " + op, [&] { gcs_->Fail(op, fault); }, {503});
    }
  }
}

TEST_F(FaultSuite, Model) {
  for (int fault : {400, 401, 403, 404}) {
    Run("model " + FaultName(fault), [&] { model_.Fail(fault); }, {503});
    EXPECT_NE(Logs().find("GEMINI_"), std::string::npos) << fault;  // names the variable
  }
  Run("model 429", [&] { model_.Fail(429); }, {429});
  for (int fault : {500, 503, kEmpty}) {
    Run("model " + FaultName(fault), [&] { model_.Fail(fault); }, {503});
  }
  Run("model hang (every attempt times out)", [&] { model_.Fail(kSlow); }, {503});
}

TEST_F(FaultSuite, ModuleMissing) {
  Run("image module missing", [&] { normalizer_.missing = true; }, {503});
}

}  // namespace
}  // namespace jae
