#include "documents/extract.h"

#include <csignal>
#include <string>

#include "core/errors.h"
#include "core/filetype.h"
#include "core/ooxml.h"
#include "core/subprocess.h"
#include "core/text.h"

namespace cchc::documents {

namespace {

// `why` in English for the API and logs; `why_vi` for the page (a damaged
// file when not given).
Error unreadable(const std::string& why, const std::string& why_vi = "tệp bị hỏng hoặc không đúng định dạng") {
  return invalid_input("cannot read the document: " + why, "Không đọc được văn bản: " + why_vi + ".");
}
// A damaged Word package, as ooxml says it.
Error broken_word(const std::string& why) { return unreadable(why); }

}  // namespace

std::string word_text(std::string_view bytes) {
  ooxml::Package package(bytes, broken_word);
  auto xml = package.part("word/document.xml");
  if (!xml) throw unreadable("no word/document.xml: not a Word document", "tệp không phải văn bản Word");
  std::string out, cell;
  bool in_text = false;
  int table = 0;
  bool first_cell = true;
  ooxml::Parser p;
  p.start = [&](std::string_view n, const char**) {
    if (n == "t")
      in_text = true;
    else if (n == "tab")
      (table ? cell : out) += ' ';
    else if (n == "br")
      (table ? cell : out) += '\n';
    else if (n == "tbl")
      ++table;
    else if (n == "tr")
      first_cell = true;
    else if (n == "tc")
      cell.clear();
  };
  p.end = [&](std::string_view n) {
    if (n == "t")
      in_text = false;
    else if (n == "p" && !table)
      out += '\n';
    else if (n == "p" && table)
      cell += ' ';
    else if (n == "tc") {
      auto trimmed = std::string(text::trim(cell));
      out += (first_cell ? "" : " | ") + trimmed;
      first_cell = false;
    } else if (n == "tr")
      out += '\n';
    else if (n == "tbl") {
      --table;
      out += '\n';
    }
  };
  p.text = [&](std::string_view s) {
    if (in_text) (table ? cell : out) += s;
  };
  p.run(*xml, "word/document.xml", broken_word);
  return out;
}

namespace {

// The PDF's text from the helper cchc-pdf-text in a bounded child: poppler
// never runs in the server, whatever the file holds.
std::string pdf_text(std::string_view bytes, const subprocess::Limits& limits) {
  auto r = subprocess::run_bounded(subprocess::helper("cchc-pdf-text"), {"--max-pages", std::to_string(kMaxPdfPages)},
                                   bytes, limits);
  auto over = [](const std::string& why, const std::string& why_vi) {
    return too_large("the PDF is beyond what cchc reads: " + why,
                     "Không đọc được tệp PDF này vì " + why_vi + ". Xin vui lòng tách nhỏ tệp hoặc gửi bản Word.");
  };
  switch (r.ending) {
    case subprocess::Ending::over_cpu:
    case subprocess::Ending::over_time: throw over("reading it takes too long", "đọc quá lâu");
    case subprocess::Ending::over_output: throw over("more text than a document has", "có quá nhiều chữ");
    case subprocess::Ending::crashed:
      // poppler aborts when an allocation fails (its gmem), and crashes
      // otherwise only on a damaged file.
      if (r.signal == SIGABRT) throw over("it needs too much memory", "cần quá nhiều bộ nhớ");
      throw unreadable("a damaged PDF", "tệp PDF bị hỏng");
    case subprocess::Ending::exited: break;
  }
  if (r.exit_code == 2) throw unreadable("a damaged or protected PDF", "tệp PDF bị hỏng hoặc có mật khẩu");
  if (r.exit_code == 3)
    throw over("more than " + std::to_string(kMaxPdfPages) + " pages",
               "có quá " + std::to_string(kMaxPdfPages) + " trang");
  if (r.exit_code == 4) throw over("it needs too much memory", "cần quá nhiều bộ nhớ");
  if (r.exit_code != 0)
    throw unavailable("the PDF reader cchc-pdf-text did not run (exit " + std::to_string(r.exit_code) + ")");
  if (text::trim(r.output).empty()) throw ScanNeedsOcr();
  if (!text::is_valid_utf8(r.output))
    throw unreadable("a PDF whose text is not UTF-8", "chữ trong tệp PDF không đọc được");
  return std::move(r.output);
}

}  // namespace

std::string text_of(std::string_view bytes, const subprocess::Limits& pdf_reading) {
  auto type = filetype::sniff(bytes);
  std::string text;
  if (type == "application/pdf") {
    text = pdf_text(bytes, pdf_reading);
  } else if (ooxml::looks_like_zip(bytes)) {
    text = word_text(bytes);
  } else if (type.starts_with("text/") || type == "application/octet-stream" || bytes.empty()) {
    if (!text::is_valid_utf8(bytes)) throw unreadable("the text is not UTF-8", "tệp văn bản không dùng bảng mã UTF-8");
    text = std::string(bytes);
  } else {
    throw unreadable("a " + type + " file is not a document cchc reads (text, Markdown, DOCX, PDF)",
                     "chỉ đọc được tệp văn bản, Markdown, Word (DOCX) hoặc PDF");
  }
  return text::nfc(text);
}

}  // namespace cchc::documents
