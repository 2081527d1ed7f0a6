#include "common/admission_gate.h"

#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <thread>
#include <vector>

namespace jae {
namespace {

TEST(AdmissionGate, HoldsAtMostItsSlots) {
  AdmissionGate gate(2);
  GateTicket a = gate.Enter();
  GateTicket b = gate.Enter();
  EXPECT_TRUE(a.holds_slot());
  EXPECT_FALSE(gate.TryEnter().has_value());
  a.Release();
  EXPECT_FALSE(a.holds_slot());
  a.Release();  // twice is harmless
  auto c = gate.TryEnter();
  ASSERT_TRUE(c.has_value());
  EXPECT_FALSE(gate.TryEnter().has_value());
}

TEST(AdmissionGate, TicketsFreeTheirSlotWhenDestroyedOrMovedFrom) {
  AdmissionGate gate(1);
  {
    GateTicket held = gate.Enter();
    GateTicket moved = std::move(held);
    EXPECT_FALSE(held.holds_slot());  // NOLINT(bugprone-use-after-move): the point
    EXPECT_TRUE(moved.holds_slot());
    EXPECT_FALSE(gate.TryEnter().has_value());
  }
  GateTicket again = gate.Enter();
  GateTicket other;
  other = std::move(again);  // assignment moves the slot, it does not duplicate it
  EXPECT_FALSE(gate.TryEnter().has_value());
  other = GateTicket();  // assigning an empty ticket frees the slot
  EXPECT_TRUE(gate.TryEnter().has_value());
}

TEST(AdmissionGate, NoGateMeansNoLimit) {
  GateTicket ticket = EnterIfGated(nullptr);
  EXPECT_FALSE(ticket.holds_slot());
  AdmissionGate zero(0);  // at least one slot, never a gate nobody can enter
  EXPECT_TRUE(zero.TryEnter().has_value());
}

// Waits (briefly, polling) until `count` callers wait at `gate`.
void AwaitWaiting(const AdmissionGate& gate, int count) {
  while (gate.waiting() < count) std::this_thread::yield();
}

TEST(AdmissionGate, LetsWaitersInInArrivalOrder) {
  AdmissionGate gate(1);
  GateTicket held = gate.Enter();
  std::mutex order_mu;
  std::vector<int> order;
  std::vector<std::thread> threads;
  for (int t = 0; t < 5; ++t) {
    threads.emplace_back([&, t] {
      GateTicket ticket = gate.Enter();
      std::lock_guard<std::mutex> lock(order_mu);
      order.push_back(t);
    });
    AwaitWaiting(gate, t + 1);
  }
  held.Release();
  for (auto& th : threads) th.join();
  EXPECT_EQ(order, (std::vector<int>{0, 1, 2, 3, 4}));
  EXPECT_EQ(gate.waiting(), 0);
  EXPECT_TRUE(gate.TryEnter().has_value());
}

// With libstdc++ 12's std::counting_semaphore this hung now and then (a lost wake-up).
TEST(AdmissionGate, BoundsConcurrencyAcrossThreads) {
  AdmissionGate gate(3);
  std::atomic<int> inside{0}, most{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 12; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 200; ++i) {
        GateTicket ticket = gate.Enter();
        const int now = ++inside;
        int seen = most.load();
        while (now > seen && !most.compare_exchange_weak(seen, now)) {
        }
        std::this_thread::yield();
        --inside;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_LE(most.load(), 3);
  EXPECT_GE(most.load(), 1);
}

}  // namespace
}  // namespace jae
