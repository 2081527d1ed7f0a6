// Exercises OpenStore("gs://…") against the GCS emulator named by STORAGE_EMULATOR_HOST
// (tests/node/fake-gcs.mjs) over real libcurl. Run by tests/node/store-gcs-emulator.test.mjs;
// prints one line per failed check and exits 1 if any failed.
#include <cstdio>
#include <cstdlib>
#include <string>

#include "common/env.h"
#include "http/http_client.h"
#include "store/store.h"

namespace {

int failures = 0;

void Check(bool ok, const std::string& what) {
  if (!ok) {
    std::fprintf(stderr, "FAILED: %s\n", what.c_str());
    ++failures;
  } else {
    std::fprintf(stdout, "ok: %s\n", what.c_str());
  }
}

std::string Describe(const jae::Status& s) { return s.ok() ? "OK" : s.ToString(); }

// Asks the fake to fail its next `count` requests with `status` (0 = drop the connection).
void InjectFaults(jae::HttpClient& http, const std::string& root, int count, int status) {
  jae::HttpRequest r;
  r.method = "POST";
  r.url = root + "/_fake/fail?count=" + std::to_string(count) + "&status=" + std::to_string(status);
  auto response = http.Send(r);
  Check(response.ok() && response->status == 200, "fault injection accepted");
}

}  // namespace

int main() {
  using jae::StatusCode;
  jae::ProcessEnv env;
  const auto root = env.Get("STORAGE_EMULATOR_HOST");
  if (!root) {
    std::fprintf(stderr, "STORAGE_EMULATOR_HOST is not set\n");
    return 2;
  }
  auto http = std::shared_ptr<jae::HttpClient>(jae::MakeCurlHttpClient());
  jae::StoreContext context{&env, http, nullptr};
  auto opened = jae::OpenStore("gs://jae-bucket/in box", context);
  if (!opened.ok()) {
    std::fprintf(stderr, "OpenStore: %s\n", opened.status().ToString().c_str());
    return 1;
  }
  jae::Store& store = **opened;
  const std::string hostile = "scans/ü ?#%&+=;[]'\"<>\\…/a.jpg";
  const std::string bytes("\xff\xd8\xff\xe0 binary \0\r\n--bytes", 22);

  auto first = store.Write(hostile, bytes, "image/jpeg", "0");
  Check(first.ok(), "create-only write: " + Describe(first.status()));
  if (!first.ok()) return 1;
  Check(first->name == hostile, "written name relative to the prefix");
  Check(first->size == static_cast<std::int64_t>(bytes.size()), "written size");
  auto again = store.Write(hostile, "other", "image/jpeg", "0");
  Check(again.status().code() == StatusCode::kFailedPrecondition,
        "second create-only write refused: " + Describe(again.status()));

  auto meta = store.Stat(hostile);
  Check(meta.ok() && meta->generation == first->generation && meta->content_type == "image/jpeg",
        "stat: " + Describe(meta.status()));
  auto read = store.Read(hostile, first->generation, 1 << 20);
  Check(read.ok() && *read == bytes, "read pinned to the generation: " + Describe(read.status()));
  auto small = store.Read(hostile, std::nullopt, 10);
  Check(small.status().code() == StatusCode::kOutOfRange, "max_bytes: " + Describe(small.status()));

  auto second = store.Write(hostile, "v2", "image/jpeg", first->generation);
  Check(second.ok() && second->generation != first->generation,
        "replace with the current generation: " + Describe(second.status()));
  auto stale = store.Read(hostile, first->generation, 1 << 20);
  Check(stale.status().code() == StatusCode::kNotFound,
        "old generation is gone: " + Describe(stale.status()));
  auto stale_write = store.Write(hostile, "v3", "image/jpeg", first->generation);
  Check(stale_write.status().code() == StatusCode::kFailedPrecondition,
        "stale precondition refused: " + Describe(stale_write.status()));

  for (int i = 0; i < 5; ++i) {
    auto w = store.Write("list/" + std::to_string(i) + ".jpg", "x", "", std::nullopt);
    Check(w.ok(), "write list/" + std::to_string(i));
  }
  // Paging: the fake is started with a page size of 2 for listings.
  std::string token;
  int listed = 0, pages = 0;
  do {
    auto page = store.List("list/", token);
    Check(page.ok(), "list page: " + Describe(page.status()));
    if (!page.ok()) break;
    listed += static_cast<int>(page->objects.size());
    token = page->next_page_token;
    ++pages;
  } while (!token.empty() && pages < 20);
  Check(listed == 5, "listed 5 objects, got " + std::to_string(listed));

  // Storage trouble: idempotent calls ride it out, others report it.
  InjectFaults(*http, *root, 2, 503);
  auto retried = store.Read(hostile, std::nullopt, 1 << 20);
  Check(retried.ok() && *retried == "v2",
        "read retried through two 503s: " + Describe(retried.status()));
  InjectFaults(*http, *root, 1, 0);
  auto dropped = store.Stat(hostile);
  Check(dropped.ok(), "stat retried after a dropped connection: " + Describe(dropped.status()));
  InjectFaults(*http, *root, 1, 503);
  auto unconditional = store.Write("u.json", "{}", "application/json", std::nullopt);
  Check(unconditional.status().code() == StatusCode::kUnavailable,
        "unconditional write not retried: " + Describe(unconditional.status()));
  InjectFaults(*http, *root, 20, 503);
  auto down = store.Stat(hostile);
  Check(down.status().code() == StatusCode::kUnavailable,
        "storage down → Unavailable: " + Describe(down.status()));
  InjectFaults(*http, *root, 0, 503);  // clears the rest

  auto gone = store.Delete(hostile, second->generation);
  Check(gone.ok(), "delete with precondition: " + Describe(gone));
  Check(store.Stat(hostile).status().code() == StatusCode::kNotFound, "deleted object is gone");
  Check(store.Delete(hostile, std::nullopt).code() == StatusCode::kNotFound,
        "deleting again → NotFound");
  return failures == 0 ? 0 : 1;
}
