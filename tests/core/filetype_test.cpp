// Uploads are judged by their bytes: the extension must name a kind the
// caller accepts and libmagic must find that kind in the content.
#include "core/filetype.h"

#include <gtest/gtest.h>

#include "core/errors.h"
#include "support/sample_files.h"

namespace cchc::filetype {
namespace {

using namespace cchc::testing;

TEST(FileType, SniffsTheContentNotTheName) {
  EXPECT_EQ(sniff(sample_pdf()), "application/pdf");
  EXPECT_EQ(sniff(sample_png()), "image/png");
  EXPECT_EQ(sniff(sample_jpeg()), "image/jpeg");
  EXPECT_EQ(sniff(sample_html()), "text/html");
  EXPECT_EQ(sniff(sample_svg()), "image/svg+xml");
  EXPECT_EQ(sniff(sample_docx()), "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  EXPECT_EQ(sniff(""), "application/x-empty");
}

TEST(FileType, EvidenceUploads) {
  struct Case {
    const char* filename;
    std::string content;
    const char* name;  // nullptr: refused
    const char* type;
  } cases[] = {
      {"Báo cáo quý I.PDF", sample_pdf(), "bao-cao-quy-i.pdf", "application/pdf"},
      {"bien-ban.docx", sample_docx(), "bien-ban.docx",
       "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
      {"ảnh hội nghị.jpeg", sample_jpeg(), "anh-hoi-nghi.jpg", "image/jpeg"},
      {"....png", sample_png(), "tep.png", "image/png"},
      {"that-ra-la-html.pdf", sample_html(), nullptr, ""},  // named .pdf, holds HTML
      {"anh.png", sample_svg(), nullptr, ""},               // named .png, holds SVG
      {"bien-ban.docx", sample_pdf(), nullptr, ""},         // a PDF is not a DOCX
      {"trang.html", sample_html(), nullptr, ""},           // never accepted at all
      {"logo.svg", sample_svg(), nullptr, ""},
      {"khong-duoi", sample_pdf(), nullptr, ""},
      {"rong.pdf", "", nullptr, ""},
      {"lon.pdf", sample_pdf() + std::string(5u << 20, ' '), nullptr, ""},
      {"vua.pdf", sample_pdf() + std::string((5u << 20) - sample_pdf().size(), ' '), "vua.pdf", "application/pdf"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.filename);
    if (!c.name) {
      EXPECT_THROW(check(c.filename, c.content, evidence_kinds(), 5u << 20), Error);
      continue;
    }
    auto accepted = check(c.filename, c.content, evidence_kinds(), 5u << 20);
    EXPECT_EQ(accepted.name, c.name);
    EXPECT_EQ(accepted.content_type, c.type);
  }
}

TEST(FileType, ImagesOnlyForImageUploads) {
  EXPECT_EQ(check("a.gif", sample_gif(), image_kinds(), 1u << 20).content_type, "image/gif");
  EXPECT_THROW(check("a.pdf", sample_pdf(), image_kinds(), 1u << 20), Error);
  EXPECT_THROW(check("a.png", sample_png(), image_kinds(), 10), Error);  // over the limit
}

// Headers built byte by byte: each format's size fields where its
// specification puts them.
std::string png_header(std::uint32_t w, std::uint32_t h) {
  std::string out("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR", 16);
  for (auto v : {w, h}) {
    for (int shift : {24, 16, 8, 0}) out += char((v >> shift) & 0xff);
  }
  return out + std::string("\x08\x06\0\0\0\0\0\0\0", 9);
}
std::string gif_header(std::uint16_t w, std::uint16_t h) {
  return "GIF89a" + std::string{char(w & 0xff), char(w >> 8), char(h & 0xff), char(h >> 8)} + std::string("\0\0\0;", 4);
}
// A JFIF APP0 segment, then the frame (SOF0 or SOF2).
std::string jpeg_header(std::uint16_t w, std::uint16_t h, unsigned char sof = 0xc0) {
  std::string out("\xff\xd8\xff\xe0\0\x10JFIF\0\x01\x01\0\0\x01\0\x01\0\0", 20);
  out += std::string{'\xff', char(sof), 0, 0x11, 8, char(h >> 8), char(h & 0xff), char(w >> 8), char(w & 0xff)};
  return out + std::string("\x03\x01\x22\0\x02\x11\x01\x03\x11\x01\xff\xd9", 12);
}
std::string webp_vp8x(std::uint32_t w, std::uint32_t h) {
  std::string out = std::string("RIFF\x1e\0\0\0WEBPVP8X\x0a\0\0\0\0\0\0\0", 24);
  for (auto v : {w - 1, h - 1}) out += std::string{char(v & 0xff), char((v >> 8) & 0xff), char((v >> 16) & 0xff)};
  return out;
}

TEST(FileType, ImageSizesFromTheirHeaders) {
  struct Case {
    const char* what;
    std::string bytes;
    std::optional<Size> size;
  };
  std::vector<Case> cases = {
      {"PNG", png_header(1920, 1080), Size{1920, 1080}},
      {"PNG, 100 000 square", png_header(100000, 100000), Size{100000, 100000}},
      {"GIF", gif_header(640, 480), Size{640, 480}},
      {"JPEG baseline", jpeg_header(4000, 3000), Size{4000, 3000}},
      {"JPEG progressive", jpeg_header(65535, 65535, 0xc2), Size{65535, 65535}},
      {"WebP extended", webp_vp8x(16383, 16383), Size{16383, 16383}},
      {"the sample PNG", sample_png(), Size{1, 1}},
      {"a JPEG without a frame", sample_jpeg(), std::nullopt},
      {"not an image", sample_pdf(), std::nullopt},
  };
  for (const auto& c : cases) {
    auto size = image_size(c.bytes);
    ASSERT_EQ(size.has_value(), c.size.has_value()) << c.what;
    if (size) {
      EXPECT_EQ(size->width, c.size->width) << c.what;
      EXPECT_EQ(size->height, c.size->height) << c.what;
    }
  }
}

// An image whose header declares more than 50 megapixels is refused (413)
// before anything stores it: a reader's browser would try to allocate it.
TEST(FileType, PixelBombsAreRefused) {
  EXPECT_NO_THROW(check("anh.png", png_header(8000, 6000), image_kinds(), 1u << 20));  // 48 Mpx
  for (const auto& [name, bytes] :
       std::vector<std::pair<std::string, std::string>>{{"anh.png", png_header(100000, 100000)},
                                                        {"anh.gif", gif_header(65535, 65535)},
                                                        {"anh.jpg", jpeg_header(40000, 50000)},
                                                        {"anh.webp", webp_vp8x(16383, 16383)}}) {
    try {
      check(name, bytes, image_kinds(), 1u << 20);
      ADD_FAILURE() << name << " accepted";
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), ErrorKind::too_large) << name << ": " << e.what();
      EXPECT_NE(e.message_vi().find("triệu điểm ảnh"), std::string::npos) << name;
    }
  }
}

}  // namespace
}  // namespace cchc::filetype
