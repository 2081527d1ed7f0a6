// RunWatch: `jae-ocr watch`. Processes every document already in the inbox folder, then
// (unless `once`) every file that appears later, until SIGINT/SIGTERM.
//
// A file is taken only once it is completely written: files announced by inotify are
// taken on IN_CLOSE_WRITE (the writer closed it) or IN_MOVED_TO (renamed into place);
// files found at start (or in a new sub-folder) must keep the same size and mtime over
// a settle interval. Exactly once per file version through ObjectProcessor (the result
// records the file's generation, its mtime in ns), so a restart redoes nothing.
#pragma once

#include <chrono>
#include <string>

#include "batch/batch.h"
#include "common/log.h"
#include "processing/object_processor.h"
#include "store/store.h"

namespace jae {

struct WatchOptions {
  std::string inbox_dir;       // the folder `inbox` reads (inotify watches it)
  std::string results_prefix;  // when results live inside the inbox: their folder + '/'
  bool once = false;
  std::chrono::milliseconds settle{300};
  int settle_rounds = 100;  // --once gives up on a file still growing after this many
  BatchRetry retry;
};

// Exit status per CONTRACT.md: 0 all ok, 1 something rejected or failed, 2 the inbox
// cannot be watched.
int RunWatch(Store& inbox, ObjectProcessor& processor, const WatchOptions& options, JsonLog& log);

}  // namespace jae
