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

}  // namespace
}  // namespace cchc::filetype
