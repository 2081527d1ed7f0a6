// Clang thread-safety annotations, and the small mutex types that carry them.
//
// Contract: the JAE_* macros expand to clang's thread-safety attributes under clang and to
// nothing elsewhere (GCC ignores them). A member written `T x_ JAE_GUARDED_BY(mu_);` may
// only be touched while `mu_` is held; clang's -Wthread-safety (on in clang builds, see
// the top-level CMakeLists.txt) turns a forgotten lock into a compile error.
// Why a Mutex wrapper: libstdc++'s std::mutex and std::lock_guard carry no annotations,
// so clang cannot see them being locked. jae::Mutex is a std::mutex with the
// annotations; jae::MutexLock is its lock_guard, and also hands a std::unique_lock to
// std::condition_variable. Inside a condition-variable predicate (which clang cannot
// see being called under the lock) call mu.AssertHeld().
#pragma once

#include <mutex>

#if defined(__clang__)
#define JAE_THREAD_ANNOTATION(x) __attribute__((x))
#else
#define JAE_THREAD_ANNOTATION(x)
#endif

#define JAE_CAPABILITY(name) JAE_THREAD_ANNOTATION(capability(name))
#define JAE_SCOPED_CAPABILITY JAE_THREAD_ANNOTATION(scoped_lockable)
#define JAE_GUARDED_BY(mu) JAE_THREAD_ANNOTATION(guarded_by(mu))
#define JAE_PT_GUARDED_BY(mu) JAE_THREAD_ANNOTATION(pt_guarded_by(mu))
#define JAE_REQUIRES(...) JAE_THREAD_ANNOTATION(requires_capability(__VA_ARGS__))
#define JAE_EXCLUDES(...) JAE_THREAD_ANNOTATION(locks_excluded(__VA_ARGS__))
#define JAE_ACQUIRE(...) JAE_THREAD_ANNOTATION(acquire_capability(__VA_ARGS__))
#define JAE_RELEASE(...) JAE_THREAD_ANNOTATION(release_capability(__VA_ARGS__))
#define JAE_ASSERT_CAPABILITY(x) JAE_THREAD_ANNOTATION(assert_capability(x))
#define JAE_NO_THREAD_SAFETY_ANALYSIS JAE_THREAD_ANNOTATION(no_thread_safety_analysis)

namespace jae {

class JAE_CAPABILITY("mutex") Mutex {
 public:
  void lock() JAE_ACQUIRE() { mu_.lock(); }
  void unlock() JAE_RELEASE() { mu_.unlock(); }
  // Tells the analysis the caller holds the lock (not checked at run time): for code
  // clang cannot follow, such as a condition-variable predicate.
  void AssertHeld() const JAE_ASSERT_CAPABILITY(this) {}
  std::mutex& native() { return mu_; }

 private:
  std::mutex mu_;
};

// Holds `mu` for its scope, like std::lock_guard.
class JAE_SCOPED_CAPABILITY MutexLock {
 public:
  explicit MutexLock(Mutex& mu) JAE_ACQUIRE(mu) : lock_(mu.native()) {}
  ~MutexLock() JAE_RELEASE() {}
  MutexLock(const MutexLock&) = delete;
  MutexLock& operator=(const MutexLock&) = delete;

  // Lets go of the lock early and takes it again (for a slow call made unlocked).
  void Unlock() JAE_RELEASE() { lock_.unlock(); }
  void Lock() JAE_ACQUIRE() { lock_.lock(); }

  // For std::condition_variable::wait, which unlocks and relocks while waiting.
  std::unique_lock<std::mutex>& unique_lock() { return lock_; }

 private:
  std::unique_lock<std::mutex> lock_;
};

}  // namespace jae
