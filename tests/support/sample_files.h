#pragma once
// Small files of real formats, for upload tests: what libmagic sees in them
// is what it sees in the real thing (their signatures and first structures).
#include <string>

#include "views/docx.h"

namespace cchc::testing {

inline std::string sample_pdf() { return "%PDF-1.4\n% minh chung\n1 0 obj\n<<>>\nendobj\n%%EOF\n"; }
inline std::string sample_png() {
  return std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0", 29);
}
inline std::string sample_jpeg() { return std::string("\xff\xd8\xff\xe0\0\x10JFIF\0\x01\x01\0\0\x01\0\x01\0\0", 20); }
inline std::string sample_gif() { return std::string("GIF89a\x01\0\x01\0\0\0\0;", 13); }
inline std::string sample_html() { return "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"; }
inline std::string sample_svg() { return "<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>"; }
inline std::string sample_docx() {
  views::docx::Document d;
  d.add(views::docx::para("Minh chứng"));
  return views::docx::write(d);
}

}  // namespace cchc::testing
