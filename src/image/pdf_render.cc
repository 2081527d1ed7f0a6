#include "image/pdf_render.h"

#include <fcntl.h>
#include <poll.h>
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>
#include <string>

namespace jae {
namespace {

// What the child writes: this header, then width x height x 3 bytes of RGB.
struct Header {
  std::int32_t ok;  // 1 rendered, 0 not a renderable PDF
  std::int32_t width;
  std::int32_t height;
  double long_side_pt;
};

bool WriteAll(int fd, const void* data, std::size_t size) {
  const auto* p = static_cast<const char*>(data);
  while (size > 0) {
    const ssize_t n = ::write(fd, p, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    p += n;
    size -= static_cast<std::size_t>(n);
  }
  return true;
}

void Quiet(const std::string&, void*) {}

// One word as the child writes it after the pixels (then `bytes` bytes of UTF-8).
struct WireWord {
  float x, y, width, height;
  std::int32_t space_after;
  std::int32_t bytes;
};

// The page's text layer after its pixels: a count, then each word. Points are scaled by
// `scale` into the rendered pixels (poppler's text boxes have a top-left origin, like the
// rendered image).
bool WriteWords(int out, const poppler::page& page, double scale) {
  std::vector<poppler::text_box> boxes = page.text_list();
  std::int32_t count = static_cast<std::int32_t>(
      std::min<std::size_t>(boxes.size(), static_cast<std::size_t>(kMaxPdfWords)));
  if (!WriteAll(out, &count, sizeof count)) return false;
  for (std::int32_t i = 0; i < count; ++i) {
    const poppler::text_box& box = boxes[static_cast<std::size_t>(i)];
    const poppler::byte_array utf8 = box.text().to_utf8();
    const poppler::rectf r = box.bbox();
    WireWord w{static_cast<float>(r.x() * scale),
               static_cast<float>(r.y() * scale),
               static_cast<float>(r.width() * scale),
               static_cast<float>(r.height() * scale),
               box.has_space_after() ? 1 : 0,
               static_cast<std::int32_t>(std::min<std::size_t>(utf8.size(), kMaxPdfWordBytes))};
    if (!WriteAll(out, &w, sizeof w) ||
        !WriteAll(out, utf8.data(), static_cast<std::size_t>(w.bytes))) {
      return false;
    }
  }
  return true;
}

// The child's whole life: render, write, _exit (no destructors, no atexit handlers of
// the parent's libraries).
[[noreturn]] void RenderInChild(std::string_view pdf, int max_side, int out) {
  poppler::set_debug_error_function(Quiet, nullptr);
  Header header{};
  std::unique_ptr<poppler::document> document(
      poppler::document::load_from_raw_data(pdf.data(), static_cast<int>(pdf.size())));
  if (!document || document->is_locked() || document->pages() < 1) {
    WriteAll(out, &header, sizeof header);
    ::_exit(0);
  }
  std::unique_ptr<poppler::page> page(document->create_page(0));
  if (!page) {
    WriteAll(out, &header, sizeof header);
    ::_exit(0);
  }
  const poppler::rectf box = page->page_rect();
  const double long_pt = std::max(box.width(), box.height());
  if (!(long_pt > 0)) {
    WriteAll(out, &header, sizeof header);
    ::_exit(0);
  }
  const double dpi = 72.0 * max_side / long_pt;
  poppler::page_renderer renderer;
  renderer.set_render_hint(poppler::page_renderer::antialiasing);
  renderer.set_render_hint(poppler::page_renderer::text_antialiasing);
  renderer.set_image_format(poppler::image::format_rgb24);
  const poppler::image image = renderer.render_page(page.get(), dpi, dpi);
  if (!image.is_valid()) {
    WriteAll(out, &header, sizeof header);
    ::_exit(0);
  }
  header.ok = 1;
  header.width = image.width();
  header.height = image.height();
  header.long_side_pt = long_pt;
  if (!WriteAll(out, &header, sizeof header)) ::_exit(1);
  // format_rgb24: 3 bytes per pixel (R, G, B), rows padded to 4 bytes.
  const std::size_t row_bytes = static_cast<std::size_t>(header.width) * 3;
  if (image.bytes_per_row() < static_cast<int>(row_bytes)) ::_exit(1);
  for (int y = 0; y < header.height; ++y) {
    const char* row = image.const_data() + static_cast<std::size_t>(y) * image.bytes_per_row();
    if (!WriteAll(out, row, row_bytes)) ::_exit(1);
  }
  // The scale the renderer used (pixels per point), from the size it produced.
  const double scale = header.width / std::max(1.0, box.width());
  if (!WriteWords(out, *page, scale)) ::_exit(1);
  ::_exit(0);
}

}  // namespace

StatusOr<RenderedPdfPage> RenderFirstPdfPage(std::string_view pdf, int max_side,
                                             std::chrono::milliseconds time_limit) {
  if (max_side < 1) return InvalidArgumentError("max_side must be positive");
  int pipe_fds[2];
  if (::pipe2(pipe_fds, O_CLOEXEC) != 0) return InternalError("cannot create a pipe");
  const auto deadline = std::chrono::steady_clock::now() + time_limit;
  const pid_t pid = ::fork();
  if (pid < 0) {
    ::close(pipe_fds[0]);
    ::close(pipe_fds[1]);
    return InternalError("cannot start the PDF renderer");
  }
  if (pid == 0) {
    ::close(pipe_fds[0]);
    // Belt and braces: the kernel stops a child that outlives its parent's attention.
    const rlim_t cpu = static_cast<rlim_t>(time_limit.count() / 1000 + 2);
    const rlimit limit{cpu, cpu};
    ::setrlimit(RLIMIT_CPU, &limit);
    RenderInChild(pdf, max_side, pipe_fds[1]);
  }
  ::close(pipe_fds[1]);
  const int in = pipe_fds[0];

  // Reads exactly `size` bytes before the deadline.
  bool timed_out = false;
  auto read_exactly = [&](void* data, std::size_t size) {
    auto* p = static_cast<char*>(data);
    while (size > 0) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
          deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0) {
        timed_out = true;
        return false;
      }
      pollfd ready{in, POLLIN, 0};
      const int n = ::poll(&ready, 1, static_cast<int>(left.count()));
      if (n < 0 && errno == EINTR) continue;
      if (n == 0) continue;  // the deadline check above decides
      if (n < 0) return false;
      const ssize_t got = ::read(in, p, size);
      if (got < 0 && errno == EINTR) continue;
      if (got <= 0) return false;
      p += got;
      size -= static_cast<std::size_t>(got);
    }
    return true;
  };

