#include "store/local_store.h"

#include <dlfcn.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <set>
#include <thread>

namespace jae::testing_flock {
// Fault injection for flock(2): this definition replaces libc's in this test binary
// (the store is linked statically), so a test can make LOCK_EX fail with an errno that
// a local disk never gives (ENOLCK on network file systems). 0: pass through.
std::atomic<int> fail_lock_with{0};
}  // namespace jae::testing_flock

extern "C" int flock(int fd, int operation) {
  const int err = jae::testing_flock::fail_lock_with.load();
  if (err != 0 && (operation & LOCK_EX) != 0) {
    errno = err;
    return -1;
  }
  using Flock = int (*)(int, int);
  static const auto real = reinterpret_cast<Flock>(::dlsym(RTLD_NEXT, "flock"));
  return real(fd, operation);
}

namespace jae {
namespace {

namespace fs = std::filesystem;
using ::testing::ElementsAre;

class LocalStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/jae-store-test-XXXXXX";
    ASSERT_NE(::mkdtemp(tmpl), nullptr);
    base_ = tmpl;
    root_ = base_ / "root";
    outside_ = base_ / "outside";
    fs::create_directories(root_);
    fs::create_directories(outside_);
    std::ofstream(outside_ / "secret") << "top secret";
    store_ = Open(root_);
  }
  void TearDown() override { fs::remove_all(base_); }

  static std::unique_ptr<Store> Open(const fs::path& root, LocalStoreOptions options = {}) {
    auto store = MakeLocalStore(root.string(), options);
    EXPECT_TRUE(store.ok()) << store.status().ToString();
    return std::move(store).value();
  }
  static std::string Slurp(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }
  // Every entry under `dir`, recursively (relative paths).
  static std::set<std::string> Tree(const fs::path& dir) {
    std::set<std::string> out;
    for (const auto& e : fs::recursive_directory_iterator(dir)) {
      out.insert(fs::relative(e.path(), dir).string());
    }
    return out;
  }

  fs::path base_, root_, outside_;
  std::unique_ptr<Store> store_;
};

