#include "cli/load_input.h"

#include <filesystem>
#include <fstream>

#include "store/store.h"

namespace jae::cli {

StatusOr<Loaded> LoadLocal(std::string_view arg, const PipelineOptions& options,
                           const Clock& clock) {
  std::string path(arg);
  if (arg.starts_with("file://")) {
    path = std::string(arg.substr(7));
    if (!path.starts_with("/")) return InvalidArgumentError("file:// URIs need an absolute path");
  }
  std::error_code ec;
  const std::filesystem::path absolute = std::filesystem::absolute(path, ec);
  if (ec || !std::filesystem::exists(absolute, ec)) return NotFoundError("no such file");
  if (!std::filesystem::is_regular_file(absolute, ec)) {
    return InvalidArgumentError("not a regular file");
  }
  const auto size = std::filesystem::file_size(absolute, ec);
  if (ec) return UnavailableError("cannot read the file size");
  Loaded loaded;
  loaded.output_name = absolute.filename().string();
  loaded.input.source.uri = "file://" + absolute.string();
  if (static_cast<std::int64_t>(size) > options.max_image_bytes) {
    SourceInfo source = loaded.input.source;
    source.size_bytes = static_cast<std::int64_t>(size);
    loaded.decided =
        MakeRejected(source, ErrorCode::kTooLarge, "the file is larger than MAX_IMAGE_BYTES",
                     FormatRfc3339(clock.Now()));
    return loaded;
  }
  std::ifstream file(absolute, std::ios::binary);
  std::string bytes(size, '\0');
  if (!file.read(bytes.data(), static_cast<std::streamsize>(size))) {
    return UnavailableError("cannot read the file");
  }
  loaded.input.bytes = std::move(bytes);
  return loaded;
}

StatusOr<Loaded> LoadGcs(std::string_view uri, const PipelineOptions& options, const Clock& clock) {
  const std::string_view rest = uri.substr(5);  // after gs://
  const auto slash = rest.find('/');
  if (slash == std::string_view::npos || slash == 0 || slash + 1 == rest.size()) {
    return InvalidArgumentError("expected gs://bucket/object");
  }
  auto store = OpenStore(std::string("gs://") + std::string(rest.substr(0, slash)));
  if (!store.ok()) return store.status();
  const std::string object(rest.substr(slash + 1));
  auto meta = (*store)->Stat(object);
  if (!meta.ok()) return meta.status();
  Loaded loaded;
  loaded.output_name = object;
  loaded.input.source.uri = std::string(uri);
  loaded.input.source.generation = meta->generation;
  if (!meta->content_type.empty()) loaded.input.source.content_type = meta->content_type;
  if (meta->size > options.max_image_bytes) {
    SourceInfo source = loaded.input.source;
    source.size_bytes = meta->size;
    loaded.decided =
        MakeRejected(source, ErrorCode::kTooLarge, "the file is larger than MAX_IMAGE_BYTES",
                     FormatRfc3339(clock.Now()));
    return loaded;
  }
  auto bytes = (*store)->Read(object, meta->generation, options.max_image_bytes);
  if (!bytes.ok()) return bytes.status();
  loaded.input.bytes = std::move(*bytes);
  return loaded;
}

}  // namespace jae::cli
