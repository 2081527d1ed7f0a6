#include "store/local_store.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <mutex>
#include <random>
#include <utility>

#include "common/thread_annotations.h"
#include "store/object_name.h"

namespace jae {
namespace {

constexpr int kMaxDepth = 64;  // deeper folders are not listed

class Fd {
 public:
  Fd() = default;
  explicit Fd(int fd) : fd_(fd) {}
  Fd(Fd&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
  Fd& operator=(Fd&& other) noexcept {
    if (this != &other) {
      Reset();
      fd_ = std::exchange(other.fd_, -1);
    }
    return *this;
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() { Reset(); }
  int get() const { return fd_; }
  void Reset() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }

 private:
  int fd_ = -1;
};

// Names are not put into messages: they may carry personal data into logs.
Status ErrnoStatus(int err, std::string_view what) {
  std::string message = std::string(what) + ": " + std::strerror(err);
  switch (err) {
    case ENOENT:
    case ENOTDIR:
      return NotFoundError(std::move(message));
    case ELOOP:
      return InvalidArgumentError(std::string(what) + ": the name goes through a symbolic link");
    case EACCES:
    case EPERM:
    case EROFS:
      return Status(StatusCode::kPermissionDenied, std::move(message));
    case ENOSPC:
    case EDQUOT:
    case EMFILE:
    case ENFILE:
      return ResourceExhaustedError(std::move(message));
    case ENAMETOOLONG:
      return InvalidArgumentError(std::move(message));
    case EIO:
    case EAGAIN:
      return UnavailableError(std::move(message));
    default:
      return InternalError(std::move(message));
  }
}

std::vector<std::string_view> SplitSegments(std::string_view name) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (true) {
    const size_t end = name.find('/', start);
    if (end == std::string_view::npos) {
      out.push_back(name.substr(start));
      return out;
    }
    out.push_back(name.substr(start, end - start));
    start = end + 1;
  }
}

std::int64_t MtimeNanos(const struct stat& st) {
  return static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
}

std::string GenerationOf(const struct stat& st) { return std::to_string(MtimeNanos(st)); }

// Percent-encodes a file path for a file:// URI, keeping '/'.
std::string EncodePath(std::string_view path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : path) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '.' || c == '_' || c == '~' || c == '/') {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    }
  }
  return out;
}

Status WriteAll(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return ErrnoStatus(errno, "write");
    }
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  return OkStatus();
}

// Holds flock(LOCK_EX) on a folder once Acquire succeeded, until destroyed.
// Why Acquire returns a Status: a conditional write must never run unlocked, so any
// flock error other than EINTR (ENOLCK on some network file systems, ENOMEM) fails it.
class FolderLock {
 public:
  FolderLock() = default;
  ~FolderLock() {
    if (fd_ >= 0) ::flock(fd_, LOCK_UN);
  }
  FolderLock(const FolderLock&) = delete;
  FolderLock& operator=(const FolderLock&) = delete;

  Status Acquire(int fd) {
    while (::flock(fd, LOCK_EX) != 0) {
      if (errno != EINTR) return ErrnoStatus(errno, "lock folder");
    }
    fd_ = fd;
    return OkStatus();
  }

 private:
  int fd_ = -1;
};

class LocalStore final : public Store {
 public:
  LocalStore(std::string root, LocalStoreOptions options)
      : root_(std::move(root)), options_(options), rng_(std::random_device{}()) {}

  std::string UriOf(std::string_view name) const override {
    return "file://" +
           EncodePath(root_ == "/" ? "/" + std::string(name) : root_ + "/" + std::string(name));
  }

  StatusOr<ObjectMeta> Stat(std::string_view name) override {
    JAE_RETURN_IF_ERROR(ValidateLocalObjectName(name));
    const auto segments = SplitSegments(name);
    auto dir = OpenFolder(segments, /*create=*/false);
    if (!dir.ok()) return dir.status();
    struct stat st;
    JAE_RETURN_IF_ERROR(StatLeaf(dir->get(), segments.back(), st));
    return MetaOf(name, st);
  }

