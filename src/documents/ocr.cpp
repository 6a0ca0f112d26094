#include "documents/ocr.h"

#include <unistd.h>

#include <charconv>
#include <chrono>
#include <string>

#include "core/errors.h"
#include "core/filetype.h"
#include "core/text.h"

namespace cchc::documents {

namespace {

constexpr const char* kEnv = "/usr/bin/env";
constexpr const char* kTesseract = "/usr/bin/tesseract";
constexpr const char* kPdftoppm = "/usr/bin/pdftoppm";
constexpr const char* kPdfinfo = "/usr/bin/pdfinfo";
constexpr const char* kVietnamese = "/usr/share/tesseract-ocr/5/tessdata/vie.traineddata";

Error unreadable_scan(const std::string& why, const std::string& why_vi) {
  return invalid_input("cannot read the scan: " + why, "Không đọc được bản quét: " + why_vi + ".");
}

Error over_limits(const std::string& why, const std::string& why_vi) {
  return too_large("the scan is beyond what cchc reads: " + why,
                   "Không đọc được bản quét này vì " + why_vi + ". Xin vui lòng tách nhỏ tệp.");
}

// Throws for a child that did not end well; `what` names it in English.
void require_ok(const subprocess::Result& r, const char* what, const std::string& why_vi) {
  switch (r.ending) {
    case subprocess::Ending::over_cpu:
    case subprocess::Ending::over_time: throw over_limits(std::string(what) + " took too long", "nhận dạng quá lâu");
    case subprocess::Ending::over_output: throw over_limits(std::string(what) + " gave too much", "trang quá lớn");
    case subprocess::Ending::crashed: throw unreadable_scan(std::string(what) + " crashed", why_vi);
    case subprocess::Ending::exited: break;
  }
  if (r.exit_code != 0)
    throw unreadable_scan(std::string(what) + " failed (exit " + std::to_string(r.exit_code) + ")", why_vi);
}

std::string tesseract(std::string_view image, const OcrLimits& limits) {
  auto r = subprocess::run_bounded(
      kEnv, {"OMP_THREAD_LIMIT=1", kTesseract, "stdin", "stdout", "-l", "vie", "--psm", "3"}, image, limits.page);
  require_ok(r, "tesseract", "ảnh không đọc được");
  if (!text::is_valid_utf8(r.output))
    throw unreadable_scan("tesseract gave text that is not UTF-8", "ảnh không đọc được");
  return std::move(r.output);
}

void require_installed() {
  if (!ocr_available()) {
    throw unavailable("OCR is not installed (tesseract-ocr, tesseract-ocr-vie, poppler-utils)",
                      "Máy chủ chưa cài bộ nhận dạng chữ (OCR) nên chưa đọc được bản quét.");
  }
}

// The number of pages pdfinfo finds.
int page_count(std::string_view pdf, const OcrLimits& limits) {
  auto r = subprocess::run_bounded(kPdfinfo, {"-"}, pdf, limits.page);
  require_ok(r, "pdfinfo", "tệp PDF bị hỏng hoặc có mật khẩu");
  const auto at = r.output.find("\nPages:");
  const auto start = at == std::string::npos ? (r.output.starts_with("Pages:") ? 0 : std::string::npos) : at + 1;
  if (start == std::string::npos) throw unreadable_scan("pdfinfo found no pages", "tệp PDF không có trang nào");
  std::string_view rest = text::trim(std::string_view(r.output).substr(start + 6, 16));
  int pages = 0;
  std::from_chars(rest.data(), rest.data() + rest.size(), pages);
  if (pages <= 0) throw unreadable_scan("pdfinfo found no pages", "tệp PDF không có trang nào");
  return pages;
}

}  // namespace

bool ocr_available() {
  for (const char* p : {kTesseract, kPdftoppm, kPdfinfo}) {
    if (::access(p, X_OK) != 0) return false;
  }
  return ::access(kVietnamese, R_OK) == 0;
}

std::string ocr_image(std::string_view image, const OcrLimits& limits) {
  require_installed();
  return text::nfc(tesseract(image, limits));
}

std::string ocr_pdf(std::string_view pdf, const OcrLimits& limits, const OcrProgress& progress) {
  require_installed();
  const int pages = page_count(pdf, limits);
  if (pages > limits.max_pages) {
    throw over_limits(std::to_string(pages) + " pages, more than " + std::to_string(limits.max_pages),
                      "có " + std::to_string(pages) + " trang, quá " + std::to_string(limits.max_pages) + " trang");
  }
  std::string out;
  const auto deadline = std::chrono::steady_clock::now() + limits.total;
  for (int page = 1; page <= pages; ++page) {
    if (std::chrono::steady_clock::now() > deadline) {
      throw over_limits("reading it takes longer than " + std::to_string(limits.total.count()) + " s",
                        "nhận dạng quá lâu");
    }
    if (progress) progress(page - 1, pages);
    const std::string n = std::to_string(page);
    auto image = subprocess::run_bounded(
        kPdftoppm, {"-r", std::to_string(limits.dpi), "-gray", "-png", "-f", n, "-l", n, "-"}, pdf, limits.page);
    require_ok(image, "pdftoppm", "tệp PDF bị hỏng");
    if (!out.empty()) out += "\n\n";
    out += tesseract(image.output, limits);
  }
  if (progress) progress(pages, pages);
  return text::nfc(out);
}

namespace {

bool is_scan_image(const std::string& type) {
  return type == "image/png" || type == "image/jpeg" || type == "image/tiff";
}

}  // namespace

bool read_in_background(std::string_view bytes) {
  const auto type = filetype::sniff(bytes);
  return type == "application/pdf" || is_scan_image(type);
}

std::string text_with_ocr(std::string_view bytes, const OcrLimits& limits, const OcrProgress& progress) {
  const auto type = filetype::sniff(bytes);
  if (is_scan_image(type)) {
    if (auto size = filetype::image_size(bytes); size && size->width * size->height > filetype::kMaxImagePixels) {
      throw over_limits("more than 50 megapixels", "ảnh lớn quá 50 megapixel");
    }
    if (progress) progress(0, 1);
    auto text = ocr_image(bytes, limits);
    if (progress) progress(1, 1);
    return text;
  }
  try {
    return text_of(bytes);
  } catch (const ScanNeedsOcr&) {}
  return ocr_pdf(bytes, limits, progress);
}

}  // namespace cchc::documents
