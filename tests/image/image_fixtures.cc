#include "image/image_fixtures.h"

#include <vips/vips.h>
#include <zlib.h>

#include <cstdio>
#include <memory>

#include "testing/minimal_pdf.h"

namespace jae::testing {
namespace {

struct Unref {
  void operator()(VipsImage* p) const {
    if (p) g_object_unref(p);
  }
};
using Img = std::unique_ptr<VipsImage, Unref>;

void Init() {
  static const bool ok = VIPS_INIT("jae-tests") == 0;
  (void)ok;
}

Img Pattern3(int width, int height, Pattern pattern) {
  Init();
  VipsImage* out = nullptr;
  if (pattern == Pattern::kLeftHalfBlack) {
    VipsImage* xy = nullptr;
    vips_xyz(&xy, width, height, nullptr);
    Img xyz(xy);
    VipsImage* x = nullptr;
    vips_extract_band(xyz.get(), &x, 0, nullptr);
    Img xb(x);
    VipsImage* mask = nullptr;  // 255 where x >= width/2
    vips_moreeq_const1(xb.get(), &mask, width / 2.0, nullptr);
    Img m(mask);
    VipsImage* joined = nullptr;
    VipsImage* in[3] = {m.get(), m.get(), m.get()};
    vips_bandjoin(in, &joined, 3, nullptr);
    out = joined;
  } else {
    VipsImage* noise = nullptr;
    vips_gaussnoise(&noise, width, height, "mean", 128.0, "sigma", 50.0, nullptr);
    Img n(noise);
    VipsImage* u = nullptr;
    vips_cast_uchar(n.get(), &u, nullptr);
    Img uc(u);
    VipsImage* joined = nullptr;
    VipsImage* in[3] = {uc.get(), uc.get(), uc.get()};
    vips_bandjoin(in, &joined, 3, nullptr);
    out = joined;
  }
  Img result(out);
  VipsImage* copy = nullptr;
  vips_copy(result.get(), &copy, "interpretation", VIPS_INTERPRETATION_sRGB, nullptr);
  return Img(copy);
}

// Takes ownership of a saver's output buffer (call it after the saver returned).
std::string Take(int rc, void* buf, size_t len) {
  std::string bytes;
  if (rc == 0 && buf != nullptr) bytes.assign(static_cast<char*>(buf), len);
  if (rc != 0) std::fprintf(stderr, "fixture: %s\n", vips_error_buffer());
  g_free(buf);
  vips_error_clear();
  return bytes;
}

void PutU32(std::string& s, std::uint32_t v) {
  s.push_back(char(v >> 24));
  s.push_back(char(v >> 16));
  s.push_back(char(v >> 8));
  s.push_back(char(v));
}

void PutChunk(std::string& png, const std::string& type, const std::string& data) {
  PutU32(png, std::uint32_t(data.size()));
  const std::string body = type + data;
  png += body;
  PutU32(png, std::uint32_t(crc32(0, reinterpret_cast<const Bytef*>(body.data()), body.size())));
}

}  // namespace

std::string MakeJpeg(int width, int height, Pattern pattern, int exif_orientation, int quality) {
  Img img = Pattern3(width, height, pattern);
  VipsImage* copy = nullptr;
  vips_copy(img.get(), &copy, nullptr);
  Img tagged(copy);
  vips_image_set_int(tagged.get(), VIPS_META_ORIENTATION, exif_orientation);
  void* buf = nullptr;
  size_t len = 0;
  const int rc = vips_jpegsave_buffer(tagged.get(), &buf, &len, "Q", quality, nullptr);
  return Take(rc, buf, len);
}

std::string MakePng(int width, int height, Pattern pattern, bool alpha) {
  Img img = Pattern3(width, height, pattern);
  if (alpha) {
    VipsImage* with_alpha = nullptr;
    vips_bandjoin_const1(img.get(), &with_alpha, 255.0, nullptr);
    img.reset(with_alpha);
  }
  void* buf = nullptr;
  size_t len = 0;
  const int rc = vips_pngsave_buffer(img.get(), &buf, &len, nullptr);
  return Take(rc, buf, len);
}

std::string MakeTransparentPng(int width, int height) {
  Init();
  VipsImage* black = nullptr;
  vips_black(&black, width, height, "bands", 4, nullptr);
  Img b(black);
  VipsImage* typed = nullptr;
  vips_copy(b.get(), &typed, "interpretation", VIPS_INTERPRETATION_sRGB, nullptr);
  Img t(typed);
  void* buf = nullptr;
  size_t len = 0;
  const int rc = vips_pngsave_buffer(t.get(), &buf, &len, nullptr);
  return Take(rc, buf, len);
}

std::string MakePng16(int width, int height) {
  Img img = Pattern3(width, height, Pattern::kLeftHalfBlack);
  VipsImage* scaled = nullptr;
  vips_linear1(img.get(), &scaled, 257.0, 0.0, nullptr);
  Img s(scaled);
  VipsImage* wide = nullptr;
  vips_cast_ushort(s.get(), &wide, nullptr);
  Img w(wide);
  VipsImage* typed = nullptr;
  vips_copy(w.get(), &typed, "interpretation", VIPS_INTERPRETATION_RGB16, nullptr);
  Img t(typed);
  void* buf = nullptr;
  size_t len = 0;
  const int rc = vips_pngsave_buffer(t.get(), &buf, &len, "bitdepth", 16, nullptr);
  return Take(rc, buf, len);
}

namespace {
Img GreyLeftHalfBlack(int width, int height) {
  Img img = Pattern3(width, height, Pattern::kLeftHalfBlack);
  VipsImage* band = nullptr;
  vips_extract_band(img.get(), &band, 0, nullptr);
  Img b(band);
  VipsImage* typed = nullptr;
  vips_copy(b.get(), &typed, "interpretation", VIPS_INTERPRETATION_B_W, nullptr);
  return Img(typed);
}
}  // namespace

std::string MakeGreyPng(int width, int height) {
  Img t = GreyLeftHalfBlack(width, height);
  void* buf = nullptr;
  size_t len = 0;
  const int rc = vips_pngsave_buffer(t.get(), &buf, &len, nullptr);
  return Take(rc, buf, len);
}

std::string MakeGreyJpeg(int width, int height) {
  Img t = GreyLeftHalfBlack(width, height);
  void* buf = nullptr;
  size_t len = 0;
  const int rc = vips_jpegsave_buffer(t.get(), &buf, &len, nullptr);
  return Take(rc, buf, len);
}

std::string MakeCmykJpeg(int width, int height) {
  Img img = Pattern3(width, height, Pattern::kLeftHalfBlack);
  // CMYK by hand: C = M = Y = 0, K = 255 - grey.
  VipsImage* band = nullptr;
  vips_extract_band(img.get(), &band, 0, nullptr);
  Img grey(band);
  VipsImage* k = nullptr;
  vips_invert(grey.get(), &k, nullptr);
  Img kb(k);
  VipsImage* zero = nullptr;
  vips_black(&zero, width, height, nullptr);
  Img z(zero);
  VipsImage* zu = nullptr;
  vips_cast_uchar(z.get(), &zu, nullptr);
  Img zb(zu);
  VipsImage* in[4] = {zb.get(), zb.get(), zb.get(), kb.get()};
  VipsImage* cmyk = nullptr;
  vips_bandjoin(in, &cmyk, 4, nullptr);
  Img c(cmyk);
  VipsImage* typed = nullptr;
  vips_copy(c.get(), &typed, "interpretation", VIPS_INTERPRETATION_CMYK, nullptr);
  Img t(typed);
  void* buf = nullptr;
  size_t len = 0;
  const int rc = vips_jpegsave_buffer(t.get(), &buf, &len, nullptr);
  return Take(rc, buf, len);
}

int BandsOf(const std::string& bytes) {
  Init();
  Img img(vips_image_new_from_buffer(bytes.data(), bytes.size(), "", nullptr));
  return img ? img->Bands : -1;
}

std::string MakeWebp(int width, int height, Pattern pattern) {
  Img img = Pattern3(width, height, pattern);
  void* buf = nullptr;
  size_t len = 0;
  const int rc = vips_webpsave_buffer(img.get(), &buf, &len, nullptr);
  return Take(rc, buf, len);
}

std::string MakeTiff(int width, int height, Pattern pattern) {
  Img img = Pattern3(width, height, pattern);
  void* buf = nullptr;
  size_t len = 0;
  const int rc = vips_tiffsave_buffer(img.get(), &buf, &len, nullptr);
  return Take(rc, buf, len);
}

std::string MakeHeic(int width, int height, Pattern pattern) {
  Img img = Pattern3(width, height, pattern);
  void* buf = nullptr;
  size_t len = 0;
  const int rc = vips_heifsave_buffer(img.get(), &buf, &len, "compression",
                                      VIPS_FOREIGN_HEIF_COMPRESSION_HEVC, nullptr);
  return Take(rc, buf, len);
}

std::string MakePdf(const std::vector<std::pair<int, int>>& page_sizes) {
  // Objects: 1 catalog, 2 pages, then per page i: page object 3+2i, content 4+2i.
  std::vector<std::string> objects;
  std::string kids;
  for (std::size_t i = 0; i < page_sizes.size(); ++i) kids += std::to_string(3 + 2 * i) + " 0 R ";
  objects.push_back("<< /Type /Catalog /Pages 2 0 R >>");
  objects.push_back("<< /Type /Pages /Kids [" + kids + "] /Count " +
                    std::to_string(page_sizes.size()) + " >>");
  for (std::size_t i = 0; i < page_sizes.size(); ++i) {
    const auto [w, h] = page_sizes[i];
    const std::string content =
        i % 2 == 0 ? "0 0 0 rg 0 0 " + std::to_string(w) + " " + std::to_string(h) + " re f\n"
                   : std::string("\n");
    objects.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 " + std::to_string(w) + " " +
                      std::to_string(h) + "] /Contents " + std::to_string(4 + 2 * i) +
                      " 0 R /Resources << >> >>");
    objects.push_back("<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content +
                      "endstream");
  }
  return AssemblePdf(objects);
}