  StatusOr<std::string> Read(std::string_view name, std::optional<std::string> generation,
                             std::int64_t max_bytes) override {
    JAE_RETURN_IF_ERROR(ValidateLocalObjectName(name));
    const auto segments = SplitSegments(name);
    auto dir = OpenFolder(segments, /*create=*/false);
    if (!dir.ok()) return dir.status();
    // O_NONBLOCK: a FIFO planted in the folder must not hang us.
    Fd fd(::openat(dir->get(), std::string(segments.back()).c_str(),
                   O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC));
    if (fd.get() < 0) return ErrnoStatus(errno, "open object");
    struct stat st;
    if (::fstat(fd.get(), &st) != 0) return ErrnoStatus(errno, "stat object");
    if (S_ISDIR(st.st_mode)) return NotFoundError("no such object (a folder has that name)");
    if (!S_ISREG(st.st_mode)) return InvalidArgumentError("object is not a regular file");
    if (generation && *generation != GenerationOf(st)) {
      return NotFoundError("no such object generation");
    }
    if (st.st_size > max_bytes) {
      return Status(StatusCode::kOutOfRange,
                    "object is larger than " + std::to_string(max_bytes) + " bytes");
    }
    std::string out;
    out.resize(static_cast<size_t>(st.st_size) + 1);
    size_t have = 0;
    while (true) {
      if (have == out.size()) {
        if (static_cast<std::int64_t>(have) > max_bytes) break;
        out.resize(std::min<size_t>(out.size() * 2 + 4096, static_cast<size_t>(max_bytes) + 1));
      }
      const ssize_t n = ::read(fd.get(), out.data() + have, out.size() - have);
      if (n < 0) {
        if (errno == EINTR) continue;
        return ErrnoStatus(errno, "read object");
      }
      if (n == 0) break;
      have += static_cast<size_t>(n);
    }
    if (static_cast<std::int64_t>(have) > max_bytes) {  // it grew while we read
      return Status(StatusCode::kOutOfRange,
                    "object is larger than " + std::to_string(max_bytes) + " bytes");
    }
    out.resize(have);
    return out;
  }

