#include "common/clock.h"

#include <cstdio>

namespace jae {

bool IsValidCivilDate(int year, int month, int day) {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  const std::chrono::year_month_day ymd{std::chrono::year{year},
                                        std::chrono::month{static_cast<unsigned>(month)},
                                        std::chrono::day{static_cast<unsigned>(day)}};
  return ymd.ok();
}

std::string FormatIsoDate(const CivilDate& date) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", date.year, date.month, date.day);
  return buf;
}

CivilDate AddYears(const CivilDate& d, int years) {
  CivilDate out{d.year + years, d.month, d.day};
  if (out.month == 2 && out.day == 29 && !IsValidCivilDate(out.year, 2, 29)) out.day = 28;
  return out;
}

CivilDate AddDays(const CivilDate& d, int days) {
  const std::chrono::year_month_day moved{
      std::chrono::sys_days{std::chrono::year_month_day{
          std::chrono::year{d.year}, std::chrono::month{static_cast<unsigned>(d.month)},
          std::chrono::day{static_cast<unsigned>(d.day)}}} +
      std::chrono::days{days}};
  return {static_cast<int>(moved.year()), static_cast<int>(static_cast<unsigned>(moved.month())),
          static_cast<int>(static_cast<unsigned>(moved.day()))};
}

CivilDate Clock::Today() const {
  const auto days = std::chrono::floor<std::chrono::days>(Now());
  const std::chrono::year_month_day ymd{days};
  return {static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
          static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

std::string FormatRfc3339(std::chrono::system_clock::time_point t) {
  const auto days = std::chrono::floor<std::chrono::days>(t);
  const std::chrono::year_month_day ymd{days};
  const std::chrono::hh_mm_ss hms{std::chrono::floor<std::chrono::milliseconds>(t - days)};
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02d.%03dZ",
                static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()), static_cast<int>(hms.hours().count()),
                static_cast<int>(hms.minutes().count()), static_cast<int>(hms.seconds().count()),
                static_cast<int>(hms.subseconds().count()));
  return buf;
}

}  // namespace jae
