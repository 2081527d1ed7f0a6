// Clock: the one way code asks for the time, so tests can fix it (the fakes are in
// tests/testing/fake_clock.h).
#pragma once

#include <chrono>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

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
// `d` moved by whole years; 29 February becomes 28 February in a common year.
CivilDate AddYears(const CivilDate& d, int years);
// `d` moved by whole days (either sign).
CivilDate AddDays(const CivilDate& d, int days);

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

// RetryClock: time as a retry loop sees it (a steady now, and waiting), injectable so
// that tests of backoff and deadlines run in microseconds. WallNow is for Retry-After
// dates, which are wall-clock times.
class RetryClock {
 public:
  virtual ~RetryClock() = default;
  virtual std::chrono::steady_clock::time_point Now() const = 0;
  virtual std::chrono::system_clock::time_point WallNow() const = 0;  // for Retry-After dates
  virtual void SleepFor(std::chrono::milliseconds d) = 0;
};

class RealRetryClock final : public RetryClock {
 public:
  std::chrono::steady_clock::time_point Now() const override {
    return std::chrono::steady_clock::now();
  }
  std::chrono::system_clock::time_point WallNow() const override {
    return std::chrono::system_clock::now();
  }
  void SleepFor(std::chrono::milliseconds d) override { std::this_thread::sleep_for(d); }
};

// RFC 3339 UTC timestamp with milliseconds, e.g. 2026-11-26T12:00:00.123Z.
std::string FormatRfc3339(std::chrono::system_clock::time_point t);

}  // namespace jae