  StatusOr<ObjectMeta> Write(std::string_view name, std::string_view bytes,
                             std::string_view /*content_type*/,
                             std::optional<std::string> if_generation_match) override {
    JAE_RETURN_IF_ERROR(ValidateLocalObjectName(name));
    auto precondition = ParsePrecondition(if_generation_match);
    if (!precondition.ok()) return precondition.status();
    const std::optional<std::int64_t> expected = *precondition;
    const auto segments = SplitSegments(name);
    auto dir = OpenFolder(segments, /*create=*/true);
    if (!dir.ok()) return dir.status();
    const std::string leaf(segments.back());
    // rename() would replace a link rather than follow it, but a name that is a link is
    // refused alike by every operation.
    if (struct stat existing;
        ::fstatat(dir->get(), leaf.c_str(), &existing, AT_SYMLINK_NOFOLLOW) == 0 &&
        S_ISLNK(existing.st_mode)) {
      return InvalidArgumentError("object is a symbolic link");
    }
    const std::string temp = TempName();

    Fd fd(::openat(dir->get(), temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
                   0640));
    if (fd.get() < 0) return ErrnoStatus(errno, "create temporary file");
    auto discard = [&](Status s) {
      ::unlinkat(dir->get(), temp.c_str(), 0);
      return s;
    };
    if (Status s = WriteAll(fd.get(), bytes); !s.ok()) return discard(s);

    // A conditional replace holds the folder lock from the check until the rename.
    std::optional<FolderLock> lock;
    struct timespec now;
    ::clock_gettime(CLOCK_REALTIME, &now);
    if (expected && *expected != 0) {
      lock.emplace();
      if (Status s = lock->Acquire(dir->get()); !s.ok()) return discard(s);
      struct stat old;
      if (Status s = StatLeaf(dir->get(), leaf, old); !s.ok()) {
        if (s.code() == StatusCode::kNotFound) {
          return discard(FailedPreconditionError("precondition failed: the object does not exist"));
        }
        return discard(s);
      }
      if (MtimeNanos(old) != *expected) {
        return discard(FailedPreconditionError("precondition failed: generation does not match"));
      }
      const std::int64_t now_ns = static_cast<std::int64_t>(now.tv_sec) * 1000000000 + now.tv_nsec;
      if (now_ns <= MtimeNanos(old)) {
        const std::int64_t next = MtimeNanos(old) + 1;
        now.tv_sec = static_cast<time_t>(next / 1000000000);
        now.tv_nsec = static_cast<long>(next % 1000000000);
      }
    }
    const struct timespec times[2] = {now, now};
    if (::futimens(fd.get(), times) != 0) return discard(ErrnoStatus(errno, "set mtime"));
    if (::fsync(fd.get()) != 0) return discard(ErrnoStatus(errno, "fsync"));
    struct stat st;
    if (::fstat(fd.get(), &st) != 0) return discard(ErrnoStatus(errno, "stat temporary file"));
    fd.Reset();

    if (expected && *expected == 0) {
      if (Status s = CreateOnly(dir->get(), temp, leaf); !s.ok()) return discard(s);
    } else if (::renameat(dir->get(), temp.c_str(), dir->get(), leaf.c_str()) != 0) {
      const int err = errno;
      if (err == EISDIR || err == ENOTEMPTY || err == EEXIST) {
        return discard(FailedPreconditionError("a folder has the object's name"));
      }
      return discard(ErrnoStatus(err, "rename"));
    }
    ::fsync(dir->get());  // make the rename durable; failure here changes nothing visible
    return MetaOf(name, st);
  }

  StatusOr<ListPage> List(std::string_view prefix, std::string_view page_token) override {
    JAE_RETURN_IF_ERROR(ValidateLocalPrefix(prefix));
    // Only the folder that holds the prefix needs walking.
    const auto slash = prefix.rfind('/');
    const std::string folder(slash == std::string_view::npos ? "" : prefix.substr(0, slash));
    ListPage page;
    std::vector<std::string_view> segments;
    if (!folder.empty()) {
      segments = SplitSegments(folder);
      segments.emplace_back();  // OpenFolder opens all but the last segment
    }
    auto dir = segments.empty() ? OpenRoot(false) : OpenFolder(segments, false);
    if (!dir.ok()) {
      if (dir.status().code() == StatusCode::kNotFound) return page;
      return dir.status();
    }
    std::vector<ObjectMeta> found;
    JAE_RETURN_IF_ERROR(
        Walk(dir->get(), folder.empty() ? "" : folder + "/", prefix, page_token, 0, found));
    std::sort(found.begin(), found.end(),
              [](const ObjectMeta& a, const ObjectMeta& b) { return a.name < b.name; });
    const size_t page_size = static_cast<size_t>(std::max(1, options_.page_size));
    if (found.size() > page_size) {
      found.resize(page_size);
      page.next_page_token = found.back().name;
    }
    page.objects = std::move(found);
    return page;
  }

  Status Delete(std::string_view name, std::optional<std::string> if_generation_match) override {
    JAE_RETURN_IF_ERROR(ValidateLocalObjectName(name));
    auto precondition = ParsePrecondition(if_generation_match);
    if (!precondition.ok()) return precondition.status();
    const std::optional<std::int64_t> expected = *precondition;
    const auto segments = SplitSegments(name);
    auto dir = OpenFolder(segments, /*create=*/false);
    if (!dir.ok()) return dir.status();
    const std::string leaf(segments.back());
    std::optional<FolderLock> lock;
    if (expected) {
      lock.emplace();
      JAE_RETURN_IF_ERROR(lock->Acquire(dir->get()));
    }
    struct stat st;
    JAE_RETURN_IF_ERROR(StatLeaf(dir->get(), leaf, st));
    if (expected && MtimeNanos(st) != *expected) {
      return FailedPreconditionError("precondition failed: generation does not match");
    }
    if (::unlinkat(dir->get(), leaf.c_str(), 0) != 0) return ErrnoStatus(errno, "delete");
    return OkStatus();
  }