std::string MakePngHeaderOnly(std::uint32_t width, std::uint32_t height) {
  std::string png = "\x89PNG\r\n\x1A\n";
  std::string ihdr;
  PutU32(ihdr, width);
  PutU32(ihdr, height);
  ihdr += std::string("\x08\x02\x00\x00\x00", 5);  // 8-bit RGB, deflate, no interlace
  PutChunk(png, "IHDR", ihdr);
  PutChunk(png, "IDAT", std::string("\x78\x9C\x03\x00\x00\x00\x00\x01", 8));
  PutChunk(png, "IEND", "");
  return png;
}

std::string MakeProgressiveJpegClaiming(int width, int height, bool end_marker) {
  Img img = Pattern3(64, 64, Pattern::kNoise);
  void* buf = nullptr;
  size_t len = 0;
  const int rc = vips_jpegsave_buffer(img.get(), &buf, &len, "interlace", TRUE, nullptr);
  std::string jpeg = Take(rc, buf, len);
  const std::size_t sof = jpeg.find("\xFF\xC2");
  const std::size_t sos = jpeg.find("\xFF\xDA");
  if (jpeg.empty() || sof == std::string::npos || sos == std::string::npos) return "";
  // SOF2: FF C2, length (2), precision (1), height (2), width (2).
  jpeg[sof + 5] = static_cast<char>(height >> 8);
  jpeg[sof + 6] = static_cast<char>(height & 0xFF);
  jpeg[sof + 7] = static_cast<char>(width >> 8);
  jpeg[sof + 8] = static_cast<char>(width & 0xFF);
  // The first scan's header and a few bytes of its data, then nothing (or EOI).
  const std::size_t sos_length =
      (static_cast<unsigned char>(jpeg[sos + 2]) << 8) | static_cast<unsigned char>(jpeg[sos + 3]);
  jpeg.resize(sos + 2 + sos_length + 16);
  if (end_marker) jpeg += "\xFF\xD9";
  return jpeg;
}

