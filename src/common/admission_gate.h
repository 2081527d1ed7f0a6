// AdmissionGate: at most N holders at once; the others wait their turn.
//
// Why: a document's heavy moment is short — its source bytes in memory and its image
// being decoded — while its model call is long and light. Gating only the heavy moment
// bounds memory and CPU contention by the gate's size instead of by the number of
// documents in flight (64 phone photos held at once would be ~200 MB of source bytes
// alone), and lets documents finish that moment in arrival order instead of all slowly.
//
// Contract: Enter() blocks until a slot is free and every earlier caller of Enter() has
// been let in, and returns a ticket holding the slot (first come, first served); the
// slot is freed when the ticket is released or destroyed. TryEnter() never jumps the
// queue. An empty ticket (default constructed, or from a null gate) holds nothing.
// Thread-safe; the gate must outlive its tickets.
//
// Why not std::counting_semaphore: libstdc++ 12 (Debian 12) can lose its wake-up — a
// release() that finds the count positive skips the notify while an acquire() is about
// to sleep, which then sleeps forever (GCC bug 98033). A 12-thread test hung that way
// under ASan; in the service it would freeze every document behind the gate.
#pragma once

#include <algorithm>
#include <condition_variable>
#include <cstdint>
#include <optional>
#include <utility>

#include "common/thread_annotations.h"

namespace jae {

class GateTicket;

class AdmissionGate {
 public:
  explicit AdmissionGate(int slots) : free_(std::max(1, slots)) {}
  AdmissionGate(const AdmissionGate&) = delete;
  AdmissionGate& operator=(const AdmissionGate&) = delete;

  GateTicket Enter() JAE_EXCLUDES(mu_);
  // A ticket if a slot is free right now and nobody is waiting; nullopt otherwise.
  // Never blocks.
  std::optional<GateTicket> TryEnter() JAE_EXCLUDES(mu_);
  // How many callers of Enter() are waiting now.
  int waiting() const JAE_EXCLUDES(mu_) {
    MutexLock lock(mu_);
    return static_cast<int>(next_number_ - next_in_);
  }

 private:
  friend class GateTicket;
  void Leave() JAE_EXCLUDES(mu_);

  mutable Mutex mu_;
  std::condition_variable turn_;
  int free_ JAE_GUARDED_BY(mu_);
  // Callers of Enter() take numbers in arrival order; `next_in_` is the next to go in.
  std::uint64_t next_number_ JAE_GUARDED_BY(mu_) = 0;
  std::uint64_t next_in_ JAE_GUARDED_BY(mu_) = 0;
};

class GateTicket {
 public:
  GateTicket() = default;
  GateTicket(GateTicket&& other) noexcept : gate_(std::exchange(other.gate_, nullptr)) {}
  GateTicket& operator=(GateTicket&& other) noexcept {
    if (this != &other) {
      Release();
      gate_ = std::exchange(other.gate_, nullptr);
    }
    return *this;
  }
  ~GateTicket() { Release(); }

  void Release() {
    if (gate_ != nullptr) std::exchange(gate_, nullptr)->Leave();
  }
  bool holds_slot() const { return gate_ != nullptr; }

 private:
  friend class AdmissionGate;
  explicit GateTicket(AdmissionGate* gate) : gate_(gate) {}
  AdmissionGate* gate_ = nullptr;
};

inline GateTicket AdmissionGate::Enter() {
  {
    MutexLock lock(mu_);
    const std::uint64_t number = next_number_++;
    turn_.wait(lock.unique_lock(), [&] {
      mu_.AssertHeld();  // the wait runs the predicate under the lock
      return number == next_in_ && free_ > 0;
    });
    ++next_in_;
    --free_;
  }
  // The next in line may be waiting on a slot that is already free.
  turn_.notify_all();
  return GateTicket(this);
}

inline std::optional<GateTicket> AdmissionGate::TryEnter() {
  MutexLock lock(mu_);
  if (free_ == 0 || next_in_ != next_number_) return std::nullopt;
  --free_;
  return GateTicket(this);
}

inline void AdmissionGate::Leave() {
  {
    MutexLock lock(mu_);
    ++free_;
  }
  // All, not one: only the waiter whose number is next may go in.
  turn_.notify_all();
}

// Enters `gate` when there is one; an empty ticket otherwise.
inline GateTicket EnterIfGated(AdmissionGate* gate) {
  return gate != nullptr ? gate->Enter() : GateTicket();
}

}  // namespace jae