 private:
  // Decimal digits of a non-negative int64; anything else (signs, spaces, values past
  // int64, which used to overflow) is InvalidArgument.
  static StatusOr<std::int64_t> ParseGeneration(std::string_view text) {
    std::int64_t value = 0;
    if (text.empty() || text.front() < '0' || text.front() > '9') {
      return InvalidArgumentError("invalid generation");
    }
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size()) {
      return InvalidArgumentError("invalid generation");
    }
    return value;
  }

  // The generation an `if_generation_match` precondition names, if any.
  static StatusOr<std::optional<std::int64_t>> ParsePrecondition(
      const std::optional<std::string>& if_generation_match) {
    if (!if_generation_match) return std::optional<std::int64_t>();
    auto parsed = ParseGeneration(*if_generation_match);
    if (!parsed.ok()) return parsed.status();
    return std::optional<std::int64_t>(*parsed);
  }

  ObjectMeta MetaOf(std::string_view name, const struct stat& st) const {
    return ObjectMeta{std::string(name), GenerationOf(st), static_cast<std::int64_t>(st.st_size),
                      GuessContentType(name)};
  }

  // The leaf as a regular file; folders are NotFound, links InvalidArgument.
  static Status StatLeaf(int dir, std::string_view leaf, struct stat& st) {
    if (::fstatat(dir, std::string(leaf).c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0) {
      return ErrnoStatus(errno, "stat object");
    }
    if (S_ISLNK(st.st_mode)) return InvalidArgumentError("object is a symbolic link");
    if (S_ISDIR(st.st_mode)) return NotFoundError("no such object (a folder has that name)");
    if (!S_ISREG(st.st_mode)) return InvalidArgumentError("object is not a regular file");
    return OkStatus();
  }

  StatusOr<Fd> OpenRoot(bool create) const {
    Fd fd(::open(root_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (fd.get() >= 0) return fd;
    if (errno != ENOENT || !create) return ErrnoStatus(errno, "open store folder");
    // mkdir -p, then open again.
    for (size_t pos = 1; pos <= root_.size(); ++pos) {
      if (pos == root_.size() || root_[pos] == '/') {
        const std::string part = root_.substr(0, pos);
        if (::mkdir(part.c_str(), 0750) != 0 && errno != EEXIST) {
          return ErrnoStatus(errno, "create store folder");
        }
      }
    }
    Fd again(::open(root_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (again.get() < 0) return ErrnoStatus(errno, "open store folder");
    return again;
  }

  // The folder holding the last segment, walked from the root without following links.
  StatusOr<Fd> OpenFolder(const std::vector<std::string_view>& segments, bool create) const {
    auto root = OpenRoot(create);
    if (!root.ok()) return root.status();
    Fd current = std::move(*root);
    for (size_t i = 0; i + 1 < segments.size(); ++i) {
      const std::string segment(segments[i]);
      if (create && ::mkdirat(current.get(), segment.c_str(), 0750) != 0 && errno != EEXIST) {
        return ErrnoStatus(errno, "create folder");
      }
      Fd next(::openat(current.get(), segment.c_str(),
                       O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
      if (next.get() < 0) {
        const int err = errno;
        struct stat st;
        if (::fstatat(current.get(), segment.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0) {
          if (S_ISLNK(st.st_mode)) {
            return InvalidArgumentError("the name goes through a symbolic link");
          }
          if (create && !S_ISDIR(st.st_mode)) {
            return FailedPreconditionError("a file is where the name needs a folder");
          }
        }
        return ErrnoStatus(err, "open folder");
      }
      current = std::move(next);
    }
    return current;
  }

  std::string TempName() {
    std::uint64_t r;
    {
      MutexLock lock(rng_mutex_);
      r = rng_();
    }
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(r));
    return std::string(kLocalTempPrefix) + buf;
  }

  static Status CreateOnly(int dir, const std::string& temp, const std::string& leaf) {
    if (::renameat2(dir, temp.c_str(), dir, leaf.c_str(), RENAME_NOREPLACE) == 0) {
      return OkStatus();
    }
    if (errno == EEXIST) {
      return FailedPreconditionError("precondition failed: the object already exists");
    }
    if (errno != EINVAL && errno != ENOSYS && errno != ENOTSUP) {
      return ErrnoStatus(errno, "rename");
    }
    // No RENAME_NOREPLACE on this file system: link() is atomic create-only too.
    if (::linkat(dir, temp.c_str(), dir, leaf.c_str(), 0) != 0) {
      if (errno == EEXIST) {
        return FailedPreconditionError("precondition failed: the object already exists");
      }
      return ErrnoStatus(errno, "link");
    }
    ::unlinkat(dir, temp.c_str(), 0);
    return OkStatus();
  }

  // Collects regular files under `dir` (whose name relative to the root is `base`).
  Status Walk(int dir, const std::string& base, std::string_view prefix, std::string_view after,
              int depth, std::vector<ObjectMeta>& found) const {
    if (depth > kMaxDepth) return OkStatus();
    const int copy = ::dup(dir);
    if (copy < 0) return ErrnoStatus(errno, "list folder");
    DIR* d = ::fdopendir(copy);
    if (d == nullptr) {
      ::close(copy);
      return ErrnoStatus(errno, "list folder");
    }
    ::rewinddir(d);
    Status status;
    while (struct dirent* entry = ::readdir(d)) {
      const std::string_view leaf(entry->d_name);
      if (leaf == "." || leaf == ".." || leaf.starts_with(kLocalTempPrefix)) continue;
      const std::string name = base + std::string(leaf);
      struct stat st;
      if (::fstatat(dir, entry->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0) continue;  // raced away
      if (S_ISDIR(st.st_mode)) {
        // Skip folders that cannot hold a match.
        const std::string as_folder = name + "/";
        const size_t n = std::min(as_folder.size(), prefix.size());
        if (as_folder.compare(0, n, prefix.substr(0, n)) != 0) continue;
        Fd sub(::openat(dir, entry->d_name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
        if (sub.get() < 0) continue;
        status = Walk(sub.get(), as_folder, prefix, after, depth + 1, found);
        if (!status.ok()) break;
        continue;
      }
      if (!S_ISREG(st.st_mode)) continue;  // links, FIFOs, sockets, devices
      if (!name.starts_with(prefix) || name <= after) continue;
      if (!ValidateLocalObjectName(name).ok()) continue;  // could not be read back by name
      found.push_back(MetaOf(name, st));
    }
    ::closedir(d);
    return status;
  }

  const std::string root_;
  const LocalStoreOptions options_;
  Mutex rng_mutex_;
  std::mt19937_64 rng_ JAE_GUARDED_BY(rng_mutex_);
};

}  // namespace

StatusOr<std::unique_ptr<Store>> MakeLocalStore(std::string root, LocalStoreOptions options) {
  if (root.empty()) return InvalidArgumentError("local store: empty folder path");
  if (root.find('\0') != std::string::npos) {
    return InvalidArgumentError("local store: folder path contains NUL");
  }
  if (root.front() != '/') {
    char cwd[4096];
    if (::getcwd(cwd, sizeof cwd) == nullptr) return ErrnoStatus(errno, "getcwd");
    root = std::string(cwd) + "/" + root;
  }
  while (root.size() > 1 && root.back() == '/') root.pop_back();
  return std::unique_ptr<Store>(std::make_unique<LocalStore>(std::move(root), options));
}

}  // namespace jae