std::string MakeStrokeBombPdf(int strokes) {
  std::string content;
  content.reserve(static_cast<std::size_t>(strokes) * 24);
  for (int i = 0; i < strokes; ++i) {
    const int x = (i % 16) * 30;  // a few shapes, repeated: compresses ~400:1
    const int y = (i % 16) * 40;
    content += std::to_string(x) + " " + std::to_string(y) + " m " + std::to_string(500 - x) + " " +
               std::to_string(700 - y) + " l S\n";
  }
  uLongf packed_length = compressBound(static_cast<uLong>(content.size()));
  std::string packed(packed_length, '\0');
  compress2(reinterpret_cast<Bytef*>(packed.data()), &packed_length,
            reinterpret_cast<const Bytef*>(content.data()), static_cast<uLong>(content.size()), 9);
  packed.resize(packed_length);
  const std::vector<std::string> objects = {
      "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
      "/Resources << >> >>",
      "<< /Length " + std::to_string(packed.size()) + " /Filter /FlateDecode >>\nstream\n" +
          packed + "\nendstream"};
  return AssemblePdf(objects);
}

double MeanOfBox(const std::string& bytes, int left, int top, int width, int height) {
  Init();
  Img img(vips_image_new_from_buffer(bytes.data(), bytes.size(), "", nullptr));
  if (!img) return -1;
  VipsImage* box = nullptr;
  if (vips_extract_area(img.get(), &box, left, top, width, height, nullptr) != 0) return -1;
  Img b(box);
  double mean = -1;
  if (vips_avg(b.get(), &mean, nullptr) != 0) return -1;
  return mean;
}

}  // namespace jae::testing

// LeakSanitizer hook (CI runs the tests with detect_leaks=1): x265, the HEVC encoder
// libheif uses to write our HEIC fixtures, keeps a few KB of process-global state
// allocated on purpose. Only fixture generation encodes HEVC; our code never does.
extern "C" const char* __lsan_default_suppressions() { return "leak:libx265\n"; }