TEST_F(LocalStoreTest, WriteReadStatRoundTrip) {
  auto written = store_->Write("scans/2026/a.jpg", "JPEGDATA", "image/jpeg", std::nullopt);
  ASSERT_TRUE(written.ok()) << written.status().ToString();
  EXPECT_EQ(written->name, "scans/2026/a.jpg");
  EXPECT_EQ(written->size, 8);
  EXPECT_EQ(written->content_type, "image/jpeg");
  EXPECT_EQ(Slurp(root_ / "scans/2026/a.jpg"), "JPEGDATA");

  auto meta = store_->Stat("scans/2026/a.jpg");
  ASSERT_TRUE(meta.ok());
  EXPECT_EQ(meta->generation, written->generation);
  EXPECT_EQ(meta->size, 8);
  auto bytes = store_->Read("scans/2026/a.jpg", written->generation, 100);
  ASSERT_TRUE(bytes.ok());
  EXPECT_EQ(*bytes, "JPEGDATA");
  EXPECT_EQ(store_->UriOf("scans/a b.jpg"), "file://" + root_.string() + "/scans/a%20b.jpg");
  EXPECT_EQ(store_->Stat("nope.jpg").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(store_->Read("nope/x.jpg", std::nullopt, 10).status().code(), StatusCode::kNotFound);
}

TEST_F(LocalStoreTest, HostileNamesAreRefusedByEveryOperation) {
  const std::vector<std::string> hostile = {
      "",
      "..",
      ".",
      "../outside/secret",
      "../escape.jpg",
      "a/../../outside/secret",
      "a/..",
      "./a.jpg",
      "a/./b.jpg",
      "/etc/passwd",
      "//etc/passwd",
      "a//b.jpg",
      "a/",
      "..\\outside\\secret",
      "a\\..\\..\\b",
      std::string("a\0b.jpg", 7),
      std::string("../x\0.jpg", 9),
      "a\nb.jpg",
      "a\rb.jpg",
      "\xff\xfe.jpg",
      "\xc0\xae\xc0\xae/x",  // overlong "..": not UTF-8
      ".jae-tmp-0123",
      "d/.jae-tmp-0123",
      std::string(1025, 'a'),
  };
  for (const auto& name : hostile) {
    SCOPED_TRACE(::testing::PrintToString(name));
    EXPECT_EQ(store_->Write(name, "x", "", std::nullopt).status().code(),
              StatusCode::kInvalidArgument);
    EXPECT_EQ(store_->Write(name, "x", "", "0").status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(store_->Read(name, std::nullopt, 100).status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(store_->Stat(name).status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(store_->Delete(name, std::nullopt).code(), StatusCode::kInvalidArgument);
  }
  EXPECT_EQ(store_->List("../", "").status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(store_->List("/etc", "").status().code(), StatusCode::kInvalidArgument);
  EXPECT_TRUE(Tree(root_).empty());
  EXPECT_EQ(Tree(outside_), std::set<std::string>{"secret"});
  EXPECT_EQ(Slurp(outside_ / "secret"), "top secret");
}

TEST_F(LocalStoreTest, SymlinksCannotLeadOutOfTheRoot) {
  fs::create_directory_symlink(outside_, root_ / "linkdir");
  fs::create_symlink(outside_ / "secret", root_ / "linkfile");
  fs::create_directories(root_ / "sub");
  fs::create_directory_symlink("../../outside", root_ / "sub" / "up");

  for (const std::string& name : std::vector<std::string>{
           "linkdir/secret", "linkdir/new.json", "sub/up/secret", "sub/up/new.json", "linkfile"}) {
    SCOPED_TRACE(name);
    EXPECT_EQ(store_->Read(name, std::nullopt, 100).status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(store_->Stat(name).status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(store_->Write(name, "pwned", "", std::nullopt).status().code(),
              StatusCode::kInvalidArgument);
    EXPECT_EQ(store_->Write(name, "pwned", "", "0").status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(store_->Delete(name, std::nullopt).code(), StatusCode::kInvalidArgument);
  }
  // Nothing was written, replaced or deleted outside, and links are not listed.
  EXPECT_EQ(Tree(outside_), std::set<std::string>{"secret"});
  EXPECT_EQ(Slurp(outside_ / "secret"), "top secret");
  EXPECT_TRUE(fs::is_symlink(root_ / "linkfile"));
  auto page = store_->List("", "");
  ASSERT_TRUE(page.ok());
  EXPECT_TRUE(page->objects.empty());
  EXPECT_EQ(store_->List("linkdir/", "").status().code(), StatusCode::kInvalidArgument);
}

TEST_F(LocalStoreTest, TheRootItselfMayBeASymlink) {
  fs::create_directory_symlink(root_, base_ / "rootlink");
  auto store = Open(base_ / "rootlink");
  ASSERT_TRUE(store->Write("a.json", "{}", "application/json", std::nullopt).ok());
  EXPECT_EQ(Slurp(root_ / "a.json"), "{}");
}

TEST_F(LocalStoreTest, MissingRootIsCreatedByTheFirstWrite) {
  auto store = Open(base_ / "new" / "results");
  EXPECT_EQ(store->Stat("a.json").status().code(), StatusCode::kNotFound);
  auto page = store->List("", "");
  ASSERT_TRUE(page.ok());
  EXPECT_TRUE(page->objects.empty());
  ASSERT_TRUE(store->Write("x/a.json", "{}", "", std::nullopt).ok());
  EXPECT_EQ(Slurp(base_ / "new/results/x/a.json"), "{}");
}

TEST_F(LocalStoreTest, RelativeRootIsAnchoredAtOpen) {
  const auto cwd = fs::current_path();
  fs::current_path(base_);
  auto store = Open("root");
  fs::current_path(cwd);
  ASSERT_TRUE(store->Write("r.json", "{}", "", std::nullopt).ok());
  EXPECT_TRUE(fs::exists(root_ / "r.json"));
}

TEST_F(LocalStoreTest, GenerationPreconditions) {
  auto first = store_->Write("a.json", "1", "", "0");
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ(store_->Write("a.json", "2", "", "0").status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(Slurp(root_ / "a.json"), "1");

  auto second = store_->Write("a.json", "2", "", first->generation);
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  EXPECT_GT(std::stoll(second->generation), std::stoll(first->generation));
  EXPECT_EQ(store_->Write("a.json", "3", "", first->generation).status().code(),
            StatusCode::kFailedPrecondition);
  EXPECT_EQ(store_->Write("absent.json", "3", "", "12345").status().code(),
            StatusCode::kFailedPrecondition);
  EXPECT_FALSE(fs::exists(root_ / "absent.json"));
  EXPECT_EQ(store_->Write("a.json", "3", "", "12a").status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(Slurp(root_ / "a.json"), "2");

  // Reads pinned to a replaced generation find nothing, like GCS without versioning.
  EXPECT_EQ(store_->Read("a.json", first->generation, 10).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(*store_->Read("a.json", second->generation, 10), "2");

  EXPECT_EQ(store_->Delete("a.json", first->generation).code(), StatusCode::kFailedPrecondition);
  EXPECT_TRUE(store_->Delete("a.json", second->generation).ok());
  EXPECT_EQ(store_->Delete("a.json", std::nullopt).code(), StatusCode::kNotFound);
  // No temporary file is left behind by any of the failed writes.
  EXPECT_TRUE(Tree(root_).empty());
}

// Issue 12, item 9: a 19-digit generation past int64 used to overflow (UB) into some
// other number; it is not a generation at all.
TEST_F(LocalStoreTest, GenerationsPastInt64AreInvalid) {
  ASSERT_TRUE(store_->Write("a.json", "1", "", "0").ok());
  for (const char* g : {"9999999999999999999", "9223372036854775808", "-1", "+1", " 1"}) {
    EXPECT_EQ(store_->Write("a.json", "2", "", g).status().code(), StatusCode::kInvalidArgument)
        << g;
    EXPECT_EQ(store_->Delete("a.json", g).code(), StatusCode::kInvalidArgument) << g;
  }
  EXPECT_EQ(Slurp(root_ / "a.json"), "1");
}

// Issue 12, item 11: a conditional write or delete never runs without its folder lock.
TEST_F(LocalStoreTest, AFailingFolderLockFailsTheConditionalOperation) {
  auto first = store_->Write("a.json", "1", "", "0");
  ASSERT_TRUE(first.ok());
  testing_flock::fail_lock_with = ENOLCK;
  const auto write = store_->Write("a.json", "2", "", first->generation);
  const auto remove = store_->Delete("a.json", first->generation);
  const auto unconditional = store_->Write("b.json", "1", "", std::nullopt);
  testing_flock::fail_lock_with = 0;
  EXPECT_FALSE(write.ok());
  EXPECT_FALSE(remove.ok());
  EXPECT_TRUE(unconditional.ok()) << unconditional.status().ToString();  // takes no lock
  EXPECT_EQ(Slurp(root_ / "a.json"), "1");
  EXPECT_EQ(Tree(root_), (std::set<std::string>{"a.json", "b.json"}));  // no temporary left
}

TEST_F(LocalStoreTest, ManyWritesGetIncreasingGenerations) {
  std::string previous = "0";
  for (int i = 0; i < 50; ++i) {
    auto meta = store_->Write("g.json", std::to_string(i), "", std::nullopt);
    ASSERT_TRUE(meta.ok());
    EXPECT_GT(std::stoll(meta->generation), std::stoll(previous));
    previous = meta->generation;
  }
}

TEST_F(LocalStoreTest, ConcurrentCreateOnlyWritersExactlyOneWins) {
  constexpr int kWriters = 8;
  for (int round = 0; round < 20; ++round) {
    const std::string name = "race/" + std::to_string(round) + ".json";
    std::atomic<int> wins{0}, refused{0};
    std::atomic<int> winner{-1};
    std::atomic<bool> go{false};
    std::vector<std::thread> threads;
    for (int w = 0; w < kWriters; ++w) {
      threads.emplace_back([&, w] {
        auto store = Open(root_);  // separate instances, as separate processes would be
        while (!go.load()) std::this_thread::yield();
        auto r = store->Write(name, "writer " + std::to_string(w), "", "0");
        if (r.ok()) {
          ++wins;
          winner = w;
        } else if (r.status().code() == StatusCode::kFailedPrecondition) {
          ++refused;
        }
      });
    }
    go = true;
    for (auto& t : threads) t.join();
    EXPECT_EQ(wins.load(), 1);
    EXPECT_EQ(refused.load(), kWriters - 1);
    EXPECT_EQ(Slurp(root_ / name), "writer " + std::to_string(winner.load()));
  }
  EXPECT_EQ(Tree(root_ / "race").size(), 20u);  // no temporary files left
}

TEST_F(LocalStoreTest, ReadersNeverSeeAPartialObject) {
  const std::string a(2 << 20, 'a'), b(3 << 20, 'b');
  ASSERT_TRUE(store_->Write("big.bin", a, "", std::nullopt).ok());
  std::atomic<bool> stop{false};
  std::atomic<int> reads{0}, bad{0};
  std::thread reader([&] {
    auto store = Open(root_);
    while (!stop.load()) {
      auto got = store->Read("big.bin", std::nullopt, 8 << 20);
      if (!got.ok() || !(*got == a || *got == b)) ++bad;
      // The raw file as any other program sees it.
      const std::string raw = Slurp(root_ / "big.bin");
      if (!(raw == a || raw == b)) ++bad;
      ++reads;
    }
  });
  for (int i = 0; i < 30; ++i) {
    ASSERT_TRUE(store_->Write("big.bin", i % 2 ? a : b, "", std::nullopt).ok());
    auto page = store_->List("", "");
    ASSERT_TRUE(page.ok());
    ASSERT_EQ(page->objects.size(), 1u);  // temporary files are never listed
  }
  while (reads.load() < 5) std::this_thread::yield();
  stop = true;
  reader.join();
  EXPECT_EQ(bad.load(), 0);
}

TEST_F(LocalStoreTest, MaxBytesGivesOutOfRange) {
  ASSERT_TRUE(store_->Write("b.bin", std::string(100, 'x'), "", std::nullopt).ok());
  EXPECT_EQ(store_->Read("b.bin", std::nullopt, 99).status().code(), StatusCode::kOutOfRange);
  EXPECT_EQ(store_->Read("b.bin", std::nullopt, 100)->size(), 100u);
  EXPECT_EQ(store_->Read("b.bin", std::nullopt, 0).status().code(), StatusCode::kOutOfRange);
}

TEST_F(LocalStoreTest, SpecialFilesDoNotHang) {
  ASSERT_EQ(::mkfifo((root_ / "fifo.jpg").c_str(), 0600), 0);
  const auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(store_->Read("fifo.jpg", std::nullopt, 100).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(store_->Stat("fifo.jpg").status().code(), StatusCode::kInvalidArgument);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
  EXPECT_TRUE(store_->List("", "")->objects.empty());
}

TEST_F(LocalStoreTest, FoldersAndFilesInTheWay) {
  fs::create_directories(root_ / "dir.jpg");
  EXPECT_EQ(store_->Stat("dir.jpg").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(store_->Read("dir.jpg", std::nullopt, 10).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(store_->Write("dir.jpg", "x", "", std::nullopt).status().code(),
            StatusCode::kFailedPrecondition);
  EXPECT_EQ(store_->Write("dir.jpg", "x", "", "0").status().code(),
            StatusCode::kFailedPrecondition);
  ASSERT_TRUE(store_->Write("file.jpg", "x", "", std::nullopt).ok());
  EXPECT_EQ(store_->Write("file.jpg/sub.json", "x", "", std::nullopt).status().code(),
            StatusCode::kFailedPrecondition);
  EXPECT_EQ(store_->Read("file.jpg/sub.json", std::nullopt, 10).status().code(),
            StatusCode::kNotFound);
  EXPECT_EQ(Tree(root_), (std::set<std::string>{"dir.jpg", "file.jpg"}));
}

TEST_F(LocalStoreTest, ListIsRecursiveSortedPagedAndPrefixed) {
  auto store = Open(root_, LocalStoreOptions{.page_size = 2});
  for (const std::string& name :
       std::vector<std::string>{"scans/b.jpg", "scans/a.jpg", "scans/sub/c.png", "other/d.jpg",
                                "scans.txt", "scans/a.jpg.json"}) {
    ASSERT_TRUE(store->Write(name, "x", "", std::nullopt).ok());
  }
  std::ofstream(root_ / ".jae-tmp-leftover") << "partial";
  std::vector<std::string> names;
  std::string token;
  int pages = 0;
  do {
    auto page = store->List("", token);
    ASSERT_TRUE(page.ok());
    EXPECT_LE(page->objects.size(), 2u);
    for (const auto& o : page->objects) names.push_back(o.name);
    token = page->next_page_token;
    ++pages;
  } while (!token.empty() && pages < 10);
  EXPECT_THAT(names, ElementsAre("other/d.jpg", "scans.txt", "scans/a.jpg", "scans/a.jpg.json",
                                 "scans/b.jpg", "scans/sub/c.png"));

  auto scans = Open(root_)->List("scans/", "");
  ASSERT_TRUE(scans.ok());
  names.clear();
  for (const auto& o : scans->objects) names.push_back(o.name);
  EXPECT_THAT(names,
              ElementsAre("scans/a.jpg", "scans/a.jpg.json", "scans/b.jpg", "scans/sub/c.png"));
  EXPECT_EQ(scans->objects[0].content_type, "image/jpeg");
  EXPECT_EQ(scans->objects[0].size, 1);
  EXPECT_FALSE(scans->objects[0].generation.empty());

  auto partial = Open(root_)->List("scans/a", "");
  ASSERT_TRUE(partial.ok());
  EXPECT_EQ(partial->objects.size(), 2u);
  auto scans_prefix = Open(root_)->List("scans", "");
  ASSERT_TRUE(scans_prefix.ok());
  EXPECT_EQ(scans_prefix->objects.size(), 5u);  // "scans.txt" and everything under scans/
  EXPECT_TRUE(Open(root_)->List("missing/", "")->objects.empty());
}

}  // namespace
}  // namespace jae
