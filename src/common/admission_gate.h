// AdmissionGate: at most N holders at once; the others wait their turn.
//
// Why: a document's heavy moment is short — its source bytes in memory and its image
// being decoded — while its model call is long and light. Gating only the heavy moment
// bounds memory and CPU contention by the gate's size instead of by the number of
// documents in flight (64 phone photos held at once would be ~200 MB of source bytes
// alone), and lets documents finish that moment in arrival order instead of all slowly.
//
// Contract: Enter() blocks until a slot is free and returns a ticket holding it; the
// slot is freed when the ticket is released or destroyed. An empty ticket (default
// constructed, or from a null gate) holds nothing. Thread-safe; the gate must outlive
// its tickets.
#pragma once

#include <algorithm>
#include <optional>
#include <semaphore>
#include <utility>

namespace jae {

class GateTicket;

class AdmissionGate {
 public:
  explicit AdmissionGate(int slots) : slots_(std::max(1, slots)) {}
  AdmissionGate(const AdmissionGate&) = delete;
  AdmissionGate& operator=(const AdmissionGate&) = delete;

  GateTicket Enter();
  // A ticket if a slot is free right now; nullopt otherwise. Never blocks.
  std::optional<GateTicket> TryEnter();

 private:
  friend class GateTicket;
  std::counting_semaphore<> slots_;
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
    if (gate_ != nullptr) std::exchange(gate_, nullptr)->slots_.release();
  }
  bool holds_slot() const { return gate_ != nullptr; }

 private:
  friend class AdmissionGate;
  explicit GateTicket(AdmissionGate* gate) : gate_(gate) {}
  AdmissionGate* gate_ = nullptr;
};

inline GateTicket AdmissionGate::Enter() {
  slots_.acquire();
  return GateTicket(this);
}

inline std::optional<GateTicket> AdmissionGate::TryEnter() {
  if (!slots_.try_acquire()) return std::nullopt;
  return GateTicket(this);
}

// Enters `gate` when there is one; an empty ticket otherwise.
inline GateTicket EnterIfGated(AdmissionGate* gate) {
  return gate != nullptr ? gate->Enter() : GateTicket();
}

}  // namespace jae
