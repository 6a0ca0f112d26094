#pragma once
// The text of a document file, for the reader: plain text and Markdown as
// they are (UTF-8, NFC), DOCX paragraphs one per line (table cells joined
// by " | ", rows on lines of their own, so tables read like the scans'),
// PDF through Debian's poppler (each page's text in reading order, pages
// apart by a blank line) in the helper cchc-pdf-text, a child held to
// kPdfReading and kMaxPdfPages (core/subprocess.h): a PDF past them is
// too_large, poppler's crash on a damaged one invalid_input. The kind is
// told by content, never by name. Throws invalid_input (English detail,
// Vietnamese message) for anything else, or for text that is not UTF-8.
// Waits for the child: call it off the I/O threads (a heavy route).
#include <string>
#include <string_view>

#include "core/errors.h"
#include "core/subprocess.h"

namespace cchc::documents {

inline constexpr int kMaxPdfPages = 2000;
inline constexpr subprocess::Limits kPdfReading{.cpu_seconds = 20,
                                                .memory_bytes = std::size_t(1) << 30,
                                                .wall = std::chrono::seconds(30),
                                                .output_bytes = std::size_t(16) << 20};

// text_of's refusal of a PDF without a text layer (a scan), an
// invalid_input like any other to whoever shows it; documents/ocr.h
// catches this type and reads such a PDF instead.
struct ScanNeedsOcr : Error {
  ScanNeedsOcr()
      : Error(ErrorKind::invalid_input, "cannot read the document: a PDF without text: a scan needs OCR first",
              "Không đọc được văn bản: tệp PDF chỉ có ảnh quét, chưa có lớp chữ; xin vui lòng nhận dạng chữ (OCR) "
              "trước.") {}
};

std::string text_of(std::string_view bytes, const subprocess::Limits& pdf_reading = kPdfReading);
// A Word document's text as text_of gives it, before NFC; invalid_input
// for a damaged package or one without word/document.xml.
std::string word_text(std::string_view bytes);

}  // namespace cchc::documents
