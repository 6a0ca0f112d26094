#pragma once
// Bodies a hostile client sends, built for the tests that refuse them.
#include <fmt/format.h>
#include <zlib.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace cchc::testing {

// `s` `n` times over.
inline std::string repeat(std::string_view s, std::size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

// Multipart parts nested `depth` deep under the boundary "B0": each level
// opens a part of type multipart/mixed with a boundary of its own.
inline std::string nested_multipart(std::size_t depth) {
  std::string out;
  for (std::size_t i = 0; i < depth; ++i) {
    out += "--B" + std::to_string(i) + "\r\nContent-Disposition: form-data; name=\"x\"\r\n" +
           "Content-Type: multipart/mixed; boundary=B" + std::to_string(i + 1) + "\r\n\r\n";
  }
  return out;
}

// A PDF file of these objects (numbered from 1, the first the catalog),
// its cross-reference table computed.
inline std::string pdf_of_objects(const std::vector<std::string>& objects) {
  std::string out = "%PDF-1.4\n";
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(out.size());
    out += fmt::format("{} 0 obj\n{}\nendobj\n", i + 1, objects[i]);
  }
  const auto xref = out.size();
  out += fmt::format("xref\n0 {}\n0000000000 65535 f \n", objects.size() + 1);
  for (auto o : offsets) out += fmt::format("{:010} 00000 n \n", o);
  out += fmt::format("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{}\n%%EOF\n", objects.size() + 1, xref);
  return out;
}

// A PDF of one page per content stream (Helvetica), its cross-reference
// table computed; `deflate` compresses the streams (FlateDecode).
inline std::string pdf(const std::vector<std::string>& pages, bool deflate = false) {
  std::vector<std::string> objects = {"<< /Type /Catalog /Pages 2 0 R >>", "",
                                      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"};
  std::string kids;
  for (const auto& content : pages) {
    auto page = objects.size() + 1;
    kids += fmt::format("{} 0 R ", page);
    objects.push_back(
        fmt::format("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {} 0 R "
                    "/Resources << /Font << /F1 3 0 R >> >> >>",
                    page + 1));
    std::string stream = content, filter;
    if (deflate) {
      uLongf size = compressBound(uLong(content.size()));
      stream.resize(size);
      compress2(reinterpret_cast<Bytef*>(stream.data()), &size, reinterpret_cast<const Bytef*>(content.data()),
                uLong(content.size()), 9);
      stream.resize(size);
      filter = " /Filter /FlateDecode";
    }
    objects.push_back(fmt::format("<< /Length {}{} >>\nstream\n{}\nendstream", stream.size(), filter, stream));
  }
  objects[1] = fmt::format("<< /Type /Pages /Kids [{}] /Count {} >>", kids, pages.size());
  return pdf_of_objects(objects);
}

// A page of one line of text (ASCII), as a scanner's text layer carries it.
inline std::string pdf_line(const std::string& line) { return "BT /F1 12 Tf 72 720 Td (" + line + ") Tj ET"; }

// A flate bomb: a PDF of a few KB whose one page draws `lines` lines of
// text a hair apart (at 15 000 lines, 1 KB that take poppler 2 s and 50 MB
// here; at 100 000, 10 s and 500 MB).
inline std::string pdf_bomb(std::size_t lines) {
  return pdf({"BT /F1 12 Tf 72 720 Td " + repeat("(Hello world) Tj 0 -0.0005 Td ", lines) + "ET"}, true);
}

}  // namespace cchc::testing
