// Clock: the one way code asks for the time, so tests can fix it.
#pragma once

#include <chrono>
#include <string>

namespace jae {

// A calendar date with no time zone; what documents print.
struct CivilDate {
  int year = 0;
  int month = 0;  // 1..12
  int day = 0;    // 1..31
  friend auto operator<=>(const CivilDate&, const CivilDate&) = default;
};

// True if the date exists in the proleptic Gregorian calendar.
bool IsValidCivilDate(int year, int month, int day);
// "YYYY-MM-DD".
std::string FormatIsoDate(const CivilDate& date);

class Clock {
 public:
  virtual ~Clock() = default;
  virtual std::chrono::system_clock::time_point Now() const = 0;
  // Today's date in UTC.
  CivilDate Today() const;
};

class SystemClock final : public Clock {
 public:
  std::chrono::system_clock::time_point Now() const override {
    return std::chrono::system_clock::now();
  }
};

// A clock that says what the test tells it to.
class FakeClock final : public Clock {
 public:
  explicit FakeClock(std::chrono::system_clock::time_point now) : now_(now) {}
  std::chrono::system_clock::time_point Now() const override { return now_; }
  void Set(std::chrono::system_clock::time_point now) { now_ = now; }
  void Advance(std::chrono::system_clock::duration d) { now_ += d; }

 private:
  std::chrono::system_clock::time_point now_;
};

// RFC 3339 UTC timestamp with milliseconds, e.g. 2026-11-26T12:00:00.123Z.
std::string FormatRfc3339(std::chrono::system_clock::time_point t);

}  // namespace jae