  RenderedPdfPage page;
  Header header{};
  bool ok = read_exactly(&header, sizeof header) && header.ok == 1 && header.width > 0 &&
            header.height > 0 && header.width <= max_side + 2 && header.height <= max_side + 2;
  if (ok) {
    page.width = header.width;
    page.height = header.height;
    page.long_side_pt = header.long_side_pt;
    page.rgb.resize(static_cast<std::size_t>(header.width) * header.height * 3);
    ok = read_exactly(page.rgb.data(), page.rgb.size());
  }
  // The text layer: when it cannot be read in time (or at all) the page stays, without it.
  bool words_ok = ok;
  if (ok) {
    std::int32_t count = 0;
    words_ok = read_exactly(&count, sizeof count) && count >= 0 && count <= kMaxPdfWords;
    for (std::int32_t i = 0; words_ok && i < count; ++i) {
      WireWord w{};
      words_ok = read_exactly(&w, sizeof w) && w.bytes >= 0 && w.bytes <= kMaxPdfWordBytes;
      if (!words_ok) break;
      PdfWord word;
      word.text.resize(static_cast<std::size_t>(w.bytes));
      words_ok = read_exactly(word.text.data(), word.text.size());
      word.x = w.x;
      word.y = w.y;
      word.width = w.width;
      word.height = w.height;
      word.space_after = w.space_after != 0;
      page.words.push_back(std::move(word));
    }
    if (!words_ok) {
      page.words.clear();
      timed_out = false;
    }
  }
  ::close(in);
  if (!ok || !words_ok) ::kill(pid, SIGKILL);  // done with it, whatever it is doing
  int wait_status = 0;
  while (::waitpid(pid, &wait_status, 0) < 0 && errno == EINTR) {
  }
  if (timed_out) return DeadlineExceededError("the PDF takes longer than the limit to render");
  if (!ok) return Status(StatusCode::kDataLoss, "the PDF cannot be rendered");
  return page;
}

}  // namespace jae
