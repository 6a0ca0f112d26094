#pragma once
// Scans and photos of a page, for the OCR tests: a text page drawn as a
// PDF (hostile.h: pdf), rendered to an image by poppler's pdftoppm (the
// real tool, in a bounded child), and image-only PDFs wrapping JPEG pages
// as a scanner writes them (no text layer).
#include <fmt/format.h>

#include <cstddef>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/subprocess.h"
#include "support/hostile.h"

namespace cchc::testing {

// A page of ASCII lines in 12 pt Helvetica, 16 pt apart, from the top.
inline std::string text_page(const std::vector<std::string>& lines) {
  std::string content = "BT /F1 12 Tf 72 740 Td 16 TL";
  for (const auto& line : lines) content += " (" + line + ") '";
  return content + " ET";
}

// Page `page` (from 1) of `pdf` as an image ("png" or "jpeg") at `dpi`.
inline std::string render_page(const std::string& pdf, int page, const std::string& format, int dpi = 200) {
  const auto n = std::to_string(page);
  auto r = subprocess::run_bounded("/usr/bin/pdftoppm",
                                   {"-r", std::to_string(dpi), "-" + format, "-f", n, "-l", n, "-"}, pdf, {});
  if (!r.ok()) throw std::runtime_error("pdftoppm could not render the page");
  return r.output;
}

// An image-only PDF, one page per JPEG (baseline or progressive, gray or
// colour), each page the size the image has at `dpi`.
inline std::string image_pdf(const std::vector<std::string>& jpegs, int dpi = 200) {
  struct Frame {
    int width = 0, height = 0, components = 0;
  };
  auto frame_of = [](const std::string& j) {
    for (std::size_t i = 2; i + 9 < j.size();) {
      if (static_cast<unsigned char>(j[i]) != 0xFF) {
        ++i;
        continue;
      }
      const auto marker = static_cast<unsigned char>(j[i + 1]);
      auto byte = [&](std::size_t k) { return static_cast<unsigned char>(j[k]); };
      if (marker == 0xC0 || marker == 0xC1 || marker == 0xC2) {
        return Frame{byte(i + 7) << 8 | byte(i + 8), byte(i + 5) << 8 | byte(i + 6), byte(i + 9)};
      }
      i += 2 + std::size_t(byte(i + 2) << 8 | byte(i + 3));
    }
    throw std::runtime_error("not a JPEG with a frame header");
  };
  std::vector<std::string> objects = {"<< /Type /Catalog /Pages 2 0 R >>", ""};
  std::string kids;
  for (const auto& jpeg : jpegs) {
    const auto f = frame_of(jpeg);
    const double w = f.width * 72.0 / dpi, h = f.height * 72.0 / dpi;
    const auto page = objects.size() + 1;
    kids += fmt::format("{} 0 R ", page);
    objects.push_back(
        fmt::format("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {:.2f} {:.2f}] /Contents {} 0 R "
                    "/Resources << /XObject << /Im0 {} 0 R >> >> >>",
                    w, h, page + 1, page + 2));
    const auto draw = fmt::format("q {:.2f} 0 0 {:.2f} 0 0 cm /Im0 Do Q", w, h);
    objects.push_back(fmt::format("<< /Length {} >>\nstream\n{}\nendstream", draw.size(), draw));
    objects.push_back(
        fmt::format("<< /Type /XObject /Subtype /Image /Width {} /Height {} /ColorSpace /{} /BitsPerComponent 8 "
                    "/Filter /DCTDecode /Length {} >>\nstream\n{}\nendstream",
                    f.width, f.height, f.components == 1 ? "DeviceGray" : "DeviceRGB", jpeg.size(), jpeg));
  }
  objects[1] = fmt::format("<< /Type /Pages /Kids [{}] /Count {} >>", kids, jpegs.size());
  return pdf_of_objects(objects);
}

// A plan's first page as a scanner sees it (no marks: the reader is built
// for what OCR gives), and a second page that follows it.
inline const std::vector<std::string>& scanned_plan_first_page() {
  static const std::vector<std::string> lines = {
      "VAN PHONG UBND TINH DONG NAI",
      "So: 77/KH-VP",
      "Dong Nai, ngay 11 thang 01 nam 2023",
      "",
      "KE HOACH",
      "Cai cach hanh chinh nam 2023",
      "",
      "Can cu Nghi quyet so 76/NQ-CP ngay 15 thang 7 nam 2021 cua Chinh phu;",
      "Van phong UBND tinh ban hanh Ke hoach cai cach hanh chinh nam 2023 nhu sau:",
      "I. MUC TIEU, YEU CAU",
  };
  return lines;
}
inline const std::vector<std::string>& scanned_plan_second_page() {
  static const std::vector<std::string> lines = {
      "II. NHIEM VU TRONG TAM",
      "Ty le ho so giai quyet dung han dat toi thieu 98%.",
      "Noi nhan:",
  };
  return lines;
}

}  // namespace cchc::testing
