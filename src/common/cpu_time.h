// CPU time of the calling thread, for budgets and measurements that must not depend on
// how busy the machine is (wall time does, on the shared machines this runs on).
#pragma once

#include <ctime>

namespace jae {

inline double ThreadCpuMs() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

}  // namespace jae
