#include "documents/extract.h"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

#include <memory>

#include "core/errors.h"
#include "core/filetype.h"
#include "core/ooxml.h"
#include "core/text.h"

namespace cchc::documents {

namespace {

Error unreadable(const std::string& why) {
  return invalid_input("cannot read the document: " + why, "Không đọc được văn bản (" + why + ").");
}

std::string docx_text(std::string_view bytes) {
  ooxml::Package package(bytes, unreadable);
  auto xml = package.part("word/document.xml");
  if (!xml) throw unreadable("no word/document.xml: not a Word document");
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
  p.run(*xml, "word/document.xml", unreadable);
  return out;
}

std::string pdf_text(std::string_view bytes) {
  // poppler's own complaints about a damaged file would go to stderr; the
  // refusal below says it instead.
  static const bool quiet = [] {
    poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr);
    return true;
  }();
  (void)quiet;
  std::unique_ptr<poppler::document> doc(poppler::document::load_from_raw_data(bytes.data(), int(bytes.size())));
  if (!doc || doc->is_locked()) throw unreadable("a damaged or protected PDF");
  std::string out;
  for (int i = 0; i < doc->pages(); ++i) {
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    if (!page) continue;
    auto utf8 = page->text().to_utf8();
    out.append(utf8.begin(), utf8.end());
    out += "\n\n";
  }
  if (text::trim(out).empty()) throw unreadable("a PDF without text: a scan needs OCR first");
  return out;
}

}  // namespace

std::string text_of(std::string_view bytes) {
  auto type = filetype::sniff(bytes);
  std::string text;
  if (type == "application/pdf") {
    text = pdf_text(bytes);
  } else if (ooxml::looks_like_zip(bytes)) {
    text = docx_text(bytes);
  } else if (type.starts_with("text/") || type == "application/octet-stream" || bytes.empty()) {
    if (!text::is_valid_utf8(bytes)) throw unreadable("the text is not UTF-8");
    text = std::string(bytes);
  } else {
    throw unreadable("a " + type + " file is not a document cchc reads (text, Markdown, DOCX, PDF)");
  }
  return text::nfc(text);
}

}  // namespace cchc::documents
