// cchc-pdf-text: the text of a PDF through Debian's poppler, run by the
// server as a bounded child (core/subprocess.h), never in its own process.
//   stdin    the PDF
//   stdout   each page's text (UTF-8, physical layout), pages apart by a
//            blank line
//   --max-pages N   refuse a document of more pages (default 2000)
// Exit codes: 0 the text; 2 not a PDF poppler can open, or a protected
// one; 3 more pages than allowed; 4 out of memory (the parent's address
// space limit); 64 bad usage.
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

#include <cstdio>
#include <cstring>
#include <iostream>
#include <iterator>
#include <memory>
#include <new>
#include <string>
#include <vector>

#include "core/parse.h"

namespace {

int pdf_text(int max_pages) {
  // poppler's complaints about a damaged file would go to stderr; the exit
  // code says it instead.
  poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr);
  std::vector<char> bytes((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
  std::unique_ptr<poppler::document> doc(poppler::document::load_from_raw_data(bytes.data(), int(bytes.size())));
  if (!doc || doc->is_locked()) return 2;
  if (doc->pages() > max_pages) return 3;
  for (int i = 0; i < doc->pages(); ++i) {
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    if (!page) continue;
    auto utf8 = page->text().to_utf8();
    std::fwrite(utf8.data(), 1, utf8.size(), stdout);
    std::fputs("\n\n", stdout);
  }
  return std::fflush(stdout) == 0 ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  int max_pages = 2000;
  for (int i = 1; i + 1 < argc; ++i) {
    if (std::strcmp(argv[i], "--max-pages") != 0) continue;
    auto n = cchc::parse_int<int>(argv[i + 1]);
    if (!n || *n < 1) return 64;
    max_pages = *n;
  }
  std::ios::sync_with_stdio(false);
  try {
    return pdf_text(max_pages);
  } catch (const std::bad_alloc&) {
    return 4;
  }
}
