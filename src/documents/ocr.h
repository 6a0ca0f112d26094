#pragma once
// The text of scans and photos (docs/documents.md, "Scans and photos"):
// Tesseract OCR with its Vietnamese model (Debian's tesseract-ocr and
// tesseract-ocr-vie), a PDF's pages first rendered to images by poppler's
// pdftoppm (poppler-utils). Each page is its own pair of bounded children
// (core/subprocess.h: CPU, memory, wall time, output), Tesseract on one
// thread (OMP_THREAD_LIMIT=1: on a small machine its OpenMP threads cost
// eight times the time), so a page costs about a second and a half of one
// core at 200 dpi. Waits for its children: call it from a background job
// (documents/reading.h), never a request's thread.
//
//   auto text = documents::ocr_pdf(bytes, {}, [&](int done, int total) { job.progress(done, total, "…"); });
//
// What the OCR gives is text as the page shows it, diacritics often wrong
// or lost; the reader is built to read it (docs/documents.md).
#include <chrono>
#include <functional>
#include <string>
#include <string_view>

#include "core/subprocess.h"
#include "documents/extract.h"

namespace cchc::documents {

struct OcrLimits {
  int max_pages = 50;                   // a scan with more pages is too_large
  int dpi = 200;                        // how finely a PDF page is rendered
  std::chrono::seconds total{10 * 60};  // a whole document past it is too_large
  // Each child, per page.
  subprocess::Limits page{.cpu_seconds = 30,
                          .memory_bytes = std::size_t(2) << 30,
                          .wall = std::chrono::seconds(45),
                          .output_bytes = std::size_t(64) << 20};
};

// Whether Tesseract with its Vietnamese model, and pdftoppm, are installed.
bool ocr_available();

// Called before each page, and once after the last (done == total); a
// throw from it (a cancelled job) stops the reading.
using OcrProgress = std::function<void(int done, int total)>;

// The text of one image (PNG, JPEG, TIFF). Throws unavailable when OCR is
// not installed, invalid_input when Tesseract cannot read the image,
// too_large past the limits.
std::string ocr_image(std::string_view image, const OcrLimits& limits = {});
// The text of every page of a PDF, pages apart by a blank line.
std::string ocr_pdf(std::string_view pdf, const OcrLimits& limits = {}, const OcrProgress& progress = {});

// Whether reading `bytes` may take OCR or a child (a PDF, an image): what
// a page hands to a background job instead of reading it at once.
bool read_in_background(std::string_view bytes);
// The text of any document text_of reads, and of scans and photos: an
// image (PNG, JPEG, TIFF) by OCR, a PDF without a text layer by OCR of its
// pages. Throws as text_of and the OCR functions do.
std::string text_with_ocr(std::string_view bytes, const OcrLimits& limits = {}, const OcrProgress& progress = {});

}  // namespace cchc::documents
