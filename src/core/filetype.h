#pragma once
// What an uploaded file really is, from its bytes (libmagic), never from its
// name alone: a ".pdf" that holds HTML is HTML.
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace cchc::filetype {

// The MIME type libmagic finds in the bytes ("application/pdf",
// "text/html", …); "application/octet-stream" when it finds none.
std::string sniff(std::string_view bytes);

// A kind of file an upload may be: its extensions (lower case, first the
// one a stored name gets), the type it is served as, and the types libmagic
// may report for it (Office files from some tools read as plain ZIP or
// CDFV2 containers).
struct Kind {
  std::vector<std::string> extensions;
  std::string content_type;
  std::vector<std::string> detected;
};

// Documents, sheets, images and archives: pdf, doc, docx, odt, xls, xlsx,
// ods, jpg/jpeg, png, zip. Never HTML, SVG or scripts, which a browser runs.
const std::vector<Kind>& evidence_kinds();
// Images a page may show: jpg/jpeg, png, gif, webp.
const std::vector<Kind>& image_kinds();

struct Accepted {
  std::string name;          // a safe stored name: the slug of the stem, the extension
  std::string content_type;  // the kind's
  std::string detected;      // what libmagic reported
};

// Accepts `bytes` named `filename` when it has 1 to `max_bytes` bytes, its
// extension is one of `kinds` and libmagic finds the content to be of that
// kind. Throws invalid_input (English detail, Vietnamese message) otherwise.
Accepted check(std::string_view filename, std::string_view bytes, const std::vector<Kind>& kinds,
               std::size_t max_bytes);

}  // namespace cchc::filetype
