// LocalStore: a Store over a folder of the local file system.
//
// - Names are validated (object_name.h) and then resolved one segment at a time with
//   openat(O_NOFOLLOW) from the root, so no name can leave the root: symbolic links
//   *inside* the folder are never followed (a name that goes through one is
//   InvalidArgument); the root itself may be a link.
// - Writes go to a temporary file in the destination folder (".jae-tmp-*", hidden from
//   List), are fsync'ed, then renamed over the name, so readers see the old or the new
//   file, never a partial one. "Only if absent" (if_generation_match "0") uses
//   renameat2(RENAME_NOREPLACE) (link() where the file system lacks it): of racing
//   writers exactly one wins. Other generation preconditions are checked under flock() on
//   the folder, which makes them exact against other conditional writers and deleters.
// - generation = the file's mtime in nanoseconds since the epoch. Writes set it from
//   CLOCK_REALTIME with futimens (not the coarse kernel timestamp) and make it strictly
//   greater than the generation they replace under a precondition.
// - Content types are not stored: they are guessed from the extension.
// - The root is created (mkdir -p) by the first Write; until then reads are NotFound and
//   listings empty. Folders are created as needed and never removed.
#pragma once

#include <memory>
#include <string>

#include "store/store.h"

namespace jae {

struct LocalStoreOptions {
  int page_size = 1000;  // objects per List page
};

// `root` may be relative (to the current directory at the time of the call).
StatusOr<std::unique_ptr<Store>> MakeLocalStore(std::string root, LocalStoreOptions options = {});

}  // namespace jae
